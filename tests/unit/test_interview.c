/*
 * The interview members of a template (interview.c, member_reader.c):
 * prompt, phases, roles and drills read and validated, errors with line
 * and column, and the members surviving load and save byte for byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "diagram_json.h"
#include "interview.h"
#include "support_build.h"

static const char prompt[] =
    "\"prompt\": {\"summary\": \"Shorten links\", \"problem\": \"Line one.\\nLine two.\",\n"
    " \"functional\": [\"create\", \"redirect\"], \"non_functional\": \"fast\",\n"
    " \"scale\": {\"users\": \"100 million\", \"requests\": \"20,000/s\", \"data\": \"1 TB\"}},\n"
    "\"phases\": [{\"name\": \"requirements\", \"minutes\": 5, \"goal\": \"ask\"}, {\"name\": \"design\", \"minutes\": 25}]";

static void
test_prompt_and_phases(void **state)
{
	struct error_list errors = { 0 };
	struct interview *iv = build_interview(prompt, &errors);

	(void)state;
	assert_non_null(iv);
	assert_true(iv->has_prompt);
	assert_false(iv->is_drill);
	assert_string_equal(iv->prompt.summary, "Shorten links");
	assert_string_equal(iv->prompt.problem, "Line one.\nLine two.");
	assert_int_equal(iv->prompt.functional_count, 2);
	assert_string_equal(iv->prompt.functional[1], "redirect");
	assert_int_equal(iv->prompt.non_functional_count, 1);
	assert_string_equal(iv->prompt.data, "1 TB");
	assert_int_equal(iv->phase_count, 2);
	assert_string_equal(iv->phases[0].goal, "ask");
	assert_null(iv->phases[1].goal);
	assert_int_equal(interview_minutes(iv), 30);
	assert_int_equal(iv->expectations.count, 0);
	interview_free(iv);
}

/* 5 minutes of requirements, then 25 of design. */
static void
test_phase_at(void **state)
{
	struct error_list errors = { 0 };
	struct interview *iv = build_interview(prompt, &errors), *none;
	double left;

	(void)state;
	assert_int_equal(interview_phase_at(iv, 0, &left), 0);
	assert_true(left == 300);
	assert_int_equal(interview_phase_at(iv, 299.5, &left), 0);
	assert_true(left == 0.5);
	assert_int_equal(interview_phase_at(iv, 300, &left), 1);
	assert_true(left == 1500);
	assert_int_equal(interview_phase_at(iv, 1799, NULL), 1);
	assert_int_equal(interview_phase_at(iv, 1800, &left), -1);
	assert_true(left == 0);
	assert_int_equal(interview_phase_at(iv, -5, &left), 0);
	assert_true(left == 300);
	none = build_interview("\"other\": 1", &errors);
	assert_int_equal(interview_phase_at(none, 0, &left), -1);
	interview_free(none);
	interview_free(iv);
}

static void
test_plain_diagram_has_empty_interview(void **state)
{
	struct error_list errors = { 0 };
	struct interview *iv = build_interview("\"other\": {\"from\": \"a newer napkin\"}", &errors);

	(void)state;
	assert_non_null(iv);
	assert_false(iv->has_prompt);
	assert_int_equal(iv->phase_count + iv->expectations.count + iv->finding_count, 0);
	assert_int_equal(interview_minutes(iv), 0);
	interview_free(iv);
}

