/*
 * The recorder (session.h): diagram changes in, events out.
 *
 * The shadow is a session model in step with the live diagram.  For each
 * change the recorder writes the event that takes the shadow from what it
 * holds to what the diagram now holds at that index (a change event names
 * only the members that differ), applies the event to the shadow, and
 * appends it -- or merges it into the event before when that was about the
 * same object less than SESSION_COALESCE_SECONDS earlier.  Past the bounds
 * the oldest events are applied to the base snapshot and dropped.
 */
#include "session_model.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct session_recorder {
	const struct diagram *diagram;	/* borrowed: the diagram being recorded */
	session_clock clock;
	void *context;
	struct session_info info;
	struct session_model *base, *shadow;
	double base_time;
	size_t folded;
	cJSON *events;		/* array, oldest first */
	size_t count;
	size_t *sizes;		/* bytes of each event as compact JSON, in a ring from `first` */
	size_t first, capacity, bytes;
	double run_start;	/* when the merging run of the last event began */
	char error[512];
};

static double
now(const struct session_recorder *rec)
{
	double t = rec->clock(rec->context);

	/* Tenths of a second: enough to replay, short in the file. */
	t = round(t * 10) / 10;
	return t > 0 ? t : 0;
}

struct session_recorder *
session_recorder_new(const struct diagram *d, const char *file, session_clock clock, void *context,
    struct error_list *errors)
{
	struct session_recorder *rec = xcalloc(1, sizeof *rec);
	struct session_data data;
	struct error_list invalid = { 0 };
	bool found;
	bool read = session_data_read(d, file, NULL, 0, &data, &found, &invalid);
	struct session_model *live = session_model_of(d);

	if (found && !read) {
		/* One line for the status bar: why, and what happens now. */
		error_list_add(errors, "%s; recording starts again from here", invalid.count > 0 ?
		    invalid.messages[0] : "the session record cannot be read");
	}
	error_list_clear(&invalid);

	rec->diagram = d;
	rec->clock = clock;
	rec->context = context;
	rec->run_start = -1;
	if (read && session_model_equal(data.final, live)) {
		rec->info = data.info;
		rec->base = data.base;
		rec->shadow = data.final;
		rec->events = data.events;
		rec->count = data.count;
		rec->base_time = data.base_time;
		rec->folded = data.folded;
		/* Taken: what is left (the times) goes with the data. */
		memset(&data.info, 0, sizeof data.info);
		data.base = data.final = NULL;
		data.events = NULL;
		session_model_free(live);
	} else {
		if (read) {
			error_list_add(errors, "%s: the diagram was changed outside napkin after its session was "
			    "recorded; recording starts again from here", file);
			/* Still the same interview, and its clock runs on. */
			rec->info = data.info;
			memset(&data.info, 0, sizeof data.info);
		}
		rec->base = live;
		rec->shadow = session_model_copy(live);
		rec->events = cJSON_CreateArray();
		rec->base_time = rec->info.elapsed;
	}
	session_data_clear(&data);
	rec->capacity = rec->count + 16;
	rec->sizes = xcalloc(rec->capacity, sizeof *rec->sizes);
	{
		size_t i = 0;

		for (const cJSON *e = rec->events->child; e != NULL; e = e->next, i++) {
			char *text = cJSON_PrintUnformatted(e);

			rec->sizes[i] = strlen(text);
			rec->bytes += rec->sizes[i];
			free(text);
		}
	}
	return rec;
}

void
session_recorder_free(struct session_recorder *rec)
{
	if (rec == NULL)
		return;
	session_info_clear(&rec->info);
	session_model_free(rec->base);
	session_model_free(rec->shadow);
	cJSON_Delete(rec->events);
	free(rec->sizes);
	free(rec);
}

struct session_info *
session_recorder_info(struct session_recorder *rec)
{
	return &rec->info;
}

size_t
session_recorder_events(const struct session_recorder *rec)
{
	return rec->count;
}

const char *
session_recorder_error(const struct session_recorder *rec)
{
	return rec->error[0] != '\0' ? rec->error : NULL;
}

