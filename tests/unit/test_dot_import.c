/*
 * DOT import, driven by the corpus in tests/data/dot: each file states
 * what its import must give in "// expect:" comments (see the README
 * there).  Every import that succeeds must also save as a valid napkin
 * file, and a laid-out one must keep its boxes two cells apart.  Mutated
 * copies of the corpus check that no input crashes the importer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_json.h"
#include "dot_import.h"
#include "geometry.h"
#include "layout.h"
#include "support_awkward.h"
#include "xalloc.h"

struct outcome {
	struct diagram *d;
	struct dot_import_summary summary;
	struct error_list warnings, errors;
};

static void
import(struct outcome *o, const char *name, const char *data, size_t len)
{
	*o = (struct outcome){ 0 };
	o->d = dot_import_buffer(name, data, len, &o->summary, &o->warnings, &o->errors);
}

static void
outcome_free(struct outcome *o)
{
	diagram_free(o->d);
	error_list_clear(&o->warnings);
	error_list_clear(&o->errors);
}

static bool
list_has(const struct error_list *list, const char *text)
{
	for (size_t i = 0; i < list->count; i++) {
		if (strstr(list->messages[i], text) != NULL)
			return true;
	}
	return false;
}

static const struct edge *
find_edge(const struct diagram *d, const char *from, const char *to, const char *mode, const char *label)
{
	for (size_t i = 0; i < diagram_edge_count(d); i++) {
		const struct edge *e = diagram_edge(d, i);

		if (strcmp(e->from->id, from) == 0 && strcmp(e->to->id, to) == 0 &&
		    strcmp(edge_mode_name(e->mode), mode) == 0 && (label == NULL || strcmp(e->label, label) == 0))
			return e;
	}
	return NULL;
}

static const struct node *
node(const struct diagram *d, const char *id, const char *file)
{
	const struct node *n = diagram_find_node(d, id);

	if (n == NULL)
		fail_msg("%s: no node %s", file, id);
	return n;
}

/* What every import owes: a valid napkin file, and boxes apart when laid out. */
static void
check_invariants(const struct outcome *o, const char *file)
{
	struct error_list errors = { 0 };
	size_t len;
	char *json = diagram_to_json(o->d, &len);
	struct diagram *again = diagram_load_buffer(file, json, len, &errors);
	size_t count = diagram_node_count(o->d);

	error_list_print(&errors, stderr);
	assert_non_null(again);
	diagram_free(again);
	free(json);
	error_list_clear(&errors);
	if (!o->summary.laid_out)
		return;
	for (size_t i = 0; i < count; i++) {
		struct box a = node_footprint(diagram_node(o->d, i));
		struct box grown = { a.x - LAYOUT_GAP, a.y - LAYOUT_GAP, a.width + 2 * LAYOUT_GAP,
		    a.height + 2 * LAYOUT_GAP };

		for (size_t j = i + 1; j < count; j++) {
			if (box_overlap(grown, node_footprint(diagram_node(o->d, j))))
				fail_msg("%s: %s and %s are closer than %d cells", file,
				    diagram_node(o->d, i)->id, diagram_node(o->d, j)->id, LAYOUT_GAP);
		}
	}
}

