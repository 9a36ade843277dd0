/* Strings between napkin and Graphviz: escaping, reducing labels, cleaning text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dot_text.h"

#define CHECK(call, expected)                         \
	do {                                          \
		char *got_ = (call);                  \
		assert_string_equal(got_, expected);  \
		free(got_);                           \
	} while (0)

static void
test_escape_round_trips(void **state)
{
	static const char *const strings[] = {
		"", "plain", "a\\", "\\\\", "a\\\"b", "\"", "two\nlines", "\\N and \\G", "tab\there",
		"ünï<>&", "\\n literally", "end\\\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		char *escaped = dot_escape(strings[i]);

		/* No odd run of backslashes before a quote or at the end, no raw newline. */
		assert_null(strchr(escaped, '\n'));
		CHECK(dot_unescape(escaped, "node", "graph"), strings[i]);
		free(escaped);
	}
	CHECK(dot_escape("C:\\dir\nx"), "C:\\\\dir\\nx");
}

static void
test_unescape_as_graphviz_draws(void **state)
{
	(void)state;
	CHECK(dot_unescape("\\N server", "api", "g"), "api server");
	CHECK(dot_unescape("in \\G", "api", "shop"), "in shop");
	CHECK(dot_unescape("\\N", NULL, NULL), "\\N");
	CHECK(dot_unescape("left\\lright\\r", NULL, NULL), "left\nright\n");
	CHECK(dot_unescape("\\x\\\\", NULL, NULL), "x\\");
	CHECK(dot_unescape("trailing\\", NULL, NULL), "trailing\\");
}

static void
test_html_and_record_labels(void **state)
{
	(void)state;
	CHECK(dot_html_text("<B>Orders</B><BR/><FONT POINT-SIZE=\"9\">(Go)</FONT>"), "Orders\n(Go)");
	CHECK(dot_html_text("<TABLE><TR><TD>a</TD><TD>b</TD></TR></TABLE>"), "a\nb\n\n");
	CHECK(dot_html_text("R&amp;D &lt;x&gt; &#233;&#x263A; &bogus; &"), "R&D <x> é☺ &bogus; &");
	CHECK(dot_html_text("&#0; &#xD800; &#1114112;"), "&#0; &#xD800; &#1114112;");
	CHECK(dot_html_text("unclosed <B"), "unclosed ");
	CHECK(dot_record_text("{<f0> left|<f1> mid\\ dle|right}"), "  left  mid dle right ");
	CHECK(dot_record_text("a\\|b\\{c"), "a|b{c");
}

static void
test_xml_text(void **state)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	(void)state;
	dot_write_xml_text(out, "a<b>&\"c\" ] \xef\xbf\xbe \xff é");
	fclose(out);
	assert_string_equal(text, "a&lt;b&gt;&amp;&quot;c&quot; &#93; \xef\xbf\xbd \xef\xbf\xbd é");
	free(text);
}

static void
test_drawable(void **state)
{
	const char *fine = "plain é";
	const char *bad = "x\xef\xbf\xbfy";
	const char *made;

	(void)state;
	assert_ptr_equal(dot_drawable(fine), fine);
	made = dot_drawable(bad);
	assert_ptr_not_equal(made, bad);
	assert_string_equal(made, "x\xef\xbf\xbdy");
	free((char *)made);
}

static void
test_numbers(void **state)
{
	char buf[32];

	(void)state;
	dot_format_number(8000, buf);
	assert_string_equal(buf, "8000");
	dot_format_number(0.1, buf);
	assert_string_equal(buf, "0.1");
	dot_format_number(1.0 / 3, buf);
	assert_true(strtod(buf, NULL) == 1.0 / 3);
	dot_format_number(1e-7, buf);
	assert_true(strtod(buf, NULL) == 1e-7);
}

static void
test_clean_and_squeeze(void **state)
{
	bool changed;
	char *s;

	(void)state;
	s = text_clean("fine é", 100, false, &changed);
	assert_string_equal(s, "fine é");
	assert_false(changed);
	free(s);
	s = text_clean("bell\a esc\033 c1\xc2\x85 bad\xff", 100, false, &changed);
	assert_string_equal(s, "bell  esc  c1  bad\xef\xbf\xbd");
	assert_true(changed);
	free(s);
	s = text_clean("keep\nlines\tand tabs", 100, true, &changed);
	assert_string_equal(s, "keep\nlines\tand tabs");
	assert_false(changed);
	free(s);
	/* Cut on a character boundary: é is two bytes. */
	s = text_clean("abé", 3, false, &changed);
	assert_string_equal(s, "ab");
	assert_true(changed);
	free(s);
	s = strdup("  a \n\t b  ");
	text_squeeze(s);
	assert_string_equal(s, "a b");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_round_trips),
		cmocka_unit_test(test_unescape_as_graphviz_draws),
		cmocka_unit_test(test_html_and_record_labels),
		cmocka_unit_test(test_xml_text),
		cmocka_unit_test(test_drawable),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_clean_and_squeeze),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
