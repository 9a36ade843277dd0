/*
 * The model a session record is played into; see session_model.h.
 *
 * Objects are kept as their canonical compact JSON in arrays indexed as
 * the diagram indexes them, with hashes from id to object for the checks
 * (an edge's ends exist, ids stay unique).  Edges name their ends by id,
 * so renaming a node rewrites the edges that name it; that and removing a
 * node or group (which checks nothing still refers to it) cost a pass over
 * the edges or nodes, every other event a constant or an array shift.
 */
#include "session_model.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "xalloc.h"

struct object_list {
	cJSON **items;		/* owned */
	size_t count, capacity;
};

struct session_model {
	char *title;
	struct object_list nodes, edges, groups;
	struct strmap *node_ids;	/* id -> its object; keys are the objects' own "id" strings */
	struct strmap *group_ids;
};

enum event_op {
	OP_ADD, OP_REMOVE, OP_CHANGE, OP_TITLE
};

enum object_kind {
	OBJECT_NODE, OBJECT_EDGE, OBJECT_GROUP
};

static const char *const object_names[] = { "node", "edge", "group" };

static void
list_insert(struct object_list *l, size_t at, cJSON *item)
{
	if (l->count == l->capacity) {
		l->capacity = l->capacity != 0 ? 2 * l->capacity : 16;
		l->items = xreallocarray(l->items, l->capacity, sizeof *l->items);
	}
	memmove(&l->items[at + 1], &l->items[at], (l->count - at) * sizeof *l->items);
	l->items[at] = item;
	l->count++;
}

static cJSON *
list_remove(struct object_list *l, size_t at)
{
	cJSON *item = l->items[at];

	memmove(&l->items[at], &l->items[at + 1], (l->count - at - 1) * sizeof *l->items);
	l->count--;
	return item;
}

static void
list_free(struct object_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		cJSON_Delete(l->items[i]);
	free(l->items);
}

