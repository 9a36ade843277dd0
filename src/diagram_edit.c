/*
 * The editing API: every change to a diagram is validated here, turned into
 * a record and handed to history.c, which applies and remembers it.  The
 * same checks guard the loaders (they build diagrams through this API), so
 * a file can never hold what an edit could not make.
 */
#include "diagram_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "utf8.h"
#include "xalloc.h"

/* --- Checks, each naming the file-format member it guards --- */

/*
 * The length of s when every byte is printable ASCII, as in nearly every
 * id, label and tech; SIZE_MAX otherwise.  Such a string is valid UTF-8
 * without a control character, so one look at each byte checks it.
 */
static size_t
printable_ascii_length(const char *s)
{
	size_t len = 0;

	for (; s[len] != '\0'; len++) {
		if ((unsigned char)s[len] < 0x20 || (unsigned char)s[len] > 0x7e)
			return SIZE_MAX;
	}
	return len;
}

/* s, len bytes long, is UTF-8 without control characters (\n and \t too when allow_layout). */
static bool
check_encoding(const char *member, const char *s, size_t len, bool allow_layout,
    struct napkin_error *err)
{
	size_t bad;
	const char *control;
	uint32_t cp;

	if (!utf8_valid(s, len, &bad))
		return error_set_member(err, member, "%s is not valid UTF-8 (byte %zu)",
		    member, bad + 1);
	control = utf8_find_control(s, allow_layout);
	if (control != NULL) {
		utf8_decode(control, len - (size_t)(control - s), &cp);
		return error_set_member(err, member,
		    "%s contains the control character U+%04X", member, (unsigned)cp);
	}
	return true;
}

static bool
check_text(const char *member, const char *s, size_t max, bool allow_layout,
    bool allow_empty, struct napkin_error *err)
{
	size_t len = printable_ascii_length(s);
	bool printable = len != SIZE_MAX;

	if (!printable)
		len = strlen(s);
	if (len > max)
		return error_set_member(err, member, "%s is %zu bytes long; the limit is %zu",
		    member, len, max);
	if (!printable && !check_encoding(member, s, len, allow_layout, err))
		return false;
	if (len == 0 && !allow_empty)
		return error_set_member(err, member, "%s must not be empty", member);
	return true;
}

bool
diagram_valid_id(const char *id)
{
	size_t i = 0;

	/* One pass: every loaded node's id comes through here twice. */
	for (; id[i] != '\0'; i++) {
		unsigned char c = (unsigned char)id[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');

		if (i == NAPKIN_ID_MAX || (!alnum && (i == 0 || (c != '-' && c != '_' && c != '.' && c != ':'))))
			return false;
	}
	return i > 0;
}

static bool
check_id(const char *member, const char *id, struct napkin_error *err)
{
	if (diagram_valid_id(id))
		return true;
	if (!check_text(member, id, NAPKIN_ID_MAX, false, false, err))
		return false;
	return error_set_member(err, member,
	    "%s \"%s\" is not valid: use letters, digits and -_.: starting with a letter or digit",
	    member, id);
}

static bool
check_coordinates(int x, int y, struct napkin_error *err)
{
	if (x < 0 || x > NAPKIN_COORD_MAX)
		return error_set_member(err, "x", "x must be from 0 to %d, not %d", NAPKIN_COORD_MAX, x);
	if (y < 0 || y > NAPKIN_COORD_MAX)
		return error_set_member(err, "y", "y must be from 0 to %d, not %d", NAPKIN_COORD_MAX, y);
	return true;
}

static bool
check_replicas(int replicas, struct napkin_error *err)
{
	if (replicas < 1 || replicas > NAPKIN_REPLICAS_MAX)
		return error_set_member(err, "replicas", "replicas must be from 1 to %d, not %d",
		    NAPKIN_REPLICAS_MAX, replicas);
	return true;
}

static bool
check_number(const char *member, double v, double max, struct napkin_error *err)
{
	if (!isfinite(v) || v < 0 || v > max)
		return error_set_member(err, member, "%s must be a number from 0 to %g, not %g",
		    member, max, v);
	return true;
}

static bool
valid_rule_id(const char *rule)
{
	size_t len = strlen(rule);

	if (len == 0 || len > NAPKIN_RULE_MAX || !(rule[0] >= 'A' && rule[0] <= 'Z'))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!((rule[i] >= 'A' && rule[i] <= 'Z') || (rule[i] >= '0' && rule[i] <= '9')))
			return false;
	}
	return true;
}

