/*
 * The scene: spatial indexes, adjacency and the route cache; see scene.h.
 *
 * Each node and edge has a record here, found through a hash on the
 * node's address or the edge's uid.  Edges are filed in the edge grid
 * under the rectangle their route may use (the search area), so a node
 * that lands in that rectangle finds them and a screen finds every edge it
 * could show.
 */
#include "scene.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ptrmap.h"
#include "spatial.h"
#include "xalloc.h"

#define BUCKET_WIDTH 64
#define BUCKET_HEIGHT 32
#define PORT_SLOTS_MAX 256

/* Search margins round the two ends, widened when no way is found. */
static const int margins[][2] = { { 8, 4 }, { 24, 12 }, { 80, 40 } };
/*
 * More edges than this on a node, and its edges are routed minding only
 * the boxes (route.h: crowded): each would otherwise weigh every route
 * already there, and thousands of them take minutes.
 */
#define SCENE_CROWD_EDGES 32

struct scene_edge;

struct scene_node {
	const struct node *node;
	struct box footprint;		/* as filed in the node grid */
	/* What its ports were worked out from: a change that keeps these keeps its routes. */
	struct box box;
	enum node_kind kind;
	const struct group *group;	/* as filed in the group's member list */
	struct scene_edge **edges;
	size_t edge_count, edge_capacity;
	unsigned stamp;
	bool ports_valid;		/* each edge's port here is worked out */
};

struct scene_edge {
	const struct edge *edge;
	struct scene_node *from, *to;
	struct box area;		/* as filed in the edge grid */
	struct route route;
	bool routed;
	unsigned stamp;
	/* Where it attaches at from ([0]) and at to ([1]), while the node's ports_valid. */
	struct point port[2];
	enum side side[2];
};

struct scene_group {
	struct scene_node **members;
	size_t count, capacity;
	struct box bounds;
	bool dirty;
};

struct scene {
	const struct diagram *diagram;
	struct ptrmap *nodes;		/* node address -> scene_node */
	struct ptrmap *edges;		/* edge uid -> scene_edge */
	struct ptrmap *groups;		/* group address -> scene_group */
	struct spatial *node_grid, *edge_grid;
	struct router *router;
	unsigned stamp;
	uint64_t routes_computed;
	double route_deadline;		/* monotonic seconds; 0: no bound */
	uint64_t routes_at_budget;	/* routes_computed when the bound was set */
	bool routes_pending;		/* a provisional route went out since */
	/* Query results, reused. */
	const void **found;
	size_t found_count, found_capacity;
};

struct box
box_union(struct box a, struct box b)
{
	int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
	int x1 = a.x + a.width > b.x + b.width ? a.x + a.width : b.x + b.width;
	int y1 = a.y + a.height > b.y + b.height ? a.y + a.height : b.y + b.height;

	return (struct box){ x0, y0, x1 - x0, y1 - y0 };
}

struct box
box_grow(struct box b, int dx, int dy)
{
	return (struct box){ b.x - dx, b.y - dy, b.width + 2 * dx, b.height + 2 * dy };
}

static bool
box_equal(struct box a, struct box b)
{
	return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
}

struct box
box_clip_to_plane(struct box b)
{
	if (b.x < 0) {
		b.width += b.x;
		b.x = 0;
	}
	if (b.y < 0) {
		b.height += b.y;
		b.y = 0;
	}
	return b;
}

static double
monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct box
search_area(const struct scene_edge *se, int attempt)
{
	return box_clip_to_plane(box_grow(box_union(se->from->footprint, se->to->footprint),
	    margins[attempt][0], margins[attempt][1]));
}

static struct scene_group *
group_record(struct scene *s, const struct group *g)
{
	struct scene_group *sg = ptrmap_get(s->groups, PTRMAP_KEY(g));

	if (sg == NULL) {
		sg = xcalloc(1, sizeof *sg);
		ptrmap_put(s->groups, PTRMAP_KEY(g), sg);
	}
	return sg;
}

static void
group_join(struct scene *s, struct scene_node *sn)
{
	struct scene_group *sg;

	sn->group = sn->node->group;
	if (sn->group == NULL)
		return;
	sg = group_record(s, sn->group);
	if (sg->count == sg->capacity) {
		sg->capacity = sg->capacity != 0 ? sg->capacity * 2 : 8;
		sg->members = xreallocarray(sg->members, sg->capacity, sizeof *sg->members);
	}
	sg->members[sg->count++] = sn;
	sg->dirty = true;
}

