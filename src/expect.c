/*
 * The expectation engine: judges each expectation (expect.h) on a board.
 *
 * The board becomes graph.c's CSR arrays once per evaluation.  A selector
 * becomes a mark per node (kind and words in one pass, then one pass over
 * the edges per "calls" or "called_by"); paths are breadth-first searches
 * that remember the edge each node was reached by, so a reason can name a
 * concrete path ("users -> lb -> api -> cache").  Every check is a fixed
 * number of linear passes.  Reasons are written with stdio into a string.
 */
#include "expect.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "strmap.h"
#include "xalloc.h"

#define NAMES_SHOWN	4	/* "a, b, c, d and 3 more" */
#define PATH_SHOWN	8	/* longer paths show their ends */

struct evaluator {
	const struct critique *critique;
	const struct traffic *traffic;
	struct graph g;
	uint32_t *queue;
	FILE *out;		/* the reason being written */
};

/* --- Selectors --- */

static bool
contains_word(const char *text, const char *word)
{
	size_t length = strlen(word);

	for (; *text != '\0'; text++) {
		size_t i = 0;

		while (i < length && text[i] != '\0' &&
		    tolower((unsigned char)text[i]) == tolower((unsigned char)word[i]))
			i++;
		if (i == length)
			return true;
	}
	return false;
}

static bool
node_matches(const struct expect_selector *s, const struct node *n)
{
	if (s->kinds != 0 && !(s->kinds & 1u << n->kind))
		return false;
	for (size_t i = 0; i < s->word_count; i++) {
		if (contains_word(n->id, s->words[i]) || contains_word(n->label, s->words[i]) ||
		    contains_word(n->tech, s->words[i]))
			return true;
	}
	return s->word_count == 0;
}

/* Keep in marks only the nodes with an edge to (forward) or from a node matching s. */
static uint8_t *select_nodes(struct evaluator *ev, const struct expect_selector *s);

static void
require_neighbour(struct evaluator *ev, const struct expect_selector *s, bool forward, uint8_t *marks)
{
	const struct graph *g = &ev->g;
	uint8_t *other = select_nodes(ev, s), *hit = xcalloc(g->node_count + 1, 1);

	for (uint32_t e = 0; e < g->edge_count; e++) {
		uint32_t near = forward ? g->edge_from[e] : g->edge_to[e];
		uint32_t far = forward ? g->edge_to[e] : g->edge_from[e];

		if (other[far])
			hit[near] = 1;
	}
	for (uint32_t v = 0; v < g->node_count; v++)
		marks[v] &= hit[v];
	free(other);
	free(hit);
}

static uint8_t *
select_nodes(struct evaluator *ev, const struct expect_selector *s)
{
	uint8_t *marks = xcalloc(ev->g.node_count + 1, 1);

	for (uint32_t v = 0; v < ev->g.node_count; v++)
		marks[v] = node_matches(s, ev->g.nodes[v]);
	if (s->calls != NULL)
		require_neighbour(ev, s->calls, true, marks);
	if (s->called_by != NULL)
		require_neighbour(ev, s->called_by, false, marks);
	return marks;
}

static size_t
count_marked(const struct evaluator *ev, const uint8_t *marks)
{
	size_t count = 0;

	for (uint32_t v = 0; v < ev->g.node_count; v++)
		count += marks[v] != 0;
	return count;
}

/* --- Paths --- */

static bool
mode_allows(enum expect_mode mode, const struct edge *e)
{
	return mode == EXPECT_MODE_ANY || (mode == EXPECT_MODE_SYNC) == (e->mode == EDGE_SYNC);
}

/*
 * Breadth-first from the seeds over edges mode allows (backward: against
 * their direction), never entering blocked nodes (blocked may be NULL).
 * Returns the marks of the nodes reached; parent[v] is the edge v was
 * reached by, GRAPH_NONE for a seed.
 */
