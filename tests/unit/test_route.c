/*
 * Routing properties on generated diagrams: no route passes through a box,
 * every route joins its two ends, arrowheads sit on the target's border;
 * and the scene's cache stays valid through moves, deletes, undo and redo,
 * while rerouting only what a change touched.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "diagram.h"
#include "geometry.h"
#include "render.h"
#include "route.h"
#include "scene.h"
#include "support.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

static bool
on_border(struct box b, struct point p, enum side side)
{
	struct point out = point_step(p, side);

	return box_contains(b, p.x, p.y) && !box_contains(b, out.x, out.y);
}

/* Check every property of e's route; returns the number of cells walked. */
static size_t
check_route(struct scene *s, const struct edge *e)
{
	const struct route *r = scene_route(s, e);
	struct box from = node_box(e->from), to = node_box(e->to);
	struct point last, into;
	size_t cells = 0;

	assert_non_null(r);
	assert_true(r->count >= 1);
	assert_false(r->blocked);
	/* It leaves from the border of the source's box (not its shadow)... */
	assert_true(on_border(from, r->source_port, r->source_side));
	assert_int_equal(r->points[0].x, point_step(r->source_port, r->source_side).x);
	assert_int_equal(r->points[0].y, point_step(r->source_port, r->source_side).y);
	/* ...and its arrowhead cell touches the target's border, pointing in. */
	last = r->points[r->count - 1];
	assert_true(on_border(to, r->target_port, r->target_side));
	assert_int_equal(last.x, point_step(r->target_port, r->target_side).x);
	assert_int_equal(last.y, point_step(r->target_port, r->target_side).y);
	into = point_step(last, side_opposite(r->target_side));
	assert_true(box_contains(to, into.x, into.y));
	if (r->count >= 2) {
		struct point before = r->points[r->count - 2];

		/* The last segment runs straight into the target. */
		if (r->target_side == SIDE_LEFT || r->target_side == SIDE_RIGHT)
			assert_int_equal(before.y, last.y);
		else
			assert_int_equal(before.x, last.x);
	}
	/*
	 * No cell of the path lies in any footprint, but for the two end
	 * cells, which may cross their own node's shadow.
	 */
	for (size_t i = 0; i < r->count; i++) {
		struct point a = r->points[i], b = i + 1 < r->count ? r->points[i + 1] : a;
		int dx = (b.x > a.x) - (b.x < a.x), dy = (b.y > a.y) - (b.y < a.y);

		assert_true(a.x == b.x || a.y == b.y);
		for (struct point p = a;; p.x += dx, p.y += dy) {
			const struct node *at = scene_node_at(s, p.x, p.y);
			bool first = p.x == r->points[0].x && p.y == r->points[0].y;
			bool end = p.x == last.x && p.y == last.y;

			if ((first && at == e->from && e->from->replicas > 1) || (end && at == e->to && e->to->replicas > 1))
				at = NULL;
			if (at != NULL) {
				fail_msg("edge %s -> %s passes through %s at %d,%d", e->from->id, e->to->id,
				    scene_node_at(s, p.x, p.y)->id, p.x, p.y);
			}
			cells++;
			if (p.x == b.x && p.y == b.y)
				break;
		}
	}
	return cells;
}

static void
test_generated_routes(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 6; seed++) {
		struct diagram *d = support_generate(150, seed);
		struct scene *s = scene_new(d);

		assert_true(diagram_edge_count(d) > 100);
		for (size_t i = 0; i < diagram_edge_count(d); i++)
			check_route(s, diagram_edge(d, i));
		scene_free(s);
		diagram_free(d);
	}
}

