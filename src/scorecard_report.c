/*
 * Writing a scorecard (scorecard.h) as text for people or JSON for
 * machines, streamed to the FILE.  Text replaces control characters in
 * anything from a file; JSON escapes every string.
 */
#include "scorecard.h"

#include <string.h>

#include "json_write.h"
#include "utf8.h"

bool
scorecard_format_from_name(const char *name, enum scorecard_format *format)
{
	if (strcmp(name, "text") == 0)
		*format = SCORECARD_TEXT;
	else if (strcmp(name, "json") == 0)
		*format = SCORECARD_JSON;
	else
		return false;
	return true;
}

static const char *
plural(size_t count)
{
	return count == 1 ? "" : "s";
}

/* Nodes the traffic section lists: those with a capacity or some load. */
static bool
has_traffic(const struct traffic_load *l)
{
	return l->capacity > 0 || l->load > 0;
}

static void
text_expectations(const struct scorecard *sc, FILE *out)
{
	const struct expectations *e = &sc->interview->expectations;

	fprintf(out, "\nExpectations: %zu of %zu met\n", sc->met, e->count);
	for (size_t i = 0; i < e->count; i++) {
		fprintf(out, "  [%c] %s: ", sc->results[i].met ? 'x' : ' ', e->items[i].id);
		utf8_write_printable(out, e->items[i].text);
		fputs("\n      ", out);
		utf8_write_printable(out, sc->results[i].reason);
		fputc('\n', out);
	}
}

static void
text_findings(const struct scorecard *sc, FILE *out)
{
	struct critique_summary sum = critique_summary(sc->critique);

	fprintf(out, "\nFindings: %zu error%s, %zu warning%s, %zu note%s", sum.count[SEVERITY_ERROR],
	    plural(sum.count[SEVERITY_ERROR]), sum.count[SEVERITY_WARNING], plural(sum.count[SEVERITY_WARNING]),
	    sum.count[SEVERITY_NOTE], plural(sum.count[SEVERITY_NOTE]));
	if (sum.accepted > 0)
		fprintf(out, " (and %zu accepted)", sum.accepted);
	fputc('\n', out);
	for (size_t i = 0; i < critique_finding_count(sc->critique); i++) {
		const struct critique_finding *f = critique_finding(sc->critique, i);

		fprintf(out, "  %-8s %-8s ", f->accepted ? "accepted" : critique_severity_name(f->severity),
		    f->rule->id);
		utf8_write_printable(out, f->message);
		fputc('\n', out);
	}
}

static void
text_traffic(const struct scorecard *sc, FILE *out)
{
	struct traffic_summary sum = traffic_summary(sc->traffic);
	char rate[32], capacity[32];
	int width = 4;

	for (size_t i = 0; i < diagram_node_count(sc->board); i++) {
		const struct node *n = diagram_node(sc->board, i);

		if (has_traffic(traffic_node(sc->traffic, n)) && (int)strlen(n->id) > width)
			width = (int)strlen(n->id);
	}
	fprintf(out, "\nTraffic: %s req/s sent; %zu of %zu node%s with a capacity overloaded",
	    traffic_format_rate(sum.sent, rate, sizeof rate), sum.overloaded, sum.with_capacity,
	    plural(sum.with_capacity));
	if (sum.unbounded > 0)
		fprintf(out, "; %zu unbounded", sum.unbounded);
	fputc('\n', out);
	for (size_t i = 0; i < diagram_node_count(sc->board); i++) {
		const struct node *n = diagram_node(sc->board, i);
		const struct traffic_load *l = traffic_node(sc->traffic, n);

		if (!has_traffic(l))
			continue;
		fprintf(out, "  %-*s %12s req/s", width, n->id, traffic_format_rate(l->load, rate, sizeof rate));
		if (l->capacity > 0 && l->unbounded)
			fprintf(out, " of %12s     -  OVERLOADED\n", traffic_format_rate(l->capacity, capacity, sizeof capacity));
		else if (l->capacity > 0)
			fprintf(out, " of %12s  %4.0f%%  %s\n", traffic_format_rate(l->capacity, capacity, sizeof capacity),
			    100 * traffic_utilisation(l), l->overloaded ? "OVERLOADED" : "ok");
		else
			fputs("    (no capacity given)\n", out);
	}
}

