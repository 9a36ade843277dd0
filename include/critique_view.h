/*
 * The critique as the whiteboard shows it: the findings of the diagram as
 * it is now, the finding the user has selected, and the failure being
 * simulated.  The whiteboard draws from a view and its keys move the
 * selection; the tests drive it without a terminal.
 *
 * critique_view_update() reruns the critique only when the diagram's
 * state id has moved since the last run and what the rules read changed
 * with it (moving a box changes nothing they read): a key that changes
 * nothing costs nothing, a move costs a hash, an edit one critique_run
 * (make bench: a few milliseconds at 1,000 nodes).  A selected finding is
 * kept across reruns by its rule and subject node; a simulated failure by
 * the failing node's id.
 *
 * Ownership: the view borrows the diagram given to critique_view_update
 * and holds pointers into it (through the critique) until the next update
 * or reset.  Call critique_view_reset before updating with another
 * diagram: a new diagram may have the state id of an old one.
 */
#ifndef NAPKIN_CRITIQUE_VIEW_H
#define NAPKIN_CRITIQUE_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "critique.h"
#include "diagram.h"
#include "render.h"

struct critique_view;

struct critique_view *critique_view_new(void);
void critique_view_free(struct critique_view *v);
/*
 * Forget the critique, before updating with another diagram.  The selected
 * finding and the failure are kept by name: the next update finds them
 * again (--view reloading the file keeps them) or drops them.
 */
void critique_view_reset(struct critique_view *v);

/* What critique_view_update did. */
enum {
	CRITIQUE_VIEW_RERUN = 1,		/* the critique ran again */
	CRITIQUE_VIEW_LOST_SELECTION = 2,	/* the selected finding is gone: fixed, or its node deleted */
	CRITIQUE_VIEW_LOST_FAILURE = 4		/* the failing node is gone: the simulation ended */
};

/* Bring the view up to d's state; returns CRITIQUE_VIEW_* bits. */
unsigned critique_view_update(struct critique_view *v, const struct diagram *d);
/* The critique of the last update, or NULL before the first. */
const struct critique *critique_view_critique(const struct critique_view *v);
/* How many times the critique has run (tests and benchmarks check the laziness). */
uint64_t critique_view_runs(const struct critique_view *v);

/* The selected finding and its index, or NULL when none is selected. */
const struct critique_finding *critique_view_selected(const struct critique_view *v, size_t *index);
/* Select the next (direction 1) or previous (-1) finding, round the list; NULL when there is none. */
const struct critique_finding *critique_view_step(struct critique_view *v, int direction);
/* Select finding index (it must exist). */
void critique_view_select(struct critique_view *v, size_t index);
void critique_view_unselect(struct critique_view *v);

/*
 * Simulate n's failure: n and its blast radius (critique_blast_radius) are
 * down until critique_view_restore.  Returns how many nodes are down.
 */
size_t critique_view_fail(struct critique_view *v, const struct node *n);
void critique_view_restore(struct critique_view *v);
/* The failing node, or NULL. */
const struct node *critique_view_failing(const struct critique_view *v);
/* What is down: the failing node first, then the rest in diagram order. */
const struct node *const *critique_view_down(const struct critique_view *v, size_t *count);

/*
 * The RENDER_NODE_* bits of n: a marker for its worst unaccepted error or
 * warning, down or failed during a simulation.  Its signature is that of
 * render_marks.node_state, with the view as context.
 */
unsigned critique_view_node_state(const void *view, const struct node *n);
/* Point marks' highlights at the selected finding and its node_state at the view. */
void critique_view_marks(const struct critique_view *v, struct render_marks *marks);

#endif
