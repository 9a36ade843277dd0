/*
 * Redundancy groups: a load balancer or gateway in front of api-1, api-2
 * and api-3 -- the same kind, labels that differ only by a trailing number,
 * identical outgoing edges -- is in front of one component with three
 * replicas, not three single points of failure.
 *
 * Each node's label stem and its outgoing edges (sorted, as (target, mode)
 * keys) are computed once; each router's fan-out is then sorted by
 * (kind, stem, edges) and equal runs are united.  O(m log m) overall.
 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct fingerprint {
	size_t stem_length;	/* 0: the label has no trailing number */
	uint64_t stem_hash, edges_hash;
};

struct grouping {
	const struct analysis *a;
	struct fingerprint *print;
	uint64_t *keys;		/* each node's out edges as (to << 1 | async), sorted, CSR like out_edges */
	uint32_t *parent;	/* union-find */
};

static uint64_t
hash_bytes(const void *data, size_t length, uint64_t h)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < length; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;	/* FNV-1a */
	return h;
}

static int
compare_keys(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return (a > b) - (a < b);
}

/*
 * A node's out-edge keys in order.  Nearly every node has a handful, and
 * qsort's calls through a comparator cost more than the sorting: insertion
 * sort up to 16 keys (the keys are plain integers, so the order is the same).
 */
static void
sort_keys(uint64_t *k, size_t count)
{
	if (count > 16) {
		qsort(k, count, sizeof *k, compare_keys);
		return;
	}
	for (size_t i = 1; i < count; i++) {
		uint64_t key = k[i];
		size_t j = i;

		for (; j > 0 && k[j - 1] > key; j--)
			k[j] = k[j - 1];
		k[j] = key;
	}
}

static void
fingerprint_nodes(struct grouping *gr)
{
	const struct graph *g = &gr->a->graph;

	for (uint32_t v = 0; v < g->node_count; v++) {
		const char *label = g->nodes[v]->label;
		size_t length = strlen(label), stem = length;
		uint64_t *k = gr->keys + g->out_start[v];
		size_t count = g->out_start[v + 1] - g->out_start[v];

		while (stem > 0 && label[stem - 1] >= '0' && label[stem - 1] <= '9')
			stem--;
		gr->print[v].stem_length = stem < length ? stem : 0;
		gr->print[v].stem_hash = hash_bytes(label, stem, 0xcbf29ce484222325ULL);
		for (size_t i = 0; i < count; i++) {
			uint32_t e = g->out_edges[g->out_start[v] + i];

			k[i] = (uint64_t)g->edge_to[e] << 1 | (g->edge_mode[e] == EDGE_ASYNC);
		}
		sort_keys(k, count);
		gr->print[v].edges_hash = hash_bytes(k, count * sizeof *k, 0xcbf29ce484222325ULL);
	}
}

static const struct grouping *sorting;	/* qsort has no context argument */

static bool
same_edges(const struct grouping *gr, uint32_t u, uint32_t v)
{
	const struct graph *g = &gr->a->graph;
	size_t cu = g->out_start[u + 1] - g->out_start[u], cv = g->out_start[v + 1] - g->out_start[v];

	return cu == cv && memcmp(gr->keys + g->out_start[u], gr->keys + g->out_start[v],
	    cu * sizeof *gr->keys) == 0;
}

/* Orders candidates so that members of one group are adjacent. */
static int
compare_candidates(const void *x, const void *y)
{
	uint32_t u = *(const uint32_t *)x, v = *(const uint32_t *)y;
	const struct fingerprint *pu = &sorting->print[u], *pv = &sorting->print[v];
	const struct node *nu = sorting->a->graph.nodes[u], *nv = sorting->a->graph.nodes[v];
	int c;

	if (nu->kind != nv->kind)
		return nu->kind < nv->kind ? -1 : 1;
	if (pu->stem_hash != pv->stem_hash)
		return pu->stem_hash < pv->stem_hash ? -1 : 1;
	if (pu->edges_hash != pv->edges_hash)
		return pu->edges_hash < pv->edges_hash ? -1 : 1;
	if (pu->stem_length != pv->stem_length)
		return pu->stem_length < pv->stem_length ? -1 : 1;
	c = memcmp(nu->label, nv->label, pu->stem_length);
	if (c != 0)
		return c;
	return (u > v) - (u < v);
}

