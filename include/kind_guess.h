/*
 * Guessing a component's kind from the words that describe it, for nodes
 * imported from DOT files that do not say their napkin kind.  The words
 * per kind are a column of the kind table (kind.h); docs/export.md lists
 * them and the rules.
 */
#ifndef NAPKIN_KIND_GUESS_H
#define NAPKIN_KIND_GUESS_H

#include <stdbool.h>

#include "kind.h"

/*
 * The kind the words of text suggest.  text is split into words at
 * anything but ASCII letters and digits, and CamelCase words into their
 * parts when the whole word matches nothing ("UserService" is "user" and
 * "service").  The last word that matches decides, as the last word of a
 * name usually says what the thing is ("user-db" is a db).  False, with
 * *kind untouched, when no word matches.
 */
bool kind_guess(const char *text, enum node_kind *kind);

#endif
