/* napkin templates: the template library with titles. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "templates.h"

static const char usage[] = "napkin templates";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "List the templates, one line each: the name napkin new --template,\n"
	    "napkin --template and napkin score --template take, and the prompt's\n"
	    "summary.  Names starting with drill- are \"find the problems\" drills:\n"
	    "flawed designs whose defects the critique reports.\n\n"
	    "  -h, --help  show this help\n", usage);
}

int
cli_templates(int argc, char **argv)
{
	struct error_list errors = { 0 };
	struct template_entry *list;
	size_t count, width = 0;
	int status = cli_help_only(argc, argv, usage, help);

	if (status >= 0)
		return status;
	if (optind != argc)
		return cli_usage_error(usage, "no arguments expected");
	count = templates_list(&list, &errors);
	for (size_t i = 0; i < count; i++) {
		if (strlen(list[i].name) > width)
			width = strlen(list[i].name);
	}
	for (size_t i = 0; i < count; i++)
		printf("%-*s  %s\n", (int)width, list[i].name, list[i].summary);
	error_list_print(&errors, stderr);
	templates_free(list, count);
	status = errors.count > 0 ? EXIT_PROBLEM : EXIT_OK;
	error_list_clear(&errors);
	return status;
}
