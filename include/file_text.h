/*
 * Reading a whole file into memory, for readers that point into its text
 * (line and column in messages) after the loader has parsed it.
 */
#ifndef NAPKIN_FILE_TEXT_H
#define NAPKIN_FILE_TEXT_H

#include <stddef.h>

/*
 * The bytes of path in a new NUL-terminated buffer the caller frees, their
 * count in *len; NULL when the file cannot be read or is bigger than
 * NAPKIN_FILE_MAX (diagram_load_file says why).
 */
char *file_text_read(const char *path, size_t *len);

#endif
