/* render_jobs.c - the pool of worker processes that draws pathway diagrams into an output folder, its pipe protocol, and the worker's main. */
#include "render_jobs.h"

#include "markers.h"
#include "mem.h"
#include "outdir.h"
#include "pathway.h"
#include "self_path.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * libgvc is not thread-safe and keeps (and leaks a little) state per
 * render, so diagrams are drawn in worker processes, up to -j of them. The
 * checking process never loads Graphviz itself. A worker is this program
 * started anew (fork, then at once exec of its own path with the hidden
 * command --render-worker): the checking process has reader threads, and
 * a child forked from a process with threads may find a lock (of the
 * allocator, say) held forever, so between fork and exec the child only
 * moves file descriptors. Each worker loads and warms up its own Graphviz,
 * says whether it can render the format, then takes jobs: the checking
 * process prepares each journey's diagram as plain data (pathway_spec) and
 * sends it through a pipe to an idle worker, which renders it, writes the
 * file into the output folder it inherited (as descriptor 5) and sends one
 * result back. A worker stops after RECYCLE_AFTER diagrams and a
 * fresh one takes its place, which keeps memory flat (Graphviz loses a
 * little per diagram: on the bench journeys a worker that never stopped
 * reached 50 MiB after 1,000 diagrams, against 36 MiB, and was not faster,
 * although a fresh worker starts with an empty memory of text sizes).
 * Results are kept per
 * journey and printed in journey order at the end, so the output does not
 * depend on -j. If no process can be started, the diagrams are drawn in
 * the checking process itself.
 */

enum { RECYCLE_AFTER = 250 };

/* FAILED: the error names the path it is about; DRAWING_FAILED: Graphviz
 * failed, and the error gets the journey's file in front. */
enum outcome { PENDING, WRITTEN, SKIPPED, FAILED, DRAWING_FAILED };

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
	int to;          /* jobs go here */
	int from;        /* results come from here */
	bool busy;
	size_t job;      /* the result it works on */
	size_t given;    /* jobs handed to it */
};

struct render_run {
	struct render_options opts;
	enum image_format format;
	struct renderer *renderer;
	struct outdir *out;      /* own_out, or the caller's */
	struct outdir own_out;
	struct result *results;
	size_t n_results, cap_results;
	struct worker *workers;
	size_t n_workers, jobs;
	bool in_process;  /* no worker could be started */
	void (*sigpipe)(int); /* the SIGPIPE handler before the pool's */
	bool unusable;    /* Graphviz cannot render the format */
};

/* --- drawing one diagram --- */

static long
elapsed_usec(const struct timespec *from, const struct timespec *to)
{
	return (long)(to->tv_sec - from->tv_sec) * 1000000L +
	       (long)(to->tv_nsec - from->tv_nsec) / 1000L;
}

