/*
 * Writing JSON text by hand (json_save.c, the critique's reports): strings
 * escaped so that no control byte from a file reaches the output raw.
 */
#ifndef NAPKIN_JSON_WRITE_H
#define NAPKIN_JSON_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cJSON;

/*
 * How many bytes at s stand for a character that cannot appear raw in
 * napkin's JSON: 1 for '"', '\\', a C0 control or DEL; 2 for a C1 control
 * (U+0080-U+009F, which some terminals obey as they do ESC); 0 when s[0]
 * stands for itself.  Inline: writers ask it of every byte they write.
 */
static inline size_t
json_escape_span(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f)
		return 1;
	if (c == 0xc2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9f)
		return 2;
	return 0;
}
/* The escape for those span bytes ("\\n", "\\u001b", "\\u009b") into buf; returns its length. */
size_t json_escape(const char *s, size_t span, char buf[8]);
/* Write s as a JSON string literal, quotes included. */
void json_write_string(FILE *out, const char *s);
/*
 * Write v compactly (no white space) as the file writer would: numbers
 * exact (cJSON's printer drops digits past the 15th), strings escaped
 * (it leaves DEL and C1 controls raw).
 */
void json_write_value(FILE *out, const struct cJSON *v);

#endif
