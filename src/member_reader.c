/* Typed members with errors that point into the file; see member_reader.h. */
#include "member_reader.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

void
reader_init(struct member_reader *r, const char *file, const char *text, size_t len,
    struct error_list *errors)
{
	memset(r, 0, sizeof *r);
	r->file = file;
	r->text.data = text;
	r->text.len = text != NULL ? len : 0;
	r->errors = errors;
	r->errors_before = errors->count;
}

void
reader_enter(struct member_reader *r, const char *key)
{
	if (r->depth == READER_DEPTH_MAX)
		fatal("member_reader: path deeper than %d", READER_DEPTH_MAX);
	r->path[r->depth++] = (struct json_step){ key, 0 };
}

void
reader_enter_index(struct member_reader *r, size_t index)
{
	if (r->depth == READER_DEPTH_MAX)
		fatal("member_reader: path deeper than %d", READER_DEPTH_MAX);
	r->path[r->depth++] = (struct json_step){ NULL, index };
}

void
reader_leave(struct member_reader *r)
{
	if (r->depth > 0)
		r->depth--;
}

bool
reader_failed(const struct member_reader *r)
{
	return r->errors->count > r->errors_before || r->errors->truncated;
}

/* "expectations[2].from.kind" */
static void
format_path(const struct member_reader *r, char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->depth && o < size; i++) {
		if (r->path[i].key != NULL)
			o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? "." : "", r->path[i].key);
		else
			o += (size_t)snprintf(buf + o, size - o, "[%zu]", r->path[i].index);
	}
}

