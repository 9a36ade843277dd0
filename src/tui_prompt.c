/*
 * The one-line editor behind `:`, `/`, labels, tech and notes.  It edits
 * UTF-8 in place; Enter hands the text to the callback the opener gave,
 * Esc goes back without calling it.  Control characters never get in, so
 * nothing typed can reach the file or the terminal raw.
 */
#include "tui_internal.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void
tui_prompt_open(struct tui *t, const char *label, const char *initial, tui_prompt_done done)
{
	struct tui_prompt *p = &t->prompt;

	snprintf(p->label, sizeof p->label, "%s", label);
	snprintf(p->text, sizeof p->text, "%s", initial);
	p->length = p->cursor = strlen(p->text);
	p->done = done;
	p->back = t->mode == MODE_PROMPT ? MODE_NORMAL : t->mode;
	t->mode = MODE_PROMPT;
}

/* Byte offset of the character before / after the cursor. */
static size_t
previous_char(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[--at] & 0xC0) == 0x80)
		;
	return at;
}

static size_t
next_char(const char *s, size_t length, size_t at)
{
	if (at < length)
		at++;
	while (at < length && ((unsigned char)s[at] & 0xC0) == 0x80)
		at++;
	return at;
}

static void
delete_range(struct tui_prompt *p, size_t from, size_t to)
{
	memmove(p->text + from, p->text + to, p->length - to + 1);
	p->length -= to - from;
	p->cursor = from;
}

static void
insert(struct tui_prompt *p, int codepoint)
{
	char bytes[4];
	size_t n;

	if (codepoint < 0x20 || utf8_is_control((uint32_t)codepoint) || codepoint > 0x10FFFF ||
	    (codepoint >= 0xD800 && codepoint <= 0xDFFF))
		return;
	n = utf8_encode((uint32_t)codepoint, bytes);
	if (p->length + n >= sizeof p->text)
		return;
	memmove(p->text + p->cursor + n, p->text + p->cursor, p->length - p->cursor + 1);
	memcpy(p->text + p->cursor, bytes, n);
	p->length += n;
	p->cursor += n;
}

unsigned
tui_prompt_key(struct tui *t, int key)
{
	struct tui_prompt *p = &t->prompt;

	switch (key) {
	case TUI_ESC:
	case TUI_CTRL('c'):
		t->mode = p->back;
		if (t->mode == MODE_PROMPT || t->mode == MODE_PALETTE)
			t->mode = MODE_NORMAL;
		return TUI_REDRAW;
	case '\n':
	case '\r':
	case TUI_KEY_FUNCTION(KEY_ENTER): {
		char text[TUI_PROMPT_MAX];

		/* The callback may open another prompt: hand it a copy. */
		memcpy(text, p->text, p->length + 1);
		t->mode = p->back == MODE_CONNECT ? MODE_CONNECT : MODE_NORMAL;
		return p->done(t, text) | TUI_REDRAW;
	}
	case TUI_KEY_FUNCTION(KEY_BACKSPACE):
	case 127:
	case TUI_CTRL('h'):
		if (p->cursor > 0)
			delete_range(p, previous_char(p->text, p->cursor), p->cursor);
		else if (p->length == 0)
			t->mode = p->back == MODE_CONNECT ? MODE_CONNECT : MODE_NORMAL;
		return TUI_REDRAW;
	case TUI_KEY_FUNCTION(KEY_DC):
	case TUI_CTRL('d'):
		if (p->cursor < p->length)
			delete_range(p, p->cursor, next_char(p->text, p->length, p->cursor));
		return TUI_REDRAW;
	case TUI_KEY_FUNCTION(KEY_LEFT):
	case TUI_CTRL('b'):
		p->cursor = previous_char(p->text, p->cursor);
		return TUI_REDRAW;
	case TUI_KEY_FUNCTION(KEY_RIGHT):
	case TUI_CTRL('f'):
		p->cursor = next_char(p->text, p->length, p->cursor);
		return TUI_REDRAW;
	case TUI_KEY_FUNCTION(KEY_HOME):
	case TUI_CTRL('a'):
		p->cursor = 0;
		return TUI_REDRAW;
	case TUI_KEY_FUNCTION(KEY_END):
	case TUI_CTRL('e'):
		p->cursor = p->length;
		return TUI_REDRAW;
	case TUI_CTRL('u'):
		delete_range(p, 0, p->cursor);
		return TUI_REDRAW;
	case TUI_CTRL('k'):
		p->text[p->cursor] = '\0';
		p->length = p->cursor;
		return TUI_REDRAW;
	case TUI_CTRL('w'): {
		size_t at = p->cursor;

		while (at > 0 && p->text[at - 1] == ' ')
			at--;
		while (at > 0 && p->text[at - 1] != ' ')
			at--;
		delete_range(p, at, p->cursor);
		return TUI_REDRAW;
	}
	default:
		if (key < TUI_KEY_FUNCTION(0))
			insert(p, key);
		return TUI_REDRAW;
	}
}
