/*
 * Parsing DOT text with libcgraph (agread), with the parser's complaints
 * turned into "NAME:LINE: message" errors and warnings.
 *
 * libcgraph's scanner is global and keeps its state between reads, so
 * dot_read() checks first that the text does not end inside a comment,
 * quoted string or HTML-like label (the one way to leave the scanner
 * stuck), and reads every graph in the text, so nothing is left over for
 * the next read.
 */
#ifndef NAPKIN_DOT_READ_H
#define NAPKIN_DOT_READ_H

#include <stddef.h>

#include <graphviz/cgraph.h>

#include "errors.h"

/* DOT files larger than this are refused before they are parsed. */
#define DOT_FILE_MAX ((size_t)1 << 30)

/*
 * Parse the first graph in data[0..len).  Returns it (the caller agclose()s
 * it) or NULL with errors appended.  The parser's messages are captured,
 * not printed: errors and warnings read "NAME:LINE: message".
 * *more_graphs receives how many graphs followed the first (ignored).
 */
Agraph_t *dot_read(const char *name, const char *data, size_t len, size_t *more_graphs,
    struct error_list *warnings, struct error_list *errors);

#endif
