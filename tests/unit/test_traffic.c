/*
 * traffic.c on hand-computed examples -- a chain, fan-out, ratios, a
 * merge, damped and amplifying cycles, missing capacities -- and on random
 * small graphs against an exact solution of (I - A) x = b by Gauss-Jordan
 * elimination: when (I - A) has a nonnegative inverse (rho(A) < 1) the
 * loads must equal it, otherwise (every node sends) some node must be
 * unbounded.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support_build.h"
#include "support_random.h"
#include "traffic.h"

static const struct traffic_load *
load_of(const struct traffic *t, const struct diagram *d, const char *id)
{
	const struct traffic_load *l = traffic_node(t, diagram_find_node(d, id));

	assert_non_null(l);
	return l;
}

static void
assert_load(const struct traffic *t, const struct diagram *d, const char *id, double want)
{
	double got = load_of(t, d, id)->load;

	if (!(fabs(got - want) <= 1e-9 * (fabs(want) > 1 ? fabs(want) : 1)))
		fail_msg("%s: load %.17g, want %.17g", id, got, want);
}

static void
test_chain(void **state)
{
	struct diagram *d = diagram_new();
	struct traffic *t;

	(void)state;
	build_node(d, "users", KIND_CLIENT, 1, 0, 1200);
	build_node(d, "lb", KIND_LB, 1, 0, 0);
	build_node(d, "api", KIND_SERVICE, 2, 1000, 0);
	build_node(d, "db", KIND_DB, 1, 0, 0);
	build_edge(d, "users", "lb", EDGE_SYNC, 1);
	build_edge(d, "lb", "api", EDGE_SYNC, 1);
	build_edge(d, "api", "db", EDGE_SYNC, 1);
	t = traffic_run(d);
	assert_load(t, d, "users", 1200);
	assert_load(t, d, "lb", 1200);
	assert_load(t, d, "api", 1200);
	assert_load(t, d, "db", 1200);
	assert_true(load_of(t, d, "api")->capacity == 2000);
	assert_false(load_of(t, d, "api")->overloaded);
	assert_true(traffic_headroom(load_of(t, d, "api")) == 800);
	assert_true(traffic_utilisation(load_of(t, d, "api")) == 0.6);
	assert_true(traffic_summary(t).sent == 1200);
	assert_int_equal(traffic_summary(t).overloaded, 0);
	traffic_free(t);
	diagram_free(d);
}

/* Each fan-out edge carries its own share of the source's load; shares need not add to 1. */
static void
test_fan_out_and_ratios(void **state)
{
	struct diagram *d = diagram_new();
	const struct edge *hit;
	struct traffic *t;

	(void)state;
	build_node(d, "users", KIND_CLIENT, 1, 0, 10000);
	build_node(d, "gw", KIND_GATEWAY, 2, 0, 0);
	build_node(d, "reads", KIND_SERVICE, 4, 2000, 0);
	build_node(d, "writes", KIND_SERVICE, 2, 1000, 0);
	build_node(d, "cache", KIND_CACHE, 2, 50000, 0);
	build_node(d, "db", KIND_DB, 2, 500, 0);
	build_edge(d, "users", "gw", EDGE_SYNC, 1);
	build_edge(d, "gw", "reads", EDGE_SYNC, 0.9);
	build_edge(d, "gw", "writes", EDGE_SYNC, 0.1);
	hit = build_edge(d, "reads", "cache", EDGE_SYNC, 1);
	build_edge(d, "reads", "db", EDGE_SYNC, 0.05);
	build_edge(d, "writes", "db", EDGE_SYNC, 1);
	t = traffic_run(d);
	assert_load(t, d, "reads", 9000);
	assert_load(t, d, "writes", 1000);
	assert_load(t, d, "cache", 9000);
	assert_load(t, d, "db", 9000 * 0.05 + 1000);	/* 1,450 against 2 x 500 */
	assert_true(traffic_edge(t, hit) == 9000);
	assert_true(load_of(t, d, "db")->overloaded);
	assert_true(load_of(t, d, "reads")->overloaded);	/* 9,000 against 8,000 */
	assert_false(load_of(t, d, "writes")->overloaded);	/* exactly at capacity */
	assert_int_equal(traffic_summary(t).overloaded, 2);
	assert_int_equal(traffic_summary(t).with_capacity, 4);
	traffic_free(t);
	diagram_free(d);
}

