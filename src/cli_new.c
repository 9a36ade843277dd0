/* napkin new FILE [--template NAME] [--title TEXT] [--force] */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diagram_json.h"
#include "templates.h"

static const char usage[] = "napkin new FILE [--template NAME] [--title TEXT] [--force]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Create a diagram file: blank, or a copy of a template.\n\n"
	    "  -t, --template NAME  start from templates/NAME.json (see napkin templates)\n"
	    "  -T, --title TEXT     the diagram's title\n"
	    "  -f, --force          overwrite FILE if it exists\n"
	    "  -h, --help           show this help\n", usage);
}

int
cli_new(int argc, char **argv)
{
	static const struct option options[] = {
		{ "template", required_argument, NULL, 't' },
		{ "title", required_argument, NULL, 'T' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *template = NULL, *title = NULL, *path;
	struct napkin_error err;
	struct diagram *d;
	bool force = false;
	int c, status = EXIT_OK;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:T:fh", options, NULL)) != -1) {
		switch (c) {
		case 't': template = optarg; break;
		case 'T': title = optarg; break;
		case 'f': force = true; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(usage, c, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(usage, optind == argc ? "missing FILE" : "too many arguments");
	path = argv[optind];
	if (!force && access(path, F_OK) == 0) {
		error_print(stderr, "%s already exists; use --force to overwrite it", path);
		return EXIT_PROBLEM;
	}
	if (template != NULL) {
		char *from = template_path(template, &err);

		if (from == NULL) {
			fprintf(stderr, "napkin: %s\n", err.message);
			return EXIT_USAGE;
		}
		d = cli_load(from);
		free(from);
		if (d == NULL)
			return EXIT_USAGE;
	} else {
		d = diagram_new();
	}
	if (title != NULL && !diagram_set_title(d, title, &err)) {
		fprintf(stderr, "napkin: --title: %s\n", err.message);
		status = EXIT_USAGE;
	} else if (!diagram_save_file(d, path, &err)) {
		fprintf(stderr, "napkin: %s\n", err.message);
		status = EXIT_PROBLEM;
	}
	diagram_free(d);
	return status;
}
