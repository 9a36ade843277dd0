/*
 * The whiteboard's state and the interfaces between its modules.  Only
 * tui_*.c include this.
 *
 * Data flow: tui_main.c reads a key or mouse event and hands it to
 * tui_keys.c (or tui_prompt.c / tui_mouse.c), which looks the key up in
 * the binding table and runs an action (tui_actions.c, tui_edit.c).  An
 * action changes the model only through diagram_* and returns what
 * changed; the diagram's observer forwards each change to the scene (its
 * route cache); the loop then redraws (tui_draw.c copies the renderer's
 * cells to curses).  `:` commands (tui_command.c) run the same actions.
 */
#ifndef NAPKIN_TUI_INTERNAL_H
#define NAPKIN_TUI_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "canvas.h"
#include "critique_view.h"
#include "diagram.h"
#include "scene.h"
#include "tui.h"

/* Below this the whiteboard shows "terminal too small" and waits. */
#define TUI_MIN_COLUMNS 80
#define TUI_MIN_ROWS 24
#define TUI_PANEL_WIDTH 36
/* Free cells kept between boxes (columns, rows) so edges can pass. */
#define TUI_GAP_X 2
#define TUI_GAP_Y 1
#define TUI_PROMPT_MAX 4096
/* Routing time a frame may spend; edges beyond it are drawn straight until the next frame. */
#define TUI_ROUTE_SECONDS 0.04

/* What an action changed, so the loop knows what to redraw. */
enum {
	TUI_UNCHANGED = 0,
	TUI_REDRAW = 1,		/* the screen shows something new */
	TUI_MODEL = 2,		/* the diagram changed */
	TUI_RELAYOUT = 4	/* clear and repaint everything */
};

/* Modes, as bits so one binding can serve several. */
enum tui_mode {
	MODE_NORMAL = 1,
	MODE_MOVE = 2,		/* carrying a node */
	MODE_CONNECT = 4,	/* choosing the target of a new edge */
	MODE_PALETTE = 8,	/* choosing the kind of a new node */
	MODE_PROMPT = 16,	/* typing a line */
	MODE_HELP = 32,
	MODE_CONFIRM_QUIT = 64,
	MODE_PAGE = 128,	/* a page over the canvas: the scorecard, the brief */
	/* Not a mode of its own: napkin replay adds it to normal mode's bindings. */
	MODE_REPLAY = 256
};

struct tui;

/* Called with the line when the user presses Enter in a prompt. */
typedef unsigned (*tui_prompt_done)(struct tui *t, const char *text);

struct tui_prompt {
	char label[96];		/* "label:", ":" */
	char text[TUI_PROMPT_MAX];
	size_t length, cursor;	/* bytes */
	tui_prompt_done done;
	enum tui_mode back;	/* mode to return to on Esc */
};

/* A page of text over the canvas (tui_page.c): the scorecard, the brief. */
struct tui_page_line {
	char *text;
	int flags, colour;
	int indent;		/* columns a wrapped line's continuation starts at */
};

struct tui_page {
	char title[160];
	const char *mode;	/* for the status line: "SCORE" */
	struct tui_page_line *lines;
	size_t count;
	int scroll;		/* first row shown, in wrapped rows */
};

struct interview;
struct tui_interview;
struct tui_replay;
struct session_recorder;
struct traffic;
struct tui_traffic;
struct recovery;

struct tui_file_stamp {
	bool exists;
	dev_t device;
	ino_t inode;
	off_t size;
	struct timespec mtime;
};

/* The whole state of the whiteboard, in one place. */
struct tui {
	struct diagram *diagram;	/* owned */
	struct scene *scene;		/* owned; fed by the diagram's observer */
	char *path;			/* file it is saved to; NULL until :w FILE */
	bool path_is_dot;		/* path is Graphviz, imported: :w wants a .json name */
	uint64_t saved_state;		/* diagram_state_id() at the last load or save */
	struct critique_view *critique;	/* owned; the findings, brought up to date by tui_draw */
	struct recovery *recovery;	/* owned; NULL in --view (tui_recovery.c) */
	bool keep_recovery;		/* leave the recovery file when quitting */
	bool view_only;			/* --view: read-only, follows the file */
	bool ascii, colour;

