/*
 * The critique on the whiteboard: ] and [ walk the findings (selecting one
 * highlights it and goes to its component), F simulates the failure of the
 * node under the cursor until Esc, A accepts the selected finding's risk
 * with a typed reason (one undo step, as any edit).  The analysis lives in
 * the core (critique_view.c); this file turns keys into calls on it and
 * says what happened.
 */
#include "tui_internal.h"

#include <stdio.h>
#include <string.h>

void
tui_critique_refresh(struct tui *t)
{
	unsigned what;

	if (t->critique == NULL)
		t->critique = critique_view_new();
	what = critique_view_update(t->critique, t->diagram);
	/* Said only when nothing else is: the edit's own message comes first. */
	if ((what & CRITIQUE_VIEW_LOST_FAILURE) && t->message[0] == '\0')
		tui_message(t, false, "the failing node is gone: everything is back up");
	else if ((what & CRITIQUE_VIEW_LOST_SELECTION) && t->message[0] == '\0')
		tui_message(t, false, "the selected finding is gone: fixed, or its component deleted");
}

const char *
tui_critique_symbol(const struct tui *t, enum critique_severity severity, bool accepted)
{
	if (accepted)
		return t->ascii ? "+" : "\xe2\x9c\x93";	/* ✓ */
	switch (severity) {
	case SEVERITY_ERROR: return t->ascii ? "X" : "\xe2\x9c\x96";	/* ✖, as on the box */
	case SEVERITY_WARNING: return "!";
	default: return t->ascii ? "." : "\xc2\xb7";	/* · */
	}
}

int
tui_critique_colour(enum critique_severity severity, bool accepted)
{
	if (accepted)
		return COLOUR_GREEN;
	return severity == SEVERITY_ERROR ? COLOUR_RED : severity == SEVERITY_WARNING ? COLOUR_YELLOW : COLOUR_CYAN;
}

/*
 * A candidate's critique stays private while the interview runs: it would
 * hand out the answers.  The interviewer sees it with --view; everyone
 * sees it when time is up.
 */
static bool
refuse_private(struct tui *t)
{
	if (!tui_interview_private(t))
		return false;
	tui_message(t, true, "the critique stays private until the interview is over (S shows the scorecard)");
	return true;
}

/* ] [ and F open the panel when it is closed, and Esc closes it again. */
static unsigned
show_panel(struct tui *t)
{
	if (t->panel || t->columns - TUI_PANEL_WIDTH < 40)
		return 0;
	t->panel = true;
	t->panel_for_critique = true;
	tui_follow_cursor(t);
	return TUI_RELAYOUT;
}

static unsigned
step(struct tui *t, int direction)
{
	const struct critique_finding *f;
	size_t index, count;
	unsigned changed = TUI_REDRAW;

	tui_critique_refresh(t);
	f = critique_view_step(t->critique, direction);
	if (f == NULL) {
		tui_message(t, false, "no findings: the critique has nothing to say");
		return TUI_REDRAW;
	}
	critique_view_selected(t->critique, &index);
	count = critique_finding_count(critique_view_critique(t->critique));
	changed |= show_panel(t);	/* first: the canvas it narrows is where the node must show */
	if (f->node_count > 0 && t->mode == MODE_NORMAL)
		tui_show_node(t, f->nodes[0]);
	tui_message(t, false, "%zu/%zu %s %s: %s", index + 1, count, critique_severity_name(f->severity),
	    f->rule->id, f->message);
	return changed;
}

unsigned
tui_critique_next(struct tui *t, const char *arg)
{
	(void)arg;
	if (refuse_private(t))
		return TUI_REDRAW;
	return step(t, 1);
}

unsigned
tui_critique_previous(struct tui *t, const char *arg)
{
	(void)arg;
	if (refuse_private(t))
		return TUI_REDRAW;
	return step(t, -1);
}

