/*
 * The diagram model: nodes, edges and groups, and the one editing API.
 *
 * Readers get const pointers and read fields directly.  Every change goes
 * through a diagram_* function below, which validates it, applies it,
 * records it for undo/redo (history.c) and tells the observer (so the
 * whiteboard can recompute only the routes a change touched).
 *
 * Ownership: the diagram owns every node, edge and group; pointers stay
 * valid until the object is deleted *and* the deletion can no longer be
 * undone (that is, until the history forgets it or the diagram is freed).
 * Strings passed in are copied.
 */
#ifndef NAPKIN_DIAGRAM_H
#define NAPKIN_DIAGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "errors.h"
#include "kind.h"

struct cJSON;

/* Limits every file and every edit obeys (docs/format.md lists them). */
#define NAPKIN_FORMAT_VERSION	1
#define NAPKIN_ID_MAX		64	/* bytes */
#define NAPKIN_TITLE_MAX	200
#define NAPKIN_LABEL_MAX	200
#define NAPKIN_TECH_MAX		100
#define NAPKIN_NOTES_MAX	4000
#define NAPKIN_RULE_MAX		16
#define NAPKIN_REASON_MAX	500
#define NAPKIN_ACCEPT_MAX	64	/* accepted risks per node */
#define NAPKIN_COORD_MAX	1000000	/* grid columns and rows */
#define NAPKIN_REPLICAS_MAX	100000
#define NAPKIN_RATE_MAX		1e12	/* requests/s */
#define NAPKIN_RATIO_MAX	1000.0

struct accepted_risk {
	char *rule;		/* critique rule ID, e.g. "SPOF002" */
	char *reason;
};

struct group;

struct node {
	char *id;		/* unique among nodes; see diagram_valid_id() */
	enum node_kind kind;
	char *label;		/* shown in the box; never NULL */
	char *tech;		/* "Redis 7"; "" when not given */
	char *notes;		/* free text, may hold newlines; "" when none */
	int replicas;		/* >= 1 */
	bool managed;		/* cloud-managed, highly available */
	int x, y;		/* grid column and row of the top-left corner */
	double capacity;	/* requests/s one replica serves; 0: not given */
	double rps;		/* requests/s a client sends; 0: not given */
	struct accepted_risk *accepts;
	size_t accept_count;
	struct group *group;	/* the one group holding the node, or NULL */
	struct cJSON *extra;	/* unknown members from the file, or NULL */
	size_t index;		/* position in diagram order */
};

struct edge {
	struct node *from, *to;	/* the direction of the call or message */
	char *label;		/* "" when none */
	enum edge_mode mode;
	double ratio;		/* share of from's traffic sent down this edge */
	struct cJSON *extra;
	uint64_t uid;		/* unique for the diagram's lifetime, never reused */
	size_t index;
};

struct group {
	char *id;		/* unique among groups */
	char *label;
	struct cJSON *extra;
	size_t index;
};

/* What changed, for the observer. */
enum diagram_change {
	CHANGE_NODE_ADDED,
	CHANGE_NODE_REMOVED,
	CHANGE_NODE_CHANGED,	/* any attribute, position included */
	CHANGE_EDGE_ADDED,
	CHANGE_EDGE_REMOVED,
	CHANGE_EDGE_CHANGED,
	CHANGE_GROUP_ADDED,
	CHANGE_GROUP_REMOVED,
	CHANGE_GROUP_CHANGED,	/* label, id or membership */
	CHANGE_TITLE
};

/* object is the node, edge or group concerned (NULL for the title). */
typedef void (*diagram_observer)(void *context, enum diagram_change change, const void *object);

struct diagram;

struct diagram *diagram_new(void);
void diagram_free(struct diagram *d);

/* --- Reading --- */
const char *diagram_title(const struct diagram *d);
size_t diagram_node_count(const struct diagram *d);
const struct node *diagram_node(const struct diagram *d, size_t index);
const struct node *diagram_find_node(const struct diagram *d, const char *id);
size_t diagram_edge_count(const struct diagram *d);
const struct edge *diagram_edge(const struct diagram *d, size_t index);
size_t diagram_group_count(const struct diagram *d);
const struct group *diagram_group(const struct diagram *d, size_t index);
const struct group *diagram_find_group(const struct diagram *d, const char *id);
/* Unknown top-level members kept from the file, or NULL. */
const struct cJSON *diagram_extra(const struct diagram *d);
/* The reason node accepts rule, or NULL when it does not. */
const char *node_accepted_reason(const struct node *n, const char *rule);

/* Ids: 1-64 bytes of letters, digits and "-_.:", starting with a letter or digit. */
bool diagram_valid_id(const char *id);
/* A fresh node id derived from base (a label or a kind name): "api", "api-2", ... */
char *diagram_unique_node_id(const struct diagram *d, const char *base);

/* --- Editing: each returns false and fills err when refused --- */
bool diagram_set_title(struct diagram *d, const char *title, struct napkin_error *err);

/* id NULL picks a unique id from the label.  Returns the node or NULL. */
const struct node *diagram_add_node(struct diagram *d, const char *id, enum node_kind kind,
    const char *label, int x, int y, struct napkin_error *err);
