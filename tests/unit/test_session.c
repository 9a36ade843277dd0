/*
 * Session records (session_record.c, session_play.c, session_model.c):
 * every edit recorded through the observer plays back to the same
 * diagram, frame by frame and at the end, across save and load; merging
 * and folding keep the record bounded without losing the end state; a
 * record that no longer fits its file is noticed; bad records are refused
 * with line and column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_json.h"
#include "session.h"
#include "support.h"
#include "support_build.h"
#include "support_random.h"
#include "xalloc.h"

/* A session under test: the diagram, its recorder, a clock the test moves. */
struct rig {
	struct diagram *d;
	struct session_recorder *rec;
	double clock;
	double step;		/* added to the clock at every change */
	char **frames;		/* frames[k]: the diagram's JSON once event k is complete */
	size_t frame_count;
	char *current;		/* the diagram's JSON after the latest change */
};

static double
rig_clock(void *context)
{
	return ((struct rig *)context)->clock;
}

/* For recorders that never read the clock here. */
static double
no_clock(void *context)
{
	(void)context;
	return 0;
}

static void
push_frame(struct rig *g)
{
	g->frames = xreallocarray(g->frames, g->frame_count + 1, sizeof *g->frames);
	g->frames[g->frame_count++] = g->current;
	g->current = NULL;
}

/*
 * An event is complete when the next one starts: until then, changes to the
 * same object merge into it.  So the frame of an event is the diagram just
 * before the change that starts a new one (or at the end).
 */
static void
rig_observe(void *context, enum diagram_change change, const void *object)
{
	struct rig *g = context;
	size_t before = session_recorder_events(g->rec);

	g->clock += g->step;
	session_recorder_note(g->rec, change, object);
	if (session_recorder_events(g->rec) > before && g->current != NULL)
		push_frame(g);
	free(g->current);
	g->current = diagram_to_json(g->d, NULL);
}

static void
rig_start(struct rig *g, struct diagram *d, double step)
{
	struct error_list errors = { 0 };

	memset(g, 0, sizeof *g);
	g->d = d;
	g->step = step;
	g->rec = session_recorder_new(d, "board.json", rig_clock, g, &errors);
	assert_int_equal(errors.count, 0);
	diagram_set_observer(d, rig_observe, g);
}

static void
rig_stop(struct rig *g)
{
	diagram_set_observer(g->d, NULL, NULL);
	session_recorder_free(g->rec);
	diagram_free(g->d);
	for (size_t i = 0; i < g->frame_count; i++)
		free(g->frames[i]);
	free(g->frames);
	free(g->current);
}

/* Store the record, save, load: the file as napkin would read it back. */
static struct diagram *
saved_and_loaded(struct rig *g, char **text, size_t *len)
{
	struct error_list errors = { 0 };
	struct diagram *loaded;

	if (g->current != NULL)
		push_frame(g);	/* the last event is complete */
	session_recorder_store(g->rec, g->d);
	*text = diagram_to_json(g->d, len);
	loaded = diagram_load_buffer("board.json", *text, *len, &errors);
	if (loaded == NULL)
		fail_msg("%s", errors.messages[0]);
	return loaded;
}

/* d's JSON without its top-level unknown members (the record among them). */
static char *
json_without_extra(const struct diagram *d)
{
	char *text = diagram_to_json(d, NULL);
	struct error_list errors = { 0 };
	struct diagram *copy = diagram_load_buffer("copy", text, strlen(text), &errors);
	char *out;

	assert_non_null(copy);
	diagram_adopt_extra(copy, NULL);
	out = diagram_to_json(copy, NULL);
	diagram_free(copy);
	free(text);
	return out;
}

static struct session_player *
open_player(const struct diagram *d, const char *text, size_t len)
{
	struct error_list errors = { 0 };
	struct session_player *p = session_player_open(d, "board.json", text, len, &errors);

	if (p == NULL)
		fail_msg("%s", errors.messages[0]);
	return p;
}

static char *frame_json(struct session_player *p, size_t applied);

