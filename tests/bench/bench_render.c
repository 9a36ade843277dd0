/*
 * make bench: the whiteboard's frame cost.  For diagrams of 100, 10,000
 * and 100,000 nodes (about two edges each), render a 200x50 screen in the
 * middle of the diagram headlessly: the first frame (routes computed),
 * later frames (routes cached), and an edit (move a node on screen, then
 * render again: only the edges it touches are rerouted).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "canvas.h"
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

int
main(int argc, char **argv)
{
	size_t sizes[] = { 100, 10000, 100000 };

	(void)argv;
	printf("render: a %dx%d screen in the middle of the diagram\n", SCREEN_WIDTH, SCREEN_HEIGHT);
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && (argc < 2 || i < 2); i++)
		bench(sizes[i]);
	return 0;
}
