/*
 * Strongly connected components by Tarjan's algorithm, with the recursion
 * replaced by an explicit stack of (node, next edge) frames.  Components
 * come out sinks first, which is the reverse topological order of the
 * condensation: dynamic programming over it needs no separate sort.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint32_t *
array(size_t count)
{
	return xreallocarray(NULL, count ? count : 1, sizeof(uint32_t));
}

struct tarjan {
	const struct graph *g;
	const uint8_t *edge_flags;
	uint8_t need;
	uint32_t *index, *low;		/* GRAPH_NONE: not visited yet */
	uint32_t *frame_node, *frame_edge;	/* the call stack */
	uint32_t *path;			/* Tarjan's stack of open nodes */
	uint8_t *on_path;
	uint32_t path_top, next_index;
};

static void
visit_from(struct tarjan *t, struct components *cc, uint32_t start)
{
	const struct graph *g = t->g;
	uint32_t frames = 0;

	t->index[start] = t->low[start] = t->next_index++;
	t->path[t->path_top++] = start;
	t->on_path[start] = 1;
	t->frame_node[frames] = start;
	t->frame_edge[frames++] = g->out_start[start];
	while (frames > 0) {
		uint32_t v = t->frame_node[frames - 1];

		if (t->frame_edge[frames - 1] < g->out_start[v + 1]) {
			uint32_t e = g->out_edges[t->frame_edge[frames - 1]++], w = g->edge_to[e];

			if ((t->edge_flags[e] & t->need) != t->need)
				continue;
			if (t->index[w] == GRAPH_NONE) {
				t->index[w] = t->low[w] = t->next_index++;
				t->path[t->path_top++] = w;
				t->on_path[w] = 1;
				t->frame_node[frames] = w;
				t->frame_edge[frames++] = g->out_start[w];
			} else if (t->on_path[w] && t->index[w] < t->low[v]) {
				t->low[v] = t->index[w];
			}
			continue;
		}
		/* v is finished: close its component, then return to the caller. */
		if (t->low[v] == t->index[v]) {
			uint32_t w;

			do {
				w = t->path[--t->path_top];
				t->on_path[w] = 0;
				cc->component[w] = cc->count;
			} while (w != v);
			cc->count++;
		}
		frames--;
		if (frames > 0) {
			uint32_t caller = t->frame_node[frames - 1];

			if (t->low[v] < t->low[caller])
				t->low[caller] = t->low[v];
		}
	}
}

void
components_compute(struct components *cc, const struct graph *g, const uint8_t *edge_flags,
    uint8_t need)
{
	uint32_t n = g->node_count;
	struct tarjan t = { .g = g, .edge_flags = edge_flags, .need = need };
	uint32_t *fill;

	memset(cc, 0, sizeof *cc);
	cc->component = array(n);
	t.index = array(n);
	t.low = array(n);
	t.frame_node = array(n);
	t.frame_edge = array(n);
	t.path = array(n);
	t.on_path = xcalloc(n ? n : 1, 1);
	memset(t.index, 0xff, (size_t)n * sizeof *t.index);
	for (uint32_t v = 0; v < n; v++) {
		if (t.index[v] == GRAPH_NONE)
			visit_from(&t, cc, v);
	}
	free(t.index);
	free(t.low);
	free(t.frame_node);
	free(t.frame_edge);
	free(t.path);
	free(t.on_path);

	cc->member_start = xcalloc((size_t)cc->count + 1, sizeof *cc->member_start);
	cc->members = array(n);
	fill = array(cc->count);
	for (uint32_t v = 0; v < n; v++)
		cc->member_start[cc->component[v] + 1]++;
	for (uint32_t c = 0; c < cc->count; c++)
		cc->member_start[c + 1] += cc->member_start[c];
	memcpy(fill, cc->member_start, (size_t)cc->count * sizeof *fill);
	for (uint32_t v = 0; v < n; v++)
		cc->members[fill[cc->component[v]]++] = v;
	free(fill);
}

void
components_free(struct components *cc)
{
	free(cc->component);
	free(cc->member_start);
	free(cc->members);
	memset(cc, 0, sizeof *cc);
}
