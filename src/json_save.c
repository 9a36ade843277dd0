/*
 * Writing napkin files.
 *
 * The layout is fixed so files diff well and round-trip byte for byte:
 * two-space indentation as `jq .` prints it, members in the order of
 * docs/format.md, defaults omitted, unknown members from the file written
 * back after the known ones in their original order.  The writer streams
 * to a FILE through a small buffer; it never builds the document in memory.
 */
#include "diagram_json.h"

#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "atomic_file.h"
#include "json_number.h"
#include "json_write.h"
#include "xalloc.h"

/*
 * Output goes through a buffer of our own and reaches the FILE in large
 * fwrite()s: a million-node file is tens of millions of small pieces, and
 * stdio locks the stream for each call.
 */
#define WRITER_BUFFER (64 * 1024)

struct writer {
	FILE *out;
	int depth;		/* indentation level */
	bool first;		/* no member written yet in this container */
	size_t used;
	char buffer[WRITER_BUFFER];
};

static void
flush(struct writer *w)
{
	if (w->used > 0)
		fwrite(w->buffer, 1, w->used, w->out);
	w->used = 0;
}

static void
emit(struct writer *w, const char *s, size_t len)
{
	if (w->used + len > sizeof w->buffer) {
		flush(w);
		if (len > sizeof w->buffer) {
			fwrite(s, 1, len, w->out);
			return;
		}
	}
	memcpy(w->buffer + w->used, s, len);
	w->used += len;
}

static void
emit_char(struct writer *w, char c)
{
	if (w->used == sizeof w->buffer)
		flush(w);
	w->buffer[w->used++] = c;
}

static void
emit_text(struct writer *w, const char *s)
{
	emit(w, s, strlen(s));
}

static void
indent(struct writer *w)
{
	static const char spaces[] = "                                ";

	emit_char(w, '\n');
	for (size_t n = 2 * (size_t)w->depth; n > 0;) {
		size_t chunk = n < sizeof spaces - 1 ? n : sizeof spaces - 1;

		emit(w, spaces, chunk);
		n -= chunk;
	}
}

static void
write_string(struct writer *w, const char *s)
{
	emit_char(w, '"');
	for (;;) {
		const char *run = s;
		char escape[8];

		size_t span;

		while (*s != '\0' && json_escape_span(s) == 0)
			s++;
		emit(w, run, (size_t)(s - run));
		if (*s == '\0')
			break;
		span = json_escape_span(s);
		emit(w, escape, json_escape(s, span, escape));
		s += span;
	}
	emit_char(w, '"');
}

static void
write_number(struct writer *w, double v)
{
	char buf[JSON_NUMBER_SIZE];

	json_format_number(v, buf);
	emit_text(w, buf);
}

static void
open_container(struct writer *w, char c)
{
	emit_char(w, c);
	w->depth++;
	w->first = true;
}

static void
close_container(struct writer *w, char c)
{
	w->depth--;
	if (!w->first)
		indent(w);
	emit_char(w, c);
	w->first = false;
}

/* Start the next member (key != NULL) or array element. */
static void
next_item(struct writer *w, const char *key)
{
	if (!w->first)
		emit_char(w, ',');
	w->first = false;
	indent(w);
	if (key != NULL) {
		write_string(w, key);
		emit(w, ": ", 2);
	}
}

static void
write_cjson(struct writer *w, const cJSON *v)
{
	const cJSON *c;

	if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
		bool object = cJSON_IsObject(v);

		open_container(w, object ? '{' : '[');
		for (c = v->child; c != NULL; c = c->next) {
			next_item(w, object ? c->string : NULL);
			write_cjson(w, c);
		}
		close_container(w, object ? '}' : ']');
	} else if (cJSON_IsString(v)) {
		write_string(w, v->valuestring);
	} else if (cJSON_IsNumber(v)) {
		write_number(w, v->valuedouble);
	} else if (cJSON_IsBool(v)) {
		emit_text(w, cJSON_IsTrue(v) ? "true" : "false");
	} else {
		emit_text(w, "null");
	}
}

static void
member_string(struct writer *w, const char *key, const char *value)
{
	next_item(w, key);
	write_string(w, value);
}

static void
member_number(struct writer *w, const char *key, double value)
{
	next_item(w, key);
	write_number(w, value);
}

static void
members_extra(struct writer *w, const cJSON *extra)
{
	if (extra == NULL)
		return;
	for (const cJSON *c = extra->child; c != NULL; c = c->next) {
		next_item(w, c->string);
		write_cjson(w, c);
	}
}

