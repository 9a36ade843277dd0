/*
 * The renderer; see render.h.
 *
 * A view is drawn through a slightly larger scratch canvas (LABEL_REACH
 * columns and rows more on each side) so that an edge label placed just
 * off screen is checked against the same lines whichever part of the
 * diagram is on screen: labels do not jump as the view pans.
 *
 * Order: groups, edge lines, boxes (which cover any line under them),
 * ports and arrowheads, labels in the free space left, highlights.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "traffic.h"
#include "utf8.h"
#include "xalloc.h"

#define LABEL_REACH_X (RENDER_LABEL_MAX + 3)
#define LABEL_REACH_Y 2
#define CELL_BOX 64		/* scratch flag: part of a box, labels keep off */

static int
side_bit(enum side side)
{
	return 1 << side;	/* SIDE_TOP..SIDE_LEFT are LINE_N..LINE_W */
}

/*
 * A group is a dashed outline drawn as plain characters, not lines: an
 * edge crossing it takes the cell over instead of joining it.
 */
static void
draw_group(struct canvas *c, struct scene *s, const struct group *g)
{
	struct box b;
	int x1, y1, flags = CELL_DIM;
	uint32_t across = canvas_line_glyph(LINE_E | LINE_W, LINE_DASHED, c->ascii);
	uint32_t down = canvas_line_glyph(LINE_N | LINE_S, LINE_DASHED, c->ascii);

	if (!scene_group_bounds(s, g, &b))
		return;
	b = box_grow(b, 2, 1);
	b.y--;
	b.height++;
	x1 = b.x + b.width - 1;
	y1 = b.y + b.height - 1;
	for (int x = b.x + 1; x < x1; x++) {
		canvas_put(c, x, b.y, across, COLOUR_DEFAULT, flags);
		canvas_put(c, x, y1, across, COLOUR_DEFAULT, flags);
	}
	for (int y = b.y + 1; y < y1; y++) {
		canvas_put(c, b.x, y, down, COLOUR_DEFAULT, flags);
		canvas_put(c, x1, y, down, COLOUR_DEFAULT, flags);
	}
	canvas_put(c, b.x, b.y, canvas_line_glyph(LINE_E | LINE_S, LINE_ROUND, c->ascii), COLOUR_DEFAULT, flags);
	canvas_put(c, x1, b.y, canvas_line_glyph(LINE_S | LINE_W, LINE_ROUND, c->ascii), COLOUR_DEFAULT, flags);
	canvas_put(c, b.x, y1, canvas_line_glyph(LINE_N | LINE_E, LINE_ROUND, c->ascii), COLOUR_DEFAULT, flags);
	canvas_put(c, x1, y1, canvas_line_glyph(LINE_N | LINE_W, LINE_ROUND, c->ascii), COLOUR_DEFAULT, flags);
	{
		int x = b.x + 2;

		canvas_put(c, x++, b.y, ' ', COLOUR_DEFAULT, flags);
		x += canvas_text(c, x, b.y, g->label[0] != '\0' ? g->label : g->id,
		    b.width - 6, COLOUR_DEFAULT, flags | CELL_BOLD);
		canvas_put(c, x, b.y, ' ', COLOUR_DEFAULT, flags);
	}
}

static void
draw_segment_cells(struct canvas *c, struct point a, struct point b, int style, int flags)
{
	int dx = (b.x > a.x) - (b.x < a.x), dy = (b.y > a.y) - (b.y < a.y);
	int forward = dx > 0 ? LINE_E : dx < 0 ? LINE_W : dy > 0 ? LINE_S : LINE_N;
	int back = forward == LINE_E ? LINE_W : forward == LINE_W ? LINE_E : forward == LINE_S ? LINE_N : LINE_S;
	struct point p;

	/* A cell beyond the edge too: its line joins the first one inside. */
	if (!route_clip_segment(box_grow(canvas_area(c), 1, 1), &a, &b))
		return;
	p = a;

	while (p.x != b.x || p.y != b.y) {
		canvas_line(c, p.x, p.y, forward, style, COLOUR_DEFAULT, flags);
		p.x += dx;
		p.y += dy;
		canvas_line(c, p.x, p.y, back, style, COLOUR_DEFAULT, flags);
	}
}

