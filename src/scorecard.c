/*
 * Building a scorecard (scorecard.h): run the critique and the traffic on
 * the board, judge the expectations, check a drill's defects, and find the
 * reference components the board lacks.
 *
 * Missing components are counted, not guessed: per kind, the reference
 * lacks max(0, reference count - board count) after stand-ins are used (a
 * gateway does a load balancer's job and back; a function a service's or a
 * worker's).  Which of a kind's reference nodes are the missing ones: those
 * least like any board node of that kind, by the kinds they call and are
 * called by and the words of their label.  Linear in the board for each
 * reference node, and references are small.
 */
#include "scorecard.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* Kinds that do another kind's job: { needed, stand-in }. */
static const enum node_kind stand_ins[][2] = {
	{ KIND_LB, KIND_GATEWAY }, { KIND_GATEWAY, KIND_LB },
	{ KIND_SERVICE, KIND_FUNCTION }, { KIND_WORKER, KIND_FUNCTION }, { KIND_FUNCTION, KIND_SERVICE },
};

/* For each node, the kinds its edges come from and go to, as bit sets. */
struct neighbours {
	unsigned *in, *out;
};

static void
neighbours_build(struct neighbours *nb, const struct diagram *d)
{
	size_t n = diagram_node_count(d);

	nb->in = xcalloc(n + 1, sizeof *nb->in);
	nb->out = xcalloc(n + 1, sizeof *nb->out);
	for (size_t i = 0; i < diagram_edge_count(d); i++) {
		const struct edge *e = diagram_edge(d, i);

		nb->out[e->from->index] |= 1u << e->to->kind;
		nb->in[e->to->index] |= 1u << e->from->kind;
	}
}

static void
neighbours_free(struct neighbours *nb)
{
	free(nb->in);
	free(nb->out);
}

static int
popcount(unsigned bits)
{
	int count = 0;

	for (; bits != 0; bits &= bits - 1)
		count++;
	return count;
}

/* A word of four or more letters of a's label found in b's label or tech. */
static bool
share_word(const struct node *a, const struct node *b)
{
	const char *p = a->label;

	while (*p != '\0') {
		size_t length = 0;

		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		while (isalnum((unsigned char)p[length]))
			length++;
		if (length >= 4) {
			for (const char *text = b->label; *text != '\0'; text++) {
				if (strncasecmp(text, p, length) == 0)
					return true;
			}
			for (const char *text = b->tech; *text != '\0'; text++) {
				if (strncasecmp(text, p, length) == 0)
					return true;
			}
		}
		p += length;
	}
	return false;
}

/* How much like r the most similar board node of r's kind is. */
static int
best_likeness(const struct scorecard *sc, const struct neighbours *ref, const struct neighbours *board,
    const struct node *r)
{
	int best = -1;

	for (size_t i = 0; i < diagram_node_count(sc->board); i++) {
		const struct node *b = diagram_node(sc->board, i);
		int score;

		if (b->kind != r->kind)
			continue;
		score = 2 * popcount(ref->in[r->index] & board->in[b->index]) +
		    2 * popcount(ref->out[r->index] & board->out[b->index]) + share_word(r, b);
		best = score > best ? score : best;
	}
	return best;
}

static void
find_missing(struct scorecard *sc)
{
	const struct diagram *ref = sc->reference;
	size_t n = diagram_node_count(ref), need[KIND_COUNT] = { 0 }, have[KIND_COUNT] = { 0 };
	int *likeness = xcalloc(n + 1, sizeof *likeness);
	uint8_t *missing = xcalloc(n + 1, 1);
	struct neighbours ref_nb, board_nb;

	for (size_t i = 0; i < n; i++)
		need[diagram_node(ref, i)->kind]++;
	for (size_t i = 0; i < diagram_node_count(sc->board); i++)
		have[diagram_node(sc->board, i)->kind]++;
	for (int k = 0; k < KIND_COUNT; k++) {
		size_t both = need[k] < have[k] ? need[k] : have[k];

		need[k] -= both;	/* deficit */
		have[k] -= both;	/* surplus */
	}
	for (size_t i = 0; i < sizeof stand_ins / sizeof stand_ins[0]; i++) {
		size_t *deficit = &need[stand_ins[i][0]], *surplus = &have[stand_ins[i][1]];
		size_t take = *deficit < *surplus ? *deficit : *surplus;

		*deficit -= take;
		*surplus -= take;
	}
	neighbours_build(&ref_nb, ref);
	neighbours_build(&board_nb, sc->board);
	for (size_t i = 0; i < n; i++) {
		const struct node *r = diagram_node(ref, i);

		if (need[r->kind] > 0)
			likeness[i] = best_likeness(sc, &ref_nb, &board_nb, r);
	}
	/* Per kind, mark the deficit's worth of least-alike nodes, later ones first on ties. */
	for (int k = 0; k < KIND_COUNT; k++) {
		for (; need[k] > 0; need[k]--) {
			size_t pick = n;

			for (size_t i = 0; i < n; i++) {
				if (diagram_node(ref, i)->kind == (enum node_kind)k && !missing[i] &&
				    (pick == n || likeness[i] <= likeness[pick]))
					pick = i;
			}
			missing[pick] = 1;
			sc->missing_count++;
		}
	}
	sc->missing = xcalloc(sc->missing_count + 1, sizeof *sc->missing);
	sc->missing_count = 0;
	for (size_t i = 0; i < n; i++) {
		if (missing[i])
			sc->missing[sc->missing_count++] = diagram_node(ref, i);
	}
	neighbours_free(&ref_nb);
	neighbours_free(&board_nb);
	free(likeness);
	free(missing);
}

