/* "edges": each element becomes an edge between two loaded nodes. */
#include "json_load.h"

#include "xalloc.h"

enum { EDGE_FROM, EDGE_TO, EDGE_LABEL, EDGE_MODE, EDGE_RATIO, EDGE_MEMBERS };

static const char *const edge_members[EDGE_MEMBERS + 1] = {
	[EDGE_FROM] = "from", [EDGE_TO] = "to", [EDGE_LABEL] = "label", [EDGE_MODE] = "mode",
	[EDGE_RATIO] = "ratio",
};

/* The node at one end of an edge; NULL when missing, reported unless refused. */
static const struct node *
edge_end(struct loader *l, const struct element *el, const cJSON *v, const char *member)
{
	const char *id = NULL;
	const struct node *n;
	char hint[96], buf[96];

	if (!loader_get_string(l, el, v, member, true, &id))
		return NULL;
	n = diagram_find_node(l->d, id);
	if (n == NULL && !loader_was_refused(l, id)) {
		loader_suggest_node(l->d, id, hint, sizeof hint);
		FAIL_MEMBER(l, el, member, "\"%s\" names unknown node %s%s", member,
		    loader_describe(v, buf, sizeof buf), hint);
	}
	return n;
}

void
json_load_edge(struct loader *l, const cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos, .what = "edge", .number = number };
	struct napkin_error err;
	const struct node *from, *to;
	const char *label = "", *mode_name = NULL;
	enum edge_mode mode = EDGE_SYNC;
	double ratio = 1.0;
	const cJSON *m[EDGE_MEMBERS];
	const struct edge *e;
	bool unknown;
	char buf[96];

	if (!loader_open_element(l, &el, obj, edge_members, m, &unknown))
		return;
	if ((from = edge_end(l, &el, m[EDGE_FROM], "from")) == NULL ||
	    (to = edge_end(l, &el, m[EDGE_TO], "to")) == NULL)
		return;
	if (!loader_get_string(l, &el, m[EDGE_LABEL], "label", false, &label) ||
	    !loader_get_string(l, &el, m[EDGE_MODE], "mode", false, &mode_name) ||
	    !loader_get_number(l, &el, m[EDGE_RATIO], "ratio", NAPKIN_RATIO_MAX, &ratio))
		return;
	if (mode_name != NULL && !edge_mode_from_name(mode_name, &mode)) {
		FAIL_MEMBER(l, &el, "mode", "\"mode\" must be \"sync\" or \"async\", not %s",
		    loader_describe(m[EDGE_MODE], buf, sizeof buf));
		return;
	}
	e = diagram_connect(l->d, from, to, label, mode, &err);
	if (e == NULL || !diagram_set_edge_ratio(l->d, e, ratio, &err)) {
		FAIL_MEMBER(l, &el, err.member, "%s", err.message);
		return;
	}
	if (unknown)
		diagram_adopt_edge_extra(l->d, e, loader_copy_unknown(obj, edge_members));
}

bool
json_load_plain_edge(struct loader *l, size_t pos, size_t *end)
{
	struct plain_element pe;
	struct napkin_error err;
	const char *from_id = NULL, *to_id = NULL, *label = "", *mode_name = NULL;
	enum edge_mode mode = EDGE_SYNC;
	double ratio = 1.0;
	const struct edge *e;
	size_t after;

	if (!loader_plain_members(l, pos, edge_members, &pe, &after) ||
	    !plain_has(&pe, EDGE_FROM) || !plain_has(&pe, EDGE_TO) ||
	    !loader_plain_string(l, &pe, EDGE_FROM, &from_id) ||
	    !loader_plain_string(l, &pe, EDGE_TO, &to_id) ||
	    !loader_plain_string(l, &pe, EDGE_LABEL, &label) ||
	    !loader_plain_string(l, &pe, EDGE_MODE, &mode_name) ||
	    !loader_plain_number(l, &pe, EDGE_RATIO, &ratio) || !loader_is_rate(ratio, NAPKIN_RATIO_MAX) ||
	    (mode_name != NULL && !edge_mode_from_name(mode_name, &mode)))
		return false;
	/* Refused (an unknown node, a loop, a label too long): the general way reports it. */
	if ((e = diagram_connect_ids(l->d, from_id, to_id, label, mode, &err)) == NULL)
		return false;
	/* The ratio passed the check diagram_set_edge_ratio makes. */
	if (!diagram_set_edge_ratio(l->d, e, ratio, &err))
		fatal("loading a plain edge: %s", err.message);
	*end = after;
	return true;
}
