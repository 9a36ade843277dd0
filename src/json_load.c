/*
 * Loading napkin files.
 *
 * This file walks the document (json_load.h says where the rest is).  It
 * is checked as UTF-8 and walked member by member with json_scan.c; each member -- or, for "nodes", "edges" and "groups", each
 * array element -- is checked against the JSON grammar, parsed by cJSON on
 * its own and turned into model calls at once.  So memory holds the text,
 * the model and one small cJSON tree at a time, an error can name the
 * element it is in, and a file in napkin's own order is read in one pass.
 * Positions are only computed for errors (json_locate).  The version is
 * checked before anything else, and nodes load before the edges and groups
 * that name them, whatever order the file uses.
 */
#include "diagram_json.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "json_load.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * Parse text[start, end), which the scanner has checked, with cJSON.  The
 * check comes first because cJSON is lenient (it takes 01, 1. and +1) and
 * says where it failed but not why.
 */
static cJSON *
parse_checked(struct loader *l, size_t start, size_t end)
{
	cJSON *item = cJSON_ParseWithLength(l->text.data + start, end - start);

	if (item == NULL)
		loader_fail_at(l, start, "invalid JSON");
	return item;
}

/*
 * Check the value at pos, nested depth deep, and find its end; SIZE_MAX
 * after reporting a syntax error, after which nothing more can be read.
 */
static size_t
check_value(struct loader *l, size_t pos, int depth)
{
	const char *message;
	size_t end, bad;

	if (!json_check_value(l->text, pos, depth, &end, &bad, &message)) {
		loader_fail_at(l, bad, "invalid JSON: %s", message);
		return SIZE_MAX;
	}
	return end;
}

typedef void (*element_loader)(struct loader *l, const cJSON *obj, size_t pos, size_t number);
typedef bool (*plain_loader)(struct loader *l, size_t pos, size_t *end);

/* How the elements of an array are loaded: plain ones quickly when plain is not NULL. */
struct element_kind {
	const char *what;	/* "nodes", "edges" or "groups" */
	element_loader load;
	plain_loader plain;
};

static const struct element_kind nodes = { "nodes", json_load_node, json_load_plain_node };
static const struct element_kind edges = { "edges", json_load_edge, json_load_plain_edge };
static const struct element_kind groups = { "groups", json_load_group, NULL };

/*
 * Load the elements of the array at pos one by one, each checked, parsed
 * and turned into model calls before the next is read.  Returns where the
 * array ends, or SIZE_MAX when loading must stop: a syntax error, or a
 * full error list.
 */
static size_t
load_array(struct loader *l, const char *key, size_t pos, const struct element_kind *kind)
{
	const char *what = kind->what;
	size_t cursor = 0, ks, ke, value, number = 0;
	const char *message;
	int more;

	if (l->text.data[pos] != '[') {
		loader_fail_at(l, pos, "\"%s\" must be an array of %s", key, what);
		return check_value(l, pos, 1);
	}
	while ((more = json_next_start(l->text, pos, &cursor, &ks, &ke, &value, &message)) > 0) {
		const cJSON *obj;
		cJSON *item;
		size_t bad;

		if (error_list_full(l->errors)) {
			/* Elements are left unchecked: say so. */
			l->errors->truncated = true;
			return SIZE_MAX;
		}
		number++;
		if (l->text.data[value] == '{' && kind->plain != NULL && kind->plain(l, value, &cursor))
			continue;
		if (l->text.data[value] == '{') {
			obj = json_element_read(&l->element, l->text, value, 2, &cursor, &bad, &message);
			if (obj == NULL) {
				loader_fail_at(l, bad, "invalid JSON: %s", message);
				return SIZE_MAX;
			}
			kind->load(l, obj, value, number);
			continue;
		}
		/* Not an object: the loader says so, describing what it got. */
		if ((cursor = check_value(l, value, 2)) == SIZE_MAX)
			return SIZE_MAX;
		item = parse_checked(l, value, cursor);
		if (item != NULL)
			kind->load(l, item, value, number);
		cJSON_Delete(item);
	}
	if (more < 0) {
		loader_fail_at(l, value, "invalid JSON: %s", message);
		return SIZE_MAX;
	}
	return value + 1;
}

/* The name of the top-level member whose key is at text[start, end), or NULL. */
static char *
member_name(struct loader *l, size_t start, size_t end)
{
	cJSON *key = cJSON_ParseWithLength(l->text.data + start, end - start);
	char *name = cJSON_IsString(key) ? xstrdup(key->valuestring) : NULL;

	cJSON_Delete(key);
	if (name == NULL)
		loader_fail_at(l, start, "invalid JSON: member name is not a valid string");
	return name;
}

/*
 * The format version comes before anything else is read: a newer file is
 * refused for being newer, not for what a newer napkin put in it.  napkin
 * writes it first, so this usually reads one member.
 */
