/* cli_workspace.c - the first steps the commands that read a workspace share: opening it with the command line's options, and opening the output folder. */
#include "cli.h"

#include "outdir.h"
#include "workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
cli_open_workspace(const struct cli *cli, struct workspace *ws, struct diags *diags)
{
	diags_init(diags, cli->lang);
	struct workspace_options opts = {cli->chain_path, cli->limits, {{0}}};
	memcpy(opts.rules.disabled, cli->disabled, sizeof opts.rules.disabled);
	if (workspace_open(ws, cli->args, cli->n_args, &opts, diags) == 0)
		return 0;
	fprintf(stderr, "keten: %s\n", ws->error);
	workspace_close(ws);
	diags_free(diags);
	return 2;
}

int
cli_open_output(const struct cli *cli, struct outdir *out)
{
	struct source_folders sources = {0};
	source_folders_add(&sources, cli->args, cli->n_args);
	char *error = NULL;
	int status = 0;
	if (outdir_open(out, cli->output_dir, &sources, cli->lang, &error) != 0) {
		fprintf(stderr, "keten: %s\n", error);
		status = 2;
	}
	free(error);
	source_folders_free(&sources);
	return status;
}
