/*
 * Allocation that never returns NULL.
 *
 * Running out of memory is not something napkin can recover from, so these
 * wrappers print a message and exit with status 3.  Before exiting they call
 * the fatal hook, which the whiteboard sets to restore the terminal.
 */
#ifndef NAPKIN_XALLOC_H
#define NAPKIN_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* realloc(ptr, count * size) with the multiplication checked. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a freshly allocated string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called once before a fatal exit (out of memory); may be NULL. */
void xalloc_set_fatal_hook(void (*hook)(void));
/* Print "napkin: MESSAGE", run the fatal hook, exit(3). */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
