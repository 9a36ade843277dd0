/*
 * Loading napkin files.
 *
 * The document is checked as UTF-8 and walked member by member with
 * json_scan.c; each member -- or, for "nodes", "edges" and "groups", each
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
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "json_element.h"
#include "json_number.h"
#include "json_scan.h"
#include "strmap.h"
#include "utf8.h"
#include "xalloc.h"

struct loader {
	const char *name;		/* file name for messages */
	struct json_text text;
	struct error_list *errors;	/* this file's alone */
	struct diagram *d;
	/*
	 * Ids of nodes that were refused (their error is already reported), so
	 * edges and groups naming them do not add a misleading "unknown node".
	 */
	struct strmap *refused;
	char **refused_ids;
	size_t refused_count;
	struct json_element element;	/* scratch for reading elements */
};

/* An element being loaded: where it is and how messages name it. */
struct element {
	size_t pos;
	const char *what;	/* "node", "edge" or "group" */
	size_t number;		/* its place in the array, from 1 */
	const char *id;		/* a valid id to name it by, or NULL */
};

static bool
failed(const struct loader *l)
{
	return l->errors->count > 0 || l->errors->truncated;
}

/*
 * "node 3", or "node \"api\"" when the element has a valid id.  Made only
 * for a message: most elements never need a name.
 */
static const char *
element_name(const struct element *el, char *buf, size_t size)
{
	if (el->id != NULL)
		snprintf(buf, size, "%s \"%s\"", el->what, el->id);
	else
		snprintf(buf, size, "%s %zu", el->what, el->number);
	return buf;
}

static void
fail_at(struct loader *l, size_t pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
fail_at(struct loader *l, size_t pos, const char *fmt, ...)
{
	char message[768];
	unsigned long line, column;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	json_line_column(l->text, pos, &line, &column);
	error_list_add(l->errors, "%s:%lu:%lu: %s", l->name, line, column, message);
}

/* An error about el, pointing at path inside it (or at el itself). */
static void
fail_in(struct loader *l, const struct element *el, const struct json_step *path, size_t depth,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
fail_in(struct loader *l, const struct element *el, const struct json_step *path, size_t depth,
    const char *fmt, ...)
{
	char message[640], name[NAPKIN_ID_MAX + 32];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	fail_at(l, json_locate(l->text, el->pos, path, depth), "%s: %s",
	    element_name(el, name, sizeof name), message);
}

#define FAIL_MEMBER(l, el, member, ...) \
	fail_in((l), (el), (const struct json_step[]){ { (member), 0 } }, (member) != NULL, __VA_ARGS__)

/*
 * s in double quotes for a message, escaped as JSON would write it: a
 * control character becomes \u001b, never a raw byte on the terminal.  A
 * long string is cut at a character boundary and ends in "...".
 */
static const char *
quote(const char *s, char *buf, size_t size)
{
	size_t o = 0, i = 0, len = strlen(s);

	buf[o++] = '"';
	while (i < len) {
		char piece[8];
		size_t n, piece_len;
		uint32_t cp;

		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			n = 1;
			strcpy(piece, "?");
		} else if (cp == '"' || cp == '\\') {
			snprintf(piece, sizeof piece, "\\%c", (char)cp);
		} else if (utf8_is_control(cp)) {
			snprintf(piece, sizeof piece, "\\u%04x", (unsigned)cp);
		} else {
			memcpy(piece, s + i, n);
			piece[n] = '\0';
		}
		piece_len = strlen(piece);
		/* Keep room for the piece, then "...", the quote and the NUL. */
		if (o + piece_len + 5 > size) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		memcpy(buf + o, piece, piece_len);
		o += piece_len;
		i += n;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

/* A short, printable description of a JSON value for messages. */
static const char *
describe(const cJSON *v, char *buf, size_t size)
{
	if (cJSON_IsString(v))
		return quote(v->valuestring, buf, size);
	if (cJSON_IsNumber(v)) {
		char number[JSON_NUMBER_SIZE];

		json_format_number(v->valuedouble, number);
		snprintf(buf, size, "%s", isfinite(v->valuedouble) ? number : "out of range");
		return buf;
	}
	return cJSON_IsBool(v) ? (cJSON_IsTrue(v) ? "true" : "false") :
	    cJSON_IsNull(v) ? "null" : cJSON_IsArray(v) ? "an array" : "an object";
}

static size_t
edit_distance(const char *a, const char *b)
{
	size_t lb = strlen(b), row[NAPKIN_ID_MAX + 2];

	if (lb > NAPKIN_ID_MAX || strlen(a) > NAPKIN_ID_MAX)
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; a[i - 1] != '\0'; i++) {
		size_t diagonal = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diagonal + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = up;
		}
	}
	return row[lb];
}

/* How far wrong is from right; a difference of case alone is nearest. */
static size_t
miss_distance(const char *wrong, const char *right)
{
	return strcasecmp(wrong, right) == 0 ? 0 : edit_distance(wrong, right);
}

/* "; did you mean "x"?" for a near miss among candidates, or "". */
static void
suggest(const char *wrong, const char *const *candidates, size_t count, char *buf, size_t size)
{
	size_t best = 3, at = count;

	for (size_t i = 0; i < count; i++) {
		size_t dist = miss_distance(wrong, candidates[i]);

		if (dist < best) {
			best = dist;
			at = i;
		}
	}
	if (at < count)
		snprintf(buf, size, "; did you mean \"%s\"?", candidates[at]);
	else
		buf[0] = '\0';
}

static void
suggest_node(const struct diagram *d, const char *wrong, char *buf, size_t size)
{
	const char *ids[1];
	size_t best = 3;

	buf[0] = '\0';
	/* Cheap enough for any diagram a person types by hand. */
	if (diagram_node_count(d) > 20000)
		return;
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		size_t dist = miss_distance(wrong, diagram_node(d, i)->id);

		if (dist < best) {
			best = dist;
			ids[0] = diagram_node(d, i)->id;
			suggest(wrong, ids, 1, buf, size);
		}
	}
}

