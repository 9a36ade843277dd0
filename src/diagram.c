/*
 * Diagram storage: ordered arrays of nodes, edges and groups, id hashes for
 * O(1) lookup, and the primitives that attach, detach and swap fields.
 * These primitives neither validate nor record; diagram_edit.c validates
 * and history.c records.
 *
 * A node is allocated together with the strings it starts with (id,
 * label, tech, notes) and an edge with its label: loading a million-node
 * file makes one allocation per object instead of five, and frees as few.
 * An edit gives a field a string of its own; the string it replaces goes
 * to the history as a copy (see take_string), so every string a record
 * holds is its own, and a string is freed on its own only when it lies
 * outside its object's allocation.
 */
#include "diagram_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "strmap.h"
#include "xalloc.h"

/* An object and, behind it, the strings it was created with. */
struct node_block {
	struct node node;
	size_t text_size;
	char text[];
};

/* An edge has one string, so it is in the block when it starts the text. */
struct edge_block {
	struct edge edge;
	char text[];
};

/* Whether s lies in text[0, size): an object's own allocation. */
static bool
in_text(const char *s, const char *text, size_t size)
{
	return (uintptr_t)s - (uintptr_t)text < size;
}

/* Copy s to *at, NUL and all, moving *at past it. */
static char *
place(char **at, const char *s)
{
	size_t size = strlen(s) + 1;
	char *placed = memcpy(*at, s, size);

	*at += size;
	return placed;
}

struct node *
node_new(const char *id, const char *label, const char *tech, const char *notes)
{
	size_t size = strlen(id) + strlen(label) + strlen(tech) + strlen(notes) + 4;
	struct node_block *b = xmalloc(sizeof *b + size);
	char *at = b->text;

	memset(&b->node, 0, sizeof b->node);
	b->text_size = size;
	b->node.id = place(&at, id);
	b->node.label = place(&at, label);
	b->node.tech = place(&at, tech);
	b->node.notes = place(&at, notes);
	return &b->node;
}

struct edge *
edge_new(const char *label)
{
	size_t size = strlen(label) + 1;
	struct edge_block *b = xmalloc(sizeof *b + size);
	char *at = b->text;

	memset(&b->edge, 0, sizeof b->edge);
	b->edge.label = place(&at, label);
	return &b->edge;
}

static struct node_block *
node_block(struct node *n)
{
	return (struct node_block *)n;	/* the node is the block's first member */
}

static struct edge_block *
edge_block(struct edge *e)
{
	return (struct edge_block *)e;
}

/*
 * *field is about to leave the object for a history record: the record
 * must own what it holds, so a string from the object's allocation leaves
 * as a copy (once per field; the copy is the field's own from then on).
 */
static void
take_string(char **field, const char *text, size_t size)
{
	if (in_text(*field, text, size))
		*field = xstrdup(*field);
}

static void
free_string(char *s, const char *text, size_t size)
{
	if (!in_text(s, text, size))
		free(s);
}

struct diagram *
diagram_new(void)
{
	struct diagram *d = xcalloc(1, sizeof *d);

	d->title = xstrdup("");
	d->node_ids = strmap_new();
	d->group_ids = strmap_new();
	d->next_edge_uid = 1;
	history_init(&d->history);
	return d;
}

void
diagram_free(struct diagram *d)
{
	if (d == NULL)
		return;
	/* Detached objects belong to history records; attached ones to us. */
	history_free(&d->history);
	for (size_t i = 0; i < d->edge_count; i++)
		edge_destroy(d->edges[i]);
	for (size_t i = 0; i < d->node_count; i++)
		node_destroy(d->nodes[i]);
	for (size_t i = 0; i < d->group_count; i++)
		group_destroy(d->groups[i]);
	free(d->edges);
	free(d->nodes);
	free(d->groups);
	strmap_free(d->node_ids);
	strmap_free(d->group_ids);
	cJSON_Delete(d->extra);
	free(d->title);
	free(d);
}

const char *
diagram_title(const struct diagram *d)
{
	return d->title;
}

size_t
diagram_node_count(const struct diagram *d)
{
	return d->node_count;
}

const struct node *
diagram_node(const struct diagram *d, size_t index)
{
	return index < d->node_count ? d->nodes[index] : NULL;
}

const struct node *
diagram_find_node(const struct diagram *d, const char *id)
{
	return strmap_get(d->node_ids, id);
}

size_t
diagram_edge_count(const struct diagram *d)
{
	return d->edge_count;
}

const struct edge *
diagram_edge(const struct diagram *d, size_t index)
{
	return index < d->edge_count ? d->edges[index] : NULL;
}

size_t
diagram_group_count(const struct diagram *d)
{
	return d->group_count;
}