static void
text_missing(const struct scorecard *sc, FILE *out)
{
	char where[160];

	fprintf(out, "\nMissing from the reference design: %zu component%s\n", sc->missing_count,
	    plural(sc->missing_count));
	for (size_t i = 0; i < sc->missing_count; i++) {
		const struct node *n = sc->missing[i];
		const char *role = interview_node_role(n);

		fprintf(out, "  %-8s ", kind_name(n->kind));
		utf8_write_printable(out, role != NULL ? role : n->label);
		fputs(" (", out);
		if (role != NULL) {
			utf8_write_printable(out, n->label);
			fputs("; ", out);
		}
		if (n->tech[0] != '\0') {
			utf8_write_printable(out, n->tech);
			fputs("; ", out);
		}
		fprintf(out, "%s)\n", scorecard_describe_connections(sc->reference, n, where, sizeof where));
	}
}

static void
text_defects(const struct scorecard *sc, FILE *out)
{
	fprintf(out, "\nPlanted defects: %zu of %zu fixed\n", sc->defects_fixed, sc->interview->finding_count);
	for (size_t i = 0; i < sc->interview->finding_count; i++) {
		const struct interview_finding *f = sc->defects[i].finding;

		fprintf(out, "  [%c] %s on ", sc->defects[i].fixed ? 'x' : ' ', f->rule);
		utf8_write_printable(out, f->node);
		if (f->why != NULL) {
			fputs(": ", out);
			utf8_write_printable(out, f->why);
		}
		fputc('\n', out);
	}
}

static void
write_text(const struct scorecard *sc, const char *file, const char *template_name, FILE *out)
{
	struct critique_summary sum = critique_summary(sc->critique);
	const struct expectations *e = &sc->interview->expectations;
	struct traffic_summary traffic = traffic_summary(sc->traffic);

	fputs("Scorecard: ", out);
	utf8_write_printable(out, file);
	fputs(" against ", out);
	utf8_write_printable(out, template_name);
	if (sc->interview->has_prompt) {
		fputs(" (", out);
		utf8_write_printable(out, sc->interview->prompt.summary);
		fputc(')', out);
	}
	fputc('\n', out);
	text_expectations(sc, out);
	if (sc->interview->is_drill)
		text_defects(sc, out);
	text_findings(sc, out);
	text_traffic(sc, out);
	if (sc->reference != NULL)
		text_missing(sc, out);
	fprintf(out, "\nResult: %s -- %zu of %zu expectation%s met, %zu error%s, %zu overloaded",
	    sc->passed ? "PASS" : "NOT YET", sc->met, e->count, plural(e->count), sum.count[SEVERITY_ERROR],
	    plural(sum.count[SEVERITY_ERROR]), traffic.overloaded);
	if (sc->interview->is_drill)
		fprintf(out, ", %zu of %zu defects fixed", sc->defects_fixed, sc->interview->finding_count);
	if (sc->reference != NULL)
		fprintf(out, ", %zu missing", sc->missing_count);
	fputc('\n', out);
}

/* --- JSON --- */

static void
json_member(FILE *out, const char *key, const char *value, bool comma)
{
	json_write_string(out, key);
	fputs(": ", out);
	if (value != NULL)
		json_write_string(out, value);
	else
		fputs("null", out);
	if (comma)
		fputs(", ", out);
}

static void
json_expectations(const struct scorecard *sc, FILE *out)
{
	const struct expectations *e = &sc->interview->expectations;

	fputs("  \"expectations\": [", out);
	for (size_t i = 0; i < e->count; i++) {
		fputs(i ? ",\n    {" : "\n    {", out);
		json_member(out, "id", e->items[i].id, true);
		json_member(out, "check", expect_check_name(e->items[i].check), true);
		json_member(out, "text", e->items[i].text, true);
		fprintf(out, "\"met\": %s, ", sc->results[i].met ? "true" : "false");
		json_member(out, "reason", sc->results[i].reason, false);
		fputc('}', out);
	}
	fputs(e->count ? "\n  ],\n" : "],\n", out);
}

static void
json_findings(const struct scorecard *sc, FILE *out)
{
	size_t count = critique_finding_count(sc->critique);

	fputs("  \"findings\": [", out);
	for (size_t i = 0; i < count; i++) {
		const struct critique_finding *f = critique_finding(sc->critique, i);

		fputs(i ? ",\n    {" : "\n    {", out);
		json_member(out, "rule", f->rule->id, true);
		json_member(out, "severity", critique_severity_name(f->severity), true);
		json_member(out, "node", f->nodes[0]->id, true);
		json_member(out, "message", f->message, true);
		fprintf(out, "\"accepted\": %s}", f->accepted ? "true" : "false");
	}
	fputs(count ? "\n  ],\n" : "],\n", out);
}