bool
diagram_check_accept(const char *rule, const char *reason, struct napkin_error *err)
{
	if (!check_text("rule", rule, NAPKIN_RULE_MAX, false, false, err))
		return false;
	if (!valid_rule_id(rule))
		return error_set_member(err, "rule",
		    "rule \"%s\" is not a rule ID (capital letters and digits, like SPOF002)", rule);
	return check_text("reason", reason, NAPKIN_REASON_MAX, false, false, err);
}

/* An object pointer is usable when it is in the diagram right now. */
static struct node *
live_node(struct diagram *d, const struct node *n, struct napkin_error *err)
{
	if (n == NULL || n->index >= d->node_count || d->nodes[n->index] != n) {
		error_set(err, "that node is not in the diagram");
		return NULL;
	}
	return d->nodes[n->index];
}

static struct edge *
live_edge(struct diagram *d, const struct edge *e, struct napkin_error *err)
{
	if (e == NULL || e->index >= d->edge_count || d->edges[e->index] != e) {
		error_set(err, "that edge is not in the diagram");
		return NULL;
	}
	return d->edges[e->index];
}

static struct group *
live_group(struct diagram *d, const struct group *g, struct napkin_error *err)
{
	if (g == NULL || g->index >= d->group_count || d->groups[g->index] != g) {
		error_set(err, "that group is not in the diagram");
		return NULL;
	}
	return d->groups[g->index];
}

/* --- Recording --- */

static void
apply_recorded(struct diagram *d, struct record *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Apply r as a step named by fmt and what follows. */
static void
apply_recorded(struct diagram *d, struct record *r, const char *fmt, ...)
{
	char name[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof name, fmt, ap);
	va_end(ap);
	history_apply(d, r, name);
}

/*
 * Loaders build whole diagrams unrecorded: no step, so no name to make,
 * and the ids that would name it are not even read (on a big file each is
 * a cache miss in a node nothing else touches then).
 */
#define APPLY_NAMED(d, r, ...) \
	((d)->history.recording ? apply_recorded((d), (r), __VA_ARGS__) : history_apply((d), (r), NULL))

static void
change_node(struct diagram *d, struct node *n, enum field field, union field_value value,
    const char *what)
{
	struct record r = { .type = REC_NODE_FIELD, .field = field, .object.node = n, .value = value };

	APPLY_NAMED(d, &r, "%s %s", what, n->id);
}

static void
change_edge(struct diagram *d, struct edge *e, enum field field, union field_value value,
    const char *what)
{
	struct record r = { .type = REC_EDGE_FIELD, .field = field, .object.edge = e, .value = value };

	APPLY_NAMED(d, &r, "%s %s -> %s", what, e->from->id, e->to->id);
}

/* --- Title --- */

bool
diagram_set_title(struct diagram *d, const char *title, struct napkin_error *err)
{
	struct record r = { .type = REC_TITLE, .field = FIELD_LABEL };

	if (!check_text("title", title, NAPKIN_TITLE_MAX, false, true, err))
		return false;
	if (strcmp(title, d->title) == 0)
		return true;
	r.value.string = xstrdup(title);
	history_apply(d, &r, "set title");
	return true;
}

/* --- Nodes --- */

char *
diagram_unique_node_id(const struct diagram *d, const char *base)
{
	char slug[NAPKIN_ID_MAX - 8];
	size_t len = 0;
	char *id;

	/* Lower-case letters and digits; anything else becomes one '-'. */
	for (const char *p = base; *p != '\0' && len < sizeof slug - 1; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			slug[len++] = c;
		else if (len > 0 && slug[len - 1] != '-')
			slug[len++] = '-';
	}
	while (len > 0 && slug[len - 1] == '-')
		len--;
	slug[len] = '\0';
	if (len == 0)
		strcpy(slug, "node");
	if (diagram_find_node(d, slug) == NULL)
		return xstrdup(slug);
	for (unsigned long i = 2;; i++) {
		id = xasprintf("%s-%lu", slug, i);
		if (diagram_find_node(d, id) == NULL)
			return id;
		free(id);
	}
}

static bool
check_node_values(const struct diagram *d, const struct node *v, struct napkin_error *err)
{
	if ((unsigned)v->kind >= KIND_COUNT)
		return error_set_member(err, "kind", "kind %d is not a kind", (int)v->kind);
	if (v->id != NULL) {
		if (!check_id("id", v->id, err))
			return false;
		if (diagram_find_node(d, v->id) != NULL)
			return error_set_member(err, "id", "a node with id \"%s\" already exists", v->id);
	}
	if ((v->label != NULL && !check_text("label", v->label, NAPKIN_LABEL_MAX, false, false, err)) ||
	    !check_text("tech", v->tech != NULL ? v->tech : "", NAPKIN_TECH_MAX, false, true, err) ||
	    !check_text("notes", v->notes != NULL ? v->notes : "", NAPKIN_NOTES_MAX, true, true, err) ||
	    !check_replicas(v->replicas, err) ||
	    !check_coordinates(v->x, v->y, err) ||
	    !check_number("capacity", v->capacity, NAPKIN_RATE_MAX, err) ||
	    !check_number("rps", v->rps, NAPKIN_RATE_MAX, err))
		return false;
	if (v->accept_count > NAPKIN_ACCEPT_MAX)
		return error_set_member(err, "accept", "a node accepts at most %d risks, not %zu",
		    NAPKIN_ACCEPT_MAX, v->accept_count);
	for (size_t i = 0; i < v->accept_count; i++) {
		if (!diagram_check_accept(v->accepts[i].rule, v->accepts[i].reason, err))
			return false;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(v->accepts[i].rule, v->accepts[j].rule) == 0)
				return error_set_member(err, "accept", "rule %s is accepted twice",
				    v->accepts[i].rule);
		}
	}
	return true;
}

