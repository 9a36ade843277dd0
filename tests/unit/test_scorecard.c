/*
 * The scorecard (scorecard.c, scorecard_report.c): which reference
 * components a board lacks (by kind, stand-ins and likeness, never ids),
 * a drill's defects, when a board passes, and the two reports.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "diagram_json.h"
#include "scorecard.h"
#include "support_build.h"
#include "xalloc.h"

/* users -> lb -> api -> {hot, db}; api -> queue -> worker -> dedupe */
static struct diagram *
reference(void)
{
	struct diagram *d = diagram_new();

	build_node(d, "users", KIND_CLIENT, 1, 0, 100);
	build_node(d, "lb", KIND_LB, 2, 0, 0);
	build_node(d, "api", KIND_SERVICE, 2, 1000, 0);
	build_node(d, "hot", KIND_CACHE, 2, 0, 0);
	build_node(d, "db", KIND_DB, 2, 0, 0);
	build_node(d, "queue", KIND_BROKER, 2, 0, 0);
	build_node(d, "worker", KIND_WORKER, 2, 0, 0);
	build_node(d, "dedupe", KIND_CACHE, 2, 0, 0);
	build_edge(d, "users", "lb", EDGE_SYNC, 1);
	build_edge(d, "lb", "api", EDGE_SYNC, 1);
	build_edge(d, "api", "hot", EDGE_SYNC, 1);
	build_edge(d, "api", "db", EDGE_SYNC, 1);
	build_edge(d, "api", "queue", EDGE_ASYNC, 1);
	build_edge(d, "queue", "worker", EDGE_ASYNC, 1);
	build_edge(d, "worker", "dedupe", EDGE_SYNC, 1);
	return d;
}

static struct interview *
no_expectations(void)
{
	struct error_list errors = { 0 };
	struct interview *iv = build_interview("\"expectations\": []", &errors);

	assert_non_null(iv);
	return iv;
}

static char *
missing_ids(const struct scorecard *sc)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	for (size_t i = 0; i < sc->missing_count; i++)
		fprintf(out, "%s%s", i ? " " : "", sc->missing[i]->id);
	fclose(out);
	return text;
}

static void
assert_missing(const struct diagram *board, const struct diagram *ref, const char *want)
{
	struct interview *iv = no_expectations();
	struct scorecard *sc = scorecard_build(board, iv, ref);
	char *got = missing_ids(sc);

	if (strcmp(got, want) != 0)
		fail_msg("missing \"%s\", want \"%s\"", got, want);
	free(got);
	scorecard_free(sc);
	interview_free(iv);
}

static void
test_missing_by_kind_and_stand_ins(void **state)
{
	struct diagram *ref = reference(), *board = diagram_new();

	(void)state;
	/* Other ids, a gateway doing the load balancer's job, one cache. */
	build_node(board, "client", KIND_CLIENT, 1, 0, 100);
	build_node(board, "edge", KIND_GATEWAY, 2, 0, 0);
	build_node(board, "svc", KIND_SERVICE, 2, 0, 0);
	build_node(board, "store", KIND_DB, 2, 0, 0);
	build_node(board, "redis", KIND_CACHE, 2, 0, 0);
	build_edge(board, "client", "edge", EDGE_SYNC, 1);
	build_edge(board, "edge", "svc", EDGE_SYNC, 1);
	build_edge(board, "svc", "store", EDGE_SYNC, 1);
	build_edge(board, "svc", "redis", EDGE_SYNC, 1);
	/* The board's cache is like "hot" (called by a service): "dedupe" is the one missing. */
	assert_missing(board, ref, "queue worker dedupe");

	/* Functions stand in for the worker; a cache called by it now matches "dedupe" better. */
	build_node(board, "fn", KIND_FUNCTION, 1, 0, 0);
	assert_missing(board, ref, "queue dedupe");
	/* Without the service, the one function does the service's job and the worker is missing. */
	diagram_delete_node(board, diagram_find_node(board, "svc"), NULL);
	assert_missing(board, ref, "queue worker dedupe");
	diagram_free(board);

	/* A board with everything, and more, lacks nothing. */
	board = reference();
	build_node(board, "extra", KIND_CACHE, 1, 0, 0);
	assert_missing(board, ref, "");
	diagram_free(board);
	diagram_free(ref);
}

