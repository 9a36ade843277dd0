/* Test helpers; see support_awkward.h. */
#include "support_awkward.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cJSON.h>

#include "diagram_json.h"
#include "xalloc.h"

/* Fragments that break naive quoting somewhere. */
static const char *const fragments[] = {
	"\"", "\\", "\\\\", "a\\", "<", ">", "&", "&amp;", "<B>x</B>", "'", "é", "日本語",
	"\xf0\x9f\x99\x82", " ", "  ", "\\N", "\\G", "\\n", "\\\"", "%", "#", "|", "`", "{", "}",
	"[", "]", "(", ")", ";", ",", "=", "-", "->", "--", "end", "node", "\xc2\xb7", "\xef\xbf\xbe",
	"/*", "*/", "//", "@", "x", "Redis", "api",
};

/* Ids that DOT, Mermaid or a careless writer might take for something else. */
static const char *const odd_ids[] = {
	"node", "graph", "edge", "digraph", "subgraph", "strict", "end", "1e5", "01", "0",
	"a:b", "a.b", "a-b", "a_b", "cluster_x", "N", "o", "x", "class", "style",
};

static unsigned
next(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

/* An awkward string of up to max bytes; never empty when nonempty is set. */
static char *
awkward_text(unsigned *state, size_t max, bool nonempty, bool newlines)
{
	size_t parts = next(state) % 6, len = 0;
	char *s = xmalloc(max + 1);

	s[0] = '\0';
	for (size_t i = 0; i < parts; i++) {
		const char *f = newlines && next(state) % 5 == 0 ? (next(state) % 2 ? "\n" : "\t") :
		    fragments[next(state) % (sizeof fragments / sizeof fragments[0])];
		size_t n = strlen(f);

		if (len + n > max)
			break;
		memcpy(s + len, f, n + 1);
		len += n;
	}
	if (nonempty && len == 0)
		strcpy(s, "x");
	return s;
}

static char *
awkward_id(unsigned *state, size_t i)
{
	if (next(state) % 3 == 0)
		return xstrdup(odd_ids[next(state) % (sizeof odd_ids / sizeof odd_ids[0])]);
	return xasprintf("n%zu%s", i, next(state) % 2 ? "-x.y:z" : "");
}

static double
awkward_number(unsigned *state)
{
	static const double values[] = { 0, 1, 0.1, 1e-7, 123456.789, 1e12, 2.5, 1.0 / 3, 8000 };

	return values[next(state) % (sizeof values / sizeof values[0])];
}

static double
awkward_ratio(unsigned *state)
{
	static const double values[] = { 0, 0.1, 1.0 / 3, 2.5, 1e-7, NAPKIN_RATIO_MAX, 0.999999 };

	return values[next(state) % (sizeof values / sizeof values[0])];
}

static cJSON *
awkward_extra(unsigned *state)
{
	cJSON *extra;

	if (next(state) % 4 != 0)
		return NULL;
	extra = cJSON_CreateObject();
	cJSON_AddStringToObject(extra, "x-owner", "team \"core\" \\ ü");
	cJSON_AddNumberToObject(extra, "x-weight", 0.1);
	cJSON_AddItemToObject(extra, "x-list", cJSON_CreateIntArray((const int[]){ 1, 2, 3 }, 3));
	return extra;
}

struct diagram *
awkward_diagram(unsigned seed, size_t count)
{
	struct diagram *d = diagram_new();
	unsigned state = seed * 2654435761u + 1;
	struct napkin_error err;
	size_t groups = next(&state) % 4;
	char *title = awkward_text(&state, 60, false, false);

	diagram_set_recording(d, false);
	assert_true(diagram_set_title(d, title, &err));
	free(title);
	for (size_t g = 0; g < groups; g++) {
		char *id = xasprintf("g%zu%s", g, g % 2 ? ".zone:a" : "");
		char *label = awkward_text(&state, 40, true, false);
		const struct group *grp = diagram_add_group(d, id, label, &err);

		assert_non_null(grp);
		diagram_adopt_group_extra(d, grp, awkward_extra(&state));
		free(id);
		free(label);
	}
	for (size_t i = 0; i < count; i++) {
		char *id = awkward_id(&state, i);
		char *label = awkward_text(&state, 50, true, false);
		char *tech = awkward_text(&state, 30, false, false);
		char *notes = awkward_text(&state, 80, false, true);
		char *reason = awkward_text(&state, 30, true, false);
		struct accepted_risk risk = { "SPOF002", reason };
		struct node v = {
			.id = diagram_find_node(d, id) == NULL ? id : NULL,
			.kind = (enum node_kind)(next(&state) % KIND_COUNT),
			.label = label, .tech = tech, .notes = notes,
			.replicas = next(&state) % 3 == 0 ? 1 + (int)(next(&state) % 9) : 1,
			.managed = next(&state) % 4 == 0,
			.x = (int)(next(&state) * 31 % NAPKIN_COORD_MAX), .y = (int)(next(&state) % 4000),
			.capacity = awkward_number(&state), .rps = awkward_number(&state),
			.accepts = &risk, .accept_count = next(&state) % 3 == 0,
		};
		const struct node *n = diagram_insert_node(d, &v, &err);

		assert_non_null(n);
		if (groups > 0 && next(&state) % 2)
			assert_true(diagram_set_node_group(d, n, diagram_group(d, next(&state) % groups), &err));
		diagram_adopt_node_extra(d, n, awkward_extra(&state));
		free(id);
		free(label);
		free(tech);
		free(notes);
		free(reason);
	}
	for (size_t i = 0; count > 1 && i < count * 2; i++) {
		const struct node *from = diagram_node(d, next(&state) % count);
		const struct node *to = diagram_node(d, next(&state) % count);
		char *label = awkward_text(&state, 40, false, false);
		const struct edge *e;

		if (from == to) {
			free(label);
			continue;
		}
		e = diagram_connect(d, from, to, label, next(&state) % 3 ? EDGE_SYNC : EDGE_ASYNC, &err);
		assert_non_null(e);
		if (next(&state) % 3 == 0)
			assert_true(diagram_set_edge_ratio(d, e, awkward_ratio(&state), &err));
		diagram_adopt_edge_extra(d, e, awkward_extra(&state));
		free(label);
	}
	diagram_adopt_extra(d, awkward_extra(&state));
	diagram_set_recording(d, true);
	diagram_clear_history(d);
	return d;
}

char *
awkward_path(const char *relative)
{
	const char *root = getenv("NAPKIN_ROOT");

	return xasprintf("%s/%s", root != NULL && root[0] != '\0' ? root : ".", relative);
}

struct diagram *
awkward_load(const char *path)
{
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_file(path, &errors);

	if (d == NULL) {
		error_list_print(&errors, stderr);
		fail_msg("cannot load %s", path);
	}
	error_list_clear(&errors);
	return d;
}

struct diagram **
awkward_templates(size_t *count)
{
	char *dir = awkward_path("templates");
	DIR *listing = opendir(dir);
	struct diagram **list = NULL;
	struct dirent *entry;

	*count = 0;
	assert_non_null(listing);
	while ((entry = readdir(listing)) != NULL) {
		size_t len = strlen(entry->d_name);
		char *path;

		if (len < 6 || strcmp(entry->d_name + len - 5, ".json") != 0)
			continue;
		path = xasprintf("%s/%s", dir, entry->d_name);
		list = xreallocarray(list, *count + 1, sizeof *list);
		list[(*count)++] = awkward_load(path);
		free(path);
	}
	closedir(listing);
	free(dir);
	assert_true(*count > 0);
	return list;
}

void
awkward_free_all(struct diagram **list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		diagram_free(list[i]);
	free(list);
}

char *
awkward_temp_file(const char *data, size_t len, const char *suffix)
{
	char *path = xasprintf("%s/napkin-test-XXXXXX%s", getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp",
	    suffix);
	int fd = mkstemps(path, (int)strlen(suffix));

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

char *
awkward_read_file(const char *path, size_t *len)
{
	FILE *in = fopen(path, "rb");
	char *data = NULL;
	size_t size = 0;
	FILE *out;

	if (in == NULL)
		return NULL;
	out = open_memstream(&data, &size);
	for (int c; (c = getc(in)) != EOF;)
		putc(c, out);
	fclose(in);
	fclose(out);
	if (len != NULL)
		*len = size;
	return data;
}

int
awkward_run(char *const argv[], char **err)
{
	char *errpath = awkward_temp_file("", 0, ".err");
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY), fd = open(errpath, O_WRONLY | O_TRUNC);

		dup2(in, 0);
		dup2(fd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	assert_true(waitpid(pid, &status, 0) == pid);
	if (err != NULL)
		*err = awkward_read_file(errpath, NULL);
	unlink(errpath);
	free(errpath);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