static void
test_crowded_detour(void **state)
{
	/* A wall of boxes between source and target: the route goes round. */
	struct diagram *d = diagram_new();
	struct scene *s;
	const struct node *a, *b;
	const struct route *r;

	(void)state;
	a = diagram_add_node(d, "a", KIND_SERVICE, "A", 0, 10, NULL);
	b = diagram_add_node(d, "b", KIND_DB, "B", 60, 10, NULL);
	for (int i = 0; i < 5; i++) {
		char id[16];

		snprintf(id, sizeof id, "w%d", i);
		assert_non_null(diagram_add_node(d, id, KIND_CACHE, id, 30, i * 5, NULL));
	}
	diagram_connect(d, a, b, "SQL", EDGE_SYNC, NULL);
	s = scene_new(d);
	check_route(s, diagram_edge(d, 0));
	r = scene_route(s, diagram_edge(d, 0));
	assert_true(r->count >= 4);	/* it had to bend round the wall */
	scene_free(s);
	diagram_free(d);
}

static bool
cells_shared(const struct route *x, const struct route *y)
{
	for (size_t i = 0; i + 1 < x->count; i++) {
		for (size_t j = 0; j + 1 < y->count; j++) {
			struct box a = { x->points[i].x < x->points[i + 1].x ? x->points[i].x : x->points[i + 1].x,
			    x->points[i].y < x->points[i + 1].y ? x->points[i].y : x->points[i + 1].y,
			    abs(x->points[i].x - x->points[i + 1].x) + 1, abs(x->points[i].y - x->points[i + 1].y) + 1 };
			struct box b = { y->points[j].x < y->points[j + 1].x ? y->points[j].x : y->points[j + 1].x,
			    y->points[j].y < y->points[j + 1].y ? y->points[j].y : y->points[j + 1].y,
			    abs(y->points[j].x - y->points[j + 1].x) + 1, abs(y->points[j].y - y->points[j + 1].y) + 1 };

			if (box_overlap(a, b))
				return true;
		}
	}
	return false;
}

static void
test_parallel_edges_apart(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a, *b;
	struct scene *s;
	const struct route *r1, *r2;
	struct point p1, p2;

	(void)state;
	a = diagram_add_node(d, "a", KIND_SERVICE, "api", 2, 2, NULL);
	b = diagram_add_node(d, "b", KIND_BROKER, "queue", 40, 2, NULL);
	diagram_connect(d, a, b, "publish", EDGE_ASYNC, NULL);
	diagram_connect(d, b, a, "ack", EDGE_SYNC, NULL);
	s = scene_new(d);
	r1 = scene_route(s, diagram_edge(d, 0));
	p1 = r1->source_port;
	r2 = scene_route(s, diagram_edge(d, 1));
	p2 = r2->target_port;
	/* Different ports on a's side, and no cell in common. */
	assert_false(p1.x == p2.x && p1.y == p2.y);
	r1 = scene_route(s, diagram_edge(d, 0));
	assert_false(cells_shared(r1, r2));
	scene_free(s);
	diagram_free(d);
}

struct watch {
	struct scene *scene;
};

static void
forward(void *context, enum diagram_change change, const void *object)
{
	scene_note_change(((struct watch *)context)->scene, change, object);
}

/*
 * Every cached route still holds after the edits: the cache missed no
 * invalidation (a stale route would start at an old port or cross a box
 * that moved onto it).
 */
static void
assert_cache_valid(struct scene *cached, const struct diagram *d)
{
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		check_route(cached, diagram_edge(d, i));
}

static void
test_cache_follows_edits(void **state)
{
	struct diagram *d = support_generate(80, 7);
	struct watch w = { scene_new(d) };
	unsigned rng = 42;

	(void)state;
	diagram_set_observer(d, forward, &w);
	for (int round = 0; round < 60; round++) {
		size_t count = diagram_node_count(d);
		const struct node *n = diagram_node(d, support_random(&rng) % count);
		unsigned op = support_random(&rng) % 6;

		if (op <= 2) {
			int x = n->x + (int)(support_random(&rng) % 9) - 4;
			int y = n->y + (int)(support_random(&rng) % 5) - 2;
			struct box b = node_footprint(n);

			b.x = x;
			b.y = y;
			if (x >= 0 && y >= 0 && scene_area_free(w.scene, box_grow(b, 1, 1), n))
				diagram_move_node(d, n, x, y, NULL);
		} else if (op == 3) {
			diagram_delete_node(d, n, NULL);
		} else if (op == 4) {
			diagram_undo(d);
		} else {
			diagram_set_node_replicas(d, n, n->replicas > 1 ? 1 : 2, NULL);
		}
		if (round % 10 == 9)
			assert_cache_valid(w.scene, d);
	}
	while (diagram_undo(d))
		;
	assert_cache_valid(w.scene, d);
	while (diagram_redo(d))
		;
	assert_cache_valid(w.scene, d);
	diagram_set_observer(d, NULL, NULL);
	scene_free(w.scene);
	diagram_free(d);
}

