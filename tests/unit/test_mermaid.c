/*
 * Mermaid export: every line is one Mermaid can parse -- ids of letters,
 * digits and '_' that are not keywords, quoted labels holding none of the
 * characters Mermaid or its HTML would act on -- and the drawing says
 * what the diagram says (shapes per kind, dotted async arrows, subgraphs).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "support_awkward.h"
#include "xalloc.h"

static char *
to_mermaid(const struct diagram *d, const struct export_options *o)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	assert_true(mermaid_export_write(d, o, out));
	fclose(out);
	return text;
}

static bool
valid_id(const char *s, size_t len)
{
	static const char *const keywords[] = { "end", "graph", "flowchart", "subgraph", "style",
	    "class", "classDef", "click", "default", "direction", "linkStyle", "call", "href" };

	if (len == 0 || !isalpha((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return false;
	}
	for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
		if (strlen(keywords[k]) == len && strncasecmp(keywords[k], s, len) == 0)
			return false;
	}
	return true;
}

/* The text between a pair of quotes holds no quote, no # that is not an entity, no < > | `. */
static void
check_quoted(const char *text, size_t len, const char *line)
{
	for (size_t i = 0; i < len; i++) {
		if (strchr("\"<>|`\n", text[i]) != NULL && !(text[i] == '<' && strncmp(text + i, "<br>", 4) == 0))
			fail_msg("unescaped %c in: %s", text[i], line);
		if (text[i] == '<')
			i += 3;
		if (text[i] == '#') {
			size_t j = i + 1;

			while (j < len && (isalnum((unsigned char)text[j])))
				j++;
			if (j == i + 1 || j >= len || text[j] != ';')
				fail_msg("a # that is not an entity in: %s", line);
		}
	}
}

/* Every line is a header, a comment, a node, an edge, a subgraph line or a style line. */
static void
check_lines(const char *chart)
{
	char *copy = xstrdup(chart), *next;

	for (char *line = copy; line != NULL && *line != '\0'; line = next) {
		const char *p = line, *q;

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		while (*p == ' ')
			p++;
		if (strncmp(p, "%% ", 3) == 0 || strncmp(p, "flowchart ", 10) == 0 || strcmp(p, "end") == 0 ||
		    strncmp(p, "classDef ", 9) == 0 || strncmp(p, "class ", 6) == 0 ||
		    strncmp(p, "style ", 6) == 0)
			continue;
		if (strncmp(p, "subgraph ", 9) == 0)
			p += 9;
		q = p;
		while (isalnum((unsigned char)*q) || *q == '_')
			q++;
		if (!valid_id(p, (size_t)(q - p)))
			fail_msg("bad id in: %s", line);
		/* Quoted parts: each opening quote has a closing one, with clean text between. */
		for (const char *open = strchr(q, '"'); open != NULL; open = strchr(open + 1, '"')) {
			const char *close = strchr(open + 1, '"');

			if (close == NULL)
				fail_msg("unclosed quote in: %s", line);
			check_quoted(open + 1, (size_t)(close - open - 1), line);
			open = close;
		}
	}
	free(copy);
}

/* Each of the NULL-terminated lines appears in chart. */
static void
expect_all(const char *chart, const char *const *lines)
{
	for (; *lines != NULL; lines++) {
		if (strstr(chart, *lines) == NULL)
			fail_msg("the chart lacks %s\nchart:\n%s", *lines, chart);
	}
}

static void
test_awkward_diagrams_give_valid_lines(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 200; seed++) {
		struct diagram *d = awkward_diagram(seed, seed % 17);
		char *chart = to_mermaid(d, NULL);

		check_lines(chart);
		free(chart);
		diagram_free(d);
	}
}

static void
test_fixture_reads_right(void **state)
{
	char *path = awkward_path("tests/data/export/photo-sharing.json");
	struct diagram *d = awkward_load(path);
	enum export_outline *outlines = xcalloc(diagram_node_count(d), sizeof *outlines);
	struct export_options o = { DIRECTION_TB, outlines, false };
	char *chart;

	(void)state;
	outlines[diagram_find_node(d, "posts")->index] = OUTLINE_ERROR;
	chart = to_mermaid(d, &o);
	check_lines(chart);
	expect_all(chart, (const char *const[]){
		"%% Photo sharing\nflowchart TB\n",
		"    subgraph group_vpc [\"VPC us-east-1\"]\n",
		"        posts[(\"Posts<br>PostgreSQL 16 \xc2\xb7 x2\")]\n",
		"    users([\"Mobile users\"])\n",
		"    upload -.->|\"photo.uploaded\"| events\n",
		"    lb -->|\"read feed (90%)\"| feed\n",
		"    classDef db fill:#fff3e0",
		"    style posts stroke:#d32f2f,stroke-width:3px\n",
		NULL
	});
	free(chart);
	free(outlines);
	free(path);
	diagram_free(d);
}

static void
test_ids_and_labels_made_safe(void **state)
{
	struct diagram *d = diagram_new();
	struct napkin_error err;
	const struct node *a = diagram_add_node(d, "end", KIND_SERVICE, "say \"hi\" <b>#1|`x`", 0, 0, &err);
	const struct node *b = diagram_add_node(d, "a-b", KIND_DB, "a-b", 0, 0, &err);
	const struct node *c = diagram_add_node(d, "a_b", KIND_DB, "a_b", 0, 0, &err);
	const struct node *e = diagram_add_node(d, "9lives", KIND_CACHE, "cat", 0, 0, &err);
	char *chart;

	(void)state;
	assert_non_null(diagram_connect(d, a, b, "", EDGE_ASYNC, &err));
	assert_non_null(diagram_connect(d, c, e, "", EDGE_SYNC, &err));
	chart = to_mermaid(d, NULL);
	check_lines(chart);
	expect_all(chart, (const char *const[]){
		"    n_end[\"say #quot;hi#quot; #lt;b#gt;#35;1#124;#96;x#96;\"]\n",
		"    a_b[(\"a-b\")]\n",
		"    a_b_2[(\"a_b\")]\n",
		"    n_9lives(\"cat\")\n",
		"    n_end -.-> a_b\n",
		"    a_b_2 --> n_9lives\n",
		NULL
	});
	free(chart);
	diagram_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_awkward_diagrams_give_valid_lines),
		cmocka_unit_test(test_fixture_reads_right),
		cmocka_unit_test(test_ids_and_labels_made_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
