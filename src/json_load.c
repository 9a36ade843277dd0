/*
 * Loading napkin files.
 *
 * The document is checked as UTF-8, cut into top-level members by
 * json_scan.c, and each member -- or, for "nodes", "edges" and "groups",
 * each array element -- is parsed by cJSON on its own and turned into model
 * calls at once.  So memory holds the text, the model and one small cJSON
 * tree at a time, and an error can name the element it is in.  Positions
 * are only computed for errors (json_locate).  Nodes load before groups and
 * edges, which name them, whatever order the file uses.
 */
#include "diagram_json.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "json_number.h"
#include "json_scan.h"
#include "strmap.h"
#include "utf8.h"
#include "xalloc.h"

struct loader {
	const char *name;		/* file name for messages */
	struct json_text text;
	struct error_list *errors;
	size_t errors_before;
	struct diagram *d;
	/*
	 * Ids of nodes that were refused (their error is already reported), so
	 * edges and groups naming them do not add a misleading "unknown node".
	 */
	struct strmap *refused;
	char **refused_ids;
	size_t refused_count;
};

/* An element being loaded: where it is and how messages name it. */
struct element {
	size_t pos;
	char name[NAPKIN_ID_MAX + 32];	/* node "api", edge 3 */
};

/* A top-level member of the document. */
struct member {
	char *key;
	size_t key_pos, value, end;
};

static bool
failed(const struct loader *l)
{
	return l->errors->count > l->errors_before || l->errors->truncated;
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
	char message[640];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	fail_at(l, json_locate(l->text, el->pos, path, depth), "%s: %s", el->name, message);
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

/* --- Typed member access; each reports and returns false on a bad type --- */

static bool
get_string(struct loader *l, const struct element *el, const cJSON *obj, const char *member,
    bool required, const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, member);
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
get_integer(struct loader *l, const struct element *el, const cJSON *obj, const char *member,
    int min, int max, int *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, member);
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
get_number(struct loader *l, const struct element *el, const cJSON *obj, const char *member,
    double max, double *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, member);
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
get_bool(struct loader *l, const struct element *el, const cJSON *obj, const char *member, bool *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, member);
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

/* Members of an element that no type check can catch: twins, infinities. */
static bool
check_members(struct loader *l, const struct element *el, const cJSON *obj)
{
	size_t count = 0, key, value;
	struct strmap *seen;
	char buf[96];
	bool ok = true;

	for (const cJSON *c = obj->child; c != NULL; c = c->next, count++) {
		if (find_non_finite(c) != NULL) {
			member_at(l->text, el->pos, count, &key, &value);
			fail_at(l, value, "%s: number out of range in %s", el->name,
			    quote(c->string, buf, sizeof buf));
			return false;
		}
	}
	if (count < 2)
		return true;
	seen = strmap_new();
	strmap_reserve(seen, count);
	count = 0;
	for (const cJSON *c = obj->child; c != NULL && ok; c = c->next, count++) {
		if (strmap_get(seen, c->string) != NULL) {
			member_at(l->text, el->pos, count, &key, &value);
			fail_at(l, key, "%s: member %s appears twice", el->name,
			    quote(c->string, buf, sizeof buf));
			ok = false;
		}
		strmap_put(seen, c->string, (void *)c);
	}
	strmap_free(seen);
	return ok;
}

/* "node 3", or "node \"api\"" once the element has a valid id to go by. */
static void
name_element(struct element *el, const char *what, size_t number, const cJSON *obj)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, "id");

	if (cJSON_IsString(id) && diagram_valid_id(id->valuestring))
		snprintf(el->name, sizeof el->name, "%s \"%s\"", what, id->valuestring);
	else
		snprintf(el->name, sizeof el->name, "%s %zu", what, number);
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