static void
test_errors(void **state)
{
	static const struct {
		const char *members, *message;
	} cases[] = {
		{ "\"prompt\": {\"summary\": \"s\"}", "t.json:2:11: prompt: missing \"problem\"" },
		{ "\"prompt\": {\"summary\": \"\", \"problem\": \"p\"}", "t.json:2:23: prompt.summary: must not be empty" },
		{ "\"prompt\": {\"summary\": \"This summary is much too long to fit on one line of napkin templates\","
		  " \"problem\": \"p\", \"functional\": \"f\", \"non_functional\": \"n\", \"scale\": {\"users\": \"u\","
		  " \"requests\": \"r\", \"data\": \"d\"}}",
		  "t.json:2:23: prompt.summary: wider than 54 columns" },
		{ "\"prompt\": {\"summary\": \"s\", \"problem\": \"p\", \"functional\": [], \"non_functional\": \"n\"}",
		  "t.json:2:58: prompt.functional: must be a string or a non-empty array of strings" },
		{ "\"prompt\": {\"summary\": \"s\", \"problem\": \"p\", \"functional\": \"f\", \"non_functional\": \"n\","
		  " \"scale\": {\"users\": \"u\", \"requests\": \"r\"}}", "t.json:2:95: prompt.scale: missing \"data\"" },
		{ "\"prompt\": {\"summary\": \"a\\tb\", \"problem\": \"p\"}",
		  "t.json:2:23: prompt.summary: control characters are not allowed" },
		{ "\"phases\": []", "t.json:2:11: phases: must be a non-empty array of phases" },
		{ "\"phases\": [{\"name\": \"a\", \"minutes\": 200}, {\"name\": \"b\", \"minutes\": 100}]",
		  "t.json:2:11: phases: the phases add up to 300 minutes; the limit is 240" },
		{ "\"phases\": [{\"name\": \"a\", \"minutes\": 5, \"goals\": \"x\"}]",
		  "t.json:2:12: phases[0]: unknown member \"goals\"" },
		{ "\"drill\": {\"findings\": [{\"rule\": \"NOPE001\", \"node\": \"a\"}]}",
		  "t.json:2:33: drill.findings[0].rule: no rule \"NOPE001\" (napkin rules lists them)" },
		{ "\"drill\": {\"findings\": []}", "t.json:2:23: drill.findings: a drill lists the findings it is meant to produce" },
	};
	size_t failures = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		failures += !build_interview_fails_with(cases[i].members, cases[i].message, i);
	assert_int_equal(failures, 0);
}

/* Roles are read from the nodes; a bad one is an error that names the node's position. */
static void
test_roles(void **state)
{
	static const char good[] = "{\"napkin\": 1, \"title\": \"t\", \"nodes\": [{\"id\": \"a\", \"kind\": \"db\", "
	    "\"label\": \"a\", \"x\": 0, \"y\": 0, \"role\": \"system of record\"}], \"edges\": [], \"groups\": []}\n";
	static const char bad[] = "{\"napkin\": 1, \"title\": \"t\", \"nodes\": [{\"id\": \"a\", \"kind\": \"db\", "
	    "\"label\": \"a\", \"x\": 0, \"y\": 0, \"role\": 7}], \"edges\": [], \"groups\": []}\n";
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_buffer("t.json", good, sizeof good - 1, &errors);
	struct interview *iv = interview_read(d, "t.json", good, sizeof good - 1, &errors);
	char *saved;

	(void)state;
	assert_non_null(iv);
	assert_string_equal(interview_node_role(diagram_find_node(d, "a")), "system of record");
	/* The role survives a save, after the known members. */
	saved = diagram_to_json(d, NULL);
	assert_non_null(strstr(saved, "\"y\": 0,\n      \"role\": \"system of record\"\n"));
	free(saved);
	interview_free(iv);
	diagram_free(d);

	d = diagram_load_buffer("t.json", bad, sizeof bad - 1, &errors);
	assert_null(interview_read(d, "t.json", bad, sizeof bad - 1, &errors));
	assert_string_equal(errors.messages[0], "t.json:1:103: nodes[0].role: must be a string, not a number");
	error_list_clear(&errors);
	diagram_free(d);
}

/* Load, save, load, save: the interview members come back byte for byte. */
static void
test_round_trip(void **state)
{
	struct diagram *d = build_load("templates/url-shortener.json"), *again;
	struct error_list errors = { 0 };
	char *first = diagram_to_json(d, NULL), *second;
	struct interview *iv;

	(void)state;
	again = diagram_load_buffer("saved.json", first, strlen(first), &errors);
	assert_non_null(again);
	second = diagram_to_json(again, NULL);
	assert_string_equal(first, second);
	iv = interview_read(again, "saved.json", second, strlen(second), &errors);
	assert_non_null(iv);
	assert_true(iv->expectations.count >= 5);
	interview_free(iv);
	free(first);
	free(second);
	diagram_free(again);
	diagram_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prompt_and_phases),
		cmocka_unit_test(test_phase_at),
		cmocka_unit_test(test_plain_diagram_has_empty_interview),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
