/*
 * The whiteboard's entry point and event loop: load the file (errors are
 * printed like the CLI's, before the terminal is touched), start curses,
 * then read a key or mouse event, let it change the state, redraw.
 * Signals arrive as flags and are handled here, between events.
 */
#include "tui_internal.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
tui_free(struct tui *t)
{
	tui_session_free(t);
	if (t->diagram != NULL)
		diagram_set_observer(t->diagram, NULL, NULL);
	scene_free(t->scene);
	critique_view_free(t->critique);
	diagram_free(t->diagram);
	canvas_free(&t->screen);
	free(t->path);
}

static void
farewell(const struct tui *t)
{
	if (t->farewell[0] != '\0')
		error_print(stderr, "%s", t->farewell);
}

/* Ctrl-C: leave the current mode; in normal mode, quit (asking first). */
static unsigned
interrupt(struct tui *t)
{
	switch (t->mode) {
	case MODE_CONFIRM_QUIT:
		tui_file_write_recovery(t);
		t->quit = true;
		return TUI_UNCHANGED;
	case MODE_NORMAL:
		return tui_action_run(t, ACTION_QUIT, NULL);
	case MODE_PROMPT:
		return tui_prompt_key(t, TUI_ESC);
	default:
		return tui_key(t, TUI_ESC);
	}
}

int
tui_run(const struct tui_options *options)
{
	struct tui t;
	unsigned changed = TUI_REDRAW;
	char problem[512] = "";

	memset(&t, 0, sizeof t);
	t.view_only = options->view;
	t.ascii = options->ascii || !tui_term_can_draw_unicode();
	t.colour = !options->no_color;
	t.panel = options->view;
	t.mode = MODE_NORMAL;
	if (!tui_session_open(&t, options)) {
		tui_free(&t);
		return 2;
	}
	tui_term_signals();
	if (!tui_term_start(&t, problem, sizeof problem)) {
		error_print(stderr, "%s", problem);
		tui_free(&t);
		return 2;
	}
	t.view_x = t.view_y = 0;	/* now the screen's size is known */
	tui_follow_cursor(&t);
	tui_recovery_start(&t);
	while (!t.quit) {
		int sig = tui_term_pending_signal(), key;

		if (sig == SIGTERM || sig == SIGHUP) {
			tui_file_write_recovery(&t);
			tui_recovery_end(&t);
			tui_term_stop();
			farewell(&t);
			tui_free(&t);
			/* Die of the signal, so the parent sees what happened. */
			signal(sig, SIG_DFL);
			raise(sig);
			return 128 + sig;
		}
		if (sig == SIGINT)
			changed |= interrupt(tui_session_shown(&t));
		if (t.quit)
			break;
		changed |= tui_file_poll(&t);
		changed |= tui_session_tick(&t);
		changed |= tui_recovery_tick(&t);
		if (changed != TUI_UNCHANGED) {
			if (changed & TUI_RELAYOUT)
				clearok(curscr, TRUE);
			tui_draw(tui_session_shown(&t));
			changed = TUI_UNCHANGED;
		}
		/* Provisional routes on screen: draw again as soon as no key is waiting. */
		if (tui_session_shown(&t)->routes_pending)
			key = tui_term_read(0);
		else
			key = tui_term_read(tui_session_wait(&t, t.view_only ? 100 : 500));
		if (key < 0) {
			if (tui_session_shown(&t)->routes_pending)
				changed |= TUI_REDRAW;
			continue;
		}
		if (key == TUI_KEY_FUNCTION(KEY_RESIZE)) {
			getmaxyx(stdscr, t.rows, t.columns);
			tui_follow_cursor(&t);
			tui_session_resized(&t);
			changed = TUI_REDRAW | TUI_RELAYOUT;
		} else if (key == TUI_KEY_FUNCTION(KEY_MOUSE)) {
			changed |= tui_mouse(tui_session_shown(&t));
		} else {
			changed |= tui_key(tui_session_shown(&t), key) | TUI_REDRAW;
		}
	}
	tui_recovery_end(&t);
	tui_term_stop();
	farewell(&t);
	tui_free(&t);
	return t.exit_status;
}
