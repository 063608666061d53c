/* source.c - reading an input file safely and locating offsets in it. */
#include "source.h"

#include "mem.h"
#include "path.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Drops a byte-order mark and turns CRLF and lone CR into LF, in place. */
static size_t
normalise(char *data, size_t len)
{
	size_t from = 0, to = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		from = 3;
	const char *cr = memchr(data + from, '\r', len - from);
	if (cr == NULL) { /* the common case: only the mark, if any, goes */
		if (from > 0)
			memmove(data, data + from, len - from);
		data[len - from] = '\0';
		return len - from;
	}
	for (; from < len; from++) {
		char c = data[from];
		if (c == '\r') {
			if (from + 1 < len && data[from + 1] == '\n')
				continue;
			c = '\n';
		}
		data[to++] = c;
	}
	data[to] = '\0';
	return to;
}

static void
index_lines(struct source *src)
{
	const char *data = src->data, *end = data + src->len, *nl;
	size_t cap = src->len / 32 + 16; /* lines of text are seldom shorter */
	src->line_starts = xmalloc(cap * sizeof(size_t));
	src->n_lines = 0;
	src->line_starts[src->n_lines++] = 0;
	for (const char *p = data; (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; p = nl + 1) {
		if (src->n_lines == cap)
			src->line_starts = xrealloc(src->line_starts, (cap *= 2) * sizeof(size_t));
		src->line_starts[src->n_lines++] = (size_t)(nl + 1 - data);
	}
}

static bool
only_white_space(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
			return false;
	return true;
}

/* Checks the text: not empty, valid UTF-8, no NUL. Reports the first fault. */
static bool
source_valid(struct source *src, struct diags *diags)
{
	struct loc whole = {src->file, 1, 1};
	if (only_white_space(src->data, src->len)) {
		struct diag *d = diag_emit(diags, CODE_S001, &whole, M_S001_EMPTY);
		if (path_has_extension(src->path, ".json"))
			diag_hint(diags, d, M_H_EMPTY_JSON);
		else
			diag_hint(diags, d, M_H_EMPTY_MD);
		return false;
	}
	size_t bad;
	if (!utf8_valid(src->data, src->len, &bad)) {
		struct loc at = source_loc(src, bad);
		struct diag *d = diag_emit(diags, CODE_S001, &at, M_S001_UTF8,
					   (unsigned)(unsigned char)src->data[bad]);
		diag_hint(diags, d, M_H_UTF8);
		return false;
	}
	const char *nul = memchr(src->data, '\0', src->len);
	if (nul != NULL) {
		struct loc at = source_loc(src, (size_t)(nul - src->data));
		struct diag *d = diag_emit(diags, CODE_S001, &at, M_S001_NUL);
		diag_hint(diags, d, M_H_BINARY);
		return false;
	}
	return true;
}

/* Makes a source of a buffer it takes over (with room for len + 1 bytes). */
static struct source *
source_adopt(const char *path, char *data, size_t len,
	     const struct limits *limits, struct diags *diags)
{
	struct source *src = xcalloc(1, sizeof(*src));
	src->path = xstrdup(path);
	src->file = src->path;
	src->data = data;
	if (limits != NULL && (long)len > limits->max_file_size) {
		struct loc whole = {src->file, 1, 1};
		struct diag *d = diag_emit(diags, CODE_S009, &whole, M_S009_FILE_SIZE,
					   (long)len, limits->max_file_size);
		diag_hint(diags, d, M_H_FILE_SIZE);
		source_free(&src);
		return NULL;
	}
	src->len = normalise(src->data, len);
	index_lines(src);
	if (!source_valid(src, diags))
		source_free(&src);
	return src;
}

struct source *
source_from_memory(const char *path, const char *data, size_t len,
		   const struct limits *limits, struct diags *diags)
{
	char *copy = xmalloc(len + 1);
	memcpy(copy, data, len);
	return source_adopt(path, copy, len, limits, diags);
}

static void
report_unreadable(const char *path, const char *why, struct diags *diags)
{
	struct loc whole = {path, 1, 1};
	diag_emit(diags, CODE_S001, &whole, M_S001_READ, why);
}

/* Reads at most limit + 1 bytes of an open file into *data, in one read
 * when the file is as large as `expected` says (its size from fstat). */
static bool
read_all(int fd, long limit, size_t expected, char **data, size_t *len)
{
	size_t cap = expected + 2, n = 0; /* room for the NUL and to see EOF */
	char *buf = xmalloc(cap);
	for (;;) {
		if (n + 1 >= cap) { /* room for the NUL normalise adds */
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		size_t want = cap - n - 1;
		ssize_t got = read(fd, buf + n, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(buf);
			return false;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if ((long)n > limit)
			break;
		/* A regular file reads short only at its end: no read for EOF. */
		if ((size_t)got < want && n == expected)
			break;
	}
	*data = buf;
	*len = n;
	return true;
}

bool
source_is_stdin(const char *path)
{
	return strcmp(path, SOURCE_STDIN) == 0;
}

bool
source_looks_like_json(const struct source *src)
{
	size_t i = strspn(src->data, " \t\n\r");
	return src->data[i] == '{';
}

/* All of standard input (a pipe, a terminal or a file), within the limit. */
static struct source *
source_load_stdin(const struct limits *limits, struct diags *diags)
{
	char *data;
	size_t len;
	/* No size to expect: read_all grows the buffer as the bytes come. */
	if (!read_all(STDIN_FILENO, limits->max_file_size, 0, &data, &len)) {
		report_unreadable(SOURCE_STDIN, msg_system_error(diags->lang, errno), diags);
		return NULL;
	}
	return source_adopt(SOURCE_STDIN, data, len, limits, diags);
}

struct source *
source_load(const char *path, const struct limits *limits, struct diags *diags)
{
	if (source_is_stdin(path))
		return source_load_stdin(limits, diags);
	/* Opened without blocking, so that a FIFO or a device does not stop
	 * the run here; what it is, is then asked of the open descriptor. */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		report_unreadable(path, msg_system_error(diags->lang, errno), diags);
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		close(fd);
		report_unreadable(path, msg(diags->lang, M_S001_NOT_REGULAR), diags);
		return NULL;
	}
	if (st.st_size > limits->max_file_size) {
		close(fd);
		struct loc whole = {path, 1, 1};
		struct diag *d = diag_emit(diags, CODE_S009, &whole, M_S009_FILE_SIZE,
					   (long)st.st_size, limits->max_file_size);
		diag_hint(diags, d, M_H_FILE_SIZE);
		return NULL;
	}
	char *data;
	size_t len;
	int saved;
	bool ok = read_all(fd, limits->max_file_size, (size_t)st.st_size, &data, &len);
	saved = errno;
	close(fd);
	if (!ok) {
		report_unreadable(path, msg_system_error(diags->lang, saved), diags);
		return NULL;
	}
	return source_adopt(path, data, len, limits, diags);
}

void
source_free(struct source **src)
{
	if (src == NULL || *src == NULL)
		return;
	free((*src)->path);
	free((*src)->data);
	free((*src)->line_starts);
	free(*src);
	*src = NULL;
}

/* The index of the line holding offset (binary search). */
static size_t
line_of(const struct source *src, size_t offset)
{
	size_t lo = 0, hi = src->n_lines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

struct loc
source_loc(const struct source *src, size_t offset)
{
	if (offset > src->len)
		offset = src->len;
	size_t line = line_of(src, offset);
	size_t start = src->line_starts[line];
	struct loc loc = {src->file, (int)line + 1,
			  (int)utf8_count(src->data + start, offset - start) + 1};
	return loc;
}

struct loc
source_loc_at(const struct source *src, int line, int byte_col)
{
	if (line < 1 || (size_t)line > src->n_lines) {
		struct loc loc = {src->file, line, byte_col};
		return loc;
	}
	size_t start = src->line_starts[line - 1];
	size_t end = (size_t)line < src->n_lines ? src->line_starts[line] - 1 : src->len;
	size_t offset = start + (byte_col > 0 ? (size_t)byte_col - 1 : 0);
	if (offset > end)
		offset = end;
	/* offset is on this line: count its characters without a search */
	struct loc loc = {src->file, line, (int)utf8_count(src->data + start, offset - start) + 1};
	return loc;
}

const char *
source_line(const struct source *src, int line, size_t *len)
{
	if (line < 1 || (size_t)line > src->n_lines) {
		*len = 0;
		return "";
	}
	size_t start = src->line_starts[line - 1];
	/* a line ends where the next one starts, less its newline */
	*len = (size_t)line < src->n_lines ? src->line_starts[line] - 1 - start
					   : src->len - start;
	return src->data + start;
}