static void
draw_edge_line(struct canvas *c, const struct edge *e, const struct route *r, int flags)
{
	int style = LINE_ROUND | (e->mode == EDGE_ASYNC ? LINE_DASHED : 0);
	struct point first = r->points[0];

	/* The first cell reaches back to the port on the source's border. */
	canvas_line(c, first.x, first.y, side_bit(side_opposite(r->source_side)), style, COLOUR_DEFAULT, flags);
	for (size_t i = 0; i + 1 < r->count; i++)
		draw_segment_cells(c, r->points[i], r->points[i + 1], style, flags);
}

static uint32_t
arrow_glyph(enum side target_side, bool ascii)
{
	/* The arrow points into the target, away from the side it enters. */
	static const uint32_t unicode[4] = { 0x25BC, 0x25C0, 0x25B2, 0x25B6 };	/* ▼ ◀ ▲ ▶ */
	static const char plain[4] = { 'v', '<', '^', '>' };

	return ascii ? (uint32_t)plain[target_side] : unicode[target_side];
}

static void
draw_ends(struct canvas *c, const struct route *r, int flags)
{
	struct point end = r->points[r->count - 1];
	struct cell *port = canvas_at(c, r->source_port.x, r->source_port.y);

	/* Only where the border is drawn: a tee into the box's own line. */
	if (port != NULL && port->lines != 0)
		port->lines |= (uint8_t)side_bit(r->source_side);
	canvas_put(c, end.x, end.y, arrow_glyph(r->target_side, c->ascii), COLOUR_DEFAULT,
	    flags != 0 ? flags : CELL_BOLD);
}

/* The details line: tech, replicas, managed. */
static void
details_text(const struct node *n, bool ascii, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	if (n->tech[0] != '\0')
		len += (size_t)snprintf(out + len, size - len, "%s", n->tech);
	if (n->replicas > 1 && len < size)
		len += (size_t)snprintf(out + len, size - len, "%s%s%d", len > 0 ? " " : "",
		    ascii ? "x" : "\xC3\x97", n->replicas);
	if (n->managed && len < size)
		snprintf(out + len, size - len, "%smanaged", len > 0 ? " " : "");
}

static void
box_outline(struct canvas *c, struct box b, int style, int fg, int flags)
{
	int x1 = b.x + b.width - 1, y1 = b.y + b.height - 1;

	for (int x = b.x + 1; x < x1; x++) {
		canvas_line(c, x, b.y, LINE_E | LINE_W, style, fg, flags);
		canvas_line(c, x, y1, LINE_E | LINE_W, style, fg, flags);
	}
	for (int y = b.y + 1; y < y1; y++) {
		canvas_line(c, b.x, y, LINE_N | LINE_S, style, fg, flags);
		canvas_line(c, x1, y, LINE_N | LINE_S, style, fg, flags);
	}
	canvas_line(c, b.x, b.y, LINE_E | LINE_S, style, fg, flags);
	canvas_line(c, x1, b.y, LINE_S | LINE_W, style, fg, flags);
	canvas_line(c, b.x, y1, LINE_N | LINE_E, style, fg, flags);
	canvas_line(c, x1, y1, LINE_N | LINE_W, style, fg, flags);
}

/* A line of the shadow, except where an edge already runs: the shadow is behind. */
static void
shadow_line(struct canvas *c, int x, int y, int lines, int fg, int flags)
{
	const struct cell *cell = canvas_cell(c, x, y);

	if (cell != NULL && cell->lines == 0)
		canvas_line(c, x, y, lines, 0, fg, flags);
}

