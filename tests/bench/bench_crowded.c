/*
 * make bench: one node with thousands of edges (issue 7's "thousands of
 * edges on one node").  Two shapes, 1,000 and 5,000 edges each: a hub
 * service that every caller calls (all edges in), and a dispatcher that
 * calls every worker (all edges out); the other ends on a square grid
 * round it.  A 200x50 screen on the crowded node, as the whiteboard
 * draws it: each frame routes for at most ROUTE_SECONDS (the whiteboard's
 * TUI_ROUTE_SECONDS) and draws what is left straight, to be routed by the
 * frames that follow.
 *
 *   open      load the JSON, index the scene, the first frame
 *   settle    the frames until every route on screen is in, and their time
 *   frame     a frame with every route cached (a cursor key)
 *   rename    a new label of the same width on the crowded node, with the
 *             critique brought up to date, and the frame
 *   move      the crowded node nudged a cell (every edge of it rerouted):
 *             the keystroke's frame, then the frames until it settles
 *   export    napkin export FILE.txt's work: the whole board, every route
 *   straight  routes of the settled screen drawn straight (no way round
 *             found within the search's budget)
 *
 * Speed is printed, never judged; a frame at 60 Hz is 16.7 ms.
 */
#include <stdio.h>
#include <stdlib.h>

#include "canvas.h"
#include "critique_view.h"
#include "diagram_json.h"
#include "render.h"
#include "scene.h"
/* The generator the unit tests use, so both measure the same diagrams (before bench_support.h: its seed). */
#include "../unit/support_generate.c"
#include "bench_support.h"

#define SCREEN_WIDTH 200
#define SCREEN_HEIGHT 50
#define ROUTE_SECONDS 0.04	/* the whiteboard's TUI_ROUTE_SECONDS */

static void
forward(void *context, enum diagram_change change, const void *object)
{
	scene_note_change(context, change, object);
}

/* support_crowded's diagram as JSON, so that opening it includes the load. */
static char *
crowded_json(size_t n, bool inward, size_t *len)
{
	struct diagram *d = support_crowded(n, inward);
	char *json = diagram_to_json(d, len);

	diagram_free(d);
	return json;
}

/* One keystroke's frame in the whiteboard: the critique brought up to date, a budgeted render. */
static bool
frame(struct critique_view *v, struct scene *s, struct canvas *screen)
{
	struct render_marks marks = { 0 };

	critique_view_update(v, scene_diagram(s));
	critique_view_marks(v, &marks);
	scene_route_budget(s, ROUTE_SECONDS);
	render_view(s, screen, &marks);
	return scene_routes_pending(s);
}

/* Frames until no provisional route is left; their count and time into *frames and *ms. */
static void
settle(struct critique_view *v, struct scene *s, struct canvas *screen, int *frames, double *ms)
{
	double t0 = now();

	*frames = 0;
	do
		++*frames;
	while (frame(v, s, screen));
	*ms = (now() - t0) * 1e3;
}

static size_t
straight_routes(struct scene *s, struct box area)
{
	const struct edge *const *found;
	size_t count = scene_edges_in(s, area, &found), straight = 0;
	const struct edge **edges = malloc((count + 1) * sizeof *edges);

	for (size_t i = 0; i < count; i++)
		edges[i] = found[i];
	for (size_t i = 0; i < count; i++)
		straight += scene_route(s, edges[i])->blocked;
	free(edges);
	return straight;
}

static void
bench(size_t n, bool inward)
{
	size_t len, text_len;
	char *json = crowded_json(n, inward, &len), *text;
	struct error_list errors = { 0 };
	struct critique_view *v = critique_view_new();
	double t0, open, first, frame_ms, rename, move, settle_ms, move_settle_ms, export_ms;
	int frames, move_frames, keys = 20;
	struct diagram *d;
	const struct node *hub;
	struct scene *s;
	struct canvas screen;

	t0 = now();
	d = diagram_load_buffer("crowded.json", json, len, &errors);
	free(json);
	if (d == NULL) {
		error_list_print(&errors, stderr);
		exit(1);
	}
	hub = diagram_find_node(d, "hub");
	s = scene_new(d);
	diagram_set_observer(d, forward, s);
	canvas_init(&screen, hub->x - SCREEN_WIDTH / 2, hub->y - SCREEN_HEIGHT / 2, SCREEN_WIDTH, SCREEN_HEIGHT,
	    false);
	first = now();
	frame(v, s, &screen);
	open = (now() - t0) * 1e3;
	first = (now() - first) * 1e3;
	settle(v, s, &screen, &frames, &settle_ms);
	frames++;	/* the first */

	t0 = now();
	for (int i = 0; i < keys; i++)
		frame(v, s, &screen);
	frame_ms = (now() - t0) * 1e3 / keys;

	t0 = now();
	for (int i = 0; i < keys; i++) {
		diagram_set_node_label(d, hub, i % 2 == 0 ? "Bub" : "Hub", NULL);
		frame(v, s, &screen);
	}
	rename = (now() - t0) * 1e3 / keys;

	t0 = now();
	diagram_move_node(d, hub, hub->x + 1, hub->y, NULL);
	frame(v, s, &screen);
	move = (now() - t0) * 1e3;
	settle(v, s, &screen, &move_frames, &move_settle_ms);

	printf("  %5zu edges %s: open %6.1f ms (first frame %5.1f), settled in %3d frames %7.1f ms; "
	    "frame %5.2f ms, rename %5.2f ms, move %5.1f ms + %3d frames %6.1f ms; %zu of the screen's routes straight\n",
	    n, inward ? "in " : "out", open, first, frames, settle_ms, frame_ms, rename, move, move_frames,
	    move_settle_ms, straight_routes(s, canvas_area(&screen)));

	t0 = now();
	text = render_text(d, false, &text_len);
	export_ms = (now() - t0) * 1e3;
	printf("  %5zu edges %s: export .txt %7.1f ms (%zu bytes)\n", n, inward ? "in " : "out", export_ms,
	    text_len);
	free(text);
	diagram_set_observer(d, NULL, NULL);
	critique_view_free(v);
	canvas_free(&screen);
	scene_free(s);
	diagram_free(d);
}

int
main(void)
{
	printf("crowded: one node with thousands of edges, a %dx%d screen on it, %.0f ms of routing a frame\n",
	    SCREEN_WIDTH, SCREEN_HEIGHT, ROUTE_SECONDS * 1e3);
	for (size_t n = 1000; n <= 5000; n += 4000) {
		bench(n, true);
		bench(n, false);
	}
	return 0;
}
