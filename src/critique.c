/*
 * The critique engine: runs every registered rule over one analysis,
 * collects what they report, then puts the findings in their fixed order,
 * marks accepted risks and counts.  Rules know nothing of each other or of
 * the order; adding one is a line in critique_rules.h.
 *
 * Findings are stored flat for speed on large diagrams: node and edge
 * pointers in two pools and messages in one text arena, with offsets while
 * rules are reporting and pointers once the run is complete.
 */
#include "critique.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "critique_check.h"
#include "critique_rules.h"
#include "xalloc.h"

#define RULE_ADDRESS(unit) &unit,
static const struct critique_rule *const registry[] = { CRITIQUE_RULES(RULE_ADDRESS) };
#undef RULE_ADDRESS

#define NAMES_SHOWN 4	/* check_say_names: "a, b, c, d and 3 more" */

static const char *const severity_names[SEVERITY_COUNT] = { "error", "warning", "note" };

/* Offsets into the pools while a finding is built. */
struct slot {
	size_t rule_index;
	size_t node_at, node_count, edge_at, edge_count, text_at;
};

struct critique {
	struct analysis analysis;
	struct critique_finding *findings;
	struct slot *slots;
	size_t count, capacity;
	const struct node **node_pool;
	size_t nodes_used, nodes_capacity;
	const struct edge **edge_pool;
	size_t edges_used, edges_capacity;
	char *text;
	size_t text_used, text_capacity;
	uint8_t *node_severity;	/* worst unaccepted severity, SEVERITY_COUNT: none */
	struct critique_summary summary;
};

struct critique_check {
	struct critique *critique;
	size_t rule_index;
	bool open;
	uint32_t *scratch;
};

const char *
critique_severity_name(enum critique_severity severity)
{
	return (unsigned)severity < SEVERITY_COUNT ? severity_names[severity] : "note";
}

bool
critique_severity_from_name(const char *name, enum critique_severity *severity)
{
	for (int i = 0; i < SEVERITY_COUNT; i++) {
		if (strcmp(name, severity_names[i]) == 0) {
			*severity = (enum critique_severity)i;
			return true;
		}
	}
	return false;
}

size_t
critique_rule_count(void)
{
	return sizeof registry / sizeof registry[0];
}

const struct critique_rule *
critique_rule_at(size_t index)
{
	return index < critique_rule_count() ? registry[index] : NULL;
}

const struct critique_rule *
critique_rule_find(const char *id)
{
	for (size_t i = 0; i < critique_rule_count(); i++) {
		if (strcasecmp(registry[i]->id, id) == 0)
			return registry[i];
	}
	return NULL;
}

/* --- The builder rules report into --- */

#define GROW(array, used, capacity, extra) do {					\
	if ((used) + (extra) > (capacity)) {					\
		(capacity) = (capacity) * 2 > (used) + (extra) ? (capacity) * 2 : (used) + (extra) + 16; \
		(array) = xreallocarray((array), (capacity), sizeof *(array));	\
	}									\
} while (0)

void
check_begin(struct critique_check *c, uint32_t subject)
{
	struct critique *cr = c->critique;
	struct slot *s;

	if (c->open)
		fatal("critique rule %s: finding begun twice", registry[c->rule_index]->id);
	if (cr->count == cr->capacity) {
		cr->capacity = cr->capacity ? cr->capacity * 2 : 64;
		cr->slots = xreallocarray(cr->slots, cr->capacity, sizeof *cr->slots);
	}
	s = &cr->slots[cr->count];
	s->rule_index = c->rule_index;
	s->node_at = cr->nodes_used;
	s->edge_at = cr->edges_used;
	s->text_at = cr->text_used;
	s->node_count = s->edge_count = 0;
	c->open = true;
	check_node(c, subject);
}

void
check_node(struct critique_check *c, uint32_t v)
{
	struct critique *cr = c->critique;

	GROW(cr->node_pool, cr->nodes_used, cr->nodes_capacity, 1);
	cr->node_pool[cr->nodes_used++] = cr->analysis.graph.nodes[v];
	cr->slots[cr->count].node_count++;
}

void
check_edge(struct critique_check *c, uint32_t e)
{
	struct critique *cr = c->critique;

	GROW(cr->edge_pool, cr->edges_used, cr->edges_capacity, 1);
	cr->edge_pool[cr->edges_used++] = cr->analysis.graph.edges[e];
	cr->slots[cr->count].edge_count++;
}

static void
say(struct critique *cr, const char *fmt, va_list ap)
{
	va_list again;
	int length;

	va_copy(again, ap);
	length = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (length < 0)
		fatal("critique: cannot format a message");
	GROW(cr->text, cr->text_used, cr->text_capacity, (size_t)length + 1);
	vsnprintf(cr->text + cr->text_used, (size_t)length + 1, fmt, ap);
	cr->text_used += (size_t)length;
}

