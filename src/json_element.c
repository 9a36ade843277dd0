/* Elements read into cJSON items without cJSON's parser; see json_element.h. */
#include "json_element.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
json_element_init(struct json_element *e)
{
	memset(e, 0, sizeof *e);
}

/* Arrays and objects came from cJSON_Parse: give them back. */
static void
release(struct json_element *e)
{
	for (size_t i = 0; i < e->count && e->parsed > 0; i++) {
		cJSON *item = &e->items[i];

		if (cJSON_IsArray(item) || cJSON_IsObject(item)) {
			/* Only the children are cJSON's; the item itself is ours. */
			cJSON_Delete(item->child);
			item->child = NULL;
			e->parsed--;
		}
	}
	e->count = 0;
}

void
json_element_free(struct json_element *e)
{
	release(e);
	free(e->items);
	free(e->spans);
	free(e->scratch);
	memset(e, 0, sizeof *e);
}

/*
 * The value of a number with at most 15 digits and no fraction or
 * exponent -- nearly every number in a diagram -- read exactly and
 * without strtod; NAN for any other.
 */
static double
plain_integer(const char *s, size_t len)
{
	size_t i = s[0] == '-';
	double v = 0;

	if (len - i == 0 || len - i > 15)
		return NAN;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return NAN;
		v = v * 10 + (s[i] - '0');
	}
	return s[0] == '-' ? -v : v;
}

double
json_element_number(struct json_text t, size_t pos, size_t end)
{
	double v = plain_integer(t.data + pos, end - pos);

	return isnan(v) ? strtod(t.data + pos, NULL) : v;
}

/*
 * The checked string at text[pos, end) decoded into *scratch, which moves
 * past it.  Without an escape, as nearly every string is, its text is its
 * value: one copy, no second look at each byte.
 */
static char *
read_string(struct json_text t, size_t pos, size_t end, bool escaped, char **scratch)
{
	char *s = *scratch;
	size_t length;

	if (escaped) {
		length = json_string_decode(t, pos, s);
	} else {
		length = end - pos - 2;
		memcpy(s, t.data + pos + 1, length);
		s[length] = '\0';
	}
	*scratch += length + 1;
	return s;
}

/* Fill item with the value of member m; strings are decoded to *scratch. */
static void
read_value(struct json_element *e, cJSON *item, struct json_text t, const struct json_member *m,
    char **scratch)
{
	size_t pos = m->value, end = m->end;
	char c = t.data[pos];

	if (c == '"') {
		item->type = cJSON_String;
		item->valuestring = read_string(t, pos, end, m->value_escaped, scratch);
	} else if (c == '{' || c == '[') {
		cJSON *parsed = cJSON_ParseWithLength(t.data + pos, end - pos);

		if (parsed == NULL)
			fatal("out of memory reading JSON");
		/* Keep cJSON's children under our item, which carries the key. */
		item->type = parsed->type;
		item->child = parsed->child;
		parsed->child = NULL;
		cJSON_Delete(parsed);
		e->parsed++;
	} else if (c == 't' || c == 'f') {
		item->type = c == 't' ? cJSON_True : cJSON_False;
		item->valueint = c == 't';
	} else if (c == 'n') {
		item->type = cJSON_NULL;
	} else {
		double v = json_element_number(t, pos, end);

		item->type = cJSON_Number;
		item->valuedouble = v;
		item->valueint = v >= INT_MAX ? INT_MAX : v <= (double)INT_MIN ? INT_MIN : (int)v;
	}
}

const cJSON *
json_element_read(struct json_element *e, struct json_text t, size_t pos, int depth, size_t *end,
    size_t *bad, const char **message)
{
	size_t cursor = 0, count = 0;
	struct json_member m;
	char *scratch;
	int more;

	release(e);
	/*
	 * Check each member as it is found (one pass over the text), and find
	 * them all before making items: the items must not move once linked.
	 */
	while ((more = json_next_member(t, pos, depth, &cursor, &m, bad, message)) > 0) {
		if (count == e->span_capacity) {
			e->span_capacity = e->span_capacity != 0 ? e->span_capacity * 2 : 16;
			e->spans = xreallocarray(e->spans, e->span_capacity, sizeof *e->spans);
		}
		e->spans[count++] = m;
	}
	if (more < 0)
		return NULL;
	*end = m.value + 1;
	if (count > e->item_capacity) {
		e->item_capacity = count;
		e->items = xreallocarray(e->items, count, sizeof *e->items);
	}
	/* Decoded keys and strings take no more room than the text they came from. */
	if (*end - pos + 1 > e->scratch_capacity) {
		e->scratch_capacity = 2 * (*end - pos + 1);
		e->scratch = xrealloc(e->scratch, e->scratch_capacity);
	}
	scratch = e->scratch;
	if (count > 0)
		memset(e->items, 0, count * sizeof *e->items);
	for (size_t i = 0; i < count; i++) {
		cJSON *item = &e->items[i];

		item->string = read_string(t, e->spans[i].key, e->spans[i].key_end, e->spans[i].key_escaped,
		    &scratch);
		read_value(e, item, t, &e->spans[i], &scratch);
		item->next = i + 1 < count ? &e->items[i + 1] : NULL;
		/* As cJSON links them: the first's prev is the last. */
		item->prev = i > 0 ? &e->items[i - 1] : &e->items[count - 1];
	}
	e->count = count;
	memset(&e->object, 0, sizeof e->object);
	e->object.type = cJSON_Object;
	e->object.child = count > 0 ? e->items : NULL;
	return &e->object;
}
