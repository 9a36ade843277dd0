/*
 * Reading expectations from a template (docs/templates.md,
 * "Expectations"): each member is checked against what its check takes,
 * so a typo ("form" for "from", a kind "cahce", a rule "SPF002") is an
 * error with the line and column, never a check that silently passes.
 */
#include "expect.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "member_reader.h"
#include "xalloc.h"

#define WORD_MAX 40

static const char *const check_names[] = {
	"exists", "edge", "path", "every_path", "replicas", "no_findings", "no_overload", "estimates"
};

/* Members each check takes besides id, text, why and check; required ones first, marked '!'. */
static const char *const check_members[][7] = {
	[EXPECT_EXISTS] = { "!select", "min", NULL },
	[EXPECT_EDGE] = { "!from", "!to", "mode", NULL },
	[EXPECT_PATH] = { "!from", "!to", "via", "mode", NULL },
	[EXPECT_EVERY_PATH] = { "!from", "!to", "!via", "mode", NULL },
	[EXPECT_REPLICAS] = { "!select", "min", NULL },
	[EXPECT_NO_FINDINGS] = { "rules", "severity", "from", "to", "mode", NULL },
	[EXPECT_NO_OVERLOAD] = { "select", "headroom", NULL },
	[EXPECT_ESTIMATES] = { "!select", NULL },
};

const char *
expect_check_name(enum expect_check check)
{
	return (unsigned)check < sizeof check_names / sizeof check_names[0] ? check_names[check] : "?";
}

static void
selector_free(struct expect_selector *s)
{
	if (s->calls != NULL) {
		selector_free(s->calls);
		free(s->calls);
	}
	if (s->called_by != NULL) {
		selector_free(s->called_by);
		free(s->called_by);
	}
	reader_free_strings(s->words, s->word_count);
	memset(s, 0, sizeof *s);
}

static bool parse_selector(struct member_reader *r, const cJSON *v, int depth, struct expect_selector *s);

static bool
parse_nested(struct member_reader *r, const cJSON *obj, const char *key, int depth,
    struct expect_selector **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	bool ok;

	if (v == NULL)
		return true;
	reader_enter(r, key);
	if (depth >= EXPECT_SELECTOR_DEPTH) {
		reader_fail(r, "selectors nest at most %d deep", EXPECT_SELECTOR_DEPTH);
		reader_leave(r);
		return false;
	}
	*out = xcalloc(1, sizeof **out);
	ok = parse_selector(r, v, depth + 1, *out);
	reader_leave(r);
	return ok;
}

static bool
parse_kinds(struct member_reader *r, const cJSON *obj, unsigned *kinds)
{
	char **names;
	size_t count;
	bool ok = reader_strings(r, obj, "kind", false, 16, &names, &count);

	for (size_t i = 0; i < count && ok; i++) {
		enum node_kind kind;

		if (kind_from_name(names[i], &kind)) {
			*kinds |= 1u << kind;
			continue;
		}
		reader_enter(r, "kind");
		reader_fail(r, "unknown kind \"%s\" (napkin --help lists the kinds)", names[i]);
		reader_leave(r);
		ok = false;
	}
	reader_free_strings(names, count);
	return ok;
}

static bool
parse_selector(struct member_reader *r, const cJSON *v, int depth, struct expect_selector *s)
{
	static const char *const members[] = { "kind", "words", "calls", "called_by", NULL };

	return reader_object(r, v, members) && parse_kinds(r, v, &s->kinds) &&
	    reader_strings(r, v, "words", false, WORD_MAX, &s->words, &s->word_count) &&
	    parse_nested(r, v, "calls", depth, &s->calls) &&
	    parse_nested(r, v, "called_by", depth, &s->called_by);
}

static bool
parse_selector_member(struct member_reader *r, const cJSON *obj, const char *key, struct expect_selector *s,
    bool *present)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	bool ok;

	if (present != NULL)
		*present = v != NULL;
	if (v == NULL)
		return true;
	reader_enter(r, key);
	ok = parse_selector(r, v, 1, s);
	reader_leave(r);
	return ok;
}

static bool
parse_choice(struct member_reader *r, const cJSON *obj, const char *key, const char *const *names,
    size_t count, int *out)
{
	char *name;
	bool ok = reader_string(r, obj, key, false, 32, false, &name);

	if (!ok || name == NULL)
		return ok;
	ok = false;
	for (size_t i = 0; i < count && !ok; i++) {
		if (strcmp(name, names[i]) == 0) {
			*out = (int)i;
			ok = true;
		}
	}
	if (!ok) {
		char list[256];
		size_t o = 0;

		for (size_t i = 0; i < count && o < sizeof list; i++)
			o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i == 0 ? "" : i + 1 == count ? " or " : ", ",
			    names[i]);
		reader_enter(r, key);
		reader_fail(r, "\"%s\" is not %s", name, list);
		reader_leave(r);
	}
	free(name);
	return ok;
}

