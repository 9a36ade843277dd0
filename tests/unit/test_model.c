/* The diagram model and its undo/redo, through the public API only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "diagram.h"
#include "diagram_json.h"

static char *
snapshot(const struct diagram *d)
{
	return diagram_to_json(d, NULL);
}

static const struct node *
add(struct diagram *d, const char *id, enum node_kind kind)
{
	struct napkin_error err;
	const struct node *n = diagram_add_node(d, id, kind, NULL, 0, 0, &err);

	assert_non_null(n);
	return n;
}

static void
test_add_find_delete(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *api, *db;
	struct napkin_error err;

	(void)state;
	api = add(d, "api", KIND_SERVICE);
	db = add(d, "db", KIND_DB);
	assert_ptr_equal(diagram_find_node(d, "api"), api);
	assert_string_equal(api->label, "api");
	assert_int_equal(api->replicas, 1);
	assert_non_null(diagram_connect(d, api, db, "SQL", EDGE_SYNC, &err));
	assert_int_equal(diagram_edge_count(d), 1);
	assert_true(diagram_delete_node(d, db, &err));
	assert_null(diagram_find_node(d, "db"));
	assert_int_equal(diagram_node_count(d), 1);
	assert_int_equal(diagram_edge_count(d), 0);
	/* One undo brings back the node and its edge. */
	assert_true(diagram_undo(d));
	assert_int_equal(diagram_node_count(d), 2);
	assert_int_equal(diagram_edge_count(d), 1);
	assert_ptr_equal(diagram_edge(d, 0)->to, diagram_find_node(d, "db"));
	diagram_free(d);
}

/* Connecting by ids is connecting the nodes: the same checks, one undo step. */
static void
test_connect_by_ids(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *api, *db;
	const struct edge *e;
	struct napkin_error err;

	(void)state;
	api = add(d, "api", KIND_SERVICE);
	db = add(d, "db", KIND_DB);
	e = diagram_connect_ids(d, "api", "db", "SQL", EDGE_ASYNC, &err);
	assert_non_null(e);
	assert_ptr_equal(e->from, api);
	assert_ptr_equal(e->to, db);
	assert_string_equal(e->label, "SQL");
	assert_int_equal(e->mode, EDGE_ASYNC);
	assert_null(diagram_connect_ids(d, "api", "nowhere", "", EDGE_SYNC, &err));
	assert_string_equal(err.member, "to");
	assert_null(diagram_connect_ids(d, "nowhere", "db", "", EDGE_SYNC, &err));
	assert_string_equal(err.member, "from");
	assert_null(diagram_connect_ids(d, "db", "db", "", EDGE_SYNC, &err));
	assert_null(diagram_connect_ids(d, "api", "db", "tab\there", EDGE_SYNC, &err));
	assert_string_equal(err.member, "label");
	assert_int_equal(diagram_edge_count(d), 1);
	assert_true(diagram_undo(d));
	assert_int_equal(diagram_edge_count(d), 0);
	diagram_free(d);
}

static void
test_ids_unique_and_valid(void **state)
{
	struct diagram *d = diagram_new();
	struct napkin_error err;
	const struct node *n;

	(void)state;
	add(d, "api", KIND_SERVICE);
	assert_null(diagram_add_node(d, "api", KIND_DB, NULL, 0, 0, &err));
	assert_string_equal(err.member, "id");
	assert_non_null(strstr(err.message, "already exists"));
	assert_null(diagram_add_node(d, "has space", KIND_DB, NULL, 0, 0, &err));
	assert_null(diagram_add_node(d, "-lead", KIND_DB, NULL, 0, 0, &err));
	assert_null(diagram_add_node(d, "", KIND_DB, NULL, 0, 0, &err));
	/* A missing id is made from the label and kept unique. */
	n = diagram_add_node(d, NULL, KIND_SERVICE, "API", 0, 0, &err);
	assert_string_equal(n->id, "api-2");
	n = diagram_add_node(d, NULL, KIND_CACHE, "Redis Cluster!", 0, 0, &err);
	assert_string_equal(n->id, "redis-cluster");
	n = diagram_add_node(d, NULL, KIND_DB, NULL, 0, 0, &err);
	assert_string_equal(n->id, "db");
	/* Renaming onto a taken id is refused; onto a free one works and undoes. */
	assert_false(diagram_set_node_id(d, n, "api", &err));
	assert_true(diagram_set_node_id(d, n, "orders-db", &err));
	assert_ptr_equal(diagram_find_node(d, "orders-db"), n);
	assert_null(diagram_find_node(d, "db"));
	assert_true(diagram_undo(d));
	assert_ptr_equal(diagram_find_node(d, "db"), n);
	assert_null(diagram_find_node(d, "orders-db"));
	diagram_free(d);
}

