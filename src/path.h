/* path.h - joining and splitting file paths as text (no file system access). Included by: any. */
#ifndef KETEN_PATH_H
#define KETEN_PATH_H

/* dir/name, with one slash between; just name when dir is ".". Caller frees. */
char *path_join(const char *dir, const char *name);

/* The folder part of a path ("." when there is none, "/" for the root).
 * Caller frees. */
char *path_dir(const char *path);

/* The last part of a path (points into it). */
const char *path_base(const char *path);

#endif
