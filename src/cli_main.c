/*
 * main(): dispatch to a subcommand (cli_*.c) or open the whiteboard
 * (tui_*.c).  A first argument naming a command runs it; anything else is
 * the whiteboard's options and file (use ./check for a file named check).
 */
#include "cli.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"
#include "tui.h"

static const struct cli_command commands[] = {
	{ "new", "create a diagram file, blank or from a template", cli_new },
	{ "templates", "list the templates", cli_templates },
	{ "check", "validate a diagram and critique the design", cli_check },
	{ "rules", "list the critique's rules", cli_rules },
	{ "explain", "explain one critique rule", cli_explain },
	{ "export", "write a diagram as DOT, SVG, PNG, PDF, Mermaid or text", cli_export },
	{ "import", "read a Graphviz DOT file into a diagram", cli_import },
	{ "score", "score a design against a template's prompt", cli_score },
	{ "keys", "list the whiteboard's keys", cli_keys },
	{ "interview", "run a mock interview: prompt, countdown, scorecard", cli_interview },
	{ "replay", "play back how a recorded board was drawn", cli_replay },
};

static const char usage[] = "napkin [--view] [--record] [--ascii] [--no-color] [FILE] | napkin --template NAME | "
    "napkin COMMAND ...";

static void
help(void)
{
	printf("usage: napkin [options] [FILE]\n"
	    "       napkin COMMAND [ARGS]   (napkin COMMAND --help for its options)\n\n"
	    "napkin is a terminal whiteboard for system-design interviews: draw typed\n"
	    "components and the calls between them, and let it review the design.\n"
	    "FILE is a napkin diagram (JSON), or a Graphviz .dot or .gv file to import.\n"
	    "Unsaved edits are kept in FILE.recover, offered back when napkin next opens\n"
	    "FILE; a second napkin editing FILE is warned and offered --view.\n\n"
	    "Options:\n"
	    "  -t, --template NAME  open a new, unsaved diagram copied from a template\n"
	    "      --view           read-only viewer that follows FILE as it changes\n"
	    "      --record         keep a record of every edit in FILE, for napkin replay\n"
	    "      --ascii          draw with ASCII only (no Unicode box drawing)\n"
	    "      --no-color       draw without colour (also: NO_COLOR set)\n"
	    "  -V, --version        print the version\n"
	    "  -h, --help           show this help\n\n"
	    "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-10s %s\n", commands[i].name, commands[i].summary);
	printf("\nComponent kinds (the tag is drawn in the box):\n");
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *info = kind_info((enum node_kind)k);

		printf("  %-9s [%s]%*s %s\n", info->name, info->tag, (int)(5 - strlen(info->tag)), "",
		    info->description);
	}
	printf("\nIn the whiteboard, press ? for every key (napkin keys lists them).  See napkin(1).\n");
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "template", required_argument, NULL, 't' },
		{ "view", no_argument, NULL, 'v' },
		{ "record", no_argument, NULL, 'r' },
		CLI_DRAWING_OPTIONS,
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct tui_options tui = { 0 };
	int c;

	setlocale(LC_ALL, "");
	/* Past ulimit -f a write should fail with EFBIG, reported like a full disk, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc > 1) {
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
			if (strcmp(argv[1], commands[i].name) == 0)
				return commands[i].run(argc - 1, argv + 1);
		}
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:Vh", options, NULL)) != -1) {
		if (cli_drawing_option(c, &tui))
			continue;
		switch (c) {
		case 't': tui.template_name = optarg; break;
		case 'v': tui.view = true; break;
		case 'r': tui.record = true; break;
		case 'V': printf("napkin %s\n", NAPKIN_VERSION); return EXIT_OK;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(usage, c, argv);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(usage, "unknown command \"%s\" (napkin --help lists them)", argv[optind]);
	tui.path = optind < argc ? argv[optind] : NULL;
	if (tui.view && tui.path == NULL)
		return cli_usage_error(usage, "--view needs a FILE");
	if (tui.view && tui.template_name != NULL)
		return cli_usage_error(usage, "--view and --template do not mix");
	if (tui.view && tui.record)
		return cli_usage_error(usage, "--view and --record do not mix: the viewer never writes");
	cli_drawing_environment(&tui);
	return tui_run(&tui);
}
