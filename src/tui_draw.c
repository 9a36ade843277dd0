/*
 * Drawing the screen: title bar, canvas (the renderer's cells copied out),
 * side panel, status line, command line, and the overlays (help, the add
 * palette, "terminal too small").  Nothing here changes state; the whole
 * frame is built with curses calls and sent with one refresh().
 */
#include "tui_internal.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "utf8.h"

#define PAIR_MARK 8
#define PAIR_BAR 9

static attr_t
attributes(const struct tui *t, int flags, int colour, short *pair)
{
	attr_t a = A_NORMAL;

	*pair = 0;
	if (t->colour && colour > 0 && colour <= 7)
		*pair = (short)colour;
	if (colour == TUI_COLOUR_BAR) {
		if (t->colour)
			*pair = PAIR_BAR;
		else
			a |= A_REVERSE;
	}
	if (flags & CELL_BOLD)
		a |= A_BOLD;
	if (flags & CELL_DIM)
		a |= A_DIM;
	if (flags & CELL_REVERSE)
		a |= A_REVERSE;
	if (flags & CELL_UNDERLINE)
		a |= A_UNDERLINE;
	if (flags & CELL_MARK) {
		if (t->colour) {
			*pair = PAIR_MARK;
			a = (a & ~(attr_t)A_REVERSE) | A_BOLD;
		} else {
			a |= A_REVERSE | A_UNDERLINE | A_BOLD;
		}
	}
	return a;
}

static void
put_char(const struct tui *t, int row, int column, uint32_t ch, int flags, int colour)
{
	cchar_t cc;
	wchar_t w[2] = { (wchar_t)ch, 0 };
	short pair;
	attr_t a = attributes(t, flags, colour, &pair);

	setcchar(&cc, w, a, pair, NULL);
	mvadd_wch(row, column, &cc);
}

int
tui_draw_text(const struct tui *t, int row, int column, const char *s, int width, int flags, int colour)
{
	int used = 0;
	size_t len = strlen(s);

	while (len > 0 && used < width) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		int w;

		if (n == 0) {
			cp = '?';
			n = 1;
		}
		if (utf8_is_control(cp) || (t->ascii && cp > 0x7E))
			cp = '?';
		w = utf8_char_width(cp);
		if (w == 0 || used + w > width) {
			if (w != 0)
				break;
		} else {
			put_char(t, row, column + used, cp, flags, colour);
			used += w;
		}
		s += n;
		len -= n;
	}
	return used;
}

void
tui_draw_fill(int row, int column, int width, int flags, int colour, const struct tui *t)
{
	for (int i = 0; i < width; i++)
		put_char(t, row, column + i, ' ', flags, colour);
}

static void
draw_too_small(const struct tui *t)
{
	char line[128];
	int row = t->rows / 2 - 1;

	erase();
	snprintf(line, sizeof line, "napkin needs %dx%d", TUI_MIN_COLUMNS, TUI_MIN_ROWS);
	tui_draw_text(t, row, 0, line, t->columns, CELL_BOLD, 0);
	snprintf(line, sizeof line, "this terminal is %dx%d", t->columns, t->rows);
	tui_draw_text(t, row + 1, 0, line, t->columns, 0, 0);
	tui_draw_text(t, row + 2, 0, "the diagram is safe: make the window bigger", t->columns, CELL_DIM, 0);
	curs_set(0);
}

static void
draw_canvas(struct tui *t)
{
	int w = tui_canvas_width(t), h = tui_canvas_height(t);
	struct render_marks marks = { 0 };

	if (t->screen.width != w || t->screen.height != h || t->screen.ascii != t->ascii) {
		canvas_free(&t->screen);
		canvas_init(&t->screen, t->view_x, t->view_y, w, h, t->ascii);
	}
	t->screen.x = t->view_x;
	t->screen.y = t->view_y;
	if (!tui_interview_private(t))
		critique_view_marks(t->critique, &marks);
	marks.selected_node = t->mode == MODE_CONNECT ? t->connect_from : t->selected;
	marks.selected_edge = t->selected_edge;
	if (t->mode == MODE_CONNECT)
		marks.marked_node = t->connect_to;
	if (t->drag_target != NULL)
		marks.marked_node = t->drag_target;
	marks.traffic = tui_interview_hides_load(t) ? NULL : tui_traffic(t);
	/* A frame routes what it has time for; the loop draws again for the rest. */
	scene_route_budget(t->scene, TUI_ROUTE_SECONDS);
	render_view(t->scene, &t->screen, &marks);
	t->routes_pending = scene_routes_pending(t->scene);
	scene_route_budget(t->scene, 0);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			const struct cell *c = &t->screen.cells[(size_t)y * (size_t)w + (size_t)x];
			uint32_t ch = canvas_glyph(&t->screen, c);

			if (ch == 0)
				continue;	/* right half of a wide character */
			put_char(t, 1 + y, x, ch, c->flags, c->fg);
		}
	}
}

