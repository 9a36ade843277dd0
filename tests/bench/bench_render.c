/*
 * make bench: the whiteboard's frame cost.  For diagrams of 100, 10,000
 * and 100,000 nodes (about two edges each), render a 200x50 screen in the
 * middle of the diagram headlessly: the first frame (routes computed),
 * later frames (routes cached), and an edit (move a node on screen, then
 * render again: only the edges it touches are rerouted).
 *
 * Then a keystroke with the critique on, at 1,000, 10,000 and 100,000
 * nodes: the critique_view brought up to date, then the frame with its
 * markers.
 *
 *   cursor  a key that changes nothing: the critique is not rerun
 *   edit    one more replica on a node on screen (and back): the critique
 *           reruns once, then the frame
 *   move    a node nudged a cell: the state moves but no rule reads
 *           positions, so the critique_view hashes instead of rerunning
 *
 * The critique's share of an edit is printed on its own; a frame at 60 Hz
 * is 16,667 us.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "canvas.h"
#include "critique_view.h"
#include "diagram.h"
#include "render.h"
#include "scene.h"
/* The generator the unit tests use, so both measure the same diagrams. */
#include "../unit/support_generate.c"

#define SCREEN_WIDTH 200
#define SCREEN_HEIGHT 50

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void
forward(void *context, enum diagram_change change, const void *object)
{
	scene_note_change(context, change, object);
}

static void
bench(size_t nodes)
{
	struct diagram *d = support_generate(nodes, 1);
	const struct node *middle = diagram_node(d, nodes / 2);
	struct scene *s;
	struct canvas screen;
	double t0, first, frame, edit, index;
	int frames = 200, edits = 200;
	uint64_t routed;

	t0 = now_us();
	s = scene_new(d);
	index = now_us() - t0;
	diagram_set_observer(d, forward, s);
	canvas_init(&screen, middle->x - SCREEN_WIDTH / 2, middle->y - SCREEN_HEIGHT / 2,
	    SCREEN_WIDTH, SCREEN_HEIGHT, false);
	if (screen.x < 0)
		screen.x = 0;
	if (screen.y < 0)
		screen.y = 0;
	t0 = now_us();
	render_view(s, &screen, NULL);
	first = now_us() - t0;
	t0 = now_us();
	for (int i = 0; i < frames; i++)
		render_view(s, &screen, NULL);
	frame = (now_us() - t0) / frames;
	routed = scene_routes_computed(s);
	t0 = now_us();
	for (int i = 0; i < edits; i++) {
		/* Nudge right and back: the box stays clear of its neighbours. */
		diagram_move_node(d, middle, middle->x + (i % 2 == 0 ? 1 : -1), middle->y, NULL);
		render_view(s, &screen, NULL);
	}
	edit = (now_us() - t0) / edits;
	printf("  %7zu nodes %7zu edges: index %9.0f us, first frame %8.0f us, frame %6.0f us, "
	    "edit+frame %6.0f us (%.1f routes per edit)\n", diagram_node_count(d), diagram_edge_count(d),
	    index, first, frame, edit, (double)(scene_routes_computed(s) - routed) / edits);
	diagram_set_observer(d, NULL, NULL);
	canvas_free(&screen);
	scene_free(s);
	diagram_free(d);
}

/* One keystroke's work after the key was handled: update, then draw. */
static void
frame(struct critique_view *v, struct scene *s, struct canvas *screen)
{
	struct render_marks marks = { 0 };

	critique_view_update(v, scene_diagram(s));
	critique_view_marks(v, &marks);
	render_view(s, screen, &marks);
}

static void
bench_keystroke(size_t nodes)
{
	struct diagram *d = support_generate(nodes, 1);
	const struct node *middle = diagram_node(d, nodes / 2);
	struct scene *s = scene_new(d);
	struct critique_view *v = critique_view_new();
	struct canvas screen;
	int keys = nodes > 10000 ? 20 : 200;
	double t0, cursor, edit, move, critique = 0;
	uint64_t runs, cursor_runs, move_runs;

	diagram_set_observer(d, forward, s);
	canvas_init(&screen, middle->x > SCREEN_WIDTH / 2 ? middle->x - SCREEN_WIDTH / 2 : 0,
	    middle->y > SCREEN_HEIGHT / 2 ? middle->y - SCREEN_HEIGHT / 2 : 0, SCREEN_WIDTH, SCREEN_HEIGHT, false);
	frame(v, s, &screen);		/* routes and the first critique */

	t0 = now_us();
	for (int i = 0; i < keys; i++)
		frame(v, s, &screen);
	cursor = (now_us() - t0) / keys;
	cursor_runs = critique_view_runs(v) - 1;

	t0 = now_us();
	for (int i = 0; i < keys; i++) {
		double c0;

		diagram_set_node_replicas(d, middle, middle->replicas == 1 ? 2 : 1, NULL);
		c0 = now_us();
		critique_view_update(v, d);
		critique += now_us() - c0;
		frame(v, s, &screen);
	}
	edit = (now_us() - t0) / keys;
	critique /= keys;
	runs = critique_view_runs(v);

	t0 = now_us();
	for (int i = 0; i < keys; i++) {
		diagram_move_node(d, middle, middle->x + (i % 2 == 0 ? 1 : -1), middle->y, NULL);
		frame(v, s, &screen);
	}
	move = (now_us() - t0) / keys;
	move_runs = critique_view_runs(v) - runs;
	printf("  %7zu nodes %7zu edges: cursor %5.0f us (%llu reruns), edit %7.0f us (critique %7.0f us), "
	    "move %5.0f us (%llu reruns)\n", diagram_node_count(d), diagram_edge_count(d), cursor,
	    (unsigned long long)cursor_runs, edit, critique, move, (unsigned long long)move_runs);
	diagram_set_observer(d, NULL, NULL);
	critique_view_free(v);
	canvas_free(&screen);
	scene_free(s);
	diagram_free(d);
}

int
main(int argc, char **argv)
{
	size_t sizes[] = { 100, 10000, 100000 }, keystroke_sizes[] = { 1000, 10000, 100000 };

	(void)argv;
	printf("render: a %dx%d screen in the middle of the diagram\n", SCREEN_WIDTH, SCREEN_HEIGHT);
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && (argc < 2 || i < 2); i++)
		bench(sizes[i]);
	printf("keystroke with the critique on, the same screen\n");
	for (size_t i = 0; i < sizeof keystroke_sizes / sizeof keystroke_sizes[0] && (argc < 2 || i < 2); i++)
		bench_keystroke(keystroke_sizes[i]);
	return 0;
}
