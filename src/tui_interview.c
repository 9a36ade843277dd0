/*
 * napkin interview: a blank board (the reference stays hidden) under a
 * countdown, with the template's phases, saved after every edit so an
 * interviewer's `napkin --view` follows it, and recorded for replay.
 *
 * The board goes to interview-NAME.json unless -o names another file;
 * when that file is already a board of the same interview, the interview
 * resumes where its clock stopped.  When time runs out the scorecard
 * opens; the board stays editable and the title bar counts the overtime,
 * so a debrief can fix what the scorecard found.
 *
 * Phases run end to end, each for its time box (interview_phase_at); P
 * ends the current one early by adding what was left of it to the time
 * "skipped", which the record keeps.
 *
 * Any board whose record names a template (a saved interview board, in
 * `napkin --view` or plain napkin) gets the same :score, R and I, without
 * the clock.
 */
#include "tui_interview.h"

#include <cJSON.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diagram_json.h"
#include "session.h"
#include "templates.h"
#include "xalloc.h"

#define DEFAULT_MINUTES 45
#define WARN_SECONDS (5 * 60)		/* the countdown turns yellow */

static double
skipped(const struct tui_interview *ctx)
{
	return ctx->owner->recorder != NULL ? session_recorder_info(ctx->owner->recorder)->skipped : 0;
}

double
tui_interview_elapsed(const struct tui_interview *ctx)
{
	return tui_session_clock(ctx->owner);
}

double
tui_interview_left(const struct tui_interview *ctx)
{
	return 60.0 * ctx->minutes - tui_interview_elapsed(ctx);
}

long
tui_interview_phase_now(const struct tui_interview *ctx, double *left)
{
	long phase = interview_phase_at(ctx->iv, tui_interview_elapsed(ctx) + skipped(ctx), left);

	/* A phase never outlasts the interview (--minutes shorter than the phases). */
	if (left != NULL && *left > tui_interview_left(ctx))
		*left = tui_interview_left(ctx) > 0 ? tui_interview_left(ctx) : 0;
	return phase;
}

static void
context_free(struct tui_interview *ctx)
{
	tui_reveal_free(ctx);
	interview_free(ctx->iv);
	diagram_free(ctx->reference);
	free(ctx->template_name);
	free(ctx->template_path);
	free(ctx);
}

/* The template's interview and design; NULL with why in error. */
static struct tui_interview *
load_context(const char *template_name, char *error, size_t size)
{
	struct error_list errors = { 0 };
	struct napkin_error err;
	struct tui_interview *ctx;
	struct diagram *reference;
	struct interview *iv;
	char *path = template_find(template_name, &err);

	if (path == NULL) {
		snprintf(error, size, "%s", err.message);
		return NULL;
	}
	iv = interview_load_file(path, &reference, &errors);
	if (iv == NULL) {
		snprintf(error, size, "%s%s", errors.count > 0 ? errors.messages[0] : path,
		    errors.count > 1 ? " (and more)" : "");
		error_list_clear(&errors);
		free(path);
		return NULL;
	}
	if (!iv->has_prompt) {
		snprintf(error, size, "%s has no prompt: an interview needs a template (napkin templates lists them)",
		    path);
		interview_free(iv);
		diagram_free(reference);
		free(path);
		return NULL;
	}
	ctx = xcalloc(1, sizeof *ctx);
	ctx->iv = iv;
	ctx->reference = reference;
	ctx->template_name = xstrdup(template_name);
	ctx->template_path = path;
	ctx->phase = -1;
	return ctx;
}

void
tui_interview_free(struct tui *t)
{
	struct tui_interview *ctx = t->interview;

	if (ctx == NULL || ctx->owner != t)
		return;		/* the reference view borrows its owner's */
	/* Leaving: the clock stops here, and a resumed interview goes on from here. */
	if (ctx->running && ctx->started && t->recorder != NULL) {
		struct napkin_error err;

		session_recorder_store(t->recorder, t->diagram);
		if (!diagram_save_file(t->diagram, t->path, &err))
			fprintf(stderr, "napkin: %s\n", err.message);
	}
	context_free(ctx);
	t->interview = NULL;
}

