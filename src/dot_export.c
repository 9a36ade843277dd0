/*
 * Graphviz DOT export, built with libcgraph and written by agwrite, so the
 * quoting is Graphviz's own.
 *
 * Two layers in one graph.  What Graphviz draws: a shape and fill per kind
 * (the kind table), an HTML-like label (bold name, then tech, replicas and
 * "managed" in small type), a double outline for replicated nodes, dashed
 * async edges, groups as clusters, critique outlines.  What napkin reads
 * back: napkin_* attributes holding every field exactly (docs/export.md), so
 * JSON -> DOT -> JSON gives the same diagram.  Strings go through
 * dot_escape(), which keeps them intact through agwrite and agread.
 */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <graphviz/cgraph.h>

#include "dot_text.h"
#include "json_write.h"
#include "xalloc.h"

#define INK		"#37474f"	/* outlines, arrows and text */
#define MUTED_INK	"#607d8b"	/* details and edge labels */
#define FONT		"Helvetica"

/* The attributes every node and edge may carry, declared once. */
struct dot_attrs {
	Agsym_t *label, *shape, *style, *fill, *margin, *peripheries, *color, *penwidth, *tooltip;
	Agsym_t *kind, *exact_label, *tech, *notes, *replicas, *managed, *pos;
	Agsym_t *capacity, *rps, *accept, *extra, *order;
	Agsym_t *edge_label, *edge_style, *edge_mode, *edge_ratio, *edge_exact_label;
	Agsym_t *edge_extra, *edge_order;
};

/* Set a plain attribute to s escaped as an escString. */
static void
set_escaped(void *obj, Agsym_t *sym, const char *s)
{
	char *escaped = dot_escape(s);

	agxset(obj, sym, escaped);
	free(escaped);
}

/*
 * Set a drawn label to shown.  When what gets drawn is not exactly text
 * (shown adds to it, or it held characters no SVG may hold), exact (the
 * napkin_label or napkin_title attribute) keeps text for import.
 */
static void
set_drawn(void *obj, Agsym_t *drawn, Agsym_t *exact, const char *text, const char *shown)
{
	const char *safe = dot_drawable(shown);

	set_escaped(obj, drawn, safe);
	if (strcmp(safe, text) != 0)
		set_escaped(obj, exact, text);
	if (safe != shown)
		free((char *)safe);
}

static void
set_number(void *obj, Agsym_t *sym, double v)
{
	char buf[32];

	dot_format_number(v, buf);
	agxset(obj, sym, buf);
}

static void
set_extra(void *obj, Agsym_t *sym, const cJSON *extra)
{
	char *json = NULL;
	size_t len;
	FILE *out;

	if (extra == NULL || extra->child == NULL)
		return;
	out = open_memstream(&json, &len);
	if (out == NULL)
		fatal("out of memory writing DOT");
	json_write_value(out, extra);
	if (fclose(out) != 0)
		fatal("out of memory writing DOT");
	set_escaped(obj, sym, json);
	free(json);
}

static void
declare(Agraph_t *g, struct dot_attrs *a)
{
	agattr(g, AGNODE, "fontname", FONT);
	agattr(g, AGNODE, "fontsize", "12");
	agattr(g, AGNODE, "fontcolor", INK);
	a->style = agattr(g, AGNODE, "style", "filled");
	a->margin = agattr(g, AGNODE, "margin", "0.15,0.08");
	a->label = agattr(g, AGNODE, "label", "\\N");
	a->shape = agattr(g, AGNODE, "shape", "box");
	a->fill = agattr(g, AGNODE, "fillcolor", "white");
	a->color = agattr(g, AGNODE, "color", INK);
	a->penwidth = agattr(g, AGNODE, "penwidth", "1.2");
	a->peripheries = agattr(g, AGNODE, "peripheries", "1");
	a->tooltip = agattr(g, AGNODE, "tooltip", "");
	a->kind = agattr(g, AGNODE, "napkin_kind", "");
	a->exact_label = agattr(g, AGNODE, "napkin_label", "");
	a->tech = agattr(g, AGNODE, "napkin_tech", "");
	a->notes = agattr(g, AGNODE, "napkin_notes", "");
	a->replicas = agattr(g, AGNODE, "napkin_replicas", "");
	a->managed = agattr(g, AGNODE, "napkin_managed", "");
	a->pos = agattr(g, AGNODE, "napkin_pos", "");
	a->capacity = agattr(g, AGNODE, "napkin_capacity", "");
	a->rps = agattr(g, AGNODE, "napkin_rps", "");
	a->accept = agattr(g, AGNODE, "napkin_accept", "");
	a->extra = agattr(g, AGNODE, "napkin_extra", "");
	a->order = agattr(g, AGNODE, "napkin_order", "");

	agattr(g, AGEDGE, "fontname", FONT);
	agattr(g, AGEDGE, "fontsize", "10");
	agattr(g, AGEDGE, "fontcolor", MUTED_INK);
	agattr(g, AGEDGE, "color", INK);
	agattr(g, AGEDGE, "arrowsize", "0.8");
	a->edge_label = agattr(g, AGEDGE, "label", "");
	a->edge_style = agattr(g, AGEDGE, "style", "");
	a->edge_mode = agattr(g, AGEDGE, "napkin_mode", "");
	a->edge_ratio = agattr(g, AGEDGE, "napkin_ratio", "");
	a->edge_exact_label = agattr(g, AGEDGE, "napkin_label", "");
	a->edge_extra = agattr(g, AGEDGE, "napkin_extra", "");
	a->edge_order = agattr(g, AGEDGE, "napkin_order", "");
}

