/*
 * Scanning raw JSON text without building it: where a value ends, where a
 * member sits, which line and column an offset is on.
 *
 * cJSON parses values but keeps no positions and needs the whole document
 * in memory as a tree.  The loader uses this scanner to cut the document
 * into top-level members and array elements, hands each piece to cJSON,
 * and finds line:column for error messages only when there is an error.
 * Every function takes an explicit length; the text need not end in NUL.
 */
#ifndef NAPKIN_JSON_SCAN_H
#define NAPKIN_JSON_SCAN_H

#include <stdbool.h>
#include <stddef.h>

/* Deeper nesting than this is refused (napkin's own files nest 4 deep). */
#define JSON_DEPTH_MAX 200

struct json_text {
	const char *data;
	size_t len;
};

/* The first offset at or after pos that is not JSON whitespace. */
size_t json_skip_space(struct json_text t, size_t pos);

/*
 * Find the end of the value starting at pos.  Checks nesting, strings and
 * escapes but not the grammar inside containers (cJSON does that).  On
 * success *end is one past the value; on failure *end is where the problem
 * is and *message says what it is.
 */
bool json_value_end(struct json_text t, size_t pos, size_t *end, const char **message);

/*
 * Walk the members of the object or elements of the array at pos.  *cursor
 * starts at 0.  Each call sets *key_start and *key_end (object members only;
 * the quoted key) and *value to the next value and returns 1; returns 0 at
 * the end (with *value at the closing bracket) and -1 on a syntax error
 * (with *value = its offset and *message).
 */
int json_next(struct json_text t, size_t pos, size_t *cursor, size_t *key_start, size_t *key_end,
    size_t *value, const char **message);
/*
 * The first half of json_next: find the next member or element and where
 * its value starts, without reading the value.  The caller sets *cursor to
 * the end of that value before the next call.
 */
int json_next_start(struct json_text t, size_t pos, size_t *cursor, size_t *key_start,
    size_t *key_end, size_t *value, const char **message);

/*
 * Check the value at pos against the full JSON grammar (cJSON is lenient:
 * it takes 01, 1. and +1): false with *bad and *message set at the first
 * error.  Linear in the length of the value, however deep it nests.
 */
bool json_check(struct json_text t, size_t pos, size_t *bad, const char **message);
/*
 * The same for a value nested depth levels deep (the top-level value is at
 * 0), finding where it ends (*end) in the same pass.
 */
bool json_check_value(struct json_text t, size_t pos, int depth, size_t *end, size_t *bad,
    const char **message);

/* A member of an object (or an element of an array: no key) found and checked. */
struct json_member {
	size_t key, key_end;	/* the quoted key */
	size_t value, end;	/* the value, and one past it */
	bool key_escaped;	/* the key holds an escape (else its text is its name) */
	bool value_escaped;	/* the value is a string holding an escape */
};

/*
 * json_next_start and json_check_value in one step, for readers that take
 * every member of a container at depth: 1 with *m filled, 0 at the end
 * (m->value at the closing bracket), -1 on a syntax error with *bad and
 * *message as json_check_value sets them.
 */
int json_next_member(struct json_text t, size_t pos, int depth, size_t *cursor, struct json_member *m,
    size_t *bad, const char **message);

/*
 * Decode the string at pos, which a check above has passed, into out: the
 * escapes resolved, UTF-16 pairs joined.  out needs as many bytes as the
 * string takes in the text, quotes included (decoding only shrinks it).
 * Returns the length; out is NUL-terminated.
 */
size_t json_string_decode(struct json_text t, size_t pos, char *out);

/* A step of a path into a document: a member name, or an array index. */
struct json_step {
	const char *key;	/* NULL for an index */
	size_t index;
};

/*
 * The offset of the value at path below the value at pos.  When the path
 * leads nowhere it stops at the deepest value found, so errors about
 * missing members point at their object.
 */
size_t json_locate(struct json_text t, size_t pos, const struct json_step *path, size_t depth);

/* 1-based line and column (in characters) of offset pos. */
void json_line_column(struct json_text t, size_t pos, unsigned long *line, unsigned long *column);

#endif