void
check_say(struct critique_check *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(c->critique, fmt, ap);
	va_end(ap);
}

static const struct analysis *naming;	/* qsort has no context argument */

static int
compare_ids(const void *x, const void *y)
{
	const struct graph *g = &naming->graph;

	return strcmp(g->nodes[*(const uint32_t *)x]->id, g->nodes[*(const uint32_t *)y]->id);
}

void
check_say_names(struct critique_check *c, uint32_t *nodes, size_t count)
{
	const struct graph *g = &c->critique->analysis.graph;
	size_t distinct = 0, shown;

	naming = &c->critique->analysis;
	qsort(nodes, count, sizeof *nodes, compare_ids);
	for (size_t i = 0; i < count; i++) {
		if (distinct == 0 || nodes[distinct - 1] != nodes[i])
			nodes[distinct++] = nodes[i];
	}
	shown = distinct > NAMES_SHOWN + 1 ? NAMES_SHOWN : distinct;
	for (size_t i = 0; i < shown; i++) {
		const char *separator = i == 0 ? "" : i + 1 == shown && shown == distinct ? " and " : ", ";

		check_say(c, "%s%s", separator, g->nodes[nodes[i]]->id);
	}
	if (shown < distinct)
		check_say(c, " and %zu more", distinct - shown);
}

void
check_end(struct critique_check *c)
{
	struct critique *cr = c->critique;

	GROW(cr->text, cr->text_used, cr->text_capacity, 1);
	cr->text[cr->text_used++] = '\0';
	cr->count++;
	c->open = false;
}

uint32_t *
check_scratch(struct critique_check *c)
{
	return c->scratch;
}

/* --- Putting the findings in order --- */

static int
compare_nodes(const void *x, const void *y)
{
	return strcmp((*(const struct node *const *)x)->id, (*(const struct node *const *)y)->id);
}

static int
compare_edges(const void *x, const void *y)
{
	const struct edge *a = *(const struct edge *const *)x, *b = *(const struct edge *const *)y;
	int c = strcmp(a->from->id, b->from->id);

	if (c == 0)
		c = strcmp(a->to->id, b->to->id);
	if (c == 0)
		c = (a->mode > b->mode) - (a->mode < b->mode);
	if (c == 0)
		c = strcmp(a->label, b->label);
	return c;
}

/* Sort a finding's other nodes and its edges, dropping repeats. */
static void
tidy(struct critique_finding *f)
{
	const struct node **nodes = (const struct node **)f->nodes;
	const struct edge **edges = (const struct edge **)f->edges;
	size_t kept = 1;

	if (f->node_count > 2)
		qsort(nodes + 1, f->node_count - 1, sizeof *nodes, compare_nodes);
	for (size_t i = 1; i < f->node_count; i++) {
		if (nodes[i] != nodes[0] && nodes[i] != nodes[kept - 1])
			nodes[kept++] = nodes[i];
	}
	f->node_count = f->node_count ? kept : 0;
	if (f->edge_count > 1)
		qsort(edges, f->edge_count, sizeof *edges, compare_edges);
	kept = 0;
	for (size_t i = 0; i < f->edge_count; i++) {
		if (kept == 0 || edges[i] != edges[kept - 1])
			edges[kept++] = edges[i];
	}
	f->edge_count = kept;
}

/* Findings of one rule: by subject id, other node ids, edges, message. */
static int
compare_findings(const void *x, const void *y)
{
	const struct critique_finding *a = x, *b = y;
	int c;

	for (size_t i = 0; i < a->node_count && i < b->node_count; i++) {
		if ((c = compare_nodes(&a->nodes[i], &b->nodes[i])) != 0)
			return c;
	}
	if (a->node_count != b->node_count)
		return a->node_count < b->node_count ? -1 : 1;
	for (size_t i = 0; i < a->edge_count && i < b->edge_count; i++) {
		if ((c = compare_edges(&a->edges[i], &b->edges[i])) != 0)
			return c;
	}
	if (a->edge_count != b->edge_count)
		return a->edge_count < b->edge_count ? -1 : 1;
	return strcmp(a->message, b->message);
}

static void
accept_and_count(struct critique *cr)
{
	for (size_t i = 0; i < cr->count; i++) {
		struct critique_finding *f = &cr->findings[i];

		for (size_t k = 0; k < f->node_count && !f->accepted; k++) {
			const char *reason = node_accepted_reason(f->nodes[k], f->rule->id);

			if (reason != NULL) {
				f->accepted = true;
				f->accepted_reason = reason;
				f->accepted_by = f->nodes[k];
			}
		}
		if (f->accepted) {
			cr->summary.accepted++;
			continue;
		}
		cr->summary.count[f->severity]++;
		for (size_t k = 0; k < f->node_count; k++) {
			uint8_t *worst = &cr->node_severity[f->nodes[k]->index];

			if (*worst > f->severity)
				*worst = (uint8_t)f->severity;
		}
	}
}

