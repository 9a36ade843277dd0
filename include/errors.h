/*
 * The one error convention of the core.
 *
 * Operations that can fail for reasons the user must hear about return
 * false and fill a struct napkin_error (one message) or append to a struct
 * error_list (several, e.g. every problem found while loading a file).
 * Messages are complete sentences without a trailing newline; loaders
 * prefix them with "FILE:LINE:COL: ".
 */
#ifndef NAPKIN_ERRORS_H
#define NAPKIN_ERRORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct napkin_error {
	char message[512];
	/* The file-format member the error is about ("replicas"), or NULL. */
	const char *member;
};

/* Fill err (which may be NULL) and return false, for "return error_set(...)". */
bool error_set(struct napkin_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same, naming the member at fault. */
bool error_set_member(struct napkin_error *err, const char *member, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Write "napkin: MESSAGE\n" to out, the message made safe as error_set
 * makes it: for messages that quote a path or an argument, which can hold
 * escape sequences (a file name a glob found).
 */
void error_print(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A loader stops collecting after this many messages. */
#define ERROR_LIST_MAX 20

struct error_list {
	char **messages;	/* owned */
	size_t count;
	bool truncated;		/* more errors were found than were kept */
};

void error_list_add(struct error_list *list, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool error_list_full(const struct error_list *list);
/* One message per line, then a note when the list was truncated. */
void error_list_print(const struct error_list *list, FILE *out);
void error_list_clear(struct error_list *list);

#endif
