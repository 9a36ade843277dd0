/* Nodes ordered by group; see group_order.h. */
#include "group_order.h"

#include <stdlib.h>

#include "xalloc.h"

void
group_order_make(const struct diagram *d, struct group_order *o)
{
	size_t count = diagram_node_count(d), groups = diagram_group_count(d);
	size_t *next = xcalloc(groups + 2, sizeof *next);

	o->nodes = xmalloc((count + 1) * sizeof *o->nodes);
	o->start = xcalloc(groups + 2, sizeof *o->start);
	/* Count each group's members (ungrouped as group "groups"), then place them. */
	for (size_t i = 0; i < count; i++) {
		const struct group *g = diagram_node(d, i)->group;

		o->start[(g != NULL ? g->index : groups) + 1]++;
	}
	for (size_t g = 0; g <= groups; g++) {
		o->start[g + 1] += o->start[g];
		next[g] = o->start[g];
	}
	for (size_t i = 0; i < count; i++) {
		const struct group *g = diagram_node(d, i)->group;

		o->nodes[next[g != NULL ? g->index : groups]++] = i;
	}
	free(next);
}

void
group_order_free(struct group_order *o)
{
	free(o->nodes);
	free(o->start);
	*o = (struct group_order){ NULL, NULL };
}
