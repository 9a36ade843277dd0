/*
 * The cell grid everything draws into: a rectangle of the (unbounded)
 * diagram plane, each cell a code point plus attributes.  The renderer
 * fills it, the whiteboard copies it to the terminal, tests and the text
 * export read it as text: one picture, three users.
 *
 * Lines are stored as direction bits, not glyphs, so two lines meeting in
 * a cell join (a bend, a tee, a crossing); canvas_resolve() turns the bits
 * into box-drawing characters, or ASCII, once everything is drawn.
 */
#ifndef NAPKIN_CANVAS_H
#define NAPKIN_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "geometry.h"
#include "kind.h"

/* Line directions out of a cell's centre. */
enum {
	LINE_N = 1, LINE_E = 2, LINE_S = 4, LINE_W = 8
};

/* How a cell's lines are drawn. */
enum {
	LINE_DASHED = 1,	/* async edges, and boxes that are down */
	LINE_ROUND = 2,		/* rounded corners (edges turn, boxes do not) */
	/*
	 * The selected box: double lines (# and = in ASCII).  A tee in a
	 * double border keeps its stem single: that is the edge leaving it.
	 */
	LINE_DOUBLE = 4
};

enum {
	CELL_BOLD = 1,
	CELL_DIM = 2,
	CELL_REVERSE = 4,	/* the selection: visible without colour */
	CELL_UNDERLINE = 8,
	CELL_TAIL = 16,		/* right half of a double-width character */
	CELL_MARK = 32		/* highlighted (connect target, search hit) */
};

struct cell {
	uint32_t ch;		/* code point; 0: draw the lines (or blank) */
	uint8_t fg;		/* enum napkin_colour */
	uint8_t flags;		/* CELL_* */
	uint8_t lines;		/* LINE_N | LINE_E | ... */
	uint8_t style;		/* LINE_DASHED | LINE_ROUND */
};

struct canvas {
	int x, y;		/* plane coordinates of cells[0] */
	int width, height;
	bool ascii;		/* resolve lines and symbols to ASCII */
	struct cell *cells;	/* width * height, row by row; owned */
};

/* Set c up to cover width x height cells at (x, y), all blank. */
void canvas_init(struct canvas *c, int x, int y, int width, int height, bool ascii);
void canvas_free(struct canvas *c);
void canvas_clear(struct canvas *c);
struct box canvas_area(const struct canvas *c);
/* The cell at plane coordinates (x, y), or NULL outside the canvas. */
struct cell *canvas_at(struct canvas *c, int x, int y);
const struct cell *canvas_cell(const struct canvas *c, int x, int y);

/* Put one character; ch must not be a control character. */
void canvas_put(struct canvas *c, int x, int y, uint32_t ch, int fg, int flags);
/*
 * Write the UTF-8 string s from (x, y) in at most columns columns, cutting
 * it with "…" ("~" in ASCII) when it is longer; control characters become
 * U+FFFD ("?") so nothing from a file can reach the terminal raw.  Returns
 * the columns used.
 */
int canvas_text(struct canvas *c, int x, int y, const char *s, int columns, int fg, int flags);
/* Columns canvas_text would use for s within columns. */
int canvas_text_width(const char *s, int columns);
/* Add line directions to a cell (they join with what is there). */
void canvas_line(struct canvas *c, int x, int y, int lines, int style, int fg, int flags);
/* Set flags on every cell of b (e.g. reverse video for the selection). */
void canvas_flag_box(struct canvas *c, struct box b, int flags);
/* Blank every cell of b. */
void canvas_fill(struct canvas *c, struct box b, int fg, int flags);
/* The character for lines in a cell (LINE_* bits, LINE_DASHED etc.). */
uint32_t canvas_line_glyph(int lines, int style, bool ascii);
/* Turn line bits into characters; call once after drawing. */
void canvas_resolve(struct canvas *c);
/* The character a resolved cell shows (space for blank cells). */
uint32_t canvas_glyph(const struct canvas *c, const struct cell *cell);
/* Copy the cells of src that fall inside dst. */
void canvas_copy(struct canvas *dst, const struct canvas *src);
/*
 * The resolved canvas as UTF-8 text, one line per row, trailing blanks
 * cut, each line ending in "\n".  The caller frees it.
 */
char *canvas_to_text(const struct canvas *c, size_t *length);

#endif
