/*
 * make bench: what interview mode pays per edit, on generated 1,000 /
 * 100,000 / 1,000,000-node diagrams with traffic estimates.
 *
 * Each stack of 12 nodes is a small design -- clients with rps, a gateway,
 * an API with a cache and a database, a queue and workers that re-enqueue
 * 5% of their jobs (a damped cycle the traffic solver iterates), search,
 * media behind a CDN -- with capacities, ratios, and calls into an earlier
 * stack's search.  For each size it prints traffic_run, the url-shortener
 * template's expectations, scorecard_build against the url-shortener
 * reference (critique + traffic + expectations + missing components: what
 * :score recomputes), and `napkin score` as a whole process.
 *
 * usage: bench_interview DIR   (NAPKIN names the binary, NAPKIN_ROOT the tree)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "critique.h"
#include "diagram_json.h"
#include "expect.h"
#include "interview.h"
#include "scorecard.h"
#include "traffic.h"
#include "xalloc.h"

#include "bench_support.h"

static const struct node *
add(struct diagram *d, enum node_kind kind, const char *base, uint32_t k, int replicas, double capacity,
    double rps, uint32_t at)
{
	char id[48];
	struct node values = { 0 };
	struct napkin_error err;
	const struct node *n;

	snprintf(id, sizeof id, "%s-%u", base, k);
	values.id = id;
	values.kind = kind;
	values.label = id;
	values.tech = "";
	values.notes = "";
	values.replicas = replicas;
	values.managed = kind == KIND_GATEWAY;
	values.capacity = capacity;
	values.rps = rps;
	values.x = (int)(at % 1000) * 30;
	values.y = (int)(at / 1000) * 7;
	n = diagram_insert_node(d, &values, &err);
	if (n == NULL)
		fatal("generate: %s", err.message);
	return n;
}

static void
connect_nodes(struct diagram *d, const struct node *from, const struct node *to, enum edge_mode mode, double ratio)
{
	struct napkin_error err;
	const struct edge *e = diagram_connect(d, from, to, "", mode, &err);

	if (e == NULL || !diagram_set_edge_ratio(d, e, ratio, &err))
		fatal("generate: %s", err.message);
}

static struct diagram *
generate(uint32_t n)
{
	struct diagram *d = diagram_new();
	uint32_t stacks = n / 12, at = 0;
	const struct node **search = xreallocarray(NULL, stacks ? stacks : 1, sizeof *search);

	diagram_set_recording(d, false);
	for (uint32_t k = 0; k < stacks; k++) {
		const struct node *users = add(d, KIND_CLIENT, "users", k, 1, 0, 1000, at++);
		const struct node *gw = add(d, KIND_GATEWAY, "gw", k, 1, 0, 0, at++);
		const struct node *api = add(d, KIND_SERVICE, "api", k, 4, 500, 0, at++);
		const struct node *cache = add(d, KIND_CACHE, "cache", k, 2, 100000, 0, at++);
		const struct node *db = add(d, KIND_DB, "db", k, 2, 2000, 0, at++);
		const struct node *queue = add(d, KIND_BROKER, "queue", k, 3, 20000, 0, at++);
		const struct node *worker = add(d, KIND_WORKER, "worker", k, 2, 500, 0, at++);
		const struct node *media = add(d, KIND_STORAGE, "media", k, 1, 0, 0, at++);
		const struct node *cdn = add(d, KIND_CDN, "cdn", k, 1, 0, 0, at++);
		const struct node *index = add(d, KIND_DB, "index", k, 2, 5000, 0, at++);
		const struct node *mail = add(d, KIND_EXTERNAL, "mail", k, 1, 0, 0, at++);

		search[k] = add(d, KIND_SERVICE, "search", k, 2, 1000, 0, at++);
		connect_nodes(d, users, gw, EDGE_SYNC, 1);
		connect_nodes(d, users, cdn, EDGE_SYNC, 2);
		connect_nodes(d, cdn, media, EDGE_SYNC, 0.05);
		connect_nodes(d, gw, api, EDGE_SYNC, 1);
		connect_nodes(d, api, cache, EDGE_SYNC, 1);
		connect_nodes(d, api, db, EDGE_SYNC, 0.1);
		connect_nodes(d, api, queue, EDGE_ASYNC, 0.2);
		connect_nodes(d, queue, worker, EDGE_ASYNC, 1);
		connect_nodes(d, worker, queue, EDGE_ASYNC, 0.05);	/* retries: a damped cycle */
		connect_nodes(d, worker, db, EDGE_SYNC, 1);
		connect_nodes(d, worker, media, EDGE_SYNC, 1);
		connect_nodes(d, worker, mail, EDGE_SYNC, 0.5);
		connect_nodes(d, api, search[k], EDGE_SYNC, 0.1);
		connect_nodes(d, search[k], index, EDGE_SYNC, 1);
		if (k > 0)
			connect_nodes(d, api, search[random_below(k)], EDGE_SYNC, 0.05);
	}
	free(search);
	return d;
}

