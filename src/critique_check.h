/*
 * What a rule unit sees: the analysis to read, and a builder to report
 * findings into.  A check function looks at the analysis (never at the
 * diagram's editing API), and for each problem calls check_begin with the
 * subject, adds the other nodes and the edges concerned, writes the message
 * with check_say*, and calls check_end.  The engine (critique.c) sorts,
 * applies accepted risks and counts; a rule does none of that itself.
 */
#ifndef NAPKIN_CRITIQUE_CHECK_H
#define NAPKIN_CRITIQUE_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "critique.h"

/* Open a finding of the rule being checked about subject (node index). */
void check_begin(struct critique_check *c, uint32_t subject);
void check_node(struct critique_check *c, uint32_t v);
void check_edge(struct critique_check *c, uint32_t e);
/* Append to the message. */
void check_say(struct critique_check *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * Append the ids of nodes[0..count) as "a, b and c", sorted and without
 * duplicates, naming at most a few and then "and N more".  Sorts nodes in
 * place.
 */
void check_say_names(struct critique_check *c, uint32_t *nodes, size_t count);
void check_end(struct critique_check *c);

/* A scratch array for the rule: room for every node, or for every edge at one node. */
uint32_t *check_scratch(struct critique_check *c);

#endif