/* "Go · x4 · managed": the small line under a node's name, or "". */
static void
write_details(FILE *out, const struct node *n)
{
	const char *sep = "";

	if (n->tech[0] != '\0') {
		dot_write_xml_text(out, n->tech);
		sep = " \xc2\xb7 ";	/* U+00B7 middle dot */
	}
	if (n->replicas > 1) {
		fprintf(out, "%sx%d", sep, n->replicas);
		sep = " \xc2\xb7 ";
	}
	if (n->managed)
		fprintf(out, "%smanaged", sep);
}

/* The HTML-like label: the name in bold, the details in small type below. */
static char *
html_label(const struct node *n)
{
	char *html = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&html, &size);

	if (out == NULL)
		fatal("out of memory writing DOT");
	fputs("<B>", out);
	dot_write_xml_text(out, n->label);
	fputs("</B>", out);
	if (n->tech[0] != '\0' || n->replicas > 1 || n->managed) {
		fputs("<BR/><FONT POINT-SIZE=\"10\" COLOR=\"" MUTED_INK "\">", out);
		write_details(out, n);
		fputs("</FONT>", out);
	}
	if (fclose(out) != 0)
		fatal("out of memory writing DOT");
	return html;
}

/* "SPOF002: reason" lines; rule ids hold no colon, reasons no newline. */
static void
set_accepts(Agnode_t *gn, Agsym_t *sym, const struct node *n)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out;

	if (n->accept_count == 0)
		return;
	out = open_memstream(&text, &size);
	if (out == NULL)
		fatal("out of memory writing DOT");
	for (size_t i = 0; i < n->accept_count; i++)
		fprintf(out, "%s%s: %s", i > 0 ? "\n" : "", n->accepts[i].rule, n->accepts[i].reason);
	if (fclose(out) != 0)
		fatal("out of memory writing DOT");
	set_escaped(gn, sym, text);
	free(text);
}

static void
add_node(Agraph_t *g, const struct dot_attrs *a, const struct node *n, enum export_outline outline)
{
	Agnode_t *gn = agnode(g, n->id, 1);
	const struct kind_info *info = kind_info(n->kind);
	char pos[32];

	agxset(gn, a->shape, (char *)info->dot_shape);
	agxset(gn, a->style, (char *)info->dot_style);
	agxset(gn, a->fill, (char *)info->dot_fill);
	if (n->replicas > 1) {
		/* The second outline stands for the replicas; room so it clears the text. */
		agxset(gn, a->peripheries, "2");
		agxset(gn, a->margin, "0.15,0.18");
	}
	if (outline != OUTLINE_NONE) {
		agxset(gn, a->color, outline == OUTLINE_ERROR ? "#d32f2f" : "#f57c00");
		agxset(gn, a->penwidth, "3");
	}
	if (n->notes[0] != '\0') {
		const char *tip = dot_drawable(n->notes);

		set_escaped(gn, a->tooltip, tip);
		set_escaped(gn, a->notes, n->notes);
		if (tip != n->notes)
			free((char *)tip);
	}
	agxset(gn, a->kind, (char *)info->name);
	set_escaped(gn, a->exact_label, n->label);
	if (n->tech[0] != '\0')
		set_escaped(gn, a->tech, n->tech);
	if (n->replicas != 1)
		set_number(gn, a->replicas, n->replicas);
	if (n->managed)
		agxset(gn, a->managed, "true");
	snprintf(pos, sizeof pos, "%d,%d", n->x, n->y);
	agxset(gn, a->pos, pos);
	if (n->capacity != 0)
		set_number(gn, a->capacity, n->capacity);
	if (n->rps != 0)
		set_number(gn, a->rps, n->rps);
	set_accepts(gn, a->accept, n);
	set_extra(gn, a->extra, n->extra);
	set_number(gn, a->order, (double)n->index);
}

/* "10%" of the source's traffic; ratios above 1 are fan-out, "300%". */
static void
add_edge(Agraph_t *g, const struct dot_attrs *a, const struct edge *e)
{
	Agedge_t *ge = agedge(g, agnode(g, e->from->id, 0), agnode(g, e->to->id, 0), NULL, 1);

	if (e->ratio != 1.0) {
		char *shown = xasprintf("%s%s(%.3g%%)", e->label, e->label[0] != '\0' ? " " : "",
		    e->ratio * 100);

		set_drawn(ge, a->edge_label, a->edge_exact_label, e->label, shown);
		free(shown);
		set_number(ge, a->edge_ratio, e->ratio);
	} else if (e->label[0] != '\0') {
		set_drawn(ge, a->edge_label, a->edge_exact_label, e->label, e->label);
	}
	if (e->mode == EDGE_ASYNC)
		agxset(ge, a->edge_style, "dashed");
	agxset(ge, a->edge_mode, (char *)edge_mode_name(e->mode));
	set_extra(ge, a->edge_extra, e->extra);
	set_number(ge, a->edge_order, (double)e->index);
}

