/*
 * The critique as the whiteboard shows it (include/critique_view.h): it
 * reruns only when the diagram changed, keeps the selected finding and the
 * simulated failure across edits and undo, and tells the renderer which
 * boxes carry a marker and which are down.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "critique_view.h"

static const struct node *
add(struct diagram *d, const char *id, enum node_kind kind, int replicas)
{
	const struct node *n = diagram_add_node(d, id, kind, NULL, 0, 0, NULL);

	assert_non_null(n);
	assert_true(diagram_set_node_replicas(d, n, replicas, NULL));
	return n;
}

static void
connect(struct diagram *d, const char *from, const char *to)
{
	assert_non_null(diagram_connect(d, diagram_find_node(d, from), diagram_find_node(d, to), "", EDGE_SYNC, NULL));
}

/*
 * users -> lb (1 replica: SPOF001) -> api (x2) -> db (1 replica: SPOF002),
 * api -> cache (x2).
 */
static struct diagram *
shop(void)
{
	struct diagram *d = diagram_new();

	add(d, "users", KIND_CLIENT, 1);
	add(d, "lb", KIND_LB, 1);
	add(d, "api", KIND_SERVICE, 2);
	add(d, "db", KIND_DB, 1);
	add(d, "cache", KIND_CACHE, 2);
	connect(d, "users", "lb");
	connect(d, "lb", "api");
	connect(d, "api", "db");
	connect(d, "api", "cache");
	diagram_clear_history(d);
	return d;
}

/* The index of the first finding of rule on subject, or SIZE_MAX. */
static size_t
find(const struct critique *c, const char *rule, const char *subject)
{
	for (size_t i = 0; i < critique_finding_count(c); i++) {
		const struct critique_finding *f = critique_finding(c, i);

		if (strcmp(f->rule->id, rule) == 0 && strcmp(f->nodes[0]->id, subject) == 0)
			return i;
	}
	return SIZE_MAX;
}

static void
test_reruns_only_after_a_change(void **state)
{
	struct diagram *d = shop();
	struct critique_view *v = critique_view_new();

	(void)state;
	assert_null(critique_view_critique(v));
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN);
	assert_int_equal(critique_view_update(v, d), 0);
	assert_int_equal(critique_view_update(v, d), 0);
	assert_int_equal(critique_view_runs(v), 1);
	assert_int_not_equal(find(critique_view_critique(v), "SPOF002", "db"), SIZE_MAX);
	/* An edit, and its undo, each move the state. */
	assert_true(diagram_set_node_replicas(d, diagram_find_node(d, "db"), 2, NULL));
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN);
	assert_int_equal(find(critique_view_critique(v), "SPOF002", "db"), SIZE_MAX);
	assert_true(diagram_undo(d));
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN);
	assert_int_not_equal(find(critique_view_critique(v), "SPOF002", "db"), SIZE_MAX);
	assert_int_equal(critique_view_runs(v), 3);
	/* Moving a box changes no finding: no rerun, though the state moved. */
	assert_true(diagram_move_node(d, diagram_find_node(d, "db"), 40, 12, NULL));
	assert_int_equal(critique_view_update(v, d), 0);
	assert_true(diagram_undo(d));
	assert_int_equal(critique_view_update(v, d), 0);
	assert_int_equal(critique_view_runs(v), 3);
	/* Any attribute a rule may read does: the label (redundancy groups), accepted risks. */
	assert_true(diagram_set_node_label(d, diagram_find_node(d, "db"), "orders-1", NULL));
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN);
	assert_true(diagram_set_node_accept(d, diagram_find_node(d, "lb"), "SPOF001", "fine", NULL));
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN);
	assert_true(diagram_set_edge_mode(d, diagram_edge(d, 2), EDGE_ASYNC, NULL));
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN);
	assert_int_equal(critique_view_runs(v), 6);
	critique_view_free(v);
	diagram_free(d);
}

