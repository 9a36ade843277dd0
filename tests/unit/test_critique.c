/*
 * The critique's public API (include/critique.h) and its properties on
 * generated diagrams: every node HA means no SPOF finding; the report is
 * the same whatever order the file lists nodes and edges in; the blast
 * radius equals its definition computed by brute force.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "critique.h"
#include "diagram_json.h"
#include "support_random.h"
#include "xalloc.h"

static const struct node *
add(struct diagram *d, const char *id, enum node_kind kind, int replicas)
{
	struct napkin_error err;
	const struct node *n = diagram_add_node(d, id, kind, NULL, 0, 0, &err);

	assert_non_null(n);
	assert_true(diagram_set_node_replicas(d, n, replicas, &err));
	return n;
}

static void
connect(struct diagram *d, const char *from, const char *to, enum edge_mode mode)
{
	struct napkin_error err;

	assert_non_null(diagram_connect(d, diagram_find_node(d, from), diagram_find_node(d, to), "", mode, &err));
}

/* The issue's example: checkout and payments share orders-db. */
static struct diagram *
shop(void)
{
	struct diagram *d = diagram_new();
	struct napkin_error err;

	add(d, "users", KIND_CLIENT, 1);
	assert_true(diagram_set_node_managed(d, add(d, "lb", KIND_LB, 1), true, &err));
	add(d, "checkout", KIND_SERVICE, 2);
	add(d, "payments", KIND_SERVICE, 2);
	add(d, "orders-db", KIND_DB, 1);
	add(d, "cache", KIND_CACHE, 2);
	assert_true(diagram_set_node_managed(d, add(d, "events", KIND_BROKER, 1), true, &err));
	add(d, "receipts", KIND_WORKER, 2);
	connect(d, "users", "lb", EDGE_SYNC);
	connect(d, "lb", "checkout", EDGE_SYNC);
	connect(d, "lb", "payments", EDGE_SYNC);
	connect(d, "checkout", "cache", EDGE_SYNC);
	connect(d, "checkout", "orders-db", EDGE_SYNC);
	connect(d, "payments", "orders-db", EDGE_SYNC);
	connect(d, "payments", "events", EDGE_ASYNC);
	connect(d, "events", "receipts", EDGE_ASYNC);
	return d;
}

static char *
report(const struct critique *c, enum critique_format format)
{
	char *text = NULL;
	size_t length = 0;
	FILE *out = open_memstream(&text, &length);

	assert_non_null(out);
	assert_true(critique_write(c, "shop.json", format, out));
	fclose(out);
	return text;
}

static void
test_json_report_matches_the_issue(void **state)
{
	struct diagram *d = shop();
	struct critique *c = critique_run(d);
	char *json = report(c, FORMAT_JSON);

	(void)state;
	assert_string_equal(json,
	    "{\n  \"file\": \"shop.json\",\n  \"findings\": [\n"
	    "    {\"rule\": \"SPOF002\", \"severity\": \"error\", \"nodes\": [\"orders-db\"], "
	    "\"edges\": [[\"checkout\", \"orders-db\"], [\"payments\", \"orders-db\"]], "
	    "\"message\": \"orders-db: 1 replica, not managed, on the request path of checkout and payments; "
	    "if it fails, 6 components stop\", \"advice\": \"Run a primary with a replica and automatic "
	    "failover (or a managed database).\", \"accepted\": false},\n"
	    "    {\"rule\": \"EDGE003\", \"severity\": \"note\", \"nodes\": [\"checkout\", \"payments\"], "
	    "\"edges\": [], \"message\": \"checkout: services reached from clients with no API gateway: "
	    "checkout and payments\", \"advice\": \"Put an API gateway in front of the microservices.\", "
	    "\"accepted\": false},\n"
	    "    {\"rule\": \"DATA001\", \"severity\": \"note\", \"nodes\": [\"orders-db\", \"checkout\", "
	    "\"payments\"], \"edges\": [[\"checkout\", \"orders-db\"], [\"payments\", \"orders-db\"]], "
	    "\"message\": \"orders-db: shared by services checkout and payments\", \"advice\": \"Give each "
	    "service its own database, or shard.\", \"accepted\": false}\n"
	    "  ],\n  \"summary\": {\"error\": 1, \"warning\": 0, \"note\": 2, \"accepted\": 0}\n}\n");
	free(json);
	critique_free(c);
	diagram_free(d);
}

