/* cmd_check.c - `keten check` (and, for now, the main job): check a workspace and print the findings. */
#include "cli.h"

#include "diag_print.h"
#include "keten.h"

#include <stdio.h>
#include <string.h>

struct check_run {
	struct summary summary;
	struct diag_stream out;
	struct diags *diags;
};

/* Scores the journey, then writes the findings that are final. */
static void
finish_journey(const struct checked_journey *cj, void *arg)
{
	struct check_run *run = arg;
	summary_add_journey(&run->summary, cj);
	diag_stream_flush(&run->out, run->diags, cj->next_file);
}

static int
check_workspace(const struct cli *cli, struct workspace *ws, struct diags *diags)
{
	struct check_run run = {0};
	run.diags = diags;
	struct print_options popts = {cli->color, cli->quiet, true};
	diag_stream_begin(&run.out, stdout, cli->format == OUTPUT_JSON, &popts, cli->lang);
	workspace_check_journeys(ws, finish_journey, &run);
	summary_add_workspace(&run.summary, ws);
	diag_stream_end(&run.out, diags, &run.summary);
	int status = cli_exit_status(cli, diags);
	summary_free(&run.summary);
	return status;
}

int
cmd_check(const struct cli *cli)
{
	return cli_run_on_workspace(cli, check_workspace);
}
