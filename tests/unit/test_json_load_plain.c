/*
 * The loader's quick path for plain elements (json_load_plain.c) against
 * the general path, element by element: whatever the quick path takes it
 * must load exactly as json_element_read + json_load_node/json_load_edge
 * would, with no error; whatever it declines it must leave untouched.
 * Thousands of random nodes and edges -- plain ones and every way of not
 * being plain or not being valid -- go through both.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_json.h"
#include "json_load.h"
#include "support_random.h"


/* A loader on text whose diagram has three nodes, so edges have something to name. */
static void
loader_open(struct loader *l, struct error_list *errors, const char *text)
{
	struct napkin_error err;

	memset(errors, 0, sizeof *errors);
	memset(l, 0, sizeof *l);
	l->name = "element.json";
	l->text = (struct json_text){ text, strlen(text) };
	l->errors = errors;
	loader_start(l);
	assert_non_null(diagram_add_node(l->d, "a", KIND_SERVICE, NULL, 0, 0, &err));
	assert_non_null(diagram_add_node(l->d, "b", KIND_DB, "B", 10, 0, &err));
	assert_non_null(diagram_add_node(l->d, "c-1", KIND_CACHE, NULL, 20, 0, &err));
}

/* What the loader made, as JSON; the loader is gone. */
static char *
loader_close(struct loader *l, struct error_list *errors)
{
	char *json;

	loader_finish(l);
	json = diagram_to_json(l->d, NULL);
	diagram_free(l->d);
	error_list_clear(errors);
	return json;
}

/* One element through both paths; how many the quick path took. */
static int
expect_same(const char *text, bool is_node)
{
	struct loader quick, general;
	struct error_list quick_errors, general_errors;
	char *before, *quick_json, *general_json;
	const char *message;
	const cJSON *obj;
	size_t end = 0, general_end = 0, bad;
	bool took;
	int general_failed;

	loader_open(&quick, &quick_errors, text);
	before = diagram_to_json(quick.d, NULL);
	took = is_node ? json_load_plain_node(&quick, 0, &end) : json_load_plain_edge(&quick, 0, &end);
	loader_open(&general, &general_errors, text);
	obj = json_element_read(&general.element, general.text, 0, 2, &general_end, &bad, &message);
	if (obj != NULL && is_node)
		json_load_node(&general, obj, 0, 1);
	else if (obj != NULL)
		json_load_edge(&general, obj, 0, 1);
	general_failed = obj == NULL || general_errors.count > 0;
	assert_int_equal(quick_errors.count, 0);
	quick_json = loader_close(&quick, &quick_errors);
	general_json = loader_close(&general, &general_errors);
	if (took && (general_failed || end != general_end || strcmp(quick_json, general_json) != 0))
		fail_msg("%s: the quick path loaded what the general path %s", text,
		    general_failed ? "refuses" : "loads otherwise");
	if (!took && strcmp(quick_json, before) != 0)
		fail_msg("%s: the quick path declined but changed the diagram", text);
	free(before);
	free(quick_json);
	free(general_json);
	return took;
}

/* One of choices; nine times in ten one of the first valid ones. */
static const char *
pick(const char *const *choices, size_t count, size_t valid)
{
	return choices[random_below(10) != 0 ? random_below(valid) : random_below(count)];
}

#define PICK(choices, valid) pick((choices), sizeof (choices) / sizeof (choices)[0], (valid))

