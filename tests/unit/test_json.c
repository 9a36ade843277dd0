/*
 * The file format: round trips, the fixed layout, unknown members, defaults,
 * numbers, and atomic saves that never cost the old file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "diagram_json.h"
#include "support.h"
#include "xalloc.h"

/* --- Helpers --- */

static struct diagram *
load_text(const char *text)
{
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_buffer("test.json", text, strlen(text), &errors);

	if (d == NULL) {
		error_list_print(&errors, stderr);
		fail_msg("the text did not load");
	}
	error_list_clear(&errors);
	return d;
}

/* Load text, save, load that, save: both saves must be the same bytes. */
static char *
round_trip(const char *text)
{
	struct diagram *d = load_text(text);
	char *first = diagram_to_json(d, NULL);
	struct diagram *again = load_text(first);
	char *second = diagram_to_json(again, NULL);

	assert_string_equal(second, first);
	free(second);
	diagram_free(again);
	diagram_free(d);
	return first;
}

/* --- Round trips --- */

static void
test_templates_round_trip(void **state)
{
	const char *root = getenv("NAPKIN_ROOT");
	char *dir_path = NULL;
	struct dirent *e;
	int templates = 0;
	DIR *dir;

	(void)state;
	dir_path = xasprintf("%s/templates", root != NULL ? root : ".");
	dir = opendir(dir_path);
	assert_non_null(dir);
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);
		char *path, *text, *saved;

		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		path = xasprintf("%s/%s", dir_path, e->d_name);
		text = support_slurp(path);
		assert_non_null(text);
		saved = round_trip(text);
		/* Templates are kept exactly as napkin saves them, so they diff cleanly. */
		if (strcmp(saved, text) != 0)
			fail_msg("%s is not in the saved layout; save it with napkin", path);
		templates++;
		free(saved);
		free(text);
		free(path);
	}
	closedir(dir);
	free(dir_path);
	assert_true(templates > 0);
}

/* Strings that trip up writers: quotes, escapes, layout, every width of UTF-8. */
static const char *const awkward[] = {
	"quote \" and back\\slash \\\" both",
	"slash / and \\/ not an escape",
	"caf\xc3\xa9 na\xc3\xafve \xc3\x9f",
	"\xe6\xbc\xa2\xe5\xad\x97 \xed\x95\x9c\xea\xb8\x80 wide",
	"emoji \xf0\x9f\x9a\x80\xf0\x9f\x94\xa5 and e\xcc\x81 combining",
	"\xef\xbb\xbf zero width no-break space first",
	"{\"looks\": [\"like json\"]}",
};

static void
test_awkward_strings_round_trip(void **state)
{
	struct diagram *d = diagram_new(), *back;
	struct napkin_error err;
	const struct node *prev = NULL;
	char *first, *second;
	size_t n = sizeof awkward / sizeof awkward[0];

	(void)state;
	assert_true(diagram_set_title(d, awkward[0], &err));
	for (size_t i = 0; i < n; i++) {
		const struct node *node = diagram_add_node(d, NULL, (enum node_kind)(i % KIND_COUNT),
		    awkward[i], (int)i * 20, (int)i, &err);

		assert_non_null(node);
		assert_true(diagram_set_node_tech(d, node, awkward[(i + 1) % n], &err));
		assert_true(diagram_set_node_notes(d, node, "line one\n\tindented \"two\"\nthree \\", &err));
		assert_true(diagram_set_node_accept(d, node, "SPOF001", awkward[(i + 2) % n], &err));
		if (prev != NULL)
			assert_non_null(diagram_connect(d, prev, node, awkward[(i + 3) % n], EDGE_ASYNC, &err));
		prev = node;
	}
	assert_non_null(diagram_add_group(d, "g", awkward[2], &err));
	first = diagram_to_json(d, NULL);
	back = load_text(first);
	second = diagram_to_json(back, NULL);
	assert_string_equal(second, first);
	/* And the strings themselves survive, not just the bytes of the file. */
	assert_string_equal(diagram_title(back), awkward[0]);
	for (size_t i = 0; i < n; i++) {
		const struct node *a = diagram_node(d, i), *b = diagram_node(back, i);

		assert_string_equal(b->id, a->id);
		assert_string_equal(b->label, awkward[i]);
		assert_string_equal(b->tech, a->tech);
		assert_string_equal(b->notes, a->notes);
		assert_string_equal(node_accepted_reason(b, "SPOF001"), awkward[(i + 2) % n]);
	}
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		assert_string_equal(diagram_edge(back, i)->label, diagram_edge(d, i)->label);
	/* Control characters are written as escapes, never raw. */
	for (const char *p = first; *p != '\0'; p++)
		assert_true((unsigned char)*p >= 0x20 || *p == '\n');
	free(first);
	free(second);
	diagram_free(back);
	diagram_free(d);
}

