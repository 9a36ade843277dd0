/*
 * The renderer: golden pictures of small diagrams (tests/data/render/NAME.json
 * drawn to NAME.txt and NAME.ascii.txt; run with NAPKIN_REGENERATE=1 to
 * rewrite them after a deliberate change, then read the diff), and the
 * promise that a screen shows exactly its part of the whole picture.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "diagram_json.h"
#include "render.h"
#include "scene.h"
#include "support.h"
#include "utf8.h"

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)len + 1);
	if (fread(buf, 1, (size_t)len, f) != (size_t)len)
		len = 0;
	buf[len] = '\0';
	fclose(f);
	return buf;
}

static void
check_golden(const char *dir, const char *name, bool ascii)
{
	char json[512], golden[512];
	struct error_list errors = { 0 };
	struct diagram *d;
	char *text, *want;

	snprintf(json, sizeof json, "%s/%s.json", dir, name);
	snprintf(golden, sizeof golden, "%s/%s%s.txt", dir, name, ascii ? ".ascii" : "");
	d = diagram_load_file(json, &errors);
	if (d == NULL)
		error_list_print(&errors, stderr);
	assert_non_null(d);
	text = render_text(d, ascii, NULL);
	if (getenv("NAPKIN_REGENERATE") != NULL) {
		FILE *f = fopen(golden, "w");

		assert_non_null(f);
		fputs(text, f);
		fclose(f);
	}
	want = read_all(golden);
	if (want == NULL)
		fail_msg("%s is missing: run with NAPKIN_REGENERATE=1", golden);
	if (strcmp(text, want) != 0) {
		fprintf(stderr, "%s differs; drawn:\n%s", golden, text);
		fail();
	}
	if (ascii) {
		for (const char *p = text; *p != '\0'; p++)
			assert_true((*p >= 0x20 && *p < 0x7f) || *p == '\n');
	}
	free(want);
	free(text);
	diagram_free(d);
}

static void
test_goldens(void **state)
{
	const char *root = getenv("NAPKIN_ROOT");
	char dir[512];
	DIR *dp;
	struct dirent *entry;
	int seen = 0;

	(void)state;
	snprintf(dir, sizeof dir, "%s/tests/data/render", root != NULL ? root : ".");
	dp = opendir(dir);
	assert_non_null(dp);
	while ((entry = readdir(dp)) != NULL) {
		size_t len = strlen(entry->d_name);
		char name[256];

		if (len < 6 || len >= sizeof name || strcmp(entry->d_name + len - 5, ".json") != 0)
			continue;
		memcpy(name, entry->d_name, len - 5);
		name[len - 5] = '\0';
		check_golden(dir, name, false);
		check_golden(dir, name, true);
		seen++;
	}
	closedir(dp);
	assert_true(seen >= 3);
}

static void
test_view_is_part_of_whole(void **state)
{
	struct diagram *d = support_generate(60, 11);
	struct scene *whole_scene = scene_new(d);
	struct canvas whole, view;

	(void)state;
	canvas_init(&whole, 0, 0, 260, 120, false);
	render_view(whole_scene, &whole, NULL);
	/* Screens at awkward offsets, with the routes the whole picture made. */
	for (int oy = 3; oy < 80; oy += 17) {
		for (int ox = 5; ox < 160; ox += 41) {
			canvas_init(&view, ox, oy, 80, 24, false);
			render_view(whole_scene, &view, NULL);
			for (int y = oy; y < oy + 24; y++) {
				for (int x = ox; x < ox + 80; x++) {
					uint32_t a = canvas_glyph(&whole, canvas_cell(&whole, x, y));
					uint32_t b = canvas_glyph(&view, canvas_cell(&view, x, y));

					if (a != b)
						fail_msg("cell %d,%d: whole U+%04X, view at %d,%d U+%04X", x, y, a, ox, oy, b);
				}
			}
			canvas_free(&view);
		}
	}
	canvas_free(&whole);
	scene_free(whole_scene);
	diagram_free(d);
}

