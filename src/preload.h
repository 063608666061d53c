/* preload.h - reading (and checking) documents ahead on worker threads and handing them out in input order, with their findings in the order one thread would make them. Included by: workspace.c, tests/unit/. */
#ifndef KETEN_PRELOAD_H
#define KETEN_PRELOAD_H

#include "catalog.h"
#include "diag.h"
#include "model.h"

#include <stddef.h>

/* Loads item i (reads, parses and checks one file), reporting into diags,
 * and into later what the taker may keep or throw away. Runs on any
 * thread, several at a time: it may only read what no one changes while
 * the preload runs, or take a lock. */
typedef struct doc *preload_fn(void *ctx, size_t i, struct diags *diags,
			       struct diags *later);

struct preload;

/* Starts loading items 0..n-1 ahead of preload_take, on worker threads:
 * KETEN_THREADS of them if set (0: none, everything on the caller's
 * thread), else one per processor. At most a few items per thread are
 * held ahead, so memory stays flat however many items there are. */
struct preload *preload_start(size_t n, preload_fn *load, void *ctx,
			      enum lang lang);

/* The document of item i (NULL when it could not be read); call for
 * i = 0, 1, ... in turn. Its findings are first appended to diags, in the
 * order and with the sequence numbers a single thread would have given
 * them; *later gets the load's other list (the caller frees it). The
 * caller owns the document. */
struct doc *preload_take(struct preload *pl, size_t i, struct diags *diags,
			 struct diags *later);

/* Stops the workers and frees what was not taken. */
void preload_stop(struct preload **pl);

#endif
