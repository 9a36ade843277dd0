/*
 * One recorded event made on a live diagram through the editing API, so
 * that a replay stepping forward changes only what the event changed (the
 * whiteboard's scene follows through the observer) instead of building
 * the whole frame again.  Events the API cannot make in place -- an object
 * inserted before the end (an undone deletion), a group given a new id --
 * are refused, and the caller builds the frame from the model instead.
 * The events come from a record the player has already checked.
 */
#include "session_model.h"

#include <string.h>

static const char *
text_or(const cJSON *v, const char *fallback)
{
	return cJSON_IsString(v) ? v->valuestring : fallback;
}

static double
number_or(const cJSON *v, double fallback)
{
	return cJSON_IsNumber(v) ? v->valuedouble : fallback;
}

/* The accepted risks become exactly `list` (null: none), in its order. */
static bool
set_accepts(struct diagram *d, const struct node *n, const cJSON *list, struct napkin_error *err)
{
	while (n->accept_count > 0) {
		if (!diagram_set_node_accept(d, n, n->accepts[0].rule, NULL, err))
			return false;
	}
	for (const cJSON *a = cJSON_IsArray(list) ? list->child : NULL; a != NULL; a = a->next) {
		if (!diagram_set_node_accept(d, n, text_or(cJSON_GetObjectItemCaseSensitive(a, "rule"), ""),
		    text_or(cJSON_GetObjectItemCaseSensitive(a, "reason"), ""), err))
			return false;
	}
	return true;
}

static bool
set_node_member(struct diagram *d, const struct node *n, const cJSON *v, struct napkin_error *err)
{
	const char *k = v->string;
	enum node_kind kind;

	if (strcmp(k, "id") == 0)
		return diagram_set_node_id(d, n, text_or(v, ""), err);
	if (strcmp(k, "kind") == 0)
		return kind_from_name(text_or(v, ""), &kind) && diagram_set_node_kind(d, n, kind, err);
	if (strcmp(k, "label") == 0)
		return diagram_set_node_label(d, n, text_or(v, ""), err);
	if (strcmp(k, "tech") == 0)
		return diagram_set_node_tech(d, n, text_or(v, ""), err);
	if (strcmp(k, "notes") == 0)
		return diagram_set_node_notes(d, n, text_or(v, ""), err);
	if (strcmp(k, "replicas") == 0)
		return diagram_set_node_replicas(d, n, (int)number_or(v, 1), err);
	if (strcmp(k, "managed") == 0)
		return diagram_set_node_managed(d, n, cJSON_IsTrue(v), err);
	if (strcmp(k, "x") == 0)
		return diagram_move_node(d, n, (int)number_or(v, 0), n->y, err);
	if (strcmp(k, "y") == 0)
		return diagram_move_node(d, n, n->x, (int)number_or(v, 0), err);
	if (strcmp(k, "capacity") == 0)
		return diagram_set_node_capacity(d, n, number_or(v, 0), err);
	if (strcmp(k, "rps") == 0)
		return diagram_set_node_rps(d, n, number_or(v, 0), err);
	if (strcmp(k, "accept") == 0)
		return set_accepts(d, n, v, err);
	if (strcmp(k, "group") == 0)
		return diagram_set_node_group(d, n, cJSON_IsString(v) ? diagram_find_group(d, v->valuestring) : NULL,
		    err);
	return false;
}

static bool
set_edge_member(struct diagram *d, const struct edge *e, const cJSON *v, struct napkin_error *err)
{
	enum edge_mode mode;

	if (strcmp(v->string, "label") == 0)
		return diagram_set_edge_label(d, e, text_or(v, ""), err);
	if (strcmp(v->string, "mode") == 0)
		return edge_mode_from_name(text_or(v, ""), &mode) && diagram_set_edge_mode(d, e, mode, err);
	if (strcmp(v->string, "ratio") == 0)
		return diagram_set_edge_ratio(d, e, number_or(v, 1), err);
	return false;
}

static bool
add_node(struct diagram *d, const cJSON *obj, struct napkin_error *err)
{
	struct error_list errors = { 0 };
	struct member_reader r;
	struct session_node n;
	const struct node *made = NULL;

	reader_init(&r, "session", NULL, 0, &errors);
	if (session_node_read(&r, obj, &n)) {
		made = diagram_insert_node(d, &n.values, err);
		if (made != NULL && n.group != NULL && !diagram_set_node_group(d, made, diagram_find_group(d, n.group), err))
			made = NULL;
		if (made != NULL) {
			diagram_adopt_node_extra(d, made, n.extra);
			n.extra = NULL;
		}
		session_node_clear(&n);
	}
	error_list_clear(&errors);
	return made != NULL;
}

