/*
 * make bench: the critique on generated 1,000 / 100,000 / 1,000,000-node
 * diagrams with about two edges per node.
 *
 * For each size it prints: loading the file, critique_run on the loaded
 * diagram (what the whiteboard pays after every edit), and `napkin check
 * FILE --format json` as a whole process (load, every rule, the report).
 * When Debian's python3-igraph is installed it also times igraph (a C core)
 * computing only a dominator tree and one reachability on the same graph,
 * as a whole process too, and prints the ratio.  Target: napkin's whole
 * check under half of igraph's time at 100,000 nodes.
 *
 * The machine may be shared, so the two processes take turns on the same
 * file, several rounds, and each side's best round counts: load from other
 * work then slows both alike instead of whichever ran during it.  The
 * in-process figures are single runs (the first load in a process, as
 * napkin check pays it).
 *
 * usage: bench_critique DIR   (NAPKIN names the binary, NAPKIN_ROOT the tree)
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "critique.h"
#include "diagram_json.h"
#include "xalloc.h"

#include "bench_support.h"

struct builder {
	struct diagram *d;
	struct napkin_error err;
};

static const struct node *
node(struct builder *b, enum node_kind kind, const char *id, int replicas, bool managed, uint32_t at)
{
	struct node values = { 0 };
	const struct node *n;

	values.id = (char *)id;		/* copied by diagram_insert_node */
	values.kind = kind;
	values.label = (char *)id;
	values.tech = "";
	values.notes = "";
	values.replicas = replicas;
	values.managed = managed;
	values.x = (int)(at % 1000) * 20;
	values.y = (int)(at / 1000) * 6;
	n = diagram_insert_node(b->d, &values, &b->err);
	if (n == NULL)
		fatal("generate: %s", b->err.message);
	return n;
}

static void
edge(struct builder *b, const struct node *from, const struct node *to, enum edge_mode mode)
{
	if (diagram_connect(b->d, from, to, "", mode, &b->err) == NULL)
		fatal("generate: %s", b->err.message);
}

/*
 * A system-design-shaped diagram: n / 12 service stacks, each a managed
 * gateway and load balancer in front of a redundancy group api-K-1/api-K-2
 * with a cache (cache-aside), a database, a broker feeding workers, a
 * search service with its index, and media behind a CDN; stacks call the
 * search service of an earlier stack, and one client per two stacks enters
 * through their gateways and CDNs.  About two edges per node.  One stack in ten
 * has a flaw (a single database, worker or search instance, a sync call
 * into a worker), so every rule family has work to do.
 */
static struct diagram *
generate(uint32_t n)
{
	struct builder b = { diagram_new(), { { 0 }, NULL } };
	uint32_t stacks = n / 12, at = 0;
	const struct node **search = xreallocarray(NULL, stacks, sizeof *search);
	const struct node *client = NULL;
	char id[11][40];

	diagram_set_recording(b.d, false);
	for (uint32_t k = 0; k < stacks && at + 12 <= n; k++) {
		static const char *const names[] = { "gw", "lb", "api-%u-1", "api-%u-2", "cache", "db", "jobs",
			"worker", "search", "index", "media" };
		const struct node *gw, *lb, *api[2], *cache, *db, *jobs, *worker, *index, *media, *cdn;
		uint32_t flaw = random_below(10) == 0 ? 1 + random_below(4) : 0;
		const struct node *other;

		for (int i = 0; i < 11; i++) {
			if (i == 2 || i == 3)
				snprintf(id[i], sizeof id[i], names[i], k);
			else
				snprintf(id[i], sizeof id[i], "%s-%u", names[i], k);
		}
		if (k % 2 == 0) {
			char name[32];

			snprintf(name, sizeof name, "users-%u", k / 2);
			client = node(&b, KIND_CLIENT, name, 1, false, at++);
		}
		gw = node(&b, KIND_GATEWAY, id[0], 1, true, at++);
		lb = node(&b, KIND_LB, id[1], 1, true, at++);
		api[0] = node(&b, KIND_SERVICE, id[2], 1, false, at++);
		api[1] = node(&b, KIND_SERVICE, id[3], 1, false, at++);
		cache = node(&b, KIND_CACHE, id[4], 2, false, at++);
		db = node(&b, KIND_DB, id[5], flaw == 1 ? 1 : 2, false, at++);
		jobs = node(&b, KIND_BROKER, id[6], 3, false, at++);
		worker = node(&b, KIND_WORKER, id[7], flaw == 2 ? 1 : 2, false, at++);
		search[k] = node(&b, KIND_SERVICE, id[8], flaw == 3 ? 1 : 2, false, at++);
		index = node(&b, KIND_DB, id[9], 2, false, at++);
		media = node(&b, KIND_STORAGE, id[10], 1, false, at++);
		snprintf(id[0], sizeof id[0], "cdn-%u", k);
		cdn = node(&b, KIND_CDN, id[0], 1, false, at++);
		other = k > 0 ? search[random_below(k)] : index;
		edge(&b, client, gw, EDGE_SYNC);
		edge(&b, client, cdn, EDGE_SYNC);
		edge(&b, gw, lb, EDGE_SYNC);
		for (int i = 0; i < 2; i++) {
			edge(&b, lb, api[i], EDGE_SYNC);
			edge(&b, api[i], cache, EDGE_SYNC);
			edge(&b, api[i], db, EDGE_SYNC);
			edge(&b, api[i], jobs, EDGE_ASYNC);
			edge(&b, api[i], search[k], EDGE_SYNC);
			edge(&b, api[i], other, EDGE_SYNC);
			edge(&b, api[i], media, EDGE_SYNC);
			if (flaw == 4)
				edge(&b, api[i], worker, EDGE_SYNC);
		}
		edge(&b, jobs, worker, EDGE_ASYNC);
		edge(&b, worker, db, EDGE_SYNC);
		edge(&b, worker, media, EDGE_SYNC);
		edge(&b, worker, index, EDGE_SYNC);
		edge(&b, search[k], cache, EDGE_SYNC);
		edge(&b, search[k], index, EDGE_SYNC);
		edge(&b, cdn, media, EDGE_SYNC);
	}
	free(search);
	return b.d;
}