/* --- Bounds --- */

static size_t *
size_at(struct session_recorder *rec, size_t i)
{
	return &rec->sizes[(rec->first + i) % rec->capacity];
}

static size_t
event_bytes(const cJSON *event)
{
	char *text = cJSON_PrintUnformatted(event);
	size_t n = strlen(text);

	free(text);
	return n;
}

static void
push_size(struct session_recorder *rec, size_t bytes)
{
	if (rec->count == rec->capacity) {
		size_t *sizes = xcalloc(2 * rec->capacity, sizeof *sizes);

		for (size_t i = 0; i < rec->count; i++)
			sizes[i] = *size_at(rec, i);
		free(rec->sizes);
		rec->sizes = sizes;
		rec->first = 0;
		rec->capacity *= 2;
	}
	*size_at(rec, rec->count) = bytes;
	rec->bytes += bytes;
}

/* The oldest events become part of the base, until the record is within bounds. */
static void
fold_oldest(struct session_recorder *rec)
{
	while (rec->count > 1 && (rec->count > SESSION_EVENTS_MAX || rec->bytes > SESSION_BYTES_MAX)) {
		cJSON *oldest = cJSON_DetachItemFromArray(rec->events, 0);
		struct error_list errors = { 0 };
		struct member_reader r;
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(oldest, "t");

		reader_init(&r, "session", NULL, 0, &errors);
		if (!session_model_apply(rec->base, oldest, &r))
			fatal("session record: the base refused an event the shadow took");
		error_list_clear(&errors);
		rec->base_time = cJSON_IsNumber(t) ? t->valuedouble : rec->base_time;
		rec->bytes -= *size_at(rec, 0);
		rec->first = (rec->first + 1) % rec->capacity;
		rec->count--;
		rec->folded++;
		cJSON_Delete(oldest);
	}
}

/* --- Events --- */

enum object_kind {
	OBJECT_NODE, OBJECT_EDGE, OBJECT_GROUP, OBJECT_TITLE
};

static const char *const object_names[] = { "node", "edge", "group", "title" };

static cJSON *
event_new(double t, const char *op, const char *object)
{
	cJSON *e = cJSON_CreateObject();
	char name[32];

	cJSON_AddNumberToObject(e, "t", t);
	snprintf(name, sizeof name, "%s%s%s", op, op[0] != '\0' ? "-" : "", object);
	cJSON_AddStringToObject(e, "op", name);
	return e;
}

/* What names the object the event is about: a node's or group's id, an edge's ends. */
static void
add_names(cJSON *e, enum object_kind kind, const cJSON *obj)
{
	static const char *const id[] = { "id", NULL }, *const ends[] = { "from", "to", NULL };

	for (const char *const *k = kind == OBJECT_EDGE ? ends : id; *k != NULL; k++)
		cJSON_AddItemToObject(e, *k, cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(obj, *k), true));
}

/* Members of now that differ from was; members was has and now lacks become null. */
static cJSON *
difference(const cJSON *was, const cJSON *now)
{
	cJSON *diff = cJSON_CreateObject();

	for (const cJSON *c = now->child; c != NULL; c = c->next) {
		if (!session_json_equal(cJSON_GetObjectItemCaseSensitive(was, c->string), c))
			cJSON_AddItemToObject(diff, c->string, cJSON_Duplicate(c, true));
	}
	for (const cJSON *c = was->child; c != NULL; c = c->next) {
		if (cJSON_GetObjectItemCaseSensitive(now, c->string) == NULL)
			cJSON_AddNullToObject(diff, c->string);
	}
	if (diff->child == NULL) {
		cJSON_Delete(diff);
		return NULL;
	}
	return diff;
}

static const cJSON *
shadow_object(const struct session_recorder *rec, enum object_kind kind, size_t index)
{
	return kind == OBJECT_NODE ? session_model_node(rec->shadow, index) :
	    kind == OBJECT_EDGE ? session_model_edge(rec->shadow, index) : session_model_group(rec->shadow, index);
}

static const char *
op_of(const cJSON *e)
{
	return cJSON_GetObjectItemCaseSensitive(e, "op")->valuestring;
}

