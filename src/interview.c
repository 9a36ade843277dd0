/*
 * Reading the interview members of a template (interview.h) out of the
 * unknown members the loader kept, with member_reader.c's checks.  Only
 * the members named here are read; other unknown members are left alone
 * (they may come from a newer napkin).
 */
#include "interview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "critique.h"
#include "diagram_json.h"
#include "file_text.h"
#include "member_reader.h"
#include "utf8.h"
#include "xalloc.h"

static bool
read_prompt(struct member_reader *r, const cJSON *v, struct interview_prompt *p)
{
	static const char *const members[] = { "summary", "problem", "functional", "non_functional", "scale", NULL };
	static const char *const scale_members[] = { "users", "requests", "data", NULL };
	const cJSON *scale = cJSON_GetObjectItemCaseSensitive(v, "scale");
	bool ok;

	ok = reader_object(r, v, members) &&
	    reader_string(r, v, "summary", true, NAPKIN_LABEL_MAX, false, &p->summary) &&
	    reader_string(r, v, "problem", true, INTERVIEW_TEXT_MAX, true, &p->problem) &&
	    reader_strings(r, v, "functional", true, NAPKIN_REASON_MAX, &p->functional, &p->functional_count) &&
	    reader_strings(r, v, "non_functional", true, NAPKIN_REASON_MAX, &p->non_functional,
	    &p->non_functional_count);
	if (ok && scale == NULL) {
		reader_fail(r, "missing \"scale\"");
		return false;
	}
	if (!ok)
		return false;
	reader_enter(r, "scale");
	ok = reader_object(r, scale, scale_members) &&
	    reader_string(r, scale, "users", true, NAPKIN_REASON_MAX, false, &p->users) &&
	    reader_string(r, scale, "requests", true, NAPKIN_REASON_MAX, false, &p->requests) &&
	    reader_string(r, scale, "data", true, NAPKIN_REASON_MAX, false, &p->data);
	reader_leave(r);
	/* Summaries are one line in `napkin templates`: count columns, not bytes. */
	if (ok && utf8_width(p->summary) > INTERVIEW_SUMMARY_MAX) {
		reader_enter(r, "summary");
		reader_fail(r, "wider than %d columns", INTERVIEW_SUMMARY_MAX);
		reader_leave(r);
		ok = false;
	}
	return ok;
}

static bool
read_phases(struct member_reader *r, const cJSON *v, struct interview *iv)
{
	static const char *const members[] = { "name", "minutes", "goal", NULL };
	size_t count = 0;

	if (!cJSON_IsArray(v) || v->child == NULL) {
		reader_fail(r, "must be a non-empty array of phases");
		return false;
	}
	for (const cJSON *c = v->child; c != NULL; c = c->next)
		count++;
	if (count > INTERVIEW_PHASES_MAX) {
		reader_fail(r, "%zu phases; the limit is %d", count, INTERVIEW_PHASES_MAX);
		return false;
	}
	iv->phases = xcalloc(count, sizeof *iv->phases);
	for (const cJSON *c = v->child; c != NULL; c = c->next) {
		struct interview_phase *p = &iv->phases[iv->phase_count++];
		bool ok;

		reader_enter_index(r, iv->phase_count - 1);
		ok = reader_object(r, c, members) &&
		    reader_string(r, c, "name", true, NAPKIN_LABEL_MAX, false, &p->name) &&
		    reader_int(r, c, "minutes", true, 1, INTERVIEW_MINUTES_MAX, &p->minutes) &&
		    reader_string(r, c, "goal", false, NAPKIN_REASON_MAX, false, &p->goal);
		reader_leave(r);
		if (!ok)
			return false;
	}
	if (interview_minutes(iv) > INTERVIEW_MINUTES_MAX) {
		reader_fail(r, "the phases add up to %d minutes; the limit is %d", interview_minutes(iv),
		    INTERVIEW_MINUTES_MAX);
		return false;
	}
	return true;
}

static bool
read_finding(struct member_reader *r, const struct diagram *d, const cJSON *v, struct interview_finding *f)
{
	static const char *const members[] = { "rule", "node", "why", NULL };
	const struct critique_rule *rule;

	if (!reader_object(r, v, members) || !reader_string(r, v, "rule", true, NAPKIN_RULE_MAX, false, &f->rule) ||
	    !reader_string(r, v, "node", true, NAPKIN_ID_MAX, false, &f->node) ||
	    !reader_string(r, v, "why", false, NAPKIN_REASON_MAX, false, &f->why))
		return false;
	reader_enter(r, (rule = critique_rule_find(f->rule)) == NULL ? "rule" : "node");
	if (rule == NULL)
		reader_fail(r, "no rule \"%s\" (napkin rules lists them)", f->rule);
	else if (diagram_find_node(d, f->node) == NULL)
		reader_fail(r, "no node \"%s\" in this diagram", f->node);
	reader_leave(r);
	if (rule != NULL) {	/* as the critique spells it */
		free(f->rule);
		f->rule = xstrdup(rule->id);
	}
	return !reader_failed(r);
}

