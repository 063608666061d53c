/* md_limits.h - the Markdown marks limit (S009): a pre-scan that bounds what cmark may allocate for one file. Included by: read_md.c, tests/unit/. */
#ifndef KETEN_MD_LIMITS_H
#define KETEN_MD_LIMITS_H

#include "diag.h"
#include "limits.h"
#include "source.h"

#include <stdbool.h>
#include <stddef.h>

/* The number of marks in text: the places where cmark may start a node of
 * its own (line ends, the characters * _ [ ] < > ! & ` \ anywhere, and the
 * list markers - + . ) at the start of a line). cmark makes at most a few
 * nodes per mark, so the count bounds its memory. Stops counting past
 * stop_after and sets *at to the offset of the mark that went past it. */
size_t md_count_marks(const char *text, size_t len, size_t stop_after,
		      size_t *at);

/* Reports S009 at the first mark past limits->max_marks and returns false
 * when the file has more; true otherwise. */
bool md_marks_ok(const struct source *src, const struct limits *limits,
		 struct diags *diags);

#endif
