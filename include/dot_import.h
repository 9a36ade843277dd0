/*
 * Importing Graphviz DOT: any graph libcgraph reads becomes a napkin
 * diagram.  A DOT file napkin exported comes back as the same diagram (its
 * napkin_* attributes say everything); any other file is read as well as
 * it can be -- kinds guessed from words, clusters made groups, positions
 * laid out by Graphviz -- and whatever napkin cannot keep is reported as a
 * warning.  docs/export.md describes the mapping.
 */
#ifndef NAPKIN_DOT_IMPORT_H
#define NAPKIN_DOT_IMPORT_H

#include <stddef.h>

#include "diagram.h"
#include "errors.h"
#include "layout.h"

/* What the import did, for the summary napkin import prints. */
struct dot_import_summary {
	size_t kinds_guessed;		/* nodes whose kind came from their words */
	bool laid_out;			/* positions came from layout_arrange() */
	enum layout_method method;	/* how, when laid_out */
};

/*
 * Import DOT text; name is used in messages.  Returns a new diagram (free
 * with diagram_free; its history is empty) or NULL after appending
 * "NAME:LINE: message" errors.  Warnings -- what was dropped or changed --
 * are appended to warnings either way.  summary may be NULL.
 */
struct diagram *dot_import_buffer(const char *name, const char *data, size_t len,
    struct dot_import_summary *summary, struct error_list *warnings, struct error_list *errors);
/* The same from a file. */
struct diagram *dot_import_file(const char *path, struct dot_import_summary *summary,
    struct error_list *warnings, struct error_list *errors);

#endif
