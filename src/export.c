/*
 * The export formats as data: one row per format names it, lists the file
 * extensions that select it and says how it is written.  export_file()
 * streams the chosen writer into atomic_write_file(), so an export either
 * replaces the target whole or leaves it untouched.
 */
#include "export.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

#include "atomic_file.h"

struct format_info {
	const char *name;
	const char *extensions;	/* space-separated, with the dot */
	const char *aliases;	/* other names --format takes */
	const char *description;
};

static const struct format_info formats[EXPORT_FORMAT_COUNT] = {
	[EXPORT_DOT] = { "dot", ".dot .gv", "gv graphviz", "Graphviz source; napkin import reads it back whole" },
	[EXPORT_MERMAID] = { "mmd", ".mmd", "mermaid", "Mermaid flowchart (renders on GitHub)" },
	[EXPORT_TEXT] = { "txt", ".txt", "text", "the board as the whiteboard draws it, for pasting" },
	[EXPORT_SVG] = { "svg", ".svg", "", "picture drawn by Graphviz dot" },
	[EXPORT_PNG] = { "png", ".png", "", "picture drawn by Graphviz dot" },
	[EXPORT_PDF] = { "pdf", ".pdf", "", "picture drawn by Graphviz dot" },
};

/* True when word is one of the space-separated words of list (any case). */
static bool
in_list(const char *list, const char *word, size_t len)
{
	while (*list != '\0') {
		size_t n = strcspn(list, " ");

		if (n == len && strncasecmp(list, word, len) == 0)
			return true;
		list += n;
		list += strspn(list, " ");
	}
	return false;
}

const char *
export_format_name(enum export_format format)
{
	return (unsigned)format < EXPORT_FORMAT_COUNT ? formats[format].name : "?";
}

bool
export_format_from_name(const char *name, enum export_format *format)
{
	for (int f = 0; f < EXPORT_FORMAT_COUNT; f++) {
		if (strcasecmp(name, formats[f].name) == 0 ||
		    in_list(formats[f].aliases, name, strlen(name))) {
			*format = (enum export_format)f;
			return true;
		}
	}
	return false;
}

bool
export_format_from_path(const char *path, enum export_format *format)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash != NULL ? slash + 1 : path, '.');

	if (dot == NULL)
		return false;
	for (int f = 0; f < EXPORT_FORMAT_COUNT; f++) {
		if (in_list(formats[f].extensions, dot, strlen(dot))) {
			*format = (enum export_format)f;
			return true;
		}
	}
	return false;
}

void
export_list_formats(FILE *out)
{
	for (int f = 0; f < EXPORT_FORMAT_COUNT; f++)
		fprintf(out, "  %-5s %-9s %s\n", formats[f].name, formats[f].extensions,
		    formats[f].description);
}

struct export_job {
	const struct diagram *d;
	enum export_format format;
	const struct export_options *options;
	struct napkin_error render_error;	/* why dot or the text export failed, when one did */
	bool render_failed;
};

static bool
write_export(FILE *out, void *context)
{
	struct export_job *job = context;

	switch (job->format) {
	case EXPORT_DOT:
		return dot_export_write(job->d, job->options, out);
	case EXPORT_MERMAID:
		return mermaid_export_write(job->d, job->options, out);
	case EXPORT_TEXT:
		if (text_export_write(job->d, job->options, out, &job->render_error))
			return true;
		job->render_failed = job->render_error.message[0] != '\0';
		return false;
	case EXPORT_SVG:
	case EXPORT_PNG:
	case EXPORT_PDF:
		if (dot_render(job->d, job->options, job->format, out, &job->render_error))
			return true;
		job->render_failed = true;
		errno = 0;
		return false;
	case EXPORT_FORMAT_COUNT:
		break;
	}
	return false;
}

bool
export_file(const struct diagram *d, const char *path, enum export_format format,
    const struct export_options *options, struct napkin_error *err)
{
	static const struct export_options defaults = { DIRECTION_LR, NULL, false };
	struct export_job job = { d, format, options != NULL ? options : &defaults, { "", NULL }, false };

	if (atomic_write_file(path, write_export, &job, err))
		return true;
	if (job.render_failed && err != NULL)
		error_set(err, "cannot export %s: %s; nothing was written", path, job.render_error.message);
	return false;
}
