/*
 * The expectation engine (expect.c, expect_parse.c): every check met and
 * not met on small boards, with the reasons naming what was found or
 * missing; selectors by kind, words, calls and called_by; and parse
 * errors with their line and column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critique.h"
#include "diagram_json.h"
#include "expect.h"
#include "interview.h"
#include "support_build.h"
#include "traffic.h"
#include "xalloc.h"

static struct interview *
parse(const char *expectations, struct error_list *errors)
{
	char *members = xasprintf("\"expectations\": %s", expectations);
	struct interview *iv = build_interview(members, errors);

	free(members);
	return iv;
}

struct verdict {
	bool met;
	char reason[512];
};

/* Judge one expectation (a JSON object) on board. */
static struct verdict
judge(const struct diagram *board, const char *expectation)
{
	struct error_list errors = { 0 };
	char *array = xasprintf("[%s]", expectation);
	struct interview *iv = parse(array, &errors);
	struct critique *c;
	struct traffic *t;
	struct expect_result *r;
	struct verdict v;

	if (iv == NULL) {
		error_list_print(&errors, stderr);
		fail_msg("does not parse: %s", expectation);
	}
	c = critique_run(board);
	t = traffic_run(board);
	r = expect_evaluate(&iv->expectations, board, c, t);
	v.met = r[0].met;
	snprintf(v.reason, sizeof v.reason, "%s", r[0].reason);
	expect_results_free(r, 1);
	traffic_free(t);
	critique_free(c);
	interview_free(iv);
	free(array);
	return v;
}

#define EXPECT(board, json, want_met, want_reason) do {				\
	struct verdict v_ = judge((board), (json));				\
	if (v_.met != (want_met) || strcmp(v_.reason, (want_reason)) != 0)	\
		fail_msg("%s\n   got %s: %s\n  want %s: %s", (json),		\
		    v_.met ? "met" : "not met", v_.reason,			\
		    (want_met) ? "met" : "not met", (want_reason));		\
} while (0)

/* users -> lb -> api -> {cache, db}; api -> queue -> worker -> media; users -> cdn -> media */
static struct diagram *
board(void)
{
	struct diagram *d = diagram_new();

	build_node(d, "users", KIND_CLIENT, 1, 0, 1000);
	build_node(d, "lb", KIND_LB, 2, 0, 0);
	build_node(d, "api", KIND_SERVICE, 3, 500, 0);
	build_node(d, "cache", KIND_CACHE, 2, 0, 0);
	build_node(d, "db", KIND_DB, 1, 2000, 0);
	build_node(d, "queue", KIND_BROKER, 3, 0, 0);
	build_node(d, "worker", KIND_WORKER, 2, 0, 0);
	build_node(d, "media", KIND_STORAGE, 1, 0, 0);
	build_node(d, "cdn", KIND_CDN, 1, 0, 0);
	diagram_set_node_label(d, diagram_find_node(d, "api"), "Redirect API", NULL);
	diagram_set_node_tech(d, diagram_find_node(d, "cache"), "Redis 7", NULL);
	build_edge(d, "users", "lb", EDGE_SYNC, 1);
	build_edge(d, "lb", "api", EDGE_SYNC, 1);
	build_edge(d, "api", "cache", EDGE_SYNC, 1);
	build_edge(d, "api", "db", EDGE_SYNC, 0.1);
	build_edge(d, "api", "queue", EDGE_ASYNC, 1);
	build_edge(d, "queue", "worker", EDGE_ASYNC, 1);
	build_edge(d, "worker", "media", EDGE_SYNC, 1);
	build_edge(d, "users", "cdn", EDGE_SYNC, 1);
	build_edge(d, "cdn", "media", EDGE_SYNC, 0.1);
	return d;
}

static const char head[] = "\"id\": \"x\", \"text\": \"t\", ";

static char *
with_head(const char *rest)
{
	static char buf[1024];

	snprintf(buf, sizeof buf, "{%s%s}", head, rest);
	return buf;
}