/* Move the members not named in known[] into a new object, or NULL. */
static cJSON *
take_unknown(cJSON *obj, const char *const *known)
{
	cJSON *extra = NULL, *c = obj->child;

	while (c != NULL) {
		cJSON *next = c->next;
		bool is_known = false;

		for (size_t i = 0; known[i] != NULL && !is_known; i++)
			is_known = strcmp(c->string, known[i]) == 0;
		if (!is_known) {
			if (extra == NULL)
				extra = cJSON_CreateObject();
			/* Objects and arrays share one child list; the key stays. */
			cJSON_AddItemToArray(extra, cJSON_DetachItemViaPointer(obj, c));
		}
		c = next;
	}
	return extra;
}

/* --- Nodes --- */

static const char *const node_members[] = {
	"id", "kind", "label", "tech", "replicas", "managed", "x", "y",
	"capacity", "rps", "notes", "accept", NULL
};

static bool
load_accepts(struct loader *l, const struct element *el, const cJSON *obj, struct node *v)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(obj, "accept");
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
			if (strcmp(c->string, "rule") != 0 && strcmp(c->string, "reason") != 0) {
				path[2].key = c->string;
				fail_in(l, el, path, 3, "accepted risk %zu has an unknown member %s",
				    i + 1, quote(c->string, buf, sizeof buf));
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
load_node(struct loader *l, cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos };
	struct node v = { .replicas = 1 };
	struct napkin_error err;
	const char *id = NULL, *kind = NULL, *label = NULL, *tech = NULL, *notes = NULL;
	const struct node *n, *twin;
	char buf[96];

	if (!cJSON_IsObject(obj)) {
		snprintf(el.name, sizeof el.name, "node %zu", number);
		FAIL_MEMBER(l, &el, NULL, "expected an object, not %s", describe(obj, buf, sizeof buf));
		return;
	}
	name_element(&el, "node", number, obj);
	if (!check_members(l, &el, obj) || !get_string(l, &el, obj, "id", true, &id))
		goto refused;
	v.id = (char *)id;
	if (!get_string(l, &el, obj, "kind", true, &kind))
		goto refused;
	if (!kind_from_name(kind, &v.kind)) {
		const char *names[KIND_COUNT];
		char hint[96];

		for (int k = 0; k < KIND_COUNT; k++)
			names[k] = kind_name((enum node_kind)k);
		suggest(kind, names, KIND_COUNT, hint, sizeof hint);
		FAIL_MEMBER(l, &el, "kind", "unknown kind %s%s (see napkin --help for the kinds)",
		    describe(cJSON_GetObjectItemCaseSensitive(obj, "kind"), buf, sizeof buf), hint);
		goto refused;
	}
	if (!get_string(l, &el, obj, "label", false, &label) ||
	    !get_string(l, &el, obj, "tech", false, &tech) ||
	    !get_string(l, &el, obj, "notes", false, &notes) ||
	    !get_integer(l, &el, obj, "replicas", 1, NAPKIN_REPLICAS_MAX, &v.replicas) ||
	    !get_bool(l, &el, obj, "managed", &v.managed) ||
	    !get_integer(l, &el, obj, "x", 0, NAPKIN_COORD_MAX, &v.x) ||
	    !get_integer(l, &el, obj, "y", 0, NAPKIN_COORD_MAX, &v.y) ||
	    !get_number(l, &el, obj, "capacity", NAPKIN_RATE_MAX, &v.capacity) ||
	    !get_number(l, &el, obj, "rps", NAPKIN_RATE_MAX, &v.rps))
		goto refused;
	v.label = (char *)label;
	v.tech = (char *)tech;
	v.notes = (char *)notes;
	if (!load_accepts(l, &el, obj, &v))
		goto refused;
	twin = diagram_valid_id(v.id) ? diagram_find_node(l->d, v.id) : NULL;
	if (twin != NULL) {
		snprintf(el.name, sizeof el.name, "node %zu", number);
		FAIL_MEMBER(l, &el, "id", "duplicate id \"%s\" (node %zu has it too)", v.id, twin->index + 1);
		goto done;
	}
	n = diagram_insert_node(l->d, &v, &err);
	if (n == NULL) {
		FAIL_MEMBER(l, &el, err.member, "%s", err.message);
		goto refused;
	}
	diagram_adopt_node_extra(l->d, n, take_unknown(obj, node_members));
	goto done;
refused:
	refuse_node(l, obj);
done:
	free(v.accepts);
}