/* A random member list; most values valid, the rest wrong in every way the loader checks. */
static void
random_element(char *buf, size_t size, bool is_node)
{
	static const char *const spaces[] = { "", " ", "\n    ", "\t", " \r\n " };
	static const char *const node_members[][2] = {
		{ "\"id\"", NULL }, { "\"kind\"", NULL }, { "\"label\"", NULL }, { "\"tech\"", NULL },
		{ "\"replicas\"", NULL }, { "\"managed\"", NULL }, { "\"x\"", NULL }, { "\"y\"", NULL },
		{ "\"capacity\"", NULL }, { "\"rps\"", NULL }, { "\"notes\"", NULL }, { "\"accept\"", NULL },
	};
	static const char *const edge_members[][2] = {
		{ "\"from\"", NULL }, { "\"to\"", NULL }, { "\"label\"", NULL }, { "\"mode\"", NULL },
		{ "\"ratio\"", NULL },
	};
	static const char *const ids[] = {
		"\"a\"", "\"b\"", "\"c-1\"", "\"new\"", "\"n-2\"", "\"n.3:x_4\"", "\"\"", "\"two words\"",
		"\"-x\"", "\"\\u0061\"", "\"x\\u0000\"", "7", "null", "[\"a\"]",
		"\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
	};
	static const char *const kinds[] = {
		"\"service\"", "\"db\"", "\"client\"", "\"worker\"", "\"servise\"", "\"\"", "1", "true",
	};
	static const char *const strings[] = {
		"\"API\"", "\"\"", "\"Go 1.22\"", "\"caf\xc3\xa9\"", "\"line\\nbreak\"", "\"tab\\t\"", "\"\\u001b[31m\"",
		"\"\xc2\x85\"", "\"quote \\\" in\"", "5", "false", "null", "{}",
	};
	static const char *const integers[] = {
		"1", "2", "0", "-1", "100000", "100001", "1000000", "1000001", "2.5", "3.0", "1e2", "-0",
		"1e999", "\"3\"", "true", "null", "[]",
	};
	static const char *const rates[] = {
		"0", "2500.5", "1e12", "1e13", "-1", "0.1", "1e-7", "1e999", "\"10\"", "null",
	};
	static const char *const ratios[] = { "1", "0.5", "0", "1000", "1001", "-0.5", "2e2", "\"1\"", "null", "1e999" };
	static const char *const modes[] = { "\"sync\"", "\"async\"", "\"Sync\"", "\"\"", "1", "null" };
	static const char *const booleans[] = { "true", "false", "null", "\"true\"", "0" };
	size_t count = is_node ? 12 : 5, o = 0, members = 0;
	bool first = true;

	o += (size_t)snprintf(buf + o, size - o, "{%s", PICK(spaces, 5));
	for (size_t i = 0; i < count && o < size; i++) {
		const char *name = is_node ? node_members[i][0] : edge_members[i][0], *value;
		bool required = i < 2;

		/* Required members nearly always, the others half the time; accepted risks seldom. */
		if (random_below(required ? 20 : i == 11 ? 10 : 2) == 0 || (i == 11 && random_below(5) != 0))
			continue;
		if (is_node) {
			value = i == 0 ? PICK(ids, 6) : i == 1 ? PICK(kinds, 4) :
			    i == 4 || i == 6 || i == 7 ? PICK(integers, 3) : i == 5 ? PICK(booleans, 2) :
			    i == 8 || i == 9 ? PICK(rates, 3) :
			    i == 11 ? "[{\"rule\": \"SPOF002\", \"reason\": \"why\"}]" : PICK(strings, 4);
		} else {
			value = i < 2 ? PICK(ids, 3) : i == 2 ? PICK(strings, 4) : i == 3 ? PICK(modes, 2) :
			    PICK(ratios, 3);
		}
		/* Now and then a name that is not quite it: escaped, cut short, or longer. */
		switch (random_below(40)) {
		case 0:
			name = is_node ? "\"\\u0069d\"" : "\"t\\u006f\"";
			break;
		case 1:
			name = is_node ? "\"lab\"" : "\"rat\"";
			break;
		case 2:
			name = is_node ? "\"ids\"" : "\"modes\"";
			break;
		}
		o += (size_t)snprintf(buf + o, size - o, "%s%s%s:%s%s", first ? "" : ",", PICK(spaces, 5),
		    name, PICK(spaces, 5), value);
		first = false;
		members++;
		/* Now and then the same member again, or one napkin does not know. */
		if (random_below(25) == 0 && o < size)
			o += (size_t)snprintf(buf + o, size - o, ", %s: %s", name, value);
		if (random_below(25) == 0 && o < size)
			o += (size_t)snprintf(buf + o, size - o, ", \"zz\": %s", PICK(strings, 4));
	}
	if (o < size)
		snprintf(buf + o, size - o, "%s%s}", random_below(40) == 0 && members > 0 ? "," : "", PICK(spaces, 5));
}

static void
test_quick_path_loads_as_the_general_one(void **state)
{
	char buf[1024];
	int taken[2] = { 0, 0 };

	(void)state;
	random_seed(0x2545f4914f6cdd1du);
	for (int round = 0; round < 4000; round++) {
		bool is_node = round % 2 == 0;

		random_element(buf, sizeof buf, is_node);
		taken[is_node] += expect_same(buf, is_node);
	}
	/* Both ways must have had work: plain elements taken, others declined. */
	assert_in_range(taken[1], 100, 1900);
	assert_in_range(taken[0], 100, 1900);
}

static void
test_plain_elements_as_napkin_writes_them(void **state)
{
	(void)state;
	assert_true(expect_same("{\n      \"id\": \"api\",\n      \"kind\": \"service\",\n      \"label\": \"API\",\n"
	    "      \"tech\": \"Go\",\n      \"replicas\": 3,\n      \"managed\": true,\n      \"x\": 10,\n"
	    "      \"y\": 4,\n      \"capacity\": 5000,\n      \"rps\": 0.5,\n      \"notes\": \"n\"\n    }", true));
	assert_true(expect_same("{\"from\": \"a\", \"to\": \"b\", \"label\": \"SQL\", \"mode\": \"async\", \"ratio\": 0.1}",
	    false));
	/* Declined: an escape, an unknown member, a duplicate id, an unknown node. */
	assert_false(expect_same("{\"id\": \"x\", \"kind\": \"db\", \"label\": \"a\\tb\"}", true));
	assert_false(expect_same("{\"id\": \"x\", \"kind\": \"db\", \"color\": \"red\"}", true));
	assert_false(expect_same("{\"id\": \"a\", \"kind\": \"db\"}", true));
	assert_false(expect_same("{\"from\": \"a\", \"to\": \"nowhere\"}", false));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_elements_as_napkin_writes_them),
		cmocka_unit_test(test_quick_path_loads_as_the_general_one),
	};

	return cmocka_run_group_tests_name("json_load_plain", tests, NULL, NULL);
}
