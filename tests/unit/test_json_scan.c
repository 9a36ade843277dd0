/* Raw JSON scanning: value ends, member walks, grammar checks, positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "json_scan.h"

static struct json_text
text(const char *s)
{
	return (struct json_text){ s, strlen(s) };
}

/* json_value_end on s from offset 0: want_end, or refused at bad with message. */
static void
expect_end(const char *s, size_t want_end)
{
	const char *message = NULL;
	size_t end = 0;

	assert_true(json_value_end(text(s), 0, &end, &message));
	assert_int_equal(end, want_end);
}

static void
expect_end_fails(const char *s, size_t bad, const char *message_part)
{
	const char *message = NULL;
	size_t end = 0;

	assert_false(json_value_end(text(s), 0, &end, &message));
	assert_int_equal(end, bad);
	assert_non_null(message);
	assert_non_null(strstr(message, message_part));
}

static void
expect_check_fails(const char *s, size_t bad, const char *message_part)
{
	const char *message = NULL;
	size_t at = 0;

	assert_false(json_check(text(s), 0, &at, &message));
	if (at != bad || strstr(message, message_part) == NULL)
		fail_msg("%s: got %zu \"%s\", wanted %zu \"%s\"", s, at, message, bad, message_part);
}

static void
test_skip_space(void **state)
{
	(void)state;
	assert_int_equal(json_skip_space(text(" \t\r\n x"), 0), 5);
	assert_int_equal(json_skip_space(text("x "), 0), 0);
	assert_int_equal(json_skip_space(text("x  "), 1), 3);
	/* Form feed and vertical tab are not JSON whitespace. */
	assert_int_equal(json_skip_space(text("\f"), 0), 0);
	assert_int_equal(json_skip_space(text("\v"), 0), 0);
}

static void
test_value_end(void **state)
{
	(void)state;
	expect_end("\"a\\\"b\" tail", 6);
	expect_end("123,", 3);
	expect_end("-1.5e+3]", 7);
	expect_end("true}", 4);
	expect_end("{\"a\": [1, 2, {\"b\": \"}]\"}]} tail", 26);
	expect_end("[]", 2);
	expect_end("\"caf\xc3\xa9\"", 7);
	expect_end_fails("[1, 2", 5, "end of file inside a value");
	expect_end_fails("{\"a\": 1]", 7, "expected '}'");
	expect_end_fails("[1}", 2, "expected ']'");
	expect_end_fails("]", 0, "unexpected closing bracket");
	expect_end_fails("\"abc", 0, "not terminated");
	expect_end_fails("", 0, "expected a value");
}

static void
test_length_is_respected(void **state)
{
	/* The text need not end in NUL: nothing past len is read. */
	struct json_text t = { "\"abc\" more", 3 };
	const char *message;
	size_t end;

	(void)state;
	assert_false(json_value_end(t, 0, &end, &message));
	assert_non_null(strstr(message, "not terminated"));
	t = (struct json_text){ "12345", 2 };
	assert_true(json_value_end(t, 0, &end, &message));
	assert_int_equal(end, 2);
	t = (struct json_text){ "\"\\u00e9\"", 5 };
	assert_false(json_value_end(t, 0, &end, &message));
	assert_non_null(strstr(message, "four hexadecimal digits"));
}

static void
test_string_escapes(void **state)
{
	(void)state;
	expect_end("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", 25);
	expect_end("\"\\u00e9\\u6F22\"", 14);
	expect_end_fails("\"\\x\"", 1, "unknown escape");
	expect_end_fails("\"\\'\"", 1, "unknown escape");
	expect_end_fails("\"a\\", 0, "not terminated");
	expect_end_fails("\"\\u12G4\"", 1, "four hexadecimal digits");
	expect_end_fails("\"\\u12\"", 1, "four hexadecimal digits");
	expect_end_fails("\"ab\\u0000\"", 3, "\\u0000");
	expect_end_fails("\"tab\there\"", 4, "control character");
	/* A raw newline means the closing quote is missing: point at the opening one. */
	expect_end_fails("[\"nl\n\"]", 1, "not terminated before the end of the line");
	expect_end_fails("\"cr\r\"", 0, "not terminated before the end of the line");
	/* DEL and bytes above 0x7f are allowed raw. */
	expect_end("\"\x7f\"", 3);
}

