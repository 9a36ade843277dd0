/*
 * Fuzzing the DOT importer (dot_import_buffer over libcgraph's agread):
 * any input imports or is refused with printable messages; an imported
 * diagram is one napkin can save and load again.  libcgraph's scanner is
 * global and outlives each read, so after every input a small known graph
 * is imported again and must come out the same: an input that leaves the
 * scanner in a state of its own is caught on the input that did it.
 */
#include <string.h>

#include "diagram_json.h"
#include "dot_import.h"
#include "fuzz.h"

static const char probe[] =
    "digraph probe { napkin=1; a [napkin_kind=db napkin_pos=\"0,0\"];"
    " b [napkin_pos=\"30,0\"]; a -> b [label=\"SQL\"]; }\n";

static struct diagram *
import(const char *name, const char *data, size_t size, struct error_list *errors)
{
	struct error_list warnings = { 0 };
	struct diagram *d = dot_import_buffer(name, data, size, NULL, &warnings, errors);

	fuzz_check_messages("importer warning", &warnings);
	error_list_clear(&warnings);
	return d;
}

/* The probe's JSON, imported in a fresh state (the first call). */
static char *
probe_json(size_t *len)
{
	struct error_list errors = { 0 };
	struct diagram *d = import("probe.dot", probe, sizeof probe - 1, &errors);
	char *json;

	if (d == NULL) {
		error_list_print(&errors, stderr);
		fuzz_fail("the probe graph does not import", probe, sizeof probe - 1);
	}
	json = diagram_to_json(d, len);
	diagram_free(d);
	return json;
}

static void
check_saves(const struct diagram *d)
{
	struct error_list errors = { 0 };
	size_t len;
	char *json = diagram_to_json(d, &len);
	struct diagram *again = diagram_load_buffer("imported.json", json, len, &errors);

	if (again == NULL) {
		error_list_print(&errors, stderr);
		fuzz_fail("an imported diagram saves as JSON napkin refuses", json, len);
	}
	diagram_free(again);
	free(json);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *expected;
	static size_t expected_len;
	struct error_list errors = { 0 };
	struct diagram *d;
	char *now;
	size_t now_len;

	if (expected == NULL)
		expected = probe_json(&expected_len);
	d = import("fuzz.dot", (const char *)data, size, &errors);
	fuzz_check_messages("importer error", &errors);
	if (d == NULL && errors.count == 0)
		fuzz_fail("refused without a message", (const char *)data, size);
	error_list_clear(&errors);
	if (d != NULL)
		check_saves(d);
	diagram_free(d);
	now = probe_json(&now_len);
	if (now_len != expected_len || memcmp(now, expected, now_len) != 0)
		fuzz_fail("this input changed how the next graph imports", (const char *)data, size);
	free(now);
	return 0;
}
