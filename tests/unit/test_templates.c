/*
 * The template library (every templates/NAME.json), as issue 6 asks of it:
 *
 *   - every template loads with a valid interview, round-trips byte for
 *     byte, and lays its boxes out with two free cells between them,
 *     within 120 x 40;
 *   - every reference design has no unaccepted error, nothing overloaded,
 *     meets all of its own expectations and misses nothing of itself;
 *   - every drill produces exactly the findings it lists, and fails one of
 *     its own expectations until fixed;
 *   - removing a key component from a reference makes the matching
 *     expectation fail, and the scorecard names it as missing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critique.h"
#include "diagram_json.h"
#include "geometry.h"
#include "interview.h"
#include "scorecard.h"
#include "traffic.h"
#include "xalloc.h"

#define SCREEN_COLUMNS	120
#define SCREEN_ROWS	40
#define BOX_GAP		2	/* free cells between boxes */

static const char *const references[] = {
	"url-shortener", "video-pipeline", "news-feed", "chat", "rate-limiter", "web-crawler",
	"notification-system", "ride-sharing", "checkout", "session-store", "search-autocomplete",
	"microservices-migration",
};

static char *
template_file(const char *name)
{
	const char *root = getenv("NAPKIN_ROOT");

	return xasprintf("%s/templates/%s.json", root != NULL ? root : ".", name);
}

static char *
read_all(const char *path)
{
	FILE *in = fopen(path, "rb");
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	int c;

	assert_non_null(in);
	while ((c = fgetc(in)) != EOF)
		fputc(c, out);
	fclose(out);
	fclose(in);
	return text;
}

static struct interview *
load(const char *name, struct diagram **d)
{
	struct error_list errors = { 0 };
	char *path = template_file(name);
	struct interview *iv = interview_load_file(path, d, &errors);

	if (iv == NULL) {
		error_list_print(&errors, stderr);
		fail_msg("%s does not load", path);
	}
	free(path);
	return iv;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every templates/NAME.json, sorted; *count receives how many. */
static char **
all_templates(size_t *count)
{
	const char *root = getenv("NAPKIN_ROOT");
	char *dir = xasprintf("%s/templates", root != NULL ? root : ".");
	DIR *dp = opendir(dir);
	struct dirent *entry;
	char **names = NULL;

	assert_non_null(dp);
	*count = 0;
	while ((entry = readdir(dp)) != NULL) {
		size_t length = strlen(entry->d_name);

		if (length > 5 && strcmp(entry->d_name + length - 5, ".json") == 0) {
			names = xreallocarray(names, *count + 1, sizeof *names);
			names[(*count)++] = xstrndup(entry->d_name, length - 5);
		}
	}
	closedir(dp);
	free(dir);
	qsort(names, *count, sizeof *names, by_name);
	return names;
}

static bool
spaced(struct box a, struct box b)
{
	return a.x + a.width + BOX_GAP <= b.x || b.x + b.width + BOX_GAP <= a.x ||
	    a.y + a.height + BOX_GAP <= b.y || b.y + b.height + BOX_GAP <= a.y;
}

static size_t
check_layout(const char *name, const struct diagram *d)
{
	size_t failures = 0;

	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *a = diagram_node(d, i);
		struct box fa = node_footprint(a);

		if (fa.x + fa.width > SCREEN_COLUMNS || fa.y + fa.height > SCREEN_ROWS) {
			print_error("%s: %s ends at column %d, row %d: beyond %d x %d\n", name, a->id, fa.x + fa.width,
			    fa.y + fa.height, SCREEN_COLUMNS, SCREEN_ROWS);
			failures++;
		}
		for (size_t k = i + 1; k < diagram_node_count(d); k++) {
			const struct node *b = diagram_node(d, k);

			if (!spaced(fa, node_footprint(b))) {
				print_error("%s: %s and %s are closer than %d cells\n", name, a->id, b->id, BOX_GAP);
				failures++;
			}
		}
	}
	return failures;
}

