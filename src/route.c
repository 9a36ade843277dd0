/*
 * A* routing on the cell grid; see route.h.
 *
 * States are (cell, heading).  Moving on costs 1, turning adds BEND_COST,
 * entering a cell next to a box adds HUG_COST (lines that keep clear of
 * boxes read better), running along another edge ALONG_COST, and
 * reversing is not allowed.  The heuristic (estimate()) never
 * overestimates, so the first time the goal state leaves the heap its
 * path is the cheapest.
 *
 * Where edges crowd -- a thousand callers of one service -- every way in
 * costs about the same, and A* wanders the whole area before it settles:
 * seconds per edge.  So a search has a budget of states for the length
 * of its edge; past it, the edge is routed again ignoring other edges
 * (boxes and bends still count), which is quick and, in such a crowd,
 * looks no worse.  An edge of a crowded node (request->crowded) goes
 * straight to that second search, made greedier (CROWDED_WEIGHT: the
 * estimate counts double, so it heads for the goal instead of trying
 * every equal way round each box) and budgeted: past the budget it is
 * drawn straight.  So is an edge whose area alone is too large to lay
 * out (ROUTE_AREA_MAX).
 */
#include "route.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define BEND_COST 4
#define HUG_COST 2
#define ALONG_COST 10	/* sharing a stretch of line with another edge */
#define CROSS_COST 2	/* crossing another edge */
#define HUG 1
#define OPEN 16		/* map: an end cell, passable whatever is there */
/* States a search may take: this many, plus this many per cell between the ends. */
#define SEARCH_BUDGET_BASE 8192
#define SEARCH_BUDGET_PER_CELL 64
/* A crowded edge gets this share of that, and a greedier search. */
#define CROWDED_SHARE 8
#define CROWDED_WEIGHT 2
/*
 * No search over more cells than this: its buffers take 49 bytes a cell,
 * and two boxes a million cells apart would ask for terabytes.  Such an
 * edge runs far off any screen; it is drawn straight.
 */
#define ROUTE_AREA_MAX (1024 * 512)

enum search_result {
	SEARCH_FOUND,
	SEARCH_NO_PATH,
	SEARCH_OVER_BUDGET
};

static const int step_x[4] = { 0, 1, 0, -1 };
static const int step_y[4] = { -1, 0, 1, 0 };

struct heap_item {
	uint64_t key;		/* f-cost, then deeper first */
	int32_t state;
};

struct router {
	uint8_t *map;		/* HUG | ROUTE_BOX | ROUTE_ALONG_X | ROUTE_ALONG_Y */
	int32_t *cost;		/* best g per state, valid where seen == search */
	int32_t *parent;	/* previous state on the best path */
	uint32_t *seen;		/* the search that last wrote cost: no clearing */
	uint32_t search;
	size_t states;		/* capacity of cost and parent */
	size_t cells;		/* capacity of map */
	struct heap_item *heap;
	size_t heap_count, heap_capacity;
	struct point *path;
	size_t path_capacity;
};

struct router *
router_new(void)
{
	return xcalloc(1, sizeof(struct router));
}

void
router_free(struct router *r)
{
	if (r == NULL)
		return;
	free(r->map);
	free(r->cost);
	free(r->parent);
	free(r->seen);
	free(r->heap);
	free(r->path);
	free(r);
}

void
route_free(struct route *route)
{
	free(route->points);
	route->points = NULL;
	route->count = 0;
}

struct point
point_step(struct point p, enum side side)
{
	return (struct point){ p.x + step_x[side], p.y + step_y[side] };
}

enum side
side_opposite(enum side side)
{
	return (enum side)((side + 2) % 4);
}