static struct accepted_risk *
accepts_copy(const struct accepted_risk *list, size_t count)
{
	struct accepted_risk *copy = count > 0 ? xcalloc(count, sizeof *copy) : NULL;

	for (size_t i = 0; i < count; i++) {
		copy[i].rule = xstrdup(list[i].rule);
		copy[i].reason = xstrdup(list[i].reason);
	}
	return copy;
}

const struct node *
diagram_insert_node(struct diagram *d, const struct node *v, struct napkin_error *err)
{
	struct node *n;
	struct record r = { .type = REC_NODE_ADD, .detached = true };
	const char *id;
	char *made = NULL;

	if (!check_node_values(d, v, err))
		return NULL;
	id = v->id;
	if (id == NULL)
		id = made = diagram_unique_node_id(d, v->label != NULL ? v->label : kind_name(v->kind));
	n = node_new(id, v->label != NULL ? v->label : id, v->tech != NULL ? v->tech : "",
	    v->notes != NULL ? v->notes : "");
	free(made);
	n->kind = v->kind;
	n->replicas = v->replicas;
	n->managed = v->managed;
	n->x = v->x;
	n->y = v->y;
	n->capacity = v->capacity;
	n->rps = v->rps;
	n->accepts = accepts_copy(v->accepts, v->accept_count);
	n->accept_count = v->accept_count;
	r.object.node = n;
	r.index = d->node_count;
	APPLY_NAMED(d, &r, "add %s", n->id);
	return n;
}

const struct node *
diagram_add_node(struct diagram *d, const char *id, enum node_kind kind, const char *label,
    int x, int y, struct napkin_error *err)
{
	struct node v = {
		.id = (char *)id, .kind = kind, .label = (char *)label,
		.replicas = 1, .x = x, .y = y
	};

	return diagram_insert_node(d, &v, err);
}

bool
diagram_delete_node(struct diagram *d, const struct node *cn, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);
	char name[NAPKIN_ID_MAX + 16];

	if (n == NULL)
		return false;
	snprintf(name, sizeof name, "delete %s", n->id);
	diagram_begin(d, name);
	/* Edges first, newest index first, so undo restores every position. */
	for (size_t i = d->edge_count; i-- > 0;) {
		struct edge *e = d->edges[i];

		if (e->from == n || e->to == n) {
			struct record r = { .type = REC_EDGE_DEL, .object.edge = e };

			history_apply(d, &r, name);
		}
	}
	if (n->group != NULL)
		change_node(d, n, FIELD_GROUP, (union field_value){ .group = NULL }, "ungroup");
	{
		struct record r = { .type = REC_NODE_DEL, .object.node = n };

		history_apply(d, &r, name);
	}
	diagram_end(d);
	return true;
}

