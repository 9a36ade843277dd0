/*
 * CAPA001: the traffic estimates (traffic.c) say a node cannot keep up --
 * its load is above replicas x capacity, or a cycle amplifies the load
 * without bound.  Runs traffic over the analysis's graph, so the critique
 * pays for one more linear pass, and nothing when no node sends rps.
 */
#include <stdint.h>
#include <string.h>

#include "critique_check.h"
#include "critique_rules.h"
#include "traffic.h"

static void
report_overload(struct critique_check *c, const struct analysis *a, const struct traffic *t, uint32_t v)
{
	const struct graph *g = &a->graph;
	const struct node *n = analysis_node(a, v);
	const struct traffic_load *l = traffic_node(t, n);
	char load[32], each[32], total[32];

	check_begin(c, v);
	for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
		uint32_t e = g->in_edges[i];

		if (traffic_edge(t, g->edges[e]) > 0)
			check_edge(c, e);
	}
	check_say(c, "%s: %s req/s against %d x %s = %s capacity (%.0f%%)", n->id,
	    traffic_format_rate(l->load, load, sizeof load), n->replicas,
	    traffic_format_rate(n->capacity, each, sizeof each),
	    traffic_format_rate(l->capacity, total, sizeof total), 100 * traffic_utilisation(l));
	check_end(c);
}

/* One finding per amplifying cycle, about its smallest id. */
static void
report_cycle(struct critique_check *c, const struct analysis *a, const struct traffic *t, size_t index)
{
	const struct graph *g = &a->graph;
	uint32_t *members = check_scratch(c), subject;
	size_t count;
	const struct node *const *nodes = traffic_cycle(t, index, &count);

	subject = (uint32_t)nodes[0]->index;
	for (size_t i = 0; i < count; i++) {
		members[i] = (uint32_t)nodes[i]->index;
		if (strcmp(nodes[i]->id, analysis_node(a, subject)->id) < 0)
			subject = members[i];
	}
	check_begin(c, subject);
	for (size_t i = 0; i < count; i++) {
		uint32_t v = members[i];

		check_node(c, v);
		for (uint32_t k = g->out_start[v]; k < g->out_start[v + 1]; k++) {
			uint32_t e = g->out_edges[k];

			if (g->edge_ratio[e] > 0 && traffic_node(t, g->nodes[g->edge_to[e]])->cycle == (long)index)
				check_edge(c, e);
		}
	}
	check_say(c, "%s: load grows without bound around the cycle through ", analysis_node(a, subject)->id);
	check_say_names(c, members, count);
	check_say(c, ": its ratios send back at least as much traffic as comes in");
	check_end(c);
}

static void
check_capa001(struct critique_check *c, const struct analysis *a)
{
	struct traffic *t = traffic_run_graph(&a->graph);
	struct traffic_summary sum = traffic_summary(t);

	if (sum.overloaded > 0) {
		for (uint32_t v = 0; v < a->graph.node_count; v++) {
			const struct traffic_load *l = traffic_node(t, analysis_node(a, v));

			if (l->overloaded && !l->unbounded)
				report_overload(c, a, t, v);
		}
	}
	for (size_t i = 0; i < sum.cycles; i++)
		report_cycle(c, a, t, i);
	traffic_free(t);
}

const struct critique_rule rule_capa001 = {
	"CAPA001", "over-capacity", SEVERITY_WARNING,
	"the traffic estimates put a node's load above replicas x capacity, or a cycle amplifies "
	"the load without bound",
	"Load: nodes with rps (clients) send that many requests/s; every edge carries its ratio "
	"(default 1) times its source's load, and a node's load is its own rps plus what its "
	"incoming edges carry; cycles are solved exactly, or found to amplify (docs/templates.md).  "
	"A node that receives more than its replicas can serve queues, times out "
	"and sheds requests, and its callers retry, which makes it worse; a cycle whose ratios "
	"send back at least as much as comes in (retries, re-enqueued messages) has no steady "
	"load at all.",
	"Add replicas or capacity, put a cache or a queue in front, or lower the ratio (hit "
	"rate, batching); break an amplifying cycle with retry budgets and back-off.",
	check_capa001
};
