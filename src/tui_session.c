/*
 * Sessions: what makes a whiteboard an interview, a replay or a recorded
 * board.  The glue between the main loop (tui_main.c), files
 * (tui_file.c) and drawing (tui_draw.c) on one side, and recording
 * (session.h), interview mode (tui_interview.c) and replay
 * (tui_replay.c) on the other; each hook here is one call from there.
 *
 * The session clock counts the seconds a board has been open in napkin,
 * across sittings (a record keeps it as "elapsed"); the interview's
 * countdown and the record's times both read it.  NAPKIN_TEST_CLOCK_SCALE,
 * for tests only, makes it run that many times faster.
 *
 * Recording is on for napkin interview, for --record, and for any board
 * that already carries a record (so its record keeps leading to it).
 */
#include "tui_interview.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "session.h"

bool
tui_session_open(struct tui *t, const struct tui_options *options)
{
	const char *scale = getenv("NAPKIN_TEST_CLOCK_SCALE");

	t->clock_scale = scale != NULL && atof(scale) > 0 ? atof(scale) : 1;
	t->clock_origin = tui_now();
	t->record = options->record;
	if (options->replay)
		return tui_replay_open(t, options);
	if (options->interview != NULL)
		return tui_interview_open(t, options);
	if (!tui_file_open(t, options))
		return false;
	tui_interview_attach(t);
	return true;
}

void
tui_session_free(struct tui *t)
{
	tui_interview_free(t);
	tui_replay_free(t);
	session_recorder_free(t->recorder);
	t->recorder = NULL;
	tui_traffic_free(t);
	tui_page_clear(&t->page);
}

double
tui_session_clock(const struct tui *t)
{
	return t->clock_offset + (tui_now() - t->clock_origin) * t->clock_scale;
}

void
tui_clock_text(double seconds, char *buf, size_t size)
{
	long s = seconds > 0 ? (long)seconds : 0;

	if (s >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

static double
recorder_clock(void *context)
{
	return tui_session_clock(context);
}

void
tui_session_note(struct tui *t, enum diagram_change change, const void *object)
{
	t->traffic_stale = true;
	if (t->recorder != NULL)
		session_recorder_note(t->recorder, change, object);
}

static bool
has_record(const struct diagram *d)
{
	return diagram_extra(d) != NULL && cJSON_GetObjectItemCaseSensitive(diagram_extra(d), "session") != NULL;
}

/* A new diagram (a file opened, a frame of a replay): record it if this session records. */
void
tui_session_adopted(struct tui *t)
{
	struct error_list errors = { 0 };

	t->traffic_stale = true;
	session_recorder_free(t->recorder);
	t->recorder = NULL;
	if (t->view_only || t->replay != NULL || (!t->record && !has_record(t->diagram)))
		return;
	t->recorder = session_recorder_new(t->diagram, t->path != NULL ? t->path : "the board", recorder_clock, t,
	    &errors);
	if (errors.count > 0)
		tui_message(t, true, "%s", errors.messages[0]);
	error_list_clear(&errors);
	t->clock_offset = session_recorder_info(t->recorder)->elapsed;
	t->clock_origin = tui_now();
}

void
tui_session_store(struct tui *t)
{
	if (t->recorder == NULL)
		return;
	session_recorder_store(t->recorder, t->diagram);
	if (session_recorder_error(t->recorder) != NULL)
		tui_message(t, true, "%s", session_recorder_error(t->recorder));
}

unsigned
tui_session_tick(struct tui *t)
{
	unsigned changed = TUI_UNCHANGED;

	if (t->replay != NULL)
		changed |= tui_replay_tick(t);
	if (t->interview != NULL)
		changed |= tui_interview_tick(t);
	return changed;
}

int
tui_session_wait(const struct tui *t, int longest)
{
	if (t->replay != NULL)
		return tui_replay_wait(t, longest);
	if (t->interview != NULL && longest > 200)
		return 200;	/* the countdown shows seconds */
	return longest;
}

const char *
tui_session_read_only(const struct tui *t)
{
	if (t->replay != NULL)
		return "a replay only shows: open the board with napkin FILE to edit it";
	if (t->interview != NULL && tui_reveal_shown(t->interview->owner) == t)
		return "the reference design is read-only: R returns to your board";
	return NULL;
}

unsigned
tui_session_modes(const struct tui *t)
{
	return t->replay != NULL && t->mode == MODE_NORMAL ? MODE_REPLAY : 0;
}

void
tui_session_title(const struct tui *t, char *left, size_t left_size, char *right, size_t right_size,
    int *right_flags, int *right_colour)
{
	if (t->replay != NULL)
		tui_replay_title(t, left, left_size, right, right_size);
	else if (t->interview != NULL)
		tui_interview_title(t, left, left_size, right, right_size, right_flags, right_colour);
}

struct tui *
tui_session_shown(struct tui *t)
{
	struct tui *reference = tui_reveal_shown(t);

	return reference != NULL ? reference : t;
}

void
tui_session_resized(struct tui *t)
{
	tui_reveal_resized(t);
}