static bool
read_drill(struct member_reader *r, const struct diagram *d, const cJSON *v, struct interview *iv)
{
	static const char *const members[] = { "findings", NULL };
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(v, "findings");
	bool ok = reader_object(r, v, members);

	iv->is_drill = true;
	if (!ok)
		return false;
	reader_enter(r, "findings");
	if (!cJSON_IsArray(list) || list->child == NULL) {
		reader_fail(r, "a drill lists the findings it is meant to produce");
		ok = false;
	}
	for (const cJSON *c = ok ? list->child : NULL; c != NULL && ok; c = c->next) {
		iv->findings = xreallocarray(iv->findings, iv->finding_count + 1, sizeof *iv->findings);
		memset(&iv->findings[iv->finding_count], 0, sizeof *iv->findings);
		reader_enter_index(r, iv->finding_count);
		ok = read_finding(r, d, c, &iv->findings[iv->finding_count++]);
		reader_leave(r);
	}
	reader_leave(r);
	return ok;
}

/* Every node's "role", if it has one, is a short line of text. */
static bool
read_roles(struct member_reader *r, const struct diagram *d)
{
	bool ok = true;

	for (size_t i = 0; i < diagram_node_count(d) && ok; i++) {
		const struct node *n = diagram_node(d, i);
		char *role = NULL;

		if (n->extra == NULL || cJSON_GetObjectItemCaseSensitive(n->extra, "role") == NULL)
			continue;
		reader_enter(r, "nodes");
		reader_enter_index(r, i);
		ok = reader_string(r, n->extra, "role", true, NAPKIN_LABEL_MAX, false, &role);
		reader_leave(r);
		reader_leave(r);
		free(role);
	}
	return ok;
}

/* Read top-level member key with read(), positioned at it; absent is fine. */
#define READ_MEMBER(r, extra, key, call) do {					\
	const cJSON *v_ = cJSON_GetObjectItemCaseSensitive((extra), (key));	\
	if (v_ != NULL && !reader_failed(r)) {					\
		reader_enter((r), (key));					\
		(void)(call);							\
		reader_leave(r);						\
	}									\
} while (0)

struct interview *
interview_read(const struct diagram *d, const char *file, const char *text, size_t len,
    struct error_list *errors)
{
	struct interview *iv = xcalloc(1, sizeof *iv);
	const cJSON *extra = diagram_extra(d);
	struct member_reader r;

	reader_init(&r, file, text, len, errors);
	if (extra != NULL) {
		READ_MEMBER(&r, extra, "prompt", iv->has_prompt = read_prompt(&r, v_, &iv->prompt));
		READ_MEMBER(&r, extra, "phases", read_phases(&r, v_, iv));
		READ_MEMBER(&r, extra, "expectations", expect_parse(&r, v_, &iv->expectations));
		READ_MEMBER(&r, extra, "drill", read_drill(&r, d, v_, iv));
	}
	if (!reader_failed(&r))
		read_roles(&r, d);
	if (reader_failed(&r)) {
		interview_free(iv);
		return NULL;
	}
	return iv;
}

struct interview *
interview_load_file(const char *path, struct diagram **diagram, struct error_list *errors)
{
	struct interview *iv = NULL;
	size_t len = 0;
	char *text = file_text_read(path, &len);
	struct diagram *d;

	if (text == NULL) {
		d = diagram_load_file(path, errors);	/* says why */
		diagram_free(d);
		*diagram = NULL;
		return NULL;
	}
	d = diagram_load_buffer(path, text, len, errors);
	if (d != NULL)
		iv = interview_read(d, path, text, len, errors);
	free(text);
	if (iv == NULL) {
		diagram_free(d);
		d = NULL;
	}
	*diagram = d;
	return iv;
}

void
interview_free(struct interview *iv)
{
	if (iv == NULL)
		return;
	free(iv->prompt.summary);
	free(iv->prompt.problem);
	reader_free_strings(iv->prompt.functional, iv->prompt.functional_count);
	reader_free_strings(iv->prompt.non_functional, iv->prompt.non_functional_count);
	free(iv->prompt.users);
	free(iv->prompt.requests);
	free(iv->prompt.data);
	for (size_t i = 0; i < iv->phase_count; i++) {
		free(iv->phases[i].name);
		free(iv->phases[i].goal);
	}
	free(iv->phases);
	expect_free(&iv->expectations);
	for (size_t i = 0; i < iv->finding_count; i++) {
		free(iv->findings[i].rule);
		free(iv->findings[i].node);
		free(iv->findings[i].why);
	}
	free(iv->findings);
	free(iv);
}

int
interview_minutes(const struct interview *iv)
{
	int total = 0;

	for (size_t i = 0; i < iv->phase_count; i++)
		total += iv->phases[i].minutes;
	return total;
}

long
interview_phase_at(const struct interview *iv, double elapsed, double *left)
{
	double end = 0;

	for (size_t i = 0; i < iv->phase_count; i++) {
		end += 60.0 * iv->phases[i].minutes;
		if (elapsed < end) {
			if (left != NULL)
				*left = end - (elapsed > 0 ? elapsed : 0);
			return (long)i;
		}
	}
	if (left != NULL)
		*left = 0;
	return -1;
}

const char *
interview_node_role(const struct node *n)
{
	const cJSON *role = n->extra != NULL ? cJSON_GetObjectItemCaseSensitive(n->extra, "role") : NULL;

	return cJSON_IsString(role) ? role->valuestring : NULL;
}
