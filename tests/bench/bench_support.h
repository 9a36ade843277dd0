/*
 * Helpers every benchmark uses, as static functions in a header: each
 * tests/bench/bench_*.c is built on its own (Makefile), so sharing means
 * including.  A fixed pseudo-random sequence, a monotonic clock, and
 * timing a whole process.  Inline, so a benchmark that needs only some of
 * them builds without warnings.
 */
#ifndef NAPKIN_BENCH_SUPPORT_H
#define NAPKIN_BENCH_SUPPORT_H

#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static uint64_t seed = 1;	/* a benchmark may reseed it */

static inline uint32_t
random_below(uint32_t n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)((seed >> 33) % n);
}

static inline double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run argv to completion with stdout to /dev/null (or to out); the wall time, or -1. */
static inline double
run_process(char *const argv[], const char *out)
{
	posix_spawn_file_actions_t actions;
	pid_t pid;
	int status;
	double start = now();

	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, 1, out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (posix_spawn(&pid, argv[0], &actions, NULL, argv, environ) != 0) {
		posix_spawn_file_actions_destroy(&actions);
		return -1;
	}
	posix_spawn_file_actions_destroy(&actions);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) > 1)
		return -1;
	return now() - start;
}

#endif