/* --- Groups --- */

static const char *const group_members[] = { "id", "label", "members", NULL };

static void
load_group(struct loader *l, cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos };
	struct napkin_error err;
	const char *id = NULL, *label = NULL;
	const cJSON *members, *m;
	const struct group *g;
	size_t i = 0;
	char buf[96];

	if (!cJSON_IsObject(obj)) {
		snprintf(el.name, sizeof el.name, "group %zu", number);
		FAIL_MEMBER(l, &el, NULL, "expected an object, not %s", describe(obj, buf, sizeof buf));
		return;
	}
	name_element(&el, "group", number, obj);
	if (!check_members(l, &el, obj) || !get_string(l, &el, obj, "id", true, &id) ||
	    !get_string(l, &el, obj, "label", false, &label))
		return;
	members = cJSON_GetObjectItemCaseSensitive(obj, "members");
	if (members != NULL && !cJSON_IsArray(members)) {
		FAIL_MEMBER(l, &el, "members", "\"members\" must be an array of node ids, not %s",
		    describe(members, buf, sizeof buf));
		return;
	}
	if (diagram_find_group(l->d, id) != NULL) {
		snprintf(el.name, sizeof el.name, "group %zu", number);
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
	diagram_adopt_group_extra(l->d, g, take_unknown(obj, group_members));
}

/* --- Edges --- */

static const char *const edge_members[] = { "from", "to", "label", "mode", "ratio", NULL };

/* The node at one end of an edge; NULL when missing, reported unless refused. */
static const struct node *
edge_end(struct loader *l, const struct element *el, const cJSON *obj, const char *member)
{
	const char *id = NULL;
	const struct node *n;
	char hint[96], buf[96];

	if (!get_string(l, el, obj, member, true, &id))
		return NULL;
	n = diagram_find_node(l->d, id);
	if (n == NULL && !was_refused(l, id)) {
		suggest_node(l->d, id, hint, sizeof hint);
		FAIL_MEMBER(l, el, member, "\"%s\" names unknown node %s%s", member,
		    describe(cJSON_GetObjectItemCaseSensitive(obj, member), buf, sizeof buf), hint);
	}
	return n;
}

static void
load_edge(struct loader *l, cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos };
	struct napkin_error err;
	const struct node *from, *to;
	const char *label = "", *mode_name = NULL;
	enum edge_mode mode = EDGE_SYNC;
	double ratio = 1.0;
	const struct edge *e;
	char buf[96];

	snprintf(el.name, sizeof el.name, "edge %zu", number);
	if (!cJSON_IsObject(obj)) {
		FAIL_MEMBER(l, &el, NULL, "expected an object, not %s", describe(obj, buf, sizeof buf));
		return;
	}
	if (!check_members(l, &el, obj))
		return;
	if ((from = edge_end(l, &el, obj, "from")) == NULL || (to = edge_end(l, &el, obj, "to")) == NULL)
		return;
	if (!get_string(l, &el, obj, "label", false, &label) ||
	    !get_string(l, &el, obj, "mode", false, &mode_name) ||
	    !get_number(l, &el, obj, "ratio", NAPKIN_RATIO_MAX, &ratio))
		return;
	if (mode_name != NULL && !edge_mode_from_name(mode_name, &mode)) {
		FAIL_MEMBER(l, &el, "mode", "\"mode\" must be \"sync\" or \"async\", not %s",
		    describe(cJSON_GetObjectItemCaseSensitive(obj, "mode"), buf, sizeof buf));
		return;
	}
	e = diagram_connect(l->d, from, to, label, mode, &err);
	if (e == NULL || !diagram_set_edge_ratio(l->d, e, ratio, &err)) {
		FAIL_MEMBER(l, &el, err.member, "%s", err.message);
		return;
	}
	diagram_adopt_edge_extra(l->d, e, take_unknown(obj, edge_members));
}

/* --- The document --- */

/*
 * Parse text[start, end) with cJSON.  The scanner checks the grammar first:
 * cJSON is lenient (it takes 01, 1. and +1) and says where it failed but
 * not why.
 */
