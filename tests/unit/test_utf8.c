/* UTF-8 decoding, validation, control characters and display widths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Decode s (len bytes) and expect a code point of n bytes, or 0 for refused. */
static void
expect_decode(const char *s, size_t len, size_t n, uint32_t codepoint)
{
	uint32_t got = 0xdeadbeef;

	assert_int_equal(utf8_decode(s, len, &got), n);
	if (n != 0)
		assert_int_equal(got, codepoint);
}

static void
test_decode_boundaries(void **state)
{
	(void)state;
	expect_decode("A", 1, 1, 'A');
	expect_decode("\x7f", 1, 1, 0x7f);
	expect_decode("\xc2\x80", 2, 2, 0x80);
	expect_decode("\xdf\xbf", 2, 2, 0x7ff);
	expect_decode("\xe0\xa0\x80", 3, 3, 0x800);
	expect_decode("\xed\x9f\xbf", 3, 3, 0xd7ff);
	expect_decode("\xee\x80\x80", 3, 3, 0xe000);
	expect_decode("\xef\xbf\xbf", 3, 3, 0xffff);
	expect_decode("\xf0\x90\x80\x80", 4, 4, 0x10000);
	expect_decode("\xf0\x9f\x9a\x80", 4, 4, 0x1f680);
	expect_decode("\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff);
	/* Only the first code point is decoded. */
	expect_decode("\xc3\xa9z", 3, 2, 0xe9);
}

static void
test_decode_refuses_malformed(void **state)
{
	(void)state;
	expect_decode("", 0, 0, 0);
	/* Overlong forms of '/', NUL and the first of each length. */
	expect_decode("\xc0\xaf", 2, 0, 0);
	expect_decode("\xc1\xbf", 2, 0, 0);
	expect_decode("\xe0\x80\x80", 3, 0, 0);
	expect_decode("\xe0\x9f\xbf", 3, 0, 0);
	expect_decode("\xf0\x80\x80\x80", 4, 0, 0);
	expect_decode("\xf0\x8f\xbf\xbf", 4, 0, 0);
	/* UTF-16 surrogates. */
	expect_decode("\xed\xa0\x80", 3, 0, 0);
	expect_decode("\xed\xbf\xbf", 3, 0, 0);
	/* Beyond U+10FFFF, and lead bytes that can only start such. */
	expect_decode("\xf4\x90\x80\x80", 4, 0, 0);
	expect_decode("\xf5\x80\x80\x80", 4, 0, 0);
	expect_decode("\xf8\x88\x80\x80\x80", 5, 0, 0);
	expect_decode("\xff", 1, 0, 0);
	/* A continuation byte on its own, or a lead byte without enough. */
	expect_decode("\x80", 1, 0, 0);
	expect_decode("\xbf", 1, 0, 0);
	expect_decode("\xc3(", 2, 0, 0);
	expect_decode("\xe6\xbc(", 3, 0, 0);
	expect_decode("\xf0\x9f\x9a(", 4, 0, 0);
	/* Truncated by the length, though the bytes go on. */
	expect_decode("\xc3\xa9", 1, 0, 0);
	expect_decode("\xe6\xbc\xa2", 2, 0, 0);
	expect_decode("\xf0\x9f\x9a\x80", 3, 0, 0);
}

static void
test_encode_round_trip(void **state)
{
	static const uint32_t points[] = {
		0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff,
		0x10000, 0x1f680, 0x10ffff,
	};
	char buf[4];
	uint32_t back;

	(void)state;
	for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
		size_t n = utf8_encode(points[i], buf);
		size_t want = points[i] < 0x80 ? 1 : points[i] < 0x800 ? 2 : points[i] < 0x10000 ? 3 : 4;

		assert_int_equal(n, want);
		assert_int_equal(utf8_decode(buf, n, &back), n);
		assert_int_equal(back, points[i]);
	}
}

static void
test_valid_reports_first_bad_byte(void **state)
{
	static const char good[] = "plain, caf\xc3\xa9, \xe6\xbc\xa2\xe5\xad\x97, \xf0\x9f\x9a\x80";
	size_t bad = 12345;

	(void)state;
	assert_true(utf8_valid(good, strlen(good), &bad));
	assert_int_equal(bad, 12345);
	assert_true(utf8_valid("", 0, NULL));
	/* NUL is a valid code point; the length, not the terminator, decides. */
	assert_true(utf8_valid("a\0b", 3, NULL));
	assert_false(utf8_valid("abc\xc3(", 5, &bad));
	assert_int_equal(bad, 3);
	assert_false(utf8_valid("ok \xed\xa0\x80", 6, &bad));
	assert_int_equal(bad, 3);
	/* A sequence cut short by the end of the text. */
	assert_false(utf8_valid("\xe6\xbc\xa2\xe6\xbc", 5, &bad));
	assert_int_equal(bad, 3);
	assert_false(utf8_valid("\x80", 1, NULL));
}

static void
test_count(void **state)
{
	(void)state;
	assert_int_equal(utf8_count("", 0), 0);
	assert_int_equal(utf8_count("abc", 3), 3);
	assert_int_equal(utf8_count("caf\xc3\xa9", 5), 4);
	assert_int_equal(utf8_count("\xe6\xbc\xa2\xf0\x9f\x9a\x80", 7), 2);
	/* A stray lead byte counts one; stray continuation bytes do not. */
	assert_int_equal(utf8_count("\xc3z", 2), 2);
}

