/* Words and places of the loader's messages; see json_load.h. */
#include "json_load.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "json_number.h"
#include "utf8.h"

bool
loader_failed(const struct loader *l)
{
	return l->errors->count > 0 || l->errors->truncated;
}

/*
 * "node 3", or "node \"api\"" when the element has a valid id.  Made only
 * for a message: most elements never need a name.
 */
const char *
loader_element_name(const struct element *el, char *buf, size_t size)
{
	if (el->id != NULL)
		snprintf(buf, size, "%s \"%s\"", el->what, el->id);
	else
		snprintf(buf, size, "%s %zu", el->what, el->number);
	return buf;
}

void
loader_fail_at(struct loader *l, size_t pos, const char *fmt, ...)
{
	char message[768];
	unsigned long line, column;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	json_line_column(l->text, pos, &line, &column);
	error_list_add(l->errors, "%s:%lu:%lu: %s", l->name, line, column, message);
}

void
loader_fail_in(struct loader *l, const struct element *el, const struct json_step *path, size_t depth,
    const char *fmt, ...)
{
	char message[640], name[NAPKIN_ID_MAX + 32];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	loader_fail_at(l, json_locate(l->text, el->pos, path, depth), "%s: %s",
	    loader_element_name(el, name, sizeof name), message);
}

/*
 * s in double quotes for a message, escaped as JSON would write it: a
 * control character becomes \u001b, never a raw byte on the terminal.  A
 * long string is cut at a character boundary and ends in "...".
 */
const char *
loader_quote(const char *s, char *buf, size_t size)
{
	size_t o = 0, i = 0, len = strlen(s);

	buf[o++] = '"';
	while (i < len) {
		char piece[8];
		size_t n, piece_len;
		uint32_t cp;

		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			n = 1;
			strcpy(piece, "?");
		} else if (cp == '"' || cp == '\\') {
			snprintf(piece, sizeof piece, "\\%c", (char)cp);
		} else if (utf8_is_control(cp)) {
			snprintf(piece, sizeof piece, "\\u%04x", (unsigned)cp);
		} else {
			memcpy(piece, s + i, n);
			piece[n] = '\0';
		}
		piece_len = strlen(piece);
		/* Keep room for the piece, then "...", the quote and the NUL. */
		if (o + piece_len + 5 > size) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		memcpy(buf + o, piece, piece_len);
		o += piece_len;
		i += n;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

/* A short, printable description of a JSON value for messages. */
const char *
loader_describe(const cJSON *v, char *buf, size_t size)
{
	if (cJSON_IsString(v))
		return loader_quote(v->valuestring, buf, size);
	if (cJSON_IsNumber(v)) {
		char number[JSON_NUMBER_SIZE];

		json_format_number(v->valuedouble, number);
		snprintf(buf, size, "%s", isfinite(v->valuedouble) ? number : "out of range");
		return buf;
	}
	return cJSON_IsBool(v) ? (cJSON_IsTrue(v) ? "true" : "false") :
	    cJSON_IsNull(v) ? "null" : cJSON_IsArray(v) ? "an array" : "an object";
}

static size_t
edit_distance(const char *a, const char *b)
{
	size_t lb = strlen(b), row[NAPKIN_ID_MAX + 2];

	if (lb > NAPKIN_ID_MAX || strlen(a) > NAPKIN_ID_MAX)
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; a[i - 1] != '\0'; i++) {
		size_t diagonal = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diagonal + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = up;
		}
	}
	return row[lb];
}

/* How far wrong is from right; a difference of case alone is nearest. */
static size_t
miss_distance(const char *wrong, const char *right)
{
	return strcasecmp(wrong, right) == 0 ? 0 : edit_distance(wrong, right);
}

/* "; did you mean "x"?" for a near miss among candidates, or "". */
void
loader_suggest(const char *wrong, const char *const *candidates, size_t count, char *buf, size_t size)
{
	size_t best = 3, at = count;

	for (size_t i = 0; i < count; i++) {
		size_t dist = miss_distance(wrong, candidates[i]);

		if (dist < best) {
			best = dist;
			at = i;
		}
	}
	if (at < count)
		snprintf(buf, size, "; did you mean \"%s\"?", candidates[at]);
	else
		buf[0] = '\0';
}

void
loader_suggest_node(const struct diagram *d, const char *wrong, char *buf, size_t size)
{
	const char *ids[1];
	size_t best = 3;

	buf[0] = '\0';
	/* Cheap enough for any diagram a person types by hand. */
	if (diagram_node_count(d) > 20000)
		return;
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		size_t dist = miss_distance(wrong, diagram_node(d, i)->id);

		if (dist < best) {
			best = dist;
			ids[0] = diagram_node(d, i)->id;
			loader_suggest(wrong, ids, 1, buf, size);
		}
	}
}
