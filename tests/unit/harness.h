/* harness.h - a tiny unit-test harness: TEST(name) defines a test that registers itself; CHECK, INT_EQ and STR_EQ record failures with file and line. Included by: tests/unit/. */
#ifndef KETEN_HARNESS_H
#define KETEN_HARNESS_H

#include <stdio.h>
#include <string.h>

void harness_register(const char *name, void (*fn)(void));
void harness_fail(const char *file, int line, const char *what);
void harness_pass(void);

#define TEST(name)                                                          \
	static void test_##name(void);                                      \
	__attribute__((constructor)) static void register_##name(void)      \
	{                                                                   \
		harness_register(#name, test_##name);                       \
	}                                                                   \
	static void test_##name(void)

#define CHECK(cond)                                                         \
	do {                                                                \
		if (cond)                                                   \
			harness_pass();                                     \
		else                                                        \
			harness_fail(__FILE__, __LINE__, #cond);            \
	} while (0)

#define INT_EQ(got, want)                                                   \
	do {                                                                \
		long got_ = (long)(got), want_ = (long)(want);              \
		if (got_ == want_) {                                        \
			harness_pass();                                     \
		} else {                                                    \
			char what_[256];                                    \
			snprintf(what_, sizeof what_, "%s == %ld, want %ld", \
				 #got, got_, want_);                        \
			harness_fail(__FILE__, __LINE__, what_);            \
		}                                                           \
	} while (0)

#define STR_EQ(got, want)                                                   \
	do {                                                                \
		const char *got_ = (got), *want_ = (want);                  \
		if (got_ != NULL && want_ != NULL && strcmp(got_, want_) == 0) { \
			harness_pass();                                     \
		} else {                                                    \
			char what_[512];                                    \
			snprintf(what_, sizeof what_, "%s == \"%.200s\", want \"%.200s\"", \
				 #got, got_ ? got_ : "(null)",              \
				 want_ ? want_ : "(null)");                 \
			harness_fail(__FILE__, __LINE__, what_);            \
		}                                                           \
	} while (0)

#endif
