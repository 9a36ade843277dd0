/*
 * export_file(): the format table, atomic replacement, and pictures drawn
 * by the dot program -- valid PNG (signature and IHDR size), SVG (parsed
 * by xmllint) and PDF -- with the documented errors when dot is missing
 * or fails, no partial file left behind, and names starting with '-'.
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
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "render.h"
#include "support_awkward.h"
#include "xalloc.h"

static char *dir;		/* a fresh directory per test */
static struct diagram *diagram;

static int
setup(void **state)
{
	char *path = awkward_path("tests/data/export/photo-sharing.json");
	char template[] = "/tmp/napkin-export-XXXXXX";

	(void)state;
	diagram = awkward_load(path);
	free(path);
	dir = xstrdup(mkdtemp(template));
	return 0;
}

static int
teardown(void **state)
{
	DIR *listing = opendir(dir);
	struct dirent *entry;

	(void)state;
	while ((entry = readdir(listing)) != NULL) {
		char *path = xasprintf("%s/%s", dir, entry->d_name);

		if (entry->d_name[0] != '.' || strlen(entry->d_name) > 2)
			unlink(path);
		free(path);
	}
	closedir(listing);
	rmdir(dir);
	free(dir);
	diagram_free(diagram);
	return 0;
}

/* How many entries the test directory holds: a failed export must leave no temporary file. */
static int
files_in_dir(void)
{
	DIR *listing = opendir(dir);
	struct dirent *entry;
	int count = 0;

	while ((entry = readdir(listing)) != NULL)
		count += strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0;
	closedir(listing);
	return count;
}

static char *
in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
test_formats_from_names_and_extensions(void **state)
{
	enum export_format f;

	(void)state;
	assert_true(export_format_from_path("out/design.png", &f) && f == EXPORT_PNG);
	assert_true(export_format_from_path("design.GV", &f) && f == EXPORT_DOT);
	assert_true(export_format_from_path("design.mmd", &f) && f == EXPORT_MERMAID);
	assert_true(export_format_from_path("-x.pdf", &f) && f == EXPORT_PDF);
	assert_false(export_format_from_path("design", &f));
	assert_false(export_format_from_path("v1.0/design", &f));
	assert_true(export_format_from_path("notes/design.TXT", &f) && f == EXPORT_TEXT);
	assert_false(export_format_from_path("design.jpeg", &f));
	assert_true(export_format_from_name("mermaid", &f) && f == EXPORT_MERMAID);
	assert_true(export_format_from_name("SVG", &f) && f == EXPORT_SVG);
	assert_false(export_format_from_name("jpeg", &f));
	for (int i = 0; i < EXPORT_FORMAT_COUNT; i++) {
		assert_true(export_format_from_name(export_format_name((enum export_format)i), &f));
		assert_int_equal(f, i);
	}
}

