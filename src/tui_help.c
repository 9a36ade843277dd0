/*
 * Every key, command and symbol of the whiteboard, gathered from the key
 * table (tui_keys.c), the action table, the command table and the kind
 * table, so nothing can work without being documented.  The ? overlay
 * draws these lines; `napkin keys` prints them, and `napkin keys --man`
 * prints the KEYS section of docs/napkin.1 (a test keeps the page equal).
 */
#include "tui_internal.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

static void
add(struct tui_help_line *out, size_t *n, size_t max, const char *keys, const char *text, bool heading, int colour)
{
	if (*n >= max)
		return;
	snprintf(out[*n].keys, sizeof out[*n].keys, "%s", keys);
	snprintf(out[*n].text, sizeof out[*n].text, "%s", text);
	out[*n].heading = heading;
	out[*n].colour = colour;
	(*n)++;
}

/* The arrows in key names, and what they become in ASCII and in roff. */
static const struct {
	const char *utf8, *ascii, *roff;
} arrows[] = {
	{ "\xe2\x86\x90", "Left", "\\(<-" },
	{ "\xe2\x86\x93", "Down", "\\(da" },
	{ "\xe2\x86\x91", "Up", "\\(ua" },
	{ "\xe2\x86\x92", "Right", "\\(->" },
};

/* Append key name s to out, its arrows spelled out in ASCII when asked. */
static void
append_key(char *out, size_t size, const char *s, bool ascii)
{
	size_t len = strlen(out);

	while (*s != '\0' && len + 1 < size) {
		size_t a;

		for (a = 0; a < sizeof arrows / sizeof arrows[0]; a++) {
			size_t n = strlen(arrows[a].utf8);

			if (ascii && strncmp(s, arrows[a].utf8, n) == 0) {
				len += (size_t)snprintf(out + len, size - len, "%s", arrows[a].ascii);
				s += n;
				break;
			}
		}
		if (a == sizeof arrows / sizeof arrows[0])
			out[len++] = *s++;
		if (len >= size)
			len = size - 1;
		out[len] = '\0';
	}
}

/* The keys, section by section, and the commands. */
static size_t
key_lines(bool ascii, struct tui_help_line *out, size_t max)
{
	const char *sections[ACTION_COUNT];
	size_t section_count = 0;
	const struct tui_binding *b;
	size_t nb = tui_bindings(&b), n = 0;
	const char *const *commands;
	size_t nc = tui_command_help(&commands);

	/* The sections in the order the action table first names them. */
	for (int a = 0; a < ACTION_COUNT; a++) {
		const char *section = tui_action_section((enum tui_action)a);
		bool seen = false;

		for (size_t s = 0; s < section_count && !seen; s++)
			seen = strcmp(sections[s], section) == 0;
		if (!seen)
			sections[section_count++] = section;
	}
	for (size_t s = 0; s < section_count; s++) {
		add(out, &n, max, sections[s], "", true, 0);
		for (int a = 0; a < ACTION_COUNT; a++) {
			char keys[64] = "";

			if (strcmp(tui_action_section((enum tui_action)a), sections[s]) != 0)
				continue;
			for (size_t i = 0; i < nb; i++) {
				if (b[i].action != (enum tui_action)a || b[i].key_name == NULL)
					continue;
				if (keys[0] != '\0')
					append_key(keys, sizeof keys, " ", false);
				append_key(keys, sizeof keys, b[i].key_name, ascii);
			}
			if (keys[0] != '\0')
				add(out, &n, max, keys, tui_action_help((enum tui_action)a), false, 0);
		}
	}
	add(out, &n, max, "Commands", "", true, 0);
	for (size_t i = 0; i < nc; i++) {
		char keys[32];
		size_t k = strcspn(commands[i], "\t");

		snprintf(keys, sizeof keys, "%.*s", (int)k, commands[i]);
		add(out, &n, max, keys, commands[i] + k + (commands[i][k] != '\0'), false, 0);
	}
	add(out, &n, max, ":NAME ARG", "any action by name: :add db Orders", false, 0);
	return n;
}

