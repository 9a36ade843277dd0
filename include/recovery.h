/*
 * Crash-safe editing, like vim's swap file: while the whiteboard edits
 * FILE, two files sit beside it (beside a symlink's target).
 *
 *   FILE.recover          the unsaved diagram, a plain napkin file.  Written
 *                         atomically a second after edits stop, at most every
 *                         few seconds while they keep coming, and when a
 *                         signal ends the session; removed once the diagram
 *                         is saved, or its changes are dropped on quitting.
 *                         It only exists while there is something to lose.
 *   .FILE.napkin-lock     who is editing FILE: pid, host and boot, so a
 *                         second napkin can warn, and a lock left by a dead
 *                         process is recognised as stale.  Removed on exit.
 *
 * When FILE.recover cannot be written (the disk is full, the directory
 * read-only), the recovery file goes to $XDG_STATE_HOME/napkin/ (default
 * ~/.local/state/napkin/) instead, as FILE.HASH.recover, HASH a hash of
 * FILE's absolute path (8 hex digits).  A diagram without a file uses napkin-recover.json
 * (and its lock) in the current directory.  Nothing here draws or asks: the whiteboard
 * (tui_recovery.c) asks the user what to do with what this finds.
 * Times are the caller's clock in seconds (monotonic), so the pacing can be
 * tested without waiting.
 */
#ifndef NAPKIN_RECOVERY_H
#define NAPKIN_RECOVERY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "diagram.h"
#include "errors.h"

#define RECOVERY_UNNAMED "napkin-recover.json"
/* Wait this long after the last edit before writing... */
#define RECOVERY_IDLE_SECONDS 1.0
/* ...but while edits keep coming, write at least this often... */
#define RECOVERY_BUSY_SECONDS 5.0
/* ...and never spend more than 1/RECOVERY_COST_SHARE of the time writing. */
#define RECOVERY_COST_SHARE 20.0

/* Who holds a lock. */
struct recovery_owner {
	long pid;
	char host[256];
	char boot[64];		/* the kernel's boot id, "" when unknown */
	time_t since;		/* when the lock was taken (wall clock) */
	bool alive;		/* false: its process is gone (stale lock) */
};

struct recovery;

/*
 * Recovery for file (NULL: a diagram without a file).  No file is touched
 * until recovery_lock or a write.  Free with recovery_free, which does not
 * touch files either: recovery_close does.
 */
struct recovery *recovery_new(const char *file);
void recovery_free(struct recovery *r);
/* Where the recovery file and the lock are (owned by r). */
const char *recovery_path(const struct recovery *r);
const char *recovery_lock_path(const struct recovery *r);
/* The fallback recovery file, or NULL when there is no fallback directory. */
const char *recovery_fallback_path(const struct recovery *r);
/* Where the last successful write went: recovery_path or the fallback. */
const char *recovery_written_path(const struct recovery *r);

enum recovery_lock_result {
	RECOVERY_LOCKED,	/* this process holds the lock now */
	RECOVERY_HELD,		/* a live process holds it: *owner says which */
	RECOVERY_NO_LOCK	/* the lock cannot be written (read-only directory...): err says why */
};

/*
 * Take the lock.  A stale lock (its process is gone) is replaced; so is
 * one that cannot be read as a lock.  owner and err may be NULL.
 */
enum recovery_lock_result recovery_lock(struct recovery *r, struct recovery_owner *owner,
    struct napkin_error *err);
/* Whether anyone holds the lock, without taking it: fills *owner when the file reads as one. */
bool recovery_lock_owner(const struct recovery *r, struct recovery_owner *owner);
/* Write no recovery file this session (another napkin keeps it). */
void recovery_disable(struct recovery *r);
bool recovery_enabled(const struct recovery *r);

/* A recovery file left behind (the newer, if both places hold one). */
struct recovery_found {
	const char *path;	/* recovery_path or the fallback (owned by r) */
	struct timespec written;
	bool newer;		/* newer than FILE, or FILE does not exist */
};
bool recovery_find(const struct recovery *r, struct recovery_found *found);

/*
 * Call after each event with the diagram and whether it has unsaved
 * changes.  Writes the recovery file when it is due (see the pacing
 * above) and removes it when nothing is unsaved any more (undo back to
 * the saved state).  Returns false only when a write failed: err says
 * why, and the next attempt waits as a write would have.
 */
bool recovery_tick(struct recovery *r, const struct diagram *d, bool modified, double now,
    struct napkin_error *err);
/*
 * recovery_tick's decision alone: whether a write is due now (it removes
 * a recovery file that nothing unsaved needs any more).  For callers that
 * must bring the diagram up to date before it is written.
 */
bool recovery_due(struct recovery *r, const struct diagram *d, bool modified, double now);
/* Write now, whatever the pacing says: a signal, a save that failed. */
bool recovery_write(struct recovery *r, const struct diagram *d, double now, struct napkin_error *err);
/* Whether the recovery file holds this session's latest unsaved state. */
bool recovery_current(const struct recovery *r, const struct diagram *d);
/* Remove the recovery file (from both places): the diagram was saved, or its changes dropped. */
void recovery_discard(struct recovery *r);
/*
 * End the session: remove the lock if it is ours, and the recovery file
 * too unless keep is true (a signal, or unsaved changes left behind).
 */
void recovery_close(struct recovery *r, bool keep);

#endif
