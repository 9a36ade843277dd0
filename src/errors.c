/*
 * Error messages: one at a time or a bounded list; see errors.h.
 *
 * Messages quote what files hold and end up on a terminal, so each one is
 * made safe here, whatever its writer did: a control character becomes
 * '?' (white space a space), and so does a byte that is not UTF-8 -- such
 * as half a character cut off by a "%.40s" or by the buffer's end.
 */
#include "errors.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

static void
make_printable(char *s)
{
	char *out = s;
	size_t len = strlen(s);

	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);

		if (n == 0) {
			*out++ = '?';
			n = 1;
		} else if (utf8_is_control(cp)) {
			*out++ = cp == '\t' || cp == '\n' || cp == '\r' ? ' ' : '?';
		} else {
			memmove(out, s, n);
			out += n;
		}
		s += n;
		len -= n;
	}
	*out = '\0';
}

static void
error_vset(struct napkin_error *err, const char *member, const char *fmt, va_list ap)
{
	if (err != NULL) {
		vsnprintf(err->message, sizeof err->message, fmt, ap);
		make_printable(err->message);
		err->member = member;
	}
}

bool
error_set(struct napkin_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vset(err, NULL, fmt, ap);
	va_end(ap);
	return false;
}

bool
error_set_member(struct napkin_error *err, const char *member, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vset(err, member, fmt, ap);
	va_end(ap);
	return false;
}

bool
error_list_full(const struct error_list *list)
{
	return list->count >= ERROR_LIST_MAX;
}

void
error_print(FILE *out, const char *fmt, ...)
{
	struct napkin_error err;
	va_list ap;

	va_start(ap, fmt);
	error_vset(&err, NULL, fmt, ap);
	va_end(ap);
	fprintf(out, "napkin: %s\n", err.message);
}

void
error_list_add(struct error_list *list, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	if (error_list_full(list)) {
		list->truncated = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	make_printable(buf);
	list->messages = xreallocarray(list->messages, list->count + 1, sizeof *list->messages);
	list->messages[list->count++] = xstrdup(buf);
}

void
error_list_print(const struct error_list *list, FILE *out)
{
	for (size_t i = 0; i < list->count; i++)
		fprintf(out, "%s\n", list->messages[i]);
	if (list->truncated)
		fprintf(out, "napkin: too many errors; stopped after %d\n", ERROR_LIST_MAX);
}

void
error_list_clear(struct error_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->messages[i]);
	free(list->messages);
	*list = (struct error_list){ 0 };
}