static void
draw_shadow(struct canvas *c, struct box b, int fg, int flags)
{
	int x1 = b.x + b.width, y1 = b.y + b.height;

	shadow_line(c, x1, b.y + 1, LINE_S | LINE_W, fg, flags);
	for (int y = b.y + 2; y < y1; y++)
		shadow_line(c, x1, y, LINE_N | LINE_S, fg, flags);
	shadow_line(c, x1, y1, LINE_N | LINE_W, fg, flags);
	shadow_line(c, b.x + 1, y1, LINE_N | LINE_E, fg, flags);
	for (int x = b.x + 2; x < x1; x++)
		shadow_line(c, x, y1, LINE_E | LINE_W, fg, flags);
}

static int
marker_glyph(unsigned state, bool ascii)
{
	if (state & RENDER_NODE_ERROR)
		return ascii ? 'X' : 0x2716;	/* ✖ */
	return '!';
}

static void
draw_node(struct canvas *c, const struct node *n, unsigned state)
{
	struct box b = node_box(n);
	bool down = (state & (RENDER_NODE_DOWN | RENDER_NODE_FAILED)) != 0;
	int fg = state & RENDER_NODE_FAILED ? COLOUR_RED : down ? COLOUR_DEFAULT : kind_info(n->kind)->colour;
	int dim = down ? CELL_DIM : 0, strong = down ? CELL_DIM : CELL_BOLD;
	int style = down ? LINE_DASHED : 0;
	char tag[16], details[BOX_DETAIL_MAX * 4 + 64];
	int inner = b.width - 4;

	if (state & RENDER_NODE_FAILED)
		strong = dim = CELL_BOLD;
	if (n->replicas > 1)
		draw_shadow(c, b, fg, CELL_DIM | CELL_BOX);
	canvas_fill(c, b, fg, CELL_BOX);
	box_outline(c, b, style, fg, CELL_BOX | dim);
	snprintf(tag, sizeof tag, "[%s]", kind_info(n->kind)->tag);
	canvas_text(c, b.x + 1, b.y, tag, b.width - 2, fg, strong | CELL_BOX);
	canvas_text(c, b.x + 2, b.y + 1, n->label, inner, down ? fg : COLOUR_DEFAULT, strong | CELL_BOX);
	details_text(n, c->ascii, details, sizeof details);
	canvas_text(c, b.x + 2, b.y + 2, details, inner, down ? fg : COLOUR_DEFAULT, CELL_DIM | CELL_BOX);
	if (state & (RENDER_NODE_ERROR | RENDER_NODE_WARNING)) {
		/* In the corner: no edge attaches there, and every box has one. */
		canvas_put(c, b.x + b.width - 1, b.y, (uint32_t)marker_glyph(state, c->ascii),
		    state & RENDER_NODE_ERROR ? COLOUR_RED : COLOUR_YELLOW, CELL_BOLD | CELL_BOX);
	}
}

/* "!133%" in the bottom border of an overloaded node, right-aligned. */
static void
draw_load_badge(struct canvas *c, const struct node *n, const struct traffic *t)
{
	const struct traffic_load *l = traffic_node(t, n);
	struct box b = node_box(n);
	char badge[16];
	int width;

	if (l == NULL || !l->overloaded)
		return;
	if (l->unbounded)
		snprintf(badge, sizeof badge, "!%s", c->ascii ? "inf" : "\xe2\x88\x9e");
	else
		snprintf(badge, sizeof badge, "!%.0f%%", fmin(traffic_utilisation(l) * 100, 99999));
	width = canvas_text_width(badge, b.width - 4);
	canvas_text(c, b.x + b.width - 2 - width, b.y + b.height - 1, badge, width, COLOUR_RED, CELL_BOLD | CELL_BOX);
}

/*
 * Whether a label fits at (x, y).  Pass 0 wants a blank cell each side,
 * pass 1 lets it touch boxes, pass 2 lets it cover lines (never text or
 * boxes).  Cells off the scratch canvas count as free: a label placed
 * there is off screen anyway.
 */