static void
test_selection_follows_its_finding(void **state)
{
	struct diagram *d = shop();
	struct critique_view *v = critique_view_new();
	const struct critique_finding *f;
	size_t count, index, first;

	(void)state;
	critique_view_update(v, d);
	count = critique_finding_count(critique_view_critique(v));
	assert_true(count >= 2);
	assert_null(critique_view_selected(v, NULL));
	/* Step forwards round the list and back. */
	f = critique_view_step(v, 1);
	assert_ptr_equal(f, critique_finding(critique_view_critique(v), 0));
	for (size_t i = 1; i < count; i++)
		critique_view_step(v, 1);
	assert_ptr_equal(critique_view_selected(v, &index), critique_finding(critique_view_critique(v), count - 1));
	assert_int_equal(index, count - 1);
	critique_view_step(v, 1);
	critique_view_selected(v, &index);
	assert_int_equal(index, 0);
	critique_view_step(v, -1);
	critique_view_selected(v, &index);
	assert_int_equal(index, count - 1);

	/* Select SPOF002 on db; an edit elsewhere that adds findings before it keeps it. */
	first = find(critique_view_critique(v), "SPOF002", "db");
	critique_view_select(v, first);
	assert_non_null(add(d, "spare", KIND_LB, 1));
	connect(d, "users", "spare");
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN);
	f = critique_view_selected(v, &index);
	assert_non_null(f);
	assert_string_equal(f->rule->id, "SPOF002");
	assert_string_equal(f->nodes[0]->id, "db");
	assert_int_equal(index, find(critique_view_critique(v), "SPOF002", "db"));

	/* Fixing it loses the selection, and says so. */
	assert_true(diagram_set_node_managed(d, diagram_find_node(d, "db"), true, NULL));
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN | CRITIQUE_VIEW_LOST_SELECTION);
	assert_null(critique_view_selected(v, NULL));
	critique_view_free(v);
	diagram_free(d);
}

/* Accepting the selected finding (what A does) keeps it selected, now accepted; undo takes it back. */
static void
test_accept_and_undo(void **state)
{
	struct diagram *d = shop();
	struct critique_view *v = critique_view_new();
	const struct critique_finding *f;
	size_t index;

	(void)state;
	critique_view_update(v, d);
	critique_view_select(v, find(critique_view_critique(v), "SPOF002", "db"));
	f = critique_view_selected(v, NULL);
	assert_false(f->accepted);
	assert_true(critique_view_node_state(v, diagram_find_node(d, "db")) & RENDER_NODE_ERROR);
	assert_true(diagram_set_node_accept(d, f->nodes[0], f->rule->id, "nightly backups are enough", NULL));
	critique_view_update(v, d);
	f = critique_view_selected(v, &index);
	assert_non_null(f);
	assert_true(f->accepted);
	assert_string_equal(f->accepted_reason, "nightly backups are enough");
	/* An accepted finding no longer marks its node. */
	assert_false(critique_view_node_state(v, diagram_find_node(d, "db")) & RENDER_NODE_ERROR);
	assert_true(diagram_undo(d));
	critique_view_update(v, d);
	f = critique_view_selected(v, NULL);
	assert_non_null(f);
	assert_false(f->accepted);
	critique_view_free(v);
	diagram_free(d);
}

static void
test_failure_simulation(void **state)
{
	struct diagram *d = shop();
	struct critique_view *v = critique_view_new();
	const struct node *db = diagram_find_node(d, "db"), *lb = diagram_find_node(d, "lb");
	const struct node *const *down;
	size_t count;

	(void)state;
	critique_view_update(v, d);
	assert_null(critique_view_failing(v));
	/* The lb fails: everything behind it stops, the client does not. */
	assert_int_equal(critique_view_fail(v, lb), 4);
	down = critique_view_down(v, &count);
	assert_int_equal(count, 4);
	assert_ptr_equal(down[0], lb);
	assert_ptr_equal(critique_view_failing(v), lb);
	assert_true(critique_view_node_state(v, lb) & RENDER_NODE_FAILED);
	assert_true(critique_view_node_state(v, db) & RENDER_NODE_DOWN);
	assert_false(critique_view_node_state(v, db) & RENDER_NODE_FAILED);
	assert_false(critique_view_node_state(v, diagram_find_node(d, "users")) & (RENDER_NODE_DOWN | RENDER_NODE_FAILED));

	/* An edit keeps the simulation, recomputed: a second path to the api. */
	assert_non_null(add(d, "lb2", KIND_LB, 1));
	connect(d, "users", "lb2");
	connect(d, "lb2", "api");
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN);
	critique_view_down(v, &count);
	assert_int_equal(count, 1);
	assert_false(critique_view_node_state(v, db) & RENDER_NODE_DOWN);

	/* Restore. */
	critique_view_restore(v);
	assert_null(critique_view_failing(v));
	assert_false(critique_view_node_state(v, lb) & RENDER_NODE_FAILED);

	/* Deleting the failing node ends the simulation. */
	critique_view_fail(v, lb);
	assert_true(diagram_delete_node(d, lb, NULL));
	assert_int_equal(critique_view_update(v, d), CRITIQUE_VIEW_RERUN | CRITIQUE_VIEW_LOST_FAILURE);
	assert_null(critique_view_failing(v));
	critique_view_free(v);
	diagram_free(d);
}

