/* test_preload.c - unit tests of the preload: items come out in input order with their findings in order, however many threads read them and in whatever order they finish. */
#include "harness.h"

#include "diag.h"
#include "mem.h"
#include "model.h"
#include "preload.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { ITEMS = 60 };

/* Item i: (i % 4) findings, one more in the later list when i % 5 == 0
 * (with a suppressed count), no document when i % 7 == 6, and a short
 * pause that varies, so that workers finish out of order. */
static struct doc *
load_item(void *ctx, size_t i, struct diags *diags, struct diags *later)
{
	int *loaded = ctx;
	struct timespec pause = {0, (long)((i * 37) % 5) * 200000};
	nanosleep(&pause, NULL);
	char path[32];
	snprintf(path, sizeof path, "item-%zu", i);
	for (size_t k = 0; k < i % 4; k++) {
		char key[32];
		snprintf(key, sizeof key, "k%zu-%zu", i, k);
		struct loc at = {path, (int)k + 1, 1};
		diag_emit(diags, CODE_S006, &at, M_S006_KEY, key);
	}
	if (i % 5 == 0) {
		struct loc at = {path, 9, 1};
		diag_emit(later, CODE_K013, &at, M_S006_KEY, "later");
		later->suppressed[CODE_K001]++;
	}
	__atomic_fetch_add(&loaded[i], 1, __ATOMIC_RELAXED);
	if (i % 7 == 6)
		return NULL;
	return doc_new(path, DOC_JOURNEY, FORMAT_MARKDOWN);
}

/* Takes every item with KETEN_THREADS set to threads and checks order,
 * documents, findings and their sequence numbers. */
static void
take_all(const char *threads)
{
	setenv("KETEN_THREADS", threads, 1);
	int loaded[ITEMS] = {0};
	struct diags diags;
	diags_init(&diags, LANG_EN);
	diag_emit(&diags, CODE_S006, NULL, M_S006_KEY, "before"); /* one already there */
	struct preload *pl = preload_start(ITEMS, load_item, loaded, LANG_EN);
	size_t want_diags = 1;
	for (size_t i = 0; i < ITEMS; i++) {
		struct diags later;
		struct doc *doc = preload_take(pl, i, &diags, &later);
		char path[32];
		snprintf(path, sizeof path, "item-%zu", i);
		/* the later list comes apart, to be kept or dropped */
		INT_EQ(later.n, i % 5 == 0);
		INT_EQ(later.suppressed[CODE_K001], i % 5 == 0);
		if (later.n == 1)
			STR_EQ(later.items[0].file, path);
		diags_free(&later);
		if (i % 7 == 6) {
			CHECK(doc == NULL);
		} else {
			CHECK(doc != NULL && strcmp(doc->path, path) == 0);
		}
		doc_free(&doc);
		want_diags += i % 4;
		INT_EQ(diags.n, want_diags);
	}
	preload_stop(&pl);
	CHECK(pl == NULL);
	/* findings in input order, numbered as one thread would number them */
	size_t at = 1;
	for (size_t i = 0; i < ITEMS; i++)
		for (size_t k = 0; k < i % 4; k++, at++) {
			char want[64];
			snprintf(want, sizeof want, "unknown key 'k%zu-%zu'", i, k);
			STR_EQ(diags.items[at].message, want);
			INT_EQ(diags.items[at].seq, at);
		}
	for (size_t i = 0; i < ITEMS; i++)
		INT_EQ(loaded[i], 1);
	diags_free(&diags);
	unsetenv("KETEN_THREADS");
}

TEST(preload_keeps_input_order_with_any_number_of_threads)
{
	take_all("0");
	take_all("1");
	take_all("2");
	take_all("7");
	take_all("64");
}

TEST(preload_stops_early_and_frees_what_was_not_taken)
{
	setenv("KETEN_THREADS", "3", 1);
	int loaded[ITEMS] = {0};
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct preload *pl = preload_start(ITEMS, load_item, loaded, LANG_EN);
	for (size_t i = 0; i < 10; i++) {
		struct diags later;
		struct doc *doc = preload_take(pl, i, &diags, &later);
		doc_free(&doc);
		diags_free(&later);
	}
	preload_stop(&pl); /* items read ahead are freed here */
	CHECK(pl == NULL);
	for (size_t i = 0; i < 10; i++)
		INT_EQ(loaded[i], 1);
	size_t ahead = 0;
	for (size_t i = 10; i < ITEMS; i++) {
		CHECK(loaded[i] <= 1);
		ahead += (size_t)loaded[i];
	}
	CHECK(ahead <= 16); /* never more than the slots ahead */
	diags_free(&diags);
	unsetenv("KETEN_THREADS");
}

TEST(preload_of_nothing)
{
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct preload *pl = preload_start(0, load_item, NULL, LANG_EN);
	preload_stop(&pl);
	CHECK(pl == NULL);
	INT_EQ(diags.n, 0);
	diags_free(&diags);
}

TEST(preload_lets_a_fork_through_while_threads_read)
{
	setenv("KETEN_THREADS", "2", 1);
	int loaded[ITEMS] = {0};
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct preload *pl = preload_start(ITEMS, load_item, loaded, LANG_EN);
	for (size_t i = 0; i < ITEMS; i++) {
		struct diags later;
		struct doc *doc = preload_take(pl, i, &diags, &later);
		doc_free(&doc);
		diags_free(&later);
		if (i % 10 != 3)
			continue;
		/* as keten render starts a drawing worker (which then execs
		 * at once): the reading goes on after the fork */
		pid_t pid = fork();
		if (pid == 0)
			_exit(7);
		int status = 0;
		CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	}
	preload_stop(&pl);
	for (size_t i = 0; i < ITEMS; i++)
		INT_EQ(loaded[i], 1);
	diags_free(&diags);
	unsetenv("KETEN_THREADS");
}
