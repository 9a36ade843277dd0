/*
 * Raw JSON scanning for the loader; see json_scan.h.  Nothing here
 * allocates: the scanner only moves offsets over the caller's text.
 */
#include "json_scan.h"

#include <string.h>

#include "utf8.h"

/*
 * What each byte means to the scanner, looked up once per byte: the loops
 * below run over every byte of a file, and a table beats a chain of
 * comparisons there.
 */
enum {
	CLASS_SPACE = 1 << 0,		/* JSON whitespace */
	CLASS_DELIMITER = 1 << 1,	/* ends a number or literal */
	CLASS_STRING_STOP = 1 << 2,	/* ends a run of plain string bytes: '"', '\\', controls */
};

#define CONTROLS(c) [c] = CLASS_STRING_STOP
static const unsigned char char_class[256] = {
	CONTROLS(0x00), CONTROLS(0x01), CONTROLS(0x02), CONTROLS(0x03), CONTROLS(0x04),
	CONTROLS(0x05), CONTROLS(0x06), CONTROLS(0x07), CONTROLS(0x08), CONTROLS(0x0b),
	CONTROLS(0x0c), CONTROLS(0x0e), CONTROLS(0x0f), CONTROLS(0x10), CONTROLS(0x11),
	CONTROLS(0x12), CONTROLS(0x13), CONTROLS(0x14), CONTROLS(0x15), CONTROLS(0x16),
	CONTROLS(0x17), CONTROLS(0x18), CONTROLS(0x19), CONTROLS(0x1a), CONTROLS(0x1b),
	CONTROLS(0x1c), CONTROLS(0x1d), CONTROLS(0x1e), CONTROLS(0x1f),
	['\t'] = CLASS_SPACE | CLASS_DELIMITER | CLASS_STRING_STOP,
	['\n'] = CLASS_SPACE | CLASS_DELIMITER | CLASS_STRING_STOP,
	['\r'] = CLASS_SPACE | CLASS_DELIMITER | CLASS_STRING_STOP,
	[' '] = CLASS_SPACE | CLASS_DELIMITER,
	['"'] = CLASS_DELIMITER | CLASS_STRING_STOP, ['\\'] = CLASS_STRING_STOP,
	[','] = CLASS_DELIMITER, [':'] = CLASS_DELIMITER, ['['] = CLASS_DELIMITER,
	[']'] = CLASS_DELIMITER, ['{'] = CLASS_DELIMITER, ['}'] = CLASS_DELIMITER,
};
#undef CONTROLS

static bool
is_space(char c)
{
	return char_class[(unsigned char)c] & CLASS_SPACE;
}

static bool
is_delimiter(char c)
{
	return char_class[(unsigned char)c] & CLASS_DELIMITER;
}

/* Where the number or literal at p ends: at the first delimiter. */
static size_t
scalar_end(struct json_text t, size_t p)
{
	while (p < t.len && !is_delimiter(t.data[p]))
		p++;
	return p;
}