static void
test_blast_radius_and_markers(void **state)
{
	struct diagram *d = shop();
	struct critique *c = critique_run(d);
	const char *want[] = { "orders-db", "checkout", "payments", "cache", "events", "receipts" };
	enum critique_severity severity;
	const struct node **stop;
	size_t count;

	(void)state;
	stop = critique_blast_radius(c, diagram_find_node(d, "orders-db"), &count);
	assert_int_equal(count, 6);
	for (size_t i = 0; i < count; i++)
		assert_string_equal(stop[i]->id, want[i]);
	free(stop);
	/* A router in front of two services keeps serving the other one. */
	stop = critique_blast_radius(c, diagram_find_node(d, "checkout"), &count);
	assert_int_equal(count, 2);
	assert_string_equal(stop[1]->id, "cache");
	free(stop);
	stop = critique_blast_radius(c, diagram_find_node(d, "lb"), &count);
	assert_int_equal(count, 7);	/* everything but the users */
	free(stop);

	assert_true(critique_node_severity(c, diagram_find_node(d, "orders-db"), &severity));
	assert_int_equal(severity, SEVERITY_ERROR);
	assert_true(critique_node_severity(c, diagram_find_node(d, "payments"), &severity));
	assert_int_equal(severity, SEVERITY_NOTE);
	assert_false(critique_node_severity(c, diagram_find_node(d, "users"), &severity));
	critique_free(c);
	diagram_free(d);
}

/* The whiteboard's A key: accept through the model, rerun, undo. */
static void
test_accept_through_the_model(void **state)
{
	struct diagram *d = shop();
	struct critique *c = critique_run(d);
	const struct critique_finding *f = critique_finding(c, 0);
	struct napkin_error err;
	char *text;

	(void)state;
	assert_string_equal(f->rule->id, "SPOF002");
	assert_true(diagram_set_node_accept(d, f->nodes[0], f->rule->id, "failover outside the diagram", &err));
	critique_free(c);
	c = critique_run(d);
	f = critique_finding(c, 0);
	assert_true(f->accepted);
	assert_string_equal(f->accepted_reason, "failover outside the diagram");
	assert_string_equal(f->accepted_by->id, "orders-db");
	assert_int_equal(critique_summary(c).count[SEVERITY_ERROR], 0);
	assert_int_equal(critique_summary(c).accepted, 1);
	text = report(c, FORMAT_TEXT);
	assert_non_null(strstr(text, "shop.json: error: SPOF002: orders-db: 1 replica, not managed, on the "
	    "request path of checkout and payments; if it fails, 6 components stop [accepted by orders-db: "
	    "failover outside the diagram]\n    advice: Run a primary"));
	assert_non_null(strstr(text, "shop.json: 0 errors, 0 warnings, 2 notes, 1 accepted\n"));
	free(text);
	text = report(c, FORMAT_SARIF);
	assert_non_null(strstr(text, "\"suppressions\": [{\"kind\": \"inSource\", \"justification\": "
	    "\"failover outside the diagram\"}]"));
	free(text);
	critique_free(c);

	assert_true(diagram_undo(d));
	c = critique_run(d);
	assert_false(critique_finding(c, 0)->accepted);
	assert_int_equal(critique_summary(c).count[SEVERITY_ERROR], 1);
	critique_free(c);
	diagram_free(d);
}

static void
test_rule_registry(void **state)
{
	/* The issue's table; more rules (CAPA001, ...) may follow. */
	static const char *const issue[] = { "SPOF001", "SPOF002", "SPOF003", "SPOF004", "SPOF005",
		"SPOF006", "EDGE001", "EDGE002", "EDGE003", "EDGE004", "CACH001", "CACH002", "CACH003",
		"SCAL001", "ASYN001", "ASYN002", "ASYN003", "ASYN004", "ASYN005", "DATA001", "DATA002",
		"SRVL001", "MODL001", "MODL002", "MODL003", "LAT001" };

	(void)state;
	for (size_t i = 0; i < sizeof issue / sizeof issue[0]; i++)
		assert_ptr_equal(critique_rule_at(i), critique_rule_find(issue[i]));
	for (size_t i = 0; i < critique_rule_count(); i++) {
		const struct critique_rule *r = critique_rule_at(i);

		assert_ptr_equal(critique_rule_find(r->id), r);
		assert_true(strlen(r->id) >= 6 && strlen(r->id) < 16);
		assert_true(r->name[0] && r->summary[0] && r->rationale[0] && r->advice[0]);
		assert_non_null(r->check);
		for (size_t k = 0; k < i; k++) {
			assert_string_not_equal(critique_rule_at(k)->id, r->id);
			assert_string_not_equal(critique_rule_at(k)->name, r->name);
		}
	}
	assert_ptr_equal(critique_rule_find("spof002"), critique_rule_find("SPOF002"));
	assert_null(critique_rule_find("SPOF999"));
	assert_null(critique_rule_at(critique_rule_count()));
}

