/*
 * Files: opening before curses starts (errors print like the CLI's),
 * :w and :e, and --view's polling of the file it follows.  The recovery
 * file and the lock are tui_recovery.c's; this file tells it when the
 * diagram was saved or the file changed.
 */
#include "tui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diagram_json.h"
#include "templates.h"
#include "xalloc.h"

#define POLL_SECONDS 0.3

bool
tui_modified(const struct tui *t)
{
	return !t->view_only && diagram_state_id(t->diagram) != t->saved_state;
}

static void
forward_change(void *context, enum diagram_change change, const void *object)
{
	struct tui *t = context;

	scene_note_change(t->scene, change, object);
	tui_session_note(t, change, object);
}

void
tui_file_adopt(struct tui *t, struct diagram *d)
{
	if (t->diagram != NULL) {
		diagram_set_observer(t->diagram, NULL, NULL);
		scene_free(t->scene);
		diagram_free(t->diagram);
	}
	t->diagram = d;
	t->scene = scene_new(d);
	if (t->critique == NULL)
		t->critique = critique_view_new();
	critique_view_reset(t->critique);	/* nothing of the old diagram may stay */
	diagram_set_observer(d, forward_change, t);
	t->saved_state = diagram_state_id(d);
	/* Every pointer into the old diagram is gone. */
	t->selected = NULL;
	t->selected_edge = NULL;
	t->moving = NULL;
	t->connect_from = t->connect_to = NULL;
	t->drag_node = t->drag_target = NULL;
	if (t->mode == MODE_MOVE || t->mode == MODE_CONNECT)
		t->mode = MODE_NORMAL;
	tui_select_at_cursor(t);
	tui_session_adopted(t);
}

static struct tui_file_stamp
stamp_of(const char *path)
{
	struct tui_file_stamp s = { 0 };
	struct stat st;

	if (stat(path, &st) != 0)
		return s;
	s.exists = true;
	s.device = st.st_dev;
	s.inode = st.st_ino;
	s.size = st.st_size;
	s.mtime = st.st_mtim;
	return s;
}

static bool
same_stamp(struct tui_file_stamp a, struct tui_file_stamp b)
{
	return a.exists == b.exists && a.device == b.device && a.inode == b.inode && a.size == b.size &&
	    a.mtime.tv_sec == b.mtime.tv_sec && a.mtime.tv_nsec == b.mtime.tv_nsec;
}

bool
tui_file_open(struct tui *t, const struct tui_options *o)
{
	struct diagram *d = NULL;
	char notice[512] = "";

	if (o->template_name != NULL) {
		struct napkin_error err;
		char *file = template_path(o->template_name, &err);

		if (file == NULL) {
			fprintf(stderr, "napkin: %s\n", err.message);
			return false;
		}
		if (o->path != NULL && access(o->path, F_OK) == 0) {
			error_print(stderr, "%s already exists; open it without --template", o->path);
			free(file);
			return false;
		}
		d = cli_load(file);
		free(file);
	} else if (o->path != NULL && (access(o->path, F_OK) == 0 || o->view)) {
		struct error_list errors = { 0 };

		d = tui_load(o->path, &errors, notice, sizeof notice);
		error_list_print(&errors, stderr);
		error_list_clear(&errors);
	} else {
		d = diagram_new();
	}
	if (d == NULL)
		return false;
	t->path = o->path != NULL ? xstrdup(o->path) : NULL;
	t->path_is_dot = o->path != NULL && tui_load_is_dot(o->path);
	tui_file_adopt(t, d);
	if (o->view)
		t->stamp = stamp_of(o->path);
	if (diagram_node_count(d) > 0)
		tui_focus_node(t, diagram_node(d, 0));
	if (o->path != NULL && o->template_name == NULL && !t->stamp.exists && access(o->path, F_OK) != 0)
		tui_message(t, false, "new diagram: :w saves it to %s", o->path);
	if (notice[0] != '\0')
		tui_message(t, false, "%s", notice);
	return true;
}

/*
 * "No space left on device" from diagram_save_file's "cannot save PATH:
 * No space left on device (writing); ...": a status line has room for the
 * reason and where the edits went, not for the whole sentence.
 */
void
tui_file_save_reason(const char *message, const char *path, char *out, size_t size)
{
	size_t skip = strlen("cannot save ") + strlen(path) + strlen(": ");

	if (strncmp(message, "cannot save ", 12) == 0 && strlen(message) > skip &&
	    strncmp(message + 12, path, strlen(path)) == 0)
		message += skip;
	snprintf(out, size, "%.*s", (int)strcspn(message, "(;"), message);
	if (out[0] != '\0' && out[strlen(out) - 1] == ' ')
		out[strlen(out) - 1] = '\0';
}

