/* cmd_render.c - `keten render`: check the journeys and write one pathway diagram each into the output folder, several at a time in worker processes. */
#include "cli.h"

#include "markers.h"
#include "mem.h"
#include "outdir.h"
#include "pathway.h"
#include "workspace.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * libgvc is not thread-safe, so diagrams are drawn side by side in
 * processes: for each journey the checking process forks a worker that
 * inherits the checked journey, its findings, the open output folder and a
 * warmed-up Graphviz context; the worker renders, writes the file and
 * reports one line through a pipe. With -j 1 everything happens in the
 * process itself. Results are kept per journey and printed in journey
 * order at the end, so the output does not depend on -j.
 */

enum outcome { PENDING, WRITTEN, SKIPPED, FAILED };

struct result {
	char *journey;   /* id */
	char *file;      /* the journey's file, for messages */
	enum outcome outcome;
	bool rendered;   /* layout and rendering done */
	long usec;       /* their time */
	char *error;     /* the line to print for FAILED */
};

struct worker {
	pid_t pid;
	int fd;         /* read end of its pipe */
	size_t result;  /* index into results */
};

struct render_run {
	const struct cli *cli;
	struct renderer *renderer;
	struct outdir out;
	struct result *results;
	size_t n_results, cap_results;
	struct worker *workers;
	size_t n_workers;
	size_t jobs;
};

/* --- one journey --- */

static long
elapsed_usec(const struct timespec *from, const struct timespec *to)
{
	return (long)(to->tv_sec - from->tv_sec) * 1000000L +
	       (long)(to->tv_nsec - from->tv_nsec) / 1000L;
}

/* Renders and writes one diagram; fills r. */
static void
render_journey(struct render_run *run, const struct pathway *p, struct result *r)
{
	struct buf bytes = {0};
	char *error = NULL;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int status = pathway_render(run->renderer, p, &bytes, &error);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (status != 0) {
		r->outcome = FAILED;
		r->error = xasprintf("%s: %s", r->file, error);
	} else {
		r->rendered = true;
		r->usec = elapsed_usec(&t0, &t1);
		char *name = xasprintf("%s.%s", r->journey,
				       image_format_name((enum image_format)run->cli->image_format));
		free(error);
		error = NULL;
		if (outdir_write(&run->out, name, bytes.data ? bytes.data : "", bytes.len, &error) != 0) {
			r->outcome = FAILED;
			r->error = xstrdup(error);
		} else {
			r->outcome = WRITTEN;
		}
		free(name);
	}
	free(error);
	buf_free(&bytes);
}

/* --- worker processes --- */

/* The worker's report: "<outcome> <rendered> <usec>\n<error>". */
static void
report_to_parent(int fd, const struct result *r)
{
	struct buf line = {0};
	buf_printf(&line, "%d %d %ld\n%s", (int)r->outcome, r->rendered ? 1 : 0, r->usec,
		   r->error ? r->error : "");
	size_t len = line.len < 4000 ? line.len : 4000; /* one pipe write, never blocks */
	const char *data = buf_str(&line);
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		data += n;
		len -= (size_t)n;
	}
	buf_free(&line);
}

static void
read_report(int fd, struct result *r, int wait_status, enum lang lang)
{
	struct buf text = {0};
	char chunk[1024];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		buf_add(&text, chunk, (size_t)n);
	}
	int outcome = 0, rendered = 0;
	long usec = 0;
	int used = 0;
	bool ok = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0 &&
		  sscanf(buf_str(&text), "%d %d %ld\n%n", &outcome, &rendered, &usec, &used) == 3 &&
		  (outcome == WRITTEN || outcome == FAILED);
	if (!ok) {
		r->outcome = FAILED;
		r->error = xasprintf(msg(lang, M_RENDER_CRASHED), r->file,
				     WIFSIGNALED(wait_status) ? 128 + WTERMSIG(wait_status)
							      : WEXITSTATUS(wait_status));
	} else {
		r->outcome = (enum outcome)outcome;
		r->rendered = rendered != 0;
		r->usec = usec;
		if (outcome == FAILED)
			r->error = xstrdup(buf_str(&text) + used);
	}
	buf_free(&text);
}