/* --- Properties on generated diagrams --- */

struct recipe {
	uint32_t nodes, edges;
	enum node_kind kind[60];
	int replicas[60];
	bool managed[60];
	uint32_t from[150], to[150];
	enum edge_mode mode[150];
};

static void
make_recipe(struct recipe *r)
{
	r->nodes = 2 + random_below(59);
	r->edges = random_below(2 * r->nodes + 1);
	for (uint32_t v = 0; v < r->nodes; v++) {
		r->kind[v] = (enum node_kind)random_below(KIND_COUNT);
		r->replicas[v] = 1 + (random_below(3) == 0);
		r->managed[v] = random_below(8) == 0;
	}
	for (uint32_t e = 0; e < r->edges; e++) {
		r->from[e] = random_below(r->nodes);
		r->to[e] = random_below(r->nodes);
		if (r->to[e] == r->from[e])	/* the model refuses self-loops */
			r->to[e] = (r->to[e] + 1) % r->nodes;
		r->mode[e] = random_below(4) == 0 ? EDGE_ASYNC : EDGE_SYNC;
	}
}

/* Build the recipe, adding nodes and edges in the given orders. */
static struct diagram *
cook(const struct recipe *r, const uint32_t *node_order, const uint32_t *edge_order)
{
	struct diagram *d = diagram_new();
	struct napkin_error err;
	char id[16], label[16];

	for (uint32_t i = 0; i < r->nodes; i++) {
		uint32_t v = node_order[i];
		const struct node *n;

		snprintf(id, sizeof id, "n%u", v);
		snprintf(label, sizeof label, "svc-%u", v % 7);	/* some labels share a stem */
		n = diagram_add_node(d, id, r->kind[v], label, 0, 0, &err);
		assert_non_null(n);
		assert_true(diagram_set_node_replicas(d, n, r->replicas[v], &err));
		assert_true(diagram_set_node_managed(d, n, r->managed[v], &err));
	}
	for (uint32_t i = 0; i < r->edges; i++) {
		uint32_t e = edge_order[i];
		char from[16];

		snprintf(from, sizeof from, "n%u", r->from[e]);
		snprintf(id, sizeof id, "n%u", r->to[e]);
		assert_non_null(diagram_connect(d, diagram_find_node(d, from), diagram_find_node(d, id), "",
		    r->mode[e], &err));
	}
	return d;
}

static void
shuffle(uint32_t *order, uint32_t count, bool identity)
{
	for (uint32_t i = 0; i < count; i++)
		order[i] = i;
	for (uint32_t i = count; i > 1 && !identity; i--) {
		uint32_t j = random_below(i), t = order[i - 1];

		order[i - 1] = order[j];
		order[j] = t;
	}
}

static void
test_order_does_not_matter(void **state)
{
	(void)state;
	for (int round = 0; round < 200; round++) {
		struct recipe r;
		uint32_t nodes[60], edges[150];
		struct diagram *a, *b;
		struct critique *ca, *cb, *again;
		char *ra, *rb, *rs;

		make_recipe(&r);
		shuffle(nodes, r.nodes, true);
		shuffle(edges, r.edges, true);
		a = cook(&r, nodes, edges);
		shuffle(nodes, r.nodes, false);
		shuffle(edges, r.edges, false);
		b = cook(&r, nodes, edges);
		ca = critique_run(a);
		cb = critique_run(b);
		again = critique_run(a);
		ra = report(ca, FORMAT_JSON);
		rb = report(cb, FORMAT_JSON);
		rs = report(again, FORMAT_JSON);
		assert_string_equal(ra, rs);
		assert_string_equal(ra, rb);
		free(ra);
		free(rb);
		free(rs);
		critique_free(ca);
		critique_free(cb);
		critique_free(again);
		diagram_free(a);
		diagram_free(b);
	}
}

