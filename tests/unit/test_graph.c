/*
 * graph.c, graph_dominators.c and graph_scc.c against brute force on many
 * small random graphs, and on a million-node chain and cycle (which a
 * recursive implementation would overflow the stack on).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "support_random.h"
#include "xalloc.h"

/* A graph from edge lists alone (the algorithms never look at nodes/edges pointers). */
static void
graph_from_edges(struct graph *g, uint32_t n, uint32_t m, const uint32_t *from, const uint32_t *to)
{
	uint32_t *fill = xcalloc((size_t)n + 1, sizeof *fill);

	memset(g, 0, sizeof *g);
	g->node_count = n;
	g->edge_count = m;
	g->edge_from = xreallocarray(NULL, m + 1, sizeof *g->edge_from);
	g->edge_to = xreallocarray(NULL, m + 1, sizeof *g->edge_to);
	memcpy(g->edge_from, from, (size_t)m * sizeof *from);
	memcpy(g->edge_to, to, (size_t)m * sizeof *to);
	g->out_start = xcalloc((size_t)n + 1, sizeof *g->out_start);
	g->in_start = xcalloc((size_t)n + 1, sizeof *g->in_start);
	g->out_edges = xreallocarray(NULL, m + 1, sizeof *g->out_edges);
	g->in_edges = xreallocarray(NULL, m + 1, sizeof *g->in_edges);
	for (uint32_t e = 0; e < m; e++) {
		g->out_start[from[e] + 1]++;
		g->in_start[to[e] + 1]++;
	}
	for (uint32_t v = 0; v < n; v++) {
		g->out_start[v + 1] += g->out_start[v];
		g->in_start[v + 1] += g->in_start[v];
	}
	memcpy(fill, g->out_start, (size_t)n * sizeof *fill);
	for (uint32_t e = 0; e < m; e++)
		g->out_edges[fill[from[e]]++] = e;
	memcpy(fill, g->in_start, (size_t)n * sizeof *fill);
	for (uint32_t e = 0; e < m; e++)
		g->in_edges[fill[to[e]]++] = e;
	free(fill);
}

/* Nodes reachable from the entries without passing through removed (GRAPH_NONE: none). */
static void
reach_without(const struct graph *g, const uint32_t *entries, size_t count, uint32_t removed,
    const uint8_t *edge_ok, uint8_t *seen)
{
	uint32_t *stack = xreallocarray(NULL, g->node_count + 1, sizeof *stack), top = 0;

	memset(seen, 0, g->node_count);
	for (size_t i = 0; i < count; i++) {
		if (entries[i] != removed && !seen[entries[i]]) {
			seen[entries[i]] = 1;
			stack[top++] = entries[i];
		}
	}
	while (top > 0) {
		uint32_t v = stack[--top];

		for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
			uint32_t e = g->out_edges[i], w = g->edge_to[e];

			if ((edge_ok == NULL || edge_ok[e]) && w != removed && !seen[w]) {
				seen[w] = 1;
				stack[top++] = w;
			}
		}
	}
	free(stack);
}

static void
test_dominators_match_brute_force(void **state)
{
	(void)state;
	for (int round = 0; round < 300; round++) {
		uint32_t n = 1 + random_below(24), m = random_below(n * 3 + 1);
		uint32_t from[80], to[80], entries[4];
		size_t entry_count = 1 + random_below(3);
		struct graph g;
		struct dominators dt;
		uint8_t *all = xcalloc(n, 1), *without = xcalloc(n, 1);

		for (uint32_t e = 0; e < m; e++) {
			from[e] = random_below(n);
			to[e] = random_below(n);
		}
		for (size_t i = 0; i < entry_count; i++)
			entries[i] = random_below(n);
		graph_from_edges(&g, n, m, from, to);
		dominators_compute(&dt, &g, entries, entry_count);
		reach_without(&g, entries, entry_count, GRAPH_NONE, NULL, all);
		for (uint32_t u = 0; u < n; u++) {
			reach_without(&g, entries, entry_count, u, NULL, without);
			for (uint32_t v = 0; v < n; v++) {
				bool dominates = all[u] && all[v] && (u == v || !without[v]);

				assert_int_equal(dominators_dominates(&dt, u, v), dominates);
			}
			assert_int_equal(dt.pre[u] != GRAPH_NONE, all[u]);
		}
		/* The immediate dominator is the closest strict dominator. */
		for (uint32_t v = 0; v < n; v++) {
			if (!all[v] || dt.idom[v] == n)
				continue;
			assert_true(dominators_dominates(&dt, dt.idom[v], v));
			assert_int_not_equal(dt.idom[v], v);
		}
		dominators_free(&dt);
		graph_free(&g);
		free(all);
		free(without);
	}
}

