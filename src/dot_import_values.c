/*
 * DOT import: reading attribute values and choosing ids; see
 * dot_import_internal.h.
 *
 * DOT names become napkin ids where they are valid ones; the others are
 * rewritten (letters, digits and -_.: kept, the rest '_') after all valid
 * names are reserved, so a rewritten id never takes a later node's name.
 */
#include "dot_import_internal.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "dot_text.h"
#include "xalloc.h"

void
import_tally(struct tally *t, const char *fmt, ...)
{
	va_list ap;
	char *clean;

	if (t->count++ > 0)
		return;
	va_start(ap, fmt);
	vsnprintf(t->example, sizeof t->example, fmt, ap);
	va_end(ap);
	/*
	 * The example quotes the file's text, and goes to a terminal: no
	 * control character, and no UTF-8 that "%.40s" cut in half.
	 */
	clean = text_clean(t->example, sizeof t->example - 1, false, NULL);
	snprintf(t->example, sizeof t->example, "%s", clean);
	free(clean);
}

Agsym_t *
import_find_attr(Agraph_t *g, int kind, const char *name)
{
	return agattr(g, kind, (char *)name, NULL);
}

/* obj's value of sym, or NULL when sym is undeclared or the value empty. */
const char *
import_value(void *obj, Agsym_t *sym)
{
	const char *v = sym != NULL ? agxget(obj, sym) : NULL;

	return v != NULL && v[0] != '\0' ? v : NULL;
}

/* An exact napkin string: unescaped, then only cleaned if it must be. */
char *
import_exact_text(struct importer *im, const char *v, size_t max, bool allow_layout, const char *what)
{
	char *raw = dot_unescape(v, NULL, NULL);
	bool changed;
	char *clean = text_clean(raw, max, allow_layout, &changed);

	if (changed)
		import_tally(&im->cleaned, "%s", what);
	free(raw);
	return clean;
}

/* A label as Graphviz would draw it, reduced to one line of plain text. */
char *
import_drawn_text(struct importer *im, const char *v, const char *object_name, bool record,
    size_t max, const char *what)
{
	const char *graph_name = agnameof(im->g);
	char *raw, *clean;
	bool changed;

	if (aghtmlstr((char *)v)) {
		raw = dot_html_text(v);
		import_tally(&im->html, "%s", what);
	} else if (record) {
		raw = dot_record_text(v);
		import_tally(&im->record, "%s", what);
	} else {
		raw = dot_unescape(v, object_name, graph_name != NULL && graph_name[0] != '%' ? graph_name : "");
	}
	/* Line breaks and tabs are layout, not damage: they become spaces quietly. */
	for (char *p = raw; (p = strpbrk(p, "\n\t\r")) != NULL; p++)
		*p = ' ';
	clean = text_clean(raw, max, false, &changed);
	if (changed)
		import_tally(&im->cleaned, "%s", what);
	text_squeeze(clean);
	free(raw);
	return clean;
}

/* A DOT name (an id) as label text: one line, cleaned. */
char *
import_name_text(const char *name, size_t max)
{
	char *text = text_clean(name, max, false, NULL);

	text_squeeze(text);
	return text;
}

bool
import_parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return false;
	*out = v;
	return true;
}

bool
import_parse_double(const char *s, double max, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !isfinite(v) || v < 0 || v > max)
		return false;
	*out = v;
	return true;
}

static bool
all_finite(const cJSON *v)
{
	if (cJSON_IsNumber(v) && !isfinite(v->valuedouble))
		return false;
	for (const cJSON *c = v->child; c != NULL; c = c->next) {
		if (!all_finite(c))
			return false;
	}
	return true;
}

