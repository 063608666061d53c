/* self_path.h - the running program's own file, found once from argv[0], so that keten can start itself again (render workers) without /proc. Included by: main.c, cmd_render.c, render_jobs.c, tests/unit/. */
#ifndef KETEN_SELF_PATH_H
#define KETEN_SELF_PATH_H

/* Finds the program's own file from argv0, the way the shell found it: a
 * name with a slash (absolute, or relative to the current folder) is taken
 * as it is, a bare name is looked up in PATH; either is then made absolute
 * with realpath, so a later change of folder does not matter. Call once,
 * from main(), before any thread starts. */
void self_path_set(const char *argv0);

/* The absolute path of the program, or argv0 as given when it could not be
 * found ("keten" before self_path_set). Owned by this module; never NULL. */
const char *self_path(void);

#endif
