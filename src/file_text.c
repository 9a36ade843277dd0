/* Whole files in memory; see file_text.h. */
#include "file_text.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "diagram_json.h"
#include "xalloc.h"

char *
file_text_read(const char *path, size_t *len)
{
	FILE *in = fopen(path, "rb");
	char *text = NULL;
	size_t size = 0;
	FILE *out;
	char buf[65536];
	size_t got;
	struct stat st;

	if (in == NULL)
		return NULL;
	/* Refused on its size, not after reading a gigabyte. */
	if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > NAPKIN_FILE_MAX) {
		fclose(in);
		return NULL;
	}
	out = open_memstream(&text, &size);
	if (out == NULL)
		fatal("out of memory reading %s", path);
	while (size <= NAPKIN_FILE_MAX && (got = fread(buf, 1, sizeof buf, in)) > 0) {
		fwrite(buf, 1, got, out);
		fflush(out);
	}
	if (ferror(in) || fclose(out) != 0 || size > NAPKIN_FILE_MAX) {
		fclose(in);
		free(text);
		return NULL;
	}
	fclose(in);
	*len = size;
	return text;
}
