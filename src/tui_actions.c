/*
 * The action table and the actions that only look: moving the cursor,
 * jumping between nodes, finding, panning, modes and screens.  The
 * actions that change the diagram are in tui_edit.c.
 */
#include "tui_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geometry.h"

struct action_info {
	const char *name, *section, *help;
};

static const struct action_info actions[ACTION_COUNT] = {
#define TUI_ACTION_ROW(e, name, section, help) { name, section, help },
	TUI_ACTIONS(TUI_ACTION_ROW)
#undef TUI_ACTION_ROW
};

const char *
tui_action_name(enum tui_action action)
{
	return actions[action].name;
}

const char *
tui_action_help(enum tui_action action)
{
	return actions[action].help;
}

const char *
tui_action_section(enum tui_action action)
{
	return actions[action].section;
}

bool
tui_action_from_name(const char *name, enum tui_action *action)
{
	for (int i = 0; i < ACTION_COUNT; i++) {
		if (strcmp(actions[i].name, name) == 0) {
			*action = (enum tui_action)i;
			return true;
		}
	}
	return false;
}

void
tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	t->message_is_error = error;
}

bool
tui_read_only(struct tui *t)
{
	const char *why;

	if (!t->view_only)
		return false;
	why = tui_session_read_only(t);
	tui_message(t, true, "%s", why != NULL ? why : "read-only viewer: open the file without --view to edit");
	return true;
}

int
tui_canvas_width(const struct tui *t)
{
	int w = t->columns - (t->panel ? TUI_PANEL_WIDTH : 0);

	return w > 1 ? w : 1;
}

int
tui_canvas_height(const struct tui *t)
{
	return t->rows > 4 ? t->rows - 3 : 1;	/* title, status, command line */
}

static bool
node_live(const struct diagram *d, const struct node *n)
{
	return n != NULL && n->index < diagram_node_count(d) && diagram_node(d, n->index) == n;
}

static bool
edge_live(const struct diagram *d, const struct edge *e)
{
	return e != NULL && e->index < diagram_edge_count(d) && diagram_edge(d, e->index) == e;
}

void
tui_select_at_cursor(struct tui *t)
{
	t->selected = scene_node_at(t->scene, t->cursor_x, t->cursor_y);
	t->selected_edge = NULL;
}

void
tui_check_selection(struct tui *t)
{
	if (!edge_live(t->diagram, t->selected_edge))
		t->selected_edge = NULL;
	if (!node_live(t->diagram, t->selected) ||
	    !box_contains(node_footprint(t->selected), t->cursor_x, t->cursor_y)) {
		const struct edge *keep = t->selected_edge;

		tui_select_at_cursor(t);
		t->selected_edge = keep;
	}
	if (!node_live(t->diagram, t->connect_from) && t->mode == MODE_CONNECT)
		t->mode = MODE_NORMAL;
}

/* Keep the cursor on screen with a little room round it. */
void
tui_follow_cursor(struct tui *t)
{
	int w = tui_canvas_width(t), h = tui_canvas_height(t);
	int mx = w > 16 ? 4 : 0, my = h > 8 ? 2 : 0;

	if (t->cursor_x < t->view_x + mx)
		t->view_x = t->cursor_x - mx;
	if (t->cursor_x >= t->view_x + w - mx)
		t->view_x = t->cursor_x - w + mx + 1;
	if (t->cursor_y < t->view_y + my)
		t->view_y = t->cursor_y - my;
	if (t->cursor_y >= t->view_y + h - my)
		t->view_y = t->cursor_y - h + my + 1;
	if (t->view_x < 0)
		t->view_x = 0;
	if (t->view_y < 0)
		t->view_y = 0;
}

/* The cursor rests on the label of a node it jumps to. */
void
tui_focus_node(struct tui *t, const struct node *n)
{
	t->cursor_x = n->x + 2;
	t->cursor_y = n->y + 1;
	tui_select_at_cursor(t);
	tui_follow_cursor(t);
}

void
tui_show_node(struct tui *t, const struct node *n)
{
	struct box b = node_footprint(n);
	int w = tui_canvas_width(t), h = tui_canvas_height(t);

	tui_focus_node(t, n);
	if (b.x >= t->view_x && b.y >= t->view_y && b.x + b.width <= t->view_x + w &&
	    b.y + b.height <= t->view_y + h)
		return;
	t->view_x = b.x + b.width / 2 - w / 2;
	t->view_y = b.y + b.height / 2 - h / 2;
	if (t->view_x < 0)
		t->view_x = 0;
	if (t->view_y < 0)
		t->view_y = 0;
	tui_follow_cursor(t);
}