/* Store, save and load g's board; its record must play back to it exactly.  Returns the player. */
static struct session_player *
replays_to_file(struct rig *g, struct diagram **loaded, char **text)
{
	size_t len;
	struct session_player *p;
	char *want, *got;

	*loaded = saved_and_loaded(g, text, &len);
	p = open_player(*loaded, *text, len);
	assert_true(session_player_matches(p));
	want = json_without_extra(*loaded);
	got = frame_json(p, session_player_count(p));
	assert_string_equal(got, want);
	free(got);
	free(want);
	return p;
}

static char *
frame_json(struct session_player *p, size_t applied)
{
	struct napkin_error err;
	struct diagram *f = session_player_frame(p, applied, &err);
	char *text;

	if (f == NULL)
		fail_msg("frame %zu: %s", applied, err.message);
	text = diagram_to_json(f, NULL);
	diagram_free(f);
	return text;
}

/*
 * Stepping from the start in place (building a frame only where an event
 * cannot be made in place) passes through exactly the recorded frames.
 */
static size_t
steps_match_frames(struct session_player *p, char **frames, size_t count)
{
	struct napkin_error err;
	struct diagram *d = session_player_frame(p, 0, &err);
	size_t in_place = 0;

	assert_non_null(d);
	assert_int_equal(session_player_count(p), count);
	for (size_t k = 1; k <= count; k++) {
		char *got;

		if (session_player_step(p, d, &err)) {
			in_place++;
		} else {
			diagram_free(d);
			d = session_player_frame(p, k, &err);
			assert_non_null(d);
		}
		assert_int_equal(session_player_position(p), k);
		got = diagram_to_json(d, NULL);
		assert_string_equal(got, frames[k - 1]);
		free(got);
	}
	assert_false(session_player_step(p, d, &err));
	diagram_free(d);
	return in_place;
}

/* Every edit the API offers, undo and redo among them. */
static void
edit_everything(struct diagram *d)
{
	struct napkin_error err;
	const struct node *api, *db, *cache;
	const struct group *g;
	const struct edge *e;

	assert_true(diagram_set_title(d, "Links", &err));
	build_node(d, "users", KIND_CLIENT, 1, 0, 2000);
	api = build_node(d, "api", KIND_SERVICE, 2, 500, 0);
	db = build_node(d, "db", KIND_DB, 1, 3000, 0);
	cache = build_node(d, "cache", KIND_CACHE, 1, 0, 0);
	build_edge(d, "users", "api", EDGE_SYNC, 1);
	e = build_edge(d, "api", "db", EDGE_SYNC, 0.25);
	build_edge(d, "api", "cache", EDGE_SYNC, 1);
	assert_true(diagram_set_node_label(d, api, "Link API", &err));
	assert_true(diagram_set_node_tech(d, api, "Go", &err));
	assert_true(diagram_set_node_notes(d, db, "Primary.\nReplica in another zone.", &err));
	assert_true(diagram_move_node(d, api, 50, 7, &err));
	assert_true(diagram_set_node_replicas(d, db, 2, &err));
	assert_true(diagram_set_node_managed(d, cache, true, &err));
	assert_true(diagram_set_node_capacity(d, db, 0, &err));	/* back to the default */
	assert_true(diagram_set_node_rps(d, diagram_find_node(d, "users"), 2500.5, &err));
	assert_true(diagram_set_edge_label(d, e, "SQL", &err));
	assert_true(diagram_set_edge_mode(d, e, EDGE_ASYNC, &err));
	assert_true(diagram_set_edge_ratio(d, e, 0.1, &err));
	assert_true(diagram_set_node_accept(d, db, "CACH001", "writes only", &err));
	g = diagram_add_group(d, "data", "Data tier", &err);
	assert_non_null(g);
	assert_true(diagram_set_node_group(d, db, g, &err));
	assert_true(diagram_set_node_group(d, cache, g, &err));
	assert_true(diagram_set_group_label(d, g, "Storage", &err));
	/* A renamed node: the edges that name it follow. */
	assert_true(diagram_set_node_id(d, api, "links", &err));
	/* Deleting a node in the middle, then undoing it, puts everything back in place. */
	assert_true(diagram_delete_node(d, api, &err));
	assert_true(diagram_undo(d));
	assert_true(diagram_delete_node(d, cache, &err));
	assert_true(diagram_undo(d));
	assert_true(diagram_redo(d));
	assert_true(diagram_delete_group(d, g, &err));
	assert_true(diagram_undo(d));
	assert_true(diagram_set_node_accept(d, db, "CACH001", NULL, &err));
	assert_true(diagram_set_title(d, "Links, v2", &err));
}

