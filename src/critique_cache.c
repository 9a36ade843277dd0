/*
 * CACH001-CACH003: caching -- a busy database with no cache beside it,
 * write-behind caches, and caches that hold the only copy of their data.
 */
#include <stdint.h>
#include <stdlib.h>

#include "critique_check.h"
#include "critique_rules.h"

static int
compare_index(const void *x, const void *y)
{
	uint32_t u = *(const uint32_t *)x, v = *(const uint32_t *)y;

	return (u > v) - (u < v);
}

/* The distinct sources of v's incoming edges (sync ones only when asked), into out. */
static size_t
callers_of(const struct analysis *a, uint32_t v, bool sync_only, uint32_t *out)
{
	const struct graph *g = &a->graph;
	size_t count = 0, distinct = 0;

	for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
		uint32_t e = g->in_edges[i];

		if ((!sync_only || (a->edge_flags[e] & EDGE_IS_SYNC)) && g->edge_from[e] != v)
			out[count++] = g->edge_from[e];
	}
	qsort(out, count, sizeof *out, compare_index);
	for (size_t i = 0; i < count; i++) {
		if (distinct == 0 || out[distinct - 1] != out[i])
			out[distinct++] = out[i];
	}
	return distinct;
}

static bool
cache_beside(const struct analysis *a, uint32_t db, const uint32_t *callers, size_t count)
{
	const struct graph *g = &a->graph;

	for (size_t i = 0; i < count; i++) {
		if (analysis_has(a, callers[i], NODE_CALLS_CACHE))
			return true;
	}
	for (uint32_t i = g->in_start[db]; i < g->in_start[db + 1]; i++) {
		if (analysis_kind(a, g->edge_from[g->in_edges[i]]) == KIND_CACHE)
			return true;
	}
	return false;
}

static void
report_with_callers(struct critique_check *c, const struct analysis *a, uint32_t v, bool sync_only,
    uint32_t *callers, size_t count)
{
	const struct graph *g = &a->graph;

	check_begin(c, v);
	for (size_t i = 0; i < count; i++)
		check_node(c, callers[i]);
	for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
		uint32_t e = g->in_edges[i];

		if ((!sync_only || (a->edge_flags[e] & EDGE_IS_SYNC)) && g->edge_from[e] != v)
			check_edge(c, e);
	}
}

static void
check_cach001(struct critique_check *c, const struct analysis *a)
{
	uint32_t *callers = check_scratch(c);

	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		size_t count;
		long replicas = 0;

		if (analysis_kind(a, v) != KIND_DB)
			continue;
		count = callers_of(a, v, true, callers);
		for (size_t i = 0; i < count; i++)
			replicas += analysis_node(a, callers[i])->replicas;
		if (replicas < 2 || cache_beside(a, v, callers, count))
			continue;
		report_with_callers(c, a, v, true, callers, count);
		check_say(c, "%s: %ld caller replicas read it synchronously (", analysis_node(a, v)->id, replicas);
		check_say_names(c, callers, count);
		check_say(c, ") with no cache beside it");
		check_end(c);
	}
}

static void
check_cach002(struct critique_check *c, const struct analysis *a)
{
	const struct graph *g = &a->graph;

	for (uint32_t e = 0; e < g->edge_count; e++) {
		uint32_t from = g->edge_from[e], to = g->edge_to[e];

		if (analysis_kind(a, from) != KIND_CACHE || analysis_kind(a, to) != KIND_DB ||
		    (a->edge_flags[e] & EDGE_IS_SYNC))
			continue;
		check_begin(c, from);
		check_node(c, to);
		check_edge(c, e);
		check_say(c, "%s: writes behind to %s asynchronously; what it has not flushed dies with it",
		    analysis_node(a, from)->id, analysis_node(a, to)->id);
		check_end(c);
	}
}

static void
check_cach003(struct critique_check *c, const struct analysis *a)
{
	uint32_t *callers = check_scratch(c);

	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		size_t count;
		bool backed = false;

		if (analysis_kind(a, v) != KIND_CACHE || a->graph.node_managed[v] ||
		    analysis_has(a, v, NODE_CALLS_STORE))
			continue;
		count = callers_of(a, v, false, callers);
		for (size_t i = 0; i < count && !backed; i++)
			backed = analysis_has(a, callers[i], NODE_CALLS_STORE);
		if (count == 0 || backed)
			continue;
		report_with_callers(c, a, v, false, callers, count);
		check_say(c, "%s: holds the only copy of its data: no database or storage behind it or behind ",
		    analysis_node(a, v)->id);
		check_say_names(c, callers, count);
		check_end(c);
	}
}

const struct critique_rule rule_cach001 = {
	"CACH001", "database-without-cache", SEVERITY_NOTE,
	"a database whose sync callers total two or more replicas has no cache beside it (no caller "
	"calls a cache, no cache calls the database)",
	"Scaled-out callers multiply the read load; without a cache every read is a query, and the "
	"database becomes the first thing to saturate.",
	"Add a cache-aside or read-through cache, or read replicas.",
	check_cach001
};

const struct critique_rule rule_cach002 = {
	"CACH002", "write-behind-cache", SEVERITY_WARNING,
	"an async edge goes from a cache to a database (write-behind)",
	"Writes are acknowledged once they are in the cache; whatever it has not flushed when it "
	"dies is lost.",
	"Write-behind loses data if the cache dies: use a persistent, replicated cache, or write "
	"through to the database.",
	check_cach002
};

const struct critique_rule rule_cach003 = {
	"CACH003", "cache-as-only-copy", SEVERITY_WARNING,
	"a cache whose callers have no edge to any database or storage (the cache is the only copy "
	"of that data), unless the cache is managed",
	"A cache is allowed to forget: eviction, restarts and failover drop keys.  When nothing "
	"else holds the data, forgetting it is data loss.",
	"Back it with a database, or model it as a replicated persistent store.",
	check_cach003
};
