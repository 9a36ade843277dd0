/* String-keyed hash table; see strmap.h for the contract. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct slot {
	const char *key;	/* NULL when empty */
	void *value;
	uint64_t hash;
};

struct strmap {
	struct slot *slots;
	size_t capacity;	/* a power of two */
	size_t count;
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
	free(map);
}

size_t
strmap_count(const struct strmap *map)
{
	return map->count;
}

static size_t
find_slot(const struct strmap *map, const char *key, uint64_t hash)
{
	size_t mask = map->capacity - 1;
	size_t i = hash & mask;

	while (map->slots[i].key != NULL) {
		if (map->slots[i].hash == hash && strcmp(map->slots[i].key, key) == 0)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

static void
grow(struct strmap *map, size_t capacity)
{
	struct slot *old = map->slots;
	size_t old_capacity = map->capacity;

	map->slots = xcalloc(capacity, sizeof *map->slots);
	map->capacity = capacity;
	for (size_t i = 0; i < old_capacity; i++) {
		if (old[i].key != NULL)
			map->slots[find_slot(map, old[i].key, old[i].hash)] = old[i];
	}
	free(old);
}

void
strmap_reserve(struct strmap *map, size_t count)
{
	size_t capacity = map->capacity;

	/* Keep the load factor at or below 1/2. */
	while (capacity / 2 < count)
		capacity *= 2;
	if (capacity != map->capacity)
		grow(map, capacity);
}

void *
strmap_get(const struct strmap *map, const char *key)
{
	return map->slots[find_slot(map, key, hash_string(key))].value;
}

void
strmap_put(struct strmap *map, const char *key, void *value)
{
	uint64_t hash = hash_string(key);
	size_t i;

	strmap_reserve(map, map->count + 1);
	i = find_slot(map, key, hash);
	if (map->slots[i].key == NULL)
		map->count++;
	map->slots[i] = (struct slot){ key, value, hash };
}

void *
strmap_remove(struct strmap *map, const char *key)
{
	size_t mask = map->capacity - 1;
	size_t i = find_slot(map, key, hash_string(key));
	void *value = map->slots[i].value;

	if (map->slots[i].key == NULL)
		return NULL;
	map->count--;
	/* Backward-shift: pull later members of the probe run into the gap. */
	for (size_t j = (i + 1) & mask; map->slots[j].key != NULL; j = (j + 1) & mask) {
		size_t home = map->slots[j].hash & mask;

		/* Move j into i unless its home lies cyclically in (i, j]. */
		if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
			map->slots[i] = map->slots[j];
			i = j;
		}
	}
	map->slots[i] = (struct slot){ NULL, NULL, 0 };
	return value;
}