	enum tui_mode mode;
	int cursor_x, cursor_y;		/* plane cell under the cursor */
	int view_x, view_y;		/* plane cell at the canvas's top left */
	const struct node *selected;	/* node under the cursor, or NULL */
	const struct edge *selected_edge;
	bool panel;			/* side panel shown */
	bool panel_for_critique;	/* opened by ] [ or F: Esc closes it again */
	int help_scroll;

	/* Mode data. */
	const struct node *moving;	/* MODE_MOVE */
	int move_origin_x, move_origin_y;
	bool move_started;
	const struct node *connect_from;	/* MODE_CONNECT */
	const struct node *connect_to;
	enum node_kind add_kind;
	struct tui_prompt prompt;
	char last_search[256];

	/* Mouse drag. */
	const struct node *drag_node;
	int drag_dx, drag_dy;		/* pointer offset inside the box */
	bool drag_moved;
	const struct node *drag_target;

	char message[512];		/* shown on the bottom line until the next key */
	bool message_is_error;
	char farewell[600];		/* printed after the terminal is restored */
	char view_error[512];		/* --view: why the file on disk is not shown */
	struct tui_file_stamp stamp;
	double next_poll;

	int rows, columns;		/* terminal size */
	bool routes_pending;		/* the last frame drew provisional routes */
	struct canvas screen;		/* the canvas area, reused each frame */
	bool quit;
	int exit_status;

	/* Sessions (tui_session.c): recording, interview mode, replay. */
	bool record;				/* keep a session record in the file */
	struct session_recorder *recorder;	/* NULL when not recording */
	double clock_origin, clock_offset;	/* the session clock read clock_offset at tui_now() == clock_origin */
	double clock_scale;			/* NAPKIN_TEST_CLOCK_SCALE, else 1 */
	struct tui_interview *interview;	/* an interview, or a board of one; else NULL */
	struct tui_replay *replay;		/* napkin replay */
	struct tui_page page;			/* MODE_PAGE */
	struct tui_traffic *traffic;		/* tui_traffic()'s cache; stale after any change */
	bool traffic_stale;
};

/* --- Actions: the one table keys, `:` commands, help and hints share --- */