static void
test_components_match_brute_force(void **state)
{
	(void)state;
	for (int round = 0; round < 300; round++) {
		uint32_t n = 1 + random_below(20), m = random_below(n * 3 + 1);
		uint32_t from[80], to[80];
		uint8_t flags[80], ok[80];
		struct graph g;
		struct components cc;
		uint8_t *reach = xcalloc((size_t)n * n, 1);

		for (uint32_t e = 0; e < m; e++) {
			from[e] = random_below(n);
			to[e] = random_below(n);
			flags[e] = (uint8_t)(1 + random_below(2));	/* 1: counted, 2: ignored */
			ok[e] = flags[e] == 1;
		}
		graph_from_edges(&g, n, m, from, to);
		components_compute(&cc, &g, flags, 1);
		for (uint32_t u = 0; u < n; u++)
			reach_without(&g, &u, 1, GRAPH_NONE, ok, reach + (size_t)u * n);
		for (uint32_t u = 0; u < n; u++) {
			for (uint32_t v = 0; v < n; v++) {
				bool same = reach[(size_t)u * n + v] && reach[(size_t)v * n + u];

				assert_int_equal(cc.component[u] == cc.component[v], same);
			}
		}
		/* Reverse topological numbering, and member lists that add up. */
		for (uint32_t e = 0; e < m; e++) {
			if (ok[e])
				assert_true(cc.component[from[e]] >= cc.component[to[e]]);
		}
		assert_int_equal(cc.member_start[cc.count], n);
		for (uint32_t c = 0; c < cc.count; c++) {
			for (uint32_t k = cc.member_start[c]; k < cc.member_start[c + 1]; k++)
				assert_int_equal(cc.component[cc.members[k]], c);
		}
		components_free(&cc);
		graph_free(&g);
		free(reach);
	}
}

/* A million nodes in a chain, closed into a cycle: no recursion to overflow. */
static void
test_million_node_chain(void **state)
{
	const uint32_t n = 1000000;
	uint32_t *from = xreallocarray(NULL, n, sizeof *from), *to = xreallocarray(NULL, n, sizeof *to);
	uint8_t *flags = xcalloc(n, 1);
	uint32_t entry = 0;
	struct graph g;
	struct dominators dt;
	struct components cc;

	(void)state;
	for (uint32_t v = 0; v < n; v++) {
		from[v] = v;
		to[v] = (v + 1) % n;
		flags[v] = 1;
	}
	graph_from_edges(&g, n, n - 1, from, to);
	dominators_compute(&dt, &g, &entry, 1);
	assert_int_equal(dt.reachable, n);
	assert_int_equal(dt.idom[n - 1], n - 2);
	assert_int_equal(dt.size[0], n);
	assert_true(dominators_dominates(&dt, 1, n - 1));
	components_compute(&cc, &g, flags, 1);
	assert_int_equal(cc.count, n);
	assert_int_equal(cc.component[0], n - 1);	/* the source comes last */
	components_free(&cc);
	dominators_free(&dt);
	graph_free(&g);

	graph_from_edges(&g, n, n, from, to);
	components_compute(&cc, &g, flags, 1);
	assert_int_equal(cc.count, 1);
	components_free(&cc);
	graph_free(&g);
	free(from);
	free(to);
	free(flags);
}

static void
test_reach_follows_flagged_edges(void **state)
{
	uint32_t from[] = { 0, 1, 2, 0 }, to[] = { 1, 2, 3, 4 }, seed_node = 0;
	uint8_t flags[] = { 1, 3, 2, 1 }, marks[5] = { 0 };
	struct graph g;

	(void)state;
	graph_from_edges(&g, 5, 4, from, to);
	graph_reach(&g, &seed_node, 1, flags, 1, marks, 4);
	assert_memory_equal(marks, ((uint8_t[]){ 4, 4, 4, 0, 4 }), 5);
	graph_free(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dominators_match_brute_force),
		cmocka_unit_test(test_components_match_brute_force),
		cmocka_unit_test(test_million_node_chain),
		cmocka_unit_test(test_reach_follows_flagged_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