static void
group_leave(struct scene *s, struct scene_node *sn)
{
	struct scene_group *sg;

	if (sn->group == NULL)
		return;
	sg = ptrmap_get(s->groups, PTRMAP_KEY(sn->group));
	sn->group = NULL;
	if (sg == NULL)
		return;
	for (size_t i = 0; i < sg->count; i++) {
		if (sg->members[i] == sn) {
			sg->members[i] = sg->members[--sg->count];
			break;
		}
	}
	sg->dirty = true;
}

static void
file_edge(struct scene *s, struct scene_edge *se, struct box area)
{
	if (box_equal(area, se->area))
		return;
	spatial_remove(s->edge_grid, se, se->area);
	se->area = area;
	spatial_insert(s->edge_grid, se, area);
}

static void
invalidate(struct scene *s, struct scene_edge *se)
{
	se->routed = false;
	/* Whatever moved this route may move the ports at either end. */
	se->from->ports_valid = se->to->ports_valid = false;
	file_edge(s, se, search_area(se, 0));
}

static void
invalidate_edges_of(struct scene *s, struct scene_node *sn)
{
	for (size_t i = 0; i < sn->edge_count; i++)
		invalidate(s, sn->edges[i]);
}

/* Collect unique records from a grid query into s->found. */
static void
collect(void *context, void *item)
{
	struct scene *s = context;

	if (s->found_count == s->found_capacity) {
		s->found_capacity = s->found_capacity != 0 ? s->found_capacity * 2 : 64;
		s->found = xreallocarray(s->found, s->found_capacity, sizeof *s->found);
	}
	s->found[s->found_count++] = item;
}

static void
collect_node(void *context, void *item)
{
	struct scene *s = context;
	struct scene_node *sn = item;

	if (sn->stamp == s->stamp)
		return;
	sn->stamp = s->stamp;
	collect(s, sn);
}

static void
collect_edge(void *context, void *item)
{
	struct scene *s = context;
	struct scene_edge *se = item;

	if (se->stamp == s->stamp)
		return;
	se->stamp = s->stamp;
	collect(s, se);
}

/* Whether a route runs through b or right beside it. */
static bool
route_near(const struct route *r, struct box b)
{
	b = box_grow(b, 1, 1);
	if (!box_overlap(r->bounds, b))
		return false;
	for (size_t i = 0; i + 1 < r->count; i++) {
		struct point p = r->points[i], q = r->points[i + 1];
		struct box segment = { p.x < q.x ? p.x : q.x, p.y < q.y ? p.y : q.y,
		    abs(p.x - q.x) + 1, abs(p.y - q.y) + 1 };

		if (box_overlap(segment, b))
			return true;
	}
	return r->count == 1 && box_contains(b, r->points[0].x, r->points[0].y);
}

/*
 * A box appeared or went at b: the routes through it or hugging it are
 * redone (a route elsewhere in its search area stays: still valid, if
 * perhaps no longer the shortest, and the picture does not shift under
 * the user's eyes).
 */
static void
invalidate_area(struct scene *s, struct box b)
{
	s->stamp++;
	s->found_count = 0;
	spatial_query(s->edge_grid, b, collect_edge, s);
	for (size_t i = 0; i < s->found_count; i++) {
		struct scene_edge *se = (struct scene_edge *)s->found[i];

		if (se->routed && route_near(&se->route, b))
			invalidate(s, se);
	}
}

static struct scene_node *
node_record(const struct scene *s, const struct node *n)
{
	return ptrmap_get(s->nodes, PTRMAP_KEY(n));
}

static void
add_node(struct scene *s, const struct node *n)
{
	struct scene_node *sn = xcalloc(1, sizeof *sn);

	sn->node = n;
	sn->footprint = node_footprint(n);
	sn->box = node_box(n);
	sn->kind = n->kind;
	ptrmap_put(s->nodes, PTRMAP_KEY(n), sn);
	spatial_insert(s->node_grid, sn, sn->footprint);
	group_join(s, sn);
}

