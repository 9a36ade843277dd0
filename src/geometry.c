/* Box sizes and overlap tests; see geometry.h. */
#include "geometry.h"

#include <stdio.h>

#include "utf8.h"

static int
clamp_width(const char *s, int max)
{
	size_t w = utf8_width(s);

	return w > (size_t)max ? max : (int)w;
}

int
node_inner_width(const struct node *n)
{
	int label = clamp_width(n->label, BOX_LABEL_MAX);
	int tag = clamp_width(kind_info(n->kind)->tag, 8) + 2;	/* [DB] */
	int detail = clamp_width(n->tech, BOX_DETAIL_MAX);
	int inner = label;
	char replicas[16];

	if (n->replicas > 1) {
		int len = snprintf(replicas, sizeof replicas, "x%d", n->replicas);

		detail += (detail > 0 ? 1 : 0) + len;
	}
	if (n->managed)
		detail += (detail > 0 ? 1 : 0) + 7;	/* "managed" */
	if (detail > BOX_DETAIL_MAX)
		detail = BOX_DETAIL_MAX;
	if (tag > inner)
		inner = tag;
	if (detail > inner)
		inner = detail;
	if (inner < BOX_INNER_MIN)
		inner = BOX_INNER_MIN;
	return inner + 2;
}

struct box
node_box(const struct node *n)
{
	return (struct box){ n->x, n->y, node_inner_width(n) + 2, BOX_HEIGHT };
}

struct box
node_footprint(const struct node *n)
{
	struct box b = node_box(n);

	if (n->replicas > 1) {
		b.width++;
		b.height++;
	}
	return b;
}

bool
box_overlap(struct box a, struct box b)
{
	return a.x < b.x + b.width && b.x < a.x + a.width &&
	    a.y < b.y + b.height && b.y < a.y + a.height;
}

bool
box_contains(struct box b, int x, int y)
{
	return x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height;
}