/*
 * Typed member access: v is the member (NULL when absent).  Each reports
 * and returns false on a bad type.
 */

static bool
get_string(struct loader *l, const struct element *el, const cJSON *v, const char *member,
    bool required, const char **out)
{
	char buf[96];

	if (v == NULL) {
		if (required)
			FAIL_MEMBER(l, el, NULL, "missing \"%s\"", member);
		return !required;
	}
	if (!cJSON_IsString(v)) {
		FAIL_MEMBER(l, el, member, "\"%s\" must be a string, not %s", member,
		    describe(v, buf, sizeof buf));
		return false;
	}
	*out = v->valuestring;
	return true;
}

static bool
get_integer(struct loader *l, const struct element *el, const cJSON *v, const char *member,
    int min, int max, int *out)
{
	char buf[96];

	if (v == NULL)
		return true;
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
	    v->valuedouble < min || v->valuedouble > max) {
		FAIL_MEMBER(l, el, member, "\"%s\" must be an integer from %d to %d, not %s",
		    member, min, max, describe(v, buf, sizeof buf));
		return false;
	}
	*out = (int)v->valuedouble;
	return true;
}

static bool
get_number(struct loader *l, const struct element *el, const cJSON *v, const char *member,
    double max, double *out)
{
	char buf[96];

	if (v == NULL)
		return true;
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < 0 ||
	    v->valuedouble > max) {
		FAIL_MEMBER(l, el, member, "\"%s\" must be a number from 0 to %g, not %s",
		    member, max, describe(v, buf, sizeof buf));
		return false;
	}
	*out = v->valuedouble;
	return true;
}

static bool
get_bool(struct loader *l, const struct element *el, const cJSON *v, const char *member, bool *out)
{
	char buf[96];

	if (v == NULL)
		return true;
	if (!cJSON_IsBool(v)) {
		FAIL_MEMBER(l, el, member, "\"%s\" must be true or false, not %s", member,
		    describe(v, buf, sizeof buf));
		return false;
	}
	*out = cJSON_IsTrue(v);
	return true;
}