static void
attach_edge(struct scene_node *sn, struct scene_edge *se)
{
	if (sn->edge_count == sn->edge_capacity) {
		sn->edge_capacity = sn->edge_capacity != 0 ? sn->edge_capacity * 2 : 4;
		sn->edges = xreallocarray(sn->edges, sn->edge_capacity, sizeof *sn->edges);
	}
	sn->edges[sn->edge_count++] = se;
}

static void
detach_edge(struct scene_node *sn, struct scene_edge *se)
{
	for (size_t i = 0; i < sn->edge_count; i++) {
		if (sn->edges[i] == se) {
			memmove(&sn->edges[i], &sn->edges[i + 1], (sn->edge_count - i - 1) * sizeof *sn->edges);
			sn->edge_count--;
			return;
		}
	}
}

static void
add_edge(struct scene *s, const struct edge *e)
{
	struct scene_edge *se = xcalloc(1, sizeof *se);

	se->edge = e;
	se->from = node_record(s, e->from);
	se->to = node_record(s, e->to);
	ptrmap_put(s->edges, e->uid, se);
	attach_edge(se->from, se);
	attach_edge(se->to, se);
	se->area = search_area(se, 0);
	spatial_insert(s->edge_grid, se, se->area);
}

struct scene *
scene_new(const struct diagram *d)
{
	struct scene *s = xcalloc(1, sizeof *s);

	s->diagram = d;
	s->nodes = ptrmap_new();
	s->edges = ptrmap_new();
	s->groups = ptrmap_new();
	s->node_grid = spatial_new(BUCKET_WIDTH, BUCKET_HEIGHT);
	s->edge_grid = spatial_new(BUCKET_WIDTH, BUCKET_HEIGHT);
	s->router = router_new();
	for (size_t i = 0; i < diagram_node_count(d); i++)
		add_node(s, diagram_node(d, i));
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		add_edge(s, diagram_edge(d, i));
	return s;
}

void
scene_free(struct scene *s)
{
	size_t pos = 0;
	uint64_t key;
	void *value;

	if (s == NULL)
		return;
	while (ptrmap_next(s->edges, &pos, &key, &value)) {
		struct scene_edge *se = value;

		route_free(&se->route);
		free(se);
	}
	pos = 0;
	while (ptrmap_next(s->nodes, &pos, &key, &value)) {
		struct scene_node *sn = value;

		free(sn->edges);
		free(sn);
	}
	pos = 0;
	while (ptrmap_next(s->groups, &pos, &key, &value)) {
		struct scene_group *sg = value;

		free(sg->members);
		free(sg);
	}
	ptrmap_free(s->nodes);
	ptrmap_free(s->edges);
	ptrmap_free(s->groups);
	spatial_free(s->node_grid);
	spatial_free(s->edge_grid);
	router_free(s->router);
	free(s->found);
	free(s);
}

const struct diagram *
scene_diagram(const struct scene *s)
{
	return s->diagram;
}

static void
node_changed(struct scene *s, const struct node *n)
{
	struct scene_node *sn = node_record(s, n);
	struct box old, now = node_footprint(n);

	if (sn == NULL)
		return;
	if (sn->group != n->group) {
		group_leave(s, sn);
		group_join(s, sn);
	}
	/*
	 * A new label, notes or tech that leave the box as it was move
	 * nothing: a service with a thousand callers is renamed without
	 * rerouting them.  The kind (its tag) or the shadow can move ports
	 * without moving the footprint.
	 */
	if (box_equal(now, sn->footprint) && box_equal(node_box(n), sn->box) && n->kind == sn->kind)
		return;
	sn->box = node_box(n);
	sn->kind = n->kind;
	invalidate_edges_of(s, sn);
	if (box_equal(now, sn->footprint))
		return;
	old = sn->footprint;
	spatial_remove(s->node_grid, sn, old);
	sn->footprint = now;
	spatial_insert(s->node_grid, sn, now);
	if (sn->group != NULL)
		group_record(s, sn->group)->dirty = true;
	/* Neighbours: their ports are ordered by where this node is. */
	for (size_t i = 0; i < sn->edge_count; i++) {
		struct scene_edge *se = sn->edges[i];

		invalidate_edges_of(s, se->from == sn ? se->to : se->from);
	}
	invalidate_area(s, old);
	invalidate_area(s, now);
}

