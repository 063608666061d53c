/* cli.h - the command line: parsed options, the command table and each command's entry point. Included by: main.c, cli*.c, cmd_*.c. */
#ifndef KETEN_CLI_H
#define KETEN_CLI_H

#include "catalog.h"
#include "diag.h"
#include "keten.h"
#include "limits.h"

#include <stdbool.h>
#include <stddef.h>

enum output_format { OUTPUT_TEXT, OUTPUT_JSON, OUTPUT_HTML /* compare only */ };
enum fail_on { FAIL_ON_ERROR, FAIL_ON_WARNING, FAIL_ON_NEVER };

/* Everything the command line said. */
struct cli {
	enum lang lang;
	enum output_format format;   /* --format */
	bool format_html;            /* the command takes --format html */
	enum fail_on fail_on;        /* --fail-on */
	const char *chain_path;      /* --chain (the first one) */
	const char *chain_paths[2];  /* --chain; twice only for compare */
	size_t n_chain_paths;
	bool disabled[CODE__MAX];    /* --disable */
	bool quiet;                  /* -q */
	bool color;                  /* colour on a terminal, unless switched off */
	bool dump;                   /* --dump (chain) */
	struct limits limits;        /* --max-... */
	char **args;                 /* positional arguments */
	size_t n_args;
	const char *command;         /* the command's name, "check" for the main job */
	/* render */
	const char *output_dir;      /* -o, --output */
	int image_format;            /* -T, --format-image: enum image_format */
	bool all_lanes;              /* --all-lanes */
	long jobs;                   /* -j, --jobs: diagrams at a time */
	const char *timings_path;    /* --timings FILE */
	bool view_map;               /* --view map: the journey map, not the pathway */
	bool detail_poster;          /* --detail poster: every text in the diagram */
	/* new */
	const char *persona_id;      /* --persona ID */
};

/* Parses argv, runs the command and returns the exit status. */
int cli_main(int argc, char **argv);

/* 0, or 1 when a finding reaches --fail-on. */
int cli_exit_status(const struct cli *cli, const struct diags *diags);

/* Prints "keten: <message>" on standard error in the chosen language
 * (msg_error, catalog.h, which checks the arguments). */
#define cli_error(cli, ...) msg_error((cli)->lang, __VA_ARGS__)

struct outdir;
struct render_options;

/* Sets up diags and opens the workspace of the command line's paths with
 * its options into *ws. 0, or 2 after saying why (diags is then released). */
int cli_open_workspace(const struct cli *cli, struct workspace **ws, struct diags *diags);

/* A command's work on an open workspace; returns the exit status. */
typedef int cli_workspace_fn(const struct cli *cli, struct workspace *ws, struct diags *diags);

/* Opens the workspace (cli_open_workspace), runs `run` on it, closes it
 * and finishes the output (cli_finish_output): the command's exit status. */
int cli_run_on_workspace(const struct cli *cli, cli_workspace_fn *run);

/* The options of the render pool the command line gives (cmd_render.c). */
void cli_render_options(const struct cli *cli, struct render_options *opts);

/* The source folders and input files of the command line's paths and
 * --chain, which no output may lie in or replace (source_folders_free). */
struct source_folders;
void cli_source_folders(const struct cli *cli, struct source_folders *sources);

/* The workspace folder the report's title page is read from: the current
 * folder when no path is given, else the first path that is a workspace
 * (layout_is_workspace); NULL when files or bare folders were named. */
const char *cli_workspace_root(const struct cli *cli);

/* Opens the output folder (-o), refusing a source folder and one that
 * holds an input file. 0, or 2 after saying why. */
int cli_open_output(const struct cli *cli, struct outdir *out);

/* Flushes standard output; a write error is reported and gives 2. */
int cli_finish_output(const struct cli *cli, int status);

/* -o -: runs `run` into a private temporary folder, with standard output
 * on standard error, then copies the file called name (NULL: the one file
 * written) to standard output and removes the folder. The exit status. */
int cli_run_to_stdout(const struct cli *cli, int (*run)(const struct cli *), const char *name);

int cmd_main(const struct cli *cli);
int cmd_check(const struct cli *cli);
int cmd_export(const struct cli *cli);
int cmd_chain(const struct cli *cli);
int cmd_rules(const struct cli *cli);
int cmd_render(const struct cli *cli);
int cmd_report(const struct cli *cli);
int cmd_overview(const struct cli *cli);
int cmd_compare(const struct cli *cli);
int cmd_new(const struct cli *cli);
int cmd_watch(const struct cli *cli);

#endif