/* Two sources merge; an async edge carries load like a sync one; a ratio 0 edge carries none. */
static void
test_merge(void **state)
{
	struct diagram *d = diagram_new();
	struct traffic *t;

	(void)state;
	build_node(d, "web", KIND_CLIENT, 1, 0, 300);
	build_node(d, "mobile", KIND_CLIENT, 1, 0, 200);
	build_node(d, "api", KIND_SERVICE, 1, 0, 0);
	build_node(d, "queue", KIND_BROKER, 1, 0, 0);
	build_node(d, "worker", KIND_WORKER, 1, 0, 0);
	build_node(d, "cron", KIND_WORKER, 1, 0, 7);
	build_node(d, "idle", KIND_SERVICE, 1, 0, 0);
	build_edge(d, "web", "api", EDGE_SYNC, 1);
	build_edge(d, "mobile", "api", EDGE_SYNC, 1);
	build_edge(d, "api", "queue", EDGE_ASYNC, 0.5);
	build_edge(d, "cron", "queue", EDGE_ASYNC, 1);
	build_edge(d, "queue", "worker", EDGE_ASYNC, 1);
	build_edge(d, "api", "idle", EDGE_SYNC, 0);
	t = traffic_run(d);
	assert_load(t, d, "api", 500);
	assert_load(t, d, "queue", 257);
	assert_load(t, d, "worker", 257);
	assert_load(t, d, "idle", 0);
	assert_true(traffic_summary(t).sent == 507);
	traffic_free(t);
	diagram_free(d);
}

/* No capacity: nothing to be over; no senders: every load is 0. */
static void
test_missing_capacities(void **state)
{
	struct diagram *d = diagram_new();
	const struct traffic_load *l;
	struct traffic *t;

	(void)state;
	build_node(d, "users", KIND_CLIENT, 1, 0, 0);
	build_node(d, "api", KIND_SERVICE, 3, 0, 0);
	build_node(d, "db", KIND_DB, 1, 10, 0);
	build_edge(d, "users", "api", EDGE_SYNC, 1);
	build_edge(d, "api", "db", EDGE_SYNC, 1);
	t = traffic_run(d);
	assert_load(t, d, "db", 0);
	assert_true(traffic_summary(t).sent == 0);
	traffic_free(t);

	diagram_set_node_rps(d, diagram_find_node(d, "users"), 1e6, NULL);
	t = traffic_run(d);
	l = load_of(t, d, "api");
	assert_true(l->load == 1e6 && l->capacity == 0 && !l->overloaded);
	assert_true(traffic_headroom(l) == 0 && traffic_utilisation(l) == 0);
	assert_true(load_of(t, d, "db")->overloaded);
	assert_int_equal(traffic_summary(t).with_capacity, 1);
	assert_int_equal(traffic_summary(t).overloaded, 1);
	traffic_free(t);
	diagram_free(d);
}

/*
 * a -> b (0.5), b -> a (0.5): every round sends back a quarter, so
 * a = 100 / (1 - 0.25) and b = a / 2.  The second cycle has a node that
 * sends back more than it receives (2) and one much less (0.25): gain
 * 0.5 per round, so c = 100 / 0.5 = 200 and d = 400 (the lazy iteration).
 * Three nodes that each send 0.2 to both others: gain 0.4 per round on
 * each, so by symmetry e = 100 / (1 - 0.4).
 */
static void
test_damped_cycles(void **state)
{
	struct diagram *d = diagram_new();
	struct traffic *t;

	(void)state;
	build_node(d, "users", KIND_CLIENT, 1, 0, 100);
	build_node(d, "a", KIND_SERVICE, 1, 0, 0);
	build_node(d, "b", KIND_SERVICE, 1, 0, 0);
	build_node(d, "after", KIND_DB, 1, 0, 0);
	build_node(d, "more", KIND_CLIENT, 1, 0, 100);
	build_node(d, "c", KIND_SERVICE, 1, 0, 0);
	build_node(d, "d", KIND_SERVICE, 1, 0, 0);
	build_node(d, "e", KIND_SERVICE, 1, 0, 100);
	build_node(d, "f", KIND_SERVICE, 1, 0, 100);
	build_node(d, "g", KIND_SERVICE, 1, 0, 100);
	build_edge(d, "users", "a", EDGE_SYNC, 1);
	build_edge(d, "a", "b", EDGE_SYNC, 0.5);
	build_edge(d, "b", "a", EDGE_ASYNC, 0.5);
	build_edge(d, "b", "after", EDGE_SYNC, 3);
	build_edge(d, "more", "c", EDGE_SYNC, 1);
	build_edge(d, "c", "d", EDGE_SYNC, 2);
	build_edge(d, "d", "c", EDGE_SYNC, 0.25);
	for (const char *const *p = (const char *const[]){ "e", "f", "g", "e", "f", NULL }; p[2] != NULL; p++) {
		build_edge(d, p[0], p[1], EDGE_ASYNC, 0.2);
		build_edge(d, p[0], p[2], EDGE_ASYNC, 0.2);
	}
	t = traffic_run(d);
	assert_load(t, d, "a", 100 / 0.75);
	assert_load(t, d, "b", 50 / 0.75);
	assert_load(t, d, "after", 150 / 0.75);
	assert_load(t, d, "c", 200);
	assert_load(t, d, "d", 400);
	assert_load(t, d, "e", 100 / 0.6);
	assert_load(t, d, "g", 100 / 0.6);
	assert_int_equal(traffic_summary(t).unbounded, 0);
	assert_int_equal(traffic_summary(t).cycles, 0);
	traffic_free(t);
	diagram_free(d);
}