/* Check one "expect:" line against the outcome. */
static void
check_expectation(const struct outcome *o, const char *file, const char *line)
{
	char verb[32], a[256] = "", b[256] = "", c[256] = "";
	const char *rest;
	int n = 0;

	if (sscanf(line, "%31s%n", verb, &n) != 1)
		fail_msg("%s: empty expectation", file);
	rest = line + n + (line[n] == ' ');
	if (strcmp(verb, "error") == 0) {
		if (o->d != NULL || !list_has(&o->errors, rest))
			fail_msg("%s: expected the error \"%s\"", file, rest);
		return;
	}
	if (o->d == NULL) {
		error_list_print(&o->errors, stderr);
		fail_msg("%s: import failed", file);
	}
	if (strcmp(verb, "warning") == 0) {
		if (!list_has(&o->warnings, rest)) {
			error_list_print(&o->warnings, stderr);
			fail_msg("%s: expected a warning with \"%s\"", file, rest);
		}
	} else if (strcmp(verb, "warnings") == 0) {
		if (o->warnings.count != strtoul(rest, NULL, 10)) {
			error_list_print(&o->warnings, stderr);
			fail_msg("%s: expected %s warnings, got %zu", file, rest, o->warnings.count);
		}
	} else if (strcmp(verb, "nodes") == 0) {
		assert_int_equal(diagram_node_count(o->d), strtoul(rest, NULL, 10));
	} else if (strcmp(verb, "edges") == 0) {
		assert_int_equal(diagram_edge_count(o->d), strtoul(rest, NULL, 10));
	} else if (strcmp(verb, "groups") == 0) {
		assert_int_equal(diagram_group_count(o->d), strtoul(rest, NULL, 10));
	} else if (strcmp(verb, "title") == 0) {
		assert_string_equal(diagram_title(o->d), rest);
	} else if (sscanf(rest, "%255s%n", a, &n) == 1 && strcmp(verb, "label") == 0) {
		assert_string_equal(node(o->d, a, file)->label, rest + n + 1);
	} else if (strcmp(verb, "grouplabel") == 0) {
		const struct group *g = diagram_find_group(o->d, a);

		if (g == NULL)
			fail_msg("%s: no group %s", file, a);
		assert_string_equal(g->label, rest + n + 1);
	} else if (strcmp(verb, "kind") == 0 && sscanf(rest, "%255s %255s", a, b) == 2) {
		if (strcmp(kind_name(node(o->d, a, file)->kind), b) != 0)
			fail_msg("%s: node %s is a %s, not a %s", file, a, kind_name(node(o->d, a, file)->kind), b);
	} else if (strcmp(verb, "group") == 0 && sscanf(rest, "%255s %255s", a, b) == 2) {
		const struct group *g = node(o->d, a, file)->group;

		if (strcmp(g != NULL ? g->id : "-", b) != 0)
			fail_msg("%s: node %s is in %s, not %s", file, a, g != NULL ? g->id : "no group", b);
	} else if (strcmp(verb, "position") == 0 && sscanf(rest, "%255s %255s %255s", a, b, c) == 3) {
		assert_int_equal(node(o->d, a, file)->x, atoi(b));
		assert_int_equal(node(o->d, a, file)->y, atoi(c));
	} else if (strcmp(verb, "edge") == 0 && sscanf(rest, "%255s %255s %255s%n", a, b, c, &n) == 3) {
		const char *label = rest[n] == ' ' ? rest + n + 1 : NULL;

		if (find_edge(o->d, a, b, c, label) == NULL)
			fail_msg("%s: no %s edge %s -> %s%s%s", file, c, a, b, label ? " labelled " : "",
			    label ? label : "");
	} else {
		fail_msg("%s: cannot read the expectation \"%s\"", file, line);
	}
}

