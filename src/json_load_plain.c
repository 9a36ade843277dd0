/*
 * Plain elements, read without cJSON; see json_load.h.
 *
 * A node or an edge as napkin writes it is an object of a few members with
 * a known name each and a string (no escapes), number or boolean each.
 * Turning those into cJSON items, matching the names by strcmp and reading
 * them back through the cJSON API was half of the loader's work on a big
 * file.  Here the members are found by the same scanner (json_next_member,
 * so the grammar is checked as json_element_read checks it), matched by
 * length and bytes, and read straight from the text.
 *
 * The quick path never reports: whatever it does not accept -- an unknown
 * or repeated member, an escape, null, an array, a wrong type, a value out
 * of range, a syntax error -- it leaves untouched, and the element goes the
 * general way, which loads or refuses it and says why.
 */
#include "json_load.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Whether name is the length bytes at key (which hold no NUL). */
static bool
same_name(const char *name, const char *key, size_t length)
{
	size_t k = 0;

	while (k < length && name[k] == key[k])
		k++;
	return k == length && name[k] == '\0';
}

/* Where the quoted key at text[key, key_end) is in names, or at its NULL. */
static size_t
plain_name(const char *const *names, struct json_text t, size_t key, size_t key_end)
{
	const char *name = t.data + key + 1;
	size_t length = key_end - key - 2, i = 0;

	while (names[i] != NULL && (names[i][0] != name[0] || !same_name(names[i], name, length)))
		i++;
	return i;
}

bool
loader_plain_members(struct loader *l, size_t pos, const char *const *names,
    struct plain_element *pe, size_t *end)
{
	size_t cursor = 0, bad;
	struct json_member m;
	const char *message;
	int more;

	pe->present = 0;
	/* Elements are nested two deep, as load_array reads them. */
	while ((more = json_next_member(l->text, pos, 2, &cursor, &m, &bad, &message)) > 0) {
		size_t i = plain_name(names, l->text, m.key, m.key_end);
		char c = l->text.data[m.value];

		if (names[i] == NULL || i >= PLAIN_MEMBERS_MAX || plain_has(pe, i) || m.key_escaped ||
		    m.value_escaped || c == '{' || c == '[' || c == 'n')
			return false;
		pe->present |= 1u << i;
		pe->value[i] = m.value;
		pe->end[i] = m.end;
	}
	if (more < 0)
		return false;
	*end = m.value + 1;
	/* Strings copied out, quotes dropped and NULs added, fit in the element's text. */
	if (*end - pos > l->plain_capacity) {
		l->plain_capacity = 2 * (*end - pos);
		free(l->plain_text);
		l->plain_text = xmalloc(l->plain_capacity);
	}
	pe->text = l->plain_text;
	return true;
}

bool
loader_plain_string(const struct loader *l, struct plain_element *pe, size_t i, const char **out)
{
	size_t length;

	if (!plain_has(pe, i))
		return true;
	if (l->text.data[pe->value[i]] != '"')
		return false;
	length = pe->end[i] - pe->value[i] - 2;
	memcpy(pe->text, l->text.data + pe->value[i] + 1, length);
	pe->text[length] = '\0';
	*out = pe->text;
	pe->text += length + 1;
	return true;
}

bool
loader_plain_number(const struct loader *l, const struct plain_element *pe, size_t i, double *out)
{
	char c;
	double v;

	if (!plain_has(pe, i))
		return true;
	c = l->text.data[pe->value[i]];
	if (c != '-' && (c < '0' || c > '9'))
		return false;
	/* Too big for a double: the general way says "number out of range". */
	v = json_element_number(l->text, pe->value[i], pe->end[i]);
	if (!isfinite(v))
		return false;
	*out = v;
	return true;
}

bool
loader_plain_bool(const struct loader *l, const struct plain_element *pe, size_t i, bool *out)
{
	char c;

	if (!plain_has(pe, i))
		return true;
	c = l->text.data[pe->value[i]];
	if (c != 't' && c != 'f')
		return false;
	*out = c == 't';
	return true;
}