/*
 * Gains of 1 or more have no steady state: the cycle and everything after
 * it is unbounded, what comes before it is not, and a cycle no traffic
 * reaches stays at 0.
 */
static void
test_amplifying_cycles(void **state)
{
	struct diagram *d = diagram_new();
	struct traffic *t;
	const struct node *const *members;
	size_t count;

	(void)state;
	build_node(d, "users", KIND_CLIENT, 1, 0, 100);
	build_node(d, "api", KIND_SERVICE, 2, 1000, 0);
	build_node(d, "retry", KIND_SERVICE, 1, 0, 0);
	build_node(d, "db", KIND_DB, 1, 0, 0);
	build_node(d, "x", KIND_SERVICE, 1, 0, 0);
	build_node(d, "y", KIND_SERVICE, 1, 0, 0);
	build_node(d, "z", KIND_SERVICE, 1, 0, 0);
	build_node(d, "loop", KIND_WORKER, 1, 0, 0);
	build_node(d, "back", KIND_BROKER, 1, 0, 0);
	build_edge(d, "users", "api", EDGE_SYNC, 1);
	build_edge(d, "api", "retry", EDGE_SYNC, 0.5);
	build_edge(d, "retry", "api", EDGE_SYNC, 2);	/* gain exactly 1 */
	build_edge(d, "retry", "db", EDGE_SYNC, 0.01);
	build_edge(d, "x", "y", EDGE_SYNC, 1.2);	/* gain 1.2, but no traffic */
	build_edge(d, "y", "z", EDGE_SYNC, 1);
	build_edge(d, "z", "x", EDGE_SYNC, 1);
	build_edge(d, "loop", "back", EDGE_ASYNC, 1);
	build_edge(d, "back", "loop", EDGE_ASYNC, 1);
	t = traffic_run(d);
	assert_load(t, d, "users", 100);
	assert_true(load_of(t, d, "api")->unbounded && isinf(load_of(t, d, "api")->load));
	assert_true(load_of(t, d, "api")->overloaded);
	assert_true(load_of(t, d, "retry")->unbounded);
	assert_true(load_of(t, d, "db")->unbounded);
	assert_false(load_of(t, d, "db")->overloaded);	/* no capacity given */
	assert_load(t, d, "x", 0);
	assert_load(t, d, "loop", 0);
	assert_int_equal(traffic_summary(t).cycles, 1);
	assert_int_equal(traffic_summary(t).unbounded, 3);
	members = traffic_cycle(t, 0, &count);
	assert_int_equal(count, 2);
	assert_string_equal(members[0]->id, "api");
	assert_string_equal(members[1]->id, "retry");
	assert_int_equal(load_of(t, d, "api")->cycle, 0);
	assert_int_equal(load_of(t, d, "db")->cycle, -1);
	assert_null(traffic_cycle(t, 1, &count));
	traffic_free(t);

	/* Now traffic reaches x, y, z (gain 1.2) and loop, back (gain 1). */
	diagram_set_node_rps(d, diagram_find_node(d, "y"), 1, NULL);
	diagram_set_node_rps(d, diagram_find_node(d, "loop"), 1, NULL);
	t = traffic_run(d);
	assert_true(load_of(t, d, "x")->unbounded && load_of(t, d, "loop")->unbounded);
	assert_int_equal(traffic_summary(t).cycles, 3);
	traffic_free(t);
	diagram_free(d);
}

/* A node of another diagram has no figures here. */
static void
test_foreign_node(void **state)
{
	struct diagram *d = diagram_new(), *other = diagram_new();
	struct traffic *t;

	(void)state;
	build_node(d, "a", KIND_CLIENT, 1, 0, 1);
	build_node(other, "a", KIND_CLIENT, 1, 0, 1);
	t = traffic_run(d);
	assert_non_null(traffic_node(t, diagram_find_node(d, "a")));
	assert_null(traffic_node(t, diagram_find_node(other, "a")));
	traffic_free(t);
	diagram_free(d);
	diagram_free(other);
}

