/* napkin export FILE -o OUT [--format F] [--rankdir LR|TB] [--critique] [--ascii] */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "critique.h"
#include "export.h"
#include "xalloc.h"

static const char usage[] = "napkin export FILE -o OUT [--format F] [--rankdir LR|TB] [--critique] [--ascii]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Export the diagram FILE to OUT.  The format comes from OUT's extension\n"
	    "unless --format names it; OUT is replaced only once it is complete.\n"
	    "OUT - writes to standard output (then --format is needed).\n\n"
	    "  -o, --output OUT    the file to write\n"
	    "  -f, --format F      the format (below)\n"
	    "  -r, --rankdir DIR   LR (calls flow left to right; the default) or TB\n"
	    "  -c, --critique      outline nodes with error findings in red, warnings in orange\n"
	    "                      (in txt, mark their boxes as the whiteboard does)\n"
	    "  -a, --ascii         txt only: draw with ASCII, no Unicode box drawing\n"
	    "  -h, --help          show this help\n\n"
	    "Formats:\n", usage);
	export_list_formats(stdout);
	printf("\ntxt is the board as the whiteboard draws it, cropped to the diagram.\n"
	    "svg, png and pdf run the Graphviz program dot, which must be on PATH.\n"
	    "napkin import reads the DOT back into the same diagram.  See napkin(1) and\n"
	    "docs/export.md.\n");
}

/* Write to standard output; pictures only when it is not a terminal. */
static int
export_stdout(const struct diagram *d, enum export_format format, const struct export_options *options)
{
	struct napkin_error err;
	bool ok = true;

	switch (format) {
	case EXPORT_DOT:
		ok = dot_export_write(d, options, stdout);
		break;
	case EXPORT_MERMAID:
		ok = mermaid_export_write(d, options, stdout);
		break;
	case EXPORT_TEXT:
		err.message[0] = '\0';
		ok = text_export_write(d, options, stdout, &err);
		if (!ok && err.message[0] != '\0') {
			fprintf(stderr, "napkin: %s\n", err.message);
			return EXIT_PROBLEM;
		}
		break;
	default:
		if (isatty(STDOUT_FILENO)) {
			fprintf(stderr, "napkin: not writing %s to a terminal; give -o a file name\n",
			    export_format_name(format));
			return EXIT_USAGE;
		}
		if (!dot_render(d, options, format, stdout, &err)) {
			fprintf(stderr, "napkin: %s\n", err.message);
			return EXIT_PROBLEM;
		}
	}
	if (!ok || fflush(stdout) != 0) {
		perror("napkin: standard output");
		return EXIT_PROBLEM;
	}
	return EXIT_OK;
}

/* One outline per node: the worst unaccepted finding naming it. */
static enum export_outline *
critique_outlines(const struct diagram *d)
{
	struct critique *c = critique_run(d);
	enum export_outline *outlines = xcalloc(diagram_node_count(d), sizeof *outlines);

	for (size_t i = 0; i < diagram_node_count(d); i++) {
		enum critique_severity worst;

		if (!critique_node_severity(c, diagram_node(d, i), &worst))
			continue;
		outlines[i] = worst == SEVERITY_ERROR ? OUTLINE_ERROR :
		    worst == SEVERITY_WARNING ? OUTLINE_WARNING : OUTLINE_NONE;
	}
	critique_free(c);
	return outlines;
}

int
cli_export(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "rankdir", required_argument, NULL, 'r' },
		{ "critique", no_argument, NULL, 'c' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_options export = { DIRECTION_LR, NULL, false };
	const char *output = NULL, *format_name = NULL;
	enum export_format format;
	struct napkin_error err;
	enum export_outline *outlines = NULL;
	struct diagram *d;
	bool critique = false;
	int c, status = EXIT_OK;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:r:cah", options, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'f': format_name = optarg; break;
		case 'r':
			if (!direction_from_name(optarg, &export.direction))
				return cli_usage_error(usage, "--rankdir must be LR or TB, not \"%s\"", optarg);
			break;
		case 'c': critique = true; break;
		case 'a': export.ascii = true; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(usage, c, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(usage, optind == argc ? "missing FILE" : "too many arguments");
	if (output == NULL)
		return cli_usage_error(usage, "missing -o OUT");
	if (format_name != NULL) {
		if (!export_format_from_name(format_name, &format))
			return cli_usage_error(usage, "unknown format \"%s\" (napkin export --help lists them)",
			    format_name);
	} else if (strcmp(output, "-") == 0) {
		return cli_usage_error(usage, "-o - needs --format");
	} else if (!export_format_from_path(output, &format)) {
		return cli_usage_error(usage, "cannot tell the format from the name %s; use --format "
		    "(napkin export --help lists them)", output);
	}
	if (export.ascii && format != EXPORT_TEXT)
		return cli_usage_error(usage, "--ascii is for the txt format only");
	d = cli_load(argv[optind]);
	if (d == NULL)
		return EXIT_USAGE;
	if (critique)
		export.outlines = outlines = critique_outlines(d);
	if (strcmp(output, "-") == 0) {
		status = export_stdout(d, format, &export);
	} else if (!export_file(d, output, format, &export, &err)) {
		fprintf(stderr, "napkin: %s\n", err.message);
		status = EXIT_PROBLEM;
	}
	free(outlines);
	diagram_free(d);
	return status;
}
