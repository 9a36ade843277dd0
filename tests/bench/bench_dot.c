/*
 * make bench: Graphviz export and import.
 *
 * DOT export of a 100,000-node diagram (about two edges per node) and
 * import of that DOT back, checked to give the same diagram, without
 * groups and with a hundred (libcgraph's agwrite tests every node and
 * edge against every cluster, so groups cost); import of a foreign
 * 100,000-node DOT file (kinds guessed, placed in rows); and auto-arrange
 * with dot at growing sizes, which is what LAYOUT_DOT_MAX_NODES is chosen
 * from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "diagram_json.h"
#include "dot_import.h"
#include "export.h"
#include "layout.h"
#include "xalloc.h"

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static long
peak_rss_mib(void)
{
	struct rusage u;

	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss / 1024;
}

static struct diagram *
generate(size_t count, size_t groups)
{
	static const char *const techs[] = { "", "Go", "PostgreSQL 16", "Redis 7", "Kafka", "S3" };
	struct diagram *d = diagram_new();
	struct napkin_error err;
	char id[32], label[64];

	diagram_set_recording(d, false);
	diagram_set_title(d, "Benchmark", &err);
	for (size_t g = 0; g < groups; g++) {
		snprintf(id, sizeof id, "zone%zu", g);
		snprintf(label, sizeof label, "Zone %zu", g);
		diagram_add_group(d, id, label, &err);
	}
	for (size_t i = 0; i < count; i++) {
		struct node v = { .kind = (enum node_kind)(i % KIND_COUNT), .replicas = 1 + (int)(i % 3),
			.x = (int)(i % 500) * 30, .y = (int)(i / 500) * 8, .tech = (char *)techs[i % 6],
			.capacity = i % 4 ? 0 : 1000 + i };
		const struct node *n;

		snprintf(id, sizeof id, "n%zu", i);
		snprintf(label, sizeof label, "Component \"%zu\" <%s>", i, i % 2 ? "a\\b" : "ü");
		v.id = id;
		v.label = label;
		n = diagram_insert_node(d, &v, &err);
		if (n == NULL)
			fatal("%s", err.message);
		if (groups > 0 && i % 3 == 0)
			diagram_set_node_group(d, n, diagram_group(d, i % groups), &err);
	}
	for (size_t i = 1; i < count; i++) {
		const struct edge *e = diagram_connect(d, diagram_node(d, i / 2), diagram_node(d, i),
		    i % 5 ? "HTTP" : "", i % 4 ? EDGE_SYNC : EDGE_ASYNC, &err);

		if (i % 7 == 0)
			diagram_set_edge_ratio(d, e, 0.25, &err);
		if (i + 7 < count)
			diagram_connect(d, diagram_node(d, i), diagram_node(d, i + 7), "", EDGE_SYNC, &err);
	}
	diagram_set_recording(d, true);
	diagram_clear_history(d);
	return d;
}

static char *
export_dot(const struct diagram *d, size_t *len)
{
	char *text = NULL;
	FILE *out = open_memstream(&text, len);

	if (out == NULL || !dot_export_write(d, NULL, out) || fclose(out) != 0)
		fatal("DOT export failed");
	return text;
}

static struct diagram *
import_dot(const char *text, size_t len, struct dot_import_summary *summary)
{
	struct error_list warnings = { 0 }, errors = { 0 };
	struct diagram *d = dot_import_buffer("bench.dot", text, len, summary, &warnings, &errors);

	error_list_print(&errors, stderr);
	if (d == NULL)
		fatal("DOT import failed");
	error_list_clear(&warnings);
	error_list_clear(&errors);
	return d;
}

static void
round_trip(size_t count, size_t groups)
{
	struct diagram *d = generate(count, groups);
	size_t len;
	double t0 = now(), t1, t2;
	char *text = export_dot(d, &len), *before, *after;
	struct diagram *back;

	t1 = now();
	back = import_dot(text, len, NULL);
	t2 = now();
	before = diagram_to_json(d, NULL);
	after = diagram_to_json(back, NULL);
	printf("  %7zu nodes %7zu edges %4zu groups: export %6.0f ms (%5.1f MB), import %6.0f ms, %s\n",
	    count, diagram_edge_count(d), groups, (t1 - t0) * 1000, len / 1e6, (t2 - t1) * 1000,
	    strcmp(before, after) == 0 ? "same diagram back" : "DIFFERENT diagram back");
	free(before);
	free(after);
	free(text);
	diagram_free(back);
	diagram_free(d);
}

/* A DOT file from elsewhere: no napkin attributes, so kinds are guessed and nodes placed. */
static void
foreign(size_t count)
{
	static const char *const words[] = { "api", "redis", "orders-db", "kafka", "worker", "nginx" };
	struct dot_import_summary summary;
	char *text = NULL;
	size_t len;
	FILE *out = open_memstream(&text, &len);
	struct diagram *d;
	double t0;

	fprintf(out, "digraph {\n\tnode [shape=box]\n");
	for (size_t i = 0; i < count; i++)
		fprintf(out, "\t\"%s %zu\" [label=\"%s\\n#%zu\"]\n", words[i % 6], i, words[i % 6], i);
	for (size_t i = 1; i < count; i++)
		fprintf(out, "\t\"%s %zu\" -> \"%s %zu\" [label=call]\n", words[i / 2 % 6], i / 2, words[i % 6], i);
	fprintf(out, "}\n");
	fclose(out);
	t0 = now();
	d = import_dot(text, len, &summary);
	printf("  %7zu nodes, foreign DOT: import %7.0f ms (%zu kinds guessed, %s)\n", count,
	    (now() - t0) * 1000, summary.kinds_guessed,
	    summary.method == LAYOUT_DOT ? "laid out by dot" : "placed in rows");
	free(text);
	diagram_free(d);
}

static void
arrange(size_t count)
{
	struct diagram *d = generate(count, count / 20);
	struct napkin_error why;
	double t0 = now();
	enum layout_method m = layout_arrange(d, DIRECTION_LR, &why);

	printf("  %7zu nodes: auto-arrange %7.0f ms (%s)\n", count, (now() - t0) * 1000,
	    m == LAYOUT_DOT ? "dot" : "rows");
	diagram_free(d);
}

int
main(void)
{
	printf("DOT export and import (napkin's own DOT; the import is checked against the original)\n");
	round_trip(1000, 10);
	round_trip(100000, 0);
	round_trip(100000, 100);
	printf("DOT import of a foreign file\n");
	foreign(100000);
	printf("auto-arrange (layout_arrange; dot up to %d nodes, rows above)\n", LAYOUT_DOT_MAX_NODES);
	for (size_t n = 125; n < LAYOUT_DOT_MAX_NODES; n *= 2)
		arrange(n);
	arrange(LAYOUT_DOT_MAX_NODES);
	arrange(LAYOUT_DOT_MAX_NODES + 1);
	arrange(100000);
	printf("peak memory: %ld MiB\n", peak_rss_mib());
	return 0;
}
