/*
 * UTF-8 checks shared by the loaders and the renderer.  Every string napkin
 * reads from a file is checked here before it can reach a terminal, a DOT
 * file or a Mermaid chart.
 */
#ifndef NAPKIN_UTF8_H
#define NAPKIN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Decode one code point from s (len bytes available).  Returns its length in
 * bytes, or 0 when the sequence is malformed, overlong, a surrogate or
 * beyond U+10FFFF.
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *codepoint);
/* Encode codepoint into out (4 bytes of room); returns the length. */
size_t utf8_encode(uint32_t codepoint, char *out);
/* True when s[0..len) is valid UTF-8; otherwise *bad is the first bad byte. */
bool utf8_valid(const char *s, size_t len, size_t *bad);
/* Number of code points in s[0..len) (malformed bytes count one each). */
size_t utf8_count(const char *s, size_t len);
/*
 * A control character a terminal might act on: C0 (U+0000-U+001F), DEL
 * and C1 (U+0080-U+009F).
 */
bool utf8_is_control(uint32_t codepoint);
/*
 * The first control character in the UTF-8 string s, or NULL when it has
 * none.  Newline and tab are allowed when allow_layout is true (notes).
 */
const char *utf8_find_control(const char *s, bool allow_layout);

/*
 * Columns a code point takes in a terminal: 0 for combining marks and
 * zero-width characters, 2 for East Asian wide and emoji, else 1.  A fixed
 * table rather than wcwidth(), so layout does not depend on the locale.
 */
int utf8_char_width(uint32_t codepoint);
/* Columns the UTF-8 string s takes (malformed bytes count one each). */
size_t utf8_width(const char *s);
/*
 * The length in bytes of the longest prefix of s that fits in columns
 * columns; *used (may be NULL) receives its width.
 */
size_t utf8_prefix_for_width(const char *s, size_t columns, size_t *used);

/* Write s with control characters and malformed bytes shown as '?'. */
void utf8_write_printable(FILE *out, const char *s);

#endif