/* "2 errors, 1 warning" for the title bar; "" when the critique is quiet. */
static void
finding_counts(const struct tui *t, char *out, size_t size)
{
	struct critique_summary sum = critique_summary(critique_view_critique(t->critique));
	size_t errors = sum.count[SEVERITY_ERROR], warnings = sum.count[SEVERITY_WARNING];

	out[0] = '\0';
	if (tui_interview_private(t))
		return;
	if (errors > 0 && warnings > 0)
		snprintf(out, size, "%zu error%s, %zu warning%s  ", errors, errors == 1 ? "" : "s", warnings,
		    warnings == 1 ? "" : "s");
	else if (errors > 0 || warnings > 0)
		snprintf(out, size, "%zu %s%s  ", errors + warnings, errors > 0 ? "error" : "warning",
		    errors + warnings == 1 ? "" : "s");
}

static void
draw_title(const struct tui *t)
{
	char left[512], counts[64], right[128];
	const char *title = diagram_title(t->diagram);
	int rw, cw, right_flags = 0, right_colour = TUI_COLOUR_BAR;

	snprintf(left, sizeof left, " napkin%s  %s%s%s%s%s", t->view_only ? " --view" : "",
	    t->path != NULL ? t->path : "[no file]", t->path_is_dot ? " [DOT]" : "", tui_modified(t) ? " [+]" : "",
	    title[0] != '\0' ? (t->ascii ? "  - " : "  \xe2\x80\x94 ") : "", title);
	finding_counts(t, counts, sizeof counts);
	snprintf(right, sizeof right, "%zu nodes  %zu edges ", diagram_node_count(t->diagram),
	    diagram_edge_count(t->diagram));
	tui_session_title(t, left, sizeof left, right, sizeof right, &right_flags, &right_colour);
	rw = (int)utf8_width(right);
	cw = (int)strlen(counts);
	if ((int)utf8_width(left) + cw + rw + 2 > t->columns)
		cw = 0;		/* the file's name matters more; the panel has the counts */
	tui_draw_fill(0, 0, t->columns, 0, TUI_COLOUR_BAR, t);
	tui_draw_text(t, 0, 0, left, t->columns - rw - cw - 1, CELL_BOLD, TUI_COLOUR_BAR);
	if (cw > 0)
		tui_draw_text(t, 0, t->columns - rw - cw, counts, cw, CELL_BOLD, TUI_COLOUR_BAR);
	tui_draw_text(t, 0, t->columns - rw, right, rw, right_flags, right_colour);
}

static const char *
mode_name(const struct tui *t)
{
	switch (t->mode) {
	case MODE_MOVE: return "MOVE";
	case MODE_CONNECT: return "CONNECT";
	case MODE_PALETTE: return "ADD";
	case MODE_PROMPT: return t->prompt.back == MODE_CONNECT ? "CONNECT" : "INPUT";
	case MODE_HELP: return "HELP";
	case MODE_CONFIRM_QUIT: return "QUIT?";
	case MODE_PAGE: return t->page.mode;
	default: return t->view_only ? "VIEW" : "NORMAL";
	}
}

/* The status line's hints, most useful first: what fits of this order is shown. */
static const enum tui_action hint_order[] = {
	ACTION_DROP, ACTION_CONNECT_HERE, ACTION_CANCEL, ACTION_ACCEPT, ACTION_ADD, ACTION_CONNECT,
	ACTION_PICK_UP, ACTION_NEXT_FINDING, ACTION_FAIL, ACTION_NEXT_EDGE, ACTION_DELETE, ACTION_UNDO,
	ACTION_HELP, ACTION_FIND, ACTION_ARRANGE, ACTION_PLAY, ACTION_STEP, ACTION_BACK
};