/*
 * Add a node with every attribute of *values at once (loaders, importers,
 * templates).  values->id may be NULL as above; strings are copied; index,
 * group and extra are ignored.  On error, err->member names the attribute.
 */
const struct node *diagram_insert_node(struct diagram *d, const struct node *values, struct napkin_error *err);
bool diagram_delete_node(struct diagram *d, const struct node *n, struct napkin_error *err);
bool diagram_set_node_id(struct diagram *d, const struct node *n, const char *id, struct napkin_error *err);
bool diagram_set_node_kind(struct diagram *d, const struct node *n, enum node_kind kind, struct napkin_error *err);
bool diagram_set_node_label(struct diagram *d, const struct node *n, const char *label, struct napkin_error *err);
bool diagram_set_node_tech(struct diagram *d, const struct node *n, const char *tech, struct napkin_error *err);
bool diagram_set_node_notes(struct diagram *d, const struct node *n, const char *notes, struct napkin_error *err);
bool diagram_set_node_replicas(struct diagram *d, const struct node *n, int replicas, struct napkin_error *err);
bool diagram_set_node_managed(struct diagram *d, const struct node *n, bool managed, struct napkin_error *err);
bool diagram_move_node(struct diagram *d, const struct node *n, int x, int y, struct napkin_error *err);
bool diagram_set_node_capacity(struct diagram *d, const struct node *n, double capacity, struct napkin_error *err);
bool diagram_set_node_rps(struct diagram *d, const struct node *n, double rps, struct napkin_error *err);
/*
 * Whether rule (a rule ID such as SPOF002) and reason make an accepted
 * risk, as diagram_set_node_accept checks; err->member is "rule" or "reason".
 */
bool diagram_check_accept(const char *rule, const char *reason, struct napkin_error *err);
/* Accept (or, with reason NULL, stop accepting) a critique rule on a node. */
bool diagram_set_node_accept(struct diagram *d, const struct node *n, const char *rule,
    const char *reason, struct napkin_error *err);
/* Put n in group g, or take it out of any group when g is NULL. */
bool diagram_set_node_group(struct diagram *d, const struct node *n, const struct group *g, struct napkin_error *err);

const struct edge *diagram_connect(struct diagram *d, const struct node *from, const struct node *to,
    const char *label, enum edge_mode mode, struct napkin_error *err);
/* The same between the nodes with these ids (err->member "from" or "to" when one is missing). */
const struct edge *diagram_connect_ids(struct diagram *d, const char *from_id, const char *to_id,
    const char *label, enum edge_mode mode, struct napkin_error *err);
bool diagram_disconnect(struct diagram *d, const struct edge *e, struct napkin_error *err);
bool diagram_set_edge_label(struct diagram *d, const struct edge *e, const char *label, struct napkin_error *err);
bool diagram_set_edge_mode(struct diagram *d, const struct edge *e, enum edge_mode mode, struct napkin_error *err);
bool diagram_set_edge_ratio(struct diagram *d, const struct edge *e, double ratio, struct napkin_error *err);

const struct group *diagram_add_group(struct diagram *d, const char *id, const char *label, struct napkin_error *err);
/* Deleting a group keeps its nodes; they just leave it. */
bool diagram_delete_group(struct diagram *d, const struct group *g, struct napkin_error *err);
bool diagram_set_group_label(struct diagram *d, const struct group *g, const char *label, struct napkin_error *err);

/*
 * Unknown members read from a file, written back on save.  Loaders call
 * these; they take ownership of extra and are not recorded for undo.
 */
void diagram_adopt_extra(struct diagram *d, struct cJSON *extra);
void diagram_adopt_node_extra(struct diagram *d, const struct node *n, struct cJSON *extra);
void diagram_adopt_edge_extra(struct diagram *d, const struct edge *e, struct cJSON *extra);
void diagram_adopt_group_extra(struct diagram *d, const struct group *g, struct cJSON *extra);

/* --- Undo and redo (history.c) --- */

/*
 * Changes made between begin and end undo as one step ("auto-arrange",
 * "move api").  Calls nest; the outermost pair makes the step.
 */
void diagram_begin(struct diagram *d, const char *what);
void diagram_end(struct diagram *d);
/* Undo or redo one step; false when there is nothing to undo or redo. */
bool diagram_undo(struct diagram *d);
bool diagram_redo(struct diagram *d);
bool diagram_can_undo(const struct diagram *d);
bool diagram_can_redo(const struct diagram *d);
/* What the next undo or redo step did ("add node api"), or NULL. */
const char *diagram_undo_name(const struct diagram *d);
const char *diagram_redo_name(const struct diagram *d);
/* Forget all history (after loading a file). */
void diagram_clear_history(struct diagram *d);
/* Turn recording off while a loader builds a diagram; on by default. */
void diagram_set_recording(struct diagram *d, bool on);
/*
 * An id for the current state: equal ids mean equal contents, so "modified"
 * is state_id != state_id at the last save, and undoing back to the saved
 * state clears it, as in vim.
 */
uint64_t diagram_state_id(const struct diagram *d);

void diagram_set_observer(struct diagram *d, diagram_observer observer, void *context);

#endif
