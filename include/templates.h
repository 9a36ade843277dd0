/*
 * Finding the template library: templates/NAME.json.
 *
 * Looked for, in order: $NAPKIN_TEMPLATES; templates/ next to the binary
 * (the source tree); ../share/napkin/templates next to the binary (any
 * installed PREFIX); the DATADIR compiled in.
 */
#ifndef NAPKIN_TEMPLATES_H
#define NAPKIN_TEMPLATES_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"

struct template_entry {
	char *name;		/* file name without .json */
	char *path;
	char *title;		/* the diagram's title */
	char *summary;		/* the prompt's one-line summary, or the title */
	bool drill;		/* a "find the problems" drill */
};

/* The templates directory, or NULL when none exists; the caller frees it. */
char *templates_dir(void);
/* The file of template name, or NULL (with err filled); the caller frees it. */
char *template_path(const char *name, struct napkin_error *err);
/*
 * A template given on the command line: a name from the library, or the
 * path of a template file when it has a "/" or ends in ".json".  NULL
 * (with err filled) for an unknown name; the caller frees the path.
 */
char *template_find(const char *name, struct napkin_error *err);
/*
 * Every template, sorted by name; templates that fail to load (or whose
 * interview members are invalid) go to errors.
 */
size_t templates_list(struct template_entry **out, struct error_list *errors);
void templates_free(struct template_entry *list, size_t count);

#endif