static void
test_surrogate_escapes(void **state)
{
	(void)state;
	/* A pair is one code point (U+1F680). */
	expect_end("\"\\ud83d\\ude80\"", 14);
	expect_end("\"\\uD83D\\uDE80\"", 14);
	/* Alone, or in the wrong order, a surrogate is no character at all. */
	expect_end_fails("\"\\ud83d\"", 1, "surrogate");
	expect_end_fails("\"x\\ud83dx\"", 2, "surrogate");
	expect_end_fails("\"\\ud83d\\u0041\"", 1, "surrogate");
	expect_end_fails("\"\\ude80\"", 1, "surrogate");
	expect_end_fails("\"\\ude80\\ud83d\"", 1, "surrogate");
	expect_end_fails("\"\\ud83d\\ud83d\"", 1, "surrogate");
}

static void
test_nesting_limit(void **state)
{
	char deep[2 * JSON_DEPTH_MAX + 8];
	size_t n = 0;
	const char *message;
	size_t at;

	(void)state;
	for (int i = 0; i < JSON_DEPTH_MAX; i++)
		deep[n++] = '[';
	for (int i = 0; i < JSON_DEPTH_MAX; i++)
		deep[n++] = ']';
	deep[n] = '\0';
	expect_end(deep, n);
	assert_true(json_check(text(deep), 0, &at, &message));
	/* One more level is refused, at the bracket that goes too deep. */
	memmove(deep + 1, deep, n + 1);
	deep[0] = '[';
	strcat(deep, "]");
	expect_end_fails(deep, JSON_DEPTH_MAX, "deeper than 200");
	expect_check_fails(deep, JSON_DEPTH_MAX, "deeper than 200");
}