static const char *
string_of(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

struct session_model *
session_model_new(void)
{
	struct session_model *m = xcalloc(1, sizeof *m);

	m->title = xstrdup("");
	m->node_ids = strmap_new();
	m->group_ids = strmap_new();
	return m;
}

void
session_model_free(struct session_model *m)
{
	if (m == NULL)
		return;
	strmap_free(m->node_ids);
	strmap_free(m->group_ids);
	list_free(&m->nodes);
	list_free(&m->edges);
	list_free(&m->groups);
	free(m->title);
	free(m);
}

/* Append or insert obj (already checked) and index it by id. */
static void
put(struct session_model *m, enum object_kind kind, size_t at, cJSON *obj)
{
	switch (kind) {
	case OBJECT_NODE:
		list_insert(&m->nodes, at, obj);
		strmap_put(m->node_ids, string_of(obj, "id"), obj);
		break;
	case OBJECT_EDGE:
		list_insert(&m->edges, at, obj);
		break;
	case OBJECT_GROUP:
		list_insert(&m->groups, at, obj);
		strmap_put(m->group_ids, string_of(obj, "id"), obj);
		break;
	}
}

struct session_model *
session_model_of(const struct diagram *d)
{
	struct session_model *m = session_model_new();

	free(m->title);
	m->title = xstrdup(diagram_title(d));
	for (size_t i = 0; i < diagram_group_count(d); i++)
		put(m, OBJECT_GROUP, i, session_group_json(diagram_group(d, i)));
	for (size_t i = 0; i < diagram_node_count(d); i++)
		put(m, OBJECT_NODE, i, session_node_json(diagram_node(d, i)));
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		put(m, OBJECT_EDGE, i, session_edge_json(diagram_edge(d, i)));
	return m;
}

struct session_model *
session_model_copy(const struct session_model *from)
{
	struct session_model *m = session_model_new();

	free(m->title);
	m->title = xstrdup(from->title);
	for (size_t i = 0; i < from->groups.count; i++)
		put(m, OBJECT_GROUP, i, cJSON_Duplicate(from->groups.items[i], true));
	for (size_t i = 0; i < from->nodes.count; i++)
		put(m, OBJECT_NODE, i, cJSON_Duplicate(from->nodes.items[i], true));
	for (size_t i = 0; i < from->edges.count; i++)
		put(m, OBJECT_EDGE, i, cJSON_Duplicate(from->edges.items[i], true));
	return m;
}

const char *
session_model_title(const struct session_model *m)
{
	return m->title;
}

const cJSON *
session_model_node(const struct session_model *m, size_t index)
{
	return index < m->nodes.count ? m->nodes.items[index] : NULL;
}

const cJSON *
session_model_edge(const struct session_model *m, size_t index)
{
	return index < m->edges.count ? m->edges.items[index] : NULL;
}

const cJSON *
session_model_group(const struct session_model *m, size_t index)
{
	return index < m->groups.count ? m->groups.items[index] : NULL;
}

static bool
lists_equal(const struct object_list *a, const struct object_list *b)
{
	if (a->count != b->count)
		return false;
	for (size_t i = 0; i < a->count; i++) {
		if (!session_json_equal(a->items[i], b->items[i]))
			return false;
	}
	return true;
}

bool
session_model_equal(const struct session_model *a, const struct session_model *b)
{
	return strcmp(a->title, b->title) == 0 && lists_equal(&a->nodes, &b->nodes) &&
	    lists_equal(&a->edges, &b->edges) && lists_equal(&a->groups, &b->groups);
}

/* --- Checking an object against the rest of the model --- */

/*
 * Read obj as a kind of object and give back its canonical JSON, after
 * checking what it refers to: a node's group exists, an edge's ends do,
 * and an id is not taken by another object (self, the one being changed,
 * may keep its own).  NULL after reporting.
 */
static cJSON *
check_object(struct session_model *m, enum object_kind kind, const cJSON *obj, const cJSON *self,
    struct member_reader *r)
{
	cJSON *out = NULL;
	const char *id = NULL;

	if (kind == OBJECT_NODE) {
		struct session_node n;
		bool grouped;

		if (!session_node_read(r, obj, &n))
			return NULL;
		id = string_of(obj, "id");
		grouped = n.group == NULL || strmap_get(m->group_ids, n.group) != NULL;
		if (grouped)
			out = session_node_values_json(&n);
		session_node_clear(&n);
		if (!grouped) {
			reader_enter(r, "group");
			reader_fail(r, "no group \"%s\"", string_of(obj, "group"));
			reader_leave(r);
			return NULL;
		}
	} else if (kind == OBJECT_EDGE) {
		struct session_edge e;
		const char *missing = NULL;

		if (!session_edge_read(r, obj, &e))
			return NULL;
		if (strmap_get(m->node_ids, e.from) == NULL)
			missing = "from";
		else if (strmap_get(m->node_ids, e.to) == NULL)
			missing = "to";
		else
			out = session_edge_values_json(&e);
		session_edge_clear(&e);
		if (missing != NULL) {
			reader_enter(r, missing);
			reader_fail(r, "no node \"%s\"", string_of(obj, missing));
			reader_leave(r);
			return NULL;
		}
		return out;
	} else {
		struct session_group g;

		if (!session_group_read(r, obj, &g))
			return NULL;
		id = string_of(obj, "id");
		out = session_group_values_json(&g);
		session_group_clear(&g);
	}
	{
		struct strmap *ids = kind == OBJECT_NODE ? m->node_ids : m->group_ids;
		const cJSON *holder = strmap_get(ids, id);

		if (holder != NULL && holder != self) {
			reader_enter(r, "id");
			reader_fail(r, "a %s with id \"%s\" already exists", object_names[kind], id);
			reader_leave(r);
			cJSON_Delete(out);
			return NULL;
		}
	}
	return out;
}

/* --- Events --- */

static struct object_list *
list_of(struct session_model *m, enum object_kind kind)
{
	return kind == OBJECT_NODE ? &m->nodes : kind == OBJECT_EDGE ? &m->edges : &m->groups;
}

static bool
parse_op(const char *op, enum event_op *out, enum object_kind *kind)
{
	static const struct {
		const char *name;
		enum event_op op;
		enum object_kind kind;
	} ops[] = {
		{ "add-node", OP_ADD, OBJECT_NODE }, { "remove-node", OP_REMOVE, OBJECT_NODE },
		{ "change-node", OP_CHANGE, OBJECT_NODE }, { "add-edge", OP_ADD, OBJECT_EDGE },
		{ "remove-edge", OP_REMOVE, OBJECT_EDGE }, { "change-edge", OP_CHANGE, OBJECT_EDGE },
		{ "add-group", OP_ADD, OBJECT_GROUP }, { "remove-group", OP_REMOVE, OBJECT_GROUP },
		{ "change-group", OP_CHANGE, OBJECT_GROUP }, { "title", OP_TITLE, OBJECT_NODE },
	};

	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		if (strcmp(ops[i].name, op) == 0) {
			*out = ops[i].op;
			*kind = ops[i].kind;
			return true;
		}
	}
	return false;
}

