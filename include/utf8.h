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

#endif
