/* "groups": each element becomes a group, and its members join it. */
#include "json_load.h"

enum { GROUP_ID, GROUP_LABEL, GROUP_NODES, GROUP_MEMBERS };

static const char *const group_members[GROUP_MEMBERS + 1] = {
	[GROUP_ID] = "id", [GROUP_LABEL] = "label", [GROUP_NODES] = "members",
};

void
json_load_group(struct loader *l, const cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos, .what = "group", .number = number };
	struct napkin_error err;
	const char *id = NULL, *label = NULL;
	const cJSON *found[GROUP_MEMBERS], *members, *m;
	const struct group *g;
	bool unknown;
	size_t i = 0;
	char buf[96];

	if (!loader_open_element(l, &el, obj, group_members, found, &unknown) ||
	    !loader_get_string(l, &el, found[GROUP_ID], "id", true, &id) ||
	    !loader_get_string(l, &el, found[GROUP_LABEL], "label", false, &label))
		return;
	members = found[GROUP_NODES];
	if (members != NULL && !cJSON_IsArray(members)) {
		FAIL_MEMBER(l, &el, "members", "\"members\" must be an array of node ids, not %s",
		    loader_describe(members, buf, sizeof buf));
		return;
	}
	if (diagram_find_group(l->d, id) != NULL) {
		el.id = NULL;
		FAIL_MEMBER(l, &el, "id", "duplicate group id \"%s\"", id);
		return;
	}
	g = diagram_add_group(l->d, id, label, &err);
	if (g == NULL) {
		FAIL_MEMBER(l, &el, err.member, "%s", err.message);
		return;
	}
	cJSON_ArrayForEach(m, members) {
		struct json_step path[2] = { { "members", 0 }, { NULL, i++ } };
		const struct node *n = cJSON_IsString(m) ? diagram_find_node(l->d, m->valuestring) : NULL;
		char hint[96];

		if (!cJSON_IsString(m)) {
			loader_fail_in(l, &el, path, 2, "\"members\" must hold node ids, not %s",
			    loader_describe(m, buf, sizeof buf));
			return;
		}
		if (n == NULL) {
			if (loader_was_refused(l, m->valuestring))
				return;
			loader_suggest_node(l->d, m->valuestring, hint, sizeof hint);
			loader_fail_in(l, &el, path, 2, "\"members\" names unknown node %s%s",
			    loader_describe(m, buf, sizeof buf), hint);
			return;
		}
		if (n->group == g) {
			loader_fail_in(l, &el, path, 2, "\"members\" lists node \"%s\" twice", n->id);
			return;
		}
		if (n->group != NULL) {
			loader_fail_in(l, &el, path, 2, "node \"%s\" is already in group \"%s\"; a node is in one group at most",
			    n->id, n->group->id);
			return;
		}
		diagram_set_node_group(l->d, n, g, NULL);
	}
	if (unknown)
		diagram_adopt_group_extra(l->d, g, loader_copy_unknown(obj, group_members));
}
