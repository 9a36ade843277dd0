/*
 * The player (session.h): frames of a recorded session.  Opening reads
 * and checks the whole record (session_read.c) and compares where it ends
 * with the file's diagram; a frame is the base with the first events
 * applied, kept between calls so stepping forward applies only the new
 * events.
 */
#include "session_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_json.h"
#include "file_text.h"
#include "xalloc.h"

struct session_player {
	struct session_data data;
	const cJSON **events;		/* data.events' items, for O(1) access */
	struct session_model *at;	/* the base with the first `position` events applied */
	size_t position;
	bool matches;
};

struct session_player *
session_player_open(const struct diagram *d, const char *file, const char *text, size_t len,
    struct error_list *errors)
{
	struct session_player *p = xcalloc(1, sizeof *p);
	struct session_model *live;
	bool found;
	size_t i = 0;

	if (!session_data_read(d, file, text, len, &p->data, &found, errors)) {
		if (!found)
			error_list_add(errors, "%s: no session record (napkin interview and napkin --record "
			    "write one)", file);
		free(p);
		return NULL;
	}
	p->events = xcalloc(p->data.count + 1, sizeof *p->events);
	for (const cJSON *e = p->data.events->child; e != NULL; e = e->next)
		p->events[i++] = e;
	live = session_model_of(d);
	p->matches = session_model_equal(p->data.final, live);
	session_model_free(live);
	p->at = session_model_copy(p->data.base);
	return p;
}

struct session_player *
session_player_load(const char *path, struct diagram **diagram, struct error_list *errors)
{
	size_t len = 0;
	char *text = file_text_read(path, &len);
	struct diagram *d = text != NULL ? diagram_load_buffer(path, text, len, errors) :
	    diagram_load_file(path, errors);	/* says why it cannot be read */
	struct session_player *p = d != NULL ? session_player_open(d, path, text, len, errors) : NULL;

	free(text);
	if (p != NULL && diagram != NULL)
		*diagram = d;
	else
		diagram_free(d);
	return p;
}

void
session_player_free(struct session_player *p)
{
	if (p == NULL)
		return;
	session_data_clear(&p->data);
	session_model_free(p->at);
	free(p->events);
	free(p);
}

const struct session_info *
session_player_info(const struct session_player *p)
{
	return &p->data.info;
}

size_t
session_player_count(const struct session_player *p)
{
	return p->data.count;
}

double
session_player_start(const struct session_player *p)
{
	return p->data.base_time;
}

size_t
session_player_folded(const struct session_player *p)
{
	return p->data.folded;
}

double
session_player_time(const struct session_player *p, size_t i)
{
	if (i < p->data.count)
		return p->data.times[i];
	return p->data.info.elapsed;
}

size_t
session_player_count_at(const struct session_player *p, double t)
{
	size_t low = 0, high = p->data.count;

	/* Times never decrease: the first event later than t. */
	while (low < high) {
		size_t mid = low + (high - low) / 2;

		if (p->data.times[mid] <= t)
			low = mid + 1;
		else
			high = mid;
	}
	return low;
}

bool
session_player_matches(const struct session_player *p)
{
	return p->matches;
}

void
session_player_describe(const struct session_player *p, size_t i, char *buf, size_t size)
{
	const cJSON *e, *op, *what = NULL;
	size_t len;

	buf[0] = '\0';
	if (i >= p->data.count)
		return;
	e = p->events[i];
	op = cJSON_GetObjectItemCaseSensitive(e, "op");
	len = (size_t)snprintf(buf, size, "%s", op->valuestring);
	if (strchr(buf, '-') != NULL)
		*strchr(buf, '-') = ' ';	/* "add node" */
	if (strcmp(op->valuestring, "title") == 0)
		return;
	/* Name the object: its id (or ends) before the event, or the id it arrives with. */
	what = cJSON_GetObjectItemCaseSensitive(e, "id");
	if (what == NULL && cJSON_GetObjectItemCaseSensitive(e, "from") != NULL) {
		snprintf(buf + len, size - len, " %s -> %s", cJSON_GetObjectItemCaseSensitive(e, "from")->valuestring,
		    cJSON_GetObjectItemCaseSensitive(e, "to")->valuestring);
	} else {
		const cJSON *payload = cJSON_GetObjectItemCaseSensitive(e, "node");

		if (payload == NULL)
			payload = cJSON_GetObjectItemCaseSensitive(e, "edge");
		if (payload == NULL)
			payload = cJSON_GetObjectItemCaseSensitive(e, "group");
		if (what == NULL && payload != NULL)
			what = cJSON_GetObjectItemCaseSensitive(payload, "id");
		if (what == NULL && payload != NULL && cJSON_GetObjectItemCaseSensitive(payload, "from") != NULL)
			len += (size_t)snprintf(buf + len, size - len, " %s -> %s",
			    cJSON_GetObjectItemCaseSensitive(payload, "from")->valuestring,
			    cJSON_GetObjectItemCaseSensitive(payload, "to")->valuestring);
		if (cJSON_IsString(what) && len < size)
			len += (size_t)snprintf(buf + len, size - len, " %s", what->valuestring);
		/* A change lists what it changed: "change node api: x, y". */
		if (strncmp(op->valuestring, "change", 6) == 0 && payload != NULL) {
			for (const cJSON *c = payload->child; c != NULL && len < size; c = c->next)
				len += (size_t)snprintf(buf + len, size - len, "%s%s", c == payload->child ? ": " : ", ",
				    c->string);
		}
	}
}

size_t
session_player_position(const struct session_player *p)
{
	return p->position;
}

bool
session_player_step(struct session_player *p, struct diagram *d, struct napkin_error *err)
{
	struct error_list errors = { 0 };
	struct member_reader r;
	const cJSON *e;
	bool ok;

	if (p->position >= p->data.count)
		return error_set(err, "the end of the record");
	e = p->events[p->position];
	reader_init(&r, "session", NULL, 0, &errors);
	ok = session_model_apply(p->at, e, &r);
	error_list_clear(&errors);
	if (!ok)
		return error_set(err, "event %zu was refused", p->position);
	p->position++;
	return session_event_make(e, d, err);
}

struct diagram *
session_player_frame(struct session_player *p, size_t applied, struct napkin_error *err)
{
	struct error_list errors = { 0 };
	struct member_reader r;

	if (applied > p->data.count)
		applied = p->data.count;
	if (applied < p->position) {
		session_model_free(p->at);
		p->at = session_model_copy(p->data.base);
		p->position = 0;
	}
	reader_init(&r, "session", NULL, 0, &errors);
	while (p->position < applied) {
		if (!session_model_apply(p->at, p->events[p->position], &r)) {
			/* Opening checked every event; this cannot happen. */
			error_set(err, "event %zu: %s", p->position, errors.count > 0 ? errors.messages[0] : "refused");
			error_list_clear(&errors);
			return NULL;
		}
		p->position++;
	}
	error_list_clear(&errors);
	return session_model_build(p->at, err);
}
