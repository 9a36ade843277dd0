/*
 * Traffic estimates on the board: the load on every node (traffic.h),
 * recomputed once after each change and kept for the frames in between;
 * the TRAFFIC panel section (the selection's load, capacity and headroom,
 * then the busiest nodes); and the edits -- a client's requests/s, a
 * node's capacity per replica, an edge's ratio -- through the diagram_*
 * API, so they undo and are recorded like any edit.  The canvas's
 * overload badge is the renderer's (render.h), fed from here.
 */
#include "tui_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "traffic.h"
#include "xalloc.h"

/* The panel lists this many of the busiest nodes. */
#define BUSIEST_MAX 8

struct tui_traffic {
	struct traffic *traffic;
	const struct node *busiest[BUSIEST_MAX];	/* by utilisation, highest first */
	size_t busiest_count;
	size_t loaded;		/* nodes with a capacity or some load */
};

static double
rank(const struct traffic_load *l)
{
	if (l->unbounded)
		return INFINITY;
	return l->capacity > 0 ? traffic_utilisation(l) : 0;
}

/* The few busiest nodes, by one pass that keeps a short sorted list. */
static void
find_busiest(struct tui_traffic *tt, const struct diagram *d)
{
	tt->busiest_count = 0;
	tt->loaded = 0;
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);
		const struct traffic_load *l = traffic_node(tt->traffic, n);
		size_t at;

		if (l->capacity <= 0)
			continue;
		tt->loaded++;
		at = tt->busiest_count;
		while (at > 0 && rank(traffic_node(tt->traffic, tt->busiest[at - 1])) < rank(l))
			at--;
		if (at >= BUSIEST_MAX)
			continue;
		if (tt->busiest_count < BUSIEST_MAX)
			tt->busiest_count++;
		memmove(&tt->busiest[at + 1], &tt->busiest[at], (tt->busiest_count - 1 - at) * sizeof tt->busiest[0]);
		tt->busiest[at] = n;
	}
}

const struct traffic *
tui_traffic(struct tui *t)
{
	if (t->traffic == NULL)
		t->traffic = xcalloc(1, sizeof *t->traffic);
	if (t->traffic->traffic == NULL || t->traffic_stale) {
		traffic_free(t->traffic->traffic);
		t->traffic->traffic = traffic_run(t->diagram);
		find_busiest(t->traffic, t->diagram);
		t->traffic_stale = false;
	}
	return t->traffic->traffic;
}

void
tui_traffic_free(struct tui *t)
{
	if (t->traffic == NULL)
		return;
	traffic_free(t->traffic->traffic);
	free(t->traffic);
	t->traffic = NULL;
}

/* "12,000 of 9,000  133%" */
static void
load_text(const struct traffic_load *l, char *buf, size_t size)
{
	char load[32], capacity[32];

	traffic_format_rate(l->load, load, sizeof load);
	traffic_format_rate(l->capacity, capacity, sizeof capacity);
	if (l->unbounded)
		snprintf(buf, size, "unbounded of %s", capacity);
	else
		snprintf(buf, size, "%s of %s  %.0f%%", load, capacity, traffic_utilisation(l) * 100);
}

static void
fill_node(struct tui *t, const struct traffic *tr, struct tui_panel_out *out)
{
	const struct node *n = t->selected;
	const struct traffic_load *l = traffic_node(tr, n);
	char a[32], b[32];

	if (l == NULL)
		return;
	traffic_format_rate(l->load, a, sizeof a);
	tui_panel_line(out, CELL_BOLD, 0, "%s", n->id);
	tui_panel_line(out, 0, 0, "load      %s req/s", a);
	if (n->capacity > 0) {
		traffic_format_rate(n->capacity, a, sizeof a);
		traffic_format_rate(l->capacity, b, sizeof b);
		tui_panel_line(out, 0, 0, "capacity  %d x %s = %s", n->replicas, a, b);
		traffic_format_rate(fabs(traffic_headroom(l)), a, sizeof a);
		if (l->unbounded)
			tui_panel_line(out, CELL_BOLD, COLOUR_RED, "headroom  none: a cycle amplifies");
		else
			tui_panel_line(out, l->overloaded ? CELL_BOLD : 0, l->overloaded ? COLOUR_RED : COLOUR_GREEN,
			    "headroom  %s%s (%.0f%%)%s", traffic_headroom(l) < 0 ? "-" : "", a,
			    traffic_utilisation(l) * 100, l->overloaded ? " OVER" : "");
	} else if (!t->view_only && n->rps <= 0) {
		tui_panel_line(out, CELL_DIM, 0, "no capacity yet: T sets it");
	}
}

void
tui_traffic_fill(struct tui *t, struct tui_panel_out *out, int width)
{
	const struct traffic *tr = tui_traffic(t);
	struct traffic_summary sum = traffic_summary(tr);
	char text[96], rate[32];

	(void)width;
	if (tui_interview_hides_load(t)) {
		tui_panel_line(out, CELL_DIM, 0, "loads show when the drill is over");
		return;
	}
	if (sum.sent <= 0 && t->traffic->loaded == 0) {
		if (!t->view_only)
			tui_panel_line(out, CELL_DIM, 0, "T on a client: its req/s");
		return;
	}
	if (t->selected_edge != NULL) {
		traffic_format_rate(traffic_edge(tr, t->selected_edge), rate, sizeof rate);
		tui_panel_line(out, 0, 0, "edge carries %s req/s", rate);
	} else if (t->selected != NULL) {
		fill_node(t, tr, out);
	}
	traffic_format_rate(sum.sent, rate, sizeof rate);
	tui_panel_line(out, CELL_BOLD, 0, "%s req/s sent; %zu over", rate, sum.overloaded);
	for (size_t i = 0; i < t->traffic->busiest_count; i++) {
		const struct node *n = t->traffic->busiest[i];
		const struct traffic_load *l = traffic_node(tr, n);

		load_text(l, text, sizeof text);
		tui_panel_line(out, l->overloaded ? CELL_BOLD : 0, l->overloaded ? COLOUR_RED : 0, "%-10.10s %s", n->id,
		    text);
	}
	if (t->traffic->loaded > t->traffic->busiest_count)
		tui_panel_line(out, CELL_DIM, 0, "... %zu more with a capacity", t->traffic->loaded - t->traffic->busiest_count);
}

