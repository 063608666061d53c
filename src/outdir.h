/* outdir.h - the output folder: refusing one that is or lies in a source folder or holds an input file, creating it, writing files into it atomically without following links out of it, and removing the temporary files of a run that was killed. Included by: cli_workspace.c, cli_stdout.c, cmd_*.c, map.c, report_page.c, render_jobs.c, tests/unit/. */
#ifndef KETEN_OUTDIR_H
#define KETEN_OUTDIR_H

#include "catalog.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The folders a run reads its sources from, as absolute physical paths,
 * and the files named one by one, which no output may replace. */
struct source_folders {
	struct source_folder {
		char *path;
		char *shown;     /* as the user would write it, for messages */
		bool plain;      /* a folder searched whole: its output/ subfolder,
				  * which the search skips, may take the output */
	} *items;
	size_t n, cap;
	struct source_file {
		char *path;      /* absolute physical path */
		char *folder;    /* that of its folder */
		char *shown;     /* as given */
		dev_t dev;       /* the file's identity, and its folder's: */
		ino_t ino;       /* compared as well as the paths, so that */
		dev_t folder_dev; /* another name of the same file or folder */
		ino_t folder_ino; /* (a hard link, a bind mount) is seen too */
	} *files;
	size_t n_files, cap_files;
};

/*
 * Adds the source folders of the paths given on the command line (none
 * means "."): for a workspace folder (one with personas/, journeys/ or
 * chains/) those three; for any other folder the folder itself; for a file
 * in personas/, journeys/ or chains/ the three folders of its workspace.
 */
void source_folders_add(struct source_folders *s, char *const *paths, size_t n_paths);
/* Adds one input file (--chain) to the files no output may replace. */
void source_folders_add_file(struct source_folders *s, const char *path);
void source_folders_free(struct source_folders *s);

/* The absolute physical path that `path` names or would name once
 * created: symbolic links in the part that exists are resolved, "." and
 * ".." are taken away. NULL when the current folder is unknown. Caller frees. */
char *path_resolve(const char *path);

/* Checks that the folder `path` is not a source folder, lies in none and
 * holds none of the input files named one by one (where an output could
 * take an input's name). Returns 0, or -1 with *error naming the path. */
int outdir_check(const char *path, const struct source_folders *sources, enum lang lang,
		 char **error);
/* The same for a file to write outside the output folder (--timings),
 * which must not be one of the input files either. */
int outdir_check_file(const char *path, const struct source_folders *sources,
		      enum lang lang, char **error);

/* An open output folder. */
struct outdir {
	char *path;  /* as given */
	int fd;      /* the folder, open; -1 when closed */
	enum lang lang;
	unsigned long n_temp; /* temporary names used */
};

/*
 * Checks the output folder `path` against the sources, creates it (and
 * missing parents) when needed and opens it. Returns 0, or -1 with *error
 * (caller frees): one line that names the path and says why.
 */
int outdir_open(struct outdir *out, const char *path, const struct source_folders *sources,
		enum lang lang, char **error);

/*
 * Writes data as the file `name` in the folder: first to a new temporary
 * file in the same folder (never following a link), then renamed into
 * place, so no reader ever sees half a file and a link named `name` is
 * replaced, not followed. name must be a plain file name (no '/', not
 * starting with '.'). Returns 0, or -1 with *error naming the file's path
 * (caller frees); the temporary file is then removed.
 */
int outdir_write(struct outdir *out, const char *name, const void *data, size_t len,
		 char **error);

void outdir_close(struct outdir *out);

/*
 * Temporary files do not outlive the process: a signal that ends it
 * (SIGINT, SIGTERM, SIGHUP, SIGXFSZ, where the program has not set a
 * handler or ignored it) removes those being written, and outdir_open
 * removes those an earlier, killed run left in the folder (".NAME.PID.N.tmp",
 * older than this run, of a process that is gone). A signal handler of the
 * program's own that ends the process calls outdir_remove_temporaries
 * first; it is safe in a signal handler.
 */
void outdir_remove_temporaries(void);

/* Writes all len bytes to fd, again after an interruption. 0, or -1 with
 * errno set (a write of nothing counts as a failure). */
int write_fully(int fd, const void *data, size_t len);

/* Writes data to the file at `path` in the same atomic way (its folder
 * must exist). Returns 0, or -1 with *error (caller frees). */
int write_file_atomic(const char *path, const void *data, size_t len, enum lang lang,
		      char **error);

#endif
