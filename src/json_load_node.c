/* "nodes": each element becomes a node, accepted risks and all. */
#include "json_load.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum {
	NODE_ID, NODE_KIND, NODE_LABEL, NODE_TECH, NODE_REPLICAS, NODE_MANAGED, NODE_X,
	NODE_Y, NODE_CAPACITY, NODE_RPS, NODE_NOTES, NODE_ACCEPT, NODE_MEMBERS
};

static const char *const node_members[NODE_MEMBERS + 1] = {
	[NODE_ID] = "id", [NODE_KIND] = "kind", [NODE_LABEL] = "label", [NODE_TECH] = "tech",
	[NODE_REPLICAS] = "replicas", [NODE_MANAGED] = "managed", [NODE_X] = "x", [NODE_Y] = "y",
	[NODE_CAPACITY] = "capacity", [NODE_RPS] = "rps", [NODE_NOTES] = "notes",
	[NODE_ACCEPT] = "accept",
};

static bool
load_accepts(struct loader *l, const struct element *el, const cJSON *list, struct node *v)
{
	const cJSON *entry;
	struct napkin_error err;
	size_t i = 0;
	char buf[96];

	if (list == NULL)
		return true;
	if (!cJSON_IsArray(list)) {
		FAIL_MEMBER(l, el, "accept", "\"accept\" must be an array, not %s",
		    loader_describe(list, buf, sizeof buf));
		return false;
	}
	v->accept_count = (size_t)cJSON_GetArraySize(list);
	if (v->accept_count > NAPKIN_ACCEPT_MAX) {
		FAIL_MEMBER(l, el, "accept", "\"accept\" holds %zu risks; the limit is %d",
		    v->accept_count, NAPKIN_ACCEPT_MAX);
		return false;
	}
	v->accepts = xcalloc(v->accept_count, sizeof *v->accepts);
	cJSON_ArrayForEach(entry, list) {
		struct json_step path[3] = { { "accept", 0 }, { NULL, i }, { NULL, 0 } };
		const cJSON *rule = cJSON_GetObjectItemCaseSensitive(entry, "rule");
		const cJSON *reason = cJSON_GetObjectItemCaseSensitive(entry, "reason");
		const char *missing = rule == NULL ? "rule" : reason == NULL ? "reason" : NULL;

		if (!cJSON_IsObject(entry)) {
			loader_fail_in(l, el, path, 2, "accepted risk %zu must be an object with \"rule\" and \"reason\", not %s",
			    i + 1, loader_describe(entry, buf, sizeof buf));
			return false;
		}
		for (const cJSON *c = entry->child; c != NULL; c = c->next) {
			path[2].key = c->string;
			if (strcmp(c->string, "rule") != 0 && strcmp(c->string, "reason") != 0) {
				loader_fail_in(l, el, path, 3, "accepted risk %zu has an unknown member %s",
				    i + 1, loader_quote(c->string, buf, sizeof buf));
				return false;
			}
			/* The first would be read and the second lost on save. */
			if (c != (strcmp(c->string, "rule") == 0 ? rule : reason)) {
				loader_fail_in(l, el, path, 2, "accepted risk %zu: member \"%s\" appears twice",
				    i + 1, c->string);
				return false;
			}
		}
		if (missing != NULL) {
			loader_fail_in(l, el, path, 2, "accepted risk %zu: missing \"%s\"", i + 1, missing);
			return false;
		}
		if (!cJSON_IsString(rule) || !cJSON_IsString(reason)) {
			path[2].key = cJSON_IsString(rule) ? "reason" : "rule";
			loader_fail_in(l, el, path, 3, "accepted risk %zu: \"%s\" must be a string, not %s", i + 1,
			    path[2].key, loader_describe(cJSON_IsString(rule) ? reason : rule, buf, sizeof buf));
			return false;
		}
		path[2].key = "rule";
		if (!diagram_check_accept(rule->valuestring, reason->valuestring, &err)) {
			if (err.member != NULL)
				path[2].key = err.member;
			loader_fail_in(l, el, path, 3, "accepted risk %zu: %s", i + 1, err.message);
			return false;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(v->accepts[j].rule, rule->valuestring) == 0) {
				loader_fail_in(l, el, path, 3, "accepted risk %zu: rule %s is accepted twice (see risk %zu)",
				    i + 1, rule->valuestring, j + 1);
				return false;
			}
		}
		v->accepts[i].rule = rule->valuestring;
		v->accepts[i].reason = reason->valuestring;
		i++;
	}
	return true;
}