static size_t
at_of(const cJSON *e)
{
	const cJSON *at = cJSON_GetObjectItemCaseSensitive(e, "at");

	return at != NULL ? (size_t)at->valuedouble : SIZE_MAX;
}

/*
 * Merge e into the last event when both are about the same object within
 * the coalescing time: a change after an add or a change of that object,
 * or a title after a title.  The shadow already holds e's result.
 */
static bool
merge_into_last(struct session_recorder *rec, cJSON *e, enum object_kind kind, double t)
{
	cJSON *last = rec->count > 0 ? rec->events->child->prev : NULL;
	char add[16], change[16];
	const char *last_op;

	if (last == NULL || rec->run_start < 0 || t - rec->run_start >= SESSION_COALESCE_SECONDS)
		return false;
	last_op = op_of(last);
	snprintf(add, sizeof add, "add-%s", object_names[kind]);
	snprintf(change, sizeof change, "change-%s", object_names[kind]);
	if (kind == OBJECT_TITLE && strcmp(last_op, "title") == 0 && strcmp(op_of(e), "title") == 0) {
		cJSON_ReplaceItemInObjectCaseSensitive(last, "title",
		    cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(e, "title"), true));
	} else if (kind != OBJECT_TITLE && strcmp(op_of(e), change) == 0 && at_of(e) == at_of(last) &&
	    strcmp(last_op, add) == 0) {
		/* The object as it is now is what the add brings. */
		cJSON_ReplaceItemInObjectCaseSensitive(last, object_names[kind],
		    cJSON_Duplicate(shadow_object(rec, kind, at_of(e)), true));
	} else if (kind != OBJECT_TITLE && strcmp(op_of(e), change) == 0 && at_of(e) == at_of(last) &&
	    strcmp(last_op, change) == 0) {
		cJSON *into = cJSON_GetObjectItemCaseSensitive(last, object_names[kind]);

		for (const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, object_names[kind])->child; c != NULL;
		    c = c->next) {
			cJSON_DeleteItemFromObjectCaseSensitive(into, c->string);
			cJSON_AddItemToObject(into, c->string, cJSON_Duplicate(c, true));
		}
	} else {
		return false;
	}
	cJSON_ReplaceItemInObjectCaseSensitive(last, "t", cJSON_CreateNumber(t));
	rec->bytes -= *size_at(rec, rec->count - 1);
	*size_at(rec, rec->count - 1) = event_bytes(last);
	rec->bytes += *size_at(rec, rec->count - 1);
	return true;
}

/* Apply e to the shadow, then keep it (or merge it); takes e. */
static void
record(struct session_recorder *rec, cJSON *e, enum object_kind kind, double t)
{
	struct error_list errors = { 0 };
	struct member_reader r;

	reader_init(&r, "session", NULL, 0, &errors);
	if (!session_model_apply(rec->shadow, e, &r)) {
		/* The diagram did something the model cannot follow: stop rather than write a wrong record. */
		snprintf(rec->error, sizeof rec->error, "recording stopped: %s",
		    errors.count > 0 ? errors.messages[0] : "an event was refused");
		error_list_clear(&errors);
		cJSON_Delete(e);
		return;
	}
	error_list_clear(&errors);
	if (merge_into_last(rec, e, kind, t)) {
		cJSON_Delete(e);
		return;
	}
	rec->run_start = t;
	cJSON_AddItemToArray(rec->events, e);
	push_size(rec, event_bytes(e));
	rec->count++;
	fold_oldest(rec);
}

