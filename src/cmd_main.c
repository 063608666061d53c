/* cmd_main.c - the main job (`keten` with no command) and `keten report`: check everything, then write the diagrams, the journey maps, the overview, index.html and findings.json (main job only) into the output folder. */
#include "cli.h"

#include "compare.h"
#include "diag_print.h"
#include "map.h"
#include "mem.h"
#include "outdir.h"
#include "overview.h"
#include "overview_render.h"
#include "render_jobs.h"
#include "report.h"
#include "keten.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A journey map prepared during the checks, and its journey's number. */
struct pending_map {
	struct map_spec spec;
	size_t journey;
};

/* What one run writes, and what it has written. */
struct main_job {
	const struct cli *cli;
	bool findings_json;          /* the main job; `report` writes no findings.json */
	enum image_format format;
	struct outdir out;
	struct summary summary;
	struct render_run *render;
	struct report *report;
	struct overview overview;
	struct pending_map *maps;    /* the journey maps, drawn after the diagrams */
	size_t n_maps, cap_maps;
	struct cmp_side *sides;      /* journeys with a kind (as-is, to-be) */
	size_t n_sides, cap_sides;
	size_t written;              /* files written */
	bool failed;                 /* a file could not be written */
};

static void
on_journey(const struct checked_journey *cj, void *arg)
{
	struct main_job *job = arg;
	summary_add_journey(&job->summary, cj);
	render_jobs_add(job->render, cj);
	/* a map beside every diagram drawn, in the main job and `keten report` alike */
	if (job->format != IMAGE_DOT && !cj->broken) {
		job->maps = xgrow(job->maps, job->n_maps, &job->cap_maps, sizeof(*job->maps));
		struct pending_map *m = &job->maps[job->n_maps++];
		m->journey = cj->index;
		map_of(cj, job->cli->disabled, job->cli->lang, &m->spec);
	}
	report_add_journey(job->report, cj);
	overview_add_journey(&job->overview, cj);
	if (!cj->broken && cj->doc->journey->kind.v != KIND_UNSET) {
		job->sides = xgrow(job->sides, job->n_sides, &job->cap_sides, sizeof(*job->sides));
		cmp_side_collect(&job->sides[job->n_sides++], cj);
	}
}

/* Counts a file written (status 0), or says on standard error why not. */
static void
count_written(struct main_job *job, int status, char *error)
{
	if (status != 0) {
		fprintf(stderr, "keten: %s\n", error);
		job->failed = true;
	} else {
		job->written++;
	}
	free(error);
}

static void
write_output(struct main_job *job, const char *name, const char *data, size_t len)
{
	char *error = NULL;
	int status = outdir_write(&job->out, name, data ? data : "", len, &error);
	count_written(job, status, error);
}

/* Draws the overview (after the render workers: Graphviz in this process
 * from here on), writes overview.<format> and gives the report its SVG. */
static void
write_overview(struct main_job *job)
{
	struct buf bytes = {0};
	char *error = NULL;
	if (overview_render(&job->overview, job->format, job->cli->lang, &bytes, &error) != 0) {
		fprintf(stderr, "keten: %s\n", error);
		job->failed = true;
	} else {
		char *name = xasprintf("overview.%s", image_format_name(job->format));
		write_output(job, name, bytes.data, bytes.len);
		free(name);
		if (job->format != IMAGE_SVG &&
		    overview_render(&job->overview, IMAGE_SVG, job->cli->lang, &bytes, &error) != 0) {
			fprintf(stderr, "keten: %s\n", error);
			job->failed = true;
		} else {
			report_set_overview(job->report, buf_str(&bytes), bytes.len);
		}
	}
	free(error);
	buf_free(&bytes);
}

/* The transitions of the overview with friction, for "where it hurts". */
static void
add_transitions(struct main_job *job)
{
	const struct overview *ov = &job->overview;
	for (size_t i = 0; i < ov->n_moves; i++) {
		const struct ov_move *m = &ov->moves[i];
		if (m->edge.friction <= 0)
			continue;
		struct report_transition t = {ov->positions[m->from].label, ov->positions[m->to].label,
					      m->edge.count, m->edge.findings, m->edge.friction};
		report_add_transition(job->report, &t);
	}
}

/* Each as-is journey against the first to-be journey of the same persona
 * not yet paired, as a section of the report. */
static void
add_comparisons(struct main_job *job)
{
	for (size_t a = 0; a < job->n_sides; a++) {
		struct cmp_side *before = &job->sides[a];
		if (before->kind == NULL || strcmp(before->kind, "as-is") != 0 || before->persona == NULL)
			continue;
		for (size_t b = 0; b < job->n_sides; b++) {
			struct cmp_side *after = &job->sides[b];
			if (after->kind == NULL || strcmp(after->kind, "to-be") != 0 ||
			    after->persona == NULL || strcmp(after->persona, before->persona) != 0)
				continue;
			/* comparison_make takes the sides over: their ids first. */
			char *as_is = xstrdup(before->journey ? before->journey : "");
			char *to_be = xstrdup(after->journey ? after->journey : "");
			struct comparison c;
			comparison_make(&c, CMP_JOURNEYS, before, after);
			struct buf html = {0};
			compare_html_brief(&html, &c, job->cli->lang);
			report_add_comparison(job->report, as_is, to_be, buf_str(&html));
			free(as_is);
			free(to_be);
			buf_free(&html);
			comparison_free(&c);
			break;
		}
	}
}

