/* render_jobs.h - the pool of worker processes that draws pathway diagrams into an output folder, for `keten render` and the main job. Included by: cmd_*.c, main.c. */
#ifndef KETEN_RENDER_JOBS_H
#define KETEN_RENDER_JOBS_H

#include "catalog.h"
#include "diag.h"
#include "keten.h"
#include "pathway.h"

#include <stdbool.h>
#include <stddef.h>

struct outdir;
struct render_run;

/* What the pool is asked for. */
struct render_options {
	enum lang lang;           /* of the diagrams and the messages */
	long jobs;                /* workers at a time; 0 or less: one */
	bool all_lanes;           /* a lane for every position of the chain */
	enum detail detail;       /* --detail: compact (the default) or poster */
	bool disabled[CODE__MAX]; /* rules switched off: no markers */
};

/* A pool drawing diagrams in `format` into out (which must stay open
 * until render_jobs_free); opts is copied. Nothing is forked until the
 * first journey comes. SIGPIPE is ignored until render_jobs_finish. */
struct render_run *render_jobs_new(const struct render_options *opts,
				   enum image_format format, struct outdir *out);

/* The file name of a journey's diagram: "<journey-id>.<format>", but
 * "journey_<id>.<format>" for the ids overview, index and findings, whose
 * names the main job's other files take (an id is a slug, which never
 * holds '_', so no other journey can take that name). Caller frees. */
char *render_diagram_file(const char *journey_id, enum image_format format);

/* Hands a journey just checked to the pool: a broken journey is skipped,
 * the others are drawn as render_diagram_file names them, with their markers and
 * friction. Journeys are numbered 0, 1, ... in this order. Nothing of cj
 * is kept. */
void render_jobs_add(struct render_run *run, const struct checked_journey *cj);

/* Waits for every diagram and prints, on standard error, the journeys
 * skipped and the files that could not be written (or that Graphviz
 * cannot draw the format at all). 0, or 2 when Graphviz cannot draw the
 * format or a diagram failed. */
int render_jobs_finish(struct render_run *run);

/* False when Graphviz cannot draw the format (after render_jobs_finish). */
bool render_jobs_usable(const struct render_run *run);

/* True when the diagram of journey i (in render_jobs_add order) was written. */
bool render_jobs_drawn(const struct render_run *run, size_t i);

/* The diagrams written, the journeys skipped and the diagrams failed. */
struct render_counts {
	int written, skipped, failed;
};
void render_jobs_count(const struct render_run *run, struct render_counts *counts);

/* Writes "<journey-id>\t<microseconds>" per journey drawn into the file at
 * path; 0, or -1 after saying why on standard error. */
int render_jobs_write_timings(const struct render_run *run, const char *path);

void render_jobs_free(struct render_run **run);

/* A worker process is keten started as "keten --render-worker FORMAT LANG
 * FOLDER" by the pool, with its pipes and the output folder open on
 * descriptors 3, 4 and 5; main() asks render_worker_wanted first. */
bool render_worker_wanted(int argc, char **argv);
int render_worker_main(int argc, char **argv);

#endif
