/*
 * Elements read in place (json_element.c) must be exactly what cJSON would
 * have parsed: same members in the same order, same strings to the byte,
 * same numbers to the bit, the same errors as json_check_value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "json_element.h"

static void
expect_same_tree(const cJSON *got, const cJSON *want, const char *text)
{
	const cJSON *g, *w;

	if ((got->type & 0xff) != (want->type & 0xff))
		fail_msg("%s: type %d, wanted %d", text, got->type & 0xff, want->type & 0xff);
	if ((got->string == NULL) != (want->string == NULL) ||
	    (got->string != NULL && strcmp(got->string, want->string) != 0))
		fail_msg("%s: key \"%s\", wanted \"%s\"", text, got->string, want->string);
	if (cJSON_IsString(want) && strcmp(got->valuestring, want->valuestring) != 0)
		fail_msg("%s: string \"%s\", wanted \"%s\"", text, got->valuestring, want->valuestring);
	if (cJSON_IsNumber(want) && (memcmp(&got->valuedouble, &want->valuedouble, sizeof(double)) != 0 ||
	    got->valueint != want->valueint))
		fail_msg("%s: number %.17g (%d), wanted %.17g (%d)", text, got->valuedouble,
		    got->valueint, want->valuedouble, want->valueint);
	for (g = got->child, w = want->child; g != NULL && w != NULL; g = g->next, w = w->next)
		expect_same_tree(g, w, text);
	if (g != NULL || w != NULL)
		fail_msg("%s: %s members than cJSON", text, g != NULL ? "more" : "fewer");
}

static void
test_same_as_cjson(void **state)
{
	static const char *const objects[] = {
		"{}",
		"{ }",
		"{\"id\": \"api\", \"kind\": \"service\", \"x\": 10, \"y\": 4}",
		"{\"s\": \"quote \\\" back \\\\ slash \\/ \\b\\f\\n\\r\\t\"}",
		"{\"u\": \"\\u00e9\\u6f22\\uD83D\\uDE80 caf\xc3\xa9 \xe6\xbc\xa2\", \"e\": \"\"}",
		"{\"ke\\u0079\": 1, \"k\\\"q\": 2}",
		"{\"n\": [0, -0, 1, -1, 123456789012345, 1234567890123456, -999999999999999]}",
		"{\"m\": 9999999999999999, \"p\": 9007199254740993, \"q\": 123456789012345678901234567890}",
		"{\"a\": 0, \"b\": -0, \"c\": 7, \"d\": -12, \"e\": 123456789012345}",
		"{\"f\": 0.1, \"g\": 1e-7, \"h\": 5000.5, \"i\": 1E+300, \"j\": -2.5e-3, \"k\": 1e999}",
		"{\"big\": 12345678901234567890, \"huge\": 2147483648, \"low\": -2147483649}",
		"{\"t\": true, \"f\": false, \"z\": null}",
		"{\"accept\": [{\"rule\": \"SPOF001\", \"reason\": \"why\"}], \"after\": 1}",
		"{\"deep\": {\"a\": [1, {\"b\": [true, null, \"x\"]}]}, \"empty\": [], \"o\": {}}",
		"{\"dup\": 1, \"dup\": 2, \"dup\": \"three\"}",
		"{\n\t\"spaced\"  :\r\n  \"out\"  ,  \"k\":1\n}",
	};

	(void)state;
	for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++) {
		struct json_element e;
		struct json_text t = { objects[i], strlen(objects[i]) };
		cJSON *want = cJSON_ParseWithLength(objects[i], strlen(objects[i]));
		const char *message = NULL;
		size_t end = 0, bad = 0;
		const cJSON *got;

		assert_non_null(want);
		json_element_init(&e);
		/* Twice, so the second read reuses what the first one left. */
		for (int round = 0; round < 2; round++) {
			got = json_element_read(&e, t, 0, 0, &end, &bad, &message);
			if (got == NULL)
				fail_msg("%s: refused at %zu: %s", objects[i], bad, message);
			assert_int_equal(end, t.len - (objects[i][t.len - 1] == '\n'));
			expect_same_tree(got, want, objects[i]);
		}
		json_element_free(&e);
		cJSON_Delete(want);
	}
}

static void
test_errors_as_json_check_value(void **state)
{
	static const char *const bad_objects[] = {
		"{\"a\": 01}",
		"{\"a\": 1.}",
		"{\"a\": tru}",
		"{\"a\": [1, 2,]}",
		"{\"a\": 1,}",
		"{\"a\" 1}",
		"{a: 1}",
		"{\"a\": \"\\x\"}",
		"{\"a\": \"\\ud800\"}",
		"{\"a\": {\"b\": [1 2]}}",
		"{\"a\": 1 \"b\": 2}",
		"{\"a\": 1]",
		"{\"a\": 1",
	};
	struct json_element e;

	(void)state;
	json_element_init(&e);
	for (size_t i = 0; i < sizeof bad_objects / sizeof bad_objects[0]; i++) {
		struct json_text t = { bad_objects[i], strlen(bad_objects[i]) };
		const char *message = NULL, *want_message = NULL;
		size_t end, bad = 0, want_bad = 0;

		assert_false(json_check_value(t, 0, 0, &end, &want_bad, &want_message));
		if (json_element_read(&e, t, 0, 0, &end, &bad, &message) != NULL)
			fail_msg("%s was read", bad_objects[i]);
		if (bad != want_bad || strcmp(message, want_message) != 0)
			fail_msg("%s: %zu %s, wanted %zu %s", bad_objects[i], bad, message, want_bad,
			    want_message);
	}
	/* Nesting counts from the depth given. */
	{
		struct json_text t = { "{\"a\": [[1]]}", 12 };
		const char *message;
		size_t end, bad;

		assert_non_null(json_element_read(&e, t, 0, 197, &end, &bad, &message));
		assert_null(json_element_read(&e, t, 0, 198, &end, &bad, &message));
		assert_int_equal(bad, 7);
	}
	json_element_free(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_cjson),
		cmocka_unit_test(test_errors_as_json_check_value),
	};

	return cmocka_run_group_tests_name("json_element", tests, NULL, NULL);
}
