/*
 * String-keyed hash table; see strmap.h for the contract.
 *
 * Entries (key, value, hash, the key's first bytes) sit in a dense array;
 * the table itself holds only 32-bit slots that name an entry.  A lookup
 * lands at a random slot, so that is the memory that must stay in cache:
 * 4 bytes a slot instead of a 24-byte entry keeps the table of a
 * 100,000-node diagram at 1 MiB, and the entries, in the order the keys
 * came (a file's order), are read where a diagram's nodes are read anyway.
 * Looking ids up was a fifth of the time of loading a big file when the
 * table was the entries themselves.
 *
 * A slot is 0 when empty, else the entry's number (index + 1) in its low
 * bits -- as many as the table's size needs -- and the top bits of its hash
 * above them, so a probe past another key rarely reads that key's entry.
 */
#include "strmap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/*
 * head holds the key's first bytes (zero-padded), so most comparisons --
 * ids are short -- end inside the entry instead of at the key, which lies
 * wherever its owner put it and is rarely in cache.
 */
struct entry {
	const char *key;
	void *value;
	uint64_t hash;
	char head[16];
};

struct strmap {
	uint32_t *slots;
	size_t capacity;	/* a power of two, at most 2^31 */
	struct entry *entries;
	size_t count, entry_capacity;
};

/* FNV-1a with a final mix, so ids like "svc-1", "svc-2" spread well. */
static uint64_t
hash_string(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3u;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	return h;
}

/* Slots use the low bits of the hash for the place, the high bits to tell keys apart. */
static uint32_t
tag_of(uint64_t hash, size_t capacity)
{
	return (uint32_t)(hash >> 32) & ~(uint32_t)(capacity - 1);
}

struct strmap *
strmap_new(void)
{
	struct strmap *map = xcalloc(1, sizeof *map);

	map->capacity = 16;
	map->slots = xcalloc(map->capacity, sizeof *map->slots);
	return map;
}

void
strmap_free(struct strmap *map)
{
	if (map == NULL)
		return;
	free(map->slots);
	free(map->entries);
	free(map);
}

size_t
strmap_count(const struct strmap *map)
{
	return map->count;
}

static struct entry
entry_make(const char *key, void *value, uint64_t hash)
{
	struct entry e = { key, value, hash, { 0 } };

	for (size_t n = 0; n < sizeof e.head && key[n] != '\0'; n++)
		e.head[n] = key[n];
	return e;
}

static bool
entry_has_key(const struct entry *e, const char *key, uint64_t hash)
{
	size_t n = 0;

	if (e->hash != hash)
		return false;
	while (n < sizeof e->head && e->head[n] == key[n] && key[n] != '\0')
		n++;
	if (n < sizeof e->head)
		return e->head[n] == key[n];
	return strcmp(e->key + n, key + n) == 0;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t
find_slot(const struct strmap *map, const char *key, uint64_t hash)
{
	uint32_t mask = (uint32_t)(map->capacity - 1), tag = tag_of(hash, map->capacity);
	size_t i = hash & mask;
	uint32_t slot;

	while ((slot = map->slots[i]) != 0) {
		const struct entry *e = &map->entries[(slot & mask) - 1];

		if ((slot & ~mask) == tag && entry_has_key(e, key, hash))
			break;
		i = (i + 1) & mask;
	}
	return i;
}

/* The slot naming entry number (index + 1), which is in the table. */
static size_t
slot_of_entry(const struct strmap *map, size_t number)
{
	uint32_t mask = (uint32_t)(map->capacity - 1);
	size_t i = map->entries[number - 1].hash & mask;

	while ((map->slots[i] & mask) != number)
		i = (i + 1) & mask;
	return i;
}

static void
grow(struct strmap *map, size_t capacity)
{
	uint32_t mask = (uint32_t)(capacity - 1);

	free(map->slots);
	map->slots = xcalloc(capacity, sizeof *map->slots);
	map->capacity = capacity;
	for (size_t k = 0; k < map->count; k++) {
		size_t i = map->entries[k].hash & mask;

		while (map->slots[i] != 0)
			i = (i + 1) & mask;
		map->slots[i] = tag_of(map->entries[k].hash, capacity) | (uint32_t)(k + 1);
	}
}

void
strmap_reserve(struct strmap *map, size_t count)
{
	size_t capacity = map->capacity;

	/* Keep the load factor at or below 1/2; entry numbers must fit a slot. */
	if (count > ((size_t)1 << 30))
		fatal("strmap: %zu keys is more than a table holds", count);
	while (capacity / 2 < count)
		capacity *= 2;
	if (capacity != map->capacity)
		grow(map, capacity);
	if (count > map->entry_capacity) {
		map->entry_capacity = count > 2 * map->entry_capacity ? count : 2 * map->entry_capacity;
		map->entries = xreallocarray(map->entries, map->entry_capacity, sizeof *map->entries);
	}
}

void *
strmap_get(const struct strmap *map, const char *key)
{
	uint32_t slot = map->slots[find_slot(map, key, hash_string(key))];

	return slot != 0 ? map->entries[(slot & (map->capacity - 1)) - 1].value : NULL;
}

void
strmap_put(struct strmap *map, const char *key, void *value)
{
	uint64_t hash = hash_string(key);
	size_t i;

	strmap_reserve(map, map->count + 1);
	i = find_slot(map, key, hash);
	if (map->slots[i] != 0) {
		map->entries[(map->slots[i] & (map->capacity - 1)) - 1] = entry_make(key, value, hash);
		return;
	}
	map->entries[map->count++] = entry_make(key, value, hash);
	map->slots[i] = tag_of(hash, map->capacity) | (uint32_t)map->count;
}

void *
strmap_remove(struct strmap *map, const char *key)
{
	uint32_t mask = (uint32_t)(map->capacity - 1);
	size_t i = find_slot(map, key, hash_string(key)), number = map->slots[i] & mask;
	void *value;

	if (number == 0)
		return NULL;
	value = map->entries[number - 1].value;
	/* Backward-shift: pull later members of the probe run into the gap. */
	for (size_t j = (i + 1) & mask; map->slots[j] != 0; j = (j + 1) & mask) {
		size_t home = map->entries[(map->slots[j] & mask) - 1].hash & mask;

		/* Move j into i unless its home lies cyclically in (i, j]. */
		if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
			map->slots[i] = map->slots[j];
			i = j;
		}
	}
	map->slots[i] = 0;
	/* Keep the entries dense: the last one moves into the hole. */
	if (number != map->count) {
		size_t last = slot_of_entry(map, map->count);

		map->entries[number - 1] = map->entries[map->count - 1];
		map->slots[last] = (map->slots[last] & ~mask) | (uint32_t)number;
	}
	map->count--;
	return value;
}
