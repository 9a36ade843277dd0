/*
 * The actions that change the diagram.  Each goes through the diagram_*
 * API (validated, undoable, reported to the scene) and returns what
 * changed; none draws.  Called with arg NULL from a key, they ask for
 * what they need on the prompt; from a `:` command, arg carries it.
 *
 * Boxes never overlap: a new node lands on the nearest free spot, a
 * moving node jumps over the boxes in its way, and a box that grows
 * (a longer label, a replica's shadow) steps aside in the same undo step.
 */
#include "tui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command_line.h"
#include "geometry.h"

/* How far (in cells) a new or growing node may land from where it was meant to. */
#define SPOT_SEARCH_RADIUS 60

static bool
area_free(struct tui *t, struct box footprint, const struct node *ignore)
{
	if (footprint.x < 0 || footprint.y < 0 || footprint.x > NAPKIN_COORD_MAX || footprint.y > NAPKIN_COORD_MAX)
		return false;
	return scene_area_free(t->scene, box_grow(footprint, TUI_GAP_X, TUI_GAP_Y), ignore);
}

bool
tui_spot_free(struct tui *t, const struct node *n, int x, int y)
{
	struct box f = node_footprint(n);

	f.x = x;
	f.y = y;
	return area_free(t, f, n);
}

/* The free spot nearest (f.x, f.y), rows counting double. */
static bool
find_spot(struct tui *t, struct box f, const struct node *ignore, int *x, int *y)
{
	int x0 = f.x, y0 = f.y;

	for (int r = 0; r <= SPOT_SEARCH_RADIUS; r++) {
		for (int dy = -r; dy <= r; dy++) {
			for (int dx = -2 * r; dx <= 2 * r; dx++) {
				if (abs(dy) != r && abs(dx) < 2 * r - 1)
					continue;	/* only the ring at distance r */
				f.x = x0 + dx;
				f.y = y0 + dy;
				if (area_free(t, f, ignore)) {
					*x = f.x;
					*y = f.y;
					return true;
				}
			}
		}
	}
	return false;
}

/* After n grew: if it now touches a neighbour, move it to the nearest free spot. */
static void
settle(struct tui *t, const struct node *n)
{
	int x, y;

	if (tui_spot_free(t, n, n->x, n->y))
		return;
	if (find_spot(t, node_footprint(n), n, &x, &y)) {
		diagram_move_node(t->diagram, n, x, y, NULL);
		tui_focus_node(t, n);
	}
}

static const struct node *
need_node(struct tui *t)
{
	if (tui_read_only(t))
		return NULL;
	if (t->selected == NULL)
		tui_message(t, true, "no node here: move the cursor onto one (Tab jumps)");
	return t->selected;
}

static unsigned
refused(struct tui *t, const struct napkin_error *err)
{
	tui_message(t, true, "%s", err->message);
	return TUI_REDRAW;
}