static void
test_replay_reproduces_every_frame(void **state)
{
	struct rig g;
	char *text, *want, *got;
	size_t len;
	struct diagram *loaded;
	struct session_player *p;

	(void)state;
	rig_start(&g, diagram_new(), 2.0);	/* 2 s apart: nothing merges */
	edit_everything(g.d);
	assert_null(session_recorder_error(g.rec));
	loaded = saved_and_loaded(&g, &text, &len);
	p = open_player(loaded, text, len);
	assert_true(session_player_matches(p));
	assert_int_equal(session_player_count(p), g.frame_count);
	/* Each frame is the diagram as it was right after that event, in any order of seeking. */
	for (size_t k = 1; k <= g.frame_count; k++) {
		got = frame_json(p, k);
		assert_string_equal(got, g.frames[k - 1]);
		free(got);
	}
	got = frame_json(p, 3);
	assert_string_equal(got, g.frames[2]);
	free(got);
	/* Only the undone deletions put something back before the end. */
	assert_true(steps_match_frames(p, g.frames, g.frame_count) + 6 >= g.frame_count);
	/* The last frame is the file's diagram exactly. */
	want = json_without_extra(loaded);
	got = frame_json(p, session_player_count(p));
	assert_string_equal(got, want);
	free(got);
	free(want);
	/* Times are the clock's, in order. */
	assert_true(session_player_time(p, 0) == 2.0);
	assert_true(session_player_time(p, 1) > session_player_time(p, 0));
	assert_int_equal(session_player_count_at(p, 4.0), 2);
	session_player_free(p);
	diagram_free(loaded);
	free(text);
	rig_stop(&g);
}

