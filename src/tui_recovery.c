/*
 * The whiteboard's side of crash-safe editing (recovery.c does the work):
 * taking the lock when a file is opened for editing, asking what to do
 * when another napkin holds it or a recovery file was left behind, writing
 * the recovery file as edits come in, and removing it on a save or a clean
 * quit.  The questions are small screens of their own, asked before the
 * board is shown; they survive resizes, and a signal during one ends the
 * session as it would anywhere else.
 */
#include "tui_internal.h"

#include <curses.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diagram_json.h"
#include "recovery.h"

#define QUESTION_LINES 12

struct question {
	char lines[QUESTION_LINES][256];
	size_t count;
	const char *keys;	/* the answers, as keys */
};

static void
say(struct question *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
say(struct question *q, const char *fmt, ...)
{
	va_list ap;

	if (q->count == QUESTION_LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(q->lines[q->count++], sizeof q->lines[0], fmt, ap);
	va_end(ap);
}

static void
draw_question(const struct tui *t, const struct question *q)
{
	int width = 0, top, left;

	for (size_t i = 0; i < q->count; i++) {
		int w = (int)strlen(q->lines[i]);

		width = w > width ? w : width;
	}
	width += 4;
	if (width > t->columns)
		width = t->columns;
	top = (t->rows - (int)q->count - 2) / 2;
	left = (t->columns - width) / 2;
	top = top > 0 ? top : 0;
	left = left > 0 ? left : 0;
	erase();
	for (int row = 0; row < (int)q->count + 2 && top + row < t->rows; row++)
		tui_draw_fill(top + row, left, width, 0, TUI_COLOUR_BAR, t);
	for (size_t i = 0; i < q->count && top + 1 + (int)i < t->rows; i++)
		tui_draw_text(t, top + 1 + (int)i, left + 2, q->lines[i], width - 4, i == 0 ? CELL_BOLD : 0,
		    TUI_COLOUR_BAR);
	curs_set(0);
	refresh();
}

/*
 * Ask q and return the key of the answer, or 0 when a signal interrupts:
 * it is raised again, so the main loop deals with it as it would anywhere
 * (SIGTERM ends the session, Ctrl-C quits).
 */
static int
ask(struct tui *t, const struct question *q)
{
	for (;;) {
		int key, sig;

		draw_question(t, q);
		key = tui_term_read(500);
		sig = tui_term_pending_signal();
		if (sig != 0) {
			raise(sig);
			return 0;
		}
		if (key == TUI_KEY_FUNCTION(KEY_RESIZE))
			getmaxyx(stdscr, t->rows, t->columns);
		else if (key > 0 && key < 128 && strchr(q->keys, key) != NULL)
			return key;
	}
}

static const char *
clock_time(time_t when, char *buf, size_t size)
{
	struct tm tm;

	if (localtime_r(&when, &tm) == NULL || strftime(buf, size, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(buf, size, "an unknown time");
	return buf;
}

static const char *
display_name(const struct tui *t)
{
	return t->path != NULL ? t->path : "an unnamed diagram";
}

/*
 * Keep no recovery file this session (another napkin does, or none can be
 * written), leaving any that is there and a lock that is ours.
 */
static void
let_go(struct tui *t)
{
	recovery_close(t->recovery, true);
	recovery_disable(t->recovery);
}

/* The answers both questions share: view, quit, or (Esc, a signal) leave things be. */
static void
answer_otherwise(struct tui *t, int answer)
{
	let_go(t);
	if (answer == 'v')
		tui_file_view(t);
	else if (answer == 'q')
		t->quit = true;
}

/* Another live napkin edits the file: view it, edit anyway, or leave. */
static void
ask_held(struct tui *t, const struct recovery_owner *owner)
{
	struct question q = { .count = 0, .keys = "veq" };
	char since[64];
	int answer;

	say(&q, "%s is being edited by another napkin", display_name(t));
	say(&q, "pid %ld on %s, since %s", owner->pid, owner->host, clock_time(owner->since, since, sizeof since));
	say(&q, "%s", "");
	say(&q, "v  view it read-only, following its saves (napkin --view)");
	say(&q, "e  edit anyway: no recovery file for this session, and");
	say(&q, "   each napkin's :w overwrites the other's");
	say(&q, "q  quit");
	answer = ask(t, &q);
	if (answer == 'e') {
		let_go(t);
		tui_message(t, true, "editing beside napkin %ld: no recovery file this session", owner->pid);
	} else {
		answer_otherwise(t, answer);
	}
}

/* A recovery file was left behind: restore it, drop it, or leave it be. */
static void
offer(struct tui *t, const struct recovery_found *found, const struct recovery_owner *left_by)
{
	struct question q = { .count = 0, .keys = "rdvq" };
	const char *path = found->path;
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_file(path, &errors);
	char when[64];
	int answer;

	say(&q, "%s holds unsaved changes%s%s", path, t->path != NULL ? " to " : "",
	    t->path != NULL ? t->path : "");
	if (left_by != NULL)
		say(&q, "left by napkin pid %ld on %s, which is gone", left_by->pid, left_by->host);
	say(&q, "written %s, %s", clock_time(found->written.tv_sec, when, sizeof when),
	    found->newer ? (t->path != NULL ? "after the file was last saved" : "by a session without a file")
	    : "BEFORE the file was last changed");
	if (d != NULL) {
		say(&q, "  recovery file: %zu nodes, %zu edges, \"%s\"", diagram_node_count(d), diagram_edge_count(d),
		    diagram_title(d));
		if (t->path != NULL)
			say(&q, "  %s: %zu nodes, %zu edges, \"%s\"", t->path, diagram_node_count(t->diagram),
			    diagram_edge_count(t->diagram), diagram_title(t->diagram));
	} else {
		q.keys = "dvq";
		say(&q, "it cannot be read: %s", errors.count > 0 ? errors.messages[0] : "unknown error");
	}
	error_list_clear(&errors);
	say(&q, "%s", "");
	if (d != NULL)
		say(&q, "r  restore it (then :w keeps it)");
	say(&q, "d  delete it and open the file as saved");
	say(&q, "v  view the file read-only, leaving it");
	say(&q, "q  quit, leaving it");
	answer = ask(t, &q);
	switch (answer) {
	case 'r':
		tui_file_adopt(t, d);
		d = NULL;
		t->saved_state = 0;	/* no state has id 0: modified until saved */
		if (diagram_node_count(t->diagram) > 0)
			tui_focus_node(t, diagram_node(t->diagram, 0));
		tui_message(t, false, "restored %zu nodes, %zu edges from %s: :w keeps them",
		    diagram_node_count(t->diagram), diagram_edge_count(t->diagram), path);
		break;
	case 'd':
		recovery_discard(t->recovery);
		tui_message(t, false, "deleted the recovery file");
		break;
	default:
		answer_otherwise(t, answer);
		break;
	}
	diagram_free(d);
}

/* Keep a recovery file for t->path (which may be NULL), asking as needed. */
static void
guard(struct tui *t)
{
	struct recovery_owner owner, stale;
	struct recovery_found found;
	struct napkin_error err;
	bool had_stale;

	t->recovery = recovery_new(t->path);
	had_stale = recovery_lock_owner(t->recovery, &stale) && !stale.alive;
	switch (recovery_lock(t->recovery, &owner, &err)) {
	case RECOVERY_HELD:
		if (t->path == NULL) {
			tui_message(t, true, "another napkin (pid %ld) keeps %s here: :w FILE to be safe",
			    owner.pid, RECOVERY_UNNAMED);
			let_go(t);
			return;
		}
		ask_held(t, &owner);
		return;
	case RECOVERY_NO_LOCK:
		/* The recovery file can still go to the fallback directory. */
		tui_message(t, true, "no lock on %s (%s): a second napkin would not be warned", display_name(t),
		    err.message);
		break;
	case RECOVERY_LOCKED:
		break;
	}
	if (recovery_find(t->recovery, &found))
		offer(t, &found, had_stale ? &stale : NULL);
}

void
tui_recovery_start(struct tui *t)
{
	if (!t->view_only)
		guard(t);
}

unsigned
tui_recovery_tick(struct tui *t)
{
	struct napkin_error err;
	char reason[512];
	double now = tui_now();

	if (t->recovery == NULL || !recovery_due(t->recovery, t->diagram, tui_modified(t), now))
		return TUI_UNCHANGED;
	tui_session_store(t);
	if (recovery_write(t->recovery, t->diagram, now, &err))
		return TUI_UNCHANGED;
	tui_file_save_reason(err.message, recovery_path(t->recovery), reason, sizeof reason);
	tui_message(t, true, "the recovery file cannot be written (%s): save soon", reason);
	return TUI_REDRAW;
}

/* After a save: nothing is unsaved, and the file may have a new name. */
void
tui_recovery_saved(struct tui *t)
{
	struct recovery *now;
	bool same;

	if (t->recovery == NULL || t->path == NULL)
		return;
	now = recovery_new(t->path);
	same = strcmp(recovery_path(now), recovery_path(t->recovery)) == 0;
	recovery_free(now);
	if (same)
		recovery_discard(t->recovery);
	else
		tui_recovery_switch(t);
}

/* t->path names another file now (:e, :w FILE): let the old one go, guard the new. */
void
tui_recovery_switch(struct tui *t)
{
	if (t->view_only)
		return;
	if (t->recovery != NULL) {
		recovery_close(t->recovery, false);
		recovery_free(t->recovery);
		t->recovery = NULL;
	}
	guard(t);
}

/* path with the home directory written ~, as a status line has room for. */
static void
tilde_path(const char *path, char *out, size_t size)
{
	const char *home = getenv("HOME");
	size_t len = home != NULL ? strlen(home) : 0;

	if (len > 1 && strncmp(path, home, len) == 0 && path[len] == '/')
		snprintf(out, size, "~%s", path + len);
	else
		snprintf(out, size, "%s", path);
}

bool
tui_recovery_write(struct tui *t, char *message, size_t size)
{
	struct napkin_error err;

	if (t->recovery == NULL) {
		snprintf(message, size, "no recovery file this session");
		return false;
	}
	tui_session_store(t);
	if (!recovery_write(t->recovery, t->diagram, tui_now(), &err)) {
		snprintf(message, size, "%s", err.message);
		return false;
	}
	t->keep_recovery = true;
	tilde_path(recovery_written_path(t->recovery), message, size);
	return true;
}

void
tui_recovery_end(struct tui *t)
{
	if (t->recovery == NULL)
		return;
	recovery_close(t->recovery, t->keep_recovery);
	recovery_free(t->recovery);
	t->recovery = NULL;
}