static void
node_removed(struct scene *s, const struct node *n)
{
	struct scene_node *sn = ptrmap_remove(s->nodes, PTRMAP_KEY(n));

	if (sn == NULL)
		return;
	spatial_remove(s->node_grid, sn, sn->footprint);
	group_leave(s, sn);
	invalidate_area(s, sn->footprint);
	free(sn->edges);
	free(sn);
}

static void
edge_removed(struct scene *s, const struct edge *e)
{
	struct scene_edge *se = ptrmap_remove(s->edges, e->uid);

	if (se == NULL)
		return;
	spatial_remove(s->edge_grid, se, se->area);
	detach_edge(se->from, se);
	detach_edge(se->to, se);
	invalidate_edges_of(s, se->from);
	invalidate_edges_of(s, se->to);
	route_free(&se->route);
	free(se);
}

void
scene_note_change(struct scene *s, enum diagram_change change, const void *object)
{
	switch (change) {
	case CHANGE_NODE_ADDED:
		add_node(s, object);
		invalidate_area(s, node_record(s, object)->footprint);
		break;
	case CHANGE_NODE_REMOVED:
		node_removed(s, object);
		break;
	case CHANGE_NODE_CHANGED:
		node_changed(s, object);
		break;
	case CHANGE_EDGE_ADDED: {
		const struct edge *e = object;

		add_edge(s, e);
		invalidate_edges_of(s, node_record(s, e->from));
		invalidate_edges_of(s, node_record(s, e->to));
		break;
	}
	case CHANGE_EDGE_REMOVED:
		edge_removed(s, object);
		break;
	case CHANGE_GROUP_REMOVED: {
		struct scene_group *sg = ptrmap_remove(s->groups, PTRMAP_KEY(object));

		if (sg != NULL) {
			for (size_t i = 0; i < sg->count; i++)
				sg->members[i]->group = NULL;
			free(sg->members);
			free(sg);
		}
		break;
	}
	case CHANGE_EDGE_CHANGED:	/* label or mode: the route stays */
	case CHANGE_GROUP_ADDED:
	case CHANGE_GROUP_CHANGED:	/* membership arrives as node changes */
	case CHANGE_TITLE:
		break;
	}
}

static int
compare_found_nodes(const void *a, const void *b)
{
	const struct node *x = *(const struct node *const *)a, *y = *(const struct node *const *)b;

	return x->index < y->index ? -1 : x->index > y->index;
}

static int
compare_found_edges(const void *a, const void *b)
{
	const struct edge *x = *(const struct edge *const *)a, *y = *(const struct edge *const *)b;

	return x->index < y->index ? -1 : x->index > y->index;
}

size_t
scene_nodes_in(struct scene *s, struct box area, const struct node *const **out)
{
	size_t kept = 0;

	s->stamp++;
	s->found_count = 0;
	spatial_query(s->node_grid, area, collect_node, s);
	for (size_t i = 0; i < s->found_count; i++) {
		const struct scene_node *sn = s->found[i];

		if (box_overlap(sn->footprint, area))
			s->found[kept++] = sn->node;
	}
	s->found_count = kept;
	if (kept > 1)
		qsort(s->found, kept, sizeof *s->found, compare_found_nodes);
	*out = (const struct node *const *)s->found;
	return kept;
}

size_t
scene_edges_in(struct scene *s, struct box area, const struct edge *const **out)
{
	size_t kept = 0;

	s->stamp++;
	s->found_count = 0;
	spatial_query(s->edge_grid, area, collect_edge, s);
	for (size_t i = 0; i < s->found_count; i++) {
		const struct scene_edge *se = s->found[i];

		if (box_overlap(se->area, area))
			s->found[kept++] = se->edge;
	}
	s->found_count = kept;
	if (kept > 1)
		qsort(s->found, kept, sizeof *s->found, compare_found_edges);
	*out = (const struct edge *const *)s->found;
	return kept;
}

size_t
scene_edges_of(struct scene *s, const struct node *n, const struct edge *const **out)
{
	struct scene_node *sn = node_record(s, n);

	s->found_count = 0;
	if (sn != NULL) {
		for (size_t i = 0; i < sn->edge_count; i++)
			collect(s, (void *)sn->edges[i]->edge);
	}
	*out = (const struct edge *const *)s->found;
	return s->found_count;
}