static uint8_t *
reach(struct evaluator *ev, const uint8_t *seeds, bool forward, enum expect_mode mode,
    const uint8_t *blocked, uint32_t *parent)
{
	const struct graph *g = &ev->g;
	uint8_t *reached = xcalloc(g->node_count + 1, 1);
	const uint32_t *start = forward ? g->out_start : g->in_start, *list = forward ? g->out_edges : g->in_edges;
	size_t head = 0, tail = 0;

	for (uint32_t v = 0; v < g->node_count; v++) {
		if (seeds[v] && !(blocked != NULL && blocked[v])) {
			reached[v] = 1;
			parent[v] = GRAPH_NONE;
			ev->queue[tail++] = v;
		}
	}
	while (head < tail) {
		uint32_t v = ev->queue[head++];

		for (uint32_t i = start[v]; i < start[v + 1]; i++) {
			uint32_t e = list[i], w = forward ? g->edge_to[e] : g->edge_from[e];

			if (reached[w] || !mode_allows(mode, g->edges[e]) || (blocked != NULL && blocked[w]))
				continue;
			reached[w] = 1;
			parent[w] = e;
			ev->queue[tail++] = w;
		}
	}
	return reached;
}

static uint32_t
first_common(const struct evaluator *ev, const uint8_t *a, const uint8_t *b, const uint8_t *c)
{
	for (uint32_t v = 0; v < ev->g.node_count; v++) {
		if (a[v] && b[v] && (c == NULL || c[v]))
			return v;
	}
	return GRAPH_NONE;
}

/*
 * Write the path that reaches v in a forward search (from_parent), then
 * goes on from v to a target along a backward search's parents (to_parent,
 * may be NULL).
 */
static void
say_path(struct evaluator *ev, const uint32_t *from_parent, uint32_t v, const uint32_t *to_parent)
{
	const struct graph *g = &ev->g;
	uint32_t *nodes = xreallocarray(NULL, 2 * (size_t)g->node_count + 2, sizeof *nodes), count = 0;

	for (uint32_t u = v;; u = g->edge_from[from_parent[u]]) {
		nodes[count++] = u;
		if (from_parent[u] == GRAPH_NONE)
			break;
	}
	for (uint32_t i = 0; i < count / 2; i++) {
		uint32_t swap = nodes[i];

		nodes[i] = nodes[count - 1 - i];
		nodes[count - 1 - i] = swap;
	}
	for (uint32_t u = v; to_parent != NULL && to_parent[u] != GRAPH_NONE;) {
		u = g->edge_to[to_parent[u]];
		nodes[count++] = u;
	}
	for (uint32_t i = 0; i < count; i++) {
		if (count > PATH_SHOWN && i >= 3 && i < count - 3) {
			if (i == 3)
				fprintf(ev->out, " -> ... (%u more)", count - 6);
			continue;
		}
		fprintf(ev->out, "%s%s", i ? " -> " : "", g->nodes[nodes[i]]->id);
	}
	free(nodes);
}

/* --- Reasons --- */

static void
say_names(struct evaluator *ev, const uint8_t *marks)
{
	size_t total = count_marked(ev, marks), said = 0;
	size_t shown = total > NAMES_SHOWN + 1 ? NAMES_SHOWN : total;

	for (uint32_t v = 0; v < ev->g.node_count && said < shown; v++) {
		if (!marks[v])
			continue;
		said++;
		fprintf(ev->out, "%s%s", said == 1 ? "" : said == shown && shown == total ? " and " : ", ",
		    ev->g.nodes[v]->id);
	}
	if (shown < total)
		fprintf(ev->out, " and %zu more", total - shown);
}

/* "a cache called by a service"; without the article for "no cache ...". */
static void
say_selector(FILE *out, const struct expect_selector *s, bool article)
{
	size_t kinds = 0;

	for (int k = 0; k < KIND_COUNT; k++) {
		const char *name = kind_name((enum node_kind)k);

		if (!(s->kinds & 1u << k))
			continue;
		if (kinds++ > 0)
			fputs(" or ", out);
		else if (article)
			fputs(strchr("aeiou", name[0]) != NULL || k == KIND_LB ? "an " : "a ", out);
		fputs(name, out);
	}
	if (kinds == 0)
		fputs(article ? "a node" : "node", out);
	for (size_t i = 0; i < s->word_count; i++)
		fprintf(out, "%s\"%s\"", i == 0 ? " mentioning " : " or ", s->words[i]);
	if (s->calls != NULL) {
		fputs(" that calls ", out);
		say_selector(out, s->calls, true);
	}
	if (s->called_by != NULL) {
		fputs(" called by ", out);
		say_selector(out, s->called_by, true);
	}
}

