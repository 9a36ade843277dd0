/*
 * A page of text over the canvas: the scorecard, the brief.  Lines are
 * added with their style; drawing wraps them to the width there is (a
 * wrapped line continues at its indent) and shows the rows from `scroll`.
 * j k, space, PgUp PgDn, g G scroll; q, Esc or Enter close, and so does
 * the key that opened it.
 */
#include "tui_internal.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

void
tui_page_clear(struct tui_page *page)
{
	for (size_t i = 0; i < page->count; i++)
		free(page->lines[i].text);
	free(page->lines);
	page->lines = NULL;
	page->count = 0;
	page->scroll = 0;
}

void
tui_page_add(struct tui_page *page, int flags, int colour, int indent, const char *text)
{
	struct tui_page_line *l;

	page->lines = xreallocarray(page->lines, page->count + 1, sizeof *page->lines);
	l = &page->lines[page->count++];
	l->text = xstrdup(text);
	l->flags = flags;
	l->colour = colour;
	l->indent = indent;
}

void
tui_page_open(struct tui *t, const char *title, const char *mode)
{
	snprintf(t->page.title, sizeof t->page.title, "%s", title);
	t->page.mode = mode;
	t->page.scroll = 0;
	t->mode = MODE_PAGE;
}

/* One row of a wrapped line: how many bytes of s fit in width columns, cut at a space if it can. */
static size_t
row_bytes(const char *s, int width)
{
	size_t used = 0, bytes = utf8_prefix_for_width(s, (size_t)(width > 1 ? width : 1), &used);
	const char *newline = memchr(s, '\n', bytes);

	if (newline != NULL)
		return (size_t)(newline - s);
	if (s[bytes] == '\0')
		return bytes;
	for (size_t i = bytes; i > 0; i--) {
		if (s[i - 1] == ' ')
			return i;
	}
	return bytes > 0 ? bytes : 1;
}

/*
 * Walk the rows the page wraps into at width; draw those from first to
 * first + count at (top, left) when drawing.  Returns how many rows there are.
 */
static int
layout(const struct tui *t, int width, int first, int count, int top, int left, bool draw)
{
	int row = 0;

	for (size_t i = 0; i < t->page.count; i++) {
		const struct tui_page_line *l = &t->page.lines[i];
		const char *s = l->text;
		int indent = 0;

		do {
			size_t n = row_bytes(s, width - indent);
			char piece[1024];

			if (draw && row >= first && row < first + count) {
				snprintf(piece, sizeof piece, "%.*s", (int)n, s);
				tui_draw_text(t, top + row - first, left + indent, piece, width - indent, l->flags, l->colour);
			}
			row++;
			s += n;
			while (*s == ' ' || *s == '\n')
				s++;
			indent = l->indent < width / 2 ? l->indent : 0;
		} while (*s != '\0');
	}
	return row;
}

static int
page_width(const struct tui *t)
{
	return t->columns - 6;
}

static int
page_height(const struct tui *t)
{
	return tui_canvas_height(t) - 2;
}

void
tui_page_draw(struct tui *t)
{
	int rows = layout(t, page_width(t), 0, 0, 0, 0, false), height = page_height(t);
	char title[sizeof t->page.title + 32];

	if (t->page.scroll > rows - height)
		t->page.scroll = rows - height > 0 ? rows - height : 0;
	if (rows > height)
		snprintf(title, sizeof title, "%s(%d%%) ", t->page.title,
		    (t->page.scroll + height) * 100 / rows);
	else
		snprintf(title, sizeof title, "%s", t->page.title);
	tui_draw_frame(t, 1, 0, tui_canvas_height(t), t->columns, title);
	layout(t, page_width(t), t->page.scroll, height, 2, 3, true);
}

unsigned
tui_page_key(struct tui *t, int key)
{
	int height = page_height(t);

	switch (key) {
	case 'j':
	case TUI_KEY_FUNCTION(KEY_DOWN):
		t->page.scroll++;
		break;
	case 'k':
	case TUI_KEY_FUNCTION(KEY_UP):
		t->page.scroll--;
		break;
	case ' ':
	case TUI_KEY_FUNCTION(KEY_NPAGE):
	case TUI_CTRL('d'):
		t->page.scroll += height - 1;
		break;
	case TUI_KEY_FUNCTION(KEY_PPAGE):
	case TUI_CTRL('u'):
		t->page.scroll -= height - 1;
		break;
	case 'g':
	case TUI_KEY_FUNCTION(KEY_HOME):
		t->page.scroll = 0;
		break;
	case 'G':
	case TUI_KEY_FUNCTION(KEY_END):
		t->page.scroll = layout(t, page_width(t), 0, 0, 0, 0, false);
		break;
	case TUI_CTRL('l'):
		return TUI_REDRAW | TUI_RELAYOUT;
	case TUI_CTRL('c'):
	case 'q':
	case 'S':
	case 'I':
	case TUI_ESC:
	case '\n':
	case '\r':
	case TUI_KEY_FUNCTION(KEY_ENTER):
		t->mode = MODE_NORMAL;
		return TUI_REDRAW | TUI_RELAYOUT;
	default:
		tui_message(t, false, "j k or space scroll, q closes");
		return TUI_REDRAW;
	}
	if (t->page.scroll < 0)
		t->page.scroll = 0;
	return TUI_REDRAW;
}