/* --- Layout and unknown members --- */

static void
test_layout_and_unknown_members(void **state)
{
	static const char input[] =
	    "{\"zeta\": [1, {\"k\": \"v\\u001b\\u00e9\"}], \"napkin\": 1, \"title\": \"T\",\n"
	    " \"nodes\": [{\"color\": \"red\", \"id\": \"a\", \"kind\": \"db\", \"x\": 1, \"y\": 2},\n"
	    "           {\"id\": \"b\", \"kind\": \"service\", \"weight\": 2.5}],\n"
	    " \"edges\": [{\"from\": \"b\", \"to\": \"a\", \"mode\": \"async\", \"retries\": 3, \"label\": \"SQL\"}],\n"
	    " \"groups\": [{\"style\": {\"dashed\": true, \"tags\": []}, \"id\": \"g\", \"members\": [\"b\", \"a\"]}],\n"
	    " \"alpha\": null}";
	/*
	 * Known members in the documented order, defaults written where the
	 * format always has them (label, x, y, mode), unknown ones after them in
	 * their own order, group members in node order.
	 */
	static const char want[] =
	    "{\n"
	    "  \"napkin\": 1,\n"
	    "  \"title\": \"T\",\n"
	    "  \"nodes\": [\n"
	    "    {\n"
	    "      \"id\": \"a\",\n"
	    "      \"kind\": \"db\",\n"
	    "      \"label\": \"a\",\n"
	    "      \"x\": 1,\n"
	    "      \"y\": 2,\n"
	    "      \"color\": \"red\"\n"
	    "    },\n"
	    "    {\n"
	    "      \"id\": \"b\",\n"
	    "      \"kind\": \"service\",\n"
	    "      \"label\": \"b\",\n"
	    "      \"x\": 0,\n"
	    "      \"y\": 0,\n"
	    "      \"weight\": 2.5\n"
	    "    }\n"
	    "  ],\n"
	    "  \"edges\": [\n"
	    "    {\n"
	    "      \"from\": \"b\",\n"
	    "      \"to\": \"a\",\n"
	    "      \"label\": \"SQL\",\n"
	    "      \"mode\": \"async\",\n"
	    "      \"retries\": 3\n"
	    "    }\n"
	    "  ],\n"
	    "  \"groups\": [\n"
	    "    {\n"
	    "      \"id\": \"g\",\n"
	    "      \"label\": \"g\",\n"
	    "      \"members\": [\n"
	    "        \"a\",\n"
	    "        \"b\"\n"
	    "      ],\n"
	    "      \"style\": {\n"
	    "        \"dashed\": true,\n"
	    "        \"tags\": []\n"
	    "      }\n"
	    "    }\n"
	    "  ],\n"
	    "  \"zeta\": [\n"
	    "    1,\n"
	    "    {\n"
	    "      \"k\": \"v\\u001b\xc3\xa9\"\n"
	    "    }\n"
	    "  ],\n"
	    "  \"alpha\": null\n"
	    "}\n";
	char *saved = round_trip(input);

	(void)state;
	assert_string_equal(saved, want);
	free(saved);
}

