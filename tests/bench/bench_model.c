/*
 * Load and save speed, and memory, for big diagrams.
 *
 *   bench_model generate N FILE   write a diagram of N nodes (about two
 *                                 edges each) to FILE
 *   bench_model measure FILE      load FILE, save it, print one line of
 *                                 figures
 *
 * tests/bench/run.sh runs measure in a fresh process per size, so the peak
 * RSS (getrusage) belongs to that size alone.  The diagrams look like real
 * ones: kinds in realistic proportions, labels, tech, replicas, positions
 * on a grid, some notes, accepted risks and groups, edges mostly to nearby
 * nodes with protocol labels, some async, some with a ratio.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diagram_json.h"

static uint64_t rng = 0x853c49e6748fea9bu;

static uint64_t
next_random(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1du;
}

static size_t
below(size_t n)
{
	return (size_t)(next_random() % n);
}

/* Wall-clock and CPU seconds: the machine may be shared, CPU time is steadier. */
struct clock_pair {
	double wall, cpu;
};

static double
seconds(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct clock_pair
now(void)
{
	return (struct clock_pair){ seconds(CLOCK_MONOTONIC), seconds(CLOCK_PROCESS_CPUTIME_ID) };
}

static struct clock_pair
since(struct clock_pair start)
{
	struct clock_pair end = now();

	return (struct clock_pair){ end.wall - start.wall, end.cpu - start.cpu };
}

static void
must(bool ok, const struct napkin_error *err)
{
	if (!ok) {
		fprintf(stderr, "bench_model: %s\n", err->message);
		exit(1);
	}
}

/* Kinds as often as they appear in real designs: many services, few CDNs. */
static const enum node_kind kinds[] = {
	KIND_SERVICE, KIND_SERVICE, KIND_SERVICE, KIND_SERVICE, KIND_WORKER, KIND_WORKER,
	KIND_DB, KIND_DB, KIND_CACHE, KIND_CACHE, KIND_BROKER, KIND_LB, KIND_GATEWAY,
	KIND_FUNCTION, KIND_STORAGE, KIND_CLIENT, KIND_CDN, KIND_EXTERNAL,
};
static const char *const nouns[] = {
	"Orders", "Payments", "Users", "Search", "Catalog", "Checkout", "Inventory",
	"Shipping", "Notifications", "Sessions", "Feed", "Media", "Billing", "Auth",
};
static const char *const techs[] = {
	"", "", "Go", "Java 21", "PostgreSQL 16", "Redis 7", "Kafka", "nginx", "S3", "Node.js",
};
static const char *const protocols[] = { "HTTP", "gRPC", "SQL", "publish", "GET", "" };

static struct diagram *
generate(size_t n)
{
	struct diagram *d = diagram_new();
	struct napkin_error err;
	size_t groups = n / 200 + 1;

	diagram_set_recording(d, false);
	must(diagram_set_title(d, "Benchmark", &err), &err);
	for (size_t g = 0; g < groups; g++) {
		char id[32], label[32];

		snprintf(id, sizeof id, "zone-%zu", g);
		snprintf(label, sizeof label, "Zone %zu", g);
		must(diagram_add_group(d, id, label, &err) != NULL, &err);
	}
	for (size_t i = 0; i < n; i++) {
		enum node_kind kind = kinds[below(sizeof kinds / sizeof kinds[0])];
		const char *noun = nouns[below(sizeof nouns / sizeof nouns[0])];
		char id[40], label[64];
		struct accepted_risk risk = { (char *)"SPOF002", (char *)"managed failover outside this diagram" };
		struct node v = {
			.id = id, .kind = kind, .label = label,
			.tech = (char *)techs[below(sizeof techs / sizeof techs[0])],
			.notes = (char *)(below(20) == 0 ? "Owns the write path; p99 under 50 ms.\nPaged out of hours." : ""),
			.replicas = below(3) == 0 ? (int)below(8) + 2 : 1,
			.managed = below(5) == 0,
			.x = (int)(i % 1000) * 30, .y = (int)(i / 1000) * 6,
			.capacity = below(3) == 0 ? (double)(below(50) + 1) * 1000 : 0,
			.rps = kind == KIND_CLIENT ? 2500.5 : 0,
			.accepts = &risk, .accept_count = below(100) == 0,
		};
		const struct node *node;

		snprintf(id, sizeof id, "%s-%zu", kind_name(kind), i);
		snprintf(label, sizeof label, "%s %s %zu", noun, kind_info(kind)->tag, i);
		node = diagram_insert_node(d, &v, &err);
		must(node != NULL, &err);
		if (below(2) == 0)
			must(diagram_set_node_group(d, node, diagram_group(d, i / 200), &err), &err);
	}
	for (size_t i = 0; n > 1 && i < 2 * n; i++) {
		size_t from = i / 2, to = (from + 1 + below(50)) % n;
		const struct edge *e;

		if (to == from)
			continue;
		e = diagram_connect(d, diagram_node(d, from), diagram_node(d, to),
		    protocols[below(sizeof protocols / sizeof protocols[0])],
		    below(5) == 0 ? EDGE_ASYNC : EDGE_SYNC, &err);
		must(e != NULL, &err);
		if (below(10) == 0)
			must(diagram_set_edge_ratio(d, e, 0.1, &err), &err);
	}
	return d;
}

/* Resident memory now, in bytes (from /proc/self/statm). */
static size_t
resident(void)
{
	unsigned long pages = 0, size;
	FILE *in = fopen("/proc/self/statm", "r");

	if (in == NULL || fscanf(in, "%lu %lu", &size, &pages) != 2)
		pages = 0;
	if (in != NULL)
		fclose(in);
	return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

/* Bytes the diagram's strings take, NULs included: the "plus strings". */
static size_t
string_bytes(const struct diagram *d)
{
	size_t total = strlen(diagram_title(d)) + 1;

	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);

		total += strlen(n->id) + strlen(n->label) + strlen(n->tech) + strlen(n->notes) + 4;
		for (size_t a = 0; a < n->accept_count; a++)
			total += strlen(n->accepts[a].rule) + strlen(n->accepts[a].reason) + 2;
	}
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		total += strlen(diagram_edge(d, i)->label) + 1;
	for (size_t i = 0; i < diagram_group_count(d); i++)
		total += strlen(diagram_group(d, i)->id) + strlen(diagram_group(d, i)->label) + 2;
	return total;
}