enum side
route_facing_side(struct box from, struct box to)
{
	int gap_right = to.x - (from.x + from.width);
	int gap_left = from.x - (to.x + to.width);
	int gap_down = to.y - (from.y + from.height);
	int gap_up = from.y - (to.y + to.height);
	int gap_x = gap_right > gap_left ? gap_right : gap_left;
	int gap_y = gap_down > gap_up ? gap_down : gap_up;

	if (gap_x >= 2 && gap_x >= 2 * gap_y)
		return gap_right > gap_left ? SIDE_RIGHT : SIDE_LEFT;
	if (gap_y >= 1)
		return gap_down > gap_up ? SIDE_BOTTOM : SIDE_TOP;
	if (gap_x >= 1)
		return gap_right > gap_left ? SIDE_RIGHT : SIDE_LEFT;
	/* Touching or overlapping: go by the centres. */
	{
		int dx = (to.x * 2 + to.width) - (from.x * 2 + from.width);
		int dy = (to.y * 2 + to.height) - (from.y * 2 + from.height);

		if (abs(dx) >= 2 * abs(dy))
			return dx >= 0 ? SIDE_RIGHT : SIDE_LEFT;
		return dy >= 0 ? SIDE_BOTTOM : SIDE_TOP;
	}
}

int
route_port_slots(const struct node *n, enum side side, struct point *out, int max)
{
	struct box b = node_box(n);
	int count = 0, first, last;

	switch (side) {
	case SIDE_TOP:
		/* Right of the tag "[DB]" that the top border carries. */
		first = b.x + 1 + (int)strlen(kind_info(n->kind)->tag) + 2;
		last = b.x + b.width - 2;
		if (first > last)
			first = last;
		for (int x = first; x <= last && count < max; x++)
			out[count++] = (struct point){ x, b.y };
		break;
	case SIDE_BOTTOM:
		for (int x = b.x + 1; x <= b.x + b.width - 2 && count < max; x++)
			out[count++] = (struct point){ x, b.y + b.height - 1 };
		break;
	case SIDE_LEFT:
	case SIDE_RIGHT:
		for (int y = b.y + 1; y <= b.y + b.height - 2 && count < max; y++)
			out[count++] = (struct point){ side == SIDE_LEFT ? b.x : b.x + b.width - 1, y };
		break;
	}
	return count;
}

bool
route_clip_segment(struct box v, struct point *a, struct point *b)
{
	int *pa = a->y == b->y ? &a->x : &a->y, *pb = a->y == b->y ? &b->x : &b->y;
	int across = a->y == b->y ? a->y : a->x;
	int first = a->y == b->y ? v.x : v.y, last = first + (a->y == b->y ? v.width : v.height) - 1;
	int cross_first = a->y == b->y ? v.y : v.x, cross_last = cross_first + (a->y == b->y ? v.height : v.width) - 1;
	int lo = *pa < *pb ? *pa : *pb, hi = *pa < *pb ? *pb : *pa;

	if (across < cross_first || across > cross_last || hi < first || lo > last)
		return false;
	lo = lo > first ? lo : first;
	hi = hi < last ? hi : last;
	if (*pa <= *pb) {
		*pa = lo;
		*pb = hi;
	} else {
		*pa = hi;
		*pb = lo;
	}
	return true;
}

static void
grow_buffers(struct router *r, size_t cells)
{
	if (cells > r->cells) {
		r->cells = cells;
		r->map = xrealloc(r->map, cells);
	}
	if (cells * 4 > r->states) {
		r->states = cells * 4;
		r->cost = xreallocarray(r->cost, r->states, sizeof *r->cost);
		r->parent = xreallocarray(r->parent, r->states, sizeof *r->parent);
		free(r->seen);
		r->seen = xcalloc(r->states, sizeof *r->seen);
		r->search = 0;
	}
}

