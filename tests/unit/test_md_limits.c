/* test_md_limits.c - unit tests of the Markdown marks count (md_limits.c): what counts as a mark, and where the count stops. */
#include "harness.h"

#include "md_limits.h"

#include <string.h>

static size_t
marks_of(const char *text)
{
	size_t at = 0;
	return md_count_marks(text, strlen(text), (size_t)-1, &at);
}

TEST(md_count_marks_counts_what_may_start_a_node)
{
	INT_EQ((long)marks_of("plain words, no marks"), 0);
	INT_EQ((long)marks_of("a\nb\n"), 2);
	INT_EQ((long)marks_of("*_[]<>!&`\\"), 10);
	/* list markers count at the start of a line only */
	INT_EQ((long)marks_of("- a - b\n"), 2);
	INT_EQ((long)marks_of("  1. 2) + x.\n"), 4);
	INT_EQ((long)marks_of("> > - a\n"), 4);
	INT_EQ((long)marks_of("e-mail, 3.5 keer\n"), 1);
}

TEST(md_count_marks_stops_past_the_limit)
{
	size_t at = 0;
	const char *text = "ab*cd*ef*";
	INT_EQ((long)md_count_marks(text, strlen(text), 2, &at), 3);
	INT_EQ((long)at, 8);
	text = "a\n- b\n";
	INT_EQ((long)md_count_marks(text, strlen(text), 1, &at), 2);
	INT_EQ((long)at, 2);
}