bool
diagram_set_node_id(struct diagram *d, const struct node *cn, const char *id, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);
	const struct node *other;

	if (n == NULL || !check_id("id", id, err))
		return false;
	other = diagram_find_node(d, id);
	if (other == n)
		return true;
	if (other != NULL)
		return error_set_member(err, "id", "a node with id \"%s\" already exists", id);
	change_node(d, n, FIELD_ID, (union field_value){ .string = xstrdup(id) }, "rename id of");
	return true;
}

bool
diagram_set_node_kind(struct diagram *d, const struct node *cn, enum node_kind kind, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);

	if (n == NULL)
		return false;
	if ((unsigned)kind >= KIND_COUNT)
		return error_set_member(err, "kind", "kind %d is not a kind", (int)kind);
	if (kind != n->kind)
		change_node(d, n, FIELD_KIND, (union field_value){ .kind = kind }, "change kind of");
	return true;
}

static bool
set_node_text(struct diagram *d, const struct node *cn, enum field field, const char *member,
    const char *value, size_t max, bool multiline, bool allow_empty, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);
	const char *old;
	char what[32];

	if (n == NULL || !check_text(member, value, max, multiline, allow_empty, err))
		return false;
	old = field == FIELD_LABEL ? n->label : field == FIELD_TECH ? n->tech : n->notes;
	if (strcmp(old, value) == 0)
		return true;
	snprintf(what, sizeof what, "set %s of", member);
	change_node(d, n, field, (union field_value){ .string = xstrdup(value) }, what);
	return true;
}

bool
diagram_set_node_label(struct diagram *d, const struct node *n, const char *label, struct napkin_error *err)
{
	return set_node_text(d, n, FIELD_LABEL, "label", label, NAPKIN_LABEL_MAX, false, false, err);
}

bool
diagram_set_node_tech(struct diagram *d, const struct node *n, const char *tech, struct napkin_error *err)
{
	return set_node_text(d, n, FIELD_TECH, "tech", tech, NAPKIN_TECH_MAX, false, true, err);
}

bool
diagram_set_node_notes(struct diagram *d, const struct node *n, const char *notes, struct napkin_error *err)
{
	return set_node_text(d, n, FIELD_NOTES, "notes", notes, NAPKIN_NOTES_MAX, true, true, err);
}

bool
diagram_set_node_replicas(struct diagram *d, const struct node *cn, int replicas, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);

	if (n == NULL || !check_replicas(replicas, err))
		return false;
	if (replicas != n->replicas)
		change_node(d, n, FIELD_REPLICAS, (union field_value){ .integer = replicas }, "set replicas of");
	return true;
}

bool
diagram_set_node_managed(struct diagram *d, const struct node *cn, bool managed, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);

	if (n == NULL)
		return false;
	if (managed != n->managed)
		change_node(d, n, FIELD_MANAGED, (union field_value){ .flag = managed },
		    managed ? "mark managed" : "mark self-run");
	return true;
}

bool
diagram_move_node(struct diagram *d, const struct node *cn, int x, int y, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);

	if (n == NULL || !check_coordinates(x, y, err))
		return false;
	if (x != n->x || y != n->y)
		change_node(d, n, FIELD_POSITION, (union field_value){ .xy = { x, y } }, "move");
	return true;
}

static bool
set_node_number(struct diagram *d, const struct node *cn, enum field field, const char *member,
    double value, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);
	double old;
	char what[32];

	if (n == NULL || !check_number(member, value, NAPKIN_RATE_MAX, err))
		return false;
	old = field == FIELD_CAPACITY ? n->capacity : n->rps;
	if (value == old)
		return true;
	snprintf(what, sizeof what, "set %s of", member);
	change_node(d, n, field, (union field_value){ .number = value }, what);
	return true;
}

bool
diagram_set_node_capacity(struct diagram *d, const struct node *n, double capacity, struct napkin_error *err)
{
	return set_node_number(d, n, FIELD_CAPACITY, "capacity", capacity, err);
}

bool
diagram_set_node_rps(struct diagram *d, const struct node *n, double rps, struct napkin_error *err)
{
	return set_node_number(d, n, FIELD_RPS, "rps", rps, err);
}