/* Waits for one worker to finish and takes its report. */
static void
reap_worker(struct render_run *run)
{
	int status;
	pid_t pid;
	do
		pid = waitpid(-1, &status, 0);
	while (pid < 0 && errno == EINTR);
	for (size_t i = 0; i < run->n_workers; i++) {
		if (pid >= 0 && run->workers[i].pid != pid)
			continue;
		struct worker w = run->workers[i];
		read_report(w.fd, &run->results[w.result], pid >= 0 ? status : -1, run->cli->lang);
		close(w.fd);
		run->workers[i] = run->workers[--run->n_workers];
		return;
	}
}

static void
start_worker(struct render_run *run, const struct pathway *p, size_t index)
{
	while (run->n_workers >= run->jobs)
		reap_worker(run);
	fflush(stdout);
	fflush(stderr);
	int fds[2];
	pid_t pid = -1;
	if (pipe(fds) == 0) {
		pid = fork();
		if (pid < 0) {
			close(fds[0]);
			close(fds[1]);
		}
	}
	if (pid < 0) { /* no process to spare: draw it here */
		render_journey(run, p, &run->results[index]);
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		for (size_t i = 0; i < run->n_workers; i++)
			close(run->workers[i].fd);
		render_journey(run, p, &run->results[index]);
		report_to_parent(fds[1], &run->results[index]);
		_exit(0);
	}
	close(fds[1]);
	run->workers[run->n_workers++] = (struct worker){pid, fds[0], index};
}

/* --- the journeys --- */

static struct result *
add_result(struct render_run *run, const struct doc *doc)
{
	run->results = xgrow(run->results, run->n_results, &run->cap_results, sizeof(*run->results));
	struct result *r = &run->results[run->n_results++];
	memset(r, 0, sizeof(*r));
	r->journey = xstrdup(doc->journey->id.s ? doc->journey->id.s : "");
	r->file = xstrdup(doc->path);
	r->outcome = PENDING;
	return r;
}

static void
on_journey(struct workspace *ws, struct doc *doc, void *arg)
{
	struct render_run *run = arg;
	struct result *r = add_result(run, doc);
	if (doc->broken) {
		r->outcome = SKIPPED;
		return;
	}
	struct marker_list markers;
	markers_collect(doc->journey, ws->diags, run->cli->disabled, &markers);
	struct pathway p = {doc->journey, doc->journey->persona_ref, doc->journey->chain_ref,
			    &markers, run->cli->lang, run->cli->all_lanes};
	if (run->jobs > 1)
		start_worker(run, &p, run->n_results - 1);
	else
		render_journey(run, &p, r);
	markers_free(&markers);
}

/* --- reporting --- */

static void
print_problems(const struct render_run *run)
{
	for (size_t i = 0; i < run->n_results; i++) {
		const struct result *r = &run->results[i];
		if (r->outcome == SKIPPED)
			cli_error(run->cli, M_RENDER_SKIPPED, r->file, r->file);
		else if (r->outcome == FAILED)
			fprintf(stderr, "keten: %s\n", r->error);
	}
}

static void
print_summary(const struct render_run *run)
{
	int written = 0, skipped = 0, failed = 0;
	for (size_t i = 0; i < run->n_results; i++) {
		written += run->results[i].outcome == WRITTEN;
		skipped += run->results[i].outcome == SKIPPED;
		failed += run->results[i].outcome == FAILED;
	}
	enum lang lang = run->cli->lang;
	printf(msg(lang, written == 1 ? M_RENDER_DONE_1 : M_RENDER_DONE_N), written, run->out.path);
	if (skipped > 0) {
		fputs("; ", stdout);
		printf(msg(lang, skipped == 1 ? M_RENDER_SKIPPED_1 : M_RENDER_SKIPPED_N), skipped);
	}
	if (failed > 0) {
		fputs("; ", stdout);
		printf(msg(lang, failed == 1 ? M_RENDER_FAILED_1 : M_RENDER_FAILED_N), failed);
	}
	fputc('\n', stdout);
}

