/*
 * The critique's definitions (docs/rules.md), computed once per run in a
 * fixed number of linear passes: edge flags (request, cache-aside), entry
 * points, redundancy groups and HA, reachability (Req, from clients, through
 * a CDN), dominators for the blast radius, and the sync components with the
 * longest call chain and "reaches a cache or database" over them.
 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static bool
is_kind(const struct analysis *a, uint32_t v, enum node_kind kind)
{
	return analysis_kind(a, v) == kind;
}

/* What each node calls: databases, caches, stores. */
static void
flag_callers(struct analysis *a)
{
	const struct graph *g = &a->graph;

	for (uint32_t e = 0; e < g->edge_count; e++) {
		uint32_t from = g->edge_from[e];
		enum node_kind to = analysis_kind(a, g->edge_to[e]);

		if (to == KIND_DB && g->edge_mode[e] == EDGE_SYNC)
			a->node_flags[from] |= NODE_CALLS_DB;
		if (to == KIND_CACHE)
			a->node_flags[from] |= NODE_CALLS_CACHE;
		if (to == KIND_DB || to == KIND_STORAGE)
			a->node_flags[from] |= NODE_CALLS_STORE;
	}
}

/*
 * Request edges: sync edges and edges into a broker.  A sync edge u -> cache
 * where u also calls a database synchronously is cache-aside: its failure
 * degrades rather than breaks, so it is no request edge.
 */
static void
flag_edges(struct analysis *a)
{
	const struct graph *g = &a->graph;

	for (uint32_t e = 0; e < g->edge_count; e++) {
		uint32_t from = g->edge_from[e], to = g->edge_to[e];
		bool sync = g->edge_mode[e] == EDGE_SYNC;
		uint8_t f = sync ? EDGE_IS_SYNC : 0;

		if (sync && is_kind(a, to, KIND_CACHE) && analysis_has(a, from, NODE_CALLS_DB))
			f |= EDGE_IS_CACHE_ASIDE;
		else if (sync || is_kind(a, to, KIND_BROKER))
			f |= EDGE_IS_REQUEST;
		if (sync && !(f & EDGE_IS_CACHE_ASIDE))
			f |= EDGE_IS_CHAIN;
		a->edge_flags[e] = f;
	}
	/* Routers that fan out degrade instead of stopping when one target fails. */
	for (uint32_t v = 0; v < g->node_count; v++) {
		uint32_t first = GRAPH_NONE;

		for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
			uint32_t e = g->out_edges[i];

			if (!(a->edge_flags[e] & EDGE_IS_REQUEST) || g->edge_to[e] == v)
				continue;
			if (first == GRAPH_NONE) {
				first = g->edge_to[e];
			} else if (g->edge_to[e] != first) {
				a->node_flags[v] |= NODE_FANS_OUT;
				break;
			}
		}
	}
}

/* Clients; without clients, nodes nobody calls; and always workers nobody calls (scheduled jobs). */
static void
find_entries(struct analysis *a)
{
	const struct graph *g = &a->graph;
	bool clients = false;

	for (uint32_t v = 0; v < g->node_count && !clients; v++)
		clients = is_kind(a, v, KIND_CLIENT);
	a->entries = xreallocarray(NULL, g->node_count ? g->node_count : 1, sizeof *a->entries);
	for (uint32_t v = 0; v < g->node_count; v++) {
		bool uncalled = g->in_start[v] == g->in_start[v + 1];
		bool entry = clients ? is_kind(a, v, KIND_CLIENT) : uncalled;

		if (entry || (uncalled && is_kind(a, v, KIND_WORKER))) {
			a->node_flags[v] |= NODE_ENTRY;
			a->entries[a->entry_count++] = v;
		}
	}
}

static void
flag_available(struct analysis *a)
{
	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		if (a->replicas[v] >= 2 || a->graph.node_managed[v] || kind_info(analysis_kind(a, v))->available)
			a->node_flags[v] |= NODE_AVAILABLE;
	}
}

static void
flag_reachable(struct analysis *a)
{
	const struct graph *g = &a->graph;
	uint32_t *seeds = xreallocarray(NULL, g->node_count ? g->node_count : 1, sizeof *seeds);
	uint16_t *flags = a->node_flags;
	uint8_t *marks = xcalloc(g->node_count ? g->node_count : 1, 1);
	size_t count = 0;

	graph_reach(g, a->entries, a->entry_count, a->edge_flags, EDGE_IS_REQUEST, marks, 1);
	for (uint32_t v = 0; v < g->node_count; v++) {
		if (is_kind(a, v, KIND_CLIENT))
			seeds[count++] = v;
	}
	graph_reach(g, seeds, count, a->edge_flags, EDGE_IS_REQUEST, marks, 2);
	graph_reach(g, seeds, count, a->edge_flags, EDGE_IS_SYNC, marks, 4);
	count = 0;
	for (uint32_t v = 0; v < g->node_count; v++) {
		if (is_kind(a, v, KIND_CDN) && (marks[v] & 2))
			seeds[count++] = v;
	}
	graph_reach(g, seeds, count, a->edge_flags, EDGE_IS_REQUEST, marks, 8);
	for (uint32_t v = 0; v < g->node_count; v++) {
		flags[v] |= (marks[v] & 1 ? NODE_REQUEST : 0) | (marks[v] & 2 ? NODE_FROM_CLIENT : 0) |
		    (marks[v] & 4 ? NODE_CLIENT_SYNC : 0) | (marks[v] & 8 ? NODE_VIA_CDN : 0);
		if (a->dominators.pre[v] != GRAPH_NONE)
			flags[v] |= NODE_REACHABLE;
	}
	free(seeds);
	free(marks);
}

