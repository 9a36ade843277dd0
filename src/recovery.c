/*
 * The recovery file and the editing lock; see recovery.h.
 *
 * The lock is a small text file made with O_EXCL, so of two napkins
 * starting at once exactly one gets it:
 *
 *     napkin-lock 1
 *     pid 4242
 *     host build-box
 *     boot 5f0c...		(Linux's boot id: a pid from before a reboot is no one's)
 *     since 1717000000
 *
 * A lock is stale when it was taken on this host and its process is gone
 * (or the machine has rebooted since).  One from another host cannot be
 * checked, so it counts as live.  The recovery file is written with
 * diagram_save_file (atomic: the previous copy survives a failed write),
 * created first with the diagram file's permissions so a private diagram
 * does not leave a readable copy.  When it cannot be written beside the
 * file -- the disk is full, the directory read-only -- it goes to the
 * fallback directory instead.
 */
#include "recovery.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "diagram_json.h"
#include "xalloc.h"

#define LOCK_MAGIC "napkin-lock 1\n"
#define LOCK_SIZE_MAX 4096

struct recovery {
	char *file;		/* the diagram's file, links followed; NULL when none */
	char *path;		/* the recovery file beside it */
	char *fallback;		/* where it goes when it cannot go there, or NULL */
	const char *written;	/* path or fallback: where the last write went */
	char *lock_path;
	mode_t mode;		/* for a new recovery file */
	bool locked;		/* this process made the lock */
	bool enabled;		/* false: another napkin keeps the recovery file */

	/* Pacing (recovery_tick). */
	uint64_t seen_state;	/* the diagram state at the last tick */
	uint64_t written_state;	/* the state the recovery file holds; 0: none */
	bool pending;		/* a change is not in the file yet... */
	double pending_since;	/* ...since this time */
	double last_edit;
	bool attempted;		/* a write was tried this session... */
	double last_write;	/* ...at this time... */
	double last_cost;	/* ...and took this long */
};

static double
monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
directory_part(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? xstrdup("") : xstrndup(path, (size_t)(slash - path) + 1);
}

/*
 * The fallback directory: $XDG_STATE_HOME/napkin, or ~/.local/state/napkin
 * (NULL without either).  The caller frees it.
 */
static char *
fallback_directory(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (state != NULL && state[0] == '/')
		return xasprintf("%s/napkin", state);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.local/state/napkin", home);
	return NULL;
}

/*
 * The fallback recovery file for base in dir: base, then a hash of the
 * file's absolute path so two board.json in different places do not meet,
 * short enough to show on a status line (board.json.1f3a9c0e.recover).
 */
static char *
fallback_path(const char *dir, const char *base)
{
	char *where = fallback_directory(), *absolute, *out;
	uint32_t hash = 2166136261u;	/* FNV-1a */

	if (where == NULL)
		return NULL;
	absolute = realpath(dir[0] != '\0' ? dir : ".", NULL);
	if (absolute == NULL) {
		free(where);
		return NULL;
	}
	for (const char *c = absolute; *c != '\0'; c++)
		hash = (hash ^ (unsigned char)*c) * 16777619u;
	for (const char *c = "/"; *c != '\0'; c++)
		hash = (hash ^ (unsigned char)*c) * 16777619u;
	for (const char *c = base; *c != '\0'; c++)
		hash = (hash ^ (unsigned char)*c) * 16777619u;
	out = xasprintf("%s/%s.%08x.recover", where, base, (unsigned)hash);
	free(absolute);
	free(where);
	return out;
}

struct recovery *
recovery_new(const char *file)
{
	struct recovery *r = xcalloc(1, sizeof *r);
	const char *base;
	char *dir;
	struct stat st;

	r->enabled = true;
	r->mode = 0600;
	if (file != NULL) {
		r->file = atomic_file_target(file);
		r->path = xasprintf("%s.recover", r->file);
		if (stat(r->file, &st) == 0)
			r->mode = st.st_mode & 0666;
		else
			r->mode = 0666;	/* as the diagram will be: the umask decides */
	} else {
		r->path = xstrdup(RECOVERY_UNNAMED);
	}
	base = r->file != NULL ? r->file : r->path;
	dir = directory_part(base);
	base += strlen(dir);
	r->lock_path = xasprintf("%s.%s.napkin-lock", dir, base);
	r->fallback = fallback_path(dir, base);
	free(dir);
	r->written = r->path;
	return r;
}

void
recovery_free(struct recovery *r)
{
	if (r == NULL)
		return;
	free(r->file);
	free(r->path);
	free(r->fallback);
	free(r->lock_path);
	free(r);
}

const char *
recovery_path(const struct recovery *r)
{
	return r->path;
}

const char *
recovery_fallback_path(const struct recovery *r)
{
	return r->fallback;
}

const char *
recovery_written_path(const struct recovery *r)
{
	return r->written;
}

const char *
recovery_lock_path(const struct recovery *r)
{
	return r->lock_path;
}

