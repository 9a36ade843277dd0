/*
 * Fuzzing the whiteboard's `:` command line (command_line.c) and the
 * model calls its commands end in.  Each line of the input is one command
 * as typed at the `:` prompt (which lets no control character in, so
 * neither does this harness).  Properties: a parsed line is in normal form
 * -- a command word without spaces, an argument without spaces round it --
 * and parsing that form again gives the same result; and whatever the
 * commands :add, :connect, :rename, :tech, :notes, :undo and :redo
 * are given, the diagram they edit stays one that saves and loads.  The
 * commands are applied as tui_edit.c applies them, to the node added
 * last, without a screen.
 */
#include <string.h>

#include "command_line.h"
#include "diagram_json.h"
#include "fuzz.h"

static void
check_normal_form(const char *line, enum command_parse result, const struct command_line *c)
{
	struct command_line again;
	char *rebuilt;

	if (result != COMMAND_OK) {
		if (result == COMMAND_EMPTY && line[strspn(line, " :")] != '\0')
			fuzz_fail("a line with a word parsed as empty", line, strlen(line));
		return;
	}
	if (c->name[0] == '\0' || strchr(c->name, ' ') != NULL || c->name[0] == ':')
		fuzz_fail("the command word is not one word", line, strlen(line));
	if (c->argument[0] == ' ' || (c->argument[0] != '\0' && c->argument[strlen(c->argument) - 1] == ' '))
		fuzz_fail("the argument keeps spaces round it", line, strlen(line));
	rebuilt = xasprintf(":%s %s", c->name, c->argument);
	if (command_line_parse(rebuilt, &again) != COMMAND_OK || strcmp(again.name, c->name) != 0 ||
	    strcmp(again.argument, c->argument) != 0)
		fuzz_fail("parsing the normal form again changed it", rebuilt, strlen(rebuilt));
	free(rebuilt);
}

/* What tui_edit.c does with the command, on the node added last. */
static void
apply(struct diagram *d, const struct command_line *c, const struct node **last)
{
	const char *name = c->name, *rest;
	char word[NAPKIN_ID_MAX + 1];
	enum node_kind kind;
	struct napkin_error err;

	if (strcmp(name, "add") == 0 && command_line_word(c->argument, word, 32, &rest) &&
	    kind_from_name(word, &kind)) {
		int at = (int)diagram_node_count(d) * 30;
		const struct node *n = diagram_add_node(d, NULL, kind, rest[0] != '\0' ? rest : kind_name(kind),
		    at % 900, at / 900 * 9, &err);

		if (n != NULL)
			*last = n;
	} else if (strcmp(name, "connect") == 0 && *last != NULL &&
	    command_line_word(c->argument, word, sizeof word, &rest)) {
		const struct node *to = diagram_find_node(d, word);

		if (to != NULL)
			diagram_connect(d, *last, to, rest, EDGE_SYNC, &err);
	} else if (strcmp(name, "rename") == 0 && *last != NULL) {
		diagram_set_node_label(d, *last, c->argument[0] != '\0' ? c->argument : (*last)->id, &err);
	} else if (strcmp(name, "tech") == 0 && *last != NULL) {
		diagram_set_node_tech(d, *last, c->argument, &err);
	} else if (strcmp(name, "notes") == 0 && *last != NULL) {
		diagram_set_node_notes(d, *last, c->argument, &err);
	} else if (strcmp(name, "undo") == 0) {
		diagram_undo(d);
		*last = NULL;	/* it may be gone */
	} else if (strcmp(name, "redo") == 0) {
		diagram_redo(d);
		*last = NULL;
	}
}

static void
check_saves(const struct diagram *d)
{
	struct error_list errors = { 0 };
	size_t len;
	char *json = diagram_to_json(d, &len);
	struct diagram *again = diagram_load_buffer("typed.json", json, len, &errors);

	if (again == NULL) {
		error_list_print(&errors, stderr);
		fuzz_fail("what was typed made a diagram napkin refuses to load", json, len);
	}
	diagram_free(again);
	free(json);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diagram *d = diagram_new();
	const struct node *last = NULL;
	char *text = xmalloc(size + 1), *line, *save = NULL;
	struct command_line *parsed = xmalloc(sizeof *parsed);

	/* As the prompt takes it: no control characters, so they end lines. */
	for (size_t i = 0; i < size; i++)
		text[i] = data[i] < 0x20 || data[i] == 0x7f ? '\n' : (char)data[i];
	text[size] = '\0';
	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		enum command_parse result = command_line_parse(line, parsed);

		check_normal_form(line, result, parsed);
		if (result == COMMAND_OK)
			apply(d, parsed, &last);
	}
	check_saves(d);
	free(parsed);
	free(text);
	diagram_free(d);
	return 0;
}