const struct group *
diagram_group(const struct diagram *d, size_t index)
{
	return index < d->group_count ? d->groups[index] : NULL;
}

const struct group *
diagram_find_group(const struct diagram *d, const char *id)
{
	return strmap_get(d->group_ids, id);
}

const struct cJSON *
diagram_extra(const struct diagram *d)
{
	return d->extra;
}

const char *
node_accepted_reason(const struct node *n, const char *rule)
{
	for (size_t i = 0; i < n->accept_count; i++) {
		if (strcmp(n->accepts[i].rule, rule) == 0)
			return n->accepts[i].reason;
	}
	return NULL;
}

void
diagram_set_observer(struct diagram *d, diagram_observer observer, void *context)
{
	d->observer = observer;
	d->observer_context = context;
}

void
diagram_notify(struct diagram *d, enum diagram_change change, const void *object)
{
	if (d->observer != NULL)
		d->observer(d->observer_context, change, object);
}

void
diagram_adopt_extra(struct diagram *d, struct cJSON *extra)
{
	cJSON_Delete(d->extra);
	d->extra = extra;
}

void
diagram_adopt_node_extra(struct diagram *d, const struct node *n, struct cJSON *extra)
{
	struct node *mn = (struct node *)n;

	(void)d;
	cJSON_Delete(mn->extra);
	mn->extra = extra;
}

void
diagram_adopt_edge_extra(struct diagram *d, const struct edge *e, struct cJSON *extra)
{
	struct edge *me = (struct edge *)e;

	(void)d;
	cJSON_Delete(me->extra);
	me->extra = extra;
}

void
diagram_adopt_group_extra(struct diagram *d, const struct group *g, struct cJSON *extra)
{
	struct group *mg = (struct group *)g;

	(void)d;
	cJSON_Delete(mg->extra);
	mg->extra = extra;
}

/*
 * Ordered pointer arrays.  Each object records its own index, so inserting
 * or removing renumbers the tail; appending, the common case, is O(1).
 */
#define ARRAY_INSERT(array, count, capacity, item, at) do {			\
	if ((count) == (capacity)) {						\
		(capacity) = (capacity) != 0 ? (capacity) * 2 : 16;		\
		(array) = xreallocarray((array), (capacity), sizeof *(array));	\
	}									\
	memmove(&(array)[(at) + 1], &(array)[(at)],				\
	    ((count) - (at)) * sizeof *(array));				\
	(array)[(at)] = (item);							\
	(count)++;								\
	for (size_t i_ = (at); i_ < (count); i_++)				\
		(array)[i_]->index = i_;					\
} while (0)

#define ARRAY_REMOVE(array, count, at) do {					\
	memmove(&(array)[(at)], &(array)[(at) + 1],				\
	    ((count) - (at) - 1) * sizeof *(array));				\
	(count)--;								\
	for (size_t i_ = (at); i_ < (count); i_++)				\
		(array)[i_]->index = i_;					\
} while (0)

void
node_attach(struct diagram *d, struct node *n, size_t index)
{
	ARRAY_INSERT(d->nodes, d->node_count, d->node_capacity, n, index);
	strmap_put(d->node_ids, n->id, n);
	diagram_notify(d, CHANGE_NODE_ADDED, n);
}

void
node_detach(struct diagram *d, struct node *n)
{
	ARRAY_REMOVE(d->nodes, d->node_count, n->index);
	strmap_remove(d->node_ids, n->id);
	diagram_notify(d, CHANGE_NODE_REMOVED, n);
}

void
edge_attach(struct diagram *d, struct edge *e, size_t index)
{
	ARRAY_INSERT(d->edges, d->edge_count, d->edge_capacity, e, index);
	diagram_notify(d, CHANGE_EDGE_ADDED, e);
}

void
edge_detach(struct diagram *d, struct edge *e)
{
	ARRAY_REMOVE(d->edges, d->edge_count, e->index);
	diagram_notify(d, CHANGE_EDGE_REMOVED, e);
}

void
group_attach(struct diagram *d, struct group *g, size_t index)
{
	ARRAY_INSERT(d->groups, d->group_count, d->group_capacity, g, index);
	strmap_put(d->group_ids, g->id, g);
	diagram_notify(d, CHANGE_GROUP_ADDED, g);
}

void
group_detach(struct diagram *d, struct group *g)
{
	ARRAY_REMOVE(d->groups, d->group_count, g->index);
	strmap_remove(d->group_ids, g->id);
	diagram_notify(d, CHANGE_GROUP_REMOVED, g);
}

void
accepts_free(struct accepted_risk *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].rule);
		free(list[i].reason);
	}
	free(list);
}

