/*
 * Nodes, edges and groups as session records carry them: compact JSON
 * objects with the file's member names, defaults left out, in the file's
 * member order, and a node's group by id.  Written from live objects by
 * the recorder, read back (with every limit of the editing API checked)
 * by the model, and written again from what was read, so the JSON a model
 * keeps is always in this one canonical form.
 */
#include "session_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const char *const session_node_members[] = {
	"id", "kind", "label", "tech", "replicas", "managed", "x", "y", "capacity", "rps", "notes",
	"accept", "group", NULL
};
static const char *const edge_members[] = { "from", "to", "label", "mode", "ratio", NULL };
const char *const session_edge_changes[] = { "label", "mode", "ratio", NULL };
const char *const session_group_members[] = { "id", "label", NULL };

bool
session_json_equal(const cJSON *a, const cJSON *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if ((a->type & 0xFF) != (b->type & 0xFF))
		return false;
	if (cJSON_IsNumber(a))
		return a->valuedouble == b->valuedouble;
	if (cJSON_IsString(a))
		return strcmp(a->valuestring, b->valuestring) == 0;
	if (cJSON_IsArray(a) || cJSON_IsObject(a)) {
		const cJSON *x = a->child, *y = b->child;

		for (; x != NULL && y != NULL; x = x->next, y = y->next) {
			if (cJSON_IsObject(a) && strcmp(x->string, y->string) != 0)
				return false;
			if (!session_json_equal(x, y))
				return false;
		}
		return x == NULL && y == NULL;
	}
	return true;	/* true, false, null */
}

static void
add_extra(cJSON *obj, const cJSON *extra)
{
	for (const cJSON *c = extra != NULL ? extra->child : NULL; c != NULL; c = c->next)
		cJSON_AddItemToObject(obj, c->string, cJSON_Duplicate(c, true));
}

static cJSON *
node_json(const struct node *n, const char *group, const cJSON *extra)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", n->id);
	cJSON_AddStringToObject(o, "kind", kind_name(n->kind));
	cJSON_AddStringToObject(o, "label", n->label);
	if (n->tech[0] != '\0')
		cJSON_AddStringToObject(o, "tech", n->tech);
	if (n->replicas != 1)
		cJSON_AddNumberToObject(o, "replicas", n->replicas);
	if (n->managed)
		cJSON_AddTrueToObject(o, "managed");
	cJSON_AddNumberToObject(o, "x", n->x);
	cJSON_AddNumberToObject(o, "y", n->y);
	if (n->capacity != 0)
		cJSON_AddNumberToObject(o, "capacity", n->capacity);
	if (n->rps != 0)
		cJSON_AddNumberToObject(o, "rps", n->rps);
	if (n->notes[0] != '\0')
		cJSON_AddStringToObject(o, "notes", n->notes);
	if (n->accept_count > 0) {
		cJSON *list = cJSON_AddArrayToObject(o, "accept");

		for (size_t i = 0; i < n->accept_count; i++) {
			cJSON *a = cJSON_CreateObject();

			cJSON_AddStringToObject(a, "rule", n->accepts[i].rule);
			cJSON_AddStringToObject(a, "reason", n->accepts[i].reason);
			cJSON_AddItemToArray(list, a);
		}
	}
	if (group != NULL)
		cJSON_AddStringToObject(o, "group", group);
	add_extra(o, extra);
	return o;
}

cJSON *
session_node_json(const struct node *n)
{
	return node_json(n, n->group != NULL ? n->group->id : NULL, n->extra);
}

cJSON *
session_node_values_json(const struct session_node *n)
{
	return node_json(&n->values, n->group, n->extra);
}

static cJSON *
edge_json(const char *from, const char *to, const char *label, enum edge_mode mode, double ratio,
    const cJSON *extra)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "from", from);
	cJSON_AddStringToObject(o, "to", to);
	if (label[0] != '\0')
		cJSON_AddStringToObject(o, "label", label);
	cJSON_AddStringToObject(o, "mode", edge_mode_name(mode));
	if (ratio != 1.0)
		cJSON_AddNumberToObject(o, "ratio", ratio);
	add_extra(o, extra);
	return o;
}

