/*
 * A hash table from strings to pointers: O(1) lookups of nodes and groups by
 * id.  Open addressing with linear probing and backward-shift deletion, so
 * there are no tombstones and lookups stay short after many deletions.
 *
 * Keys are borrowed, not copied: the caller keeps each key alive and
 * unchanged while it is in the map (napkin uses the object's own id string).
 */
#ifndef NAPKIN_STRMAP_H
#define NAPKIN_STRMAP_H

#include <stddef.h>

struct strmap;

struct strmap *strmap_new(void);
void strmap_free(struct strmap *map);
size_t strmap_count(const struct strmap *map);
/* The value stored under key, or NULL. */
void *strmap_get(const struct strmap *map, const char *key);
/* Store value under key, replacing any earlier value. */
void strmap_put(struct strmap *map, const char *key, void *value);
/* Remove key; returns its value, or NULL when it was absent. */
void *strmap_remove(struct strmap *map, const char *key);
/* Make room for count entries without rehashing on the way. */
void strmap_reserve(struct strmap *map, size_t count);

#endif