static bool
check_version(struct loader *l, size_t pos)
{
	size_t cursor = 0, ks, ke, value, end;
	const char *message;
	bool ok = false;
	int more;

	while ((more = json_next_start(l->text, pos, &cursor, &ks, &ke, &value, &message)) > 0) {
		char *name = member_name(l, ks, ke);
		bool is_version = name != NULL && strcmp(name, "napkin") == 0;
		cJSON *v;

		free(name);
		if (name == NULL || (end = check_value(l, value, 1)) == SIZE_MAX)
			return false;
		cursor = end;
		if (!is_version)
			continue;
		if ((v = parse_checked(l, value, end)) == NULL)
			return false;
		if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < 1)
			loader_fail_at(l, value, "\"napkin\" must be the format version, a positive integer");
		else if (v->valuedouble > NAPKIN_FORMAT_VERSION)
			loader_fail_at(l, value, "written by a newer napkin (format %.0f); this napkin reads format %d",
			    v->valuedouble, NAPKIN_FORMAT_VERSION);
		else
			ok = true;
		cJSON_Delete(v);
		return ok;
	}
	if (more < 0)
		loader_fail_at(l, value, "invalid JSON: %s", message);
	else
		loader_fail_at(l, pos, "missing \"napkin\": 1 at the top level; is this a napkin file?");
	return false;
}

static void
load_title(struct loader *l, size_t pos, size_t end)
{
	struct napkin_error err;
	char buf[96];
	cJSON *v = parse_checked(l, pos, end);

	if (v == NULL)
		return;
	if (!cJSON_IsString(v))
		loader_fail_at(l, pos, "\"title\" must be a string, not %s", loader_describe(v, buf, sizeof buf));
	else if (!diagram_set_title(l->d, v->valuestring, &err))
		loader_fail_at(l, pos, "%s", err.message);
	cJSON_Delete(v);
}

/* A top-level member napkin does not know: kept, to be written back. */
static void
load_unknown(struct loader *l, const char *name, size_t pos, size_t end, cJSON **extra)
{
	char buf[96];
	cJSON *v;

	if (loader_failed(l) || (v = parse_checked(l, pos, end)) == NULL)
		return;
	if (loader_find_non_finite(v) != NULL) {
		loader_fail_at(l, pos, "number out of range in %s", loader_quote(name, buf, sizeof buf));
		cJSON_Delete(v);
		return;
	}
	if (*extra == NULL)
		*extra = cJSON_CreateObject();
	cJSON_AddItemToObject(*extra, name, v);
}

/* Edges and groups name nodes: when they come first, they wait for them. */
struct waiting {
	const char *key;
	size_t pos;
	const struct element_kind *kind;
};

/*
 * Read the top-level members in one pass, loading each as it comes.  In
 * napkin's own order (nodes, edges, groups) every byte of the arrays is
 * read once by the scanner and once by cJSON.  False when reading stopped.
 */
static bool
load_members(struct loader *l, size_t pos)
{
	struct json_text t = l->text;
	struct strmap *seen = strmap_new();
	struct waiting waiting[2];
	size_t cursor = 0, ks, ke, value, end, waiting_count = 0;
	char **names = NULL;
	size_t name_count = 0;
	cJSON *extra = NULL;
	bool nodes_done = false, ok = false;
	const char *message;
	int more;

	while ((more = json_next_start(t, pos, &cursor, &ks, &ke, &value, &message)) > 0) {
		char *name = member_name(l, ks, ke);
		bool is_edges, is_groups;
		char buf[96];

		if (name == NULL)
			goto out;
		names = xreallocarray(names, name_count + 1, sizeof *names);
		names[name_count++] = name;
		if (strmap_get(seen, name) != NULL) {
			loader_fail_at(l, ks, "member %s appears twice", loader_quote(name, buf, sizeof buf));
			goto out;
		}
		strmap_put(seen, name, name);
		is_edges = strcmp(name, "edges") == 0;
		is_groups = strcmp(name, "groups") == 0;
		if (strcmp(name, "nodes") == 0) {
			end = load_array(l, name, value, &nodes);
			nodes_done = true;
			for (size_t i = 0; i < waiting_count && end != SIZE_MAX; i++) {
				if (load_array(l, waiting[i].key, waiting[i].pos, waiting[i].kind) == SIZE_MAX)
					end = SIZE_MAX;
			}
			waiting_count = 0;
		} else if ((is_edges || is_groups) && nodes_done) {
			end = load_array(l, name, value, is_edges ? &edges : &groups);
		} else if (is_edges || is_groups) {
			waiting[waiting_count++] = (struct waiting){ name, value, is_edges ? &edges : &groups };
			end = check_value(l, value, 1);
		} else {
			end = check_value(l, value, 1);
			if (end != SIZE_MAX && strcmp(name, "title") == 0)
				load_title(l, value, end);
			else if (end != SIZE_MAX && strcmp(name, "napkin") != 0)
				load_unknown(l, name, value, end, &extra);
		}
		if (end == SIZE_MAX)
			goto out;
		cursor = end;
	}
	if (more < 0) {
		loader_fail_at(l, value, "invalid JSON: %s", message);
		goto out;
	}
	/* json_next_start stopped at the closing brace; nothing may follow it. */
	end = json_skip_space(t, value + 1);
	if (end != t.len) {
		loader_fail_at(l, end, "invalid JSON: unexpected text after the top-level object");
		goto out;
	}
	/* No "nodes" at all: edges and groups can only name unknown nodes. */
	for (size_t i = 0; i < waiting_count; i++) {
		if (load_array(l, waiting[i].key, waiting[i].pos, waiting[i].kind) == SIZE_MAX)
			goto out;
	}
	ok = true;
out:
	diagram_adopt_extra(l->d, extra);
	for (size_t i = 0; i < name_count; i++)
		free(names[i]);
	free(names);
	strmap_free(seen);
	return ok;
}

