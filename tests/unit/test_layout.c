/*
 * Auto-arrange (layout_arrange): boxes end up at least LAYOUT_GAP cells
 * apart, calls flow the asked way, groups stay together, the whole move
 * is one undo step, and diagrams too large for dot are placed in rows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_json.h"
#include "geometry.h"
#include "layout.h"
#include "support_awkward.h"
#include "xalloc.h"

/* No two footprints closer than LAYOUT_GAP free cells; none above or left of the margin. */
static void
assert_apart(const struct diagram *d)
{
	size_t count = diagram_node_count(d);

	for (size_t i = 0; i < count; i++) {
		struct box a = node_footprint(diagram_node(d, i));
		struct box grown = { a.x - LAYOUT_GAP, a.y - LAYOUT_GAP, a.width + 2 * LAYOUT_GAP,
		    a.height + 2 * LAYOUT_GAP };

		assert_true(a.x >= LAYOUT_MARGIN && a.y >= LAYOUT_MARGIN);
		for (size_t j = i + 1; j < count; j++) {
			if (box_overlap(grown, node_footprint(diagram_node(d, j))))
				fail_msg("%s and %s are closer than %d cells", diagram_node(d, i)->id,
				    diagram_node(d, j)->id, LAYOUT_GAP);
		}
	}
}

static const struct node *
add(struct diagram *d, const char *id, enum node_kind kind, const char *label)
{
	struct napkin_error err;
	const struct node *n = diagram_add_node(d, id, kind, label, 0, 0, &err);

	assert_non_null(n);
	return n;
}

static void
connect(struct diagram *d, const struct node *a, const struct node *b, const char *label)
{
	struct napkin_error err;

	assert_non_null(diagram_connect(d, a, b, label, EDGE_SYNC, &err));
}

static void
test_boxes_end_up_apart(void **state)
{
	char *path = awkward_path("tests/data/export/photo-sharing.json");
	struct diagram *d = awkward_load(path);

	(void)state;
	assert_int_equal(layout_arrange(d, DIRECTION_LR, NULL), LAYOUT_DOT);
	assert_apart(d);
	assert_int_equal(layout_arrange(d, DIRECTION_TB, NULL), LAYOUT_DOT);
	assert_apart(d);
	diagram_free(d);
	free(path);
	for (unsigned seed = 1; seed <= 30; seed++) {
		d = awkward_diagram(seed, 5 + seed * 2);
		assert_int_equal(layout_arrange(d, seed % 2 ? DIRECTION_LR : DIRECTION_TB, NULL), LAYOUT_DOT);
		assert_apart(d);
		diagram_free(d);
	}
}

/* A hub with many same-sized leaves: one rank of boxes that rounding could push together. */
static void
test_wide_rank_of_equal_boxes(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *hub = add(d, "hub", KIND_LB, "hub");
	char id[16];

	(void)state;
	for (int i = 0; i < 60; i++) {
		snprintf(id, sizeof id, "w%02d", i);
		connect(d, hub, add(d, id, KIND_SERVICE, id), i % 3 ? "" : "HTTP");
	}
	layout_arrange(d, DIRECTION_LR, NULL);
	assert_apart(d);
	layout_arrange(d, DIRECTION_TB, NULL);
	assert_apart(d);
	diagram_free(d);
}

static void
test_calls_flow_the_asked_way(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *n[4] = {
		add(d, "client", KIND_CLIENT, "Client"), add(d, "lb", KIND_LB, "LB"),
		add(d, "api", KIND_SERVICE, "API"), add(d, "db", KIND_DB, "Database"),
	};

	(void)state;
	for (int i = 0; i < 3; i++)
		connect(d, n[i], n[i + 1], "call");
	layout_arrange(d, DIRECTION_LR, NULL);
	for (int i = 0; i < 3; i++)
		assert_true(node_box(n[i]).x + node_box(n[i]).width + LAYOUT_GAP <= n[i + 1]->x);
	layout_arrange(d, DIRECTION_TB, NULL);
	for (int i = 0; i < 3; i++)
		assert_true(n[i]->y + BOX_HEIGHT + LAYOUT_GAP <= n[i + 1]->y);
	diagram_free(d);
}

