/*
 * DOT import: nodes.  Each DOT node becomes a napkin node: its napkin_*
 * attributes when napkin wrote the file, otherwise a label reduced to
 * text and a kind guessed from its words (kind_guess.h), strongest source
 * first.  A value the model refuses is reported and set back to its
 * default, so a node is never lost over one bad attribute.
 */
#include "dot_import_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dot_text.h"
#include "kind_guess.h"
#include "xalloc.h"

static size_t
parse_accepts(const char *v, struct accepted_risk **out)
{
	char *text = dot_unescape(v, NULL, NULL), *next;
	struct accepted_risk *list = NULL;
	size_t count = 0;

	/* "RULE: reason" lines; the model checks rule and reason when the node is added. */
	for (char *line = text; line != NULL; line = next) {
		char *colon = strchr(line, ':');

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (colon == NULL)
			continue;
		*colon = '\0';
		list = xreallocarray(list, count + 1, sizeof *list);
		list[count].rule = xstrdup(line);
		list[count++].reason = xstrdup(colon[1] == ' ' ? colon + 2 : colon + 1);
	}
	free(text);
	*out = list;
	return count;
}

static void
free_accepts(struct accepted_risk *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].rule);
		free(list[i].reason);
	}
	free(list);
}

/* The kind a node states (napkin_kind or kind), or the one its words suggest. */
static enum node_kind
node_kind(struct importer *im, Agnode_t *n, const char *label, const char *tech)
{
	const char *stated = import_value(n, im->na.napkin_kind);
	/* Strongest first: a stated technology, an icon, the drawn shape, then the names. */
	const char *sources[] = { tech, import_value(n, im->na.image), import_value(n, im->na.shape), label, agnameof(n) };
	enum node_kind kind = KIND_SERVICE;

	if (stated == NULL)
		stated = import_value(n, im->na.kind);
	if (stated != NULL && kind_from_name(stated, &kind))
		return kind;
	if (stated != NULL) {
		char *shown = text_clean(stated, 40, false, NULL);

		import_tally(&im->bad_kind, "node %s says kind \"%s\"", agnameof(n), shown);
		free(shown);
	}
	im->guessed++;
	for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
		if (sources[i] != NULL && kind_guess(sources[i], &kind))
			return kind;
	}
	return KIND_SERVICE;
}

static char *
node_label(struct importer *im, Agnode_t *n, const char *id, const char *what)
{
	const char *exact = import_value(n, im->na.napkin_label), *drawn = import_value(n, im->na.label);
	const char *shape = import_value(n, im->na.shape);
	bool record = shape != NULL && (strcmp(shape, "record") == 0 || strcmp(shape, "Mrecord") == 0);
	char *label;

	if (exact != NULL)
		label = import_exact_text(im, exact, NAPKIN_LABEL_MAX, false, what);
	else if (drawn != NULL)
		label = import_drawn_text(im, drawn, agnameof(n), record, NAPKIN_LABEL_MAX, what);
	else
		label = import_name_text(agnameof(n), NAPKIN_LABEL_MAX);
	if (label[0] == '\0') {
		free(label);
		label = xstrdup(id);
	}
	return label;
}

/* Read the napkin numbers of node n into v; a bad one is reported and left at its default. */
static void
node_numbers(struct importer *im, Agnode_t *n, struct node *v)
{
	const char *s;
	long number;

	if ((s = import_value(n, im->na.replicas)) != NULL) {
		if (import_parse_long(s, 1, NAPKIN_REPLICAS_MAX, &number))
			v->replicas = (int)number;
		else
			import_tally(&im->bad_value, "node %s: napkin_replicas \"%.40s\" is not from 1 to %d",
			    v->id, s, NAPKIN_REPLICAS_MAX);
	}
	if ((s = import_value(n, im->na.managed)) != NULL) {
		if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)
			v->managed = s[0] == 't';
		else
			import_tally(&im->bad_value, "node %s: napkin_managed \"%.40s\" is not true or false", v->id, s);
	}
	if ((s = import_value(n, im->na.pos)) != NULL) {
		const char *comma = strchr(s, ',');
		char *x = comma != NULL ? xstrndup(s, (size_t)(comma - s)) : NULL;
		long px, py;

		if (x != NULL && import_parse_long(x, 0, NAPKIN_COORD_MAX, &px) &&
		    import_parse_long(comma + 1, 0, NAPKIN_COORD_MAX, &py)) {
			v->x = (int)px;
			v->y = (int)py;
			im->positioned++;
		} else {
			import_tally(&im->bad_value, "node %s: napkin_pos \"%.40s\" is not COLUMN,ROW", v->id, s);
		}
		free(x);
	}
	if ((s = import_value(n, im->na.capacity)) != NULL && !import_parse_double(s, NAPKIN_RATE_MAX, &v->capacity))
		import_tally(&im->bad_value, "node %s: napkin_capacity \"%.40s\" is not a rate", v->id, s);
	if ((s = import_value(n, im->na.rps)) != NULL && !import_parse_double(s, NAPKIN_RATE_MAX, &v->rps))
		import_tally(&im->bad_value, "node %s: napkin_rps \"%.40s\" is not a rate", v->id, s);
}

