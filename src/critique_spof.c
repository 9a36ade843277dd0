/*
 * SPOF001-SPOF006: single points of failure.  Each names the failing
 * component alone (nodes[0]), the request edges into it, who it is on the
 * request path of, and how many components stop with it (its blast radius,
 * analysis_blast.c).  SPOF005 catches what the kind-specific rules leave,
 * so it asks them, through spof_kind_rule(), whether they fired.
 */
#include <stdint.h>

#include "critique_check.h"
#include "critique_rules.h"

static bool
is(const struct analysis *a, uint32_t v, enum node_kind kind)
{
	return analysis_kind(a, v) == kind;
}

static bool
exposed(const struct analysis *a, uint32_t v)
{
	return !analysis_has(a, v, NODE_AVAILABLE);
}

static bool
has_producers(const struct analysis *a, uint32_t v)
{
	const struct graph *g = &a->graph;

	for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
		if (g->edge_from[g->in_edges[i]] != v)
			return true;
	}
	return false;
}

static bool
cache_aside_only(const struct analysis *a, uint32_t v)
{
	const struct graph *g = &a->graph;

	if (!is(a, v, KIND_CACHE) || analysis_has(a, v, NODE_REQUEST))
		return false;
	for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
		uint32_t e = g->in_edges[i];

		if ((a->edge_flags[e] & EDGE_IS_CACHE_ASIDE) && analysis_has(a, g->edge_from[e], NODE_REQUEST))
			return true;
	}
	return false;
}

/* The kind-specific SPOF rule that reports v, or NULL. */
static const struct critique_rule *
spof_kind_rule(const struct analysis *a, uint32_t v)
{
	bool request = analysis_has(a, v, NODE_REQUEST);

	if (!exposed(a, v))
		return NULL;
	if (request && (is(a, v, KIND_LB) || is(a, v, KIND_GATEWAY)))
		return &rule_spof001;
	if (request && is(a, v, KIND_DB))
		return &rule_spof002;
	if (request && (is(a, v, KIND_SERVICE) || is(a, v, KIND_CACHE)))
		return &rule_spof003;
	if (is(a, v, KIND_BROKER) && has_producers(a, v))
		return &rule_spof004;
	if (cache_aside_only(a, v))
		return &rule_spof006;
	return NULL;
}

/* "orders-db: 1 replica, on the request path of checkout and payments; if it fails, 4 components stop" */
static void
report(struct critique_check *c, const struct analysis *a, uint32_t v, unsigned edge_kind, const char *path)
{
	const struct graph *g = &a->graph;
	uint32_t *callers = check_scratch(c);
	size_t count = 0, stop = analysis_blast_size(a, v);

	check_begin(c, v);
	for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
		uint32_t e = g->in_edges[i];

		if ((a->edge_flags[e] & edge_kind) && g->edge_from[e] != v) {
			check_edge(c, e);
			callers[count++] = g->edge_from[e];
		}
	}
	check_say(c, "%s: 1 replica, not managed", analysis_node(a, v)->id);
	if (count > 0) {
		check_say(c, ", %s ", path);
		check_say_names(c, callers, count);
	} else if (analysis_has(a, v, NODE_ENTRY)) {
		check_say(c, ", an entry point");
	}
	if (stop > 1)
		check_say(c, "; if it fails, %zu components stop", stop);
	else
		check_say(c, "; if it fails, it stops alone");
	check_end(c);
}

static void
check_kind(struct critique_check *c, const struct analysis *a, const struct critique_rule *rule,
    unsigned edge_kind, const char *path)
{
	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		if (spof_kind_rule(a, v) == rule)
			report(c, a, v, edge_kind, path);
	}
}

static void
check_spof001(struct critique_check *c, const struct analysis *a)
{
	check_kind(c, a, &rule_spof001, EDGE_IS_REQUEST, "on the request path of");
}

static void
check_spof002(struct critique_check *c, const struct analysis *a)
{
	check_kind(c, a, &rule_spof002, EDGE_IS_REQUEST, "on the request path of");
}

static void
check_spof003(struct critique_check *c, const struct analysis *a)
{
	check_kind(c, a, &rule_spof003, EDGE_IS_REQUEST, "on the request path of");
}

static void
check_spof004(struct critique_check *c, const struct analysis *a)
{
	check_kind(c, a, &rule_spof004, EDGE_IS_REQUEST, "publishing is on the path of");
}

static void
check_spof005(struct critique_check *c, const struct analysis *a)
{
	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		if (exposed(a, v) && !is(a, v, KIND_CLIENT) && spof_kind_rule(a, v) == NULL &&
		    analysis_blast_size(a, v) > 1)
			report(c, a, v, EDGE_IS_REQUEST, "depended on by");
	}
}

static void
check_spof006(struct critique_check *c, const struct analysis *a)
{
	check_kind(c, a, &rule_spof006, EDGE_IS_CACHE_ASIDE, "read cache-aside by");
}

const struct critique_rule rule_spof001 = {
	"SPOF001", "unreplicated-load-balancer", SEVERITY_ERROR,
	"a load balancer or gateway on the request path (in Req) is not highly available",
	"Every request passes through it: when its one instance fails or is redeployed, the whole "
	"system is down, however many replicas stand behind it.",
	"Run a pair of load balancers (active-active, or active-passive with a floating IP), or use "
	"a managed one (mark it managed).",
	check_spof001
};

const struct critique_rule rule_spof002 = {
	"SPOF002", "unreplicated-database", SEVERITY_ERROR,
	"a database on the request path (in Req) has one replica and is not managed",
	"A single database instance takes every request that needs it down with it, and a disk "
	"failure loses the data written since the last backup.",
	"Run a primary with a replica and automatic failover (or a managed database).",
	check_spof002
};

const struct critique_rule rule_spof003 = {
	"SPOF003", "unreplicated-service", SEVERITY_WARNING,
	"a service or cache on the request path (in Req) is not highly available",
	"One instance means every deploy, crash or host failure is an outage for the requests "
	"that need it.",
	"Scale out: replicas >= 2 behind a load balancer.",
	check_spof003
};

const struct critique_rule rule_spof004 = {
	"SPOF004", "unreplicated-broker", SEVERITY_ERROR,
	"a broker that has producers is not highly available",
	"Publishing is on the producer's path: when the only broker node fails, producers fail or "
	"drop messages, and messages not yet consumed may be lost.",
	"Run a clustered broker (Kafka replication, RabbitMQ quorum queues) or a managed one.",
	check_spof004
};

const struct critique_rule rule_spof005 = {
	"SPOF005", "hidden-single-point-of-failure", SEVERITY_WARNING,
	"any other node that is not highly available (not a client) has a non-empty blast radius, "
	"and no other SPOF rule reports it",
	"Off the request path a failure still stops what depends on it: workers, jobs and the "
	"components only they feed.",
	"Look at its blast radius (what stops with it): replicate it, or add another path to what "
	"depends on it.",
	check_spof005
};

const struct critique_rule rule_spof006 = {
	"SPOF006", "unreplicated-cache-aside", SEVERITY_NOTE,
	"a cache that is not highly available is out of Req only because its callers use it "
	"cache-aside",
	"Cache-aside degrades instead of failing, but when the cache dies every read falls "
	"through to the database at once, which was sized for the misses only.",
	"Replicate the cache, or size the database for the full read load.",
	check_spof006
};