/* Numbers too big for a double parse as infinity; refuse them anywhere. */
static const cJSON *
find_non_finite(const cJSON *v)
{
	if (cJSON_IsNumber(v) && !isfinite(v->valuedouble))
		return v;
	for (const cJSON *c = v->child; c != NULL; c = c->next) {
		const cJSON *bad = find_non_finite(c);

		if (bad != NULL)
			return bad;
	}
	return NULL;
}

/* Where the key and the value of member number index of the object at pos are. */
static void
member_at(struct json_text t, size_t pos, size_t index, size_t *key, size_t *value)
{
	size_t cursor = 0, ke;
	const char *message;

	*key = *value = pos;
	for (size_t i = 0; i <= index; i++) {
		if (json_next(t, pos, &cursor, key, &ke, value, &message) != 1) {
			*key = *value = pos;
			return;
		}
	}
}

/*
 * Whether member c of obj has a name an earlier member had.  Elements have
 * a dozen members, so looking back is cheapest; seen, a hash of the names
 * so far, takes over for objects with many.
 */
static bool
member_twice(const cJSON *obj, const cJSON *c, struct strmap *seen)
{
	bool twice;

	if (seen == NULL) {
		for (const cJSON *earlier = obj->child; earlier != c; earlier = earlier->next) {
			if (strcmp(earlier->string, c->string) == 0)
				return true;
		}
		return false;
	}
	twice = strmap_get(seen, c->string) != NULL;
	strmap_put(seen, c->string, (void *)c);
	return twice;
}

/*
 * One pass over an element's members: each one named in names (a NULL-ended
 * list) goes into found[] at the same index, and the checks no type check
 * can make are made -- a name given twice, a number too big for a double.
 * *unknown is whether any member is not in names.  False after reporting.
 */
static bool
pick_members(struct loader *l, const struct element *el, const cJSON *obj,
    const char *const *names, const cJSON **found, bool *unknown)
{
	size_t count = (size_t)cJSON_GetArraySize(obj), index = 0, key, value;
	struct strmap *seen = NULL;
	char buf[96], name[NAPKIN_ID_MAX + 32];
	bool ok = true;

	for (size_t i = 0; names[i] != NULL; i++)
		found[i] = NULL;
	*unknown = false;
	if (count > 32) {
		seen = strmap_new();
		strmap_reserve(seen, count);
	}
	for (const cJSON *c = obj->child; c != NULL && ok; c = c->next, index++) {
		size_t i = 0;
		bool twice;

		while (names[i] != NULL && strcmp(c->string, names[i]) != 0)
			i++;
		if (seen != NULL || names[i] == NULL)
			twice = member_twice(obj, c, seen);
		else
			twice = found[i] != NULL;
		if (twice) {
			member_at(l->text, el->pos, index, &key, &value);
			fail_at(l, key, "%s: member %s appears twice", element_name(el, name, sizeof name),
			    quote(c->string, buf, sizeof buf));
			ok = false;
		} else if (find_non_finite(c) != NULL) {
			member_at(l->text, el->pos, index, &key, &value);
			fail_at(l, value, "%s: number out of range in %s", element_name(el, name, sizeof name),
			    quote(c->string, buf, sizeof buf));
			ok = false;
		} else if (names[i] != NULL) {
			found[i] = c;
		} else {
			*unknown = true;
		}
	}
	strmap_free(seen);
	return ok;
}

/* Name the element by its id from now on, when it has a valid one. */
static void
name_element(struct element *el, const cJSON *obj)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, "id");

	if (cJSON_IsString(id) && diagram_valid_id(id->valuestring))
		el->id = id->valuestring;
}

static void
refuse_node(struct loader *l, const cJSON *obj)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, "id");

	if (!cJSON_IsString(id) || !diagram_valid_id(id->valuestring) ||
	    strmap_get(l->refused, id->valuestring) != NULL)
		return;
	l->refused_ids = xreallocarray(l->refused_ids, l->refused_count + 1, sizeof *l->refused_ids);
	l->refused_ids[l->refused_count] = xstrdup(id->valuestring);
	strmap_put(l->refused, l->refused_ids[l->refused_count], l->refused_ids[l->refused_count]);
	l->refused_count++;
}

/* A node that was refused is reported already; an edge to it is not news. */
static bool
was_refused(const struct loader *l, const char *id)
{
	return strmap_get(l->refused, id) != NULL;
}

