/*
 * A fuzz harness without libFuzzer: run every file named on the command
 * line (a directory: every file in it) through LLVMFuzzerTestOneInput
 * once.  make test runs each harness this way over its corpus in
 * tests/fuzz/NAME/ -- seeds and every input that once crashed -- so a
 * fixed crash stays fixed.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "xalloc.h"

static size_t replayed;

static void
replay_file(const char *path)
{
	FILE *in = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, size = 0, got;

	if (in == NULL) {
		perror(path);
		exit(2);
	}
	do {
		if (len == size)
			data = xrealloc(data, size = size * 2 + 4096);
		got = fread(data + len, 1, size - len, in);
		len += got;
	} while (got > 0);
	fclose(in);
	/* An exact-size copy, so ASan sees any read past the input's end. */
	{
		uint8_t *exact = xmalloc(len > 0 ? len : 1);

		memcpy(exact, data, len);
		free(data);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	replayed++;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Test data directories hold expectations and notes beside the inputs. */
static bool
replayable(const char *name)
{
	static const char *const skip[] = { ".expected", ".md", ".txt" };
	size_t len = strlen(name);

	for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++) {
		size_t n = strlen(skip[i]);

		if (len > n && strcmp(name + len - n, skip[i]) == 0)
			return false;
	}
	return true;
}

static void
replay_directory(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t count = 0;

	if (d == NULL) {
		perror(dir);
		exit(2);
	}
	while ((e = readdir(d)) != NULL) {
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;

		if (e->d_name[0] == '.' || !replayable(e->d_name) || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		names = xreallocarray(names, count + 1, sizeof *names);
		names[count++] = path;
	}
	closedir(d);
	qsort(names, count, sizeof *names, by_name);
	for (size_t i = 0; i < count; i++) {
		replay_file(names[i]);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			replay_directory(argv[i]);
		else
			replay_file(argv[i]);
	}
	printf("   %zu inputs replayed, none broke a property\n", replayed);
	return 0;
}