/* Renders spec and writes its file; fills r (in whichever process). */
static void
draw(struct render_run *run, const struct pathway_spec *spec, struct result *r)
{
	struct buf bytes = {0};
	char *error = NULL;
	struct timespec t0, t1;
	if (run->renderer == NULL && (run->renderer = renderer_new(run->format, &error)) == NULL) {
		r->outcome = DRAWING_FAILED;
		r->error = msg_xasprintf(run->opts.lang, M_R_GRAPHVIZ_FORMAT,
					 image_format_name(run->format));
		free(error);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int status = pathway_render(run->renderer, spec, &bytes, &error);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (status != 0) {
		r->outcome = DRAWING_FAILED;
		r->error = xstrdup(error);
	} else {
		r->rendered = true;
		r->usec = elapsed_usec(&t0, &t1);
		free(error);
		error = NULL;
		if (outdir_write(run->out, spec->file_name, bytes.data ? bytes.data : "",
				 bytes.len, &error) != 0) {
			r->outcome = FAILED;
			r->error = xstrdup(error);
		} else {
			r->outcome = WRITTEN;
		}
	}
	free(error);
	buf_free(&bytes);
}

/* --- pipes --- */

/* 1 when all len bytes came, 0 at the end of the pipe before any, -1 else. */
static int
read_all(int fd, void *data, size_t len)
{
	char *p = data;
	size_t got = 0;
	while (got < len) {
		ssize_t n = read(fd, p + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n == 0 && got == 0 ? 0 : -1;
		got += (size_t)n;
	}
	return 1;
}

/* A message: its kind's numbers, then one byte string. */
static int
send_message(int fd, const uint64_t *numbers, size_t n, const char *bytes, size_t len)
{
	uint64_t head[6];
	memcpy(head, numbers, n * sizeof(uint64_t));
	head[n] = len;
	if (write_fully(fd, head, (n + 1) * sizeof(uint64_t)) != 0)
		return -1;
	return len ? write_fully(fd, bytes, len) : 0;
}

/* Reads a message of n numbers and a string (at most max bytes). 1, 0 at
 * the end of the pipe, -1 for a broken message. Caller frees *bytes. */
static int
receive_message(int fd, uint64_t *numbers, size_t n, char **bytes, size_t *len, size_t max)
{
	uint64_t head[6];
	*bytes = NULL;
	int got = read_all(fd, head, (n + 1) * sizeof(uint64_t));
	if (got <= 0)
		return got;
	memcpy(numbers, head, n * sizeof(uint64_t));
	if (head[n] > max)
		return -1;
	*len = (size_t)head[n];
	*bytes = xmalloc(*len + 1);
	(*bytes)[*len] = '\0';
	if (*len > 0 && read_all(fd, *bytes, *len) != 1) {
		free(*bytes);
		*bytes = NULL;
		return -1;
	}
	return 1;
}

/* --- the worker side --- */

enum { MAX_JOB = 256 * 1024 * 1024, MAX_ERROR = 4096 };

/* Serves up to RECYCLE_AFTER jobs: [index] spec -> [index, outcome,
 * rendered, usec] error. */
static void
serve(struct render_run *run, int in, int out)
{
	char *error = NULL;
	run->renderer = renderer_new(run->format, &error);
	uint64_t hello = run->renderer != NULL;
	free(error);
	if (send_message(out, &hello, 1, NULL, 0) != 0 || !hello)
		return;
	for (size_t served = 0; served < RECYCLE_AFTER; served++) {
		uint64_t index;
		char *data;
		size_t len;
		if (receive_message(in, &index, 1, &data, &len, MAX_JOB) != 1)
			return;
		struct pathway_spec spec;
		struct result r = {0};
		if (pathway_spec_unpack(data, len, &spec) != 0) {
			free(data);
			return;
		}
		free(data);
		draw(run, &spec, &r);
		pathway_spec_free(&spec);
		const char *text = r.error ? r.error : "";
		size_t text_len = strlen(text) < MAX_ERROR ? strlen(text) : MAX_ERROR;
		uint64_t numbers[] = {index, (uint64_t)r.outcome, r.rendered, (uint64_t)r.usec};
		int sent = send_message(out, numbers, 4, text, text_len);
		free(r.error);
		if (sent != 0)
			return;
	}
}

static void run_free(struct render_run *run);
static void retire_worker(struct render_run *run, size_t k);

/* The descriptors a worker finds its pipes and the output folder on. */
enum { WORKER_JOBS = 3, WORKER_RESULTS = 4, WORKER_FOLDER = 5 };

#define WORKER_COMMAND "--render-worker"

/* In the child between fork and exec: async-signal-safe calls only. Moves
 * the descriptors out of the way first, so that none is overwritten. */
static void
exec_worker(const char *program, int jobs, int results, int folder, char *const *argv)
{
	int high[3] = {fcntl(jobs, F_DUPFD, 10), fcntl(results, F_DUPFD, 10),
		       fcntl(folder, F_DUPFD, 10)};
	if (high[0] < 0 || high[1] < 0 || high[2] < 0 ||
	    dup2(high[0], WORKER_JOBS) < 0 || dup2(high[1], WORKER_RESULTS) < 0 ||
	    dup2(high[2], WORKER_FOLDER) < 0)
		_exit(127);
	execv(program, argv);
	_exit(127);
}

/* A pipe whose ends other workers do not inherit. */
static int
pipe_cloexec(int fds[2])
{
	if (pipe(fds) != 0)
		return -1;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Starts a worker; false when no process or pipe could be had, or when
 * its Graphviz cannot render the format (run->unusable). */
static bool
start_worker(struct render_run *run)
{
	int jobs[2], results[2];
	if (pipe_cloexec(jobs) != 0)
		return false;
	if (pipe_cloexec(results) != 0) {
		close(jobs[0]);
		close(jobs[1]);
		return false;
	}
	char *argv[] = {(char *)"keten", (char *)WORKER_COMMAND,
			(char *)image_format_name(run->format),
			(char *)(run->opts.lang == LANG_EN ? "en" : "nl"), run->out->path, NULL};
	const char *program = self_path();
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0)
		exec_worker(program, jobs[0], results[1], run->out->fd, argv);
	close(jobs[0]);
	close(results[1]);
	if (pid < 0) {
		close(jobs[1]), close(results[0]);
		return false;
	}
	run->workers[run->n_workers++] = (struct worker){pid, jobs[1], results[0], false, 0, 0};
	uint64_t hello = 0;
	char *nothing;
	size_t len;
	int said = receive_message(results[0], &hello, 1, &nothing, &len, 0);
	free(nothing);
	if (said == 1 && hello == 1)
		return true;
	run->unusable = said == 1; /* it started, and cannot render the format */
	retire_worker(run, run->n_workers - 1);
	return false;
}

/* Closes a worker's pipes, waits for it and forgets it; its job, if any,
 * failed with the way it ended. */
static void
retire_worker(struct render_run *run, size_t k)
{
	struct worker w = run->workers[k];
	close(w.to);
	close(w.from);
	int status = 0;
	while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR)
		;
	if (w.busy) {
		struct result *r = &run->results[w.job];
		r->outcome = FAILED;
		free(r->error);
		r->error = msg_xasprintf(run->opts.lang, M_RENDER_CRASHED, r->file,
					 WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status));
	}
	run->workers[k] = run->workers[--run->n_workers];
}