/* A copy of the members not named in known[], in their order, or NULL. */
static cJSON *
copy_unknown(const cJSON *obj, const char *const *known)
{
	cJSON *extra = NULL;

	for (const cJSON *c = obj->child; c != NULL; c = c->next) {
		bool is_known = false;

		for (size_t i = 0; known[i] != NULL && !is_known; i++)
			is_known = strcmp(c->string, known[i]) == 0;
		if (is_known)
			continue;
		if (extra == NULL)
			extra = cJSON_CreateObject();
		/* Objects and arrays share one child list; the copy keeps the key. */
		cJSON_AddItemToArray(extra, cJSON_Duplicate(c, true));
	}
	return extra;
}

/* --- Nodes --- */

enum {
	NODE_ID, NODE_KIND, NODE_LABEL, NODE_TECH, NODE_REPLICAS, NODE_MANAGED, NODE_X,
	NODE_Y, NODE_CAPACITY, NODE_RPS, NODE_NOTES, NODE_ACCEPT, NODE_MEMBERS
};

static const char *const node_members[NODE_MEMBERS + 1] = {
	[NODE_ID] = "id", [NODE_KIND] = "kind", [NODE_LABEL] = "label", [NODE_TECH] = "tech",
	[NODE_REPLICAS] = "replicas", [NODE_MANAGED] = "managed", [NODE_X] = "x", [NODE_Y] = "y",
	[NODE_CAPACITY] = "capacity", [NODE_RPS] = "rps", [NODE_NOTES] = "notes",
	[NODE_ACCEPT] = "accept",
};

static bool
load_accepts(struct loader *l, const struct element *el, const cJSON *list, struct node *v)
{
	const cJSON *entry;
	struct napkin_error err;
	size_t i = 0;
	char buf[96];

	if (list == NULL)
		return true;
	if (!cJSON_IsArray(list)) {
		FAIL_MEMBER(l, el, "accept", "\"accept\" must be an array, not %s",
		    describe(list, buf, sizeof buf));
		return false;
	}
	v->accept_count = (size_t)cJSON_GetArraySize(list);
	if (v->accept_count > NAPKIN_ACCEPT_MAX) {
		FAIL_MEMBER(l, el, "accept", "\"accept\" holds %zu risks; the limit is %d",
		    v->accept_count, NAPKIN_ACCEPT_MAX);
		return false;
	}
	v->accepts = xcalloc(v->accept_count, sizeof *v->accepts);
	cJSON_ArrayForEach(entry, list) {
		struct json_step path[3] = { { "accept", 0 }, { NULL, i }, { NULL, 0 } };
		const cJSON *rule = cJSON_GetObjectItemCaseSensitive(entry, "rule");
		const cJSON *reason = cJSON_GetObjectItemCaseSensitive(entry, "reason");
		const char *missing = rule == NULL ? "rule" : reason == NULL ? "reason" : NULL;

		if (!cJSON_IsObject(entry)) {
			fail_in(l, el, path, 2, "accepted risk %zu must be an object with \"rule\" and \"reason\", not %s",
			    i + 1, describe(entry, buf, sizeof buf));
			return false;
		}
		for (const cJSON *c = entry->child; c != NULL; c = c->next) {
			path[2].key = c->string;
			if (strcmp(c->string, "rule") != 0 && strcmp(c->string, "reason") != 0) {
				fail_in(l, el, path, 3, "accepted risk %zu has an unknown member %s",
				    i + 1, quote(c->string, buf, sizeof buf));
				return false;
			}
			/* The first would be read and the second lost on save. */
			if (c != (strcmp(c->string, "rule") == 0 ? rule : reason)) {
				fail_in(l, el, path, 2, "accepted risk %zu: member \"%s\" appears twice",
				    i + 1, c->string);
				return false;
			}
		}
		if (missing != NULL) {
			fail_in(l, el, path, 2, "accepted risk %zu: missing \"%s\"", i + 1, missing);
			return false;
		}
		if (!cJSON_IsString(rule) || !cJSON_IsString(reason)) {
			path[2].key = cJSON_IsString(rule) ? "reason" : "rule";
			fail_in(l, el, path, 3, "accepted risk %zu: \"%s\" must be a string, not %s", i + 1,
			    path[2].key, describe(cJSON_IsString(rule) ? reason : rule, buf, sizeof buf));
			return false;
		}
		path[2].key = "rule";
		if (!diagram_check_accept(rule->valuestring, reason->valuestring, &err)) {
			if (err.member != NULL)
				path[2].key = err.member;
			fail_in(l, el, path, 3, "accepted risk %zu: %s", i + 1, err.message);
			return false;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(v->accepts[j].rule, rule->valuestring) == 0) {
				fail_in(l, el, path, 3, "accepted risk %zu: rule %s is accepted twice (see risk %zu)",
				    i + 1, rule->valuestring, j + 1);
				return false;
			}
		}
		v->accepts[i].rule = rule->valuestring;
		v->accepts[i].reason = reason->valuestring;
		i++;
	}
	return true;
}

