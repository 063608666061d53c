/* source.h - one input file in memory: read within the limits, BOM and CRLF normalised, UTF-8 checked, with a line table to turn offsets into locations. Included by: chain.c, workspace*.c, read.h, md_limits.h, tests/unit/, fuzz/. */
#ifndef KETEN_SOURCE_H
#define KETEN_SOURCE_H

#include "diag.h"
#include "limits.h"
#include "loc.h"

#include <stdbool.h>
#include <stddef.h>

struct source {
	const char *file;     /* the name put into locations; the reader points
			       * it at its document's copy of the path */
	char *path;           /* the path as given */
	char *data;           /* normalised text (LF line ends, no BOM), NUL-terminated */
	size_t len;
	size_t *line_starts;  /* offset of each line's first byte */
	size_t n_lines;
};

/* The path that stands for standard input ("keten check -"). */
#define SOURCE_STDIN "-"

/* True when path is SOURCE_STDIN. */
bool source_is_stdin(const char *path);

/* Reads a file, or all of standard input for SOURCE_STDIN. On failure
 * (cannot read, not a regular file, too large, empty, invalid UTF-8, NUL
 * bytes) reports S001 or S009 and returns NULL. */
struct source *source_load(const char *path, const struct limits *limits,
			   struct diags *diags);

/* The same from bytes in memory (tests, fuzzing, the embedded chain). */
struct source *source_from_memory(const char *path, const char *data,
				  size_t len, const struct limits *limits,
				  struct diags *diags);

void source_free(struct source **src);

/* True when the first byte that is no white space is '{': how a source
 * with no extension to go by (standard input) is known to be JSON. */
bool source_looks_like_json(const struct source *src);

/* The location of a byte offset in the normalised text. It counts the
 * characters from the start of the line each time: a reader that needs many
 * locations on one long line should count in one pass of its own. */
struct loc source_loc(const struct source *src, size_t offset);

/* The location of a 1-based line and 1-based byte column (as cmark gives
 * them), with the column turned into characters. */
struct loc source_loc_at(const struct source *src, int line, int byte_col);

/* The text of line `line` (1-based) and its length without the newline. */
const char *source_line(const struct source *src, int line, size_t *len);

#endif