/* The renderer's marks: the selected finding's nodes and edges, and the view's node states. */
static void
test_marks(void **state)
{
	struct diagram *d = shop();
	struct critique_view *v = critique_view_new();
	struct render_marks marks = { 0 };
	const struct critique_finding *f;

	(void)state;
	critique_view_update(v, d);
	critique_view_marks(v, &marks);
	assert_int_equal(marks.highlight_node_count, 0);
	assert_ptr_equal(marks.context, v);
	assert_true(marks.node_state(marks.context, diagram_find_node(d, "lb")) & RENDER_NODE_ERROR);
	assert_int_equal(marks.node_state(marks.context, diagram_find_node(d, "users")), 0);
	critique_view_select(v, find(critique_view_critique(v), "SPOF002", "db"));
	f = critique_view_selected(v, NULL);
	critique_view_marks(v, &marks);
	assert_ptr_equal(marks.highlight_nodes, f->nodes);
	assert_int_equal(marks.highlight_node_count, f->node_count);
	assert_int_equal(marks.highlight_edge_count, f->edge_count);
	/* A node added since the last update has no state yet, rather than a stale one. */
	assert_int_equal(critique_view_node_state(v, add(d, "late", KIND_DB, 1)), 0);
	critique_view_reset(v);
	assert_null(critique_view_critique(v));
	assert_null(critique_view_selected(v, NULL));
	critique_view_free(v);
	diagram_free(d);
}

/*
 * Another diagram (the file reloaded): after a reset the selection and the
 * failure come back by name where they still exist, and are dropped where not.
 */
static void
test_reset_keeps_names(void **state)
{
	struct diagram *d = shop(), *reloaded = shop(), *other = diagram_new();
	struct critique_view *v = critique_view_new();
	const struct critique_finding *f;

	(void)state;
	add(other, "db", KIND_DB, 2);
	critique_view_update(v, d);
	critique_view_select(v, find(critique_view_critique(v), "SPOF002", "db"));
	critique_view_fail(v, diagram_find_node(d, "lb"));
	critique_view_reset(v);
	diagram_free(d);
	assert_null(critique_view_failing(v));
	assert_int_equal(critique_view_update(v, reloaded), CRITIQUE_VIEW_RERUN);
	f = critique_view_selected(v, NULL);
	assert_non_null(f);
	assert_string_equal(f->rule->id, "SPOF002");
	assert_ptr_equal(critique_view_failing(v), diagram_find_node(reloaded, "lb"));
	assert_true(critique_view_node_state(v, diagram_find_node(reloaded, "db")) & RENDER_NODE_DOWN);
	/* A diagram without them: both dropped, and said. */
	critique_view_reset(v);
	assert_int_equal(critique_view_update(v, other),
	    CRITIQUE_VIEW_RERUN | CRITIQUE_VIEW_LOST_SELECTION | CRITIQUE_VIEW_LOST_FAILURE);
	assert_null(critique_view_selected(v, NULL));
	assert_null(critique_view_failing(v));
	critique_view_free(v);
	diagram_free(reloaded);
	diagram_free(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reruns_only_after_a_change),
		cmocka_unit_test(test_selection_follows_its_finding),
		cmocka_unit_test(test_accept_and_undo),
		cmocka_unit_test(test_failure_simulation),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_reset_keeps_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
