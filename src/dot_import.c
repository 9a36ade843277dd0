/*
 * DOT import: a libcgraph graph (dot_read.c) becomes a diagram.
 *
 * Order of work: the title; clusters (found depth first, each a group);
 * nodes in file order, or napkin_order when napkin wrote the file
 * (dot_import_nodes.c); their cluster memberships, innermost cluster
 * winning; edges; positions, kept from napkin_pos when every node has
 * one, otherwise laid out by layout_arrange().  napkin_* attributes are
 * read exactly; anything else is reduced to what napkin holds, and every
 * loss is tallied into one warning per kind of loss with a first example,
 * not one line per object.
 */
#include "dot_import_internal.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "dot_read.h"
#include "dot_text.h"
#include "xalloc.h"

static void
import_title(struct importer *im)
{
	const char *exact = import_value(im->g, import_find_attr(im->g, AGRAPH, "napkin_title"));
	const char *label = import_value(im->g, import_find_attr(im->g, AGRAPH, "label")), *name = agnameof(im->g);
	char *title = NULL;

	if (exact != NULL || (label != NULL && im->napkin))
		title = import_exact_text(im, exact != NULL ? exact : label, NAPKIN_TITLE_MAX, false, "the title");
	else if (label != NULL)
		title = import_drawn_text(im, label, name, false, NAPKIN_TITLE_MAX, "the title");
	else if (!im->napkin && name != NULL && name[0] != '%')
		title = import_name_text(name, NAPKIN_TITLE_MAX);
	if (title != NULL)
		diagram_set_title(im->d, title, NULL);
	free(title);
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
	qsort(children, count, sizeof *children, import_compare_seq);
	for (size_t i = 0; i < count; i++) {
		int inner = depth;

		if (is_cluster(children[i])) {
			if (im->cluster_count == *capacity)
				im->clusters = xreallocarray(im->clusters, *capacity = *capacity * 2 + 8,
				    sizeof *im->clusters);
			im->clusters[im->cluster_count++] = (struct cluster){ children[i], depth + 1, NULL };
			inner = depth + 1;
			if (depth > 0)
				import_tally(&im->nested, "%s is inside another cluster", agnameof(children[i]));
		}
		find_clusters(im, children[i], inner, capacity);
	}
	free(children);
}

/* The group id a cluster asks for: napkin_group, or its name without "cluster". */
static const char *
cluster_id_name(struct importer *im, Agraph_t *sub, Agsym_t *sym)
{
	const char *wanted = im->napkin ? import_value(sub, sym) : NULL;
	const char *name = agnameof(sub) + strlen("cluster");

	if (wanted != NULL)
		return wanted;
	name += strspn(name, "_- .:");
	return name;
}

static void
import_groups(struct importer *im)
{
	Agsym_t *group_sym = import_find_attr(im->g, AGRAPH, "napkin_group");
	Agsym_t *label_sym = import_find_attr(im->g, AGRAPH, "label");
	Agsym_t *exact_sym = import_find_attr(im->g, AGRAPH, "napkin_label");
	Agsym_t *extra_sym = import_find_attr(im->g, AGRAPH, "napkin_extra");
	const char *root_label = import_value(im->g, label_sym);
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
		at = import_napkin_order((void **)subs, n, import_find_attr(im->g, AGRAPH, "napkin_order"));
		for (size_t k = 0; at != NULL && k < n; k++)
			order[k] = &im->clusters[at[k]];
		free(at);
		free(subs);
	}
	for (size_t k = 0; k < n; k++)
		names[k] = cluster_id_name(im, ((struct cluster *)order[k])->graph, group_sym);
	ids = import_choose_ids(names, n, "group", &im->group_renamed, "cluster");
	for (size_t k = 0; k < n; k++) {
		struct cluster *c = order[k];
		const char *label = import_value(c->graph, label_sym), *exact = import_value(c->graph, exact_sym);
		char what[NAPKIN_ID_MAX + 8], *text = NULL;
		const char *extra;

		snprintf(what, sizeof what, "group %s", ids[k]);
		/* A cluster without a label inherits the graph's: that is not its own. */
		if (im->napkin && exact != NULL)
			text = import_exact_text(im, exact, NAPKIN_LABEL_MAX, false, what);
		else if (label != NULL && (im->napkin || root_label == NULL || strcmp(label, root_label) != 0))
			text = im->napkin ? import_exact_text(im, label, NAPKIN_LABEL_MAX, false, what) :
			    import_drawn_text(im, label, agnameof(c->graph), false, NAPKIN_LABEL_MAX, what);
		if (text != NULL && text[0] == '\0') {
			free(text);
			text = NULL;
		}
		c->group = diagram_add_group(im->d, ids[k], text, NULL);
		if (c->group == NULL)
			fatal("import: group %s refused", ids[k]);
		if (im->napkin && (extra = import_value(c->graph, extra_sym)) != NULL) {
			static const char *const known[] = { "id", "label", "members", NULL };

			diagram_adopt_group_extra(im->d, c->group, import_parse_extra(im, extra, known, what));
		}
		free(text);
		free(ids[k]);
	}
	free(ids);
	free(names);
	free(order);
}