/* Whether a hinted binding says something useful now; its word goes to *word. */
static bool
hint_applies(const struct tui *t, const struct tui_binding *b, const char **word)
{
	bool failing = critique_view_failing(t->critique) != NULL;
	bool finding = critique_view_selected(t->critique, NULL) != NULL;

	*word = b->hint;
	switch (b->action) {
	case ACTION_CANCEL:
		if (failing)
			*word = "restore";
		return t->mode != MODE_NORMAL || failing || finding || t->selected_edge != NULL;
	case ACTION_ACCEPT:
		return finding && !t->view_only;
	case ACTION_FAIL:
		return t->selected != NULL && !failing;
	case ACTION_FIND:
	case ACTION_HELP:
	case ACTION_NEXT_FINDING:
		return true;
	default:
		return !t->view_only;
	}
}

/*
 * "a add  c connect ...": the hinted bindings of the current mode, as many
 * whole hints as fit in width columns.
 */
static void
hints(const struct tui *t, char *out, size_t size, int width)
{
	const struct tui_binding *b;
	size_t n = tui_bindings(&b), len = 0;
	unsigned mode = t->mode, extra = tui_session_modes(t);

	out[0] = '\0';
	if (mode == MODE_PALETTE) {
		snprintf(out, size, "a kind's key adds it  Esc cancel");
		return;
	}
	if (mode == MODE_PROMPT) {
		snprintf(out, size, "Enter ok  Esc cancel");
		return;
	}
	if (mode == MODE_HELP || mode == MODE_CONFIRM_QUIT)
		return;
	if (mode == MODE_PAGE) {
		snprintf(out, size, "j k scroll  q close");
		return;
	}
	for (size_t o = 0; o < sizeof hint_order / sizeof hint_order[0] && len + 1 < size; o++) {
		for (size_t i = 0; i < n; i++) {
			char key[16];
			size_t k;
			const char *word = b[i].hint;

			if (b[i].action != hint_order[o] || b[i].hint == NULL || !(b[i].modes & (mode | extra)) ||
			    b[i].key_name == NULL)
				continue;
			/* A session's own keys (replay) always apply; the rest when they mean something now. */
			if (!(b[i].modes & extra) && !hint_applies(t, &b[i], &word))
				break;
			k = strcspn(b[i].key_name, " ");
			if (k >= sizeof key)
				k = sizeof key - 1;
			memcpy(key, b[i].key_name, k);
			key[k] = '\0';
			if ((int)(utf8_width(out) + utf8_width(key) + strlen(word) + 3) <= width)
				len += (size_t)snprintf(out + len, size - len, "%s %s  ", key, word);
			break;
		}
	}
	{
		const char *tail = t->view_only ? ":q quit" : mode == MODE_NORMAL ? ":w save  :q quit" : "";

		if (len < size && (int)(utf8_width(out) + strlen(tail)) <= width)
			snprintf(out + len, size - len, "%s", tail);
	}
}

static void
draw_status(const struct tui *t)
{
	int row = t->rows - 2, x = 0;
	char text[512];

	tui_draw_fill(row, 0, t->columns, 0, TUI_COLOUR_BAR, t);
	snprintf(text, sizeof text, " %s ", mode_name(t));
	x += tui_draw_text(t, row, x, text, t->columns, CELL_BOLD | CELL_REVERSE, t->mode == MODE_NORMAL ? 0 : 3);
	snprintf(text, sizeof text, " %d,%d ", t->cursor_x, t->cursor_y);
	x += tui_draw_text(t, row, x, text, t->columns - x, 0, TUI_COLOUR_BAR);
	if (t->selected_edge != NULL) {
		snprintf(text, sizeof text, "%s%s%s %s ", t->selected_edge->from->id, t->ascii ? "->" : "\xe2\x86\x92",
		    t->selected_edge->to->id, edge_mode_name(t->selected_edge->mode));
		x += tui_draw_text(t, row, x, text, t->columns - x, CELL_BOLD, TUI_COLOUR_BAR);
	} else if (t->selected != NULL) {
		snprintf(text, sizeof text, "[%s] %s ", kind_info(t->selected->kind)->tag, t->selected->id);
		x += tui_draw_text(t, row, x, text, t->columns - x, CELL_BOLD, TUI_COLOUR_BAR);
	}
	hints(t, text, sizeof text, t->columns - x - 2);
	{
		int w = (int)utf8_width(text);

		if (w > t->columns - x - 2)
			w = t->columns - x - 2;
		if (w > 0)
			tui_draw_text(t, row, t->columns - w - 1, text, w, 0, TUI_COLOUR_BAR);
	}
}

