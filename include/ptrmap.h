/*
 * A hash table from 64-bit keys (pointers, edge uids) to pointers: the
 * whiteboard's caches look their records up by the model object they
 * describe.  Open addressing, linear probing, backward-shift deletion.
 *
 * Values must not be NULL (NULL means "absent").  The map stores the
 * pointers only; whoever put a value in frees it.
 */
#ifndef NAPKIN_PTRMAP_H
#define NAPKIN_PTRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ptrmap;

struct ptrmap *ptrmap_new(void);
void ptrmap_free(struct ptrmap *map);
size_t ptrmap_count(const struct ptrmap *map);
void *ptrmap_get(const struct ptrmap *map, uint64_t key);
/* Store value (not NULL) under key, replacing any earlier value. */
void ptrmap_put(struct ptrmap *map, uint64_t key, void *value);
/* Remove key; returns its value, or NULL when it was absent. */
void *ptrmap_remove(struct ptrmap *map, uint64_t key);
/*
 * Walk every entry: start with *position = 0; returns false at the end.
 * The map must not change during a walk.
 */
bool ptrmap_next(const struct ptrmap *map, size_t *position, uint64_t *key, void **value);

#define PTRMAP_KEY(pointer) ((uint64_t)(uintptr_t)(pointer))

#endif
