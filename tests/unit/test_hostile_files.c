/*
 * Hostile content: no control character from a file -- C0, DEL, C1, or a
 * whole escape sequence -- reaches any output raw.  The model refuses
 * them in every string it shows; where a file may still carry them (its
 * unknown members, which napkin keeps) or where napkin cleans them (DOT
 * import), every writer is checked: JSON, DOT, Mermaid, SVG, the text
 * canvas and the critique's three reports.  Also: numbers that are not
 * numbers are refused.  (What a file says wrong is refused by the loader
 * with FILE:LINE:COL: tests/data/bad, tests/unit/test_bad_files.c.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critique.h"
#include "diagram_json.h"
#include "dot_import.h"
#include "export.h"
#include "render.h"
#include "utf8.h"
#include "xalloc.h"

/* Sequences a terminal acts on: clear, set the title, write the clipboard, report, DCS, 8-bit CSI. */
static const char *const sequences[] = {
	"\x1b[2J", "\x1b]2;pwned\x07", "\x1b]52;c;cHduZWQ=\x07", "\x1b[6n", "\x1bP+q544e\x1b\\",
	"\xc2\x9b" "31m", "\x1b" "c",
};

/* Every control code point: C0 (but NUL, which C strings cannot hold), DEL, C1. */
static size_t
control_points(uint32_t *out)
{
	size_t n = 0;

	for (uint32_t cp = 1; cp < 0x20; cp++)
		out[n++] = cp;
	for (uint32_t cp = 0x7f; cp <= 0x9f; cp++)
		out[n++] = cp;
	return n;
}

/* Fail unless text[0..len) is UTF-8 without controls (newline and tab aside). */
static void
assert_printable(const char *what, const char *text, size_t len)
{
	const char *bad = memchr(text, '\0', len) != NULL ? text : utf8_find_control(text, true);

	if (bad != NULL)
		fail_msg("%s holds a raw control byte 0x%02x at offset %zu", what, (unsigned char)*bad,
		    (size_t)(bad - text));
}

/* --- The model refuses them --- */

static void
test_model_refuses_every_control(void **state)
{
	uint32_t points[64];
	size_t count = control_points(points);
	struct diagram *d = diagram_new();
	const struct node *a = diagram_add_node(d, "a", KIND_SERVICE, "A", 0, 0, NULL);
	const struct node *b = diagram_add_node(d, "b", KIND_DB, "B", 30, 0, NULL);
	const struct edge *e = diagram_connect(d, a, b, "SQL", EDGE_SYNC, NULL);
	const struct group *g = diagram_add_group(d, "vpc", "VPC", NULL);

	(void)state;
	for (size_t i = 0; i < count; i++) {
		char text[16], want[64];
		struct napkin_error err;
		size_t n = utf8_encode(points[i], text + 1);

		text[0] = 'x';
		text[1 + n] = 'y';
		text[2 + n] = '\0';
		snprintf(want, sizeof want, "contains the control character U+%04X", (unsigned)points[i]);
		assert_null(diagram_add_node(d, NULL, KIND_CACHE, text, 60, 0, &err));
		assert_non_null(strstr(err.message, want));
		assert_false(diagram_set_title(d, text, &err));
		assert_false(diagram_set_node_label(d, a, text, &err));
		assert_false(diagram_set_node_tech(d, a, text, &err));
		assert_false(diagram_set_edge_label(d, e, text, &err));
		assert_false(diagram_set_group_label(d, g, text, &err));
		assert_null(diagram_connect(d, b, a, text, EDGE_ASYNC, &err));
		/* Notes may hold lines and tabs, and nothing else. */
		assert_int_equal(diagram_set_node_notes(d, a, text, &err), points[i] == '\n' || points[i] == '\t');
	}
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++)
		assert_false(diagram_set_node_label(d, a, sequences[i], NULL));
	diagram_free(d);
}

