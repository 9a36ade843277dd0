/*
 * The key table: every key the whiteboard knows, in which modes, and the
 * action it runs.  The `?` help and the status-line hints are generated
 * from this table, so a key cannot work without being documented.
 */
#include "tui_internal.h"

#include <curses.h>
#include <string.h>

#define NCT (MODE_NORMAL | MODE_CONNECT)
#define ALL (MODE_NORMAL | MODE_MOVE | MODE_CONNECT)
#define F(k) TUI_KEY_FUNCTION(k)

static const struct tui_binding bindings[] = {
	/* napkin replay: before the rows they override (n notes, + replicas, arrows). */
	{ ' ', MODE_REPLAY, ACTION_PLAY, "Space", "play/pause" },
	{ 'n', MODE_REPLAY, ACTION_STEP, "n \xe2\x86\x92", "step" },
	{ F(KEY_RIGHT), MODE_REPLAY, ACTION_STEP, NULL, NULL },
	{ 'N', MODE_REPLAY, ACTION_BACK, "N \xe2\x86\x90", "back" },
	{ F(KEY_LEFT), MODE_REPLAY, ACTION_BACK, NULL, NULL },
	{ '^', MODE_REPLAY, ACTION_FIRST, "^ Home", NULL },
	{ F(KEY_HOME), MODE_REPLAY, ACTION_FIRST, NULL, NULL },
	{ '$', MODE_REPLAY, ACTION_LAST, "$ End", NULL },
	{ F(KEY_END), MODE_REPLAY, ACTION_LAST, NULL, NULL },
	{ '+', MODE_REPLAY, ACTION_FASTER, "+", NULL },
	{ '-', MODE_REPLAY, ACTION_SLOWER, "-", NULL },

	{ 'h', ALL, ACTION_LEFT, "h \xe2\x86\x90", NULL },
	{ F(KEY_LEFT), ALL, ACTION_LEFT, NULL, NULL },
	{ 'j', ALL, ACTION_DOWN, "j \xe2\x86\x93", NULL },
	{ F(KEY_DOWN), ALL, ACTION_DOWN, NULL, NULL },
	{ 'k', ALL, ACTION_UP, "k \xe2\x86\x91", NULL },
	{ F(KEY_UP), ALL, ACTION_UP, NULL, NULL },
	{ 'l', ALL, ACTION_RIGHT, "l \xe2\x86\x92", NULL },
	{ F(KEY_RIGHT), ALL, ACTION_RIGHT, NULL, NULL },
	{ 'H', ALL, ACTION_LEFT5, "H", NULL },
	{ 'J', ALL, ACTION_DOWN5, "J", NULL },
	{ 'K', ALL, ACTION_UP5, "K", NULL },
	{ 'L', ALL, ACTION_RIGHT5, "L", NULL },
	{ '\t', NCT, ACTION_NEXT_NODE, "Tab", NULL },
	{ F(KEY_BTAB), NCT, ACTION_PREV_NODE, "Shift-Tab", NULL },
	{ '/', NCT, ACTION_FIND, "/", "find" },
	{ '0', NCT, ACTION_ORIGIN, "0 Home", NULL },
	{ F(KEY_HOME), NCT, ACTION_ORIGIN, NULL, NULL },
	{ 'z', ALL, ACTION_CENTER, "z", NULL },
	{ TUI_CTRL('u'), ALL, ACTION_PAN_UP, "Ctrl-U PgUp", NULL },
	{ F(KEY_PPAGE), ALL, ACTION_PAN_UP, NULL, NULL },
	{ TUI_CTRL('d'), ALL, ACTION_PAN_DOWN, "Ctrl-D PgDn", NULL },
	{ F(KEY_NPAGE), ALL, ACTION_PAN_DOWN, NULL, NULL },
	{ '<', ALL, ACTION_PAN_LEFT, "<", NULL },
	{ '>', ALL, ACTION_PAN_RIGHT, ">", NULL },

	{ 'a', MODE_NORMAL, ACTION_ADD, "a", "add" },
	{ 'm', MODE_NORMAL, ACTION_PICK_UP, "m Enter", "move" },
	{ '\n', MODE_NORMAL, ACTION_PICK_UP, NULL, NULL },
	{ '\r', MODE_NORMAL, ACTION_PICK_UP, NULL, NULL },
	{ F(KEY_ENTER), MODE_NORMAL, ACTION_PICK_UP, NULL, NULL },
	{ '\n', MODE_MOVE, ACTION_DROP, "Enter", "drop" },
	{ '\r', MODE_MOVE, ACTION_DROP, NULL, NULL },
	{ F(KEY_ENTER), MODE_MOVE, ACTION_DROP, NULL, NULL },
	{ 'm', MODE_MOVE, ACTION_DROP, NULL, NULL },
	{ 'r', MODE_NORMAL, ACTION_RENAME, "r", NULL },
	{ 't', MODE_NORMAL, ACTION_TECH, "t", NULL },
	{ 'n', MODE_NORMAL, ACTION_NOTES, "n", NULL },
	{ '+', MODE_NORMAL, ACTION_MORE, "+", NULL },
	{ '=', MODE_NORMAL, ACTION_MORE, NULL, NULL },
	{ '-', MODE_NORMAL, ACTION_FEWER, "-", NULL },
	{ 'M', MODE_NORMAL, ACTION_MANAGED, "M", NULL },
	{ 'x', MODE_NORMAL, ACTION_DELETE, "x Delete", "delete" },
	{ F(KEY_DC), MODE_NORMAL, ACTION_DELETE, NULL, NULL },
	{ 'u', MODE_NORMAL, ACTION_UNDO, "u", "undo" },
	{ TUI_CTRL('r'), MODE_NORMAL, ACTION_REDO, "Ctrl-R", NULL },
	{ 'g', MODE_NORMAL, ACTION_ARRANGE, "g", "arrange" },

	{ 'c', MODE_NORMAL, ACTION_CONNECT, "c", "connect" },
	{ '\n', MODE_CONNECT, ACTION_CONNECT_HERE, "Enter", "connect" },
	{ '\r', MODE_CONNECT, ACTION_CONNECT_HERE, NULL, NULL },
	{ F(KEY_ENTER), MODE_CONNECT, ACTION_CONNECT_HERE, NULL, NULL },
	{ 'e', MODE_NORMAL, ACTION_NEXT_EDGE, "e", "edge" },
	{ 's', MODE_NORMAL, ACTION_TOGGLE_MODE, "s", NULL },

	{ ']', MODE_NORMAL, ACTION_NEXT_FINDING, "]", "findings" },
	{ '[', MODE_NORMAL, ACTION_PREV_FINDING, "[", NULL },
	{ 'F', MODE_NORMAL, ACTION_FAIL, "F", "fail" },
	{ 'A', MODE_NORMAL, ACTION_ACCEPT, "A", "accept" },

	{ TUI_ESC, ALL, ACTION_CANCEL, "Esc", "cancel" },
	{ 'p', MODE_NORMAL, ACTION_PANEL, "p", NULL },
	{ '?', ALL, ACTION_HELP, "?", "help" },
	{ ':', MODE_NORMAL, ACTION_COMMAND, ":", NULL },
	{ TUI_CTRL('l'), ALL, ACTION_REDRAW, "Ctrl-L", NULL },
	{ TUI_CTRL('c'), ALL, ACTION_QUIT, "Ctrl-C :q", NULL },

	{ 'T', MODE_NORMAL, ACTION_TRAFFIC, "T", NULL },
	{ 'S', MODE_NORMAL, ACTION_SCORE, "S", NULL },
	{ 'R', MODE_NORMAL, ACTION_REVEAL, "R", NULL },
	{ 'I', MODE_NORMAL, ACTION_BRIEF, "I", NULL },
	{ 'P', MODE_NORMAL, ACTION_PHASE, "P", NULL },
};