static void
set_connect_target(struct tui *t)
{
	const struct node *n = scene_node_at(t->scene, t->cursor_x, t->cursor_y);

	t->connect_to = n != t->connect_from ? n : NULL;
}

static unsigned
move_cursor(struct tui *t, int dx, int dy)
{
	if (t->mode == MODE_MOVE)
		return tui_move_by(t, t->moving, dx, dy);
	t->cursor_x += dx;
	t->cursor_y += dy;
	if (t->cursor_x < 0)
		t->cursor_x = 0;
	if (t->cursor_y < 0)
		t->cursor_y = 0;
	if (t->cursor_x > NAPKIN_COORD_MAX)
		t->cursor_x = NAPKIN_COORD_MAX;
	if (t->cursor_y > NAPKIN_COORD_MAX)
		t->cursor_y = NAPKIN_COORD_MAX;
	tui_select_at_cursor(t);
	if (t->mode == MODE_CONNECT)
		set_connect_target(t);
	tui_follow_cursor(t);
	return TUI_REDRAW;
}

static unsigned act_left(struct tui *t, const char *a) { (void)a; return move_cursor(t, -1, 0); }
static unsigned act_right(struct tui *t, const char *a) { (void)a; return move_cursor(t, 1, 0); }
static unsigned act_up(struct tui *t, const char *a) { (void)a; return move_cursor(t, 0, -1); }
static unsigned act_down(struct tui *t, const char *a) { (void)a; return move_cursor(t, 0, 1); }
static unsigned act_left5(struct tui *t, const char *a) { (void)a; return move_cursor(t, -5, 0); }
static unsigned act_right5(struct tui *t, const char *a) { (void)a; return move_cursor(t, 5, 0); }
static unsigned act_up5(struct tui *t, const char *a) { (void)a; return move_cursor(t, 0, -5); }
static unsigned act_down5(struct tui *t, const char *a) { (void)a; return move_cursor(t, 0, 5); }

/* Reading order: by row, then column, then diagram order. */
static int
reading_compare(const struct node *a, const struct node *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* The next node after `from` (or the first) in reading order; O(nodes). */
static const struct node *
reading_next(const struct diagram *d, const struct node *from, int direction)
{
	const struct node *best = NULL, *wrap = NULL;

	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);

		if (wrap == NULL || reading_compare(n, wrap) * direction < 0)
			wrap = n;
		if (from != NULL && reading_compare(n, from) * direction <= 0)
			continue;
		if (best == NULL || reading_compare(n, best) * direction < 0)
			best = n;
	}
	return best != NULL ? best : wrap;
}

static unsigned
jump(struct tui *t, int direction)
{
	const struct node *from = t->mode == MODE_CONNECT ? t->connect_to : t->selected;
	const struct node *n;

	if (t->mode == MODE_CONNECT && from == NULL)
		from = t->connect_from;
	n = reading_next(t->diagram, from, direction);
	if (n == NULL) {
		tui_message(t, false, "no nodes yet: a adds one");
		return TUI_REDRAW;
	}
	if (t->mode == MODE_CONNECT && n == t->connect_from && diagram_node_count(t->diagram) > 1)
		n = reading_next(t->diagram, n, direction);
	tui_focus_node(t, n);
	if (t->mode == MODE_CONNECT)
		set_connect_target(t);
	return TUI_REDRAW;
}

static unsigned act_next(struct tui *t, const char *a) { (void)a; return jump(t, 1); }
static unsigned act_previous(struct tui *t, const char *a) { (void)a; return jump(t, -1); }