static bool
cells_free(const struct canvas *c, int x, int y, int width, int pass)
{
	for (int i = -1; i <= width; i++) {
		const struct cell *cell = canvas_cell(c, x + i, y);
		bool pad = i < 0 || i == width;

		if (cell == NULL)
			continue;
		if (pad) {
			if (pass == 0 && ((cell->flags & CELL_BOX) || cell->ch != 0))
				return false;
			continue;
		}
		if (cell->flags & CELL_BOX)
			return false;
		if (cell->ch != 0 || (pass < 2 && cell->lines != 0))
			return false;
	}
	return true;
}

struct spot {
	int x, y;
};

/* Candidate places beside each segment, longest segment first. */
static size_t
label_spots(const struct route *r, int width, struct spot *out, size_t max)
{
	size_t n = 0;
	bool used[64] = { false };
	size_t segments = r->count > 1 ? r->count - 1 : 0;

	if (segments > 64)
		segments = 64;
	for (size_t round = 0; round < segments && n + 4 <= max; round++) {
		size_t best = 0;
		int best_len = -1;

		for (size_t i = 0; i < segments; i++) {
			struct point a = r->points[i], b = r->points[i + 1];
			int len = abs(a.x - b.x) + abs(a.y - b.y);

			if (a.y == b.y)
				len /= 2;	/* columns are half as tall as rows */
			if (!used[i] && len > best_len) {
				best = i;
				best_len = len;
			}
		}
		used[best] = true;
		{
			struct point a = r->points[best], b = r->points[best + 1];

			if (a.y == b.y) {
				int lo = a.x < b.x ? a.x : b.x, len = abs(a.x - b.x) + 1;
				int x = lo + (len - width) / 2;

				out[n++] = (struct spot){ x, a.y - 1 };
				out[n++] = (struct spot){ x, a.y + 1 };
			} else {
				int lo = a.y < b.y ? a.y : b.y, len = abs(a.y - b.y) + 1;
				int y = lo + len / 2;

				out[n++] = (struct spot){ a.x + 2, y };
				out[n++] = (struct spot){ a.x - 1 - width, y };
			}
		}
	}
	/* Last resorts: beside either end (short edges have little else). */
	for (size_t end = 0; end < 2 && n + 4 <= max; end++) {
		struct point p = r->points[end == 0 ? r->count - 1 : 0];

		out[n++] = (struct spot){ p.x + 2, p.y };
		out[n++] = (struct spot){ p.x - 1 - width, p.y };
		out[n++] = (struct spot){ p.x - width / 2, p.y - 1 };
		out[n++] = (struct spot){ p.x - width / 2, p.y + 1 };
	}
	return n;
}

static void
draw_label(struct canvas *c, const struct edge *e, const struct route *r, int flags)
{
	struct spot spots[64];
	int width = canvas_text_width(e->label, RENDER_LABEL_MAX);
	size_t n;

	if (width == 0)
		return;
	n = label_spots(r, width, spots, sizeof spots / sizeof spots[0]);
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < n; i++) {
			if (cells_free(c, spots[i].x, spots[i].y, width, pass)) {
				canvas_text(c, spots[i].x, spots[i].y, e->label, RENDER_LABEL_MAX,
				    COLOUR_CYAN, flags);
				return;
			}
		}
	}
}

static void
highlight_route(struct canvas *c, const struct route *r, int flags)
{
	for (size_t i = 0; i + 1 < r->count; i++) {
		struct point a = r->points[i], b = r->points[i + 1];
		int dx = (b.x > a.x) - (b.x < a.x), dy = (b.y > a.y) - (b.y < a.y);

		for (struct point p = a; p.x != b.x || p.y != b.y; p.x += dx, p.y += dy)
			canvas_flag_box(c, (struct box){ p.x, p.y, 1, 1 }, flags);
	}
	canvas_flag_box(c, (struct box){ r->points[r->count - 1].x, r->points[r->count - 1].y, 1, 1 }, flags);
}

