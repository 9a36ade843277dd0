/*
 * The whiteboard: the only part of napkin that uses curses.  cli_main.c
 * parses the command line and hands over here.
 */
#ifndef NAPKIN_TUI_H
#define NAPKIN_TUI_H

#include <stdbool.h>
#include <stdio.h>

struct tui_options {
	const char *path;		/* file to open or create; NULL for none */
	const char *template_name;	/* start an unsaved diagram from a template */
	bool view;			/* read-only, follows the file live */
	bool ascii;			/* no Unicode box drawing */
	bool no_color;
	bool record;			/* record the session into the file (--record) */
	/* napkin interview (tui_interview.c): path is the board, default interview-NAME.json */
	const char *interview;		/* the template, a name or a file */
	int minutes;			/* 0: the template's phases added up */
	/* napkin replay (tui_replay.c): path is the recorded board */
	bool replay;
	double speed;			/* times as fast as it happened; 0: the default */
	bool start_at;			/* start paused at `at` seconds rather than play from the start */
	double at;
};

/* Run the whiteboard until the user quits; returns the exit status. */
int tui_run(const struct tui_options *options);

/*
 * Every key, command and symbol of the whiteboard, as ? shows them (ascii:
 * arrows spelled out, no box drawing), or with man the KEYS section of
 * napkin(1) in roff.  No terminal needed: napkin keys prints this.
 */
void tui_keys_write(FILE *out, bool ascii, bool man);

#endif
