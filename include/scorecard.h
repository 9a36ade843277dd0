/*
 * The scorecard of a board against a template: what `napkin score` prints
 * and the whiteboard's :score shows.
 *
 *   - the critique's findings, by severity;
 *   - each of the prompt's expectations, met or not, with the reason;
 *   - the traffic estimates: every node's load against its capacity;
 *   - the reference's components the board lacks, matched by kind and by
 *     what they connect to, never by id (candidates choose their own);
 *   - for a drill, each planted defect and whether the board still has it.
 *
 * Building one runs the critique, the traffic and the expectations once
 * each (all linear), so the whiteboard can rebuild it after every edit.
 *
 * Readers read the fields directly.  A scorecard borrows the board, the
 * interview and the reference (which must outlive it and not change) and
 * owns everything else.
 */
#ifndef NAPKIN_SCORECARD_H
#define NAPKIN_SCORECARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "critique.h"
#include "diagram.h"
#include "expect.h"
#include "interview.h"
#include "traffic.h"

/* A planted defect of a drill: fixed when the board no longer has that finding. */
struct scorecard_defect {
	const struct interview_finding *finding;
	bool fixed;
};

struct scorecard {
	const struct diagram *board;
	const struct interview *interview;
	const struct diagram *reference;	/* NULL: nothing to compare with (drills) */
	struct critique *critique;
	struct traffic *traffic;
	struct expect_result *results;	/* results[i] judges interview->expectations.items[i] */
	size_t met;
	const struct node **missing;	/* reference nodes the board lacks, in reference order */
	size_t missing_count;
	struct scorecard_defect *defects;	/* drills: one per interview finding */
	size_t defects_fixed;
	/* Every expectation met, no unaccepted error, nothing overloaded or
	 * unbounded, every planted defect fixed.  Missing components do not
	 * count: a board may solve the problem another way. */
	bool passed;
};

struct scorecard *scorecard_build(const struct diagram *board, const struct interview *interview,
    const struct diagram *reference);
void scorecard_free(struct scorecard *sc);

/*
 * Where a missing component sits in the reference, for people:
 * "called by service; calls db".  Writes at most size bytes; returns buf.
 */
char *scorecard_describe_connections(const struct diagram *reference, const struct node *n, char *buf,
    size_t size);

enum scorecard_format {
	SCORECARD_TEXT,
	SCORECARD_JSON
};

bool scorecard_format_from_name(const char *name, enum scorecard_format *format);
/*
 * Write the scorecard of file (as named in the report) against template
 * name; false on a write error.  Strings from files are escaped (JSON) or
 * have control characters replaced (text).
 */
bool scorecard_write(const struct scorecard *sc, const char *file, const char *template_name,
    enum scorecard_format format, FILE *out);

#endif
