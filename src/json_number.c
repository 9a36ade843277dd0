/* Shortest locale-independent JSON numbers; see json_number.h. */
#include "json_number.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * printf and strtod follow LC_NUMERIC, and a program that calls
 * setlocale(LC_ALL, "") in a German locale gets "0,1".  Both sides of the
 * round-trip check below use the same locale, so it holds; then the
 * locale's decimal point (which may be several bytes) becomes '.'.
 */
static void
use_decimal_point(char *buf)
{
	const char *point = localeconv()->decimal_point;
	size_t len = point != NULL ? strlen(point) : 0;
	char *at;

	if (len == 0 || strcmp(point, ".") == 0 || (at = strstr(buf, point)) == NULL)
		return;
	*at = '.';
	memmove(at + 1, at + len, strlen(at + len) + 1);
}

void
json_format_number(double v, char buf[JSON_NUMBER_SIZE])
{
	if (!isfinite(v)) {
		strcpy(buf, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		/* Plain digits by hand: files hold millions of coordinates. */
		unsigned long long n = (unsigned long long)fabs(v);
		char digits[20];
		size_t count = 0, o = 0;

		do {
			digits[count++] = (char)('0' + n % 10);
			n /= 10;
		} while (n > 0);
		if (signbit(v))
			buf[o++] = '-';
		while (count > 0)
			buf[o++] = digits[--count];
		buf[o] = '\0';
		return;
	}
	snprintf(buf, JSON_NUMBER_SIZE, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, JSON_NUMBER_SIZE, "%.17g", v);
	use_decimal_point(buf);
}
