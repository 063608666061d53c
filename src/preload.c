/* preload.c - worker threads that read documents ahead, handed out in input order. */
#include "preload.h"

#include "mem.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Thread safety of what a load runs: libcmark 0.30 keeps no writable state
 * outside its parser (its only writable data is the default allocator),
 * and the Markdown reader gives each parse its own arena; cJSON's parse
 * writes a global error position, so read_json parses under a lock; the
 * vocabulary index is built once under pthread_once; findings go to the
 * slot's own list until the caller takes them.
 */

enum {
	MAX_WORKERS = 64,
	AHEAD_PER_THREAD = 4, /* items read ahead per loading thread */
};

/* One item in flight. */
struct slot {
	bool done;
	struct doc *doc;
	struct diags diags;
};

struct preload {
	size_t n;             /* items */
	preload_fn *load;
	void *ctx;
	enum lang lang;
	pthread_mutex_t lock;
	pthread_cond_t work;  /* a worker may claim an item, or stop */
	pthread_cond_t ready; /* a slot is done */
	size_t next_claim;    /* the next item nobody loads yet */
	size_t taken;         /* items handed out so far */
	bool stop;
	size_t n_slots;       /* item i lives in slots[i % n_slots] */
	struct slot *slots;
	pthread_t *workers;
	size_t n_workers;
};

/* KETEN_THREADS, or -1 when it is not set or not a number 0-64. */
static long
threads_from_environment(enum lang lang)
{
	const char *v = getenv("KETEN_THREADS");
	if (v == NULL || *v == '\0')
		return -1;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || n > MAX_WORKERS) {
		fprintf(stderr, "keten: ");
		fprintf(stderr, msg(lang, M_PERF_THREADS), (int)MAX_WORKERS, v);
		fputc('\n', stderr);
		return -1;
	}
	return n;
}

/* The number of worker threads for n items. */
static size_t
workers_for(size_t n, enum lang lang)
{
	long wanted = threads_from_environment(lang);
	if (wanted < 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		wanted = cpus > 1 ? (cpus < MAX_WORKERS ? cpus : MAX_WORKERS) : 0;
	}
	/* one item is loaded where it is taken: workers only pay from two on */
	if (n < 2)
		return 0;
	return (size_t)wanted < n ? (size_t)wanted : n;
}

/* Loads item i into its slot (without the lock) and marks it done. */
static void
load_into_slot(struct preload *pl, size_t i)
{
	struct slot *s = &pl->slots[i % pl->n_slots];
	diags_init(&s->diags, pl->lang);
	struct doc *doc = pl->load(pl->ctx, i, &s->diags);
	pthread_mutex_lock(&pl->lock);
	s->doc = doc;
	s->done = true;
	pthread_cond_broadcast(&pl->ready);
	pthread_mutex_unlock(&pl->lock);
}

/* Under the lock: the next item a worker may load, or false to stop. */
static bool
claim(struct preload *pl, size_t *i)
{
	for (;;) {
		if (pl->stop || pl->next_claim >= pl->n)
			return false;
		if (pl->next_claim < pl->taken + pl->n_slots) {
			*i = pl->next_claim++;
			return true;
		}
		pthread_cond_wait(&pl->work, &pl->lock);
	}
}

static void *
worker(void *arg)
{
	struct preload *pl = arg;
	pthread_mutex_lock(&pl->lock);
	size_t i;
	while (claim(pl, &i)) {
		pthread_mutex_unlock(&pl->lock);
		load_into_slot(pl, i);
		pthread_mutex_lock(&pl->lock);
	}
	pthread_mutex_unlock(&pl->lock);
	return NULL;
}

static void
start_workers(struct preload *pl, size_t wanted)
{
	pl->workers = xcalloc(wanted ? wanted : 1, sizeof(pthread_t));
	for (size_t k = 0; k < wanted; k++) {
		/* Too few threads is slower, not wrong: the caller's thread
		 * loads whatever no worker has claimed. */
		if (pthread_create(&pl->workers[k], NULL, worker, pl) != 0)
			break;
		pl->n_workers++;
	}
}

struct preload *
preload_start(size_t n, preload_fn *load, void *ctx, enum lang lang)
{
	struct preload *pl = xcalloc(1, sizeof(*pl));
	pl->n = n;
	pl->load = load;
	pl->ctx = ctx;
	pl->lang = lang;
	pthread_mutex_init(&pl->lock, NULL);
	pthread_cond_init(&pl->work, NULL);
	pthread_cond_init(&pl->ready, NULL);
	size_t wanted = workers_for(n, lang);
	pl->n_slots = (wanted + 1) * AHEAD_PER_THREAD;
	pl->slots = xcalloc(pl->n_slots, sizeof(struct slot));
	start_workers(pl, wanted);
	return pl;
}

/* Moves a slot's findings to the end of diags, renumbered as if they had
 * been made there. */
static void
move_findings(struct diags *diags, struct diags *from)
{
	for (size_t k = 0; k < from->n; k++) {
		diags->items = xgrow(diags->items, diags->n, &diags->cap, sizeof(struct diag));
		struct diag *d = &diags->items[diags->n];
		*d = from->items[k];
		d->seq = diags->n++;
	}
	free(from->items);
	from->items = NULL;
	from->n = from->cap = 0;
}

struct doc *
preload_take(struct preload *pl, size_t i, struct diags *diags)
{
	if (i != pl->taken || i >= pl->n) {
		fprintf(stderr, "keten: preload_take(%zu) out of order\n", i);
		abort();
	}
	struct slot *s = &pl->slots[i % pl->n_slots];
	pthread_mutex_lock(&pl->lock);
	while (!s->done) {
		if (pl->next_claim == i) { /* no worker has it: load it here */
			pl->next_claim++;
			pthread_mutex_unlock(&pl->lock);
			load_into_slot(pl, i);
			pthread_mutex_lock(&pl->lock);
			continue;
		}
		pthread_cond_wait(&pl->ready, &pl->lock);
	}
	pthread_mutex_unlock(&pl->lock);
	/* The slot is ours until taken moves on: no lock needed. */
	move_findings(diags, &s->diags);
	struct doc *doc = s->doc;
	s->doc = NULL;
	s->done = false;
	pthread_mutex_lock(&pl->lock);
	pl->taken = i + 1;
	pthread_cond_broadcast(&pl->work);
	pthread_mutex_unlock(&pl->lock);
	return doc;
}

void
preload_stop(struct preload **plp)
{
	struct preload *pl = *plp;
	if (pl == NULL)
		return;
	pthread_mutex_lock(&pl->lock);
	pl->stop = true;
	pthread_cond_broadcast(&pl->work);
	pthread_mutex_unlock(&pl->lock);
	for (size_t k = 0; k < pl->n_workers; k++)
		pthread_join(pl->workers[k], NULL);
	for (size_t k = 0; k < pl->n_slots; k++) {
		doc_free(&pl->slots[k].doc);
		diags_free(&pl->slots[k].diags);
	}
	free(pl->slots);
	free(pl->workers);
	pthread_cond_destroy(&pl->ready);
	pthread_cond_destroy(&pl->work);
	pthread_mutex_destroy(&pl->lock);
	free(pl);
	*plp = NULL;
}
