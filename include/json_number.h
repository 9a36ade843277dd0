/*
 * Numbers as JSON text: the shortest decimal that reads back as the same
 * double, with a '.' whatever LC_NUMERIC says.  The saver writes numbers
 * with it (so files are byte-stable and valid JSON in any locale) and the
 * loader quotes numbers in messages with it.
 */
#ifndef NAPKIN_JSON_NUMBER_H
#define NAPKIN_JSON_NUMBER_H

#include <stddef.h>

/* Room for any finite double in the shortest form, with its NUL. */
#define JSON_NUMBER_SIZE 32

/*
 * Write v into buf: integers below 1e15 in plain digits ("5000"), others
 * in %.15g or, when that does not read back exactly, %.17g.  Non-finite
 * values, which JSON cannot hold, come out as "null".
 */
void json_format_number(double v, char buf[JSON_NUMBER_SIZE]);

#endif