void
tui_interview_attach(struct tui *t)
{
	const cJSON *record = diagram_extra(t->diagram) != NULL ?
	    cJSON_GetObjectItemCaseSensitive(diagram_extra(t->diagram), "session") : NULL;
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(record, "template");
	char error[512];

	if (t->interview != NULL || !cJSON_IsString(name))
		return;
	t->interview = load_context(name->valuestring, error, sizeof error);
	if (t->interview == NULL) {
		tui_message(t, true, "this board's template: %s", error);
		return;
	}
	t->interview->owner = t;
}

/* interview-NAME.json, NAME being the template file's name. */
static char *
default_board(const char *template_path)
{
	char *copy = xstrdup(template_path), *base = basename(copy), *dot = strrchr(base, '.');
	char *out;

	if (dot != NULL && strcmp(dot, ".json") == 0)
		*dot = '\0';
	out = xasprintf("interview-%s.json", base);
	free(copy);
	return out;
}

/* The board the candidate starts from: blank (a drill: the flawed design itself). */
static struct diagram *
starting_board(const struct tui_interview *ctx)
{
	struct diagram *d;

	if (ctx->iv->is_drill) {
		struct error_list errors = { 0 };
		size_t len;
		char *text = diagram_to_json(ctx->reference, &len);

		d = diagram_load_buffer(ctx->template_path, text, len, &errors);
		free(text);
		error_list_clear(&errors);
		if (d != NULL) {
			diagram_adopt_extra(d, NULL);	/* the prompt and the answers stay out */
			return d;
		}
	}
	d = diagram_new();
	diagram_set_title(d, diagram_title(ctx->reference), NULL);
	return d;
}

/* Save without a message: autosave, and the file the interview starts with. */
static bool
save_quietly(struct tui *t)
{
	struct napkin_error err;

	tui_session_store(t);
	if (!diagram_save_file(t->diagram, t->path, &err)) {
		tui_message(t, true, "%s", err.message);
		return false;
	}
	t->saved_state = diagram_state_id(t->diagram);
	tui_recovery_saved(t);
	return true;
}

bool
tui_interview_open(struct tui *t, const struct tui_options *o)
{
	struct tui_interview *ctx;
	struct diagram *board;
	struct session_info *info;
	char error[512], left[16], total[16];
	bool resumed;

	ctx = load_context(o->interview, error, sizeof error);
	if (ctx == NULL) {
		fprintf(stderr, "napkin: %s\n", error);
		return false;
	}
	ctx->owner = t;
	ctx->running = true;
	t->interview = ctx;
	t->record = true;
	t->panel = true;
	t->path = o->path != NULL ? xstrdup(o->path) : default_board(ctx->template_path);
	resumed = access(t->path, F_OK) == 0;
	board = resumed ? cli_load(t->path) : starting_board(ctx);
	if (board == NULL)
		return false;
	tui_file_adopt(t, board);
	info = session_recorder_info(t->recorder);
	if (resumed && (info->template_name == NULL || strcmp(info->template_name, o->interview) != 0)) {
		error_print(stderr, "%s exists and is not a board of the %s interview; choose another file "
		    "with -o, or open it with napkin %s", t->path, o->interview, t->path);
		return false;
	}
	free(info->template_name);
	info->template_name = xstrdup(o->interview);
	ctx->minutes = o->minutes > 0 ? o->minutes : info->minutes > 0 ? info->minutes :
	    interview_minutes(ctx->iv) > 0 ? interview_minutes(ctx->iv) : DEFAULT_MINUTES;
	info->minutes = ctx->minutes;
	if (!save_quietly(t)) {
		fprintf(stderr, "napkin: %s\n", t->message);
		return false;
	}
	ctx->phase = tui_interview_phase_now(ctx, NULL);
	ctx->time_up = tui_interview_left(ctx) <= 0;
	if (diagram_node_count(board) > 0)
		tui_focus_node(t, diagram_node(board, 0));
	tui_clock_text(tui_interview_left(ctx), left, sizeof left);
	tui_clock_text(60.0 * ctx->minutes, total, sizeof total);
	ctx->started = true;
	if (!resumed)
		tui_brief_page(t, ctx);
	if (resumed)
		tui_message(t, false, "resumed %s: %s of %s left", t->path, left, total);
	else
		tui_message(t, false, "the clock is running: %s; the board saves itself to %s", total, t->path);
	return true;
}

