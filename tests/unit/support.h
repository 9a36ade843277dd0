/* Helpers shared by the unit tests (and the benchmarks, which include the .c). */
#ifndef NAPKIN_TEST_SUPPORT_H
#define NAPKIN_TEST_SUPPORT_H

#include <stddef.h>

#include "diagram.h"

/* The whole of path in a new NUL-terminated string, or NULL when it cannot be read. */
char *support_slurp(const char *path);
/* A fresh empty directory under $TMPDIR named after name; the caller frees it. */
char *support_temp_dir(const char *name);
/* Remove dir and the files in it (not subdirectories), and free dir. */
void support_remove_dir(char *dir);
/* Entries in dir, . and .. aside; -1 when it cannot be read. */
int support_count_entries(const char *dir);
/* Write text to path (aborts when it cannot). */
void support_spit(const char *path, const char *text);

/*
 * A diagram of node_count nodes laid out on a jittered grid (columns
 * GEN_COLUMN_STEP apart, rows GEN_ROW_STEP apart, so boxes never touch),
 * about two edges per node, mostly to near neighbours with now and then a
 * longer one, random kinds, labels, modes and replicas.  Deterministic for
 * a seed.  Free with diagram_free.
 */
#define GEN_COLUMN_STEP 30
#define GEN_ROW_STEP 9
struct diagram *support_generate(size_t node_count, unsigned seed);
/*
 * Issue 7's "thousands of edges on one node": a service "hub" in the
 * middle of a square grid (24 columns by 8 rows a cell) of n others, each
 * with one edge to the hub (clients, inward) or from it (workers); every
 * third edge is labelled "HTTP", every fifth async.  Free with diagram_free.
 */
struct diagram *support_crowded(size_t n, bool inward);
/* A small deterministic random number generator for tests. */
unsigned support_random(unsigned *state);

#endif
