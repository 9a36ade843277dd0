/*
 * The interview a template sets (docs/templates.md): the prompt, optional
 * phases with time boxes, the expectations the scorecard judges, and for
 * drills ("find the problems") the findings the critique must report.
 *
 * These live in a napkin file as top-level members the model does not
 * know ("prompt", "phases", "expectations", "drill") and an optional
 * "role" on nodes; the loader keeps them and saving writes them back byte
 * for byte, so a template is an ordinary diagram file.  This module reads
 * them out of diagram_extra() and node->extra and validates them.
 *
 * Ownership: an interview owns its strings; it does not point into the
 * diagram, which may be freed first.
 */
#ifndef NAPKIN_INTERVIEW_H
#define NAPKIN_INTERVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "diagram.h"
#include "errors.h"
#include "expect.h"

#define INTERVIEW_SUMMARY_MAX	54	/* columns: with a name of up to 24, napkin templates fits 80 */
#define INTERVIEW_TEXT_MAX	4000
#define INTERVIEW_PHASES_MAX	8
#define INTERVIEW_MINUTES_MAX	240

struct interview_prompt {
	char *summary;			/* one line, for napkin templates */
	char *problem;			/* the problem statement; may hold newlines */
	char **functional;		/* requirements, one line each */
	size_t functional_count;
	char **non_functional;
	size_t non_functional_count;
	char *users, *requests, *data;	/* scale, in words: "100 million monthly" */
};

struct interview_phase {
	char *name;		/* "requirements", "estimates", "high-level design", "deep dive" */
	int minutes;
	char *goal;		/* what to get done; NULL when not given */
};

/* A finding a drill must produce: the rule and the node it is about (its subject). */
struct interview_finding {
	char *rule;
	char *node;
	char *why;		/* the defect, for the debrief; NULL when not given */
};

struct interview {
	bool has_prompt;
	struct interview_prompt prompt;
	struct interview_phase *phases;
	size_t phase_count;
	struct expectations expectations;
	bool is_drill;
	struct interview_finding *findings;	/* drills only */
	size_t finding_count;
};

/*
 * Read d's interview members.  file names d in messages; text (may be
 * NULL) is the file's content, to give errors a line and column.  A
 * diagram without these members gives an empty interview.  NULL after
 * adding errors.
 */
struct interview *interview_read(const struct diagram *d, const char *file, const char *text, size_t len,
    struct error_list *errors);
/* Load path as a diagram and read its interview; NULL (with errors) when either fails. */
struct interview *interview_load_file(const char *path, struct diagram **diagram, struct error_list *errors);
void interview_free(struct interview *iv);

/* The phases' minutes, added up (0 without phases). */
int interview_minutes(const struct interview *iv);
/*
 * The phase running after elapsed seconds, for the countdown: its index,
 * and in *left (may be NULL) the seconds left in it.  -1 before the first
 * phase has anything to run (no phases) or once the last has ended.
 */
long interview_phase_at(const struct interview *iv, double elapsed, double *left);
/* A node's "role" in a reference design ("read cache for hot links"), or NULL. */
const char *interview_node_role(const struct node *n);

#endif