/* Each node joins its innermost cluster; a node in two sibling clusters stays in the first. */
static void
import_memberships(struct importer *im)
{
	const struct group **group_of = xcalloc(im->count + 1, sizeof *group_of);

	for (size_t c = 0; c < im->cluster_count; c++) {
		struct cluster *cl = &im->clusters[c];

		for (Agnode_t *n = agfstnode(cl->graph); n != NULL; n = agnxtnode(cl->graph, n)) {
			size_t i = import_node_index(im, n);

			if (im->depth[i] < cl->depth) {
				im->depth[i] = cl->depth;
				group_of[i] = cl->group;
			} else if (group_of[i] != cl->group) {
				import_tally(&im->shared, "%s is in %s and %s", diagram_node(im->d, i)->id,
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
edge_mode(struct importer *im, Agedge_t *e, const char *what)
{
	const char *mode = import_value(e, im->ea.mode), *style = import_value(e, im->ea.style);
	enum edge_mode m = EDGE_SYNC;

	if (mode != NULL && edge_mode_from_name(mode, &m))
		return m;
	if (mode != NULL)
		import_tally(&im->bad_value, "%s: napkin_mode \"%.40s\" is not sync or async", what, mode);
	if (style != NULL && (strstr(style, "dashed") != NULL || strstr(style, "dotted") != NULL))
		return EDGE_ASYNC;
	return EDGE_SYNC;
}

static void
import_edge(struct importer *im, Agedge_t *e)
{
	static const char *const known[] = { "from", "to", "label", "mode", "ratio", NULL };
	const struct node *from = diagram_node(im->d, import_node_index(im, agtail(e)));
	const struct node *to = diagram_node(im->d, import_node_index(im, aghead(e)));
	const char *exact = import_value(e, im->ea.napkin_label), *drawn = import_value(e, im->ea.label), *s;
	char what[2 * NAPKIN_ID_MAX + 16], *label;
	const struct edge *added;
	double ratio;

	snprintf(what, sizeof what, "edge %s -> %s", from->id, to->id);
	if (from == to) {
		import_tally(&im->loops, "%s", what);
		return;
	}
	if (import_value(e, im->ea.tailport) != NULL || import_value(e, im->ea.headport) != NULL)
		import_tally(&im->ports, "%s", what);
	/* napkin draws the ratio after the label, and then keeps the label in napkin_label. */
	if (im->napkin && exact == NULL && import_value(e, im->ea.ratio) != NULL)
		label = xstrdup("");
	else if (exact != NULL || (drawn != NULL && im->napkin))
		label = import_exact_text(im, exact != NULL ? exact : drawn, NAPKIN_LABEL_MAX, false, what);
	else if (drawn != NULL)
		label = import_drawn_text(im, drawn, NULL, false, NAPKIN_LABEL_MAX, what);
	else
		label = xstrdup("");
	added = diagram_connect(im->d, from, to, label, edge_mode(im, e, what), NULL);
	free(label);
	if (added == NULL)
		fatal("import: edge %s refused", what);
	if ((s = import_value(e, im->ea.ratio)) != NULL) {
		if (!import_parse_double(s, NAPKIN_RATIO_MAX, &ratio) || !diagram_set_edge_ratio(im->d, added, ratio, NULL))
			import_tally(&im->bad_value, "%s: napkin_ratio \"%.40s\" is not from 0 to %g", what, s,
			    NAPKIN_RATIO_MAX);
	}
	if ((s = import_value(e, im->ea.extra)) != NULL)
		diagram_adopt_edge_extra(im->d, added, import_parse_extra(im, s, known, what));
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
	qsort(edges, k, sizeof *edges, import_compare_seq);
	if (im->napkin)
		import_apply_order((void **)edges, k, im->ea.order);
	for (size_t i = 0; i < k; i++)
		import_edge(im, edges[i]);
	free(edges);
}

/* --- Positions, warnings and the whole --- */

static void
import_positions(struct importer *im, struct dot_import_summary *summary)
{
	const char *rankdir = import_value(im->g, import_find_attr(im->g, AGRAPH, "rankdir"));
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
		error_list_add(im->warnings, "%s: %s: %zu (first: %s)", im->name, what, t->count, t->example);
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
	warn(im, &im->cleaned, "labels with control characters, bad UTF-8 or too much text were cleaned");
	warn(im, &im->loops, "self-loops were skipped (a napkin edge joins two components)");
	warn(im, &im->ports, "ports were dropped (napkin edges join whole components)");
	warn(im, &im->nested, "nested clusters became groups of their own (napkin groups do not nest, "
	    "so their nodes leave the outer one)");
	warn(im, &im->shared, "nodes in more than one cluster were kept in the first");
}

static void
find_attributes(struct importer *im)
{
	Agraph_t *g = im->g;

	im->na = (struct node_attrs){
		import_find_attr(g, AGNODE, "kind"), import_find_attr(g, AGNODE, "napkin_kind"),
		import_find_attr(g, AGNODE, "label"), import_find_attr(g, AGNODE, "napkin_label"),
		import_find_attr(g, AGNODE, "tech"), import_find_attr(g, AGNODE, "napkin_tech"),
		import_find_attr(g, AGNODE, "napkin_notes"), import_find_attr(g, AGNODE, "napkin_replicas"),
		import_find_attr(g, AGNODE, "napkin_managed"), import_find_attr(g, AGNODE, "napkin_pos"),
		import_find_attr(g, AGNODE, "napkin_capacity"), import_find_attr(g, AGNODE, "napkin_rps"),
		import_find_attr(g, AGNODE, "napkin_accept"), import_find_attr(g, AGNODE, "napkin_extra"),
		import_find_attr(g, AGNODE, "napkin_order"), import_find_attr(g, AGNODE, "shape"),
		import_find_attr(g, AGNODE, "image"),
	};
	im->ea = (struct edge_attrs){
		import_find_attr(g, AGEDGE, "label"), import_find_attr(g, AGEDGE, "napkin_label"),
		import_find_attr(g, AGEDGE, "napkin_mode"), import_find_attr(g, AGEDGE, "style"),
		import_find_attr(g, AGEDGE, "napkin_ratio"), import_find_attr(g, AGEDGE, "napkin_extra"),
		import_find_attr(g, AGEDGE, "napkin_order"), import_find_attr(g, AGEDGE, "tailport"),
		import_find_attr(g, AGEDGE, "headport"),
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
	version = import_value(im.g, import_find_attr(im.g, AGRAPH, "napkin"));
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
	if (im.napkin && (extra = import_value(im.g, import_find_attr(im.g, AGRAPH, "napkin_diagram_extra"))) != NULL)
		diagram_adopt_extra(im.d, import_parse_extra(&im, extra, known, "the graph"));
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
	struct stat st = { 0 };

	if (in == NULL) {
		error_list_add(errors, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
		error_list_add(errors, "%s: is a directory", path);
		fclose(in);
		return NULL;
	}
	/* Refused on its size, before a gigabyte is read into memory. */
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > DOT_FILE_MAX) {
		error_list_add(errors, "%s: the file is %jd bytes; the limit is %zu bytes (1 GiB)", path,
		    (intmax_t)st.st_size, DOT_FILE_MAX);
		fclose(in);
		return NULL;
	}
	for (;;) {
		if (len == size) {
			if (size > DOT_FILE_MAX) {
				error_list_add(errors, "%s: the file is over the limit of %zu bytes (1 GiB)", path,
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
