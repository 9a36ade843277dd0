/*
 * Pictures through the Graphviz dot program.
 *
 * The diagram's DOT goes into an unlinked temporary file that becomes dot's
 * standard input; dot's standard output and error come back through pipes
 * that one poll() loop drains, so neither can fill up and stall dot.  dot
 * is started with fork and execvp and a fixed argument vector (dot -Tpng):
 * no shell, and no file name ever reaches its command line, so names
 * starting with '-' or holding any other character are safe.  A pipe
 * marked close-on-exec reports an execvp failure (dot not installed) as
 * its errno.
 */
#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dot_text.h"
#include "xalloc.h"

#define STDERR_KEEP 600		/* bytes of dot's complaints kept for the message */

static const char *
render_type(enum export_format format)
{
	switch (format) {
	case EXPORT_SVG: return "-Tsvg";
	case EXPORT_PNG: return "-Tpng";
	case EXPORT_PDF: return "-Tpdf";
	default: return NULL;
	}
}

/* The diagram's DOT in a temporary file, rewound; NULL with err set. */
static FILE *
dot_input(const struct diagram *d, const struct export_options *options, struct napkin_error *err)
{
	FILE *in = tmpfile();

	if (in == NULL) {
		error_set(err, "cannot create a temporary file for dot: %s", strerror(errno));
		return NULL;
	}
	if (!dot_export_write(d, options, in) || fflush(in) != 0 || fseek(in, 0, SEEK_SET) != 0) {
		error_set(err, "cannot write the temporary file for dot: %s", strerror(errno));
		fclose(in);
		return NULL;
	}
	return in;
}

/* Runs in the child: only async-signal-safe calls until execvp. */
static _Noreturn void
run_dot(int in, int out, int err, int report, const char *type)
{
	char *argv[] = { "dot", (char *)type, NULL };
	int e;

	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) {
		e = errno;
		(void)!write(report, &e, sizeof e);
		_exit(127);
	}
	execvp("dot", argv);
	e = errno;
	(void)!write(report, &e, sizeof e);
	_exit(127);
}

/* A pipe whose ends close on exec, so dot inherits only what it is given. */
static bool
cloexec_pipe(int fds[2])
{
	if (pipe(fds) != 0)
		return false;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return true;
}

struct child_output {
	FILE *out;
	bool write_failed;
	char complaints[STDERR_KEEP + 1];
	size_t complaints_len;
	size_t produced;
};

/* Copy dot's stdout into out and keep the start of its stderr until both close. */
static void
drain(int stdout_fd, int stderr_fd, struct child_output *c)
{
	struct pollfd fds[2] = { { stdout_fd, POLLIN, 0 }, { stderr_fd, POLLIN, 0 } };
	int open_count = 2;
	char buf[65536];

	while (open_count > 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			ssize_t got;

			if (fds[i].fd < 0 || fds[i].revents == 0)
				continue;
			got = read(fds[i].fd, buf, sizeof buf);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_count--;
				continue;
			}
			if (i == 0) {
				c->produced += (size_t)got;
				if (fwrite(buf, 1, (size_t)got, c->out) != (size_t)got)
					c->write_failed = true;
			} else {
				size_t room = STDERR_KEEP - c->complaints_len;
				size_t take = (size_t)got < room ? (size_t)got : room;

				memcpy(c->complaints + c->complaints_len, buf, take);
				c->complaints_len += take;
			}
		}
	}
}

bool
dot_render(const struct diagram *d, const struct export_options *options,
    enum export_format format, FILE *out, struct napkin_error *err)
{
	const char *type = render_type(format);
	int out_pipe[2] = { -1, -1 }, err_pipe[2] = { -1, -1 }, report[2] = { -1, -1 };
	struct child_output child = { .out = out };
	char *complaints = NULL;
	int status, exec_errno = 0;
	bool ok = false;
	FILE *in;
	pid_t pid;

	if (type == NULL)
		return error_set(err, "%s is not a picture format", export_format_name(format));
	in = dot_input(d, options, err);
	if (in == NULL)
		return false;
	if (!cloexec_pipe(out_pipe) || !cloexec_pipe(err_pipe) || !cloexec_pipe(report)) {
		error_set(err, "cannot start dot: %s", strerror(errno));
		goto out;
	}
	pid = fork();
	if (pid < 0) {
		error_set(err, "cannot start dot: %s", strerror(errno));
		goto out;
	}
	if (pid == 0)
		run_dot(fileno(in), out_pipe[1], err_pipe[1], report[1], type);
	close(out_pipe[1]);
	close(err_pipe[1]);
	close(report[1]);
	out_pipe[1] = err_pipe[1] = report[1] = -1;
	drain(out_pipe[0], err_pipe[0], &child);
	out_pipe[0] = err_pipe[0] = -1;	/* drain closed them */
	while (read(report[0], &exec_errno, sizeof exec_errno) < 0 && errno == EINTR)
		;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			error_set(err, "cannot wait for dot: %s", strerror(errno));
			goto out;
		}
	}
	/* dot's complaints, made safe for a terminal: one line, no control characters. */
	child.complaints[child.complaints_len] = '\0';
	complaints = text_clean(child.complaints, STDERR_KEEP, false, NULL);
	text_squeeze(complaints);
	if (exec_errno == ENOENT)
		error_set(err, "the Graphviz program dot was not found on PATH "
		    "(install Graphviz: apt-get install graphviz)");
	else if (exec_errno != 0)
		error_set(err, "cannot run dot: %s", strerror(exec_errno));
	else if (WIFSIGNALED(status))
		error_set(err, "dot was killed by signal %d%s%s", WTERMSIG(status),
		    complaints[0] != '\0' ? ": " : "", complaints);
	else if (WEXITSTATUS(status) != 0)
		error_set(err, "dot failed with exit status %d%s%s", WEXITSTATUS(status),
		    complaints[0] != '\0' ? ": " : "", complaints);
	else if (child.write_failed)
		error_set(err, "cannot write dot's output: %s", strerror(errno));
	else if (child.produced == 0)
		error_set(err, "dot produced no output%s%s",
		    complaints[0] != '\0' ? ": " : "", complaints);
	else
		ok = true;
out:
	for (int i = 0; i < 2; i++) {
		if (out_pipe[i] >= 0)
			close(out_pipe[i]);
		if (err_pipe[i] >= 0)
			close(err_pipe[i]);
		if (report[i] >= 0)
			close(report[i]);
	}
	free(complaints);
	fclose(in);
	return ok;
}