static const char *
mode_word(enum expect_mode mode)
{
	return mode == EXPECT_MODE_SYNC ? "sync " : mode == EXPECT_MODE_ASYNC ? "async " : "";
}

/* "no cache" when the selector matches nothing; true when it matches something. */
static bool
say_if_none(struct evaluator *ev, const uint8_t *marks, const struct expect_selector *s)
{
	if (count_marked(ev, marks) > 0)
		return true;
	fputs("no ", ev->out);
	say_selector(ev->out, s, false);
	fputs(" on the board", ev->out);
	return false;
}

/* "no sync path from users to db and media": lead, the mode, what, then both ends. */
static void
say_span(struct evaluator *ev, const char *lead, enum expect_mode mode, const char *what, const uint8_t *from,
    const uint8_t *to)
{
	fprintf(ev->out, "%s%s%s from ", lead, mode_word(mode), what);
	say_names(ev, from);
	fputs(" to ", ev->out);
	say_names(ev, to);
}

/* --- The checks: each writes its reason and returns whether it is met --- */

static bool
check_exists(struct evaluator *ev, const struct expectation *x)
{
	uint8_t *marks = select_nodes(ev, &x->select);
	size_t count = count_marked(ev, marks);
	bool met = count >= (size_t)x->min;

	if (say_if_none(ev, marks, &x->select)) {
		fputs("found ", ev->out);
		say_names(ev, marks);
		if (!met)
			fprintf(ev->out, "; needs %d", x->min);
	}
	free(marks);
	return met;
}

static bool
check_edge(struct evaluator *ev, const struct expectation *x)
{
	const struct graph *g = &ev->g;
	uint8_t *from = select_nodes(ev, &x->from), *to = select_nodes(ev, &x->to);
	bool met = false;

	if (say_if_none(ev, from, &x->from) && say_if_none(ev, to, &x->to)) {
		for (uint32_t e = 0; e < g->edge_count && !met; e++) {
			if (from[g->edge_from[e]] && to[g->edge_to[e]] && mode_allows(x->mode, g->edges[e])) {
				fprintf(ev->out, "%s -> %s (%s)", g->nodes[g->edge_from[e]]->id,
				    g->nodes[g->edge_to[e]]->id, edge_mode_name(g->edges[e]->mode));
				met = true;
			}
		}
		if (!met)
			say_span(ev, "no ", x->mode, "edge", from, to);
	}
	free(from);
	free(to);
	return met;
}

/* What a check over paths works with; every array is by node index. */
struct paths {
	uint8_t *from, *to, *via;	/* the selected ends, and via (NULL when not wanted) */
	uint8_t *ahead, *behind;	/* reached from a from-node; reaching a to-node */
	uint32_t *forward, *backward;	/* the edge each node was reached by, in those searches */
};

static void
paths_begin(struct evaluator *ev, const struct expectation *x, bool with_via, struct paths *p)
{
	size_t n = (size_t)ev->g.node_count + 1;

	p->from = select_nodes(ev, &x->from);
	p->to = select_nodes(ev, &x->to);
	p->via = with_via ? select_nodes(ev, &x->via) : NULL;
	p->forward = xreallocarray(NULL, n, sizeof *p->forward);
	p->backward = xreallocarray(NULL, n, sizeof *p->backward);
	p->ahead = p->behind = NULL;
}

/* Fill ahead and behind over the edges x's mode allows. */
static void
paths_search(struct evaluator *ev, const struct expectation *x, struct paths *p)
{
	p->ahead = reach(ev, p->from, true, x->mode, NULL, p->forward);
	p->behind = reach(ev, p->to, false, x->mode, NULL, p->backward);
}

static void
paths_end(struct paths *p)
{
	free(p->from);
	free(p->to);
	free(p->via);
	free(p->ahead);
	free(p->behind);
	free(p->forward);
	free(p->backward);
}