static void
test_likeness_picks_the_missing_one(void **state)
{
	struct diagram *ref = reference(), *board = reference();

	(void)state;
	/* Keep only the cache the worker calls: the one called by the service is missing. */
	diagram_delete_node(board, diagram_find_node(board, "hot"), NULL);
	assert_missing(board, ref, "hot");
	diagram_free(board);
	board = reference();
	diagram_delete_node(board, diagram_find_node(board, "dedupe"), NULL);
	assert_missing(board, ref, "dedupe");
	diagram_free(board);
	diagram_free(ref);
}

static void
test_describe_connections(void **state)
{
	struct diagram *ref = reference();
	char buf[128];

	(void)state;
	assert_string_equal(scorecard_describe_connections(ref, diagram_find_node(ref, "api"), buf, sizeof buf),
	    "called by lb; calls cache, db or broker");
	assert_string_equal(scorecard_describe_connections(ref, diagram_find_node(ref, "users"), buf, sizeof buf),
	    "calls lb");
	build_node(ref, "alone", KIND_SERVICE, 1, 0, 0);
	assert_string_equal(scorecard_describe_connections(ref, diagram_find_node(ref, "alone"), buf, sizeof buf),
	    "no edges");
	assert_string_equal(scorecard_describe_connections(ref, diagram_find_node(ref, "api"), buf, 12), "called by l");
	diagram_free(ref);
}

/* A drill's defect is fixed when its finding is gone or accepted; passing needs all fixed. */
static void
test_drill_defects(void **state)
{
	struct error_list errors = { 0 };
	struct diagram *board = diagram_new();
	struct interview *iv;
	struct scorecard *sc;

	(void)state;
	build_node(board, "users", KIND_CLIENT, 1, 0, 0);
	build_node(board, "lb", KIND_LB, 1, 0, 0);
	build_node(board, "api", KIND_SERVICE, 2, 0, 0);
	build_node(board, "db", KIND_DB, 2, 0, 0);
	build_node(board, "cache", KIND_CACHE, 2, 0, 0);
	build_edge(board, "users", "lb", EDGE_SYNC, 1);
	build_edge(board, "lb", "api", EDGE_SYNC, 1);
	build_edge(board, "api", "db", EDGE_SYNC, 1);
	build_edge(board, "api", "cache", EDGE_SYNC, 1);
	/* The drill file names its own nodes; the board here is the candidate's fix. */
	iv = build_interview("\"drill\": {\"findings\": [{\"rule\": \"spof001\", \"node\": \"x\"}]}", &errors);
	assert_null(iv);
	assert_string_equal(errors.messages[0], "t.json:2:52: drill.findings[0].node: no node \"x\" in this diagram");
	error_list_clear(&errors);

	/* Build a drill whose file has the nodes, then score the board against it. */
	{
		static const char text[] = "{\"napkin\": 1, \"title\": \"d\", \"nodes\": [{\"id\": \"lb\", \"kind\": \"lb\"}],"
		    " \"edges\": [], \"groups\": [], \"drill\": {\"findings\": [{\"rule\": \"spof001\", \"node\": \"lb\","
		    " \"why\": \"one box\"}]}}";
		struct diagram *drill = diagram_load_buffer("d.json", text, sizeof text - 1, &errors);

		assert_non_null(drill);
		iv = interview_read(drill, "d.json", text, sizeof text - 1, &errors);
		assert_non_null(iv);
		assert_true(iv->is_drill);
		assert_string_equal(iv->findings[0].rule, "SPOF001");
		diagram_free(drill);
	}
	sc = scorecard_build(board, iv, NULL);
	assert_int_equal(sc->defects_fixed, 0);
	assert_false(sc->defects[0].fixed);
	assert_false(sc->passed);
	scorecard_free(sc);
	diagram_set_node_managed(board, diagram_find_node(board, "lb"), true, NULL);
	sc = scorecard_build(board, iv, NULL);
	assert_true(sc->defects[0].fixed);
	assert_true(sc->passed);
	scorecard_free(sc);
	interview_free(iv);
	diagram_free(board);
}