static void
load_node(struct loader *l, const cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos, .what = "node", .number = number };
	struct node v = { .replicas = 1 };
	struct napkin_error err;
	const char *id = NULL, *kind = NULL, *label = NULL, *tech = NULL, *notes = NULL;
	const cJSON *m[NODE_MEMBERS];
	const struct node *n, *twin;
	bool unknown;
	char buf[96];

	if (!cJSON_IsObject(obj)) {
		FAIL_MEMBER(l, &el, NULL, "expected an object, not %s", describe(obj, buf, sizeof buf));
		return;
	}
	name_element(&el, obj);
	if (!pick_members(l, &el, obj, node_members, m, &unknown) ||
	    !get_string(l, &el, m[NODE_ID], "id", true, &id))
		goto refused;
	v.id = (char *)id;
	if (!get_string(l, &el, m[NODE_KIND], "kind", true, &kind))
		goto refused;
	if (!kind_from_name(kind, &v.kind)) {
		const char *names[KIND_COUNT];
		char hint[96];

		for (int k = 0; k < KIND_COUNT; k++)
			names[k] = kind_name((enum node_kind)k);
		suggest(kind, names, KIND_COUNT, hint, sizeof hint);
		FAIL_MEMBER(l, &el, "kind", "unknown kind %s%s (see napkin --help for the kinds)",
		    describe(m[NODE_KIND], buf, sizeof buf), hint);
		goto refused;
	}
	if (!get_string(l, &el, m[NODE_LABEL], "label", false, &label) ||
	    !get_string(l, &el, m[NODE_TECH], "tech", false, &tech) ||
	    !get_string(l, &el, m[NODE_NOTES], "notes", false, &notes) ||
	    !get_integer(l, &el, m[NODE_REPLICAS], "replicas", 1, NAPKIN_REPLICAS_MAX, &v.replicas) ||
	    !get_bool(l, &el, m[NODE_MANAGED], "managed", &v.managed) ||
	    !get_integer(l, &el, m[NODE_X], "x", 0, NAPKIN_COORD_MAX, &v.x) ||
	    !get_integer(l, &el, m[NODE_Y], "y", 0, NAPKIN_COORD_MAX, &v.y) ||
	    !get_number(l, &el, m[NODE_CAPACITY], "capacity", NAPKIN_RATE_MAX, &v.capacity) ||
	    !get_number(l, &el, m[NODE_RPS], "rps", NAPKIN_RATE_MAX, &v.rps))
		goto refused;
	v.label = (char *)label;
	v.tech = (char *)tech;
	v.notes = (char *)notes;
	if (!load_accepts(l, &el, m[NODE_ACCEPT], &v))
		goto refused;
	twin = diagram_valid_id(v.id) ? diagram_find_node(l->d, v.id) : NULL;
	if (twin != NULL) {
		el.id = NULL;
		FAIL_MEMBER(l, &el, "id", "duplicate id \"%s\" (node %zu has it too)", v.id, twin->index + 1);
		goto done;
	}
	n = diagram_insert_node(l->d, &v, &err);
	if (n == NULL) {
		FAIL_MEMBER(l, &el, err.member, "%s", err.message);
		goto refused;
	}
	if (unknown)
		diagram_adopt_node_extra(l->d, n, copy_unknown(obj, node_members));
	goto done;
