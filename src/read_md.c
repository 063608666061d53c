/* read_md.c - the Markdown reader: a persona, journey or title-page file, parsed with libcmark, into the model with locations and S-diagnostics. */
#include "read_md_item.h"

#include "keten.h"
#include "md_limits.h"
#include "text.h"
#include "vocab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* --- memory for one read --- */

/* cmark's nodes and the reader's own scratch strings live in one arena
 * (mem.h) per read, dropped whole at the end: no malloc and free per node
 * or per item, and no walk over the tree to free it. */
enum {
	MD_MAX_FIRST_BLOCK = 4 << 20,
	MD_MAX_KEEP = 4 << 20, /* a bigger block is not kept for the next read */
};

/* Each allocation of cmark's is preceded by its size, for realloc. */
struct md_header {
	_Alignas(16) size_t size;
};

/* A thread that reads many files keeps the arena of one read, with its
 * biggest block, for the next (read_markdown_reuse), rather than giving it
 * back and having the pages faulted in again. */
static _Thread_local bool md_reuse;
static _Thread_local struct arena *md_kept;

/* The arena of a read expected to need about `expect` bytes. */
static struct arena *
md_arena_take(size_t expect)
{
	struct arena *a = md_kept;
	md_kept = NULL; /* a read inside this one gets an arena of its own */
	if (a == NULL)
		a = arena_new();
	arena_reserve(a, expect);
	return a;
}

static void
md_arena_drop(struct arena *a)
{
	if (md_reuse && md_kept == NULL) {
		arena_reset(a, MD_MAX_KEEP);
		md_kept = a;
	} else {
		arena_free(&a);
	}
}

void
read_markdown_reuse(bool on)
{
	md_reuse = on;
	if (!on)
		arena_free(&md_kept);
}

/* cmark's allocator has no context argument: the arena of the read
 * running on this thread is found here. */
static _Thread_local struct arena *md_current;

static void *
md_alloc(size_t size)
{
	if (size > SIZE_MAX / 2)
		xmalloc(SIZE_MAX); /* reports and exits */
	struct md_header *h = arena_alloc_uninit(md_current, sizeof(*h) + size);
	h->size = size;
	return h + 1;
}

static void *
md_calloc(size_t count, size_t size)
{
	size_t bytes;
	if (__builtin_mul_overflow(count, size, &bytes))
		xmalloc(SIZE_MAX); /* reports and exits */
	void *p = md_alloc(bytes);
	memset(p, 0, bytes);
	return p;
}

static void *
md_realloc(void *p, size_t size)
{
	if (p == NULL)
		return md_alloc(size);
	struct md_header *h = (struct md_header *)p - 1;
	if (size <= SIZE_MAX / 2 && arena_resize_last(md_current, h, sizeof(*h) + size)) {
		h->size = size;
		return p;
	}
	size_t old = h->size;
	void *fresh = md_alloc(size);
	memcpy(fresh, p, old < size ? old : size);
	return fresh;
}

/* Memory is given back when the read ends; only the latest allocation
 * can be given back before. */
static void
md_free(void *p)
{
	if (p != NULL)
		arena_release_last(md_current, (struct md_header *)p - 1);
}

static cmark_mem md_cmark_mem = {md_calloc, md_realloc, md_free};

/* --- nesting depth, before cmark sees the text --- */

/* The offset from which the rest of the line is a thematic break (three
 * or more of one of - * _ with only blanks between), or len. */
static size_t
thematic_break_start(const char *p, size_t len)
{
	size_t start = len;
	char mark = 0;
	int count = 0;
	for (size_t i = len; i > 0; i--) {
		char c = p[i - 1];
		if (c == ' ' || c == '\t')
			continue;
		if ((c != '-' && c != '*' && c != '_') || (mark && c != mark))
			break;
		mark = c;
		if (++count >= 3)
			start = i - 1;
	}
	return start;
}

/* The length of a list marker at p (a bullet, or 1-9 digits and '.' or
 * ')') followed by a blank or the end of the line; 0 when there is none. */
