/*
 * What the critique knows about a diagram, computed once per run: the
 * definitions of docs/rules.md (entry points, request edges and the
 * cache-aside exception, Req, redundancy groups, HA, blast radius) on top
 * of graph.c's algorithms.  Rules (critique_*.c) read these arrays; none
 * of them searches the graph on its own.
 *
 * Indices are diagram order: node i is a->graph.nodes[i].  An analysis
 * borrows the diagram, which must not change while the analysis lives.
 */
#ifndef NAPKIN_ANALYSIS_H
#define NAPKIN_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diagram.h"
#include "graph.h"

/* node_flags bits */
enum {
	NODE_ENTRY = 1 << 0,		/* an entry point */
	NODE_REQUEST = 1 << 1,		/* in Req */
	NODE_AVAILABLE = 1 << 2,	/* HA */
	NODE_REACHABLE = 1 << 3,	/* reachable from an entry point over any edge */
	NODE_FROM_CLIENT = 1 << 4,	/* reachable from a client over request edges */
	NODE_CLIENT_SYNC = 1 << 5,	/* reachable from a client over sync edges */
	NODE_VIA_CDN = 1 << 6,		/* reachable over request edges from a CDN clients reach */
	NODE_GROUPED = 1 << 7,		/* in a redundancy group of two or more nodes */
	NODE_CALLS_DB = 1 << 8,		/* has a sync edge to a database */
	NODE_CALLS_CACHE = 1 << 9,	/* has an edge to a cache */
	NODE_CALLS_STORE = 1 << 10,	/* has an edge to a database or object storage */
	NODE_FANS_OUT = 1 << 11,	/* request edges to two or more distinct nodes */
};

/* edge_flags bits */
enum {
	EDGE_IS_SYNC = 1 << 0,
	EDGE_IS_REQUEST = 1 << 1,	/* a request edge (never cache-aside) */
	EDGE_IS_CACHE_ASIDE = 1 << 2,
	EDGE_IS_CHAIN = 1 << 3,		/* sync and not cache-aside: a call that must answer */
};

struct analysis {
	const struct diagram *diagram;
	struct graph graph;
	uint16_t *node_flags;
	uint8_t *edge_flags;
	uint32_t *entries;		/* entry points, in index order */
	uint32_t entry_count;
	/* Redundancy groups: group[v] is the representative (the lowest
	 * index); members of v's group are members[member_start[group[v]] ..
	 * member_start[group[v] + 1]) in index order. */
	uint32_t *group, *member_start, *members;
	long *replicas;			/* the group's replicas, summed */
	struct dominators dominators;
	struct components sync;		/* over sync edges */
	/* Per sync component: the longest chain of calls (EDGE_IS_CHAIN)
	 * from an entry point, GRAPH_NONE when none reaches it; the edge that
	 * chain arrives by (GRAPH_NONE at an entry point); its first node. */
	uint32_t *chain_depth, *chain_edge, *chain_origin;
	uint8_t *reaches_store;		/* per sync component: reaches a cache or database over sync edges */
};

void analysis_build(struct analysis *a, const struct diagram *d);
void analysis_free(struct analysis *a);
/* Fill group, member_start, members, replicas and NODE_GROUPED (analysis_groups.c). */
void analysis_find_groups(struct analysis *a);

static inline const struct node *
analysis_node(const struct analysis *a, uint32_t v)
{
	return a->graph.nodes[v];
}

static inline enum node_kind
analysis_kind(const struct analysis *a, uint32_t v)
{
	return (enum node_kind)a->graph.node_kind[v];
}

static inline bool
analysis_has(const struct analysis *a, uint32_t v, unsigned flag)
{
	return (a->node_flags[v] & flag) != 0;
}

/* True when caller u, whose edge e enters v, stops when v fails. */
bool analysis_fails_with(const struct analysis *a, uint32_t e);
/* How many nodes stop when v fails, v included (docs/rules.md, blast radius). */
size_t analysis_blast_size(const struct analysis *a, uint32_t v);
/* Those nodes: v first, then the rest in index order.  The caller frees it. */
uint32_t *analysis_blast_list(const struct analysis *a, uint32_t v, size_t *count);

#endif