refused:
	refuse_node(l, obj);
done:
	free(v.accepts);
}

/* --- Groups --- */

enum { GROUP_ID, GROUP_LABEL, GROUP_NODES, GROUP_MEMBERS };

static const char *const group_members[GROUP_MEMBERS + 1] = {
	[GROUP_ID] = "id", [GROUP_LABEL] = "label", [GROUP_NODES] = "members",
};

static void
load_group(struct loader *l, const cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos, .what = "group", .number = number };
	struct napkin_error err;
	const char *id = NULL, *label = NULL;
	const cJSON *found[GROUP_MEMBERS], *members, *m;
	const struct group *g;
	bool unknown;
	size_t i = 0;
	char buf[96];

	if (!cJSON_IsObject(obj)) {
		FAIL_MEMBER(l, &el, NULL, "expected an object, not %s", describe(obj, buf, sizeof buf));
		return;
	}
	name_element(&el, obj);
	if (!pick_members(l, &el, obj, group_members, found, &unknown) ||
	    !get_string(l, &el, found[GROUP_ID], "id", true, &id) ||
	    !get_string(l, &el, found[GROUP_LABEL], "label", false, &label))
		return;
	members = found[GROUP_NODES];
	if (members != NULL && !cJSON_IsArray(members)) {
		FAIL_MEMBER(l, &el, "members", "\"members\" must be an array of node ids, not %s",
		    describe(members, buf, sizeof buf));
		return;
	}
	if (diagram_find_group(l->d, id) != NULL) {
		el.id = NULL;
		FAIL_MEMBER(l, &el, "id", "duplicate group id \"%s\"", id);
		return;
	}
	g = diagram_add_group(l->d, id, label, &err);
	if (g == NULL) {
		FAIL_MEMBER(l, &el, err.member, "%s", err.message);
		return;
	}
	cJSON_ArrayForEach(m, members) {
		struct json_step path[2] = { { "members", 0 }, { NULL, i++ } };
		const struct node *n = cJSON_IsString(m) ? diagram_find_node(l->d, m->valuestring) : NULL;
		char hint[96];

		if (!cJSON_IsString(m)) {
			fail_in(l, &el, path, 2, "\"members\" must hold node ids, not %s",
			    describe(m, buf, sizeof buf));
			return;
		}
		if (n == NULL) {
			if (was_refused(l, m->valuestring))
				return;
			suggest_node(l->d, m->valuestring, hint, sizeof hint);
			fail_in(l, &el, path, 2, "\"members\" names unknown node %s%s",
			    describe(m, buf, sizeof buf), hint);
			return;
		}
		if (n->group == g) {
			fail_in(l, &el, path, 2, "\"members\" lists node \"%s\" twice", n->id);
			return;
		}
		if (n->group != NULL) {
			fail_in(l, &el, path, 2, "node \"%s\" is already in group \"%s\"; a node is in one group at most",
			    n->id, n->group->id);
			return;
		}
		diagram_set_node_group(l->d, n, g, NULL);
	}
	if (unknown)
		diagram_adopt_group_extra(l->d, g, copy_unknown(obj, group_members));
}

/* --- Edges --- */

enum { EDGE_FROM, EDGE_TO, EDGE_LABEL, EDGE_MODE, EDGE_RATIO, EDGE_MEMBERS };

static const char *const edge_members[EDGE_MEMBERS + 1] = {
	[EDGE_FROM] = "from", [EDGE_TO] = "to", [EDGE_LABEL] = "label", [EDGE_MODE] = "mode",
	[EDGE_RATIO] = "ratio",
};

/* The node at one end of an edge; NULL when missing, reported unless refused. */
static const struct node *
edge_end(struct loader *l, const struct element *el, const cJSON *v, const char *member)
{
	const char *id = NULL;
	const struct node *n;
	char hint[96], buf[96];

	if (!get_string(l, el, v, member, true, &id))
		return NULL;
	n = diagram_find_node(l->d, id);
	if (n == NULL && !was_refused(l, id)) {
		suggest_node(l->d, id, hint, sizeof hint);
		FAIL_MEMBER(l, el, member, "\"%s\" names unknown node %s%s", member,
		    describe(v, buf, sizeof buf), hint);
	}
	return n;
}

