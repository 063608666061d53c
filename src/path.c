/* path.c - joining and splitting file paths as text. */
#include "path.h"

#include "mem.h"

#include <string.h>

char *
path_join(const char *dir, const char *name)
{
	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	size_t len = strlen(dir);
	return xasprintf("%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", name);
}

char *
path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

const char *
path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
