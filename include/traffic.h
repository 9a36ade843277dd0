/*
 * Traffic estimates: the back-of-the-envelope load on every node.
 *
 * A node with rps sends that many requests/s of its own (clients; a
 * scheduled worker may too).  Every node passes on what reaches it: an
 * edge carries ratio x its source's load (the share of the source's
 * traffic that takes it, so each fan-out edge carries its own share and
 * the shares need not add up to 1).  A node's load is its own rps plus
 * what its incoming edges carry.  Its capacity is replicas x capacity
 * (requests/s one replica serves); a load above that is an overload.
 *
 * Cycles: loads are solved one strongly connected component at a time
 * (graph.c's Tarjan over the edges with a ratio above 0), sources first.
 * Inside a cycle the loads are the fixed point of x = b + A x, found by
 * iteration with a proven error bound; when the cycle sends back as much
 * as it receives (spectral radius of A >= 1) the load grows without bound
 * and the cycle and everything downstream is "unbounded".  docs/templates.md
 * ("Traffic") has the details.  Cost: linear in nodes + edges, plus a
 * bounded number of rounds over each cycle.
 *
 * A struct traffic borrows the diagram's nodes: recompute after an edit
 * (it is cheap enough to do on every keystroke).
 */
#ifndef NAPKIN_TRAFFIC_H
#define NAPKIN_TRAFFIC_H

#include <stdbool.h>
#include <stddef.h>

#include "diagram.h"

struct traffic_load {
	double load;		/* requests/s arriving, own rps included; INFINITY when unbounded */
	double capacity;	/* replicas x capacity; 0 when the node gives no capacity */
	bool unbounded;		/* fed by a cycle whose ratios amplify */
	bool overloaded;	/* capacity given and load above it (unbounded included) */
	long cycle;		/* the amplifying cycle (traffic_cycle) it is part of, or -1 */
};

struct traffic_summary {
	double sent;		/* requests/s the nodes with rps send, together */
	size_t with_capacity;	/* nodes that give a capacity */
	size_t overloaded;
	size_t unbounded;
	size_t cycles;		/* amplifying cycles that traffic reaches */
};

struct traffic;
struct graph;

/* Estimate the load on every node of d; free with traffic_free. */
struct traffic *traffic_run(const struct diagram *d);
/* The same over a graph already built from a diagram (the critique's). */
struct traffic *traffic_run_graph(const struct graph *g);
void traffic_free(struct traffic *t);

/* n's figures, or NULL when n is not a node of the diagram t was run on. */
const struct traffic_load *traffic_node(const struct traffic *t, const struct node *n);
/* The requests/s e carries: ratio x the load of its source. */
double traffic_edge(const struct traffic *t, const struct edge *e);
struct traffic_summary traffic_summary(const struct traffic *t);

/* capacity - load (negative when overloaded); 0 without a capacity. */
double traffic_headroom(const struct traffic_load *l);
/* load / capacity (1.33 for 133%); 0 without a capacity. */
double traffic_utilisation(const struct traffic_load *l);

/*
 * Amplifying cycles that traffic reaches, each a strongly connected
 * component: its nodes in diagram order.  index < summary.cycles.
 */
const struct node *const *traffic_cycle(const struct traffic *t, size_t index, size_t *count);

/*
 * A rate for people: "12,000", "0.25", "unbounded".  Writes at most size
 * bytes (32 is always enough) and returns buf.
 */
char *traffic_format_rate(double rate, char *buf, size_t size);

#endif
