/*
 * Undo and redo against a replayed copy.
 *
 * A random driver edits a diagram with every editing operation (valid and
 * invalid arguments, single edits and begin/end steps, nested, sometimes
 * cut short by an undo), interleaved with runs of undo and redo.  Beside it
 * the test keeps its own model of the history: the list of steps, each the
 * operations that made it.  At checkpoints a fresh diagram built by
 * replaying only the steps in effect must serialize to the same bytes, and
 * after every action the structural invariants must hold.
 *
 * Operations name nodes and groups by id and edges by position, never by
 * pointer, so the same operation means the same thing in the replay.
 * Seeds: a fixed list plus NAPKIN_SEED from the environment; every failure
 * message names the seed and the action number.
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
#include <time.h>

#include "diagram.h"
#include "diagram_json.h"

#define ACTIONS_PER_SEED	2500
#define REPLAY_EVERY		97	/* actions between replay checks */

enum op_type {
	OP_ADD, OP_INSERT, OP_DELETE, OP_MOVE, OP_LABEL, OP_KIND, OP_TECH, OP_NOTES,
	OP_REPLICAS, OP_MANAGED, OP_CAPACITY, OP_RPS, OP_ACCEPT, OP_RENAME,
	OP_CONNECT, OP_DISCONNECT, OP_EDGE_LABEL, OP_EDGE_MODE, OP_EDGE_RATIO,
	OP_GROUP_ADD, OP_GROUP_DELETE, OP_GROUP_LABEL, OP_MEMBERSHIP, OP_TITLE,
	OP_COUNT
};

/* One editing call with its arguments, by value. */
struct op {
	enum op_type type;
	const char *node, *other;	/* node ids (may name no node) */
	const char *group;		/* group id, or NULL */
	const char *text;		/* label, tech, notes, title, reason, new id */
	const char *rule;
	int i, j;			/* x and y, replicas, kind, mode, edge position */
	double number;
	bool flag;
};

/* The test's own history: steps [0, applied) are in effect. */
struct model {
	struct op *ops;
	size_t op_count, op_capacity;
	size_t *step_end;		/* step k is ops [step_end[k-1], step_end[k]) */
	size_t steps, applied, step_capacity;
	/* An open begin/end group: its operations wait here until it ends. */
	struct op *pending;
	size_t pending_count, pending_capacity;
	int depth;
	uint64_t state_at_begin;
};

struct run {
	unsigned long seed;
	unsigned long action;
	uint64_t rng;
	struct diagram *d;
	struct model model;
	/* By state id: a hash of the JSON that id stood for (0: not seen yet). */
	uint64_t *seen;
	size_t seen_capacity;
	/* What the observer heard, by kind of object. */
	long nodes_heard, edges_heard, groups_heard;
};

static struct run *current;

#define CHECK(cond) do {							\
	if (!(cond))								\
		fail_msg("seed %lu, action %lu: %s (%s:%d); rerun with NAPKIN_SEED=%lu", \
		    current->seed, current->action, #cond, __FILE__, __LINE__, current->seed); \
} while (0)

/* --- Random choices --- */

static uint64_t
next_random(struct run *r)
{
	/* xorshift64*: fixed, portable, good enough to drive a test. */
	r->rng ^= r->rng >> 12;
	r->rng ^= r->rng << 25;
	r->rng ^= r->rng >> 27;
	return r->rng * 0x2545f4914f6cdd1du;
}

static size_t
below(struct run *r, size_t n)
{
	return n == 0 ? 0 : (size_t)(next_random(r) % n);
}

static bool
chance(struct run *r, unsigned percent)
{
	return below(r, 100) < percent;
}

#define PICK(r, array) ((array)[below((r), sizeof (array) / sizeof (array)[0])])

static const char *const node_ids[] = {
	"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n11",
	"api", "db", "a.b:c", "X_1", "9lives", "cache-2",
	/* refused: */
	"", "has space", "-lead", "caf\xc3\xa9", "1234567890123456789012345678901234567890123456789012345678901234x",
};

static const char *const group_ids[] = { "g0", "g1", "g2", "vpc", "us-east-1", "bad id" };

