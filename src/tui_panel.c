/*
 * The side panel: what is selected, the critique's findings (and the
 * failure being simulated), the board, and the legend of kinds.  Each
 * section fills lines; they are laid out top to bottom while they fit,
 * what the user is looking at first.
 */
#include "tui_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void
tui_panel_line(struct tui_panel_out *out, int flags, int colour, const char *fmt, ...)
{
	va_list ap;
	struct tui_panel_line *l;

	if (out->count >= TUI_PANEL_LINES_MAX)
		return;
	l = &out->lines[out->count++];
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	l->flags = flags;
	l->colour = colour;
	l->split = 0;
}

void
tui_panel_wrapped(struct tui_panel_out *out, const char *text, int width, int flags, int colour)
{
	while (*text != '\0' && out->count < TUI_PANEL_LINES_MAX) {
		size_t used = 0, bytes = utf8_prefix_for_width(text, (size_t)width, &used);
		size_t cut = bytes;
		const char *newline = memchr(text, '\n', bytes);

		if (newline != NULL) {
			cut = (size_t)(newline - text);
		} else if (text[bytes] != '\0') {
			for (size_t i = bytes; i > 0; i--) {
				if (text[i - 1] == ' ') {
					cut = i;
					break;
				}
			}
		}
		if (cut == 0)
			cut = bytes > 0 ? bytes : 1;
		tui_panel_line(out, flags, colour, "%.*s", (int)cut, text);
		text += cut;
		while (*text == ' ' || *text == '\n')
			text++;
	}
}

static void
fill_node(struct tui *t, struct tui_panel_out *out, int width)
{
	const struct node *n = t->selected;
	const struct kind_info *info = kind_info(n->kind);
	const struct edge *const *edges;
	size_t count = scene_edges_of(t->scene, n, &edges), shown = 0;
	const char *arrow_out = t->ascii ? "->" : "\xe2\x86\x92", *arrow_in = t->ascii ? "<-" : "\xe2\x86\x90";

	tui_panel_line(out, CELL_BOLD, info->colour, "[%s] %s", info->tag, n->label);
	tui_panel_line(out, CELL_DIM, 0, "%s \xc2\xb7 %s", n->id, info->name);
	if (t->ascii)
		snprintf(out->lines[out->count - 1].text, sizeof out->lines[0].text, "%s (%s)", n->id, info->name);
	tui_panel_wrapped(out, info->description, width, CELL_DIM, 0);
	if (n->tech[0] != '\0')
		tui_panel_line(out, 0, 0, "tech      %s", n->tech);
	tui_panel_line(out, 0, 0, "replicas  %d%s", n->replicas, n->managed ? ", managed" : "");
	if (n->capacity > 0)
		tui_panel_line(out, 0, 0, "capacity  %.0f req/s each", n->capacity);
	if (n->rps > 0)
		tui_panel_line(out, 0, 0, "sends     %.0f req/s", n->rps);
	if (n->group != NULL)
		tui_panel_line(out, 0, 0, "group     %s", n->group->label[0] != '\0' ? n->group->label : n->group->id);
	if (n->accept_count > 0)
		tui_panel_line(out, 0, 0, "accepts   %zu risk%s", n->accept_count, n->accept_count == 1 ? "" : "s");
	if (n->notes[0] != '\0') {
		tui_panel_line(out, CELL_BOLD, 0, "notes");
		tui_panel_wrapped(out, n->notes, width, 0, 0);
	}
	tui_panel_line(out, CELL_BOLD, 0, "edges (%zu)%s", count, count > 0 ? "  e cycles" : "  c connects");
	for (size_t i = 0; i < count && shown < 12; i++, shown++) {
		const struct edge *e = edges[i];
		bool outgoing = e->from == n;

		tui_panel_line(out, e == t->selected_edge ? CELL_REVERSE : 0, 0, "%s %s%s%s%s", outgoing ? arrow_out : arrow_in,
		    outgoing ? e->to->id : e->from->id, e->label[0] != '\0' ? "  " : "", e->label,
		    e->mode == EDGE_ASYNC ? " (async)" : "");
	}
	if (count > shown)
		tui_panel_line(out, CELL_DIM, 0, "... %zu more", count - shown);
}

static void
fill_edge(struct tui *t, struct tui_panel_out *out)
{
	const struct edge *e = t->selected_edge;

	tui_panel_line(out, CELL_BOLD, 0, "%s %s %s", e->from->id, t->ascii ? "->" : "\xe2\x86\x92", e->to->id);
	tui_panel_line(out, 0, 0, "label     %s", e->label[0] != '\0' ? e->label : "(none)");
	tui_panel_line(out, 0, 0, "mode      %s", e->mode == EDGE_ASYNC ? "async (message)" : "sync (call)");
	if (e->ratio != 1.0)
		tui_panel_line(out, 0, 0, "ratio     %g of the traffic", e->ratio);
	tui_panel_line(out, CELL_DIM, 0, "s toggles, r relabels, x deletes");
}

