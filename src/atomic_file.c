/*
 * Atomic file replacement: temporary file beside the target, fsync,
 * rename, fsync the directory.  See atomic_file.h.
 */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

/* The directory part of path ("." when there is none); the caller frees it. */
static char *
directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* realpath() would refuse a dangling link, which names a file not made yet. */
char *
atomic_file_target(const char *path)
{
	char *current = xstrdup(path);
	struct stat st;

	/* As many hops as the kernel allows (MAXSYMLINKS); rename reports a loop. */
	for (int hops = 0; hops < 40; hops++) {
		char *link, *next, *dir;
		ssize_t len;

		if (lstat(current, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		link = xmalloc((size_t)st.st_size + 2);
		len = readlink(current, link, (size_t)st.st_size + 1);
		if (len < 0 || len > st.st_size) {
			free(link);
			break;
		}
		link[len] = '\0';
		if (link[0] == '/') {
			next = link;
		} else {
			dir = directory_of(current);
			next = xasprintf("%s/%s", dir, link);
			free(dir);
			free(link);
		}
		free(current);
		current = next;
	}
	return current;
}

static mode_t
default_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

bool
atomic_write_file(const char *path, bool (*write)(FILE *out, void *context), void *context,
    struct napkin_error *err)
{
	char *target, *dir = NULL, *temp = NULL;
	const char *base;
	struct stat st;
	mode_t mode;
	FILE *out = NULL;
	bool ok = false, existed;
	int fd = -1, saved_errno = 0;
	const char *stage = "writing";

	/* Replace what a symlink points at, not the symlink. */
	target = atomic_file_target(path);
	existed = stat(target, &st) == 0;
	mode = existed ? (st.st_mode & 07777) : default_mode();
	if (existed && !S_ISREG(st.st_mode)) {
		error_set(err, "cannot save %s: not a regular file", path);
		goto out;
	}
	dir = directory_of(target);
	base = strrchr(target, '/') != NULL ? strrchr(target, '/') + 1 : target;
	temp = xasprintf("%s/.%s.napkin-XXXXXX", dir, base);
	fd = mkstemp(temp);
	if (fd < 0) {
		saved_errno = errno;
		stage = "creating a temporary file beside it";
		free(temp);
		temp = NULL;
		goto fail;
	}
	if (fchmod(fd, mode) != 0) {
		saved_errno = errno;
		goto fail;
	}
	out = fdopen(fd, "w");
	if (out == NULL) {
		saved_errno = errno;
		goto fail;
	}
	fd = -1;
	setvbuf(out, NULL, _IOFBF, 1 << 16);
	errno = 0;
	if (!write(out, context) || fflush(out) != 0) {
		saved_errno = errno != 0 ? errno : EIO;
		goto fail;
	}
	if (fsync(fileno(out)) != 0) {
		saved_errno = errno;
		stage = "syncing";
		goto fail;
	}
	if (fclose(out) != 0) {
		out = NULL;
		saved_errno = errno;
		goto fail;
	}
	out = NULL;
	if (rename(temp, target) != 0) {
		saved_errno = errno;
		stage = "renaming the temporary file over it";
		goto fail;
	}
	free(temp);
	temp = NULL;
	/* Make the rename itself durable. */
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
		fd = -1;
	}
	ok = true;
	goto out;
fail:
	error_set(err, "cannot save %s: %s (%s); %s", path, strerror(saved_errno), stage,
	    existed ? "the file on disk is unchanged" : "no file was made");
out:
	if (out != NULL)
		fclose(out);
	if (fd >= 0)
		close(fd);
	if (temp != NULL)
		unlink(temp);
	free(temp);
	free(dir);
	free(target);
	return ok;
}
