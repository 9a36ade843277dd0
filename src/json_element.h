/*
 * An element of "nodes", "edges" or "groups" read into cJSON items without
 * cJSON's parser.  Only json_load.c uses it.
 *
 * Parsing every element with cJSON cost a malloc and a free per value and
 * was most of the load time.  Here an element's scalar members (strings,
 * numbers, true, false, null) are decoded from the checked text into
 * cJSON items held in reusable scratch space; only arrays and objects,
 * which are rare (accepted risks, group members, unknown members), are
 * parsed by cJSON.  The loader reads the result through the cJSON API as
 * it would a parsed tree, never changes it, and never hands its items to
 * cJSON_Delete or a diagram: cJSON_Duplicate what must be kept.
 */
#ifndef NAPKIN_JSON_ELEMENT_H
#define NAPKIN_JSON_ELEMENT_H

#include <stddef.h>

#include <cJSON.h>

#include "json_scan.h"

struct json_element {
	cJSON object;		/* the element read last */
	cJSON *items;		/* its members */
	size_t item_capacity;
	struct json_member *spans;	/* where its members are in the text */
	size_t span_capacity;
	char *scratch;		/* decoded keys and strings */
	size_t scratch_capacity;
	size_t count;		/* members in the element read last */
	size_t parsed;		/* of them, arrays and objects whose children are cJSON's */
};

void json_element_init(struct json_element *e);
/* Release what the element read last holds, and the scratch space. */
void json_element_free(struct json_element *e);

/*
 * Check the object at pos (nested depth deep) against the JSON grammar and
 * read it, in one pass.  Returns the object, valid until the next read or
 * json_element_free, with *end one past it; or NULL with *bad and *message
 * (as json_check_value gives them).  Numbers are read in the C locale: the
 * loader switches to it.
 */
const cJSON *json_element_read(struct json_element *e, struct json_text t, size_t pos, int depth,
    size_t *end, size_t *bad, const char **message);
/* The value of the checked number at text[pos, end), as an item gets it (in the C locale). */
double json_element_number(struct json_text t, size_t pos, size_t end);

#endif