/*
 * The members of the event that say which object it is about ("id" of a
 * node or group, "from" and "to" of an edge) must match the object at the
 * index: a record that does not fit the model is refused, not misapplied.
 */
static bool
names_match(const cJSON *event, enum object_kind kind, const cJSON *obj, struct member_reader *r)
{
	static const char *const node_keys[] = { "id", NULL }, *const edge_keys[] = { "from", "to", NULL };
	const char *const *keys = kind == OBJECT_EDGE ? edge_keys : node_keys;

	for (size_t i = 0; keys[i] != NULL; i++) {
		const char *want = string_of(event, keys[i]), *have = string_of(obj, keys[i]);

		if (want == NULL || strcmp(want, have) != 0) {
			if (want == NULL) {
				reader_fail(r, "missing \"%s\": the %s the event is about", keys[i], object_names[kind]);
				return false;
			}
			reader_enter(r, keys[i]);
			reader_fail(r, "the %s there has %s \"%s\"", object_names[kind], keys[i], have);
			reader_leave(r);
			return false;
		}
	}
	return true;
}

/* Nothing may still name the node or group being removed. */
static bool
unreferenced(struct session_model *m, enum object_kind kind, const char *id, struct member_reader *r)
{
	if (kind == OBJECT_NODE) {
		for (size_t i = 0; i < m->edges.count; i++) {
			const cJSON *e = m->edges.items[i];

			if (strcmp(string_of(e, "from"), id) == 0 || strcmp(string_of(e, "to"), id) == 0) {
				reader_fail(r, "node \"%s\" still has edge %zu; remove its edges first", id, i);
				return false;
			}
		}
	} else if (kind == OBJECT_GROUP) {
		for (size_t i = 0; i < m->nodes.count; i++) {
			const char *g = string_of(m->nodes.items[i], "group");

			if (g != NULL && strcmp(g, id) == 0) {
				reader_fail(r, "group \"%s\" still holds node \"%s\"", id,
				    string_of(m->nodes.items[i], "id"));
				return false;
			}
		}
	}
	return true;
}

/* A copy of obj with the members of change set (null: back to the default). */
static cJSON *
merged(const cJSON *obj, const cJSON *change)
{
	cJSON *out = cJSON_Duplicate(obj, true);

	for (const cJSON *c = change->child; c != NULL; c = c->next) {
		cJSON_DeleteItemFromObjectCaseSensitive(out, c->string);
		if (!cJSON_IsNull(c))
			cJSON_AddItemToObject(out, c->string, cJSON_Duplicate(c, true));
	}
	return out;
}

/* Rewrite every reference to a renamed node (edge ends) or group (node members). */
static void
rename_references(struct session_model *m, enum object_kind kind, const char *from, const char *to)
{
	static const char *const edge_ends[] = { "from", "to" };

	if (kind == OBJECT_NODE) {
		for (size_t i = 0; i < m->edges.count; i++) {
			for (size_t k = 0; k < 2; k++) {
				const char *end = string_of(m->edges.items[i], edge_ends[k]);

				if (strcmp(end, from) == 0)
					cJSON_ReplaceItemInObjectCaseSensitive(m->edges.items[i], edge_ends[k],
					    cJSON_CreateString(to));
			}
		}
	} else if (kind == OBJECT_GROUP) {
		for (size_t i = 0; i < m->nodes.count; i++) {
			const char *g = string_of(m->nodes.items[i], "group");

			if (g != NULL && strcmp(g, from) == 0)
				cJSON_ReplaceItemInObjectCaseSensitive(m->nodes.items[i], "group", cJSON_CreateString(to));
		}
	}
}

static bool
apply_change(struct session_model *m, enum object_kind kind, size_t at, const cJSON *change,
    struct member_reader *r)
{
	struct object_list *list = list_of(m, kind);
	const char *const *allowed = kind == OBJECT_NODE ? session_node_members :
	    kind == OBJECT_EDGE ? session_edge_changes : session_group_members;
	cJSON *old = list->items[at], *candidate, *next;
	char *old_id;