/* Of two chains of equal length, the one by the edge with smaller ids wins. */
static bool
better_chain(const struct analysis *a, uint32_t depth, uint32_t e, uint32_t c)
{
	const struct graph *g = &a->graph;
	int cmp;

	if (a->chain_depth[c] == GRAPH_NONE || depth > a->chain_depth[c])
		return true;
	if (depth < a->chain_depth[c] || a->chain_edge[c] == GRAPH_NONE)
		return false;
	cmp = strcmp(g->nodes[g->edge_from[e]]->id, g->nodes[g->edge_from[a->chain_edge[c]]]->id);
	if (cmp == 0)
		cmp = strcmp(g->nodes[g->edge_to[e]]->id, g->nodes[g->edge_to[a->chain_edge[c]]]->id);
	return cmp < 0;
}

/*
 * Over the condensation of the sync edges: the longest chain of calls from
 * an entry point (sources first), and whether a cache or database is
 * reachable (sinks first).
 */
static void
walk_components(struct analysis *a)
{
	const struct graph *g = &a->graph;
	const struct components *cc = &a->sync;
	uint32_t count = cc->count ? cc->count : 1;

	a->chain_depth = xreallocarray(NULL, count, sizeof *a->chain_depth);
	a->chain_edge = xreallocarray(NULL, count, sizeof *a->chain_edge);
	a->chain_origin = xreallocarray(NULL, count, sizeof *a->chain_origin);
	a->reaches_store = xcalloc(count, 1);
	memset(a->chain_depth, 0xff, (size_t)count * sizeof *a->chain_depth);
	memset(a->chain_edge, 0xff, (size_t)count * sizeof *a->chain_edge);
	for (uint32_t i = 0; i < a->entry_count; i++) {
		uint32_t v = a->entries[i], c = cc->component[v];

		if (a->chain_depth[c] == 0 && strcmp(g->nodes[a->chain_origin[c]]->id, g->nodes[v]->id) < 0)
			continue;	/* several entry points in one cycle: name the smallest id */
		a->chain_depth[c] = 0;
		a->chain_origin[c] = v;
	}
	for (uint32_t c = cc->count; c-- > 0;) {
		if (a->chain_depth[c] == GRAPH_NONE)
			continue;
		for (uint32_t k = cc->member_start[c]; k < cc->member_start[c + 1]; k++) {
			uint32_t v = cc->members[k];

			for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
				uint32_t e = g->out_edges[i], to = cc->component[g->edge_to[e]];

				if (!(a->edge_flags[e] & EDGE_IS_CHAIN) || to == c ||
				    !better_chain(a, a->chain_depth[c] + 1, e, to))
					continue;
				a->chain_depth[to] = a->chain_depth[c] + 1;
				a->chain_edge[to] = e;
				a->chain_origin[to] = a->chain_origin[c];
			}
		}
	}
	for (uint32_t c = 0; c < cc->count; c++) {
		for (uint32_t k = cc->member_start[c]; k < cc->member_start[c + 1] && !a->reaches_store[c]; k++) {
			uint32_t v = cc->members[k];

			if (is_kind(a, v, KIND_CACHE) || is_kind(a, v, KIND_DB))
				a->reaches_store[c] = 1;
			for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
				uint32_t e = g->out_edges[i];

				if ((a->edge_flags[e] & EDGE_IS_SYNC) && a->reaches_store[cc->component[g->edge_to[e]]])
					a->reaches_store[c] = 1;
			}
		}
	}
}

void
analysis_build(struct analysis *a, const struct diagram *d)
{
	uint32_t n, m;

	memset(a, 0, sizeof *a);
	a->diagram = d;
	graph_build(&a->graph, d);
	n = a->graph.node_count;
	m = a->graph.edge_count;
	a->node_flags = xcalloc(n ? n : 1, sizeof *a->node_flags);
	a->edge_flags = xcalloc(m ? m : 1, sizeof *a->edge_flags);
	flag_callers(a);
	flag_edges(a);
	find_entries(a);
	analysis_find_groups(a);
	flag_available(a);
	dominators_compute(&a->dominators, &a->graph, a->entries, a->entry_count);
	flag_reachable(a);
	components_compute(&a->sync, &a->graph, a->edge_flags, EDGE_IS_SYNC);
	walk_components(a);
}

void
analysis_free(struct analysis *a)
{
	graph_free(&a->graph);
	dominators_free(&a->dominators);
	components_free(&a->sync);
	free(a->node_flags);
	free(a->edge_flags);
	free(a->entries);
	free(a->group);
	free(a->member_start);
	free(a->members);
	free(a->replicas);
	free(a->chain_depth);
	free(a->chain_edge);
	free(a->chain_origin);
	free(a->reaches_store);
	memset(a, 0, sizeof *a);
}
