/* napkin check FILE: validate a diagram file. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

#include "diagram_json.h"

static const char usage[] = "napkin check FILE";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Validate FILE: exit 0 when it is a valid napkin diagram, 2 with\n"
	    "FILE:LINE:COLUMN: messages when it is not.\n\n"
	    "  -h, --help  show this help\n", usage);
}

int
cli_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diagram *d;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		if (c != 'h')
			return cli_option_error(usage, c, argv);
		help();
		return EXIT_OK;
	}
	if (optind != argc - 1)
		return cli_usage_error(usage, optind == argc ? "missing FILE" : "too many arguments");
	d = cli_load(argv[optind]);
	if (d == NULL)
		return EXIT_USAGE;
	printf("%s: valid: %zu node%s, %zu edge%s, %zu group%s\n", argv[optind],
	    diagram_node_count(d), diagram_node_count(d) == 1 ? "" : "s",
	    diagram_edge_count(d), diagram_edge_count(d) == 1 ? "" : "s",
	    diagram_group_count(d), diagram_group_count(d) == 1 ? "" : "s");
	diagram_free(d);
	return EXIT_OK;
}
