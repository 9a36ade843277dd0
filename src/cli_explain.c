/* napkin explain ID: one critique rule in full. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

#include "critique.h"

static const char usage[] = "napkin explain RULE";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Explain a critique rule (SPOF002, spof002, ...): when it fires, why it\n"
	    "matters, what to do, and how to accept the risk.  napkin rules lists them.\n\n"
	    "  -h, --help  show this help\n", usage);
}

int
cli_explain(int argc, char **argv)
{
	const struct critique_rule *rule;
	int status = cli_help_only(argc, argv, usage, help);

	if (status >= 0)
		return status;
	if (optind != argc - 1)
		return cli_usage_error(usage, optind == argc ? "missing RULE" : "too many arguments");
	rule = critique_rule_find(argv[optind]);
	if (rule == NULL)
		return cli_usage_error(usage, "no rule \"%s\" (napkin rules lists them)", argv[optind]);
	critique_explain(rule, stdout);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_PROBLEM;
}
