/*
 * Every rule against its fixtures, cfn-lint style: tests/data/critique/
 * RULE-bad-NAME.json must raise RULE, RULE-good-NAME.json must not (or only
 * accepted), and each file's complete list of findings must equal its
 * sidecar RULE-*.expected, one finding a line:
 *
 *   RULE severity subject,other,... | from>to,... | message [accepted by NODE: reason]
 *
 * NAPKIN_REGEN=1 rewrites the sidecars (then read the diff before committing).
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

#include "critique.h"
#include "diagram_json.h"
#include "xalloc.h"

static char *
data_dir(void)
{
	const char *root = getenv("NAPKIN_ROOT");

	return xasprintf("%s/tests/data/critique", root != NULL ? root : ".");
}

/* The findings of path as sidecar text; the caller frees it. */
static char *
findings_text(const char *path)
{
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_file(path, &errors);
	struct critique *c;
	char *text = NULL;
	size_t length = 0;
	FILE *out;

	if (d == NULL) {
		error_list_print(&errors, stderr);
		error_list_clear(&errors);
		fail_msg("%s does not load", path);
	}
	c = critique_run(d);
	out = open_memstream(&text, &length);
	assert_non_null(out);
	for (size_t i = 0; i < critique_finding_count(c); i++) {
		const struct critique_finding *f = critique_finding(c, i);

		fprintf(out, "%s %s ", f->rule->id, critique_severity_name(f->severity));
		for (size_t k = 0; k < f->node_count; k++)
			fprintf(out, "%s%s", k ? "," : "", f->nodes[k]->id);
		fputs(" |", out);
		for (size_t k = 0; k < f->edge_count; k++)
			fprintf(out, "%s%s>%s", k ? "," : " ", f->edges[k]->from->id, f->edges[k]->to->id);
		fprintf(out, " | %s", f->message);
		if (f->accepted)
			fprintf(out, " [accepted by %s: %s]", f->accepted_by->id, f->accepted_reason);
		fputc('\n', out);
	}
	fclose(out);
	critique_free(c);
	diagram_free(d);
	return text;
}

static char *
read_all(const char *path)
{
	FILE *in = fopen(path, "r");
	char *text = NULL;
	size_t length = 0;
	FILE *out;
	int ch;

	if (in == NULL)
		return NULL;
	out = open_memstream(&text, &length);
	while ((ch = fgetc(in)) != EOF)
		fputc(ch, out);
	fclose(out);
	fclose(in);
	return text;
}

/* True when text has a line for rule, accepted or not as asked. */
static bool
has_finding(const char *text, const char *rule, bool accepted)
{
	size_t length = strlen(rule);

	for (const char *line = text; *line != '\0';) {
		const char *end = strchr(line, '\n');

		if (strncmp(line, rule, length) == 0 && line[length] == ' ') {
			char *copy = xstrndup(line, end ? (size_t)(end - line) : strlen(line));
			bool is_accepted = strstr(copy, " [accepted by ") != NULL;

			free(copy);
			if (is_accepted == accepted)
				return true;
		}
		if (end == NULL)
			break;
		line = end + 1;
	}
	return false;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_fixtures(void **state)
{
	char *dir = data_dir();
	DIR *dp = opendir(dir);
	struct dirent *entry;
	char **names = NULL;
	size_t count = 0, failures = 0;
	bool regen = getenv("NAPKIN_REGEN") != NULL;

	(void)state;
	assert_non_null(dp);
	while ((entry = readdir(dp)) != NULL) {
		size_t length = strlen(entry->d_name);

		if (length > 5 && strcmp(entry->d_name + length - 5, ".json") == 0) {
			names = xreallocarray(names, count + 1, sizeof *names);
			names[count++] = xstrndup(entry->d_name, length - 5);
		}
	}
	closedir(dp);
	qsort(names, count, sizeof *names, compare_names);
	for (size_t i = 0; i < count; i++) {
		char *path = xasprintf("%s/%s.json", dir, names[i]);
		char *sidecar = xasprintf("%s/%s.expected", dir, names[i]);
		char *got = findings_text(path), *want = read_all(sidecar);
		char rule[16] = "";
		const char *dash = strchr(names[i], '-');
		bool bad = strstr(names[i], "-bad-") != NULL;

		if (dash != NULL && (size_t)(dash - names[i]) < sizeof rule)
			memcpy(rule, names[i], (size_t)(dash - names[i]));
		if (critique_rule_find(rule) == NULL || (!bad && strstr(names[i], "-good-") == NULL)) {
			print_error("%s: name it RULE-bad-NAME or RULE-good-NAME\n", names[i]);
			failures++;
		} else if (bad && !has_finding(got, rule, false)) {
			print_error("%s: %s does not fire\n", names[i], rule);
			failures++;
		} else if (!bad && has_finding(got, rule, false)) {
			print_error("%s: %s fires on a good fixture\n", names[i], rule);
			failures++;
		}
		if (regen) {
			FILE *out = fopen(sidecar, "w");

			assert_non_null(out);
			fputs(got, out);
			fclose(out);
		} else if (want == NULL || strcmp(got, want) != 0) {
			print_error("%s: findings differ from %s.expected\n--- want\n%s--- got\n%s", names[i],
			    names[i], want ? want : "(no sidecar)\n", got);
			failures++;
		}
		free(path);
		free(sidecar);
		free(got);
		free(want);
	}
	/* Every rule has both kinds of fixture. */
	for (size_t r = 0; r < critique_rule_count(); r++) {
		const char *id = critique_rule_at(r)->id;
		bool has_bad = false, has_good = false;

		for (size_t i = 0; i < count; i++) {
			size_t length = strlen(id);

			if (strncmp(names[i], id, length) == 0 && names[i][length] == '-') {
				has_bad = has_bad || strncmp(names[i] + length, "-bad-", 5) == 0;
				has_good = has_good || strncmp(names[i] + length, "-good-", 6) == 0;
			}
		}
		if (!has_bad || !has_good) {
			print_error("%s has no %s fixture\n", id, has_bad ? "good" : "bad");
			failures++;
		}
	}
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
	free(dir);
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