static void
test_next_walks_members(void **state)
{
	static const char doc[] = "{ \"a\" : 1 , \"b\\\"\": [true, {}], \"c\": \"x\" }";
	struct json_text t = text(doc);
	size_t cursor = 0, ks, ke, value;
	const char *message;

	(void)state;
	assert_int_equal(json_next(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	assert_int_equal(ks, 2);
	assert_int_equal(ke, 5);
	assert_int_equal(value, 8);
	assert_int_equal(json_next(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	assert_memory_equal(doc + ks, "\"b\\\"\"", ke - ks);
	assert_int_equal(doc[value], '[');
	assert_int_equal(cursor, 29);
	assert_int_equal(json_next(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	assert_int_equal(doc[value], '"');
	assert_int_equal(json_next(t, 0, &cursor, &ks, &ke, &value, &message), 0);

	/* Arrays give elements; empty containers end at once. */
	t = text("[ 10, \"x\" ,null]");
	cursor = 0;
	assert_int_equal(json_next(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	assert_int_equal(value, 2);
	assert_int_equal(json_next(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	assert_int_equal(value, 6);
	assert_int_equal(json_next(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	assert_int_equal(value, 11);
	assert_int_equal(json_next(t, 0, &cursor, &ks, &ke, &value, &message), 0);
	cursor = 0;
	assert_int_equal(json_next(text("{ }"), 0, &cursor, &ks, &ke, &value, &message), 0);
	cursor = 0;
	assert_int_equal(json_next(text("[]"), 0, &cursor, &ks, &ke, &value, &message), 0);
}

/* The error json_next gives for the first problem in s. */
static void
expect_next_error(const char *s, size_t at, const char *message_part)
{
	struct json_text t = text(s);
	size_t cursor = 0, ks, ke, value = 0;
	const char *message = NULL;
	int more;

	while ((more = json_next(t, 0, &cursor, &ks, &ke, &value, &message)) > 0)
		;
	assert_int_equal(more, -1);
	if (value != at || strstr(message, message_part) == NULL)
		fail_msg("%s: got %zu \"%s\", wanted %zu \"%s\"", s, value, message, at, message_part);
}

static void
test_next_errors(void **state)
{
	(void)state;
	expect_next_error("{\"a\": 1 \"b\": 2}", 8, "expected ',' or '}'");
	expect_next_error("[1 2]", 3, "expected ',' or ']'");
	expect_next_error("[1, 2,]", 5, "trailing comma before ']'");
	expect_next_error("[1, 2 , ]", 6, "trailing comma before ']'");
	expect_next_error("{\"a\": 1,}", 7, "trailing comma before '}'");
	expect_next_error("[,]", 1, "expected a value");
	expect_next_error("{a: 1}", 1, "member name in double quotes");
	expect_next_error("{\"a\" 1}", 5, "expected ':'");
	expect_next_error("{\"a\": }", 6, "expected a value");
	expect_next_error("[1,", 3, "unexpected end of file");
	expect_next_error("{\"a\": [1, 2}", 11, "expected ']'");
	expect_next_error("{\"a\\q\": 1}", 3, "unknown escape");
}

static void
test_check_grammar(void **state)
{
	static const char *const good[] = {
		"0", "-0", "12", "-3.25", "1e5", "1E+5", "2.5e-3", "true", "false", "null",
		"\"s\"", "[]", "{}", "[1, [2, {\"a\": null}]]", "  {\"k\": -0.0e0}",
	};
	const char *message;
	size_t at;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (!json_check(text(good[i]), 0, &at, &message))
			fail_msg("%s refused at %zu: %s", good[i], at, message);
	}
	expect_check_fails("01", 0, "malformed number");
	expect_check_fails("-01", 0, "malformed number");
	expect_check_fails("1.", 0, "malformed number");
	expect_check_fails("1.e5", 0, "malformed number");
	expect_check_fails("1e", 0, "malformed number");
	expect_check_fails("1e+", 0, "malformed number");
	expect_check_fails("1x", 0, "malformed number");
	expect_check_fails(".5", 0, "expected a value");
	expect_check_fails("+1", 0, "expected a value");
	expect_check_fails("-", 0, "expected a value");
	expect_check_fails("tru", 0, "expected a value");
	expect_check_fails("True", 0, "expected a value");
	expect_check_fails("nulls", 0, "expected a value");
	expect_check_fails("NaN", 0, "expected a value");
	expect_check_fails("Infinity", 0, "expected a value");
	/* Errors deep inside are reported where they are. */
	expect_check_fails("[1, {\"a\": [true, 01]}]", 17, "malformed number");
	expect_check_fails("{\"a\": {\"b\" 1}}", 11, "expected ':'");
}

static void
test_locate(void **state)
{
	static const char doc[] =
	    "{\n"
	    "  \"nodes\": [\n"
	    "    {\"id\": \"a\", \"accept\": [{\"rule\": \"X1\"}]},\n"
	    "    {\"id\": \"b\"}\n"
	    "  ]\n"
	    "}\n";
	struct json_text t = text(doc);
	const struct json_step into_rule[] = {
		{ "nodes", 0 }, { NULL, 0 }, { "accept", 0 }, { NULL, 0 }, { "rule", 0 },
	};
	const struct json_step into_b[] = { { "nodes", 0 }, { NULL, 1 }, { "id", 0 } };
	const struct json_step missing[] = { { "nodes", 0 }, { NULL, 1 }, { "kind", 0 } };
	const struct json_step past_end[] = { { "nodes", 0 }, { NULL, 5 } };
	const struct json_step wrong_type[] = { { "nodes", 0 }, { "id", 0 } };

	(void)state;
	assert_int_equal(json_locate(t, 0, into_rule, 5), strstr(doc, "\"X1\"") - doc);
	assert_int_equal(json_locate(t, 0, into_b, 3), strstr(doc, "\"b\"") - doc);
	/* A path that leads nowhere stops at the deepest value it reached. */
	assert_int_equal(json_locate(t, 0, missing, 3), strstr(doc, "{\"id\": \"b\"") - doc);
	assert_int_equal(json_locate(t, 0, past_end, 2), strchr(doc, '[') - doc);
	assert_int_equal(json_locate(t, 0, wrong_type, 2), strchr(doc, '[') - doc);
	assert_int_equal(json_locate(t, 0, NULL, 0), 0);
}

static void
test_line_column(void **state)
{
	static const char doc[] = "{\n  \"caf\xc3\xa9\": \xe6\xbc\xa2\n\n x";
	struct json_text t = text(doc);
	unsigned long line, column;

	(void)state;
	json_line_column(t, 0, &line, &column);
	assert_int_equal(line, 1);
	assert_int_equal(column, 1);
	json_line_column(t, 2, &line, &column);
	assert_int_equal(line, 2);
	assert_int_equal(column, 1);
	/* Columns count characters, not bytes. */
	json_line_column(t, (size_t)(strstr(doc, ": ") - doc), &line, &column);
	assert_int_equal(line, 2);
	assert_int_equal(column, 9);
	json_line_column(t, strlen(doc) - 1, &line, &column);
	assert_int_equal(line, 4);
	assert_int_equal(column, 2);
	/* Past the end clamps to the end. */
	json_line_column(t, strlen(doc) + 100, &line, &column);
	assert_int_equal(line, 4);
	assert_int_equal(column, 3);
}

static void
test_next_start_leaves_values_unread(void **state)
{
	/* The values are garbage json_next would refuse; json_next_start does not look. */
	static const char doc[] = "{\"a\": @@@, \"b\": [1}";
	struct json_text t = text(doc);
	size_t cursor = 0, ks, ke, value;
	const char *message;

	(void)state;
	assert_int_equal(json_next_start(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	assert_int_equal(value, 6);
	cursor = 9;	/* the caller says where the value ended */
	assert_int_equal(json_next_start(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	assert_memory_equal(doc + ks, "\"b\"", 3);
	assert_int_equal(value, 16);
	cursor = 18;
	assert_int_equal(json_next_start(t, 0, &cursor, &ks, &ke, &value, &message), 0);
	/* At the end, value is the closing bracket. */
	assert_int_equal(value, 18);
	/* A bracket of the other kind says which one was expected. */
	cursor = 0;
	t = text("[1, 2}");
	assert_int_equal(json_next_start(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	cursor = 2;
	assert_int_equal(json_next_start(t, 0, &cursor, &ks, &ke, &value, &message), 1);
	cursor = 5;
	assert_int_equal(json_next_start(t, 0, &cursor, &ks, &ke, &value, &message), -1);
	assert_int_equal(value, 5);
	assert_string_equal(message, "expected ']' to close the array here");
}

static void
test_check_value_finds_end_and_counts_depth(void **state)
{
	struct json_text t = text("[[1, {\"a\": \"x\"}], 2.5e3] tail");
	const char *message;
	size_t end = 0, bad = 0;

	(void)state;
	assert_true(json_check_value(t, 0, 0, &end, &bad, &message));
	assert_int_equal(end, 24);
	assert_true(json_check_value(t, 18, 5, &end, &bad, &message));
	assert_int_equal(end, 23);
	/*
	 * Containers at levels 0 to 199 are allowed.  Starting 198 deep, the
	 * object inside is at level 200: one too many.
	 */
	assert_true(json_check_value(t, 0, 197, &end, &bad, &message));
	assert_false(json_check_value(t, 0, 198, &end, &bad, &message));
	assert_int_equal(bad, 5);
	assert_non_null(strstr(message, "deeper than 200"));
	/* The first error, wherever it is. */
	t = text("[1, [2, 03]]");
	assert_false(json_check_value(t, 0, 0, &end, &bad, &message));
	assert_int_equal(bad, 8);
	assert_string_equal(message, "malformed number");
}

static void
test_string_decode(void **state)
{
	static const char doc[] =
	    "\"plain caf\xc3\xa9 \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\u6F22 \\ud83d\\ude80 \\u001b\" rest";
	static const char want[] =
	    "plain caf\xc3\xa9 \" \\ / \b\f\n\r\t \xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x9a\x80 \x1b";
	struct json_text t = text(doc);
	char out[sizeof doc];
	size_t end;
	const char *message;

	(void)state;
	assert_true(json_value_end(t, 0, &end, &message));
	assert_int_equal(json_string_decode(t, 0, out), strlen(want));
	assert_string_equal(out, want);
	assert_int_equal(json_string_decode(text("\"\""), 0, out), 0);
	assert_string_equal(out, "");
}

/*
 * s as json_next_member walks it must be s as json_next_start and
 * json_check_value walk it: the same members, spans and escape flags, up
 * to the same error at the same place.  (json_next_member takes most
 * members by a quicker path of its own.)
 */
static void
expect_member_walk_as_next_start(const char *s, size_t len)
{
	struct json_text t = { s, len };
	size_t cursor_a = 0, cursor_b = 0;

	for (;;) {
		struct json_member m;
		size_t ks = 0, ke = 0, value = 0, bad_a = 0, bad_b = 0;
		const char *message_a = NULL, *message_b = NULL;
		int a = json_next_member(t, 0, 0, &cursor_a, &m, &bad_a, &message_a);
		int b = json_next_start(t, 0, &cursor_b, &ks, &ke, &value, &message_b);

		if (b < 0)
			bad_b = value;
		else if (b > 0 && !json_check_value(t, value, 1, &cursor_b, &bad_b, &message_b))
			b = -1;
		if (a != b)
			fail_msg("%.*s: json_next_member %d, json_next_start %d", (int)len, s, a, b);
		if (a < 0) {
			if (bad_a != bad_b || strcmp(message_a, message_b) != 0)
				fail_msg("%.*s: %zu %s, wanted %zu %s", (int)len, s, bad_a, message_a, bad_b,
				    message_b);
			return;
		}
		if (a == 0) {
			assert_int_equal(m.value, value);
			return;
		}
		if (m.key != ks || m.key_end != ke || m.value != value || m.end != cursor_b ||
		    cursor_a != cursor_b)
			fail_msg("%.*s: member at %zu..%zu: %zu %zu %zu, wanted %zu %zu %zu", (int)len, s,
			    m.key, m.end, m.key_end, m.value, cursor_a, ke, value, cursor_b);
		assert_int_equal(m.key_escaped, memchr(s + ks, '\\', ke - ks) != NULL);
		assert_int_equal(m.value_escaped,
		    s[value] == '"' && memchr(s + value, '\\', cursor_b - value) != NULL);
	}
}

static void
test_next_member_as_next_start(void **state)
{
	static const char *const seeds[] = {
		"{\"id\": \"api\", \"kind\": \"service\", \"x\": 10, \"y\": -4, \"managed\": true}",
		"{\n  \"from\": \"a\",\n  \"to\": \"b\",\n  \"mode\": \"async\",\n  \"ratio\": 0.5e1\n}",
		"{\"k\\u0065y\": \"v\\n\", \"n\": null, \"f\": false, \"o\": {\"a\": [1, 2]}, \"e\": \"\"}",
		"{ }",
		"{\"a\":1,\"b\":\"x\"}",
	};
	static const char alphabet[] = "\"\\:,{}[] \n\t0123456789-+.eEtrufalsn\x01\x7f\xc3za";
	uint64_t rng = 0x9e3779b97f4a7c15u;

	(void)state;
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		size_t seed_len = strlen(seeds[i]);

		expect_member_walk_as_next_start(seeds[i], seed_len);
		/* Every seed mutated a thousand ways: bytes replaced, inserted, deleted, past '{'. */
		for (int round = 0; round < 1000; round++) {
			char s[160];
			size_t len = seed_len;

			memcpy(s, seeds[i], len);
			for (int k = 0; k < 1 + round % 3; k++) {
				size_t at, op;
				char c;

				rng ^= rng << 13;
				rng ^= rng >> 7;
				rng ^= rng << 17;
				at = 1 + (size_t)(rng >> 8) % len;
				op = (size_t)(rng >> 40) % 3;
				c = alphabet[(rng >> 20) % (sizeof alphabet - 1)];
				if (op == 0 && at < len) {
					s[at] = c;
				} else if (op == 1 && len + 1 < sizeof s) {
					memmove(s + at + 1, s + at, len - at);
					s[at] = c;
					len++;
				} else if (at < len) {
					memmove(s + at, s + at + 1, len - at - 1);
					len--;
				}
			}
			expect_member_walk_as_next_start(s, len);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_skip_space),
		cmocka_unit_test(test_value_end),
		cmocka_unit_test(test_length_is_respected),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_surrogate_escapes),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_next_walks_members),
		cmocka_unit_test(test_next_errors),
		cmocka_unit_test(test_check_grammar),
		cmocka_unit_test(test_locate),
		cmocka_unit_test(test_line_column),
		cmocka_unit_test(test_next_start_leaves_values_unread),
		cmocka_unit_test(test_check_value_finds_end_and_counts_depth),
		cmocka_unit_test(test_string_decode),
		cmocka_unit_test(test_next_member_as_next_start),
	};

	return cmocka_run_group_tests_name("json_scan", tests, NULL, NULL);
}