static void
test_every_member_in_order(void **state)
{
	static const char want[] =
	    "{\n"
	    "  \"napkin\": 1,\n"
	    "  \"title\": \"All\",\n"
	    "  \"nodes\": [\n"
	    "    {\n"
	    "      \"id\": \"api\",\n"
	    "      \"kind\": \"service\",\n"
	    "      \"label\": \"API\",\n"
	    "      \"tech\": \"Go\",\n"
	    "      \"replicas\": 3,\n"
	    "      \"managed\": true,\n"
	    "      \"x\": 4,\n"
	    "      \"y\": 5,\n"
	    "      \"capacity\": 5000.5,\n"
	    "      \"rps\": 1e-07,\n"
	    "      \"notes\": \"n\",\n"
	    "      \"accept\": [\n"
	    "        {\n"
	    "          \"rule\": \"SPOF001\",\n"
	    "          \"reason\": \"r\"\n"
	    "        }\n"
	    "      ]\n"
	    "    },\n"
	    "    {\n"
	    "      \"id\": \"db\",\n"
	    "      \"kind\": \"db\",\n"
	    "      \"label\": \"db\",\n"
	    "      \"x\": 0,\n"
	    "      \"y\": 0,\n"
	    "      \"capacity\": 1000000000000\n"
	    "    }\n"
	    "  ],\n"
	    "  \"edges\": [\n"
	    "    {\n"
	    "      \"from\": \"api\",\n"
	    "      \"to\": \"db\",\n"
	    "      \"mode\": \"sync\",\n"
	    "      \"ratio\": 0.1\n"
	    "    }\n"
	    "  ],\n"
	    "  \"groups\": []\n"
	    "}\n";
	struct diagram *d = diagram_new();
	const struct node *api, *db;
	const struct edge *e;
	struct napkin_error err;
	char *saved;

	(void)state;
	assert_true(diagram_set_title(d, "All", &err));
	api = diagram_add_node(d, "api", KIND_SERVICE, "API", 4, 5, &err);
	db = diagram_add_node(d, "db", KIND_DB, NULL, 0, 0, &err);
	/* Set in an order unlike the file's, to show the order is the writer's. */
	assert_true(diagram_set_node_accept(d, api, "SPOF001", "r", &err));
	assert_true(diagram_set_node_notes(d, api, "n", &err));
	assert_true(diagram_set_node_rps(d, api, 1e-7, &err));
	assert_true(diagram_set_node_capacity(d, api, 5000.5, &err));
	assert_true(diagram_set_node_managed(d, api, true, &err));
	assert_true(diagram_set_node_replicas(d, api, 3, &err));
	assert_true(diagram_set_node_tech(d, api, "Go", &err));
	assert_true(diagram_set_node_capacity(d, db, 1e12, &err));
	e = diagram_connect(d, api, db, NULL, EDGE_SYNC, &err);
	assert_true(diagram_set_edge_ratio(d, e, 0.1, &err));
	saved = diagram_to_json(d, NULL);
	assert_string_equal(saved, want);
	free(saved);
	diagram_free(d);
}

/* napkin writes nodes first, but a file may say things in any order. */
static void
test_any_member_order(void **state)
{
	static const char canonical[] =
	    "{\"napkin\": 1, \"title\": \"T\",\n"
	    " \"nodes\": [{\"id\": \"a\", \"kind\": \"db\"}, {\"id\": \"b\", \"kind\": \"service\"}],\n"
	    " \"edges\": [{\"from\": \"b\", \"to\": \"a\"}],\n"
	    " \"groups\": [{\"id\": \"g\", \"members\": [\"a\"]}], \"extra\": 1}";
	static const char shuffled[] =
	    "{\"groups\": [{\"id\": \"g\", \"members\": [\"a\"]}], \"extra\": 1,\n"
	    " \"edges\": [{\"from\": \"b\", \"to\": \"a\"}], \"title\": \"T\",\n"
	    " \"nodes\": [{\"id\": \"a\", \"kind\": \"db\"}, {\"id\": \"b\", \"kind\": \"service\"}],\n"
	    " \"napkin\": 1}";
	char *want = round_trip(canonical), *got = round_trip(shuffled);
	struct error_list errors = { 0 };
	struct diagram *d;
	/* The version is read first wherever it is: a newer file is refused for that alone. */
	static const char newer_last[] =
	    "{\"nodes\": [{\"id\": \"a\", \"kind\": \"hologram\"}], \"napkin\": 2}";

	(void)state;
	assert_string_equal(got, want);
	free(want);
	free(got);
	d = diagram_load_buffer("n.json", newer_last, strlen(newer_last), &errors);
	assert_null(d);
	assert_int_equal(errors.count, 1);
	assert_string_equal(errors.messages[0],
	    "n.json:1:56: written by a newer napkin (format 2); this napkin reads format 1");
	error_list_clear(&errors);
}

/*
 * One list can collect the errors of many files (napkin templates does):
 * a full list must not make the next good file fail, nor lose that a bad
 * one failed.
 */
static void
test_errors_of_many_files(void **state)
{
	static const char good[] = "{\"napkin\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"db\"}]}", bad[] = "{\"napkin\": 1, \"title\": 5}";
	struct error_list errors = { 0 };
	struct diagram *d;

	(void)state;
	while (!error_list_full(&errors))
		error_list_add(&errors, "earlier.json:1:1: an earlier problem");
	d = diagram_load_buffer("good.json", good, strlen(good), &errors);
	assert_non_null(d);
	diagram_free(d);
	assert_int_equal(errors.count, ERROR_LIST_MAX);
	assert_false(errors.truncated);
	assert_null(diagram_load_buffer("bad.json", bad, strlen(bad), &errors));
	/* No room for its message, so the list says it stopped. */
	assert_true(errors.truncated);
	error_list_clear(&errors);
}