/* NaN, infinities and numbers past the limits are refused, not stored. */
static void
test_model_refuses_non_numbers(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a = diagram_add_node(d, "a", KIND_CLIENT, "A", 0, 0, NULL);
	const struct node *b = diagram_add_node(d, "b", KIND_SERVICE, "B", 30, 0, NULL);
	const struct edge *e = diagram_connect(d, a, b, "", EDGE_SYNC, NULL);
	const double bad[] = { NAN, INFINITY, -INFINITY, 1e300, -1.0 };

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(diagram_set_node_capacity(d, b, bad[i], NULL));
		assert_false(diagram_set_node_rps(d, a, bad[i], NULL));
		assert_false(diagram_set_edge_ratio(d, e, bad[i], NULL));
	}
	assert_false(diagram_move_node(d, a, NAPKIN_COORD_MAX + 1, 0, NULL));
	assert_false(diagram_set_node_replicas(d, b, NAPKIN_REPLICAS_MAX + 1, NULL));
	assert_true(isfinite(b->capacity) && isfinite(a->rps) && isfinite(e->ratio));
	diagram_free(d);
}

/* --- What a file may still carry, through every writer --- */

/* A JSON string literal of every control and sequence, escaped as a file would have them. */
static char *
escaped_everything(void)
{
	uint32_t points[64];
	size_t count = control_points(points);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	fputc('"', out);
	for (size_t i = 0; i < count; i++)
		fprintf(out, "\\u%04x", (unsigned)points[i]);
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++) {
		for (const unsigned char *c = (const unsigned char *)sequences[i]; *c != '\0'; c++) {
			if (*c < 0x20)
				fprintf(out, "\\u%04x", *c);
			else if (*c == 0xc2 && c[1] >= 0x80 && c[1] <= 0x9f)
				fprintf(out, "\\u%04x", *++c);
			else
				fputc(*c, out);
		}
	}
	fputc('"', out);
	fclose(out);
	return text;
}

static struct diagram *
diagram_with_hostile_extras(void)
{
	char *s = escaped_everything();
	char *json = xasprintf("{\"napkin\": 1, \"title\": \"Hostile\", \"x-top\": %s,"
	    " \"nodes\": [{\"id\": \"api\", \"kind\": \"service\", \"label\": \"API\","
	    " \"notes\": \"line one\\nline two\\tindented\", \"x-node\": [%s, {\"%s\": 1}]},"
	    " {\"id\": \"db\", \"kind\": \"db\", \"label\": \"Orders\", \"x\": 30}],"
	    " \"edges\": [{\"from\": \"api\", \"to\": \"db\", \"label\": \"SQL\", \"x-edge\": %s}],"
	    " \"groups\": [{\"id\": \"vpc\", \"label\": \"VPC\", \"members\": [\"db\"], \"x-group\": %s}]}",
	    s, s, "key\\u001b[31m", s, s);
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_buffer("hostile.json", json, strlen(json), &errors);

	if (d == NULL) {
		error_list_print(&errors, stderr);
		fail_msg("the hostile diagram did not load");
	}
	free(json);
	free(s);
	return d;
}

typedef bool (*writer)(const struct diagram *, const struct export_options *, FILE *);

static void
check_writer(const char *what, writer write, const struct diagram *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_true(write(d, NULL, out));
	fclose(out);
	assert_printable(what, text, len);
	free(text);
}

static void
test_unknown_members_never_reach_outputs_raw(void **state)
{
	struct diagram *d = diagram_with_hostile_extras();
	struct critique *c = critique_run(d);
	const enum critique_format formats[] = { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF };
	struct napkin_error err;
	char *text;
	size_t len;
	FILE *out;

	(void)state;
	text = diagram_to_json(d, &len);
	assert_printable("saved JSON", text, len);
	/* Kept, escaped: the file says what it said. */
	assert_non_null(strstr(text, "\\u001b]2;pwned\\u0007"));
	assert_non_null(strstr(text, "\\u009b31m"));
	free(text);
	check_writer("DOT", dot_export_write, d);
	check_writer("Mermaid", mermaid_export_write, d);
	for (int ascii = 0; ascii <= 1; ascii++) {
		text = render_text(d, ascii, &len);
		assert_printable("text canvas", text, len);
		free(text);
	}
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		text = NULL;
		out = open_memstream(&text, &len);
		assert_true(critique_write(c, "hostile\x1b[2J.json", formats[i], out));
		fclose(out);
		assert_printable("critique report", text, len);
		free(text);
	}
	text = NULL;
	out = open_memstream(&text, &len);
	if (dot_render(d, NULL, EXPORT_SVG, out, &err)) {
		fclose(out);
		assert_printable("SVG", text, len);
	} else {
		fclose(out);
		print_message("SVG not checked: %s\n", err.message);
	}
	free(text);
	critique_free(c);
	diagram_free(d);
}

