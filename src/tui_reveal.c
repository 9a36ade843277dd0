/*
 * The reference design, for the debrief (R, :reveal): a second, read-only
 * whiteboard over the template's own file, with its own cursor, view and
 * panel (which says what each component is for).  The main loop sends
 * keys to, and draws, whichever of the two is shown (tui_session_shown);
 * R, :q or Ctrl-C in the reference come back to the board.
 */
#include "tui_interview.h"

#include <stdlib.h>

#include "diagram_json.h"
#include "xalloc.h"

static struct tui *
reference_view(struct tui_interview *ctx)
{
	struct error_list errors = { 0 };
	struct tui *owner = ctx->owner, *r;
	struct diagram *d;

	if (ctx->reference_view != NULL)
		return ctx->reference_view;
	/* A diagram of its own: the scorecard keeps reading ctx->reference meanwhile. */
	d = diagram_load_file(ctx->template_path, &errors);
	if (d == NULL) {
		tui_message(owner, true, "%s", errors.count > 0 ? errors.messages[0] : "cannot load the reference");
		error_list_clear(&errors);
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	r->view_only = true;
	r->ascii = owner->ascii;
	r->colour = owner->colour;
	r->panel = true;
	r->mode = MODE_NORMAL;
	r->clock_scale = 1;
	r->rows = owner->rows;
	r->columns = owner->columns;
	r->interview = ctx;
	r->path = xstrdup(ctx->template_path);
	tui_file_adopt(r, d);
	if (diagram_node_count(d) > 0)
		tui_focus_node(r, diagram_node(d, 0));
	ctx->reference_view = r;
	return r;
}

void
tui_reveal_free(struct tui_interview *ctx)
{
	if (ctx->reference_view == NULL)
		return;
	tui_free(ctx->reference_view);
	free(ctx->reference_view);
	ctx->reference_view = NULL;
	ctx->revealed = false;
}

unsigned
tui_reveal_toggle(struct tui *t, struct tui_interview *ctx)
{
	struct tui *owner = ctx->owner, *r;

	(void)t;
	if (ctx->revealed) {
		ctx->revealed = false;
		tui_follow_cursor(owner);
		tui_message(owner, false, "your board again (R shows the reference)");
		return TUI_REDRAW | TUI_RELAYOUT;
	}
	r = reference_view(ctx);
	if (r == NULL)
		return TUI_REDRAW;
	r->rows = owner->rows;
	r->columns = owner->columns;
	r->mode = MODE_NORMAL;
	tui_follow_cursor(r);
	ctx->revealed = true;
	tui_message(r, false, "the reference design, read-only: Tab through it; R returns to your board");
	return TUI_REDRAW | TUI_RELAYOUT;
}

struct tui *
tui_reveal_shown(struct tui *t)
{
	const struct tui_interview *ctx = t->interview;

	if (ctx == NULL || ctx->owner != t || !ctx->revealed)
		return NULL;
	return ctx->reference_view;
}

void
tui_reveal_resized(struct tui *t)
{
	struct tui_interview *ctx = t->interview;

	if (ctx == NULL || ctx->owner != t || ctx->reference_view == NULL)
		return;
	ctx->reference_view->rows = t->rows;
	ctx->reference_view->columns = t->columns;
	tui_follow_cursor(ctx->reference_view);
}