static void
load_edge(struct loader *l, const cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos, .what = "edge", .number = number };
	struct napkin_error err;
	const struct node *from, *to;
	const char *label = "", *mode_name = NULL;
	enum edge_mode mode = EDGE_SYNC;
	double ratio = 1.0;
	const cJSON *m[EDGE_MEMBERS];
	const struct edge *e;
	bool unknown;
	char buf[96];

	if (!cJSON_IsObject(obj)) {
		FAIL_MEMBER(l, &el, NULL, "expected an object, not %s", describe(obj, buf, sizeof buf));
		return;
	}
	if (!pick_members(l, &el, obj, edge_members, m, &unknown))
		return;
	if ((from = edge_end(l, &el, m[EDGE_FROM], "from")) == NULL ||
	    (to = edge_end(l, &el, m[EDGE_TO], "to")) == NULL)
		return;
	if (!get_string(l, &el, m[EDGE_LABEL], "label", false, &label) ||
	    !get_string(l, &el, m[EDGE_MODE], "mode", false, &mode_name) ||
	    !get_number(l, &el, m[EDGE_RATIO], "ratio", NAPKIN_RATIO_MAX, &ratio))
		return;
	if (mode_name != NULL && !edge_mode_from_name(mode_name, &mode)) {
		FAIL_MEMBER(l, &el, "mode", "\"mode\" must be \"sync\" or \"async\", not %s",
		    describe(m[EDGE_MODE], buf, sizeof buf));
		return;
	}
	e = diagram_connect(l->d, from, to, label, mode, &err);
	if (e == NULL || !diagram_set_edge_ratio(l->d, e, ratio, &err)) {
		FAIL_MEMBER(l, &el, err.member, "%s", err.message);
		return;
	}
	if (unknown)
		diagram_adopt_edge_extra(l->d, e, copy_unknown(obj, edge_members));
}

/* --- The document --- */

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
		fail_at(l, start, "invalid JSON");
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
		fail_at(l, bad, "invalid JSON: %s", message);
		return SIZE_MAX;
	}
	return end;
}

typedef void (*element_loader)(struct loader *l, const cJSON *obj, size_t pos, size_t number);

/*
 * Load the elements of the array at pos one by one, each checked, parsed
 * and turned into model calls before the next is read.  Returns where the
 * array ends, or SIZE_MAX when loading must stop: a syntax error, or a
 * full error list.
 */
static size_t
load_array(struct loader *l, const char *key, size_t pos, const char *what, element_loader load)
{
	size_t cursor = 0, ks, ke, value, number = 0;
	const char *message;
	int more;

	if (l->text.data[pos] != '[') {
		fail_at(l, pos, "\"%s\" must be an array of %s", key, what);
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
		if (l->text.data[value] == '{') {
			obj = json_element_read(&l->element, l->text, value, 2, &cursor, &bad, &message);
			if (obj == NULL) {
				fail_at(l, bad, "invalid JSON: %s", message);
				return SIZE_MAX;
			}
			load(l, obj, value, number);
			continue;
		}
		/* Not an object: the loader says so, describing what it got. */
		if ((cursor = check_value(l, value, 2)) == SIZE_MAX)
			return SIZE_MAX;
		item = parse_checked(l, value, cursor);
		if (item != NULL)
			load(l, item, value, number);
		cJSON_Delete(item);
	}
	if (more < 0) {
		fail_at(l, value, "invalid JSON: %s", message);
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
		fail_at(l, start, "invalid JSON: member name is not a valid string");
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
			fail_at(l, value, "\"napkin\" must be the format version, a positive integer");
		else if (v->valuedouble > NAPKIN_FORMAT_VERSION)
			fail_at(l, value, "written by a newer napkin (format %.0f); this napkin reads format %d",
			    v->valuedouble, NAPKIN_FORMAT_VERSION);
		else
			ok = true;
		cJSON_Delete(v);
		return ok;
	}
	if (more < 0)
		fail_at(l, value, "invalid JSON: %s", message);
	else
		fail_at(l, pos, "missing \"napkin\": 1 at the top level; is this a napkin file?");
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
		fail_at(l, pos, "\"title\" must be a string, not %s", describe(v, buf, sizeof buf));
	else if (!diagram_set_title(l->d, v->valuestring, &err))
		fail_at(l, pos, "%s", err.message);
	cJSON_Delete(v);
}