/* The graph attribute name, declared (empty by default) if it is not yet. */
static Agsym_t *
graph_attr(Agraph_t *g, const char *name)
{
	Agsym_t *sym = agattr(g, AGRAPH, (char *)name, NULL);

	return sym != NULL ? sym : agattr(g, AGRAPH, (char *)name, "");
}

/* One cluster per group, in group order; returns them indexed like the groups. */
static Agraph_t **
add_clusters(Agraph_t *g, const struct diagram *d)
{
	size_t count = diagram_group_count(d);
	Agraph_t **clusters = xcalloc(count + 1, sizeof *clusters);

	for (size_t i = 0; i < count; i++) {
		const struct group *grp = diagram_group(d, i);
		char *name = xasprintf("cluster_%s", grp->id);
		Agraph_t *c = agsubg(g, name, 1);

		free(name);
		clusters[i] = c;
		set_drawn(c, graph_attr(g, "label"), graph_attr(g, "napkin_label"), grp->label, grp->label);
		agxset(c, graph_attr(g, "style"), "rounded,filled");
		agxset(c, graph_attr(g, "fillcolor"), "#f7f9fa");
		agxset(c, graph_attr(g, "color"), "#90a4ae");
		agxset(c, graph_attr(g, "fontsize"), "12");
		agxset(c, graph_attr(g, "labeljust"), "l");
		agxset(c, graph_attr(g, "napkin_group"), grp->id);
		set_number(c, graph_attr(g, "napkin_order"), (double)i);
		set_extra(c, graph_attr(g, "napkin_extra"), grp->extra);
	}
	return clusters;
}

/*
 * Give every node its HTML-like label, after every other string is set.
 * libcgraph keeps one copy of equal strings, HTML flag included, and so
 * does the reader of the file: an HTML label equal to any plain string in
 * the graph (an edge labelled "<B>api</B>", say) would turn one into the
 * other.  Such a label gets a newline inside its first tag, which XML
 * ignores and no plain string napkin writes can hold, until it is unique.
 */
static void
add_labels(Agraph_t *g, const struct dot_attrs *a, const struct diagram *d)
{
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);
		char *html = html_label(n), *label, *taken;

		while ((taken = agstrbind(g, html)) != NULL && !aghtmlstr(taken)) {
			char *longer = xasprintf("<B\n%s", html + 2);

			free(html);
			html = longer;
		}
		label = agstrdup_html(g, html);
		agxset(agnode(g, n->id, 0), a->label, label);
		agstrfree(g, label);
		free(html);
	}
}

static Agraph_t *
build(const struct diagram *d, const struct export_options *o)
{
	Agraph_t *g = agopen("napkin", Agdirected, NULL);
	struct dot_attrs a;
	Agraph_t **clusters;
	const char *title = diagram_title(d);

	agattr(g, AGRAPH, "napkin", "1");
	agattr(g, AGRAPH, "rankdir", (char *)direction_name(o->direction));
	agattr(g, AGRAPH, "fontname", FONT);
	agattr(g, AGRAPH, "fontsize", "14");
	agattr(g, AGRAPH, "fontcolor", INK);
	agattr(g, AGRAPH, "nodesep", "0.45");
	agattr(g, AGRAPH, "ranksep", "0.7");
	agattr(g, AGRAPH, "pad", "0.3");
	if (title[0] != '\0') {
		set_drawn(g, graph_attr(g, "label"), graph_attr(g, "napkin_title"), title, title);
		agattr(g, AGRAPH, "labelloc", "t");
		agattr(g, AGRAPH, "fontsize", "18");
	}
	/* Not napkin_extra: subgraphs inherit the root's values, and clusters have their own. */
	set_extra(g, graph_attr(g, "napkin_diagram_extra"), diagram_extra(d));
	declare(g, &a);
	clusters = add_clusters(g, d);
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);

		add_node(n->group != NULL ? clusters[n->group->index] : g, &a, n,
		    o->outlines != NULL ? o->outlines[i] : OUTLINE_NONE);
	}
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		add_edge(g, &a, diagram_edge(d, i));
	add_labels(g, &a, d);
	free(clusters);
	return g;
}

bool
dot_export_write(const struct diagram *d, const struct export_options *options, FILE *out)
{
	static const struct export_options defaults = { DIRECTION_LR, NULL, false };
	Agraph_t *g = build(d, options != NULL ? options : &defaults);
	bool ok = agwrite(g, out) == 0;

	agclose(g);
	return ok && !ferror(out);
}