/* --- Edits --- */

/* "2000", "1.5k", "3M": requests/s or a ratio. */
static bool
parse_rate(const char *text, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (end == text || errno != 0 || !isfinite(v))
		return false;
	if (*end == 'k' || *end == 'K')
		v *= 1e3, end++;
	else if (*end == 'M' || *end == 'm')
		v *= 1e6, end++;
	while (*end == ' ')
		end++;
	if (*end != '\0')
		return false;
	*out = v;
	return true;
}

typedef bool (*node_number_setter)(struct diagram *d, const struct node *n, double v, struct napkin_error *err);

static unsigned
set_node_number(struct tui *t, const char *text, node_number_setter set, const char *what)
{
	struct napkin_error err;
	double v;
	char shown[32];

	if (t->selected == NULL) {
		tui_message(t, true, "no node here: move the cursor onto one (Tab jumps)");
		return TUI_REDRAW;
	}
	if (!parse_rate(text, &v)) {
		tui_message(t, true, "%s: \"%s\" is not a number (2000, 1.5k, 3M)", what, text);
		return TUI_REDRAW;
	}
	if (!set(t->diagram, t->selected, v, &err)) {
		tui_message(t, true, "%s", err.message);
		return TUI_REDRAW;
	}
	tui_message(t, false, "%s: %s %s req/s", t->selected->id, what, traffic_format_rate(v, shown, sizeof shown));
	return TUI_MODEL | TUI_REDRAW;
}

static unsigned
rps_done(struct tui *t, const char *text)
{
	return set_node_number(t, text, diagram_set_node_rps, "sends");
}

static unsigned
capacity_done(struct tui *t, const char *text)
{
	return set_node_number(t, text, diagram_set_node_capacity, "capacity");
}

static unsigned
ratio_done(struct tui *t, const char *text)
{
	const struct edge *e = t->selected_edge;
	struct napkin_error err;
	double v;

	if (e == NULL) {
		tui_message(t, true, "select an edge first: e cycles the edges of this node");
		return TUI_REDRAW;
	}
	if (!parse_rate(text, &v)) {
		tui_message(t, true, "ratio: \"%s\" is not a number (1, 0.1, 6)", text);
		return TUI_REDRAW;
	}
	if (!diagram_set_edge_ratio(t->diagram, e, v, &err)) {
		tui_message(t, true, "%s", err.message);
		return TUI_REDRAW;
	}
	tui_message(t, false, "%s \xe2\x86\x92 %s carries %g of %s's traffic", e->from->id, e->to->id, e->ratio,
	    e->from->id);
	return TUI_MODEL | TUI_REDRAW;
}

/* Ask on the prompt with the current value, or take the `:` argument. */
static unsigned
ask(struct tui *t, const char *arg, const char *label, double current, tui_prompt_done done)
{
	char value[32] = "";

	if (tui_read_only(t))
		return TUI_REDRAW;
	if (arg != NULL)
		return done(t, arg);
	if (current != 0)
		snprintf(value, sizeof value, "%g", current);
	tui_prompt_open(t, label, value, done);
	return TUI_REDRAW;
}

static bool
need_node(struct tui *t)
{
	if (t->selected != NULL)
		return true;
	tui_message(t, true, "no node here: move the cursor onto one (Tab jumps)");
	return false;
}

/* A figure of the selected node: the prompt reads "BEFORE ID AFTER". */
static unsigned
ask_node(struct tui *t, const char *arg, const char *before, const char *after, bool capacity)
{
	char label[NAPKIN_ID_MAX + 48];

	if (!need_node(t))
		return TUI_REDRAW;
	snprintf(label, sizeof label, "%s %s %s", before, t->selected->id, after);
	return capacity ? ask(t, arg, label, t->selected->capacity, capacity_done) :
	    ask(t, arg, label, t->selected->rps, rps_done);
}

unsigned
tui_traffic_rps(struct tui *t, const char *arg)
{
	return ask_node(t, arg, "req/s", "sends:", false);
}

unsigned
tui_traffic_capacity(struct tui *t, const char *arg)
{
	return ask_node(t, arg, "req/s one", "replica serves:", true);
}

unsigned
tui_traffic_ratio(struct tui *t, const char *arg)
{
	char label[2 * NAPKIN_ID_MAX + 48];

	if (t->selected_edge == NULL) {
		tui_message(t, true, "select an edge first: e cycles the edges of this node");
		return TUI_REDRAW;
	}
	snprintf(label, sizeof label, "share of %s's traffic to %s:", t->selected_edge->from->id,
	    t->selected_edge->to->id);
	return ask(t, arg, label, t->selected_edge->ratio, ratio_done);
}

/* T: the estimate that fits the selection. */
unsigned
tui_traffic_edit(struct tui *t, const char *arg)
{
	if (t->selected_edge != NULL)
		return tui_traffic_ratio(t, arg);
	if (!need_node(t))
		return TUI_REDRAW;
	if (t->selected->kind == KIND_CLIENT || t->selected->rps > 0)
		return tui_traffic_rps(t, arg);
	return tui_traffic_capacity(t, arg);
}
