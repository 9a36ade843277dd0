/* napkin rules: the critique's rules, as a table or as docs/rules.md. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

#include "critique.h"

static const char usage[] = "napkin rules [--markdown]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "List every critique rule: ID, severity, name and when it fires.\n\n"
	    "  -m, --markdown  print docs/rules.md instead (definitions and every rule)\n"
	    "  -h, --help      show this help\n", usage);
}

int
cli_rules(int argc, char **argv)
{
	static const struct option options[] = {
		{ "markdown", no_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	bool markdown = false;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":mh", options, NULL)) != -1) {
		switch (c) {
		case 'm': markdown = true; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(usage, c, argv);
		}
	}
	if (optind != argc)
		return cli_usage_error(usage, "too many arguments");
	if (markdown) {
		critique_rules_markdown(stdout);
	} else {
		for (size_t i = 0; i < critique_rule_count(); i++) {
			const struct critique_rule *r = critique_rule_at(i);

			printf("%-8s %-8s %-30s %s\n", r->id, critique_severity_name(r->severity), r->name,
			    r->summary);
		}
	}
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_PROBLEM;
}
