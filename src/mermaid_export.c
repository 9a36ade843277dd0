/*
 * Mermaid flowchart export, for pasting into Markdown (GitHub renders it).
 *
 * Mermaid ids allow letters, digits and '_', and a few words ("end",
 * "graph", ...) break the parser, so each napkin id is mapped to a safe,
 * unique one.  Labels are always quoted, with the characters Mermaid or
 * its HTML labels would act on written as #NN; entity codes.  The kind
 * table gives each kind's bracket shape and fill; async edges are dotted
 * arrows (-.->), groups are subgraphs, critique outlines are node styles.
 */
#include "export.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "group_order.h"
#include "strmap.h"
#include "xalloc.h"

/* Words Mermaid reads as keywords wherever an id stands. */
static const char *const reserved[] = {
	"end", "graph", "flowchart", "subgraph", "direction", "style", "linkStyle",
	"classDef", "class", "click", "call", "href", "default", "interpolate",
};

static bool
is_reserved(const char *id)
{
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++) {
		if (strcasecmp(id, reserved[i]) == 0)
			return true;
	}
	return false;
}

/*
 * base made a Mermaid id: letters, digits and '_' only, starting with a
 * letter, not a keyword, and not yet in taken (where it is then added).
 */
static char *
unique_id(struct strmap *taken, const char *prefix, const char *base)
{
	size_t len = strlen(base);
	char *safe = xmalloc(len + 1), *p = safe, *first, *id;
	bool letter = (base[0] >= 'a' && base[0] <= 'z') || (base[0] >= 'A' && base[0] <= 'Z');

	for (size_t k = 0; k < len; k++) {
		char c = base[k];
		bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

		*p++ = keep ? c : '_';
	}
	*p = '\0';
	first = prefix[0] != '\0' || !letter || is_reserved(safe) ?
	    xasprintf("%s%s", prefix[0] != '\0' ? prefix : "n_", safe) : xstrdup(safe);
	id = xstrdup(first);
	for (unsigned long n = 2; strmap_get(taken, id) != NULL; n++) {
		free(id);
		id = xasprintf("%s_%lu", first, n);
	}
	free(first);
	free(safe);
	strmap_put(taken, id, id);
	return id;
}

/* Mermaid ids for the nodes, then the groups: nodes and subgraphs share one namespace. */
static char **
mermaid_ids(const struct diagram *d)
{
	size_t nodes = diagram_node_count(d), groups = diagram_group_count(d);
	char **ids = xcalloc(nodes + groups + 1, sizeof *ids);
	struct strmap *taken = strmap_new();

	strmap_reserve(taken, nodes + groups);
	for (size_t i = 0; i < nodes; i++)
		ids[i] = unique_id(taken, "", diagram_node(d, i)->id);
	for (size_t g = 0; g < groups; g++)
		ids[nodes + g] = unique_id(taken, "group_", diagram_group(d, g)->id);
	strmap_free(taken);
	return ids;
}

/* A label's text inside Mermaid quotes. */
static void
write_text(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '"': fputs("#quot;", out); break;
		case '#': fputs("#35;", out); break;
		case '&': fputs("#amp;", out); break;
		case '<': fputs("#lt;", out); break;
		case '>': fputs("#gt;", out); break;
		case '|': fputs("#124;", out); break;
		case '`': fputs("#96;", out); break;
		default: fputc(*s, out);
		}
	}
}

static void
write_node(FILE *out, const char *indent, const char *id, const struct node *n)
{
	const struct kind_info *info = kind_info(n->kind);
	const char *sep = "<br>";

	fprintf(out, "%s%s%s\"", indent, id, info->mermaid_open);
	write_text(out, n->label);
	if (n->tech[0] != '\0') {
		fputs(sep, out);
		write_text(out, n->tech);
		sep = " \xc2\xb7 ";
	}
	if (n->replicas > 1) {
		fprintf(out, "%sx%d", sep, n->replicas);
		sep = " \xc2\xb7 ";
	}
	if (n->managed)
		fprintf(out, "%smanaged", sep);
	fprintf(out, "\"%s\n", info->mermaid_close);
}

static void
write_edge(FILE *out, char **ids, const struct edge *e)
{
	const char *arrow = e->mode == EDGE_ASYNC ? "-.->" : "-->";

	fprintf(out, "    %s %s", ids[e->from->index], arrow);
	if (e->label[0] != '\0' || e->ratio != 1.0) {
		fputs("|\"", out);
		write_text(out, e->label);
		if (e->ratio != 1.0)
			fprintf(out, "%s(%.3g%%)", e->label[0] != '\0' ? " " : "", e->ratio * 100);
		fputs("\"|", out);
	}
	fprintf(out, " %s\n", ids[e->to->index]);
}

/* Nodes by group: each group's members as a subgraph, then the rest. */
static void
write_nodes(FILE *out, const struct diagram *d, char **ids)
{
	size_t count = diagram_node_count(d), groups = diagram_group_count(d);
	struct group_order order;

	group_order_make(d, &order);
	for (size_t g = 0; g < groups; g++) {
		fprintf(out, "    subgraph %s [\"", ids[count + g]);
		write_text(out, diagram_group(d, g)->label);
		fputs("\"]\n", out);
		for (size_t k = order.start[g]; k < order.start[g + 1]; k++)
			write_node(out, "        ", ids[order.nodes[k]], diagram_node(d, order.nodes[k]));
		fputs("    end\n", out);
	}
	for (size_t k = order.start[groups]; k < count; k++)
		write_node(out, "    ", ids[order.nodes[k]], diagram_node(d, order.nodes[k]));
	group_order_free(&order);
}

/* classDef per kind in use, and class lines naming its nodes. */
static void
write_styles(FILE *out, const struct diagram *d, char **ids, const struct export_options *o)
{
	size_t count = diagram_node_count(d);

	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *info = kind_info((enum node_kind)k);
		const char *sep = " ";

		for (size_t i = 0; i < count; i++) {
			if (diagram_node(d, i)->kind != (enum node_kind)k)
				continue;
			if (sep[0] == ' ')
				fprintf(out, "    classDef %s fill:%s,stroke:#37474f,color:#37474f\n    class",
				    info->name, info->dot_fill);
			fprintf(out, "%s%s", sep, ids[i]);
			sep = ",";
		}
		if (sep[0] == ',')
			fprintf(out, " %s\n", info->name);
	}
	for (size_t i = 0; o->outlines != NULL && i < count; i++) {
		if (o->outlines[i] != OUTLINE_NONE)
			fprintf(out, "    style %s stroke:%s,stroke-width:3px\n", ids[i],
			    o->outlines[i] == OUTLINE_ERROR ? "#d32f2f" : "#f57c00");
	}
}

bool
mermaid_export_write(const struct diagram *d, const struct export_options *options, FILE *out)
{
	static const struct export_options defaults = { DIRECTION_LR, NULL, false };
	const struct export_options *o = options != NULL ? options : &defaults;
	char **ids = mermaid_ids(d);
	const char *title = diagram_title(d);

	if (title[0] != '\0') {
		/* A comment: Mermaid comments run to the end of the line, and titles hold no newline. */
		fprintf(out, "%%%% %s\n", title);
	}
	fprintf(out, "flowchart %s\n", direction_name(o->direction));
	write_nodes(out, d, ids);
	for (size_t i = 0; i < diagram_edge_count(d); i++)
		write_edge(out, ids, diagram_edge(d, i));
	write_styles(out, d, ids, o);
	for (size_t i = 0; i < diagram_node_count(d) + diagram_group_count(d); i++)
		free(ids[i]);
	free(ids);
	return !ferror(out);
}