void
node_destroy(struct node *n)
{
	struct node_block *b = node_block(n);

	free_string(n->id, b->text, b->text_size);
	free_string(n->label, b->text, b->text_size);
	free_string(n->tech, b->text, b->text_size);
	free_string(n->notes, b->text, b->text_size);
	accepts_free(n->accepts, n->accept_count);
	cJSON_Delete(n->extra);
	free(b);
}

void
edge_destroy(struct edge *e)
{
	struct edge_block *b = edge_block(e);

	free_string(e->label, b->text, 1);
	cJSON_Delete(e->extra);
	free(b);
}

void
group_destroy(struct group *g)
{
	free(g->id);
	free(g->label);
	cJSON_Delete(g->extra);
	free(g);
}

#define SWAP(type, a, b) do { type t_ = (a); (a) = (b); (b) = t_; } while (0)

void
node_swap_field(struct diagram *d, struct node *n, enum field field, union field_value *v)
{
	struct node_block *b = node_block(n);

	switch (field) {
	case FIELD_ID:
		/* The id is the hash key: unhash under the old one first. */
		strmap_remove(d->node_ids, n->id);
		take_string(&n->id, b->text, b->text_size);
		SWAP(char *, n->id, v->string);
		strmap_put(d->node_ids, n->id, n);
		break;
	case FIELD_KIND:
		SWAP(enum node_kind, n->kind, v->kind);
		break;
	case FIELD_LABEL:
		take_string(&n->label, b->text, b->text_size);
		SWAP(char *, n->label, v->string);
		break;
	case FIELD_TECH:
		take_string(&n->tech, b->text, b->text_size);
		SWAP(char *, n->tech, v->string);
		break;
	case FIELD_NOTES:
		take_string(&n->notes, b->text, b->text_size);
		SWAP(char *, n->notes, v->string);
		break;
	case FIELD_REPLICAS:
		SWAP(int, n->replicas, v->integer);
		break;
	case FIELD_MANAGED:
		SWAP(bool, n->managed, v->flag);
		break;
	case FIELD_POSITION:
		SWAP(int, n->x, v->xy[0]);
		SWAP(int, n->y, v->xy[1]);
		break;
	case FIELD_CAPACITY:
		SWAP(double, n->capacity, v->number);
		break;
	case FIELD_RPS:
		SWAP(double, n->rps, v->number);
		break;
	case FIELD_ACCEPTS:
		SWAP(struct accepted_risk *, n->accepts, v->accepts.list);
		SWAP(size_t, n->accept_count, v->accepts.count);
		break;
	case FIELD_GROUP:
		SWAP(struct group *, n->group, v->group);
		break;
	case FIELD_MODE:
	case FIELD_RATIO:
		break;
	}
	diagram_notify(d, CHANGE_NODE_CHANGED, n);
	if (field == FIELD_GROUP) {
		if (n->group != NULL)
			diagram_notify(d, CHANGE_GROUP_CHANGED, n->group);
		if (v->group != NULL)
			diagram_notify(d, CHANGE_GROUP_CHANGED, v->group);
	}
}

void
edge_swap_field(struct diagram *d, struct edge *e, enum field field, union field_value *v)
{
	switch (field) {
	case FIELD_LABEL:
		take_string(&e->label, edge_block(e)->text, 1);
		SWAP(char *, e->label, v->string);
		break;
	case FIELD_MODE:
		SWAP(enum edge_mode, e->mode, v->mode);
		break;
	case FIELD_RATIO:
		SWAP(double, e->ratio, v->number);
		break;
	default:
		break;
	}
	diagram_notify(d, CHANGE_EDGE_CHANGED, e);
}

void
group_swap_field(struct diagram *d, struct group *g, enum field field, union field_value *v)
{
	if (field == FIELD_ID) {
		strmap_remove(d->group_ids, g->id);
		SWAP(char *, g->id, v->string);
		strmap_put(d->group_ids, g->id, g);
	} else if (field == FIELD_LABEL) {
		SWAP(char *, g->label, v->string);
	}
	diagram_notify(d, CHANGE_GROUP_CHANGED, g);
}

void
title_swap(struct diagram *d, union field_value *v)
{
	SWAP(char *, d->title, v->string);
	diagram_notify(d, CHANGE_TITLE, NULL);
}

void
field_value_free(enum field field, union field_value *v)
{
	switch (field) {
	case FIELD_ID:
	case FIELD_LABEL:
	case FIELD_TECH:
	case FIELD_NOTES:
		free(v->string);
		v->string = NULL;
		break;
	case FIELD_ACCEPTS:
		accepts_free(v->accepts.list, v->accepts.count);
		v->accepts.list = NULL;
		v->accepts.count = 0;
		break;
	default:
		break;
	}
}
