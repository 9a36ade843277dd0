/*
 * napkin replay: a recorded board played back in a read-only whiteboard.
 * Each step shows the frame after one more event: a step forward makes
 * the event on the board in place, anything else builds the frame
 * (session.h);
 * playing waits between events as long as they were apart, divided by the
 * speed, but never more than GAP_MAX seconds, so a long think does not
 * stall the replay.  Space pauses, n and N step, ^ and $ jump to the ends,
 * + and - change the speed; the cursor, the panel, / and ? work as in
 * --view.  At the end the title bar says whether the last frame is the
 * board as saved.
 */
#include "tui_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "xalloc.h"

#define GAP_MAX 1.5		/* seconds on screen between two events, at most */
#define SPEED_MIN 0.25
#define SPEED_MAX 1000
#define DEFAULT_SPEED 10

struct tui_replay {
	struct session_player *player;
	double speed;
	bool playing;
	size_t applied;		/* events in the frame shown */
	double shown_at;	/* tui_now() when it was shown */
	double due;		/* tui_now() when the next event is due, while playing */
	long second_shown;	/* of the clock in the title bar */
};

static double
event_time(const struct tui_replay *r, size_t applied)
{
	/* The frame after `applied` events was made at the last one's time. */
	return applied == 0 ? session_player_start(r->player) : session_player_time(r->player, applied - 1);
}

static void
schedule(struct tui_replay *r)
{
	double gap = session_player_time(r->player, r->applied) - event_time(r, r->applied);

	r->due = tui_now() + fmin(gap / r->speed, GAP_MAX);
}

/* Show the frame after `applied` events. */
static unsigned
show(struct tui *t, size_t applied)
{
	struct tui_replay *r = t->replay;
	struct napkin_error err;
	size_t count = session_player_count(r->player);
	char what[160], clock[16];

	/* One step forward changes the board in place: the scene redoes only what it touched. */
	if (t->diagram != NULL && applied == r->applied + 1 && session_player_position(r->player) == r->applied &&
	    session_player_step(r->player, t->diagram, &err)) {
		tui_check_selection(t);
	} else {
		struct diagram *d = session_player_frame(r->player, applied, &err);

		if (d == NULL) {
			tui_message(t, true, "%s", err.message);
			r->playing = false;
			return TUI_REDRAW;
		}
		tui_file_adopt(t, d);
		diagram_set_recording(d, false);	/* nothing here is undone */
	}
	r->applied = applied;
	r->shown_at = tui_now();
	tui_clock_text(event_time(r, applied), clock, sizeof clock);
	if (applied == count) {
		r->playing = false;
		tui_message(t, !session_player_matches(r->player), "%s", session_player_matches(r->player) ?
		    "the end: this is the board as saved" :
		    "the end of the record, but the file differs: it was edited outside a recorded session");
	} else if (applied == 0) {
		tui_message(t, false, "[%s] the start%s", clock, session_player_folded(r->player) > 0 ?
		    " of what the record kept" : "");
	} else {
		session_player_describe(r->player, applied - 1, what, sizeof what);
		tui_message(t, false, "[%s] %zu/%zu %s", clock, applied, count, what);
	}
	return TUI_MODEL | TUI_REDRAW;
}

bool
tui_replay_open(struct tui *t, const struct tui_options *o)
{
	struct error_list errors = { 0 };
	struct session_player *p = session_player_load(o->path, NULL, &errors);
	struct tui_replay *r;
	char total[16];

	error_list_print(&errors, stderr);
	error_list_clear(&errors);
	if (p == NULL)
		return false;
	r = xcalloc(1, sizeof *r);
	r->player = p;
	r->speed = o->speed > 0 ? o->speed : DEFAULT_SPEED;
	r->second_shown = -1;
	t->replay = r;
	t->view_only = true;
	t->next_poll = HUGE_VAL;	/* a viewer, but of the record: never reload the file */
	t->path = xstrdup(o->path);
	show(t, o->start_at ? session_player_count_at(p, o->at) : 0);
	if (t->diagram == NULL)
		return false;
	if (diagram_node_count(t->diagram) > 0)
		tui_focus_node(t, diagram_node(t->diagram, 0));
	r->playing = !o->start_at && session_player_count(p) > 0;
	schedule(r);
	tui_clock_text(session_player_time(p, session_player_count(p)), total, sizeof total);
	if (!o->start_at)
		tui_message(t, false, "%zu edits over %s at %gx: space pauses, n and N step, ? lists the keys",
		    session_player_count(p), total, r->speed);
	return true;
}

void
tui_replay_free(struct tui *t)
{
	if (t->replay == NULL)
		return;
	session_player_free(t->replay->player);
	free(t->replay);
	t->replay = NULL;
}

static double clock_now(const struct tui_replay *r);

