/* render_jobs.h - the pool of worker processes that draws pathway diagrams into an output folder, for `keten render` and the main job. Included by: main.c, cmd_main.c, cmd_render.c. */
#ifndef KETEN_RENDER_JOBS_H
#define KETEN_RENDER_JOBS_H

#include "pathway.h"

#include <stdbool.h>
#include <stddef.h>

struct cli;
struct doc;
struct outdir;
struct workspace;
struct render_run;

/* A pool drawing diagrams in `format` into out (which must stay open
 * until render_jobs_free); up to cli->jobs workers at a time. Nothing is
 * forked until the first journey comes. */
struct render_run *render_jobs_new(const struct cli *cli, enum image_format format,
				   struct outdir *out);

/* Hands a journey just checked (from a workspace_check_journeys callback)
 * to the pool: a broken journey is skipped, the others are drawn as
 * "<journey-id>.<format>". Journeys are numbered 0, 1, … in this order. */
void render_jobs_add(struct render_run *run, struct workspace *ws, struct doc *journey);

/* Waits for every diagram and prints, on standard error, the journeys
 * skipped and the files that could not be written. 0, or 2 when Graphviz
 * cannot draw the format or a diagram failed. */
int render_jobs_finish(struct render_run *run);

/* True when the diagram of journey i (in render_jobs_add order) was written. */
bool render_jobs_drawn(const struct render_run *run, size_t i);

void render_jobs_free(struct render_run **run);

/* A worker process is keten started as "keten --render-worker FORMAT LANG
 * FOLDER" by the pool, with its pipes and the output folder open on
 * descriptors 3, 4 and 5; main() asks render_worker_wanted first. */
bool render_worker_wanted(int argc, char **argv);
int render_worker_main(int argc, char **argv);

#endif