bool
diagram_set_node_accept(struct diagram *d, const struct node *cn, const char *rule,
    const char *reason, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);
	union field_value v;
	size_t at;

	if (n == NULL)
		return false;
	if (!diagram_check_accept(rule, reason != NULL ? reason : "-", err))
		return false;
	for (at = 0; at < n->accept_count; at++) {
		if (strcmp(n->accepts[at].rule, rule) == 0)
			break;
	}
	if (reason == NULL && at == n->accept_count)
		return true;
	if (reason != NULL && at == n->accept_count && n->accept_count >= NAPKIN_ACCEPT_MAX)
		return error_set_member(err, "accept", "a node accepts at most %d risks", NAPKIN_ACCEPT_MAX);
	if (reason != NULL && at < n->accept_count && strcmp(n->accepts[at].reason, reason) == 0)
		return true;
	v.accepts.list = accepts_copy(n->accepts, n->accept_count);
	v.accepts.count = n->accept_count;
	if (reason == NULL) {
		free(v.accepts.list[at].rule);
		free(v.accepts.list[at].reason);
		memmove(&v.accepts.list[at], &v.accepts.list[at + 1],
		    (v.accepts.count - at - 1) * sizeof *v.accepts.list);
		v.accepts.count--;
	} else if (at < n->accept_count) {
		free(v.accepts.list[at].reason);
		v.accepts.list[at].reason = xstrdup(reason);
	} else {
		v.accepts.list = xreallocarray(v.accepts.list, v.accepts.count + 1, sizeof *v.accepts.list);
		v.accepts.list[v.accepts.count].rule = xstrdup(rule);
		v.accepts.list[v.accepts.count].reason = xstrdup(reason);
		v.accepts.count++;
	}
	change_node(d, n, FIELD_ACCEPTS, v, reason != NULL ? "accept risk on" : "withdraw risk on");
	return true;
}

bool
diagram_set_node_group(struct diagram *d, const struct node *cn, const struct group *cg, struct napkin_error *err)
{
	struct node *n = live_node(d, cn, err);
	struct group *g = NULL;

	if (n == NULL || (cg != NULL && (g = live_group(d, cg, err)) == NULL))
		return false;
	if (g != n->group)
		change_node(d, n, FIELD_GROUP, (union field_value){ .group = g },
		    g != NULL ? "group" : "ungroup");
	return true;
}

/* --- Edges --- */

/* diagram_connect for two nodes known to be in the diagram. */
static const struct edge *
connect_live(struct diagram *d, struct node *from, struct node *to, const char *label,
    enum edge_mode mode, struct napkin_error *err)
{
	struct edge *e;
	struct record r = { .type = REC_EDGE_ADD, .detached = true };

	if (from == to) {
		error_set_member(err, "to", "an edge cannot connect %s to itself", from->id);
		return NULL;
	}
	if (label == NULL)
		label = "";
	if (!check_text("label", label, NAPKIN_LABEL_MAX, false, true, err))
		return NULL;
	if (mode != EDGE_SYNC && mode != EDGE_ASYNC) {
		error_set_member(err, "mode", "mode %d is not a mode", (int)mode);
		return NULL;
	}
	e = edge_new(label);
	e->from = from;
	e->to = to;
	e->mode = mode;
	e->ratio = 1.0;
	e->uid = d->next_edge_uid++;
	r.object.edge = e;
	r.index = d->edge_count;
	APPLY_NAMED(d, &r, "connect %s -> %s", from->id, to->id);
	return e;
}

const struct edge *
diagram_connect(struct diagram *d, const struct node *cfrom, const struct node *cto,
    const char *label, enum edge_mode mode, struct napkin_error *err)
{
	struct node *from = live_node(d, cfrom, err);
	struct node *to = from != NULL ? live_node(d, cto, err) : NULL;

	if (from == NULL || to == NULL)
		return NULL;
	return connect_live(d, from, to, label, mode, err);
}

/*
 * Nodes found by id are in the diagram: no pointer to check, which on a
 * big file saves two cache misses per end (the node, then the array).
 */
const struct edge *
diagram_connect_ids(struct diagram *d, const char *from_id, const char *to_id, const char *label,
    enum edge_mode mode, struct napkin_error *err)
{
	struct node *from = strmap_get(d->node_ids, from_id), *to = strmap_get(d->node_ids, to_id);