static void
test_controls(void **state)
{
	static const char esc[] = "red \033[31m";
	static const char c1[] = "csi \xc2\x9b" "31m";
	static const char bad[] = "x\xff";

	(void)state;
	assert_true(utf8_is_control(0));
	assert_true(utf8_is_control(0x1b));
	assert_true(utf8_is_control(0x1f));
	assert_false(utf8_is_control(0x20));
	assert_false(utf8_is_control(0x7e));
	assert_true(utf8_is_control(0x7f));
	assert_true(utf8_is_control(0x80));
	assert_true(utf8_is_control(0x9b));
	assert_true(utf8_is_control(0x9f));
	assert_false(utf8_is_control(0xa0));
	assert_false(utf8_is_control(0x2028));

	assert_null(utf8_find_control("plain caf\xc3\xa9 \xe6\xbc\xa2", false));
	assert_ptr_equal(utf8_find_control(esc, false), esc + 4);
	assert_ptr_equal(utf8_find_control(c1, true), c1 + 4);
	assert_ptr_equal(utf8_find_control(bad, true), bad + 1);
	/* Notes may hold newlines and tabs; nothing else that moves the cursor. */
	assert_non_null(utf8_find_control("a\nb", false));
	assert_null(utf8_find_control("a\nb\tc", true));
	assert_non_null(utf8_find_control("a\r\nb", true));
	assert_non_null(utf8_find_control("a\bb", true));
	assert_non_null(utf8_find_control("a\x7f", true));
}

static void
test_widths(void **state)
{
	(void)state;
	assert_int_equal(utf8_char_width('a'), 1);
	assert_int_equal(utf8_char_width(0xe9), 1);
	assert_int_equal(utf8_char_width(0x301), 0);	/* combining acute */
	assert_int_equal(utf8_char_width(0x200b), 0);	/* zero width space */
	assert_int_equal(utf8_char_width(0xfe0f), 0);	/* variation selector */
	assert_int_equal(utf8_char_width(0x1100), 2);	/* Hangul jamo */
	assert_int_equal(utf8_char_width(0x6f22), 2);	/* CJK */
	assert_int_equal(utf8_char_width(0xac00), 2);	/* Hangul syllable */
	assert_int_equal(utf8_char_width(0xff01), 2);	/* fullwidth ! */
	assert_int_equal(utf8_char_width(0x1f680), 2);	/* rocket */
	assert_int_equal(utf8_char_width(0x20000), 2);	/* CJK extension B */
	assert_int_equal(utf8_char_width(0x2500), 1);	/* box drawing */
	assert_int_equal(utf8_char_width(0x303f), 1);

	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width("caf\xc3\xa9"), 4);
	assert_int_equal(utf8_width("e\xcc\x81"), 1);
	assert_int_equal(utf8_width("\xe6\xbc\xa2\xe5\xad\x97"), 4);
	assert_int_equal(utf8_width("go \xf0\x9f\x9a\x80"), 5);
	/* Malformed bytes take one column each. */
	assert_int_equal(utf8_width("a\xff\xfe"), 3);
}

static void
test_prefix_for_width(void **state)
{
	static const char cjk[] = "\xe6\xbc\xa2\xe5\xad\x97x";
	size_t used = 99;

	(void)state;
	assert_int_equal(utf8_prefix_for_width("abcdef", 3, &used), 3);
	assert_int_equal(used, 3);
	/* A wide character never gets cut in half. */
	assert_int_equal(utf8_prefix_for_width(cjk, 3, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(utf8_prefix_for_width(cjk, 4, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(utf8_prefix_for_width(cjk, 100, &used), 7);
	assert_int_equal(used, 5);
	assert_int_equal(utf8_prefix_for_width(cjk, 0, &used), 0);
	assert_int_equal(used, 0);
	/* A combining mark stays with the letter before it. */
	assert_int_equal(utf8_prefix_for_width("e\xcc\x81z", 1, NULL), 3);
}

/* What utf8_write_printable writes for s. */
static char *
printable(const char *s)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	utf8_write_printable(out, s);
	fclose(out);
	return text;
}

static void
test_write_printable(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "plain text", "plain text" },
		{ "caf\xc3\xa9 \xe2\x86\x92 \xe4\xb8\xad", "caf\xc3\xa9 \xe2\x86\x92 \xe4\xb8\xad" },
		{ "\033[31mred\033[0m", "?[31mred?[0m" },
		{ "tab\tnew\nline\x7f", "tab?new?line?" },
		{ "c1 \xc2\x9b here", "c1 ? here" },	/* U+009B, the 8-bit CSI */
		{ "bad \xff\xfe end", "bad ?? end" },
		{ "cut \xe2\x86", "cut ??" },
		{ "\x01", "?" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = printable(cases[i].in);

		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_boundaries),
		cmocka_unit_test(test_decode_refuses_malformed),
		cmocka_unit_test(test_encode_round_trip),
		cmocka_unit_test(test_valid_reports_first_bad_byte),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_prefix_for_width),
		cmocka_unit_test(test_write_printable),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