static bool
check_path(struct evaluator *ev, const struct expectation *x)
{
	struct paths p;
	uint32_t v;
	bool met = false;

	paths_begin(ev, x, x->has_via, &p);
	if (!say_if_none(ev, p.from, &x->from) || !say_if_none(ev, p.to, &x->to) ||
	    (p.via != NULL && !say_if_none(ev, p.via, &x->via))) {
		paths_end(&p);
		return false;
	}
	paths_search(ev, x, &p);
	v = first_common(ev, p.ahead, p.behind, p.via);
	if (v != GRAPH_NONE) {
		say_path(ev, p.forward, v, p.backward);
		met = true;
	} else if ((v = first_common(ev, p.ahead, p.to, NULL)) == GRAPH_NONE) {
		say_span(ev, "no ", x->mode, "path", p.from, p.to);
	} else {
		say_span(ev, "no ", x->mode, "path", p.from, p.to);
		fputs(" passes ", ev->out);
		say_selector(ev->out, &x->via, true);
		fputs(" (there is ", ev->out);
		say_path(ev, p.forward, v, NULL);
		fputs(")", ev->out);
	}
	paths_end(&p);
	return met;
}

static bool
check_every_path(struct evaluator *ev, const struct expectation *x)
{
	struct paths p;
	uint8_t *avoiding;
	uint32_t v;
	bool met = false;

	paths_begin(ev, x, true, &p);
	if (!say_if_none(ev, p.from, &x->from) || !say_if_none(ev, p.to, &x->to)) {
		paths_end(&p);
		return false;
	}
	/* A path that never enters a via-node disproves it. */
	avoiding = reach(ev, p.from, true, x->mode, p.via, p.forward);
	v = first_common(ev, avoiding, p.to, NULL);
	free(avoiding);
	if (v != GRAPH_NONE) {
		say_path(ev, p.forward, v, NULL);
		fputs(" does not pass ", ev->out);
		say_selector(ev->out, &x->via, true);
		paths_end(&p);
		return false;
	}
	paths_search(ev, x, &p);
	if (first_common(ev, p.ahead, p.to, NULL) == GRAPH_NONE) {
		say_span(ev, "no ", x->mode, "path", p.from, p.to);
	} else {
		for (uint32_t u = 0; u < ev->g.node_count; u++)
			p.via[u] = p.via[u] && p.ahead[u] && p.behind[u];
		say_span(ev, "every ", x->mode, "path", p.from, p.to);
		fputs(" passes ", ev->out);
		say_names(ev, p.via);
		met = true;
	}
	paths_end(&p);
	return met;
}

/*
 * Replicas of a node counted with its look-alikes among the matches: same
 * kind and the same label once a trailing number is cut (api-1, api-2),
 * as the critique's redundancy groups count them.
 */
