/*
 * The whiteboard's `:` command line, split into words without a screen:
 * tui_command.c runs what this parses, and tests/fuzz/fuzz_command.c feeds
 * it whatever a user could type.
 *
 * Grammar: spaces and colons before the command are skipped ("::w" is
 * ":w"); the command is the first word ("!" belongs to it: "q!", "e!");
 * the argument is the rest of the line without the spaces round it.
 * Words are separated by spaces only: the prompt lets no other control
 * character in, and a label may hold any other character.
 */
#ifndef NAPKIN_COMMAND_LINE_H
#define NAPKIN_COMMAND_LINE_H

#include <stdbool.h>
#include <stddef.h>

#define COMMAND_WORD_MAX 64		/* bytes of a command word, with its NUL */
#define COMMAND_LINE_MAX 4096		/* bytes of a whole line, with its NUL */

enum command_parse {
	COMMAND_EMPTY,		/* nothing but spaces and colons */
	COMMAND_OK,
	COMMAND_TOO_LONG	/* the command word, or the line, does not fit */
};

struct command_line {
	char name[COMMAND_WORD_MAX];
	char argument[COMMAND_LINE_MAX];	/* "" when there is none */
};

/* Split line into out; both are the caller's. */
enum command_parse command_line_parse(const char *line, struct command_line *out);

/*
 * The first word of s (s starts at it, as an argument does) into
 * word[size]: false when s has none or it does not fit.  *rest receives
 * what follows, spaces skipped; it points into s.
 */
bool command_line_word(const char *s, char *word, size_t size, const char **rest);

#endif
