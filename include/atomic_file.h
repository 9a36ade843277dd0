/*
 * Replace a file so that readers see either the old contents or the new,
 * never a mix, and a crash or full disk never costs the old file.
 */
#ifndef NAPKIN_ATOMIC_FILE_H
#define NAPKIN_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "errors.h"

/*
 * Write path through write(out, context) into a temporary file in the same
 * directory, flush and fsync it, give it path's permissions (or the umask's
 * for a new file), rename it over path and fsync the directory.  A symlink
 * is followed: its target is replaced.  write returns false on failure.
 */
bool atomic_write_file(const char *path, bool (*write)(FILE *out, void *context),
    void *context, struct napkin_error *err);

/*
 * The file path names once symlinks are followed, the way an editor
 * writes through a link (a link to a file not made yet names that file).
 * The caller frees it.
 */
char *atomic_file_target(const char *path);

#endif