static void
test_exists_and_selectors(void **state)
{
	struct diagram *d = board();

	(void)state;
	EXPECT(d, with_head("\"check\": \"exists\", \"select\": {\"kind\": \"cache\"}"), true, "found cache");
	EXPECT(d, with_head("\"check\": \"exists\", \"select\": {\"kind\": \"cache\"}, \"min\": 2"), false,
	    "found cache; needs 2");
	EXPECT(d, with_head("\"check\": \"exists\", \"select\": {\"kind\": \"function\"}"), false,
	    "no function on the board");
	/* Words match the id, the label or the tech, in any case. */
	EXPECT(d, with_head("\"check\": \"exists\", \"select\": {\"words\": [\"REDIRECT\", \"redis\"]}"), true,
	    "found api and cache");
	EXPECT(d, with_head("\"check\": \"exists\", \"select\": {\"kind\": [\"service\", \"worker\"], \"words\": \"nope\"}"),
	    false, "no service or worker mentioning \"nope\" on the board");
	/* calls / called_by, nested. */
	EXPECT(d, with_head("\"check\": \"exists\", \"select\": {\"kind\": \"cache\", \"called_by\": "
	    "{\"kind\": \"service\", \"calls\": {\"kind\": \"db\"}}}"), true, "found cache");
	EXPECT(d, with_head("\"check\": \"exists\", \"select\": {\"kind\": \"cache\", \"called_by\": {\"kind\": \"worker\"}}"),
	    false, "no cache called by a worker on the board");
	EXPECT(d, with_head("\"check\": \"exists\", \"select\": {}, \"min\": 9"), true,
	    "found users, lb, api, cache and 5 more");
	diagram_free(d);
}

static void
test_edges(void **state)
{
	struct diagram *d = board();

	(void)state;
	EXPECT(d, with_head("\"check\": \"edge\", \"from\": {\"kind\": \"service\"}, \"to\": {\"kind\": \"broker\"}"),
	    true, "api -> queue (async)");
	EXPECT(d, with_head("\"check\": \"edge\", \"from\": {\"kind\": \"service\"}, \"to\": {\"kind\": \"broker\"}, "
	    "\"mode\": \"sync\""), false, "no sync edge from api to queue");
	EXPECT(d, with_head("\"check\": \"edge\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"gateway\"}"),
	    false, "no gateway on the board");
	diagram_free(d);
}

static void
test_paths(void **state)
{
	struct diagram *d = board();

	(void)state;
	EXPECT(d, with_head("\"check\": \"path\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"cache\"}, "
	    "\"mode\": \"sync\""), true, "users -> lb -> api -> cache");
	EXPECT(d, with_head("\"check\": \"path\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"worker\"}, "
	    "\"mode\": \"sync\""), false, "no sync path from users to worker");
	EXPECT(d, with_head("\"check\": \"path\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"storage\"}, "
	    "\"via\": {\"kind\": \"broker\"}"), true, "users -> lb -> api -> queue -> worker -> media");
	EXPECT(d, with_head("\"check\": \"path\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"db\"}, "
	    "\"via\": {\"kind\": \"cdn\"}"), false, "no path from users to db passes a cdn (there is users -> lb -> api -> db)");
	/* Every path: the worker's writes reach media without a CDN. */
	EXPECT(d, with_head("\"check\": \"every_path\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"service\"}, "
	    "\"via\": {\"kind\": [\"lb\", \"gateway\"]}"), true, "every path from users to api passes lb");
	EXPECT(d, with_head("\"check\": \"every_path\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"storage\"}, "
	    "\"via\": {\"kind\": \"cdn\"}"), false, "users -> lb -> api -> queue -> worker -> media does not pass a cdn");
	EXPECT(d, with_head("\"check\": \"every_path\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"storage\"}, "
	    "\"via\": {\"kind\": \"cdn\"}, \"mode\": \"sync\""), true, "every sync path from users to media passes cdn");
	EXPECT(d, with_head("\"check\": \"every_path\", \"from\": {\"kind\": \"worker\"}, \"to\": {\"kind\": \"cache\"}, "
	    "\"via\": {\"kind\": \"cdn\"}"), false, "no path from worker to cache");
	diagram_free(d);
}

static void
test_long_path_is_shortened(void **state)
{
	struct diagram *d = diagram_new();
	char id[16], previous[16] = "";

	(void)state;
	for (int i = 0; i < 12; i++) {
		snprintf(id, sizeof id, "n%d", i);
		build_node(d, id, i == 0 ? KIND_CLIENT : i == 11 ? KIND_DB : KIND_SERVICE, 1, 0, 0);
		if (previous[0] != '\0')
			build_edge(d, previous, id, EDGE_SYNC, 1);
		memcpy(previous, id, sizeof id);
	}
	EXPECT(d, with_head("\"check\": \"path\", \"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"db\"}"), true,
	    "n0 -> n1 -> n2 -> ... (6 more) -> n9 -> n10 -> n11");
	diagram_free(d);
}

