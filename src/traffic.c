/*
 * Load propagation (traffic.h): one pass over the strongly connected
 * components of the edges with a ratio above 0, sources first (Tarjan
 * numbers them sinks first, so the pass walks the numbers down).  Each
 * component receives its inflow b from the components before it, solves
 * its own loads, then pushes ratio x load along the edges that leave it.
 *
 * A component of one node without a self-loop needs no solving.  Any
 * other component is a cycle: its loads are x = b + A x, where A[w][v] is
 * the ratio of the edges v -> w inside it, so x = (I + A + A^2 + ...) b,
 * which converges exactly when the spectral radius rho(A) < 1.  Bounds on
 * rho come from the column sums of A (a node's ratios back into the cycle):
 *
 *   - every node sends back at least as much as it receives (min sum >= 1):
 *     rho >= 1, the load grows without bound;
 *   - every node sends back less (max sum s < 1): rho <= s < 1; sum the
 *     series until what is left, at most |last term| s / (1 - s), is below
 *     one part in 10^12;
 *   - otherwise iterate the lazy map d -> (d + A d) / 2, whose matrix is
 *     primitive with radius (1 + rho) / 2, and read bounds on its radius
 *     off the ratios of successive terms (Collatz-Wielandt): a lower bound
 *     >= 1 means unbounded; an upper bound r < 1 bounds what is left by
 *     last term x r / (1 - r).
 *
 * A cycle undecided after CYCLE_ROUNDS rounds (or when the run's budget of
 * rounds is spent, which keeps the whole run linear) counts as unbounded.
 */
#include "traffic.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "xalloc.h"

#define CYCLE_ROUNDS	10000	/* rounds one cycle may take */
#define SETTLED		1e-12	/* relative error at which a cycle's loads are final */
#define OVERLOAD_SLACK	1e-9	/* loads within this share of capacity are not over it */

struct traffic {
	uint32_t node_count;
	const struct node **nodes;	/* by index, to check lookups */
	struct traffic_load *loads;
	const struct node **cycle_nodes;	/* amplifying cycles, one after the other */
	size_t *cycle_start;		/* cycle i is cycle_nodes[cycle_start[i] .. cycle_start[i + 1]) */
	size_t cycle_nodes_used;
	struct traffic_summary summary;
};

struct solver {
	const struct graph *g;
	struct traffic *t;
	struct components cc;
	double *x;		/* load by node */
	double *term, *next;	/* the series' current and next term, by node */
	uint64_t budget;	/* node and edge visits left for cycle rounds */
};

static bool
inside(const struct solver *s, uint32_t e, uint32_t c)
{
	return s->g->edge_ratio[e] > 0 && s->cc.component[s->g->edge_to[e]] == c;
}

static void
record_cycle(struct solver *s, const uint32_t *members, uint32_t count)
{
	struct traffic *t = s->t;
	size_t cycles = t->summary.cycles;

	t->cycle_nodes = xreallocarray(t->cycle_nodes, t->cycle_nodes_used + count, sizeof *t->cycle_nodes);
	t->cycle_start = xreallocarray(t->cycle_start, cycles + 2, sizeof *t->cycle_start);
	t->cycle_start[cycles] = t->cycle_nodes_used;
	for (uint32_t i = 0; i < count; i++) {
		t->cycle_nodes[t->cycle_nodes_used++] = s->g->nodes[members[i]];
		t->loads[members[i]].cycle = (long)cycles;
	}
	t->cycle_start[cycles + 1] = t->cycle_nodes_used;
	t->summary.cycles++;
}

static void
set_unbounded(struct solver *s, const uint32_t *members, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++)
		s->x[members[i]] = INFINITY;
}

/* next = A term (lazy: (term + A term) / 2) over the cycle's members. */
static void
step(struct solver *s, uint32_t c, const uint32_t *members, uint32_t count, bool lazy)
{
	const struct graph *g = s->g;

	for (uint32_t i = 0; i < count; i++)
		s->next[members[i]] = 0;
	for (uint32_t i = 0; i < count; i++) {
		uint32_t v = members[i];

		for (uint32_t k = g->out_start[v]; k < g->out_start[v + 1]; k++) {
			uint32_t e = g->out_edges[k];

			if (inside(s, e, c))
				s->next[g->edge_to[e]] += g->edge_ratio[e] * s->term[v];
		}
	}
	if (lazy) {
		for (uint32_t i = 0; i < count; i++)
			s->next[members[i]] = (s->term[members[i]] + s->next[members[i]]) / 2;
	}
}