	if (from == NULL || to == NULL) {
		error_set_member(err, from == NULL ? "from" : "to", "\"%s\" names no node",
		    from == NULL ? "from" : "to");
		return NULL;
	}
	return connect_live(d, from, to, label, mode, err);
}

bool
diagram_disconnect(struct diagram *d, const struct edge *ce, struct napkin_error *err)
{
	struct edge *e = live_edge(d, ce, err);
	struct record r = { .type = REC_EDGE_DEL };

	if (e == NULL)
		return false;
	r.object.edge = e;
	APPLY_NAMED(d, &r, "disconnect %s -> %s", e->from->id, e->to->id);
	return true;
}

bool
diagram_set_edge_label(struct diagram *d, const struct edge *ce, const char *label, struct napkin_error *err)
{
	struct edge *e = live_edge(d, ce, err);

	if (e == NULL || !check_text("label", label, NAPKIN_LABEL_MAX, false, true, err))
		return false;
	if (strcmp(label, e->label) != 0)
		change_edge(d, e, FIELD_LABEL, (union field_value){ .string = xstrdup(label) }, "label");
	return true;
}

bool
diagram_set_edge_mode(struct diagram *d, const struct edge *ce, enum edge_mode mode, struct napkin_error *err)
{
	struct edge *e = live_edge(d, ce, err);

	if (e == NULL)
		return false;
	if (mode != EDGE_SYNC && mode != EDGE_ASYNC)
		return error_set_member(err, "mode", "mode %d is not a mode", (int)mode);
	if (mode != e->mode)
		change_edge(d, e, FIELD_MODE, (union field_value){ .mode = mode },
		    mode == EDGE_ASYNC ? "make async" : "make sync");
	return true;
}

bool
diagram_set_edge_ratio(struct diagram *d, const struct edge *ce, double ratio, struct napkin_error *err)
{
	struct edge *e = live_edge(d, ce, err);

	if (e == NULL || !check_number("ratio", ratio, NAPKIN_RATIO_MAX, err))
		return false;
	if (ratio != e->ratio)
		change_edge(d, e, FIELD_RATIO, (union field_value){ .number = ratio }, "set ratio of");
	return true;
}

/* --- Groups --- */

const struct group *
diagram_add_group(struct diagram *d, const char *id, const char *label, struct napkin_error *err)
{
	struct group *g;
	struct record r = { .type = REC_GROUP_ADD, .detached = true };

	if (!check_id("id", id, err))
		return NULL;
	if (diagram_find_group(d, id) != NULL) {
		error_set_member(err, "id", "a group with id \"%s\" already exists", id);
		return NULL;
	}
	if (label == NULL)
		label = id;
	if (!check_text("label", label, NAPKIN_LABEL_MAX, false, false, err))
		return NULL;
	g = xcalloc(1, sizeof *g);
	g->id = xstrdup(id);
	g->label = xstrdup(label);
	r.object.group = g;
	r.index = d->group_count;
	APPLY_NAMED(d, &r, "add group %s", id);
	return g;
}

bool
diagram_delete_group(struct diagram *d, const struct group *cg, struct napkin_error *err)
{
	struct group *g = live_group(d, cg, err);
	char name[NAPKIN_ID_MAX + 32];

	if (g == NULL)
		return false;
	snprintf(name, sizeof name, "delete group %s", g->id);
	diagram_begin(d, name);
	for (size_t i = 0; i < d->node_count; i++) {
		if (d->nodes[i]->group == g)
			change_node(d, d->nodes[i], FIELD_GROUP, (union field_value){ .group = NULL }, "ungroup");
	}
	{
		struct record r = { .type = REC_GROUP_DEL, .object.group = g };

		history_apply(d, &r, name);
	}
	diagram_end(d);
	return true;
}

bool
diagram_set_group_label(struct diagram *d, const struct group *cg, const char *label, struct napkin_error *err)
{
	struct group *g = live_group(d, cg, err);
	struct record r = { .type = REC_GROUP_FIELD, .field = FIELD_LABEL };

	if (g == NULL || !check_text("label", label, NAPKIN_LABEL_MAX, false, false, err))
		return false;
	if (strcmp(label, g->label) == 0)
		return true;
	r.object.group = g;
	r.value.string = xstrdup(label);
	APPLY_NAMED(d, &r, "label group %s", g->id);
	return true;
}