/* Saving a loaded board again writes the same bytes, record included. */
static void
test_record_is_byte_stable(void **state)
{
	struct rig g;
	char *text, *again;
	size_t len, len2;
	struct diagram *loaded;

	(void)state;
	rig_start(&g, diagram_new(), 0.35);
	edit_everything(g.d);
	loaded = saved_and_loaded(&g, &text, &len);
	again = diagram_to_json(loaded, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(text, again, len);
	free(again);
	free(text);
	diagram_free(loaded);
	rig_stop(&g);
}

static void
test_describe(void **state)
{
	struct rig g;
	char *text, line[128];
	size_t len;
	struct diagram *loaded;
	struct session_player *p;
	struct napkin_error err;

	(void)state;
	rig_start(&g, diagram_new(), 2.0);
	build_node(g.d, "api", KIND_SERVICE, 1, 0, 0);
	build_node(g.d, "db", KIND_DB, 1, 0, 0);
	build_edge(g.d, "api", "db", EDGE_SYNC, 1);
	assert_true(diagram_move_node(g.d, diagram_find_node(g.d, "db"), 90, 3, &err));
	assert_true(diagram_set_title(g.d, "T", &err));
	loaded = saved_and_loaded(&g, &text, &len);
	p = open_player(loaded, text, len);
	session_player_describe(p, 0, line, sizeof line);
	assert_string_equal(line, "add node api");
	session_player_describe(p, 2, line, sizeof line);
	assert_string_equal(line, "add edge api -> db");
	session_player_describe(p, 3, line, sizeof line);
	assert_string_equal(line, "change node db: x, y");
	session_player_describe(p, 4, line, sizeof line);
	assert_string_equal(line, "title");
	session_player_free(p);
	diagram_free(loaded);
	free(text);
	rig_stop(&g);
}

/* A node carried across the board in many small steps is one event a second. */
static void
test_quick_changes_merge(void **state)
{
	struct rig g;
	struct napkin_error err;
	const struct node *n;
	char *text;
	struct diagram *loaded;
	struct session_player *p;

	(void)state;
	rig_start(&g, diagram_new(), 0.1);
	n = build_node(g.d, "api", KIND_SERVICE, 1, 0, 0);
	for (int x = 1; x <= 30; x++)
		assert_true(diagram_move_node(g.d, n, x, 0, &err));
	/* 31 changes 0.1 s apart, from 0.1 to 3.1: one event for each second they span. */
	assert_int_equal(session_recorder_events(g.rec), 4);
	g.step = 5;
	assert_true(diagram_move_node(g.d, n, 40, 2, &err));
	assert_true(diagram_set_node_tech(g.d, n, "Go", &err));
	assert_int_equal(session_recorder_events(g.rec), 6);
	p = replays_to_file(&g, &loaded, &text);
	session_player_free(p);
	diagram_free(loaded);
	free(text);
	rig_stop(&g);
}

/* Past the bounds the oldest events fold into the base; the end state is kept exactly. */
static void
test_bounded(void **state)
{
	struct rig g;
	struct napkin_error err;
	const struct node *n;
	char *text, *notes = xcalloc(NAPKIN_NOTES_MAX + 1, 1);
	struct diagram *loaded;
	struct session_player *p;

	(void)state;
	rig_start(&g, diagram_new(), 2.0);
	n = build_node(g.d, "api", KIND_SERVICE, 1, 0, 0);
	for (int i = 0; i < SESSION_EVENTS_MAX + 500; i++)
		assert_true(diagram_move_node(g.d, n, i % 2 == 0 ? 10 : 20, i % 7, &err));
	assert_int_equal(session_recorder_events(g.rec), SESSION_EVENTS_MAX);
	/* Big notes: the byte budget binds before the count does. */
	for (int i = 0; i < 1000; i++) {
		memset(notes, 'a' + i % 26, NAPKIN_NOTES_MAX);
		assert_true(diagram_set_node_notes(g.d, n, notes, &err));
	}
	assert_true(session_recorder_events(g.rec) < 1000);
	p = replays_to_file(&g, &loaded, &text);
	assert_true(strlen(text) < SESSION_BYTES_MAX + 64 * 1024);
	assert_true(session_player_folded(p) > SESSION_EVENTS_MAX);
	assert_true(session_player_start(p) > 0);
	assert_true(session_player_time(p, 0) >= session_player_start(p));
	session_player_free(p);
	diagram_free(loaded);
	free(text);
	free(notes);
	rig_stop(&g);
}

/* A board saved with a record, opened again: the new edits continue it. */
static void
test_continue(void **state)
{
	struct rig g, h;
	struct napkin_error err;
	char *text, *text2;
	size_t len, first;
	struct diagram *loaded, *again;
	struct session_player *p;

	(void)state;
	rig_start(&g, diagram_new(), 2.0);
	build_node(g.d, "api", KIND_SERVICE, 1, 0, 0);
	session_recorder_info(g.rec)->template_name = xstrdup("url-shortener");
	session_recorder_info(g.rec)->minutes = 45;
	session_recorder_info(g.rec)->skipped = 12.5;
	loaded = saved_and_loaded(&g, &text, &len);
	first = session_recorder_events(g.rec);
	rig_stop(&g);

	rig_start(&h, loaded, 2.0);
	assert_int_equal(session_recorder_events(h.rec), first);
	assert_string_equal(session_recorder_info(h.rec)->template_name, "url-shortener");
	assert_int_equal(session_recorder_info(h.rec)->minutes, 45);
	assert_true(session_recorder_info(h.rec)->skipped == 12.5);
	assert_true(session_recorder_info(h.rec)->elapsed == 2.0);
	h.clock = session_recorder_info(h.rec)->elapsed;	/* the clock runs on from the last save */
	build_node(h.d, "db", KIND_DB, 1, 0, 0);
	assert_true(diagram_set_node_label(h.d, diagram_find_node(h.d, "api"), "API", &err));
	p = replays_to_file(&h, &again, &text2);
	assert_int_equal(session_player_count(p), first + 2);
	assert_true(session_player_time(p, first) == 4.0);
	session_player_free(p);
	diagram_free(again);
	free(text);
	free(text2);
	rig_stop(&h);
}

/* Edited behind napkin's back: the player says so, a new recording starts from what is there. */
static void
test_changed_outside(void **state)
{
	struct rig g;
	struct napkin_error err;
	struct error_list errors = { 0 };
	char *text;
	size_t len;
	struct diagram *loaded;
	struct session_player *p;
	struct session_recorder *rec;

	(void)state;
	rig_start(&g, diagram_new(), 2.0);
	build_node(g.d, "api", KIND_SERVICE, 1, 0, 0);
	loaded = saved_and_loaded(&g, &text, &len);
	rig_stop(&g);
	assert_true(diagram_set_node_label(loaded, diagram_find_node(loaded, "api"), "Edited", &err));
	p = open_player(loaded, NULL, 0);
	assert_false(session_player_matches(p));
	session_player_free(p);
	rec = session_recorder_new(loaded, "board.json", no_clock, NULL, &errors);
	assert_int_equal(errors.count, 1);
	assert_string_equal(errors.messages[0], "board.json: the diagram was changed outside napkin after its "
	    "session was recorded; recording starts again from here");
	assert_int_equal(session_recorder_events(rec), 0);
	assert_true(session_recorder_info(rec)->elapsed == 2.0);
	error_list_clear(&errors);
	session_recorder_free(rec);
	diagram_free(loaded);
	free(text);
}

/* A record that cannot be read is not continued: a new one starts, and says why. */
static void
test_unreadable_record_restarts(void **state)
{
	static const char text[] = "{\"napkin\": 1, \"title\": \"\", \"nodes\": [], \"edges\": [], \"groups\": [],\n"
	    "\"session\": {\"elapsed\": 30, \"base\": {\"title\": \"\", \"nodes\": [], \"edges\": [], \"groups\": []}, "
	    "\"events\": [{\"t\": 1, \"op\": \"paint\"}]}}\n";
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_buffer("b.json", text, strlen(text), &errors);
	struct session_recorder *rec;

	(void)state;
	assert_non_null(d);
	rec = session_recorder_new(d, "b.json", no_clock, NULL, &errors);
	assert_int_equal(errors.count, 1);
	assert_string_equal(errors.messages[0], "b.json: session.events[0].op: \"paint\" is not an event (add-node, "
	    "remove-edge, change-group, title, ...); recording starts again from here");
	assert_int_equal(session_recorder_events(rec), 0);
	error_list_clear(&errors);
	session_recorder_free(rec);
	diagram_free(d);
}

/* Random edits with undo and redo on a generated diagram, then replay. */
static void
test_random_edits(void **state)
{
	struct rig g;
	struct napkin_error err;
	char *text, *got;
	struct diagram *loaded;
	struct session_player *p;

	(void)state;
	random_seed(6);
	rig_start(&g, support_generate(40, 6), 0.7);
	for (int i = 0; i < 600; i++) {
		size_t count = diagram_node_count(g.d);
		const struct node *n = count > 0 ? diagram_node(g.d, random_below((uint32_t)count)) : NULL;
		const struct node *m = count > 0 ? diagram_node(g.d, random_below((uint32_t)count)) : NULL;
		size_t edges = diagram_edge_count(g.d);
		const struct edge *e = edges > 0 ? diagram_edge(g.d, random_below((uint32_t)edges)) : NULL;

		switch (random_below(10)) {
		case 0: diagram_delete_node(g.d, n, &err); break;
		case 1: diagram_add_node(g.d, NULL, KIND_CACHE, "extra", (int)random_below(900), (int)random_below(900), &err); break;
		case 2: diagram_move_node(g.d, n, (int)random_below(900), (int)random_below(900), &err); break;
		case 3: if (n != NULL && m != NULL) diagram_connect(g.d, n, m, "x", EDGE_ASYNC, &err); break;
		case 4: diagram_disconnect(g.d, e, &err); break;
		case 5: diagram_set_edge_ratio(g.d, e, random_below(100) / 7.0, &err); break;
		case 6: diagram_undo(g.d); break;
		case 7: diagram_redo(g.d); break;
		case 8: diagram_set_node_capacity(g.d, n, random_below(5000) / 3.0, &err); break;
		default: diagram_set_node_label(g.d, n, random_below(2) ? "alpha" : "beta", &err); break;
		}
	}
	assert_null(session_recorder_error(g.rec));
	p = replays_to_file(&g, &loaded, &text);
	assert_true(steps_match_frames(p, g.frames, g.frame_count) > g.frame_count / 2);
	/* Back to the start: the generated diagram as recording began. */
	got = frame_json(p, 0);
	assert_non_null(strstr(got, "\"nodes\""));
	free(got);
	session_player_free(p);
	diagram_free(loaded);
	free(text);
	rig_stop(&g);
}

/* A file whose record is wrong: refused, with the place. */
static bool
refused_with(const char *session, const char *message)
{
	char *text = xasprintf("{\"napkin\": 1, \"title\": \"\", \"nodes\": [], \"edges\": [], \"groups\": [],\n"
	    "\"session\": %s}\n", session);
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_buffer("b.json", text, strlen(text), &errors);
	struct session_player *p;
	bool ok;

	assert_non_null(d);
	p = session_player_open(d, "b.json", text, strlen(text), &errors);
	ok = p == NULL && errors.count == 1 && strcmp(errors.messages[0], message) == 0;
	if (!ok)
		print_message("session %s\n  wanted: %s\n  got: %s\n", session, message,
		    errors.count > 0 ? errors.messages[0] : "(accepted)");
	session_player_free(p);
	error_list_clear(&errors);
	diagram_free(d);
	free(text);
	return ok;
}

static void
test_bad_records(void **state)
{
	static const char base[] = "\"base\": {\"title\": \"\", \"nodes\": [], \"edges\": [], \"groups\": []}";
	static const char node[] = "{\"t\": 1, \"op\": \"add-node\", \"at\": 0, \"node\": {\"id\": \"a\", \"kind\": \"db\", "
	    "\"label\": \"A\", \"x\": 0, \"y\": 0}}";
	char *s;

	(void)state;
	assert_true(refused_with("{}", "b.json:2:12: session: missing \"base\""));
	s = xasprintf("{%s, \"events\": [{\"t\": 1, \"op\": \"add-node\", \"at\": 1, \"node\": {}}]}", base);
	assert_true(refused_with(s, "b.json:2:120: session.events[0].at: must be an integer from 0 to 0"));
	free(s);
	s = xasprintf("{%s, \"events\": [{\"t\": 1, \"op\": \"paint\"}]}", base);
	assert_true(refused_with(s, "b.json:2:102: session.events[0].op: \"paint\" is not an event (add-node, "
	    "remove-edge, change-group, title, ...)"));
	free(s);
	s = xasprintf("{%s, \"events\": [%s, {\"t\": 0.5, \"op\": \"title\", \"title\": \"x\"}]}", base, node);
	assert_true(refused_with(s, "b.json:2:195: session.events[1].t: every event needs a time, no earlier than "
	    "the one before (1)"));
	free(s);
	s = xasprintf("{%s, \"events\": [%s, {\"t\": 2, \"op\": \"remove-node\", \"at\": 0, \"id\": \"b\"}]}", base, node);
	assert_true(refused_with(s, "b.json:2:234: session.events[1].id: the node there has id \"a\""));
	free(s);
	s = xasprintf("{%s, \"events\": [%s, {\"t\": 2, \"op\": \"add-edge\", \"at\": 0, \"edge\": {\"from\": \"a\", "
	    "\"to\": \"z\", \"mode\": \"sync\"}}]}", base, node);
	assert_true(refused_with(s, "b.json:2:253: session.events[1].edge.to: no node \"z\""));
	free(s);
	s = xasprintf("{%s, \"events\": [%s, {\"t\": 2, \"op\": \"change-node\", \"at\": 0, \"id\": \"a\", "
	    "\"node\": {\"replicas\": 0}}]}", base, node);
	assert_true(refused_with(s, "b.json:2:260: session.events[1].node.replicas: must be an integer from 1 to 100000"));
	free(s);
	s = xasprintf("{%s, \"events\": [%s, %s]}", base, node, node);
	assert_true(refused_with(s, "b.json:2:240: session.events[1].node.id: a node with id \"a\" already exists"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay_reproduces_every_frame),
		cmocka_unit_test(test_record_is_byte_stable),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_quick_changes_merge),
		cmocka_unit_test(test_bounded),
		cmocka_unit_test(test_continue),
		cmocka_unit_test(test_changed_outside),
		cmocka_unit_test(test_unreadable_record_restarts),
		cmocka_unit_test(test_random_edits),
		cmocka_unit_test(test_bad_records),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