static void
heap_push(struct router *r, uint64_t key, int32_t state)
{
	size_t i;

	if (r->heap_count == r->heap_capacity) {
		r->heap_capacity = r->heap_capacity != 0 ? r->heap_capacity * 2 : 256;
		r->heap = xreallocarray(r->heap, r->heap_capacity, sizeof *r->heap);
	}
	i = r->heap_count++;
	while (i > 0 && r->heap[(i - 1) / 2].key > key) {
		r->heap[i] = r->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	r->heap[i] = (struct heap_item){ key, state };
}

static struct heap_item
heap_pop(struct router *r)
{
	struct heap_item top = r->heap[0], last = r->heap[--r->heap_count];
	size_t i = 0;

	for (;;) {
		size_t child = 2 * i + 1;

		if (child >= r->heap_count)
			break;
		if (child + 1 < r->heap_count && r->heap[child + 1].key < r->heap[child].key)
			child++;
		if (r->heap[child].key >= last.key)
			break;
		r->heap[i] = r->heap[child];
		i = child;
	}
	if (r->heap_count > 0)
		r->heap[i] = last;
	return top;
}

/*
 * Mark obstacles and other edges.  Which cells hug a box is worked out
 * by the search for the cells it reaches (hug()): a pass over the whole
 * area would cost more than the search itself on a long edge.
 */
static void
build_map(struct router *r, const struct route_request *q)
{
	struct box a = q->area;
	size_t n = (size_t)a.width * (size_t)a.height;

	memset(r->map, 0, n);
	q->obstacles(q->context, a, r->map);
}

/* HUG when the cell at (x, y) of area a is free and beside a box, else 0. */
static uint8_t
hug(const struct router *r, struct box a, int x, int y)
{
	const uint8_t *m = &r->map[(size_t)y * (size_t)a.width + (size_t)x];

	if (*m & ROUTE_BOX)
		return 0;
	if ((x > 0 && (m[-1] & ROUTE_BOX)) || (x + 1 < a.width && (m[1] & ROUTE_BOX)) ||
	    (y > 0 && (m[-a.width] & ROUTE_BOX)) || (y + 1 < a.height && (m[a.width] & ROUTE_BOX)))
		return HUG;
	return 0;
}

/*
 * What entering a cell marked m heading in direction d costs beyond a step;
 * other edges count only when mind_edges is true.
 */
static int
cell_cost(uint8_t m, int d, bool mind_edges)
{
	int along = d == 1 || d == 3 ? ROUTE_ALONG_X : ROUTE_ALONG_Y;
	int cost = m & HUG ? HUG_COST : 0;

	if (!mind_edges)
		return cost;
	if (m & along)
		cost += ALONG_COST;
	else if (m & (ROUTE_ALONG_X | ROUTE_ALONG_Y))
		cost += CROSS_COST;
	return cost;
}

static bool
inside(struct box a, struct point p)
{
	return box_contains(a, p.x, p.y);
}

static void
path_push(struct router *r, size_t *count, struct point p)
{
	if (*count == r->path_capacity) {
		r->path_capacity = r->path_capacity != 0 ? r->path_capacity * 2 : 64;
		r->path = xreallocarray(r->path, r->path_capacity, sizeof *r->path);
	}
	r->path[(*count)++] = p;
}

/* Keep only the corners (and the two ends) of a cell-by-cell path. */
static void
set_points(struct route *out, const struct point *cells, size_t n)
{
	size_t count = 0;

	route_free(out);
	out->points = xreallocarray(NULL, n, sizeof *out->points);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i + 1 < n) {
			bool same_x = cells[i - 1].x == cells[i].x && cells[i].x == cells[i + 1].x;
			bool same_y = cells[i - 1].y == cells[i].y && cells[i].y == cells[i + 1].y;

			if (same_x || same_y)
				continue;
		}
		out->points[count++] = cells[i];
	}
	out->count = count;
	out->bounds = (struct box){ cells[0].x, cells[0].y, 1, 1 };
	for (size_t i = 1; i < count; i++) {
		struct box *b = &out->bounds;
		struct point p = out->points[i];

		if (p.x < b->x) {
			b->width += b->x - p.x;
			b->x = p.x;
		}
		if (p.y < b->y) {
			b->height += b->y - p.y;
			b->y = p.y;
		}
		if (p.x >= b->x + b->width)
			b->width = p.x - b->x + 1;
		if (p.y >= b->y + b->height)
			b->height = p.y - b->y + 1;
	}
}

/* Add p to a path of corners, unless it repeats the last. */
static void
corner_push(struct router *r, size_t *count, struct point p)
{
	if (*count == 0 || r->path[*count - 1].x != p.x || r->path[*count - 1].y != p.y)
		path_push(r, count, p);
}

/* No way round: go out, across and in, through whatever is there. */
static void
straight_route(struct router *r, const struct route_request *q, struct point start,
    struct point end, struct route *out)
{
	size_t n = 0;
	bool horizontal = q->from_side == SIDE_LEFT || q->from_side == SIDE_RIGHT;