/* X(ENUM, name, section, help) */
#define TUI_ACTIONS(X) \
	X(LEFT,        "left",        "Move",   "cursor left (or the node, in move mode)") \
	X(DOWN,        "down",        "Move",   "cursor down") \
	X(UP,          "up",          "Move",   "cursor up") \
	X(RIGHT,       "right",       "Move",   "cursor right") \
	X(LEFT5,       "left5",       "Move",   "5 cells left") \
	X(DOWN5,       "down5",       "Move",   "5 cells down") \
	X(UP5,         "up5",         "Move",   "5 cells up") \
	X(RIGHT5,      "right5",      "Move",   "5 cells right") \
	X(NEXT_NODE,   "next",        "Move",   "next node in reading order") \
	X(PREV_NODE,   "previous",    "Move",   "previous node in reading order") \
	X(FIND,        "find",        "Move",   "find a node by label or id") \
	X(ORIGIN,      "origin",      "Move",   "back to the top-left corner") \
	X(CENTER,      "center",      "Move",   "centre the view on the cursor") \
	X(PAN_UP,      "pan-up",      "Move",   "pan half a screen up") \
	X(PAN_DOWN,    "pan-down",    "Move",   "pan half a screen down") \
	X(PAN_LEFT,    "pan-left",    "Move",   "pan half a screen left") \
	X(PAN_RIGHT,   "pan-right",   "Move",   "pan half a screen right") \
	X(ADD,         "add",         "Edit",   "add a node here: kind key, then label") \
	X(PICK_UP,     "move",        "Edit",   "pick the node up to move it") \
	X(DROP,        "drop",        "Edit",   "put the node down here") \
	X(RENAME,      "rename",      "Edit",   "rename the node, or relabel the edge") \
	X(TECH,        "tech",        "Edit",   "set the node's technology") \
	X(NOTES,       "notes",       "Edit",   "set the node's notes") \
	X(MORE,        "more",        "Edit",   "one more replica") \
	X(FEWER,       "fewer",       "Edit",   "one replica fewer") \
	X(MANAGED,     "managed",     "Edit",   "toggle managed (cloud HA)") \
	X(DELETE,      "delete",      "Edit",   "delete the node (and its edges) or edge") \
	X(UNDO,        "undo",        "Edit",   "undo") \
	X(REDO,        "redo",        "Edit",   "redo") \
	X(ARRANGE,     "arrange",     "Edit",   "lay out with Graphviz (:arrange TB)") \
	X(CONNECT,     "connect",     "Edges",  "connect: go to the target, Enter, label") \
	X(CONNECT_HERE,"connect-here","Edges",  "connect to the node under the cursor") \
	X(NEXT_EDGE,   "edge",        "Edges",  "select the node's next edge") \
	X(TOGGLE_MODE, "sync-async",  "Edges",  "toggle the edge between sync and async") \
	X(NEXT_FINDING,"next-finding","Critique", "next finding: highlight it, go there") \
	X(PREV_FINDING,"previous-finding","Critique", "previous finding") \
	X(FAIL,        "fail",        "Critique", "fail the node: grey out what stops") \
	X(ACCEPT,      "accept",      "Critique", "accept the finding's risk, with a reason") \
	X(CANCEL,      "cancel",      "Screen", "cancel: mode, failure, finding, edge") \
	X(PANEL,       "panel",       "Screen", "show or hide the side panel") \
	X(HELP,        "help",        "Screen", "this help") \
	X(COMMAND,     "command",     "Screen", "command line (:w, :q, ...)") \
	X(REDRAW,      "redraw",      "Screen", "repaint the screen") \
	X(QUIT,        "quit",        "Screen", "quit; asks if there are unsaved changes") \
	X(TRAFFIC,     "traffic",     "Traffic", "estimate: req/s, capacity or edge ratio") \
	X(RPS,         "rps",         "Traffic", "requests/s the node sends: :rps 1.5k") \
	X(CAPACITY,    "capacity",    "Traffic", "req/s one replica serves: :capacity 3k") \
	X(RATIO,       "ratio",       "Traffic", "edge's share of its source: :ratio 0.1") \
	X(SCORE,       "score",       "Interview", "scorecard (:score TEMPLATE on any board)") \
	X(REVEAL,      "reveal",      "Interview", "your board / the reference design") \
	X(BRIEF,       "brief",       "Interview", "the prompt: requirements, scale, phases") \
	X(PHASE,       "phase",       "Interview", "on to the next phase now") \
	X(PLAY,        "play",        "Replay", "play or pause") \
	X(STEP,        "step",        "Replay", "the next edit") \
	X(BACK,        "back",        "Replay", "the edit before") \
	X(FIRST,       "first",       "Replay", "back to the start") \
	X(LAST,        "last",        "Replay", "the end: the board as saved") \
	X(FASTER,      "faster",      "Replay", "twice as fast") \
	X(SLOWER,      "slower",      "Replay", "half as fast")