static bool
add_edge(struct diagram *d, const cJSON *obj, struct napkin_error *err)
{
	struct error_list errors = { 0 };
	struct member_reader r;
	struct session_edge e;
	const struct edge *made = NULL;

	reader_init(&r, "session", NULL, 0, &errors);
	if (session_edge_read(&r, obj, &e)) {
		made = diagram_connect(d, diagram_find_node(d, e.from), diagram_find_node(d, e.to), e.label, e.mode, err);
		if (made != NULL && !diagram_set_edge_ratio(d, made, e.ratio, err))
			made = NULL;
		if (made != NULL) {
			diagram_adopt_edge_extra(d, made, e.extra);
			e.extra = NULL;
		}
		session_edge_clear(&e);
	}
	error_list_clear(&errors);
	return made != NULL;
}

static bool
add_group(struct diagram *d, const cJSON *obj, struct napkin_error *err)
{
	const struct group *made = diagram_add_group(d, text_or(cJSON_GetObjectItemCaseSensitive(obj, "id"), ""),
	    text_or(cJSON_GetObjectItemCaseSensitive(obj, "label"), ""), err);
	cJSON *copy = NULL;

	if (made == NULL)
		return false;
	/* Members other than id and label are the group's unknown members. */
	for (const cJSON *c = obj->child; c != NULL; c = c->next) {
		if (strcmp(c->string, "id") == 0 || strcmp(c->string, "label") == 0)
			continue;
		if (copy == NULL)
			copy = cJSON_CreateObject();
		cJSON_AddItemToObject(copy, c->string, cJSON_Duplicate(c, true));
	}
	if (copy != NULL)
		diagram_adopt_group_extra(d, made, copy);
	return true;
}

/* Each changed member through its setter; false when one has none (a group's id). */
static bool
change(struct diagram *d, const char *what, size_t at, const cJSON *members, struct napkin_error *err)
{
	for (const cJSON *v = members->child; v != NULL; v = v->next) {
		bool ok;

		if (strcmp(what, "node") == 0)
			ok = set_node_member(d, diagram_node(d, at), v, err);
		else if (strcmp(what, "edge") == 0)
			ok = set_edge_member(d, diagram_edge(d, at), v, err);
		else
			ok = strcmp(v->string, "label") == 0 &&
			    diagram_set_group_label(d, diagram_group(d, at), text_or(v, ""), err);
		if (!ok)
			return false;
	}
	return true;
}

bool
session_event_make(const cJSON *event, struct diagram *d, struct napkin_error *err)
{
	const char *op = text_or(cJSON_GetObjectItemCaseSensitive(event, "op"), "");
	const char *what = strchr(op, '-') != NULL ? strchr(op, '-') + 1 : op;
	size_t at = (size_t)number_or(cJSON_GetObjectItemCaseSensitive(event, "at"), 0);
	size_t count = strcmp(what, "node") == 0 ? diagram_node_count(d) :
	    strcmp(what, "edge") == 0 ? diagram_edge_count(d) : diagram_group_count(d);
	const cJSON *payload = cJSON_GetObjectItemCaseSensitive(event, what);

	if (strcmp(op, "title") == 0)
		return diagram_set_title(d, text_or(cJSON_GetObjectItemCaseSensitive(event, "title"), ""), err);
	if (strncmp(op, "add-", 4) == 0) {
		if (at != count)
			return false;	/* in place only at the end: the API appends */
		return strcmp(what, "node") == 0 ? add_node(d, payload, err) :
		    strcmp(what, "edge") == 0 ? add_edge(d, payload, err) : add_group(d, payload, err);
	}
	if (at >= count)
		return false;
	if (strncmp(op, "remove-", 7) == 0) {
		return strcmp(what, "node") == 0 ? diagram_delete_node(d, diagram_node(d, at), err) :
		    strcmp(what, "edge") == 0 ? diagram_disconnect(d, diagram_edge(d, at), err) :
		    diagram_delete_group(d, diagram_group(d, at), err);
	}
	return payload != NULL && change(d, what, at, payload, err);
}
