/*
 * Crash-safe editing without a screen: where the recovery file and the
 * lock go, who holds a lock and when it is stale, when the recovery file
 * is written (on a fake clock), and that it is removed, kept or left alone
 * as the session ends.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diagram_json.h"
#include "recovery.h"
#include "support.h"
#include "xalloc.h"

static char *dir;

static int
setup(void **state)
{
	char *fallback;

	(void)state;
	dir = support_temp_dir("recovery");
	/* The fallback directory, here rather than in the real home. */
	fallback = xasprintf("%s/state", dir);
	setenv("XDG_STATE_HOME", fallback, 1);
	free(fallback);
	return 0;
}

/* The fallback directory's files too: state/napkin/... */
static int
teardown(void **state)
{
	char *napkin = xasprintf("%s/state/napkin", dir), *fallback = xasprintf("%s/state", dir);

	(void)state;
	support_remove_dir(napkin);
	rmdir(fallback);
	free(fallback);
	support_remove_dir(dir);
	return 0;
}

static char *
in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static bool
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static struct diagram *
with_nodes(size_t count)
{
	struct diagram *d = diagram_new();

	for (size_t i = 0; i < count; i++)
		assert_non_null(diagram_add_node(d, NULL, KIND_SERVICE, "api", (int)i * 30, 0, NULL));
	diagram_clear_history(d);
	return d;
}

/* A pid that no process has: a child that has exited and been reaped. */
static long
dead_pid(void)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	return (long)pid;
}

static void
write_lock(const char *path, long pid, const char *host, const char *boot)
{
	char *text = xasprintf("napkin-lock 1\npid %ld\nhost %s\nboot %s\nsince 1700000000\n", pid, host, boot);

	support_spit(path, text);
	free(text);
}

static void
this_host(char *host, size_t size)
{
	assert_int_equal(gethostname(host, size), 0);
	host[size - 1] = '\0';
}

/* --- Where the files go --- */

static void
test_paths(void **state)
{
	char *file = in_dir("board.json"), *want;
	struct recovery *r = recovery_new(file);

	(void)state;
	want = xasprintf("%s/board.json.recover", dir);
	assert_string_equal(recovery_path(r), want);
	free(want);
	want = xasprintf("%s/.board.json.napkin-lock", dir);
	assert_string_equal(recovery_lock_path(r), want);
	free(want);
	recovery_free(r);
	/* A file name without a directory stays relative. */
	r = recovery_new("plain.json");
	assert_string_equal(recovery_path(r), "plain.json.recover");
	assert_string_equal(recovery_lock_path(r), ".plain.json.napkin-lock");
	recovery_free(r);
	/* No file yet: the current directory. */
	r = recovery_new(NULL);
	assert_string_equal(recovery_path(r), "napkin-recover.json");
	assert_string_equal(recovery_lock_path(r), ".napkin-recover.json.napkin-lock");
	recovery_free(r);
	free(file);
}

/* Opened through a symlink, the files sit beside the file it points at. */
static void
test_paths_follow_symlinks(void **state)
{
	char *sub = in_dir("real"), *target = in_dir("real/board.json"), *link = in_dir("link.json"), *want;
	struct recovery *r;

	(void)state;
	assert_int_equal(mkdir(sub, 0700), 0);
	support_spit(target, "{\"napkin\": 1}\n");
	assert_int_equal(symlink("real/board.json", link), 0);
	r = recovery_new(link);
	want = xasprintf("%s.recover", target);
	assert_string_equal(recovery_path(r), want);
	free(want);
	want = xasprintf("%s/real/.board.json.napkin-lock", dir);
	assert_string_equal(recovery_lock_path(r), want);
	free(want);
	recovery_free(r);
	unlink(target);
	rmdir(sub);
	free(sub);
	free(target);
	free(link);
}

/* --- The lock --- */

static void
test_lock_and_second_editor(void **state)
{
	char *file = in_dir("board.json");
	struct recovery *first = recovery_new(file), *second = recovery_new(file);
	struct recovery_owner owner;
	char host[256];

	(void)state;
	this_host(host, sizeof host);
	assert_int_equal(recovery_lock(first, NULL, NULL), RECOVERY_LOCKED);
	assert_true(exists(recovery_lock_path(first)));
	/* The second sees the first: this very process, alive, on this host. */
	memset(&owner, 0, sizeof owner);
	assert_int_equal(recovery_lock(second, &owner, NULL), RECOVERY_HELD);
	assert_int_equal(owner.pid, (long)getpid());
	assert_string_equal(owner.host, host);
	assert_true(owner.alive);
	assert_true(owner.since > 0);
	assert_true(recovery_lock_owner(second, &owner));
	/* The second does not hold the lock, so closing it leaves the lock alone. */
	recovery_close(second, false);
	assert_true(exists(recovery_lock_path(first)));
	recovery_close(first, false);
	assert_false(exists(recovery_lock_path(first)));
	assert_false(recovery_lock_owner(first, &owner));
	recovery_free(first);
	recovery_free(second);
	free(file);
}

