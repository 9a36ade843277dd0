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
