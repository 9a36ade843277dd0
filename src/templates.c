/* Locating and listing templates; see templates.h. */
#include "templates.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diagram.h"
#include "diagram_json.h"
#include "interview.h"
#include "xalloc.h"

#ifndef NAPKIN_DATADIR
#define NAPKIN_DATADIR "/usr/local/share/napkin"
#endif

static bool
is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *
templates_dir(void)
{
	const char *env = getenv("NAPKIN_TEMPLATES");
	char exe[PATH_MAX];
	ssize_t len;
	char *candidate;

	if (env != NULL && env[0] != '\0')
		return is_directory(env) ? xstrdup(env) : NULL;
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		char *slash;

		exe[len] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL)
			*slash = '\0';
		candidate = xasprintf("%s/templates", exe);
		if (is_directory(candidate))
			return candidate;
		free(candidate);
		candidate = xasprintf("%s/../share/napkin/templates", exe);
		if (is_directory(candidate))
			return candidate;
		free(candidate);
	}
	candidate = xstrdup(NAPKIN_DATADIR "/templates");
	if (is_directory(candidate))
		return candidate;
	free(candidate);
	return NULL;
}

static bool
valid_name(const char *name)
{
	if (name[0] == '\0' || name[0] == '.')
		return false;
	for (const char *p = name; *p != '\0'; p++) {
		if (*p == '/')
			return false;
	}
	return true;
}

char *
template_path(const char *name, struct napkin_error *err)
{
	char *dir, *path;
	struct stat st;

	if (!valid_name(name)) {
		error_set(err, "\"%s\" is not a template name (see napkin templates)", name);
		return NULL;
	}
	dir = templates_dir();
	if (dir == NULL) {
		error_set(err, "no templates directory found (set NAPKIN_TEMPLATES)");
		return NULL;
	}
	path = xasprintf("%s/%s.json", dir, name);
	free(dir);
	if (stat(path, &st) != 0) {
		error_set(err, "no template named \"%s\" (see napkin templates)", name);
		free(path);
		return NULL;
	}
	return path;
}

char *
template_find(const char *name, struct napkin_error *err)
{
	size_t length = strlen(name);

	if (strchr(name, '/') != NULL || (length > 5 && strcmp(name + length - 5, ".json") == 0))
		return xstrdup(name);
	return template_path(name, err);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct template_entry *)a)->name, ((const struct template_entry *)b)->name);
}

size_t
templates_list(struct template_entry **out, struct error_list *errors)
{
	char *dir = templates_dir();
	struct dirent *entry;
	size_t count = 0;
	DIR *dp;

	*out = NULL;
	if (dir == NULL) {
		error_list_add(errors, "napkin: no templates directory found (set NAPKIN_TEMPLATES)");
		return 0;
	}
	dp = opendir(dir);
	if (dp == NULL) {
		error_list_add(errors, "%s: cannot read the templates directory", dir);
		free(dir);
		return 0;
	}
	while ((entry = readdir(dp)) != NULL) {
		size_t len = strlen(entry->d_name);
		struct template_entry *t;
		struct interview *iv;
		struct diagram *d;
		char *path;

		if (len <= 5 || entry->d_name[0] == '.' || strcmp(entry->d_name + len - 5, ".json") != 0)
			continue;
		path = xasprintf("%s/%s", dir, entry->d_name);
		iv = interview_load_file(path, &d, errors);
		if (iv == NULL) {
			free(path);
			continue;
		}
		*out = xreallocarray(*out, count + 1, sizeof **out);
		t = &(*out)[count++];
		t->name = xstrndup(entry->d_name, len - 5);
		t->path = path;
		t->title = xstrdup(diagram_title(d));
		t->summary = xstrdup(iv->has_prompt ? iv->prompt.summary : diagram_title(d));
		t->drill = iv->is_drill;
		interview_free(iv);
		diagram_free(d);
	}
	closedir(dp);
	free(dir);
	qsort(*out, count, sizeof **out, by_name);
	return count;
}

void
templates_free(struct template_entry *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].name);
		free(list[i].path);
		free(list[i].title);
		free(list[i].summary);
	}
	free(list);
}
