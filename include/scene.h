/*
 * What the whiteboard knows about a diagram beyond the model: where boxes
 * are (a bucket grid of footprints), which edges touch which node, and the
 * route of every edge, cached by edge uid.
 *
 * The scene never sets the diagram's observer itself: whoever owns the
 * diagram forwards each change to scene_note_change() (the whiteboard
 * from its observer).  A change invalidates only what it touches: the
 * edges of a moved node and of its neighbours (their ports shift), and the
 * edges whose routes run through or beside the node's old or new box (it
 * may now block them, or they went round it).  Routes are computed lazily, when
 * something asks for them, so a frame routes only what it shows.
 *
 * Ownership: the scene borrows the diagram, which must outlive it.
 * Arrays and routes returned stay valid until the next call into the
 * scene or the next change.
 */
#ifndef NAPKIN_SCENE_H
#define NAPKIN_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diagram.h"
#include "geometry.h"
#include "route.h"

struct scene;

/* Index every node and edge of d (routes come later, on demand). */
struct scene *scene_new(const struct diagram *d);
void scene_free(struct scene *s);
const struct diagram *scene_diagram(const struct scene *s);

/* Forward a diagram_observer notification. */
void scene_note_change(struct scene *s, enum diagram_change change, const void *object);

/* Nodes whose footprint meets area, in diagram order. */
size_t scene_nodes_in(struct scene *s, struct box area, const struct node *const **out);
/* Edges whose route may pass through area, in diagram order. */
size_t scene_edges_in(struct scene *s, struct box area, const struct edge *const **out);
/* The edges into and out of n, in the order they were added. */
size_t scene_edges_of(struct scene *s, const struct node *n, const struct edge *const **out);
/* The node whose footprint holds (x, y), or NULL. */
const struct node *scene_node_at(struct scene *s, int x, int y);
/*
 * True when no footprint other than ignore's meets b.  Callers keep a gap
 * by growing b first (the whiteboard keeps one free cell round each box).
 */
bool scene_area_free(struct scene *s, struct box b, const struct node *ignore);
/* The route of e, computed now if the cache has none (but see scene_route_budget). */
const struct route *scene_route(struct scene *s, const struct edge *e);
/*
 * Bound the routing of what follows to about seconds from now: past that,
 * scene_route hands out a straight, provisional route (not cached) rather
 * than search, and scene_routes_pending() says so, so the whiteboard can
 * draw again soon and route some more.  At least one route is computed
 * after each call however late it is, so drawing again and again always
 * ends with every route in.  Thousands of edges into one box cost seconds
 * to route; a frame must not.  0 lifts the bound (the default: the text
 * export routes everything).
 */
void scene_route_budget(struct scene *s, double seconds);
/* Whether a provisional route was handed out since the last scene_route_budget(). */
bool scene_routes_pending(const struct scene *s);
/* The cells g's members cover; false when it has none. */
bool scene_group_bounds(struct scene *s, const struct group *g, struct box *out);
/* The footprints of every node together; false for an empty diagram.  O(nodes). */
bool scene_bounds(const struct scene *s, struct box *out);
/* How many routes have been computed so far (tests check what a change costs). */
uint64_t scene_routes_computed(const struct scene *s);

/* The smallest box holding a and b. */
struct box box_union(struct box a, struct box b);
struct box box_grow(struct box b, int dx, int dy);
/* b without its part left of or above the plane's origin (nodes and routes live there). */
struct box box_clip_to_plane(struct box b);

#endif
