/* File helpers for the unit tests; see support.h. */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

char *
support_slurp(const char *path)
{
	FILE *in = fopen(path, "rb");
	char *text = NULL;
	size_t size = 0;
	FILE *out;
	int c;

	if (in == NULL)
		return NULL;
	out = open_memstream(&text, &size);
	if (out == NULL) {
		fclose(in);
		return NULL;
	}
	while ((c = getc(in)) != EOF)
		putc(c, out);
	fclose(in);
	fclose(out);
	return text;
}

char *
support_temp_dir(const char *name)
{
	const char *base = getenv("TMPDIR");
	char *dir;

	if (base == NULL || base[0] == '\0')
		base = "/tmp";
	dir = xasprintf("%s/napkin-%s-XXXXXX", base, name);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		abort();
	}
	return dir;
}

void
support_remove_dir(char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;

	while (dp != NULL && (e = readdir(dp)) != NULL) {
		char *path;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		unlink(path);
		free(path);
	}
	if (dp != NULL)
		closedir(dp);
	rmdir(dir);
	free(dir);
}

int
support_count_entries(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (dp == NULL)
		return -1;
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	}
	closedir(dp);
	return n;
}

void
support_spit(const char *path, const char *text)
{
	FILE *out = fopen(path, "w");

	if (out == NULL || fputs(text, out) == EOF || fclose(out) != 0) {
		perror(path);
		abort();
	}
}