static bool
same_group(const struct grouping *gr, uint32_t u, uint32_t v)
{
	const struct node *nu = gr->a->graph.nodes[u], *nv = gr->a->graph.nodes[v];

	return nu->kind == nv->kind && gr->print[u].stem_length == gr->print[v].stem_length &&
	    memcmp(nu->label, nv->label, gr->print[u].stem_length) == 0 && same_edges(gr, u, v);
}

static uint32_t
find(uint32_t *parent, uint32_t v)
{
	while (parent[v] != v) {
		parent[v] = parent[parent[v]];
		v = parent[v];
	}
	return v;
}

static void
unite(uint32_t *parent, uint32_t u, uint32_t v)
{
	u = find(parent, u);
	v = find(parent, v);
	if (u < v)
		parent[v] = u;
	else if (v < u)
		parent[u] = v;
}

/* Unite the equal runs among router r's distinct, numbered targets. */
static void
group_fan_out(struct grouping *gr, uint32_t r, uint32_t *candidates, uint8_t *seen)
{
	const struct graph *g = &gr->a->graph;
	size_t count = 0;

	for (uint32_t i = g->out_start[r]; i < g->out_start[r + 1]; i++) {
		uint32_t w = g->edge_to[g->out_edges[i]];

		if (w != r && gr->print[w].stem_length > 0 && !seen[w]) {
			seen[w] = 1;
			candidates[count++] = w;
		}
	}
	for (size_t i = 0; i < count; i++)
		seen[candidates[i]] = 0;
	sorting = gr;
	qsort(candidates, count, sizeof *candidates, compare_candidates);
	for (size_t i = 1; i < count; i++) {
		if (same_group(gr, candidates[i - 1], candidates[i]))
			unite(gr->parent, candidates[i - 1], candidates[i]);
	}
}

void
analysis_find_groups(struct analysis *a)
{
	const struct graph *g = &a->graph;
	uint32_t n = g->node_count;
	struct grouping gr = { .a = a };
	uint32_t *candidates = xreallocarray(NULL, g->edge_count ? g->edge_count : 1, sizeof *candidates);
	uint8_t *seen = xcalloc(n ? n : 1, 1);
	uint32_t *fill;

	gr.print = xreallocarray(NULL, n ? n : 1, sizeof *gr.print);
	gr.keys = xreallocarray(NULL, g->edge_count ? g->edge_count : 1, sizeof *gr.keys);
	gr.parent = xreallocarray(NULL, n ? n : 1, sizeof *gr.parent);
	for (uint32_t v = 0; v < n; v++)
		gr.parent[v] = v;
	fingerprint_nodes(&gr);
	for (uint32_t v = 0; v < n; v++) {
		enum node_kind kind = analysis_kind(a, v);

		if (kind == KIND_LB || kind == KIND_GATEWAY)
			group_fan_out(&gr, v, candidates, seen);
	}

	a->group = xreallocarray(NULL, n ? n : 1, sizeof *a->group);
	a->member_start = xcalloc((size_t)n + 1, sizeof *a->member_start);
	a->members = xreallocarray(NULL, n ? n : 1, sizeof *a->members);
	a->replicas = xcalloc(n ? n : 1, sizeof *a->replicas);
	for (uint32_t v = 0; v < n; v++) {
		a->group[v] = find(gr.parent, v);
		a->member_start[a->group[v] + 1]++;
		a->replicas[a->group[v]] += g->node_replicas[v];
	}
	for (uint32_t v = 0; v < n; v++)
		a->member_start[v + 1] += a->member_start[v];
	for (uint32_t v = 0; v < n; v++) {
		a->replicas[v] = a->replicas[a->group[v]];	/* a representative comes first */
		if (a->member_start[a->group[v] + 1] - a->member_start[a->group[v]] > 1)
			a->node_flags[v] |= NODE_GROUPED;
	}
	fill = xreallocarray(NULL, n ? n : 1, sizeof *fill);
	memcpy(fill, a->member_start, (size_t)n * sizeof *fill);
	for (uint32_t v = 0; v < n; v++)
		a->members[fill[a->group[v]]++] = v;
	free(fill);
	free(candidates);
	free(seen);
	free(gr.print);
	free(gr.keys);
	free(gr.parent);
}