static void
draw_command_line(const struct tui *t)
{
	int row = t->rows - 1;

	move(row, 0);
	clrtoeol();
	if (t->mode == MODE_PROMPT) {
		int x = tui_draw_text(t, row, 0, t->prompt.label, t->columns / 2, CELL_BOLD, 0);
		char before[TUI_PROMPT_MAX];

		if (t->prompt.label[0] != ':' && t->prompt.label[0] != '/')
			x++;
		tui_draw_text(t, row, x, t->prompt.text, t->columns - x - 1, 0, 0);
		memcpy(before, t->prompt.text, t->prompt.cursor);
		before[t->prompt.cursor] = '\0';
		move(row, x + (int)utf8_width(before));
		return;
	}
	if (t->mode == MODE_CONFIRM_QUIT) {
		tui_draw_text(t, row, 0, "unsaved changes: w save and quit, q quit without saving, Esc stay",
		    t->columns, CELL_BOLD, COLOUR_YELLOW);
		return;
	}
	if (t->message[0] != '\0')
		tui_draw_text(t, row, 0, t->message, t->columns, t->message_is_error ? CELL_BOLD : 0,
		    t->message_is_error ? COLOUR_RED : 0);
	else if (t->view_only && t->view_error[0] != '\0')
		tui_draw_text(t, row, 0, t->view_error, t->columns, CELL_BOLD, COLOUR_RED);
}

/* A framed box over the canvas for the overlays. */
void
tui_draw_frame(const struct tui *t, int top, int left, int height, int width, const char *title)
{
	const char *h = t->ascii ? "-" : "\xe2\x94\x80", *v = t->ascii ? "|" : "\xe2\x94\x82";

	for (int y = top; y < top + height; y++)
		tui_draw_fill(y, left, width, 0, 0, t);
	for (int x = left + 1; x < left + width - 1; x++) {
		tui_draw_text(t, top, x, h, 1, 0, COLOUR_CYAN);
		tui_draw_text(t, top + height - 1, x, h, 1, 0, COLOUR_CYAN);
	}
	for (int y = top + 1; y < top + height - 1; y++) {
		tui_draw_text(t, y, left, v, 1, 0, COLOUR_CYAN);
		tui_draw_text(t, y, left + width - 1, v, 1, 0, COLOUR_CYAN);
	}
	tui_draw_text(t, top, left, t->ascii ? "+" : "\xe2\x95\xad", 1, 0, COLOUR_CYAN);
	tui_draw_text(t, top, left + width - 1, t->ascii ? "+" : "\xe2\x95\xae", 1, 0, COLOUR_CYAN);
	tui_draw_text(t, top + height - 1, left, t->ascii ? "+" : "\xe2\x95\xb0", 1, 0, COLOUR_CYAN);
	tui_draw_text(t, top + height - 1, left + width - 1, t->ascii ? "+" : "\xe2\x95\xaf", 1, 0, COLOUR_CYAN);
	tui_draw_text(t, top, left + 2, title, width - 4, CELL_BOLD, 0);
}