static bool
contains_folded(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack != '\0'; haystack++) {
		size_t i = 0;

		while (i < n && haystack[i] != '\0' &&
		    tolower((unsigned char)haystack[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

static unsigned
find_done(struct tui *t, const char *text)
{
	const struct diagram *d = t->diagram;
	size_t count = diagram_node_count(d);
	size_t start = t->selected != NULL ? t->selected->index + 1 : 0;

	if (text[0] != '\0')
		snprintf(t->last_search, sizeof t->last_search, "%s", text);
	if (t->last_search[0] == '\0')
		return TUI_REDRAW;
	for (size_t k = 0; k < count; k++) {
		const struct node *n = diagram_node(d, (start + k) % count);

		if (contains_folded(n->label, t->last_search) || contains_folded(n->id, t->last_search)) {
			tui_focus_node(t, n);
			if (t->prompt.back == MODE_CONNECT)
				set_connect_target(t);
			return TUI_REDRAW;
		}
	}
	tui_message(t, true, "no node matches \"%s\"", t->last_search);
	return TUI_REDRAW;
}

static unsigned
act_find(struct tui *t, const char *arg)
{
	if (arg != NULL)
		return find_done(t, arg);
	tui_prompt_open(t, "/", "", find_done);
	return TUI_REDRAW;
}

static unsigned
act_origin(struct tui *t, const char *arg)
{
	(void)arg;
	t->cursor_x = t->cursor_y = 0;
	t->view_x = t->view_y = 0;
	tui_select_at_cursor(t);
	return TUI_REDRAW;
}

static unsigned
act_center(struct tui *t, const char *arg)
{
	(void)arg;
	if (t->selected != NULL && t->mode != MODE_MOVE) {
		struct box b = node_box(t->selected);

		t->view_x = b.x + b.width / 2 - tui_canvas_width(t) / 2;
		t->view_y = b.y + b.height / 2 - tui_canvas_height(t) / 2;
	} else {
		t->view_x = t->cursor_x - tui_canvas_width(t) / 2;
		t->view_y = t->cursor_y - tui_canvas_height(t) / 2;
	}
	if (t->view_x < 0)
		t->view_x = 0;
	if (t->view_y < 0)
		t->view_y = 0;
	return TUI_REDRAW;
}

/* Pan the view; the cursor comes along only as far as it must. */
static unsigned
pan(struct tui *t, int dx, int dy)
{
	int w = tui_canvas_width(t), h = tui_canvas_height(t);

	t->view_x += dx;
	t->view_y += dy;
	if (t->view_x < 0)
		t->view_x = 0;
	if (t->view_y < 0)
		t->view_y = 0;
	if (t->mode == MODE_MOVE)
		return TUI_REDRAW;
	if (t->cursor_x < t->view_x)
		t->cursor_x = t->view_x;
	if (t->cursor_x >= t->view_x + w)
		t->cursor_x = t->view_x + w - 1;
	if (t->cursor_y < t->view_y)
		t->cursor_y = t->view_y;
	if (t->cursor_y >= t->view_y + h)
		t->cursor_y = t->view_y + h - 1;
	tui_select_at_cursor(t);
	if (t->mode == MODE_CONNECT)
		set_connect_target(t);
	return TUI_REDRAW;
}

static unsigned act_pan_up(struct tui *t, const char *a) { (void)a; return pan(t, 0, -tui_canvas_height(t) / 2); }
static unsigned act_pan_down(struct tui *t, const char *a) { (void)a; return pan(t, 0, tui_canvas_height(t) / 2); }
static unsigned act_pan_left(struct tui *t, const char *a) { (void)a; return pan(t, -tui_canvas_width(t) / 2, 0); }
static unsigned act_pan_right(struct tui *t, const char *a) { (void)a; return pan(t, tui_canvas_width(t) / 2, 0); }

unsigned
tui_pan(struct tui *t, int dx, int dy)
{
	return pan(t, dx, dy);
}

static unsigned
act_cancel(struct tui *t, const char *arg)
{
	(void)arg;
	switch (t->mode) {
	case MODE_MOVE:
		return tui_edit_cancel_move(t);
	case MODE_CONNECT:
		t->mode = MODE_NORMAL;
		t->connect_from = t->connect_to = NULL;
		tui_message(t, false, "connect cancelled");
		return TUI_REDRAW;
	default: {
		unsigned changed;

		t->mode = MODE_NORMAL;
		/* One thing at a time: the failure, then the finding, then the edge. */
		changed = tui_critique_cancel(t);
		if (changed != TUI_UNCHANGED)
			return changed;
		t->selected_edge = NULL;
		return TUI_REDRAW;
	}
	}
}

static unsigned
act_panel(struct tui *t, const char *arg)
{
	(void)arg;
	t->panel = !t->panel;
	t->panel_for_critique = false;
	tui_follow_cursor(t);
	return TUI_REDRAW | TUI_RELAYOUT;
}

static unsigned
act_help(struct tui *t, const char *arg)
{
	(void)arg;
	t->mode = MODE_HELP;
	t->help_scroll = 0;
	return TUI_REDRAW;
}

static unsigned
command_done(struct tui *t, const char *text)
{
	return tui_command_run(t, text);
}

static unsigned
act_command(struct tui *t, const char *arg)
{
	if (arg != NULL)
		return tui_command_run(t, arg);
	tui_prompt_open(t, ":", "", command_done);
	return TUI_REDRAW;
}

static unsigned
act_redraw(struct tui *t, const char *arg)
{
	(void)t;
	(void)arg;
	return TUI_REDRAW | TUI_RELAYOUT;
}

static unsigned
act_quit(struct tui *t, const char *arg)
{
	bool force = arg != NULL && strcmp(arg, "!") == 0;

	if (t->mode == MODE_MOVE)
		tui_edit_cancel_move(t);
	if (force || !tui_modified(t)) {
		t->quit = true;
		return TUI_UNCHANGED;
	}
	t->mode = MODE_CONFIRM_QUIT;
	return TUI_REDRAW;
}

static unsigned
act_next_edge(struct tui *t, const char *arg)
{
	const struct edge *const *edges;
	size_t count, next = 0;

	(void)arg;
	if (t->selected == NULL) {
		tui_message(t, true, "put the cursor on a node first: e cycles its edges");
		return TUI_REDRAW;
	}
	count = scene_edges_of(t->scene, t->selected, &edges);
	if (count == 0) {
		tui_message(t, false, "%s has no edges: c connects it", t->selected->id);
		return TUI_REDRAW;
	}
	for (size_t i = 0; i < count; i++) {
		if (edges[i] == t->selected_edge)
			next = i + 1;
	}
	if (next >= count) {
		t->selected_edge = NULL;	/* round the cycle: back to the node */
		return TUI_REDRAW;
	}
	t->selected_edge = edges[next];
	return TUI_REDRAW;
}

static const tui_handler handlers[ACTION_COUNT] = {
	[ACTION_LEFT] = act_left, [ACTION_DOWN] = act_down,
	[ACTION_UP] = act_up, [ACTION_RIGHT] = act_right,
	[ACTION_LEFT5] = act_left5, [ACTION_DOWN5] = act_down5,
	[ACTION_UP5] = act_up5, [ACTION_RIGHT5] = act_right5,
	[ACTION_NEXT_NODE] = act_next, [ACTION_PREV_NODE] = act_previous,
	[ACTION_FIND] = act_find, [ACTION_ORIGIN] = act_origin,
	[ACTION_CENTER] = act_center,
	[ACTION_PAN_UP] = act_pan_up, [ACTION_PAN_DOWN] = act_pan_down,
	[ACTION_PAN_LEFT] = act_pan_left, [ACTION_PAN_RIGHT] = act_pan_right,
	[ACTION_ADD] = tui_edit_add, [ACTION_PICK_UP] = tui_edit_pick_up,
	[ACTION_DROP] = tui_edit_drop, [ACTION_RENAME] = tui_edit_rename,
	[ACTION_TECH] = tui_edit_tech, [ACTION_NOTES] = tui_edit_notes,
	[ACTION_MORE] = tui_edit_more, [ACTION_FEWER] = tui_edit_fewer,
	[ACTION_MANAGED] = tui_edit_managed, [ACTION_DELETE] = tui_edit_delete,
	[ACTION_UNDO] = tui_edit_undo, [ACTION_REDO] = tui_edit_redo,
	[ACTION_ARRANGE] = tui_board_arrange,
	[ACTION_CONNECT] = tui_edit_connect, [ACTION_CONNECT_HERE] = tui_edit_connect_here,
	[ACTION_NEXT_EDGE] = act_next_edge, [ACTION_TOGGLE_MODE] = tui_edit_toggle_mode,
	[ACTION_NEXT_FINDING] = tui_critique_next, [ACTION_PREV_FINDING] = tui_critique_previous,
	[ACTION_FAIL] = tui_critique_fail, [ACTION_ACCEPT] = tui_critique_accept,
	[ACTION_CANCEL] = act_cancel, [ACTION_PANEL] = act_panel,
	[ACTION_HELP] = act_help, [ACTION_COMMAND] = act_command,
	[ACTION_REDRAW] = act_redraw, [ACTION_QUIT] = act_quit,
	[ACTION_TRAFFIC] = tui_traffic_edit, [ACTION_RPS] = tui_traffic_rps,
	[ACTION_CAPACITY] = tui_traffic_capacity, [ACTION_RATIO] = tui_traffic_ratio,
	[ACTION_SCORE] = tui_interview_score, [ACTION_REVEAL] = tui_interview_reveal,
	[ACTION_BRIEF] = tui_interview_brief, [ACTION_PHASE] = tui_interview_phase,
	[ACTION_PLAY] = tui_replay_play, [ACTION_STEP] = tui_replay_step,
	[ACTION_BACK] = tui_replay_back, [ACTION_FIRST] = tui_replay_first,
	[ACTION_LAST] = tui_replay_last, [ACTION_FASTER] = tui_replay_faster,
	[ACTION_SLOWER] = tui_replay_slower,
};

unsigned
tui_action_run(struct tui *t, enum tui_action action, const char *arg)
{
	unsigned changed;

	changed = handlers[action](t, arg);
	if (changed & TUI_MODEL)
		tui_check_selection(t);
	return changed;
}