static void
test_stale_locks_are_taken_over(void **state)
{
	char *file = in_dir("board.json");
	struct recovery *r = recovery_new(file);
	struct recovery_owner owner;
	char host[256];

	(void)state;
	this_host(host, sizeof host);
	/* Its process is gone. */
	write_lock(recovery_lock_path(r), dead_pid(), host, "");
	assert_true(recovery_lock_owner(r, &owner));
	assert_false(owner.alive);
	assert_int_equal(recovery_lock(r, NULL, NULL), RECOVERY_LOCKED);
	assert_true(recovery_lock_owner(r, &owner));
	assert_int_equal(owner.pid, (long)getpid());
	recovery_close(r, false);
	/* Taken before a reboot: the pid (ours, here) belongs to someone else now. */
	if (access("/proc/sys/kernel/random/boot_id", R_OK) == 0) {
		write_lock(recovery_lock_path(r), (long)getpid(), host, "00000000-0000-0000-0000-000000000000");
		assert_true(recovery_lock_owner(r, &owner));
		assert_false(owner.alive);
		assert_int_equal(recovery_lock(r, NULL, NULL), RECOVERY_LOCKED);
		recovery_close(r, false);
	}
	/* Not a lock at all (cut short by a crash): replaced. */
	support_spit(recovery_lock_path(r), "napkin-lo");
	assert_false(recovery_lock_owner(r, &owner));
	assert_int_equal(recovery_lock(r, NULL, NULL), RECOVERY_LOCKED);
	recovery_close(r, false);
	recovery_free(r);
	free(file);
}

/* Another host's process cannot be checked: it counts as live. */
static void
test_other_hosts_lock_is_held(void **state)
{
	char *file = in_dir("board.json");
	struct recovery *r = recovery_new(file);
	struct recovery_owner owner;

	(void)state;
	write_lock(recovery_lock_path(r), dead_pid(), "elsewhere.example", "");
	assert_int_equal(recovery_lock(r, &owner, NULL), RECOVERY_HELD);
	assert_string_equal(owner.host, "elsewhere.example");
	assert_true(owner.alive);
	/* Closing without the lock leaves it in place. */
	recovery_close(r, false);
	assert_true(exists(recovery_lock_path(r)));
	recovery_free(r);
	free(file);
}

static void
test_lock_in_missing_directory(void **state)
{
	char *file = in_dir("gone/board.json");
	struct recovery *r = recovery_new(file);
	struct napkin_error err;

	(void)state;
	assert_int_equal(recovery_lock(r, NULL, &err), RECOVERY_NO_LOCK);
	assert_string_equal(err.message, strerror(ENOENT));
	recovery_free(r);
	free(file);
}

/* --- Writing: when, and what --- */

static size_t
recovered_nodes(const struct recovery *r)
{
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_file(recovery_path(r), &errors);
	size_t n;

	assert_non_null(d);
	n = diagram_node_count(d);
	diagram_free(d);
	return n;
}

/* One edit, then quiet: written a second later, not before. */
static void
test_written_when_idle(void **state)
{
	char *file = in_dir("board.json");
	struct recovery *r = recovery_new(file);
	struct diagram *d = with_nodes(1);
	struct napkin_error err;

	(void)state;
	assert_true(recovery_tick(r, d, false, 0.0, &err));
	diagram_add_node(d, NULL, KIND_DB, "orders", 0, 10, NULL);
	assert_true(recovery_tick(r, d, true, 10.0, &err));
	assert_false(exists(recovery_path(r)));
	assert_true(recovery_tick(r, d, true, 10.9, &err));
	assert_false(exists(recovery_path(r)));
	assert_true(recovery_tick(r, d, true, 11.0, &err));
	assert_true(exists(recovery_path(r)));
	assert_int_equal(recovered_nodes(r), 2);
	assert_true(recovery_current(r, d));
	recovery_close(r, false);
	assert_false(exists(recovery_path(r)));
	diagram_free(d);
	recovery_free(r);
	free(file);
}