/* Takes the result a worker sends; retires it when it is done or broken. */
static void
take_result(struct render_run *run, size_t k)
{
	struct worker *w = &run->workers[k];
	uint64_t numbers[4] = {0};
	char *error;
	size_t len;
	int got = receive_message(w->from, numbers, 4, &error, &len, MAX_ERROR);
	bool known = numbers[1] == WRITTEN || numbers[1] == FAILED || numbers[1] == DRAWING_FAILED;
	if (got == 1 && numbers[0] == w->job && known) {
		struct result *r = &run->results[w->job];
		r->outcome = (enum outcome)numbers[1];
		r->rendered = numbers[2] != 0;
		r->usec = (long)numbers[3];
		r->error = r->outcome != WRITTEN ? xstrdup(error) : NULL;
		w->busy = false;
	}
	free(error);
	if (w->busy || w->given >= RECYCLE_AFTER)
		retire_worker(run, k);
}

/* Waits until at least one busy worker has reported. */
static void
wait_for_results(struct render_run *run)
{
	struct pollfd fds[run->n_workers ? run->n_workers : 1];
	size_t n = 0, which[run->n_workers ? run->n_workers : 1];
	for (size_t k = 0; k < run->n_workers; k++)
		if (run->workers[k].busy) {
			fds[n] = (struct pollfd){run->workers[k].from, POLLIN, 0};
			which[n++] = k;
		}
	if (n == 0)
		return;
	while (poll(fds, n, -1) < 0 && errno == EINTR)
		;
	/* From the last, as retiring moves the last worker into the gap. */
	for (size_t i = n; i-- > 0;)
		if (fds[i].revents != 0)
			take_result(run, which[i]);
}