	reader_enter(r, object_names[kind]);
	if (!reader_object(r, change, allowed)) {
		reader_leave(r);
		return false;
	}
	candidate = merged(old, change);
	next = check_object(m, kind, candidate, old, r);
	cJSON_Delete(candidate);
	reader_leave(r);
	if (next == NULL)
		return false;
	old_id = kind != OBJECT_EDGE ? xstrdup(string_of(old, "id")) : NULL;
	if (old_id != NULL)
		strmap_remove(kind == OBJECT_NODE ? m->node_ids : m->group_ids, old_id);
	list->items[at] = next;
	cJSON_Delete(old);
	if (old_id != NULL) {
		const char *id = string_of(next, "id");

		strmap_put(kind == OBJECT_NODE ? m->node_ids : m->group_ids, id, next);
		if (strcmp(id, old_id) != 0)
			rename_references(m, kind, old_id, id);
		free(old_id);
	}
	return true;
}

static bool
apply_object_event(struct session_model *m, enum event_op op, enum object_kind kind, const cJSON *event,
    struct member_reader *r)
{
	struct object_list *list = list_of(m, kind);
	size_t last = op == OP_ADD ? list->count : list->count - 1;
	int at;
	cJSON *obj;

	if (list->count == 0 && op != OP_ADD) {
		reader_fail(r, "there is no %s to %s", object_names[kind], op == OP_REMOVE ? "remove" : "change");
		return false;
	}
	if (!reader_int(r, event, "at", true, 0, last < INT_MAX ? (int)last : INT_MAX, &at))
		return false;
	if (op == OP_ADD) {
		const cJSON *payload = cJSON_GetObjectItemCaseSensitive(event, object_names[kind]);

		if (payload == NULL) {
			reader_fail(r, "missing \"%s\"", object_names[kind]);
			return false;
		}
		reader_enter(r, object_names[kind]);
		obj = check_object(m, kind, payload, NULL, r);
		reader_leave(r);
		if (obj == NULL)
			return false;
		put(m, kind, (size_t)at, obj);
		return true;
	}
	if (!names_match(event, kind, list->items[at], r))
		return false;
	if (op == OP_CHANGE) {
		const cJSON *change = cJSON_GetObjectItemCaseSensitive(event, object_names[kind]);

		if (change == NULL) {
			reader_fail(r, "missing \"%s\"", object_names[kind]);
			return false;
		}
		return apply_change(m, kind, (size_t)at, change, r);
	}
	obj = list->items[at];
	if (kind != OBJECT_EDGE && !unreferenced(m, kind, string_of(obj, "id"), r))
		return false;
	if (kind != OBJECT_EDGE)
		strmap_remove(kind == OBJECT_NODE ? m->node_ids : m->group_ids, string_of(obj, "id"));
	cJSON_Delete(list_remove(list, (size_t)at));
	return true;
}

bool
session_model_apply(struct session_model *m, const cJSON *event, struct member_reader *r)
{
	static const char *const members[] = { "t", "op", "at", "id", "from", "to", "node", "edge", "group",
		"title", NULL };
	enum event_op op;
	enum object_kind kind;
	char *name = NULL;
	bool ok;

	if (!reader_object(r, event, members) || !reader_string(r, event, "op", true, 32, false, &name))
		return false;
	ok = parse_op(name, &op, &kind);
	if (!ok) {
		reader_enter(r, "op");
		reader_fail(r, "\"%s\" is not an event (add-node, remove-edge, change-group, title, ...)", name);
		reader_leave(r);
	}
	free(name);
	if (!ok)
		return false;
	if (op != OP_TITLE)
		return apply_object_event(m, op, kind, event, r);
	if (!reader_text(r, event, "title", true, NAPKIN_TITLE_MAX, false, &name))
		return false;
	free(m->title);
	m->title = name;
	return true;
}

/* --- Snapshots --- */