static unsigned
add_done(struct tui *t, const char *label)
{
	struct node probe = { .kind = t->add_kind, .label = (char *)label, .tech = "", .replicas = 1 };
	struct napkin_error err;
	const struct node *n;
	struct box f;
	int x, y;

	if (label[0] == '\0')
		probe.label = (char *)kind_name(t->add_kind);
	f = node_footprint(&probe);
	f.x = t->cursor_x;
	f.y = t->cursor_y;
	if (!find_spot(t, f, NULL, &x, &y)) {
		tui_message(t, true, "no room near the cursor: move to an empty part of the board");
		return TUI_REDRAW;
	}
	n = diagram_add_node(t->diagram, NULL, t->add_kind, probe.label, x, y, &err);
	if (n == NULL)
		return refused(t, &err);
	tui_focus_node(t, n);
	tui_message(t, false, "added %s [%s]", n->id, kind_info(n->kind)->tag);
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_edit_add_kind(struct tui *t, enum node_kind kind)
{
	char label[64];

	t->add_kind = kind;
	snprintf(label, sizeof label, "new %s, label:", kind_name(kind));
	tui_prompt_open(t, label, "", add_done);
	return TUI_REDRAW;
}

/* a, or `:add KIND [LABEL]`. */
unsigned
tui_edit_add(struct tui *t, const char *arg)
{
	char kind_word[32];
	const char *label;

	if (tui_read_only(t))
		return TUI_REDRAW;
	if (arg == NULL) {
		t->mode = MODE_PALETTE;
		return TUI_REDRAW;
	}
	if (!command_line_word(arg, kind_word, sizeof kind_word, &label)) {
		tui_message(t, true, "usage: :add KIND [LABEL]");
		return TUI_REDRAW;
	}
	if (!kind_from_name(kind_word, &t->add_kind)) {
		tui_message(t, true, "unknown kind \"%s\" (napkin --help lists them)", kind_word);
		return TUI_REDRAW;
	}
	return add_done(t, label);
}

unsigned
tui_edit_pick_up(struct tui *t, const char *arg)
{
	const struct node *n = need_node(t);
	char name[NAPKIN_ID_MAX + 8];

	(void)arg;
	if (n == NULL)
		return TUI_REDRAW;
	t->mode = MODE_MOVE;
	t->moving = n;
	t->move_origin_x = n->x;
	t->move_origin_y = n->y;
	t->move_started = false;
	t->selected_edge = NULL;
	snprintf(name, sizeof name, "move %s", n->id);
	diagram_begin(t->diagram, name);
	tui_message(t, false, "moving %s: h j k l or arrows, Enter drops, Esc puts it back", n->id);
	return TUI_REDRAW;
}

unsigned
tui_move_by(struct tui *t, const struct node *n, int dx, int dy)
{
	int ux = (dx > 0) - (dx < 0), uy = (dy > 0) - (dy < 0);
	int x = n->x + dx, y = n->y + dy;
	struct napkin_error err;

	/* Jump over whatever is in the way, up to a screen's worth. */
	for (int tries = 0; !tui_spot_free(t, n, x, y); tries++) {
		if (tries > 200 || x < 0 || y < 0) {
			tui_message(t, true, "no room that way");
			return TUI_REDRAW;
		}
		x += ux;
		y += uy;
	}
	if (!diagram_move_node(t->diagram, n, x, y, &err))
		return refused(t, &err);
	t->move_started = true;
	t->cursor_x = x + 2;
	t->cursor_y = y + 1;
	t->selected = n;
	tui_follow_cursor(t);
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_edit_drop(struct tui *t, const char *arg)
{
	const struct node *n = t->moving;

	(void)arg;
	if (t->mode != MODE_MOVE)
		return TUI_UNCHANGED;
	diagram_end(t->diagram);
	t->mode = MODE_NORMAL;
	t->moving = NULL;
	if (t->move_started)
		tui_message(t, false, "%s is at %d,%d", n->id, n->x, n->y);
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_edit_cancel_move(struct tui *t)
{
	const struct node *n = t->moving;

	if (t->mode != MODE_MOVE)
		return TUI_UNCHANGED;
	diagram_end(t->diagram);
	/* The step holds only this move: undoing it puts the node back. */
	if (t->move_started)
		diagram_undo(t->diagram);
	t->mode = MODE_NORMAL;
	t->moving = NULL;
	tui_focus_node(t, n);
	tui_message(t, false, "move cancelled");
	return TUI_MODEL | TUI_REDRAW;
}

typedef bool (*node_text_setter)(struct diagram *d, const struct node *n, const char *text,
    struct napkin_error *err);

/* Set a text of the selected node in one undo step; a box that grew steps aside. */
static unsigned
set_node_text(struct tui *t, const char *step, node_text_setter set, const char *text)
{
	const struct node *n = t->selected;
	struct napkin_error err;
	bool ok;

	if (n == NULL)
		return TUI_REDRAW;
	diagram_begin(t->diagram, step);
	ok = set(t->diagram, n, text, &err);
	if (ok)
		settle(t, n);
	diagram_end(t->diagram);
	return ok ? TUI_MODEL | TUI_REDRAW : refused(t, &err);
}

/* Ask for a text of the selected node, or take it from a `:` argument. */
static unsigned
ask_node_text(struct tui *t, const char *arg, const char *verb, const char *current, tui_prompt_done done)
{
	char label[NAPKIN_ID_MAX + 32];

	if (arg != NULL)
		return done(t, arg);
	snprintf(label, sizeof label, "%s %s:", verb, t->selected->id);
	tui_prompt_open(t, label, current, done);
	return TUI_REDRAW;
}

static unsigned
rename_node_done(struct tui *t, const char *text)
{
	if (t->selected == NULL)
		return TUI_REDRAW;
	return set_node_text(t, "rename", diagram_set_node_label, text[0] != '\0' ? text : t->selected->id);
}

static unsigned
rename_edge_done(struct tui *t, const char *text)
{
	struct napkin_error err;

	if (t->selected_edge == NULL)
		return TUI_REDRAW;
	if (!diagram_set_edge_label(t->diagram, t->selected_edge, text, &err))
		return refused(t, &err);
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_edit_rename(struct tui *t, const char *arg)
{
	char label[160];

	if (tui_read_only(t))
		return TUI_REDRAW;
	if (t->selected_edge != NULL) {
		const struct edge *e = t->selected_edge;

		if (arg != NULL)
			return rename_edge_done(t, arg);
		snprintf(label, sizeof label, "label of %s \xe2\x86\x92 %s:", e->from->id, e->to->id);
		tui_prompt_open(t, label, e->label, rename_edge_done);
		return TUI_REDRAW;
	}
	if (need_node(t) == NULL)
		return TUI_REDRAW;
	return ask_node_text(t, arg, "rename", t->selected->label, rename_node_done);
}

static unsigned
tech_done(struct tui *t, const char *text)
{
	return set_node_text(t, "set tech", diagram_set_node_tech, text);
}

unsigned
tui_edit_tech(struct tui *t, const char *arg)
{
	if (need_node(t) == NULL)
		return TUI_REDRAW;
	return ask_node_text(t, arg, "tech of", t->selected->tech, tech_done);
}

static unsigned
notes_done(struct tui *t, const char *text)
{
	return set_node_text(t, "set notes", diagram_set_node_notes, text);
}

unsigned
tui_edit_notes(struct tui *t, const char *arg)
{
	if (need_node(t) == NULL)
		return TUI_REDRAW;
	return ask_node_text(t, arg, "notes on", t->selected->notes, notes_done);
}

static unsigned
set_replicas(struct tui *t, int delta)
{
	const struct node *n = need_node(t);
	struct napkin_error err;
	bool ok;

	if (n == NULL)
		return TUI_REDRAW;
	if (n->replicas + delta < 1) {
		tui_message(t, true, "%s already has one replica", n->id);
		return TUI_REDRAW;
	}
	diagram_begin(t->diagram, delta > 0 ? "add replica" : "remove replica");
	ok = diagram_set_node_replicas(t->diagram, n, n->replicas + delta, &err);
	if (ok)
		settle(t, n);
	diagram_end(t->diagram);
	if (!ok)
		return refused(t, &err);
	tui_message(t, false, "%s: %d replica%s", n->id, n->replicas, n->replicas == 1 ? "" : "s");
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_edit_more(struct tui *t, const char *arg)
{
	(void)arg;
	return set_replicas(t, 1);
}

unsigned
tui_edit_fewer(struct tui *t, const char *arg)
{
	(void)arg;
	return set_replicas(t, -1);
}

unsigned
tui_edit_managed(struct tui *t, const char *arg)
{
	const struct node *n = need_node(t);
	struct napkin_error err;
	bool ok;

	(void)arg;
	if (n == NULL)
		return TUI_REDRAW;
	diagram_begin(t->diagram, n->managed ? "unmanage" : "manage");
	ok = diagram_set_node_managed(t->diagram, n, !n->managed, &err);
	if (ok)
		settle(t, n);
	diagram_end(t->diagram);
	if (!ok)
		return refused(t, &err);
	tui_message(t, false, "%s is %s", n->id, n->managed ? "managed" : "not managed");
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_edit_delete(struct tui *t, const char *arg)
{
	struct napkin_error err;

	(void)arg;
	if (tui_read_only(t))
		return TUI_REDRAW;
	if (t->selected_edge != NULL) {
		const struct edge *e = t->selected_edge;
		char what[2 * NAPKIN_ID_MAX + 8];

		snprintf(what, sizeof what, "%s \xe2\x86\x92 %s", e->from->id, e->to->id);
		if (!diagram_disconnect(t->diagram, e, &err))
			return refused(t, &err);
		t->selected_edge = NULL;
		tui_message(t, false, "deleted edge %s (u undoes)", what);
		return TUI_MODEL | TUI_REDRAW;
	}
	if (need_node(t) == NULL)
		return TUI_REDRAW;
	{
		char id[NAPKIN_ID_MAX + 1];

		snprintf(id, sizeof id, "%s", t->selected->id);
		if (!diagram_delete_node(t->diagram, t->selected, &err))
			return refused(t, &err);
		t->selected = NULL;
		tui_message(t, false, "deleted %s (u undoes)", id);
	}
	return TUI_MODEL | TUI_REDRAW;
}

static unsigned
history_step(struct tui *t, bool undo)
{
	const char *name = undo ? diagram_undo_name(t->diagram) : diagram_redo_name(t->diagram);
	char what[160];

	if (tui_read_only(t))
		return TUI_REDRAW;
	if (name == NULL) {
		tui_message(t, false, "nothing to %s", undo ? "undo" : "redo");
		return TUI_REDRAW;
	}
	snprintf(what, sizeof what, "%s", name);
	if (undo)
		diagram_undo(t->diagram);
	else
		diagram_redo(t->diagram);
	tui_message(t, false, "%s: %s", undo ? "undone" : "redone", what);
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_edit_undo(struct tui *t, const char *arg)
{
	(void)arg;
	return history_step(t, true);
}

unsigned
tui_edit_redo(struct tui *t, const char *arg)
{
	(void)arg;
	return history_step(t, false);
}

static unsigned
connect_done(struct tui *t, const char *label)
{
	struct napkin_error err;
	const struct edge *e;

	t->mode = MODE_NORMAL;
	if (t->connect_from == NULL || t->connect_to == NULL)
		return TUI_REDRAW;
	e = diagram_connect(t->diagram, t->connect_from, t->connect_to, label, EDGE_SYNC, &err);
	t->connect_from = t->connect_to = NULL;
	if (e == NULL)
		return refused(t, &err);
	tui_focus_node(t, e->from);
	t->selected_edge = e;
	tui_message(t, false, "connected %s \xe2\x86\x92 %s (s makes it async)", e->from->id, e->to->id);
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_connect_prompt(struct tui *t, const struct node *from, const struct node *to)
{
	char label[2 * NAPKIN_ID_MAX + 48];

	t->connect_from = from;
	t->connect_to = to;
	snprintf(label, sizeof label, "label of %s \xe2\x86\x92 %s:", from->id, to->id);
	tui_prompt_open(t, label, "", connect_done);
	t->prompt.back = MODE_NORMAL;
	return TUI_REDRAW;
}

/* c, or `:connect ID [LABEL]` from the node under the cursor. */
unsigned
tui_edit_connect(struct tui *t, const char *arg)
{
	const struct node *from = need_node(t);

	if (from == NULL)
		return TUI_REDRAW;
	if (arg != NULL) {
		char id[NAPKIN_ID_MAX + 1];
		const char *label;
		const struct node *to;

		if (!command_line_word(arg, id, sizeof id, &label)) {
			tui_message(t, true, "usage: :connect ID [LABEL]");
			return TUI_REDRAW;
		}
		to = diagram_find_node(t->diagram, id);
		if (to == NULL) {
			tui_message(t, true, "no node with id \"%s\"", id);
			return TUI_REDRAW;
		}
		t->connect_from = from;
		t->connect_to = to;
		return connect_done(t, label);
	}
	t->mode = MODE_CONNECT;
	t->connect_from = from;
	t->connect_to = NULL;
	t->selected_edge = NULL;
	tui_message(t, false, "connect %s to? Go to the target (Tab, /, h j k l), Enter", from->id);
	return TUI_REDRAW;
}

unsigned
tui_edit_connect_here(struct tui *t, const char *arg)
{
	(void)arg;
	if (t->connect_to == NULL) {
		tui_message(t, true, "the cursor is not on another node");
		return TUI_REDRAW;
	}
	return tui_connect_prompt(t, t->connect_from, t->connect_to);
}

unsigned
tui_edit_toggle_mode(struct tui *t, const char *arg)
{
	const struct edge *e = t->selected_edge;
	struct napkin_error err;

	(void)arg;
	if (tui_read_only(t))
		return TUI_REDRAW;
	if (e == NULL) {
		tui_message(t, true, "select an edge first: e cycles the edges of this node");
		return TUI_REDRAW;
	}
	if (!diagram_set_edge_mode(t->diagram, e, e->mode == EDGE_SYNC ? EDGE_ASYNC : EDGE_SYNC, &err))
		return refused(t, &err);
	tui_message(t, false, "%s \xe2\x86\x92 %s is %s", e->from->id, e->to->id, edge_mode_name(e->mode));
	return TUI_MODEL | TUI_REDRAW;
}