static struct worker *
idle_worker(struct render_run *run)
{
	for (;;) {
		for (size_t k = 0; k < run->n_workers; k++)
			if (!run->workers[k].busy)
				return &run->workers[k];
		if (run->n_workers < run->jobs) {
			if (start_worker(run))
				continue;
			if (run->unusable || run->n_workers == 0)
				return NULL;
		}
		wait_for_results(run);
	}
}

/* Hands the diagram to a worker, or draws it here when there is none. */
static void
dispatch(struct render_run *run, const struct pathway_spec *spec, size_t index)
{
	struct buf packed = {0};
	pathway_spec_pack(spec, &packed);
	for (int tries = 0; tries < 3 && !run->in_process; tries++) {
		struct worker *w = idle_worker(run);
		if (w == NULL && run->unusable) {
			buf_free(&packed);
			return;
		}
		if (w == NULL) {
			run->in_process = true;
			break;
		}
		uint64_t number = index;
		if (send_message(w->to, &number, 1, packed.data, packed.len) == 0) {
			w->busy = true;
			w->job = index;
			w->given++;
			buf_free(&packed);
			return;
		}
		retire_worker(run, (size_t)(w - run->workers));
	}
	buf_free(&packed);
	draw(run, spec, &run->results[index]);
}

static void
finish_workers(struct render_run *run)
{
	while (run->n_workers > 0) {
		bool busy = false;
		for (size_t k = 0; k < run->n_workers; k++)
			busy |= run->workers[k].busy;
		if (!busy)
			break;
		wait_for_results(run);
	}
	while (run->n_workers > 0)
		retire_worker(run, run->n_workers - 1);
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

/* The names the output folder holds besides the diagrams. */
static const char *const reserved_names[] = {"overview", "index", "findings"};

char *
render_diagram_file(const char *journey_id, enum image_format format)
{
	for (size_t i = 0; i < sizeof reserved_names / sizeof reserved_names[0]; i++)
		if (strcmp(journey_id, reserved_names[i]) == 0)
			return xasprintf("journey_%s.%s", journey_id, image_format_name(format));
	return xasprintf("%s.%s", journey_id, image_format_name(format));
}

/* Prepares the diagram of a journey and hands it to the pool. */
static void
add_journey(struct render_run *run, const struct checked_journey *cj)
{
	const struct doc *doc = cj->doc;
	struct result *r = add_result(run, doc);
	if (cj->broken) {
		r->outcome = SKIPPED;
		return;
	}
	if (run->unusable)
		return;
	struct marker_list markers;
	markers_of(cj, run->opts.disabled, &markers);
	struct pathway p = {doc->journey, cj->persona, cj->chain, &markers, run->opts.lang,
			    run->opts.all_lanes, cj->friction};
	struct pathway_spec spec;
	pathway_prepare(&p, run->opts.detail, &spec);
	spec.file_name = render_diagram_file(r->journey, run->format);
	markers_free(&markers);
	dispatch(run, &spec, run->n_results - 1);
	pathway_spec_free(&spec);
}

/* --- reporting --- */

/* "keten: <file>: <error>" (file NULL: without it), the control
 * characters in both escaped as in msg_error. */
static void
say_error(const char *file, const char *error)
{
	struct buf shown = {0};
	if (file != NULL) {
		text_show_controls(&shown, file, false);
		buf_puts(&shown, ": ");
	}
	text_show_controls(&shown, error, false);
	fprintf(stderr, "keten: %s\n", buf_str(&shown));
	buf_free(&shown);
}

static void
print_problems(const struct render_run *run)
{
	for (size_t i = 0; i < run->n_results; i++) {
		const struct result *r = &run->results[i];
		if (r->outcome == SKIPPED)
			msg_error(run->opts.lang, M_RENDER_SKIPPED, r->file, r->file);
		else if (r->outcome == FAILED)
			say_error(NULL, r->error);
		else if (r->outcome == DRAWING_FAILED)
			say_error(r->file, r->error);
	}
}

void
render_jobs_count(const struct render_run *run, struct render_counts *counts)
{
	memset(counts, 0, sizeof(*counts));
	for (size_t i = 0; i < run->n_results; i++) {
		enum outcome o = run->results[i].outcome;
		counts->written += o == WRITTEN;
		counts->skipped += o == SKIPPED;
		counts->failed += o == FAILED || o == DRAWING_FAILED;
	}
}

static bool
any_failed(const struct render_run *run)
{
	for (size_t i = 0; i < run->n_results; i++)
		if (run->results[i].outcome != WRITTEN && run->results[i].outcome != SKIPPED)
			return true;
	return false;
}

int
render_jobs_write_timings(const struct render_run *run, const char *path)
{
	struct buf text = {0};
	for (size_t i = 0; i < run->n_results; i++)
		if (run->results[i].rendered)
			buf_printf(&text, "%s\t%ld\n", run->results[i].journey, run->results[i].usec);
	char *error = NULL;
	int status = write_file_atomic(path, text.data ? text.data : "", text.len,
				       run->opts.lang, &error);
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
	outdir_close(&run->own_out);
	memset(run, 0, sizeof(*run));
}

/* --- the pool, for the main job --- */

static void
run_init(struct render_run *run, const struct render_options *opts, enum image_format format)
{
	memset(run, 0, sizeof(*run));
	run->opts = *opts;
	run->format = format;
	run->own_out.fd = -1;
	run->out = &run->own_out;
	run->jobs = opts->jobs > 0 ? (size_t)opts->jobs : 1;
	run->workers = xcalloc(run->jobs, sizeof(*run->workers));
}

struct render_run *
render_jobs_new(const struct render_options *opts, enum image_format format,
		struct outdir *out)
{
	struct render_run *run = xmalloc(sizeof(*run));
	run_init(run, opts, format);
	run->out = out;
	run->sigpipe = signal(SIGPIPE, SIG_IGN); /* a dead worker is an error, not a signal */
	return run;
}

void
render_jobs_add(struct render_run *run, const struct checked_journey *cj)
{
	add_journey(run, cj);
}

int
render_jobs_finish(struct render_run *run)
{
	finish_workers(run);
	signal(SIGPIPE, run->sigpipe);
	if (run->unusable) {
		msg_error(run->opts.lang, M_R_GRAPHVIZ_FORMAT, image_format_name(run->format));
		return 2;
	}
	print_problems(run);
	return any_failed(run) ? 2 : 0;
}

bool
render_jobs_usable(const struct render_run *run)
{
	return !run->unusable;
}

bool
render_jobs_drawn(const struct render_run *run, size_t i)
{
	return i < run->n_results && run->results[i].outcome == WRITTEN;
}

void
render_jobs_free(struct render_run **run)
{
	if (*run == NULL)
		return;
	run_free(*run);
	free(*run);
	*run = NULL;
}

/* --- a worker process --- */

bool
render_worker_wanted(int argc, char **argv)
{
	return argc == 5 && strcmp(argv[1], WORKER_COMMAND) == 0;
}

int
render_worker_main(int argc, char **argv)
{
	(void)argc;
	struct render_options opts = {0};
	opts.lang = strcmp(argv[3], "en") == 0 ? LANG_EN : LANG_NL;
	int format = image_format_parse(argv[2]);
	if (format < 0)
		return 2;
	struct render_run run;
	run_init(&run, &opts, (enum image_format)format);
	run.own_out.fd = WORKER_FOLDER;
	run.own_out.path = xstrdup(argv[4]);
	run.own_out.lang = opts.lang;
	serve(&run, WORKER_JOBS, WORKER_RESULTS);
	close(WORKER_JOBS);
	close(WORKER_RESULTS);
	run_free(&run);
	return 0;
}
