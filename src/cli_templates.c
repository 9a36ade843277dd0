/* napkin templates: the template library with titles. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "templates.h"

static const char usage[] = "napkin templates";

int
cli_templates(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct error_list errors = { 0 };
	struct template_entry *list;
	size_t count, width = 0;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		if (c != 'h')
			return cli_option_error(usage, c, argv);
		printf("usage: %s\n\n"
		    "List the templates napkin new --template and napkin --template take,\n"
		    "with their titles.\n\n"
		    "  -h, --help  show this help\n", usage);
		return EXIT_OK;
	}
	if (optind != argc)
		return cli_usage_error(usage, "no arguments expected");
	count = templates_list(&list, &errors);
	for (size_t i = 0; i < count; i++) {
		if (strlen(list[i].name) > width)
			width = strlen(list[i].name);
	}
	for (size_t i = 0; i < count; i++)
		printf("%-*s  %s\n", (int)width, list[i].name, list[i].title);
	error_list_print(&errors, stderr);
	templates_free(list, count);
	c = errors.count > 0 ? EXIT_PROBLEM : EXIT_OK;
	error_list_clear(&errors);
	return c;
}
