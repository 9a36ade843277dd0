/* File helpers for the unit tests; see support.h. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

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