static bool
read_list(struct session_model *m, enum object_kind kind, const cJSON *base, const char *key,
    struct member_reader *r)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(base, key);
	size_t i = 0;
	bool ok = true;

	reader_enter(r, key);
	if (!cJSON_IsArray(list)) {
		reader_fail(r, "must be an array");
		ok = false;
	}
	for (const cJSON *c = ok ? list->child : NULL; c != NULL && ok; c = c->next, i++) {
		cJSON *obj;

		reader_enter_index(r, i);
		obj = check_object(m, kind, c, NULL, r);
		if (obj != NULL)
			put(m, kind, list_of(m, kind)->count, obj);
		ok = obj != NULL;
		reader_leave(r);
	}
	reader_leave(r);
	return ok;
}

bool
session_model_read(struct session_model *m, const cJSON *base, struct member_reader *r)
{
	static const char *const members[] = { "title", "nodes", "edges", "groups", NULL };
	char *title = NULL;

	if (!reader_object(r, base, members) ||
	    !reader_text(r, base, "title", true, NAPKIN_TITLE_MAX, false, &title))
		return false;
	free(m->title);
	m->title = title;
	/* Groups first: nodes name them, and edges name nodes. */
	return read_list(m, OBJECT_GROUP, base, "groups", r) && read_list(m, OBJECT_NODE, base, "nodes", r) &&
	    read_list(m, OBJECT_EDGE, base, "edges", r);
}

static cJSON *
list_json(const struct object_list *l)
{
	cJSON *array = cJSON_CreateArray();

	for (size_t i = 0; i < l->count; i++)
		cJSON_AddItemToArray(array, cJSON_Duplicate(l->items[i], true));
	return array;
}

cJSON *
session_model_json(const struct session_model *m)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "title", m->title);
	cJSON_AddItemToObject(o, "nodes", list_json(&m->nodes));
	cJSON_AddItemToObject(o, "edges", list_json(&m->edges));
	cJSON_AddItemToObject(o, "groups", list_json(&m->groups));
	return o;
}

/* --- Building a diagram --- */

static bool
build_objects(const struct session_model *m, struct diagram *d, struct member_reader *r,
    struct napkin_error *err)
{
	for (size_t i = 0; i < m->groups.count; i++) {
		struct session_group g;
		const struct group *made;

		if (!session_group_read(r, m->groups.items[i], &g))
			return error_set(err, "group %zu cannot be read", i);
		made = diagram_add_group(d, g.id, g.label, err);
		if (made != NULL)
			diagram_adopt_group_extra(d, made, g.extra);
		g.extra = NULL;
		session_group_clear(&g);
		if (made == NULL)
			return false;
	}
	for (size_t i = 0; i < m->nodes.count; i++) {
		struct session_node n;
		const struct node *made;

		if (!session_node_read(r, m->nodes.items[i], &n))
			return error_set(err, "node %zu cannot be read", i);
		made = diagram_insert_node(d, &n.values, err);
		if (made != NULL && n.group != NULL)
			diagram_set_node_group(d, made, diagram_find_group(d, n.group), NULL);
		if (made != NULL)
			diagram_adopt_node_extra(d, made, n.extra);
		n.extra = NULL;
		session_node_clear(&n);
		if (made == NULL)
			return false;
	}
	for (size_t i = 0; i < m->edges.count; i++) {
		struct session_edge e;
		const struct edge *made;

		if (!session_edge_read(r, m->edges.items[i], &e))
			return error_set(err, "edge %zu cannot be read", i);
		made = diagram_connect(d, diagram_find_node(d, e.from), diagram_find_node(d, e.to), e.label, e.mode, err);
		if (made != NULL && !diagram_set_edge_ratio(d, made, e.ratio, err))
			made = NULL;
		if (made != NULL)
			diagram_adopt_edge_extra(d, made, e.extra);
		e.extra = NULL;
		session_edge_clear(&e);
		if (made == NULL)
			return false;
	}
	return true;
}

struct diagram *
session_model_build(const struct session_model *m, struct napkin_error *err)
{
	struct diagram *d = diagram_new();
	struct error_list errors = { 0 };
	struct member_reader r;
	bool ok;

	reader_init(&r, "session", NULL, 0, &errors);
	diagram_set_recording(d, false);
	ok = diagram_set_title(d, m->title, err) && build_objects(m, d, &r, err);
	error_list_clear(&errors);
	if (!ok) {
		diagram_free(d);
		return NULL;
	}
	diagram_set_recording(d, true);
	diagram_clear_history(d);
	return d;
}