static size_t
list_marker(const char *p, size_t len)
{
	size_t n = 0;
	if (len > 0 && (p[0] == '-' || p[0] == '*' || p[0] == '+')) {
		n = 1;
	} else {
		while (n < len && n < 9 && p[n] >= '0' && p[n] <= '9')
			n++;
		if (n == 0 || n == len || (p[n] != '.' && p[n] != ')'))
			return 0;
		n++;
	}
	if (n < len && p[n] != ' ' && p[n] != '\t')
		return 0;
	return n;
}

/* Counts the containers a line opens: its leading '>' and list markers,
 * plus its indentation / 2. Returns true and the offset of the marker
 * that goes beyond max when there are too many. */
static bool
line_too_deep(const char *p, size_t len, long max, size_t *at)
{
	/* Each character adds at most two (a tab: four columns of
	 * indentation): a short line, or one that opens no container,
	 * cannot be too deep (most lines, quickly). */
	if (2 * (long)len <= max || !(p[0] == ' ' || p[0] == '\t' || p[0] == '>' ||
				 p[0] == '-' || p[0] == '*' || p[0] == '+' ||
				 (p[0] >= '0' && p[0] <= '9')))
		return false;
	size_t tb = thematic_break_start(p, len);
	long markers = 0, indent = 0, col = 0;
	size_t i = 0;
	for (;;) {
		for (; i < len && (p[i] == ' ' || p[i] == '\t'); i++) {
			long w = p[i] == '\t' ? 4 - col % 4 : 1;
			indent += w;
			col += w;
		}
		if (i >= tb)
			return false;
		size_t n;
		if (i < len && p[i] == '>')
			n = i + 1 < len && p[i + 1] == ' ' ? 2 : 1;
		else if ((n = list_marker(p + i, len - i)) > 0)
			n += i + n < len;
		else
			return false;
		if (++markers + indent / 2 > max) {
			*at = i;
			return true;
		}
		i += n;
		col += (long)n;
	}
}

/* Reports S009 at the first line nested deeper than the limit. */
static bool
depth_ok(struct source *src, const struct limits *limits,
	 struct diags *diags)
{
	for (size_t line = 1; line <= src->n_lines; line++) {
		size_t len, at;
		const char *p = source_line(src, (int)line, &len);
		if (!line_too_deep(p, len, limits->max_depth, &at))
			continue;
		struct loc loc = source_loc(src, (size_t)(p - src->data) + at);
		struct diag *d = diag_emit(diags, CODE_S009, &loc, M_S009_DEPTH,
					   limits->max_depth);
		diag_hint(diags, d, M_H_DEPTH);
		return false;
	}
	return true;
}

/* --- the level-1 heading --- */

/* Finds the level-1 heading, reports the extra ones and the blocks
 * before it. */
static cmark_node *
find_h1(struct md *md, cmark_node *root)
{
	cmark_node *h1 = NULL;
	cmark_node *n = cmark_node_first_child(root);
	for (; n != NULL; n = cmark_node_next(n)) {
		if (!md_is_heading(n, 1))
			continue;
		if (h1 == NULL) {
			h1 = n;
			continue;
		}
		struct loc loc = md_node_loc(md, n);
		struct diag *d = diag_emit(md->diags, CODE_S002, &loc,
					   M_S002_MANY_H1,
					   cmark_node_get_start_line(h1));
		diag_hint(md->diags, d, M_H_MANY_H1);
	}
	cmark_node *first = cmark_node_first_child(root);
	if (h1 != NULL && first != h1) {
		struct loc loc = md_node_loc(md, first);
		struct diag *d = diag_emit(md->diags, CODE_S006, &loc,
					   M_S006_BEFORE_H1);
		diag_hint(md->diags, d, M_H_BEFORE_H1);
	}
	return h1;
}


/* A journey names a persona in its first bullet list before any
 * level-2 heading. */
