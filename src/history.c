/*
 * Unlimited undo and redo.
 *
 * The history is a list of steps, each a list of records (see
 * diagram_internal.h).  Steps [0, applied) are in effect; undo reverts the
 * last one record by record in reverse, redo re-applies the next.  A new
 * change drops the steps that were undone, freeing what only they held.
 *
 * Inside one step, repeated changes to the same field of the same object
 * (a node dragged cell by cell) keep only the first record: it already
 * holds the value from before the step, which is all undo needs.
 */
#include "diagram_internal.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
history_init(struct history *h)
{
	memset(h, 0, sizeof *h);
	h->recording = true;
	h->next_state = 1;
}

static void
record_free(struct record *r)
{
	switch (r->type) {
	case REC_NODE_ADD:
	case REC_NODE_DEL:
		if (r->detached)
			node_destroy(r->object.node);
		break;
	case REC_EDGE_ADD:
	case REC_EDGE_DEL:
		if (r->detached)
			edge_destroy(r->object.edge);
		break;
	case REC_GROUP_ADD:
	case REC_GROUP_DEL:
		if (r->detached)
			group_destroy(r->object.group);
		break;
	case REC_NODE_FIELD:
	case REC_EDGE_FIELD:
	case REC_GROUP_FIELD:
	case REC_TITLE:
		field_value_free(r->field, &r->value);
		break;
	}
}

static void
step_free(struct step *s)
{
	/* Newest first, mirroring how the records were made. */
	for (size_t i = s->count; i-- > 0;)
		record_free(&s->records[i]);
	free(s->records);
	free(s->name);
}

static void
drop_steps_from(struct history *h, size_t first)
{
	while (h->count > first)
		step_free(&h->steps[--h->count]);
}

void
history_free(struct history *h)
{
	drop_steps_from(h, 0);
	free(h->steps);
	free(h->pending_name);
	memset(h, 0, sizeof *h);
}

static void
attach_or_detach(struct diagram *d, struct record *r, bool attach)
{
	switch (r->type) {
	case REC_NODE_ADD:
	case REC_NODE_DEL:
		if (attach) {
			node_attach(d, r->object.node, r->index);
		} else {
			r->index = r->object.node->index;
			node_detach(d, r->object.node);
		}
		break;
	case REC_EDGE_ADD:
	case REC_EDGE_DEL:
		if (attach) {
			edge_attach(d, r->object.edge, r->index);
		} else {
			r->index = r->object.edge->index;
			edge_detach(d, r->object.edge);
		}
		break;
	case REC_GROUP_ADD:
	case REC_GROUP_DEL:
		if (attach) {
			group_attach(d, r->object.group, r->index);
		} else {
			r->index = r->object.group->index;
			group_detach(d, r->object.group);
		}
		break;
	default:
		return;
	}
	r->detached = !attach;
}

static void
swap(struct diagram *d, struct record *r)
{
	switch (r->type) {
	case REC_NODE_FIELD:
		node_swap_field(d, r->object.node, r->field, &r->value);
		break;
	case REC_EDGE_FIELD:
		edge_swap_field(d, r->object.edge, r->field, &r->value);
		break;
	case REC_GROUP_FIELD:
		group_swap_field(d, r->object.group, r->field, &r->value);
		break;
	case REC_TITLE:
		title_swap(d, &r->value);
		break;
	default:
		break;
	}
}

void
record_apply(struct diagram *d, struct record *r)
{
	switch (r->type) {
	case REC_NODE_ADD:
	case REC_EDGE_ADD:
	case REC_GROUP_ADD:
		attach_or_detach(d, r, true);
		break;
	case REC_NODE_DEL:
	case REC_EDGE_DEL:
	case REC_GROUP_DEL:
		attach_or_detach(d, r, false);
		break;
	default:
		swap(d, r);
		break;
	}
}

void
record_revert(struct diagram *d, struct record *r)
{
	switch (r->type) {
	case REC_NODE_ADD:
	case REC_EDGE_ADD:
	case REC_GROUP_ADD:
		attach_or_detach(d, r, false);
		break;
	case REC_NODE_DEL:
	case REC_EDGE_DEL:
	case REC_GROUP_DEL:
		attach_or_detach(d, r, true);
		break;
	default:
		swap(d, r);
		break;
	}
}

static const void *
record_object(const struct record *r)
{
	switch (r->type) {
	case REC_NODE_ADD:
	case REC_NODE_DEL:
	case REC_NODE_FIELD:
		return r->object.node;
	case REC_EDGE_ADD:
	case REC_EDGE_DEL:
	case REC_EDGE_FIELD:
		return r->object.edge;
	case REC_GROUP_ADD:
	case REC_GROUP_DEL:
	case REC_GROUP_FIELD:
		return r->object.group;
	case REC_TITLE:
		break;
	}
	return NULL;
}

