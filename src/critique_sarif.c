/*
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), so CI
 * systems and code-scanning dashboards read the critique.  The rule
 * descriptors come from the registry; each result points at the diagram
 * file and names its nodes as logical locations (a diagram has no useful
 * line numbers for a component).  Accepted risks become in-source
 * suppressions with their reason as the justification.
 */
#include "critique_sarif.h"

#include <string.h>

#include "json_write.h"

/* The file name as a relative URI reference: unreserved bytes and '/' kept. */
static void
write_uri(FILE *out, const char *path)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p) != NULL)
			fputc(*p, out);
		else
			fprintf(out, "%%%02X", *p);
	}
	fputc('"', out);
}

static void
write_text_member(FILE *out, const char *key, const char *text)
{
	fprintf(out, "\"%s\": {\"text\": ", key);
	json_write_string(out, text);
	fputc('}', out);
}

static void
write_rules(FILE *out)
{
	for (size_t i = 0; i < critique_rule_count(); i++) {
		const struct critique_rule *r = critique_rule_at(i);

		fputs(i ? ",\n            {" : "\n            {", out);
		fputs("\"id\": ", out);
		json_write_string(out, r->id);
		fputs(", \"name\": ", out);
		json_write_string(out, r->name);
		fputs(", ", out);
		write_text_member(out, "shortDescription", r->summary);
		fputs(", ", out);
		write_text_member(out, "fullDescription", r->rationale);
		fputs(", ", out);
		write_text_member(out, "help", r->advice);
		fprintf(out, ", \"defaultConfiguration\": {\"level\": \"%s\"}}", critique_severity_name(r->severity));
	}
}

static size_t
rule_index(const struct critique_rule *rule)
{
	for (size_t i = 0; i < critique_rule_count(); i++) {
		if (critique_rule_at(i) == rule)
			return i;
	}
	return 0;
}

static void
write_logical(FILE *out, const struct node *n)
{
	fputs("{\"name\": ", out);
	json_write_string(out, n->id);
	fputs(", \"kind\": \"object\"}", out);
}

static void
write_result(FILE *out, const struct critique_finding *f, const char *file)
{
	fputs("{\"ruleId\": ", out);
	json_write_string(out, f->rule->id);
	fprintf(out, ", \"ruleIndex\": %zu, \"level\": \"%s\", ", rule_index(f->rule),
	    critique_severity_name(f->severity));
	write_text_member(out, "message", f->message);
	fputs(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
	write_uri(out, file);
	fputs(", \"index\": 0}}, \"logicalLocations\": [", out);
	write_logical(out, f->nodes[0]);
	fputs("]}]", out);
	if (f->node_count > 1) {
		fputs(", \"relatedLocations\": [", out);
		for (size_t k = 1; k < f->node_count; k++) {
			fprintf(out, "%s{\"id\": %zu, \"logicalLocations\": [", k > 1 ? ", " : "", k);
			write_logical(out, f->nodes[k]);
			fputs("]}", out);
		}
		fputc(']', out);
	}
	if (f->accepted) {
		fputs(", \"suppressions\": [{\"kind\": \"inSource\", \"justification\": ", out);
		json_write_string(out, f->accepted_reason);
		fputs("}]", out);
	}
	fputc('}', out);
}

void
critique_write_sarif(const struct critique *c, const char *file, FILE *out)
{
	size_t count = critique_finding_count(c);

	fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	    "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n"
	    "          \"name\": \"napkin\",\n          \"version\": \"" NAPKIN_VERSION "\",\n"
	    "          \"rules\": [", out);
	write_rules(out);
	fputs("\n          ]\n        }\n      },\n      \"artifacts\": [{\"location\": {\"uri\": ", out);
	write_uri(out, file);
	fputs("}}],\n      \"results\": [", out);
	for (size_t i = 0; i < count; i++) {
		fputs(i ? ",\n        " : "\n        ", out);
		write_result(out, critique_finding(c, i), file);
	}
	fputs(count ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n", out);
}
