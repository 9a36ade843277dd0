/*
 * Test helpers for the export and import tests: diagrams full of the
 * strings formats get wrong (quotes, backslashes, newlines, UTF-8, < > &,
 * DOT keywords as ids), files under tests/data, and running programs.
 */
#ifndef NAPKIN_SUPPORT_AWKWARD_H
#define NAPKIN_SUPPORT_AWKWARD_H

#include <stdbool.h>
#include <stddef.h>

#include "diagram.h"

/* A random diagram from seed with about nodes nodes, every field used. */
struct diagram *awkward_diagram(unsigned seed, size_t nodes);
/* A file under the repository root ($NAPKIN_ROOT, else "."); the caller frees it. */
char *awkward_path(const char *relative);
/* Load a napkin file, failing the test when it is invalid. */
struct diagram *awkward_load(const char *path);
/* The JSON of each template in templates/, loaded; count in *count.  Free with awkward_free_all. */
struct diagram **awkward_templates(size_t *count);
void awkward_free_all(struct diagram **list, size_t count);
/* Write len bytes of data to a new temporary file; the caller unlinks and frees the name. */
char *awkward_temp_file(const char *data, size_t len, const char *suffix);
/* Read a whole file into a NUL-terminated string (NULL when it cannot); *len may be NULL. */
char *awkward_read_file(const char *path, size_t *len);
/*
 * Run argv (no shell) with stdin from /dev/null; returns the exit status
 * (or -1) and what it wrote to stderr in *err (caller frees; may be NULL).
 */
int awkward_run(char *const argv[], char **err);

#endif
