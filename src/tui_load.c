/*
 * Opening a file on the whiteboard: napkin JSON is loaded, Graphviz DOT
 * (.dot, .gv) is imported as napkin import would -- kinds guessed, laid
 * out by Graphviz -- and what the import did is said on the status line.
 * A DOT file is never written back: :w asks for a .json name instead.
 */
#include "tui_internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "diagram_json.h"
#include "dot_import.h"

bool
tui_load_is_dot(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash != NULL ? slash + 1 : path, '.');

	return dot != NULL && (strcasecmp(dot, ".dot") == 0 || strcasecmp(dot, ".gv") == 0);
}

static struct diagram *
import_dot(const char *path, struct error_list *errors, char *notice, size_t size)
{
	struct error_list warnings = { 0 };
	struct dot_import_summary summary;
	struct diagram *d = dot_import_file(path, &summary, &warnings, errors);
	int len;

	if (d == NULL) {
		error_list_clear(&warnings);
		return NULL;
	}
	len = snprintf(notice, size, "imported %s: %zu nodes, %zu edges", path, diagram_node_count(d),
	    diagram_edge_count(d));
	if (summary.laid_out && diagram_node_count(d) > 0 && len >= 0 && (size_t)len < size)
		len += snprintf(notice + len, size - (size_t)len, ", laid out %s",
		    summary.method == LAYOUT_DOT ? "by Graphviz" : "in rows");
	if (warnings.count > 0 && len >= 0 && (size_t)len < size)
		len += snprintf(notice + len, size - (size_t)len, "; %zu warning%s: %s", warnings.count,
		    warnings.count == 1 ? "" : "s", warnings.messages[0]);
	if (len >= 0 && (size_t)len < size)
		snprintf(notice + len, size - (size_t)len, " (:w saves it as JSON)");
	error_list_clear(&warnings);
	return d;
}

struct diagram *
tui_load(const char *path, struct error_list *errors, char *notice, size_t size)
{
	notice[0] = '\0';
	if (tui_load_is_dot(path))
		return import_dot(path, errors, notice, size);
	return diagram_load_file(path, errors);
}