unsigned
tui_replay_tick(struct tui *t)
{
	struct tui_replay *r = t->replay;
	unsigned changed = TUI_UNCHANGED;
	long second;

	if (!r->playing)
		return TUI_UNCHANGED;
	if (tui_now() >= r->due && t->mode == MODE_NORMAL) {
		changed |= show(t, r->applied + 1);
		if (r->playing)
			schedule(r);
	}
	second = (long)clock_now(r);
	if (second != r->second_shown) {
		r->second_shown = second;
		changed |= TUI_REDRAW;	/* the clock in the title bar */
	}
	return changed;
}

int
tui_replay_wait(const struct tui *t, int longest)
{
	const struct tui_replay *r = t->replay;
	int ms;

	if (!r->playing || t->mode != MODE_NORMAL)
		return longest;	/* steps wait while help or a prompt is open */
	ms = (int)((r->due - tui_now()) * 1000);
	return ms < 10 ? 10 : ms < 200 ? ms : 200;
}

/* The session clock of what is on screen: between two events it runs on, at the speed. */
static double
clock_now(const struct tui_replay *r)
{
	double at = event_time(r, r->applied);

	if (!r->playing)
		return at;
	return fmin(at + (tui_now() - r->shown_at) * r->speed, session_player_time(r->player, r->applied));
}

void
tui_replay_title(const struct tui *t, char *left, size_t left_size, char *right, size_t right_size)
{
	const struct tui_replay *r = t->replay;
	size_t count = session_player_count(r->player);
	char now[16], total[16];
	const char *state;

	snprintf(left, left_size, " napkin replay  %s%s%s", t->path, diagram_title(t->diagram)[0] != '\0' ?
	    (t->ascii ? "  - " : "  \xe2\x80\x94 ") : "", diagram_title(t->diagram));
	tui_clock_text(clock_now(r), now, sizeof now);
	tui_clock_text(session_player_time(r->player, count), total, sizeof total);
	if (r->applied == count)
		state = t->ascii ? "[] end" : "\xe2\x96\xa0 end";
	else if (r->playing)
		state = t->ascii ? ">" : "\xe2\x96\xb6";
	else
		state = t->ascii ? "||" : "\xe2\x80\x96";
	snprintf(right, right_size, "%s %gx  %zu/%zu  %s / %s%s ", state, r->speed, r->applied, count, now, total,
	    r->applied < count ? "" : session_player_matches(r->player) ? "  = saved" : "  != saved");
}

static unsigned
not_replaying(struct tui *t)
{
	tui_message(t, true, "only in napkin replay FILE");
	return TUI_REDRAW;
}

static unsigned
pause_and_show(struct tui *t, size_t applied)
{
	t->replay->playing = false;
	return show(t, applied);
}

unsigned
tui_replay_play(struct tui *t, const char *arg)
{
	struct tui_replay *r = t->replay;
	unsigned changed = TUI_REDRAW;

	(void)arg;
	if (r == NULL)
		return not_replaying(t);
	if (r->playing) {
		r->playing = false;
		tui_message(t, false, "paused: space plays, n and N step");
		return TUI_REDRAW;
	}
	if (r->applied == session_player_count(r->player))
		changed |= show(t, 0);	/* from the start again */
	r->playing = r->applied < session_player_count(r->player);
	schedule(r);
	return changed;
}

unsigned
tui_replay_step(struct tui *t, const char *arg)
{
	(void)arg;
	if (t->replay == NULL)
		return not_replaying(t);
	if (t->replay->applied == session_player_count(t->replay->player)) {
		t->replay->playing = false;
		return show(t, t->replay->applied);	/* says it is the end */
	}
	return pause_and_show(t, t->replay->applied + 1);
}

unsigned
tui_replay_back(struct tui *t, const char *arg)
{
	(void)arg;
	if (t->replay == NULL)
		return not_replaying(t);
	return pause_and_show(t, t->replay->applied > 0 ? t->replay->applied - 1 : 0);
}

unsigned
tui_replay_first(struct tui *t, const char *arg)
{
	(void)arg;
	return t->replay != NULL ? pause_and_show(t, 0) : not_replaying(t);
}

unsigned
tui_replay_last(struct tui *t, const char *arg)
{
	(void)arg;
	return t->replay != NULL ? pause_and_show(t, session_player_count(t->replay->player)) : not_replaying(t);
}

static unsigned
set_speed(struct tui *t, double factor)
{
	struct tui_replay *r = t->replay;

	if (r == NULL)
		return not_replaying(t);
	r->speed = fmax(SPEED_MIN, fmin(SPEED_MAX, r->speed * factor));
	if (r->playing)
		schedule(r);
	tui_message(t, false, "speed %gx", r->speed);
	return TUI_REDRAW;
}

unsigned
tui_replay_faster(struct tui *t, const char *arg)
{
	(void)arg;
	return set_speed(t, 2);
}

unsigned
tui_replay_slower(struct tui *t, const char *arg)
{
	(void)arg;
	return set_speed(t, 0.5);
}