static void
test_move_reroutes_only_nearby(void **state)
{
	struct diagram *d = support_generate(2000, 3);
	struct watch w = { scene_new(d) };
	const struct node *n = diagram_node(d, 1000);
	uint64_t before;
	size_t edges = diagram_edge_count(d);

	(void)state;
	diagram_set_observer(d, forward, &w);
	for (size_t i = 0; i < edges; i++)
		scene_route(w.scene, diagram_edge(d, i));
	before = scene_routes_computed(w.scene);
	assert_int_equal(before, edges);
	assert_true(diagram_move_node(d, n, n->x + 1, n->y, NULL));
	for (size_t i = 0; i < edges; i++)
		scene_route(w.scene, diagram_edge(d, i));
	/* The edges near the node were rerouted, not the diagram's. */
	assert_true(scene_routes_computed(w.scene) - before >= 1);
	assert_true(scene_routes_computed(w.scene) - before < edges / 20);
	/* Reading again routes nothing. */
	before = scene_routes_computed(w.scene);
	for (size_t i = 0; i < edges; i++)
		scene_route(w.scene, diagram_edge(d, i));
	assert_int_equal(scene_routes_computed(w.scene), before);
	diagram_set_observer(d, NULL, NULL);
	scene_free(w.scene);
	diagram_free(d);
}

/* Two routes run along each other (not just cross) for two cells or more. */
static bool
run_together(const struct route *x, const struct route *y)
{
	for (size_t i = 0; i + 1 < x->count; i++) {
		struct point a0 = x->points[i], a1 = x->points[i + 1];

		for (size_t j = 0; j + 1 < y->count; j++) {
			struct point b0 = y->points[j], b1 = y->points[j + 1];
			int lo, hi;

			if (a0.y == a1.y && b0.y == b1.y && a0.y == b0.y) {
				lo = MAX(MIN(a0.x, a1.x), MIN(b0.x, b1.x));
				hi = MIN(MAX(a0.x, a1.x), MAX(b0.x, b1.x));
			} else if (a0.x == a1.x && b0.x == b1.x && a0.x == b0.x) {
				lo = MAX(MIN(a0.y, a1.y), MIN(b0.y, b1.y));
				hi = MIN(MAX(a0.y, a1.y), MAX(b0.y, b1.y));
			} else {
				continue;
			}
			if (hi - lo >= 1)
				return true;
		}
	}
	return false;
}

/* Edges keep off each other's lines: crossing is fine, running together rare. */
static void
test_edges_rarely_share_lines(void **state)
{
	struct diagram *d = support_generate(150, 5);
	struct scene *s = scene_new(d);
	size_t shared = 0, cells = 0;

	(void)state;
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		cells += check_route(s, diagram_edge(d, i));
	for (size_t i = 0; i < diagram_edge_count(d); i++) {
		for (size_t j = i + 1; j < diagram_edge_count(d); j++) {
			const struct route *a = scene_route(s, diagram_edge(d, i));
			const struct route *b = scene_route(s, diagram_edge(d, j));

			if (box_overlap(a->bounds, b->bounds) && run_together(a, b))
				shared++;
		}
	}
	printf("%zu of %zu edges run along another\n", shared, diagram_edge_count(d));
	assert_true(shared * 20 < diagram_edge_count(d));
	scene_free(s);
	diagram_free(d);
}