	out->source_port = q->from_port;
	out->target_port = q->to_port;
	out->source_side = q->from_side;
	out->target_side = q->to_side;
	/* The corners alone: a straight route may be thousands of cells long. */
	corner_push(r, &n, start);
	if (horizontal) {
		int mid = (start.x + end.x) / 2;

		corner_push(r, &n, (struct point){ mid, start.y });
		corner_push(r, &n, (struct point){ mid, end.y });
	} else {
		int mid = (start.y + end.y) / 2;

		corner_push(r, &n, (struct point){ start.x, mid });
		corner_push(r, &n, (struct point){ end.x, mid });
	}
	corner_push(r, &n, end);
	set_points(out, r->path, n);
	out->blocked = true;
}

/*
 * A lower bound on the cost from (x, y) heading d to the goal: the
 * Manhattan distance plus the turns no path can avoid (the goal must be
 * entered heading goal_dir).  Never more than the truth, so A* stays
 * exact; much closer to it than the distance alone, so it looks at far
 * fewer states.
 */
static int
estimate(int x, int y, int d, int ex, int ey, int goal_dir)
{
	int dx = ex - x, dy = ey - y, turns;
	bool ahead = (d == 1 && dy == 0 && dx > 0) || (d == 3 && dy == 0 && dx < 0) ||
	    (d == 2 && dx == 0 && dy > 0) || (d == 0 && dx == 0 && dy < 0);

	if (dx == 0 && dy == 0)
		turns = d == goal_dir ? 0 : 2;
	else if (d == goal_dir)
		turns = ahead ? 0 : 2;
	else if (d == (goal_dir + 2) % 4)
		turns = 2;
	else
		turns = 1;
	return abs(dx) + abs(dy) + turns * BEND_COST;
}

/*
 * A* from start to end; with mind_edges false, other edges cost nothing.
 * weight > 1 trusts the estimate that much more: the path found may cost
 * a little more than the cheapest, but the search goes straight for the
 * goal instead of trying every equal way round each box.  budget: states
 * to take at most, 0 for no limit.
 */
static enum search_result
search(struct router *r, const struct route_request *q, struct point start, struct point end, bool mind_edges,
    int weight, size_t budget)
{
	struct box a = q->area;
	int start_dir = q->from_side, goal_dir = side_opposite(q->to_side);
	int32_t start_state = (int32_t)((((size_t)(start.y - a.y) * (size_t)a.width) + (size_t)(start.x - a.x)) * 4 + (size_t)start_dir);
	int32_t goal_state = (int32_t)((((size_t)(end.y - a.y) * (size_t)a.width) + (size_t)(end.x - a.x)) * 4 + (size_t)goal_dir);

	if (++r->search == 0) {		/* wrapped: forget every old search */
		memset(r->seen, 0, r->states * sizeof *r->seen);
		r->search = 1;
	}
	r->heap_count = 0;
	r->seen[start_state] = r->search;
	r->cost[start_state] = 0;
	r->parent[start_state] = -1;
	heap_push(r, 0, start_state);
	for (size_t taken = 0; r->heap_count > 0; taken++) {
		struct heap_item it;
		int32_t s;
		int dir, cell, x, y;
		int32_t g;

		if (budget != 0 && taken == budget)
			return SEARCH_OVER_BUDGET;
		it = heap_pop(r);
		s = it.state;
		dir = s % 4;
		cell = s / 4;
		x = cell % a.width;
		y = cell / a.width;
		g = r->cost[s];
		if (s == goal_state)
			return SEARCH_FOUND;
		if ((int64_t)(it.key >> 24) > (int64_t)g + weight * estimate(x + a.x, y + a.y, dir, end.x, end.y, goal_dir))
			continue;	/* a stale entry: s was reached cheaper since */
		for (int nd = 0; nd < 4; nd++) {
			int nx = x + step_x[nd], ny = y + step_y[nd];
			int32_t ns, ng;
			uint8_t m;

			if (nd == (dir + 2) % 4 || nx < 0 || ny < 0 || nx >= a.width || ny >= a.height)
				continue;
			m = r->map[(size_t)ny * (size_t)a.width + (size_t)nx];
			if ((m & (ROUTE_BOX | OPEN)) == ROUTE_BOX)
				continue;
			ns = (ny * a.width + nx) * 4 + nd;
			ng = g + 1 + (nd != dir ? BEND_COST : 0) + cell_cost(m | hug(r, a, nx, ny), nd, mind_edges);
			/* A turn in a cell another edge runs through would join them. */
			if (mind_edges && nd != dir &&
			    (r->map[(size_t)y * (size_t)a.width + (size_t)x] & (ROUTE_ALONG_X | ROUTE_ALONG_Y)))
				ng += ALONG_COST;
			if (r->seen[ns] != r->search || ng < r->cost[ns]) {
				r->seen[ns] = r->search;
				int h = weight * estimate(nx + a.x, ny + a.y, nd, end.x, end.y, goal_dir);
				uint32_t depth = ng < 0xFFFFFF ? 0xFFFFFFu - (uint32_t)ng : 0;

				r->cost[ns] = ng;
				r->parent[ns] = s;
				heap_push(r, ((uint64_t)(ng + h) << 24) | depth, ns);
			}
		}
	}
	return SEARCH_NO_PATH;
}