void
loader_start(struct loader *l)
{
	l->d = diagram_new();
	l->refused = strmap_new();
	json_element_init(&l->element);
	diagram_set_recording(l->d, false);
}

void
loader_finish(struct loader *l)
{
	diagram_set_recording(l->d, true);
	diagram_clear_history(l->d);
	json_element_free(&l->element);
	free(l->plain_text);
	for (size_t i = 0; i < l->refused_count; i++)
		free(l->refused_ids[i]);
	free(l->refused_ids);
	strmap_free(l->refused);
}

/* Load the text of l into a new diagram; NULL after reporting to l->errors. */
static struct diagram *
load(struct loader *l)
{
	const char *data = l->text.data;
	size_t len = l->text.len;
	locale_t c_numeric, user_locale;
	size_t pos, bad;

	if (!utf8_valid(data, len, &bad)) {
		loader_fail_at(l, bad, "invalid UTF-8 (byte 0x%02x)", (unsigned char)data[bad]);
		return NULL;
	}
	pos = json_skip_space(l->text, 0);
	if (pos == len) {
		loader_fail_at(l, pos, "the file is empty; a napkin file is a JSON object");
		return NULL;
	}
	if (len - pos >= 3 && memcmp(data + pos, "\xef\xbb\xbf", 3) == 0) {
		loader_fail_at(l, pos, "the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one");
		return NULL;
	}
	if (data[pos] != '{') {
		loader_fail_at(l, pos, "expected a JSON object at the top level");
		return NULL;
	}
	if (!check_version(l, pos))
		return NULL;
	/* JSON numbers have a '.' whatever LC_NUMERIC says. */
	c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (c_numeric == (locale_t)0)
		fatal("out of memory");
	user_locale = uselocale(c_numeric);
	loader_start(l);
	load_members(l, pos);
	loader_finish(l);
	uselocale(user_locale);
	freelocale(c_numeric);
	if (loader_failed(l)) {
		diagram_free(l->d);
		return NULL;
	}
	return l->d;
}

struct diagram *
diagram_load_buffer(const char *name, const char *data, size_t len, struct error_list *errors)
{
	/*
	 * Each file gets its own list, so a caller's list that earlier files
	 * filled cannot make this one fail, or stop early.
	 */
	struct error_list mine = { 0 };
	struct loader l = { .name = name, .text = { data, len }, .errors = &mine };
	struct diagram *d;

	if (len > NAPKIN_FILE_MAX) {
		error_list_add(errors, "%s: the file is %zu bytes; the limit is %zu bytes (1 GiB)",
		    name, len, (size_t)NAPKIN_FILE_MAX);
		return NULL;
	}
	d = load(&l);
	for (size_t i = 0; i < mine.count; i++)
		error_list_add(errors, "%s", mine.messages[i]);
	if (mine.truncated)
		errors->truncated = true;
	error_list_clear(&mine);
	return d;
}

struct diagram *
diagram_load_file(const char *path, struct error_list *errors)
{
	struct diagram *d = NULL;
	struct stat st;
	size_t len = 0, capacity;
	char *data = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		error_list_add(errors, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		error_list_add(errors, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		error_list_add(errors, "%s: is a directory", path);
		goto out;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > NAPKIN_FILE_MAX) {
		error_list_add(errors, "%s: the file is %jd bytes; the limit is %zu bytes (1 GiB)",
		    path, (intmax_t)st.st_size, (size_t)NAPKIN_FILE_MAX);
		goto out;
	}
	/*
	 * read(), not mmap(): another program may truncate the file while we
	 * look at it, and a viewer must not die of SIGBUS when it does.
	 */
	capacity = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	data = xmalloc(capacity);
	for (;;) {
		ssize_t got;

		if (len == capacity) {
			/* A pipe or device has no size: read one byte past the limit at most. */
			if (len > NAPKIN_FILE_MAX) {
				error_list_add(errors, "%s: the file is over the limit of %zu bytes (1 GiB)",
				    path, (size_t)NAPKIN_FILE_MAX);
				goto out;
			}
			capacity = capacity > NAPKIN_FILE_MAX / 2 ? NAPKIN_FILE_MAX + 1 : capacity * 2;
			data = xrealloc(data, capacity);
		}
		got = read(fd, data + len, capacity - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			error_list_add(errors, "%s: %s", path, strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		len += (size_t)got;
	}
	d = diagram_load_buffer(path, data, len, errors);
out:
	free(data);
	close(fd);
	return d;
}
