/*
 * DOT import: a libcgraph graph (dot_read.c) becomes a diagram.
 *
 * Order of work: the title; clusters (found depth first, each a group);
 * nodes in file order, or napkin_order when napkin wrote the file; their
 * cluster memberships, innermost cluster winning; edges; positions, kept
 * from napkin_pos when every node has one, otherwise laid out by
 * layout_arrange().  napkin_* attributes are read exactly; anything else is
 * reduced to what napkin holds, and every loss is tallied into one warning
 * per kind of loss (with a first example), not one line per object.
 *
 * DOT names become napkin ids where they are valid ones; the others are
 * rewritten (letters, digits and -_.: kept, the rest '_') after all valid
 * names are reserved, so a rewritten id never takes a name from a later
 * node.
 */
#include "dot_import.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "dot_read.h"
#include "dot_text.h"
#include "kind_guess.h"
#include "strmap.h"
#include "xalloc.h"

/* One kind of loss: how often it happened and the first case. */
struct tally {
	size_t count;
	char example[200];
};

static void
tally(struct tally *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
tally(struct tally *t, const char *fmt, ...)
{
	va_list ap;

	if (t->count++ > 0)
		return;
	va_start(ap, fmt);
	vsnprintf(t->example, sizeof t->example, fmt, ap);
	va_end(ap);
}

/* Node attributes, looked up once. */
struct node_attrs {
	Agsym_t *kind, *napkin_kind, *label, *napkin_label, *tech, *napkin_tech, *notes;
	Agsym_t *replicas, *managed, *pos, *capacity, *rps, *accept, *extra, *order;
	Agsym_t *shape, *image;
};

struct edge_attrs {
	Agsym_t *label, *napkin_label, *mode, *style, *ratio, *extra, *order;
	Agsym_t *tailport, *headport;
};

struct cluster {
	Agraph_t *graph;
	int depth;			/* 1 for a top-level cluster */
	const struct group *group;
};

struct importer {
	const char *name;
	struct error_list *warnings;
	Agraph_t *g;
	struct diagram *d;
	bool napkin;			/* napkin wrote the file (napkin=1) */
	struct node_attrs na;
	struct edge_attrs ea;
	Agnode_t **gnodes;		/* in diagram order */
	size_t count;
	struct strmap *index_of;	/* DOT node name -> diagram index + 1 */
	struct cluster *clusters;	/* depth first, in file order */
	size_t cluster_count;
	int *depth;			/* per node: depth of the cluster it is in */
	size_t guessed, positioned;
	struct tally renamed, html, record, cleaned, bad_value, bad_kind, loops, ports;
	struct tally nested, shared, group_renamed;
};

/* --- Reading attribute values --- */

static Agsym_t *
find_attr(Agraph_t *g, int kind, const char *name)
{
	return agattr(g, kind, (char *)name, NULL);
}

/* obj's value of sym, or NULL when sym is undeclared or the value empty. */
static const char *
value(void *obj, Agsym_t *sym)
{
	const char *v = sym != NULL ? agxget(obj, sym) : NULL;

	return v != NULL && v[0] != '\0' ? v : NULL;
}

/* An exact napkin string: unescaped, then only cleaned if it must be. */
static char *
exact_text(struct importer *im, const char *v, size_t max, bool allow_layout, const char *what)
{
	char *raw = dot_unescape(v, NULL, NULL);
	bool changed;
	char *clean = text_clean(raw, max, allow_layout, &changed);

	if (changed)
		tally(&im->cleaned, "%s", what);
	free(raw);
	return clean;
}

/* A label as Graphviz would draw it, reduced to one line of plain text. */
static char *
drawn_text(struct importer *im, const char *v, const char *object_name, bool record,
    size_t max, const char *what)
{
	const char *graph_name = agnameof(im->g);
	char *raw, *clean;
	bool changed;

	if (aghtmlstr((char *)v)) {
		raw = dot_html_text(v);
		tally(&im->html, "%s", what);
	} else if (record) {
		raw = dot_record_text(v);
		tally(&im->record, "%s", what);
	} else {
		raw = dot_unescape(v, object_name, graph_name != NULL && graph_name[0] != '%' ? graph_name : "");
	}
	clean = text_clean(raw, max, false, &changed);
	if (changed && strpbrk(raw, "\n\t\r") == NULL)
		tally(&im->cleaned, "%s", what);
	text_squeeze(clean);
	free(raw);
	return clean;
}

static bool
parse_long(const char *s, long min, long max, long *out)
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

static bool
parse_double(const char *s, double max, double *out)
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
static cJSON *
parse_extra(struct importer *im, const char *v, const char *const *known, const char *what)
{
	char *json = dot_unescape(v, NULL, NULL);
	cJSON *extra = cJSON_Parse(json);

	free(json);
	if (!cJSON_IsObject(extra) || !all_finite(extra)) {
		tally(&im->bad_value, "%s: napkin_extra is not a JSON object; dropped", what);
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
static size_t *
napkin_order(void **objs, size_t count, Agsym_t *sym)
{
	size_t *at = xmalloc((count + 1) * sizeof *at);

	for (size_t k = 0; k < count; k++)
		at[k] = SIZE_MAX;
	for (size_t i = 0; i < count; i++) {
		const char *v = value(objs[i], sym);
		long k;

		if (v == NULL || !parse_long(v, 0, (long)count - 1, &k) || at[k] != SIZE_MAX) {
			free(at);
			return NULL;
		}
		at[k] = i;
	}
	return at;
}

/* Reorder objs by napkin_order when every object has a usable one. */
static void
apply_order(void **objs, size_t count, Agsym_t *sym)
{
	size_t *at = sym != NULL ? napkin_order(objs, count, sym) : NULL;
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

/* --- Ids --- */

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
static char **
choose_ids(const char *const *names, size_t count, const char *fallback, struct tally *renamed,
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
		tally(renamed, "%s \"%s\" is now %s", what, shown, ids[i]);
		free(shown);
	}
	strmap_free(taken);
	return ids;
}

/* --- Title and groups --- */

static void
import_title(struct importer *im)
{
	Agsym_t *sym = find_attr(im->g, AGRAPH, "label");
	const char *label = value(im->g, sym), *name = agnameof(im->g);
	char *title = NULL;

	if (label != NULL)
		title = im->napkin ? exact_text(im, label, NAPKIN_TITLE_MAX, false, "the title") :
		    drawn_text(im, label, name, false, NAPKIN_TITLE_MAX, "the title");
	else if (!im->napkin && name != NULL && name[0] != '%')
		title = text_clean(name, NAPKIN_TITLE_MAX, false, NULL);
	if (title != NULL)
		diagram_set_title(im->d, title, NULL);
	free(title);
}

static int
compare_seq(const void *a, const void *b)
{
	uint64_t p = AGSEQ(*(void *const *)a), q = AGSEQ(*(void *const *)b);

	return p < q ? -1 : p > q;
}

static bool
is_cluster(Agraph_t *sub)
{
	const char *name = agnameof(sub);

	return name != NULL && strncmp(name, "cluster", 7) == 0;
}

/* Collect the clusters below sub, depth first, children in file order. */
static void
find_clusters(struct importer *im, Agraph_t *sub, int depth, size_t *capacity)
{
	size_t count = 0, room = 8;
	Agraph_t **children = xmalloc(room * sizeof *children);

	for (Agraph_t *c = agfstsubg(sub); c != NULL; c = agnxtsubg(c)) {
		if (count == room)
			children = xreallocarray(children, room *= 2, sizeof *children);
		children[count++] = c;
	}
	qsort(children, count, sizeof *children, compare_seq);
	for (size_t i = 0; i < count; i++) {
		int inner = depth;

		if (is_cluster(children[i])) {
			if (im->cluster_count == *capacity)
				im->clusters = xreallocarray(im->clusters, *capacity = *capacity * 2 + 8,
				    sizeof *im->clusters);
			im->clusters[im->cluster_count++] = (struct cluster){ children[i], depth + 1, NULL };
			inner = depth + 1;
			if (depth > 0)
				tally(&im->nested, "%s is inside another cluster", agnameof(children[i]));
		}
		find_clusters(im, children[i], inner, capacity);
	}
	free(children);
}

/* The group id a cluster asks for: napkin_group, or its name without "cluster". */
static const char *
cluster_id_name(struct importer *im, Agraph_t *sub, Agsym_t *sym)
{
	const char *wanted = im->napkin ? value(sub, sym) : NULL;
	const char *name = agnameof(sub) + strlen("cluster");

	if (wanted != NULL)
		return wanted;
	name += strspn(name, "_- .:");
	return name;
}

static void
import_groups(struct importer *im)
{
	Agsym_t *group_sym = find_attr(im->g, AGRAPH, "napkin_group");
	Agsym_t *label_sym = find_attr(im->g, AGRAPH, "label");
	Agsym_t *extra_sym = find_attr(im->g, AGRAPH, "napkin_extra");
	const char *root_label = value(im->g, label_sym);
	size_t capacity = 0, n;
	const char **names;
	void **order;
	char **ids;

	find_clusters(im, im->g, 0, &capacity);
	n = im->cluster_count;
	order = xcalloc(n + 1, sizeof *order);
	names = xcalloc(n + 1, sizeof *names);
	for (size_t i = 0; i < n; i++)
		order[i] = &im->clusters[i];
	/* Groups are made in napkin_order; memberships still follow the depth-first walk. */
	if (im->napkin) {
		Agraph_t **subs = xcalloc(n + 1, sizeof *subs);
		size_t *at;

		for (size_t i = 0; i < n; i++)
			subs[i] = im->clusters[i].graph;
		at = napkin_order((void **)subs, n, find_attr(im->g, AGRAPH, "napkin_order"));
		for (size_t k = 0; at != NULL && k < n; k++)
			order[k] = &im->clusters[at[k]];
		free(at);
		free(subs);
	}
	for (size_t k = 0; k < n; k++)
		names[k] = cluster_id_name(im, ((struct cluster *)order[k])->graph, group_sym);
	ids = choose_ids(names, n, "group", &im->group_renamed, "cluster");
	for (size_t k = 0; k < n; k++) {
		struct cluster *c = order[k];
		const char *label = value(c->graph, label_sym);
		char *text = NULL;
		const char *extra;

		/* A cluster without a label inherits the graph's: that is not its own. */
		if (label != NULL && (im->napkin || root_label == NULL || strcmp(label, root_label) != 0))
			text = im->napkin ? exact_text(im, label, NAPKIN_LABEL_MAX, false, ids[k]) :
			    drawn_text(im, label, agnameof(c->graph), false, NAPKIN_LABEL_MAX, ids[k]);
		if (text != NULL && text[0] == '\0') {
			free(text);
			text = NULL;
		}
		c->group = diagram_add_group(im->d, ids[k], text, NULL);
		if (c->group == NULL)
			fatal("import: group %s refused", ids[k]);
		if (im->napkin && (extra = value(c->graph, extra_sym)) != NULL) {
			static const char *const known[] = { "id", "label", "members", NULL };

			diagram_adopt_group_extra(im->d, c->group, parse_extra(im, extra, known, ids[k]));
		}
		free(text);
		free(ids[k]);
	}
	free(ids);
	free(names);
	free(order);
}

/* --- Nodes --- */

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
	const char *stated = value(n, im->na.napkin_kind);
	/* Strongest first: a stated technology, an icon, the drawn shape, then the names. */
	const char *sources[] = { tech, value(n, im->na.image), value(n, im->na.shape), label, agnameof(n) };
	enum node_kind kind = KIND_SERVICE;

	if (stated == NULL)
		stated = value(n, im->na.kind);
	if (stated != NULL && kind_from_name(stated, &kind))
		return kind;
	if (stated != NULL) {
		char *shown = text_clean(stated, 40, false, NULL);

		tally(&im->bad_kind, "node %s says kind \"%s\"", agnameof(n), shown);
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
node_label(struct importer *im, Agnode_t *n, const char *id)
{
	const char *exact = value(n, im->na.napkin_label), *drawn = value(n, im->na.label);
	const char *shape = value(n, im->na.shape);
	bool record = shape != NULL && (strcmp(shape, "record") == 0 || strcmp(shape, "Mrecord") == 0);
	char *label;

	if (exact != NULL)
		label = exact_text(im, exact, NAPKIN_LABEL_MAX, false, id);
	else if (drawn != NULL)
		label = drawn_text(im, drawn, agnameof(n), record, NAPKIN_LABEL_MAX, id);
	else
		label = drawn_text(im, "\\N", agnameof(n), false, NAPKIN_LABEL_MAX, id);
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

	if ((s = value(n, im->na.replicas)) != NULL) {
		if (parse_long(s, 1, NAPKIN_REPLICAS_MAX, &number))
			v->replicas = (int)number;
		else
			tally(&im->bad_value, "node %s: napkin_replicas \"%.40s\" is not from 1 to %d",
			    v->id, s, NAPKIN_REPLICAS_MAX);
	}
	if ((s = value(n, im->na.managed)) != NULL) {
		if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)
			v->managed = s[0] == 't';
		else
			tally(&im->bad_value, "node %s: napkin_managed \"%.40s\" is not true or false", v->id, s);
	}
	if ((s = value(n, im->na.pos)) != NULL) {
		const char *comma = strchr(s, ',');
		char *x = comma != NULL ? xstrndup(s, (size_t)(comma - s)) : NULL;
		long px, py;

		if (x != NULL && parse_long(x, 0, NAPKIN_COORD_MAX, &px) &&
		    parse_long(comma + 1, 0, NAPKIN_COORD_MAX, &py)) {
			v->x = (int)px;
			v->y = (int)py;
			im->positioned++;
		} else {
			tally(&im->bad_value, "node %s: napkin_pos \"%.40s\" is not COLUMN,ROW", v->id, s);
		}
		free(x);
	}
	if ((s = value(n, im->na.capacity)) != NULL && !parse_double(s, NAPKIN_RATE_MAX, &v->capacity))
		tally(&im->bad_value, "node %s: napkin_capacity \"%.40s\" is not a rate", v->id, s);
	if ((s = value(n, im->na.rps)) != NULL && !parse_double(s, NAPKIN_RATE_MAX, &v->rps))
		tally(&im->bad_value, "node %s: napkin_rps \"%.40s\" is not a rate", v->id, s);
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

		tally(&im->bad_value, "node %s: %s", v->id, err.message);
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
	const char *tech = value(n, im->na.napkin_tech), *s;
	char *label = node_label(im, n, id), *tech_text = NULL, *notes = NULL;
	const struct node *added;

	if (tech == NULL)
		tech = value(n, im->na.tech);
	if (tech != NULL) {
		tech_text = exact_text(im, tech, NAPKIN_TECH_MAX, false, id);
		if (!im->napkin)
			text_squeeze(tech_text);
	}
	if ((s = value(n, im->na.notes)) != NULL)
		notes = exact_text(im, s, NAPKIN_NOTES_MAX, true, id);
	v.kind = node_kind(im, n, label, tech_text);
	v.label = label;
	v.tech = tech_text;
	v.notes = notes;
	node_numbers(im, n, &v);
	if ((s = value(n, im->na.accept)) != NULL)
		v.accept_count = parse_accepts(s, &v.accepts);
	added = insert_node(im, &v);
	if ((s = value(n, im->na.extra)) != NULL)
		diagram_adopt_node_extra(im->d, added, parse_extra(im, s, known, id));
	free_accepts(v.accepts, v.accept_count);
	free(label);
	free(tech_text);
	free(notes);
}

static void
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
		apply_order((void **)im->gnodes, im->count, im->na.order);
	for (i = 0; i < im->count; i++)
		names[i] = agnameof(im->gnodes[i]);
	ids = choose_ids(names, im->count, "node", &im->renamed, "node");
	strmap_reserve(im->index_of, im->count);
	for (i = 0; i < im->count; i++) {
		strmap_put(im->index_of, names[i], (void *)(uintptr_t)(i + 1));
		import_node(im, im->gnodes[i], ids[i]);
		free(ids[i]);
	}
	free(ids);
	free(names);
}

static size_t
node_index(struct importer *im, Agnode_t *n)
{
	return (size_t)(uintptr_t)strmap_get(im->index_of, agnameof(n)) - 1;
}

/* Each node joins its innermost cluster; a node in two sibling clusters stays in the first. */
static void
import_memberships(struct importer *im)
{
	const struct group **group_of = xcalloc(im->count + 1, sizeof *group_of);

	for (size_t c = 0; c < im->cluster_count; c++) {
		struct cluster *cl = &im->clusters[c];

		for (Agnode_t *n = agfstnode(cl->graph); n != NULL; n = agnxtnode(cl->graph, n)) {
			size_t i = node_index(im, n);

			if (im->depth[i] < cl->depth) {
				im->depth[i] = cl->depth;
				group_of[i] = cl->group;
			} else if (group_of[i] != cl->group) {
				tally(&im->shared, "%s is in %s and %s", diagram_node(im->d, i)->id,
				    group_of[i]->id, cl->group->id);
			}
		}
	}
	for (size_t i = 0; i < im->count; i++) {
		if (group_of[i] != NULL)
			diagram_set_node_group(im->d, diagram_node(im->d, i), group_of[i], NULL);
	}
	free(group_of);
}

/* --- Edges --- */

static enum edge_mode
edge_mode(struct importer *im, Agedge_t *e)
{
	const char *mode = value(e, im->ea.mode), *style = value(e, im->ea.style);
	enum edge_mode m = EDGE_SYNC;

	if (mode != NULL && edge_mode_from_name(mode, &m))
		return m;
	if (mode != NULL)
		tally(&im->bad_value, "an edge: napkin_mode \"%.40s\" is not sync or async", mode);
	if (style != NULL && (strstr(style, "dashed") != NULL || strstr(style, "dotted") != NULL))
		return EDGE_ASYNC;
	return EDGE_SYNC;
}

static void
import_edge(struct importer *im, Agedge_t *e)
{
	static const char *const known[] = { "from", "to", "label", "mode", "ratio", NULL };
	const struct node *from = diagram_node(im->d, node_index(im, agtail(e)));
	const struct node *to = diagram_node(im->d, node_index(im, aghead(e)));
	const char *exact = value(e, im->ea.napkin_label), *drawn = value(e, im->ea.label), *s;
	char what[2 * NAPKIN_ID_MAX + 8], *label;
	const struct edge *added;
	double ratio;

	snprintf(what, sizeof what, "%s -> %s", from->id, to->id);
	if (from == to) {
		tally(&im->loops, "%s", what);
		return;
	}
	if (value(e, im->ea.tailport) != NULL || value(e, im->ea.headport) != NULL)
		tally(&im->ports, "%s", what);
	if (exact != NULL || (drawn != NULL && im->napkin))
		label = exact_text(im, exact != NULL ? exact : drawn, NAPKIN_LABEL_MAX, false, what);
	else if (drawn != NULL)
		label = drawn_text(im, drawn, NULL, false, NAPKIN_LABEL_MAX, what);
	else
		label = xstrdup("");
	added = diagram_connect(im->d, from, to, label, edge_mode(im, e), NULL);
	free(label);
	if (added == NULL)
		fatal("import: edge %s refused", what);
	if ((s = value(e, im->ea.ratio)) != NULL) {
		if (!parse_double(s, NAPKIN_RATIO_MAX, &ratio) || !diagram_set_edge_ratio(im->d, added, ratio, NULL))
			tally(&im->bad_value, "%s: napkin_ratio \"%.40s\" is not from 0 to %g", what, s,
			    NAPKIN_RATIO_MAX);
	}
	if ((s = value(e, im->ea.extra)) != NULL)
		diagram_adopt_edge_extra(im->d, added, parse_extra(im, s, known, what));
}

static void
import_edges(struct importer *im)
{
	size_t count = (size_t)agnedges(im->g), k = 0;
	Agedge_t **edges = xcalloc(count + 1, sizeof *edges);

	for (Agnode_t *n = agfstnode(im->g); n != NULL; n = agnxtnode(im->g, n)) {
		for (Agedge_t *e = agfstout(im->g, n); e != NULL; e = agnxtout(im->g, e))
			edges[k++] = e;
	}
	qsort(edges, k, sizeof *edges, compare_seq);
	if (im->napkin)
		apply_order((void **)edges, k, im->ea.order);
	for (size_t i = 0; i < k; i++)
		import_edge(im, edges[i]);
	free(edges);
}

/* --- Positions, warnings and the whole --- */

static void
import_positions(struct importer *im, struct dot_import_summary *summary)
{
	const char *rankdir = value(im->g, find_attr(im->g, AGRAPH, "rankdir"));
	enum direction direction = DIRECTION_TB;	/* DOT's default */
	struct napkin_error why;

	if (im->napkin && im->positioned == im->count)
		return;
	if (im->positioned > 0)
		error_list_add(im->warnings, "%s: %zu of %zu nodes have no napkin_pos, so the whole "
		    "diagram was laid out again", im->name, im->count - im->positioned, im->count);
	if (rankdir != NULL && (strcmp(rankdir, "LR") == 0 || strcmp(rankdir, "RL") == 0))
		direction = DIRECTION_LR;
	summary->laid_out = true;
	summary->method = layout_arrange(im->d, direction, &why);
	if (summary->method == LAYOUT_GRID && im->count > 0)
		error_list_add(im->warnings, "%s: %s", im->name, why.message);
}

static void
warn(struct importer *im, const struct tally *t, const char *what)
{
	if (t->count > 0)
		error_list_add(im->warnings, "%s: %s (%zu; first: %s)", im->name, what, t->count, t->example);
}

static void
report_tallies(struct importer *im)
{
	warn(im, &im->renamed, "node ids napkin does not accept were changed");
	warn(im, &im->group_renamed, "cluster names that are not napkin group ids were changed");
	warn(im, &im->bad_kind, "kinds napkin does not know were guessed from the words instead");
	warn(im, &im->bad_value, "napkin attributes that could not be used were left at their defaults");
	warn(im, &im->html, "HTML-like labels were reduced to plain text");
	warn(im, &im->record, "record labels were reduced to plain text");
	warn(im, &im->cleaned, "control characters, bad UTF-8 or over-long text were cleaned from labels");
	warn(im, &im->loops, "self-loops were skipped: a napkin edge joins two components");
	warn(im, &im->ports, "ports were dropped: napkin edges join whole components");
	warn(im, &im->nested, "nested clusters became groups of their own: napkin groups do not nest, "
	    "so their nodes leave the outer group");
	warn(im, &im->shared, "nodes in several clusters were kept in the first");
}

static void
find_attributes(struct importer *im)
{
	Agraph_t *g = im->g;

	im->na = (struct node_attrs){
		find_attr(g, AGNODE, "kind"), find_attr(g, AGNODE, "napkin_kind"),
		find_attr(g, AGNODE, "label"), find_attr(g, AGNODE, "napkin_label"),
		find_attr(g, AGNODE, "tech"), find_attr(g, AGNODE, "napkin_tech"),
		find_attr(g, AGNODE, "napkin_notes"), find_attr(g, AGNODE, "napkin_replicas"),
		find_attr(g, AGNODE, "napkin_managed"), find_attr(g, AGNODE, "napkin_pos"),
		find_attr(g, AGNODE, "napkin_capacity"), find_attr(g, AGNODE, "napkin_rps"),
		find_attr(g, AGNODE, "napkin_accept"), find_attr(g, AGNODE, "napkin_extra"),
		find_attr(g, AGNODE, "napkin_order"), find_attr(g, AGNODE, "shape"),
		find_attr(g, AGNODE, "image"),
	};
	im->ea = (struct edge_attrs){
		find_attr(g, AGEDGE, "label"), find_attr(g, AGEDGE, "napkin_label"),
		find_attr(g, AGEDGE, "napkin_mode"), find_attr(g, AGEDGE, "style"),
		find_attr(g, AGEDGE, "napkin_ratio"), find_attr(g, AGEDGE, "napkin_extra"),
		find_attr(g, AGEDGE, "napkin_order"), find_attr(g, AGEDGE, "tailport"),
		find_attr(g, AGEDGE, "headport"),
	};
}

struct diagram *
dot_import_buffer(const char *name, const char *data, size_t len,
    struct dot_import_summary *summary, struct error_list *warnings, struct error_list *errors)
{
	static const char *const known[] = { "napkin", "title", "nodes", "edges", "groups", NULL };
	struct dot_import_summary ignored;
	struct importer im = { .name = name, .warnings = warnings };
	const char *version, *extra;
	size_t more_graphs;

	if (summary == NULL)
		summary = &ignored;
	*summary = (struct dot_import_summary){ 0 };
	im.g = dot_read(name, data, len, &more_graphs, warnings, errors);
	if (im.g == NULL)
		return NULL;
	version = value(im.g, find_attr(im.g, AGRAPH, "napkin"));
	im.napkin = version != NULL;
	if (im.napkin && strcmp(version, "1") != 0)
		error_list_add(warnings, "%s: written by a newer napkin (napkin=%.20s); read as format 1",
		    name, version);
	if (more_graphs > 0)
		error_list_add(warnings, "%s: only the first graph was imported (%zu more follow)",
		    name, more_graphs);
	if (!agisdirected(im.g))
		error_list_add(warnings, "%s: an undirected graph: each edge was read as a call from "
		    "its first-named end to its second", name);
	im.d = diagram_new();
	im.index_of = strmap_new();
	diagram_set_recording(im.d, false);
	find_attributes(&im);
	import_title(&im);
	if (im.napkin && (extra = value(im.g, find_attr(im.g, AGRAPH, "napkin_extra"))) != NULL)
		diagram_adopt_extra(im.d, parse_extra(&im, extra, known, "the graph"));
	import_groups(&im);
	import_nodes(&im);
	import_memberships(&im);
	import_edges(&im);
	import_positions(&im, summary);
	report_tallies(&im);
	summary->kinds_guessed = im.guessed;
	diagram_set_recording(im.d, true);
	diagram_clear_history(im.d);
	strmap_free(im.index_of);
	free(im.gnodes);
	free(im.depth);
	free(im.clusters);
	agclose(im.g);
	return im.d;
}

struct diagram *
dot_import_file(const char *path, struct dot_import_summary *summary,
    struct error_list *warnings, struct error_list *errors)
{
	FILE *in = fopen(path, "rb");
	struct diagram *d = NULL;
	char *data = NULL;
	size_t len = 0, size = 0;
	struct stat st;

	if (in == NULL) {
		error_list_add(errors, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
		error_list_add(errors, "%s: is a directory", path);
		fclose(in);
		return NULL;
	}
	for (;;) {
		if (len == size) {
			if (size > DOT_FILE_MAX) {
				error_list_add(errors, "%s: the file is over the limit of %zu bytes", path,
				    DOT_FILE_MAX);
				goto out;
			}
			size = size * 2 + 65536;
			data = xrealloc(data, size + 1);
		}
		len += fread(data + len, 1, size - len, in);
		if (len < size)
			break;
	}
	if (ferror(in)) {
		error_list_add(errors, "%s: %s", path, strerror(errno));
		goto out;
	}
	d = dot_import_buffer(path, data, len, summary, warnings, errors);
out:
	free(data);
	fclose(in);
	return d;
}
