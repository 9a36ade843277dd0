/* 64-bit-keyed hash table; see ptrmap.h for the contract. */
#include "ptrmap.h"

#include <stdlib.h>

#include "xalloc.h"

struct slot {
	uint64_t key;
	void *value;		/* NULL when the slot is empty */
};

struct ptrmap {
	struct slot *slots;
	size_t capacity;	/* a power of two */
	size_t count;
};

/* splitmix64's finaliser: pointers and small uids both spread well. */
static size_t
hash_key(uint64_t key)
{
	key ^= key >> 30;
	key *= 0xbf58476d1ce4e5b9u;
	key ^= key >> 27;
	key *= 0x94d049bb133111ebu;
	key ^= key >> 31;
	return (size_t)key;
}

struct ptrmap *
ptrmap_new(void)
{
	struct ptrmap *map = xcalloc(1, sizeof *map);

	map->capacity = 16;
	map->slots = xcalloc(map->capacity, sizeof *map->slots);
	return map;
}

void
ptrmap_free(struct ptrmap *map)
{
	if (map == NULL)
		return;
	free(map->slots);
	free(map);
}

size_t
ptrmap_count(const struct ptrmap *map)
{
	return map->count;
}

static size_t
find_slot(const struct ptrmap *map, uint64_t key)
{
	size_t mask = map->capacity - 1;
	size_t i = hash_key(key) & mask;

	while (map->slots[i].value != NULL && map->slots[i].key != key)
		i = (i + 1) & mask;
	return i;
}

static void
grow(struct ptrmap *map)
{
	struct slot *old = map->slots;
	size_t old_capacity = map->capacity;

	map->capacity *= 2;
	map->slots = xcalloc(map->capacity, sizeof *map->slots);
	for (size_t i = 0; i < old_capacity; i++) {
		if (old[i].value != NULL)
			map->slots[find_slot(map, old[i].key)] = old[i];
	}
	free(old);
}

void *
ptrmap_get(const struct ptrmap *map, uint64_t key)
{
	return map->slots[find_slot(map, key)].value;
}

void
ptrmap_put(struct ptrmap *map, uint64_t key, void *value)
{
	size_t i;

	if ((map->count + 1) * 4 > map->capacity * 3)
		grow(map);
	i = find_slot(map, key);
	if (map->slots[i].value == NULL)
		map->count++;
	map->slots[i].key = key;
	map->slots[i].value = value;
}

void *
ptrmap_remove(struct ptrmap *map, uint64_t key)
{
	size_t mask = map->capacity - 1;
	size_t i = find_slot(map, key);
	void *value = map->slots[i].value;

	if (value == NULL)
		return NULL;
	map->count--;
	/* Backward shift: pull later entries of the probe run into the hole. */
	for (size_t j = (i + 1) & mask; map->slots[j].value != NULL; j = (j + 1) & mask) {
		size_t home = hash_key(map->slots[j].key) & mask;

		if (((j - home) & mask) >= ((j - i) & mask)) {
			map->slots[i] = map->slots[j];
			i = j;
		}
	}
	map->slots[i].value = NULL;
	map->slots[i].key = 0;
	return value;
}

bool
ptrmap_next(const struct ptrmap *map, size_t *position, uint64_t *key, void **value)
{
	for (size_t i = *position; i < map->capacity; i++) {
		if (map->slots[i].value != NULL) {
			*key = map->slots[i].key;
			*value = map->slots[i].value;
			*position = i + 1;
			return true;
		}
	}
	*position = map->capacity;
	return false;
}