static bool
is_field_record(const struct record *r)
{
	return r->type == REC_NODE_FIELD || r->type == REC_EDGE_FIELD ||
	    r->type == REC_GROUP_FIELD || r->type == REC_TITLE;
}

static struct step *
open_step(struct history *h, const char *name)
{
	struct step *s;

	drop_steps_from(h, h->applied);
	if (h->count == h->capacity) {
		h->capacity = h->capacity != 0 ? h->capacity * 2 : 64;
		h->steps = xreallocarray(h->steps, h->capacity, sizeof *h->steps);
	}
	s = &h->steps[h->count++];
	memset(s, 0, sizeof *s);
	s->name = xstrdup(name != NULL ? name : "change");
	s->state = h->next_state++;
	h->applied = h->count;
	return s;
}

static void
step_append(struct step *s, const struct record *r)
{
	if (s->count == s->capacity) {
		s->capacity = s->capacity != 0 ? s->capacity * 2 : 4;
		s->records = xreallocarray(s->records, s->capacity, sizeof *s->records);
	}
	s->records[s->count++] = *r;
}

void
history_apply(struct diagram *d, struct record *r, const char *name)
{
	struct history *h = &d->history;
	struct step *s;

	record_apply(d, r);
	if (!h->recording) {
		record_free(r);
		return;
	}
	if (h->depth == 0) {
		step_append(open_step(h, name), r);
		return;
	}
	if (!h->step_open) {
		open_step(h, h->pending_name != NULL ? h->pending_name : name);
		h->step_open = true;
	}
	s = &h->steps[h->count - 1];
	/* The contents changed, so the state id must too, even mid-step. */
	s->state = h->next_state++;
	if (s->count > 0 && is_field_record(r)) {
		const struct record *last = &s->records[s->count - 1];

		if (last->type == r->type && last->field == r->field &&
		    record_object(last) == record_object(r)) {
			/* r now holds the in-between value; the first record suffices. */
			record_free(r);
			return;
		}
	}
	step_append(s, r);
}

void
diagram_begin(struct diagram *d, const char *what)
{
	struct history *h = &d->history;

	if (h->depth++ == 0) {
		free(h->pending_name);
		h->pending_name = xstrdup(what != NULL ? what : "change");
		h->step_open = false;
	}
}

void
diagram_end(struct diagram *d)
{
	struct history *h = &d->history;

	if (h->depth == 0)
		return;
	if (--h->depth == 0) {
		h->step_open = false;
		free(h->pending_name);
		h->pending_name = NULL;
	}
}

/* Undo and redo close any step still open: it is complete as it stands. */
static void
close_open_step(struct history *h)
{
	h->depth = 0;
	h->step_open = false;
	free(h->pending_name);
	h->pending_name = NULL;
}

bool
diagram_undo(struct diagram *d)
{
	struct history *h = &d->history;
	struct step *s;

	close_open_step(h);
	if (h->applied == 0)
		return false;
	s = &h->steps[--h->applied];
	for (size_t i = s->count; i-- > 0;)
		record_revert(d, &s->records[i]);
	return true;
}

bool
diagram_redo(struct diagram *d)
{
	struct history *h = &d->history;
	struct step *s;

	close_open_step(h);
	if (h->applied == h->count)
		return false;
	s = &h->steps[h->applied++];
	for (size_t i = 0; i < s->count; i++)
		record_apply(d, &s->records[i]);
	return true;
}

bool
diagram_can_undo(const struct diagram *d)
{
	return d->history.applied > 0;
}

bool
diagram_can_redo(const struct diagram *d)
{
	return d->history.applied < d->history.count;
}

const char *
diagram_undo_name(const struct diagram *d)
{
	const struct history *h = &d->history;

	return h->applied > 0 ? h->steps[h->applied - 1].name : NULL;
}

const char *
diagram_redo_name(const struct diagram *d)
{
	const struct history *h = &d->history;

	return h->applied < h->count ? h->steps[h->applied].name : NULL;
}

void
diagram_clear_history(struct diagram *d)
{
	struct history *h = &d->history;

	close_open_step(h);
	drop_steps_from(h, 0);
	h->applied = 0;
	h->base_state = h->next_state++;
}

void
diagram_set_recording(struct diagram *d, bool on)
{
	d->history.recording = on;
}

uint64_t
diagram_state_id(const struct diagram *d)
{
	const struct history *h = &d->history;

	return h->applied > 0 ? h->steps[h->applied - 1].state : h->base_state;
}
