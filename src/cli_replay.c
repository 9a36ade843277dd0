/* napkin replay FILE [--speed N] [--at TIME] [-o OUT]: a recorded board played back. */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "diagram_json.h"
#include "session.h"
#include "tui.h"

static const char usage[] = "napkin replay FILE [--speed N] [--at TIME] [-o OUT] [--ascii] [--no-color]";

static void
help(void)
{
	printf("usage: %s\n\n"
	    "Play back how a board was drawn, from the session record napkin keeps in\n"
	    "it (napkin interview records one; so does napkin --record FILE).  Space\n"
	    "pauses, n and N step one edit, ^ and $ go to the start and the end, + and -\n"
	    "change the speed; the last frame is the board as saved.\n\n"
	    "  -s, --speed N        play N times as fast as it happened (default 10); a\n"
	    "                       pause between two edits never lasts over 1.5 s\n"
	    "  -a, --at TIME        start there, paused: seconds, M:SS or H:MM:SS\n"
	    "  -o, --output OUT     write the board as it was at TIME (default: the end)\n"
	    "                       to OUT instead, and exit\n"
	    "      --ascii          draw with ASCII only\n"
	    "      --no-color       draw without colour (also: NO_COLOR set)\n"
	    "  -h, --help           show this help\n\n"
	    "Exit status: 0 done, 1 OUT could not be written, 2 bad usage, an invalid\n"
	    "FILE or a FILE without a record.\n", usage);
}

/* "95", "1:35", "1:01:35" -> seconds; false when it is none of these. */
static bool
parse_time(const char *text, double *out)
{
	double total = 0, part;
	const char *p = text;
	int fields = 0;
	char *end;

	for (;;) {
		part = strtod(p, &end);
		if (end == p || part < 0 || !isfinite(part) || ++fields > 3)
			return false;
		total = total * 60 + part;
		if (*end == '\0')
			break;
		if (*end != ':' || (strchr(p, '.') != NULL && strchr(p, '.') < end))
			return false;	/* only the seconds may have a fraction */
		p = end + 1;
	}
	*out = total;
	return true;
}

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The board at time `at`, with the file's other top-level members (not its record). */
static int
write_frame(const char *file, const char *out, bool has_at, double at)
{
	struct error_list errors = { 0 };
	struct napkin_error err;
	struct diagram *d = NULL, *frame;
	struct session_player *p = session_player_load(file, &d, &errors);
	cJSON *extra;
	int status = EXIT_OK;

	error_list_print(&errors, stderr);
	error_list_clear(&errors);
	if (p == NULL)
		return EXIT_USAGE;
	if (!has_at && !session_player_matches(p))
		error_print(stderr, "%s was edited outside a recorded session: the record's end differs "
		    "from the file", file);
	frame = session_player_frame(p, has_at ? session_player_count_at(p, at) : session_player_count(p), &err);
	if (frame == NULL) {
		error_print(stderr, "%s: %s", file, err.message);
		status = EXIT_USAGE;
	} else {
		extra = diagram_extra(d) != NULL ? cJSON_Duplicate(diagram_extra(d), true) : NULL;
		cJSON_DeleteItemFromObjectCaseSensitive(extra, "session");
		diagram_adopt_extra(frame, extra != NULL && extra->child != NULL ? extra : NULL);
		if (extra != NULL && extra->child == NULL)
			cJSON_Delete(extra);
		if (!diagram_save_file(frame, out, &err)) {
			fprintf(stderr, "napkin: %s\n", err.message);
			status = EXIT_PROBLEM;
		}
	}
	diagram_free(frame);
	diagram_free(d);
	session_player_free(p);
	return status;
}

int
cli_replay(int argc, char **argv)
{
	static const struct option options[] = {
		{ "speed", required_argument, NULL, 's' },
		{ "at", required_argument, NULL, 'A' },
		{ "output", required_argument, NULL, 'o' },
		CLI_DRAWING_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct tui_options tui = { .replay = true };
	const char *out = NULL;
	char *end;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":s:A:o:h", options, NULL)) != -1) {
		if (cli_drawing_option(c, &tui))
			continue;
		switch (c) {
		case 's':
			tui.speed = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || !(tui.speed >= 0.25 && tui.speed <= 1000))
				return cli_usage_error(usage, "--speed must be a number from 0.25 to 1000, not \"%s\"",
				    optarg);
			break;
		case 'A':
			if (!parse_time(optarg, &tui.at))
				return cli_usage_error(usage, "--at takes seconds, M:SS or H:MM:SS, not \"%s\"", optarg);
			tui.start_at = true;
			break;
		case 'o': out = optarg; break;
		case 'h': help(); return EXIT_OK;
		default: return cli_option_error(usage, c, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(usage, optind == argc ? "missing FILE" : "too many arguments");
	tui.path = argv[optind];
	if (out != NULL) {
		if (same_file(out, tui.path))
			return cli_usage_error(usage, "-o %s would overwrite the recorded board", out);
		return write_frame(tui.path, out, tui.start_at, tui.at);
	}
	cli_drawing_environment(&tui);
	return tui_run(&tui);
}