void
router_straight(struct router *r, const struct route_request *q, struct route *out)
{
	straight_route(r, q, point_step(q->from_port, q->from_side), point_step(q->to_port, q->to_side), out);
}

bool
router_find(struct router *r, const struct route_request *q, struct route *out)
{
	struct point start = point_step(q->from_port, q->from_side);
	struct point end = point_step(q->to_port, q->to_side);
	struct box a = q->area;
	size_t n = 0, budget;
	enum search_result found;

	out->source_port = q->from_port;
	out->target_port = q->to_port;
	out->source_side = q->from_side;
	out->target_side = q->to_side;
	out->blocked = false;
	if (a.width <= 0 || a.height <= 0 || !inside(a, start) || !inside(a, end)) {
		straight_route(r, q, start, end, out);
		return false;
	}
	if ((size_t)a.width * (size_t)a.height > ROUTE_AREA_MAX) {
		/* Laying out the map alone would cost more than the edge is worth. */
		straight_route(r, q, start, end, out);
		return true;
	}
	grow_buffers(r, (size_t)a.width * (size_t)a.height);
	build_map(r, q);
	/* The two end cells are where the edge must be, whatever is there. */
	r->map[(size_t)(start.y - a.y) * (size_t)a.width + (size_t)(start.x - a.x)] |= OPEN;
	r->map[(size_t)(end.y - a.y) * (size_t)a.width + (size_t)(end.x - a.x)] |= OPEN;
	if (start.x == end.x && start.y == end.y && q->from_side == side_opposite(q->to_side)) {
		path_push(r, &n, start);
		set_points(out, r->path, n);
		return true;
	}
	budget = SEARCH_BUDGET_BASE + SEARCH_BUDGET_PER_CELL * (size_t)(abs(end.x - start.x) + abs(end.y - start.y));
	if (q->crowded)
		found = search(r, q, start, end, false, CROWDED_WEIGHT, budget / CROWDED_SHARE);
	else if ((found = search(r, q, start, end, true, 1, budget)) == SEARCH_OVER_BUDGET)
		found = search(r, q, start, end, false, 1, 0);
	if (found != SEARCH_FOUND) {
		straight_route(r, q, start, end, out);
		/* Out of budget, a wider area would only cost more. */
		return found == SEARCH_OVER_BUDGET;
	}
	{
		int32_t goal = (int32_t)((((size_t)(end.y - a.y) * (size_t)a.width) + (size_t)(end.x - a.x)) * 4 +
		    (size_t)side_opposite(q->to_side));

		for (int32_t s = goal; s >= 0; s = r->parent[s]) {
			int cell = s / 4;

			path_push(r, &n, (struct point){ a.x + cell % a.width, a.y + cell / a.width });
		}
	}
	/* The walk went goal to start: turn it round. */
	for (size_t i = 0; i < n / 2; i++) {
		struct point t = r->path[i];

		r->path[i] = r->path[n - 1 - i];
		r->path[n - 1 - i] = t;
	}
	set_points(out, r->path, n);
	return true;
}