cJSON *
session_edge_json(const struct edge *e)
{
	return edge_json(e->from->id, e->to->id, e->label, e->mode, e->ratio, e->extra);
}

cJSON *
session_edge_values_json(const struct session_edge *e)
{
	return edge_json(e->from, e->to, e->label, e->mode, e->ratio, e->extra);
}

static cJSON *
group_json(const char *id, const char *label, const cJSON *extra)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", id);
	cJSON_AddStringToObject(o, "label", label);
	add_extra(o, extra);
	return o;
}

cJSON *
session_group_json(const struct group *g)
{
	return group_json(g->id, g->label, g->extra);
}

cJSON *
session_group_values_json(const struct session_group *g)
{
	return group_json(g->id, g->label, g->extra);
}

/* --- Reading --- */

static bool
read_id(struct member_reader *r, const cJSON *obj, const char *key, bool required, char **out)
{
	if (!reader_string(r, obj, key, required, NAPKIN_ID_MAX, false, out))
		return false;
	if (*out != NULL && !diagram_valid_id(*out)) {
		reader_enter(r, key);
		reader_fail(r, "\"%s\" is not a valid id", *out);
		reader_leave(r);
		free(*out);
		*out = NULL;
		return false;
	}
	return true;
}

static bool
read_bool(struct member_reader *r, const cJSON *obj, const char *key, bool *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (v == NULL)
		return true;
	if (!cJSON_IsBool(v)) {
		reader_enter(r, key);
		reader_fail(r, "must be true or false");
		reader_leave(r);
		return false;
	}
	*out = cJSON_IsTrue(v);
	return true;
}

static bool
read_accepts(struct member_reader *r, const cJSON *obj, struct node *n)
{
	static const char *const members[] = { "rule", "reason", NULL };
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(obj, "accept");
	bool ok = true;

	if (list == NULL)
		return true;
	reader_enter(r, "accept");
	if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) > NAPKIN_ACCEPT_MAX) {
		reader_fail(r, "must be an array of at most %d accepted risks", NAPKIN_ACCEPT_MAX);
		reader_leave(r);
		return false;
	}
	n->accepts = xcalloc((size_t)cJSON_GetArraySize(list) + 1, sizeof *n->accepts);
	for (const cJSON *c = list->child; c != NULL && ok; c = c->next) {
		struct accepted_risk *a = &n->accepts[n->accept_count];
		struct napkin_error err;

		reader_enter_index(r, n->accept_count);
		ok = reader_object(r, c, members) &&
		    reader_string(r, c, "rule", true, NAPKIN_RULE_MAX, false, &a->rule) &&
		    reader_string(r, c, "reason", true, NAPKIN_REASON_MAX, false, &a->reason);
		n->accept_count += a->rule != NULL || a->reason != NULL;
		if (ok && !diagram_check_accept(a->rule, a->reason, &err)) {
			reader_fail(r, "%s", err.message);
			ok = false;
		}
		for (size_t i = 0; ok && i + 1 < n->accept_count; i++) {
			if (strcmp(n->accepts[i].rule, a->rule) == 0) {
				reader_fail(r, "rule %s is accepted twice", a->rule);
				ok = false;
			}
		}
		reader_leave(r);
	}
	reader_leave(r);
	return ok;
}

