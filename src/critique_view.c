/*
 * The critique as the whiteboard shows it; see critique_view.h.
 *
 * The selection and the failure are kept by name (rule and subject id,
 * failing node id), not by pointer, so they survive a rerun and can
 * never point at a node the history has forgotten.
 *
 * A new state id does not always mean new findings: moving a box is a
 * change like any other, and no rule reads positions.  So the view also
 * keeps a fingerprint of what the rules read, and reruns only when that
 * moved too: dragging a node costs a hash per step, not a critique.
 */
#include "critique_view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define NONE SIZE_MAX

struct critique_view {
	struct critique *critique;
	const struct diagram *diagram;	/* as of the last update */
	uint64_t state;			/* its state id then */
	uint64_t fingerprint;		/* of what the rules read, then */
	size_t node_count;		/* its nodes then: guards node->index */
	uint64_t runs;

	const struct critique_rule *selected_rule;
	char *selected_subject;		/* owned; NULL when none */
	size_t selected;		/* index, or NONE */

	char *failing_id;		/* owned; NULL when no simulation */
	const struct node **down;	/* critique_blast_radius: failing node first */
	size_t down_count;
	uint8_t *is_down;		/* by node index */
};

struct critique_view *
critique_view_new(void)
{
	struct critique_view *v = xcalloc(1, sizeof *v);

	v->selected = NONE;
	return v;
}

static void
forget_failure(struct critique_view *v)
{
	free(v->failing_id);
	free(v->down);
	free(v->is_down);
	v->failing_id = NULL;
	v->down = NULL;
	v->is_down = NULL;
	v->down_count = 0;
}

void
critique_view_unselect(struct critique_view *v)
{
	free(v->selected_subject);
	v->selected_subject = NULL;
	v->selected_rule = NULL;
	v->selected = NONE;
}

void
critique_view_reset(struct critique_view *v)
{
	critique_free(v->critique);
	v->critique = NULL;
	v->diagram = NULL;
	v->node_count = 0;
	v->selected = NONE;		/* found again by name, or dropped, by the next update */
	free(v->down);
	free(v->is_down);
	v->down = NULL;
	v->is_down = NULL;
	v->down_count = 0;
}

void
critique_view_free(struct critique_view *v)
{
	if (v == NULL)
		return;
	critique_view_reset(v);
	critique_view_unselect(v);
	forget_failure(v);
	free(v);
}

/* The blast radius of n in the current critique, as a list and by index. */
static void
compute_down(struct critique_view *v, const struct node *n)
{
	free(v->down);
	free(v->is_down);
	v->down = critique_blast_radius(v->critique, n, &v->down_count);
	v->is_down = xcalloc(v->node_count + 1, 1);
	for (size_t i = 0; i < v->down_count; i++)
		v->is_down[v->down[i]->index] = 1;
}

/* Find the selected finding again in a new critique; false when it is gone. */
static bool
reselect(struct critique_view *v)
{
	size_t count = critique_finding_count(v->critique);

	for (size_t i = 0; i < count; i++) {
		const struct critique_finding *f = critique_finding(v->critique, i);

		if (f->rule == v->selected_rule && f->node_count > 0 &&
		    strcmp(f->nodes[0]->id, v->selected_subject) == 0) {
			v->selected = i;
			return true;
		}
	}
	return false;
}

/* FNV-1a over the bytes of a string, its terminator included. */
static uint64_t
hash_string(uint64_t h, const char *s)
{
	do
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	while (*s++ != '\0');
	return h;
}

/* A whole word at a time, for the fixed-size fields. */
static uint64_t
hash_word(uint64_t h, uint64_t word)
{
	h ^= word + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h * 0x100000001b3ULL;
}

static uint64_t
double_bits(double x)
{
	uint64_t bits;

	memcpy(&bits, &x, sizeof bits);
	return bits;
}

/*
 * Everything the critique may read, but positions and notes, which no
 * rule reads: the nodes in order (their addresses too, since findings
 * point at them), their attributes and accepted risks, and every edge
 * (uids are never reused).
 */
static uint64_t
fingerprint(const struct diagram *d)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);

		h = hash_word(h, (uint64_t)(uintptr_t)n);
		h = hash_word(h, (uint64_t)n->kind | (uint64_t)n->managed << 8 | (uint64_t)(uint32_t)n->replicas << 32);
		h = hash_word(h, double_bits(n->capacity));
		h = hash_word(h, double_bits(n->rps));
		h = hash_word(h, (uint64_t)(uintptr_t)n->group);
		h = hash_string(hash_string(hash_string(h, n->id), n->label), n->tech);
		h = hash_word(h, n->accept_count);
		for (size_t a = 0; a < n->accept_count; a++)
			h = hash_string(hash_string(h, n->accepts[a].rule), n->accepts[a].reason);
	}
	for (size_t i = 0; i < diagram_edge_count(d); i++) {
		const struct edge *e = diagram_edge(d, i);

		h = hash_word(h, e->uid);
		h = hash_word(h, (uint64_t)e->from->index << 32 ^ e->to->index);
		h = hash_word(h, (uint64_t)e->mode);
		h = hash_word(h, double_bits(e->ratio));
		h = hash_string(h, e->label);
	}
	return hash_word(hash_word(h, diagram_node_count(d)), diagram_edge_count(d));
}

