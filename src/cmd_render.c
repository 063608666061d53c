/* cmd_render.c - `keten render`: check the journeys and have the render pool (render_jobs.c) write one pathway diagram each into the output folder, or (--view map) draw one journey map each (map.h). */
#include "cli.h"

#include "map.h"
#include "mem.h"
#include "outdir.h"
#include "render_jobs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
on_journey(const struct checked_journey *cj, void *arg)
{
	render_jobs_add(arg, cj);
}

/* Checks that the timings file (--timings) is not in a source folder; 0 or 2. */
static int
check_timings_path(const struct cli *cli)
{
	if (cli->timings_path == NULL)
		return 0;
	struct source_folders sources = {0};
	cli_source_folders(cli, &sources);
	char *error = NULL;
	int status = 0;
	if (outdir_check_file(cli->timings_path, &sources, cli->lang, &error) != 0) {
		fprintf(stderr, "keten: %s\n", error);
		status = 2;
	}
	free(error);
	source_folders_free(&sources);
	return status;
}

static void
print_summary(const struct cli *cli, const struct render_run *run, const char *folder)
{
	struct render_counts c;
	render_jobs_count(run, &c);
	enum lang lang = cli->lang;
	struct buf line = {0};
	if (c.written == 1)
		msg_append(&line, lang, M_RENDER_DONE_1, c.written, folder);
	else
		msg_append(&line, lang, M_RENDER_DONE_N, c.written, folder);
	if (c.skipped > 0) {
		buf_puts(&line, "; ");
		msg_append_plural(&line, lang, c.skipped, M_RENDER_SKIPPED_1, M_RENDER_SKIPPED_N);
	}
	if (c.failed > 0) {
		buf_puts(&line, "; ");
		msg_append_plural(&line, lang, c.failed, M_RENDER_FAILED_1, M_RENDER_FAILED_N);
	}
	puts(buf_str(&line));
	buf_free(&line);
}

/* The options of the render pool the command line gives. */
void
cli_render_options(const struct cli *cli, struct render_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->lang = cli->lang;
	opts->jobs = cli->jobs;
	opts->all_lanes = cli->all_lanes;
	opts->detail = cli->detail_poster ? DETAIL_POSTER : DETAIL_COMPACT;
	memcpy(opts->disabled, cli->disabled, sizeof opts->disabled);
}

static int
render_all(const struct cli *cli, struct workspace *ws, struct diags *diags,
	   struct outdir *out)
{
	struct render_options opts;
	cli_render_options(cli, &opts);
	struct render_run *run = render_jobs_new(&opts, (enum image_format)cli->image_format, out);
	workspace_check_journeys(ws, on_journey, run);
	int drawing = render_jobs_finish(run);
	int status = 2;
	if (render_jobs_usable(run)) {
		if (!cli->quiet)
			print_summary(cli, run, out->path);
		status = cli_exit_status(cli, diags);
		if (cli->timings_path != NULL && render_jobs_write_timings(run, cli->timings_path) != 0)
			status = 2;
		if (drawing != 0)
			status = 2;
	}
	render_jobs_free(&run);
	return status;
}

/* --- --view map: the journey maps, drawn in this process --- */

struct map_run {
	const struct cli *cli;
	struct outdir *out;
	int written, skipped, failed;
};

/* Draws one journey's map and writes it; 0, or -1 after saying why. */
static int
write_map(struct map_run *run, const struct checked_journey *cj)
{
	const struct cli *cli = run->cli;
	struct map_spec spec;
	map_of(cj, cli->disabled, cli->lang, &spec);
	char *error = NULL;
	int status = map_write(&spec, (enum image_format)cli->image_format, run->out, &error);
	map_spec_free(&spec);
	if (status != 0)
		fprintf(stderr, "keten: %s\n", error);
	free(error);
	return status;
}

static void
on_journey_map(const struct checked_journey *cj, void *arg)
{
	struct map_run *run = arg;
	if (cj->broken) {
		msg_error(run->cli->lang, M_RENDER_SKIPPED, cj->doc->path, cj->doc->path);
		run->skipped++;
	} else if (write_map(run, cj) == 0) {
		run->written++;
	} else {
		run->failed++;
	}
}

static void
print_map_summary(const struct cli *cli, const struct map_run *run, const char *folder)
{
	struct buf line = {0};
	if (run->written == 1)
		msg_append(&line, cli->lang, M_MAP_DONE_1, run->written, folder);
	else
		msg_append(&line, cli->lang, M_MAP_DONE_N, run->written, folder);
	if (run->skipped > 0) {
		buf_puts(&line, "; ");
		msg_append_plural(&line, cli->lang, run->skipped, M_RENDER_SKIPPED_1, M_RENDER_SKIPPED_N);
	}
	if (run->failed > 0) {
		buf_puts(&line, "; ");
		msg_append_plural(&line, cli->lang, run->failed, M_RENDER_FAILED_1, M_RENDER_FAILED_N);
	}
	puts(buf_str(&line));
	buf_free(&line);
}

static int
map_all(const struct cli *cli, struct workspace *ws, struct diags *diags, struct outdir *out)
{
	struct map_run run = {cli, out, 0, 0, 0};
	workspace_check_journeys(ws, on_journey_map, &run);
	if (!cli->quiet)
		print_map_summary(cli, &run, out->path);
	int status = cli_exit_status(cli, diags);
	return run.failed > 0 ? 2 : status;
}

static int
render_workspace(const struct cli *cli, struct workspace *ws, struct diags *diags)
{
	struct outdir out = {0};
	out.fd = -1;
	int status = cli_open_output(cli, &out);
	if (status == 0)
		status = check_timings_path(cli);
	if (status == 0 && cli->view_map)
		status = map_all(cli, ws, diags, &out);
	else if (status == 0)
		status = render_all(cli, ws, diags, &out);
	outdir_close(&out);
	return status;
}

/* The options a journey map cannot honour: dot (cairo draws the map, not
 * Graphviz), --all-lanes (a map has no lanes) and --timings (it times the
 * render pool, which maps do not use). -j is honoured: the maps are drawn
 * one at a time, never more than -j. Returns 0, or 2 after saying why. */
static int
check_map_options(const struct cli *cli)
{
	if (cli->image_format == IMAGE_DOT)
		cli_error(cli, M_MAP_NO_DOT);
	else if (cli->all_lanes)
		cli_error(cli, M_MAP_NO_ALL_LANES);
	else if (cli->timings_path != NULL)
		cli_error(cli, M_MAP_NO_TIMINGS);
	else
		return 0;
	return 2;
}

int
cmd_render(const struct cli *cli)
{
	if (cli->view_map && check_map_options(cli) != 0)
		return 2;
	return cli_run_on_workspace(cli, render_workspace);
}
