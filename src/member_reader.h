/*
 * Reading typed members out of the unknown members a diagram kept
 * (diagram_extra(), node->extra), for the template members of
 * docs/templates.md.  The reader keeps the JSON path it is at
 * (expectations[2].from.kind) and, when it has the file's text, turns it
 * into a line and column with json_locate, so errors read like the
 * loader's: "FILE:LINE:COL: expectations[2].from.kind: unknown kind ...".
 *
 * Every function checks the type, the range or length, and (for strings)
 * that no control character could reach a terminal; on failure it adds
 * one error and returns false.  Strings returned are new copies the caller
 * frees.
 */
#ifndef NAPKIN_MEMBER_READER_H
#define NAPKIN_MEMBER_READER_H

#include <stdbool.h>
#include <stddef.h>

#include <cJSON.h>

#include "errors.h"
#include "json_scan.h"

#define READER_DEPTH_MAX 12

struct member_reader {
	const char *file;		/* for messages */
	struct json_text text;		/* the file's text; data NULL when not at hand */
	struct error_list *errors;
	size_t errors_before;
	struct json_step path[READER_DEPTH_MAX];
	size_t depth;
};

void reader_init(struct member_reader *r, const char *file, const char *text, size_t len,
    struct error_list *errors);
/* Step into a member or an array element; reader_leave steps back out. */
void reader_enter(struct member_reader *r, const char *key);
void reader_enter_index(struct member_reader *r, size_t index);
void reader_leave(struct member_reader *r);
/* Add an error about the current path. */
void reader_fail(struct member_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool reader_failed(const struct member_reader *r);

/* v is an object whose members are all in known (NULL-terminated). */
bool reader_object(struct member_reader *r, const cJSON *v, const char *const *known);
/*
 * The same, but members outside known are copied into *extra (a new
 * object the caller frees, or NULL when there are none) instead of being
 * errors; repeated members are still errors.
 */
bool reader_object_extra(struct member_reader *r, const cJSON *v, const char *const *known, cJSON **extra);
/*
 * Member key of obj as a string of at most max bytes; newlines allowed
 * when multiline.  Absent: false with an error when required, else true
 * with *out NULL.
 */
bool reader_string(struct member_reader *r, const cJSON *obj, const char *key, bool required,
    size_t max, bool multiline, char **out);
/* The same, where "" is a value too (an empty title or edge label). */
bool reader_text(struct member_reader *r, const cJSON *obj, const char *key, bool required,
    size_t max, bool multiline, char **out);
/* An array of such strings (a lone string counts as one); *count may be 0 when absent. */
bool reader_strings(struct member_reader *r, const cJSON *obj, const char *key, bool required,
    size_t max, char ***out, size_t *count);
/* An integer in [min, max]; *out untouched when absent and not required. */
bool reader_int(struct member_reader *r, const cJSON *obj, const char *key, bool required, int min,
    int max, int *out);
bool reader_number(struct member_reader *r, const cJSON *obj, const char *key, double min, double max,
    double *out);

void reader_free_strings(char **strings, size_t count);

#endif