static void
write_node(struct writer *w, const struct node *n)
{
	open_container(w, '{');
	member_string(w, "id", n->id);
	member_string(w, "kind", kind_name(n->kind));
	member_string(w, "label", n->label);
	if (n->tech[0] != '\0')
		member_string(w, "tech", n->tech);
	if (n->replicas != 1)
		member_number(w, "replicas", n->replicas);
	if (n->managed) {
		next_item(w, "managed");
		emit_text(w, "true");
	}
	member_number(w, "x", n->x);
	member_number(w, "y", n->y);
	if (n->capacity != 0)
		member_number(w, "capacity", n->capacity);
	if (n->rps != 0)
		member_number(w, "rps", n->rps);
	if (n->notes[0] != '\0')
		member_string(w, "notes", n->notes);
	if (n->accept_count > 0) {
		next_item(w, "accept");
		open_container(w, '[');
		for (size_t i = 0; i < n->accept_count; i++) {
			next_item(w, NULL);
			open_container(w, '{');
			member_string(w, "rule", n->accepts[i].rule);
			member_string(w, "reason", n->accepts[i].reason);
			close_container(w, '}');
		}
		close_container(w, ']');
	}
	members_extra(w, n->extra);
	close_container(w, '}');
}

static void
write_edge(struct writer *w, const struct edge *e)
{
	open_container(w, '{');
	member_string(w, "from", e->from->id);
	member_string(w, "to", e->to->id);
	if (e->label[0] != '\0')
		member_string(w, "label", e->label);
	member_string(w, "mode", edge_mode_name(e->mode));
	if (e->ratio != 1.0)
		member_number(w, "ratio", e->ratio);
	members_extra(w, e->extra);
	close_container(w, '}');
}

/* Members are listed in node order; one pass links each group's nodes. */
static void
write_groups(struct writer *w, const struct diagram *d)
{
	size_t groups = diagram_group_count(d), nodes = diagram_node_count(d);
	size_t *head = xmalloc((groups + 1) * sizeof *head);
	size_t *next = xmalloc((nodes + 1) * sizeof *next);

	for (size_t g = 0; g < groups; g++)
		head[g] = SIZE_MAX;
	for (size_t i = nodes; i-- > 0;) {
		const struct node *n = diagram_node(d, i);

		if (n->group != NULL) {
			next[i] = head[n->group->index];
			head[n->group->index] = i;
		}
	}
	for (size_t g = 0; g < groups; g++) {
		const struct group *grp = diagram_group(d, g);

		next_item(w, NULL);
		open_container(w, '{');
		member_string(w, "id", grp->id);
		member_string(w, "label", grp->label);
		next_item(w, "members");
		open_container(w, '[');
		for (size_t i = head[g]; i != SIZE_MAX; i = next[i])
			member_string(w, NULL, diagram_node(d, i)->id);
		close_container(w, ']');
		members_extra(w, grp->extra);
		close_container(w, '}');
	}
	free(head);
	free(next);
}

bool
diagram_write_json(const struct diagram *d, FILE *out)
{
	struct writer *w = xmalloc(sizeof *w);

	w->out = out;
	w->depth = 0;
	w->first = true;
	w->used = 0;
	open_container(w, '{');
	member_number(w, "napkin", NAPKIN_FORMAT_VERSION);
	member_string(w, "title", diagram_title(d));
	next_item(w, "nodes");
	open_container(w, '[');
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		next_item(w, NULL);
		write_node(w, diagram_node(d, i));
	}
	close_container(w, ']');
	next_item(w, "edges");
	open_container(w, '[');
	for (size_t i = 0; i < diagram_edge_count(d); i++) {
		next_item(w, NULL);
		write_edge(w, diagram_edge(d, i));
	}
	close_container(w, ']');
	next_item(w, "groups");
	open_container(w, '[');
	write_groups(w, d);
	close_container(w, ']');
	members_extra(w, diagram_extra(d));
	close_container(w, '}');
	emit_char(w, '\n');
	flush(w);
	free(w);
	return !ferror(out);
}

char *
diagram_to_json(const struct diagram *d, size_t *len)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	if (out == NULL)
		fatal("out of memory writing JSON");
	diagram_write_json(d, out);
	if (fclose(out) != 0)
		fatal("out of memory writing JSON");
	if (len != NULL)
		*len = size;
	return text;
}

static bool
write_diagram(FILE *out, void *context)
{
	return diagram_write_json(context, out);
}

bool
diagram_save_file(const struct diagram *d, const char *path, struct napkin_error *err)
{
	return atomic_write_file(path, write_diagram, (void *)d, err);
}
