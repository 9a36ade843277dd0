/*
 * Session records: every edit of a whiteboard session with the time it was
 * made, kept in the file's "session" member, so that `napkin replay` can
 * show how the board grew.  docs/format.md ("Session records") describes
 * the member.
 *
 * The recorder listens to the model's change stream: whoever owns the
 * diagram forwards each observer notification to session_recorder_note(),
 * so whatever changes the diagram -- a key, a `:` command, the mouse, undo
 * -- is recorded alike.  Each change becomes an event about one object at
 * its index (add, remove or change a node, edge or group; the title).
 * The recorder keeps a shadow of the diagram that it updates by applying
 * its own events, exactly as replay will, so what is recorded is what
 * replay rebuilds.
 *
 * Bounds: changes to one object in quick succession (a node carried across
 * the board) merge into one event; past SESSION_EVENTS_MAX events or
 * SESSION_BYTES_MAX bytes the oldest events are folded into the "base"
 * snapshot the replay starts from, so a record never outgrows a few MB.
 *
 * Ownership: recorders and players copy what they keep from the diagram;
 * strings in struct session_info belong to whoever holds it.
 */
#ifndef NAPKIN_SESSION_H
#define NAPKIN_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "diagram.h"
#include "errors.h"

#define SESSION_EVENTS_MAX	5000
#define SESSION_BYTES_MAX	((size_t)2 << 20)	/* of events, as compact JSON */
#define SESSION_COALESCE_SECONDS 1.0
#define SESSION_TEMPLATE_MAX	256	/* bytes of a template name or path */

/* What a session is about, besides its edits. */
struct session_info {
	char *template_name;	/* the interview's template, as given to napkin interview; or NULL */
	int minutes;		/* the interview's length; 0 outside an interview */
	double elapsed;		/* seconds on the session clock when the file was saved */
	double skipped;		/* seconds of phase time skipped by moving to the next phase early */
};

/* --- Recording --- */

/* Seconds on the session clock: 0 when recording began (plus any earlier sittings). */
typedef double (*session_clock)(void *context);

struct session_recorder;

/*
 * Record the edits made to d from now on.  When d carries a session record
 * that leads exactly to its contents (a board saved by napkin), the new
 * edits continue it, and its info is kept; otherwise recording starts
 * afresh from d as it is, and errors says why an existing record could not
 * be continued (file names d in messages).  The recorder borrows d, which
 * must outlive it.  Never NULL.
 */
struct session_recorder *session_recorder_new(const struct diagram *d, const char *file, session_clock clock,
    void *context, struct error_list *errors);
void session_recorder_free(struct session_recorder *rec);

/* Forward a diagram_observer notification (the object as the observer got it). */
void session_recorder_note(struct session_recorder *rec, enum diagram_change change, const void *object);
/* The info saved with the record; the caller may change it (strings: free the old, set a malloc'd copy). */
struct session_info *session_recorder_info(struct session_recorder *rec);
/* Events held now. */
size_t session_recorder_events(const struct session_recorder *rec);
/* Why recording stopped (a change the shadow could not follow), or NULL while it runs. */
const char *session_recorder_error(const struct session_recorder *rec);
/*
 * Write the record into d's "session" member (replacing the old one,
 * keeping its place among the other members), with elapsed read from the
 * clock: call before saving d.  Not an edit: history and the modified
 * state are untouched.
 */
void session_recorder_store(struct session_recorder *rec, struct diagram *d);

/* --- Playing back --- */

struct session_player;

/*
 * The record in d's "session" member, checked event by event.  text (may
 * be NULL) is the file's content, for line and column in messages.  NULL
 * with errors when d has no record or it is invalid.
 */
struct session_player *session_player_open(const struct diagram *d, const char *file, const char *text, size_t len,
    struct error_list *errors);
/* Load path and open its record; *diagram (when not NULL) gets the file's diagram to free. */
struct session_player *session_player_load(const char *path, struct diagram **diagram, struct error_list *errors);
void session_player_free(struct session_player *p);

const struct session_info *session_player_info(const struct session_player *p);
size_t session_player_count(const struct session_player *p);
/* When event i was made; i == count gives the end (info->elapsed, or the last event). */
double session_player_time(const struct session_player *p, size_t i);
/* When the record starts (later than 0 when old events were folded into the base). */
double session_player_start(const struct session_player *p);
/* Events before `before` folded into the base to keep the record bounded. */
size_t session_player_folded(const struct session_player *p);
/* Events made at or before time t. */
size_t session_player_count_at(const struct session_player *p, double t);
/* "add node api", "change node api: x, y", "title" for event i. */
void session_player_describe(const struct session_player *p, size_t i, char *buf, size_t size);
/*
 * The diagram after the first `applied` events: a new diagram the caller
 * frees (its top-level unknown members are not part of the record).  NULL
 * with err only if the model refuses it.  Stepping forward costs the
 * events stepped over; stepping back replays from the base.
 */
struct diagram *session_player_frame(struct session_player *p, size_t applied, struct napkin_error *err);
/*
 * Step d, the last frame this player gave (built or stepped), forward by
 * one event, in place through the editing API, so only what the event
 * changed changes.  True when d is now the next frame; false when the
 * event cannot be made in place (an undone deletion puts an object back
 * before the end): then ask session_player_frame for the frame (the
 * player has moved on either way) and drop d.
 */
bool session_player_step(struct session_player *p, struct diagram *d, struct napkin_error *err);
/* Events in the frame given last. */
size_t session_player_position(const struct session_player *p);
/* Whether playing every event gives exactly the diagram of the file (title, nodes, edges, groups). */
bool session_player_matches(const struct session_player *p);

#endif
