/* Strings between napkin and Graphviz; see dot_text.h. */
#include "dot_text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"
#include "xalloc.h"

/* A growing string; every result here is built in one. */
struct text {
	char *s;
	size_t len, size;
};

static void
text_add(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->size) {
		t->size = (t->len + n + 1) * 2;
		t->s = xrealloc(t->s, t->size);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static void
text_add_char(struct text *t, char c)
{
	text_add(t, &c, 1);
}

static char *
text_finish(struct text *t)
{
	if (t->s == NULL)
		return xstrdup("");
	return t->s;
}

char *
dot_escape(const char *s)
{
	struct text t = { 0 };

	for (; *s != '\0'; s++) {
		if (*s == '\\')
			text_add(&t, "\\\\", 2);
		else if (*s == '\n')
			text_add(&t, "\\n", 2);
		else
			text_add_char(&t, *s);
	}
	return text_finish(&t);
}

char *
dot_unescape(const char *s, const char *node_name, const char *graph_name)
{
	struct text t = { 0 };

	for (; *s != '\0'; s++) {
		if (*s != '\\' || s[1] == '\0') {
			text_add_char(&t, *s);
			continue;
		}
		s++;
		switch (*s) {
		case 'n': case 'l': case 'r':
			text_add_char(&t, '\n');
			break;
		case 'N':
		case 'G': {
			const char *name = *s == 'N' ? node_name : graph_name;

			if (name != NULL)
				text_add(&t, name, strlen(name));
			else
				text_add(&t, s - 1, 2);
			break;
		}
		default:
			text_add_char(&t, *s);
		}
	}
	return text_finish(&t);
}

/* True for the code points XML forbids even as references (controls aside). */
static bool
xml_forbidden(uint32_t cp)
{
	return cp == 0xfffe || cp == 0xffff;
}

const char *
dot_drawable(const char *s)
{
	struct text t = { 0 };
	size_t len = strlen(s);
	bool changed = false;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0)
			n = 1;
		if (n == 3 && xml_forbidden(cp)) {
			text_add(&t, "\xef\xbf\xbd", 3);
			changed = true;
		} else {
			text_add(&t, s + i, n);
		}
		i += n;
	}
	if (!changed) {
		free(t.s);
		return s;
	}
	return text_finish(&t);
}

/* Decode the entity at s (just after '&'); returns its length up to ';' or 0. */
static size_t
decode_entity(const char *s, struct text *t)
{
	static const struct { const char *name; const char *text; } named[] = {
		{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
		{ "apos", "'" }, { "nbsp", " " },
	};
	const char *end = strchr(s, ';');
	size_t len;
	char buf[4];

	if (end == NULL || end - s > 10 || end == s)
		return 0;
	len = (size_t)(end - s);
	if (s[0] == '#') {
		char *stop;
		unsigned long cp = (s[1] == 'x' || s[1] == 'X') ? strtoul(s + 2, &stop, 16) :
		    strtoul(s + 1, &stop, 10);

		if (stop != end || cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		text_add(t, buf, utf8_encode((uint32_t)cp, buf));
		return len + 1;
	}
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (strlen(named[i].name) == len && strncmp(s, named[i].name, len) == 0) {
			text_add(t, named[i].text, strlen(named[i].text));
			return len + 1;
		}
	}
	return 0;
}

char *
dot_html_text(const char *html)
{
	struct text t = { 0 };

	for (const char *s = html; *s != '\0'; s++) {
		if (*s == '<') {
			const char *end = strchr(s, '>');

			if (end == NULL)
				break;
			/* <BR/> and the end of a table cell or row separate words. */
			if (strncasecmp(s, "<br", 3) == 0 || strncasecmp(s, "</td", 4) == 0 ||
			    strncasecmp(s, "</tr", 4) == 0)
				text_add_char(&t, '\n');
			s = end;
		} else if (*s == '&') {
			size_t n = decode_entity(s + 1, &t);

			if (n == 0)
				text_add_char(&t, '&');
			s += n;
		} else {
			text_add_char(&t, *s);
		}
	}
	return text_finish(&t);
}

char *
dot_record_text(const char *label)
{
	struct text t = { 0 };

	for (const char *s = label; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			text_add_char(&t, *s == 'n' || *s == 'l' || *s == 'r' ? ' ' : *s);
		} else if (*s == '<') {
			const char *end = strchr(s, '>');

			if (end == NULL)
				break;
			s = end;	/* a port name */
		} else if (*s == '{' || *s == '}' || *s == '|') {
			text_add_char(&t, ' ');
		} else {
			text_add_char(&t, *s);
		}
	}
	return text_finish(&t);
}

void
dot_write_xml_text(FILE *out, const char *s)
{
	size_t len = strlen(s);

	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);

		if (n == 0) {
			fputs("\xef\xbf\xbd", out);	/* U+FFFD */
			n = 1;
		} else if (xml_forbidden(cp)) {
			fputs("\xef\xbf\xbd", out);
		} else {
			switch (cp) {
			case '&': fputs("&amp;", out); break;
			case '<': fputs("&lt;", out); break;
			case '>': fputs("&gt;", out); break;
			case '"': fputs("&quot;", out); break;
			case ']': fputs("&#93;", out); break;	/* dot rejects a lone ] in a cell */
			default: fwrite(s, 1, n, out);
			}
		}
		s += n;
		len -= n;
	}
}

void
dot_format_number(double v, char buf[32])
{
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, 32, "%.0f", v);
		return;
	}
	snprintf(buf, 32, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, 32, "%.17g", v);
}

char *
text_clean(const char *s, size_t max, bool allow_layout, bool *changed)
{
	struct text t = { 0 };
	size_t len = strlen(s);
	bool altered = false;

	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		const char *add = s;
		size_t add_len = n;

		if (n == 0) {
			add = "\xef\xbf\xbd";
			add_len = 3;
			n = 1;
			altered = true;
		} else if (utf8_is_control(cp) && !(allow_layout && (cp == '\n' || cp == '\t'))) {
			add = " ";
			add_len = 1;
			altered = true;
		}
		if (t.len + add_len > max) {
			altered = true;
			break;
		}
		text_add(&t, add, add_len);
		s += n;
		len -= n;
	}
	if (changed != NULL)
		*changed = altered;
	return text_finish(&t);
}

void
text_squeeze(char *s)
{
	char *out = s;
	bool space = true;	/* drops leading white space */

	for (const char *in = s; *in != '\0'; in++) {
		if (*in == ' ' || *in == '\n' || *in == '\t' || *in == '\r') {
			if (!space)
				*out++ = ' ';
			space = true;
		} else {
			*out++ = *in;
			space = false;
		}
	}
	if (out > s && out[-1] == ' ')
		out--;
	*out = '\0';
}