static size_t
check_reference(const char *name, const struct diagram *d, const struct interview *iv)
{
	struct scorecard *sc = scorecard_build(d, iv, d);
	struct traffic_summary traffic = traffic_summary(sc->traffic);
	size_t failures = 0;

	if (critique_summary(sc->critique).count[SEVERITY_ERROR] > 0) {
		print_error("%s: has unaccepted error findings\n", name);
		failures++;
	}
	if (traffic.sent <= 0 || traffic.overloaded > 0 || traffic.unbounded > 0 || traffic.with_capacity < 3) {
		print_error("%s: traffic: %g sent, %zu with capacity, %zu overloaded, %zu unbounded\n", name,
		    traffic.sent, traffic.with_capacity, traffic.overloaded, traffic.unbounded);
		failures++;
	}
	for (size_t i = 0; i < iv->expectations.count; i++) {
		if (!sc->results[i].met) {
			print_error("%s: expectation %s not met: %s\n", name, iv->expectations.items[i].id,
			    sc->results[i].reason);
			failures++;
		}
	}
	if (iv->expectations.count < 5 || sc->missing_count > 0 || !sc->passed) {
		print_error("%s: %zu expectations, %zu missing of itself, passed %d\n", name,
		    iv->expectations.count, sc->missing_count, sc->passed);
		failures++;
	}
	/* Roles describe what a missing component is for. */
	for (size_t i = 0; i < diagram_node_count(d); i++) {
		const struct node *n = diagram_node(d, i);

		if (n->kind != KIND_CLIENT && interview_node_role(n) == NULL) {
			print_error("%s: %s has no role\n", name, n->id);
			failures++;
		}
	}
	scorecard_free(sc);
	return failures;
}

static int
by_rule_node(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The drill's unaccepted findings, as "RULE node", must be exactly the ones it lists. */
static size_t
check_drill(const char *name, const struct diagram *d, const struct interview *iv)
{
	struct scorecard *sc = scorecard_build(d, iv, NULL);
	size_t count = critique_finding_count(sc->critique), failures = 0, found = 0;
	char **got = xcalloc(count + 1, sizeof *got), **want = xcalloc(iv->finding_count + 1, sizeof *want);

	for (size_t i = 0; i < count; i++) {
		const struct critique_finding *f = critique_finding(sc->critique, i);

		if (!f->accepted)
			got[found++] = xasprintf("%s %s", f->rule->id, f->nodes[0]->id);
	}
	for (size_t i = 0; i < iv->finding_count; i++)
		want[i] = xasprintf("%s %s", iv->findings[i].rule, iv->findings[i].node);
	qsort(got, found, sizeof *got, by_rule_node);
	qsort(want, iv->finding_count, sizeof *want, by_rule_node);
	for (size_t i = 0; i < found || i < iv->finding_count; i++) {
		const char *g = i < found ? got[i] : "(none)", *w = i < iv->finding_count ? want[i] : "(none)";

		if (strcmp(g, w) != 0) {
			print_error("%s: finding %zu is %s, the drill lists %s\n", name, i, g, w);
			failures++;
		}
	}
	if (iv->finding_count == 0 || sc->defects_fixed != 0 || sc->met == iv->expectations.count) {
		print_error("%s: %zu listed findings, %zu fixed already, %zu of %zu expectations met\n", name,
		    iv->finding_count, sc->defects_fixed, sc->met, iv->expectations.count);
		failures++;
	}
	for (size_t i = 0; i < found; i++)
		free(got[i]);
	for (size_t i = 0; i < iv->finding_count; i++)
		free(want[i]);
	free(got);
	free(want);
	scorecard_free(sc);
	return failures;
}

static void
test_every_template(void **state)
{
	size_t count, failures = 0, drills = 0, refs = 0;
	char **names = all_templates(&count);

	(void)state;
	for (size_t i = 0; i < count; i++) {
		char *path = template_file(names[i]), *text = read_all(path), *saved;
		struct diagram *d;
		struct interview *iv = load(names[i], &d);
		bool drill = strncmp(names[i], "drill-", 6) == 0;

		saved = diagram_to_json(d, NULL);
		if (strcmp(saved, text) != 0) {
			print_error("%s: saving it does not give the same bytes\n", names[i]);
			failures++;
		}
		if (!iv->has_prompt || iv->phase_count == 0 || iv->expectations.count == 0 ||
		    iv->prompt.functional_count == 0 || iv->prompt.non_functional_count == 0 || drill != iv->is_drill) {
			print_error("%s: prompt, phases, expectations or drill missing\n", names[i]);
			failures++;
		}
		failures += check_layout(names[i], d);
		failures += drill ? check_drill(names[i], d, iv) : check_reference(names[i], d, iv);
		drills += drill;
		refs += !drill;
		interview_free(iv);
		diagram_free(d);
		free(saved);
		free(text);
		free(path);
		free(names[i]);
	}
	free(names);
	assert_int_equal(failures, 0);
	assert_true(refs >= 12);
	assert_true(drills >= 4);
}

static void
test_named_references(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof references / sizeof references[0]; i++) {
		struct diagram *d;
		struct interview *iv = load(references[i], &d);

		assert_false(iv->is_drill);
		interview_free(iv);
		diagram_free(d);
	}
}

