/* Helpers every subcommand shares. */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_json.h"

int
cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	char message[512];

	/* The message quotes arguments, which can hold escape sequences. */
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	error_print(stderr, "%s", message);
	fprintf(stderr, "usage: %s\n", usage);
	return EXIT_USAGE;
}

int
cli_option_error(const char *usage, int c, char **argv)
{
	/* Name the option as it was typed: --template, not the -t it maps to. */
	if (c == ':') {
		if (optopt == 0 || strncmp(argv[optind - 1], "--", 2) == 0)
			return cli_usage_error(usage, "option %s needs an argument", argv[optind - 1]);
		return cli_usage_error(usage, "option -%c needs an argument", optopt);
	}
	if (optopt != 0)
		return cli_usage_error(usage, "unknown option -%c", optopt);
	return cli_usage_error(usage, "unknown option %s", argv[optind - 1]);
}

bool
cli_drawing_option(int c, struct tui_options *tui)
{
	if (c == 'a')
		tui->ascii = true;
	else if (c == 'C')
		tui->no_color = true;
	else
		return false;
	return true;
}

void
cli_drawing_environment(struct tui_options *tui)
{
	const char *no_color = getenv("NO_COLOR");

	if (no_color != NULL && no_color[0] != '\0')
		tui->no_color = true;
}

struct diagram *
cli_load(const char *path)
{
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_file(path, &errors);

	error_list_print(&errors, stderr);
	error_list_clear(&errors);
	return d;
}

int
cli_help_only(int argc, char **argv, const char *usage, void (*help)(void))
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		if (c != 'h')
			return cli_option_error(usage, c, argv);
		help();
		return EXIT_OK;
	}
	return -1;
}
