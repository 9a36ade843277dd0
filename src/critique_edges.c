/*
 * EDGE001-EDGE004: what stands between clients and the system -- no
 * gateway or load balancer in front of services, clients talking to data
 * stores, microservices without a gateway, media without a CDN.
 */
#include <stdint.h>
#include <string.h>

#include "critique_check.h"
#include "critique_rules.h"

static enum node_kind
kind_of(const struct analysis *a, uint32_t v)
{
	return analysis_kind(a, v);
}

/* One finding per edge from a client into a node of the given kinds. */
static void
check_client_edges(struct critique_check *c, const struct analysis *a, unsigned kinds, bool sync_only,
    const char *what)
{
	const struct graph *g = &a->graph;

	for (uint32_t e = 0; e < g->edge_count; e++) {
		uint32_t from = g->edge_from[e], to = g->edge_to[e];

		if (kind_of(a, from) != KIND_CLIENT || !(kinds & 1u << kind_of(a, to)) ||
		    (sync_only && !(a->edge_flags[e] & EDGE_IS_SYNC)))
			continue;
		check_begin(c, to);
		check_node(c, from);
		check_edge(c, e);
		check_say(c, "%s: %s by client %s", analysis_node(a, to)->id, what, analysis_node(a, from)->id);
		check_end(c);
	}
}

static void
check_edge001(struct critique_check *c, const struct analysis *a)
{
	check_client_edges(c, a, 1u << KIND_SERVICE | 1u << KIND_FUNCTION, true, "called directly");
}

static void
check_edge002(struct critique_check *c, const struct analysis *a)
{
	check_client_edges(c, a, 1u << KIND_DB | 1u << KIND_CACHE | 1u << KIND_BROKER, false,
	    "reached directly");
}

/* Services reached from clients, a redundancy group (api-1, api-2) counting once. */
static void
check_edge003(struct critique_check *c, const struct analysis *a)
{
	uint32_t *services = check_scratch(c), count = 0, subject = GRAPH_NONE;
	bool several = false;

	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		enum node_kind kind = kind_of(a, v);

		if (kind == KIND_GATEWAY)
			return;
		if ((kind != KIND_SERVICE && kind != KIND_FUNCTION) || !analysis_has(a, v, NODE_FROM_CLIENT))
			continue;
		several = several || (count > 0 && a->group[v] != a->group[services[0]]);
		if (subject == GRAPH_NONE || strcmp(analysis_node(a, v)->id, analysis_node(a, subject)->id) < 0)
			subject = v;
		services[count++] = v;
	}
	if (!several)
		return;
	check_begin(c, subject);
	for (uint32_t i = 0; i < count; i++)
		check_node(c, services[i]);
	check_say(c, "%s: services reached from clients with no API gateway: ", analysis_node(a, subject)->id);
	check_say_names(c, services, count);
	check_end(c);
}

static void
check_edge004(struct critique_check *c, const struct analysis *a)
{
	const struct graph *g = &a->graph;

	for (uint32_t v = 0; v < g->node_count; v++) {
		if (kind_of(a, v) != KIND_STORAGE || !analysis_has(a, v, NODE_FROM_CLIENT) ||
		    analysis_has(a, v, NODE_VIA_CDN))
			continue;
		check_begin(c, v);
		for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
			uint32_t e = g->in_edges[i];

			if ((a->edge_flags[e] & EDGE_IS_REQUEST) && analysis_has(a, g->edge_from[e], NODE_FROM_CLIENT))
				check_edge(c, e);
		}
		check_say(c, "%s: object storage reached from clients with no CDN on the way",
		    analysis_node(a, v)->id);
		check_end(c);
	}
}

const struct critique_rule rule_edge001 = {
	"EDGE001", "client-calls-service", SEVERITY_WARNING,
	"a sync edge goes from a client straight to a service or function",
	"Clients then know every service's address, and there is no single place for TLS, "
	"authentication, rate limiting or spreading load over replicas.",
	"Put an API gateway or a load balancer in front of it.",
	check_edge001
};

const struct critique_rule rule_edge002 = {
	"EDGE002", "client-talks-to-data-store", SEVERITY_ERROR,
	"an edge goes from a client to a database, cache or broker",
	"Data stores trust their callers: exposing one to clients hands them its credentials, its "
	"schema and every row, and couples every client release to the storage layout.",
	"Only services talk to data stores: put a service (behind a gateway) in between.",
	check_edge002
};

const struct critique_rule rule_edge003 = {
	"EDGE003", "services-without-gateway", SEVERITY_NOTE,
	"two or more services or functions are reachable from clients and there is no gateway "
	"anywhere",
	"Without a gateway every service implements authentication, rate limiting and routing "
	"itself, and clients must know the service layout.",
	"Put an API gateway in front of the microservices.",
	check_edge003
};

const struct critique_rule rule_edge004 = {
	"EDGE004", "storage-without-cdn", SEVERITY_NOTE,
	"object storage is reachable from clients over request edges with no CDN on any such path",
	"Serving static or media content from the bucket costs latency far from its region and "
	"egress on every read.",
	"Put a CDN in front of static and media content.",
	check_edge004
};
