/* Generated diagrams for property tests and benchmarks; see support.h. */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

unsigned
support_random(unsigned *state)
{
	/* xorshift32: quick, and the same on every platform. */
	unsigned x = *state != 0 ? *state : 0x9e3779b9u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

struct diagram *
support_generate(size_t node_count, unsigned seed)
{
	struct diagram *d = diagram_new();
	const struct node **nodes = malloc((node_count + 1) * sizeof *nodes);
	size_t columns = (size_t)ceil(sqrt((double)node_count * 2.0));
	unsigned rng = seed * 2654435761u + 1;

	diagram_set_recording(d, false);
	if (columns == 0)
		columns = 1;
	for (size_t i = 0; i < node_count; i++) {
		struct node v = { 0 };
		char label[32];
		int len = 3 + (int)(support_random(&rng) % 10);

		for (int k = 0; k < len; k++)
			label[k] = (char)('a' + support_random(&rng) % 26);
		label[len] = '\0';
		v.kind = (enum node_kind)(support_random(&rng) % KIND_COUNT);
		v.label = label;
		v.tech = support_random(&rng) % 3 == 0 ? "Go" : "";
		v.notes = "";
		v.replicas = support_random(&rng) % 4 == 0 ? 3 : 1;
		v.managed = support_random(&rng) % 5 == 0;
		v.x = 2 + (int)(i % columns) * GEN_COLUMN_STEP + (int)(support_random(&rng) % 4);
		v.y = 1 + (int)(i / columns) * GEN_ROW_STEP + (int)(support_random(&rng) % 2);
		nodes[i] = diagram_insert_node(d, &v, NULL);
	}
	for (size_t i = 0; node_count > 1 && i < node_count * 2; i++) {
		size_t from = i / 2, to;
		/* One edge in twenty reaches up to ten columns or rows away. */
		long reach = support_random(&rng) % 20 == 0 ? 10 : 1;
		long dc = (long)(support_random(&rng) % (unsigned long)(2 * reach + 1)) - reach;
		long dr = (long)(support_random(&rng) % (unsigned long)(2 * reach + 1)) - reach;
		long column = (long)(from % columns) + dc, row = (long)(from / columns) + dr;
		long t = row * (long)columns + column;

		if (column < 0 || column >= (long)columns || row < 0 || t >= (long)node_count)
			continue;
		to = (size_t)t;
		if (to == from)
			continue;
		diagram_connect(d, nodes[from], nodes[to], support_random(&rng) % 2 ? "HTTP" : "",
		    support_random(&rng) % 4 == 0 ? EDGE_ASYNC : EDGE_SYNC, NULL);
	}
	diagram_set_recording(d, true);
	free(nodes);
	return d;
}

struct diagram *
support_crowded(size_t n, bool inward)
{
	struct diagram *d = diagram_new();
	size_t side = 1;
	const struct node *hub;

	while (side * side < n + 1)
		side++;
	hub = diagram_add_node(d, "hub", KIND_SERVICE, "Hub", (int)(side / 2) * 24, (int)(side / 2) * 8, NULL);
	for (size_t i = 0, placed = 0; placed < n; i++) {
		char id[32];
		const struct node *other;
		const char *label = placed % 3 == 0 ? "HTTP" : "";
		enum edge_mode mode = placed % 5 == 0 ? EDGE_ASYNC : EDGE_SYNC;

		if (i == side / 2 * side + side / 2)
			continue;	/* the hub's cell */
		snprintf(id, sizeof id, "n%zu", placed++);
		other = diagram_add_node(d, id, inward ? KIND_CLIENT : KIND_WORKER, id, (int)(i % side) * 24,
		    (int)(i / side) * 8, NULL);
		if (inward)
			diagram_connect(d, other, hub, label, mode, NULL);
		else
			diagram_connect(d, hub, other, label, mode, NULL);
	}
	return d;
}
