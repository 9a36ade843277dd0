/*
 * What the candidate reads: the INTERVIEW and PROMPT sections of the side
 * panel (the phase and its time box, the problem in short) and the brief,
 * a page with the whole prompt -- requirements, scale, phases and their
 * goals -- that opens when the interview starts and on I.
 */
#include "tui_interview.h"

#include <stdio.h>
#include <string.h>

/* The panel's PROMPT shows this many lines of the problem; I shows the rest. */
#define PROMPT_PANEL_LINES 5

static bool
in_reference_view(const struct tui *t)
{
	return t->interview != NULL && t != t->interview->owner;
}

void
tui_interview_fill(struct tui *t, struct tui_panel_out *out, int width)
{
	const struct tui_interview *ctx = t->interview;
	double left;
	long phase;

	if (ctx == NULL)
		return;
	if (in_reference_view(t)) {
		const char *role = t->selected != NULL ? interview_node_role(t->selected) : NULL;

		tui_panel_line(out, CELL_BOLD, COLOUR_YELLOW, "the reference design");
		if (role != NULL) {
			tui_panel_line(out, 0, 0, "%s is here as:", t->selected->id);
			tui_panel_wrapped(out, role, width, CELL_DIM, 0);
		} else {
			tui_panel_wrapped(out, "Tab through it: the panel says what each component is for", width, CELL_DIM, 0);
		}
		tui_panel_line(out, CELL_DIM, 0, "R back to your board, S scorecard");
		return;
	}
	tui_panel_line(out, CELL_BOLD, 0, "%s, %d min", ctx->template_name, ctx->minutes);
	if (!ctx->running) {
		tui_panel_line(out, CELL_DIM, 0, "S scorecard  R reference  I brief");
		return;
	}
	phase = tui_interview_phase_now(ctx, &left);
	if (tui_interview_left(ctx) <= 0) {
		tui_panel_line(out, CELL_BOLD, COLOUR_RED, "time is up: S scorecard, R reference");
	} else if (phase >= 0) {
		char clock[16];
		const struct interview_phase *p = &ctx->iv->phases[phase];

		tui_clock_text(left, clock, sizeof clock);
		tui_panel_line(out, CELL_BOLD, COLOUR_CYAN, "%ld/%zu %s  %s left", phase + 1, ctx->iv->phase_count,
		    p->name, clock);
		if (p->goal != NULL)
			tui_panel_wrapped(out, p->goal, width, CELL_DIM, 0);
	} else if (tui_interview_left(ctx) > 0) {
		tui_panel_line(out, CELL_BOLD, COLOUR_CYAN, "wrap-up");
	}
	tui_panel_line(out, CELL_DIM, 0, "P next phase  I brief  S score");
}

void
tui_prompt_fill(struct tui *t, struct tui_panel_out *out, int width)
{
	const struct tui_interview *ctx = t->interview;
	char problem[PROMPT_PANEL_LINES * 4 * 64];
	size_t len;

	if (ctx == NULL || in_reference_view(t) || !ctx->iv->has_prompt)
		return;
	tui_panel_wrapped(out, ctx->iv->prompt.summary, width, CELL_BOLD, 0);
	/* Roughly the first lines' worth: the panel is for a glance, the brief for reading. */
	len = (size_t)snprintf(problem, sizeof problem, "%s", ctx->iv->prompt.problem);
	if (len > (size_t)(PROMPT_PANEL_LINES * width)) {
		size_t cut = (size_t)(PROMPT_PANEL_LINES * width) - 4;

		while (cut > 0 && problem[cut] != ' ')
			cut--;
		snprintf(problem + cut, sizeof problem - cut, " ...");
	}
	tui_panel_wrapped(out, problem, width, 0, 0);
	tui_panel_line(out, CELL_DIM, 0, "I: requirements, scale, phases");
}

static void
heading(struct tui_page *page, const char *text)
{
	tui_page_add(page, 0, 0, 0, "");
	tui_page_add(page, CELL_BOLD, COLOUR_CYAN, 0, text);
}

static void
items(struct tui_page *page, char *const *list, size_t count, bool ascii)
{
	char line[1024];

	for (size_t i = 0; i < count; i++) {
		snprintf(line, sizeof line, "%s %s", ascii ? "-" : "\xe2\x80\xa2", list[i]);
		tui_page_add(page, 0, 0, 2, line);
	}
}

void
tui_brief_page(struct tui *t, const struct tui_interview *ctx)
{
	const struct interview *iv = ctx->iv;
	struct tui_page *page = &t->page;
	char line[1024], title[200];
	long current = ctx->running ? tui_interview_phase_now(ctx, NULL) : -1;

	tui_page_clear(page);
	tui_page_add(page, CELL_BOLD, 0, 0, iv->prompt.summary);
	tui_page_add(page, 0, 0, 0, "");
	tui_page_add(page, 0, 0, 0, iv->prompt.problem);
	heading(page, "Functional requirements");
	items(page, iv->prompt.functional, iv->prompt.functional_count, t->ascii);
	heading(page, "Non-functional requirements");
	items(page, iv->prompt.non_functional, iv->prompt.non_functional_count, t->ascii);
	heading(page, "Scale");
	snprintf(line, sizeof line, "users     %s", iv->prompt.users);
	tui_page_add(page, 0, 0, 10, line);
	snprintf(line, sizeof line, "requests  %s", iv->prompt.requests);
	tui_page_add(page, 0, 0, 10, line);
	snprintf(line, sizeof line, "data      %s", iv->prompt.data);
	tui_page_add(page, 0, 0, 10, line);
	if (iv->phase_count > 0) {
		snprintf(line, sizeof line, "Phases (%d min in all)", interview_minutes(iv));
		heading(page, line);
	}
	for (size_t i = 0; i < iv->phase_count; i++) {
		const struct interview_phase *p = &iv->phases[i];

		snprintf(line, sizeof line, "%s %zu. %-18s %3d min  %s", (long)i == current ? (t->ascii ? ">" :
		    "\xe2\x96\xb8") : " ", i + 1, p->name, p->minutes, p->goal != NULL ? p->goal : "");
		tui_page_add(page, (long)i == current ? CELL_BOLD : 0, 0, 31, line);
	}
	heading(page, "Keys");
	tui_page_add(page, 0, 0, 0, iv->is_drill ?
	    "P next phase   S scorecard: which planted problems are fixed   I this brief   ? every key" :
	    ctx->running ?
	    "P next phase   S scorecard   R reference design (after the interview)   I this brief   ? every key" :
	    "S scorecard   R reference design   I this brief   ? every key");
	snprintf(title, sizeof title, " %s: the brief (q closes) ", ctx->template_name);
	tui_page_open(t, title, "BRIEF");
}
