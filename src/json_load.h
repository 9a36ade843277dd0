/*
 * The loader's shared parts.  json_load.c walks the document and hands each
 * element of "nodes", "edges" and "groups" to json_load_node.c,
 * json_load_edge.c or json_load_group.c, which turn it into model calls;
 * json_load_member.c reads and checks an element's members, and
 * json_load_report.c words and places the messages.  json_load_plain.c
 * reads the plain elements most files are made of without cJSON, a quick
 * path that either does exactly what the general one would or nothing at
 * all.  Only these files include this header.
 */
#ifndef NAPKIN_JSON_LOAD_H
#define NAPKIN_JSON_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include <cJSON.h>

#include "diagram.h"
#include "errors.h"
#include "json_element.h"
#include "json_scan.h"
#include "strmap.h"

struct loader {
	const char *name;		/* file name for messages */
	struct json_text text;
	struct error_list *errors;	/* this file's alone */
	struct diagram *d;
	/*
	 * Ids of nodes that were refused (their error is already reported), so
	 * edges and groups naming them do not add a misleading "unknown node".
	 */
	struct strmap *refused;
	char **refused_ids;
	size_t refused_count;
	struct json_element element;	/* scratch for reading elements */
	char *plain_text;		/* scratch for the strings of a plain element */
	size_t plain_capacity;
};

/* An element being loaded: where it is and how messages name it. */
struct element {
	size_t pos;
	const char *what;	/* "node", "edge" or "group" */
	size_t number;		/* its place in the array, from 1 */
	const char *id;		/* a valid id to name it by, or NULL */
};

/*
 * Around loading into a new l->d (unrecorded, from nothing): the diagram,
 * the refused ids and the scratch space; finish leaves l->d, with its
 * history cleared and recording on.  (json_load.c; the tests drive
 * single elements the same way.)
 */
void loader_start(struct loader *l);
void loader_finish(struct loader *l);

/* --- Messages (json_load_report.c) --- */

/* "node 3", or "node \"api\"" when the element has a valid id. */
const char *loader_element_name(const struct element *el, char *buf, size_t size);
/* Whether this file has an error yet. */
bool loader_failed(const struct loader *l);
/* Report "FILE:LINE:COL: message" for the text at pos. */
void loader_fail_at(struct loader *l, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An error about el, pointing at path inside it (or at el itself), named "node \"api\": ...". */
void loader_fail_in(struct loader *l, const struct element *el, const struct json_step *path,
    size_t depth, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* An error about member of el (NULL: el itself). */
#define FAIL_MEMBER(l, el, member, ...) \
	loader_fail_in((l), (el), (const struct json_step[]){ { (member), 0 } }, (member) != NULL, \
	    __VA_ARGS__)
/*
 * s in double quotes for a message, escaped as JSON would write it: a
 * control character becomes \u001b, never a raw byte on the terminal.
 */
const char *loader_quote(const char *s, char *buf, size_t size);
/* A short, printable description of a JSON value: "\"x\"", 2.5, an array. */
const char *loader_describe(const cJSON *v, char *buf, size_t size);
/* "; did you mean \"x\"?" for a near miss of wrong among candidates, or "". */
void loader_suggest(const char *wrong, const char *const *candidates, size_t count, char *buf,
    size_t size);
/* The same among the ids of the nodes loaded so far. */
void loader_suggest_node(const struct diagram *d, const char *wrong, char *buf, size_t size);

/* --- Members of an element (json_load_member.c) --- */

/*
 * Typed member access: v is the member (NULL when absent) named member.
 * Each reports and returns false when it has the wrong type.
 */
bool loader_get_string(struct loader *l, const struct element *el, const cJSON *v,
    const char *member, bool required, const char **out);
bool loader_get_integer(struct loader *l, const struct element *el, const cJSON *v,
    const char *member, int min, int max, int *out);
bool loader_get_number(struct loader *l, const struct element *el, const cJSON *v,
    const char *member, double max, double *out);
bool loader_get_bool(struct loader *l, const struct element *el, const cJSON *v,
    const char *member, bool *out);
/* A number in v too big for a double (it parsed as infinity), or NULL. */
const cJSON *loader_find_non_finite(const cJSON *v);
/*
 * Start on element obj: it must be an object; from now on messages name it
 * by its id when it has a valid one.  In one pass over its members, each
 * one named in names (a NULL-ended list) goes into found[] at the same
 * index, and a name given twice or a number too big for a double is
 * reported.  *unknown is whether any member is not in names.  False after
 * reporting.
 */
bool loader_open_element(struct loader *l, struct element *el, const cJSON *obj,
    const char *const *names, const cJSON **found, bool *unknown);
/* Remember that the node obj was refused, and whether id was. */
void loader_refuse_node(struct loader *l, const cJSON *obj);
bool loader_was_refused(const struct loader *l, const char *id);
/* A copy of the members of obj not named in known[], in their order, or NULL. */
cJSON *loader_copy_unknown(const cJSON *obj, const char *const *known);

/* --- Plain elements (json_load_plain.c) --- */

#define PLAIN_MEMBERS_MAX 16

/* Where each member of a plain element is, for the members present. */
struct plain_element {
	unsigned present;	/* bit i: names[i] is there */
	size_t value[PLAIN_MEMBERS_MAX], end[PLAIN_MEMBERS_MAX];
	char *text;		/* where the next string copied out goes */
};

static inline bool
plain_has(const struct plain_element *pe, size_t i)
{
	return pe->present & 1u << i;
}

/*
 * The element at pos in the plain form napkin writes -- an object whose
 * members are all named in names (at most PLAIN_MEMBERS_MAX), each once,
 * with values that are strings without escapes, numbers, true or false --
 * found member by member with the same checks as json_element_read, with
 * *end one past it.  False, having changed nothing but *end, for any other
 * element (a syntax error included): it is then read the general way,
 * which says what is wrong.
 */
bool loader_plain_members(struct loader *l, size_t pos, const char *const *names,
    struct plain_element *pe, size_t *end);
/*
 * Member i of a plain element: true with *out untouched when absent,
 * false when of another type (or, for a number, too big for a double).
 * Strings are copied out, NUL-terminated, valid until the next element.
 */
bool loader_plain_string(const struct loader *l, struct plain_element *pe, size_t i, const char **out);
bool loader_plain_number(const struct loader *l, const struct plain_element *pe, size_t i, double *out);
bool loader_plain_bool(const struct loader *l, const struct plain_element *pe, size_t i, bool *out);

/* The checks loader_get_integer and loader_get_number make of a number's value. */
bool loader_is_integer(double v, int min, int max);
bool loader_is_rate(double v, double max);

/* --- Elements: one of each array, number counting from 1 --- */

void json_load_node(struct loader *l, const cJSON *obj, size_t pos, size_t number);
void json_load_edge(struct loader *l, const cJSON *obj, size_t pos, size_t number);
/*
 * The same for an element at pos in plain form, read from the text: true
 * with *end one past it when it was loaded exactly as json_load_node or
 * json_load_edge would have loaded it; false, having changed nothing, when
 * it is not plain or anything about it would be refused.
 */
bool json_load_plain_node(struct loader *l, size_t pos, size_t *end);
bool json_load_plain_edge(struct loader *l, size_t pos, size_t *end);
void json_load_group(struct loader *l, const cJSON *obj, size_t pos, size_t number);

#endif