/* The selection: a double border and the tag in reverse video; the label stays plain. */
static void
test_selection_double_border(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *a = diagram_add_node(d, "a", KIND_DB, "orders", 2, 2, NULL);
	struct scene *s = scene_new(d);
	struct render_marks marks = { .selected_node = a };
	struct canvas c;

	(void)state;
	canvas_init(&c, 0, 0, 40, 10, false);
	render_view(s, &c, &marks);
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 2, 2)), 0x2554);	/* ╔ */
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 2, 3)), 0x2551);	/* ║ */
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 7, 5)), 0x2550);	/* ═ */
	assert_true(canvas_cell(&c, 4, 2)->flags & CELL_REVERSE);	/* D of [DB] */
	assert_false(canvas_cell(&c, 4, 3)->flags & CELL_REVERSE);	/* the label */
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 3, 2)), '[');
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 4, 2)), 'D');
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 4, 3)), 'o');
	canvas_free(&c);
	/* In ASCII: # and =. */
	canvas_init(&c, 0, 0, 40, 10, true);
	render_view(s, &c, &marks);
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 2, 2)), '#');
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 2, 3)), '#');
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 7, 5)), '=');
	canvas_free(&c);
	/* Not selected: single lines. */
	canvas_init(&c, 0, 0, 40, 10, false);
	render_view(s, &c, NULL);
	assert_int_equal(canvas_glyph(&c, canvas_cell(&c, 2, 2)), 0x250C);	/* ┌ */
	assert_false(canvas_cell(&c, 4, 2)->flags & CELL_REVERSE);
	canvas_free(&c);
	scene_free(s);
	diagram_free(d);
}

/* Three boxes: api at (2, 2) calling db at (30, 2), and a cache at (2, 12) alone. */
struct trio {
	struct diagram *d;
	const struct node *api, *db, *cache;
	const struct edge *call;
	struct scene *s;
	const struct route *r;		/* of the call */
	struct canvas c;
};

static void
trio_draw(struct trio *t, int api_replicas, const struct render_marks *marks, bool ascii)
{
	t->d = diagram_new();
	t->api = diagram_add_node(t->d, "api", KIND_SERVICE, "api", 2, 2, NULL);
	t->db = diagram_add_node(t->d, "db", KIND_DB, "db", 30, 2, NULL);
	t->cache = diagram_add_node(t->d, "cache", KIND_CACHE, "cache", 2, 12, NULL);
	assert_true(diagram_set_node_replicas(t->d, t->api, api_replicas, NULL));
	t->call = diagram_connect(t->d, t->api, t->db, "", EDGE_SYNC, NULL);
	t->s = scene_new(t->d);
	t->r = scene_route(t->s, t->call);
	canvas_init(&t->c, 0, 0, 60, 20, ascii);
	render_view(t->s, &t->c, marks);
}

static void
trio_free(struct trio *t)
{
	canvas_free(&t->c);
	scene_free(t->s);
	diagram_free(t->d);
}

static uint32_t
glyph(const struct trio *t, int x, int y)
{
	return canvas_glyph(&t->c, canvas_cell(&t->c, x, y));
}

static int
flags(const struct trio *t, int x, int y)
{
	return canvas_cell(&t->c, x, y)->flags;
}

/* An edge leaving a selected box keeps a single stem in its double border. */
static void
test_selected_tee(void **state)
{
	struct trio t;
	struct render_marks marks = { 0 };

	(void)state;
	trio_draw(&t, 1, NULL, false);
	marks.selected_node = t.api;
	render_view(t.s, &t.c, &marks);
	assert_int_equal(glyph(&t, t.r->source_port.x, t.r->source_port.y), 0x255F);	/* ╟ */
	trio_free(&t);
}

static unsigned
state_from_array(const void *context, const struct node *n)
{
	return ((const unsigned *)context)[n->index];
}

/* Finding markers in the top-right corner, distinct without colour. */
static void
test_markers(void **state)
{
	unsigned states[3] = { RENDER_NODE_ERROR, RENDER_NODE_WARNING, 0 };
	struct render_marks marks = { .node_state = state_from_array, .context = states };
	struct trio t;
	struct box ba, bb, be;

	(void)state;
	for (int ascii = 0; ascii <= 1; ascii++) {
		trio_draw(&t, 1, &marks, ascii);
		ba = node_box(t.api);
		bb = node_box(t.db);
		be = node_box(t.cache);
		assert_int_equal(glyph(&t, ba.x + ba.width - 1, ba.y), ascii ? 'X' : 0x2716);	/* ✖ */
		assert_int_equal(canvas_cell(&t.c, ba.x + ba.width - 1, ba.y)->fg, COLOUR_RED);
		assert_int_equal(glyph(&t, bb.x + bb.width - 1, bb.y), '!');
		assert_int_equal(glyph(&t, be.x + be.width - 1, be.y), ascii ? '+' : 0x2510);	/* ┐ */
		trio_free(&t);
	}
}