/* Ratios of next to term over the members, when every term is positive. */
static bool
ratio_bounds(const struct solver *s, const uint32_t *members, uint32_t count, double *low, double *high)
{
	*low = INFINITY;
	*high = 0;
	for (uint32_t i = 0; i < count; i++) {
		uint32_t v = members[i];
		double r;

		if (!(s->term[v] > 0))
			return false;
		r = s->next[v] / s->term[v];
		*low = r < *low ? r : *low;
		*high = r > *high ? r : *high;
	}
	return true;
}

/*
 * Sum the series for cycle c (see the top of the file); false when its
 * load grows without bound or does not settle.  term holds the first
 * term, x the partial sum.
 */
static bool
sum_series(struct solver *s, uint32_t c, const uint32_t *members, uint32_t count, double max_sum,
    uint64_t visits)
{
	bool lazy = max_sum >= 1;
	double low = 0, high = INFINITY;
	uint64_t rounds = visits ? s->budget / visits : 0;

	if (rounds > CYCLE_ROUNDS)
		rounds = CYCLE_ROUNDS;
	for (uint64_t round = 0; round < rounds; round++) {
		double left = 0, total = 0;
		bool bounded;
		double *swap;

		s->budget -= visits;
		step(s, c, members, count, lazy);
		bounded = ratio_bounds(s, members, count, &low, &high);
		for (uint32_t i = 0; i < count; i++) {
			uint32_t v = members[i];

			s->x[v] += s->next[v];
			total += s->x[v];
			left += s->next[v];
		}
		swap = s->term;
		s->term = s->next;
		s->next = swap;
		if (!isfinite(total) || (lazy && bounded && low >= 1))
			return false;
		if (!lazy && left * max_sum / (1 - max_sum) <= SETTLED * total)
			return true;
		if (lazy && bounded && high < 1) {
			bool settled = true;

			for (uint32_t i = 0; i < count && settled; i++)
				settled = s->term[members[i]] * high / (1 - high) <= SETTLED * s->x[members[i]];
			if (settled)
				return true;
		}
		if (left == 0)
			return true;
	}
	if (!lazy)
		return true;	/* it converges; what is left is below the bound */
	if (!(high < 1))
		return false;
	for (uint32_t i = 0; i < count; i++)	/* add the bound on what is left */
		s->x[members[i]] += s->term[members[i]] * high / (1 - high);
	return true;
}

static void
solve_cycle(struct solver *s, uint32_t c)
{
	const struct graph *g = s->g;
	const uint32_t *members = s->cc.members + s->cc.member_start[c];
	uint32_t count = s->cc.member_start[c + 1] - s->cc.member_start[c];
	double min_sum = INFINITY, max_sum = 0, inflow = 0;
	uint64_t visits = count;
	bool cyclic = count > 1;

	for (uint32_t i = 0; i < count; i++) {
		uint32_t v = members[i];
		double sum = 0;

		inflow += s->x[v];
		for (uint32_t k = g->out_start[v]; k < g->out_start[v + 1]; k++) {
			uint32_t e = g->out_edges[k];

			if (inside(s, e, c)) {
				sum += g->edge_ratio[e];
				visits++;
				cyclic = true;
			}
		}
		min_sum = sum < min_sum ? sum : min_sum;
		max_sum = sum > max_sum ? sum : max_sum;
	}
	if (!cyclic || inflow == 0)
		return;
	if (isinf(inflow)) {	/* fed by an unbounded cycle upstream */
		set_unbounded(s, members, count);
		return;
	}
	if (min_sum < 1) {
		bool lazy = max_sum >= 1;

		for (uint32_t i = 0; i < count; i++) {
			uint32_t v = members[i];

			s->term[v] = lazy ? s->x[v] / 2 : s->x[v];
			s->x[v] = s->term[v];
		}
		if (sum_series(s, c, members, count, max_sum, visits))
			return;
	}
	set_unbounded(s, members, count);
	record_cycle(s, members, count);
}

/* Pass component c's load on along the edges that leave it. */
static void
push(struct solver *s, uint32_t c)
{
	const struct graph *g = s->g;

	for (uint32_t k = s->cc.member_start[c]; k < s->cc.member_start[c + 1]; k++) {
		uint32_t v = s->cc.members[k];

		if (s->x[v] == 0)
			continue;
		for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
			uint32_t e = g->out_edges[i], w = g->edge_to[e];

			if (g->edge_ratio[e] > 0 && s->cc.component[w] != c)
				s->x[w] += g->edge_ratio[e] * s->x[v];
		}
	}
}