static unsigned
state_of(const struct render_marks *marks, const struct node *n)
{
	return marks->node_state != NULL ? marks->node_state(marks->context, n) : 0;
}

/* An edge with an end that is down carries nothing: greyed out. */
static int
edge_flags(const struct render_marks *marks, const struct edge *e)
{
	unsigned down = RENDER_NODE_DOWN | RENDER_NODE_FAILED;

	if (marks->node_state == NULL)
		return 0;
	return (state_of(marks, e->from) & down) || (state_of(marks, e->to) & down) ? CELL_DIM : 0;
}

/* The selected box: its border turns double, its tag reverse video. */
static void
mark_selected(struct canvas *c, const struct node *n)
{
	struct box b = node_box(n);
	int tag_end = b.x + 1 + (int)strlen(kind_info(n->kind)->tag) + 2;

	for (int y = b.y; y < b.y + b.height; y++) {
		for (int x = b.x; x < b.x + b.width; x++) {
			struct cell *cell = canvas_at(c, x, y);
			bool border = y == b.y || x == b.x || y == b.y + b.height - 1 || x == b.x + b.width - 1;

			if (cell == NULL || !border)
				continue;
			if (cell->ch == 0 && cell->lines != 0)
				cell->style |= LINE_DOUBLE;
			if (y == b.y && x > b.x && x < tag_end)
				cell->flags |= CELL_REVERSE;
		}
	}
}

/* A box's border cells, for highlights that leave the inside readable. */
static void
flag_border(struct canvas *c, struct box b, int flags)
{
	canvas_flag_box(c, (struct box){ b.x, b.y, b.width, 1 }, flags);
	canvas_flag_box(c, (struct box){ b.x, b.y + b.height - 1, b.width, 1 }, flags);
	canvas_flag_box(c, (struct box){ b.x, b.y + 1, 1, b.height - 2 }, flags);
	canvas_flag_box(c, (struct box){ b.x + b.width - 1, b.y + 1, 1, b.height - 2 }, flags);
}

/* A finding on show: its boxes framed and its edges marked. */
static void
mark_highlights(struct canvas *c, struct scene *s, const struct render_marks *marks)
{
	struct box area = canvas_area(c);

	for (size_t i = 0; i < marks->highlight_node_count; i++) {
		struct box b = node_box(marks->highlight_nodes[i]);

		if (box_overlap(b, area))
			flag_border(c, b, CELL_MARK);
	}
	for (size_t i = 0; i < marks->highlight_edge_count; i++) {
		const struct edge *e = marks->highlight_edges[i];

		/* Routing an edge off screen would cost a search: leave it. */
		if (!box_overlap(box_union(node_footprint(e->from), node_footprint(e->to)), box_grow(area, 80, 40)))
			continue;
		highlight_route(c, scene_route(s, e), CELL_MARK);
	}
}

