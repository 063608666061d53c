/* cli_workspace.c - the steps the commands that read a workspace share: opening it with the command line's options, running the command on it and closing it, and opening the output folder. */
#include "cli.h"

#include "outdir.h"
#include "keten.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
cli_open_workspace(const struct cli *cli, struct workspace **ws, struct diags *diags)
{
	diags_init(diags, cli->lang);
	struct workspace_options opts = {cli->chain_path, cli->limits, {{0}}};
	memcpy(opts.rules.disabled, cli->disabled, sizeof opts.rules.disabled);
	char *error = NULL;
	*ws = workspace_open(cli->args, cli->n_args, &opts, diags, &error);
	if (*ws != NULL)
		return 0;
	fprintf(stderr, "keten: %s\n", error);
	free(error);
	diags_free(diags);
	return 2;
}

void
cli_source_folders(const struct cli *cli, struct source_folders *sources)
{
	source_folders_add(sources, cli->args, cli->n_args);
	if (cli->chain_path != NULL)
		source_folders_add_file(sources, cli->chain_path);
}

int
cli_run_on_workspace(const struct cli *cli, cli_workspace_fn *run)
{
	struct diags diags;
	struct workspace *ws;
	if (cli_open_workspace(cli, &ws, &diags) != 0)
		return 2;
	int status = run(cli, ws, &diags);
	workspace_close(&ws);
	diags_free(&diags);
	return cli_finish_output(cli, status);
}

int
cli_open_output(const struct cli *cli, struct outdir *out)
{
	struct source_folders sources = {0};
	cli_source_folders(cli, &sources);
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