static void
test_defaults_when_omitted(void **state)
{
	struct diagram *d = load_text(
	    "{\"napkin\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"client\"}, {\"id\": \"b\", \"kind\": \"db\"}],"
	    " \"edges\": [{\"from\": \"a\", \"to\": \"b\"}], \"groups\": [{\"id\": \"g\"}]}");
	const struct node *a;
	const struct edge *e;
	const struct group *g;

	(void)state;
	assert_string_equal(diagram_title(d), "");
	assert_int_equal(diagram_node_count(d), 2);
	a = diagram_find_node(d, "a");
	assert_int_equal(a->kind, KIND_CLIENT);
	assert_string_equal(a->label, "a");
	assert_string_equal(a->tech, "");
	assert_string_equal(a->notes, "");
	assert_int_equal(a->replicas, 1);
	assert_false(a->managed);
	assert_int_equal(a->x, 0);
	assert_int_equal(a->y, 0);
	assert_true(a->capacity == 0);
	assert_true(a->rps == 0);
	assert_int_equal(a->accept_count, 0);
	assert_null(a->group);
	assert_null(a->extra);
	e = diagram_edge(d, 0);
	assert_string_equal(e->label, "");
	assert_int_equal(e->mode, EDGE_SYNC);
	assert_true(e->ratio == 1.0);
	g = diagram_find_group(d, "g");
	assert_string_equal(g->label, "g");
	assert_null(diagram_extra(d));
	diagram_free(d);

	/* Only the version is required. */
	d = load_text("{\"napkin\": 1}");
	assert_int_equal(diagram_node_count(d), 0);
	assert_int_equal(diagram_edge_count(d), 0);
	assert_int_equal(diagram_group_count(d), 0);
	diagram_free(d);
}

static void
test_number_formats(void **state)
{
	static const char input[] =
	    "{\"napkin\": 1, \"nodes\": [\n"
	    " {\"id\": \"a\", \"kind\": \"service\", \"capacity\": 5000.5, \"rps\": 1E-7},\n"
	    " {\"id\": \"b\", \"kind\": \"db\", \"capacity\": 999999999999, \"rps\": 0.1}],\n"
	    " \"edges\": [{\"from\": \"a\", \"to\": \"b\", \"ratio\": 0.30000000000000004}],\n"
	    " \"big\": [12345678901234567890, 1e300, -0, 0.5e1, 100e-2, 9007199254740993]}";
	char *saved = round_trip(input);

	(void)state;
	assert_non_null(strstr(saved, "\"capacity\": 5000.5,"));
	assert_non_null(strstr(saved, "\"rps\": 1e-07\n"));
	assert_non_null(strstr(saved, "\"capacity\": 999999999999,"));
	assert_non_null(strstr(saved, "\"rps\": 0.1\n"));
	assert_non_null(strstr(saved, "\"ratio\": 0.30000000000000004\n"));
	assert_non_null(strstr(saved,
	    "\"big\": [\n"
	    "    1.2345678901234567e+19,\n"
	    "    1e+300,\n"
	    "    -0,\n"
	    "    5,\n"
	    "    1,\n"
	    "    9007199254740992\n"
	    "  ]\n"));
	free(saved);
}

/* --- Atomic saves --- */

static void
expect_mode(const char *path, mode_t mode)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, mode);
}

static struct diagram *
sample(const char *title)
{
	struct diagram *d = diagram_new();
	struct napkin_error err;

	assert_true(diagram_set_title(d, title, &err));
	assert_non_null(diagram_add_node(d, "api", KIND_SERVICE, "API", 1, 2, &err));
	return d;
}

static void
test_save_keeps_mode(void **state)
{
	char *dir = support_temp_dir("json"), *path;
	struct diagram *d = sample("mode");
	struct napkin_error err;
	mode_t mask = umask(022);

	(void)state;
	path = xasprintf("%s/d.json", dir);
	/* A new file gets the umask's mode. */
	assert_true(diagram_save_file(d, path, &err));
	expect_mode(path, 0644);
	/* An existing file keeps its own, private or not. */
	assert_int_equal(chmod(path, 0600), 0);
	assert_true(diagram_save_file(d, path, &err));
	expect_mode(path, 0600);
	assert_int_equal(chmod(path, 0640), 0);
	assert_true(diagram_save_file(d, path, &err));
	expect_mode(path, 0640);
	assert_int_equal(support_count_entries(dir), 1);
	umask(mask);
	diagram_free(d);
	free(path);
	support_remove_dir(dir);
}