/* Edits every 0.3 s for 20 s: a write every 5 s or so, never more often. */
static void
test_paced_while_busy(void **state)
{
	char *file = in_dir("board.json");
	struct recovery *r = recovery_new(file);
	struct diagram *d = with_nodes(1);
	const struct node *n = diagram_node(d, 0);
	struct napkin_error err;
	int writes = 0;
	double last = -1;

	(void)state;
	for (int step = 1; step <= 66; step++) {
		double now = step * 0.3;

		diagram_move_node(d, n, step, 0, NULL);
		assert_true(recovery_tick(r, d, true, now, &err));
		if (recovery_current(r, d)) {
			if (last >= 0)
				assert_true(now - last >= RECOVERY_BUSY_SECONDS - 0.31);
			assert_true(now - (last >= 0 ? last : 0.3) <= RECOVERY_BUSY_SECONDS + 0.61);
			last = now;
			writes++;
		}
	}
	assert_in_range(writes, 3, 4);
	recovery_close(r, false);
	diagram_free(d);
	recovery_free(r);
	free(file);
}

/* Undo back to the saved state: nothing to recover, so no file. */
static void
test_removed_when_nothing_unsaved(void **state)
{
	char *file = in_dir("board.json");
	struct recovery *r = recovery_new(file);
	struct diagram *d = with_nodes(1);
	struct napkin_error err;

	(void)state;
	diagram_add_node(d, NULL, KIND_DB, "orders", 0, 10, NULL);
	assert_true(recovery_write(r, d, 1.0, &err));
	assert_true(exists(recovery_path(r)));
	diagram_undo(d);
	assert_true(recovery_tick(r, d, false, 2.0, &err));
	assert_false(exists(recovery_path(r)));
	diagram_free(d);
	recovery_free(r);
	free(file);
}

