/* Helpers shared by the unit tests (tests/unit/support_*.c). */
#ifndef NAPKIN_TEST_SUPPORT_H
#define NAPKIN_TEST_SUPPORT_H

/* The whole of path in a new NUL-terminated string, or NULL when it cannot be read. */
char *support_slurp(const char *path);

#endif