/* --- The lock --- */

/* This machine's boot id, or "" where the kernel does not say. */
static void
boot_id(char *out, size_t size)
{
	FILE *in = fopen("/proc/sys/kernel/random/boot_id", "r");

	out[0] = '\0';
	if (in == NULL)
		return;
	if (fgets(out, (int)size, in) == NULL)
		out[0] = '\0';
	out[strcspn(out, "\n")] = '\0';
	fclose(in);
}

static void
host_name(char *out, size_t size)
{
	if (gethostname(out, size) != 0)
		snprintf(out, size, "localhost");
	out[size - 1] = '\0';
}

static bool
owner_alive(const struct recovery_owner *o)
{
	char host[sizeof o->host], boot[sizeof o->boot];

	host_name(host, sizeof host);
	if (strcmp(host, o->host) != 0)
		return true;	/* another machine's process: no way to tell */
	boot_id(boot, sizeof boot);
	if (boot[0] != '\0' && o->boot[0] != '\0' && strcmp(boot, o->boot) != 0)
		return false;	/* taken before this machine last booted */
	if (o->pid <= 0 || o->pid > (long)((1UL << 31) - 1))
		return false;
	return kill((pid_t)o->pid, 0) == 0 || errno == EPERM;
}

/* Parse a lock file's text; false when it is not one. */
static bool
parse_lock(const char *text, struct recovery_owner *o)
{
	const char *line;
	bool have_pid = false, have_host = false;

	memset(o, 0, sizeof *o);
	if (strncmp(text, LOCK_MAGIC, strlen(LOCK_MAGIC)) != 0)
		return false;
	for (line = text + strlen(LOCK_MAGIC); *line != '\0'; line += strcspn(line, "\n"), line += *line == '\n') {
		size_t len = strcspn(line, "\n");
		const char *value = memchr(line, ' ', len);
		size_t vlen;

		if (value == NULL)
			continue;
		value++;
		vlen = len - (size_t)(value - line);
		if (strncmp(line, "pid ", 4) == 0) {
			o->pid = strtol(value, NULL, 10);
			have_pid = true;
		} else if (strncmp(line, "host ", 5) == 0 && vlen < sizeof o->host) {
			memcpy(o->host, value, vlen);
			have_host = true;
		} else if (strncmp(line, "boot ", 5) == 0 && vlen < sizeof o->boot) {
			memcpy(o->boot, value, vlen);
		} else if (strncmp(line, "since ", 6) == 0) {
			o->since = (time_t)strtoll(value, NULL, 10);
		}
	}
	return have_pid && have_host;
}

/* Read the lock at path: 1 read, 0 absent, -1 there but not a lock. */
static int
read_lock(const char *path, struct recovery_owner *o)
{
	char text[LOCK_SIZE_MAX + 1];
	ssize_t got;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	got = read(fd, text, LOCK_SIZE_MAX);
	close(fd);
	if (got < 0)
		return -1;
	text[got] = '\0';
	if (!parse_lock(text, o))
		return -1;
	o->alive = owner_alive(o);
	return 1;
}

bool
recovery_lock_owner(const struct recovery *r, struct recovery_owner *owner)
{
	struct recovery_owner o;

	if (read_lock(r->lock_path, &o) != 1)
		return false;
	if (owner != NULL)
		*owner = o;
	return true;
}

/* Make the lock file; errno says why when it fails. */
static bool
create_lock(const char *path)
{
	char host[256], boot[64], *text;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644), saved;
	size_t len;
	bool ok;

	if (fd < 0)
		return false;
	host_name(host, sizeof host);
	boot_id(boot, sizeof boot);
	text = xasprintf(LOCK_MAGIC "pid %ld\nhost %s\nboot %s\nsince %lld\n", (long)getpid(), host, boot,
	    (long long)time(NULL));
	len = strlen(text);
	ok = write(fd, text, len) == (ssize_t)len;
	saved = errno;
	free(text);
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		unlink(path);
		errno = saved != 0 ? saved : EIO;
	}
	return ok;
}

enum recovery_lock_result
recovery_lock(struct recovery *r, struct recovery_owner *owner, struct napkin_error *err)
{
	struct recovery_owner o;

	if (r->locked)
		return RECOVERY_LOCKED;
	/* Twice at most: once more after clearing a stale lock away. */
	for (int attempt = 0; attempt < 2; attempt++) {
		int found;

		if (create_lock(r->lock_path)) {
			r->locked = true;
			return RECOVERY_LOCKED;
		}
		if (errno != EEXIST)
			break;
		found = read_lock(r->lock_path, &o);
		if (found == 1 && o.alive) {
			if (owner != NULL)
				*owner = o;
			return RECOVERY_HELD;
		}
		/* Stale, unreadable or gone meanwhile: clear it and try again. */
		if (found != 0 && unlink(r->lock_path) != 0 && errno != ENOENT)
			break;
	}
	error_set(err, "%s", strerror(errno));
	return RECOVERY_NO_LOCK;
}

