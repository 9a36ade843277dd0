/*
 * The mouse, where the terminal reports it: a click puts the cursor (and
 * the selection) there, dragging a node moves it, dropping it onto another
 * node connects the two instead (the move is taken back), the wheel pans
 * (Shift+wheel sideways).  Everything here also has a key.
 */
#include "tui_internal.h"

#include <curses.h>

#include "geometry.h"

static const struct node *
other_node_at(struct tui *t, int x, int y, const struct node *not)
{
	const struct node *n = scene_node_at(t->scene, x, y);

	return n != not ? n : NULL;
}

static unsigned
press(struct tui *t, int x, int y)
{
	t->cursor_x = x;
	t->cursor_y = y;
	tui_select_at_cursor(t);
	if (t->mode == MODE_CONNECT) {
		t->connect_to = other_node_at(t, x, y, t->connect_from);
		return t->connect_to != NULL ? tui_connect_prompt(t, t->connect_from, t->connect_to) : TUI_REDRAW;
	}
	if (t->selected != NULL && !t->view_only) {
		t->drag_node = t->selected;
		t->drag_dx = x - t->selected->x;
		t->drag_dy = y - t->selected->y;
		t->drag_moved = false;
		t->drag_target = NULL;
	}
	return TUI_REDRAW;
}

static unsigned
drag(struct tui *t, int x, int y)
{
	const struct node *n = t->drag_node;
	int nx = x - t->drag_dx, ny = y - t->drag_dy;

	t->drag_target = other_node_at(t, x, y, n);
	if (t->drag_target != NULL || (nx == n->x && ny == n->y) || !tui_spot_free(t, n, nx, ny))
		return TUI_REDRAW;
	if (!t->drag_moved) {
		diagram_begin(t->diagram, "drag");
		t->drag_moved = true;
	}
	diagram_move_node(t->diagram, n, nx, ny, NULL);
	t->cursor_x = x;
	t->cursor_y = y;
	t->selected = n;
	return TUI_MODEL | TUI_REDRAW;
}

static unsigned
release(struct tui *t, int x, int y)
{
	const struct node *n = t->drag_node, *target = other_node_at(t, x, y, n);
	unsigned changed = TUI_REDRAW;

	t->drag_node = NULL;
	t->drag_target = NULL;
	if (t->drag_moved) {
		diagram_end(t->diagram);
		changed |= TUI_MODEL;
		if (target != NULL)
			diagram_undo(t->diagram);	/* it was a connect, not a move */
	}
	if (target != NULL)
		return changed | tui_connect_prompt(t, n, target);
	return changed;
}

unsigned
tui_mouse(struct tui *t)
{
	MEVENT ev;
	int x, y;
	bool shift;

	if (getmouse(&ev) != OK)
		return TUI_UNCHANGED;
	shift = (ev.bstate & BUTTON_SHIFT) != 0;
	if (ev.bstate & BUTTON4_PRESSED)
		return shift ? tui_pan(t, -6, 0) : tui_pan(t, 0, -3);
	if (ev.bstate & BUTTON5_PRESSED)
		return shift ? tui_pan(t, 6, 0) : tui_pan(t, 0, 3);
	if (t->mode != MODE_NORMAL && t->mode != MODE_CONNECT)
		return TUI_UNCHANGED;
	x = t->view_x + ev.x;
	y = t->view_y + ev.y - 1;
	if (ev.bstate & BUTTON1_RELEASED)
		return t->drag_node != NULL ? release(t, x, y) : TUI_UNCHANGED;
	if (ev.bstate & BUTTON1_PRESSED) {
		if (ev.y < 1 || ev.y > tui_canvas_height(t) || ev.x >= tui_canvas_width(t))
			return TUI_UNCHANGED;
		return press(t, x, y);
	}
	if (t->drag_node != NULL)
		return drag(t, x, y);
	return TUI_UNCHANGED;
}