static void
bench_size(const char *dir, uint32_t n, const char *napkin, const char *template_path,
    const struct diagram *reference, const struct interview *iv)
{
	char *path = xasprintf("%s/interview-%u.json", dir, n);
	struct diagram *d = generate(n);
	struct critique *c;
	struct traffic *t;
	struct traffic_summary sum;
	struct expect_result *results;
	struct scorecard *sc;
	struct napkin_error err;
	double t0, traffic, critique, expect, score, process;

	t0 = now();
	t = traffic_run(d);
	traffic = now() - t0;
	sum = traffic_summary(t);
	t0 = now();
	c = critique_run(d);
	critique = now() - t0;
	t0 = now();
	results = expect_evaluate(&iv->expectations, d, c, t);
	expect = now() - t0;
	expect_results_free(results, iv->expectations.count);
	critique_free(c);
	traffic_free(t);
	t0 = now();
	sc = scorecard_build(d, iv, reference);
	score = now() - t0;
	printf("%9zu nodes %9zu edges: traffic %7.3f s (%.0f req/s sent, %zu overloaded), critique %7.3f s, "
	    "expectations %7.3f s, scorecard %7.3f s (%zu of %zu met, %zu missing)\n", diagram_node_count(d),
	    diagram_edge_count(d), traffic, sum.sent, sum.overloaded, critique, expect, score, sc->met,
	    iv->expectations.count, sc->missing_count);
	scorecard_free(sc);
	if (!diagram_save_file(d, path, &err))
		fatal("%s: %s", path, err.message);
	diagram_free(d);
	{
		char *argv[] = { (char *)napkin, "score", path, "--template", (char *)template_path, "--format", "json", NULL };

		process = run_process(argv, NULL);
		printf("%9s napkin score (whole process: load, scorecard, JSON report): %7.3f s\n", "", process);
	}
	if (getenv("BENCH_KEEP") == NULL)	/* BENCH_KEEP=1 keeps the files, for profiling */
		unlink(path);
	free(path);
}

int
main(int argc, char **argv)
{
	static const uint32_t sizes[] = { 1000, 100000, 1000000 };
	size_t count = getenv("BENCH_SMALL") != NULL ? 2 : 3;	/* BENCH_SMALL=1 skips the million */
	const char *napkin = getenv("NAPKIN"), *root = getenv("NAPKIN_ROOT");
	struct error_list errors = { 0 };
	struct diagram *reference;
	struct interview *iv;
	char *template_path;
	char napkin_path[4096];

	if (argc != 2 || napkin == NULL)
		fatal("usage: NAPKIN=BINARY bench_interview DIR");
	seed = 7;
	if (napkin[0] != '/' && realpath(napkin, napkin_path) != NULL)
		napkin = napkin_path;
	template_path = xasprintf("%s/templates/url-shortener.json", root != NULL ? root : ".");
	iv = interview_load_file(template_path, &reference, &errors);
	if (iv == NULL) {
		error_list_print(&errors, stderr);
		fatal("cannot load %s", template_path);
	}
	for (size_t i = 0; i < count; i++)
		bench_size(argv[1], sizes[i], napkin, template_path, reference, iv);
	interview_free(iv);
	diagram_free(reference);
	free(template_path);
	return 0;
}