static int
measure(const char *path)
{
	struct error_list errors = { 0 };
	struct napkin_error err;
	struct rusage usage;
	struct stat st;
	struct diagram *d;
	struct clock_pair t0, load, save;
	size_t before = resident(), model, strings, nodes;
	char *out;

	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	t0 = now();
	d = diagram_load_file(path, &errors);
	load = since(t0);
	if (d == NULL) {
		error_list_print(&errors, stderr);
		return 1;
	}
	/* The file's text is freed by now: what is left is the model. */
	model = resident() - before;
	out = malloc(strlen(path) + 8);
	sprintf(out, "%s.saved", path);
	t0 = now();
	must(diagram_save_file(d, out, &err), &err);
	save = since(t0);
	getrusage(RUSAGE_SELF, &usage);
	nodes = diagram_node_count(d);
	strings = string_bytes(d);
	printf("%9zu %9zu %7.1f MB %6.3f s %6.3f s %6.3f s %6.3f s %7.1f MB %7.1f MB %6zu B %6zu B\n",
	    nodes, diagram_edge_count(d), (double)st.st_size / 1e6, load.wall, load.cpu,
	    save.wall, save.cpu,
	    (double)usage.ru_maxrss / 1024, (double)model / 1e6,
	    nodes > 0 ? model / nodes : 0, nodes > 0 ? (model - strings) / nodes : 0);
	diagram_free(d);
	unlink(out);
	free(out);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "generate") == 0) {
		struct napkin_error err;
		struct diagram *d = generate(strtoul(argv[2], NULL, 10));

		must(diagram_save_file(d, argv[3], &err), &err);
		diagram_free(d);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "measure") == 0)
		return measure(argv[2]);
	if (argc == 2 && strcmp(argv[1], "header") == 0) {
		printf("%9s %9s %10s %8s %8s %8s %8s %10s %10s %8s %8s\n", "nodes", "edges", "file",
		    "load", "(cpu)", "save", "(cpu)", "peak RSS", "model", "/node", "-strings");
		return 0;
	}
	fprintf(stderr, "usage: bench_model generate N FILE | measure FILE | header\n");
	return 2;
}