/* A top-level member napkin does not know: kept, to be written back. */
static void
load_unknown(struct loader *l, const char *name, size_t pos, size_t end, cJSON **extra)
{
	char buf[96];
	cJSON *v;

	if (failed(l) || (v = parse_checked(l, pos, end)) == NULL)
		return;
	if (find_non_finite(v) != NULL) {
		fail_at(l, pos, "number out of range in %s", quote(name, buf, sizeof buf));
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
	const char *what;
	element_loader load;
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
			fail_at(l, ks, "member %s appears twice", quote(name, buf, sizeof buf));
			goto out;
		}
		strmap_put(seen, name, name);
		is_edges = strcmp(name, "edges") == 0;
		is_groups = strcmp(name, "groups") == 0;
		if (strcmp(name, "nodes") == 0) {
			end = load_array(l, name, value, "nodes", load_node);
			nodes_done = true;
			for (size_t i = 0; i < waiting_count && end != SIZE_MAX; i++) {
				if (load_array(l, waiting[i].key, waiting[i].pos, waiting[i].what,
				    waiting[i].load) == SIZE_MAX)
					end = SIZE_MAX;
			}
			waiting_count = 0;
		} else if ((is_edges || is_groups) && nodes_done) {
			end = load_array(l, name, value, name, is_edges ? load_edge : load_group);
		} else if (is_edges || is_groups) {
			waiting[waiting_count++] = (struct waiting){ name, value, name,
			    is_edges ? load_edge : load_group };
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
		fail_at(l, value, "invalid JSON: %s", message);
		goto out;
	}
	/* json_next_start stopped at the closing brace; nothing may follow it. */
	end = json_skip_space(t, value + 1);
	if (end != t.len) {
		fail_at(l, end, "invalid JSON: unexpected text after the top-level object");
		goto out;
	}
	/* No "nodes" at all: edges and groups can only name unknown nodes. */
	for (size_t i = 0; i < waiting_count; i++) {
		if (load_array(l, waiting[i].key, waiting[i].pos, waiting[i].what,
		    waiting[i].load) == SIZE_MAX)
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

/* Load the text of l into a new diagram; NULL after reporting to l->errors. */
static struct diagram *
load(struct loader *l)
{
	const char *data = l->text.data;
	size_t len = l->text.len;
	locale_t c_numeric, user_locale;
	size_t pos, bad;

	if (!utf8_valid(data, len, &bad)) {
		fail_at(l, bad, "invalid UTF-8 (byte 0x%02x)", (unsigned char)data[bad]);
		return NULL;
	}
	pos = json_skip_space(l->text, 0);
	if (pos == len) {
		fail_at(l, pos, "the file is empty; a napkin file is a JSON object");
		return NULL;
	}
	if (len - pos >= 3 && memcmp(data + pos, "\xef\xbb\xbf", 3) == 0) {
		fail_at(l, pos, "the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one");
		return NULL;
	}
	if (data[pos] != '{') {
		fail_at(l, pos, "expected a JSON object at the top level");
		return NULL;
	}
	if (!check_version(l, pos))
		return NULL;
	/* JSON numbers have a '.' whatever LC_NUMERIC says. */
	c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (c_numeric == (locale_t)0)
		fatal("out of memory");
	user_locale = uselocale(c_numeric);
	l->d = diagram_new();
	l->refused = strmap_new();
	json_element_init(&l->element);
	diagram_set_recording(l->d, false);
	load_members(l, pos);
	diagram_set_recording(l->d, true);
	diagram_clear_history(l->d);
	json_element_free(&l->element);
	for (size_t i = 0; i < l->refused_count; i++)
		free(l->refused_ids[i]);
	free(l->refused_ids);
	strmap_free(l->refused);
	uselocale(user_locale);
	freelocale(c_numeric);
	if (failed(l)) {
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