/* A failure: boxes that are down are dashed and dim, and so are their edges. */
static void
test_down_nodes(void **state)
{
	unsigned states[3] = { RENDER_NODE_FAILED, RENDER_NODE_DOWN, 0 };
	struct render_marks marks = { .node_state = state_from_array, .context = states };
	struct trio t;
	struct box ba, bb, be;

	(void)state;
	trio_draw(&t, 1, &marks, false);
	ba = node_box(t.api);
	bb = node_box(t.db);
	be = node_box(t.cache);
	assert_int_equal(glyph(&t, ba.x + 5, ba.y + ba.height - 1), 0x2504);	/* ┄ */
	assert_int_equal(canvas_cell(&t.c, ba.x + 5, ba.y + ba.height - 1)->fg, COLOUR_RED);
	assert_int_equal(glyph(&t, bb.x, bb.y + 1), 0x2506);	/* ┆ */
	assert_true(flags(&t, bb.x + 2, bb.y + 1) & CELL_DIM);
	assert_int_equal(glyph(&t, be.x, be.y + 1), 0x2502);	/* │ */
	assert_false(flags(&t, be.x + 2, be.y + 1) & CELL_DIM);
	assert_true(flags(&t, t.r->points[0].x, t.r->points[0].y) & CELL_DIM);
	trio_free(&t);
}

/* A finding on show: its boxes' borders and its edges marked, the insides not. */
static void
test_highlights(void **state)
{
	struct render_marks marks = { 0 };
	const struct node *nodes[1];
	const struct edge *edges[1];
	struct trio t;
	struct box ba, bb;

	(void)state;
	trio_draw(&t, 1, NULL, false);
	nodes[0] = t.db;
	edges[0] = t.call;
	marks.highlight_nodes = nodes;
	marks.highlight_node_count = 1;
	marks.highlight_edges = edges;
	marks.highlight_edge_count = 1;
	render_view(t.s, &t.c, &marks);
	ba = node_box(t.api);
	bb = node_box(t.db);
	assert_true(flags(&t, bb.x, bb.y + 1) & CELL_MARK);
	assert_true(flags(&t, bb.x + 3, bb.y) & CELL_MARK);
	assert_false(flags(&t, bb.x + 2, bb.y + 1) & CELL_MARK);
	assert_false(flags(&t, ba.x, ba.y + 1) & CELL_MARK);
	assert_true(flags(&t, t.r->points[0].x, t.r->points[0].y) & CELL_MARK);
	trio_free(&t);
}

/* A replicated box: edges leave the box itself and the shadow sits behind them. */
static void
test_shadow_behind_edges(void **state)
{
	struct trio t;
	struct box ba;

	(void)state;
	trio_draw(&t, 3, NULL, false);
	ba = node_box(t.api);
	assert_int_equal(t.r->source_side, SIDE_RIGHT);
	assert_int_equal(t.r->source_port.x, ba.x + ba.width - 1);
	assert_int_equal(glyph(&t, t.r->source_port.x, t.r->source_port.y), 0x251C);	/* ├ */
	/* The shadow's column: the edge's line where it crosses, the shadow elsewhere. */
	assert_int_equal(glyph(&t, t.r->points[0].x, t.r->points[0].y), 0x2500);	/* ─ */
	assert_int_equal(glyph(&t, ba.x + ba.width, ba.y + 3), 0x2502);	/* │ */
	trio_free(&t);
}

static void
test_empty_diagram_text(void **state)
{
	struct diagram *d = diagram_new();
	size_t len = 99;
	char *t = render_text(d, false, &len);

	(void)state;
	assert_string_equal(t, "");
	assert_int_equal(len, 0);
	free(t);
	diagram_free(d);
}

/* Boxes far apart would need a grid of terabytes: NULL instead, up to the cap. */
static void
test_too_large_text(void **state)
{
	struct diagram *d = diagram_new();
	const struct node *far;
	char *t;

	(void)state;
	diagram_add_node(d, "a", KIND_CLIENT, "a", 0, 0, NULL);
	far = diagram_add_node(d, "b", KIND_DB, "b", 1000000, 1000000, NULL);
	assert_null(render_text(d, false, NULL));
	/* 4,000 x 2,000 cells is under the cap and drawn. */
	assert_true(diagram_move_node(d, far, 4000, 2000, NULL));
	t = render_text(d, false, NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "[DB]"));
	free(t);
	diagram_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_goldens),
		cmocka_unit_test(test_view_is_part_of_whole),
		cmocka_unit_test(test_selection_double_border),
		cmocka_unit_test(test_selected_tee),
		cmocka_unit_test(test_markers),
		cmocka_unit_test(test_down_nodes),
		cmocka_unit_test(test_highlights),
		cmocka_unit_test(test_shadow_behind_edges),
		cmocka_unit_test(test_empty_diagram_text),
		cmocka_unit_test(test_too_large_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
