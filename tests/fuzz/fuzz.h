/*
 * What every fuzz harness shares: the libFuzzer entry point and the
 * properties checked on whatever an input produced.  A property that does
 * not hold calls fuzz_fail(), which aborts, so libFuzzer (or the replayer
 * under make test) reports the input as a crash.
 */
#ifndef NAPKIN_FUZZ_H
#define NAPKIN_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "errors.h"
#include "utf8.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void
fuzz_fail(const char *what, const char *text, size_t len)
{
	fprintf(stderr, "fuzz property broken: %s\n", what);
	if (text != NULL)
		fprintf(stderr, "in: %.*s\n", (int)(len > 2000 ? 2000 : len), text);
	abort();
}

/*
 * Text bound for a terminal or a file: valid UTF-8 and no control
 * character (C0, DEL, C1) but, where layout allows, newline and tab.
 */
static inline void
fuzz_check_printable(const char *what, const char *s, size_t len, bool allow_layout)
{
	size_t bad;

	if (!utf8_valid(s, len, &bad))
		fuzz_fail(what, s, len);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0)
			fuzz_fail(what, s, len);
		if (utf8_is_control(cp) && !(allow_layout && (cp == '\n' || cp == '\t')))
			fuzz_fail(what, s, len);
		i += n;
	}
}

/* Every message is one printable line: it goes to stderr or the status line. */
static inline void
fuzz_check_messages(const char *what, const struct error_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		const char *m = list->messages[i];
		size_t len = 0;

		while (m[len] != '\0')
			len++;
		fuzz_check_printable(what, m, len, false);
	}
}

#endif
