/*
 * The id hash table against a plain list that is obviously right.
 * Deletion shifts later entries of a probe run back into the gap, so the
 * tests delete a lot, in every order, and then look every key up again.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

#define KEYS 600

/* The keys, and what the naive model says is stored under each (0: nothing). */
struct naive {
	char keys[KEYS][16];
	uintptr_t values[KEYS];
	size_t count;
};

static uint64_t rng = 88172645463325252u;

static size_t
below(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (size_t)(rng % n);
}

static void
naive_init(struct naive *m)
{
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i < KEYS; i++)
		snprintf(m->keys[i], sizeof m->keys[i], "svc-%zu", i);
}

/* Every key finds exactly what the model holds; the counts agree. */
static void
check_all(const struct strmap *map, const struct naive *m)
{
	for (size_t i = 0; i < KEYS; i++)
		assert_ptr_equal(strmap_get(map, m->keys[i]), (void *)m->values[i]);
	assert_int_equal(strmap_count(map), m->count);
}

static void
put(struct strmap *map, struct naive *m, size_t k, uintptr_t value)
{
	if (m->values[k] == 0)
		m->count++;
	m->values[k] = value;
	strmap_put(map, m->keys[k], (void *)value);
}

static void
take(struct strmap *map, struct naive *m, size_t k)
{
	assert_ptr_equal(strmap_remove(map, m->keys[k]), (void *)m->values[k]);
	if (m->values[k] != 0)
		m->count--;
	m->values[k] = 0;
}

static void
test_random_against_naive(void **state)
{
	struct naive *m = malloc(sizeof *m);
	struct strmap *map = strmap_new();

	(void)state;
	naive_init(m);
	for (uintptr_t step = 1; step <= 20000; step++) {
		size_t k = below(KEYS);

		/* Drift between mostly full and mostly empty, so runs form and break. */
		if (below(100) < ((step / 2000) % 2 == 0 ? 65 : 35))
			put(map, m, k, step);
		else
			take(map, m, k);
		if (step % 97 == 0)
			check_all(map, m);
	}
	check_all(map, m);
	strmap_free(map);
	free(m);
}

static void
test_deleting_through_probe_runs(void **state)
{
	struct naive *m = malloc(sizeof *m);
	struct strmap *map = strmap_new();
	size_t order[KEYS];

	(void)state;
	naive_init(m);
	/* Fill, then empty in three orders: every other, backwards, shuffled. */
	for (int round = 0; round < 3; round++) {
		for (size_t k = 0; k < KEYS; k++)
			put(map, m, k, k + 1);
		check_all(map, m);
		for (size_t k = 0; k < KEYS; k++)
			order[k] = round == 0 ? (k * 2) % KEYS + (k * 2 >= KEYS) :
			    round == 1 ? KEYS - 1 - k : k;
		if (round == 2) {
			for (size_t k = KEYS; k-- > 1;) {
				size_t j = below(k + 1), t = order[k];

				order[k] = order[j];
				order[j] = t;
			}
		}
		for (size_t k = 0; k < KEYS; k++) {
			take(map, m, order[k]);
			/* Every survivor must still be reachable after each shift. */
			if (k % 7 == 0)
				check_all(map, m);
		}
		check_all(map, m);
		assert_int_equal(strmap_count(map), 0);
	}
	strmap_free(map);
	free(m);
}

/*
 * Small tables are nearly all probe runs, and runs that wrap past the last
 * slot to the first: thousands of them, emptied in random order.
 */
static void
test_small_tables_wrap_around(void **state)
{
	struct naive *m = malloc(sizeof *m);

	(void)state;
	naive_init(m);
	for (int trial = 0; trial < 3000; trial++) {
		struct strmap *map = strmap_new();
		size_t keys = 3 + below(6);

		memset(m->values, 0, sizeof m->values);
		m->count = 0;
		for (size_t i = 0; i < keys; i++)
			put(map, m, below(KEYS), i + 1);
		while (m->count > 0) {
			size_t k = below(KEYS);

			if (m->values[k] == 0)
				continue;
			take(map, m, k);
			for (size_t j = 0; j < KEYS; j++) {
				if (m->values[j] != 0)
					assert_ptr_equal(strmap_get(map, m->keys[j]), (void *)m->values[j]);
			}
		}
		assert_int_equal(strmap_count(map), 0);
		strmap_free(map);
	}
	free(m);
}

static void
test_keys_are_borrowed_by_content(void **state)
{
	struct strmap *map = strmap_new();
	char first[] = "api", second[] = "api";
	int a, b;

	(void)state;
	assert_null(strmap_get(map, "api"));
	assert_null(strmap_remove(map, "api"));
	strmap_put(map, first, &a);
	/* Another string with the same contents is the same key. */
	strmap_put(map, second, &b);
	assert_int_equal(strmap_count(map), 1);
	assert_ptr_equal(strmap_get(map, "api"), &b);
	/* The map now holds second, so first may change. */
	first[0] = 'x';
	assert_ptr_equal(strmap_get(map, "api"), &b);
	assert_null(strmap_get(map, "xpi"));
	assert_ptr_equal(strmap_remove(map, "api"), &b);
	assert_int_equal(strmap_count(map), 0);
	/* The empty string is a key like any other. */
	strmap_put(map, "", &a);
	assert_ptr_equal(strmap_get(map, ""), &a);
	strmap_free(map);
	strmap_free(NULL);
}

/* Keys around the length the table keeps inline (16 bytes): each finds itself and no other. */
static void
test_long_keys_sharing_their_start(void **state)
{
	static const char *const keys[] = {
		"payments-service", "payments-service-", "payments-servic", "payments-service-1",
		"payments-service-2", "payments-service-10", "payments-servicf", "payments-service-1x",
		"a-rather-long-identifier-of-a-node-in-a-big-diagram",
		"a-rather-long-identifier-of-a-node-in-a-big-diagram-2",
	};
	size_t n = sizeof keys / sizeof keys[0];
	struct strmap *map = strmap_new();

	(void)state;
	for (size_t i = 0; i < n; i += 2)
		strmap_put(map, keys[i], (void *)keys[i]);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(strmap_get(map, keys[i]), i % 2 == 0 ? keys[i] : NULL);
	for (size_t i = 1; i < n; i += 2)
		strmap_put(map, keys[i], (void *)keys[i]);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(strmap_get(map, keys[i]), keys[i]);
	assert_null(strmap_get(map, "payments-service-3"));
	assert_null(strmap_get(map, "payments-serv"));
	for (size_t i = 0; i < n; i += 3)
		assert_ptr_equal(strmap_remove(map, keys[i]), keys[i]);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(strmap_get(map, keys[i]), i % 3 == 0 ? NULL : keys[i]);
	strmap_free(map);
}

static void
test_reserve_keeps_entries(void **state)
{
	struct naive *m = malloc(sizeof *m);
	struct strmap *map = strmap_new();

	(void)state;
	naive_init(m);
	for (size_t k = 0; k < 10; k++)
		put(map, m, k, k + 1);
	strmap_reserve(map, 100000);
	check_all(map, m);
	for (size_t k = 10; k < KEYS; k++)
		put(map, m, k, k + 1);
	strmap_reserve(map, 5);	/* never shrinks */
	check_all(map, m);
	strmap_free(map);
	free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_against_naive),
		cmocka_unit_test(test_deleting_through_probe_runs),
		cmocka_unit_test(test_small_tables_wrap_around),
		cmocka_unit_test(test_keys_are_borrowed_by_content),
		cmocka_unit_test(test_long_keys_sharing_their_start),
		cmocka_unit_test(test_reserve_keeps_entries),
	};

	return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