static void
test_attribute_checks(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *n;
	struct napkin_error err;

	(void)state;
	n = add(d, "api", KIND_SERVICE);
	assert_false(diagram_set_node_replicas(d, n, 0, &err));
	assert_string_equal(err.member, "replicas");
	assert_false(diagram_move_node(d, n, -1, 0, &err));
	assert_false(diagram_move_node(d, n, 0, NAPKIN_COORD_MAX + 1, &err));
	assert_false(diagram_set_node_label(d, n, "", &err));
	assert_false(diagram_set_node_label(d, n, "bad\033[31m", &err));
	assert_non_null(strstr(err.message, "U+001B"));
	assert_false(diagram_set_node_label(d, n, "\xc3\x28", &err));
	assert_true(diagram_set_node_notes(d, n, "two\nlines", &err));
	assert_false(diagram_set_node_tech(d, n, "tab\there", &err));
	assert_false(diagram_set_node_capacity(d, n, -1, &err));
	assert_false(diagram_set_node_accept(d, n, "spof002", "lower case", &err));
	assert_true(diagram_set_node_accept(d, n, "SPOF002", "managed failover", &err));
	assert_string_equal(node_accepted_reason(n, "SPOF002"), "managed failover");
	assert_true(diagram_set_node_accept(d, n, "SPOF002", NULL, &err));
	assert_null(node_accepted_reason(n, "SPOF002"));
	assert_null(diagram_connect(d, n, n, "", EDGE_SYNC, &err));
	diagram_free(d);
}

static void
test_undo_redo_each_attribute(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a, *b;
	const struct edge *e;
	const struct group *g;
	struct napkin_error err;
	char *before, *after;

	(void)state;
	a = add(d, "a", KIND_SERVICE);
	b = add(d, "b", KIND_DB);
	e = diagram_connect(d, a, b, "SQL", EDGE_SYNC, &err);
	g = diagram_add_group(d, "vpc", "VPC", &err);
	before = snapshot(d);
	assert_true(diagram_set_node_kind(d, a, KIND_WORKER, &err));
	assert_true(diagram_set_node_label(d, a, "A", &err));
	assert_true(diagram_set_node_tech(d, a, "Go", &err));
	assert_true(diagram_set_node_notes(d, a, "n", &err));
	assert_true(diagram_set_node_replicas(d, a, 3, &err));
	assert_true(diagram_set_node_managed(d, a, true, &err));
	assert_true(diagram_move_node(d, a, 10, 20, &err));
	assert_true(diagram_set_node_capacity(d, a, 100, &err));
	assert_true(diagram_set_node_rps(d, a, 5, &err));
	assert_true(diagram_set_node_accept(d, a, "SPOF003", "why", &err));
	assert_true(diagram_set_node_group(d, a, g, &err));
	assert_true(diagram_set_edge_label(d, e, "reads", &err));
	assert_true(diagram_set_edge_mode(d, e, EDGE_ASYNC, &err));
	assert_true(diagram_set_edge_ratio(d, e, 0.25, &err));
	assert_true(diagram_set_group_label(d, g, "Private", &err));
	assert_true(diagram_set_title(d, "T", &err));
	after = snapshot(d);
	/* Sixteen edits, sixteen steps. */
	for (int i = 0; i < 16; i++)
		assert_true(diagram_undo(d));
	{
		char *now = snapshot(d);

		assert_string_equal(now, before);
		free(now);
	}
	while (diagram_redo(d))
		;
	{
		char *now = snapshot(d);

		assert_string_equal(now, after);
		free(now);
	}
	free(before);
	free(after);
	diagram_free(d);
}

/*
 * A node is allocated with the strings it starts with, an edge with its
 * label.  Replacing each, then deleting the node, leaves records that hold
 * the first strings after the node that held them is gone (the history is
 * freed newest first); under the sanitizers any string freed twice, freed
 * from inside the object or read after it fails here.
 */
static void
test_first_strings_outlive_their_object(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a, *b;
	const struct edge *e;
	struct napkin_error err;

	(void)state;
	a = add(d, "a", KIND_SERVICE);
	b = add(d, "b", KIND_DB);
	e = diagram_connect(d, a, b, "SQL", EDGE_SYNC, &err);
	assert_true(diagram_set_node_id(d, a, "a2", &err));
	assert_true(diagram_set_node_label(d, a, "A", &err));
	assert_true(diagram_set_node_tech(d, a, "Go", &err));
	assert_true(diagram_set_node_notes(d, a, "n", &err));
	assert_true(diagram_set_edge_label(d, e, "reads", &err));
	assert_true(diagram_set_node_label(d, a, "A again", &err));
	assert_true(diagram_delete_node(d, a, &err));
	/* Undo the seven edits: the first strings come back from the records. */
	for (int i = 0; i < 7; i++)
		assert_true(diagram_undo(d));
	a = diagram_find_node(d, "a");
	assert_non_null(a);
	assert_string_equal(a->label, "a");
	assert_string_equal(a->tech, "");
	assert_string_equal(diagram_edge(d, 0)->label, "SQL");
	while (diagram_redo(d))
		;
	assert_null(diagram_find_node(d, "a2"));
	/* Undo two steps back (the node and the last label), then edit: the redo steps are dropped. */
	assert_true(diagram_undo(d));
	assert_true(diagram_undo(d));
	assert_string_equal(diagram_find_node(d, "a2")->label, "A");
	assert_true(diagram_set_node_label(d, diagram_find_node(d, "a2"), "B", &err));
	assert_true(diagram_delete_node(d, diagram_find_node(d, "a2"), &err));
	diagram_free(d);
}

