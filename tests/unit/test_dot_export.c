/*
 * DOT export: what Graphviz draws (checked by reading the DOT back with
 * libcgraph and by running dot on it) and what napkin reads back (JSON ->
 * DOT -> JSON must give the same diagram, for the templates, a fixture
 * using every field and hundreds of generated awkward diagrams).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <graphviz/cgraph.h>

#include "diagram_json.h"
#include "dot_import.h"
#include "export.h"
#include "support_awkward.h"
#include "xalloc.h"

static char *
to_dot(const struct diagram *d, const struct export_options *o)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	assert_non_null(out);
	assert_true(dot_export_write(d, o, out));
	fclose(out);
	return text;
}

/* JSON -> DOT -> JSON gives the same text, and napkin's own DOT raises no warning. */
static void
assert_round_trip(const struct diagram *d)
{
	struct error_list warnings = { 0 }, errors = { 0 };
	char *dot = to_dot(d, NULL), *before = diagram_to_json(d, NULL), *after;
	struct diagram *back = dot_import_buffer("export.dot", dot, strlen(dot), NULL, &warnings, &errors);

	error_list_print(&errors, stderr);
	error_list_print(&warnings, stderr);
	assert_non_null(back);
	assert_int_equal(warnings.count, 0);
	after = diagram_to_json(back, NULL);
	if (strcmp(before, after) != 0)
		fprintf(stderr, "DOT was:\n%s\nJSON before:\n%s\nJSON after:\n%s\n", dot, before, after);
	assert_string_equal(before, after);
	free(after);
	free(before);
	free(dot);
	diagram_free(back);
	error_list_clear(&warnings);
	error_list_clear(&errors);
}

/* dot -Tsvg accepts the DOT and says nothing at all. */
static void
assert_dot_accepts(const struct diagram *d, const struct export_options *o)
{
	char *dot = to_dot(d, o), *path = awkward_temp_file(dot, strlen(dot), ".dot"), *err = NULL;
	char *argv[] = { "dot", "-Tsvg", "-o", "/dev/null", path, NULL };
	int status = awkward_run(argv, &err);

	if (status != 0 || err[0] != '\0')
		fprintf(stderr, "dot said (status %d): %s\nfor:\n%s\n", status, err, dot);
	assert_int_equal(status, 0);
	assert_string_equal(err, "");
	unlink(path);
	free(path);
	free(err);
	free(dot);
}

static struct diagram *
fixture(void)
{
	char *path = awkward_path("tests/data/export/photo-sharing.json");
	struct diagram *d = awkward_load(path);

	free(path);
	return d;
}

static void
test_templates_round_trip(void **state)
{
	size_t count;
	struct diagram **list = awkward_templates(&count);

	(void)state;
	for (size_t i = 0; i < count; i++)
		assert_round_trip(list[i]);
	awkward_free_all(list, count);
}

static void
test_fixture_round_trip(void **state)
{
	struct diagram *d = fixture();

	(void)state;
	assert_round_trip(d);
	diagram_free(d);
}

static void
test_awkward_round_trip(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 300; seed++) {
		struct diagram *d = awkward_diagram(seed, seed % 23);

		assert_round_trip(d);
		diagram_free(d);
	}
}

static void
test_dot_accepts_everything_napkin_writes(void **state)
{
	size_t count;
	struct diagram **list = awkward_templates(&count);
	struct diagram *d = fixture();
	enum export_outline outlines[13] = { OUTLINE_ERROR, OUTLINE_NONE, OUTLINE_WARNING };
	struct export_options tb = { DIRECTION_TB, outlines, false };

	(void)state;
	for (size_t i = 0; i < count; i++)
		assert_dot_accepts(list[i], NULL);
	assert_dot_accepts(d, NULL);
	assert_dot_accepts(d, &tb);
	diagram_free(d);
	for (unsigned seed = 1; seed <= 40; seed++) {
		d = awkward_diagram(seed * 7, 12);
		assert_dot_accepts(d, NULL);
		diagram_free(d);
	}
	awkward_free_all(list, count);
}

/* The DOT of d read back by libcgraph. */
static Agraph_t *
read_back(const struct diagram *d, const struct export_options *o)
{
	char *dot = to_dot(d, o);
	Agraph_t *g = agmemread(dot);

	free(dot);
	assert_non_null(g);
	return g;
}

