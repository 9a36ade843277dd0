/*
 * A diagram's nodes ordered by group: each group's members in node order,
 * the groups in group order, the ungrouped nodes last.  Exports write a
 * group's members together and auto-arrange keeps them side by side; one
 * counting sort, linear in nodes and groups.
 */
#ifndef NAPKIN_GROUP_ORDER_H
#define NAPKIN_GROUP_ORDER_H

#include <stddef.h>

#include "diagram.h"

struct group_order {
	size_t *nodes;		/* every node index, by group */
	/*
	 * Group g's members are nodes[start[g]] up to nodes[start[g + 1]];
	 * the ungrouped nodes follow from start[group count] to the end.
	 */
	size_t *start;
};

/* Fill o for d; free with group_order_free. */
void group_order_make(const struct diagram *d, struct group_order *o);
void group_order_free(struct group_order *o);

#endif