static void
announce_phase(struct tui *t, struct tui_interview *ctx, long phase)
{
	const struct interview_phase *p;

	ctx->phase = phase;
	if (phase < 0)
		return;
	p = &ctx->iv->phases[phase];
	tui_message(t, false, "phase %ld of %zu: %s (%d min)%s%s", phase + 1, ctx->iv->phase_count, p->name,
	    p->minutes, p->goal != NULL ? ": " : "", p->goal != NULL ? p->goal : "");
}

unsigned
tui_interview_tick(struct tui *t)
{
	struct tui_interview *ctx = t->interview;
	unsigned changed = TUI_UNCHANGED;
	long phase, second;

	if (ctx == NULL || ctx->owner != t)
		return TUI_UNCHANGED;
	if (ctx->reference_view != NULL && ctx->reference_view->quit) {
		/* :q or Ctrl-C in the reference view goes back to the board. */
		ctx->reference_view->quit = false;
		changed |= tui_reveal_toggle(ctx->reference_view, ctx);
	}
	if (!ctx->running)
		return changed;
	second = (long)tui_interview_elapsed(ctx);
	if (second != ctx->second_shown) {
		ctx->second_shown = second;
		changed |= TUI_REDRAW;
	}
	if (ctx->reveal_armed > 0 && tui_now() - ctx->reveal_armed > 5)
		ctx->reveal_armed = 0;
	phase = tui_interview_phase_now(ctx, NULL);
	if (phase != ctx->phase && t->mode == MODE_NORMAL) {
		announce_phase(t, ctx, phase);
		changed |= TUI_REDRAW;
	}
	/* After every edit (the loop ticks before it reads the next key), not in the middle of a move. */
	if (tui_modified(t) && t->mode != MODE_MOVE)
		save_quietly(t);
	if (!ctx->time_up && tui_interview_left(ctx) <= 0 && t->mode == MODE_NORMAL) {
		ctx->time_up = true;
		save_quietly(t);
		tui_score_page(t, t->diagram, ctx->iv, ctx->iv->is_drill ? NULL : ctx->reference, ctx->template_name);
		tui_message(t, false, "time is up: the scorecard; the board stays editable and R shows the reference");
		changed |= TUI_REDRAW;
	}
	return changed;
}

unsigned
tui_interview_phase(struct tui *t, const char *arg)
{
	struct tui_interview *ctx = t->interview;
	double left;
	long phase;

	(void)arg;
	if (ctx == NULL || !ctx->running || ctx->owner != t) {
		tui_message(t, true, "no interview clock here: P works in napkin interview");
		return TUI_REDRAW;
	}
	phase = tui_interview_phase_now(ctx, &left);
	if (phase < 0 || (size_t)phase + 1 >= ctx->iv->phase_count) {
		tui_message(t, false, "%s", ctx->iv->phase_count == 0 ? "this template has no phases" :
		    "this is the last phase");
		return TUI_REDRAW;
	}
	session_recorder_info(t->recorder)->skipped += left;
	announce_phase(t, ctx, tui_interview_phase_now(ctx, NULL));
	return TUI_REDRAW;
}