static char *
report(const struct scorecard *sc, enum scorecard_format format)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	assert_true(scorecard_write(sc, "board.json", "ref", format, out));
	fclose(out);
	return text;
}

static void
test_reports(void **state)
{
	struct error_list errors = { 0 };
	struct diagram *ref = reference(), *board = reference();
	struct interview *iv = build_interview(
	    "\"prompt\": {\"summary\": \"s\", \"problem\": \"p\", \"functional\": [\"f\"], \"non_functional\": \"n\","
	    " \"scale\": {\"users\": \"u\", \"requests\": \"r\", \"data\": \"d\"}},"
	    " \"expectations\": [{\"id\": \"gw\", \"text\": \"A gateway\", \"check\": \"exists\", \"select\": {\"kind\": \"gateway\"}},"
	    " {\"id\": \"cache\", \"text\": \"A cache\", \"check\": \"exists\", \"select\": {\"kind\": \"cache\"}}]", &errors);
	struct scorecard *sc;
	char *text, *json;
	cJSON *doc, *result;

	(void)state;
	assert_non_null(iv);
	diagram_delete_node(board, diagram_find_node(board, "queue"), NULL);
	/* The model refuses control characters; the reports must still never write one raw. */
	assert_false(diagram_set_node_label(board, diagram_find_node(board, "api"), "evil\x1b[2Jlabel", NULL));
	assert_true(diagram_set_node_accept(board, diagram_find_node(board, "dedupe"), "CACH003", "rebuilt nightly", NULL));
	sc = scorecard_build(board, iv, ref);
	assert_int_equal(sc->met, 1);
	assert_false(sc->passed);

	text = report(sc, SCORECARD_TEXT);
	assert_non_null(strstr(text, "Scorecard: board.json against ref (s)\n"));
	assert_non_null(strstr(text, "Expectations: 1 of 2 met\n  [ ] gw: A gateway\n      no gateway on the board\n"
	    "  [x] cache: A cache\n      found hot and dedupe\n"));
	assert_non_null(strstr(text, "Findings: 0 errors, 0 warnings, 0 notes (and 1 accepted)\n"
	    "  accepted CACH003  dedupe: holds the only copy of its data"));
	assert_non_null(strstr(text, "  api            100 req/s of        2,000     5%  ok\n"
	    "  hot            100 req/s    (no capacity given)\n"));
	assert_non_null(strstr(text, "Missing from the reference design: 1 component\n"
	    "  broker   queue (called by service; calls worker)\n"));
	assert_non_null(strstr(text, "Result: NOT YET -- 1 of 2 expectations met, 0 errors, 0 overloaded, 1 missing\n"));
	assert_null(strchr(text, '\x07'));
	assert_null(strchr(text, '\x1b'));

	json = report(sc, SCORECARD_JSON);
	doc = cJSON_Parse(json);
	assert_non_null(doc);
	result = cJSON_GetObjectItem(doc, "result");
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(result, "passed")));
	assert_int_equal(cJSON_GetObjectItem(result, "met")->valueint, 1);
	assert_int_equal(cJSON_GetObjectItem(result, "missing")->valueint, 1);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "expectations")), 2);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "missing"), 0), "kind")->valuestring,
	    "broker");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "findings"), 0), "rule")->valuestring,
	    "CACH003");
	assert_null(strchr(json, '\x1b'));
	cJSON_Delete(doc);
	free(json);
	free(text);
	scorecard_free(sc);
	interview_free(iv);
	diagram_free(board);
	diagram_free(ref);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_by_kind_and_stand_ins),
		cmocka_unit_test(test_likeness_picks_the_missing_one),
		cmocka_unit_test(test_describe_connections),
		cmocka_unit_test(test_drill_defects),
		cmocka_unit_test(test_reports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
