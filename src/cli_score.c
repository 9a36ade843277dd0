/* napkin score FILE --template NAME [--format text|json]: the scorecard of a board. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interview.h"
#include "scorecard.h"
#include "templates.h"
#include "xalloc.h"

static const char usage[] = "napkin score FILE --template NAME [--format text|json]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Score the design in FILE against a template's prompt, as an interviewer\n"
	    "would at the end of a mock interview: the critique's findings by severity,\n"
	    "each of the prompt's expectations met or not and why, the traffic\n"
	    "estimates (every node's load against replicas x capacity), the components\n"
	    "of the reference design the board lacks (matched by kind and connections,\n"
	    "not ids) and, for a drill, which planted defects are fixed.\n\n"
	    "  -t, --template NAME  templates/NAME.json (napkin templates lists them), or\n"
	    "                       the path of a template file\n"
	    "  -f, --format FMT     text (default) or json\n"
	    "  -h, --help           show this help\n\n"
	    "Exit status: 0 the board passes (every expectation met, no error finding,\n"
	    "nothing overloaded, every planted defect fixed), 1 it does not yet (or the\n"
	    "report could not be written), 2 bad usage or an invalid FILE or template.\n", usage);
}

static int
score(const char *file, const char *template_name, enum scorecard_format format)
{
	struct error_list errors = { 0 };
	struct diagram *board = NULL, *reference = NULL;
	struct interview *iv = NULL;
	struct scorecard *sc;
	struct napkin_error err;
	char *path = template_find(template_name, &err);
	int status = EXIT_USAGE, write_errno;
	bool written;

	if (path == NULL) {
		fprintf(stderr, "napkin: %s\n", err.message);
		return EXIT_USAGE;
	}
	board = cli_load(file);
	if (board != NULL)
		iv = interview_load_file(path, &reference, &errors);
	error_list_print(&errors, stderr);
	error_list_clear(&errors);
	if (iv == NULL)
		goto out;
	sc = scorecard_build(board, iv, iv->is_drill ? NULL : reference);
	written = scorecard_write(sc, file, template_name, format, stdout);
	write_errno = errno;
	status = sc->passed ? EXIT_OK : EXIT_PROBLEM;
	scorecard_free(sc);
	if (!written) {
		fprintf(stderr, "napkin: cannot write the scorecard: %s\n", strerror(write_errno));
		status = EXIT_PROBLEM;
	}
out:
	interview_free(iv);
	diagram_free(reference);
	diagram_free(board);
	free(path);
	return status;
}

int
cli_score(int argc, char **argv)
{
	static const struct option options[] = {
		{ "template", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum scorecard_format format = SCORECARD_TEXT;
	const char *template_name = NULL;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:f:h", options, NULL)) != -1) {
		switch (c) {
		case 't':
			template_name = optarg;
			break;
		case 'f':
			if (!scorecard_format_from_name(optarg, &format))
				return cli_usage_error(usage, "unknown format \"%s\" (text or json)", optarg);
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
	if (template_name == NULL)
		return cli_usage_error(usage, "missing --template NAME");
	return score(argv[optind], template_name, format);
}
