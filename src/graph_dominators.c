/*
 * Dominators by Lengauer and Tarjan ("A fast algorithm for finding
 * dominators in a flowgraph", 1979), the simple variant with path
 * compression: O(m log n).  A virtual root (index node_count) has an edge
 * to every entry point, so the tree answers "which nodes does every path
 * from any entry point to u pass through".
 *
 * Everything runs in DFS-number space with explicit stacks: the depth-first
 * search, the path compression and the final preorder walk, so a chain of a
 * million nodes uses heap, not call stack.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct lengauer_tarjan {
	const struct graph *g;
	uint32_t root;		/* node_count: the virtual root */
	uint8_t *is_entry;
	uint32_t *number;	/* node -> DFS number, GRAPH_NONE unvisited */
	uint32_t *vertex;	/* DFS number -> node */
	uint32_t *parent, *semi, *label, *ancestor, *idom;	/* by DFS number */
	uint32_t *bucket_head, *bucket_next;
	uint32_t *stack, *stack_pos;
	uint32_t count;
};

static uint32_t *
array(size_t count)
{
	return xreallocarray(NULL, count ? count : 1, sizeof(uint32_t));
}

/* The i-th successor of v in the search, or GRAPH_NONE past the last one. */
static uint32_t
successor(const struct lengauer_tarjan *lt, const uint32_t *entries, size_t entry_count,
    uint32_t v, uint32_t i)
{
	const struct graph *g = lt->g;

	if (v == lt->root)
		return i < entry_count ? entries[i] : GRAPH_NONE;
	if (g->out_start[v] + i >= g->out_start[v + 1])
		return GRAPH_NONE;
	return g->edge_to[g->out_edges[g->out_start[v] + i]];
}

static void
depth_first_number(struct lengauer_tarjan *lt, const uint32_t *entries, size_t entry_count)
{
	uint32_t top = 0;

	lt->number[lt->root] = 0;
	lt->vertex[0] = lt->root;
	lt->parent[0] = GRAPH_NONE;
	lt->count = 1;
	lt->stack[top] = lt->root;
	lt->stack_pos[top++] = 0;
	while (top > 0) {
		uint32_t v = lt->stack[top - 1];
		uint32_t w = successor(lt, entries, entry_count, v, lt->stack_pos[top - 1]++);

		if (w == GRAPH_NONE) {
			top--;
			continue;
		}
		if (lt->number[w] != GRAPH_NONE)
			continue;
		lt->number[w] = lt->count;
		lt->vertex[lt->count] = w;
		lt->parent[lt->count] = lt->number[v];
		lt->count++;
		lt->stack[top] = w;
		lt->stack_pos[top++] = 0;
	}
}

/* Path compression, iteratively: the recursion of the paper, unrolled. */
static void
compress(struct lengauer_tarjan *lt, uint32_t v)
{
	uint32_t top = 0;

	while (lt->ancestor[lt->ancestor[v]] != GRAPH_NONE) {
		lt->stack[top++] = v;
		v = lt->ancestor[v];
	}
	while (top > 0) {
		uint32_t x = lt->stack[--top], a = lt->ancestor[x];

		if (lt->semi[lt->label[a]] < lt->semi[lt->label[x]])
			lt->label[x] = lt->label[a];
		lt->ancestor[x] = lt->ancestor[a];
	}
}

static uint32_t
eval(struct lengauer_tarjan *lt, uint32_t v)
{
	if (lt->ancestor[v] == GRAPH_NONE)
		return v;
	compress(lt, v);
	return lt->label[v];
}

static void
semidominators(struct lengauer_tarjan *lt)
{
	const struct graph *g = lt->g;

	for (uint32_t i = lt->count - 1; i >= 1; i--) {
		uint32_t w = lt->vertex[i], s = lt->semi[i], p = lt->parent[i];

		if (lt->is_entry[w])
			s = 0;	/* the virtual root is a predecessor, numbered 0 */
		for (uint32_t k = g->in_start[w]; k < g->in_start[w + 1]; k++) {
			uint32_t from = lt->number[g->edge_from[g->in_edges[k]]];

			if (from != GRAPH_NONE) {
				uint32_t u = eval(lt, from);

				if (lt->semi[u] < s)
					s = lt->semi[u];
			}
		}
		lt->semi[i] = s;
		lt->bucket_next[i] = lt->bucket_head[s];
		lt->bucket_head[s] = i;
		lt->ancestor[i] = p;
		for (uint32_t j = lt->bucket_head[p]; j != GRAPH_NONE; j = lt->bucket_next[j]) {
			uint32_t u = eval(lt, j);

			lt->idom[j] = lt->semi[u] < lt->semi[j] ? u : p;
		}
		lt->bucket_head[p] = GRAPH_NONE;
	}
	for (uint32_t i = 1; i < lt->count; i++) {
		if (lt->idom[i] != lt->semi[i])
			lt->idom[i] = lt->idom[lt->idom[i]];
	}
}

