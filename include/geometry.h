/*
 * Where a node's box sits on the grid.  The whiteboard draws boxes this
 * size, the router avoids them, auto-arrange and import place them so they
 * never overlap: one definition, shared by all.
 *
 * A box is BOX_HEIGHT rows: the top border (carrying the kind's tag), the
 * label, a details line (tech, x3 for replicas, managed) and the bottom
 * border.  Replicated nodes get a shadow one column right and one row
 * down, and the footprint includes it.
 */
#ifndef NAPKIN_GEOMETRY_H
#define NAPKIN_GEOMETRY_H

#include <stdbool.h>

#include "diagram.h"

#define BOX_HEIGHT	4
#define BOX_LABEL_MAX	24	/* columns of label shown; longer ones are cut */
#define BOX_DETAIL_MAX	24	/* columns of the details line */
#define BOX_INNER_MIN	6

struct box {
	int x, y, width, height;
};

/* The box alone (border to border), without any shadow. */
struct box node_box(const struct node *n);
/* The cells the node covers: its box plus the replicas' shadow. */
struct box node_footprint(const struct node *n);
/* Columns between the borders (the label area plus one space each side). */
int node_inner_width(const struct node *n);
bool box_overlap(struct box a, struct box b);
bool box_contains(struct box b, int x, int y);

#endif
