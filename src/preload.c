/* preload.c - worker threads that read (and check) documents ahead, handed out in input order. */
#include "preload.h"

#include "mem.h"
#include "read.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
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
	WAKE_BATCH = 4,       /* items the caller waits for at once */
};

/* One item in flight. */
struct slot {
	bool done;
	struct doc *doc;
	struct diags diags;
	struct diags later; /* findings the taker may keep or drop */
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
	size_t waiting_for;   /* the item the caller waits for, or SIZE_MAX */
	size_t idle;          /* workers waiting for room */
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
		msg_fprintf(stderr, lang, M_PERF_THREADS, (int)MAX_WORKERS, v);
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
	diags_init(&s->later, pl->lang);
	struct doc *doc = pl->load(pl->ctx, i, &s->diags, &s->later);
	pthread_mutex_lock(&pl->lock);
	s->doc = doc;
	s->done = true;
	if (pl->waiting_for == i)
		pthread_cond_signal(&pl->ready);
	pthread_mutex_unlock(&pl->lock);
}

/* Under the lock: claims the next item when there is one and a free
 * slot for it. */
static bool
claim_room(struct preload *pl, size_t *i)
{
	if (pl->next_claim >= pl->n || pl->next_claim >= pl->taken + pl->n_slots)
		return false;
	*i = pl->next_claim++;
	return true;
}

/* Under the lock: the item the caller, needing item i, waits for: the
 * last one being loaded among the next few, so that it wakes once for
 * several items rather than once for each. */
static size_t
last_in_progress(const struct preload *pl, size_t i)
{
	size_t end = pl->next_claim < i + WAKE_BATCH ? pl->next_claim : i + WAKE_BATCH;
	for (size_t j = end; j-- > i + 1;)
		if (!pl->slots[j % pl->n_slots].done)
			return j;
	return i;
}

/* Under the lock: the next item a worker may load, or false to stop. */
static bool
claim(struct preload *pl, size_t *i)
{
	for (;;) {
		if (pl->stop || pl->next_claim >= pl->n)
			return false;
		if (claim_room(pl, i))
			return true;
		pl->idle++;
		pthread_cond_wait(&pl->work, &pl->lock);
		pl->idle--;
	}
}

static void *
worker(void *arg)
{
	struct preload *pl = arg;
	read_markdown_reuse(true);
	pthread_mutex_lock(&pl->lock);
	size_t i;
	while (claim(pl, &i)) {
		pthread_mutex_unlock(&pl->lock);
		load_into_slot(pl, i);
		pthread_mutex_lock(&pl->lock);
	}
	pthread_mutex_unlock(&pl->lock);
	read_markdown_reuse(false);
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
	pl->waiting_for = SIZE_MAX;
	pthread_mutex_init(&pl->lock, NULL);
	pthread_cond_init(&pl->work, NULL);
	pthread_cond_init(&pl->ready, NULL);
	size_t wanted = workers_for(n, lang);
	pl->n_slots = (wanted + 1) * AHEAD_PER_THREAD;
	pl->slots = xcalloc(pl->n_slots, sizeof(struct slot));
	start_workers(pl, wanted);
	read_markdown_reuse(true); /* the caller's thread reads some too */
	return pl;
}

struct doc *
preload_take(struct preload *pl, size_t i, struct diags *diags, struct diags *later)
{
	if (i != pl->taken || i >= pl->n) {
		fprintf(stderr, "keten: preload_take(%zu) out of order\n", i);
		abort();
	}
	struct slot *s = &pl->slots[i % pl->n_slots];
	pthread_mutex_lock(&pl->lock);
	while (!s->done) {
		size_t j;
		if (claim_room(pl, &j)) { /* rather than wait: load one more */
			pthread_mutex_unlock(&pl->lock);
			load_into_slot(pl, j);
			pthread_mutex_lock(&pl->lock);
			continue;
		}
		pl->waiting_for = last_in_progress(pl, i);
		pthread_cond_wait(&pl->ready, &pl->lock);
		pl->waiting_for = SIZE_MAX;
	}
	pthread_mutex_unlock(&pl->lock);
	/* The slot is ours until taken moves on: no lock needed. */
	diags_move(diags, &s->diags);
	*later = s->later;
	diags_init(&s->later, pl->lang);
	struct doc *doc = s->doc;
	s->doc = NULL;
	s->done = false;
	pthread_mutex_lock(&pl->lock);
	pl->taken = i + 1;
	/* Idle workers are woken when half the slots are free, not for
	 * each one: fewer switches between threads. */
	size_t room = pl->taken + pl->n_slots - pl->next_claim;
	if (pl->idle > 0 && (2 * room >= pl->n_slots || pl->taken == pl->n))
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
	read_markdown_reuse(false);
	for (size_t k = 0; k < pl->n_slots; k++) {
		doc_free(&pl->slots[k].doc);
		diags_free(&pl->slots[k].diags);
		diags_free(&pl->slots[k].later);
	}
	free(pl->slots);
	free(pl->workers);
	pthread_cond_destroy(&pl->ready);
	pthread_cond_destroy(&pl->work);
	pthread_mutex_destroy(&pl->lock);
	free(pl);
	*plp = NULL;
}
