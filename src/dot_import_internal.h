/*
 * Shared by the DOT importer's three files: dot_import.c (the whole: title,
 * groups, edges, positions, warnings), dot_import_nodes.c (nodes) and
 * dot_import_values.c (reading attribute values, choosing ids).  Nothing
 * else includes it.
 */
#ifndef NAPKIN_DOT_IMPORT_INTERNAL_H
#define NAPKIN_DOT_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <graphviz/cgraph.h>

#include "diagram.h"
#include "dot_import.h"
#include "strmap.h"

struct cJSON;

/* One kind of loss: how often it happened and the first case. */
struct tally {
	size_t count;
	char example[200];
};

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

/* Count one loss; the first one's description is kept as the example. */
void import_tally(struct tally *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The attribute name of kind AGRAPH, AGNODE or AGEDGE, or NULL when undeclared. */
Agsym_t *import_find_attr(Agraph_t *g, int kind, const char *name);
/* obj's value of sym, or NULL when sym is NULL or the value empty. */
const char *import_value(void *obj, Agsym_t *sym);
/*
 * A string napkin wrote (an escString): unescaped, cleaned only if it must
 * be (tallied against what).  New string.
 */
char *import_exact_text(struct importer *im, const char *v, size_t max, bool allow_layout,
    const char *what);
/*
 * A label as Graphviz draws it, reduced to one line of plain text.  v must
 * be a value libcgraph holds (aghtmlstr looks at it).  New string.
 */
char *import_drawn_text(struct importer *im, const char *v, const char *object_name, bool record,
    size_t max, const char *what);
/* A DOT name (an id) as label text: one line, cleaned.  New string. */
char *import_name_text(const char *name, size_t max);
bool import_parse_long(const char *s, long min, long max, long *out);
/* A finite number from 0 to max. */
bool import_parse_double(const char *s, double max, double *out);
/* napkin_extra: a JSON object of members not in known; NULL when unusable (tallied). */
struct cJSON *import_parse_extra(struct importer *im, const char *v, const char *const *known,
    const char *what);
/*
 * The order napkin_order gives objs: a permutation of 0..count-1 (new
 * array), or NULL when a value is missing, malformed or repeated.
 */
size_t *import_napkin_order(void **objs, size_t count, Agsym_t *sym);
/* Reorder objs by napkin_order when every object has a usable one. */
void import_apply_order(void **objs, size_t count, Agsym_t *sym);
/*
 * Napkin ids for DOT names: valid ones kept (first come), the others
 * rewritten and tallied in renamed.  New array of new strings.
 */
char **import_choose_ids(const char *const *names, size_t count, const char *fallback,
    struct tally *renamed, const char *what);
/* qsort comparison of libcgraph objects by creation (file) order. */
int import_compare_seq(const void *a, const void *b);

/* Add every node of the graph to the diagram (dot_import_nodes.c). */
void import_nodes(struct importer *im);
/* The diagram index of a DOT node. */
size_t import_node_index(struct importer *im, Agnode_t *n);

#endif
