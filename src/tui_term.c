/*
 * The terminal: starting and restoring curses, colours, the mouse,
 * signals and reading keys.  Whatever happens -- a normal quit, Ctrl-C,
 * SIGTERM, SIGHUP, running out of memory -- tui_term_stop() runs before
 * napkin exits, so the shell gets its terminal back.
 *
 * Curses talks to the terminal on stdin and stdout, or -- when either is
 * redirected (echo x | napkin FILE), as ncdu does -- to /dev/tty.  A
 * terminal terminfo does not know, or one that cannot move the cursor
 * (TERM=dumb), is refused with a message before anything is drawn.
 *
 * Signal handlers only set a flag; the main loop acts on it.
 */
#include "tui_internal.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
/* term.h names terminfo capabilities as macros; these two clash with ours. */
#undef columns
#undef lines
#include <unistd.h>

#include "xalloc.h"

static volatile sig_atomic_t pending_signal;
static bool started;
static SCREEN *screen;
static FILE *tty;		/* /dev/tty, when stdin or stdout is not the terminal */

static void
on_signal(int sig)
{
	pending_signal = sig;
}

void
tui_term_signals(void)
{
	struct sigaction sa;
	int signals[] = { SIGINT, SIGTERM, SIGHUP };

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes the key read at once. */
	for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
		sigaction(signals[i], &sa, NULL);
}

int
tui_term_pending_signal(void)
{
	int sig = pending_signal;

	pending_signal = 0;
	return sig;
}

void
tui_term_stop(void)
{
	if (!started)
		return;
	started = false;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	delscreen(screen);
	screen = NULL;
	if (tty != NULL)
		fclose(tty);
	tty = NULL;
}

static void
stop_at_exit(void)
{
	tui_term_stop();
}

double
tui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Box drawing needs a UTF-8 locale and a terminal that is not one of the
 * few known to lack the glyphs.
 */
bool
tui_term_can_draw_unicode(void)
{
	const char *codeset = nl_langinfo(CODESET);
	const char *term = getenv("TERM");
	static const char *const plain[] = { "dumb", "vt100", "vt102", "vt220", "vt52", "ansi", NULL };

	if (codeset == NULL || (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0))
		return false;
	for (size_t i = 0; term != NULL && plain[i] != NULL; i++) {
		if (strcmp(term, plain[i]) == 0)
			return false;
	}
	return true;
}

/*
 * Whether curses can draw on the terminal TERM names, on fd; false with the
 * reason in message.  Checked before newterm(), which would print its own
 * complaint and exit.
 */
static bool
usable_terminal(int fd, char *message, size_t size)
{
	const char *term = getenv("TERM");
	const char *cup;
	int status = 0;

	if (term == NULL || term[0] == '\0') {
		snprintf(message, size, "TERM is not set; set it to your terminal's type (e.g. xterm-256color)");
		return false;
	}
	if (setupterm((char *)term, fd, &status) != OK) {
		snprintf(message, size, "%s terminal type \"%.60s\" (TERM); set TERM to your terminal's type",
		    status == -1 ? "no terminfo database for the" : "unknown", term);
		return false;
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);
	if (cup == NULL || cup == (char *)-1) {
		snprintf(message, size, "TERM=%.60s cannot move the cursor, which the whiteboard needs "
		    "(napkin check and export work anywhere)", term);
		return false;
	}
	return true;
}

bool
tui_term_start(struct tui *t, char *message, size_t size)
{
	FILE *in = stdin, *out = stdout;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		tty = fopen("/dev/tty", "r+e");
		if (tty == NULL) {
			snprintf(message, size, "the whiteboard needs a terminal (/dev/tty: %s); "
			    "napkin check and export work without one", strerror(errno));
			return false;
		}
		in = out = tty;
	}
	if (!usable_terminal(fileno(out), message, size) ||
	    (screen = newterm(NULL, out, in)) == NULL) {
		if (screen == NULL && message[0] == '\0')
			snprintf(message, size, "curses cannot start on this terminal");
		if (tty != NULL)
			fclose(tty);
		tty = NULL;
		return false;
	}
	set_term(screen);
	started = true;
	atexit(stop_at_exit);
	xalloc_set_fatal_hook(tui_term_stop);
	cbreak();		/* Ctrl-C becomes SIGINT, which the loop turns into :q */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/*
	 * Esc must feel instant, but a slow link can split an arrow key's or
	 * a mouse report's bytes: ESCDELAY (milliseconds, as curses reads it)
	 * lets such users wait longer.
	 */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	if (t->colour && has_colors()) {
		start_color();
		use_default_colors();
		for (short c = 1; c <= 7; c++)
			init_pair(c, c, -1);	/* COLOUR_RED..COLOUR_WHITE are curses' 1..7 */
		init_pair(8, COLOR_BLACK, COLOR_YELLOW);	/* connect target, marks */
		init_pair(9, COLOR_WHITE, COLOR_BLUE);		/* title and status bars */
	} else {
		t->colour = false;
	}
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED |
	    BUTTON_SHIFT | REPORT_MOUSE_POSITION, NULL);
	mouseinterval(0);
	getmaxyx(stdscr, t->rows, t->columns);
	return true;
}

int
tui_term_read(int timeout_ms)
{
	wint_t ch;
	int kind;

	timeout(timeout_ms);
	kind = get_wch(&ch);
	if (kind == ERR)
		return -1;
	if (kind == KEY_CODE_YES)
		return TUI_KEY_FUNCTION((int)ch);
	return (int)ch;
}