static void
fill_selection(struct tui *t, struct tui_panel_out *out, int width)
{
	if (t->selected_edge != NULL)
		fill_edge(t, out);
	if (t->selected != NULL) {
		if (t->selected_edge != NULL)
			tui_panel_line(out, 0, 0, "%s", "");
		fill_node(t, out, width);
	}
	if (t->selected == NULL && t->selected_edge == NULL) {
		tui_panel_line(out, CELL_DIM, 0, "nothing under the cursor");
		tui_panel_line(out, CELL_DIM, 0, "Tab jumps to a node, a adds one");
	}
}

static void
fill_board(struct tui *t, struct tui_panel_out *out, int width)
{
	const char *title = diagram_title(t->diagram);

	if (title[0] != '\0')
		tui_panel_wrapped(out, title, width, CELL_BOLD, 0);
	tui_panel_line(out, 0, 0, "%zu nodes, %zu edges, %zu groups", diagram_node_count(t->diagram),
	    diagram_edge_count(t->diagram), diagram_group_count(t->diagram));
	if (t->view_only) {
		tui_panel_line(out, CELL_DIM, 0, "following %s", t->path);
		if (t->view_error[0] != '\0')
			tui_panel_wrapped(out, t->view_error, width, CELL_BOLD, 0);
	} else if (tui_modified(t)) {
		tui_panel_line(out, 0, COLOUR_YELLOW, "unsaved changes (:w)");
	}
}

static void
fill_kinds(struct tui *t, struct tui_panel_out *out, int width)
{
	(void)t;
	(void)width;
	for (int k = 0; k < KIND_COUNT; k += 2) {
		const struct kind_info *a = kind_info((enum node_kind)k);
		const struct kind_info *b = k + 1 < KIND_COUNT ? kind_info((enum node_kind)(k + 1)) : NULL;
		char left[32];

		snprintf(left, sizeof left, "[%s] %s", a->tag, a->name);
		tui_panel_line(out, CELL_BOLD, a->colour, "%-16s", left);
		if (b != NULL) {
			struct tui_panel_line *l = &out->lines[out->count - 1];

			snprintf(l->text + 16, sizeof l->text - 16, "[%s] %s", b->tag, b->name);
			l->split = 16;
			l->colour2 = b->colour;
		}
	}
}

struct section {
	const char *title;
	void (*fill)(struct tui *t, struct tui_panel_out *out, int width);
	bool optional;		/* dropped first when the panel is short */
};

static const struct section interview = { "INTERVIEW", tui_interview_fill, false };
static const struct section prompt = { "PROMPT", tui_prompt_fill, true };
static const struct section traffic = { "TRAFFIC", tui_traffic_fill, true };
static const struct section failure = { "FAILURE", tui_panel_failure, false };
static const struct section findings = { "FINDINGS", tui_panel_findings, false };
static const struct section selected = { "SELECTED", fill_selection, false };
static const struct section board = { "BOARD", fill_board, false };
static const struct section kinds = { "KINDS", fill_kinds, true };

/*
 * The sections in order: the interview's clock and prompt, then what the
 * user is looking at.  A candidate's critique stays private until the
 * interview is over (the interviewer sees it with --view).  Sections with
 * nothing to say (no interview, no traffic) are skipped when drawn.
 */
static size_t
section_order(struct tui *t, const struct section **out)
{
	bool critique = !tui_interview_private(t);
	bool finding = critique && critique_view_selected(t->critique, NULL) != NULL;
	size_t n = 0;

	out[n++] = &interview;
	if (critique && critique_view_failing(t->critique) != NULL)
		out[n++] = &failure;
	if (finding)
		out[n++] = &findings;
	out[n++] = &prompt;
	out[n++] = &selected;
	out[n++] = &traffic;
	if (critique && !finding)
		out[n++] = &findings;
	out[n++] = &board;
	out[n++] = &kinds;
	return n;
}

static void
draw_line(const struct tui *t, int row, int x, int inner, const struct tui_panel_line *l)
{
	if (l->split > 0) {
		char first[sizeof l->text];

		memcpy(first, l->text, (size_t)l->split);
		first[l->split] = '\0';
		int used = tui_draw_text(t, row, x, first, inner, l->flags, l->colour);

		tui_draw_text(t, row, x + used, l->text + l->split, inner - used, l->flags, l->colour2);
		return;
	}
	tui_draw_text(t, row, x, l->text, inner, l->flags, l->colour);
}

void
tui_panel_draw(struct tui *t, int x, int y, int width, int height)
{
	int row = y, inner = width - 3;
	const char *bar = t->ascii ? "|" : "\xe2\x94\x82";
	const struct section *order[12];
	size_t count = section_order(t, order);

	for (int r = y; r < y + height; r++) {
		tui_draw_fill(r, x, width, 0, 0, t);
		tui_draw_text(t, r, x, bar, 1, CELL_DIM, 0);
	}
	for (size_t s = 0; s < count; s++) {
		struct tui_panel_out out = { .count = 0 };

		order[s]->fill(t, &out, inner);
		if (out.count == 0 || (order[s]->optional && row + 1 + out.count > y + height))
			continue;
		if (row >= y + height)
			break;
		tui_draw_text(t, row++, x + 2, order[s]->title, inner, CELL_BOLD, COLOUR_CYAN);
		for (int i = 0; i < out.count && row < y + height; i++, row++)
			draw_line(t, row, x + 2, inner, &out.lines[i]);
		row++;
	}
}
