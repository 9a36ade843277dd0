/*
 * The `:` command line.  File commands (:w :e :q :q! :wq :x :export) are here;
 * every other word names an action from the action table (:undo, :panel,
 * :add db Orders, :connect db SQL), so a command and its key run the same
 * code.  command_line.c splits the line.
 */
#include "tui_internal.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "command_line.h"
#include "export.h"

static unsigned cmd_write(struct tui *t, const char *arg);
static unsigned cmd_write_quit(struct tui *t, const char *arg);

static unsigned
save_as_done(struct tui *t, const char *text)
{
	return text[0] != '\0' ? cmd_write(t, text) : TUI_REDRAW;
}

static unsigned
save_as_quit_done(struct tui *t, const char *text)
{
	return text[0] != '\0' ? cmd_write_quit(t, text) : TUI_REDRAW;
}

/*
 * Where :w, :wq and :x write: FILE when given, else the file open.  An
 * imported Graphviz file is never overwritten with JSON: then a prompt
 * asks for a .json name and hands it to ask.  NULL when there is nothing
 * to write now (asked, or refused with a message).
 */
static const char *
save_target(struct tui *t, const char *arg, const char *command, tui_prompt_done ask)
{
	enum export_format format;

	if (arg[0] != '\0') {
		if (export_format_from_path(arg, &format)) {
			tui_message(t, true, "%s would hold napkin JSON: :%s wants a .json name (:export %s writes %s)",
			    arg, command, arg, export_format_name(format));
			return NULL;
		}
		return arg;
	}
	if (t->path == NULL) {
		tui_message(t, true, "no file name yet: :%s FILE", command);
		return NULL;
	}
	if (t->path_is_dot) {
		char label[96], name[TUI_PROMPT_MAX];
		const char *slash = strrchr(t->path, '/'), *dot = strrchr(slash != NULL ? slash + 1 : t->path, '.');

		snprintf(name, sizeof name, "%.*s.json", (int)(dot != NULL ? dot - t->path : (ptrdiff_t)strlen(t->path)),
		    t->path);
		snprintf(label, sizeof label, "%s is Graphviz; save as JSON:", slash != NULL ? slash + 1 : t->path);
		tui_prompt_open(t, label, name, ask);
		return NULL;
	}
	return t->path;
}

static unsigned
cmd_write(struct tui *t, const char *arg)
{
	const char *path;

	if (tui_read_only(t))
		return TUI_REDRAW;
	path = save_target(t, arg, "w", save_as_done);
	if (path != NULL)
		tui_file_save(t, path);
	return TUI_REDRAW;
}

static unsigned
cmd_quit(struct tui *t, const char *arg)
{
	(void)arg;
	return tui_action_run(t, ACTION_QUIT, NULL);
}

static unsigned
cmd_quit_force(struct tui *t, const char *arg)
{
	(void)arg;
	return tui_action_run(t, ACTION_QUIT, "!");
}

static unsigned
cmd_write_quit(struct tui *t, const char *arg)
{
	const char *path;

	if (t->view_only) {
		t->quit = true;
		return TUI_UNCHANGED;
	}
	path = save_target(t, arg, "wq", save_as_quit_done);
	if (path != NULL && tui_file_save(t, path))
		t->quit = true;
	return TUI_REDRAW;
}

/* :x writes only when there is something to write, as in vim. */
static unsigned
cmd_exit(struct tui *t, const char *arg)
{
	if (!tui_modified(t) && arg[0] == '\0') {
		t->quit = true;
		return TUI_UNCHANGED;
	}
	return cmd_write_quit(t, arg);
}

static unsigned
cmd_edit(struct tui *t, const char *arg)
{
	return tui_file_edit(t, arg, false);
}

static unsigned
cmd_edit_force(struct tui *t, const char *arg)
{
	return tui_file_edit(t, arg, true);
}

static unsigned
cmd_export(struct tui *t, const char *arg)
{
	return tui_board_export(t, arg);
}

static const struct {
	const char *name;
	unsigned (*run)(struct tui *t, const char *arg);
	const char *help;	/* "SYNTAX\tWHAT IT DOES" for ? */
} commands[] = {
	{ "w", cmd_write, ":w [FILE]\tsave (to FILE from then on)" },
	{ "write", cmd_write, NULL },
	{ "e", cmd_edit, ":e FILE\topen FILE (a new diagram if missing)" },
	{ "edit", cmd_edit, NULL },
	{ "e!", cmd_edit_force, ":e! FILE\topen FILE, dropping unsaved changes" },
	{ "q", cmd_quit, ":q\tquit; asks if there are unsaved changes" },
	{ "quit", cmd_quit, NULL },
	{ "q!", cmd_quit_force, ":q!\tquit, dropping unsaved changes" },
	{ "wq", cmd_write_quit, ":wq [FILE]\tsave and quit" },
	{ "x", cmd_exit, ":x\tsave if changed, and quit" },
	{ "export", cmd_export, ":export FILE\twrite .dot .gv .mmd .txt .svg .png .pdf" },
};

size_t
tui_command_help(const char *const **lines)
{
	static const char *help[sizeof commands / sizeof commands[0]];
	size_t n = 0;

	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (commands[i].help != NULL)
			help[n++] = commands[i].help;
	}
	*lines = help;
	return n;
}

unsigned
tui_command_run(struct tui *t, const char *line)
{
	struct command_line parsed;
	const char *arg;
	enum tui_action action;

	switch (command_line_parse(line, &parsed)) {
	case COMMAND_EMPTY:
		return TUI_REDRAW;
	case COMMAND_TOO_LONG:
		tui_message(t, true, "not a command: %.40s", line + strspn(line, " :"));
		return TUI_REDRAW;
	case COMMAND_OK:
		break;
	}
	arg = parsed.argument;
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(commands[i].name, parsed.name) == 0)
			return commands[i].run(t, arg);
	}
	if (tui_action_from_name(parsed.name, &action))
		return tui_action_run(t, action, arg[0] != '\0' ? arg : NULL);
	tui_message(t, true, "not a command: %s (? lists them)", parsed.name);
	return TUI_REDRAW;
}