void
reader_fail(struct member_reader *r, const char *fmt, ...)
{
	char message[640], path[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	format_path(r, path, sizeof path);
	if (r->text.data != NULL) {
		size_t at = json_locate(r->text, json_skip_space(r->text, 0), r->path, r->depth);
		unsigned long line, column;

		json_line_column(r->text, at, &line, &column);
		error_list_add(r->errors, "%s:%lu:%lu: %s: %s", r->file, line, column, path, message);
	} else {
		error_list_add(r->errors, "%s: %s: %s", r->file, path, message);
	}
}

static const char *
type_name(const cJSON *v)
{
	return cJSON_IsString(v) ? "a string" : cJSON_IsNumber(v) ? "a number" :
	    cJSON_IsBool(v) ? "a boolean" : cJSON_IsArray(v) ? "an array" :
	    cJSON_IsObject(v) ? "an object" : "null";
}

/*
 * The checks of reader_object; with extra not NULL, members outside known
 * are copied into *extra instead of being errors.
 */
static bool
object_members(struct member_reader *r, const cJSON *v, const char *const *known, cJSON **extra)
{
	if (extra != NULL)
		*extra = NULL;
	if (!cJSON_IsObject(v)) {
		reader_fail(r, "must be an object, not %s", type_name(v));
		return false;
	}
	for (const cJSON *c = v->child; c != NULL; c = c->next) {
		const char *problem = "unknown member";
		size_t used, cut = utf8_prefix_for_width(c->string, 40, &used);

		for (size_t i = 0; known[i] != NULL && problem != NULL; i++) {
			if (strcmp(c->string, known[i]) == 0)
				problem = NULL;
		}
		if (problem != NULL && extra != NULL)
			problem = NULL;
		for (const cJSON *d = v->child; d != c && problem == NULL; d = d->next) {
			if (strcmp(c->string, d->string) == 0)
				problem = "repeated member";
		}
		if (problem == NULL)
			continue;
		if (utf8_find_control(c->string, false) != NULL)
			reader_fail(r, "%s with a control character in its name", problem);
		else
			reader_fail(r, "%s \"%.*s%s\"", problem, (int)cut, c->string,
			    c->string[cut] != '\0' ? "..." : "");
		if (extra != NULL) {
			cJSON_Delete(*extra);
			*extra = NULL;
		}
		return false;
	}
	for (const cJSON *c = v->child; c != NULL && extra != NULL; c = c->next) {
		bool is_known = false;

		for (size_t i = 0; known[i] != NULL && !is_known; i++)
			is_known = strcmp(c->string, known[i]) == 0;
		if (is_known)
			continue;
		if (*extra == NULL)
			*extra = cJSON_CreateObject();
		cJSON_AddItemToObject(*extra, c->string, cJSON_Duplicate(c, true));
	}
	return true;
}

bool
reader_object(struct member_reader *r, const cJSON *v, const char *const *known)
{
	return object_members(r, v, known, NULL);
}

bool
reader_object_extra(struct member_reader *r, const cJSON *v, const char *const *known, cJSON **extra)
{
	return object_members(r, v, known, extra);
}

/* v as a string (the current path names it). */
static bool
take_string(struct member_reader *r, const cJSON *v, size_t max, bool multiline, bool allow_empty, char **out)
{
	if (!cJSON_IsString(v)) {
		reader_fail(r, "must be a string, not %s", type_name(v));
		return false;
	}
	if (utf8_find_control(v->valuestring, multiline) != NULL) {
		reader_fail(r, "control characters are not allowed%s", multiline ? " (newlines are)" : "");
		return false;
	}
	if (strlen(v->valuestring) > max) {
		reader_fail(r, "longer than %zu bytes", max);
		return false;
	}
	if (v->valuestring[0] == '\0' && !allow_empty) {
		reader_fail(r, "must not be empty");
		return false;
	}
	*out = xstrdup(v->valuestring);
	return true;
}

static bool
string_member(struct member_reader *r, const cJSON *obj, const char *key, bool required, size_t max,
    bool multiline, bool allow_empty, char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	bool ok;

	*out = NULL;
	if (v == NULL) {
		if (required)
			reader_fail(r, "missing \"%s\"", key);
		return !required;
	}
	reader_enter(r, key);
	ok = take_string(r, v, max, multiline, allow_empty, out);
	reader_leave(r);
	return ok;
}

bool
reader_string(struct member_reader *r, const cJSON *obj, const char *key, bool required, size_t max,
    bool multiline, char **out)
{
	return string_member(r, obj, key, required, max, multiline, false, out);
}

bool
reader_text(struct member_reader *r, const cJSON *obj, const char *key, bool required, size_t max,
    bool multiline, char **out)
{
	return string_member(r, obj, key, required, max, multiline, true, out);
}

bool
reader_strings(struct member_reader *r, const cJSON *obj, const char *key, bool required, size_t max,
    char ***out, size_t *count)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	size_t n = 0;
	bool ok = true;

	*out = NULL;
	*count = 0;
	if (v == NULL) {
		if (required)
			reader_fail(r, "missing \"%s\"", key);
		return !required;
	}
	reader_enter(r, key);
	if (cJSON_IsString(v)) {
		*out = xreallocarray(NULL, 1, sizeof **out);
		ok = take_string(r, v, max, false, false, &(*out)[0]);
		*count = ok;
	} else if (!cJSON_IsArray(v) || v->child == NULL) {
		reader_fail(r, "must be a string or a non-empty array of strings");
		ok = false;
	} else {
		for (const cJSON *c = v->child; c != NULL; c = c->next)
			n++;
		*out = xcalloc(n, sizeof **out);
		n = 0;
		for (const cJSON *c = v->child; c != NULL && ok; c = c->next) {
			reader_enter_index(r, n);
			ok = take_string(r, c, max, false, false, &(*out)[n]);
			n += ok;
			reader_leave(r);
		}
		*count = n;
	}
	reader_leave(r);
	return ok;
}

static const cJSON *
number_member(struct member_reader *r, const cJSON *obj, const char *key, bool required)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (v == NULL) {
		if (required)
			reader_fail(r, "missing \"%s\"", key);
		return NULL;
	}
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
		reader_enter(r, key);
		reader_fail(r, "must be a number, not %s", type_name(v));
		reader_leave(r);
		return NULL;
	}
	return v;
}

bool
reader_int(struct member_reader *r, const cJSON *obj, const char *key, bool required, int min, int max,
    int *out)
{
	const cJSON *v = number_member(r, obj, key, required);

	if (v == NULL)
		return !reader_failed(r) && !required;
	if (v->valuedouble != floor(v->valuedouble) || v->valuedouble < min || v->valuedouble > max) {
		reader_enter(r, key);
		reader_fail(r, "must be an integer from %d to %d", min, max);
		reader_leave(r);
		return false;
	}
	*out = (int)v->valuedouble;
	return true;
}

bool
reader_number(struct member_reader *r, const cJSON *obj, const char *key, double min, double max,
    double *out)
{
	const cJSON *v = number_member(r, obj, key, false);

	if (v == NULL)
		return !reader_failed(r);
	if (v->valuedouble < min || v->valuedouble > max) {
		reader_enter(r, key);
		reader_fail(r, "must be a number from %g to %g", min, max);
		reader_leave(r);
		return false;
	}
	*out = v->valuedouble;
	return true;
}

void
reader_free_strings(char **strings, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(strings[i]);
	free(strings);
}