unsigned
tui_interview_score(struct tui *t, const char *arg)
{
	struct tui_interview *ctx = t->interview, *other;
	const struct diagram *board = ctx != NULL ? ctx->owner->diagram : t->diagram;
	char error[512];

	if (arg != NULL) {
		/* :score TEMPLATE: any board against any template. */
		other = load_context(arg, error, sizeof error);
		if (other == NULL) {
			tui_message(t, true, "%s", error);
			return TUI_REDRAW;
		}
		tui_score_page(t, board, other->iv, other->iv->is_drill ? NULL : other->reference, arg);
		context_free(other);
		return TUI_REDRAW;
	}
	if (ctx == NULL) {
		tui_message(t, true, "no template for this board: :score TEMPLATE (napkin templates lists them)");
		return TUI_REDRAW;
	}
	tui_score_page(t, board, ctx->iv, ctx->iv->is_drill ? NULL : ctx->reference, ctx->template_name);
	return TUI_REDRAW;
}

unsigned
tui_interview_reveal(struct tui *t, const char *arg)
{
	struct tui_interview *ctx = t->interview;

	(void)arg;
	if (ctx == NULL) {
		tui_message(t, true, "no reference design for this board: it comes with napkin interview");
		return TUI_REDRAW;
	}
	if (ctx->iv->is_drill) {
		tui_message(t, true, "a drill has no reference design: S shows which planted problems are fixed");
		return TUI_REDRAW;
	}
	if (ctx->running && !ctx->time_up && !ctx->revealed && ctx->reveal_armed == 0) {
		ctx->reveal_armed = tui_now();
		tui_message(t, false, "time is not up yet: press R again to see the reference design");
		return TUI_REDRAW;
	}
	ctx->reveal_armed = 0;
	return tui_reveal_toggle(t, ctx);
}

unsigned
tui_interview_brief(struct tui *t, const char *arg)
{
	(void)arg;
	if (t->interview == NULL) {
		tui_message(t, true, "no prompt for this board: it comes with napkin interview");
		return TUI_REDRAW;
	}
	tui_brief_page(t, t->interview);
	return TUI_REDRAW;
}

bool
tui_interview_private(const struct tui *t)
{
	const struct tui_interview *ctx = t->interview;

	return ctx != NULL && ctx->running && t == ctx->owner && !ctx->time_up;
}

bool
tui_interview_hides_load(const struct tui *t)
{
	return tui_interview_private(t) && t->interview->iv->is_drill;
}

void
tui_interview_title(const struct tui *t, char *left, size_t left_size, char *right, size_t right_size,
    int *right_flags, int *right_colour)
{
	const struct tui_interview *ctx = t->interview;
	char clock[16], phase_clock[16], phase_text[96] = "";
	double remaining, phase_left;
	long phase;

	if (t != ctx->owner) {
		snprintf(left, left_size, " napkin  REFERENCE  %s  (read-only; R returns to your board)",
		    diagram_title(t->diagram));
	}
	if (!ctx->running)
		return;
	if (t == ctx->owner) {
		snprintf(left, left_size, " napkin interview  %s  %s%s", ctx->template_name, t->path,
		    tui_modified(t) ? " [+]" : "");
	}
	remaining = tui_interview_left(ctx);
	phase = tui_interview_phase_now(ctx, &phase_left);
	if (phase >= 0 && ctx->iv->phase_count > 1 && remaining > 0) {
		tui_clock_text(phase_left, phase_clock, sizeof phase_clock);
		snprintf(phase_text, sizeof phase_text, "%ld/%zu %s %s  ", phase + 1, ctx->iv->phase_count,
		    ctx->iv->phases[phase].name, phase_clock);
	}
	if (remaining > 0) {
		tui_clock_text(remaining, clock, sizeof clock);
		snprintf(right, right_size, "%s%s left ", phase_text, clock);
		if (remaining <= WARN_SECONDS) {
			*right_flags = CELL_BOLD | CELL_REVERSE;
			*right_colour = COLOUR_YELLOW;
		}
	} else {
		tui_clock_text(-remaining, clock, sizeof clock);
		snprintf(right, right_size, " TIME UP +%s ", clock);
		*right_flags = CELL_BOLD | CELL_REVERSE;
		*right_colour = COLOUR_RED;
	}
}
