/*
 * Writing JSON text by hand (json_save.c, the critique's reports): strings
 * escaped so that no control byte from a file reaches the output raw.
 */
#ifndef NAPKIN_JSON_WRITE_H
#define NAPKIN_JSON_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * True when byte c cannot stand for itself inside a JSON string.  Inline:
 * writers ask it of every byte they write.
 */
static inline bool
json_needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\' || c == 0x7f;
}
/* The escape for such a byte ("\\n", "\\u001b") into buf; returns its length. */
size_t json_escape(unsigned char c, char buf[8]);
/* Write s as a JSON string literal, quotes included. */
void json_write_string(FILE *out, const char *s);

#endif
