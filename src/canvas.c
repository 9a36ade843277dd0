/*
 * The cell grid; see canvas.h.  Glyph tables for Unicode and ASCII live
 * here and nowhere else.
 */
#include "canvas.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

void
canvas_init(struct canvas *c, int x, int y, int width, int height, bool ascii)
{
	c->x = x;
	c->y = y;
	c->width = width > 0 ? width : 0;
	c->height = height > 0 ? height : 0;
	c->ascii = ascii;
	c->cells = xcalloc((size_t)c->width * (size_t)c->height + 1, sizeof *c->cells);
}

void
canvas_free(struct canvas *c)
{
	free(c->cells);
	c->cells = NULL;
	c->width = c->height = 0;
}

void
canvas_clear(struct canvas *c)
{
	memset(c->cells, 0, (size_t)c->width * (size_t)c->height * sizeof *c->cells);
}

struct box
canvas_area(const struct canvas *c)
{
	return (struct box){ c->x, c->y, c->width, c->height };
}

struct cell *
canvas_at(struct canvas *c, int x, int y)
{
	x -= c->x;
	y -= c->y;
	if (x < 0 || y < 0 || x >= c->width || y >= c->height)
		return NULL;
	return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

const struct cell *
canvas_cell(const struct canvas *c, int x, int y)
{
	return canvas_at((struct canvas *)c, x, y);
}

/*
 * The cell at (x, y) is about to be overwritten: if it holds half of a
 * double-width character, blank the other half.  Left alone, a line
 * crossing a wide label would leave a character two columns wide with
 * one cell to draw in, and shift the rest of the row by one.
 */
static void
split_wide(struct canvas *c, int x, int y)
{
	struct cell *cell = canvas_at(c, x, y), *other;

	if (cell == NULL)
		return;
	other = canvas_at(c, cell->flags & CELL_TAIL ? x - 1 : x + 1, y);
	if (other == NULL || !((cell->flags & CELL_TAIL) || (other->flags & CELL_TAIL)))
		return;
	other->ch = ' ';
	other->flags &= (uint8_t)~CELL_TAIL;
	other->lines = 0;
	other->style = 0;
}

void
canvas_put(struct canvas *c, int x, int y, uint32_t ch, int fg, int flags)
{
	struct cell *cell = canvas_at(c, x, y);

	if (cell == NULL)
		return;
	split_wide(c, x, y);
	cell->ch = ch;
	cell->fg = (uint8_t)fg;
	cell->flags = (uint8_t)flags;
	cell->lines = 0;
	cell->style = 0;
}

static uint32_t
printable(uint32_t cp, bool ascii)
{
	/* U+2028 and U+2029 break lines in editors and some terminals: not in a grid. */
	if (utf8_is_control(cp) || cp == 0x2028 || cp == 0x2029)
		return ascii ? '?' : 0xFFFD;
	if (ascii && cp > 0x7E)
		return '?';
	return cp;
}

/* Decode the next character of s; malformed bytes count as U+FFFD. */
static size_t
next_char(const char *s, uint32_t *cp)
{
	size_t n = utf8_decode(s, strlen(s) < 4 ? strlen(s) : 4, cp);

	if (n == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return n;
}

int
canvas_text_width(const char *s, int columns)
{
	size_t w = utf8_width(s);

	return w > (size_t)columns ? columns : (int)w;
}

int
canvas_text(struct canvas *c, int x, int y, const char *s, int columns, int fg, int flags)
{
	bool cut = utf8_width(s) > (size_t)columns;
	int limit = cut ? columns - 1 : columns;
	int used = 0;

	if (columns <= 0)
		return 0;
	while (*s != '\0') {
		uint32_t cp;
		size_t n = next_char(s, &cp);
		int w;

		cp = printable(cp, false);
		w = utf8_char_width(cp);
		if (w == 0) {		/* combining marks: dropped, never misplaced */
			s += n;
			continue;
		}
		if (c->ascii && cp > 0x7E) {
			cp = '?';
			w = 1;
		}
		if (used + w > limit)
			break;
		canvas_put(c, x + used, y, cp, fg, flags);
		if (w == 2)
			canvas_put(c, x + used + 1, y, 0, fg, flags | CELL_TAIL);
		used += w;
		s += n;
	}
	if (cut) {
		canvas_put(c, x + used, y, c->ascii ? '~' : 0x2026, fg, flags);
		used++;
	}
	return used;
}

void
canvas_line(struct canvas *c, int x, int y, int lines, int style, int fg, int flags)
{
	struct cell *cell = canvas_at(c, x, y);

	if (cell == NULL)
		return;
	if (cell->ch != 0 || (cell->flags & CELL_TAIL)) {
		/* Text or a symbol was there: the line takes the cell over. */
		split_wide(c, x, y);
		cell->ch = 0;
		cell->lines = 0;
		cell->flags = 0;
	}
	cell->lines |= (uint8_t)lines;
	cell->style |= (uint8_t)style;
	cell->fg = (uint8_t)fg;
	cell->flags = (uint8_t)(cell->flags | flags);
}

void
canvas_flag_box(struct canvas *c, struct box b, int flags)
{
	for (int y = b.y; y < b.y + b.height; y++) {
		for (int x = b.x; x < b.x + b.width; x++) {
			struct cell *cell = canvas_at(c, x, y);

			if (cell != NULL)
				cell->flags |= (uint8_t)flags;
		}
	}
}

void
canvas_fill(struct canvas *c, struct box b, int fg, int flags)
{
	for (int y = b.y; y < b.y + b.height; y++) {
		for (int x = b.x; x < b.x + b.width; x++)
			canvas_put(c, x, y, ' ', fg, flags);
	}
}

/*
 * Glyphs by direction bits (N=1 E=2 S=4 W=8).  A lone direction draws the
 * whole straight line, so a line never ends in half a cell.
 */
static const uint32_t unicode_lines[16] = {
	' ', 0x2502, 0x2500, 0x2514, 0x2502, 0x2502, 0x250C, 0x251C,
	0x2500, 0x2518, 0x2500, 0x2534, 0x2510, 0x2524, 0x252C, 0x253C
};

/* Double lines by direction bits; in tees and crossings the stem is single. */
static const uint32_t double_lines[16] = {
	' ', 0x2551, 0x2550, 0x255A, 0x2551, 0x2551, 0x2554, 0x255F,
	0x2550, 0x255D, 0x2550, 0x2567, 0x2557, 0x2562, 0x2564, 0x256C
};

uint32_t
canvas_line_glyph(int lines, int style, bool ascii)
{
	bool vertical = lines == LINE_N || lines == LINE_S || lines == (LINE_N | LINE_S);
	bool horizontal = lines == LINE_E || lines == LINE_W || lines == (LINE_E | LINE_W);

	if (style & LINE_DOUBLE) {
		if (ascii)
			return horizontal ? '=' : '#';
		return double_lines[lines & 15];
	}
	if (ascii) {
		if (vertical)
			return style & LINE_DASHED ? ':' : '|';
		if (horizontal)
			return style & LINE_DASHED ? '.' : '-';
		return '+';
	}
	if (style & LINE_DASHED) {
		if (vertical)
			return 0x2506;	/* ┆ */
		if (horizontal)
			return 0x2504;	/* ┄ */
	}
	if (style & LINE_ROUND) {
		switch (lines) {
		case LINE_E | LINE_S: return 0x256D;	/* ╭ */
		case LINE_S | LINE_W: return 0x256E;	/* ╮ */
		case LINE_N | LINE_W: return 0x256F;	/* ╯ */
		case LINE_N | LINE_E: return 0x2570;	/* ╰ */
		default: break;
		}
	}
	return unicode_lines[lines & 15];
}

void
canvas_resolve(struct canvas *c)
{
	size_t n = (size_t)c->width * (size_t)c->height;

	for (size_t i = 0; i < n; i++) {
		struct cell *cell = &c->cells[i];

		if (cell->ch == 0 && cell->lines != 0)
			cell->ch = canvas_line_glyph(cell->lines, cell->style, c->ascii);
	}
}

uint32_t
canvas_glyph(const struct canvas *c, const struct cell *cell)
{
	if (cell->flags & CELL_TAIL)
		return 0;
	if (cell->ch == 0)
		return cell->lines != 0 ? canvas_line_glyph(cell->lines, cell->style, c->ascii) : ' ';
	return cell->ch;
}

void
canvas_copy(struct canvas *dst, const struct canvas *src)
{
	for (int y = 0; y < dst->height; y++) {
		struct cell *row = &dst->cells[(size_t)y * (size_t)dst->width];

		for (int x = 0; x < dst->width; x++) {
			const struct cell *s = canvas_cell(src, dst->x + x, dst->y + y);

			if (s != NULL)
				row[x] = *s;
		}
		if (dst->width == 0)
			continue;
		/* A wide character cut by an edge of dst: the half inside is blank. */
		if (row[0].flags & CELL_TAIL)
			row[0] = (struct cell){ ' ', row[0].fg, (uint8_t)(row[0].flags & ~CELL_TAIL), 0, 0 };
		if (!(row[dst->width - 1].flags & CELL_TAIL) && utf8_char_width(row[dst->width - 1].ch) == 2)
			row[dst->width - 1] = (struct cell){ ' ', row[dst->width - 1].fg, row[dst->width - 1].flags, 0, 0 };
	}
}

char *
canvas_to_text(const struct canvas *c, size_t *length)
{
	size_t cap = (size_t)c->height * ((size_t)c->width * 4 + 1) + 1, len = 0;
	char *out = xmalloc(cap);

	for (int y = 0; y < c->height; y++) {
		size_t line_end = len;

		for (int x = 0; x < c->width; x++) {
			const struct cell *cell = &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
			uint32_t ch = canvas_glyph(c, cell);

			if (ch == 0)
				continue;
			len += utf8_encode(ch, out + len);
			if (ch != ' ')
				line_end = len;
		}
		len = line_end;
		out[len++] = '\n';
	}
	out[len] = '\0';
	if (length != NULL)
		*length = len;
	return out;
}
