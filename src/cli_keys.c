/* napkin keys [--man]: the whiteboard's keys, without a terminal. */
#include "cli.h"

#include <getopt.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

static const char usage[] = "napkin keys [--man]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "List every key and : command of the whiteboard, and what the symbols on\n"
	    "the board mean: what ? shows inside it.\n\n"
	    "  -m, --man   print the KEYS section of napkin(1) instead, in roff\n"
	    "  -h, --help  show this help\n", usage);
}

int
cli_keys(int argc, char **argv)
{
	static const struct option options[] = {
		{ "man", no_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *codeset = nl_langinfo(CODESET);
	bool man = false;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":mh", options, NULL)) != -1) {
		switch (c) {
		case 'm': man = true; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(usage, c, argv);
		}
	}
	if (optind != argc)
		return cli_usage_error(usage, "too many arguments");
	tui_keys_write(stdout, codeset == NULL || strcmp(codeset, "UTF-8") != 0, man);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_PROBLEM;
}