/* The smallest box holding the members of g. */
static struct box
group_bounds(const struct diagram *d, const struct group *g)
{
	int x0 = NAPKIN_COORD_MAX, y0 = NAPKIN_COORD_MAX, x1 = 0, y1 = 0;

	for (size_t i = 0; i < diagram_node_count(d); i++) {
		struct box b = node_footprint(diagram_node(d, i));

		if (diagram_node(d, i)->group != g)
			continue;
		x0 = b.x < x0 ? b.x : x0;
		y0 = b.y < y0 ? b.y : y0;
		x1 = b.x + b.width > x1 ? b.x + b.width : x1;
		y1 = b.y + b.height > y1 ? b.y + b.height : y1;
	}
	return (struct box){ x0, y0, x1 - x0, y1 - y0 };
}

static void
test_groups_stay_together(void **state)
{
	struct diagram *d = diagram_new();
	struct napkin_error err;
	const struct group *g[2] = {
		diagram_add_group(d, "east", "East", &err), diagram_add_group(d, "west", "West", &err),
	};
	const struct node *prev[2] = { NULL, NULL };
	const struct node *entry = add(d, "entry", KIND_LB, "entry");
	char id[16];

	(void)state;
	/* Members interleaved in diagram order, each group a chain fed by entry. */
	for (int i = 0; i < 8; i++) {
		const struct node *n;

		snprintf(id, sizeof id, "n%d", i);
		n = add(d, id, KIND_SERVICE, id);
		assert_true(diagram_set_node_group(d, n, g[i % 2], &err));
		connect(d, prev[i % 2] != NULL ? prev[i % 2] : entry, n, "");
		prev[i % 2] = n;
	}
	layout_arrange(d, DIRECTION_LR, NULL);
	assert_apart(d);
	assert_false(box_overlap(group_bounds(d, g[0]), group_bounds(d, g[1])));
	diagram_free(d);
}

static void
test_one_undo_step(void **state)
{
	char *path = awkward_path("tests/data/export/photo-sharing.json");
	struct diagram *d = awkward_load(path);
	char *before = diagram_to_json(d, NULL), *after, *again;

	(void)state;
	layout_arrange(d, DIRECTION_LR, NULL);
	after = diagram_to_json(d, NULL);
	assert_string_not_equal(before, after);
	assert_string_equal(diagram_undo_name(d), "auto-arrange");
	assert_true(diagram_undo(d));
	again = diagram_to_json(d, NULL);
	assert_string_equal(before, again);
	assert_false(diagram_can_undo(d));
	free(again);
	assert_true(diagram_redo(d));
	again = diagram_to_json(d, NULL);
	assert_string_equal(after, again);
	free(again);
	free(after);
	free(before);
	free(path);
	diagram_free(d);
}

static void
test_too_large_for_dot_goes_in_rows(void **state)
{
	size_t count = LAYOUT_DOT_MAX_NODES + 200;
	struct diagram *d = diagram_new();
	struct napkin_error why = { "", NULL };
	const struct node *prev = NULL;
	char id[16];

	(void)state;
	diagram_set_recording(d, false);
	for (size_t i = 0; i < count; i++) {
		const struct node *n;

		snprintf(id, sizeof id, "n%zu", i);
		n = add(d, id, (enum node_kind)(i % KIND_COUNT), i % 7 ? id : "a rather longer label");
		if (prev != NULL)
			connect(d, prev, n, "");
		prev = n;
	}
	diagram_set_recording(d, true);
	assert_int_equal(layout_arrange(d, DIRECTION_LR, &why), LAYOUT_GRID);
	assert_non_null(strstr(why.message, "placed in rows"));
	assert_apart(d);
	diagram_free(d);
}

static void
test_empty_diagram(void **state)
{
	struct diagram *d = diagram_new();

	(void)state;
	assert_int_equal(layout_arrange(d, DIRECTION_LR, NULL), LAYOUT_DOT);
	assert_false(diagram_can_undo(d));
	diagram_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boxes_end_up_apart),
		cmocka_unit_test(test_wide_rank_of_equal_boxes),
		cmocka_unit_test(test_calls_flow_the_asked_way),
		cmocka_unit_test(test_groups_stay_together),
		cmocka_unit_test(test_one_undo_step),
		cmocka_unit_test(test_too_large_for_dot_goes_in_rows),
		cmocka_unit_test(test_empty_diagram),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