/* What the kinds and the symbols on the board mean. */
static size_t
legend_lines(bool ascii, struct tui_help_line *out, size_t max)
{
	size_t n = 0;

	add(out, &n, max, "Kinds", "tag in the box, key in the a palette", true, 0);
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *info = kind_info((enum node_kind)k);
		char tag[16], text[96];

		snprintf(tag, sizeof tag, "[%s]", info->tag);
		snprintf(text, sizeof text, "%c  %s", info->palette_key, info->name);
		add(out, &n, max, tag, text, false, info->colour);
	}
	add(out, &n, max, "On the board", "", true, 0);
	add(out, &n, max, ascii ? "---->" : "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6", "sync call", false, 0);
	add(out, &n, max, ascii ? "....>" : "\xe2\x94\x84\xe2\x94\x84\xe2\x94\x84\xe2\x96\xb6", "async message", false, 0);
	add(out, &n, max, ascii ? "x3" : "\xc3\x97" "3", "replicas (and a shadow)", false, 0);
	add(out, &n, max, "managed", "cloud-managed, highly available", false, 0);
	add(out, &n, max, ascii ? "#==#" : "\xe2\x95\x94\xe2\x95\x90\xe2\x95\x90\xe2\x95\x97", "the selected node", false, 0);
	add(out, &n, max, ascii ? "X" : "\xe2\x9c\x96", "corner mark: an error finding", false, COLOUR_RED);
	add(out, &n, max, "!", "corner mark: a warning finding", false, COLOUR_YELLOW);
	add(out, &n, max, ascii ? "+..+" : "\xe2\x94\x8c\xe2\x94\x84\xe2\x94\x84\xe2\x94\x90", "dashed and grey: down (F)", false, 0);
	add(out, &n, max, "Prompts", "Enter ok, Esc cancel, Ctrl-U clear", false, 0);
	return n;
}

size_t
tui_help_lines(bool ascii, struct tui_help_line *out, size_t max)
{
	size_t n = key_lines(ascii, out, max);

	return n + legend_lines(ascii, out + n, max - n);
}

/* Text for roff: hyphens in key names are minus signs, backslashes escaped. */
static void
roff_text(FILE *out, const char *s, bool key)
{
	for (; *s != '\0'; s++) {
		size_t a;

		for (a = 0; a < sizeof arrows / sizeof arrows[0]; a++) {
			size_t n = strlen(arrows[a].utf8);

			if (strncmp(s, arrows[a].utf8, n) == 0) {
				fputs(arrows[a].roff, out);
				s += n - 1;
				break;
			}
		}
		if (a < sizeof arrows / sizeof arrows[0])
			continue;
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-' && key)
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

static void
write_man(FILE *out, const struct tui_help_line *lines, size_t n)
{
	fputs(".SH KEYS\n"
	    ".\\\" Generated by napkin keys --man from the key table; tests/cli/keys.sh\n"
	    ".\\\" fails when the two differ.\n"
	    "The whiteboard is driven from the keyboard, vim-style;\n"
	    ".B ?\\&\n"
	    "shows these keys and\n"
	    ".B napkin keys\n"
	    "prints them.\n"
	    "Every action also runs as a\n"
	    ".B :\n"
	    "command by its name, with its argument after it.\n", out);
	for (size_t i = 0; i < n; i++) {
		if (lines[i].heading) {
			fputs(".PD\n.SS ", out);
			roff_text(out, lines[i].keys, false);
			fputs("\n.PD 0\n", out);	/* one line per key */
			continue;
		}
		fputs(".TP 14\n.B \"", out);
		roff_text(out, lines[i].keys, true);
		fputs("\"\n", out);
		if (lines[i].text[0] == '.' || lines[i].text[0] == '\'')
			fputs("\\&", out);	/* not a request */
		roff_text(out, lines[i].text, false);
		fputc('\n', out);
	}
	fputs(".PD\n", out);
}

void
tui_keys_write(FILE *out, bool ascii, bool man)
{
	struct tui_help_line lines[160];
	size_t n;

	if (man) {
		write_man(out, lines, key_lines(false, lines, sizeof lines / sizeof lines[0]));
		return;
	}
	n = tui_help_lines(ascii, lines, sizeof lines / sizeof lines[0]);
	for (size_t i = 0; i < n; i++) {
		if (lines[i].heading)
			fprintf(out, "%s%s%s%s\n", i > 0 ? "\n" : "", lines[i].keys, lines[i].text[0] != '\0' ? ": " : "",
			    lines[i].text);
		else
			fprintf(out, "  %s%*s %s\n", lines[i].keys, 16 - (int)utf8_width(lines[i].keys), "", lines[i].text);
	}
}