static void
draw_palette(const struct tui *t)
{
	int height = KIND_COUNT + 4, width = tui_canvas_width(t) - 4 < 92 ? tui_canvas_width(t) - 4 : 92;
	int top = 1 + (tui_canvas_height(t) - height) / 2, left = (tui_canvas_width(t) - width) / 2;

	if (left < 0)
		left = 0;
	if (top < 1)
		top = 1;
	tui_draw_frame(t, top, left, height, width, " add a node: press its key (Esc cancels) ");
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *info = kind_info((enum node_kind)k);
		char key[4] = { info->palette_key, 0 }, tag[16];
		int y = top + 2 + k;

		snprintf(tag, sizeof tag, "[%s]", info->tag);
		tui_draw_text(t, y, left + 3, key, 1, CELL_BOLD | CELL_REVERSE, 0);
		tui_draw_text(t, y, left + 6, tag, 8, CELL_BOLD, info->colour);
		tui_draw_text(t, y, left + 14, info->name, 9, 0, 0);
		tui_draw_text(t, y, left + 24, info->description, width - 26, CELL_DIM, 0);
	}
}

#define HELP_COLUMN_WIDTH 58
#define HELP_KEYS_WIDTH 16

/* The help, flowed into as many columns as the screen holds; j/k scroll. */
static void
draw_help(struct tui *t)
{
	struct tui_help_line lines[160];
	size_t n = tui_help_lines(t->ascii, lines, sizeof lines / sizeof lines[0]);
	int height = tui_canvas_height(t), rows = height - 2;
	int columns = (t->columns - 2) / HELP_COLUMN_WIDTH;
	int per_page, max_scroll;

	if (columns < 1)
		columns = 1;
	per_page = rows * columns;
	max_scroll = (int)n > per_page ? (int)n - per_page : 0;
	if (t->help_scroll > max_scroll)
		t->help_scroll = max_scroll;
	tui_draw_frame(t, 1, 0, height, t->columns,
	    max_scroll > 0 ? " napkin keys: j k scroll, any other key closes " : " napkin keys: any key closes ");
	for (int i = 0; i < per_page && t->help_scroll + i < (int)n; i++) {
		const struct tui_help_line *l = &lines[t->help_scroll + i];
		int y = 2 + i % rows, x = 2 + (i / rows) * HELP_COLUMN_WIDTH;
		int width = HELP_COLUMN_WIDTH - 2;

		if (x + width > t->columns - 1)
			width = t->columns - 1 - x;
		if (l->heading) {
			int used = tui_draw_text(t, y, x, l->keys, width, CELL_BOLD, COLOUR_CYAN);

			tui_draw_text(t, y, x + used + 2, l->text, width - used - 2, CELL_DIM, 0);
			continue;
		}
		tui_draw_text(t, y, x + 1, l->keys, HELP_KEYS_WIDTH - 2, CELL_BOLD, l->colour);
		tui_draw_text(t, y, x + HELP_KEYS_WIDTH, l->text, width - HELP_KEYS_WIDTH, 0, 0);
	}
}

void
tui_draw(struct tui *t)
{
	int canvas_width = tui_canvas_width(t);

	/* Findings, markers and the failure follow the diagram as it is now. */
	tui_critique_refresh(t);
	if (t->rows < TUI_MIN_ROWS || t->columns < TUI_MIN_COLUMNS) {
		t->routes_pending = false;	/* nothing drawn: nothing to draw again for */
		draw_too_small(t);
		refresh();
		return;
	}
	draw_title(t);
	draw_canvas(t);
	if (t->panel)
		tui_panel_draw(t, canvas_width, 1, t->columns - canvas_width, tui_canvas_height(t));
	draw_status(t);
	if (t->mode == MODE_PALETTE)
		draw_palette(t);
	if (t->mode == MODE_HELP)
		draw_help(t);
	if (t->mode == MODE_PAGE)
		tui_page_draw(t);
	draw_command_line(t);
	if (t->mode == MODE_PROMPT) {
		curs_set(1);
	} else if (t->mode == MODE_HELP || t->mode == MODE_PALETTE || t->mode == MODE_CONFIRM_QUIT ||
	    t->mode == MODE_PAGE ||
	    t->cursor_x < t->view_x || t->cursor_y < t->view_y ||
	    t->cursor_x >= t->view_x + canvas_width || t->cursor_y >= t->view_y + tui_canvas_height(t)) {
		curs_set(0);
	} else {
		curs_set(1);
		move(1 + t->cursor_y - t->view_y, t->cursor_x - t->view_x);
	}
	refresh();
}