static void
note_object(struct session_recorder *rec, enum object_kind kind, const char *op, size_t index, cJSON *live)
{
	double t = now(rec);
	const cJSON *was = shadow_object(rec, kind, index);
	cJSON *e = event_new(t, op, object_names[kind]);

	cJSON_AddNumberToObject(e, "at", (double)index);
	if (strcmp(op, "add") == 0) {
		cJSON_AddItemToObject(e, object_names[kind], live);
		live = NULL;
	} else if (was == NULL) {
		snprintf(rec->error, sizeof rec->error, "recording stopped: no %s %zu to %s", object_names[kind],
		    index, op);
		cJSON_Delete(e);
		cJSON_Delete(live);
		return;
	} else {
		add_names(e, kind, was);
		if (strcmp(op, "change") == 0) {
			cJSON *diff = difference(was, live);

			if (diff == NULL) {
				cJSON_Delete(e);	/* nothing the record holds changed */
				cJSON_Delete(live);
				return;
			}
			cJSON_AddItemToObject(e, object_names[kind], diff);
		}
	}
	cJSON_Delete(live);
	record(rec, e, kind, t);
}

void
session_recorder_note(struct session_recorder *rec, enum diagram_change change, const void *object)
{
	const struct node *n = object;
	const struct edge *e = object;
	const struct group *g = object;

	if (rec == NULL || rec->error[0] != '\0')
		return;
	switch (change) {
	case CHANGE_NODE_ADDED:
		note_object(rec, OBJECT_NODE, "add", n->index, session_node_json(n));
		break;
	case CHANGE_NODE_REMOVED:
		note_object(rec, OBJECT_NODE, "remove", n->index, NULL);
		break;
	case CHANGE_NODE_CHANGED:
		note_object(rec, OBJECT_NODE, "change", n->index, session_node_json(n));
		break;
	case CHANGE_EDGE_ADDED:
		note_object(rec, OBJECT_EDGE, "add", e->index, session_edge_json(e));
		break;
	case CHANGE_EDGE_REMOVED:
		note_object(rec, OBJECT_EDGE, "remove", e->index, NULL);
		break;
	case CHANGE_EDGE_CHANGED:
		note_object(rec, OBJECT_EDGE, "change", e->index, session_edge_json(e));
		break;
	case CHANGE_GROUP_ADDED:
		note_object(rec, OBJECT_GROUP, "add", g->index, session_group_json(g));
		break;
	case CHANGE_GROUP_REMOVED:
		note_object(rec, OBJECT_GROUP, "remove", g->index, NULL);
		break;
	case CHANGE_GROUP_CHANGED:
		note_object(rec, OBJECT_GROUP, "change", g->index, session_group_json(g));
		break;
	case CHANGE_TITLE: {
		double t = now(rec);
		cJSON *ev = event_new(t, "", "title");

		if (strcmp(session_model_title(rec->shadow), diagram_title(rec->diagram)) == 0) {
			cJSON_Delete(ev);
			break;
		}
		cJSON_AddStringToObject(ev, "title", diagram_title(rec->diagram));
		record(rec, ev, OBJECT_TITLE, t);
		break;
	}
	}
}

void
session_recorder_store(struct session_recorder *rec, struct diagram *d)
{
	const cJSON *old = diagram_extra(d);
	cJSON *extra = old != NULL ? cJSON_Duplicate(old, true) : cJSON_CreateObject();
	cJSON *s = cJSON_CreateObject();

	rec->info.elapsed = now(rec);
	if (rec->info.template_name != NULL)
		cJSON_AddStringToObject(s, "template", rec->info.template_name);
	if (rec->info.minutes > 0)
		cJSON_AddNumberToObject(s, "minutes", rec->info.minutes);
	cJSON_AddNumberToObject(s, "elapsed", rec->info.elapsed);
	if (rec->info.skipped > 0)
		cJSON_AddNumberToObject(s, "skipped", round(rec->info.skipped * 10) / 10);
	if (rec->base_time > 0)
		cJSON_AddNumberToObject(s, "base_time", rec->base_time);
	if (rec->folded > 0)
		cJSON_AddNumberToObject(s, "folded", (double)rec->folded);
	cJSON_AddItemToObject(s, "base", session_model_json(rec->base));
	cJSON_AddItemToObject(s, "events", cJSON_Duplicate(rec->events, true));
	if (cJSON_GetObjectItemCaseSensitive(extra, "session") != NULL)
		cJSON_ReplaceItemInObjectCaseSensitive(extra, "session", s);
	else
		cJSON_AddItemToObject(extra, "session", s);
	diagram_adopt_extra(d, extra);
}

