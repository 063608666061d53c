/* self_path.c - the running program's own file, resolved once from argv[0] (a path, or a name looked up in PATH). */
#include "self_path.h"

#include "mem.h"
#include "path.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *resolved;            /* absolute, or NULL */
static const char *given = "keten";

/* True when path names an executable regular file. */
static bool
is_program(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* The first folder of PATH holding an executable `name`, joined to it
 * (caller frees), or NULL. An empty entry of PATH is the current folder. */
static char *
search_path(const char *name)
{
	const char *list = getenv("PATH");
	if (list == NULL || *list == '\0')
		list = "/usr/bin:/bin";
	for (const char *p = list;; p++) {
		const char *end = strchr(p, ':');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *dir = len ? xstrndup(p, len) : xstrdup(".");
		char *candidate = path_join(dir, name);
		free(dir);
		if (is_program(candidate))
			return candidate;
		free(candidate);
		if (end == NULL)
			return NULL;
		p = end;
	}
}

void
self_path_set(const char *argv0)
{
	free(resolved);
	resolved = NULL;
	if (argv0 == NULL || *argv0 == '\0')
		return;
	given = argv0;
	if (strchr(argv0, '/') != NULL) {
		resolved = realpath(argv0, NULL);
		return;
	}
	char *found = search_path(argv0);
	if (found != NULL) {
		resolved = realpath(found, NULL);
		free(found);
	}
}

const char *
self_path(void)
{
	return resolved ? resolved : given;
}
