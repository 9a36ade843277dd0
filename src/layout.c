/*
 * Auto-arrange; see layout.h.
 *
 * Data flow: the diagram becomes a bare Graphviz graph (one fixed-size box
 * per node, its footprint plus LAYOUT_GAP cells; one cluster per group;
 * labelled edges made long enough to write the label beside them), dot
 * places it, and the centres are scaled to grid cells: a column is 0.1 inch
 * and a row 0.2 inch, the shape of a terminal cell.
 *
 * dot runs in a child process that writes the positions back through a
 * pipe.  Graphviz 2.43's dot has double frees with clusters and edge
 * labels (and leaks with clusters): should it crash, the whiteboard keeps
 * running and the diagram is placed in rows instead.  Rounding can bring two
 * boxes closer than LAYOUT_GAP; legalise() then pushes the later one across
 * the flow (down for LR, right for TB) until it is clear, looking
 * neighbours up in a hash of grid buckets, so the pass stays linear.  All
 * moves go through diagram_move_node() inside one undo step.
 */
#include "layout.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include <graphviz/gvc.h>

#include "geometry.h"
#include "group_order.h"
#include "utf8.h"
#include "xalloc.h"

#define COLUMN_INCHES	0.1
#define ROW_INCHES	0.2
#define RANKSEP_COLUMNS	4	/* between ranks, besides the boxes' own gap */
#define BUCKET_COLUMNS	32
#define BUCKET_ROWS	8

const char *
direction_name(enum direction direction)
{
	return direction == DIRECTION_TB ? "TB" : "LR";
}

bool
direction_from_name(const char *name, enum direction *direction)
{
	if (strcasecmp(name, "LR") == 0)
		*direction = DIRECTION_LR;
	else if (strcasecmp(name, "TB") == 0)
		*direction = DIRECTION_TB;
	else
		return false;
	return true;
}

struct spot {
	int x, y;
};

/* Graphviz messages during layout are not the user's business: drop them. */
static int
ignore_message(char *message)
{
	(void)message;
	return 0;
}

static Agraph_t *
layout_graph(const struct diagram *d, enum direction direction)
{
	Agraph_t *g = agopen("arrange", Agdirected, NULL);
	size_t count = diagram_node_count(d), groups = diagram_group_count(d);
	Agraph_t **clusters = xcalloc(groups + 1, sizeof *clusters);
	Agnode_t **nodes = xcalloc(count + 1, sizeof *nodes);
	Agsym_t *width, *height, *minlen;
	char name[48], number[32];

	agattr(g, AGRAPH, "rankdir", (char *)direction_name(direction));
	agattr(g, AGRAPH, "nodesep", "0.05");
	snprintf(number, sizeof number, "%.2f", RANKSEP_COLUMNS * COLUMN_INCHES);
	agattr(g, AGRAPH, "ranksep", number);
	agattr(g, AGRAPH, "splines", "false");
	agattr(g, AGNODE, "shape", "box");
	agattr(g, AGNODE, "fixedsize", "true");
	agattr(g, AGNODE, "label", "");
	width = agattr(g, AGNODE, "width", "1");
	height = agattr(g, AGNODE, "height", "1");
	minlen = agattr(g, AGEDGE, "minlen", "1");
	for (size_t i = 0; i < groups; i++) {
		snprintf(name, sizeof name, "cluster_%zu", i);
		clusters[i] = agsubg(g, name, 1);
	}
	for (size_t i = 0; i < count; i++) {
		const struct node *n = diagram_node(d, i);
		struct box b = node_footprint(n);

		snprintf(name, sizeof name, "n%zu", i);
		nodes[i] = agnode(n->group != NULL ? clusters[n->group->index] : g, name, 1);
		snprintf(number, sizeof number, "%.2f", (b.width + LAYOUT_GAP) * COLUMN_INCHES);
		agxset(nodes[i], width, number);
		snprintf(number, sizeof number, "%.2f", (b.height + LAYOUT_GAP) * ROW_INCHES);
		agxset(nodes[i], height, number);
	}
	for (size_t i = 0; i < diagram_edge_count(d); i++) {
		const struct edge *e = diagram_edge(d, i);
		Agedge_t *ge = agedge(g, nodes[e->from->index], nodes[e->to->index], NULL, 1);
		size_t columns = utf8_width(e->label);

		/*
		 * Not a dot label, which 2.43 crashes on beside clusters: in LR
		 * the label is written along the edge, so the edge spans enough
		 * ranks (RANKSEP_COLUMNS each) to hold it and a space each side.
		 */
		if (columns > 0 && direction == DIRECTION_LR) {
			snprintf(number, sizeof number, "%zu",
			    (columns + 2 + RANKSEP_COLUMNS - 1) / RANKSEP_COLUMNS);
			agxset(ge, minlen, number);
		}
	}
	free(clusters);
	free(nodes);
	return g;
}

