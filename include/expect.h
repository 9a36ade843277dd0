/*
 * Expectations: what a prompt asks of a board, written as data in the
 * template (docs/templates.md, "Expectations") and judged by one engine.
 *
 * An expectation is one check -- a node exists, an edge, a path (through
 * some kind), every path passes something, replica minimums, no findings
 * of some rules, nothing overloaded, estimates given -- over nodes chosen
 * by selectors: kinds, words of the id, label or tech, and what a node
 * calls or is called by.  Selectors never name ids, so a board meets an
 * expectation whatever ids and labels the candidate chose.
 *
 * Evaluating is linear in the board (a few breadth-first searches per
 * expectation), cheap enough to redo after every edit.
 */
#ifndef NAPKIN_EXPECT_H
#define NAPKIN_EXPECT_H

#include <stdbool.h>
#include <stddef.h>

#include "critique.h"
#include "diagram.h"
#include "traffic.h"

struct member_reader;
struct cJSON;

#define EXPECT_SELECTOR_DEPTH	4	/* calls / called_by nest this deep at most */
#define EXPECT_MAX		64	/* expectations per template */

enum expect_check {
	EXPECT_EXISTS,		/* at least min nodes match select */
	EXPECT_EDGE,		/* an edge from a from-node to a to-node */
	EXPECT_PATH,		/* a path from a from-node to a to-node (through a via-node) */
	EXPECT_EVERY_PATH,	/* such paths exist and every one passes a via-node */
	EXPECT_REPLICAS,	/* every select-node has >= min replicas (or is managed) */
	EXPECT_NO_FINDINGS,	/* no unaccepted finding of rules, at or above severity (on a path) */
	EXPECT_NO_OVERLOAD,	/* select-nodes with a capacity keep headroom; no unbounded load */
	EXPECT_ESTIMATES	/* traffic is sent and every select-node gives a capacity */
};

/* Edge modes a path may use. */
enum expect_mode {
	EXPECT_MODE_ANY,
	EXPECT_MODE_SYNC,
	EXPECT_MODE_ASYNC
};

/* Which nodes: every condition given must hold; an empty selector matches every node. */
struct expect_selector {
	unsigned kinds;			/* bit 1 << kind; 0: any kind */
	char **words;			/* any of them in the id, label or tech, any case */
	size_t word_count;
	struct expect_selector *calls;	/* has an edge to a node matching it */
	struct expect_selector *called_by;	/* has an edge from a node matching it */
};

struct expectation {
	char *id;		/* unique in the template: "read-cache" */
	char *text;		/* what is expected, one line */
	char *why;		/* why it matters, for the debrief; NULL when not given */
	enum expect_check check;
	struct expect_selector select, from, to, via;
	bool has_via;		/* path: via given; no_findings: from/to give a scope */
	bool has_scope;
	enum expect_mode mode;
	int min;		/* exists: nodes (1); replicas: replicas (2) */
	double headroom;	/* no_overload: share of capacity left free, 0..0.9 */
	char **rules;		/* no_findings: rule IDs or families ("SPOF"); none: every rule */
	size_t rule_count;
	enum critique_severity severity;	/* no_findings: this severe or worse */
};

struct expectations {
	struct expectation *items;
	size_t count;
};

/*
 * Read the "expectations" array v (the reader is positioned at it) into
 * out; false after adding errors to the reader.  Free with expect_free
 * either way.
 */
bool expect_parse(struct member_reader *r, const struct cJSON *v, struct expectations *out);
void expect_free(struct expectations *e);

struct expect_result {
	bool met;
	char *reason;		/* names what was found or missing; owned */
};

/*
 * Judge every expectation on board, with its critique and traffic (both
 * run on board).  Returns results[i] for e->items[i]; free with
 * expect_results_free.
 */
struct expect_result *expect_evaluate(const struct expectations *e, const struct diagram *board,
    const struct critique *critique, const struct traffic *traffic);
void expect_results_free(struct expect_result *results, size_t count);

const char *expect_check_name(enum expect_check check);

#endif
