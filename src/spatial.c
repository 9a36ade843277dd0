/* Bucket grid of boxes; see spatial.h. */
#include "spatial.h"

#include <stdint.h>
#include <stdlib.h>

#include "ptrmap.h"
#include "xalloc.h"

/* A box touching more buckets than this goes to the wide list. */
#define SPATIAL_WIDE_BUCKETS 1024

struct bucket {
	void **items;
	size_t count, capacity;
};

struct spatial {
	int bucket_width, bucket_height;
	struct ptrmap *buckets;		/* packed (column, row) -> struct bucket */
	struct bucket wide;
};

struct spatial *
spatial_new(int bucket_width, int bucket_height)
{
	struct spatial *s = xcalloc(1, sizeof *s);

	s->bucket_width = bucket_width;
	s->bucket_height = bucket_height;
	s->buckets = ptrmap_new();
	return s;
}

void
spatial_free(struct spatial *s)
{
	size_t pos = 0;
	uint64_t key;
	void *value;

	if (s == NULL)
		return;
	while (ptrmap_next(s->buckets, &pos, &key, &value)) {
		struct bucket *b = value;

		free(b->items);
		free(b);
	}
	ptrmap_free(s->buckets);
	free(s->wide.items);
	free(s);
}

/* Floor division, so negative coordinates land in their own buckets. */
static int
bucket_of(int v, int size)
{
	return v >= 0 ? v / size : -((-v + size - 1) / size);
}

static uint64_t
bucket_key(int column, int row)
{
	return ((uint64_t)(uint32_t)column << 32) | (uint32_t)row;
}

struct range {
	int c0, c1, r0, r1;
};

static struct range
range_of(const struct spatial *s, struct box b)
{
	struct range r;
	int w = b.width > 0 ? b.width : 1, h = b.height > 0 ? b.height : 1;

	r.c0 = bucket_of(b.x, s->bucket_width);
	r.c1 = bucket_of(b.x + w - 1, s->bucket_width);
	r.r0 = bucket_of(b.y, s->bucket_height);
	r.r1 = bucket_of(b.y + h - 1, s->bucket_height);
	return r;
}

static bool
is_wide(struct range r)
{
	return (long)(r.c1 - r.c0 + 1) * (r.r1 - r.r0 + 1) > SPATIAL_WIDE_BUCKETS;
}

static void
bucket_add(struct bucket *b, void *item)
{
	if (b->count == b->capacity) {
		b->capacity = b->capacity != 0 ? b->capacity * 2 : 4;
		b->items = xreallocarray(b->items, b->capacity, sizeof *b->items);
	}
	b->items[b->count++] = item;
}

static void
bucket_drop(struct bucket *b, void *item)
{
	for (size_t i = 0; i < b->count; i++) {
		if (b->items[i] == item) {
			b->items[i] = b->items[--b->count];
			return;
		}
	}
}

void
spatial_insert(struct spatial *s, void *item, struct box b)
{
	struct range r = range_of(s, b);

	if (is_wide(r)) {
		bucket_add(&s->wide, item);
		return;
	}
	for (int row = r.r0; row <= r.r1; row++) {
		for (int col = r.c0; col <= r.c1; col++) {
			uint64_t key = bucket_key(col, row);
			struct bucket *bk = ptrmap_get(s->buckets, key);

			if (bk == NULL) {
				bk = xcalloc(1, sizeof *bk);
				ptrmap_put(s->buckets, key, bk);
			}
			bucket_add(bk, item);
		}
	}
}

void
spatial_remove(struct spatial *s, void *item, struct box b)
{
	struct range r = range_of(s, b);

	if (is_wide(r)) {
		bucket_drop(&s->wide, item);
		return;
	}
	for (int row = r.r0; row <= r.r1; row++) {
		for (int col = r.c0; col <= r.c1; col++) {
			uint64_t key = bucket_key(col, row);
			struct bucket *bk = ptrmap_get(s->buckets, key);

			if (bk == NULL)
				continue;
			bucket_drop(bk, item);
			if (bk->count == 0) {
				ptrmap_remove(s->buckets, key);
				free(bk->items);
				free(bk);
			}
		}
	}
}

void
spatial_query(const struct spatial *s, struct box area,
    void (*visit)(void *context, void *item), void *context)
{
	struct range r = range_of(s, area);

	for (size_t i = 0; i < s->wide.count; i++)
		visit(context, s->wide.items[i]);
	for (int row = r.r0; row <= r.r1; row++) {
		for (int col = r.c0; col <= r.c1; col++) {
			struct bucket *bk = ptrmap_get(s->buckets, bucket_key(col, row));

			if (bk == NULL)
				continue;
			for (size_t i = 0; i < bk->count; i++)
				visit(context, bk->items[i]);
		}
	}
}