/*
 * The child ends in _exit and frees nothing (dot's clean-up is where it
 * crashes).  What it holds stays reachable from here until then, so a
 * leak checker that follows the child (make valgrind) reports no leak
 * that is not one.
 */
static struct {
	struct spot *volatile spots;	/* volatile: stores never read are kept */
	GVC_t *volatile gvc;
	Agraph_t *volatile graph;
} child_holds;

/*
 * In the child: lay the diagram out, fill spots (the child's copy of the
 * parent's array, one per node) with each node's top-left corner and
 * write them to fd.
 */
static bool
layout_child(const struct diagram *d, enum direction direction, struct spot *spots, int fd)
{
	size_t count = diagram_node_count(d), i = 0, sent = 0;
	GVC_t *gvc = gvContext();
	Agraph_t *g;

	child_holds.spots = spots;
	child_holds.gvc = gvc;
	agseterrf(ignore_message);
	if (gvc == NULL)
		return false;
	g = child_holds.graph = layout_graph(d, direction);
	if (gvLayout(gvc, g, "dot") != 0)
		return false;
	for (Agnode_t *n = agfstnode(g); n != NULL; n = agnxtnode(g, n), i++) {
		/* agfstnode walks nodes in creation order: n0, n1, ... */
		struct box b = node_footprint(diagram_node(d, i));
		double column = ND_coord(n).x / (COLUMN_INCHES * POINTS_PER_INCH) - b.width / 2.0;
		double row = (GD_bb(g).UR.y - ND_coord(n).y) / (ROW_INCHES * POINTS_PER_INCH) - b.height / 2.0;

		spots[i].x = LAYOUT_MARGIN + (int)lround(fmax(column, 0));
		spots[i].y = LAYOUT_MARGIN + (int)lround(fmax(row, 0));
	}
	/* No clean-up: the process ends here, and dot's clean-up is where it crashes. */
	while (sent < count * sizeof *spots) {
		ssize_t n = write(fd, (char *)spots + sent, count * sizeof *spots - sent);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		sent += (size_t)n;
	}
	return true;
}

/* Where dot puts each node's top-left corner, in grid cells; false (why set) when it fails. */
static bool
dot_spots(const struct diagram *d, enum direction direction, struct spot *spots,
    struct napkin_error *why)
{
	size_t want = diagram_node_count(d) * sizeof *spots, got = 0;
	int fds[2], status = 0;
	bool waited;
	pid_t pid;