static void
test_replicas(void **state)
{
	struct diagram *d = board();

	(void)state;
	EXPECT(d, with_head("\"check\": \"replicas\", \"select\": {\"kind\": [\"service\", \"cache\"]}"), true,
	    "api x3, cache x2");
	EXPECT(d, with_head("\"check\": \"replicas\", \"select\": {\"kind\": [\"db\", \"service\"]}, \"min\": 3"), false,
	    "db has 1 replica; needs 3 (or managed)");
	EXPECT(d, with_head("\"check\": \"replicas\", \"select\": {\"kind\": \"storage\"}"), true, "media storage");
	diagram_set_node_managed(d, diagram_find_node(d, "db"), true, NULL);
	EXPECT(d, with_head("\"check\": \"replicas\", \"select\": {\"kind\": \"db\"}"), true, "db managed");
	EXPECT(d, with_head("\"check\": \"replicas\", \"select\": {\"kind\": \"function\"}"), false,
	    "no function on the board");
	diagram_free(d);

	/* api-1 and api-2 with one replica each are one component of two. */
	d = diagram_new();
	build_node(d, "api-1", KIND_SERVICE, 1, 0, 0);
	build_node(d, "api-2", KIND_SERVICE, 1, 0, 0);
	build_node(d, "solo", KIND_SERVICE, 1, 0, 0);
	EXPECT(d, with_head("\"check\": \"replicas\", \"select\": {\"words\": \"api\"}"), true, "api-1 x2, api-2 x2");
	EXPECT(d, with_head("\"check\": \"replicas\", \"select\": {\"kind\": \"service\"}"), false,
	    "solo has 1 replica; needs 2 (or managed)");
	diagram_free(d);
}

static void
test_no_findings(void **state)
{
	struct diagram *d = board();

	(void)state;
	/* db: one replica on the request path (SPOF002, an error). */
	EXPECT(d, with_head("\"check\": \"no_findings\", \"rules\": [\"SPOF\"], \"severity\": \"error\""), false,
	    "SPOF002: db: 1 replica, not managed, on the request path of api; if it fails, 5 components stop");
	EXPECT(d, with_head("\"check\": \"no_findings\", \"rules\": [\"spof002\"]"), false,
	    "SPOF002: db: 1 replica, not managed, on the request path of api; if it fails, 5 components stop");
	EXPECT(d, with_head("\"check\": \"no_findings\", \"rules\": [\"SPOF001\", \"ASYN\"]"), true,
	    "no SPOF001 or ASYN finding");
	/* Scoped to the paths from clients to storage, the database is off them. */
	EXPECT(d, with_head("\"check\": \"no_findings\", \"rules\": [\"SPOF\"], \"severity\": \"error\", "
	    "\"from\": {\"kind\": \"client\"}, \"to\": {\"kind\": \"storage\"}"), true,
	    "no SPOF finding of severity error on the paths from users to media");
	/* A scope with no path in it is not met: there is nothing to judge. */
	EXPECT(d, with_head("\"check\": \"no_findings\", \"rules\": [\"SPOF\"], "
	    "\"from\": {\"kind\": \"worker\"}, \"to\": {\"kind\": \"cache\"}"), false, "no path from worker to cache");
	EXPECT(d, with_head("\"check\": \"no_findings\", \"rules\": [\"SPOF\"], "
	    "\"from\": {\"kind\": \"gateway\"}, \"to\": {\"kind\": \"cache\"}"), false, "no gateway on the board");
	/* Accepted findings do not count. */
	diagram_set_node_accept(d, diagram_find_node(d, "db"), "SPOF002", "managed failover elsewhere", NULL);
	EXPECT(d, with_head("\"check\": \"no_findings\", \"rules\": [\"SPOF\"], \"severity\": \"error\""), true,
	    "no SPOF finding of severity error");
	diagram_free(d);
}

