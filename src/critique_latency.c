/*
 * LAT001 and SRVL001: latency along synchronous calls -- fan-out and long
 * chains (over the condensation of the sync edges, analysis.c), and
 * functions whose cold starts land on a client's request.
 */
#include <stdint.h>
#include <stdlib.h>

#include "critique_check.h"
#include "critique_rules.h"

#define FAN_OUT_LIMIT 5		/* distinct sync dependencies, caches not counted */
#define CHAIN_LIMIT 6		/* sync calls in a row from an entry point */
#define CHAIN_SHOWN 8		/* calls named in the message */

static const char *
id_of(const struct analysis *a, uint32_t v)
{
	return analysis_node(a, v)->id;
}

static int
compare_index(const void *x, const void *y)
{
	uint32_t u = *(const uint32_t *)x, v = *(const uint32_t *)y;

	return (u > v) - (u < v);
}

static bool
counted_dependency(const struct analysis *a, uint32_t e)
{
	uint32_t to = a->graph.edge_to[e];

	return (a->edge_flags[e] & EDGE_IS_SYNC) && to != a->graph.edge_from[e] &&
	    analysis_kind(a, to) != KIND_CACHE;
}

static void
check_fan_out(struct critique_check *c, const struct analysis *a, uint32_t v)
{
	const struct graph *g = &a->graph;
	uint32_t *targets = check_scratch(c);
	size_t count = 0, distinct = 0;

	for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
		if (counted_dependency(a, g->out_edges[i]))
			targets[count++] = g->edge_to[g->out_edges[i]];
	}
	if (count < FAN_OUT_LIMIT)
		return;
	qsort(targets, count, sizeof *targets, compare_index);
	for (size_t i = 0; i < count; i++) {
		if (distinct == 0 || targets[distinct - 1] != targets[i])
			targets[distinct++] = targets[i];
	}
	if (distinct < FAN_OUT_LIMIT)
		return;
	check_begin(c, v);
	for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
		if (counted_dependency(a, g->out_edges[i])) {
			check_node(c, g->edge_to[g->out_edges[i]]);
			check_edge(c, g->out_edges[i]);
		}
	}
	check_say(c, "%s: %zu synchronous dependencies: ", id_of(a, v), distinct);
	check_say_names(c, targets, distinct);
	check_end(c);
}

/* The end of a chain: deep enough, and no call leads on to another component. */
static bool
chain_end(const struct analysis *a, uint32_t v)
{
	const struct graph *g = &a->graph;
	uint32_t k = a->sync.component[v];

	if (a->chain_depth[k] == GRAPH_NONE || a->chain_depth[k] < CHAIN_LIMIT)
		return false;
	for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
		uint32_t e = g->out_edges[i];

		if ((a->edge_flags[e] & EDGE_IS_CHAIN) && a->sync.component[g->edge_to[e]] != k)
			return false;
	}
	return true;
}

static void
check_chain(struct critique_check *c, const struct analysis *a, uint32_t v)
{
	const struct graph *g = &a->graph;
	uint32_t k = a->sync.component[v], depth = a->chain_depth[k], shown = 0;
	uint32_t *calls = check_scratch(c), previous;

	for (uint32_t e = a->chain_edge[k]; e != GRAPH_NONE && shown < CHAIN_SHOWN;
	    e = a->chain_edge[a->sync.component[g->edge_from[e]]])
		calls[shown++] = e;
	check_begin(c, v);
	check_say(c, "%s: %u synchronous calls in a row from %s: %s", id_of(a, v), depth,
	    id_of(a, a->chain_origin[k]), id_of(a, a->chain_origin[k]));
	previous = a->chain_origin[k];
	if (shown < depth) {
		check_say(c, " -> ...");
		previous = GRAPH_NONE;
	}
	for (uint32_t i = shown; i-- > 0;) {
		uint32_t e = calls[i];

		check_edge(c, e);
		if (g->edge_from[e] != previous)	/* the chain crossed a cycle */
			check_say(c, " -> %s", id_of(a, g->edge_from[e]));
		check_say(c, " -> %s", id_of(a, g->edge_to[e]));
		previous = g->edge_to[e];
	}
	if (previous != v)
		check_say(c, " -> %s", id_of(a, v));
	check_end(c);
}

static void
check_lat001(struct critique_check *c, const struct analysis *a)
{
	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		if (!analysis_has(a, v, NODE_REQUEST))
			continue;
		check_fan_out(c, a, v);
		if (chain_end(a, v))
			check_chain(c, a, v);
	}
}

static void
check_srvl001(struct critique_check *c, const struct analysis *a)
{
	const struct graph *g = &a->graph;

	for (uint32_t v = 0; v < g->node_count; v++) {
		if (analysis_kind(a, v) != KIND_FUNCTION || !analysis_has(a, v, NODE_CLIENT_SYNC))
			continue;
		check_begin(c, v);
		for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
			uint32_t e = g->in_edges[i];

			if ((a->edge_flags[e] & EDGE_IS_SYNC) && analysis_has(a, g->edge_from[e], NODE_CLIENT_SYNC))
				check_edge(c, e);
		}
		check_say(c, "%s: function on a synchronous path from clients", id_of(a, v));
		check_end(c);
	}
}

const struct critique_rule rule_srvl001 = {
	"SRVL001", "function-cold-start", SEVERITY_NOTE,
	"a function is on a sync path from a client",
	"A cold start (a new instance loading its runtime and code) adds hundreds of milliseconds "
	"to the request that triggers it, and bursts trigger many.",
	"Cold starts add latency: provisioned concurrency (warm instances), or keep the function "
	"off the synchronous path.",
	check_srvl001
};

const struct critique_rule rule_lat001 = {
	"LAT001", "deep-sync-calls", SEVERITY_NOTE,
	"a node in Req has 5 or more distinct synchronous dependencies (caches not counted), or "
	"ends a chain of 6 or more synchronous calls from an entry point (the longest path over "
	"the condensation of the sync edges)",
	"Availability multiplies and latency adds along synchronous calls: six dependencies at "
	"99.9% each make 99.4%, and the slowest one sets the response time.",
	"Parallelise independent calls, cache their results, or go async.",
	check_lat001
};