/*
 * Turn the slots into findings with pointers, in order: rules report one
 * after the other, so each rule's findings form one block; blocks are laid
 * out by severity, then registry order, and each block is sorted alone.
 */
static void
finish(struct critique *cr)
{
	size_t rules = critique_rule_count(), *block = xcalloc(rules + 1, sizeof *block);
	size_t at = 0;

	for (size_t i = 0; i < cr->count; i++)
		block[cr->slots[i].rule_index]++;
	for (int severity = 0; severity < SEVERITY_COUNT; severity++) {
		for (size_t r = 0; r < rules; r++) {
			if ((int)registry[r]->severity == severity) {
				size_t count = block[r];

				block[r] = at;
				at += count;
			}
		}
	}
	cr->findings = xcalloc(cr->count ? cr->count : 1, sizeof *cr->findings);
	for (size_t i = 0; i < cr->count; i++) {
		const struct slot *s = &cr->slots[i];
		struct critique_finding *f = &cr->findings[block[s->rule_index]++];

		f->rule = registry[s->rule_index];
		f->severity = f->rule->severity;
		f->nodes = cr->node_pool + s->node_at;
		f->node_count = s->node_count;
		f->edges = cr->edge_pool + s->edge_at;
		f->edge_count = s->edge_count;
		f->message = cr->text + s->text_at;
		f->advice = f->rule->advice;
		tidy(f);
	}
	free(cr->slots);
	cr->slots = NULL;
	/* block[r] now ends rule r's block; sort each block on its own. */
	for (size_t r = 0; r < rules; r++) {
		size_t end = block[r], begin = end;

		while (begin > 0 && cr->findings[begin - 1].rule == registry[r])
			begin--;
		qsort(cr->findings + begin, end - begin, sizeof *cr->findings, compare_findings);
	}
	free(block);
	memset(cr->node_severity, SEVERITY_COUNT, cr->analysis.graph.node_count);
	accept_and_count(cr);
}

struct critique *
critique_run(const struct diagram *d)
{
	struct critique *cr = xcalloc(1, sizeof *cr);
	struct critique_check check = { .critique = cr };
	size_t n;

	analysis_build(&cr->analysis, d);
	n = cr->analysis.graph.node_count;
	/* Never NULL, so that findings with no edges still point somewhere. */
	GROW(cr->node_pool, cr->nodes_used, cr->nodes_capacity, 64);
	GROW(cr->edge_pool, cr->edges_used, cr->edges_capacity, 64);
	GROW(cr->text, cr->text_used, cr->text_capacity, 64);
	cr->node_severity = xcalloc(n ? n : 1, 1);
	/* Room for every node, or every edge at one node (edges may repeat). */
	check.scratch = xreallocarray(NULL, (size_t)n + cr->analysis.graph.edge_count + 1, sizeof *check.scratch);
	for (size_t i = 0; i < critique_rule_count(); i++) {
		check.rule_index = i;
		registry[i]->check(&check, &cr->analysis);
		if (check.open)
			fatal("critique rule %s: finding not ended", registry[i]->id);
	}
	free(check.scratch);
	finish(cr);
	return cr;
}

void
critique_free(struct critique *c)
{
	if (c == NULL)
		return;
	analysis_free(&c->analysis);
	free(c->findings);
	free(c->slots);
	free(c->node_pool);
	free(c->edge_pool);
	free(c->text);
	free(c->node_severity);
	free(c);
}

size_t
critique_finding_count(const struct critique *c)
{
	return c->count;
}

const struct critique_finding *
critique_finding(const struct critique *c, size_t index)
{
	return index < c->count ? &c->findings[index] : NULL;
}

struct critique_summary
critique_summary(const struct critique *c)
{
	return c->summary;
}

bool
critique_node_severity(const struct critique *c, const struct node *n, enum critique_severity *severity)
{
	if (n->index >= c->analysis.graph.node_count || c->analysis.graph.nodes[n->index] != n ||
	    c->node_severity[n->index] == SEVERITY_COUNT)
		return false;
	*severity = (enum critique_severity)c->node_severity[n->index];
	return true;
}

const struct node **
critique_blast_radius(const struct critique *c, const struct node *n, size_t *count)
{
	const struct graph *g = &c->analysis.graph;
	const struct node **nodes;
	uint32_t *list;

	*count = 0;
	if (n->index >= g->node_count || g->nodes[n->index] != n)
		return NULL;
	list = analysis_blast_list(&c->analysis, (uint32_t)n->index, count);
	nodes = xreallocarray(NULL, *count, sizeof *nodes);
	for (size_t i = 0; i < *count; i++)
		nodes[i] = g->nodes[list[i]];
	free(list);
	return nodes;
}
