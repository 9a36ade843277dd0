/*
 * Graph algorithms over integer indices, for the critique.
 *
 * A diagram becomes CSR arrays once per run: node i is diagram_node(d, i),
 * edge e is diagram_edge(d, e), and out_edges/in_edges list edge indices by
 * source and by target in diagram edge order.  On top of that: breadth-first
 * reachability restricted to edges carrying some flag, dominators
 * (Lengauer-Tarjan, with a virtual root joined to the entry points) and
 * strongly connected components (Tarjan).  Every algorithm is iterative and
 * near-linear, so a 1,000,000-node chain neither overflows the stack nor
 * takes quadratic time.  Nothing here knows what a node's kind means; that
 * is analysis.c.
 */
#ifndef NAPKIN_GRAPH_H
#define NAPKIN_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diagram.h"

#define GRAPH_NONE UINT32_MAX	/* no node: unreachable, no parent */

struct graph {
	uint32_t node_count, edge_count;
	const struct node **nodes;	/* by index */
	const struct edge **edges;
	uint32_t *edge_from, *edge_to;
	/*
	 * What passes over every node or edge read, copied in graph_build's one
	 * pass over each: the arrays stay in cache where visiting a hundred
	 * thousand nodes' allocations again would not.
	 */
	uint8_t *node_kind;		/* enum node_kind */
	uint8_t *node_managed;
	int *node_replicas;
	double *node_rps, *node_capacity;
	uint8_t *edge_mode;		/* enum edge_mode */
	double *edge_ratio;
	uint32_t *out_start, *out_edges;	/* edges leaving v: out_edges[out_start[v] .. out_start[v + 1]) */
	uint32_t *in_start, *in_edges;		/* edges entering v, likewise */
};

/* Build the CSR arrays of d; free with graph_free.  d must not change meanwhile. */
void graph_build(struct graph *g, const struct diagram *d);
void graph_free(struct graph *g);

/*
 * Mark with bit, in marks[], every node reachable from seeds over edges
 * whose edge_flags include every bit of need (need 0: every edge).
 */
void graph_reach(const struct graph *g, const uint32_t *seeds, size_t seed_count,
    const uint8_t *edge_flags, uint8_t need, uint8_t *marks, uint8_t bit);

/*
 * The dominator tree of g (every edge) below a virtual root whose children
 * are the entry points.  idom[v] is v's immediate dominator, node_count for
 * the virtual root, GRAPH_NONE when v is unreachable.  pre[v] and size[v]
 * number the tree in preorder, so u is in v's subtree (v dominates u) when
 * pre[v] <= pre[u] < pre[v] + size[v]; order[p] is the node numbered p.
 */
struct dominators {
	uint32_t *idom;
	uint32_t *pre, *size;	/* GRAPH_NONE and 0 for unreachable nodes */
	uint32_t *order;
	uint32_t reachable;	/* nodes in the tree, the virtual root not counted */
};

void dominators_compute(struct dominators *dt, const struct graph *g, const uint32_t *entries,
    size_t entry_count);
void dominators_free(struct dominators *dt);
/* True when a dominates b (a node dominates itself); false when either is unreachable. */
bool dominators_dominates(const struct dominators *dt, uint32_t a, uint32_t b);

/*
 * Strongly connected components over the edges whose edge_flags include
 * need.  component[v] numbers them in reverse topological order: every
 * edge between two components goes from a higher number to a lower one.
 * members[member_start[c] .. member_start[c + 1]) lists component c's
 * nodes in index order.
 */
struct components {
	uint32_t count;
	uint32_t *component;
	uint32_t *member_start, *members;
};

void components_compute(struct components *cc, const struct graph *g, const uint8_t *edge_flags,
    uint8_t need);
void components_free(struct components *cc);

#endif
