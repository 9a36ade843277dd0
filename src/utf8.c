/* UTF-8 decoding and validation; see utf8.h. */
#include "utf8.h"

#include <string.h>

size_t
utf8_decode(const char *str, size_t len, uint32_t *codepoint)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t cp;
	size_t n;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*codepoint = s[0];
		return 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		cp = s[0] & 0x1f;
		n = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		cp = s[0] & 0x0f;
		n = 3;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		cp = s[0] & 0x07;
		n = 4;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*codepoint = cp;
	return n;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

bool
utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		uint64_t words[4];
		size_t n;

		/* Fast path over plain ASCII, which is nearly every byte: 32 at a time, then 8. */
		if (len - i >= sizeof words) {
			memcpy(words, s + i, sizeof words);
			if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080u) == 0) {
				i += sizeof words;
				continue;
			}
		}
		if (len - i >= sizeof words[0]) {
			memcpy(words, s + i, sizeof words[0]);
			if ((words[0] & 0x8080808080808080u) == 0) {
				i += sizeof words[0];
				continue;
			}
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (bad != NULL)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t count = 0;

	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	}
	return count;
}

bool
utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

const char *
utf8_find_control(const char *s, bool allow_layout)
{
	size_t len = strlen(s);
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0)
			return s + i;	/* not UTF-8: as unsafe as a control */
		if (utf8_is_control(cp) && !(allow_layout && (cp == '\n' || cp == '\t')))
			return s + i;
		i += n;
	}
	return NULL;
}

struct range {
	uint32_t first, last;
};

static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd }, { 0x0610, 0x061a },
	{ 0x064b, 0x065f }, { 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e }, { 0x2060, 0x2064 },
	{ 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
	{ 0xe0100, 0xe01ef },
};

static const struct range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a }, { 0x23e9, 0x23ec },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 }, { 0x26d4, 0x26d4 },
	{ 0x26ea, 0x26ea }, { 0x26f2, 0x26f5 }, { 0x26fa, 0x26fd }, { 0x2705, 0x2705 },
	{ 0x270a, 0x270b }, { 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf },
	{ 0x2b1b, 0x2b1c }, { 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xa960, 0xa97f }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe10, 0xfe19 },
	{ 0xfe30, 0xfe6f }, { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe4 },
	{ 0x17000, 0x18cff }, { 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf },
	{ 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a }, { 0x1f200, 0x1f251 }, { 0x1f300, 0x1f64f },
	{ 0x1f680, 0x1f6ff }, { 0x1f7e0, 0x1f7eb }, { 0x1f90c, 0x1f9ff }, { 0x1fa70, 0x1faff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static bool
in_ranges(uint32_t cp, const struct range *ranges, size_t count)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < ranges[mid].first)
			hi = mid;
		else if (cp > ranges[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int
utf8_char_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

size_t
utf8_prefix_for_width(const char *s, size_t columns, size_t *used)
{
	size_t len = strlen(s), i = 0, width = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		int w;

		if (n == 0) {
			n = 1;
			cp = '?';
		}
		w = utf8_char_width(cp);
		if (width + (size_t)w > columns)
			break;
		width += (size_t)w;
		i += n;
	}
	if (used != NULL)
		*used = width;
	return i;
}

size_t
utf8_width(const char *s)
{
	size_t width;

	utf8_prefix_for_width(s, SIZE_MAX, &width);
	return width;
}

/* Text with control characters (and malformed bytes) shown as '?'. */
void
utf8_write_printable(FILE *out, const char *s)
{
	size_t length = strlen(s);
	const char *run = s;

	/* Runs of good text go out in one fwrite: reports can be megabytes. */
	while (length > 0) {
		uint32_t cp;
		size_t n;

		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f) {
			s++;
			length--;
			continue;
		}
		n = utf8_decode(s, length, &cp);
		if (n != 0 && !utf8_is_control(cp)) {
			s += n;
			length -= n;
			continue;
		}
		fwrite(run, 1, (size_t)(s - run), out);
		fputc('?', out);
		n = n != 0 ? n : 1;
		s += n;
		length -= n;
		run = s;
	}
	fwrite(run, 1, (size_t)(s - run), out);
}