	if (pipe(fds) != 0)
		return error_set(why, "cannot start Graphviz (%s); placed in rows instead", strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return error_set(why, "cannot start Graphviz (%s); placed in rows instead", strerror(errno));
	}
	if (pid == 0) {
		/* Nothing Graphviz or its font libraries print may reach the whiteboard's screen. */
		int quiet = open("/dev/null", O_WRONLY);

		close(fds[0]);
		if (quiet >= 0) {
			dup2(quiet, STDOUT_FILENO);
			dup2(quiet, STDERR_FILENO);
		}
		_exit(layout_child(d, direction, spots, fds[1]) ? 0 : 1);
	}
	close(fds[1]);
	while (got < want) {
		ssize_t n = read(fds[0], (char *)spots + got, want - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fds[0]);
	while (!(waited = waitpid(pid, &status, 0) == pid) && errno == EINTR)
		;
	/* Without a status (SIGCHLD ignored), all the positions arriving is success. */
	if (got == want && (!waited || (WIFEXITED(status) && WEXITSTATUS(status) == 0)))
		return true;
	if (waited && WIFSIGNALED(status))
		return error_set(why, "Graphviz dot crashed (signal %d); placed in rows instead",
		    WTERMSIG(status));
	return error_set(why, "Graphviz dot could not lay the diagram out; placed in rows instead");
}

/* Rows in group then diagram order, about as many rows as columns of boxes. */
static void
grid_spots(const struct diagram *d, struct spot *spots)
{
	size_t count = diagram_node_count(d), per_row = (size_t)ceil(sqrt((double)count)), fill = 0;
	int x = LAYOUT_MARGIN, y = LAYOUT_MARGIN, row_height = 0;
	struct group_order order;

	group_order_make(d, &order);
	for (size_t k = 0; k < count; k++) {
		size_t i = order.nodes[k];
		struct box b = node_footprint(diagram_node(d, i));

		if (fill == per_row) {
			x = LAYOUT_MARGIN;
			y += row_height + LAYOUT_GAP;
			row_height = 0;
			fill = 0;
		}
		spots[i] = (struct spot){ x, y };
		x += b.width + LAYOUT_GAP;
		if (b.height > row_height)
			row_height = b.height;
		fill++;
	}
	group_order_free(&order);
}

/* --- Pushing boxes apart --- */

/* Grid buckets, each listing the nodes whose grown footprint touches it. */
struct bucket {
	uint64_t key;
	size_t *items, count, capacity;
	bool used;
};

struct buckets {
	struct bucket *slots;
	size_t mask;
};

static uint64_t
bucket_key(int bx, int by)
{
	return ((uint64_t)(uint32_t)bx << 32) | (uint32_t)by;
}

static struct bucket *
bucket_find(struct buckets *b, uint64_t key, bool create)
{
	uint64_t h = key * 0x9e3779b97f4a7c15u;

	for (size_t i = (size_t)(h >> 20) & b->mask;; i = (i + 1) & b->mask) {
		struct bucket *slot = &b->slots[i];

		if (slot->used && slot->key == key)
			return slot;
		if (!slot->used) {
			if (!create)
				return NULL;
			slot->used = true;
			slot->key = key;
			return slot;
		}
	}
}

/* The box grown by LAYOUT_GAP on every side: two boxes are apart when one misses the other's. */
static struct box
grown(struct box b)
{
	return (struct box){ b.x - LAYOUT_GAP, b.y - LAYOUT_GAP, b.width + 2 * LAYOUT_GAP,
	    b.height + 2 * LAYOUT_GAP };
}

static struct box
footprint_at(const struct node *n, struct spot s)
{
	struct box b = node_footprint(n);

	b.x = s.x;
	b.y = s.y;
	return b;
}

/* A placed node that box b comes too close to, or SIZE_MAX. */
static size_t
conflict(struct buckets *b, const struct diagram *d, const struct spot *spots, struct box box)
{
	struct box area = grown(box);

	for (int by = area.y / BUCKET_ROWS; by <= (area.y + area.height - 1) / BUCKET_ROWS; by++) {
		for (int bx = area.x / BUCKET_COLUMNS; bx <= (area.x + area.width - 1) / BUCKET_COLUMNS; bx++) {
			struct bucket *bucket = bucket_find(b, bucket_key(bx, by), false);

			for (size_t k = 0; bucket != NULL && k < bucket->count; k++) {
				size_t j = bucket->items[k];

				if (box_overlap(area, footprint_at(diagram_node(d, j), spots[j])))
					return j;
			}
		}
	}
	return SIZE_MAX;
}

static void
place(struct buckets *b, struct box box, size_t index)
{
	for (int by = box.y / BUCKET_ROWS; by <= (box.y + box.height - 1) / BUCKET_ROWS; by++) {
		for (int bx = box.x / BUCKET_COLUMNS; bx <= (box.x + box.width - 1) / BUCKET_COLUMNS; bx++) {
			struct bucket *bucket = bucket_find(b, bucket_key(bx, by), true);

			if (bucket->count == bucket->capacity) {
				bucket->capacity = bucket->capacity * 2 + 4;
				bucket->items = xreallocarray(bucket->items, bucket->capacity, sizeof *bucket->items);
			}
			bucket->items[bucket->count++] = index;
		}
	}
}

static const struct spot *sort_spots;
static enum direction sort_direction;

/* Across the flow first: the order in which boxes are pushed along it. */
static int
compare_spots(const void *a, const void *b)
{
	const struct spot *p = &sort_spots[*(const size_t *)a], *q = &sort_spots[*(const size_t *)b];
	int pa = sort_direction == DIRECTION_LR ? p->y : p->x;
	int qa = sort_direction == DIRECTION_LR ? q->y : q->x;
	int pb = sort_direction == DIRECTION_LR ? p->x : p->y;
	int qb = sort_direction == DIRECTION_LR ? q->x : q->y;

	if (pa != qa)
		return pa < qa ? -1 : 1;
	if (pb != qb)
		return pb < qb ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/*
 * Push boxes apart: in order across the flow, each box moves past any
 * placed box it comes too close to, until it is clear of all of them.
 */
static void
legalise(const struct diagram *d, enum direction direction, struct spot *spots)
{
	size_t count = diagram_node_count(d), capacity = 16;
	size_t *order = xmalloc((count + 1) * sizeof *order);
	struct buckets b;

	while (capacity < count * 8)
		capacity *= 2;
	b.slots = xcalloc(capacity, sizeof *b.slots);
	b.mask = capacity - 1;
	for (size_t i = 0; i < count; i++)
		order[i] = i;
	sort_spots = spots;
	sort_direction = direction;
	qsort(order, count, sizeof *order, compare_spots);
	for (size_t k = 0; k < count; k++) {
		size_t i = order[k], j;
		const struct node *n = diagram_node(d, i);

		while ((j = conflict(&b, d, spots, footprint_at(n, spots[i]))) != SIZE_MAX) {
			struct box other = footprint_at(diagram_node(d, j), spots[j]);

			if (direction == DIRECTION_LR)
				spots[i].y = other.y + other.height + LAYOUT_GAP;
			else
				spots[i].x = other.x + other.width + LAYOUT_GAP;
		}
		place(&b, footprint_at(n, spots[i]), i);
	}
	for (size_t i = 0; i < capacity; i++)
		free(b.slots[i].items);
	free(b.slots);
	free(order);
}

enum layout_method
layout_arrange(struct diagram *d, enum direction direction, struct napkin_error *why)
{
	size_t count = diagram_node_count(d);
	struct spot *spots = xcalloc(count + 1, sizeof *spots);
	enum layout_method method = LAYOUT_GRID;

	if (count > LAYOUT_DOT_MAX_NODES)
		error_set(why, "%zu nodes are more than Graphviz dot lays out in good time (%d); "
		    "placed in rows instead", count, LAYOUT_DOT_MAX_NODES);
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
	/* A fork per input would slow make fuzz a hundredfold, for Graphviz's bugs, not ours. */
	else if (count > 0)
		error_set(why, "a fuzzing build places boxes in rows");
#endif
	else if (count > 0 && dot_spots(d, direction, spots, why))
		method = LAYOUT_DOT;
	if (method == LAYOUT_GRID)
		grid_spots(d, spots);
	legalise(d, direction, spots);
	diagram_begin(d, "auto-arrange");
	for (size_t i = 0; i < count; i++) {
		const struct node *n = diagram_node(d, i);

		if (!diagram_move_node(d, n, spots[i].x, spots[i].y, NULL))
			fatal("auto-arrange placed %s outside the grid", n->id);
	}
	diagram_end(d);
	free(spots);
	return count == 0 ? LAYOUT_DOT : method;
}
