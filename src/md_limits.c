/* md_limits.c - counts a Markdown file's marks before cmark sees it, so that the memory of one file is bounded (S009, --max-marks). */
#include "md_limits.h"

#include <string.h>

/* The characters that may start a node anywhere in a line. */
static bool
is_inline_mark(unsigned char c)
{
	switch (c) {
	case '*': case '_': case '[': case ']': case '<': case '>':
	case '!': case '&': case '`': case '\\': case '\n':
		return true;
	default:
		return false;
	}
}

/* Counts the list markers (- + . ) and > *) among the blanks and digits
 * at the start of the line at text[i], up to stop_after; returns where the
 * rest of the line starts, or where the mark past stop_after is. */
static size_t
count_line_start(const char *text, size_t len, size_t i, size_t *marks,
		 size_t stop_after)
{
	for (; i < len; i++) {
		char c = text[i];
		if (c == '-' || c == '+' || c == '.' || c == ')' || c == '*' || c == '>') {
			if (++*marks > stop_after)
				return i;
		} else if (!(c == ' ' || c == '\t' || (c >= '0' && c <= '9'))) {
			break;
		}
	}
	return i;
}

size_t
md_count_marks(const char *text, size_t len, size_t stop_after, size_t *at)
{
	size_t marks = 0, i = 0;
	while (i < len) {
		i = count_line_start(text, len, i, &marks, stop_after);
		if (marks > stop_after) {
			*at = i;
			return marks;
		}
		for (; i < len; i++) {
			unsigned char c = (unsigned char)text[i];
			if (!is_inline_mark(c))
				continue;
			if (++marks > stop_after) {
				*at = i;
				return marks;
			}
			if (c == '\n') {
				i++;
				break;
			}
		}
	}
	return marks;
}

bool
md_marks_ok(const struct source *src, const struct limits *limits,
	    struct diags *diags)
{
	size_t limit = limits->max_marks < 0 ? 0 : (size_t)limits->max_marks;
	if (src->len <= limit) /* never more marks than bytes */
		return true;
	size_t at = 0;
	size_t marks = md_count_marks(src->data, src->len, limit, &at);
	if (marks <= limit)
		return true;
	struct loc loc = source_loc(src, at);
	struct diag *d = diag_emit(diags, CODE_S009, &loc, M_S009_MARKS,
				   limits->max_marks);
	diag_hint(diags, d, M_H_MARKS);
	return false;
}