/* A private diagram leaves a private recovery file. */
static void
test_keeps_the_files_permissions(void **state)
{
	char *file = in_dir("secret.json");
	struct recovery *r;
	struct diagram *d = with_nodes(2);
	struct napkin_error err;
	struct stat st;

	(void)state;
	support_spit(file, "{\"napkin\": 1}\n");
	assert_int_equal(chmod(file, 0600), 0);
	r = recovery_new(file);
	assert_true(recovery_write(r, d, 0.0, &err));
	assert_int_equal(stat(recovery_path(r), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	recovery_close(r, false);
	diagram_free(d);
	recovery_free(r);
	free(file);
}

/* A write that fails says why, and the next try waits as a write would. */
static void
test_failed_write_reports_and_waits(void **state)
{
	char *file = in_dir("gone/board.json");
	struct recovery *r = recovery_new(file);
	struct diagram *d = with_nodes(1);
	struct napkin_error err;

	(void)state;
	diagram_add_node(d, NULL, KIND_DB, "orders", 0, 10, NULL);
	assert_true(recovery_tick(r, d, true, 0.0, &err));
	assert_false(recovery_tick(r, d, true, 2.0, &err));
	assert_non_null(strstr(err.message, "board.json.recover"));
	/* Not again at once: the failure counts as a write. */
	assert_true(recovery_tick(r, d, true, 2.5, &err));
	assert_false(recovery_tick(r, d, true, 3.5, &err));
	diagram_free(d);
	recovery_free(r);
	free(file);
}

/* FNV-1a over a then b: the hash in a fallback file's name. */
static unsigned
fnv1a(const char *a, const char *b)
{
	uint32_t h = 2166136261u;

	for (const char *c = a; *c != '\0'; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	for (const char *c = b; *c != '\0'; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	return (unsigned)h;
}

/* The disk is full, or the directory read-only: the fallback directory takes it. */
static void
test_fallback_when_beside_fails(void **state)
{
	char *file = in_dir("board.json"), *absolute = realpath(dir, NULL), *want;
	struct recovery *r = recovery_new(file);
	struct diagram *d = with_nodes(2);
	struct recovery_found found;
	struct napkin_error err;

	(void)state;
	want = xasprintf("%s/state/napkin/board.json.%08x.recover", dir, fnv1a(absolute, "/board.json"));
	assert_string_equal(recovery_fallback_path(r), want);
	/* Something that is not a file where the recovery file goes: the write there fails. */
	assert_int_equal(mkdir(recovery_path(r), 0700), 0);
	assert_true(recovery_write(r, d, 0.0, &err));
	assert_string_equal(recovery_written_path(r), want);
	assert_true(exists(want));
	assert_true(recovery_find(r, &found));
	assert_string_equal(found.path, want);
	assert_true(found.newer);
	/* Discarded: gone from there too. */
	recovery_discard(r);
	assert_false(exists(want));
	rmdir(recovery_path(r));
	/* Written beside the file again, the fallback copy would be stale: it goes. */
	diagram_add_node(d, NULL, KIND_DB, "orders", 0, 10, NULL);
	support_spit(want, "{\"napkin\": 1}\n");
	assert_true(recovery_write(r, d, 1.0, &err));
	assert_string_equal(recovery_written_path(r), recovery_path(r));
	assert_false(exists(want));
	recovery_discard(r);
	diagram_free(d);
	recovery_free(r);
	free(want);
	free(absolute);
	free(file);
}

/* Neither place can take it: both reasons are given. */
static void
test_no_place_at_all(void **state)
{
	char *file = in_dir("board.json"), *blocker = in_dir("state");
	struct recovery *r;
	struct diagram *d = with_nodes(1);
	struct napkin_error err;

	(void)state;
	support_spit(blocker, "not a directory\n");
	r = recovery_new(file);
	assert_int_equal(mkdir(recovery_path(r), 0700), 0);
	assert_false(recovery_write(r, d, 0.0, &err));
	assert_non_null(strstr(err.message, "board.json.recover: not a regular file"));
	assert_non_null(strstr(err.message, "; and "));
	assert_non_null(strstr(err.message, recovery_fallback_path(r)));
	rmdir(recovery_path(r));
	unlink(blocker);
	diagram_free(d);
	recovery_free(r);
	free(blocker);
	free(file);
}

/* --- What a new session finds --- */

static void
set_mtime(const char *path, time_t when)
{
	struct timespec times[2] = { { when, 0 }, { when, 0 } };

	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

static void
test_found_newer_or_older(void **state)
{
	char *file = in_dir("board.json");
	struct recovery *r = recovery_new(file);
	struct recovery_found found;

	(void)state;
	assert_false(recovery_find(r, &found));
	support_spit(recovery_path(r), "{\"napkin\": 1}\n");
	/* No file at all: whatever was recovered is newer. */
	assert_true(recovery_find(r, &found));
	assert_true(found.newer);
	support_spit(file, "{\"napkin\": 1}\n");
	set_mtime(file, 1700000000);
	set_mtime(recovery_path(r), 1700000100);
	assert_true(recovery_find(r, &found));
	assert_true(found.newer);
	assert_int_equal(found.written.tv_sec, 1700000100);
	set_mtime(file, 1700000200);
	assert_true(recovery_find(r, &found));
	assert_false(found.newer);
	recovery_free(r);
	free(file);
}

/* A signal keeps the recovery file; a second napkin never removes the first's. */
static void
test_close_keeps_or_removes(void **state)
{
	char *file = in_dir("board.json");
	struct recovery *r = recovery_new(file), *other = recovery_new(file);
	struct diagram *d = with_nodes(3);
	struct napkin_error err;

	(void)state;
	assert_int_equal(recovery_lock(r, NULL, NULL), RECOVERY_LOCKED);
	assert_true(recovery_write(r, d, 0.0, &err));
	recovery_close(r, true);
	assert_true(exists(recovery_path(r)));
	assert_false(exists(recovery_lock_path(r)));
	/* Edited anyway beside a live owner: no recovery file of its own. */
	assert_int_equal(recovery_lock(r, NULL, NULL), RECOVERY_LOCKED);
	assert_int_equal(recovery_lock(other, NULL, NULL), RECOVERY_HELD);
	recovery_disable(other);
	assert_false(recovery_enabled(other));
	assert_false(recovery_write(other, d, 0.0, &err));
	recovery_discard(other);
	recovery_close(other, false);
	assert_true(exists(recovery_path(r)));
	assert_true(exists(recovery_lock_path(r)));
	recovery_close(r, false);
	assert_false(exists(recovery_path(r)));
	diagram_free(d);
	recovery_free(r);
	recovery_free(other);
	free(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paths_follow_symlinks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_and_second_editor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_locks_are_taken_over, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_hosts_lock_is_held, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_in_missing_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_written_when_idle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paced_while_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_removed_when_nothing_unsaved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keeps_the_files_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_write_reports_and_waits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fallback_when_beside_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_place_at_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_found_newer_or_older, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_keeps_or_removes, setup, teardown),
	};

	return cmocka_run_group_tests_name("recovery", tests, NULL, NULL);
}