/* Number the tree in preorder, children in index order, and size subtrees. */
static void
number_tree(struct dominators *dt, uint32_t node_count)
{
	uint32_t root = node_count, *start = xcalloc((size_t)node_count + 2, sizeof *start);
	uint32_t *children = array(node_count), *stack = array((size_t)node_count + 1);
	uint32_t top = 0, next = 0;

	for (uint32_t v = 0; v < node_count; v++) {
		if (dt->idom[v] != GRAPH_NONE)
			start[dt->idom[v] + 1]++;
	}
	for (uint32_t v = 0; v <= node_count; v++)
		start[v + 1] += start[v];
	/* The stack serves first as the fill pointers of the counting sort. */
	memcpy(stack, start, ((size_t)node_count + 1) * sizeof *stack);
	for (uint32_t v = 0; v < node_count; v++) {
		if (dt->idom[v] != GRAPH_NONE)
			children[stack[dt->idom[v]]++] = v;
	}
	stack[top++] = root;
	while (top > 0) {
		uint32_t v = stack[--top];

		if (v != root) {
			dt->pre[v] = next;
			dt->order[next++] = v;
			dt->size[v] = 1;
		}
		for (uint32_t k = start[v + 1]; k > start[v]; k--)
			stack[top++] = children[k - 1];
	}
	dt->reachable = next;
	for (uint32_t p = next; p-- > 0;) {
		uint32_t v = dt->order[p];

		if (dt->idom[v] != root)
			dt->size[dt->idom[v]] += dt->size[v];
	}
	free(start);
	free(children);
	free(stack);
}

void
dominators_compute(struct dominators *dt, const struct graph *g, const uint32_t *entries,
    size_t entry_count)
{
	uint32_t n = g->node_count, total = n + 1;
	struct lengauer_tarjan lt = { .g = g, .root = n };

	lt.is_entry = xcalloc(total, 1);
	for (size_t i = 0; i < entry_count; i++)
		lt.is_entry[entries[i]] = 1;
	lt.number = array(total);
	memset(lt.number, 0xff, (size_t)total * sizeof *lt.number);
	lt.vertex = array(total);
	lt.parent = array(total);
	lt.semi = array(total);
	lt.label = array(total);
	lt.ancestor = array(total);
	lt.idom = array(total);
	lt.bucket_head = array(total);
	lt.bucket_next = array(total);
	lt.stack = array(total);
	lt.stack_pos = array(total);
	depth_first_number(&lt, entries, entry_count);
	for (uint32_t i = 0; i < lt.count; i++) {
		lt.semi[i] = lt.label[i] = i;
		lt.ancestor[i] = lt.bucket_head[i] = GRAPH_NONE;
		lt.idom[i] = 0;
	}
	semidominators(&lt);

	dt->idom = array(n);
	dt->pre = array(n);
	dt->size = xcalloc(n ? n : 1, sizeof *dt->size);
	dt->order = array(n);
	for (uint32_t v = 0; v < n; v++) {
		uint32_t i = lt.number[v];

		dt->idom[v] = i == GRAPH_NONE ? GRAPH_NONE : lt.vertex[lt.idom[i]];
		dt->pre[v] = GRAPH_NONE;
	}
	number_tree(dt, n);

	free(lt.is_entry);
	free(lt.number);
	free(lt.vertex);
	free(lt.parent);
	free(lt.semi);
	free(lt.label);
	free(lt.ancestor);
	free(lt.idom);
	free(lt.bucket_head);
	free(lt.bucket_next);
	free(lt.stack);
	free(lt.stack_pos);
}

void
dominators_free(struct dominators *dt)
{
	free(dt->idom);
	free(dt->pre);
	free(dt->size);
	free(dt->order);
	memset(dt, 0, sizeof *dt);
}

bool
dominators_dominates(const struct dominators *dt, uint32_t a, uint32_t b)
{
	if (dt->pre[a] == GRAPH_NONE || dt->pre[b] == GRAPH_NONE)
		return false;
	return dt->pre[a] <= dt->pre[b] && dt->pre[b] < dt->pre[a] + dt->size[a];
}