static const char *const texts[] = {
	"", "api", "API", "Redis 7", "Orders DB", "quote \" and back\\slash",
	"caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97 \xf0\x9f\x9a\x80", "two\nlines", "tab\there",
	"esc\033[31m", "del\x7f", "c1 \xc2\x9b", "bad \xc3\x28 utf-8", "/ slash",
	"1234567890123456789012345678901234567890123456789012345678901234567890"
	"1234567890123456789012345678901234567890123456789012345678901234567890"
	"12345678901234567890123456789012345678901234567890123456789012345678901",
};

static const char *const rules[] = { "SPOF001", "SPOF002", "CACHE001", "lower", "" };

static const double numbers[] = {
	0, 0.1, 1e-7, 5000.5, 1, 2.5, 1000, 1000.5, 1e12, 1e12 * 1.5, -1, INFINITY, NAN, 123456789,
};

/* An id for a new node: "n0" to "n79", or one of the odd ones above. */
static const char *
new_node_id(struct run *r)
{
	static char id[8];

	if (chance(r, 25))
		return PICK(r, node_ids);
	snprintf(id, sizeof id, "n%u", (unsigned)below(r, 80));
	return id;
}

/* A node id, usually one that exists right now. */
static const char *
some_node(struct run *r)
{
	size_t count = diagram_node_count(r->d);

	if (count > 0 && chance(r, 85))
		return diagram_node(r->d, below(r, count))->id;
	return new_node_id(r);
}

static const char *
some_group(struct run *r)
{
	size_t count = diagram_group_count(r->d);

	if (count > 0 && chance(r, 80))
		return diagram_group(r->d, below(r, count))->id;
	return PICK(r, group_ids);
}

/*
 * Ids are borrowed from the diagram at generation time, so an op keeps its
 * own copy of every string (freed with the model).
 */
