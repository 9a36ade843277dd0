/* napkin import IN -o FILE.json [--force] */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include "diagram_json.h"
#include "dot_import.h"
#include "utf8.h"

static const char usage[] = "napkin import IN -o FILE.json [--force]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Read the Graphviz DOT file IN into a napkin diagram FILE.json.\n"
	    "A file napkin exported comes back whole.  From any other DOT file\n"
	    "clusters become groups, dashed or dotted edges async calls, and each\n"
	    "node's kind is guessed from the words of its id, label, tech, shape and\n"
	    "image (redis is a cache, postgres a db, kafka a broker, ...); the\n"
	    "diagram is laid out by Graphviz.  What napkin cannot keep (self-loops,\n"
	    "ports, HTML markup, nested clusters) is reported as a warning.\n"
	    "Invalid DOT is reported with its line and exits with status 2.\n\n"
	    "  -o, --output FILE  the diagram to write\n"
	    "  -f, --force        overwrite FILE if it exists\n"
	    "  -h, --help         show this help\n\n"
	    "See napkin(1) and docs/export.md for the attributes and the kind words.\n", usage);
}

static void
print_summary(const char *in, const char *out, const struct diagram *d,
    const struct dot_import_summary *s)
{
	size_t nodes = diagram_node_count(d), edges = diagram_edge_count(d);
	size_t groups = diagram_group_count(d);

	/* File names can hold escape sequences: shown with '?' for them. */
	utf8_write_printable(stdout, in);
	fputs(" -> ", stdout);
	utf8_write_printable(stdout, out);
	printf(": %zu node%s, %zu edge%s, %zu group%s", nodes, nodes == 1 ? "" : "s", edges, edges == 1 ? "" : "s", groups, groups == 1 ? "" : "s");
	if (s->kinds_guessed > 0)
		printf("; %zu kind%s guessed", s->kinds_guessed, s->kinds_guessed == 1 ? "" : "s");
	if (s->laid_out && nodes > 0)
		printf("; laid out %s", s->method == LAYOUT_DOT ? "by Graphviz dot" : "in rows");
	printf("\n");
}

int
cli_import(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct error_list warnings = { 0 }, errors = { 0 };
	struct dot_import_summary summary;
	const char *output = NULL, *input;
	struct napkin_error err;
	struct diagram *d;
	bool force = false;
	int c, status = EXIT_OK;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:fh", options, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'f': force = true; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(usage, c, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(usage, optind == argc ? "missing IN" : "too many arguments");
	if (output == NULL)
		return cli_usage_error(usage, "missing -o FILE.json");
	input = argv[optind];
	if (!force && access(output, F_OK) == 0) {
		error_print(stderr, "%s already exists; use --force to overwrite it", output);
		return EXIT_PROBLEM;
	}
	d = dot_import_file(input, &summary, &warnings, &errors);
	for (size_t i = 0; i < warnings.count; i++)
		fprintf(stderr, "warning: %s\n", warnings.messages[i]);
	error_list_print(&errors, stderr);
	if (d == NULL) {
		status = EXIT_USAGE;
	} else if (!diagram_save_file(d, output, &err)) {
		fprintf(stderr, "napkin: %s\n", err.message);
		status = EXIT_PROBLEM;
	} else {
		print_summary(input, output, d, &summary);
	}
	diagram_free(d);
	error_list_clear(&warnings);
	error_list_clear(&errors);
	return status;
}
