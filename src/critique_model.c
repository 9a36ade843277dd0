/*
 * MODL001-MODL003: the drawing itself -- orphaned boxes, boxes no entry
 * point reaches, and synchronous cycles (one finding per strongly
 * connected component of the sync edges).
 */
#include <stdint.h>
#include <string.h>

#include "critique_check.h"
#include "critique_rules.h"

static bool
has_edges(const struct analysis *a, uint32_t v)
{
	const struct graph *g = &a->graph;

	return g->in_start[v] != g->in_start[v + 1] || g->out_start[v] != g->out_start[v + 1];
}

static void
check_modl001(struct critique_check *c, const struct analysis *a)
{
	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		if (has_edges(a, v))
			continue;
		check_begin(c, v);
		check_say(c, "%s: no edges: orphaned component", analysis_node(a, v)->id);
		check_end(c);
	}
}

static void
check_modl002(struct critique_check *c, const struct analysis *a)
{
	for (uint32_t v = 0; v < a->graph.node_count; v++) {
		if (analysis_has(a, v, NODE_REACHABLE) || analysis_kind(a, v) == KIND_CLIENT ||
		    !has_edges(a, v))
			continue;
		check_begin(c, v);
		check_say(c, "%s: no entry point reaches it", analysis_node(a, v)->id);
		check_end(c);
	}
}

static void
check_modl003(struct critique_check *c, const struct analysis *a)
{
	const struct graph *g = &a->graph;
	const struct components *cc = &a->sync;
	uint32_t *members = check_scratch(c);

	for (uint32_t k = 0; k < cc->count; k++) {
		uint32_t first = cc->member_start[k], count = cc->member_start[k + 1] - first, subject;

		if (count < 2)
			continue;
		subject = cc->members[first];
		for (uint32_t i = 0; i < count; i++) {
			members[i] = cc->members[first + i];
			if (strcmp(analysis_node(a, members[i])->id, analysis_node(a, subject)->id) < 0)
				subject = members[i];
		}
		check_begin(c, subject);
		for (uint32_t i = 0; i < count; i++) {
			uint32_t v = members[i];

			check_node(c, v);
			for (uint32_t j = g->out_start[v]; j < g->out_start[v + 1]; j++) {
				uint32_t e = g->out_edges[j];

				if ((a->edge_flags[e] & EDGE_IS_SYNC) && cc->component[g->edge_to[e]] == k)
					check_edge(c, e);
			}
		}
		check_say(c, "%u components call each other synchronously in a cycle: ", count);
		check_say_names(c, members, count);
		check_end(c);
	}
}

const struct critique_rule rule_modl001 = {
	"MODL001", "orphan", SEVERITY_NOTE,
	"a node has no edges",
	"A component nothing calls and that calls nothing is either dead or missing its edges; "
	"either way the critique cannot judge it.",
	"Connect it, or delete it.",
	check_modl001
};

const struct critique_rule rule_modl002 = {
	"MODL002", "unreachable", SEVERITY_NOTE,
	"a node (not a client) is unreachable from every entry point, over any edges",
	"Nothing that starts work -- a client, or a scheduled worker -- leads to it: a dead box or "
	"a missing edge.",
	"Add the edge that leads to it, or delete it.",
	check_modl002
};

const struct critique_rule rule_modl003 = {
	"MODL003", "sync-cycle", SEVERITY_WARNING,
	"two or more nodes form a cycle over sync edges",
	"A synchronous cycle holds threads and connections on every member while it waits on the "
	"others: one slow member stalls them all, and retries amplify around the loop.",
	"Synchronous cycle: cascading failure; break it with an async edge through a broker.",
	check_modl003
};