const struct node *
scene_node_at(struct scene *s, int x, int y)
{
	const struct node *const *found;
	size_t n = scene_nodes_in(s, (struct box){ x, y, 1, 1 }, &found);

	return n > 0 ? found[0] : NULL;
}

bool
scene_area_free(struct scene *s, struct box b, const struct node *ignore)
{
	const struct node *const *found;
	size_t n = scene_nodes_in(s, b, &found);

	for (size_t i = 0; i < n; i++) {
		if (found[i] != ignore)
			return false;
	}
	return true;
}

/*
 * An edge alone on its side, facing a side of the other end: take the
 * middle of the slots the two sides have in common, which the other end
 * works out the same way when it too has the edge to itself, so the line
 * runs straight.  False when the sides share no row or column.
 */
static bool
aligned_port(const struct scene_node *sn, const struct scene_edge *se, enum side side,
    const struct point *slots, int slot_count, struct point *port)
{
	const struct scene_node *other = se->from == sn ? se->to : se->from;
	struct point theirs[PORT_SLOTS_MAX];
	int their_count = route_port_slots(other->node, side_opposite(side), theirs, PORT_SLOTS_MAX);
	bool along_x = side == SIDE_TOP || side == SIDE_BOTTOM;
	int lo, hi, mine_lo, mine_hi, their_lo, their_hi, want;

	if (their_count <= 0 || route_facing_side(other->footprint, sn->footprint) != side_opposite(side))
		return false;
	mine_lo = along_x ? slots[0].x : slots[0].y;
	mine_hi = along_x ? slots[slot_count - 1].x : slots[slot_count - 1].y;
	their_lo = along_x ? theirs[0].x : theirs[0].y;
	their_hi = along_x ? theirs[their_count - 1].x : theirs[their_count - 1].y;
	lo = mine_lo > their_lo ? mine_lo : their_lo;
	hi = mine_hi < their_hi ? mine_hi : their_hi;
	if (lo > hi)
		return false;
	want = (lo + hi + 1) / 2;
	*port = slots[want - mine_lo];
	return true;
}

/* Where the other end of te lies along a side of sn (doubled centre). */
static int
along(const struct scene_node *sn, const struct scene_edge *te, enum side side)
{
	const struct scene_node *to = te->from == sn ? te->to : te->from;

	if (side == SIDE_TOP || side == SIDE_BOTTOM)
		return to->footprint.x * 2 + to->footprint.width;
	return to->footprint.y * 2 + to->footprint.height;
}

struct port_choice {
	struct scene_edge *edge;
	enum side side;
	int key;
};

static int
compare_choices(const void *a, const void *b)
{
	const struct port_choice *x = a, *y = b;

	if (x->side != y->side)
		return x->side < y->side ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->edge->edge->uid < y->edge->edge->uid ? -1 : x->edge->edge->uid > y->edge->edge->uid;
}

/* Put se, the before-th of count edges on side of sn, on its slot. */
static void
place_port(const struct scene_node *sn, struct scene_edge *se, enum side side, size_t before, size_t count)
{
	struct point slots[PORT_SLOTS_MAX];
	int slot_count = route_port_slots(sn->node, side, slots, PORT_SLOTS_MAX), slot;
	int end = se->from == sn ? 0 : 1;
	struct point *port = &se->port[end];

	se->side[end] = side;
	if (count == 1 && slot_count > 0 && aligned_port(sn, se, side, slots, slot_count, port)) {
		/* Lined up with the other end: a straight line. */
	} else if (slot_count <= 0) {
		*port = (struct point){ sn->footprint.x, sn->footprint.y };
	} else {
		if (count <= (size_t)slot_count)
			slot = (int)(((2 * before + 1) * (size_t)slot_count) / (2 * count));
		else
			slot = (int)((before * (size_t)slot_count) / count);
		*port = slots[slot];
	}
}