static bool
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The UTF-16 unit of the \uXXXX escape at p, or -1 when it is not one. */
static long
escape_unit(struct json_text t, size_t p)
{
	long unit = 0;

	if (p + 6 > t.len || t.data[p] != '\\' || t.data[p + 1] != 'u')
		return -1;
	for (size_t i = p + 2; i < p + 6; i++) {
		char c = t.data[i];

		if (!is_hex(c))
			return -1;
		unit = unit * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return unit;
}

static inline size_t
skip_space(struct json_text t, size_t pos)
{
	while (pos < t.len && is_space(t.data[pos]))
		pos++;
	return pos;
}

size_t
json_skip_space(struct json_text t, size_t pos)
{
	return skip_space(t, pos);
}

/* Where the run of plain string bytes from p ends: a quote, a backslash, a control or the end. */
static inline size_t
plain_run(struct json_text t, size_t p)
{
	while (p < t.len && !(char_class[(unsigned char)t.data[p]] & CLASS_STRING_STOP))
		p++;
	return p;
}

/* string_end for any string: escapes, and every error. */
static bool
string_scan(struct json_text t, size_t pos, size_t *end, const char **message, bool *escaped)
{
	size_t p = pos + 1;

	*escaped = false;
	while (p < t.len) {
		unsigned char c;

		p = plain_run(t, p);
		if (p == t.len)
			break;
		c = (unsigned char)t.data[p];
		if (c == '"') {
			*end = p + 1;
			return true;
		}
		if (c == '\\') {
			*escaped = true;
			if (p + 1 >= t.len)
				break;
			c = (unsigned char)t.data[p + 1];
			if (c == 'u') {
				long unit = escape_unit(t, p), low;

				*end = p;
				if (unit < 0) {
					*message = "\\u must be followed by four hexadecimal digits";
					return false;
				}
				if (unit == 0) {
					*message = "strings must not contain \\u0000 (NUL)";
					return false;
				}
				p += 6;
				if (unit < 0xd800 || unit > 0xdfff)
					continue;
				/* A surrogate is half a character: high then low, as a pair. */
				low = escape_unit(t, p);
				if (unit > 0xdbff || low < 0xdc00 || low > 0xdfff) {
					*message = "\\u escape is half a UTF-16 surrogate pair";
					return false;
				}
				p += 6;
				continue;
			}
			if (strchr("\"\\/bfnrt", c) == NULL || c == '\0') {
				*end = p;
				*message = "unknown escape sequence in string";
				return false;
			}
			p += 2;
			continue;
		}
		if (c == '\n' || c == '\r') {
			/* JSON strings never span lines: the closing quote is missing. */
			*end = pos;
			*message = "string is not terminated before the end of the line";
			return false;
		}
		/* The only bytes left that stop a run: other controls. */
		*end = p;
		*message = "control character in string (JSON needs it escaped)";
		return false;
	}
	*end = pos;
	*message = "string is not terminated";
	return false;
}

/*
 * pos is at the opening quote; on success *end is one past the closing one
 * and *escaped says whether the string holds an escape (when it does not,
 * its text is its value).  Nearly every string is one plain run and a
 * quote; that case is small enough to be inlined where strings are met.
 */
static inline bool
string_end(struct json_text t, size_t pos, size_t *end, const char **message, bool *escaped)
{
	size_t p = plain_run(t, pos + 1);

	if (p < t.len && t.data[p] == '"') {
		*end = p + 1;
		*escaped = false;
		return true;
	}
	return string_scan(t, pos, end, message, escaped);
}

bool
json_value_end(struct json_text t, size_t pos, size_t *end, const char **message)
{
	char stack[JSON_DEPTH_MAX];
	size_t depth = 0;
	size_t p = pos;
	bool escaped;

	while (p < t.len) {
		char c = t.data[p];

		if (c == '"') {
			if (!string_end(t, p, &p, message, &escaped)) {
				*end = p;
				return false;
			}
		} else if (c == '{' || c == '[') {
			if (depth == JSON_DEPTH_MAX) {
				*end = p;
				*message = "nesting is deeper than 200 levels";
				return false;
			}
			stack[depth++] = c == '{' ? '}' : ']';
			p++;
			continue;
		} else if (c == '}' || c == ']') {
			if (depth == 0 || stack[depth - 1] != c) {
				*end = p;
				*message = depth == 0 ? "unexpected closing bracket" :
				    stack[depth - 1] == '}' ? "expected '}' to close the object here" :
				    "expected ']' to close the array here";
				return false;
			}
			depth--;
			p++;
		} else if (is_space(c) || c == ',' || c == ':') {
			if (depth == 0)
				break;
			p++;
			continue;
		} else {
			size_t start = p;

			p = scalar_end(t, p);
			if (p == start) {
				*end = p;
				*message = "unexpected character";
				return false;
			}
		}
		if (depth == 0) {
			*end = p;
			return true;
		}
	}
	*end = p;
	*message = depth > 0 ? "unexpected end of file inside a value" : "expected a value";
	return false;
}

/* json_next_start, and whether the key holds an escape. */
static int
next_start(struct json_text t, size_t pos, size_t *cursor, size_t *key_start, size_t *key_end,
    size_t *value, const char **message, bool *key_escaped)
{
	bool object = t.data[pos] == '{';
	char close = object ? '}' : ']', wrong_close = object ? ']' : '}';
	size_t p;

	if (*cursor == 0) {
		p = skip_space(t, pos + 1);
		if (p < t.len && t.data[p] == close) {
			*value = p;
			return 0;
		}
	} else {
		p = skip_space(t, *cursor);
		if (p < t.len && t.data[p] == close) {
			*value = p;
			return 0;
		}
		if (p >= t.len || t.data[p] != ',') {
			*value = p;
			*message = p >= t.len ? "unexpected end of file inside a value" :
			    t.data[p] == wrong_close ?
			    (object ? "expected '}' to close the object here" :
			    "expected ']' to close the array here") :
			    object ? "expected ',' or '}' after a member" :
			    "expected ',' or ']' after an element";
			return -1;
		}
		p = skip_space(t, p + 1);
		if (p < t.len && t.data[p] == close) {
			*value = skip_space(t, *cursor);
			*message = object ? "trailing comma before '}'" : "trailing comma before ']'";
			return -1;
		}
	}
	if (object) {
		if (p >= t.len || t.data[p] != '"') {
			*value = p;
			*message = "expected a member name in double quotes";
			return -1;
		}
		*key_start = p;
		if (!string_end(t, p, key_end, message, key_escaped)) {
			*value = *key_end;
			return -1;
		}
		p = skip_space(t, *key_end);
		if (p >= t.len || t.data[p] != ':') {
			*value = p;
			*message = "expected ':' after the member name";
			return -1;
		}
		p = skip_space(t, p + 1);
	}
	if (p >= t.len || t.data[p] == ',' || t.data[p] == close) {
		*value = p;
		*message = p >= t.len ? "unexpected end of file inside a value" : "expected a value";
		return -1;
	}
	*value = p;
	return 1;
}

int
json_next_start(struct json_text t, size_t pos, size_t *cursor, size_t *key_start,
    size_t *key_end, size_t *value, const char **message)
{
	bool escaped;

	return next_start(t, pos, cursor, key_start, key_end, value, message, &escaped);
}

int
json_next(struct json_text t, size_t pos, size_t *cursor, size_t *key_start, size_t *key_end,
    size_t *value, const char **message)
{
	int more = json_next_start(t, pos, cursor, key_start, key_end, value, message);

	if (more <= 0)
		return more;
	if (!json_value_end(t, *value, cursor, message)) {
		*value = *cursor;
		return -1;
	}
	return 1;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A number or literal ends at the first delimiter; check what lies before. */
static bool
check_scalar(struct json_text t, size_t pos, size_t end, size_t *bad, const char **message)
{
	const char *s = t.data + pos;
	size_t len = end - pos, i = 0;

	if ((len == 4 && memcmp(s, "true", 4) == 0) || (len == 5 && memcmp(s, "false", 5) == 0) ||
	    (len == 4 && memcmp(s, "null", 4) == 0))
		return true;
	*bad = pos;
	*message = "expected a value (a string, number, object, array, true, false or null)";
	if (i < len && s[i] == '-')
		i++;
	if (i == len || !is_digit(s[i]))
		return false;
	*message = "malformed number";
	if (s[i] == '0' && i + 1 < len && is_digit(s[i + 1]))
		return false;
	while (i < len && is_digit(s[i]))
		i++;
	if (i < len && s[i] == '.') {
		if (++i == len || !is_digit(s[i]))
			return false;
		while (i < len && is_digit(s[i]))
			i++;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == len || !is_digit(s[i]))
			return false;
		while (i < len && is_digit(s[i]))
			i++;
	}
	return i == len;
}

/*
 * json_check_value, and whether the value, when a string, holds an escape.
 * Each byte is looked at once, however deep the nesting.
 */
static bool
check_value(struct json_text t, size_t pos, int depth, size_t *end, size_t *bad,
    const char **message, bool *escaped)
{
	size_t cursor = 0, ks, ke, value, p = pos;
	bool inner;
	int more;

	*escaped = false;
	if (pos >= t.len) {
		*bad = pos;
		*message = "unexpected end of file";
		return false;
	}
	if (t.data[pos] == '"') {
		if (!string_end(t, pos, end, message, escaped)) {
			*bad = *end;
			return false;
		}
		return true;
	}
	if (t.data[pos] != '{' && t.data[pos] != '[') {
		*end = scalar_end(t, p);
		return check_scalar(t, pos, *end, bad, message);
	}
	if (depth >= JSON_DEPTH_MAX) {
		*bad = pos;
		*message = "nesting is deeper than 200 levels";
		return false;
	}
	while ((more = next_start(t, pos, &cursor, &ks, &ke, &value, message, &inner)) > 0) {
		if (!check_value(t, value, depth + 1, &cursor, bad, message, &inner))
			return false;
	}
	if (more < 0) {
		*bad = value;
		return false;
	}
	*end = value + 1;
	return true;
}

bool
json_check_value(struct json_text t, size_t pos, int depth, size_t *end, size_t *bad,
    const char **message)
{
	bool escaped;

	return check_value(t, pos, depth, end, bad, message, &escaped);
}

/*
 * The member json_next_member finds in nearly every element, in one pass:
 * from p (just past the '{' when first, else just past the last value), an
 * optional ',' then "key": value, where neither the key nor a string value
 * holds an escape and the value is a string, number, true, false or null.
 * Anything else -- the end of the object, an escape, a nested value, every
 * error -- returns false before *m is complete, and the general path reads
 * the member from the same place.  Either way the member comes out the same.
 */
static bool
plain_member(struct json_text t, size_t p, bool first, struct json_member *m)
{
	const char *s = t.data;
	size_t bad;
	const char *message;

	p = skip_space(t, p);
	if (!first) {
		if (p >= t.len || s[p] != ',')
			return false;
		p = skip_space(t, p + 1);
	}
	if (p >= t.len || s[p] != '"')
		return false;
	m->key = p;
	p = plain_run(t, p + 1);
	if (p >= t.len || s[p] != '"')
		return false;
	m->key_end = p + 1;
	p = skip_space(t, p + 1);
	if (p >= t.len || s[p] != ':')
		return false;
	m->value = p = skip_space(t, p + 1);
	if (p >= t.len || s[p] == '{' || s[p] == '[')
		return false;
	if (s[p] == '"') {
		p = plain_run(t, p + 1);
		if (p >= t.len || s[p] != '"')
			return false;
		m->end = p + 1;
	} else {
		m->end = scalar_end(t, p);
		if (!check_scalar(t, p, m->end, &bad, &message))
			return false;
	}
	m->key_escaped = m->value_escaped = false;
	return true;
}

int
json_next_member(struct json_text t, size_t pos, int depth, size_t *cursor, struct json_member *m,
    size_t *bad, const char **message)
{
	int more;

	if (t.data[pos] == '{' && plain_member(t, *cursor == 0 ? pos + 1 : *cursor, *cursor == 0, m)) {
		*cursor = m->end;
		return 1;
	}
	more = next_start(t, pos, cursor, &m->key, &m->key_end, &m->value, message, &m->key_escaped);
	if (more < 0)
		*bad = m->value;
	if (more <= 0)
		return more;
	if (!check_value(t, m->value, depth + 1, cursor, bad, message, &m->value_escaped))
		return -1;
	m->end = *cursor;
	return 1;
}

size_t
json_string_decode(struct json_text t, size_t pos, char *out)
{
	size_t p = pos + 1, o = 0;

	while (p < t.len && t.data[p] != '"') {
		long unit, low;
		char c;

		if (t.data[p] != '\\') {
			out[o++] = t.data[p++];
			continue;
		}
		c = t.data[p + 1];
		if (c != 'u') {
			out[o++] = c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n' :
			    c == 'r' ? '\r' : c == 't' ? '\t' : c;
			p += 2;
			continue;
		}
		unit = escape_unit(t, p);
		p += 6;
		if (unit >= 0xd800 && unit <= 0xdbff) {
			low = escape_unit(t, p);
			unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
			p += 6;
		}
		o += utf8_encode((uint32_t)unit, out + o);
	}
	out[o] = '\0';
	return o;
}

bool
json_check(struct json_text t, size_t pos, size_t *bad, const char **message)
{
	size_t end;

	return json_check_value(t, skip_space(t, pos), 0, &end, bad, message);
}

size_t
json_locate(struct json_text t, size_t pos, const struct json_step *path, size_t depth)
{
	size_t p = skip_space(t, pos);

	for (size_t i = 0; i < depth; i++) {
		size_t cursor = 0, ks = 0, ke = 0, value, n = 0;
		const char *message;
		bool found = false;

		if (p >= t.len || t.data[p] != (path[i].key != NULL ? '{' : '['))
			return p;
		while (json_next(t, p, &cursor, &ks, &ke, &value, &message) == 1) {
			if (path[i].key != NULL) {
				size_t klen = strlen(path[i].key);

				found = ke - ks == klen + 2 && memcmp(t.data + ks + 1, path[i].key, klen) == 0;
			} else {
				found = n++ == path[i].index;
			}
			if (found)
				break;
		}
		if (!found)
			return p;
		p = value;
	}
	return p;
}

void
json_line_column(struct json_text t, size_t pos, unsigned long *line, unsigned long *column)
{
	const char *p = t.data, *end, *nl;
	unsigned long lines = 1;

	if (pos > t.len)
		pos = t.len;
	end = t.data + pos;
	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		lines++;
		p = nl + 1;
	}
	*line = lines;
	*column = (unsigned long)utf8_count(p, (size_t)(end - p)) + 1;
}
