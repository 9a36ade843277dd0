/*
 * A bucket grid over the canvas: which items (nodes, edge routes) lie in a
 * region, in time proportional to the region and what is in it, not to the
 * whole diagram.  The whiteboard draws a screen and finds obstacles for
 * the router through it.
 *
 * Items are opaque pointers; the grid stores them, never frees them.  An
 * item is filed under every bucket its box touches, so a query can report
 * it more than once: callers deduplicate (scene.c stamps its records).
 * Boxes covering very many buckets go to one "wide" list that every query
 * reports, so one huge item cannot cost thousands of insertions.
 */
#ifndef NAPKIN_SPATIAL_H
#define NAPKIN_SPATIAL_H

#include <stdbool.h>

#include "geometry.h"

struct spatial;

/* Buckets of bucket_width x bucket_height cells. */
struct spatial *spatial_new(int bucket_width, int bucket_height);
void spatial_free(struct spatial *s);
void spatial_insert(struct spatial *s, void *item, struct box b);
/* Remove item, which must have been inserted with exactly box b. */
void spatial_remove(struct spatial *s, void *item, struct box b);
/* Call visit(context, item) for every item whose bucket touches area. */
void spatial_query(const struct spatial *s, struct box area,
    void (*visit)(void *context, void *item), void *context);

#endif
