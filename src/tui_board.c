/*
 * Actions on the whole board: g lays it out with Graphviz (layout.c, one
 * undo step), :export FILE writes it in any format the command line's
 * napkin export knows (export.c), the format from the file's extension and
 * the text picture in the whiteboard's own ASCII or Unicode.
 */
#include "tui_internal.h"

#include <stdio.h>

#include "export.h"
#include "layout.h"

unsigned
tui_board_arrange(struct tui *t, const char *arg)
{
	enum direction direction = DIRECTION_LR;
	struct napkin_error why = { "", NULL };
	const struct node *keep = t->selected;
	enum layout_method method;
	uint64_t before = diagram_state_id(t->diagram);

	if (tui_read_only(t))
		return TUI_REDRAW;
	if (arg != NULL && !direction_from_name(arg, &direction)) {
		tui_message(t, true, "usage: :arrange [LR|TB] (calls flow left to right, or top to bottom)");
		return TUI_REDRAW;
	}
	if (diagram_node_count(t->diagram) == 0) {
		tui_message(t, false, "nothing to arrange: a adds a node");
		return TUI_REDRAW;
	}
	method = layout_arrange(t->diagram, direction, &why);
	if (keep == NULL)
		keep = diagram_node(t->diagram, 0);
	tui_focus_node(t, keep);
	if (diagram_state_id(t->diagram) == before)
		tui_message(t, false, "already arranged: nothing moved");
	else if (method == LAYOUT_DOT)
		tui_message(t, false, "arranged %zu nodes with Graphviz dot (u undoes)", diagram_node_count(t->diagram));
	else
		tui_message(t, true, "%s (u undoes)", why.message[0] != '\0' ? why.message : "placed in rows");
	return TUI_MODEL | TUI_REDRAW;
}

unsigned
tui_board_export(struct tui *t, const char *path)
{
	struct export_options options = { DIRECTION_LR, NULL, t->ascii };
	enum export_format format;
	struct napkin_error err;

	if (path[0] == '\0') {
		tui_message(t, true, "usage: :export FILE (.dot .gv .mmd .txt .svg .png .pdf)");
		return TUI_REDRAW;
	}
	if (!export_format_from_path(path, &format)) {
		tui_message(t, true, "cannot tell the format from the name %s: end it in .dot .gv .mmd .txt .svg .png or .pdf",
		    path);
		return TUI_REDRAW;
	}
	if (!export_file(t->diagram, path, format, &options, &err)) {
		tui_message(t, true, "%s", err.message);
		return TUI_REDRAW;
	}
	tui_message(t, false, "exported %s (%s)", path, export_format_name(format));
	return TUI_REDRAW;
}