unsigned
critique_view_update(struct critique_view *v, const struct diagram *d)
{
	unsigned what = CRITIQUE_VIEW_RERUN;
	uint64_t print;

	if (v->critique != NULL && v->diagram == d && v->state == diagram_state_id(d))
		return 0;
	print = fingerprint(d);
	if (v->critique != NULL && v->diagram == d && v->fingerprint == print) {
		v->state = diagram_state_id(d);	/* moved boxes: the findings stand */
		return 0;
	}
	v->fingerprint = print;
	critique_free(v->critique);
	v->critique = critique_run(d);
	v->diagram = d;
	v->state = diagram_state_id(d);
	v->node_count = diagram_node_count(d);
	v->runs++;
	v->selected = NONE;
	if (v->selected_subject != NULL && !reselect(v)) {
		critique_view_unselect(v);
		what |= CRITIQUE_VIEW_LOST_SELECTION;
	}
	if (v->failing_id != NULL) {
		const struct node *n = diagram_find_node(d, v->failing_id);

		if (n == NULL) {
			forget_failure(v);
			what |= CRITIQUE_VIEW_LOST_FAILURE;
		} else {
			compute_down(v, n);
		}
	}
	return what;
}

const struct critique *
critique_view_critique(const struct critique_view *v)
{
	return v->critique;
}

uint64_t
critique_view_runs(const struct critique_view *v)
{
	return v->runs;
}

const struct critique_finding *
critique_view_selected(const struct critique_view *v, size_t *index)
{
	if (v->critique == NULL || v->selected == NONE)
		return NULL;
	if (index != NULL)
		*index = v->selected;
	return critique_finding(v->critique, v->selected);
}

void
critique_view_select(struct critique_view *v, size_t index)
{
	const struct critique_finding *f = critique_finding(v->critique, index);

	critique_view_unselect(v);
	if (f->node_count == 0)
		return;		/* every rule names a subject; nothing to keep otherwise */
	v->selected = index;
	v->selected_rule = f->rule;
	v->selected_subject = xstrdup(f->nodes[0]->id);
}

const struct critique_finding *
critique_view_step(struct critique_view *v, int direction)
{
	size_t count = v->critique != NULL ? critique_finding_count(v->critique) : 0;
	size_t next;

	if (count == 0)
		return NULL;
	if (v->selected == NONE)
		next = direction > 0 ? 0 : count - 1;
	else
		next = (v->selected + count + (direction > 0 ? 1 : count - 1)) % count;
	critique_view_select(v, next);
	return critique_view_selected(v, NULL);
}

size_t
critique_view_fail(struct critique_view *v, const struct node *n)
{
	forget_failure(v);
	v->failing_id = xstrdup(n->id);
	compute_down(v, n);
	return v->down_count;
}

void
critique_view_restore(struct critique_view *v)
{
	forget_failure(v);
}

const struct node *
critique_view_failing(const struct critique_view *v)
{
	return v->failing_id != NULL && v->down_count > 0 ? v->down[0] : NULL;
}

const struct node *const *
critique_view_down(const struct critique_view *v, size_t *count)
{
	*count = v->down_count;
	return v->down;
}

unsigned
critique_view_node_state(const void *view, const struct node *n)
{
	const struct critique_view *v = view;
	enum critique_severity severity;
	unsigned state = 0;

	/* A node the last update did not see has no findings yet. */
	if (v->critique == NULL || n->index >= v->node_count ||
	    n->index >= diagram_node_count(v->diagram) || diagram_node(v->diagram, n->index) != n)
		return 0;
	if (critique_node_severity(v->critique, n, &severity)) {
		if (severity == SEVERITY_ERROR)
			state |= RENDER_NODE_ERROR;
		else if (severity == SEVERITY_WARNING)
			state |= RENDER_NODE_WARNING;
	}
	if (v->is_down != NULL && v->is_down[n->index])
		state |= n == v->down[0] ? RENDER_NODE_FAILED : RENDER_NODE_DOWN;
	return state;
}

void
critique_view_marks(const struct critique_view *v, struct render_marks *marks)
{
	const struct critique_finding *f = critique_view_selected(v, NULL);

	marks->node_state = critique_view_node_state;
	marks->context = v;
	marks->highlight_nodes = f != NULL ? f->nodes : NULL;
	marks->highlight_node_count = f != NULL ? f->node_count : 0;
	marks->highlight_edges = f != NULL ? f->edges : NULL;
	marks->highlight_edge_count = f != NULL ? f->edge_count : 0;
}
