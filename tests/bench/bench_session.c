/*
 * make bench: what a session record costs, on generated diagrams of 1,000
 * and 100,000 nodes recorded from the start (napkin --record on a big
 * board; an interview board starts empty and stays small).
 *
 * Prints the snapshot taken when recording starts, the cost per recorded
 * edit (moves of random nodes, 2 s apart so none merge; what each
 * keystroke pays on top of the edit), writing the record into the file,
 * opening it for replay (every event checked), going to the end (every
 * event applied, the frame built), a step back (the frame built again from
 * the base) and a step forward (the event made in place), and `napkin
 * replay FILE -o OUT` as a whole process.
 *
 * usage: bench_session DIR   (NAPKIN names the binary)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diagram.h"
#include "diagram_json.h"
#include "session.h"
#include "xalloc.h"

#include "../unit/support_generate.c"
#include "bench_support.h"

#define EDITS 2000

struct rig {
	struct session_recorder *rec;
	double clock;
};

static double
fake_clock(void *context)
{
	return ((struct rig *)context)->clock;
}

static void
forward(void *context, enum diagram_change change, const void *object)
{
	session_recorder_note(((struct rig *)context)->rec, change, object);
}

static void
bench_size(const char *dir, size_t nodes)
{
	struct diagram *d = support_generate(nodes, 11), *loaded, *frame;
	struct error_list errors = { 0 };
	struct napkin_error err;
	struct session_player *p;
	struct rig rig = { 0 };
	double t0, snapshot, edits, plain, store, open, end, back, step, process;
	size_t len, record_len;
	char *text, *path = xasprintf("%s/session-%zu.json", dir, nodes), *out = xasprintf("%s.out", path);

	/* The same edits without and with the recorder: the difference is its cost. */
	t0 = now();
	for (int i = 0; i < EDITS; i++) {
		const struct node *n = diagram_node(d, random_below((uint32_t)nodes));

		diagram_move_node(d, n, n->x, n->y + (i % 2 ? 1 : -1), &err);
	}
	plain = now() - t0;
	t0 = now();
	rig.rec = session_recorder_new(d, "bench", fake_clock, &rig, &errors);
	snapshot = now() - t0;
	diagram_set_observer(d, forward, &rig);
	t0 = now();
	for (int i = 0; i < EDITS; i++) {
		const struct node *n = diagram_node(d, random_below((uint32_t)nodes));

		rig.clock += 2;
		diagram_move_node(d, n, n->x, n->y + (i % 2 ? 1 : -1), &err);
	}
	edits = now() - t0;
	t0 = now();
	session_recorder_store(rig.rec, d);
	text = diagram_to_json(d, &len);
	store = now() - t0;
	diagram_adopt_extra(d, NULL);
	free(diagram_to_json(d, &record_len));
	loaded = diagram_load_buffer("bench", text, len, &errors);
	t0 = now();
	p = session_player_open(loaded, "bench", text, len, &errors);
	open = now() - t0;
	if (p == NULL || !session_player_matches(p))
		fatal("the record does not replay");
	/* The end: every event applied and the diagram built; then a step back and one forward. */
	t0 = now();
	frame = session_player_frame(p, session_player_count(p), &err);
	end = now() - t0;
	diagram_free(frame);
	t0 = now();
	frame = session_player_frame(p, session_player_count(p) - 1, &err);
	back = now() - t0;
	t0 = now();
	if (!session_player_step(p, frame, &err))
		fatal("a move could not be made in place: %s", err.message);
	step = now() - t0;
	if (!diagram_save_file(loaded, path, &err))
		fatal("%s", err.message);
	{
		char *argv[] = { (char *)getenv("NAPKIN"), "replay", path, "-o", out, NULL };

		process = argv[0] != NULL ? run_process(argv, NULL) : -1;
	}
	printf("%7zu nodes: start %6.1f ms, per edit %5.1f us (the edit alone %4.1f us), record of %d edits "
	    "%5.0f KB, save %6.1f ms\n", nodes, snapshot * 1e3, (edits - plain) / EDITS * 1e6, plain / EDITS * 1e6,
	    EDITS, (double)(len - record_len) / 1024, store * 1e3);
	printf("%7s        replay: open %6.1f ms, to the end %6.1f ms, a step back %6.1f ms, a step forward "
	    "%6.3f ms; napkin replay -o %6.3f s\n", "", open * 1e3, end * 1e3, back * 1e3, step * 1e3, process);
	unlink(path);
	unlink(out);
	free(path);
	free(out);
	diagram_free(frame);
	session_player_free(p);
	diagram_free(loaded);
	free(text);
	diagram_set_observer(d, NULL, NULL);
	session_recorder_free(rig.rec);
	diagram_free(d);
}

int
main(int argc, char **argv)
{
	char napkin[4096];

	if (argc != 2)
		fatal("usage: NAPKIN=BINARY bench_session DIR");
	if (getenv("NAPKIN") != NULL && getenv("NAPKIN")[0] != '/' && realpath(getenv("NAPKIN"), napkin) != NULL)
		setenv("NAPKIN", napkin, 1);
	seed = 5;
	bench_size(argv[1], 1000);
	bench_size(argv[1], 100000);
	return 0;
}