/* A defect is fixed when no unaccepted finding of its rule is about its node. */
static void
check_defects(struct scorecard *sc)
{
	const struct interview *iv = sc->interview;

	sc->defects = xcalloc(iv->finding_count + 1, sizeof *sc->defects);
	for (size_t i = 0; i < iv->finding_count; i++) {
		struct scorecard_defect *d = &sc->defects[i];

		d->finding = &iv->findings[i];
		d->fixed = true;
		for (size_t k = 0; k < critique_finding_count(sc->critique) && d->fixed; k++) {
			const struct critique_finding *f = critique_finding(sc->critique, k);

			d->fixed = f->accepted || strcmp(f->rule->id, d->finding->rule) != 0 ||
			    strcmp(f->nodes[0]->id, d->finding->node) != 0;
		}
		sc->defects_fixed += d->fixed;
	}
}

struct scorecard *
scorecard_build(const struct diagram *board, const struct interview *interview, const struct diagram *reference)
{
	struct scorecard *sc = xcalloc(1, sizeof *sc);
	const struct expectations *e = &interview->expectations;
	struct traffic_summary traffic;

	sc->board = board;
	sc->interview = interview;
	sc->reference = reference;
	sc->critique = critique_run(board);
	sc->traffic = traffic_run(board);
	sc->results = expect_evaluate(e, board, sc->critique, sc->traffic);
	for (size_t i = 0; i < e->count; i++)
		sc->met += sc->results[i].met;
	check_defects(sc);
	if (reference != NULL)
		find_missing(sc);
	traffic = traffic_summary(sc->traffic);
	sc->passed = sc->met == e->count && critique_summary(sc->critique).count[SEVERITY_ERROR] == 0 &&
	    traffic.overloaded == 0 && traffic.unbounded == 0 && sc->defects_fixed == interview->finding_count;
	return sc;
}

void
scorecard_free(struct scorecard *sc)
{
	if (sc == NULL)
		return;
	critique_free(sc->critique);
	traffic_free(sc->traffic);
	expect_results_free(sc->results, sc->interview->expectations.count);
	free(sc->missing);
	free(sc->defects);
	free(sc);
}

/* "service or worker" from a bit set of kinds. */
static size_t
say_kinds(unsigned kinds, char *buf, size_t size)
{
	size_t o = 0, count = (size_t)popcount(kinds), said = 0;

	for (int k = 0; k < KIND_COUNT && o < size; k++) {
		if (!(kinds & 1u << k))
			continue;
		said++;
		o += (size_t)snprintf(buf + o, size - o, "%s%s", said == 1 ? "" : said == count ? " or " : ", ",
		    kind_name((enum node_kind)k));
	}
	return o < size ? o : size;
}

char *
scorecard_describe_connections(const struct diagram *reference, const struct node *n, char *buf, size_t size)
{
	unsigned in = 0, out = 0;
	size_t o = 0;

	for (size_t i = 0; i < diagram_edge_count(reference); i++) {
		const struct edge *e = diagram_edge(reference, i);

		if (e->to == n)
			in |= 1u << e->from->kind;
		if (e->from == n)
			out |= 1u << e->to->kind;
	}
	buf[0] = '\0';
	if (in != 0) {
		o += (size_t)snprintf(buf, size, "called by ");
		o += say_kinds(in, buf + (o < size ? o : size), o < size ? size - o : 0);
	}
	if (out != 0 && o < size) {
		o += (size_t)snprintf(buf + o, size - o, "%scalls ", in != 0 ? "; " : "");
		if (o < size)
			say_kinds(out, buf + o, size - o);
	}
	if (in == 0 && out == 0)
		snprintf(buf, size, "no edges");
	return buf;
}