/* A rule ID ("SPOF002") or a family: the letters some rule IDs start with ("SPOF"). */
static bool
known_rule(char *rule)
{
	size_t letters = 0;

	for (char *p = rule; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	if (critique_rule_find(rule) != NULL)
		return true;
	while (isupper((unsigned char)rule[letters]))
		letters++;
	if (letters == 0 || rule[letters] != '\0')
		return false;
	for (size_t i = 0; i < critique_rule_count(); i++) {
		const char *id = critique_rule_at(i)->id;

		if (strncmp(id, rule, letters) == 0 && isdigit((unsigned char)id[letters]))
			return true;
	}
	return false;
}

static bool
parse_rules(struct member_reader *r, const cJSON *obj, struct expectation *x)
{
	static const char *const severities[] = { "error", "warning", "note" };
	int severity = SEVERITY_NOTE;
	bool ok = reader_strings(r, obj, "rules", false, 16, &x->rules, &x->rule_count) &&
	    parse_choice(r, obj, "severity", severities, 3, &severity);

	for (size_t i = 0; i < x->rule_count && ok; i++) {
		if (!known_rule(x->rules[i])) {
			reader_enter(r, "rules");
			reader_enter_index(r, i);
			reader_fail(r, "no rule or rule family \"%s\" (napkin rules lists them)", x->rules[i]);
			reader_leave(r);
			reader_leave(r);
			ok = false;
		}
	}
	x->severity = (enum critique_severity)severity;
	return ok;
}

/* The members of x's check, after "check" itself is known. */
static bool
parse_body(struct member_reader *r, const cJSON *v, struct expectation *x)
{
	static const char *const modes[] = { "any", "sync", "async" };
	const char *const *members = check_members[x->check];
	const char *known[16] = { "id", "text", "why", "check" };
	bool has_from = false, has_to = false, ok;
	int mode = EXPECT_MODE_ANY;
	size_t n = 4;

	for (size_t i = 0; members[i] != NULL; i++)
		known[n++] = members[i][0] == '!' ? members[i] + 1 : members[i];
	known[n] = NULL;
	if (!reader_object(r, v, known))
		return false;
	for (size_t i = 0; members[i] != NULL; i++) {
		if (members[i][0] == '!' && cJSON_GetObjectItemCaseSensitive(v, members[i] + 1) == NULL) {
			reader_fail(r, "a \"%s\" check needs \"%s\"", expect_check_name(x->check), members[i] + 1);
			return false;
		}
	}
	x->min = x->check == EXPECT_REPLICAS ? 2 : 1;
	ok = parse_selector_member(r, v, "select", &x->select, NULL) &&
	    parse_selector_member(r, v, "from", &x->from, &has_from) &&
	    parse_selector_member(r, v, "to", &x->to, &has_to) &&
	    parse_selector_member(r, v, "via", &x->via, &x->has_via) &&
	    parse_choice(r, v, "mode", modes, 3, &mode) &&
	    reader_int(r, v, "min", false, 1, NAPKIN_REPLICAS_MAX, &x->min) &&
	    reader_number(r, v, "headroom", 0, 0.9, &x->headroom) && parse_rules(r, v, x);
	x->mode = (enum expect_mode)mode;
	x->has_scope = has_from && has_to;
	if (ok && x->check == EXPECT_NO_FINDINGS && has_from != has_to) {
		reader_fail(r, "a scope needs both \"from\" and \"to\"");
		ok = false;
	}
	return ok;
}

static bool
parse_one(struct member_reader *r, const cJSON *v, struct expectation *x)
{
	int check = 0;

	if (!cJSON_IsObject(v)) {
		reader_fail(r, "an expectation must be an object");
		return false;
	}
	if (!reader_string(r, v, "id", true, NAPKIN_ID_MAX, false, &x->id) ||
	    !reader_string(r, v, "text", true, NAPKIN_LABEL_MAX, false, &x->text) ||
	    !reader_string(r, v, "why", false, NAPKIN_REASON_MAX, false, &x->why))
		return false;
	if (!diagram_valid_id(x->id)) {
		reader_enter(r, "id");
		reader_fail(r, "\"%s\" is not an id (letters, digits and -_.:)", x->id);
		reader_leave(r);
		return false;
	}
	if (cJSON_GetObjectItemCaseSensitive(v, "check") == NULL) {
		reader_fail(r, "missing \"check\"");
		return false;
	}
	if (!parse_choice(r, v, "check", check_names, sizeof check_names / sizeof check_names[0], &check))
		return false;
	x->check = (enum expect_check)check;
	return parse_body(r, v, x);
}

bool
expect_parse(struct member_reader *r, const cJSON *v, struct expectations *out)
{
	size_t count = 0;

	memset(out, 0, sizeof *out);
	if (!cJSON_IsArray(v)) {
		reader_fail(r, "must be an array of expectations");
		return false;
	}
	for (const cJSON *c = v->child; c != NULL; c = c->next)
		count++;
	if (count > EXPECT_MAX) {
		reader_fail(r, "%zu expectations; the limit is %d", count, EXPECT_MAX);
		return false;
	}
	out->items = xcalloc(count ? count : 1, sizeof *out->items);
	for (const cJSON *c = v->child; c != NULL; c = c->next) {
		struct expectation *x = &out->items[out->count++];
		bool ok;

		reader_enter_index(r, out->count - 1);
		ok = parse_one(r, c, x);
		for (size_t i = 0; ok && i + 1 < out->count; i++) {
			if (strcmp(out->items[i].id, x->id) == 0) {
				reader_fail(r, "id \"%s\" is used twice", x->id);
				ok = false;
			}
		}
		reader_leave(r);
		if (!ok)
			return false;
	}
	return true;
}

void
expect_free(struct expectations *e)
{
	for (size_t i = 0; i < e->count; i++) {
		struct expectation *x = &e->items[i];

		free(x->id);
		free(x->text);
		free(x->why);
		selector_free(&x->select);
		selector_free(&x->from);
		selector_free(&x->to);
		selector_free(&x->via);
		reader_free_strings(x->rules, x->rule_count);
	}
	free(e->items);
	memset(e, 0, sizeof *e);
}
