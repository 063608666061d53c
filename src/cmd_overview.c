/* cmd_overview.c - `keten overview`: check the journeys, gather the chain overview and write it into the output folder. */
#include "cli.h"

#include "mem.h"
#include "outdir.h"
#include "overview.h"
#include "overview_render.h"
#include "keten.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct overview_run {
	const struct cli *cli;
	struct overview ov;
	char **skipped;      /* files of journeys with errors */
	size_t n_skipped, cap_skipped;
};

static void
on_journey(const struct checked_journey *cj, void *arg)
{
	struct overview_run *run = arg;
	overview_add_journey(&run->ov, cj);
	if (cj->broken) {
		run->skipped = xgrow(run->skipped, run->n_skipped, &run->cap_skipped,
				     sizeof(*run->skipped));
		run->skipped[run->n_skipped++] = xstrdup(cj->doc->path);
	}
}

/* Renders the overview and writes overview.<format>; 0 or 2. */
static int
write_overview(const struct overview_run *run, struct outdir *out)
{
	const struct cli *cli = run->cli;
	enum image_format format = (enum image_format)cli->image_format;
	struct buf bytes = {0};
	char *error = NULL;
	char *name = xasprintf("overview.%s", image_format_name(format));
	int status = 0;
	if (overview_render(&run->ov, format, cli->lang, &bytes, &error) != 0 ||
	    outdir_write(out, name, bytes.data ? bytes.data : "", bytes.len, &error) != 0) {
		fprintf(stderr, "keten: %s\n", error);
		status = 2;
	} else if (!cli->quiet) {
		char *path = xasprintf("%s/%s", out->path, name);
		msg_fprintf(stdout, cli->lang, M_OV_DONE, run->ov.journeys, path);
		fputc('\n', stdout);
		free(path);
	}
	free(error);
	free(name);
	buf_free(&bytes);
	return status;
}

static int
overview_all(struct overview_run *run, struct workspace *ws, struct diags *diags)
{
	struct outdir out = {0};
	out.fd = -1;
	int status = cli_open_output(run->cli, &out);
	if (status == 0) {
		workspace_check_journeys(ws, on_journey, run);
		for (size_t i = 0; i < run->n_skipped; i++)
			cli_error(run->cli, M_RENDER_SKIPPED, run->skipped[i], run->skipped[i]);
		status = write_overview(run, &out);
	}
	outdir_close(&out);
	return status != 0 ? status : cli_exit_status(run->cli, diags);
}

static int
overview_workspace(const struct cli *cli, struct workspace *ws, struct diags *diags)
{
	struct overview_run run = {cli, {0}, NULL, 0, 0};
	overview_init(&run.ov, workspace_chain(ws));
	int status = overview_all(&run, ws, diags);
	overview_free(&run.ov);
	for (size_t i = 0; i < run.n_skipped; i++)
		free(run.skipped[i]);
	free(run.skipped);
	return status;
}

int
cmd_overview(const struct cli *cli)
{
	return cli_run_on_workspace(cli, overview_workspace);
}