static void
test_format_rate(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(traffic_format_rate(12000, buf, sizeof buf), "12,000");
	assert_string_equal(traffic_format_rate(999, buf, sizeof buf), "999");
	assert_string_equal(traffic_format_rate(1000000, buf, sizeof buf), "1,000,000");
	assert_string_equal(traffic_format_rate(0.25, buf, sizeof buf), "0.25");
	assert_string_equal(traffic_format_rate(12.5, buf, sizeof buf), "12.5");
	assert_string_equal(traffic_format_rate(0, buf, sizeof buf), "0");
	assert_string_equal(traffic_format_rate(1234.6, buf, sizeof buf), "1,235");
	assert_string_equal(traffic_format_rate(INFINITY, buf, sizeof buf), "unbounded");
	assert_string_equal(traffic_format_rate(123456, buf, 5), "123,");
}

#define SMALL 7

/* Invert m (n x n, row-major) in place by Gauss-Jordan; false when singular. */
static bool
invert(double *m, int n)
{
	double inverse[SMALL * SMALL] = { 0 };

	for (int i = 0; i < n; i++)
		inverse[i * n + i] = 1;
	for (int col = 0; col < n; col++) {
		int pivot = col;

		for (int r = col + 1; r < n; r++) {
			if (fabs(m[r * n + col]) > fabs(m[pivot * n + col]))
				pivot = r;
		}
		if (fabs(m[pivot * n + col]) < 1e-9)
			return false;
		for (int k = 0; k < n; k++) {
			double a = m[col * n + k], b = inverse[col * n + k];

			m[col * n + k] = m[pivot * n + k];
			inverse[col * n + k] = inverse[pivot * n + k];
			m[pivot * n + k] = a;
			inverse[pivot * n + k] = b;
		}
		for (int r = 0; r < n; r++) {
			double f = m[r * n + col] / m[col * n + col];

			if (r == col)
				continue;
			for (int k = 0; k < n; k++) {
				m[r * n + k] -= f * m[col * n + k];
				inverse[r * n + k] -= f * inverse[col * n + k];
			}
		}
	}
	for (int r = 0; r < n; r++) {
		double scale = m[r * n + r];

		for (int k = 0; k < n; k++)
			m[r * n + k] = inverse[r * n + k] / scale;
	}
	return true;
}

static void
test_random_against_exact(void **state)
{
	int bounded_cases = 0, unbounded_cases = 0;

	(void)state;
	random_seed(42);
	for (int round = 0; round < 3000; round++) {
		struct diagram *d = diagram_new();
		double a[SMALL * SMALL] = { 0 }, m[SMALL * SMALL], rps[SMALL];
		int n = 2 + (int)random_below(SMALL - 1), edges = (int)random_below(3 * (unsigned)n);
		char id[SMALL][16];
		struct traffic *t;
		bool positive;

		for (int i = 0; i < n; i++) {
			snprintf(id[i], sizeof id[i], "n%d", i);
			rps[i] = 1 + random_below(1000);
			build_node(d, id[i], KIND_SERVICE, 1, 0, rps[i]);
		}
		for (int k = 0; k < edges; k++) {
			int u = (int)random_below((unsigned)n), v = (int)random_below((unsigned)n - 1);
			double ratio = random_below(8) == 0 ? 0 : (1 + random_below(1500)) / 1000.0;

			v += v >= u;	/* the model has no self-loops */
			build_edge(d, id[u], id[v], random_below(2) ? EDGE_SYNC : EDGE_ASYNC, ratio);
			a[v * n + u] += ratio;		/* x_v gets ratio x_u */
		}
		for (int i = 0; i < n * n; i++)
			m[i] = (i / n == i % n ? 1 : 0) - a[i];
		/* rho(A) < 1 exactly when I - A has an inverse with no negative entry. */
		positive = invert(m, n);
		for (int i = 0; i < n * n && positive; i++)
			positive = m[i] >= -1e-12;
		t = traffic_run(d);
		if (positive) {
			bounded_cases++;
			for (int v = 0; v < n; v++) {
				double want = 0, got = load_of(t, d, id[v])->load;

				for (int u = 0; u < n; u++)
					want += m[v * n + u] * rps[u];
				if (!(fabs(got - want) <= 1e-7 * (want > 1 ? want : 1)))
					fail_msg("round %d: %s has load %.17g, want %.17g", round, id[v], got, want);
			}
			assert_int_equal(traffic_summary(t).unbounded, 0);
		} else {
			/* Every node sends, so the amplifying cycle has traffic. */
			if (traffic_summary(t).unbounded == 0 || traffic_summary(t).cycles == 0)
				fail_msg("round %d: rho(A) >= 1 and nothing is unbounded", round);
			unbounded_cases++;
		}
		traffic_free(t);
		diagram_free(d);
	}
	assert_true(bounded_cases > 500);
	assert_true(unbounded_cases > 100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_fan_out_and_ratios),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_missing_capacities),
		cmocka_unit_test(test_damped_cycles),
		cmocka_unit_test(test_amplifying_cycles),
		cmocka_unit_test(test_foreign_node),
		cmocka_unit_test(test_format_rate),
		cmocka_unit_test(test_random_against_exact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