static void
test_drawn_like_an_architecture_diagram(void **state)
{
	struct diagram *d = fixture();
	Agraph_t *g = read_back(d, NULL);
	Agraph_t *vpc = agsubg(g, "cluster_vpc", 0);

	(void)state;
	assert_string_equal(agget(g, "rankdir"), "LR");
	assert_string_equal(agget(g, "label"), "Photo sharing");
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);
		Agnode_t *gn = agnode(g, n->id, 0);
		const struct kind_info *info = kind_info(n->kind);

		assert_non_null(gn);
		assert_string_equal(agget(gn, "shape"), info->dot_shape);
		assert_string_equal(agget(gn, "style"), info->dot_style);
		assert_string_equal(agget(gn, "fillcolor"), info->dot_fill);
		assert_true(aghtmlstr(agget(gn, "label")));
		assert_non_null(strstr(agget(gn, "label"), n->label));
		assert_string_equal(agget(gn, "peripheries"), n->replicas > 1 ? "2" : "1");
		if (n->replicas > 1) {
			char replicas[16];

			snprintf(replicas, sizeof replicas, "x%d", n->replicas);
			assert_non_null(strstr(agget(gn, "label"), replicas));
		}
		assert_true(n->managed == (strstr(agget(gn, "label"), "managed") != NULL));
	}
	for (size_t i = 0; i < diagram_edge_count(d); i++) {
		const struct edge *e = diagram_edge(d, i);
		Agedge_t *ge = agedge(g, agnode(g, e->from->id, 0), agnode(g, e->to->id, 0), NULL, 0);

		assert_non_null(ge);
		assert_string_equal(agget(ge, "style"), e->mode == EDGE_ASYNC ? "dashed" : "");
		assert_non_null(strstr(agget(ge, "label"), e->label));
	}
	assert_non_null(vpc);
	assert_string_equal(agget(vpc, "label"), "VPC us-east-1");
	assert_non_null(agnode(vpc, "feed", 0));
	assert_null(agnode(vpc, "posts", 0));
	assert_non_null(strstr(agget(agnode(g, "feed", 0), "label"), "Go \xc2\xb7 x6"));
	agclose(g);
	diagram_free(d);
}

static void
test_rankdir_and_critique_outlines(void **state)
{
	struct diagram *d = fixture();
	enum export_outline *outlines = xcalloc(diagram_node_count(d), sizeof *outlines);
	struct export_options o = { DIRECTION_TB, outlines, false };
	Agraph_t *g;

	(void)state;
	outlines[diagram_find_node(d, "posts")->index] = OUTLINE_ERROR;
	outlines[diagram_find_node(d, "lb")->index] = OUTLINE_WARNING;
	g = read_back(d, &o);
	assert_string_equal(agget(g, "rankdir"), "TB");
	assert_string_equal(agget(agnode(g, "posts", 0), "color"), "#d32f2f");
	assert_string_equal(agget(agnode(g, "lb", 0), "color"), "#f57c00");
	assert_string_equal(agget(agnode(g, "lb", 0), "penwidth"), "3");
	assert_string_equal(agget(agnode(g, "feed", 0), "color"), "#37474f");
	agclose(g);
	/* Without outlines nothing is marked. */
	g = read_back(d, NULL);
	assert_string_equal(agget(agnode(g, "posts", 0), "color"), "#37474f");
	agclose(g);
	free(outlines);
	diagram_free(d);
}

/*
 * libcgraph keeps one copy of equal strings, HTML flag and all: an edge
 * labelled exactly like a node's HTML label must not turn into HTML, nor
 * the node's label into plain text.
 */
static void
test_html_label_never_shared_with_plain_text(void **state)
{
	struct diagram *d = diagram_new();
	struct napkin_error err;
	const struct node *a = diagram_add_node(d, "a", KIND_SERVICE, "api", 0, 0, &err);
	const struct node *b = diagram_add_node(d, "b", KIND_SERVICE, "<B>api</B>", 30, 0, &err);
	Agraph_t *g;

	(void)state;
	assert_non_null(diagram_connect(d, a, b, "<B>api</B>", EDGE_SYNC, &err));
	g = read_back(d, NULL);
	assert_true(aghtmlstr(agget(agnode(g, "a", 0), "label")));
	assert_false(aghtmlstr(agget(agfstout(g, agnode(g, "a", 0)), "label")));
	assert_string_equal(agget(agfstout(g, agnode(g, "a", 0)), "label"), "<B>api</B>");
	agclose(g);
	assert_dot_accepts(d, NULL);
	assert_round_trip(d);
	diagram_free(d);
}

static void
test_empty_diagram(void **state)
{
	struct diagram *d = diagram_new();
	Agraph_t *g = read_back(d, NULL);

	(void)state;
	assert_int_equal(agnnodes(g), 0);
	assert_true(agattr(g, AGRAPH, "label", NULL) == NULL || agget(g, "label")[0] == '\0');
	agclose(g);
	assert_dot_accepts(d, NULL);
	assert_round_trip(d);
	diagram_free(d);
}

/* docs/export.md shows every kind's shape and fill as the kind table has them. */
static void
test_documented_shapes_are_the_table(void **state)
{
	char *path = awkward_path("docs/export.md"), *doc = awkward_read_file(path, NULL);

	(void)state;
	assert_non_null(doc);
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *info = kind_info((enum node_kind)k);
		char *style = xstrdup(info->dot_style), *row;

		for (char *c = strchr(style, ','); c != NULL; c = strchr(c, ','))
			*c = ' ';
		row = xasprintf("\n| `%s` | `%s` | %s | `%s` |", info->name, info->dot_shape, style,
		    info->dot_fill);
		if (strstr(doc, row) == NULL)
			fail_msg("docs/export.md lacks the row%s", row);
		free(row);
		free(style);
	}
	free(doc);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_templates_round_trip),
		cmocka_unit_test(test_fixture_round_trip),
		cmocka_unit_test(test_awkward_round_trip),
		cmocka_unit_test(test_dot_accepts_everything_napkin_writes),
		cmocka_unit_test(test_drawn_like_an_architecture_diagram),
		cmocka_unit_test(test_rankdir_and_critique_outlines),
		cmocka_unit_test(test_html_label_never_shared_with_plain_text),
		cmocka_unit_test(test_empty_diagram),
		cmocka_unit_test(test_documented_shapes_are_the_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
