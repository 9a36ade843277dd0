/*
 * Fuzzing the JSON loader (diagram_load_buffer) and what a loaded diagram
 * reaches: any input either loads or is refused with printable messages;
 * a diagram that loads saves to JSON that loads back to the same bytes,
 * exports to DOT that imports back to the same diagram, and every writer
 * (JSON, DOT, Mermaid, the critique's report, the screen's cells) emits no
 * control character.
 */
#include <string.h>

#include "critique.h"
#include "diagram_json.h"
#include "dot_import.h"
#include "export.h"
#include "fuzz.h"
#include "render.h"
#include "scene.h"

/* The text a writer produced, in memory. */
static char *
written(bool (*write)(const struct diagram *, const struct export_options *, FILE *),
    const struct diagram *d, size_t *len)
{
	char *text = NULL;
	FILE *out = open_memstream(&text, len);

	if (out == NULL || !write(d, NULL, out))
		fuzz_fail("a writer failed on memory", NULL, 0);
	fclose(out);
	return text;
}

static void
check_json_round_trip(const struct diagram *d, char **json, size_t *json_len)
{
	struct error_list errors = { 0 };
	struct diagram *again;
	char *second;
	size_t second_len;

	*json = diagram_to_json(d, json_len);
	fuzz_check_printable("saved JSON", *json, *json_len, true);
	again = diagram_load_buffer("saved.json", *json, *json_len, &errors);
	if (again == NULL) {
		error_list_print(&errors, stderr);
		fuzz_fail("napkin's own JSON does not load", *json, *json_len);
	}
	second = diagram_to_json(again, &second_len);
	if (second_len != *json_len || memcmp(second, *json, second_len) != 0)
		fuzz_fail("load, save, load, save is not byte-stable", second, second_len);
	free(second);
	diagram_free(again);
	error_list_clear(&errors);
}

static void
check_dot_round_trip(const struct diagram *d, const char *json, size_t json_len)
{
	struct error_list warnings = { 0 }, errors = { 0 };
	struct diagram *back;
	size_t dot_len, back_len;
	char *dot = written(dot_export_write, d, &dot_len), *back_json;

	fuzz_check_printable("DOT export", dot, dot_len, true);
	back = dot_import_buffer("export.dot", dot, dot_len, NULL, &warnings, &errors);
	if (back == NULL) {
		error_list_print(&errors, stderr);
		fuzz_fail("napkin's own DOT does not import", dot, dot_len);
	}
	back_json = diagram_to_json(back, &back_len);
	if (back_len != json_len || memcmp(back_json, json, json_len) != 0)
		fuzz_fail("JSON -> DOT -> JSON changed the diagram", back_json, back_len);
	free(back_json);
	diagram_free(back);
	free(dot);
	error_list_clear(&warnings);
	error_list_clear(&errors);
}

static void
check_other_writers(const struct diagram *d)
{
	struct critique *c = critique_run(d);
	struct scene *s = scene_new(d);
	struct canvas view;
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	text = written(mermaid_export_write, d, &len);
	fuzz_check_printable("Mermaid export", text, len, true);
	free(text);
	text = NULL;
	out = open_memstream(&text, &len);
	critique_write(c, "fuzz.json", FORMAT_TEXT, out);
	fclose(out);
	fuzz_check_printable("critique report", text, len, true);
	free(text);
	critique_free(c);
	/* A screenful round the first node, as the whiteboard opens on it. */
	{
		const struct node *n = diagram_node_count(d) > 0 ? diagram_node(d, 0) : NULL;

		canvas_init(&view, n != NULL ? n->x : 0, n != NULL ? n->y : 0, 80, 24, false);
		render_view(s, &view, NULL);
		text = canvas_to_text(&view, &len);
		fuzz_check_printable("the screen", text, len, true);
		free(text);
		canvas_free(&view);
	}
	scene_free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_buffer("fuzz.json", (const char *)data, size, &errors);
	char *json;
	size_t json_len;

	fuzz_check_messages("loader message", &errors);
	if (d == NULL && errors.count == 0)
		fuzz_fail("refused without a message", (const char *)data, size);
	error_list_clear(&errors);
	if (d == NULL)
		return 0;
	check_json_round_trip(d, &json, &json_len);
	check_dot_round_trip(d, json, json_len);
	check_other_writers(d);
	free(json);
	diagram_free(d);
	return 0;
}
