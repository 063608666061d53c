/* harness.c - runs every registered unit test and prints "N passed, N failed". */
#include "harness.h"

#include <stdlib.h>

enum { MAX_TESTS = 512 };

static struct {
	const char *name;
	void (*fn)(void);
} tests[MAX_TESTS];
static int n_tests;
static int checks_passed, checks_failed;
static const char *current;

void
harness_register(const char *name, void (*fn)(void))
{
	if (n_tests < MAX_TESTS) {
		tests[n_tests].name = name;
		tests[n_tests].fn = fn;
		n_tests++;
	}
}

void
harness_pass(void)
{
	checks_passed++;
}

void
harness_fail(const char *file, int line, const char *what)
{
	checks_failed++;
	fprintf(stderr, "%s:%d: %s: FAILED %s\n", file, line, current, what);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
main(int argc, char **argv)
{
	qsort(tests, (size_t)n_tests, sizeof tests[0], by_name);
	int tests_failed = 0, tests_run = 0;
	for (int i = 0; i < n_tests; i++) {
		if (argc > 1 && strstr(tests[i].name, argv[1]) == NULL)
			continue;
		int before = checks_failed;
		current = tests[i].name;
		tests[i].fn();
		tests_run++;
		if (checks_failed != before)
			tests_failed++;
	}
	printf("unit: %d checks in %d tests\n", checks_passed + checks_failed, tests_run);
	printf("unit: %d passed, %d failed\n", tests_run - tests_failed, tests_failed);
	return tests_failed ? 1 : 0;
}