static enum doc_kind
detect_kind(struct md *md, cmark_node *start)
{
	for (cmark_node *n = start; n && !md_is_heading(n, 2);
	     n = cmark_node_next(n)) {
		if (!md_is_bullet_list(n))
			continue;
		bool journey = false;
		cmark_node *i = cmark_node_first_child(n);
		for (; i != NULL && !journey; i = cmark_node_next(i)) {
			struct item it;
			md_item_read(md, i, &it);
			journey = it.key != NULL &&
				  vocab_find(VOCAB_JOURNEY_ATTR, it.key) ==
				      JA_PERSONA;
		}
		return journey ? DOC_JOURNEY : DOC_PERSONA;
	}
	return DOC_PERSONA;
}


/* --- comments --- */

/* True for an HTML block that is one comment and nothing else:
 * `<!-- ... -->`, on lines of its own. */
static bool
is_comment(cmark_node *n)
{
	if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK)
		return false;
	const char *lit = cmark_node_get_literal(n);
	size_t len = lit ? strlen(lit) : 0;
	const char *s = text_trim(lit ? lit : "", &len);
	if (len < 7 || strncmp(s, "<!--", 4) != 0)
		return false;
	const char *close = strstr(s + 4, "-->");
	return close == s + len - 3;
}

/* Takes the comments out of the tree: they are notes to the writer
 * (`keten new` fills its templates with them), not content. The blocks
 * that hold blocks are searched too; the depth was checked before. */
static void
drop_comments(cmark_node *parent)
{
	cmark_node *n = cmark_node_first_child(parent);
	while (n != NULL) {
		cmark_node *next = cmark_node_next(n);
		cmark_node_type type = cmark_node_get_type(n);
		if (is_comment(n))
			cmark_node_unlink(n); /* its memory goes with the arena */
		else if (type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM ||
			 type == CMARK_NODE_BLOCK_QUOTE)
			drop_comments(n);
		n = next;
	}
}

/* False when the text has no "<!--", so its tree has no comment to drop
 * (an HTML block keeps its text as written). */
static bool
may_hold_comment(const char *data, size_t len)
{
	for (const char *p = data, *end = data + len;
	     (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			return true;
	return false;
}

/* --- the reader --- */

struct doc *
read_markdown(struct source *src, enum doc_kind kind,
	      const struct limits *limits, struct diags *diags)
{
	size_t first_diag = diags->n;
	if (!depth_ok(src, limits, diags) || !md_marks_ok(src, limits, diags))
		return NULL;
	struct md md = {src, doc_new(src->path, kind, FORMAT_MARKDOWN), limits,
			diags, false, NULL, {0}};
	src->file = md.doc->path;
	/* cmark takes about 20 bytes of nodes and buffers per byte of a
	 * journey; a bigger file gets more blocks as it needs them. */
	md.arena = md_arena_take(src->len < MD_MAX_FIRST_BLOCK / 24
				 ? 24 * src->len + 16 * 1024 : MD_MAX_FIRST_BLOCK);
	struct arena *outer = md_current;
	md_current = md.arena;
	cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &md_cmark_mem);
	cmark_parser_feed(parser, src->data, src->len);
	cmark_node *root = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	if (may_hold_comment(src->data, src->len))
		drop_comments(root);
	cmark_node *h1 = find_h1(&md, root);
	cmark_node *start = h1 ? cmark_node_next(h1)
			       : cmark_node_first_child(root);
	if (kind != DOC_PERSONA && kind != DOC_JOURNEY && kind != DOC_WORKSPACE)
		md.doc->kind = kind = detect_kind(&md, start);
	if (kind == DOC_JOURNEY)
		md_read_journey(&md, h1, start);
	else if (kind == DOC_WORKSPACE)
		md_read_cover(&md, h1, start);
	else
		md_read_persona(&md, h1, start);
	md_current = outer;
	md_arena_drop(md.arena); /* cmark's tree goes with it */
	buf_free(&md.flat);
	if (md.over_limit) {
		/* A file beyond a limit is refused whole: checking the part
		 * that was read would only bury the one finding that counts. */
		doc_free(&md.doc);
		return NULL;
	}
	md.doc->broken = diags_has_error_since(diags, first_diag);
	return md.doc;
}

const char *
keten_cmark_version(void)
{
	return cmark_version_string();
}