bool
session_node_read(struct member_reader *r, const cJSON *obj, struct session_node *out)
{
	struct node *n = &out->values;
	char *kind = NULL;
	bool ok;

	memset(out, 0, sizeof *out);
	n->replicas = 1;
	ok = reader_object_extra(r, obj, session_node_members, &out->extra) &&
	    read_id(r, obj, "id", true, &n->id) &&
	    reader_string(r, obj, "kind", true, 32, false, &kind) &&
	    reader_string(r, obj, "label", true, NAPKIN_LABEL_MAX, false, &n->label) &&
	    reader_text(r, obj, "tech", false, NAPKIN_TECH_MAX, false, &n->tech) &&
	    reader_int(r, obj, "replicas", false, 1, NAPKIN_REPLICAS_MAX, &n->replicas) &&
	    read_bool(r, obj, "managed", &n->managed) &&
	    reader_int(r, obj, "x", true, 0, NAPKIN_COORD_MAX, &n->x) &&
	    reader_int(r, obj, "y", true, 0, NAPKIN_COORD_MAX, &n->y) &&
	    reader_number(r, obj, "capacity", 0, NAPKIN_RATE_MAX, &n->capacity) &&
	    reader_number(r, obj, "rps", 0, NAPKIN_RATE_MAX, &n->rps) &&
	    reader_text(r, obj, "notes", false, NAPKIN_NOTES_MAX, true, &n->notes) &&
	    read_accepts(r, obj, n) &&
	    read_id(r, obj, "group", false, &out->group);
	if (ok && !kind_from_name(kind, &n->kind)) {
		reader_enter(r, "kind");
		reader_fail(r, "\"%s\" is not a kind", kind);
		reader_leave(r);
		ok = false;
	}
	free(kind);
	if (n->tech == NULL)
		n->tech = xstrdup("");
	if (n->notes == NULL)
		n->notes = xstrdup("");
	if (!ok)
		session_node_clear(out);
	return ok;
}

void
session_node_clear(struct session_node *s)
{
	struct node *n = &s->values;

	free(n->id);
	free(n->label);
	free(n->tech);
	free(n->notes);
	for (size_t i = 0; i < n->accept_count; i++) {
		free(n->accepts[i].rule);
		free(n->accepts[i].reason);
	}
	free(n->accepts);
	free(s->group);
	cJSON_Delete(s->extra);
	memset(s, 0, sizeof *s);
}

bool
session_edge_read(struct member_reader *r, const cJSON *obj, struct session_edge *out)
{
	char *mode = NULL;
	bool ok;

	memset(out, 0, sizeof *out);
	out->ratio = 1;
	ok = reader_object_extra(r, obj, edge_members, &out->extra) &&
	    read_id(r, obj, "from", true, &out->from) &&
	    read_id(r, obj, "to", true, &out->to) &&
	    reader_text(r, obj, "label", false, NAPKIN_LABEL_MAX, false, &out->label) &&
	    reader_string(r, obj, "mode", true, 16, false, &mode) &&
	    reader_number(r, obj, "ratio", 0, NAPKIN_RATIO_MAX, &out->ratio);
	if (ok && !edge_mode_from_name(mode, &out->mode)) {
		reader_enter(r, "mode");
		reader_fail(r, "\"%s\" is not sync or async", mode);
		reader_leave(r);
		ok = false;
	}
	free(mode);
	if (out->label == NULL)
		out->label = xstrdup("");
	if (!ok)
		session_edge_clear(out);
	return ok;
}

void
session_edge_clear(struct session_edge *e)
{
	free(e->from);
	free(e->to);
	free(e->label);
	cJSON_Delete(e->extra);
	memset(e, 0, sizeof *e);
}

bool
session_group_read(struct member_reader *r, const cJSON *obj, struct session_group *out)
{
	bool ok;

	memset(out, 0, sizeof *out);
	ok = reader_object_extra(r, obj, session_group_members, &out->extra) &&
	    read_id(r, obj, "id", true, &out->id) &&
	    reader_string(r, obj, "label", true, NAPKIN_LABEL_MAX, false, &out->label);
	if (!ok)
		session_group_clear(out);
	return ok;
}

void
session_group_clear(struct session_group *g)
{
	free(g->id);
	free(g->label);
	cJSON_Delete(g->extra);
	memset(g, 0, sizeof *g);
}
