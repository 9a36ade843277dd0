/* JSON string literals, shared by every writer of JSON text. */
#include "json_write.h"

size_t
json_escape(unsigned char c, char buf[8])
{
	static const char simple[] = "\"\"\\\\\nn\tt\rr\bb\ff";

	for (size_t i = 0; i + 1 < sizeof simple; i += 2) {
		if ((unsigned char)simple[i] == c) {
			buf[0] = '\\';
			buf[1] = simple[i + 1];
			buf[2] = '\0';
			return 2;
		}
	}
	return (size_t)snprintf(buf, 8, "\\u%04x", c);
}

void
json_write_string(FILE *out, const char *s)
{
	char escape[8];

	fputc('"', out);
	while (*s != '\0') {
		size_t run = 0;

		/* Bytes that stand for themselves go out a run at a time, not a call each. */
		while (s[run] != '\0' && !json_needs_escape((unsigned char)s[run]))
			run++;
		fwrite(s, 1, run, out);
		s += run;
		if (*s != '\0') {
			fwrite(escape, 1, json_escape((unsigned char)*s, escape), out);
			s++;
		}
	}
	fputc('"', out);
}
