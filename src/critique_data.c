/*
 * DATA001, DATA002 and SCAL001: where state lives -- a database shared by
 * services, functions opening database connections, and replicated services
 * that keep state (sessions) in process memory.
 */
#include <stdint.h>
#include <string.h>

#include "critique_check.h"
#include "critique_rules.h"

static const char *
id_of(const struct analysis *a, uint32_t v)
{
	return analysis_node(a, v)->id;
}

static void
check_data001(struct critique_check *c, const struct analysis *a)
{
	const struct graph *g = &a->graph;
	uint32_t *services = check_scratch(c);

	for (uint32_t v = 0; v < g->node_count; v++) {
		size_t count = 0;
		bool shared = false;

		if (analysis_kind(a, v) != KIND_DB)
			continue;
		for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
			uint32_t e = g->in_edges[i], u = g->edge_from[e];

			if ((a->edge_flags[e] & EDGE_IS_SYNC) && analysis_kind(a, u) == KIND_SERVICE)
				services[count++] = u;
		}
		/* A redundancy group (api-1, api-2) is one service. */
		for (size_t i = 1; i < count && !shared; i++)
			shared = a->group[services[i]] != a->group[services[0]];
		if (!shared)
			continue;
		check_begin(c, v);
		for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
			uint32_t e = g->in_edges[i], u = g->edge_from[e];

			if ((a->edge_flags[e] & EDGE_IS_SYNC) && analysis_kind(a, u) == KIND_SERVICE) {
				check_node(c, u);
				check_edge(c, e);
			}
		}
		check_say(c, "%s: shared by services ", id_of(a, v));
		check_say_names(c, services, count);
		check_end(c);
	}
}

static void
check_data002(struct critique_check *c, const struct analysis *a)
{
	const struct graph *g = &a->graph;

	for (uint32_t e = 0; e < g->edge_count; e++) {
		uint32_t from = g->edge_from[e], to = g->edge_to[e];

		if (analysis_kind(a, from) != KIND_FUNCTION || analysis_kind(a, to) != KIND_DB)
			continue;
		check_begin(c, to);
		check_node(c, from);
		check_edge(c, e);
		check_say(c, "%s: every instance of function %s opens its own connections to it",
		    id_of(a, to), id_of(a, from));
		check_end(c);
	}
}

static bool
behind_load_balancer(const struct analysis *a, uint32_t v)
{
	const struct graph *g = &a->graph;

	for (uint32_t i = g->in_start[v]; i < g->in_start[v + 1]; i++) {
		if (analysis_kind(a, g->edge_from[g->in_edges[i]]) == KIND_LB)
			return true;
	}
	return false;
}

/* Once per redundancy group, about its member with the smallest id. */
static void
check_scal001(struct critique_check *c, const struct analysis *a)
{
	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		uint32_t first = a->member_start[v], end = a->member_start[v + 1], subject = v;
		bool behind = false;

		if (a->group[v] != v || analysis_kind(a, v) != KIND_SERVICE || a->replicas[v] < 2 ||
		    a->reaches_store[a->sync.component[v]])
			continue;
		for (uint32_t k = first; k < end; k++) {
			uint32_t u = a->members[k];

			behind = behind || behind_load_balancer(a, u);
			if (strcmp(id_of(a, u), id_of(a, subject)) < 0)
				subject = u;
		}
		if (!behind)
			continue;
		check_begin(c, subject);
		for (uint32_t k = first; k < end; k++)
			check_node(c, a->members[k]);
		check_say(c, "%s: %ld replicas behind a load balancer and no cache or database within reach",
		    id_of(a, subject), a->replicas[v]);
		check_end(c);
	}
}

const struct critique_rule rule_data001 = {
	"DATA001", "shared-database", SEVERITY_NOTE,
	"a database has sync callers from two or more distinct services",
	"Services that share tables cannot change their schema or scale their storage "
	"independently: the database couples them, and one service's load slows the others.",
	"Give each service its own database, or shard.",
	check_data001
};

const struct critique_rule rule_data002 = {
	"DATA002", "function-to-database", SEVERITY_WARNING,
	"an edge goes from a function to a database",
	"The platform scales functions to hundreds of instances, each with its own connections; "
	"the database runs out of connections long before it runs out of capacity.",
	"Put a connection pooler or proxy in between, or a queue.",
	check_data002
};

const struct critique_rule rule_scal001 = {
	"SCAL001", "state-in-process", SEVERITY_NOTE,
	"a service with two or more replicas behind a load balancer reaches no cache or database "
	"(over sync edges)",
	"With nowhere shared to keep sessions, they probably live in process memory: the load "
	"balancer must pin users to replicas, and a replica's restart logs its users out.",
	"Keep sessions in a shared store (a cache or database), or make the service stateless.",
	check_scal001
};
