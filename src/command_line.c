/*
 * Splitting a `:` command line into its command and argument; see
 * command_line.h.  Pure string work, so the fuzzer and the unit tests run
 * it without a terminal.
 */
#include "command_line.h"

#include <string.h>

enum command_parse
command_line_parse(const char *line, struct command_line *out)
{
	size_t len, end;
	const char *arg;

	out->name[0] = out->argument[0] = '\0';
	line += strspn(line, " :");
	len = strcspn(line, " ");
	if (len == 0)
		return COMMAND_EMPTY;
	if (len >= sizeof out->name)
		return COMMAND_TOO_LONG;
	memcpy(out->name, line, len);
	out->name[len] = '\0';
	arg = line + len + strspn(line + len, " ");
	end = strlen(arg);
	while (end > 0 && arg[end - 1] == ' ')
		end--;
	if (end >= sizeof out->argument)
		return COMMAND_TOO_LONG;
	memcpy(out->argument, arg, end);
	out->argument[end] = '\0';
	return COMMAND_OK;
}

bool
command_line_word(const char *s, char *word, size_t size, const char **rest)
{
	size_t len = strcspn(s, " ");

	*rest = s + len + strspn(s + len, " ");
	if (len == 0 || len >= size)
		return false;
	memcpy(word, s, len);
	word[len] = '\0';
	return true;
}