enum tui_action {
#define TUI_ACTION_ENUM(e, name, section, help) ACTION_##e,
	TUI_ACTIONS(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
	ACTION_COUNT
};

/* Run an action; arg is NULL from a key, the command's argument from `:`. */
unsigned tui_action_run(struct tui *t, enum tui_action action, const char *arg);
const char *tui_action_name(enum tui_action action);
const char *tui_action_help(enum tui_action action);
const char *tui_action_section(enum tui_action action);
bool tui_action_from_name(const char *name, enum tui_action *action);

/* --- Keys (tui_keys.c) --- */

/* Keys are code points; curses function keys are offset past Unicode. */
#define TUI_KEY_FUNCTION(k) (0x110000 + (k))
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_ESC 27

struct tui_binding {
	int key;
	unsigned modes;		/* enum tui_mode bits */
	enum tui_action action;
	const char *key_name;	/* as help shows it: "h ←" */
	const char *hint;	/* short word for the status line, or NULL */
};

size_t tui_bindings(const struct tui_binding **out);
unsigned tui_key(struct tui *t, int key);

/* --- Pieces used across modules --- */

/* tui_main.c: free what t owns (not t itself). */
void tui_free(struct tui *t);

/* tui_actions.c */
void tui_select_at_cursor(struct tui *t);
void tui_focus_node(struct tui *t, const struct node *n);
/* Focus n and, when its box is not all on screen, centre the view on it. */
void tui_show_node(struct tui *t, const struct node *n);
void tui_follow_cursor(struct tui *t);
/* Pan the view by (dx, dy) cells, keeping the cursor on screen. */
unsigned tui_pan(struct tui *t, int dx, int dy);
void tui_check_selection(struct tui *t);
int tui_canvas_width(const struct tui *t);
int tui_canvas_height(const struct tui *t);
void tui_message(struct tui *t, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool tui_read_only(struct tui *t);

/* tui_edit.c: the actions that change the diagram */
typedef unsigned (*tui_handler)(struct tui *t, const char *arg);
unsigned tui_edit_add(struct tui *t, const char *arg);
/* The palette chose a kind: ask for the label. */
unsigned tui_edit_add_kind(struct tui *t, enum node_kind kind);
unsigned tui_edit_pick_up(struct tui *t, const char *arg);
unsigned tui_edit_drop(struct tui *t, const char *arg);
unsigned tui_edit_cancel_move(struct tui *t);
unsigned tui_edit_rename(struct tui *t, const char *arg);
unsigned tui_edit_tech(struct tui *t, const char *arg);
unsigned tui_edit_notes(struct tui *t, const char *arg);
unsigned tui_edit_more(struct tui *t, const char *arg);
unsigned tui_edit_fewer(struct tui *t, const char *arg);
unsigned tui_edit_managed(struct tui *t, const char *arg);
unsigned tui_edit_delete(struct tui *t, const char *arg);
unsigned tui_edit_undo(struct tui *t, const char *arg);
unsigned tui_edit_redo(struct tui *t, const char *arg);
unsigned tui_edit_connect(struct tui *t, const char *arg);
unsigned tui_edit_connect_here(struct tui *t, const char *arg);
unsigned tui_edit_toggle_mode(struct tui *t, const char *arg);
bool tui_spot_free(struct tui *t, const struct node *n, int x, int y);
unsigned tui_connect_prompt(struct tui *t, const struct node *from, const struct node *to);
unsigned tui_move_by(struct tui *t, const struct node *n, int dx, int dy);

/* tui_prompt.c */
void tui_prompt_open(struct tui *t, const char *label, const char *initial, tui_prompt_done done);
unsigned tui_prompt_key(struct tui *t, int key);

/* tui_command.c */
unsigned tui_command_run(struct tui *t, const char *line);
/* Help lines for the file commands: "SYNTAX\tWHAT IT DOES". */
size_t tui_command_help(const char *const **lines);

/* tui_file.c */
bool tui_modified(const struct tui *t);
/* Load path (or a template) into t before curses starts; prints errors. */
bool tui_file_open(struct tui *t, const struct tui_options *options);
bool tui_file_save(struct tui *t, const char *path);
unsigned tui_file_edit(struct tui *t, const char *path, bool force);
/* Swap in a new diagram (takes ownership), keeping the cursor and view. */
void tui_file_adopt(struct tui *t, struct diagram *d);
/* --view: reload when the file changed on disk. */
unsigned tui_file_poll(struct tui *t);
/* Leaving with unsaved changes (a signal, Ctrl-C twice): write the recovery file now. */
void tui_file_write_recovery(struct tui *t);
/* Why diagram_save_file failed to write path, from its message, short enough for the status line. */
void tui_file_save_reason(const char *message, const char *path, char *out, size_t size);
/* Become a read-only viewer of t->path, as --view is. */
void tui_file_view(struct tui *t);

/* tui_recovery.c: the recovery file and the lock (recovery.h) */
/* Before the first frame: take the lock, asking about a leftover recovery file or another editor. */
void tui_recovery_start(struct tui *t);
/* After every event: write the recovery file when it is due; TUI_REDRAW when that failed. */
unsigned tui_recovery_tick(struct tui *t);
/* After a save to t->path. */
void tui_recovery_saved(struct tui *t);
/* t->path names another file now. */
void tui_recovery_switch(struct tui *t);
/* Write it now; message gets its path, or why it failed. */
bool tui_recovery_write(struct tui *t, char *message, size_t size);
/* Quitting: remove the lock, and the recovery file unless it was kept. */
void tui_recovery_end(struct tui *t);

/* tui_panel.c: the panel's sections are filled line by line, then drawn. */
#define TUI_PANEL_LINES_MAX 64

struct tui_panel_line {
	char text[256];
	int flags, colour;
	int split;		/* > 0: text from this byte on is drawn in colour2 */
	int colour2;
};

struct tui_panel_out {
	struct tui_panel_line lines[TUI_PANEL_LINES_MAX];
	int count;
};

void tui_panel_draw(struct tui *t, int x, int y, int width, int height);
void tui_panel_line(struct tui_panel_out *out, int flags, int colour, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Free text over several lines of at most width columns, cut at spaces where it can be. */
void tui_panel_wrapped(struct tui_panel_out *out, const char *text, int width, int flags, int colour);

/* tui_panel_critique.c: the FINDINGS and FAILURE sections */
void tui_panel_findings(struct tui *t, struct tui_panel_out *out, int width);
void tui_panel_failure(struct tui *t, struct tui_panel_out *out, int width);

/* tui_critique.c: the critique's keys */
/* Bring the findings up to date with the diagram (cheap when nothing changed). */
void tui_critique_refresh(struct tui *t);
unsigned tui_critique_next(struct tui *t, const char *arg);
unsigned tui_critique_previous(struct tui *t, const char *arg);
unsigned tui_critique_fail(struct tui *t, const char *arg);
unsigned tui_critique_accept(struct tui *t, const char *arg);
/* Esc: end the failure, else drop the selected finding; TUI_UNCHANGED when neither was on. */
unsigned tui_critique_cancel(struct tui *t);
/* "✖" "!" "·" for a severity (ASCII: X ! .), and its colour. */
const char *tui_critique_symbol(const struct tui *t, enum critique_severity severity, bool accepted);
int tui_critique_colour(enum critique_severity severity, bool accepted);

/* tui_board.c: whole-board actions */
unsigned tui_board_arrange(struct tui *t, const char *arg);
/* :export FILE, the format from its extension. */
unsigned tui_board_export(struct tui *t, const char *path);

/* tui_load.c */
/* Whether path names a Graphviz file (.dot, .gv), which is imported rather than loaded. */
bool tui_load_is_dot(const char *path);
/*
 * Load napkin JSON, or import DOT, from path.  NULL on failure, with the
 * errors appended to errors; notice gets what an import did and warned
 * about ("" for JSON).
 */
struct diagram *tui_load(const char *path, struct error_list *errors, char *notice, size_t size);

/* tui_help.c: ? and napkin keys, from the key, command and kind tables */
struct tui_help_line {
	char keys[64];
	char text[96];
	bool heading;
	int colour;		/* of the keys column */
};
size_t tui_help_lines(bool ascii, struct tui_help_line *out, size_t max);

/* tui_draw.c; colours are enum napkin_colour, or this for the bars */
#define TUI_COLOUR_BAR 9
void tui_draw(struct tui *t);
/*
 * Write UTF-8 text at a screen position in at most width columns, with
 * CELL_* flags and a colour; characters the terminal cannot show (or that
 * are controls) become "?".  Returns the columns used.
 */
int tui_draw_text(const struct tui *t, int row, int column, const char *s, int width, int flags, int colour);
void tui_draw_fill(int row, int column, int width, int flags, int colour, const struct tui *t);
/* A framed, cleared box with a title in its top border (the overlays). */
void tui_draw_frame(const struct tui *t, int top, int left, int height, int width, const char *title);

/* tui_mouse.c */
unsigned tui_mouse(struct tui *t);

/* tui_session.c: what the main loop, files and drawing call */
bool tui_session_open(struct tui *t, const struct tui_options *options);
void tui_session_free(struct tui *t);
/* Seconds on the session clock (recording, the interview's countdown). */
double tui_session_clock(const struct tui *t);
/* The diagram's observer saw a change; a new diagram was adopted. */
void tui_session_note(struct tui *t, enum diagram_change change, const void *object);
void tui_session_adopted(struct tui *t);
/* Put the record into the diagram before it is written. */
void tui_session_store(struct tui *t);
/* Between events: the clock, replay, autosave.  Returns what changed. */
unsigned tui_session_tick(struct tui *t);
/* How long the loop may wait for a key, in ms, at most `longest`. */
int tui_session_wait(const struct tui *t, int longest);
/* The whiteboard keys and drawing go to (the reference view while revealed). */
struct tui *tui_session_shown(struct tui *t);
void tui_session_resized(struct tui *t);
/* Why a read-only whiteboard of a session is read-only (a replay, the reference), or NULL. */
const char *tui_session_read_only(const struct tui *t);
/* Bindings' modes that apply on top of t->mode (MODE_REPLAY). */
unsigned tui_session_modes(const struct tui *t);
/* The title bar: may rewrite left and right, and colour the right part. */
void tui_session_title(const struct tui *t, char *left, size_t left_size, char *right, size_t right_size,
    int *right_flags, int *right_colour);
/* "4:05", "1:02:03". */
void tui_clock_text(double seconds, char *buf, size_t size);

/* tui_interview.c, tui_brief.c, tui_reveal.c: interview mode (tui_interview.h) */
bool tui_interview_open(struct tui *t, const struct tui_options *options);
/* A board whose record names a template: :score, R and I work on it. */
void tui_interview_attach(struct tui *t);
void tui_interview_free(struct tui *t);
unsigned tui_interview_tick(struct tui *t);
unsigned tui_interview_score(struct tui *t, const char *arg);
unsigned tui_interview_reveal(struct tui *t, const char *arg);
unsigned tui_interview_brief(struct tui *t, const char *arg);
unsigned tui_interview_phase(struct tui *t, const char *arg);
void tui_interview_title(const struct tui *t, char *left, size_t left_size, char *right, size_t right_size,
    int *right_flags, int *right_colour);
/*
 * Whether the candidate's board keeps the critique to itself: during an
 * interview, until time is up (the interviewer's --view shows it).
 */
bool tui_interview_private(const struct tui *t);
/* Whether loads stay off the board: during a drill, whose point is finding the overload. */
bool tui_interview_hides_load(const struct tui *t);
/* Panel sections (rows of tui_panel.c's table); they add nothing outside an interview. */
void tui_interview_fill(struct tui *t, struct tui_panel_out *out, int width);
void tui_prompt_fill(struct tui *t, struct tui_panel_out *out, int width);
/* The reference view while it is shown, else NULL. */
struct tui *tui_reveal_shown(struct tui *t);
void tui_reveal_resized(struct tui *t);

/* tui_score.c: the scorecard page */
void tui_score_page(struct tui *t, const struct diagram *board, const struct interview *iv,
    const struct diagram *reference, const char *template_name);

/* tui_replay.c */
bool tui_replay_open(struct tui *t, const struct tui_options *options);
void tui_replay_free(struct tui *t);
unsigned tui_replay_tick(struct tui *t);
int tui_replay_wait(const struct tui *t, int longest);
unsigned tui_replay_play(struct tui *t, const char *arg);
unsigned tui_replay_step(struct tui *t, const char *arg);
unsigned tui_replay_back(struct tui *t, const char *arg);
unsigned tui_replay_first(struct tui *t, const char *arg);
unsigned tui_replay_last(struct tui *t, const char *arg);
unsigned tui_replay_faster(struct tui *t, const char *arg);
unsigned tui_replay_slower(struct tui *t, const char *arg);
void tui_replay_title(const struct tui *t, char *left, size_t left_size, char *right, size_t right_size);

/* tui_traffic.c */
/* The traffic estimate of t's diagram as it is now (cached until the next change). */
const struct traffic *tui_traffic(struct tui *t);
void tui_traffic_free(struct tui *t);
unsigned tui_traffic_edit(struct tui *t, const char *arg);
unsigned tui_traffic_rps(struct tui *t, const char *arg);
unsigned tui_traffic_capacity(struct tui *t, const char *arg);
unsigned tui_traffic_ratio(struct tui *t, const char *arg);
/* The TRAFFIC panel section: the selection's load, then every loaded node. */
void tui_traffic_fill(struct tui *t, struct tui_panel_out *out, int width);

/* tui_page.c */
void tui_page_clear(struct tui_page *page);
void tui_page_add(struct tui_page *page, int flags, int colour, int indent, const char *text);
/* Show the page (its lines already added) under title. */
void tui_page_open(struct tui *t, const char *title, const char *mode);
unsigned tui_page_key(struct tui *t, int key);
void tui_page_draw(struct tui *t);

/* tui_term.c */
/* Start curses; false with the reason in message when there is no usable terminal. */
bool tui_term_start(struct tui *t, char *message, size_t size);
void tui_term_stop(void);
void tui_term_signals(void);
/* The signal that arrived since the last call (SIGINT, SIGTERM, SIGHUP), or 0. */
int tui_term_pending_signal(void);
/* Read one key (or TUI_KEY_FUNCTION(KEY_*)); -1 after timeout_ms. */
int tui_term_read(int timeout_ms);
bool tui_term_can_draw_unicode(void);
double tui_now(void);

#endif
