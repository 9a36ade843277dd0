/*
 * Reports of a critique run: text like a compiler's and JSON, written
 * straight to the stream (no document tree: a million findings stay cheap).
 * SARIF is critique_sarif.c.  Every string from the diagram goes through
 * an escaper, so no control byte from a file reaches the output raw.
 */
#include "critique.h"

#include <string.h>

#include "critique_sarif.h"
#include "json_write.h"
#include "utf8.h"

bool
critique_format_from_name(const char *name, enum critique_format *format)
{
	static const char *const names[] = { "text", "json", "sarif" };

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i]) == 0) {
			*format = (enum critique_format)i;
			return true;
		}
	}
	return false;
}

static void
write_text(const struct critique *c, const char *file, FILE *out)
{
	struct critique_summary sum = critique_summary(c);

	for (size_t i = 0; i < critique_finding_count(c); i++) {
		const struct critique_finding *f = critique_finding(c, i);

		utf8_write_printable(out, file);
		fprintf(out, ": %s: %s: ", critique_severity_name(f->severity), f->rule->id);
		utf8_write_printable(out, f->message);
		if (f->accepted) {
			fputs(" [accepted by ", out);
			utf8_write_printable(out, f->accepted_by->id);
			fputs(": ", out);
			utf8_write_printable(out, f->accepted_reason);
			fputc(']', out);
		}
		fputs("\n    advice: ", out);
		utf8_write_printable(out, f->advice);
		fputc('\n', out);
	}
	utf8_write_printable(out, file);
	fprintf(out, ": %zu error%s, %zu warning%s, %zu note%s", sum.count[SEVERITY_ERROR],
	    sum.count[SEVERITY_ERROR] == 1 ? "" : "s", sum.count[SEVERITY_WARNING],
	    sum.count[SEVERITY_WARNING] == 1 ? "" : "s", sum.count[SEVERITY_NOTE],
	    sum.count[SEVERITY_NOTE] == 1 ? "" : "s");
	if (sum.accepted > 0)
		fprintf(out, ", %zu accepted", sum.accepted);
	fputc('\n', out);
}

static void
write_json_finding(const struct critique_finding *f, FILE *out)
{
	fputs("{\"rule\": ", out);
	json_write_string(out, f->rule->id);
	fputs(", \"severity\": ", out);
	json_write_string(out, critique_severity_name(f->severity));
	fputs(", \"nodes\": [", out);
	for (size_t k = 0; k < f->node_count; k++) {
		fputs(k ? ", " : "", out);
		json_write_string(out, f->nodes[k]->id);
	}
	fputs("], \"edges\": [", out);
	for (size_t k = 0; k < f->edge_count; k++) {
		fputs(k ? ", [" : "[", out);
		json_write_string(out, f->edges[k]->from->id);
		fputs(", ", out);
		json_write_string(out, f->edges[k]->to->id);
		fputc(']', out);
	}
	fputs("], \"message\": ", out);
	json_write_string(out, f->message);
	fputs(", \"advice\": ", out);
	json_write_string(out, f->advice);
	fprintf(out, ", \"accepted\": %s", f->accepted ? "true" : "false");
	if (f->accepted) {
		fputs(", \"reason\": ", out);
		json_write_string(out, f->accepted_reason);
	}
	fputc('}', out);
}

/* One finding a line: greppable and diff-friendly. */
static void
write_json(const struct critique *c, const char *file, FILE *out)
{
	struct critique_summary sum = critique_summary(c);
	size_t count = critique_finding_count(c);

	fputs("{\n  \"file\": ", out);
	json_write_string(out, file);
	fputs(",\n  \"findings\": [", out);
	for (size_t i = 0; i < count; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		write_json_finding(critique_finding(c, i), out);
	}
	fputs(count ? "\n  ],\n" : "],\n", out);
	fprintf(out, "  \"summary\": {\"error\": %zu, \"warning\": %zu, \"note\": %zu, \"accepted\": %zu}\n}\n",
	    sum.count[SEVERITY_ERROR], sum.count[SEVERITY_WARNING], sum.count[SEVERITY_NOTE], sum.accepted);
}

bool
critique_write(const struct critique *c, const char *file, enum critique_format format, FILE *out)
{
	switch (format) {
	case FORMAT_TEXT:
		write_text(c, file, out);
		break;
	case FORMAT_JSON:
		write_json(c, file, out);
		break;
	case FORMAT_SARIF:
		critique_write_sarif(c, file, out);
		break;
	}
	return fflush(out) == 0 && !ferror(out);
}