static cJSON *
parse_piece(struct loader *l, size_t start, size_t end)
{
	struct json_text piece = { l->text.data, end };
	const char *message;
	size_t at;
	cJSON *item;

	if (!json_check(piece, start, &at, &message)) {
		fail_at(l, at, "invalid JSON: %s", message);
		return NULL;
	}
	item = cJSON_ParseWithLength(l->text.data + start, end - start);
	if (item == NULL)
		fail_at(l, start, "invalid JSON");
	return item;
}

typedef void (*element_loader)(struct loader *l, cJSON *obj, size_t pos, size_t number);

static void
load_array(struct loader *l, const struct member *m, const char *what, element_loader load)
{
	size_t cursor = 0, ks, ke, value, number = 0;
	const char *message;
	int more;

	if (m == NULL)
		return;
	if (l->text.data[m->value] != '[') {
		fail_at(l, m->value, "\"%s\" must be an array of %s", m->key, what);
		return;
	}
	while ((more = json_next(l->text, m->value, &cursor, &ks, &ke, &value, &message)) != 0) {
		cJSON *item;

		if (more < 0) {
			fail_at(l, value, "invalid JSON: %s", message);
			return;
		}
		if (error_list_full(l->errors)) {
			/* Elements are left unchecked: say so. */
			l->errors->truncated = true;
			return;
		}
		item = parse_piece(l, value, cursor);
		if (item != NULL) {
			load(l, item, value, ++number);
			cJSON_Delete(item);
		} else {
			++number;
		}
	}
}

static const struct member *
find_member(const struct member *members, size_t count, const char *key)
{
	for (size_t i = 0; i < count; i++) {
		if (strcmp(members[i].key, key) == 0)
			return &members[i];
	}
	return NULL;
}

/* Cut the top-level object into members; false after reporting. */
static bool
read_members(struct loader *l, struct member **out, size_t *count)
{
	struct json_text t = l->text;
	size_t pos = json_skip_space(t, 0), cursor = 0, ks = 0, ke = 0, value, end;
	struct strmap *seen = strmap_new();
	const char *message;
	int more;

	*out = NULL;
	*count = 0;
	if (pos == t.len) {
		fail_at(l, pos, "the file is empty; a napkin file is a JSON object");
		goto fail;
	}
	if (t.len - pos >= 3 && memcmp(t.data + pos, "\xef\xbb\xbf", 3) == 0) {
		fail_at(l, pos, "the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one");
		goto fail;
	}
	if (t.data[pos] != '{') {
		fail_at(l, pos, "expected a JSON object at the top level");
		goto fail;
	}
	while ((more = json_next(t, pos, &cursor, &ks, &ke, &value, &message)) > 0) {
		cJSON *key = cJSON_ParseWithLength(t.data + ks, ke - ks);
		struct member *m;

		if (key == NULL || !cJSON_IsString(key)) {
			cJSON_Delete(key);
			fail_at(l, ks, "member name is not a valid string");
			goto fail;
		}
		*out = xreallocarray(*out, *count + 1, sizeof **out);
		m = &(*out)[(*count)++];
		*m = (struct member){ xstrdup(key->valuestring), ks, value, cursor };
		cJSON_Delete(key);
		if (strmap_get(seen, m->key) != NULL) {
			char buf[96];

			fail_at(l, ks, "member %s appears twice", quote(m->key, buf, sizeof buf));
			goto fail;
		}
		strmap_put(seen, m->key, m);
	}
	if (more < 0) {
		fail_at(l, value, "invalid JSON: %s", message);
		goto fail;
	}
	/* json_next stopped at the closing brace; nothing may follow it. */
	if (!json_value_end(t, pos, &end, &message)) {
		fail_at(l, end, "invalid JSON: %s", message);
		goto fail;
	}
	end = json_skip_space(t, end);
	if (end != t.len) {
		fail_at(l, end, "invalid JSON: unexpected text after the top-level object");
		goto fail;
	}
	strmap_free(seen);
	return true;
fail:
	strmap_free(seen);
	return false;
}

