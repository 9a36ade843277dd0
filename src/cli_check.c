/* napkin check FILE: validate a diagram file and critique the design. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "critique.h"
#include "diagram_json.h"

static const char usage[] = "napkin check FILE [--format text|json|sarif] [--fail-on error|warning|note]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Validate FILE, then review the design: single points of failure, missing\n"
	    "caches and gateways, synchronous work that belongs on a queue, ... (napkin\n"
	    "rules lists every rule; napkin explain ID shows one).\n\n"
	    "  -f, --format FMT    text (default; FILE: error: SPOF002: ... like a compiler),\n"
	    "                      json, or sarif (SARIF 2.1.0, for CI and code scanning)\n"
	    "      --fail-on SEV   exit 1 when a finding of severity SEV or worse is not\n"
	    "                      accepted: error (default), warning or note\n"
	    "  -h, --help          show this help\n\n"
	    "Exit status: 0 nothing at or above the fail level, 1 something is, 2 bad\n"
	    "usage or an invalid FILE (FILE:LINE:COLUMN: messages on stderr).\n", usage);
}

int
cli_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum critique_format format = FORMAT_TEXT;
	enum critique_severity fail_on = SEVERITY_ERROR;
	struct critique_summary summary;
	struct critique *critique;
	struct diagram *d;
	bool failed = false, written;
	int c, write_errno;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!critique_format_from_name(optarg, &format))
				return cli_usage_error(usage, "unknown format \"%s\" (text, json or sarif)", optarg);
			break;
		case 'F':
			if (!critique_severity_from_name(optarg, &fail_on))
				return cli_usage_error(usage, "unknown severity \"%s\" (error, warning or note)", optarg);
			break;
		case 'h':
			help();
			return EXIT_OK;
		default:
			return cli_option_error(usage, c, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(usage, optind == argc ? "missing FILE" : "too many arguments");
	d = cli_load(argv[optind]);
	if (d == NULL)
		return EXIT_USAGE;
	critique = critique_run(d);
	summary = critique_summary(critique);
	for (int s = 0; s <= (int)fail_on; s++)
		failed = failed || summary.count[s] > 0;
	written = critique_write(critique, argv[optind], format, stdout);
	write_errno = errno;
	critique_free(critique);
	diagram_free(d);
	if (!written) {
		fprintf(stderr, "napkin: cannot write the report: %s\n", strerror(write_errno));
		return EXIT_PROBLEM;
	}
	return failed ? EXIT_PROBLEM : EXIT_OK;
}
