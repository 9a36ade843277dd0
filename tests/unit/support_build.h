/*
 * Building diagrams in tests (support_build.c): one call per node or edge,
 * failing the test when the model refuses.  Nodes are laid out in a row so
 * their boxes never overlap.
 */
#ifndef NAPKIN_SUPPORT_BUILD_H
#define NAPKIN_SUPPORT_BUILD_H

#include "diagram.h"
#include "interview.h"

/* A node with the given replicas, capacity per replica and rps (0: none). */
const struct node *build_node(struct diagram *d, const char *id, enum node_kind kind, int replicas,
    double capacity, double rps);
/* An edge between two existing ids. */
const struct edge *build_edge(struct diagram *d, const char *from, const char *to, enum edge_mode mode,
    double ratio);
/*
 * The interview of an empty diagram with these top-level members (JSON
 * text such as "\"expectations\": [...]", which starts on line 2), or NULL
 * with errors (messages name the file t.json).
 */
struct interview *build_interview(const char *members, struct error_list *errors);
/*
 * True when build_interview(members) fails with exactly one error, message;
 * otherwise prints what it got (naming the case) and returns false.
 */
bool build_interview_fails_with(const char *members, const char *message, size_t case_number);
/* Load a file under $NAPKIN_ROOT (a path like "templates/x.json"); fails the test when invalid. */
struct diagram *build_load(const char *relative);

#endif