static bool
check_version(struct loader *l, const struct member *m)
{
	cJSON *v;
	bool ok = false;

	if (m == NULL) {
		fail_at(l, json_skip_space(l->text, 0),
		    "missing \"napkin\": 1 at the top level; is this a napkin file?");
		return false;
	}
	v = parse_piece(l, m->value, m->end);
	if (v == NULL)
		return false;
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < 1)
		fail_at(l, m->value, "\"napkin\" must be the format version, a positive integer");
	else if (v->valuedouble > NAPKIN_FORMAT_VERSION)
		fail_at(l, m->value, "written by a newer napkin (format %.0f); this napkin reads format %d",
		    v->valuedouble, NAPKIN_FORMAT_VERSION);
	else
		ok = true;
	cJSON_Delete(v);
	return ok;
}

static void
load_title(struct loader *l, const struct member *m)
{
	struct napkin_error err;
	char buf[96];
	cJSON *v;

	if (m == NULL || (v = parse_piece(l, m->value, m->end)) == NULL)
		return;
	if (!cJSON_IsString(v))
		fail_at(l, m->value, "\"title\" must be a string, not %s", describe(v, buf, sizeof buf));
	else if (!diagram_set_title(l->d, v->valuestring, &err))
		fail_at(l, m->value, "%s", err.message);
	cJSON_Delete(v);
}

static void
load_unknown(struct loader *l, const struct member *members, size_t count)
{
	static const char *const known[] = { "napkin", "title", "nodes", "edges", "groups", NULL };
	cJSON *extra = NULL;

	for (size_t i = 0; i < count && !failed(l); i++) {
		bool is_known = false;
		const cJSON *bad;
		cJSON *v;

		for (size_t k = 0; known[k] != NULL; k++)
			is_known = is_known || strcmp(members[i].key, known[k]) == 0;
		if (is_known || (v = parse_piece(l, members[i].value, members[i].end)) == NULL)
			continue;
		if ((bad = find_non_finite(v)) != NULL) {
			char buf[96];

			fail_at(l, members[i].value, "number out of range in %s",
			    quote(members[i].key, buf, sizeof buf));
			cJSON_Delete(v);
			continue;
		}
		if (extra == NULL)
			extra = cJSON_CreateObject();
		cJSON_AddItemToObject(extra, members[i].key, v);
	}
	diagram_adopt_extra(l->d, extra);
}

struct diagram *
diagram_load_buffer(const char *name, const char *data, size_t len, struct error_list *errors)
{
	struct loader l = { .name = name, .text = { data, len }, .errors = errors,
	    .errors_before = errors->count };
	struct member *members = NULL;
	size_t count = 0, bad;

	if (len > NAPKIN_FILE_MAX) {
		error_list_add(errors, "%s: the file is %zu bytes; the limit is %zu bytes (1 GiB)",
		    name, len, (size_t)NAPKIN_FILE_MAX);
		return NULL;
	}
	if (!utf8_valid(data, len, &bad)) {
		fail_at(&l, bad, "invalid UTF-8 (byte 0x%02x)", (unsigned char)data[bad]);
		return NULL;
	}
	if (!read_members(&l, &members, &count))
		goto out;
	l.d = diagram_new();
	l.refused = strmap_new();
	diagram_set_recording(l.d, false);
	if (check_version(&l, find_member(members, count, "napkin"))) {
		load_title(&l, find_member(members, count, "title"));
		load_array(&l, find_member(members, count, "nodes"), "nodes", load_node);
		/* Groups and edges name nodes, so they come after all of them. */
		load_array(&l, find_member(members, count, "groups"), "groups", load_group);
		load_array(&l, find_member(members, count, "edges"), "edges", load_edge);
		load_unknown(&l, members, count);
	}
	diagram_set_recording(l.d, true);
	diagram_clear_history(l.d);
out:
	for (size_t i = 0; i < count; i++)
		free(members[i].key);
	free(members);
	for (size_t i = 0; i < l.refused_count; i++)
		free(l.refused_ids[i]);
	free(l.refused_ids);
	strmap_free(l.refused);
	if (failed(&l)) {
		diagram_free(l.d);
		return NULL;
	}
	return l.d;
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