/*
 * Where each edge attaches to sn.  Each edge takes the side facing its
 * other end; a side with more edges than it has slots hands its outermost
 * ones to the neighbouring sides they lean towards.  On each side the
 * edges are ordered by where their other ends are, so lines leave in the
 * order they travel and do not cross at the box.  Done for all of sn's
 * edges at once and kept until one of them is invalidated: a node with
 * thousands of edges sorts them once, not once per edge.
 */
static void
assign_ports(struct scene_node *sn)
{
	size_t n = sn->edge_count;
	struct port_choice stack[32], *c = n <= 32 ? stack : xreallocarray(NULL, n, sizeof *c);
	struct point slots[PORT_SLOTS_MAX];
	int capacity[4], centre_y = sn->footprint.y * 2 + sn->footprint.height;

	for (int k = 0; k < 4; k++)
		capacity[k] = route_port_slots(sn->node, (enum side)k, slots, PORT_SLOTS_MAX);
	for (size_t i = 0; i < n; i++) {
		const struct scene_node *to = sn->edges[i]->from == sn ? sn->edges[i]->to : sn->edges[i]->from;

		c[i].edge = sn->edges[i];
		c[i].side = route_facing_side(sn->footprint, to->footprint);
		c[i].key = along(sn, sn->edges[i], c[i].side);
	}
	qsort(c, n, sizeof *c, compare_choices);
	/* Spill the left and right sides (two slots) upwards and downwards. */
	for (size_t i = 0; i < n;) {
		size_t j = i, k;
		enum side s = c[i].side;
		size_t excess;

		while (j < n && c[j].side == s)
			j++;
		excess = j - i > (size_t)capacity[s] ? j - i - (size_t)capacity[s] : 0;
		for (k = i; excess > 0 && k < j && (s == SIDE_LEFT || s == SIDE_RIGHT) && c[k].key < centre_y; k++, excess--)
			c[k].side = SIDE_TOP;
		for (k = j; excess > 0 && k > i && (s == SIDE_LEFT || s == SIDE_RIGHT) && c[k - 1].key > centre_y; k--, excess--)
			c[k - 1].side = SIDE_BOTTOM;
		i = j;
	}
	for (size_t i = 0; i < n; i++)
		c[i].key = along(sn, c[i].edge, c[i].side);
	qsort(c, n, sizeof *c, compare_choices);
	for (size_t i = 0; i < n;) {
		size_t j = i;

		while (j < n && c[j].side == c[i].side)
			j++;
		for (size_t k = i; k < j; k++)
			place_port(sn, c[k].edge, c[i].side, k - i, j - i);
		i = j;
	}
	if (c != stack)
		free(c);
	sn->ports_valid = true;
}

static enum side
port_of(struct scene_node *sn, const struct scene_edge *se, struct point *port)
{
	int end = se->from == sn ? 0 : 1;

	if (!sn->ports_valid)
		assign_ports(sn);
	*port = se->port[end];
	return se->side[end];
}

struct obstacle_job {
	struct scene *scene;
	const struct scene_edge *routing;	/* the edge being routed */
	bool crowded;
	struct box area;
	uint8_t *map;
};

static void
mark(struct obstacle_job *job, int x, int y, uint8_t bits)
{
	struct box a = job->area;

	if (box_contains(a, x, y))
		job->map[(size_t)(y - a.y) * (size_t)a.width + (size_t)(x - a.x)] |= bits;
}

static void
mark_box(void *context, void *item)
{
	struct obstacle_job *job = context;
	struct box f = ((struct scene_node *)item)->footprint;

	for (int y = f.y; y < f.y + f.height; y++) {
		for (int x = f.x; x < f.x + f.width; x++)
			mark(job, x, y, ROUTE_BOX);
	}
}

