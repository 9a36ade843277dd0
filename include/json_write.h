/*
 * Writing JSON text by hand (json_save.c, the critique's reports): strings
 * escaped so that no control byte from a file reaches the output raw.
 */
#ifndef NAPKIN_JSON_WRITE_H
#define NAPKIN_JSON_WRITE_H

#include <stdio.h>

/* Write s as a JSON string literal, quotes included. */
void json_write_string(FILE *out, const char *s);

#endif