void
recovery_disable(struct recovery *r)
{
	r->enabled = false;
}

bool
recovery_enabled(const struct recovery *r)
{
	return r->enabled;
}

/* --- The recovery file --- */

static bool
modified_time(const char *path, struct timespec *when)
{
	struct stat st;

	if (path == NULL || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	*when = st.st_mtim;
	return true;
}

static bool
later(struct timespec a, struct timespec b)
{
	return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

bool
recovery_find(const struct recovery *r, struct recovery_found *found)
{
	struct timespec beside, away, file;
	bool have_beside = modified_time(r->path, &beside), have_away = modified_time(r->fallback, &away);

	if (!have_beside && !have_away)
		return false;
	if (have_away && (!have_beside || later(away, beside))) {
		found->path = r->fallback;
		found->written = away;
	} else {
		found->path = r->path;
		found->written = beside;
	}
	found->newer = r->file == NULL || !modified_time(r->file, &file) || later(found->written, file);
	return true;
}

bool
recovery_current(const struct recovery *r, const struct diagram *d)
{
	return r->written_state != 0 && r->written_state == diagram_state_id(d);
}

/* One attempt at one place; the file is born with the diagram's permissions. */
static bool
write_at(struct recovery *r, const struct diagram *d, const char *path, struct napkin_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, r->mode);
	bool ok;

	if (fd >= 0)
		close(fd);
	ok = diagram_save_file(d, path, err);
	if (fd >= 0 && !ok)
		unlink(path);	/* not the empty file: it would look like a recovery */
	return ok;
}

/* Make the fallback directory (and its parents), private to the user. */
static void
make_fallback_directory(const char *path)
{
	char *dir = directory_part(path);

	for (char *slash = strchr(dir + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(dir, 0700);
		*slash = '/';
	}
	free(dir);
}

bool
recovery_write(struct recovery *r, const struct diagram *d, double now, struct napkin_error *err)
{
	double started = monotonic_seconds();
	struct napkin_error beside, away;
	bool ok;

	if (!r->enabled)
		return error_set(err, "no recovery file this session");
	if (recovery_current(r, d))
		return true;
	ok = write_at(r, d, r->path, &beside);
	if (ok) {
		r->written = r->path;
	} else if (r->fallback != NULL) {
		make_fallback_directory(r->fallback);
		ok = write_at(r, d, r->fallback, &away);
		if (ok)
			r->written = r->fallback;
		else
			error_set(err, "%s; and %s", beside.message, away.message);
	} else {
		error_set(err, "%s", beside.message);
	}
	/* One copy only: a stale one elsewhere could look newer than the file. */
	if (ok && r->fallback != NULL)
		unlink(r->written == r->path ? r->fallback : r->path);
	r->attempted = true;
	r->last_write = now;
	r->last_cost = monotonic_seconds() - started;
	if (ok) {
		r->written_state = diagram_state_id(d);
		r->pending = false;
	}
	return ok;
}

static double
larger(double a, double b)
{
	return a > b ? a : b;
}

bool
recovery_due(struct recovery *r, const struct diagram *d, bool modified, double now)
{
	uint64_t state = diagram_state_id(d);
	double gap;

	if (state != r->seen_state) {
		r->seen_state = state;
		r->last_edit = now;
		if (!r->pending) {
			r->pending = true;
			r->pending_since = now;
		}
	}
	if (!r->enabled)
		return false;
	if (!modified) {
		if (r->written_state != 0)
			recovery_discard(r);
		r->pending = false;
		return false;
	}
	if (state == r->written_state) {
		r->pending = false;
		return false;
	}
	/* Big diagrams take long to write: keep the share of time spent writing small. */
	gap = larger(RECOVERY_IDLE_SECONDS, RECOVERY_COST_SHARE * r->last_cost);
	if (r->attempted && now - r->last_write < gap)
		return false;
	if (now - r->last_edit < RECOVERY_IDLE_SECONDS &&
	    now - r->pending_since < larger(RECOVERY_BUSY_SECONDS, gap))
		return false;
	return true;
}

bool
recovery_tick(struct recovery *r, const struct diagram *d, bool modified, double now,
    struct napkin_error *err)
{
	return !recovery_due(r, d, modified, now) || recovery_write(r, d, now, err);
}

void
recovery_discard(struct recovery *r)
{
	if (!r->enabled)
		return;
	unlink(r->path);
	if (r->fallback != NULL)
		unlink(r->fallback);
	r->written_state = 0;
}

void
recovery_close(struct recovery *r, bool keep)
{
	struct recovery_owner o;

	if (!keep)
		recovery_discard(r);
	/* Only our own lock: another napkin may have cleared ours as stale and taken it. */
	if (r->locked && read_lock(r->lock_path, &o) == 1 && o.pid == (long)getpid())
		unlink(r->lock_path);
	r->locked = false;
}
