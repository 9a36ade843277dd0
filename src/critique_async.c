/*
 * ASYN001-ASYN005: queues and asynchronous work -- brokers nobody
 * consumes, workers called synchronously, fire-and-forget with nothing
 * durable in between, a lone consumer, and third parties on the request
 * path.
 */
#include <stdint.h>

#include "critique_check.h"
#include "critique_rules.h"

static enum node_kind
kind_of(const struct analysis *a, uint32_t v)
{
	return analysis_kind(a, v);
}

static const char *
id_of(const struct analysis *a, uint32_t v)
{
	return analysis_node(a, v)->id;
}

/*
 * One finding about edge e: the subject is its source or its target, and
 * fmt gets the subject's id, then the other end's.
 */
static void
report_edge(struct critique_check *c, const struct analysis *a, uint32_t e, bool subject_is_target,
    const char *fmt)
{
	uint32_t from = a->graph.edge_from[e], to = a->graph.edge_to[e];
	uint32_t subject = subject_is_target ? to : from, other = subject_is_target ? from : to;

	check_begin(c, subject);
	check_node(c, other);
	check_edge(c, e);
	check_say(c, fmt, id_of(a, subject), id_of(a, other));
	check_end(c);
}

static void
check_asyn001(struct critique_check *c, const struct analysis *a)
{
	const struct graph *g = &a->graph;

	for (uint32_t v = 0; v < g->node_count; v++) {
		uint32_t *producers = check_scratch(c);
		size_t count = 0;

		if (kind_of(a, v) != KIND_BROKER || g->out_start[v] != g->out_start[v + 1] ||
		    g->in_start[v] == g->in_start[v + 1])
			continue;
		check_begin(c, v);
		for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
			check_edge(c, g->in_edges[i]);
			producers[count++] = g->edge_from[g->in_edges[i]];
		}
		check_say(c, "%s: messages from ", id_of(a, v));
		check_say_names(c, producers, count);
		check_say(c, " pile up: nothing consumes them");
		check_end(c);
	}
}

static void
check_asyn002(struct critique_check *c, const struct analysis *a)
{
	for (uint32_t e = 0; e < a->graph.edge_count; e++) {
		if ((a->edge_flags[e] & EDGE_IS_SYNC) && kind_of(a, a->graph.edge_to[e]) == KIND_WORKER)
			report_edge(c, a, e, true, "%s: worker called synchronously by %s");
	}
}

static void
check_asyn003(struct critique_check *c, const struct analysis *a)
{
	for (uint32_t e = 0; e < a->graph.edge_count; e++) {
		enum node_kind from = kind_of(a, a->graph.edge_from[e]), to = kind_of(a, a->graph.edge_to[e]);

		if ((a->edge_flags[e] & EDGE_IS_SYNC) || from == KIND_BROKER || to == KIND_BROKER ||
		    to == KIND_FUNCTION)
			continue;
		if (from == KIND_CACHE && to == KIND_DB)
			continue;	/* CACH002 says it better */
		report_edge(c, a, e, false, "%s: sends to %s asynchronously with no broker in between");
	}
}

static void
check_asyn004(struct critique_check *c, const struct analysis *a)
{
	const struct graph *g = &a->graph;

	for (uint32_t v = 0; v < g->node_count; v++) {
		uint32_t consumer = GRAPH_NONE, edge = GRAPH_NONE;
		bool several = false;

		if (kind_of(a, v) != KIND_BROKER)
			continue;
		for (uint32_t i = g->out_start[v]; i < g->out_start[v + 1] && !several; i++) {
			uint32_t w = g->edge_to[g->out_edges[i]];

			if (w == v)
				continue;
			several = consumer != GRAPH_NONE && consumer != w;
			consumer = w;
			edge = g->out_edges[i];
		}
		if (consumer == GRAPH_NONE || several || analysis_has(a, consumer, NODE_AVAILABLE))
			continue;
		report_edge(c, a, edge, false, "%s: consumed by %s alone, one replica");
	}
}

static void
check_asyn005(struct critique_check *c, const struct analysis *a)
{
	for (uint32_t e = 0; e < a->graph.edge_count; e++) {
		uint32_t from = a->graph.edge_from[e];

		if ((a->edge_flags[e] & EDGE_IS_SYNC) && analysis_has(a, from, NODE_REQUEST) &&
		    kind_of(a, a->graph.edge_to[e]) == KIND_EXTERNAL)
			report_edge(c, a, e, false, "%s: calls external %s synchronously on the request path");
	}
}

const struct critique_rule rule_asyn001 = {
	"ASYN001", "broker-without-consumers", SEVERITY_ERROR,
	"a broker has incoming edges and no consumers (no outgoing edges)",
	"Messages published and never consumed fill the queue until the broker refuses writes; the "
	"work they stand for never happens.",
	"Add workers that consume it.",
	check_asyn001
};

const struct critique_rule rule_asyn002 = {
	"ASYN002", "sync-call-to-worker", SEVERITY_WARNING,
	"a sync edge goes into a worker",
	"Calling a worker synchronously makes the caller wait for background work and lose it "
	"when the worker is busy or down.",
	"Workers pull from a queue: service -> broker -> worker.",
	check_asyn002
};

const struct critique_rule rule_asyn003 = {
	"ASYN003", "async-without-broker", SEVERITY_WARNING,
	"an async edge whose source is not a broker goes to something that is neither a broker nor "
	"a function (cache -> database is CACH002's)",
	"Fire-and-forget straight to a service has no durable intermediary: messages sent while "
	"the receiver is down or slow are lost, and nothing retries them.",
	"Put a broker between sender and receiver.",
	check_asyn003
};

const struct critique_rule rule_asyn004 = {
	"ASYN004", "single-consumer", SEVERITY_NOTE,
	"a broker whose consumers total one replica",
	"One consumer instance sets the throughput of the whole queue: a burst builds a backlog, "
	"and while it is down nothing is processed.",
	"Watch the backlog and apply back pressure: scale the workers.",
	check_asyn004
};

const struct critique_rule rule_asyn005 = {
	"ASYN005", "sync-external-call", SEVERITY_WARNING,
	"a sync edge goes from a node in Req to an external API",
	"A third party's latency and outages become yours, on every request that needs it.",
	"Set timeouts and fallbacks (circuit breaker), or move the call behind a queue.",
	check_asyn005
};