/* A crowded node's edges still go round every box and join their ends. */
static void
test_crowded_node_routes(void **state)
{
	(void)state;
	for (int inward = 0; inward <= 1; inward++) {
		struct diagram *d = support_crowded(150, inward);
		struct scene *s = scene_new(d);

		for (size_t i = 0; i < diagram_edge_count(d); i++)
			check_route(s, diagram_edge(d, i));
		/* Each edge was routed once, and kept. */
		assert_int_equal(scene_routes_computed(s), diagram_edge_count(d));
		scene_free(s);
		diagram_free(d);
	}
}

/* Copies of every route of s, in diagram order, routing what is not in yet. */
static struct route *
all_routes(struct scene *s, const struct diagram *d)
{
	struct route *out = calloc(diagram_edge_count(d), sizeof *out);

	for (size_t i = 0; i < diagram_edge_count(d); i++) {
		const struct route *r = scene_route(s, diagram_edge(d, i));

		out[i] = *r;
		out[i].points = malloc(r->count * sizeof *r->points);
		memcpy(out[i].points, r->points, r->count * sizeof *r->points);
	}
	return out;
}

static void
free_routes(struct route *routes, size_t count)
{
	for (size_t i = 0; i < count; i++)
		route_free(&routes[i]);
	free(routes);
}

/*
 * Frames with a routing budget hand out provisional routes, and drawing
 * again and again brings every route in: the same routes as with no
 * budget at all.  The budget is a nanosecond, so each frame routes just
 * the one edge it must.
 */
static void
test_budgeted_frames_converge(void **state)
{
	struct diagram *d = support_crowded(60, true);
	const struct node *hub = diagram_find_node(d, "hub");
	struct scene *s = scene_new(d), *free_run = scene_new(d);
	struct canvas screen;
	struct route *want = all_routes(free_run, d), *got;
	size_t frames = 0, edges = diagram_edge_count(d), provisional = 0;
	uint64_t before;

	(void)state;
	canvas_init(&screen, hub->x - 100, hub->y - 25, 200, 50, false);
	scene_route_budget(s, 1e-9);
	render_view(s, &screen, NULL);
	assert_true(scene_routes_pending(s));
	assert_int_equal(scene_routes_computed(s), 1);
	/* Still out of time: provisional routes, straight between the same ports. */
	for (size_t i = 0; i < edges; i++) {
		const struct route *r = scene_route(s, diagram_edge(d, i));

		if (!r->blocked)
			continue;	/* the one routed */
		provisional++;
		assert_int_equal(r->source_port.x, want[i].source_port.x);
		assert_int_equal(r->source_port.y, want[i].source_port.y);
		assert_int_equal(r->target_port.x, want[i].target_port.x);
		assert_int_equal(r->target_port.y, want[i].target_port.y);
	}
	assert_int_equal(provisional, edges - 1);
	assert_int_equal(scene_routes_computed(s), 1);
	scene_route_budget(s, 0);
	scene_free(s);
	s = scene_new(d);
	do {
		scene_route_budget(s, 1e-9);
		render_view(s, &screen, NULL);
		frames++;
	} while (scene_routes_pending(s) && frames <= edges);
	scene_route_budget(s, 0);
	assert_false(scene_routes_pending(s));
	/* Every edge ends on screen here, and each frame routed at least one. */
	assert_true(frames > 1 && frames <= edges);
	before = scene_routes_computed(s);
	got = all_routes(s, d);
	assert_int_equal(scene_routes_computed(s), before);	/* all in already */
	for (size_t i = 0; i < edges; i++) {
		assert_false(got[i].blocked);
		assert_int_equal(got[i].count, want[i].count);
		assert_memory_equal(got[i].points, want[i].points, want[i].count * sizeof *want[i].points);
	}
	free_routes(want, edges);
	free_routes(got, edges);
	canvas_free(&screen);
	scene_free(free_run);
	scene_free(s);
	diagram_free(d);
}

