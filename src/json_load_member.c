/* Reading and checking the members of an element; see json_load.h. */
#include "json_load.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "xalloc.h"

/*
 * Typed member access: v is the member (NULL when absent).  Each reports
 * and returns false on a bad type.
 */

bool
loader_get_string(struct loader *l, const struct element *el, const cJSON *v, const char *member,
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
		    loader_describe(v, buf, sizeof buf));
		return false;
	}
	*out = v->valuestring;
	return true;
}

bool
loader_is_integer(double v, int min, int max)
{
	return v == floor(v) && v >= min && v <= max;
}

bool
loader_is_rate(double v, double max)
{
	return isfinite(v) && v >= 0 && v <= max;
}

bool
loader_get_integer(struct loader *l, const struct element *el, const cJSON *v, const char *member,
    int min, int max, int *out)
{
	char buf[96];

	if (v == NULL)
		return true;
	if (!cJSON_IsNumber(v) || !loader_is_integer(v->valuedouble, min, max)) {
		FAIL_MEMBER(l, el, member, "\"%s\" must be an integer from %d to %d, not %s",
		    member, min, max, loader_describe(v, buf, sizeof buf));
		return false;
	}
	*out = (int)v->valuedouble;
	return true;
}

bool
loader_get_number(struct loader *l, const struct element *el, const cJSON *v, const char *member,
    double max, double *out)
{
	char buf[96];

	if (v == NULL)
		return true;
	if (!cJSON_IsNumber(v) || !loader_is_rate(v->valuedouble, max)) {
		FAIL_MEMBER(l, el, member, "\"%s\" must be a number from 0 to %g, not %s",
		    member, max, loader_describe(v, buf, sizeof buf));
		return false;
	}
	*out = v->valuedouble;
	return true;
}

bool
loader_get_bool(struct loader *l, const struct element *el, const cJSON *v, const char *member, bool *out)
{
	char buf[96];

	if (v == NULL)
		return true;
	if (!cJSON_IsBool(v)) {
		FAIL_MEMBER(l, el, member, "\"%s\" must be true or false, not %s", member,
		    loader_describe(v, buf, sizeof buf));
		return false;
	}
	*out = cJSON_IsTrue(v);
	return true;
}

/* Numbers too big for a double parse as infinity; refuse them anywhere. */
const cJSON *
loader_find_non_finite(const cJSON *v)
{
	if (cJSON_IsNumber(v) && !isfinite(v->valuedouble))
		return v;
	for (const cJSON *c = v->child; c != NULL; c = c->next) {
		const cJSON *bad = loader_find_non_finite(c);

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
 * Where name is in names, or at its NULL.  The first byte is compared
 * before the rest: member names rarely share one, so most candidates cost
 * a byte comparison, not a call to strcmp (this runs for every member of
 * every element).
 */
static size_t
name_index(const char *const *names, const char *name)
{
	size_t i = 0;

	while (names[i] != NULL && (names[i][0] != name[0] || strcmp(names[i], name) != 0))
		i++;
	return i;
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
		size_t i = name_index(names, c->string);
		bool twice;

		if (seen != NULL || names[i] == NULL)
			twice = member_twice(obj, c, seen);
		else
			twice = found[i] != NULL;
		if (twice) {
			member_at(l->text, el->pos, index, &key, &value);
			loader_fail_at(l, key, "%s: member %s appears twice", loader_element_name(el, name, sizeof name),
			    loader_quote(c->string, buf, sizeof buf));
			ok = false;
		} else if (loader_find_non_finite(c) != NULL) {
			member_at(l->text, el->pos, index, &key, &value);
			loader_fail_at(l, value, "%s: number out of range in %s", loader_element_name(el, name, sizeof name),
			    loader_quote(c->string, buf, sizeof buf));
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

/*
 * Name the element by its id from now on, when it has a valid one: the
 * first member named "id", as cJSON_GetObjectItemCaseSensitive finds it,
 * but without a strcmp for every member of every edge.
 */
static void
name_element(struct element *el, const cJSON *obj)
{
	const cJSON *id;

	for (id = obj->child; id != NULL; id = id->next) {
		if (id->string[0] == 'i' && strcmp(id->string, "id") == 0)
			break;
	}
	if (cJSON_IsString(id) && diagram_valid_id(id->valuestring))
		el->id = id->valuestring;
}

void
loader_refuse_node(struct loader *l, const cJSON *obj)
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
bool
loader_was_refused(const struct loader *l, const char *id)
{
	return strmap_get(l->refused, id) != NULL;
}

/* A copy of the members not named in known[], in their order, or NULL. */
cJSON *
loader_copy_unknown(const cJSON *obj, const char *const *known)
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

bool
loader_open_element(struct loader *l, struct element *el, const cJSON *obj,
    const char *const *names, const cJSON **found, bool *unknown)
{
	char buf[96];

	if (!cJSON_IsObject(obj)) {
		FAIL_MEMBER(l, el, NULL, "expected an object, not %s", loader_describe(obj, buf, sizeof buf));
		return false;
	}
	name_element(el, obj);
	return pick_members(l, el, obj, names, found, unknown);
}
