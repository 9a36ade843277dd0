/*
 * Shared by diagram.c (storage), diagram_edit.c (validated edits) and
 * history.c (undo records).  Nothing outside those three includes it.
 *
 * Every edit becomes a record that history.c applies; undo and redo apply
 * the same records backwards and forwards.  A record either attaches or
 * detaches an object (keeping the detached object alive, so pointers held
 * by older records stay valid) or swaps one field with the value it holds,
 * which makes applying and reverting the same operation.
 */
#ifndef NAPKIN_DIAGRAM_INTERNAL_H
#define NAPKIN_DIAGRAM_INTERNAL_H

#include "diagram.h"

enum record_type {
	REC_NODE_ADD, REC_NODE_DEL,
	REC_EDGE_ADD, REC_EDGE_DEL,
	REC_GROUP_ADD, REC_GROUP_DEL,
	REC_NODE_FIELD, REC_EDGE_FIELD, REC_GROUP_FIELD,
	REC_TITLE
};

enum field {
	FIELD_ID, FIELD_KIND, FIELD_LABEL, FIELD_TECH, FIELD_NOTES,
	FIELD_REPLICAS, FIELD_MANAGED, FIELD_POSITION, FIELD_CAPACITY,
	FIELD_RPS, FIELD_ACCEPTS, FIELD_GROUP,	/* nodes */
	FIELD_MODE, FIELD_RATIO			/* edges (and FIELD_LABEL) */
};

union field_value {
	char *string;
	int integer;
	int xy[2];
	double number;
	bool flag;
	enum node_kind kind;
	enum edge_mode mode;
	struct group *group;
	struct {
		struct accepted_risk *list;
		size_t count;
	} accepts;
};

struct record {
	enum record_type type;
	enum field field;
	bool detached;		/* the object is out of the diagram right now */
	size_t index;		/* where to put it back */
	union {
		struct node *node;
		struct edge *edge;
		struct group *group;
	} object;
	union field_value value;	/* for field records: the other value */
};

struct step {
	char *name;
	struct record *records;
	size_t count, capacity;
	uint64_t state;		/* diagram_state_id() once this step is applied */
};

struct history {
	struct step *steps;
	size_t count;		/* steps stored, applied or not */
	size_t applied;		/* steps [0, applied) are applied */
	size_t capacity;
	int depth;		/* diagram_begin() nesting */
	char *pending_name;	/* name for the step the outer begin opened */
	bool step_open;		/* steps[count - 1] is still collecting */
	bool recording;
	uint64_t base_state;	/* state id with no step applied */
	uint64_t next_state;
};

struct diagram {
	char *title;
	struct node **nodes;
	size_t node_count, node_capacity;
	struct edge **edges;
	size_t edge_count, edge_capacity;
	struct group **groups;
	size_t group_count, group_capacity;
	struct strmap *node_ids;
	struct strmap *group_ids;
	struct cJSON *extra;
	uint64_t next_edge_uid;
	struct history history;
	diagram_observer observer;
	void *observer_context;
};

/* diagram.c: storage primitives, no validation, no recording. */
void diagram_notify(struct diagram *d, enum diagram_change change, const void *object);
void node_attach(struct diagram *d, struct node *n, size_t index);
void node_detach(struct diagram *d, struct node *n);
void edge_attach(struct diagram *d, struct edge *e, size_t index);
void edge_detach(struct diagram *d, struct edge *e);
void group_attach(struct diagram *d, struct group *g, size_t index);
void group_detach(struct diagram *d, struct group *g);
/*
 * A zeroed node or edge holding copies of the strings given, in one
 * allocation with the object (see diagram.c); node_destroy and
 * edge_destroy free it.
 */
struct node *node_new(const char *id, const char *label, const char *tech, const char *notes);
struct edge *edge_new(const char *label);
void node_destroy(struct node *n);
void edge_destroy(struct edge *e);
void group_destroy(struct group *g);
void accepts_free(struct accepted_risk *list, size_t count);
/* Swap a field of the object with *value (both directions of an edit). */
void node_swap_field(struct diagram *d, struct node *n, enum field field, union field_value *value);
void edge_swap_field(struct diagram *d, struct edge *e, enum field field, union field_value *value);
void group_swap_field(struct diagram *d, struct group *g, enum field field, union field_value *value);
void title_swap(struct diagram *d, union field_value *value);
/* Free what a field value owns (strings, accept lists). */
void field_value_free(enum field field, union field_value *value);

/* history.c */
void history_init(struct history *h);
void history_free(struct history *h);
/*
 * Apply record r to d and, when recording, keep it as part of the current
 * step (named name when the record opens a step of its own).
 */
void history_apply(struct diagram *d, struct record *r, const char *name);
void record_apply(struct diagram *d, struct record *r);
void record_revert(struct diagram *d, struct record *r);

#endif
