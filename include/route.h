/*
 * Orthogonal edge routing.
 *
 * A route leaves its source from a port (a cell on the border of the
 * source's box), runs in horizontal and vertical segments around every
 * box, and ends in the cell just outside the target's border, where the
 * arrowhead is drawn pointing into the target.  A replicated node's shadow
 * is not a border: the first and the last cell of a route may lie on it.  The search is A* over
 * (cell, heading) with a price on bends and on hugging boxes, confined to
 * a rectangle around the two ends so its cost depends on the edge, not on
 * the diagram.
 *
 * This file knows nothing of caches or screens: scene.c decides the
 * ports and the obstacles and keeps the results.
 */
#ifndef NAPKIN_ROUTE_H
#define NAPKIN_ROUTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "geometry.h"

/* Sides of a box, numbered like the directions leaving it (N E S W). */
enum side {
	SIDE_TOP, SIDE_RIGHT, SIDE_BOTTOM, SIDE_LEFT
};

struct point {
	int x, y;
};

struct route {
	/*
	 * Corners of the path: points[0] is the cell just outside the source's
	 * port, points[count - 1] the arrowhead's cell just outside the
	 * target.  Consecutive points share a row or a column.  Owned.
	 */
	struct point *points;
	size_t count;
	struct point source_port;	/* border cell of the source */
	struct point target_port;	/* border cell of the target */
	enum side source_side, target_side;
	struct box bounds;		/* every cell of the path */
	bool blocked;			/* no way round the boxes: drawn straight */
};

enum {
	ROUTE_BOX = 2,
	ROUTE_ALONG_X = 4,
	ROUTE_ALONG_Y = 8
};

struct route_request {
	struct box from, to;		/* footprints of source and target */
	enum side from_side, to_side;
	struct point from_port, to_port;	/* border cells, see route_port_slots */
	struct box area;		/* search inside this rectangle */
	/*
	 * An end has so many edges that minding them would cost seconds:
	 * route greedily round the boxes alone (see route.c).
	 */
	bool crowded;
	/*
	 * Mark the obstacles of area: map has area.width * area.height
	 * bytes, row by row, all 0; set ROUTE_BOX on the cells inside boxes,
	 * ROUTE_ALONG_X / ROUTE_ALONG_Y where other edges already run
	 * (crossing them is cheap, running along them dear).
	 */
	void (*obstacles)(void *context, struct box area, uint8_t *map);
	void *context;
};

struct router;

/* A router keeps its search buffers between calls; not thread-safe. */
struct router *router_new(void);
void router_free(struct router *r);

/*
 * Route one edge into *out (whose old points are freed).  Returns false,
 * and a straight, blocked route, when no path exists inside area; true
 * with such a route when a wider area would not help: the area is too
 * large to search, or a crowded edge's search ran out of budget.
 */
bool router_find(struct router *r, const struct route_request *request, struct route *out);
/*
 * The route drawn when there is no time to search: out of the source's
 * port, across and into the target's, through whatever is there (blocked
 * is set).  request's area and obstacles are not used.
 */
void router_straight(struct router *r, const struct route_request *request, struct route *out);
void route_free(struct route *route);

/*
 * Cut the straight segment a-b to the cells of v, keeping its direction;
 * false when none of it is in v.  A route may run thousands of cells past
 * the part of the plane a caller is drawing or marking.
 */
bool route_clip_segment(struct box v, struct point *a, struct point *b);
/* The cell one step from p in the direction of side. */
struct point point_step(struct point p, enum side side);
enum side side_opposite(enum side side);

/*
 * Which side of a box with footprint `from` faces a box with footprint
 * `to`: sides facing each other across the gap between them, preferring
 * the direction in which the gap is wider (cells are twice as tall as
 * wide, so rows count double).
 */
enum side route_facing_side(struct box from, struct box to);

/*
 * The border cells of n's box where edges may attach on side: not the
 * corners, not the kind tag in the top border (a replica's shadow is
 * drawn behind the edges, never attached to).  Writes at most max cells
 * to out (left to right or top to bottom); returns how many.
 */
int route_port_slots(const struct node *n, enum side side, struct point *out, int max);

#endif