/*
 * Add the node; when the model refuses a value (it names the member), that
 * value is reported, set back to its default, and the node added again.
 */
static const struct node *
insert_node(struct importer *im, struct node *v)
{
	struct napkin_error err;
	const struct node *added;

	while ((added = diagram_insert_node(im->d, v, &err)) == NULL) {
		const char *m = err.member != NULL ? err.member : "";

		import_tally(&im->bad_value, "node %s: %s", v->id, err.message);
		if (strcmp(m, "label") == 0)
			v->label = NULL;
		else if (strcmp(m, "tech") == 0)
			v->tech = NULL;
		else if (strcmp(m, "notes") == 0)
			v->notes = NULL;
		else if (strcmp(m, "accept") == 0 || strcmp(m, "rule") == 0 || strcmp(m, "reason") == 0)
			v->accept_count = 0;
		else
			fatal("import: node %s refused: %s", v->id, err.message);
	}
	return added;
}

static void
import_node(struct importer *im, Agnode_t *n, const char *id)
{
	static const char *const known[] = { "id", "kind", "label", "tech", "replicas", "managed",
	    "x", "y", "capacity", "rps", "notes", "accept", NULL };
	struct node v = { .id = (char *)id, .replicas = 1 };
	const char *tech = import_value(n, im->na.napkin_tech), *s;
	char what[NAPKIN_ID_MAX + 8], *label, *tech_text = NULL, *notes = NULL;
	const struct node *added;
	size_t accepts = 0;

	snprintf(what, sizeof what, "node %s", id);
	label = node_label(im, n, id, what);
	if (tech == NULL)
		tech = import_value(n, im->na.tech);
	if (tech != NULL) {
		tech_text = import_exact_text(im, tech, NAPKIN_TECH_MAX, false, what);
		if (!im->napkin)
			text_squeeze(tech_text);
	}
	if ((s = import_value(n, im->na.notes)) != NULL)
		notes = import_exact_text(im, s, NAPKIN_NOTES_MAX, true, what);
	v.kind = node_kind(im, n, label, tech_text);
	v.label = label;
	v.tech = tech_text;
	v.notes = notes;
	node_numbers(im, n, &v);
	if ((s = import_value(n, im->na.accept)) != NULL)
		accepts = v.accept_count = parse_accepts(s, &v.accepts);
	added = insert_node(im, &v);
	if ((s = import_value(n, im->na.extra)) != NULL)
		diagram_adopt_node_extra(im->d, added, import_parse_extra(im, s, known, what));
	free_accepts(v.accepts, accepts);	/* insert_node may have dropped them from v */
	free(label);
	free(tech_text);
	free(notes);
}

void
import_nodes(struct importer *im)
{
	const char **names;
	char **ids;
	size_t i = 0;

	im->count = (size_t)agnnodes(im->g);
	im->gnodes = xcalloc(im->count + 1, sizeof *im->gnodes);
	im->depth = xcalloc(im->count + 1, sizeof *im->depth);
	names = xcalloc(im->count + 1, sizeof *names);
	for (Agnode_t *n = agfstnode(im->g); n != NULL; n = agnxtnode(im->g, n))
		im->gnodes[i++] = n;
	if (im->napkin)
		import_apply_order((void **)im->gnodes, im->count, im->na.order);
	for (i = 0; i < im->count; i++)
		names[i] = agnameof(im->gnodes[i]);
	ids = import_choose_ids(names, im->count, "node", &im->renamed, "node");
	strmap_reserve(im->index_of, im->count);
	for (i = 0; i < im->count; i++) {
		strmap_put(im->index_of, names[i], (void *)(uintptr_t)(i + 1));
		import_node(im, im->gnodes[i], ids[i]);
		free(ids[i]);
	}
	free(ids);
	free(names);
}

size_t
import_node_index(struct importer *im, Agnode_t *n)
{
	return (size_t)(uintptr_t)strmap_get(im->index_of, agnameof(n)) - 1;
}
