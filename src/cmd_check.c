/* cmd_check.c - `keten check` (and, for now, the main job): check a workspace and print the findings. */
#include "cli.h"

#include "diag_print.h"
#include "workspace.h"

#include <stdio.h>
#include <string.h>

static void
count_journey(struct workspace *ws, struct doc *journey, void *arg)
{
	summary_add_journey(arg, journey->journey, ws->diags, ws->journey_first_diag);
}

int
cmd_check(const struct cli *cli)
{
	struct diags diags;
	diags_init(&diags, cli->lang);
	struct workspace ws;
	struct workspace_options opts = {cli->chain_path, cli->limits, {{0}}};
	memcpy(opts.rules.disabled, cli->disabled, sizeof opts.rules.disabled);
	if (workspace_open(&ws, cli->args, cli->n_args, &opts, &diags) != 0) {
		fprintf(stderr, "keten: %s\n", ws.error);
		workspace_close(&ws);
		diags_free(&diags);
		return 2;
	}
	struct summary summary = {0};
	workspace_check_journeys(&ws, count_journey, &summary);
	summary.personas = (int)ws.n_personas_checked;
	workspace_close(&ws);
	diags_sort(&diags);
	if (cli->format == OUTPUT_JSON) {
		diag_print_json(stdout, &diags, &summary, cli->quiet);
	} else {
		struct print_options popts = {cli->color, cli->quiet, true};
		diag_print_text(stdout, &diags, &summary, &popts);
	}
	int status = cli_exit_status(cli, &diags);
	summary_free(&summary);
	diags_free(&diags);
	return cli_finish_output(cli, status);
}