static const char *
keep(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/* How often each operation is drawn: diagrams grow to dozens of nodes and edges. */
static const unsigned op_weights[OP_COUNT] = {
	[OP_ADD] = 12, [OP_INSERT] = 4, [OP_DELETE] = 2, [OP_MOVE] = 4, [OP_LABEL] = 3,
	[OP_KIND] = 2, [OP_TECH] = 2, [OP_NOTES] = 2, [OP_REPLICAS] = 2, [OP_MANAGED] = 2,
	[OP_CAPACITY] = 2, [OP_RPS] = 2, [OP_ACCEPT] = 3, [OP_RENAME] = 3,
	[OP_CONNECT] = 16, [OP_DISCONNECT] = 3, [OP_EDGE_LABEL] = 3, [OP_EDGE_MODE] = 3,
	[OP_EDGE_RATIO] = 3, [OP_GROUP_ADD] = 2, [OP_GROUP_DELETE] = 1, [OP_GROUP_LABEL] = 2,
	[OP_MEMBERSHIP] = 4, [OP_TITLE] = 2,
};

static enum op_type
random_op_type(struct run *r)
{
	unsigned total = 0, roll;
	int t;

	for (t = 0; t < OP_COUNT; t++)
		total += op_weights[t];
	roll = (unsigned)below(r, total);
	for (t = 0; roll >= op_weights[t]; t++)
		roll -= op_weights[t];
	return (enum op_type)t;
}

/* An edge position, usually one that exists right now. */
static int
some_edge(struct run *r)
{
	size_t count = diagram_edge_count(r->d);

	return (int)(count > 0 && chance(r, 90) ? below(r, count) : count + below(r, 3));
}

static struct op
random_op(struct run *r)
{
	struct op op = { .type = random_op_type(r) };

	op.node = keep(some_node(r));
	op.other = keep(some_node(r));
	op.group = chance(r, 10) ? NULL : keep(some_group(r));
	op.text = keep(PICK(r, texts));
	op.rule = keep(PICK(r, rules));
	op.i = (int)below(r, 60) - (chance(r, 5) ? 70 : 0);
	op.j = (int)below(r, 30) + (chance(r, 3) ? NAPKIN_COORD_MAX : 0);
	op.number = PICK(r, numbers);
	op.flag = chance(r, 50);
	switch (op.type) {
	case OP_ADD:
	case OP_INSERT:
	case OP_RENAME:
		free((char *)op.node);
		op.node = keep(chance(r, 25) && op.type != OP_RENAME ? NULL : new_node_id(r));
		break;
	case OP_KIND:
		op.i = (int)below(r, KIND_COUNT + 1);
		break;
	case OP_EDGE_MODE:
		op.i = some_edge(r);
		op.j = (int)below(r, 3);
		break;
	case OP_REPLICAS:
		op.i = chance(r, 10) ? (chance(r, 50) ? 0 : NAPKIN_REPLICAS_MAX + 1) : (int)below(r, 6) + 1;
		break;
	case OP_DISCONNECT:
	case OP_EDGE_LABEL:
	case OP_EDGE_RATIO:
		op.i = some_edge(r);
		break;
	case OP_ACCEPT:
		if (chance(r, 30)) {
			free((char *)op.text);
			op.text = NULL;		/* withdraw */
		}
		break;
	default:
		break;
	}
	return op;
}

static void
op_free(struct op *op)
{
	free((char *)op->node);
	free((char *)op->other);
	free((char *)op->group);
	free((char *)op->text);
	free((char *)op->rule);
}

/* --- Applying an operation to any diagram --- */

static const struct node *
node_named(const struct diagram *d, const char *id)
{
	return id != NULL ? diagram_find_node(d, id) : NULL;
}

static const struct group *
group_named(const struct diagram *d, const char *id)
{
	return id != NULL ? diagram_find_group(d, id) : NULL;
}

/* Returns whether the diagram accepted the operation. */
static bool
op_apply(struct diagram *d, const struct op *op)
{
	const struct node *n = node_named(d, op->node);
	const struct edge *e = diagram_edge(d, (size_t)op->i);
	struct napkin_error err;

	switch (op->type) {
	case OP_ADD:
		return diagram_add_node(d, op->node, (enum node_kind)(op->i % KIND_COUNT),
		    op->flag ? op->text : NULL, op->i, op->j, &err) != NULL;
	case OP_INSERT: {
		struct accepted_risk accepts[2] = {
			{ (char *)op->rule, (char *)"reason one" },
			{ (char *)"SPOF009", (char *)(op->text != NULL ? op->text : "why") },
		};
		struct node v = {
			.id = (char *)op->node, .kind = (enum node_kind)(op->j % KIND_COUNT),
			.label = (char *)(op->flag ? op->text : NULL),
			.tech = (char *)(op->flag ? op->text : "PostgreSQL"),
			.notes = (char *)op->text, .replicas = op->i % 5, .managed = op->flag,
			.x = op->i, .y = op->j, .capacity = op->number, .rps = op->number / 2,
			.accepts = accepts, .accept_count = (size_t)op->i % 3,
		};

		return diagram_insert_node(d, &v, &err) != NULL;
	}
	case OP_DELETE:
		return diagram_delete_node(d, n, &err);
	case OP_MOVE:
		return diagram_move_node(d, n, op->i, op->j, &err);
	case OP_LABEL:
		return diagram_set_node_label(d, n, op->text, &err);
	case OP_KIND:
		return diagram_set_node_kind(d, n, (enum node_kind)op->i, &err);
	case OP_TECH:
		return diagram_set_node_tech(d, n, op->text, &err);
	case OP_NOTES:
		return diagram_set_node_notes(d, n, op->text, &err);
	case OP_REPLICAS:
		return diagram_set_node_replicas(d, n, op->i, &err);
	case OP_MANAGED:
		return diagram_set_node_managed(d, n, op->flag, &err);
	case OP_CAPACITY:
		return diagram_set_node_capacity(d, n, op->number, &err);
	case OP_RPS:
		return diagram_set_node_rps(d, n, op->number, &err);
	case OP_ACCEPT:
		return diagram_set_node_accept(d, n, op->rule, op->text, &err);
	case OP_RENAME:
		return diagram_set_node_id(d, node_named(d, op->other), op->node, &err);
	case OP_CONNECT:
		return diagram_connect(d, n, node_named(d, op->other), op->flag ? op->text : NULL,
		    (enum edge_mode)(op->i & 1), &err) != NULL;
	case OP_DISCONNECT:
		return diagram_disconnect(d, e, &err);
	case OP_EDGE_LABEL:
		return diagram_set_edge_label(d, e, op->text, &err);
	case OP_EDGE_MODE:
		return diagram_set_edge_mode(d, e, (enum edge_mode)op->j, &err);
	case OP_EDGE_RATIO:
		return diagram_set_edge_ratio(d, e, op->number, &err);
	case OP_GROUP_ADD:
		return diagram_add_group(d, op->group != NULL ? op->group : "g9",
		    op->flag ? op->text : NULL, &err) != NULL;
	case OP_GROUP_DELETE:
		return diagram_delete_group(d, group_named(d, op->group), &err);
	case OP_GROUP_LABEL:
		return diagram_set_group_label(d, group_named(d, op->group), op->text, &err);
	case OP_MEMBERSHIP:
		return diagram_set_node_group(d, n, group_named(d, op->group), &err);
	case OP_TITLE:
		return diagram_set_title(d, op->text, &err);
	case OP_COUNT:
		break;
	}
	return false;
}

/* --- The model of the history --- */

static void
model_push_pending(struct model *m, struct op op)
{
	if (m->pending_count == m->pending_capacity) {
		m->pending_capacity = m->pending_capacity != 0 ? m->pending_capacity * 2 : 16;
		m->pending = realloc(m->pending, m->pending_capacity * sizeof *m->pending);
		assert_non_null(m->pending);
	}
	m->pending[m->pending_count++] = op;
}

static void
model_drop_pending(struct model *m)
{
	for (size_t i = 0; i < m->pending_count; i++)
		op_free(&m->pending[i]);
	m->pending_count = 0;
}

/* The pending operations made a step: it replaces any undone steps. */
static void
model_commit_pending(struct model *m)
{
	size_t keep_ops = m->applied > 0 ? m->step_end[m->applied - 1] : 0;

	for (size_t i = keep_ops; i < m->op_count; i++)
		op_free(&m->ops[i]);
	m->op_count = keep_ops;
	m->steps = m->applied;
	if (m->op_count + m->pending_count > m->op_capacity) {
		m->op_capacity = (m->op_count + m->pending_count) * 2;
		m->ops = realloc(m->ops, m->op_capacity * sizeof *m->ops);
		assert_non_null(m->ops);
	}
	memcpy(&m->ops[m->op_count], m->pending, m->pending_count * sizeof *m->ops);
	m->op_count += m->pending_count;
	m->pending_count = 0;
	if (m->steps == m->step_capacity) {
		m->step_capacity = m->step_capacity != 0 ? m->step_capacity * 2 : 64;
		m->step_end = realloc(m->step_end, m->step_capacity * sizeof *m->step_end);
		assert_non_null(m->step_end);
	}
	m->step_end[m->steps++] = m->op_count;
	m->applied = m->steps;
}

/* Close the pending group: a step if the diagram changed, else nothing. */
static void
model_close_group(struct run *r)
{
	struct model *m = &r->model;

	if (diagram_state_id(r->d) != m->state_at_begin)
		model_commit_pending(m);
	else
		model_drop_pending(m);
	m->depth = 0;
}

static void
model_free(struct model *m)
{
	model_drop_pending(m);
	for (size_t i = 0; i < m->op_count; i++)
		op_free(&m->ops[i]);
	free(m->ops);
	free(m->pending);
	free(m->step_end);
}

/* A fresh diagram holding steps [0, upto) of the model. */
static struct diagram *
model_replay(const struct model *m, size_t upto)
{
	struct diagram *d = diagram_new();
	size_t end = upto > 0 ? m->step_end[upto - 1] : 0;

	for (size_t i = 0; i < end; i++)
		op_apply(d, &m->ops[i]);
	return d;
}

/* --- Checks --- */

static int
by_uid(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static bool
node_live(const struct diagram *d, const struct node *n)
{
	return n != NULL && diagram_node(d, n->index) == n;
}

static bool
group_live(const struct diagram *d, const struct group *g)
{
	return g != NULL && diagram_group(d, g->index) == g;
}

static bool
edge_live(const struct diagram *d, const struct edge *e)
{
	return e != NULL && diagram_edge(d, e->index) == e;
}

static void
check_invariants(struct run *r)
{
	const struct diagram *d = r->d;
	size_t edges = diagram_edge_count(d);
	uint64_t *uids = malloc((edges + 1) * sizeof *uids);

	assert_non_null(uids);
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);

		CHECK(n->index == i);
		CHECK(diagram_valid_id(n->id));
		/* Finding every node by its own id proves the ids distinct. */
		CHECK(diagram_find_node(d, n->id) == n);
		CHECK(n->group == NULL || group_live(d, n->group));
		CHECK(n->replicas >= 1 && n->replicas <= NAPKIN_REPLICAS_MAX);
		CHECK(n->label != NULL && n->label[0] != '\0');
	}
	for (size_t i = 0; i < edges; i++) {
		const struct edge *e = diagram_edge(d, i);

		CHECK(e->index == i);
		CHECK(node_live(d, e->from));
		CHECK(node_live(d, e->to));
		CHECK(e->from != e->to);
		uids[i] = e->uid;
	}
	qsort(uids, edges, sizeof *uids, by_uid);
	for (size_t i = 1; i < edges; i++)
		CHECK(uids[i - 1] != uids[i]);
	free(uids);
	for (size_t i = 0; i < diagram_group_count(d); i++) {
		const struct group *g = diagram_group(d, i);

		CHECK(g->index == i);
		CHECK(diagram_find_group(d, g->id) == g);
	}
	/* Ids that name nothing find nothing. */
	for (size_t i = 0; i < sizeof node_ids / sizeof node_ids[0]; i++) {
		const struct node *n = diagram_find_node(d, node_ids[i]);

		CHECK(n == NULL || (node_live(d, n) && strcmp(n->id, node_ids[i]) == 0));
	}
	CHECK(r->nodes_heard == (long)diagram_node_count(d));
	CHECK(r->edges_heard == (long)edges);
	CHECK(r->groups_heard == (long)diagram_group_count(d));
	CHECK(diagram_can_undo(d) == (diagram_undo_name(d) != NULL));
	CHECK(diagram_can_redo(d) == (diagram_redo_name(d) != NULL));
}