static void
test_traffic_checks(void **state)
{
	struct diagram *d = board();

	(void)state;
	/* api: 1,000 against 3 x 500; db: 100 against 2,000. */
	EXPECT(d, with_head("\"check\": \"no_overload\""), true,
	    "2 nodes within capacity; the busiest is api: 1,000 of 1,500 req/s (67%)");
	EXPECT(d, with_head("\"check\": \"no_overload\", \"headroom\": 0.5"), false,
	    "api: 1,000 of 1,500 req/s (67%) (needs 50% headroom)");
	EXPECT(d, with_head("\"check\": \"no_overload\", \"select\": {\"kind\": \"cache\"}"), false,
	    "no capacity estimates to check");
	EXPECT(d, with_head("\"check\": \"estimates\", \"select\": {\"kind\": [\"service\", \"db\"]}"), true,
	    "1,000 req/s sent; capacities on api and db");
	EXPECT(d, with_head("\"check\": \"estimates\", \"select\": {\"kind\": [\"service\", \"cache\", \"db\"]}"), false,
	    "no capacity on cache");
	diagram_set_node_rps(d, diagram_find_node(d, "users"), 4000, NULL);
	EXPECT(d, with_head("\"check\": \"no_overload\""), false, "api: 4,000 of 1,500 req/s (267%)");
	diagram_set_node_rps(d, diagram_find_node(d, "users"), 0, NULL);
	EXPECT(d, with_head("\"check\": \"no_overload\""), false, "no node sends traffic (rps): nothing to check");
	EXPECT(d, with_head("\"check\": \"estimates\", \"select\": {\"kind\": \"service\"}"), false,
	    "no node sends traffic: give the clients rps");
	/* An amplifying cycle: worker re-enqueues everything. */
	diagram_set_node_rps(d, diagram_find_node(d, "users"), 10, NULL);
	diagram_set_node_capacity(d, diagram_find_node(d, "worker"), 100, NULL);
	build_edge(d, "worker", "queue", EDGE_ASYNC, 1);
	EXPECT(d, with_head("\"check\": \"no_overload\", \"select\": {\"kind\": \"worker\"}"), false,
	    "worker: unbounded load (an amplifying cycle) against 200 req/s");
	diagram_free(d);
}

/* Every error names the file, line, column and member. */
static void
test_parse_errors(void **state)
{
	static const struct {
		const char *expectations, *message;
	} cases[] = {
		{ "{}", "t.json:2:17: expectations: must be an array of expectations" },
		{ "[{\"id\": \"a\", \"text\": \"t\"}]", "t.json:2:18: expectations[0]: missing \"check\"" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"exist\"}]",
		  "t.json:2:52: expectations[0].check: \"exist\" is not exists, edge, path, every_path, replicas, "
		  "no_findings, no_overload or estimates" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"path\", \"from\": {}}]",
		  "t.json:2:18: expectations[0]: a \"path\" check needs \"to\"" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"exists\", \"select\": {}, \"form\": {}}]",
		  "t.json:2:18: expectations[0]: unknown member \"form\"" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"exists\",\n \"select\": {\"kind\": [\"cahce\"]}}]",
		  "t.json:3:21: expectations[0].select.kind: unknown kind \"cahce\" (napkin --help lists the kinds)" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"no_findings\", \"rules\": [\"SPOF\", \"SPF\"]}]",
		  "t.json:2:85: expectations[0].rules[1]: no rule or rule family \"SPF\" (napkin rules lists them)" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"no_findings\", \"from\": {}}]",
		  "t.json:2:18: expectations[0]: a scope needs both \"from\" and \"to\"" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"no_overload\", \"headroom\": 1}]",
		  "t.json:2:79: expectations[0].headroom: must be a number from 0 to 0.9" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"replicas\", \"select\": {}, \"min\": 1.5}]",
		  "t.json:2:85: expectations[0].min: must be an integer from 1 to 100000" },
		{ "[{\"id\": \"a b\", \"text\": \"t\", \"check\": \"exists\", \"select\": {}}]",
		  "t.json:2:25: expectations[0].id: \"a b\" is not an id (letters, digits and -_.:)" },
		{ "[{\"id\": \"a\", \"text\": \"t\\u0007\", \"check\": \"exists\", \"select\": {}}]",
		  "t.json:2:38: expectations[0].text: control characters are not allowed" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"exists\", \"select\": {}},"
		  " {\"id\": \"a\", \"text\": \"u\", \"check\": \"exists\", \"select\": {}}]",
		  "t.json:2:77: expectations[1]: id \"a\" is used twice" },
		{ "[{\"id\": \"a\", \"text\": \"t\", \"check\": \"exists\", \"select\": {\"calls\": {\"calls\": "
		  "{\"calls\": {\"calls\": {}}}}}}]",
		  "t.json:2:112: expectations[0].select.calls.calls.calls.calls: selectors nest at most 4 deep" },
	};

	size_t failures = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *members = xasprintf("\"expectations\": %s", cases[i].expectations);

		failures += !build_interview_fails_with(members, cases[i].message, i);
		free(members);
	}
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exists_and_selectors),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_long_path_is_shortened),
		cmocka_unit_test(test_replicas),
		cmocka_unit_test(test_no_findings),
		cmocka_unit_test(test_traffic_checks),
		cmocka_unit_test(test_parse_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