static char *
label_stem(const struct node *n)
{
	char *stem = xasprintf("%d:%s", (int)n->kind, n->label);
	size_t length = strlen(stem);

	while (length > 0 && isdigit((unsigned char)stem[length - 1]))
		length--;
	while (length > 0 && strchr(" -_#.", stem[length - 1]) != NULL && length < strlen(stem))
		length--;
	stem[length] = '\0';
	for (char *p = stem; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return stem;
}

static bool
check_replicas(struct evaluator *ev, const struct expectation *x)
{
	const struct graph *g = &ev->g;
	uint8_t *marks = select_nodes(ev, &x->select), *short_of = xcalloc(g->node_count + 1, 1);
	struct strmap *totals = strmap_new();
	char **stems = xcalloc(g->node_count + 1, sizeof *stems);
	long *sums = xcalloc(g->node_count + 1, sizeof *sums);
	size_t failing = 0, said = 0;
	bool any = say_if_none(ev, marks, &x->select);

	for (uint32_t v = 0; v < g->node_count; v++) {
		long *sum;

		if (!marks[v])
			continue;
		stems[v] = label_stem(g->nodes[v]);
		if ((sum = strmap_get(totals, stems[v])) == NULL)
			strmap_put(totals, stems[v], sum = &sums[v]);
		*sum += g->nodes[v]->replicas;
	}
	for (uint32_t v = 0; v < g->node_count; v++) {
		const struct node *n = g->nodes[v];

		short_of[v] = marks[v] && *(long *)strmap_get(totals, stems[v]) < x->min && !n->managed &&
		    !kind_info(n->kind)->available;
		failing += short_of[v];
	}
	/* Name the nodes short of replicas, or else every match with what makes it enough. */
	for (uint32_t v = 0; v < g->node_count && any; v++) {
		const struct node *n = g->nodes[v];
		long total;

		if (!(failing > 0 ? short_of[v] : marks[v]) || said++ >= NAMES_SHOWN)
			continue;
		total = *(long *)strmap_get(totals, stems[v]);
		fputs(said > 1 ? ", " : "", ev->out);
		if (failing > 0)
			fprintf(ev->out, "%s has %ld replica%s", n->id, total, total == 1 ? "" : "s");
		else if (total >= x->min)
			fprintf(ev->out, "%s x%ld", n->id, total);
		else
			fprintf(ev->out, "%s %s", n->id, n->managed ? "managed" : kind_name(n->kind));
	}
	if (said > NAMES_SHOWN)
		fprintf(ev->out, " and %zu more", said - NAMES_SHOWN);
	if (failing > 0)
		fprintf(ev->out, "; needs %d (or managed)", x->min);
	for (uint32_t v = 0; v < g->node_count; v++)
		free(stems[v]);
	free(stems);
	free(sums);
	free(short_of);
	strmap_free(totals);
	free(marks);
	return any && failing == 0;
}

/* A listed rule ID, or a family ("SPOF") the ID starts with; no rules listed: every rule. */
static bool
rule_listed(const struct expectation *x, const char *id)
{
	for (size_t i = 0; i < x->rule_count; i++) {
		size_t length = strlen(x->rules[i]);

		if (strncmp(id, x->rules[i], length) == 0 &&
		    (id[length] == '\0' || (isdigit((unsigned char)id[length]) &&
		    isalpha((unsigned char)x->rules[i][length - 1]))))
			return true;
	}
	return x->rule_count == 0;
}

static void
say_rules(struct evaluator *ev, const struct expectation *x)
{
	for (size_t i = 0; i < x->rule_count; i++)
		fprintf(ev->out, "%s%s", i == 0 ? "" : i + 1 == x->rule_count ? " or " : ", ", x->rules[i]);
	if (x->rule_count == 0)
		fputs("critique", ev->out);
	fprintf(ev->out, " finding%s", x->severity == SEVERITY_ERROR ? " of severity error" :
	    x->severity == SEVERITY_WARNING ? " of severity warning or error" : "");
}

static bool
check_no_findings(struct evaluator *ev, const struct expectation *x)
{
	const struct critique_finding *first = NULL;
	struct paths p;
	size_t count = 0;

	/* A scope presupposes the paths it names: without them there is nothing to judge. */
	if (x->has_scope) {
		paths_begin(ev, x, false, &p);
		if (!say_if_none(ev, p.from, &x->from) || !say_if_none(ev, p.to, &x->to)) {
			paths_end(&p);
			return false;
		}
		paths_search(ev, x, &p);
		if (first_common(ev, p.ahead, p.to, NULL) == GRAPH_NONE) {
			say_span(ev, "no ", x->mode, "path", p.from, p.to);
			paths_end(&p);
			return false;
		}
	}
	for (size_t i = 0; i < critique_finding_count(ev->critique); i++) {
		const struct critique_finding *f = critique_finding(ev->critique, i);
		size_t v = f->nodes[0]->index;

		if (f->accepted || f->severity > x->severity || !rule_listed(x, f->rule->id) ||
		    (x->has_scope && !(p.ahead[v] && p.behind[v])))
			continue;
		if (count++ == 0)
			first = f;
	}
	if (first != NULL) {
		fprintf(ev->out, "%s: %s", first->rule->id, first->message);
		if (count > 1)
			fprintf(ev->out, " (and %zu more)", count - 1);
	} else {
		fputs("no ", ev->out);
		say_rules(ev, x);
		if (x->has_scope)
			say_span(ev, " on the ", x->mode, "paths", p.from, p.to);
	}
	if (x->has_scope)
		paths_end(&p);
	return first == NULL;
}

static void
say_load(struct evaluator *ev, const struct node *n, const struct traffic_load *l)
{
	char load[32], capacity[32];

	traffic_format_rate(l->capacity, capacity, sizeof capacity);
	if (l->unbounded)
		fprintf(ev->out, "%s: unbounded load (an amplifying cycle) against %s req/s", n->id, capacity);
	else
		fprintf(ev->out, "%s: %s of %s req/s (%.0f%%)", n->id, traffic_format_rate(l->load, load, sizeof load),
		    capacity, 100 * traffic_utilisation(l));
}

static bool
check_no_overload(struct evaluator *ev, const struct expectation *x)
{
	uint8_t *marks = select_nodes(ev, &x->select);
	uint32_t busiest = GRAPH_NONE;
	size_t checked = 0, failing = 0;
	bool sent = traffic_summary(ev->traffic).sent > 0;

	for (uint32_t v = 0; v < ev->g.node_count; v++) {
		const struct traffic_load *l = traffic_node(ev->traffic, ev->g.nodes[v]);

		if (!marks[v] || l->capacity <= 0)
			continue;
		checked++;
		if (l->unbounded || l->load > l->capacity * (1 - x->headroom) * (1 + 1e-9)) {
			if (failing++ < 3) {
				fputs(failing > 1 ? "; " : "", ev->out);
				say_load(ev, ev->g.nodes[v], l);
			}
		} else if (busiest == GRAPH_NONE ||
		    traffic_utilisation(l) > traffic_utilisation(traffic_node(ev->traffic, ev->g.nodes[busiest]))) {
			busiest = v;
		}
	}
	if (failing > 3)
		fprintf(ev->out, " and %zu more", failing - 3);
	if (failing > 0 && x->headroom > 0)
		fprintf(ev->out, " (needs %.0f%% headroom)", 100 * x->headroom);
	if (failing == 0 && !sent) {
		fputs("no node sends traffic (rps): nothing to check", ev->out);
	} else if (failing == 0 && checked == 0) {
		fputs("no capacity estimates to check", ev->out);
	} else if (failing == 0) {
		fprintf(ev->out, "%zu node%s within capacity; the busiest is ", checked, checked == 1 ? "" : "s");
		say_load(ev, ev->g.nodes[busiest], traffic_node(ev->traffic, ev->g.nodes[busiest]));
	}
	free(marks);
	return failing == 0 && checked > 0 && sent;
}

static bool
check_estimates(struct evaluator *ev, const struct expectation *x)
{
	uint8_t *marks = select_nodes(ev, &x->select), *missing = xcalloc(ev->g.node_count + 1, 1);
	double sent = traffic_summary(ev->traffic).sent;
	char rate[32];
	size_t count = 0;

	for (uint32_t v = 0; v < ev->g.node_count; v++) {
		missing[v] = marks[v] && ev->g.nodes[v]->capacity <= 0;
		count += missing[v];
	}
	if (!say_if_none(ev, marks, &x->select)) {
		count = 1;
	} else if (sent == 0) {
		fputs("no node sends traffic: give the clients rps", ev->out);
		count++;
	} else if (count > 0) {
		fputs("no capacity on ", ev->out);
		say_names(ev, missing);
	} else {
		fprintf(ev->out, "%s req/s sent; capacities on ", traffic_format_rate(sent, rate, sizeof rate));
		say_names(ev, marks);
	}
	free(marks);
	free(missing);
	return count == 0;
}

/* --- Running them --- */

static bool (*const checks[])(struct evaluator *, const struct expectation *) = {
	[EXPECT_EXISTS] = check_exists,
	[EXPECT_EDGE] = check_edge,
	[EXPECT_PATH] = check_path,
	[EXPECT_EVERY_PATH] = check_every_path,
	[EXPECT_REPLICAS] = check_replicas,
	[EXPECT_NO_FINDINGS] = check_no_findings,
	[EXPECT_NO_OVERLOAD] = check_no_overload,
	[EXPECT_ESTIMATES] = check_estimates,
};

struct expect_result *
expect_evaluate(const struct expectations *e, const struct diagram *board, const struct critique *critique,
    const struct traffic *traffic)
{
	struct evaluator ev = { .critique = critique, .traffic = traffic };
	struct expect_result *results = xcalloc(e->count ? e->count : 1, sizeof *results);

	graph_build(&ev.g, board);
	ev.queue = xreallocarray(NULL, (size_t)ev.g.node_count + 1, sizeof *ev.queue);
	for (size_t i = 0; i < e->count; i++) {
		size_t length = 0;

		ev.out = open_memstream(&results[i].reason, &length);
		if (ev.out == NULL)
			fatal("out of memory judging expectations");
		results[i].met = checks[e->items[i].check](&ev, &e->items[i]);
		if (fclose(ev.out) != 0)
			fatal("out of memory judging expectations");
	}
	free(ev.queue);
	graph_free(&ev.g);
	return results;
}

void
expect_results_free(struct expect_result *results, size_t count)
{
	if (results == NULL)
		return;
	for (size_t i = 0; i < count; i++)
		free(results[i].reason);
	free(results);
}