/* The index of expectation id in iv, failing when there is none. */
static size_t
expectation(const struct interview *iv, const char *id)
{
	for (size_t i = 0; i < iv->expectations.count; i++) {
		if (strcmp(iv->expectations.items[i].id, id) == 0)
			return i;
	}
	fail_msg("no expectation %s", id);
	return 0;
}

static void
test_removing_key_components(void **state)
{
	static const struct {
		const char *template, *node, *expectation;
	} cases[] = {
		{ "url-shortener", "cache", "read-cache" },
		{ "url-shortener", "clicks", "async-analytics" },
		{ "url-shortener", "lb", "front-door" },
		{ "video-pipeline", "cdn", "cdn-playback" },
		{ "video-pipeline", "jobs", "async-transcode" },
		{ "news-feed", "fanout", "async-fanout" },
		{ "news-feed", "cdn", "media-cdn" },
		{ "chat", "deliveries", "delivery-queue" },
		{ "chat", "presence", "routing" },
		{ "rate-limiter", "counters", "shared-counters" },
		{ "web-crawler", "parseq", "decoupled" },
		{ "web-crawler", "seen", "dedupe" },
		{ "notification-system", "queue", "queued" },
		{ "notification-system", "pushw", "per-channel" },
		{ "ride-sharing", "geo", "geo-index" },
		{ "ride-sharing", "tripevents", "payments-async" },
		{ "checkout", "events", "events" },
		{ "checkout", "psp", "psp" },
		{ "session-store", "sessions", "shared-store" },
		{ "search-autocomplete", "cdn", "edge-cache" },
		{ "search-autocomplete", "querylog", "offline-aggregation" },
		{ "microservices-migration", "gw", "gateway-front" },
		{ "microservices-migration", "events", "events" },
	};
	size_t failures = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct diagram *reference, *board;
		struct interview *iv = load(cases[i].template, &reference), *copy = load(cases[i].template, &board);
		const struct node *gone = diagram_find_node(board, cases[i].node);
		struct scorecard *sc;
		size_t x = expectation(iv, cases[i].expectation);
		bool named = false;

		assert_non_null(gone);
		assert_true(diagram_delete_node(board, gone, NULL));
		sc = scorecard_build(board, iv, reference);
		for (size_t k = 0; k < sc->missing_count; k++)
			named = named || strcmp(sc->missing[k]->id, cases[i].node) == 0;
		if (sc->results[x].met || !named || sc->passed) {
			print_error("%s without %s: %s %s (%s), %s missing\n", cases[i].template, cases[i].node,
			    cases[i].expectation, sc->results[x].met ? "still met" : "not met", sc->results[x].reason,
			    named ? "named" : "not named");
			failures++;
		}
		scorecard_free(sc);
		interview_free(copy);
		interview_free(iv);
		diagram_free(board);
		diagram_free(reference);
	}
	assert_int_equal(failures, 0);
}

/* Weakening a reference (fewer replicas, no estimates, more traffic) fails the matching expectation. */
static void
test_weakening_a_reference(void **state)
{
	struct diagram *d;
	struct interview *iv = load("url-shortener", &d);
	struct scorecard *sc;

	(void)state;
	assert_true(diagram_set_node_replicas(d, diagram_find_node(d, "db"), 1, NULL));
	sc = scorecard_build(d, iv, NULL);
	assert_false(sc->results[expectation(iv, "no-spof")].met);
	assert_string_equal(sc->results[expectation(iv, "no-spof")].reason,
	    "SPOF002: db: 1 replica, not managed, on the request path of api; if it fails, 6 components stop");
	scorecard_free(sc);

	assert_true(diagram_set_node_capacity(d, diagram_find_node(d, "cache"), 0, NULL));
	sc = scorecard_build(d, iv, NULL);
	assert_false(sc->results[expectation(iv, "estimates")].met);
	assert_string_equal(sc->results[expectation(iv, "estimates")].reason, "no capacity on cache");
	scorecard_free(sc);

	assert_true(diagram_set_node_rps(d, diagram_find_node(d, "users"), 40000, NULL));
	sc = scorecard_build(d, iv, NULL);
	assert_false(sc->results[expectation(iv, "no-overload")].met);
	assert_string_equal(sc->results[expectation(iv, "no-overload")].reason,
	    "api: 40,000 of 30,000 req/s (133%)");
	assert_false(sc->passed);
	scorecard_free(sc);
	interview_free(iv);
	diagram_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_template),
		cmocka_unit_test(test_named_references),
		cmocka_unit_test(test_removing_key_components),
		cmocka_unit_test(test_weakening_a_reference),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