static void
write_findings(struct main_job *job, const struct diags *diags)
{
	char *data = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&data, &len);
	if (mem == NULL) {
		cli_error(job->cli, M_MAIN_WRITE_FAILED, "findings.json", msg_system_error(job->cli->lang, errno));
		job->failed = true;
		return;
	}
	diag_print_json(mem, diags, &job->summary, false);
	fclose(mem);
	write_output(job, "findings.json", data, len);
	free(data);
}

static void
write_report(struct main_job *job, const struct diags *diags)
{
	char *error = NULL;
	int status = report_write(job->report, &job->out, diags, &job->summary, &error);
	count_written(job, status, error);
}

/* Tells the report which diagrams were drawn, and counts them. */
static void
collect_diagrams(struct main_job *job)
{
	for (size_t i = 0; i < job->summary.n_scores; i++) {
		if (!render_jobs_drawn(job->render, i))
			continue;
		char *name = render_diagram_file(job->summary.scores[i].id, job->format);
		report_set_diagram(job->report, i, name);
		free(name);
		job->written++;
	}
}

/* Draws and writes the journey maps (after the render workers: cairo and
 * pango in this process only once no more workers are forked), and tells
 * the report. */
static void
write_maps(struct main_job *job)
{
	for (size_t i = 0; i < job->n_maps; i++) {
		struct pending_map *m = &job->maps[i];
		char *error = NULL;
		int status = map_write(&m->spec, job->format, &job->out, &error);
		if (status == 0) {
			char *name = map_file_name(m->spec.id, job->format);
			report_set_map(job->report, m->journey, name);
			free(name);
		}
		count_written(job, status, error);
		map_spec_free(&m->spec);
	}
	free(job->maps);
	job->maps = NULL;
	job->n_maps = 0;
}

static void
print_findings(const struct main_job *job, const struct diags *diags)
{
	const struct cli *cli = job->cli;
	if (cli->format == OUTPUT_JSON) {
		diag_print_json(stdout, diags, &job->summary, cli->quiet);
		return;
	}
	struct print_options popts = {cli->color, cli->quiet, true};
	diag_print_text(stdout, diags, &job->summary, &popts);
	if (!cli->quiet)
		msg_fprintf(stdout, cli->lang, M_MAIN_WROTE, job->written, job->out.path, job->out.path);
	if (!cli->quiet)
		fputc('\n', stdout);
	if (!cli->quiet && job->summary.journeys == 0 && job->summary.personas == 0)
		fprintf(stdout, "%s\n", msg(cli->lang, M_MAIN_EMPTY));
}

/* Checks and draws; then the files that need every finding. */
static int
run(struct main_job *job, struct workspace *ws, struct diags *diags)
{
	struct render_options ropts;
	cli_render_options(job->cli, &ropts);
	struct report_options report = {job->cli->lang, {false}};
	memcpy(report.disabled, job->cli->disabled, sizeof report.disabled);
	job->render = render_jobs_new(&ropts, job->format, &job->out);
	job->report = report_new(&report);
	report_set_cover(job->report, workspace_read_cover(cli_workspace_root(job->cli),
							   &job->cli->limits, diags));
	overview_init(&job->overview, workspace_chain(ws));
	workspace_check_journeys(ws, on_journey, job);
	summary_add_workspace(&job->summary, ws);
	int drawing = render_jobs_finish(job->render);
	collect_diagrams(job);
	write_maps(job);
	write_overview(job);
	add_transitions(job);
	add_comparisons(job);
	diags_sort(diags);
	write_report(job, diags);
	if (job->findings_json)
		write_findings(job, diags);
	print_findings(job, diags);
	int status = cli_exit_status(job->cli, diags);
	return drawing != 0 || job->failed ? 2 : status;
}

static int
main_job(const struct cli *cli, bool findings_json, enum image_format format)
{
	struct main_job job = {0};
	job.cli = cli;
	job.findings_json = findings_json;
	job.format = format;
	job.out.fd = -1;
	struct diags diags;
	struct workspace *ws;
	int status = cli_open_output(cli, &job.out);
	if (status == 0 && (status = cli_open_workspace(cli, &ws, &diags)) == 0) {
		status = run(&job, ws, &diags);
		workspace_close(&ws);
		diags_free(&diags);
	}
	render_jobs_free(&job.render);
	report_free(&job.report);
	overview_free(&job.overview);
	for (size_t i = 0; i < job.n_sides; i++)
		cmp_side_free(&job.sides[i]);
	free(job.sides);
	summary_free(&job.summary);
	outdir_close(&job.out);
	return cli_finish_output(cli, status);
}

int
cmd_main(const struct cli *cli)
{
	return main_job(cli, true, (enum image_format)cli->image_format);
}

int
cmd_report(const struct cli *cli)
{
	return main_job(cli, false, IMAGE_SVG);
}