/* Renaming a crowded node without changing its box reroutes nothing; a wider box reroutes its edges. */
static void
test_rename_keeps_routes(void **state)
{
	struct diagram *d = support_crowded(60, false);
	const struct node *hub = diagram_find_node(d, "hub");
	struct watch w = { scene_new(d) };
	uint64_t before;

	(void)state;
	diagram_set_observer(d, forward, &w);
	assert_cache_valid(w.scene, d);
	before = scene_routes_computed(w.scene);
	assert_true(diagram_set_node_label(d, hub, "Bub", NULL));
	assert_true(diagram_set_node_notes(d, hub, "a note", NULL));
	assert_cache_valid(w.scene, d);
	assert_int_equal(scene_routes_computed(w.scene), before);
	assert_true(diagram_set_node_label(d, hub, "A much longer name", NULL));
	assert_cache_valid(w.scene, d);
	assert_int_equal(scene_routes_computed(w.scene), before + diagram_edge_count(d));
	diagram_set_observer(d, NULL, NULL);
	scene_free(w.scene);
	diagram_free(d);
}

/* Two boxes a million cells apart: a straight route of corners, not a terabyte of search. */
static void
test_far_apart_route_is_straight(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a = diagram_add_node(d, "a", KIND_CLIENT, "A", 0, 0, NULL);
	const struct node *b = diagram_add_node(d, "b", KIND_DB, "B", NAPKIN_COORD_MAX - 20, NAPKIN_COORD_MAX - 5, NULL);
	const struct edge *e = diagram_connect(d, a, b, "far", EDGE_SYNC, NULL);
	struct scene *s = scene_new(d);
	const struct route *r = scene_route(s, e);
	struct canvas screen;
	char *text;

	(void)state;
	assert_true(r->blocked);
	assert_true(r->count <= 4);
	assert_int_equal(r->points[0].x, point_step(r->source_port, r->source_side).x);
	assert_int_equal(r->points[r->count - 1].y, point_step(r->target_port, r->target_side).y);
	/* The screen at the start shows the line leaving the box. */
	canvas_init(&screen, 0, 0, 80, 24, false);
	render_view(s, &screen, NULL);
	text = canvas_to_text(&screen, NULL);
	assert_non_null(strstr(text, "[USR]"));
	assert_true(strstr(text, "\xe2\x94\x80") != NULL || strstr(text, "\xe2\x94\x82") != NULL);	/* a line */
	free(text);
	canvas_free(&screen);
	scene_free(s);
	diagram_free(d);
}

static void
test_facing_sides(void **state)
{
	struct box a = { 0, 0, 10, 4 };

	(void)state;
	assert_int_equal(route_facing_side(a, (struct box){ 30, 0, 10, 4 }), SIDE_RIGHT);
	assert_int_equal(route_facing_side(a, (struct box){ 0, 10, 10, 4 }), SIDE_BOTTOM);
	assert_int_equal(route_facing_side((struct box){ 30, 0, 10, 4 }, a), SIDE_LEFT);
	assert_int_equal(route_facing_side((struct box){ 0, 10, 10, 4 }, a), SIDE_TOP);
	/* Far right and a little down: still the right side. */
	assert_int_equal(route_facing_side(a, (struct box){ 40, 6, 10, 4 }), SIDE_RIGHT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generated_routes),
		cmocka_unit_test(test_crowded_detour),
		cmocka_unit_test(test_parallel_edges_apart),
		cmocka_unit_test(test_cache_follows_edits),
		cmocka_unit_test(test_move_reroutes_only_nearby),
		cmocka_unit_test(test_edges_rarely_share_lines),
		cmocka_unit_test(test_facing_sides),
		cmocka_unit_test(test_crowded_node_routes),
		cmocka_unit_test(test_budgeted_frames_converge),
		cmocka_unit_test(test_rename_keeps_routes),
		cmocka_unit_test(test_far_apart_route_is_straight),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
