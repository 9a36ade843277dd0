/*
 * The blast radius of v: v and the callers that fail with it, each with
 * its dominator subtree (what no entry point reaches any more).  Dominator
 * subtrees nest or are disjoint, so the union of a few of them is counted
 * from preorder intervals after one sort: O(k log k) for k callers, with
 * no walk over the nodes that stop.
 */
#include "analysis.h"

#include <stdlib.h>

#include "xalloc.h"

bool
analysis_fails_with(const struct analysis *a, uint32_t e)
{
	const struct graph *g = &a->graph;
	uint32_t u = g->edge_from[e];
	enum node_kind kind = analysis_kind(a, u);

	if (!(a->edge_flags[e] & EDGE_IS_REQUEST) || u == g->edge_to[e] || kind == KIND_CLIENT)
		return false;
	/* A router in front of several things keeps serving the others. */
	return !((kind == KIND_LB || kind == KIND_GATEWAY) && analysis_has(a, u, NODE_FANS_OUT));
}

static const struct analysis *ordering;	/* qsort has no context argument */

/* Reachable nodes by preorder, then unreachable ones by index. */
static int
compare_roots(const void *x, const void *y)
{
	uint32_t u = *(const uint32_t *)x, v = *(const uint32_t *)y;
	uint32_t pu = ordering->dominators.pre[u], pv = ordering->dominators.pre[v];

	if (pu != pv)
		return pu < pv ? -1 : 1;
	return (u > v) - (u < v);
}

/* v and its failing callers, sorted, duplicates and nested subtrees dropped. */
static uint32_t *
blast_roots(const struct analysis *a, uint32_t v, size_t *count)
{
	const struct graph *g = &a->graph;
	const struct dominators *dt = &a->dominators;
	size_t n = 1, kept = 0;
	uint32_t *roots = xreallocarray(NULL, (size_t)(g->in_start[v + 1] - g->in_start[v]) + 1, sizeof *roots);
	uint32_t end = 0;

	roots[0] = v;
	for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
		if (analysis_fails_with(a, g->in_edges[i]))
			roots[n++] = g->edge_from[g->in_edges[i]];
	}
	ordering = a;
	qsort(roots, n, sizeof *roots, compare_roots);
	for (size_t i = 0; i < n; i++) {
		uint32_t r = roots[i], pre = dt->pre[r];

		if (pre == GRAPH_NONE) {
			if (kept > 0 && roots[kept - 1] == r)
				continue;
		} else if (kept > 0 && pre < end) {
			continue;	/* inside the subtree kept last */
		} else {
			end = pre + dt->size[r];
		}
		roots[kept++] = r;
	}
	*count = kept;
	return roots;
}

size_t
analysis_blast_size(const struct analysis *a, uint32_t v)
{
	size_t count, total = 0;
	uint32_t *roots = blast_roots(a, v, &count);

	for (size_t i = 0; i < count; i++)
		total += a->dominators.pre[roots[i]] == GRAPH_NONE ? 1 : a->dominators.size[roots[i]];
	free(roots);
	return total;
}

static int
compare_index(const void *x, const void *y)
{
	uint32_t u = *(const uint32_t *)x, v = *(const uint32_t *)y;

	return (u > v) - (u < v);
}

uint32_t *
analysis_blast_list(const struct analysis *a, uint32_t v, size_t *count)
{
	const struct dominators *dt = &a->dominators;
	size_t root_count, total = analysis_blast_size(a, v), n = 1;
	uint32_t *roots = blast_roots(a, v, &root_count);
	uint32_t *list = xreallocarray(NULL, total, sizeof *list);

	list[0] = v;
	for (size_t i = 0; i < root_count; i++) {
		uint32_t r = roots[i];

		if (dt->pre[r] == GRAPH_NONE) {
			if (r != v)
				list[n++] = r;
			continue;
		}
		for (uint32_t p = dt->pre[r]; p < dt->pre[r] + dt->size[r]; p++) {
			if (dt->order[p] != v)
				list[n++] = dt->order[p];
		}
	}
	qsort(list + 1, n - 1, sizeof *list, compare_index);
	free(roots);
	*count = n;
	return list;
}