static void
test_all_available_means_no_spof(void **state)
{
	size_t spof = 0;	/* before: the property must not hold vacuously */

	(void)state;
	for (int round = 0; round < 200; round++) {
		struct recipe r;
		uint32_t nodes[60], edges[150];
		struct diagram *d;
		struct critique *c;
		struct napkin_error err;

		make_recipe(&r);
		shuffle(nodes, r.nodes, true);
		shuffle(edges, r.edges, true);
		d = cook(&r, nodes, edges);
		c = critique_run(d);
		for (size_t i = 0; i < critique_finding_count(c); i++)
			spof += strncmp(critique_finding(c, i)->rule->id, "SPOF", 4) == 0;
		critique_free(c);
		for (size_t v = 0; v < diagram_node_count(d); v++) {
			const struct node *n = diagram_node(d, v);

			if (random_below(2))
				assert_true(diagram_set_node_replicas(d, n, 2, &err));
			else
				assert_true(diagram_set_node_managed(d, n, true, &err));
		}
		c = critique_run(d);
		for (size_t i = 0; i < critique_finding_count(c); i++)
			assert_int_not_equal(strncmp(critique_finding(c, i)->rule->id, "SPOF", 4), 0);
		critique_free(c);
		diagram_free(d);
	}
	assert_true(spof > 100);
}

/* Nodes that stop when root fails: root and what the entries no longer reach. */
static void
mark_dominated(const struct analysis *a, uint32_t root, uint8_t *stopped)
{
	const struct graph *g = &a->graph;
	uint8_t *seen = xcalloc(g->node_count, 1);
	uint32_t *stack = xreallocarray(NULL, g->node_count + 1, sizeof *stack), top = 0;

	for (uint32_t i = 0; i < a->entry_count; i++) {
		if (a->entries[i] != root && !seen[a->entries[i]]) {
			seen[a->entries[i]] = 1;
			stack[top++] = a->entries[i];
		}
	}
	while (top > 0) {
		uint32_t v = stack[--top];

		for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
			uint32_t w = g->edge_to[g->out_edges[i]];

			if (w != root && !seen[w]) {
				seen[w] = 1;
				stack[top++] = w;
			}
		}
	}
	stopped[root] = 1;
	for (uint32_t v = 0; v < g->node_count; v++) {
		if (a->dominators.pre[root] != GRAPH_NONE && a->dominators.pre[v] != GRAPH_NONE && !seen[v])
			stopped[v] = 1;
	}
	free(seen);
	free(stack);
}

static void
test_blast_radius_by_brute_force(void **state)
{
	(void)state;
	for (int round = 0; round < 150; round++) {
		struct recipe r;
		uint32_t nodes[60], edges[150];
		struct diagram *d;
		struct analysis a;
		struct critique *c;

		make_recipe(&r);
		shuffle(nodes, r.nodes, true);
		shuffle(edges, r.edges, true);
		d = cook(&r, nodes, edges);
		analysis_build(&a, d);
		c = critique_run(d);
		for (uint32_t v = 0; v < a.graph.node_count; v++) {
			uint8_t stopped[60] = { 0 };
			size_t want = 0, count;
			const struct node **list = critique_blast_radius(c, a.graph.nodes[v], &count);

			mark_dominated(&a, v, stopped);
			for (uint32_t i = a.graph.in_start[v]; i < a.graph.in_start[v + 1]; i++) {
				if (analysis_fails_with(&a, a.graph.in_edges[i]))
					mark_dominated(&a, a.graph.edge_from[a.graph.in_edges[i]], stopped);
			}
			for (uint32_t w = 0; w < a.graph.node_count; w++)
				want += stopped[w];
			assert_int_equal(count, want);
			assert_int_equal(analysis_blast_size(&a, v), want);
			assert_ptr_equal(list[0], a.graph.nodes[v]);
			for (size_t i = 0; i < count; i++)
				assert_true(stopped[list[i]->index]);
			free(list);
		}
		critique_free(c);
		analysis_free(&a);
		diagram_free(d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_report_matches_the_issue),
		cmocka_unit_test(test_blast_radius_and_markers),
		cmocka_unit_test(test_accept_through_the_model),
		cmocka_unit_test(test_rule_registry),
		cmocka_unit_test(test_order_does_not_matter),
		cmocka_unit_test(test_all_available_means_no_spof),
		cmocka_unit_test(test_blast_radius_by_brute_force),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
