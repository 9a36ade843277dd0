/* The kind table, expanded from NAPKIN_KINDS in kind.h. */
#include "kind.h"

#include <string.h>

static const struct kind_info kinds[KIND_COUNT] = {
#define KIND_ROW(e, name, tag, key, available, colour, shape, style, fill, mopen, mclose, words, \
    desc) { name, tag, key, available, colour, shape, style, fill, mopen, mclose, words, desc },
	NAPKIN_KINDS(KIND_ROW)
#undef KIND_ROW
};

const struct kind_info *
kind_info(enum node_kind kind)
{
	return &kinds[(unsigned)kind < KIND_COUNT ? kind : KIND_SERVICE];
}

const char *
kind_name(enum node_kind kind)
{
	return kind_info(kind)->name;
}

bool
kind_from_name(const char *name, enum node_kind *kind)
{
	for (int i = 0; i < KIND_COUNT; i++) {
		if (kinds[i].name[0] == name[0] && strcmp(kinds[i].name, name) == 0) {
			*kind = (enum node_kind)i;
			return true;
		}
	}
	return false;
}

const char *
edge_mode_name(enum edge_mode mode)
{
	return mode == EDGE_ASYNC ? "async" : "sync";
}

bool
edge_mode_from_name(const char *name, enum edge_mode *mode)
{
	if (strcmp(name, "sync") == 0)
		*mode = EDGE_SYNC;
	else if (strcmp(name, "async") == 0)
		*mode = EDGE_ASYNC;
	else
		return false;
	return true;
}