/* napkin_extra: a JSON object of members napkin does not know; NULL when unusable. */
cJSON *
import_parse_extra(struct importer *im, const char *v, const char *const *known, const char *what)
{
	char *json = dot_unescape(v, NULL, NULL);
	cJSON *extra = cJSON_Parse(json);

	free(json);
	if (!cJSON_IsObject(extra) || !all_finite(extra)) {
		import_tally(&im->bad_value, "%s: napkin_extra is not a JSON object; dropped", what);
		cJSON_Delete(extra);
		return NULL;
	}
	for (size_t i = 0; known[i] != NULL; i++)
		cJSON_DeleteItemFromObjectCaseSensitive(extra, known[i]);
	if (extra->child == NULL) {
		cJSON_Delete(extra);
		return NULL;
	}
	return extra;
}

/*
 * The order napkin_order gives objs: a permutation of 0..count-1, or NULL
 * when any value is missing, malformed or repeated (then file order holds).
 */
size_t *
import_napkin_order(void **objs, size_t count, Agsym_t *sym)
{
	size_t *at = xmalloc((count + 1) * sizeof *at);

	for (size_t k = 0; k < count; k++)
		at[k] = SIZE_MAX;
	for (size_t i = 0; i < count; i++) {
		const char *v = import_value(objs[i], sym);
		long k;

		if (v == NULL || !import_parse_long(v, 0, (long)count - 1, &k) || at[k] != SIZE_MAX) {
			free(at);
			return NULL;
		}
		at[k] = i;
	}
	return at;
}

/* Reorder objs by napkin_order when every object has a usable one. */
void
import_apply_order(void **objs, size_t count, Agsym_t *sym)
{
	size_t *at = sym != NULL ? import_napkin_order(objs, count, sym) : NULL;
	void **sorted;

	if (at == NULL)
		return;
	sorted = xmalloc((count + 1) * sizeof *sorted);
	for (size_t k = 0; k < count; k++)
		sorted[k] = objs[at[k]];
	memcpy(objs, sorted, count * sizeof *objs);
	free(sorted);
	free(at);
}

/* name rewritten as a napkin id, unique against taken (where it is then added). */
static char *
make_id(const char *name, struct strmap *taken, const char *fallback)
{
	char base[NAPKIN_ID_MAX - 7];
	size_t len = 0;
	char *id;

	for (const char *p = name; *p != '\0' && len < sizeof base - 1; p++) {
		unsigned char c = (unsigned char)*p;
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

		if (alnum || (len > 0 && strchr("-_.:", c) != NULL))
			base[len++] = (char)c;
		else if (len > 0 && base[len - 1] != '_')
			base[len++] = '_';
	}
	while (len > 0 && strchr("-_.:", base[len - 1]) != NULL)
		len--;
	base[len] = '\0';
	if (len == 0)
		strcpy(base, fallback);
	id = xstrdup(base);
	for (unsigned long n = 2; strmap_get(taken, id) != NULL; n++) {
		free(id);
		id = xasprintf("%s-%lu", base, n);
	}
	strmap_put(taken, id, id);
	return id;
}

/* Ids for names[0..count): valid names kept (first come), the rest rewritten. */
char **
import_choose_ids(const char *const *names, size_t count, const char *fallback, struct tally *renamed,
    const char *what)
{
	struct strmap *taken = strmap_new();
	char **ids = xcalloc(count + 1, sizeof *ids);

	strmap_reserve(taken, count);
	for (size_t i = 0; i < count; i++) {
		if (diagram_valid_id(names[i]) && strmap_get(taken, names[i]) == NULL) {
			ids[i] = xstrdup(names[i]);
			strmap_put(taken, ids[i], ids[i]);
		}
	}
	for (size_t i = 0; i < count; i++) {
		char *shown;

		if (ids[i] != NULL)
			continue;
		ids[i] = make_id(names[i], taken, fallback);
		shown = text_clean(names[i], 60, false, NULL);
		import_tally(renamed, "%s \"%s\" is now %s", what, shown, ids[i]);
		free(shown);
	}
	strmap_free(taken);
	return ids;
}

int
import_compare_seq(const void *a, const void *b)
{
	uint64_t p = AGSEQ(*(void *const *)a), q = AGSEQ(*(void *const *)b);

	return p < q ? -1 : p > q;
}
