/*
 * Reading a session record out of a diagram's "session" member: the info,
 * the base snapshot and the events, each event checked by playing it into
 * a model, so a record that is accepted plays back to its end.  Errors
 * read like the loader's: "board.json:812:18: session.events[41].at: ...".
 */
#include "session_model.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* More than any recorder writes; a bound on what a hand-made file may ask of us. */
#define READ_EVENTS_MAX 1000000

void
session_info_clear(struct session_info *info)
{
	free(info->template_name);
	memset(info, 0, sizeof *info);
}

void
session_data_clear(struct session_data *s)
{
	session_info_clear(&s->info);
	session_model_free(s->base);
	session_model_free(s->final);
	cJSON_Delete(s->events);
	free(s->times);
	memset(s, 0, sizeof *s);
}

static bool
read_info(struct member_reader *r, const cJSON *v, struct session_data *s)
{
	static const char *const members[] = { "template", "minutes", "elapsed", "skipped", "base_time", "folded",
		"base", "events", NULL };
	int folded = 0;

	if (!reader_object(r, v, members) ||
	    !reader_string(r, v, "template", false, SESSION_TEMPLATE_MAX, false, &s->info.template_name) ||
	    !reader_int(r, v, "minutes", false, 1, 240, &s->info.minutes) ||
	    !reader_number(r, v, "elapsed", 0, 1e9, &s->info.elapsed) ||
	    !reader_number(r, v, "skipped", 0, 1e9, &s->info.skipped) ||
	    !reader_number(r, v, "base_time", 0, 1e9, &s->base_time) ||
	    !reader_int(r, v, "folded", false, 0, 1000000000, &folded))
		return false;
	s->folded = (size_t)folded;
	return true;
}

static bool
read_events(struct member_reader *r, const cJSON *list, struct session_data *s)
{
	struct session_model *m = session_model_copy(s->base);
	double previous = s->base_time;
	bool ok = true;

	reader_enter(r, "events");
	if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) > READ_EVENTS_MAX) {
		reader_fail(r, "must be an array of at most %d events", READ_EVENTS_MAX);
		ok = false;
	}
	s->times = xcalloc(ok ? (size_t)cJSON_GetArraySize(list) + 1 : 1, sizeof *s->times);
	for (const cJSON *e = ok ? list->child : NULL; e != NULL && ok; e = e->next) {
		double t = -1;

		reader_enter_index(r, s->count);
		ok = reader_number(r, e, "t", 0, 1e9, &t);
		if (ok && (cJSON_GetObjectItemCaseSensitive(e, "t") == NULL || t < previous)) {
			reader_enter(r, "t");
			reader_fail(r, "every event needs a time, no earlier than the one before (%g)", previous);
			reader_leave(r);
			ok = false;
		}
		ok = ok && session_model_apply(m, e, r);
		reader_leave(r);
		s->times[s->count++] = previous = t;
	}
	reader_leave(r);
	if (!ok) {
		session_model_free(m);
		return false;
	}
	s->final = m;
	s->events = cJSON_Duplicate(list, true);
	if (s->info.elapsed < previous)
		s->info.elapsed = previous;
	return true;
}

bool
session_data_read(const struct diagram *d, const char *file, const char *text, size_t len,
    struct session_data *out, bool *found, struct error_list *errors)
{
	const cJSON *v = diagram_extra(d) != NULL ? cJSON_GetObjectItemCaseSensitive(diagram_extra(d), "session") : NULL;
	struct member_reader r;
	bool ok;

	memset(out, 0, sizeof *out);
	*found = v != NULL;
	if (v == NULL)
		return false;
	reader_init(&r, file, text, len, errors);
	reader_enter(&r, "session");
	out->base = session_model_new();
	ok = read_info(&r, v, out);
	if (ok && cJSON_GetObjectItemCaseSensitive(v, "base") == NULL) {
		reader_fail(&r, "missing \"base\"");
		ok = false;
	}
	if (ok) {
		reader_enter(&r, "base");
		ok = session_model_read(out->base, cJSON_GetObjectItemCaseSensitive(v, "base"), &r);
		reader_leave(&r);
	}
	ok = ok && read_events(&r, cJSON_GetObjectItemCaseSensitive(v, "events"), out);
	if (!ok)
		session_data_clear(out);
	return ok;
}