/*
 * The igraph baseline once: its whole time (or -1), and the times it
 * measures itself -- reading and building the graph, and the algorithms.
 */
static double
run_igraph(char *const argv[], const char *timing, double *build, double *algorithms)
{
	double t = run_process(argv, timing);
	FILE *in = fopen(timing, "r");

	if (in == NULL || fscanf(in, "%lf %lf", build, algorithms) != 2)
		t = -1;
	if (in != NULL)
		fclose(in);
	return t;
}

/* The better of best and t, where 0 is no run yet and -1 a failed one (which sticks). */
static double
better(double best, double t)
{
	return t < 0 || best < 0 ? -1 : best == 0 || t < best ? t : best;
}

static const char *
python_with_igraph(void)
{
	static const char *const candidates[] = { "/usr/bin/python3", "/usr/local/bin/python3" };

	for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		char *argv[] = { (char *)candidates[i], "-c", "import igraph", NULL };

		if (access(candidates[i], X_OK) == 0 && run_process(argv, NULL) >= 0)
			return candidates[i];
	}
	return NULL;
}

static void
bench_size(const char *dir, uint32_t n, const char *napkin, const char *python, const char *script)
{
	char *path = xasprintf("%s/critique-%u.json", dir, n), *timing = xasprintf("%s/igraph-%u.txt", dir, n);
	struct error_list errors = { 0 };
	struct napkin_error err;
	struct diagram *d = generate(n);
	struct critique *c;
	struct critique_summary sum;
	double t0, load, analyse, process;
	int runs = n >= 1000000 ? 3 : 7;

	if (!diagram_save_file(d, path, &err))
		fatal("%s: %s", path, err.message);
	diagram_free(d);

	t0 = now();
	d = diagram_load_file(path, &errors);
	load = now() - t0;
	if (d == NULL)
		fatal("%s does not load", path);
	t0 = now();
	c = critique_run(d);
	analyse = now() - t0;
	sum = critique_summary(c);
	printf("%9u nodes %9zu edges: load %7.3f s, critique %7.3f s (%zu findings: %zu errors, "
	    "%zu warnings, %zu notes)\n", n, diagram_edge_count(d), load, analyse, critique_finding_count(c),
	    sum.count[SEVERITY_ERROR], sum.count[SEVERITY_WARNING], sum.count[SEVERITY_NOTE]);
	critique_free(c);
	diagram_free(d);

	{
		char *check[] = { (char *)napkin, "check", path, "--format", "json", NULL };
		char *baseline[] = { (char *)python, (char *)script, path, NULL };
		double igraph = 0, build = 0, algorithms = 0;

		process = 0;
		for (int i = 0; i < runs; i++) {
			double t, run_build, run_algorithms;

			process = better(process, run_process(check, NULL));
			if (python == NULL)
				continue;
			t = run_igraph(baseline, timing, &run_build, &run_algorithms);
			if (t >= 0 && (igraph == 0 || t < igraph)) {
				build = run_build;
				algorithms = run_algorithms;
			}
			igraph = better(igraph, t);
		}
		printf("%9s napkin check (whole process, best of %d): %7.3f s\n", "", runs, process);
		if (python != NULL && (igraph < 0 || process < 0)) {
			printf("%9s igraph: failed\n", "");
		} else if (python != NULL) {
			printf("%9s igraph dominator tree + reachability (whole process, best of %d, taking turns "
			    "with napkin): %7.3f s (read + build %.3f s, algorithms %.3f s)\n", "", runs, igraph,
			    build, algorithms);
			printf("%9s ratio, whole processes: napkin check / igraph %.3f (target < 0.5)\n", "",
			    process / igraph);
			printf("%9s ratio, analysis alone: critique_run (every rule) / igraph algorithms %.3f\n", "",
			    analyse / algorithms);
		}
	}
	if (getenv("BENCH_KEEP") == NULL)	/* BENCH_KEEP=1 keeps the files, for profiling */
		unlink(path);
	unlink(timing);
	free(path);
	free(timing);
}

int
main(int argc, char **argv)
{
	static const uint32_t sizes[] = { 1000, 100000, 1000000 };
	const char *napkin = getenv("NAPKIN"), *root = getenv("NAPKIN_ROOT");
	const char *python = python_with_igraph();
	char *script;
	char napkin_path[4096];

	if (argc != 2 || napkin == NULL)
		fatal("usage: NAPKIN=BINARY bench_critique DIR");
	if (napkin[0] != '/' && realpath(napkin, napkin_path) != NULL)
		napkin = napkin_path;
	script = xasprintf("%s/tests/bench/igraph_dominators.py", root != NULL ? root : ".");
	if (python == NULL)
		printf("(python3-igraph not installed: napkin's figures only)\n");
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		bench_size(argv[1], sizes[i], napkin, python, script);
	free(script);
	return 0;
}
