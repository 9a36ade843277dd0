/*
 * The corpus of bad files: tests/data/bad/NAME.json, each refused with
 * exactly the lines in NAME.expected, which are what `napkin check NAME.json`
 * prints to stderr when run in that directory (tests/cli/test_cli.sh checks
 * that side).  Adding a case is adding the two files.
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

#include "diagram_json.h"
#include "support.h"

#define CORPUS "tests/data/bad"

static bool
has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix);

	return n > s && strcmp(name + n - s, suffix) == 0;
}

/* Into the corpus directory, from the source tree or NAPKIN_ROOT. */
static bool
enter_corpus(void)
{
	const char *root = getenv("NAPKIN_ROOT");

	if (root != NULL && root[0] != '\0' && chdir(root) != 0) {
		fprintf(stderr, "cannot enter NAPKIN_ROOT %s\n", root);
		return false;
	}
	if (chdir(CORPUS) != 0) {
		fprintf(stderr, "cannot enter %s (run from the source tree or set NAPKIN_ROOT)\n", CORPUS);
		return false;
	}
	return true;
}

/* Load name and compare what check would print with name's .expected. */
static bool
check_case(const char *name)
{
	struct error_list errors = { 0 };
	struct diagram *d;
	char expected_name[512], *expected, *got = NULL;
	size_t got_len = 0;
	FILE *out;
	bool ok = true;

	snprintf(expected_name, sizeof expected_name, "%.*s.expected",
	    (int)(strlen(name) - strlen(".json")), name);
	expected = support_slurp(expected_name);
	if (expected == NULL) {
		print_error("%s: no %s beside it\n", name, expected_name);
		return false;
	}
	d = diagram_load_file(name, &errors);
	out = open_memstream(&got, &got_len);
	assert_non_null(out);
	error_list_print(&errors, out);
	fclose(out);
	if (d != NULL) {
		print_error("%s: loaded, but it should have been refused\n", name);
		ok = false;
	} else if (errors.count == 0) {
		print_error("%s: refused without a message\n", name);
		ok = false;
	} else if (strcmp(got, expected) != 0) {
		print_error("%s: wanted\n%sgot\n%s", name, expected, got);
		ok = false;
	}
	diagram_free(d);
	error_list_clear(&errors);
	free(got);
	free(expected);
	return ok;
}

static void
test_every_bad_file_gives_its_messages(void **state)
{
	struct dirent *entry;
	size_t cases = 0, failures = 0;
	DIR *dir;

	(void)state;
	dir = opendir(".");
	assert_non_null(dir);
	while ((entry = readdir(dir)) != NULL) {
		if (!has_suffix(entry->d_name, ".json"))
			continue;
		cases++;
		if (!check_case(entry->d_name))
			failures++;
	}
	closedir(dir);
	print_message("%zu bad files, %zu wrong\n", cases, failures);
	assert_true(cases >= 100);
	assert_int_equal(failures, 0);
}

/* An .expected file whose .json is gone would be a test that never runs. */
static void
test_no_orphan_expectations(void **state)
{
	struct dirent *entry;
	size_t orphans = 0;
	struct stat st;
	DIR *dir;

	(void)state;
	dir = opendir(".");
	assert_non_null(dir);
	while ((entry = readdir(dir)) != NULL) {
		char json[512];

		if (!has_suffix(entry->d_name, ".expected"))
			continue;
		snprintf(json, sizeof json, "%.*s.json",
		    (int)(strlen(entry->d_name) - strlen(".expected")), entry->d_name);
		if (stat(json, &st) != 0) {
			print_error("%s has no %s\n", entry->d_name, json);
			orphans++;
		}
	}
	closedir(dir);
	assert_int_equal(orphans, 0);
}

/* Messages go to a terminal: no control character may come through. */
static void
test_messages_are_printable(void **state)
{
	struct dirent *entry;
	DIR *dir;

	(void)state;
	dir = opendir(".");
	assert_non_null(dir);
	while ((entry = readdir(dir)) != NULL) {
		char *text;

		if (!has_suffix(entry->d_name, ".expected"))
			continue;
		text = support_slurp(entry->d_name);
		assert_non_null(text);
		for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
			bool c1 = p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f;

			if ((*p < 0x20 && *p != '\n') || *p == 0x7f || c1)
				fail_msg("%s holds control byte 0x%02x", entry->d_name, *p);
		}
		free(text);
	}
	closedir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_bad_file_gives_its_messages),
		cmocka_unit_test(test_no_orphan_expectations),
		cmocka_unit_test(test_messages_are_printable),
	};

	if (!enter_corpus())
		return 1;
	return cmocka_run_group_tests_name("bad_files", tests, NULL, NULL);
}
