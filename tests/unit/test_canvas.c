/* The cell grid: joining lines, cutting text, wide characters, ASCII. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "canvas.h"

static char *
text_of(struct canvas *c)
{
	canvas_resolve(c);
	return canvas_to_text(c, NULL);
}

static void
test_lines_join(void **state)
{
	struct canvas c;
	char *t;

	(void)state;
	canvas_init(&c, 10, 20, 5, 3, false);
	for (int x = 10; x < 15; x++)
		canvas_line(&c, x, 21, LINE_E | LINE_W, 0, 0, 0);
	for (int y = 20; y < 23; y++)
		canvas_line(&c, 12, y, LINE_N | LINE_S, 0, 0, 0);
	canvas_line(&c, 14, 22, LINE_N, 0, 0, 0);
	canvas_line(&c, 14, 21, LINE_S, 0, 0, 0);
	t = text_of(&c);
	assert_string_equal(t, "  \xe2\x94\x82\n\xe2\x94\x80\xe2\x94\x80\xe2\x94\xbc\xe2\x94\x80\xe2\x94\xac\n  \xe2\x94\x82 \xe2\x94\x82\n");
	free(t);
	/* Outside the canvas nothing happens. */
	canvas_line(&c, 0, 0, LINE_N, 0, 0, 0);
	assert_null(canvas_at(&c, 15, 21));
	canvas_free(&c);
}

static void
test_ascii_and_dashes(void **state)
{
	struct canvas c;
	char *t;

	(void)state;
	canvas_init(&c, 0, 0, 4, 2, true);
	canvas_line(&c, 0, 0, LINE_E, LINE_DASHED, 0, 0);
	canvas_line(&c, 1, 0, LINE_W | LINE_S, LINE_DASHED | LINE_ROUND, 0, 0);
	canvas_line(&c, 1, 1, LINE_N, LINE_DASHED, 0, 0);
	canvas_line(&c, 3, 0, LINE_E | LINE_W, 0, 0, 0);
	t = text_of(&c);
	assert_string_equal(t, ".+ -\n :\n");
	free(t);
	canvas_free(&c);
}

static void
test_text_cut_and_wide(void **state)
{
	struct canvas c;
	char *t;

	(void)state;
	canvas_init(&c, 0, 0, 8, 2, false);
	assert_int_equal(canvas_text(&c, 0, 0, "abcdefghij", 6, 0, 0), 6);
	/* Two double-width characters take four columns. */
	assert_int_equal(canvas_text(&c, 0, 1, "\xe6\x89\x8b\xe6\x9c\xba", 8, 0, 0), 4);
	t = text_of(&c);
	assert_string_equal(t, "abcde\xe2\x80\xa6\n\xe6\x89\x8b\xe6\x9c\xba\n");
	free(t);
	canvas_free(&c);
	/* ASCII canvases never hold anything else; controls never pass. */
	canvas_init(&c, 0, 0, 8, 1, true);
	canvas_text(&c, 0, 0, "a\xc3\xa9\x1b[", 8, 0, 0);	/* é, ESC */
	t = text_of(&c);
	assert_string_equal(t, "a??[\n");
	free(t);
	canvas_free(&c);
	/* Nor C1 controls or the line and paragraph separators, in Unicode. */
	canvas_init(&c, 0, 0, 8, 1, false);
	canvas_text(&c, 0, 0, "a\xc2\x9b" "b\xe2\x80\xa8" "c\xe2\x80\xa9", 8, 0, 0);
	t = text_of(&c);
	assert_string_equal(t, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd\n");
	free(t);
	canvas_free(&c);
}

/* The double lines of the selected box: a single stem where an edge leaves it. */
static void
test_double_lines(void **state)
{
	(void)state;
	assert_int_equal(canvas_line_glyph(LINE_E | LINE_S, LINE_DOUBLE, false), 0x2554);	/* ╔ */
	assert_int_equal(canvas_line_glyph(LINE_N | LINE_S, LINE_DOUBLE, false), 0x2551);	/* ║ */
	assert_int_equal(canvas_line_glyph(LINE_N | LINE_S | LINE_E, LINE_DOUBLE, false), 0x255F);	/* ╟ */
	assert_int_equal(canvas_line_glyph(LINE_E | LINE_W | LINE_S, LINE_DOUBLE, false), 0x2564);	/* ╤ */
	assert_int_equal(canvas_line_glyph(LINE_E | LINE_W | LINE_N, LINE_DOUBLE, false), 0x2567);	/* ╧ */
	assert_int_equal(canvas_line_glyph(LINE_N | LINE_S | LINE_W, LINE_DOUBLE, false), 0x2562);	/* ╢ */
	assert_int_equal(canvas_line_glyph(LINE_E | LINE_W, LINE_DOUBLE | LINE_DASHED, false), 0x2550);	/* ═ */
	assert_int_equal(canvas_line_glyph(LINE_E | LINE_W, LINE_DOUBLE, true), '=');
	assert_int_equal(canvas_line_glyph(LINE_N | LINE_S, LINE_DOUBLE, true), '#');
	assert_int_equal(canvas_line_glyph(LINE_E | LINE_S, LINE_DOUBLE, true), '#');
}

/*
 * A wide character never loses half of itself: a line or a character
 * drawn over either half blanks the other, and a copy that cuts one at
 * its edge keeps a blank, so every row stays as wide as the canvas.
 */
static void
test_wide_halves_stay_paired(void **state)
{
	struct canvas c, view;
	char *t;

	(void)state;
	canvas_init(&c, 0, 0, 8, 3, false);
	/* 漢字漢字: a line down the tail of the first, a character on the head of the third. */
	assert_int_equal(canvas_text(&c, 0, 0, "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97", 8, 0, 0), 8);
	canvas_line(&c, 1, 0, LINE_N | LINE_S, 0, 0, 0);
	canvas_put(&c, 4, 0, 'x', 0, 0);
	/* A line over the head, then a character on the tail, of 字 in row 1. */
	canvas_text(&c, 0, 1, "ab\xe5\xad\x97" "cd\xe5\xad\x97", 8, 0, 0);
	canvas_line(&c, 2, 1, LINE_E | LINE_W, 0, 0, 0);
	canvas_put(&c, 7, 1, 'y', 0, 0);
	t = text_of(&c);
	assert_string_equal(t, " \xe2\x94\x82\xe5\xad\x97x \xe5\xad\x97\n"
	    "ab\xe2\x94\x80 cd y\n\n");
	free(t);
	/* A view whose edges cut 漢 (left) and 字 (right) in two. */
	canvas_clear(&c);
	canvas_text(&c, 0, 2, "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97", 8, 0, 0);
	canvas_init(&view, 1, 2, 6, 1, false);
	canvas_copy(&view, &c);
	t = canvas_to_text(&view, NULL);
	assert_string_equal(t, " \xe5\xad\x97\xe6\xbc\xa2\n");
	free(t);
	canvas_free(&view);
	canvas_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_join),
		cmocka_unit_test(test_ascii_and_dashes),
		cmocka_unit_test(test_text_cut_and_wide),
		cmocka_unit_test(test_double_lines),
		cmocka_unit_test(test_wide_halves_stay_paired),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