static void
run_file(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	size_t len;
	char *data = awkward_read_file(path, &len);
	struct outcome o;
	size_t expectations = 0;

	assert_non_null(data);
	import(&o, path, data, len);
	for (char *line = data; line != NULL && *line != '\0';) {
		char *end = strchr(line, '\n');
		char *text = end != NULL ? xstrndup(line, (size_t)(end - line)) : xstrdup(line);
		char *at = strstr(text, "// expect: ");

		if (at != NULL) {
			check_expectation(&o, name, at + strlen("// expect: "));
			expectations++;
		}
		free(text);
		line = end != NULL ? end + 1 : NULL;
	}
	if (expectations == 0)
		fail_msg("%s states no expectations", name);
	if (o.d != NULL)
		check_invariants(&o, name);
	outcome_free(&o);
	free(data);
	free(path);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .dot files of the corpus, sorted. */
static char **
corpus(const char *dir, size_t *count)
{
	DIR *listing = opendir(dir);
	char **names = NULL;
	struct dirent *entry;

	*count = 0;
	assert_non_null(listing);
	while ((entry = readdir(listing)) != NULL) {
		size_t len = strlen(entry->d_name);

		if (len > 4 && strcmp(entry->d_name + len - 4, ".dot") == 0) {
			names = xreallocarray(names, *count + 1, sizeof *names);
			names[(*count)++] = xstrdup(entry->d_name);
		}
	}
	closedir(listing);
	qsort(names, *count, sizeof *names, compare_names);
	return names;
}

static void
test_corpus(void **state)
{
	char *dir = awkward_path("tests/data/dot");
	size_t count;
	char **names = corpus(dir, &count);

	(void)state;
	assert_true(count >= 25);
	for (size_t i = 0; i < count; i++) {
		run_file(dir, names[i]);
		free(names[i]);
	}
	free(names);
	free(dir);
}

/* libcgraph's scanner is global: a broken file must not spoil the next read. */
static void
test_broken_file_leaves_the_parser_clean(void **state)
{
	static const char *const broken[] = {
		"digraph { a [label=\"open", "digraph { a [label=<<B>x</B>]", "digraph { a -> }",
		"digraph { a } /* open", "digraph { a } digraph { b ->", "digraph { @ }", "x",
	};
	static const char good[] = "digraph { p -> q }";

	(void)state;
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		struct outcome o;

		import(&o, "broken.dot", broken[i], strlen(broken[i]));
		outcome_free(&o);
		import(&o, "good.dot", good, strlen(good));
		if (o.d == NULL) {
			error_list_print(&o.errors, stderr);
			fail_msg("a good file failed after \"%s\"", broken[i]);
		}
		assert_int_equal(diagram_edge_count(o.d), 1);
		outcome_free(&o);
	}
}

static void
test_nul_byte_and_errors_name_the_file(void **state)
{
	struct outcome o;

	(void)state;
	import(&o, "nul.dot", "digraph { a\0 -> b }", 19);
	assert_null(o.d);
	assert_true(list_has(&o.errors, "nul.dot: holds a NUL byte"));
	outcome_free(&o);
	import(&o, "bad.dot", "digraph {\n\n a -> -> b\n}", 23);
	assert_null(o.d);
	assert_true(list_has(&o.errors, "bad.dot:3: syntax error near '->'"));
	outcome_free(&o);
}

/* Byte flips, cuts and splices of every corpus file: never a crash, always a diagram or an error. */
static void
test_mutations_never_crash(void **state)
{
	char *dir = awkward_path("tests/data/dot");
	size_t count;
	char **names = corpus(dir, &count);
	unsigned seed = 12345;
	static const char junk[] = "{}[]<>\"\\;,=-@#/*\n\t\x80\xff";

	(void)state;
	for (size_t f = 0; f < count; f++) {
		char *path = xasprintf("%s/%s", dir, names[f]);
		size_t len;
		char *data = awkward_read_file(path, &len);

		for (int round = 0; round < 25 && len > 0; round++) {
			char *copy = xmalloc(len + 1);
			size_t cut;
			struct outcome o;

			memcpy(copy, data, len + 1);
			for (int k = 0; k < 1 + round % 4; k++) {
				seed = seed * 1103515245u + 12345u;
				copy[(seed >> 8) % len] = junk[(seed >> 20) % (sizeof junk - 1)];
			}
			cut = round % 3 == 0 ? (seed >> 4) % len : len;
			import(&o, names[f], copy, cut);
			assert_true(o.d != NULL || o.errors.count > 0);
			if (o.d != NULL)
				check_invariants(&o, names[f]);
			outcome_free(&o);
			free(copy);
		}
		free(data);
		free(path);
		free(names[f]);
	}
	free(names);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_broken_file_leaves_the_parser_clean),
		cmocka_unit_test(test_nul_byte_and_errors_name_the_file),
		cmocka_unit_test(test_mutations_never_crash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