unsigned
tui_critique_fail(struct tui *t, const char *arg)
{
	const struct node *n = t->selected;
	unsigned changed;
	size_t down;

	(void)arg;
	if (refuse_private(t))
		return TUI_REDRAW;
	if (n == NULL) {
		tui_message(t, true, "put the cursor on a node: F shows what stops when it fails");
		return TUI_REDRAW;
	}
	tui_critique_refresh(t);
	if (critique_view_failing(t->critique) == n)
		return tui_critique_cancel(t);
	down = critique_view_fail(t->critique, n);
	if (down <= 1)
		tui_message(t, false, "if %s fails, nothing else stops (Esc brings it back)", n->id);
	else
		tui_message(t, false, "if %s fails, %zu more component%s stop (Esc brings it back)", n->id, down - 1,
		    down == 2 ? "" : "s");
	changed = TUI_REDRAW | show_panel(t);
	tui_show_node(t, n);
	return changed;
}

unsigned
tui_critique_cancel(struct tui *t)
{
	unsigned changed = TUI_REDRAW;

	if (critique_view_failing(t->critique) != NULL) {
		tui_message(t, false, "%s is back up", critique_view_failing(t->critique)->id);
		critique_view_restore(t->critique);
	} else if (critique_view_selected(t->critique, NULL) != NULL) {
		critique_view_unselect(t->critique);
	} else {
		return TUI_UNCHANGED;
	}
	if (t->panel_for_critique && critique_view_failing(t->critique) == NULL &&
	    critique_view_selected(t->critique, NULL) == NULL) {
		t->panel = t->panel_for_critique = false;
		tui_follow_cursor(t);
		changed |= TUI_RELAYOUT;
	}
	return changed;
}

static unsigned
accept_done(struct tui *t, const char *reason)
{
	const struct critique_finding *f;
	struct napkin_error err;
	char rule[NAPKIN_RULE_MAX + 1], subject[NAPKIN_ID_MAX + 1];
	const struct node *on;

	tui_critique_refresh(t);
	f = critique_view_selected(t->critique, NULL);
	if (f == NULL || f->node_count == 0)
		return TUI_REDRAW;
	on = f->accepted ? f->accepted_by : f->nodes[0];
	/* f is the critique's, which the next refresh replaces: keep what the message needs. */
	snprintf(rule, sizeof rule, "%s", f->rule->id);
	snprintf(subject, sizeof subject, "%s", on->id);
	if (reason[0] == '\0') {
		if (!f->accepted) {
			tui_message(t, true, "no reason given: nothing accepted");
			return TUI_REDRAW;
		}
		if (!diagram_set_node_accept(t->diagram, on, rule, NULL, &err)) {
			tui_message(t, true, "%s", err.message);
			return TUI_REDRAW;
		}
		tui_message(t, false, "%s on %s is no longer accepted (u undoes)", rule, subject);
		return TUI_MODEL | TUI_REDRAW;
	}
	if (!diagram_set_node_accept(t->diagram, on, rule, reason, &err)) {
		tui_message(t, true, "%s", err.message);
		return TUI_REDRAW;
	}
	tui_message(t, false, "accepted %s on %s: %s (u undoes)", rule, subject, reason);
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_critique_accept(struct tui *t, const char *arg)
{
	const struct critique_finding *f;
	char label[128];

	if (tui_read_only(t) || refuse_private(t))
		return TUI_REDRAW;
	tui_critique_refresh(t);
	f = critique_view_selected(t->critique, NULL);
	if (f == NULL || f->node_count == 0) {
		tui_message(t, true, "no finding selected: ] goes to the next one, then A accepts it");
		return TUI_REDRAW;
	}
	if (arg != NULL)
		return accept_done(t, arg);
	snprintf(label, sizeof label, "accept %s on %s, reason%s:", f->rule->id,
	    (f->accepted ? f->accepted_by : f->nodes[0])->id, f->accepted ? " (empty: no longer)" : "");
	tui_prompt_open(t, label, f->accepted ? f->accepted_reason : "", accept_done);
	return TUI_REDRAW;
}
