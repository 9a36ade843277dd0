/*
 * The text export: the board exactly as the whiteboard draws it, cropped
 * to the diagram, for pasting into an interview doc or a chat.  The
 * renderer (render.c) draws it; --critique's outlines become the markers
 * the whiteboard puts on boxes with findings.
 */
#include "export.h"

#include <errno.h>
#include <stdlib.h>

#include "render.h"

static unsigned
outline_state(const void *context, const struct node *n)
{
	const enum export_outline *outlines = context;

	switch (outlines[n->index]) {
	case OUTLINE_ERROR: return RENDER_NODE_ERROR;
	case OUTLINE_WARNING: return RENDER_NODE_WARNING;
	default: return 0;
	}
}

bool
text_export_write(const struct diagram *d, const struct export_options *options, FILE *out,
    struct napkin_error *err)
{
	struct render_marks marks = { 0 };
	size_t length;
	char *text;
	bool ok;

	if (options != NULL && options->outlines != NULL) {
		marks.node_state = outline_state;
		marks.context = options->outlines;
	}
	text = render_text_marked(d, options != NULL && options->ascii, &marks, &length);
	if (text == NULL) {
		errno = 0;
		return error_set(err, "the board is too large to draw as text (its boxes lie so far apart it "
		    "would take over %zu cells); export .svg, .png or .dot instead", RENDER_TEXT_CELLS_MAX);
	}
	ok = fwrite(text, 1, length, out) == length;
	free(text);
	return ok;
}
