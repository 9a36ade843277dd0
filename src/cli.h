/*
 * The command line: napkin [options] [FILE] opens the whiteboard; napkin
 * COMMAND ... runs one of the subcommands in cli_COMMAND.c.  Exit status:
 * 0 success, 1 the command ran and found a problem (or could not write),
 * 2 bad usage or an invalid input file.
 */
#ifndef NAPKIN_CLI_H
#define NAPKIN_CLI_H

#include <stdbool.h>

#include "diagram.h"
#include "tui.h"

enum {
	EXIT_OK = 0,
	EXIT_PROBLEM = 1,
	EXIT_USAGE = 2,		/* also: the input file is invalid */
};

struct cli_command {
	const char *name;
	const char *summary;	/* one line for napkin --help */
	int (*run)(int argc, char **argv);
};

int cli_new(int argc, char **argv);
int cli_templates(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_rules(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_score(int argc, char **argv);
int cli_keys(int argc, char **argv);
int cli_interview(int argc, char **argv);
int cli_replay(int argc, char **argv);

/* Print "napkin: MESSAGE" and "usage: USAGE" to stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *usage, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Report a getopt_long failure (c is ':' or '?'); returns EXIT_USAGE. */
int cli_option_error(const char *usage, int c, char **argv);
/*
 * Parse the options of a command whose only option is --help: returns -1
 * to go on with the arguments from optind, or the exit status to return.
 */
int cli_help_only(int argc, char **argv, const char *usage, void (*help)(void));
/*
 * The drawing options of every command that opens the whiteboard, for its
 * getopt_long table, and the function that takes them (and NO_COLOR).
 */
#define CLI_DRAWING_OPTIONS \
	{ "ascii", no_argument, NULL, 'a' }, \
	{ "no-color", no_argument, NULL, 'C' }, \
	{ "no-colour", no_argument, NULL, 'C' }
/* Whether c (from getopt_long) was one of them; sets it in tui. */
bool cli_drawing_option(int c, struct tui_options *tui);
/* NO_COLOR set and not empty means --no-color. */
void cli_drawing_environment(struct tui_options *tui);
/* Load path, printing every error to stderr; NULL when it is invalid. */
struct diagram *cli_load(const char *path);

#endif