static unsigned long
big_endian(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void
test_png(void **state)
{
	char *path = in_dir("design.png");
	struct napkin_error err;
	unsigned char *png;
	size_t len;

	(void)state;
	assert_true(export_file(diagram, path, EXPORT_PNG, NULL, &err));
	png = (unsigned char *)awkward_read_file(path, &len);
	assert_true(len > 1000);
	assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
	assert_memory_equal(png + 12, "IHDR", 4);
	/* The photo-sharing diagram flows left to right: wider than tall, and not tiny. */
	assert_true(big_endian(png + 16) > 800 && big_endian(png + 16) < 10000);
	assert_true(big_endian(png + 20) > 200 && big_endian(png + 16) > big_endian(png + 20));
	assert_int_equal(files_in_dir(), 1);
	free(png);
	free(path);
}

static void
test_svg_is_xml(void **state)
{
	char *path = in_dir("design.svg"), *err_text = NULL, *svg;
	char *argv[] = { "xmllint", "--noout", path, NULL };
	struct napkin_error err;

	(void)state;
	assert_true(export_file(diagram, path, EXPORT_SVG, NULL, &err));
	assert_int_equal(awkward_run(argv, &err_text), 0);
	assert_string_equal(err_text, "");
	svg = awkward_read_file(path, NULL);
	assert_non_null(strstr(svg, "<svg"));
	assert_non_null(strstr(svg, "Feed service"));
	free(svg);
	free(err_text);
	free(path);
}

static void
test_svg_of_awkward_diagrams_is_xml(void **state)
{
	char *path = in_dir("awkward.svg");
	char *argv[] = { "xmllint", "--noout", path, NULL };

	(void)state;
	for (unsigned seed = 1; seed <= 12; seed++) {
		struct diagram *d = awkward_diagram(seed * 31, 10);
		struct napkin_error err;
		char *err_text = NULL;

		assert_true(export_file(d, path, EXPORT_SVG, NULL, &err));
		assert_int_equal(awkward_run(argv, &err_text), 0);
		free(err_text);
		diagram_free(d);
	}
	free(path);
}

static void
test_pdf(void **state)
{
	char *path = in_dir("design.pdf"), *pdf;
	struct napkin_error err;
	size_t len;

	(void)state;
	assert_true(export_file(diagram, path, EXPORT_PDF, NULL, &err));
	pdf = awkward_read_file(path, &len);
	assert_true(len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	assert_non_null(strstr(pdf + len - 32, "%%EOF"));
	free(pdf);
	free(path);
}

/* Run export_file with PATH set to path_dir only. */
static bool
export_with_path(const char *path_dir, const char *target, struct napkin_error *err)
{
	char *saved = xstrdup(getenv("PATH"));
	bool ok;

	setenv("PATH", path_dir, 1);
	ok = export_file(diagram, target, EXPORT_PNG, NULL, err);
	setenv("PATH", saved, 1);
	free(saved);
	return ok;
}

static void
test_missing_dot_leaves_the_target_alone(void **state)
{
	char *target = in_dir("kept.png"), *empty = in_dir("empty-bin"), *text;
	struct napkin_error err;
	FILE *old = fopen(target, "w");

	(void)state;
	fputs("old picture", old);
	fclose(old);
	assert_int_equal(mkdir(empty, 0755), 0);
	assert_false(export_with_path(empty, target, &err));
	assert_non_null(strstr(err.message, "the Graphviz program dot was not found on PATH"));
	assert_non_null(strstr(err.message, "nothing was written"));
	text = awkward_read_file(target, NULL);
	assert_string_equal(text, "old picture");
	assert_int_equal(files_in_dir(), 2);	/* kept.png and empty-bin */
	rmdir(empty);
	free(text);
	free(empty);
	free(target);
}

static void
test_failing_dot_is_reported_safely(void **state)
{
	char *bin = in_dir("fake-bin"), *fake, *target = in_dir("out.png");
	struct napkin_error err;
	FILE *script;

	(void)state;
	assert_int_equal(mkdir(bin, 0755), 0);
	fake = xasprintf("%s/dot", bin);
	script = fopen(fake, "w");
	fputs("#!/bin/sh\nprintf 'Error: out of \\033[31mink\\n' >&2\nexit 3\n", script);
	fclose(script);
	chmod(fake, 0755);
	assert_false(export_with_path(bin, target, &err));
	assert_non_null(strstr(err.message, "dot failed with exit status 3: Error: out of"));
	assert_null(strchr(err.message, '\033'));
	assert_int_equal(access(target, F_OK), -1);
	assert_int_equal(files_in_dir(), 1);	/* only fake-bin */
	unlink(fake);
	rmdir(bin);
	free(fake);
	free(bin);
	free(target);
}

static void
test_names_starting_with_dash(void **state)
{
	char *cwd = getcwd(NULL, 0);
	struct napkin_error err;
	enum export_format f;

	(void)state;
	assert_int_equal(chdir(dir), 0);
	assert_true(export_format_from_path("-design.svg", &f));
	assert_true(export_file(diagram, "-design.svg", f, NULL, &err));
	assert_true(export_file(diagram, "--help.png", EXPORT_PNG, NULL, &err));
	assert_true(export_file(diagram, "-o.dot", EXPORT_DOT, NULL, &err));
	assert_int_equal(access("-design.svg", R_OK), 0);
	assert_int_equal(access("--help.png", R_OK), 0);
	assert_int_equal(access("-o.dot", R_OK), 0);
	assert_int_equal(files_in_dir(), 3);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
}

static void
test_text_formats_replace_atomically(void **state)
{
	char *path = in_dir("design.mmd"), *text;
	struct napkin_error err;

	(void)state;
	assert_true(export_file(diagram, path, EXPORT_MERMAID, NULL, &err));
	text = awkward_read_file(path, NULL);
	assert_non_null(strstr(text, "flowchart LR"));
	free(text);
	assert_false(export_file(diagram, "/nonexistent-dir/x.dot", EXPORT_DOT, NULL, &err));
	assert_non_null(strstr(err.message, "/nonexistent-dir/x.dot"));
	assert_int_equal(files_in_dir(), 1);
	free(path);
}

/* The character closing the top border of the cache's box in ASCII text. */
static char
cache_corner(const char *text)
{
	const char *corner = strstr(text, "+[CACHE]");

	assert_non_null(corner);
	corner += strlen("+[CACHE]");
	return corner[strspn(corner, "-")];
}

/* The text format is render_text's picture, ASCII on request, markers from the outlines. */
static void
test_text(void **state)
{
	char *path = in_dir("design.txt"), *text, *want;
	struct export_options options = { DIRECTION_LR, NULL, false };
	enum export_outline *outlines = xcalloc(diagram_node_count(diagram), sizeof *outlines);
	const struct node *cache = diagram_find_node(diagram, "feedcache");
	struct napkin_error err;
	size_t len;

	(void)state;
	assert_true(export_file(diagram, path, EXPORT_TEXT, NULL, &err));
	text = awkward_read_file(path, &len);
	want = render_text(diagram, false, NULL);
	assert_string_equal(text, want);
	free(text);
	free(want);
	options.ascii = true;
	assert_true(export_file(diagram, path, EXPORT_TEXT, &options, &err));
	text = awkward_read_file(path, &len);
	want = render_text(diagram, true, NULL);
	assert_string_equal(text, want);
	for (size_t i = 0; i < len; i++)
		assert_true(text[i] == '\n' || (text[i] >= ' ' && text[i] <= '~'));
	/* An error outline puts an X in the corner of the box: "+[CACHE]----X". */
	assert_int_equal(cache_corner(text), '+');
	free(text);
	free(want);
	outlines[cache->index] = OUTLINE_ERROR;
	options.outlines = outlines;
	assert_true(export_file(diagram, path, EXPORT_TEXT, &options, &err));
	text = awkward_read_file(path, &len);
	assert_int_equal(cache_corner(text), 'X');
	free(text);
	free(outlines);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats_from_names_and_extensions),
		cmocka_unit_test_setup_teardown(test_png, setup, teardown),
		cmocka_unit_test_setup_teardown(test_svg_is_xml, setup, teardown),
		cmocka_unit_test_setup_teardown(test_svg_of_awkward_diagrams_is_xml, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pdf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_dot_leaves_the_target_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failing_dot_is_reported_safely, setup, teardown),
		cmocka_unit_test_setup_teardown(test_names_starting_with_dash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_formats_replace_atomically, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