static void
test_steps_and_state(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a;
	struct napkin_error err;
	uint64_t saved, moved;

	(void)state;
	a = add(d, "a", KIND_SERVICE);
	saved = diagram_state_id(d);
	/* A drag is many moves in one step, undone at once. */
	diagram_begin(d, "move a");
	for (int i = 1; i <= 50; i++)
		assert_true(diagram_move_node(d, a, i, i, &err));
	diagram_end(d);
	moved = diagram_state_id(d);
	assert_int_not_equal(moved, saved);
	assert_string_equal(diagram_undo_name(d), "move a");
	assert_true(diagram_undo(d));
	assert_int_equal(a->x, 0);
	assert_int_equal(diagram_state_id(d), saved);
	assert_true(diagram_redo(d));
	assert_int_equal(a->x, 50);
	assert_int_equal(diagram_state_id(d), moved);
	/* A no-op edit records nothing. */
	assert_true(diagram_move_node(d, a, 50, 50, &err));
	assert_int_equal(diagram_state_id(d), moved);
	/* A new edit after undo drops the redo branch. */
	assert_true(diagram_undo(d));
	assert_true(diagram_set_node_label(d, a, "x", &err));
	assert_false(diagram_can_redo(d));
	diagram_free(d);
}

/* Saving in the middle of a drag, then dragging on, must leave it modified. */
static void
test_state_changes_inside_a_step(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a;
	struct napkin_error err;
	uint64_t before, saved;

	(void)state;
	a = add(d, "a", KIND_SERVICE);
	before = diagram_state_id(d);
	diagram_begin(d, "move a");
	assert_true(diagram_move_node(d, a, 1, 1, &err));
	saved = diagram_state_id(d);
	assert_int_not_equal(saved, before);
	assert_true(diagram_move_node(d, a, 2, 2, &err));
	assert_int_not_equal(diagram_state_id(d), saved);
	diagram_end(d);
	assert_int_not_equal(diagram_state_id(d), saved);
	/* Undo returns to the state before the step, id and all. */
	assert_true(diagram_undo(d));
	assert_int_equal(diagram_state_id(d), before);
	diagram_free(d);
}

static void
test_groups(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a, *b;
	const struct group *g;
	struct napkin_error err;

	(void)state;
	a = add(d, "a", KIND_SERVICE);
	b = add(d, "b", KIND_SERVICE);
	g = diagram_add_group(d, "region", "us-east-1", &err);
	assert_non_null(g);
	assert_null(diagram_add_group(d, "region", NULL, &err));
	assert_true(diagram_set_node_group(d, a, g, &err));
	assert_true(diagram_set_node_group(d, b, g, &err));
	assert_true(diagram_delete_group(d, g, &err));
	assert_null(a->group);
	assert_null(b->group);
	assert_int_equal(diagram_group_count(d), 0);
	assert_true(diagram_undo(d));
	g = diagram_find_group(d, "region");
	assert_ptr_equal(a->group, g);
	assert_ptr_equal(b->group, g);
	/* Deleting a member node takes it out; undo puts it back in. */
	assert_true(diagram_delete_node(d, a, &err));
	assert_true(diagram_undo(d));
	assert_ptr_equal(diagram_find_node(d, "a")->group, g);
	diagram_free(d);
}

struct counts {
	int added, removed, changed;
};

static void
observe(void *context, enum diagram_change change, const void *object)
{
	struct counts *c = context;

	(void)object;
	if (change == CHANGE_EDGE_ADDED || change == CHANGE_NODE_ADDED)
		c->added++;
	else if (change == CHANGE_EDGE_REMOVED || change == CHANGE_NODE_REMOVED)
		c->removed++;
	else
		c->changed++;
}

static void
test_observer(void **state)
{
	struct diagram *d = diagram_new();
	struct counts c = { 0 };
	const struct node *a, *b;
	struct napkin_error err;

	(void)state;
	diagram_set_observer(d, observe, &c);
	a = add(d, "a", KIND_SERVICE);
	b = add(d, "b", KIND_DB);
	diagram_connect(d, a, b, NULL, EDGE_SYNC, &err);
	assert_int_equal(c.added, 3);
	diagram_delete_node(d, b, &err);
	assert_int_equal(c.removed, 2);
	diagram_undo(d);
	assert_int_equal(c.added, 5);
	diagram_move_node(d, a, 4, 4, &err);
	assert_int_equal(c.changed, 1);
	diagram_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_find_delete),
		cmocka_unit_test(test_connect_by_ids),
		cmocka_unit_test(test_ids_unique_and_valid),
		cmocka_unit_test(test_attribute_checks),
		cmocka_unit_test(test_undo_redo_each_attribute),
		cmocka_unit_test(test_first_strings_outlive_their_object),
		cmocka_unit_test(test_steps_and_state),
		cmocka_unit_test(test_state_changes_inside_a_step),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_observer),
	};

	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
