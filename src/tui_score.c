/*
 * The scorecard page (:score, S, and when an interview's time runs out):
 * the very report `napkin score` prints -- findings by severity, each
 * expectation met or not and why, traffic headroom, the reference's
 * components the board lacks -- shown as a page, with colour for what
 * passed and what did not.  Building it runs the critique, the traffic
 * and the expectations once each.
 */
#include "tui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scorecard.h"
#include "xalloc.h"

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The style of one line of the text report, from how it begins. */
static void
style(const char *line, int *flags, int *colour, int *indent)
{
	static const struct {
		const char *prefix;
		int flags, colour, indent;
	} styles[] = {
		{ "Result: PASS", CELL_BOLD | CELL_REVERSE, COLOUR_GREEN, 0 },
		{ "Result: ", CELL_BOLD | CELL_REVERSE, COLOUR_YELLOW, 0 },
		{ "  [x] ", 0, COLOUR_GREEN, 6 },
		{ "  [ ] ", CELL_BOLD, COLOUR_RED, 6 },
		{ "      ", CELL_DIM, 0, 6 },
		{ "  error ", CELL_BOLD, COLOUR_RED, 20 },
		{ "  warning ", 0, COLOUR_YELLOW, 20 },
		{ "  accepted ", CELL_DIM, 0, 20 },
		{ "  note ", 0, 0, 20 },
		{ "  ", 0, 0, 4 },
	};

	*flags = 0;
	*colour = 0;
	*indent = 0;
	if (line[0] != ' ' && line[0] != '\0') {
		*flags = CELL_BOLD;
		*colour = COLOUR_CYAN;	/* a section's heading */
	}
	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
		if (starts(line, styles[i].prefix)) {
			*flags = styles[i].flags;
			*colour = styles[i].colour;
			*indent = styles[i].indent;
			break;
		}
	}
	if (strstr(line, "OVERLOADED") != NULL || strstr(line, "UNBOUNDED") != NULL) {
		*flags = CELL_BOLD;
		*colour = COLOUR_RED;
	}
}

void
tui_score_page(struct tui *t, const struct diagram *board, const struct interview *iv,
    const struct diagram *reference, const char *template_name)
{
	struct scorecard *sc = scorecard_build(board, iv, reference);
	char *text = NULL, *line, *next, title[200];
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	if (out == NULL)
		fatal("out of memory writing the scorecard");
	scorecard_write(sc, t->path != NULL ? t->path : "the board", template_name, SCORECARD_TEXT, out);
	fclose(out);
	tui_page_clear(&t->page);
	/* The first line names the file and template: the page's title says that. */
	line = strchr(text, '\n') != NULL ? strchr(text, '\n') + 1 : text;
	for (; *line != '\0'; line = next) {
		int flags, colour, indent;

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		style(line, &flags, &colour, &indent);
		tui_page_add(&t->page, flags, colour, indent, line);
	}
	snprintf(title, sizeof title, " scorecard against %s: %s (q closes) ", template_name,
	    sc->passed ? "PASS" : "not yet");
	tui_page_open(t, title, "SCORE");
	scorecard_free(sc);
	free(text);
}
