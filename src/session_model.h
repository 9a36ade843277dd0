/*
 * The diagram a session record describes, as replay rebuilds it: the
 * title and the ordered nodes, edges and groups, each kept as the compact
 * JSON object events carry (the file's members with defaults left out; a
 * node also names its "group").  Events change it at an index, exactly as
 * the whiteboard's diagram changed, so after the same events it has the
 * same objects in the same order as the diagram had.
 *
 * Shared by the recorder (session_record.c), which keeps one in step with
 * the live diagram by applying its own events to it, and the player
 * (session_play.c).  Everything is checked as it comes in, with the limits
 * of the editing API and errors from the member reader, so a model always
 * builds into a diagram.  docs/format.md ("Session records") describes the
 * events.  Only session_*.c include this header.
 */
#ifndef NAPKIN_SESSION_MODEL_H
#define NAPKIN_SESSION_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include <cJSON.h>

#include "diagram.h"
#include "errors.h"
#include "member_reader.h"
#include "session.h"

struct session_model;

/* An empty model, a snapshot of d, a copy; free with session_model_free. */
struct session_model *session_model_new(void);
struct session_model *session_model_of(const struct diagram *d);
struct session_model *session_model_copy(const struct session_model *m);
void session_model_free(struct session_model *m);

/* Replace an empty m with the snapshot base ({"title", "nodes", "edges", "groups"}). */
bool session_model_read(struct session_model *m, const cJSON *base, struct member_reader *r);
/* The snapshot as a new object, for the file. */
cJSON *session_model_json(const struct session_model *m);
/*
 * Apply one event.  On a bad event, false after reporting it through r,
 * and m is unchanged.
 */
bool session_model_apply(struct session_model *m, const cJSON *event, struct member_reader *r);
/* A new diagram with m's contents (empty history); NULL with err if the model refuses one. */
struct diagram *session_model_build(const struct session_model *m, struct napkin_error *err);
/* Same title and the same objects in the same order, numbers compared exactly. */
bool session_model_equal(const struct session_model *a, const struct session_model *b);

/* What m holds, for the recorder's diffs: NULL past the end. */
const char *session_model_title(const struct session_model *m);
const cJSON *session_model_node(const struct session_model *m, size_t index);
const cJSON *session_model_edge(const struct session_model *m, size_t index);
const cJSON *session_model_group(const struct session_model *m, size_t index);

/*
 * Make one (checked) event on d through the editing API (session_step.c);
 * false when it cannot be made in place -- an object inserted before the
 * end, a group given a new id -- and d may be half changed: build the
 * frame from the model then.
 */
bool session_event_make(const cJSON *event, struct diagram *d, struct napkin_error *err);

/* --- A record as read from a file (session_read.c) --- */

struct session_data {
	struct session_info info;	/* strings owned */
	double base_time;		/* when the base snapshot was taken */
	size_t folded;			/* events folded into the base */
	struct session_model *base;
	cJSON *events;			/* the array, owned */
	double *times;			/* of each event */
	size_t count;
	struct session_model *final;	/* after every event */
};

/*
 * Read and check d's "session" member, playing every event into a model.
 * *found is whether d has one; false (with errors) when it is invalid.
 */
bool session_data_read(const struct diagram *d, const char *file, const char *text, size_t len,
    struct session_data *out, bool *found, struct error_list *errors);
void session_data_clear(struct session_data *s);
void session_info_clear(struct session_info *info);

/* --- Objects as JSON (session_values.c) --- */

/* The compact JSON of a live object, as events carry it; the caller frees it. */
cJSON *session_node_json(const struct node *n);
cJSON *session_edge_json(const struct edge *e);
cJSON *session_group_json(const struct group *g);

/* A node read from its JSON: the values diagram_insert_node takes, plus group and extra. */
struct session_node {
	struct node values;	/* strings owned; values.group and values.extra unused */
	char *group;		/* group id, or NULL */
	cJSON *extra;		/* members napkin does not know, or NULL */
};

struct session_edge {
	char *from, *to, *label;
	enum edge_mode mode;
	double ratio;
	cJSON *extra;
};

struct session_group {
	char *id, *label;
	cJSON *extra;
};

/* Read and check one object; false after reporting.  Free with the _clear functions. */
bool session_node_read(struct member_reader *r, const cJSON *obj, struct session_node *out);
bool session_edge_read(struct member_reader *r, const cJSON *obj, struct session_edge *out);
bool session_group_read(struct member_reader *r, const cJSON *obj, struct session_group *out);
void session_node_clear(struct session_node *n);
void session_edge_clear(struct session_edge *e);
void session_group_clear(struct session_group *g);
/* The canonical compact JSON of what was read. */
cJSON *session_node_values_json(const struct session_node *n);
cJSON *session_edge_values_json(const struct session_edge *e);
cJSON *session_group_values_json(const struct session_group *g);

/* Members of a node, edge or group that events may change (NULL-terminated). */
extern const char *const session_node_members[];
extern const char *const session_edge_changes[];
extern const char *const session_group_members[];

/* Exact equality of JSON values: numbers compared bit for bit, members in order. */
bool session_json_equal(const cJSON *a, const cJSON *b);

#endif