/* DOT import cleans what napkin cannot hold; the result is clean everywhere. */
static void
test_dot_import_cleans_every_control(void **state)
{
	uint32_t points[64];
	size_t count = control_points(points);
	char *dot = NULL, *json;
	size_t len = 0;
	FILE *out = open_memstream(&dot, &len);
	struct error_list warnings = { 0 }, errors = { 0 };
	struct diagram *d;
	static const char version[] = "digraph { napkin=\"2\x1b]0;x\x07\"; a [napkin_pos=\"0,0\"] }";

	(void)state;
	fputs("digraph \"T\x1b[2Jitle\" {\n", out);
	for (size_t i = 0; i < count; i++) {
		char cp[8];

		if (points[i] == '"' || points[i] == '\\')
			continue;
		cp[utf8_encode(points[i], cp)] = '\0';
		fprintf(out, "  \"n%zu%s\" [label=\"L%s\" tech=\"T%s\" napkin_pos=\"%zu,0\"];\n", i, cp, cp, cp, i * 30);
		if (i > 0)
			fprintf(out, "  \"n%zu%s\" -> \"n0\x01\" [label=\"E%s\"];\n", i, cp, cp);
	}
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++) {
		fprintf(out, "  s%zu [label=\"", i);
		for (const char *c = sequences[i]; *c != '\0'; c++)
			fprintf(out, *c == '\\' || *c == '"' ? "\\%c" : "%c", *c);
		fputs("\"];\n", out);
	}
	fputs("  bad [label=\"\xff\xfe half \xe2\x82\"];\n  subgraph cluster_c { label=\"C\x1b]0;x\x07\"; s0 }\n}\n", out);
	fclose(out);
	d = dot_import_buffer("hostile.dot", dot, len, NULL, &warnings, &errors);
	if (d == NULL) {
		error_list_print(&errors, stderr);
		fail_msg("the hostile DOT did not import");
	}
	for (size_t i = 0; i < warnings.count; i++)
		assert_printable("import warning", warnings.messages[i], strlen(warnings.messages[i]));
	assert_null(utf8_find_control(diagram_title(d), false));
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);

		assert_null(utf8_find_control(n->id, false));
		assert_null(utf8_find_control(n->label, false));
		assert_null(utf8_find_control(n->tech, false));
	}
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		assert_null(utf8_find_control(diagram_edge(d, i)->label, false));
	for (size_t i = 0; i < diagram_group_count(d); i++)
		assert_null(utf8_find_control(diagram_group(d, i)->label, false));
	json = diagram_to_json(d, &len);
	assert_printable("imported JSON", json, len);
	free(json);
	check_writer("DOT of the import", dot_export_write, d);
	diagram_free(d);
	error_list_clear(&warnings);
	error_list_clear(&errors);
	free(dot);
	/* The version, quoted in a warning of its own. */
	d = dot_import_buffer("version.dot", version, strlen(version), NULL, &warnings, &errors);
	assert_non_null(d);
	assert_int_equal(warnings.count, 1);
	assert_printable("version warning", warnings.messages[0], strlen(warnings.messages[0]));
	assert_non_null(strstr(warnings.messages[0], "written by a newer napkin (napkin=2?]0;x?)"));
	diagram_free(d);
	error_list_clear(&warnings);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_refuses_every_control),
		cmocka_unit_test(test_model_refuses_non_numbers),
		cmocka_unit_test(test_unknown_members_never_reach_outputs_raw),
		cmocka_unit_test(test_dot_import_cleans_every_control),
	};

	return cmocka_run_group_tests_name("hostile_files", tests, NULL, NULL);
}
