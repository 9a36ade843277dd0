/*
 * Exporting a diagram to other formats: Graphviz DOT (dot_export.c),
 * pictures rendered by the Graphviz dot program (dot_render.c), Mermaid
 * flowcharts (mermaid_export.c) and the whiteboard's own picture as text
 * (text_export.c).  The command line's napkin export and the
 * whiteboard's :export both come through export_file(), which picks the
 * writer from a table and replaces the target atomically.
 */
#ifndef NAPKIN_EXPORT_H
#define NAPKIN_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "diagram.h"
#include "errors.h"
#include "layout.h"

enum export_format {
	EXPORT_DOT,		/* .dot .gv */
	EXPORT_MERMAID,		/* .mmd */
	EXPORT_TEXT,		/* .txt: the board as the whiteboard draws it */
	EXPORT_SVG,		/* rendered by dot */
	EXPORT_PNG,
	EXPORT_PDF,
	EXPORT_FORMAT_COUNT
};

/* How strongly a node is outlined: napkin export --critique marks findings. */
enum export_outline {
	OUTLINE_NONE,
	OUTLINE_WARNING,	/* orange */
	OUTLINE_ERROR		/* red */
};

struct export_options {
	enum direction direction;	/* Graphviz rankdir / Mermaid direction */
	/*
	 * NULL, or one entry per node indexed like diagram_node(d, i): the
	 * outline each node gets.  Borrowed for the call.
	 */
	const enum export_outline *outlines;
	bool ascii;			/* text: ASCII only, no Unicode box drawing */
};

/* The format's name as --format takes it: "dot", "mmd", "txt", "svg", "png", "pdf". */
const char *export_format_name(enum export_format format);
/* A --format name (or an alias such as "gv", "mermaid"); false when unknown. */
bool export_format_from_name(const char *name, enum export_format *format);
/* The format a file name's extension asks for; false when it names none. */
bool export_format_from_path(const char *path, enum export_format *format);
/* One line per format for --help: name, extensions, what it is. */
void export_list_formats(FILE *out);

/*
 * Write d to path as format, atomically: a temporary file beside path is
 * renamed over it only when complete, so a failure leaves path as it was.
 * options may be NULL (left to right, no outlines).
 */
bool export_file(const struct diagram *d, const char *path, enum export_format format,
    const struct export_options *options, struct napkin_error *err);

/* --- The writers, for tests and for export_file --- */

/* DOT text built with libcgraph; false on a write error. */
bool dot_export_write(const struct diagram *d, const struct export_options *options, FILE *out);
/* A Mermaid flowchart; false on a write error. */
bool mermaid_export_write(const struct diagram *d, const struct export_options *options, FILE *out);
/*
 * The board as text (render_text: cropped, no trailing blanks); outlines
 * become the whiteboard's finding markers.  False on a write error (errno
 * says which), or with err set when the board is too large to draw.
 */
bool text_export_write(const struct diagram *d, const struct export_options *options, FILE *out,
    struct napkin_error *err);
/*
 * Run the Graphviz dot program (found on PATH) on d's DOT to write format
 * (svg, png or pdf) to out.  On failure err says why: dot missing, or its
 * exit status and what it printed.
 */
bool dot_render(const struct diagram *d, const struct export_options *options,
    enum export_format format, FILE *out, struct napkin_error *err);

#endif
