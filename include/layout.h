/*
 * Auto-arrange: lay a whole diagram out with Graphviz (libgvc, the dot
 * engine) and move every box onto the grid, apart from the others.
 *
 * The whiteboard's g key and napkin import both call layout_arrange.  Each
 * box is handed to dot at its grid size plus LAYOUT_GAP cells, dot's
 * centres are scaled to columns and rows, and a final pass pushes apart
 * any two boxes that rounding brought closer than LAYOUT_GAP free cells,
 * so edges can always be routed between boxes.
 */
#ifndef NAPKIN_LAYOUT_H
#define NAPKIN_LAYOUT_H

#include <stdbool.h>

#include "diagram.h"
#include "errors.h"

/* Which way calls flow: left to right or top to bottom. */
enum direction {
	DIRECTION_LR,
	DIRECTION_TB
};

const char *direction_name(enum direction direction);	/* "LR", "TB" */
/* "LR" or "TB" (either case); false for anything else. */
bool direction_from_name(const char *name, enum direction *direction);

#define LAYOUT_GAP	2	/* free columns or rows left between two boxes */
#define LAYOUT_MARGIN	2	/* free columns and rows left of and above the diagram */
/*
 * dot's run time grows much faster than linearly (make bench: about half a
 * second at 500 nodes, three at 1,000, thirteen at 2,000); larger diagrams
 * are placed in rows instead.
 */
#define LAYOUT_DOT_MAX_NODES	1000

enum layout_method {
	LAYOUT_DOT,		/* Graphviz placed the boxes */
	LAYOUT_GRID		/* rows in diagram order: too large for dot, or dot failed */
};

/*
 * Move every node of d to a new position: one undo step, "auto-arrange".
 * Groups are kept together (they are dot clusters).  Returns how it was
 * done; when that is LAYOUT_GRID, why (may be NULL) says why.
 */
enum layout_method layout_arrange(struct diagram *d, enum direction direction,
    struct napkin_error *why);

#endif
