/* napkin interview TEMPLATE [--minutes N] [-o FILE]: a mock interview in the whiteboard. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "interview.h"
#include "templates.h"
#include "tui.h"

static const char usage[] = "napkin interview TEMPLATE [--minutes N] [-o FILE] [--ascii] [--no-color]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Run a mock system-design interview: a blank board with the template's\n"
	    "prompt in the side panel and a countdown in the title bar, through the\n"
	    "template's phases (requirements, estimates, high-level design, deep\n"
	    "dive; P moves on early).  The reference design stays hidden until R.\n"
	    "When time runs out the scorecard opens; the board stays editable and\n"
	    "the overtime counts.  S shows the scorecard at any time, I the prompt.\n\n"
	    "The board saves itself after every edit (so an interviewer can follow it\n"
	    "with napkin --view FILE) and records every edit for napkin replay.  If\n"
	    "FILE is already a board of this interview, the interview resumes where\n"
	    "its clock stopped.\n\n"
	    "  TEMPLATE             a name from napkin templates, or a template file\n"
	    "  -m, --minutes N      the interview's length (default: the phases, added up)\n"
	    "  -o, --output FILE    the board (default: interview-TEMPLATE.json here)\n"
	    "      --ascii          draw with ASCII only\n"
	    "      --no-color       draw without colour (also: NO_COLOR set)\n"
	    "  -h, --help           show this help\n", usage);
}

int
cli_interview(int argc, char **argv)
{
	static const struct option options[] = {
		{ "minutes", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		CLI_DRAWING_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct tui_options tui = { 0 };
	struct napkin_error err;
	char *end, *path;
	long minutes;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":m:o:h", options, NULL)) != -1) {
		if (cli_drawing_option(c, &tui))
			continue;
		switch (c) {
		case 'm':
			minutes = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || minutes < 1 || minutes > INTERVIEW_MINUTES_MAX)
				return cli_usage_error(usage, "--minutes must be a whole number from 1 to %d, not \"%s\"",
				    INTERVIEW_MINUTES_MAX, optarg);
			tui.minutes = (int)minutes;
			break;
		case 'o': tui.path = optarg; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(usage, c, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(usage, optind == argc ? "missing TEMPLATE" : "too many arguments");
	tui.interview = argv[optind];
	path = template_find(tui.interview, &err);
	if (path == NULL) {
		fprintf(stderr, "napkin: %s\n", err.message);
		return EXIT_USAGE;
	}
	free(path);
	/* Before anything is written: the board file is made only for a real session. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("napkin: an interview needs a terminal (napkin score FILE --template NAME works without one)\n",
		    stderr);
		return EXIT_USAGE;
	}
	cli_drawing_environment(&tui);
	return tui_run(&tui);
}