void
render_view(struct scene *s, struct canvas *view, const struct render_marks *marks)
{
	const struct diagram *d = scene_diagram(s);
	struct render_marks none = { 0 };
	struct canvas c;
	struct box area;
	const struct edge *const *found;
	const struct edge **edges;
	const struct route **routes;
	const struct node *const *nodes;
	int *flags;
	size_t edge_count, node_count;

	if (marks == NULL)
		marks = &none;
	area = box_grow(canvas_area(view), LABEL_REACH_X, LABEL_REACH_Y);
	canvas_init(&c, area.x, area.y, area.width, area.height, view->ascii);
	for (size_t i = 0; i < diagram_group_count(d); i++)
		draw_group(&c, s, diagram_group(d, i));

	/* Copy the edge list: routing and node queries reuse the scene's buffer. */
	edge_count = scene_edges_in(s, area, &found);
	edges = xreallocarray(NULL, edge_count + 1, sizeof *edges);
	routes = xreallocarray(NULL, edge_count + 1, sizeof *routes);
	flags = xreallocarray(NULL, edge_count + 1, sizeof *flags);
	if (edge_count > 0)
		memcpy(edges, found, edge_count * sizeof *edges);
	for (size_t i = 0; i < edge_count; i++) {
		routes[i] = scene_route(s, edges[i]);
		flags[i] = edge_flags(marks, edges[i]);
		draw_edge_line(&c, edges[i], routes[i], flags[i]);
	}
	node_count = scene_nodes_in(s, area, &nodes);
	for (size_t i = 0; i < node_count; i++) {
		draw_node(&c, nodes[i], state_of(marks, nodes[i]));
		if (marks->traffic != NULL)
			draw_load_badge(&c, nodes[i], marks->traffic);
	}
	for (size_t i = 0; i < edge_count; i++)
		draw_ends(&c, routes[i], flags[i]);
	for (size_t i = 0; i < edge_count; i++)
		draw_label(&c, edges[i], routes[i], edges[i] == marks->selected_edge ? CELL_REVERSE | CELL_BOLD : flags[i]);
	for (size_t i = 0; i < edge_count; i++) {
		if (edges[i] == marks->selected_edge)
			highlight_route(&c, routes[i], CELL_REVERSE | CELL_BOLD);
	}
	mark_highlights(&c, s, marks);
	if (marks->selected_node != NULL)
		mark_selected(&c, marks->selected_node);
	if (marks->marked_node != NULL)
		canvas_flag_box(&c, node_box(marks->marked_node), CELL_MARK);
	free(edges);
	free(routes);
	free(flags);
	/* Scratch flags stay here: the view gets only what it shows. */
	for (size_t i = 0; i < (size_t)c.width * (size_t)c.height; i++)
		c.cells[i].flags &= (uint8_t)~CELL_BOX;
	canvas_resolve(&c);
	canvas_clear(view);
	canvas_copy(view, &c);
	canvas_free(&c);
}

static bool
blank(const struct canvas *c, int x, int y)
{
	uint32_t ch = canvas_glyph(c, canvas_cell(c, x, y));

	return ch == ' ';
}

char *
render_text(const struct diagram *d, bool ascii, size_t *length)
{
	return render_text_marked(d, ascii, NULL, length);
}

char *
render_text_marked(const struct diagram *d, bool ascii, const struct render_marks *marks, size_t *length)
{
	struct scene *s = scene_new(d);
	struct canvas full, crop;
	struct box b;
	int x0, y0, x1, y1;
	char *text;

	if (!scene_bounds(s, &b)) {
		scene_free(s);
		if (length != NULL)
			*length = 0;
		return xstrdup("");
	}
	for (size_t i = 0; i < diagram_group_count(d); i++) {
		struct box g;

		if (scene_group_bounds(s, diagram_group(d, i), &g))
			b = box_union(b, box_grow(g, 3, 3));
	}
	/* Routes may detour round the outermost boxes and labels sit beside them. */
	b = box_clip_to_plane(box_grow(b, LABEL_REACH_X + 2, 8));
	if ((size_t)b.width * (size_t)b.height > RENDER_TEXT_CELLS_MAX) {
		scene_free(s);
		return NULL;
	}
	canvas_init(&full, b.x, b.y, b.width, b.height, ascii);
	render_view(s, &full, marks);
	x0 = b.x + b.width;
	y0 = b.y + b.height;
	x1 = b.x - 1;
	y1 = b.y - 1;
	for (int y = b.y; y < b.y + b.height; y++) {
		for (int x = b.x; x < b.x + b.width; x++) {
			if (blank(&full, x, y))
				continue;
			x0 = x < x0 ? x : x0;
			x1 = x > x1 ? x : x1;
			y0 = y < y0 ? y : y0;
			y1 = y > y1 ? y : y1;
		}
	}
	canvas_init(&crop, x0, y0, x1 - x0 + 1, y1 - y0 + 1, ascii);
	canvas_copy(&crop, &full);
	text = canvas_to_text(&crop, length);
	canvas_free(&crop);
	canvas_free(&full);
	scene_free(s);
	return text;
}
