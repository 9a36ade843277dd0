/*
 * Strings between napkin and Graphviz.
 *
 * Graphviz's escString convention (a backslash escapes, \n breaks a line)
 * carries every napkin string through DOT exactly: libcgraph's writer does
 * not escape backslashes, so a raw string ending in one would come out as
 * broken DOT, but an escaped one never does.  The import side reduces the
 * labels found in foreign files -- escStrings, HTML-like and record labels
 * -- to the plain one-line text a napkin label holds.
 *
 * Every function returning char * returns a new string the caller frees.
 */
#ifndef NAPKIN_DOT_TEXT_H
#define NAPKIN_DOT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* s as an escString: each backslash doubled, newline written as \n. */
char *dot_escape(const char *s);
/*
 * An escString as Graphviz draws it: \\ is a backslash, \n \l \r break the
 * line, \N and \G stand for the node and graph names (kept as they are
 * when those are NULL), and any other \c is c.
 */
char *dot_unescape(const char *s, const char *node_name, const char *graph_name);
/*
 * s fit to be drawn: U+FFFE and U+FFFF, which no XML (so no SVG) may hold,
 * become U+FFFD.  Returns s itself when it is fine, else a new string.
 */
const char *dot_drawable(const char *s);
/* The text of an HTML-like label: tags dropped, <BR/> a line break, entities decoded. */
char *dot_html_text(const char *html);
/* The text of a record label: fields joined by spaces, ports dropped. */
char *dot_record_text(const char *label);
/* Write s escaped for the text of an HTML-like label (XML character data). */
void dot_write_xml_text(FILE *out, const char *s);
/* The shortest decimal text that reads back as v (v finite). */
void dot_format_number(double v, char buf[32]);

/*
 * s made fit for a napkin string: malformed UTF-8 becomes U+FFFD, control
 * characters become spaces (newline and tab stay when allow_layout), and it
 * is cut to max bytes on a character boundary.  *changed (may be NULL) says
 * whether anything was altered.
 */
char *text_clean(const char *s, size_t max, bool allow_layout, bool *changed);
/* Runs of white space (newlines included) become one space; ends trimmed.  In place. */
void text_squeeze(char *s);

#endif