void
json_load_node(struct loader *l, const cJSON *obj, size_t pos, size_t number)
{
	struct element el = { .pos = pos, .what = "node", .number = number };
	struct node v = { .replicas = 1 };
	struct napkin_error err;
	const char *id = NULL, *kind = NULL, *label = NULL, *tech = NULL, *notes = NULL;
	const cJSON *m[NODE_MEMBERS];
	const struct node *n, *twin;
	bool unknown;
	char buf[96];

	if (!loader_open_element(l, &el, obj, node_members, m, &unknown) ||
	    !loader_get_string(l, &el, m[NODE_ID], "id", true, &id))
		goto refused;
	v.id = (char *)id;
	if (!loader_get_string(l, &el, m[NODE_KIND], "kind", true, &kind))
		goto refused;
	if (!kind_from_name(kind, &v.kind)) {
		const char *names[KIND_COUNT];
		char hint[96];

		for (int k = 0; k < KIND_COUNT; k++)
			names[k] = kind_name((enum node_kind)k);
		loader_suggest(kind, names, KIND_COUNT, hint, sizeof hint);
		FAIL_MEMBER(l, &el, "kind", "unknown kind %s%s (see napkin --help for the kinds)",
		    loader_describe(m[NODE_KIND], buf, sizeof buf), hint);
		goto refused;
	}
	if (!loader_get_string(l, &el, m[NODE_LABEL], "label", false, &label) ||
	    !loader_get_string(l, &el, m[NODE_TECH], "tech", false, &tech) ||
	    !loader_get_string(l, &el, m[NODE_NOTES], "notes", false, &notes) ||
	    !loader_get_integer(l, &el, m[NODE_REPLICAS], "replicas", 1, NAPKIN_REPLICAS_MAX, &v.replicas) ||
	    !loader_get_bool(l, &el, m[NODE_MANAGED], "managed", &v.managed) ||
	    !loader_get_integer(l, &el, m[NODE_X], "x", 0, NAPKIN_COORD_MAX, &v.x) ||
	    !loader_get_integer(l, &el, m[NODE_Y], "y", 0, NAPKIN_COORD_MAX, &v.y) ||
	    !loader_get_number(l, &el, m[NODE_CAPACITY], "capacity", NAPKIN_RATE_MAX, &v.capacity) ||
	    !loader_get_number(l, &el, m[NODE_RPS], "rps", NAPKIN_RATE_MAX, &v.rps))
		goto refused;
	v.label = (char *)label;
	v.tech = (char *)tech;
	v.notes = (char *)notes;
	if (!load_accepts(l, &el, m[NODE_ACCEPT], &v))
		goto refused;
	/*
	 * Inserting checks that the id is new (before any other value), so
	 * the twin is looked up only when a node is refused, for a message
	 * that names it.  The id is not counted as refused: its twin stands.
	 */
	n = diagram_insert_node(l->d, &v, &err);
	twin = n == NULL ? diagram_find_node(l->d, v.id) : NULL;
	if (twin != NULL) {
		el.id = NULL;
		FAIL_MEMBER(l, &el, "id", "duplicate id \"%s\" (node %zu has it too)", v.id, twin->index + 1);
		goto done;
	}
	if (n == NULL) {
		FAIL_MEMBER(l, &el, err.member, "%s", err.message);
		goto refused;
	}
	if (unknown)
		diagram_adopt_node_extra(l->d, n, loader_copy_unknown(obj, node_members));
	goto done;
refused:
	loader_refuse_node(l, obj);
done:
	free(v.accepts);
}

/* A plain integer member in [min, max]; true with *out untouched when absent. */
static bool
plain_integer(const struct loader *l, const struct plain_element *pe, size_t i, int min, int max, int *out)
{
	double v;

	if (!plain_has(pe, i))
		return true;
	if (!loader_plain_number(l, pe, i, &v) || !loader_is_integer(v, min, max))
		return false;
	*out = (int)v;
	return true;
}

static bool
plain_rate(const struct loader *l, const struct plain_element *pe, size_t i, double *out)
{
	return loader_plain_number(l, pe, i, out) && loader_is_rate(*out, NAPKIN_RATE_MAX);
}

bool
json_load_plain_node(struct loader *l, size_t pos, size_t *end)
{
	struct plain_element pe;
	struct node v = { .replicas = 1 };
	struct napkin_error err;
	const char *id = NULL, *kind = NULL, *label = NULL, *tech = NULL, *notes = NULL;
	size_t after;

	if (!loader_plain_members(l, pos, node_members, &pe, &after) ||
	    !plain_has(&pe, NODE_ID) || !plain_has(&pe, NODE_KIND) ||
	    !loader_plain_string(l, &pe, NODE_ID, &id) ||
	    !loader_plain_string(l, &pe, NODE_KIND, &kind) ||
	    !loader_plain_string(l, &pe, NODE_LABEL, &label) ||
	    !loader_plain_string(l, &pe, NODE_TECH, &tech) ||
	    !loader_plain_string(l, &pe, NODE_NOTES, &notes) ||
	    !kind_from_name(kind, &v.kind) ||
	    !plain_integer(l, &pe, NODE_REPLICAS, 1, NAPKIN_REPLICAS_MAX, &v.replicas) ||
	    !loader_plain_bool(l, &pe, NODE_MANAGED, &v.managed) ||
	    !plain_integer(l, &pe, NODE_X, 0, NAPKIN_COORD_MAX, &v.x) ||
	    !plain_integer(l, &pe, NODE_Y, 0, NAPKIN_COORD_MAX, &v.y) ||
	    !plain_rate(l, &pe, NODE_CAPACITY, &v.capacity) ||
	    !plain_rate(l, &pe, NODE_RPS, &v.rps))
		return false;
	v.id = (char *)id;
	v.label = (char *)label;
	v.tech = (char *)tech;
	v.notes = (char *)notes;
	/* Refused (a duplicate id, a label too long): the general way reports it. */
	if (diagram_insert_node(l->d, &v, &err) == NULL)
		return false;
	*end = after;
	return true;
}