static void
test_save_through_symlink(void **state)
{
	char *dir = support_temp_dir("json"), *real, *link, *text, *want;
	struct diagram *d = sample("through the link");
	struct napkin_error err;
	struct stat st;

	(void)state;
	real = xasprintf("%s/real.json", dir);
	link = xasprintf("%s/link.json", dir);
	support_spit(real, "old\n");
	assert_int_equal(chmod(real, 0600), 0);
	/* A relative link, as people make them. */
	assert_int_equal(symlink("real.json", link), 0);
	assert_true(diagram_save_file(d, link, &err));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	text = support_slurp(real);
	want = diagram_to_json(d, NULL);
	assert_string_equal(text, want);
	expect_mode(real, 0600);
	assert_int_equal(support_count_entries(dir), 2);
	free(text);
	free(real);
	free(link);
	/* A link to a file not made yet gets the file made, and stays a link. */
	real = xasprintf("%s/new.json", dir);
	link = xasprintf("%s/dangling.json", dir);
	assert_int_equal(symlink("new.json", link), 0);
	assert_true(diagram_save_file(d, link, &err));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	text = support_slurp(real);
	assert_non_null(text);
	assert_string_equal(text, want);
	assert_int_equal(support_count_entries(dir), 4);
	free(text);
	free(want);
	free(real);
	free(link);
	diagram_free(d);
	support_remove_dir(dir);
}

static void
test_failed_save_leaves_nothing(void **state)
{
	char *dir = support_temp_dir("json"), *path;
	struct diagram *d = sample("never written");
	struct napkin_error err;

	(void)state;
	path = xasprintf("%s/missing/d.json", dir);
	assert_false(diagram_save_file(d, path, &err));
	assert_non_null(strstr(err.message, path));
	assert_non_null(strstr(err.message, strerror(ENOENT)));
	assert_int_equal(support_count_entries(dir), 0);
	free(path);
	/* A directory is not a file to replace. */
	assert_false(diagram_save_file(d, dir, &err));
	assert_non_null(strstr(err.message, "not a regular file"));
	diagram_free(d);
	support_remove_dir(dir);
}

/* Writes half a document, then fails as a full disk would. */
static bool
write_then_fail(FILE *out, void *context)
{
	(void)context;
	fputs("{\n  \"napkin\": 1,\n  \"title\": \"half", out);
	errno = ENOSPC;
	return false;
}

static void
test_failed_write_keeps_old_file(void **state)
{
	char *dir = support_temp_dir("json"), *path, *text;
	struct napkin_error err;
	static const char old[] = "{\n  \"napkin\": 1,\n  \"title\": \"old\"\n}\n";

	(void)state;
	path = xasprintf("%s/d.json", dir);
	support_spit(path, old);
	assert_false(atomic_write_file(path, write_then_fail, NULL, &err));
	assert_non_null(strstr(err.message, strerror(ENOSPC)));
	assert_non_null(strstr(err.message, "unchanged"));
	text = support_slurp(path);
	assert_string_equal(text, old);
	/* The temporary file is gone too. */
	assert_int_equal(support_count_entries(dir), 1);
	free(text);
	free(path);
	support_remove_dir(dir);
}

/* load, save, load, save through real files: identical bytes. */
static void
test_file_round_trip(void **state)
{
	char *dir = support_temp_dir("json"), *path, *first, *second;
	struct diagram *d = sample("files"), *back;
	struct error_list errors = { 0 };
	struct napkin_error err;

	(void)state;
	path = xasprintf("%s/d.json", dir);
	assert_true(diagram_save_file(d, path, &err));
	first = support_slurp(path);
	back = diagram_load_file(path, &errors);
	assert_non_null(back);
	assert_false(diagram_can_undo(back));
	assert_true(diagram_save_file(back, path, &err));
	second = support_slurp(path);
	assert_string_equal(second, first);
	free(first);
	free(second);
	free(path);
	diagram_free(back);
	diagram_free(d);
	support_remove_dir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_templates_round_trip),
		cmocka_unit_test(test_awkward_strings_round_trip),
		cmocka_unit_test(test_layout_and_unknown_members),
		cmocka_unit_test(test_every_member_in_order),
		cmocka_unit_test(test_any_member_order),
		cmocka_unit_test(test_errors_of_many_files),
		cmocka_unit_test(test_defaults_when_omitted),
		cmocka_unit_test(test_number_formats),
		cmocka_unit_test(test_save_keeps_mode),
		cmocka_unit_test(test_save_through_symlink),
		cmocka_unit_test(test_failed_save_leaves_nothing),
		cmocka_unit_test(test_failed_write_keeps_old_file),
		cmocka_unit_test(test_file_round_trip),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