bool
tui_file_save(struct tui *t, const char *path)
{
	struct napkin_error err;
	char kept[512];

	tui_session_store(t);
	if (!diagram_save_file(t->diagram, path, &err)) {
		/* Nothing is lost: the file is as it was, the edits go to the recovery file. */
		char reason[512];

		tui_file_save_reason(err.message, path, reason, sizeof reason);
		if (tui_recovery_write(t, kept, sizeof kept))
			tui_message(t, true, "not saved: %s; your edits are in %s", reason, kept);
		else
			tui_message(t, true, "not saved: %s; no recovery file either (%s): :w to another disk", reason,
			    kept);
		t->keep_recovery = false;
		return false;
	}
	if (t->path == NULL || strcmp(t->path, path) != 0) {
		free(t->path);
		t->path = xstrdup(path);
	}
	t->path_is_dot = false;
	t->saved_state = diagram_state_id(t->diagram);
	tui_recovery_saved(t);
	tui_message(t, false, "wrote %s: %zu nodes, %zu edges", path, diagram_node_count(t->diagram),
	    diagram_edge_count(t->diagram));
	return true;
}

/* The first loading error, for the status line; what an import did goes to notice. */
static struct diagram *
load_quietly(const char *path, char *error, size_t size, char *notice, size_t notice_size)
{
	struct error_list errors = { 0 };
	struct diagram *d = tui_load(path, &errors, notice, notice_size);

	if (d == NULL) {
		snprintf(error, size, "%s%s", errors.count > 0 ? errors.messages[0] : "cannot load",
		    errors.count > 1 ? " (and more)" : "");
	}
	error_list_clear(&errors);
	return d;
}

unsigned
tui_file_edit(struct tui *t, const char *path, bool force)
{
	struct diagram *d;
	char error[512], notice[512] = "";

	if (tui_read_only(t))
		return TUI_REDRAW;
	if (path[0] == '\0') {
		tui_message(t, true, "usage: :e FILE");
		return TUI_REDRAW;
	}
	if (tui_modified(t) && !force) {
		tui_message(t, true, "unsaved changes: :w first, or :e! %s drops them", path);
		return TUI_REDRAW;
	}
	if (access(path, F_OK) == 0) {
		d = load_quietly(path, error, sizeof error, notice, sizeof notice);
		if (d == NULL) {
			tui_message(t, true, "%s", error);
			return TUI_REDRAW;
		}
	} else {
		d = diagram_new();
	}
	free(t->path);
	t->path = xstrdup(path);
	t->path_is_dot = tui_load_is_dot(path);
	t->cursor_x = t->cursor_y = t->view_x = t->view_y = 0;
	tui_file_adopt(t, d);
	tui_recovery_switch(t);
	if (diagram_node_count(d) > 0)
		tui_focus_node(t, diagram_node(d, 0));
	if (notice[0] != '\0')
		tui_message(t, false, "%s", notice);
	else
		tui_message(t, false, "%s: %zu nodes, %zu edges%s", path, diagram_node_count(d), diagram_edge_count(d),
		    diagram_node_count(d) == 0 ? " (new)" : "");
	return TUI_MODEL | TUI_REDRAW | TUI_RELAYOUT;
}

unsigned
tui_file_poll(struct tui *t)
{
	struct tui_file_stamp now;
	struct diagram *d;
	char notice[512];
	double clock = tui_now();

	if (!t->view_only || clock < t->next_poll)
		return TUI_UNCHANGED;
	t->next_poll = clock + POLL_SECONDS;
	now = stamp_of(t->path);
	if (same_stamp(now, t->stamp))
		return TUI_UNCHANGED;
	t->stamp = now;
	if (!now.exists) {
		snprintf(t->view_error, sizeof t->view_error, "%s is gone; showing the last good version", t->path);
		t->message[0] = '\0';
		return TUI_REDRAW;
	}
	d = load_quietly(t->path, t->view_error, sizeof t->view_error, notice, sizeof notice);
	if (d == NULL) {
		t->message[0] = '\0';	/* the error takes the bottom line */
		return TUI_REDRAW;	/* keep the last good diagram, show why */
	}
	t->view_error[0] = '\0';
	tui_file_adopt(t, d);
	tui_message(t, false, "reloaded %s", t->path);
	return TUI_MODEL | TUI_REDRAW;
}

void
tui_file_write_recovery(struct tui *t)
{
	char kept[512];

	if (t->diagram == NULL || !tui_modified(t))
		return;
	/* Said after the terminal is restored, so it stays on the screen. */
	if (tui_recovery_write(t, kept, sizeof kept))
		snprintf(t->farewell, sizeof t->farewell, "unsaved changes written to %s", kept);
	else
		snprintf(t->farewell, sizeof t->farewell, "could not write the recovery file: %s", kept);
}

void
tui_file_view(struct tui *t)
{
	t->view_only = true;
	t->panel = true;
	t->stamp = stamp_of(t->path);
	tui_message(t, false, "read-only: following %s as it is saved", t->path);
}