static bool
any_failed(const struct render_run *run)
{
	for (size_t i = 0; i < run->n_results; i++)
		if (run->results[i].outcome == FAILED)
			return true;
	return false;
}

/* Writes "<journey-id>\t<microseconds>" per rendered journey. */
static int
write_timings(const struct render_run *run)
{
	struct buf text = {0};
	for (size_t i = 0; i < run->n_results; i++)
		if (run->results[i].rendered)
			buf_printf(&text, "%s\t%ld\n", run->results[i].journey, run->results[i].usec);
	char *error = NULL;
	int status = write_file_atomic(run->cli->timings_path, text.data ? text.data : "",
				       text.len, run->cli->lang, &error);
	if (status != 0)
		fprintf(stderr, "keten: %s\n", error);
	free(error);
	buf_free(&text);
	return status;
}

static void
run_free(struct render_run *run)
{
	for (size_t i = 0; i < run->n_results; i++) {
		free(run->results[i].journey);
		free(run->results[i].file);
		free(run->results[i].error);
	}
	free(run->results);
	free(run->workers);
	renderer_free(&run->renderer);
	outdir_close(&run->out);
}

/* --- setting up --- */

/* Opens the output folder and checks where the timings go; 0 or 2. */
static int
open_outputs(struct render_run *run)
{
	const struct cli *cli = run->cli;
	struct source_folders sources = {0};
	source_folders_add(&sources, cli->args, cli->n_args);
	char *error = NULL;
	int status = 0;
	if (outdir_open(&run->out, cli->output_dir, &sources, cli->lang, &error) != 0) {
		fprintf(stderr, "keten: %s\n", error);
		status = 2;
	} else if (cli->timings_path != NULL &&
		   outdir_check_file(cli->timings_path, &sources, cli->lang, &error) != 0) {
		fprintf(stderr, "keten: %s\n", error);
		status = 2;
	}
	free(error);
	source_folders_free(&sources);
	return status;
}

static int
start_renderer(struct render_run *run)
{
	char *error = NULL;
	enum image_format format = (enum image_format)run->cli->image_format;
	run->renderer = renderer_new(format, &error);
	if (run->renderer == NULL) {
		cli_error(run->cli, M_R_GRAPHVIZ_FORMAT, image_format_name(format));
		free(error);
		return 2;
	}
	return 0;
}

int
cmd_render(const struct cli *cli)
{
	struct diags diags;
	diags_init(&diags, cli->lang);
	struct workspace ws;
	struct workspace_options opts = {cli->chain_path, cli->limits};
	if (workspace_open(&ws, cli->args, cli->n_args, &opts, &diags) != 0) {
		fprintf(stderr, "keten: %s\n", ws.error);
		workspace_close(&ws);
		diags_free(&diags);
		return 2;
	}
	struct render_run run = {0};
	run.cli = cli;
	run.out.fd = -1;
	run.jobs = cli->jobs > 0 ? (size_t)cli->jobs : 1;
	run.workers = xcalloc(run.jobs, sizeof(*run.workers));
	int status = open_outputs(&run);
	if (status == 0)
		status = start_renderer(&run);
	if (status == 0) {
		workspace_check_journeys(&ws, on_journey, &run);
		while (run.n_workers > 0)
			reap_worker(&run);
		diags_drop_codes(&diags, cli->disabled);
		print_problems(&run);
		if (!cli->quiet)
			print_summary(&run);
		status = cli_exit_status(cli, &diags);
		if (cli->timings_path != NULL && write_timings(&run) != 0)
			status = 2;
		if (any_failed(&run))
			status = 2;
	}
	workspace_close(&ws);
	run_free(&run);
	diags_free(&diags);
	return cli_finish_output(cli, status);
}
