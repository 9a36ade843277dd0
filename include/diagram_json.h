/*
 * The napkin file format (docs/format.md): loading with full validation and
 * saving atomically in a fixed, diff-friendly layout.
 */
#ifndef NAPKIN_DIAGRAM_JSON_H
#define NAPKIN_DIAGRAM_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diagram.h"
#include "errors.h"

/* Files larger than this are refused before they are read. */
#define NAPKIN_FILE_MAX ((size_t)1 << 30)	/* 1 GiB */

/*
 * Load a diagram.  Returns a new diagram (free with diagram_free) with an
 * empty history, or NULL after appending "PATH:LINE:COL: message" errors to
 * errors.  Nothing is half-loaded: any error means NULL.
 */
struct diagram *diagram_load_file(const char *path, struct error_list *errors);
/* The same from memory; name is used in messages. */
struct diagram *diagram_load_buffer(const char *name, const char *data, size_t len,
    struct error_list *errors);

/* Write d as napkin JSON; false when the stream reports a write error. */
bool diagram_write_json(const struct diagram *d, FILE *out);
/* The JSON text of d in a new NUL-terminated string; the caller frees it. */
char *diagram_to_json(const struct diagram *d, size_t *len);
/*
 * Save atomically: write a temporary file beside path, fsync, rename over
 * path, keeping path's permissions.  On failure path is untouched.
 */
bool diagram_save_file(const struct diagram *d, const char *path, struct napkin_error *err);

#endif
