/*
 * Drawing a diagram into a canvas: group outlines, routed edges with
 * arrowheads and labels, and the boxes.  One renderer serves the
 * whiteboard (a screenful at a time), the tests and the text export.
 *
 * What a box shows:
 *
 *     ┌[DB]──────────┐      top border with the kind's tag
 *     │ Links        │┐     label (bold)
 *     │ PostgreSQL ×2││     details: tech, replicas, "managed" (dim)
 *     └──────────────┘│     a replicated node has a shadow one column
 *      └──────────────┘     right and one row down
 *
 * Sync edges are solid, async edges dashed (┄ ┆, or . : in ASCII); the
 * arrowhead sits against the target's border, the label beside the line.
 * Edges attach to the box itself; a shadow sits behind the lines that
 * cross it.
 * With traffic estimates, a node whose load is over its capacity carries
 * its utilisation in red in its bottom border ("!133%", "!inf" when a
 * cycle makes it unbounded), visible without colour too.
 */
#ifndef NAPKIN_RENDER_H
#define NAPKIN_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "canvas.h"
#include "diagram.h"
#include "scene.h"

/* Widest edge label drawn, in columns; longer ones end in "…". */
#define RENDER_LABEL_MAX 20

/* What a node's state adds to its box (render_marks.node_state). */
enum {
	RENDER_NODE_ERROR = 1,		/* ✖ (X in ASCII) in the top-right corner */
	RENDER_NODE_WARNING = 2,	/* ! in the top-right corner */
	RENDER_NODE_DOWN = 4,		/* failure simulation: dashed and greyed out */
	RENDER_NODE_FAILED = 8		/* the node whose failure is simulated: dashed, red */
};

struct traffic;

/* What the whiteboard wants highlighted; every member may be NULL. */
struct render_marks {
	const struct node *selected_node;	/* double border, tag in reverse video */
	const struct edge *selected_edge;	/* reverse video */
	const struct node *marked_node;		/* CELL_MARK: connect target */
	/* A finding on show: the borders of its boxes and its edges in CELL_MARK. */
	const struct node *const *highlight_nodes;
	size_t highlight_node_count;
	const struct edge *const *highlight_edges;
	size_t highlight_edge_count;
	/*
	 * The RENDER_NODE_* bits of n, asked only for the nodes drawn and the
	 * ends of the edges drawn; context is handed back.  Edges with an end
	 * that is down are greyed out too.
	 */
	unsigned (*node_state)(const void *context, const struct node *n);
	const void *context;
	const struct traffic *traffic;		/* overloaded nodes get a badge: "!133%" */
};

/*
 * Draw everything of s that shows in view's area into view (which is
 * cleared first and resolved after).  The cost depends on what is in the
 * area, not on the size of the diagram.  marks may be NULL.
 */
void render_view(struct scene *s, struct canvas *view, const struct render_marks *marks);

/*
 * The most cells the text is drawn on (8 bytes each): a board whose boxes
 * lie a million cells apart would need terabytes.
 */
#define RENDER_TEXT_CELLS_MAX ((size_t)1 << 25)

/*
 * The whole diagram as text, cropped to what is drawn: UTF-8 box drawing,
 * or pure ASCII when ascii is true.  Lines end in "\n" without trailing
 * blanks; an empty diagram gives "".  The caller frees the string; its
 * length goes to *length when length is not NULL.  NULL when the board
 * spans more than RENDER_TEXT_CELLS_MAX cells.  This is what
 * `napkin export FILE -o OUT.txt` writes.
 */
char *render_text(const struct diagram *d, bool ascii, size_t *length);
/* The same with marks (the text export's --critique markers); marks may be NULL. */
char *render_text_marked(const struct diagram *d, bool ascii, const struct render_marks *marks,
    size_t *length);

#endif