static void
propagate(struct solver *s)
{
	const struct graph *g = s->g;
	uint8_t *usable = xcalloc(g->edge_count ? g->edge_count : 1, 1);
	size_t n = g->node_count ? g->node_count : 1;

	for (uint32_t e = 0; e < g->edge_count; e++)
		usable[e] = g->edge_ratio[e] > 0;
	components_compute(&s->cc, g, usable, 1);
	free(usable);
	s->term = xcalloc(n, sizeof *s->term);
	s->next = xcalloc(n, sizeof *s->next);
	s->budget = 64 * ((uint64_t)g->node_count + g->edge_count) + 1000000;
	for (uint32_t c = s->cc.count; c-- > 0;) {
		solve_cycle(s, c);
		push(s, c);
	}
	components_free(&s->cc);
	free(s->term);
	free(s->next);
}

struct traffic *
traffic_run_graph(const struct graph *g)
{
	struct traffic *t = xcalloc(1, sizeof *t);
	struct solver s = { .g = g, .t = t };
	size_t n = g->node_count ? g->node_count : 1;

	t->node_count = g->node_count;
	t->nodes = xreallocarray(NULL, n, sizeof *t->nodes);
	memcpy(t->nodes, g->nodes, (size_t)g->node_count * sizeof *t->nodes);
	t->loads = xcalloc(n, sizeof *t->loads);
	s.x = xcalloc(n, sizeof *s.x);
	for (uint32_t v = 0; v < g->node_count; v++) {
		t->loads[v].cycle = -1;
		s.x[v] = g->node_rps[v];
		t->summary.sent += g->node_rps[v];
	}
	if (t->summary.sent > 0)	/* without senders every load is 0 */
		propagate(&s);
	for (uint32_t v = 0; v < g->node_count; v++) {
		struct traffic_load *l = &t->loads[v];

		l->load = s.x[v];
		l->unbounded = isinf(l->load);
		l->capacity = g->node_capacity[v] > 0 ? g->node_replicas[v] * g->node_capacity[v] : 0;
		l->overloaded = l->capacity > 0 && l->load > l->capacity * (1 + OVERLOAD_SLACK);
		t->summary.with_capacity += l->capacity > 0;
		t->summary.overloaded += l->overloaded;
		t->summary.unbounded += l->unbounded;
	}
	free(s.x);
	return t;
}

struct traffic *
traffic_run(const struct diagram *d)
{
	struct graph g;
	struct traffic *t;

	graph_build(&g, d);
	t = traffic_run_graph(&g);
	graph_free(&g);
	return t;
}

void
traffic_free(struct traffic *t)
{
	if (t == NULL)
		return;
	free(t->nodes);
	free(t->loads);
	free(t->cycle_nodes);
	free(t->cycle_start);
	free(t);
}

const struct traffic_load *
traffic_node(const struct traffic *t, const struct node *n)
{
	if (n == NULL || n->index >= t->node_count || t->nodes[n->index] != n)
		return NULL;
	return &t->loads[n->index];
}

double
traffic_edge(const struct traffic *t, const struct edge *e)
{
	const struct traffic_load *l = traffic_node(t, e->from);

	if (l == NULL || e->ratio == 0 || l->load == 0)
		return 0;
	return e->ratio * l->load;
}

struct traffic_summary
traffic_summary(const struct traffic *t)
{
	return t->summary;
}

double
traffic_headroom(const struct traffic_load *l)
{
	return l->capacity > 0 ? l->capacity - l->load : 0;
}

double
traffic_utilisation(const struct traffic_load *l)
{
	return l->capacity > 0 ? l->load / l->capacity : 0;
}

const struct node *const *
traffic_cycle(const struct traffic *t, size_t index, size_t *count)
{
	if (index >= t->summary.cycles) {
		*count = 0;
		return NULL;
	}
	*count = t->cycle_start[index + 1] - t->cycle_start[index];
	return t->cycle_nodes + t->cycle_start[index];
}

char *
traffic_format_rate(double rate, char *buf, size_t size)
{
	char digits[32], grouped[48];
	size_t length, o = 0;

	if (isinf(rate) || isnan(rate)) {
		snprintf(buf, size, "unbounded");
		return buf;
	}
	if ((rate < 100 && rate != floor(rate)) || rate >= 1e15) {
		snprintf(buf, size, "%.3g", rate);
		return buf;
	}
	length = (size_t)snprintf(digits, sizeof digits, "%.0f", rate);
	for (size_t i = 0; i < length; i++) {
		if (i > 0 && (length - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(buf, size, "%s", grouped);
	return buf;
}