static uint64_t
hash_text(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* Equal state ids must mean equal contents, as diagram_state_id promises. */
static void
check_state_id(struct run *r)
{
	char *json = diagram_to_json(r->d, NULL);
	uint64_t state = diagram_state_id(r->d), hash = hash_text(json) | 1;

	free(json);
	/* State ids count up from 0 by one per change. */
	CHECK(state < 1000000);
	if (state >= r->seen_capacity) {
		size_t old = r->seen_capacity;

		r->seen_capacity = (size_t)state * 2 + 256;
		r->seen = realloc(r->seen, r->seen_capacity * sizeof *r->seen);
		assert_non_null(r->seen);
		memset(r->seen + old, 0, (r->seen_capacity - old) * sizeof *r->seen);
	}
	if (r->seen[state] == 0)
		r->seen[state] = hash;
	CHECK(r->seen[state] == hash);
}

static void
check_replay(struct run *r, size_t upto)
{
	struct diagram *copy = model_replay(&r->model, upto);
	char *want = diagram_to_json(copy, NULL);
	char *got = diagram_to_json(r->d, NULL);

	if (strcmp(want, got) != 0) {
		fprintf(stderr, "diagram:\n%s\nreplayed:\n%s\n", got, want);
		CHECK(!"the diagram differs from the replay of its steps");
	}
	free(want);
	free(got);
	diagram_free(copy);
}

/* The observer must only ever report objects in a consistent state. */
static void
observe(void *context, enum diagram_change change, const void *object)
{
	struct run *r = context;

	switch (change) {
	case CHANGE_NODE_ADDED:
		CHECK(node_live(r->d, object));
		r->nodes_heard++;
		break;
	case CHANGE_NODE_REMOVED:
		CHECK(!node_live(r->d, object));
		r->nodes_heard--;
		break;
	case CHANGE_NODE_CHANGED:
		CHECK(node_live(r->d, object));
		break;
	case CHANGE_EDGE_ADDED:
		CHECK(edge_live(r->d, object));
		r->edges_heard++;
		break;
	case CHANGE_EDGE_REMOVED:
		CHECK(!edge_live(r->d, object));
		r->edges_heard--;
		break;
	case CHANGE_EDGE_CHANGED:
		CHECK(edge_live(r->d, object));
		break;
	case CHANGE_GROUP_ADDED:
		CHECK(group_live(r->d, object));
		r->groups_heard++;
		break;
	case CHANGE_GROUP_REMOVED:
		CHECK(!group_live(r->d, object));
		r->groups_heard--;
		break;
	case CHANGE_GROUP_CHANGED:
		CHECK(group_live(r->d, object));
		break;
	case CHANGE_TITLE:
		CHECK(object == NULL);
		break;
	}
}

/* What a successful edit must have done, read back from the diagram. */
static void
check_effect(struct run *r, const struct op *op, size_t nodes, size_t edges)
{
	const struct diagram *d = r->d;
	const struct node *n = node_named(d, op->node);
	const struct edge *e = diagram_edge(d, (size_t)op->i);
	const struct group *g = group_named(d, op->group);

	switch (op->type) {
	case OP_ADD:
	case OP_INSERT:
		CHECK(diagram_node_count(d) == nodes + 1);
		n = diagram_node(d, nodes);
		CHECK(op->node == NULL || strcmp(n->id, op->node) == 0);
		CHECK(n->x == op->i && n->y == op->j);
		break;
	case OP_DELETE:
		CHECK(n == NULL && diagram_node_count(d) == nodes - 1);
		break;
	case OP_MOVE:
		CHECK(n->x == op->i && n->y == op->j);
		break;
	case OP_LABEL:
		CHECK(strcmp(n->label, op->text) == 0);
		break;
	case OP_KIND:
		CHECK((int)n->kind == op->i);
		break;
	case OP_TECH:
		CHECK(strcmp(n->tech, op->text) == 0);
		break;
	case OP_NOTES:
		CHECK(strcmp(n->notes, op->text) == 0);
		break;
	case OP_REPLICAS:
		CHECK(n->replicas == op->i);
		break;
	case OP_MANAGED:
		CHECK(n->managed == op->flag);
		break;
	case OP_CAPACITY:
		CHECK(n->capacity == op->number);
		break;
	case OP_RPS:
		CHECK(n->rps == op->number);
		break;
	case OP_ACCEPT:
		if (op->text == NULL)
			CHECK(node_accepted_reason(n, op->rule) == NULL);
		else
			CHECK(strcmp(node_accepted_reason(n, op->rule), op->text) == 0);
		break;
	case OP_RENAME:
		CHECK(n != NULL);
		CHECK(strcmp(op->other, op->node) == 0 || node_named(d, op->other) == NULL);
		break;
	case OP_CONNECT:
		CHECK(diagram_edge_count(d) == edges + 1);
		e = diagram_edge(d, edges);
		CHECK(e->from == n && e->to == node_named(d, op->other));
		CHECK(strcmp(e->label, op->flag ? op->text : "") == 0);
		CHECK((int)e->mode == (op->i & 1) && e->ratio == 1.0);
		break;
	case OP_DISCONNECT:
		CHECK(diagram_edge_count(d) == edges - 1);
		break;
	case OP_EDGE_LABEL:
		CHECK(strcmp(e->label, op->text) == 0);
		break;
	case OP_EDGE_MODE:
		CHECK((int)e->mode == op->j);
		break;
	case OP_EDGE_RATIO:
		CHECK(e->ratio == op->number);
		break;
	case OP_GROUP_ADD:
		g = group_named(d, op->group != NULL ? op->group : "g9");
		CHECK(g != NULL && strcmp(g->label, op->flag ? op->text : g->id) == 0);
		break;
	case OP_GROUP_DELETE:
		CHECK(g == NULL);
		break;
	case OP_GROUP_LABEL:
		CHECK(strcmp(g->label, op->text) == 0);
		break;
	case OP_MEMBERSHIP:
		CHECK(n->group == g);
		break;
	case OP_TITLE:
		CHECK(strcmp(diagram_title(d), op->text) == 0);
		break;
	case OP_COUNT:
		break;
	}
}

/* --- The driver --- */

static void
do_edit(struct run *r)
{
	struct model *m = &r->model;
	struct op op = random_op(r);
	uint64_t before = diagram_state_id(r->d);
	size_t nodes = diagram_node_count(r->d), edges = diagram_edge_count(r->d);

	if (op_apply(r->d, &op))
		check_effect(r, &op, nodes, edges);
	if (m->depth > 0) {
		model_push_pending(m, op);
		return;
	}
	/* Outside a group an edit is a step exactly when it changed something. */
	model_push_pending(m, op);
	if (diagram_state_id(r->d) != before)
		model_commit_pending(m);
	else
		model_drop_pending(m);
}

static void
do_undo_redo(struct run *r, bool undo)
{
	struct model *m = &r->model;
	size_t runs = below(r, 4) + 1;

	/* Undo and redo close a group still open; the model does the same. */
	if (m->depth > 0)
		model_close_group(r);
	for (size_t i = 0; i < runs; i++) {
		bool could = undo ? m->applied > 0 : m->applied < m->steps;

		CHECK((undo ? diagram_undo(r->d) : diagram_redo(r->d)) == could);
		if (could)
			m->applied += undo ? (size_t)-1 : 1;
		check_invariants(r);
		check_state_id(r);
	}
}

static void
do_action(struct run *r)
{
	struct model *m = &r->model;
	size_t roll = below(r, 100);

	if (roll < 70) {
		do_edit(r);
	} else if (roll < 77) {
		if (m->depth++ == 0)
			m->state_at_begin = diagram_state_id(r->d);
		diagram_begin(r->d, "random step");
	} else if (roll < 84) {
		/* Ends without a begin (or after an undo closed it) are harmless. */
		diagram_end(r->d);
		if (m->depth > 0 && --m->depth == 0)
			model_close_group(r);
	} else {
		do_undo_redo(r, roll < 93);
	}
	check_invariants(r);
	check_state_id(r);
}

static void
run_seed(unsigned long seed)
{
	struct run r = { .seed = seed, .rng = seed * 0x9e3779b97f4a7c15u + 1 };
	char *final, *empty;
	size_t applied;

	current = &r;
	r.d = diagram_new();
	diagram_set_observer(r.d, observe, &r);
	empty = diagram_to_json(r.d, NULL);
	check_state_id(&r);
	for (r.action = 1; r.action <= ACTIONS_PER_SEED; r.action++) {
		do_action(&r);
		if (r.action % REPLAY_EVERY == 0 && r.model.depth == 0)
			check_replay(&r, r.model.applied);
	}
	while (r.model.depth > 0) {
		diagram_end(r.d);
		if (--r.model.depth == 0)
			model_close_group(&r);
	}
	check_replay(&r, r.model.applied);

	/* Undo everything: the empty diagram.  Redo it all: the same again. */
	final = diagram_to_json(r.d, NULL);
	applied = r.model.applied;
	while (diagram_undo(r.d))
		check_invariants(&r);
	{
		char *now = diagram_to_json(r.d, NULL);

		CHECK(strcmp(now, empty) == 0);
		free(now);
	}
	for (size_t i = 0; i < applied; i++)
		CHECK(diagram_redo(r.d));
	{
		char *now = diagram_to_json(r.d, NULL);

		CHECK(strcmp(now, final) == 0);
		free(now);
	}
	/* And on to the end of the redo list, which a replay must match too. */
	while (diagram_redo(r.d))
		check_invariants(&r);
	r.model.applied = r.model.steps;
	check_replay(&r, r.model.steps);

	free(final);
	free(empty);
	diagram_free(r.d);
	model_free(&r.model);
	free(r.seen);
	current = NULL;
}

static void
test_fixed_seeds(void **state)
{
	static const unsigned long seeds[] = { 1, 2, 3, 42, 1000, 31337, 271828, 314159 };

	(void)state;
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
		run_seed(seeds[i]);
}

static void
test_seed_from_environment(void **state)
{
	const char *env = getenv("NAPKIN_SEED");
	char *end;
	unsigned long seed;

	(void)state;
	if (env == NULL || env[0] == '\0') {
		/* Not set: one seed from the clock, printed so it can be rerun. */
		seed = (unsigned long)time(NULL);
	} else {
		seed = strtoul(env, &end, 10);
		if (*end != '\0')
			fail_msg("NAPKIN_SEED must be a decimal number, not \"%s\"", env);
	}
	print_message("NAPKIN_SEED=%lu\n", seed);
	run_seed(seed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_seeds),
		cmocka_unit_test(test_seed_from_environment),
	};

	return cmocka_run_group_tests_name("history_random", tests, NULL, NULL);
}