static void
json_traffic(const struct scorecard *sc, FILE *out)
{
	size_t said = 0;

	fprintf(out, "  \"traffic\": {\"sent\": %.10g, \"nodes\": [", traffic_summary(sc->traffic).sent);
	for (size_t i = 0; i < diagram_node_count(sc->board); i++) {
		const struct node *n = diagram_node(sc->board, i);
		const struct traffic_load *l = traffic_node(sc->traffic, n);

		if (!has_traffic(l))
			continue;
		fputs(said++ ? ",\n    {" : "\n    {", out);
		json_member(out, "id", n->id, true);
		if (l->unbounded)
			fputs("\"load\": null, ", out);
		else
			fprintf(out, "\"load\": %.10g, ", l->load);
		fprintf(out, "\"capacity\": %.10g, ", l->capacity);
		if (l->capacity > 0 && !l->unbounded)
			fprintf(out, "\"headroom\": %.10g, \"utilisation\": %.4g, ", traffic_headroom(l),
			    traffic_utilisation(l));
		fprintf(out, "\"overloaded\": %s, \"unbounded\": %s}", l->overloaded ? "true" : "false",
		    l->unbounded ? "true" : "false");
	}
	fputs(said ? "\n  ]},\n" : "]},\n", out);
}

static void
json_missing(const struct scorecard *sc, FILE *out)
{
	char where[160];

	fputs("  \"missing\": [", out);
	for (size_t i = 0; i < sc->missing_count; i++) {
		const struct node *n = sc->missing[i];

		fputs(i ? ",\n    {" : "\n    {", out);
		json_member(out, "kind", kind_name(n->kind), true);
		json_member(out, "role", interview_node_role(n), true);
		json_member(out, "connections", scorecard_describe_connections(sc->reference, n, where, sizeof where), true);
		fputs("\"reference\": {", out);
		json_member(out, "id", n->id, true);
		json_member(out, "label", n->label, true);
		json_member(out, "tech", n->tech, false);
		fputs("}}", out);
	}
	fputs(sc->missing_count ? "\n  ],\n" : "],\n", out);
}

static void
json_defects(const struct scorecard *sc, FILE *out)
{
	fputs("  \"defects\": [", out);
	for (size_t i = 0; i < sc->interview->finding_count; i++) {
		const struct interview_finding *f = sc->defects[i].finding;

		fputs(i ? ",\n    {" : "\n    {", out);
		json_member(out, "rule", f->rule, true);
		json_member(out, "node", f->node, true);
		fprintf(out, "\"fixed\": %s}", sc->defects[i].fixed ? "true" : "false");
	}
	fputs(sc->interview->finding_count ? "\n  ],\n" : "],\n", out);
}

static void
write_json(const struct scorecard *sc, const char *file, const char *template_name, FILE *out)
{
	struct critique_summary sum = critique_summary(sc->critique);
	struct traffic_summary traffic = traffic_summary(sc->traffic);

	fputs("{\n  ", out);
	json_member(out, "file", file, true);
	json_member(out, "template", template_name, true);
	json_member(out, "summary", sc->interview->has_prompt ? sc->interview->prompt.summary : NULL, false);
	fputs(",\n", out);
	json_expectations(sc, out);
	json_findings(sc, out);
	json_traffic(sc, out);
	json_missing(sc, out);
	json_defects(sc, out);
	fprintf(out, "  \"result\": {\"passed\": %s, \"expectations\": %zu, \"met\": %zu, \"error\": %zu, "
	    "\"warning\": %zu, \"note\": %zu, \"accepted\": %zu, \"overloaded\": %zu, \"unbounded\": %zu, "
	    "\"missing\": %zu, \"defects\": %zu, \"fixed\": %zu}\n}\n", sc->passed ? "true" : "false",
	    sc->interview->expectations.count, sc->met, sum.count[SEVERITY_ERROR], sum.count[SEVERITY_WARNING],
	    sum.count[SEVERITY_NOTE], sum.accepted, traffic.overloaded, traffic.unbounded, sc->missing_count,
	    sc->interview->finding_count, sc->defects_fixed);
}

bool
scorecard_write(const struct scorecard *sc, const char *file, const char *template_name,
    enum scorecard_format format, FILE *out)
{
	if (format == SCORECARD_JSON)
		write_json(sc, file, template_name, out);
	else
		write_text(sc, file, template_name, out);
	return fflush(out) == 0 && !ferror(out);
}
