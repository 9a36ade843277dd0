/*
 * The CSR form of a diagram and breadth-first reachability over it.
 * Adjacency is built by counting sort, so each list keeps diagram edge
 * order and the whole build is linear.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* start[v] .. start[v + 1] bounds the edges of v in list, by key[e]. */
static void
bucket_edges(uint32_t node_count, uint32_t edge_count, const uint32_t *key, uint32_t **start_out,
    uint32_t **list_out)
{
	uint32_t *start = xcalloc((size_t)node_count + 1, sizeof *start);
	uint32_t *list = xreallocarray(NULL, edge_count ? edge_count : 1, sizeof *list);
	uint32_t *fill = xreallocarray(NULL, node_count ? node_count : 1, sizeof *fill);

	for (uint32_t e = 0; e < edge_count; e++)
		start[key[e] + 1]++;
	for (uint32_t v = 0; v < node_count; v++)
		start[v + 1] += start[v];
	memcpy(fill, start, (size_t)node_count * sizeof *fill);
	for (uint32_t e = 0; e < edge_count; e++)
		list[fill[key[e]]++] = e;
	free(fill);
	*start_out = start;
	*list_out = list;
}

void
graph_build(struct graph *g, const struct diagram *d)
{
	size_t n = diagram_node_count(d), m = diagram_edge_count(d);

	/* Indices are 32-bit; a file small enough to load is far below that. */
	if (n >= GRAPH_NONE || m >= GRAPH_NONE)
		fatal("diagram too large to analyse (%zu nodes, %zu edges)", n, m);
	memset(g, 0, sizeof *g);
	g->node_count = (uint32_t)n;
	g->edge_count = (uint32_t)m;
	g->nodes = xreallocarray(NULL, n ? n : 1, sizeof *g->nodes);
	g->edges = xreallocarray(NULL, m ? m : 1, sizeof *g->edges);
	g->edge_from = xreallocarray(NULL, m ? m : 1, sizeof *g->edge_from);
	g->edge_to = xreallocarray(NULL, m ? m : 1, sizeof *g->edge_to);
	g->node_kind = xreallocarray(NULL, n ? n : 1, sizeof *g->node_kind);
	g->node_managed = xreallocarray(NULL, n ? n : 1, sizeof *g->node_managed);
	g->node_replicas = xreallocarray(NULL, n ? n : 1, sizeof *g->node_replicas);
	g->node_rps = xreallocarray(NULL, n ? n : 1, sizeof *g->node_rps);
	g->node_capacity = xreallocarray(NULL, n ? n : 1, sizeof *g->node_capacity);
	g->edge_mode = xreallocarray(NULL, m ? m : 1, sizeof *g->edge_mode);
	g->edge_ratio = xreallocarray(NULL, m ? m : 1, sizeof *g->edge_ratio);
	for (size_t i = 0; i < n; i++) {
		const struct node *v = g->nodes[i] = diagram_node(d, i);

		g->node_kind[i] = (uint8_t)v->kind;
		g->node_managed[i] = v->managed;
		g->node_replicas[i] = v->replicas;
		g->node_rps[i] = v->rps;
		g->node_capacity[i] = v->capacity;
	}
	for (size_t e = 0; e < m; e++) {
		g->edges[e] = diagram_edge(d, e);
		g->edge_from[e] = (uint32_t)g->edges[e]->from->index;
		g->edge_to[e] = (uint32_t)g->edges[e]->to->index;
		g->edge_mode[e] = (uint8_t)g->edges[e]->mode;
		g->edge_ratio[e] = g->edges[e]->ratio;
	}
	bucket_edges(g->node_count, g->edge_count, g->edge_from, &g->out_start, &g->out_edges);
	bucket_edges(g->node_count, g->edge_count, g->edge_to, &g->in_start, &g->in_edges);
}

void
graph_free(struct graph *g)
{
	free(g->nodes);
	free(g->edges);
	free(g->edge_from);
	free(g->edge_to);
	free(g->node_kind);
	free(g->node_managed);
	free(g->node_replicas);
	free(g->node_rps);
	free(g->node_capacity);
	free(g->edge_mode);
	free(g->edge_ratio);
	free(g->out_start);
	free(g->out_edges);
	free(g->in_start);
	free(g->in_edges);
	memset(g, 0, sizeof *g);
}

void
graph_reach(const struct graph *g, const uint32_t *seeds, size_t seed_count,
    const uint8_t *edge_flags, uint8_t need, uint8_t *marks, uint8_t bit)
{
	uint32_t *queue = xreallocarray(NULL, g->node_count ? g->node_count : 1, sizeof *queue);
	size_t head = 0, tail = 0;

	for (size_t i = 0; i < seed_count; i++) {
		if (!(marks[seeds[i]] & bit)) {
			marks[seeds[i]] |= bit;
			queue[tail++] = seeds[i];
		}
	}
	while (head < tail) {
		uint32_t v = queue[head++];

		for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
			uint32_t e = g->out_edges[i], w = g->edge_to[e];

			if ((edge_flags[e] & need) != need || (marks[w] & bit))
				continue;
			marks[w] |= bit;
			queue[tail++] = w;
		}
	}
	free(queue);
}
