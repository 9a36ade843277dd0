/*
 * The side panel's critique sections.  FINDINGS: the counts, then one
 * line per finding in the critique's order (errors first), the selected
 * one opened up with its message, advice and accepted reason.  FAILURE:
 * what stops while a node's failure is simulated.  Both read the
 * whiteboard's critique_view, which tui_draw brought up to date.
 */
#include "tui_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LIST_MAX 8	/* finding lines shown, round the selected one */
#define DOWN_MAX 12	/* stopped nodes listed */

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* "1 error, 2 warnings, 1 accepted": the counts that are not zero. */
static void
summary(struct tui_panel_out *out, const struct critique *c)
{
	static const char *const names[SEVERITY_COUNT] = { "error", "warning", "note" };
	struct critique_summary sum = critique_summary(c);
	char text[128] = "";
	size_t len = 0;

	for (int s = 0; s < SEVERITY_COUNT && len < sizeof text; s++) {
		if (sum.count[s] > 0)
			len += (size_t)snprintf(text + len, sizeof text - len, "%s%zu %s%s", len > 0 ? ", " : "",
			    sum.count[s], names[s], plural(sum.count[s]));
	}
	if (sum.accepted > 0 && len < sizeof text)
		snprintf(text + len, sizeof text - len, "%s%zu accepted", len > 0 ? ", " : "", sum.accepted);
	tui_panel_line(out, CELL_BOLD, sum.count[SEVERITY_ERROR] > 0 ? COLOUR_RED :
	    sum.count[SEVERITY_WARNING] > 0 ? COLOUR_YELLOW : 0, "%s", text);
}

/* "✖ SPOF002 orders-db": the symbol in the severity's colour, the rest plain. */
static void
finding_line(struct tui *t, struct tui_panel_out *out, const struct critique_finding *f, bool selected)
{
	const char *symbol = tui_critique_symbol(t, f->severity, f->accepted);
	int flags = selected ? CELL_REVERSE | CELL_BOLD : f->accepted ? CELL_DIM : 0;
	struct tui_panel_line *l;

	tui_panel_line(out, flags, tui_critique_colour(f->severity, f->accepted), "%s %s %s%s", symbol, f->rule->id,
	    f->node_count > 0 ? f->nodes[0]->id : "", f->accepted ? " (accepted)" : "");
	l = &out->lines[out->count - 1];
	l->split = (int)strlen(symbol);
	l->colour2 = 0;
}

/* The selected finding in full. */
static void
finding_details(struct tui *t, struct tui_panel_out *out, const struct critique_finding *f, int width)
{
	char text[1024];

	tui_panel_wrapped(out, f->message, width, 0, 0);
	snprintf(text, sizeof text, "advice: %s", f->advice);
	tui_panel_wrapped(out, text, width, CELL_DIM, 0);
	if (f->accepted) {
		snprintf(text, sizeof text, "accepted on %s: %s", f->accepted_by->id, f->accepted_reason);
		tui_panel_wrapped(out, text, width, 0, COLOUR_GREEN);
	}
	if (t->view_only)
		tui_panel_line(out, CELL_DIM, 0, "] [ next, previous  Esc drops it");
	else
		tui_panel_line(out, CELL_DIM, 0, "A %s  Esc drops it", f->accepted ? "edits the reason" : "accepts the risk");
}

void
tui_panel_findings(struct tui *t, struct tui_panel_out *out, int width)
{
	const struct critique *c = critique_view_critique(t->critique);
	size_t count, selected = SIZE_MAX, first = 0, last;

	if (c == NULL)
		return;
	count = critique_finding_count(c);
	if (count == 0) {
		tui_panel_line(out, 0, COLOUR_GREEN, "no findings");
		return;
	}
	summary(out, c);
	critique_view_selected(t->critique, &selected);
	if (count > LIST_MAX && selected != SIZE_MAX) {
		first = selected > 2 ? selected - 2 : 0;
		if (first + LIST_MAX > count)
			first = count - LIST_MAX;
	}
	last = first + LIST_MAX < count ? first + LIST_MAX : count;
	if (first > 0)
		tui_panel_line(out, CELL_DIM, 0, "... %zu above", first);
	for (size_t i = first; i < last; i++) {
		const struct critique_finding *f = critique_finding(c, i);

		finding_line(t, out, f, i == selected);
		if (i == selected)
			finding_details(t, out, f, width);
	}
	if (last < count)
		tui_panel_line(out, CELL_DIM, 0, "... %zu more", count - last);
	if (selected == SIZE_MAX)
		tui_panel_line(out, CELL_DIM, 0, "] [ walk them, F fails a node");
}

void
tui_panel_failure(struct tui *t, struct tui_panel_out *out, int width)
{
	const struct node *failing = critique_view_failing(t->critique);
	const struct node *const *down;
	size_t count, shown;

	if (failing == NULL)
		return;
	down = critique_view_down(t->critique, &count);
	tui_panel_line(out, CELL_BOLD, COLOUR_RED, "%s is down", failing->id);
	if (count <= 1)
		tui_panel_wrapped(out, "nothing else stops: every other component still has a way to work", width, 0, 0);
	else
		tui_panel_line(out, 0, 0, "%zu more stop with it:", count - 1);
	shown = count < DOWN_MAX + 1 ? count : DOWN_MAX + 1;
	for (size_t i = 1; i < shown; i++) {
		const struct kind_info *info = kind_info(down[i]->kind);

		tui_panel_line(out, 0, 0, "[%s] %s", info->tag, down[i]->id);
	}
	if (count > shown)
		tui_panel_line(out, CELL_DIM, 0, "... and %zu more", count - shown);
	tui_panel_line(out, CELL_DIM, 0, "Esc brings it back");
}
