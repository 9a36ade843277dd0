/*
 * Interview mode's state, shared by tui_interview.c (the clock, phases,
 * autosave, the title bar), tui_brief.c (the prompt in the panel and the
 * brief page) and tui_reveal.c (the reference view).  Only those files
 * and tui_score.c include it.
 */
#ifndef NAPKIN_TUI_INTERVIEW_H
#define NAPKIN_TUI_INTERVIEW_H

#include "interview.h"
#include "tui_internal.h"

struct tui_interview {
	struct tui *owner;		/* the candidate's whiteboard, which frees this */
	struct interview *iv;		/* owned */
	struct diagram *reference;	/* owned: the template's design */
	char *template_name;		/* as given (a name, or a file) */
	char *template_path;
	bool running;			/* napkin interview: the clock and phases run here */
	bool started;			/* its board is written: leaving saves the clock */
	int minutes;
	long phase;			/* the phase last announced */
	long second_shown;		/* of the countdown, to redraw once a second */
	bool time_up;			/* the scorecard has been shown for it */
	double reveal_armed;		/* tui_now() when R asked to be pressed again; 0: not asked */
	struct tui *reference_view;	/* R: the reference, read-only; NULL until first shown */
	bool revealed;
};

/* Seconds of the interview gone, and left (negative: over time). */
double tui_interview_elapsed(const struct tui_interview *ctx);
double tui_interview_left(const struct tui_interview *ctx);
/* The current phase (-1 when none) and the seconds left in it. */
long tui_interview_phase_now(const struct tui_interview *ctx, double *left);
/* The brief: the prompt in full, phases, keys. */
void tui_brief_page(struct tui *t, const struct tui_interview *ctx);
/* Switch between the board and the reference. */
unsigned tui_reveal_toggle(struct tui *t, struct tui_interview *ctx);
void tui_reveal_free(struct tui_interview *ctx);

#endif
