/* path.h - file paths: joining and splitting them as text, their extension, whether one lies within a folder, and whether one names a folder. Included by: source.c, check.c, cli.c, workspace*.c, layout.c, outdir.c, self_path.c, cmd_*.c. */
#ifndef KETEN_PATH_H
#define KETEN_PATH_H

#include <stdbool.h>

/* dir/name, with one slash between; just name when dir is ".". Caller frees. */
char *path_join(const char *dir, const char *name);

/* The folder part of a path ("." when there is none, "/" for the root).
 * Caller frees. */
char *path_dir(const char *path);

/* The last part of a path (points into it). */
const char *path_base(const char *path);

/* True when path ends in ext (".md", ".json") after at least one other
 * byte: a name that is only the extension is no such file. Case counts:
 * "X.JSON" is not a JSON file, as the workspace has always read it. */
bool path_has_extension(const char *path, const char *ext);

/* True when path is dir or lies below it, both as text (resolve them first
 * when links or ".." matter). Every path lies within "/". */
bool path_within(const char *path, const char *dir);

/* True when path names a folder, following links (stat). */
bool path_is_folder(const char *path);

/* True when path names a folder itself, not a link to one (lstat). */
bool path_is_real_folder(const char *path);

#endif
