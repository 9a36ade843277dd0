/*
 * Parsing DOT with libcgraph; see dot_read.h.
 *
 * agread pulls text through an Agiodisc_t reading from memory.  Its
 * messages arrive through agseterrf() as "Error: ... in line N ..." text;
 * they are gathered during the read and rewritten as "NAME:N: ...".
 *
 * The scanner (flex, shared by every read in the process) only stays in a
 * comment, string or HTML state when the text ends inside one; scan_tail()
 * finds that first, mirroring the scanner's rules: a comment left open at
 * the end is cut off (dot ignores it too), an open string or HTML label is
 * the error dot would report, said more exactly.
 */
#include "dot_read.h"

#include <stdlib.h>
#include <string.h>

#include "dot_text.h"
#include "xalloc.h"

struct reader {
	const char *data;
	size_t len, pos;
};

static int
read_chunk(void *channel, char *buf, int size)
{
	struct reader *r = channel;
	size_t n = r->len - r->pos;

	if (size <= 0)
		return 0;
	if (n > (size_t)size)
		n = (size_t)size;
	memcpy(buf, r->data + r->pos, n);
	r->pos += n;
	return (int)n;
}

/* Everything libcgraph says during one read. */
static char *heard;
static size_t heard_len;

static int
hear(char *message)
{
	size_t n = strlen(message);

	heard = xrealloc(heard, heard_len + n + 1);
	memcpy(heard + heard_len, message, n + 1);
	heard_len += n;
	return 0;
}

/* "Error: syntax error in line 4 near '}'" -> "NAME:4: syntax error near '}'". */
static void
report(const char *name, const char *line, size_t len, struct error_list *warnings,
    struct error_list *errors)
{
	bool error = strncmp(line, "Error: ", 7) == 0;
	char *text = xstrndup(line, len), *clean, *at;
	const char *body = text;
	long number = -1;

	if (error)
		body += 7;
	else if (strncmp(body, "Warning: ", 9) == 0)
		body += 9;
	at = strstr(body, " in line ");
	if (at != NULL) {
		char *end;

		number = strtol(at + 9, &end, 10);
		if (strncmp(end, " of input", 9) == 0)
			end += 9;
		memmove(at, end, strlen(end) + 1);
	}
	clean = text_clean(body, 400, false, NULL);
	text_squeeze(clean);
	if (number > 0)
		error_list_add(error ? errors : warnings, "%s:%ld: %s", name, number, clean);
	else
		error_list_add(error ? errors : warnings, "%s: %s", name, clean);
	free(clean);
	free(text);
}

/* Turn what was heard into messages, one per "Error:"/"Warning:" line. */
static size_t
report_heard(const char *name, struct error_list *warnings, struct error_list *errors)
{
	size_t reported = 0;

	for (const char *line = heard; line != NULL && *line != '\0';) {
		const char *end = strchr(line, '\n');
		size_t len = end != NULL ? (size_t)(end - line) : strlen(line);

		if (strncmp(line, "Error: ", 7) == 0 || strncmp(line, "Warning: ", 9) == 0) {
			report(name, line, len, warnings, errors);
			reported++;
		}
		line = end != NULL ? end + 1 : NULL;
	}
	free(heard);
	heard = NULL;
	heard_len = 0;
	return reported;
}

enum scan_state { SCAN_CODE, SCAN_COMMENT, SCAN_STRING, SCAN_HTML };

/*
 * Follow the scanner's states to the end of the text: returns the state it
 * ends in, with *start the offset and *start_line the line where that
 * comment, string or label began.
 */
static enum scan_state
scan_tail(const char *s, size_t len, size_t *start, unsigned long *start_line)
{
	enum scan_state state = SCAN_CODE;
	unsigned long line = 1;
	int nest = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i], next = i + 1 < len ? s[i + 1] : '\0';

		if (c == '\n')
			line++;
		switch (state) {
		case SCAN_CODE:
			if (c == '/' && next == '*') {
				state = SCAN_COMMENT;
				*start = i++;
				*start_line = line;
			} else if ((c == '/' && next == '/') || c == '#') {
				while (i + 1 < len && s[i + 1] != '\n')
					i++;
			} else if (c == '"' || c == '<') {
				state = c == '"' ? SCAN_STRING : SCAN_HTML;
				nest = 1;
				*start = i;
				*start_line = line;
			}
			break;
		case SCAN_COMMENT:
			if (c == '*' && next == '/') {
				state = SCAN_CODE;
				i++;
			}
			break;
		case SCAN_STRING:
			if (c == '\\' && i + 1 < len) {
				if (next == '\n')
					line++;
				i++;
			} else if (c == '"') {
				state = SCAN_CODE;
			}
			break;
		case SCAN_HTML:
			if (c == '<')
				nest++;
			else if (c == '>' && --nest == 0)
				state = SCAN_CODE;
			break;
		}
	}
	return state;
}

/* False (with an error) when the text cannot be handed to the scanner. */
static bool
check_text(const char *name, const char *data, size_t *len, struct error_list *errors)
{
	size_t start = 0;
	unsigned long line = 0;

	if (memchr(data, '\0', *len) != NULL) {
		error_list_add(errors, "%s: holds a NUL byte; DOT files are text", name);
		return false;
	}
	switch (scan_tail(data, *len, &start, &line)) {
	case SCAN_CODE:
		break;
	case SCAN_COMMENT:
		*len = start;	/* dot ignores an unclosed comment at the end too */
		break;
	case SCAN_STRING:
		error_list_add(errors, "%s:%lu: syntax error: this quoted string is never closed "
		    "(a \" is missing)", name, line);
		return false;
	case SCAN_HTML:
		error_list_add(errors, "%s:%lu: syntax error: this HTML-like label is never closed "
		    "(a > is missing)", name, line);
		return false;
	}
	return true;
}

Agraph_t *
dot_read(const char *name, const char *data, size_t len, size_t *more_graphs,
    struct error_list *warnings, struct error_list *errors)
{
	Agiodisc_t io = { read_chunk, AgIoDisc.putstr, AgIoDisc.flush };
	Agdisc_t disc = { &AgMemDisc, &AgIdDisc, &io };
	struct reader r = { data, len, 0 };
	size_t errors_before = errors->count;
	agusererrf previous;
	Agraph_t *g, *extra;

	*more_graphs = 0;
	if (len > DOT_FILE_MAX) {
		error_list_add(errors, "%s: the file is %zu bytes; the limit is %zu bytes (1 GiB)", name, len,
		    DOT_FILE_MAX);
		return NULL;
	}
	if (!check_text(name, data, &r.len, errors))
		return NULL;
	previous = agseterrf(hear);
	agsetfile(NULL);	/* messages name no file: report() adds ours */
	g = agread(&r, &disc);
	/* Read to the end, so no text is left in the scanner for the next read. */
	while (g != NULL && (extra = agread(&r, &disc)) != NULL) {
		(*more_graphs)++;
		agclose(extra);
	}
	agseterrf(previous);
	report_heard(name, warnings, errors);
	if (g != NULL && errors->count > errors_before) {
		agclose(g);	/* a later graph in the file is broken */
		g = NULL;
	}
	if (g == NULL && errors->count == errors_before)
		error_list_add(errors, "%s: no graph in the file (DOT starts with graph or digraph)", name);
	return g;
}
