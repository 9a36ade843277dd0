/* Building diagrams in tests; see support_build.h. */
#include "support_build.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "diagram_json.h"
#include "xalloc.h"

const struct node *
build_node(struct diagram *d, const char *id, enum node_kind kind, int replicas, double capacity,
    double rps)
{
	struct node values = { 0 };
	struct napkin_error err;
	const struct node *n;

	values.id = (char *)id;		/* copied */
	values.kind = kind;
	values.label = (char *)id;
	values.tech = "";
	values.notes = "";
	values.replicas = replicas;
	values.x = (int)diagram_node_count(d) * 40;
	values.capacity = capacity;
	values.rps = rps;
	n = diagram_insert_node(d, &values, &err);
	if (n == NULL)
		fail_msg("node %s: %s", id, err.message);
	return n;
}

const struct edge *
build_edge(struct diagram *d, const char *from, const char *to, enum edge_mode mode, double ratio)
{
	const struct node *a = diagram_find_node(d, from), *b = diagram_find_node(d, to);
	struct napkin_error err;
	const struct edge *e;

	if (a == NULL || b == NULL)
		fail_msg("edge %s -> %s: no such node", from, to);
	e = diagram_connect(d, a, b, "", mode, &err);
	if (e == NULL || !diagram_set_edge_ratio(d, e, ratio, &err))
		fail_msg("edge %s -> %s: %s", from, to, err.message);
	return e;
}

struct diagram *
build_load(const char *relative)
{
	const char *root = getenv("NAPKIN_ROOT");
	char *path = xasprintf("%s/%s", root != NULL ? root : ".", relative);
	struct error_list errors = { 0 };
	struct diagram *d = diagram_load_file(path, &errors);

	if (d == NULL) {
		error_list_print(&errors, stderr);
		error_list_clear(&errors);
		fail_msg("%s does not load", path);
	}
	free(path);
	return d;
}

struct interview *
build_interview(const char *members, struct error_list *errors)
{
	char *text = xasprintf("{\"napkin\": 1, \"title\": \"t\", \"nodes\": [], \"edges\": [], \"groups\": [],\n"
	    "%s}\n", members);
	struct diagram *d = diagram_load_buffer("t.json", text, strlen(text), errors);
	struct interview *iv;

	if (d == NULL) {
		error_list_print(errors, stderr);
		fail_msg("does not load: %s", text);
	}
	iv = interview_read(d, "t.json", text, strlen(text), errors);
	diagram_free(d);
	free(text);
	return iv;
}

bool
build_interview_fails_with(const char *members, const char *message, size_t case_number)
{
	struct error_list errors = { 0 };
	struct interview *iv = build_interview(members, &errors);
	bool ok = iv == NULL && errors.count == 1 && strcmp(errors.messages[0], message) == 0;

	if (!ok)
		print_error("case %zu: got %s\n want %s\n", case_number, errors.count ? errors.messages[0] : "(no error)",
		    message);
	interview_free(iv);
	error_list_clear(&errors);
	return ok;
}