size_t
tui_bindings(const struct tui_binding **out)
{
	*out = bindings;
	return sizeof bindings / sizeof bindings[0];
}

/* The palette: one key per kind, from the kind table. */
static unsigned
palette_key(struct tui *t, int key)
{
	if (key == TUI_ESC) {
		t->mode = MODE_NORMAL;
		return TUI_REDRAW;
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		if (kind_info((enum node_kind)k)->palette_key == key) {
			t->mode = MODE_NORMAL;
			return tui_edit_add_kind(t, (enum node_kind)k);
		}
	}
	tui_message(t, true, "no kind on %c: press one of the keys shown, or Esc", key >= 32 && key < 127 ? key : '?');
	return TUI_REDRAW;
}

static unsigned
help_key(struct tui *t, int key)
{
	switch (key) {
	case 'j':
	case TUI_KEY_FUNCTION(KEY_DOWN):
		t->help_scroll++;
		return TUI_REDRAW;
	case 'k':
	case TUI_KEY_FUNCTION(KEY_UP):
		if (t->help_scroll > 0)
			t->help_scroll--;
		return TUI_REDRAW;
	case ' ':
	case TUI_KEY_FUNCTION(KEY_NPAGE):
		t->help_scroll += 10;
		return TUI_REDRAW;
	case TUI_KEY_FUNCTION(KEY_PPAGE):
		t->help_scroll = t->help_scroll > 10 ? t->help_scroll - 10 : 0;
		return TUI_REDRAW;
	default:
		t->mode = MODE_NORMAL;
		return TUI_REDRAW;
	}
}

static unsigned
confirm_key(struct tui *t, int key)
{
	switch (key) {
	case 'w':
	case 'y':
		t->mode = MODE_NORMAL;
		return tui_command_run(t, "wq");
	case 'q':
	case '!':
		t->quit = true;
		return TUI_UNCHANGED;
	case TUI_CTRL('c'):
		/* Asked twice: go, but keep the work in a recovery copy. */
		tui_file_write_recovery(t);
		t->quit = true;
		return TUI_UNCHANGED;
	default:
		t->mode = MODE_NORMAL;
		tui_message(t, false, "still here");
		return TUI_REDRAW;
	}
}

unsigned
tui_key(struct tui *t, int key)
{
	size_t count = sizeof bindings / sizeof bindings[0];

	t->message[0] = '\0';
	switch (t->mode) {
	case MODE_PROMPT:
		return tui_prompt_key(t, key);
	case MODE_PALETTE:
		return palette_key(t, key);
	case MODE_HELP:
		return help_key(t, key);
	case MODE_CONFIRM_QUIT:
		return confirm_key(t, key);
	case MODE_PAGE:
		return tui_page_key(t, key);
	default:
		break;
	}
	for (size_t i = 0; i < count; i++) {
		if (bindings[i].key == key && (bindings[i].modes & (t->mode | tui_session_modes(t))))
			return tui_action_run(t, bindings[i].action, NULL);
	}
	if (key >= 32 && key < 127)
		tui_message(t, true, "%c does nothing here (? lists the keys)", key);
	return TUI_REDRAW;
}