/* The cells of routes already known, so a new one keeps off them. */
static void
mark_route(void *context, void *item)
{
	struct obstacle_job *job = context;
	struct scene_edge *se = item;
	const struct route *r = &se->route;

	if (se == job->routing || !se->routed || se->stamp == job->scene->stamp ||
	    !box_overlap(r->bounds, job->area))
		return;
	se->stamp = job->scene->stamp;
	for (size_t i = 0; i + 1 < r->count; i++) {
		struct point p = r->points[i], q = r->points[i + 1];
		int dx = (q.x > p.x) - (q.x < p.x), dy = (q.y > p.y) - (q.y < p.y);
		uint8_t bits = dy == 0 ? ROUTE_ALONG_X : ROUTE_ALONG_Y;

		/* Only the part in the area: crowded routes run far past it. */
		if (!route_clip_segment(job->area, &p, &q))
			continue;
		for (; p.x != q.x || p.y != q.y; p.x += dx, p.y += dy)
			mark(job, p.x, p.y, bits);
		mark(job, q.x, q.y, bits);
	}
	/* The stub at the source and the arrowhead belong to nobody else. */
	mark(job, r->points[0].x, r->points[0].y, ROUTE_ALONG_X | ROUTE_ALONG_Y);
	mark(job, r->points[r->count - 1].x, r->points[r->count - 1].y, ROUTE_ALONG_X | ROUTE_ALONG_Y);
}

static void
obstacles(void *context, struct box area, uint8_t *map)
{
	struct obstacle_job *job = context;

	job->area = area;
	job->map = map;
	spatial_query(job->scene->node_grid, area, mark_box, job);
	/* A crowded edge is routed minding only the boxes: marking thousands of routes would be wasted. */
	if (job->crowded)
		return;
	job->scene->stamp++;
	spatial_query(job->scene->edge_grid, area, mark_route, job);
}

const struct route *
scene_route(struct scene *s, const struct edge *e)
{
	struct scene_edge *se = ptrmap_get(s->edges, e->uid);
	struct route_request q;
	struct obstacle_job job = { s, se, false, { 0, 0, 0, 0 }, NULL };
	size_t attempts = sizeof margins / sizeof margins[0];

	if (se == NULL)
		return NULL;
	if (se->routed)
		return &se->route;
	q.from = se->from->footprint;
	q.to = se->to->footprint;
	q.from_side = port_of(se->from, se, &q.from_port);
	q.to_side = port_of(se->to, se, &q.to_port);
	/* Out of time, but only once a route is in: every frame moves on, however slow the machine. */
	if (s->route_deadline != 0 && s->routes_computed > s->routes_at_budget &&
	    monotonic_seconds() > s->route_deadline) {
		/* A straight line now, the real route in a later frame. */
		router_straight(s->router, &q, &se->route);
		s->routes_pending = true;
		return &se->route;
	}
	q.crowded = se->from->edge_count > SCENE_CROWD_EDGES || se->to->edge_count > SCENE_CROWD_EDGES;
	job.crowded = q.crowded;
	q.obstacles = obstacles;
	q.context = &job;
	for (size_t i = 0; i < attempts; i++) {
		q.area = search_area(se, (int)i);
		if (router_find(s->router, &q, &se->route) || i + 1 == attempts)
			break;
	}
	s->routes_computed++;
	se->routed = true;
	/* A wider search may leave the filed area: file the edge where it runs. */
	if (!box_equal(box_union(se->area, se->route.bounds), se->area))
		file_edge(s, se, box_union(se->area, q.area));
	return &se->route;
}

void
scene_route_budget(struct scene *s, double seconds)
{
	s->route_deadline = seconds > 0 ? monotonic_seconds() + seconds : 0;
	s->routes_at_budget = s->routes_computed;
	s->routes_pending = false;
}

bool
scene_routes_pending(const struct scene *s)
{
	return s->routes_pending;
}

bool
scene_group_bounds(struct scene *s, const struct group *g, struct box *out)
{
	struct scene_group *sg = ptrmap_get(s->groups, PTRMAP_KEY(g));

	if (sg == NULL || sg->count == 0)
		return false;
	if (sg->dirty) {
		sg->bounds = sg->members[0]->footprint;
		for (size_t i = 1; i < sg->count; i++)
			sg->bounds = box_union(sg->bounds, sg->members[i]->footprint);
		sg->dirty = false;
	}
	*out = sg->bounds;
	return true;
}

bool
scene_bounds(const struct scene *s, struct box *out)
{
	const struct diagram *d = s->diagram;

	if (diagram_node_count(d) == 0)
		return false;
	*out = node_footprint(diagram_node(d, 0));
	for (size_t i = 1; i < diagram_node_count(d); i++)
		*out = box_union(*out, node_footprint(diagram_node(d, i)));
	return true;
}

uint64_t
scene_routes_computed(const struct scene *s)
{
	return s->routes_computed;
}
