/*
 * The critique: napkin reads a diagram as a graph and says, with reasons,
 * where the design breaks (docs/rules.md lists every rule).
 *
 * critique_run() analyses the diagram once (adjacency, entry points, Req,
 * redundancy groups, dominators, sync components: near-linear) and runs
 * every registered rule over that analysis.  It is fast enough to run after
 * every edit: the whiteboard reruns it and redraws the findings panel.
 *
 * A struct critique borrows the diagram: its finding and node pointers are
 * the diagram's own, valid until the diagram changes.  Rerun after an edit.
 */
#ifndef NAPKIN_CRITIQUE_H
#define NAPKIN_CRITIQUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diagram.h"

enum critique_severity {
	SEVERITY_ERROR,
	SEVERITY_WARNING,
	SEVERITY_NOTE
};

#define SEVERITY_COUNT 3

const char *critique_severity_name(enum critique_severity severity);
bool critique_severity_from_name(const char *name, enum critique_severity *severity);

struct critique_check;		/* what a rule's check function reports into */
struct analysis;		/* the graph facts the rules read */

/*
 * One rule: a small unit registered in src/critique_rules.h.  The text
 * fields feed `napkin rules`, `napkin explain ID`, docs/rules.md and the
 * SARIF rule descriptors, so they cannot drift from the code.
 */
struct critique_rule {
	const char *id;		/* stable: "SPOF002" */
	const char *name;	/* kebab-case: "unreplicated-database" */
	enum critique_severity severity;
	const char *summary;	/* when it fires, one line */
	const char *rationale;	/* why that matters */
	const char *advice;	/* what to do about it */
	void (*check)(struct critique_check *check, const struct analysis *analysis);
};

size_t critique_rule_count(void);
/* Rules in registry order (the order of docs/rules.md). */
const struct critique_rule *critique_rule_at(size_t index);
/* The rule with this ID (any case), or NULL. */
const struct critique_rule *critique_rule_find(const char *id);

struct critique_finding {
	const struct critique_rule *rule;
	enum critique_severity severity;
	/* nodes[0] is the subject; for SPOF rules the failing component alone.
	 * The rest follow sorted by id. */
	const struct node *const *nodes;
	size_t node_count;
	const struct edge *const *edges;	/* sorted by (from id, to id) */
	size_t edge_count;
	const char *message;	/* names the components: "orders-db: 1 replica, ..." */
	const char *advice;	/* the rule's advice */
	/* Accepted when one of nodes accepts rule->id (diagram_set_node_accept
	 * on nodes[0] is how the whiteboard accepts one); then it counts in
	 * summary.accepted instead of its severity. */
	bool accepted;
	const char *accepted_reason;	/* NULL unless accepted */
	const struct node *accepted_by;
};

struct critique_summary {
	size_t count[SEVERITY_COUNT];	/* findings not accepted, by severity */
	size_t accepted;
};

struct critique;

/* Analyse d and run every rule; free with critique_free. */
struct critique *critique_run(const struct diagram *d);
void critique_free(struct critique *c);

/*
 * Findings in a fixed order: by severity, then registry order of the rule,
 * then subject id, other node ids, edges and message -- the same whatever
 * order the file lists its nodes and edges in.
 */
size_t critique_finding_count(const struct critique *c);
const struct critique_finding *critique_finding(const struct critique *c, size_t index);
struct critique_summary critique_summary(const struct critique *c);
/*
 * The worst severity among the unaccepted findings that name n, for the
 * canvas markers; false when there is none.
 */
bool critique_node_severity(const struct critique *c, const struct node *n,
    enum critique_severity *severity);

/*
 * What stops when n fails: n, the callers that fail with it and every node
 * only they lead to (docs/rules.md).  Returns a new array, n first, then
 * the rest in diagram order; the caller frees the array (not the nodes).
 */
const struct node **critique_blast_radius(const struct critique *c, const struct node *n, size_t *count);

/* --- Reports (critique_report.c, critique_sarif.c) --- */

enum critique_format {
	FORMAT_TEXT,	/* FILE: error: SPOF002: message, like a compiler */
	FORMAT_JSON,
	FORMAT_SARIF	/* SARIF 2.1.0 */
};

bool critique_format_from_name(const char *name, enum critique_format *format);
/* Write c's findings about file (as named in the report); false on a write error. */
bool critique_write(const struct critique *c, const char *file, enum critique_format format, FILE *out);

/* --- Rule documentation (critique_docs.c) --- */

/* One rule in full, for napkin explain. */
void critique_explain(const struct critique_rule *rule, FILE *out);
/* docs/rules.md: the definitions, then every rule. */
void critique_rules_markdown(FILE *out);

#endif
