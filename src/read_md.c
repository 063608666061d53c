/* read_md.c - the Markdown reader: a persona or journey file, parsed with libcmark, into the model with locations and S-diagnostics. */
#include "read.h"

#include "md_limits.h"
#include "mem.h"
#include "text.h"
#include "values.h"
#include "vocab.h"

#include <cmark.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The state of one read. */
struct md {
	struct source *src;
	struct doc *doc;
	const struct limits *limits;
	struct diags *diags;
	bool over_limit; /* too many stages or touchpoints: the file is refused */
	struct arena *arena;   /* cmark's nodes and the scratch strings */
	struct buf flat;       /* reused by flatten */
};

/* A copy of s[0..len) without blanks at either end, in the read's arena. */
static char *
scratch_trim_dup(struct md *md, const char *s, size_t len)
{
	const char *t = text_trim(s, &len);
	char *p = arena_alloc_uninit(md->arena, len + 1);
	memcpy(p, t, len);
	p[len] = '\0';
	return p;
}

/* A list item read as `key: value`; bare when key is NULL. */
struct item {
	cmark_node *node;     /* the list item */
	cmark_node *para;     /* its first paragraph, or NULL */
	char *text;           /* the paragraph's flattened, trimmed text */
	struct loc loc;       /* where the paragraph starts */
	char *key;            /* trimmed key, NULL for a bare item */
	char *value;          /* trimmed value, "" when empty; NULL when bare */
	struct loc value_loc; /* approximately where the value starts */
};

/* The stage being read and the level-3 group its items fall in. */
struct stage_state {
	struct stage *stage;
	int group;    /* enum stage_group, or -1 for ordinary items */
	bool tp_full; /* the touchpoint limit was reported */
};

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

/* --- cmark nodes --- */

static bool
is_heading(cmark_node *n, int level)
{
	return cmark_node_get_type(n) == CMARK_NODE_HEADING &&
	       cmark_node_get_heading_level(n) == level;
}

static bool
is_bullet_list(cmark_node *n)
{
	return cmark_node_get_type(n) == CMARK_NODE_LIST &&
	       cmark_node_get_list_type(n) == CMARK_BULLET_LIST;
}

/* The first level-2 heading from n on, or NULL. */
static cmark_node *
next_h2(cmark_node *n)
{
	while (n != NULL && !is_heading(n, 2))
		n = cmark_node_next(n);
	return n;
}

static struct loc
node_loc(const struct md *md, cmark_node *n)
{
	return source_loc_at(md->src, cmark_node_get_start_line(n),
			     cmark_node_get_start_column(n));
}

/* The plain text of a node's inlines, trimmed, in the read's arena. */
static char *
flatten(struct md *md, cmark_node *node)
{
	cmark_node *only = cmark_node_first_child(node);
	if (only != NULL && cmark_node_next(only) == NULL &&
	    cmark_node_get_type(only) == CMARK_NODE_TEXT) { /* the usual case */
		const char *lit = cmark_node_get_literal(only);
		return scratch_trim_dup(md, lit ? lit : "", lit ? strlen(lit) : 0);
	}
	struct buf *b = &md->flat;
	buf_clear(b);
	cmark_iter *iter = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(iter);
		const char *lit;
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			if ((lit = cmark_node_get_literal(n)) != NULL)
				buf_puts(b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(iter);
	return scratch_trim_dup(md, buf_str(b), b->len);
}

static bool
line_blank(const struct source *src, int line)
{
	size_t len;
	const char *p = source_line(src, line, &len);
	text_trim(p, &len);
	return len == 0;
}

/* Appends source lines first..last, without blank lines at either end;
 * returns the first line added, or 0 when all are blank. */
static int
add_lines(const struct source *src, struct buf *b, int first, int last)
{
	while (first <= last && line_blank(src, first))
		first++;
	while (last >= first && line_blank(src, last))
		last--;
	for (int line = first; line <= last; line++) {
		size_t len;
		const char *p = source_line(src, line, &len);
		if (line > first)
			buf_putc(b, '\n');
		buf_add(b, p, len);
	}
	return first <= last ? first : 0;
}

/* A code block fenced with VOCAB_VERBATIM_FENCE: running text as it is. */
static bool
is_verbatim_text(cmark_node *n)
{
	const char *info = cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK
			   ? cmark_node_get_fence_info(n) : NULL;
	return info != NULL && strcmp(info, VOCAB_VERBATIM_FENCE) == 0;
}

/* Appends the Markdown source of a block (of a verbatim block, its
 * content), after "\n\n" when b has text; *loc is set to the block's
 * place when it is the first. */
static void
add_raw_block(const struct md *md, struct buf *b, struct loc *loc,
	      cmark_node *block)
{
	if (b->len == 0)
		*loc = node_loc(md, block);
	else
		buf_puts(b, "\n\n");
	if (is_verbatim_text(block)) {
		const char *text = cmark_node_get_literal(block);
		size_t len = text != NULL ? strlen(text) : 0;
		buf_add(b, text != NULL ? text : "", len > 0 && text[len - 1] == '\n' ? len - 1 : len);
		return;
	}
	int first = cmark_node_get_start_line(block);
	int last = cmark_node_get_end_line(block);
	add_lines(md->src, b, first, last < first ? first : last);
}

/* --- list items --- */

static void
item_read(struct md *md, cmark_node *node, struct item *it)
{
	memset(it, 0, sizeof(*it));
	it->node = node;
	cmark_node *first = cmark_node_first_child(node);
	if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
		it->para = first;
	it->loc = node_loc(md, it->para ? it->para : node);
	it->text = it->para ? flatten(md, it->para) : scratch_trim_dup(md, "", 0);
	const char *colon = strchr(it->text, ':');
	if (colon == NULL)
		return;
	size_t key_len = (size_t)(colon - it->text);
	const char *key = text_trim(it->text, &key_len);
	if (key_len == 0)
		return;
	const char *v = colon + 1;
	while (*v == ' ' || *v == '\t')
		v++;
	/* Key and value share one copy. */
	size_t value_len = strlen(v);
	v = text_trim(v, &value_len);
	char *kv = arena_alloc_uninit(md->arena, key_len + value_len + 2);
	memcpy(kv, key, key_len);
	kv[key_len] = '\0';
	memcpy(kv + key_len + 1, v, value_len);
	kv[key_len + 1 + value_len] = '\0';
	it->key = kv;
	it->value = kv + key_len + 1;
	it->value_loc = it->loc;
	it->value_loc.col += (int)utf8_count(it->text, (size_t)(v - it->text));
}

/* --- reporting --- */

static void
report_stray(struct md *md, cmark_node *block)
{
	struct loc loc = node_loc(md, block);
	struct diag *d = diag_emit(md->diags, CODE_S006, &loc, M_S006_STRAY);
	diag_hint(md->diags, d, M_H_STRAY);
}

/* Reports the blocks of an item other than its first paragraph; lists
 * too unless lists_used. */
static void
item_stray(struct md *md, const struct item *it, bool lists_used)
{
	cmark_node *n = cmark_node_first_child(it->node);
	for (; n != NULL; n = cmark_node_next(n)) {
		bool list = cmark_node_get_type(n) == CMARK_NODE_LIST;
		if (n != it->para && !(lists_used && list))
			report_stray(md, n);
	}
}

static void
report_unknown_key(struct md *md, const struct item *it, unsigned mask)
{
	const char *near = vocab_suggest(mask, it->key);
	struct diag *d = near != NULL
	    ? diag_emit(md->diags, CODE_S006, &it->loc, M_S006_KEY_SUGGEST,
			it->key, near)
	    : diag_emit(md->diags, CODE_S006, &it->loc, M_S006_KEY, it->key);
	char *known = vocab_list(mask, md->diags->lang);
	diag_hint(md->diags, d, M_H_KEY_KEPT, known);
	free(known);
}

static void
(report_bad_value)(struct md *md, const struct item *it, enum msg m,
		   enum msg hint)
{
	struct diag *d = (diag_emit)(md->diags, CODE_S005, &it->value_loc, m,
				     it->value);
	(diag_hint)(md->diags, d, hint);
}
/* m takes the value, hint nothing: checked where the ids are written. */
#define report_bad_value(md, it, m, hint) \
	(MSG_CHECK(m, ""), MSG_CHECK(hint), (report_bad_value)(md, it, m, hint))

/* True when the item has a value; an empty one is reported. */
static bool
has_value(struct md *md, const struct item *it)
{
	if (*it->value != '\0')
		return true;
	struct diag *d = diag_emit(md->diags, CODE_S005, &it->loc,
				   M_S005_EMPTY, it->key);
	diag_hint(md->diags, d, M_H_EMPTY);
	return false;
}

/* True when s is within the text limit; otherwise reports S009. */
static bool
text_fits(struct md *md, const char *s, const struct loc *loc)
{
	size_t bytes = strlen(s);
	if ((long)bytes <= md->limits->max_text) /* never more characters than bytes */
		return true;
	long n = (long)utf8_count(s, bytes);
	if (n <= md->limits->max_text)
		return true;
	struct diag *d = diag_emit(md->diags, CODE_S009, loc, M_S009_TEXT, n,
				   md->limits->max_text);
	diag_hint(md->diags, d, M_H_TEXT);
	return false;
}

/* --- storing values --- */

static bool
set_text(struct md *md, struct text *t, const char *s, struct loc loc)
{
	if (!text_fits(md, s, &loc))
		return false;
	*t = doc_text(md->doc, s, loc);
	return true;
}

/* For names and titles, which are "" rather than absent when too long. */
static void
set_title(struct md *md, struct text *t, const char *s, struct loc loc)
{
	if (!set_text(md, t, s, loc))
		*t = doc_text(md->doc, "", loc);
}

static void
add_text(struct md *md, struct text_list *list, const char *s,
	 struct loc loc)
{
	if (!text_fits(md, s, &loc))
		return;
	if (list->n == 0 && list->loc.line == 0)
		list->loc = loc;
	text_list_add(md->doc, list, s, loc);
}

/* Adds the comma-separated parts of an item's value. */
static void
add_split(struct md *md, struct text_list *list, const struct item *it)
{
	if (!text_fits(md, it->value, &it->value_loc))
		return;
	if (list->n == 0 && list->loc.line == 0)
		list->loc = it->loc;
	text_list_add_split(md->doc, list, it->value, it->value_loc);
}

/* Keeps an item with an unknown key as a note "key: value". */
static void
keep_unknown(struct md *md, struct text_list *notes, const struct item *it,
	     unsigned mask)
{
	report_unknown_key(md, it, mask);
	char *note = *it->value ? xasprintf("%s: %s", it->key, it->value)
				: xasprintf("%s:", it->key);
	add_text(md, notes, note, it->loc);
	free(note);
}

/* Keeps an item without a key as a note. */
static void
keep_bare(struct md *md, struct text_list *notes, const struct item *it)
{
	struct diag *d = diag_emit(md->diags, CODE_S006, &it->loc,
				   M_S006_NO_KEY);
	diag_hint(md->diags, d, M_H_NO_KEY);
	add_text(md, notes, it->text, it->loc);
}

static void
(set_long)(struct md *md, struct number *num, const struct item *it,
	   long min, long max, enum msg m, enum msg hint)
{
	long v;
	if (!value_long(it->value, min, max, &v)) {
		(report_bad_value)(md, it, m, hint);
		return;
	}
	num->set = true;
	num->v = v;
	num->loc = it->value_loc;
}
/* m takes the value, hint nothing: checked where the ids are written. */
#define set_long(md, num, it, min, max, m, hint) \
	(MSG_CHECK(m, ""), MSG_CHECK(hint), (set_long)(md, num, it, min, max, m, hint))

static void
set_emotion(struct md *md, struct number *num, const struct item *it)
{
	long v;
	if (!value_emotion(it->value, &v)) {
		report_bad_value(md, it, M_S005_EMOTION, M_H_EMOTION);
		return;
	}
	num->set = true;
	num->v = v;
	num->loc = it->value_loc;
}

static void
set_duration(struct md *md, struct number *num, const struct item *it)
{
	long days;
	if (!value_duration(it->value, &days)) {
		report_bad_value(md, it, M_S005_DURATION, M_H_DURATION);
		return;
	}
	num->set = true;
	num->v = days;
	num->loc = it->value_loc;
}

static void
set_yesno(struct md *md, struct flag *flag, const struct item *it)
{
	int v = value_yesno(it->value);
	if (v == 0) {
		report_bad_value(md, it, M_S005_YESNO, M_H_YESNO);
		return;
	}
	flag->v = v;
	flag->loc = it->value_loc;
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
		if (!is_heading(n, 1))
			continue;
		if (h1 == NULL) {
			h1 = n;
			continue;
		}
		struct loc loc = node_loc(md, n);
		struct diag *d = diag_emit(md->diags, CODE_S002, &loc,
					   M_S002_MANY_H1,
					   cmark_node_get_start_line(h1));
		diag_hint(md->diags, d, M_H_MANY_H1);
	}
	cmark_node *first = cmark_node_first_child(root);
	if (h1 != NULL && first != h1) {
		struct loc loc = node_loc(md, first);
		struct diag *d = diag_emit(md->diags, CODE_S006, &loc,
					   M_S006_BEFORE_H1);
		diag_hint(md->diags, d, M_H_BEFORE_H1);
	}
	return h1;
}

/* Sets the name or title from the level-1 heading, or reports that there
 * is none and sets "". */
static void
read_h1(struct md *md, cmark_node *h1, struct text *title, struct loc *loc,
	bool persona)
{
	if (h1 == NULL) {
		struct loc top = {md->src->file, 1, 1};
		struct diag *d = diag_emit(md->diags, CODE_S002, &top,
					   M_S002_NO_H1);
		if (persona)
			diag_hint(md->diags, d, M_H_NO_H1_PERSONA);
		else
			diag_hint(md->diags, d, M_H_NO_H1_JOURNEY);
		*loc = top;
		*title = doc_text(md->doc, "", top);
		return;
	}
	*loc = node_loc(md, h1);
	const char *name = flatten(md, h1);
	if (persona && strncasecmp(name, "persona:", 8) == 0) {
		name += 8;
		while (*name == ' ' || *name == '\t')
			name++;
	}
	set_title(md, title, name, *loc);
}

/* A journey names a persona in its first bullet list before any
 * level-2 heading. */
static enum doc_kind
detect_kind(struct md *md, cmark_node *start)
{
	for (cmark_node *n = start; n && !is_heading(n, 2);
	     n = cmark_node_next(n)) {
		if (!is_bullet_list(n))
			continue;
		bool journey = false;
		cmark_node *i = cmark_node_first_child(n);
		for (; i != NULL && !journey; i = cmark_node_next(i)) {
			struct item it;
			item_read(md, i, &it);
			journey = it.key != NULL &&
				  vocab_find(VOCAB_JOURNEY_ATTR, it.key) ==
				      JA_PERSONA;
		}
		return journey ? DOC_JOURNEY : DOC_PERSONA;
	}
	return DOC_PERSONA;
}

/* --- persona --- */

static void
persona_attr(struct md *md, struct persona *p, const struct item *it)
{
	int attr = vocab_find(VOCAB_PERSONA_ATTR, it->key);
	if (attr < 0) {
		keep_unknown(md, &p->notes, it,
			     VOCAB_BIT(VOCAB_PERSONA_ATTR));
		return;
	}
	if (!has_value(md, it))
		return;
	int income;
	switch (attr) {
	case PA_ID:
		p->id_given = set_text(md, &p->id, it->value, it->value_loc);
		break;
	case PA_AGE:
		set_long(md, &p->age, it, 0, 120, M_S005_AGE, M_H_AGE);
		break;
	case PA_PLACE:
		set_text(md, &p->place, it->value, it->value_loc);
		break;
	case PA_SITUATION:
		set_text(md, &p->situation, it->value, it->value_loc);
		break;
	case PA_POSITION:
		set_text(md, &p->position, it->value, it->value_loc);
		break;
	case PA_LADDER:
		set_long(md, &p->ladder, it, 1, 6, M_S005_LADDER, M_H_LADDER);
		break;
	case PA_INCOME:
		if ((income = value_income(it->value)) == 0) {
			report_bad_value(md, it, M_S005_INCOME, M_H_INCOME);
			break;
		}
		p->income.v = income;
		p->income.loc = it->value_loc;
		break;
	case PA_TRAITS:
		add_split(md, &p->traits, it);
		break;
	case PA_NOTE:
		add_text(md, &p->notes, it->value, it->value_loc);
		break;
	}
}

static void
persona_attrs(struct md *md, struct persona *p, cmark_node *list)
{
	cmark_node *n = cmark_node_first_child(list);
	for (; n != NULL; n = cmark_node_next(n)) {
		struct item it;
		item_read(md, n, &it);
		if (it.key != NULL)
			persona_attr(md, p, &it);
		else if (*it.text != '\0')
			keep_bare(md, &p->notes, &it);
		item_stray(md, &it, false);
	}
	for (size_t i = 0; i < p->traits.n; i++)
		p->trait_mask |= trait_from_name(p->traits.items[i].s);
}

/* Between the heading and the first level-2 heading: the first bullet
 * list holds attributes, everything else is the summary. */
static void
persona_head(struct md *md, struct persona *p, cmark_node *start,
	     cmark_node *end)
{
	struct buf summary = {0};
	struct loc loc = {0};
	bool attrs_read = false;
	for (cmark_node *n = start; n != end; n = cmark_node_next(n)) {
		if (is_heading(n, 1))
			continue;
		if (!attrs_read && is_bullet_list(n)) {
			persona_attrs(md, p, n);
			attrs_read = true;
		} else {
			add_raw_block(md, &summary, &loc, n);
		}
	}
	if (summary.len > 0)
		set_text(md, &p->summary, summary.data, loc);
	buf_free(&summary);
}

/* A known list section: each item and each paragraph is an entry. */
static void
persona_list(struct md *md, struct text_list *list, cmark_node *start,
	     cmark_node *end)
{
	for (cmark_node *n = start; n != end; n = cmark_node_next(n)) {
		cmark_node_type type = cmark_node_get_type(n);
		if (is_heading(n, 1))
			continue;
		if (type == CMARK_NODE_PARAGRAPH) {
			add_text(md, list, flatten(md, n), node_loc(md, n));
			continue;
		}
		if (type != CMARK_NODE_LIST) {
			report_stray(md, n);
			continue;
		}
		cmark_node *i = cmark_node_first_child(n);
		for (; i != NULL; i = cmark_node_next(i)) {
			struct item it;
			item_read(md, i, &it);
			if (*it.text != '\0')
				add_text(md, list, it.text, it.loc);
			item_stray(md, &it, false);
		}
	}
}

/* Adds a paragraph's text to a quote being built. */
static void
quote_add(struct md *md, struct buf *b, struct loc *loc, cmark_node *para)
{
	const char *s = flatten(md, para);
	if (b->len == 0)
		*loc = node_loc(md, para);
	else
		buf_putc(b, '\n');
	buf_puts(b, s);
}

/* The quote: the paragraphs of block quotes, or plain paragraphs. */
static void
persona_quote(struct md *md, struct persona *p, cmark_node *start,
	      cmark_node *end)
{
	struct buf b = {0};
	struct loc loc = p->quote.loc;
	if (p->quote.s != NULL)
		buf_puts(&b, p->quote.s);
	for (cmark_node *n = start; n != end; n = cmark_node_next(n)) {
		cmark_node_type type = cmark_node_get_type(n);
		if (is_heading(n, 1))
			continue;
		if (type == CMARK_NODE_PARAGRAPH) {
			quote_add(md, &b, &loc, n);
			continue;
		}
		if (type != CMARK_NODE_BLOCK_QUOTE) {
			report_stray(md, n);
			continue;
		}
		cmark_node *c = cmark_node_first_child(n);
		for (; c != NULL; c = cmark_node_next(c)) {
			if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH)
				quote_add(md, &b, &loc, c);
			else
				report_stray(md, c);
		}
	}
	if (b.len > 0)
		set_text(md, &p->quote, b.data, loc);
	buf_free(&b);
}

/* A section the format does not know: its title and Markdown source. */
static void
persona_free_section(struct md *md, struct persona *p, cmark_node *heading,
		     const char *title, cmark_node *end)
{
	struct section *sec = persona_add_section(md->doc, p);
	struct loc hloc = node_loc(md, heading);
	set_title(md, &sec->title, title, hloc);
	int first = cmark_node_get_end_line(heading) + 1;
	int last = end ? cmark_node_get_start_line(end) - 1
		       : (int)md->src->n_lines;
	struct buf b = {0};
	int line = add_lines(md->src, &b, first, last);
	struct loc bloc = line ? source_loc_at(md->src, line, 1) : hloc;
	if (!set_text(md, &sec->body, buf_str(&b), bloc))
		sec->body = doc_text(md->doc, "", bloc);
	buf_free(&b);
}

static void
persona_section(struct md *md, struct persona *p, cmark_node *heading,
		cmark_node *end)
{
	const char *title = flatten(md, heading);
	cmark_node *start = cmark_node_next(heading);
	switch (vocab_find(VOCAB_PERSONA_SECTION, title)) {
	case PS_TALENTS:
		persona_list(md, &p->talents, start, end);
		break;
	case PS_NEEDS:
		persona_list(md, &p->needs, start, end);
		break;
	case PS_WORRIES:
		persona_list(md, &p->worries, start, end);
		break;
	case PS_GOALS:
		persona_list(md, &p->goals, start, end);
		break;
	case PS_NETWORK:
		persona_list(md, &p->network, start, end);
		break;
	case PS_QUOTE:
		persona_quote(md, p, start, end);
		break;
	default:
		persona_free_section(md, p, heading, title, end);
		break;
	}
}

static void
read_persona(struct md *md, cmark_node *h1, cmark_node *start)
{
	struct persona *p = arena_alloc(md->doc->arena, sizeof(*p));
	md->doc->persona = p;
	read_h1(md, h1, &p->name, &p->loc, true);
	cmark_node *h2 = next_h2(start);
	persona_head(md, p, start, h2);
	while (h2 != NULL) {
		cmark_node *after = next_h2(cmark_node_next(h2));
		persona_section(md, p, h2, after);
		h2 = after;
	}
}

/* --- journey --- */

static void
journey_attr(struct md *md, struct journey *j, const struct item *it)
{
	int attr = vocab_find(VOCAB_JOURNEY_ATTR, it->key);
	if (attr < 0) {
		keep_unknown(md, &j->notes, it,
			     VOCAB_BIT(VOCAB_JOURNEY_ATTR));
		return;
	}
	if (!has_value(md, it))
		return;
	int kind;
	switch (attr) {
	case JA_ID:
		j->id_given = set_text(md, &j->id, it->value, it->value_loc);
		break;
	case JA_PERSONA:
		set_text(md, &j->persona, it->value, it->value_loc);
		break;
	case JA_CHAIN:
		set_text(md, &j->chain, it->value, it->value_loc);
		break;
	case JA_REGION:
		set_text(md, &j->region, it->value, it->value_loc);
		break;
	case JA_KIND:
		if ((kind = value_journey_kind(it->value)) == 0) {
			report_bad_value(md, it, M_S005_KIND, M_H_KIND);
			break;
		}
		j->kind.v = kind;
		j->kind.loc = it->value_loc;
		break;
	case JA_AUTHOR:
		set_text(md, &j->author, it->value, it->value_loc);
		break;
	case JA_DATE:
		if (!value_date(it->value))
			report_bad_value(md, it, M_S005_DATE, M_H_DATE);
		else
			set_text(md, &j->date, it->value, it->value_loc);
		break;
	case JA_NOTE:
		add_text(md, &j->notes, it->value, it->value_loc);
		break;
	case JA_IGNORE:
		add_split(md, &j->ignore, it);
		break;
	}
}

/* Between the heading and the first stage: the first bullet list holds
 * attributes, everything else is the description. */
static void
journey_head(struct md *md, struct journey *j, cmark_node *start,
	     cmark_node *end)
{
	struct buf desc = {0};
	struct loc loc = {0};
	bool attrs_read = false;
	for (cmark_node *n = start; n != end; n = cmark_node_next(n)) {
		if (is_heading(n, 1))
			continue;
		if (attrs_read || !is_bullet_list(n)) {
			add_raw_block(md, &desc, &loc, n);
			continue;
		}
		attrs_read = true;
		cmark_node *i = cmark_node_first_child(n);
		for (; i != NULL; i = cmark_node_next(i)) {
			struct item it;
			item_read(md, i, &it);
			if (it.key != NULL)
				journey_attr(md, j, &it);
			else if (*it.text != '\0')
				keep_bare(md, &j->notes, &it);
			item_stray(md, &it, false);
		}
	}
	if (desc.len > 0)
		set_text(md, &j->description, desc.data, loc);
	buf_free(&desc);
}

static void
touchpoint_attr(struct md *md, struct touchpoint *tp, const struct item *it)
{
	if (it->key == NULL) {
		keep_bare(md, &tp->notes, it);
		return;
	}
	int attr = vocab_find(VOCAB_TP_ATTR, it->key);
	if (attr < 0) {
		keep_unknown(md, &tp->notes, it, VOCAB_BIT(VOCAB_TP_ATTR));
		return;
	}
	if (!has_value(md, it))
		return;
	switch (attr) {
	case TA_ACTOR:
		set_text(md, &tp->actor, it->value, it->value_loc);
		break;
	case TA_EXPLAINED:
		set_yesno(md, &tp->explained, it);
		break;
	case TA_TEXT:
		set_text(md, &tp->text, it->value, it->value_loc);
		break;
	case TA_DURATION:
		set_duration(md, &tp->duration, it);
		break;
	case TA_WARM:
		set_yesno(md, &tp->warm, it);
		break;
	case TA_EMOTION:
		set_emotion(md, &tp->emotion, it);
		break;
	case TA_NOTE:
		add_text(md, &tp->notes, it->value, it->value_loc);
		break;
	}
}

/* The lists nested under a touchpoint's item hold its attributes. */
static void
touchpoint_attrs(struct md *md, struct touchpoint *tp, const struct item *it)
{
	item_stray(md, it, true);
	cmark_node *list = cmark_node_first_child(it->node);
	for (; list != NULL; list = cmark_node_next(list)) {
		if (list == it->para ||
		    cmark_node_get_type(list) != CMARK_NODE_LIST)
			continue;
		cmark_node *n = cmark_node_first_child(list);
		for (; n != NULL; n = cmark_node_next(n)) {
			struct item sub;
			item_read(md, n, &sub);
			if (*sub.text != '\0')
				touchpoint_attr(md, tp, &sub);
			item_stray(md, &sub, false);
		}
	}
}

/* Adds a touchpoint for an item, within the stage's limit. */
static void
touchpoint_add(struct md *md, struct stage_state *ss, int kind,
	       const char *title, struct loc title_loc, const struct item *it)
{
	struct stage *st = ss->stage;
	if ((long)st->n_touchpoints >= md->limits->max_touchpoints) {
		if (ss->tp_full)
			return;
		ss->tp_full = true;
		md->over_limit = true;
		struct diag *d = diag_emit(md->diags, CODE_S009, &it->loc,
					   M_S009_TOUCHPOINTS,
					   md->limits->max_touchpoints,
					   st->title.s ? st->title.s : "");
		diag_hint(md->diags, d, M_H_TOUCHPOINTS);
		return;
	}
	struct touchpoint *tp = stage_add_touchpoint(md->doc, st);
	tp->kind = (enum tp_kind)kind;
	tp->loc = it->loc;
	set_title(md, &tp->title, title, title_loc);
	touchpoint_attrs(md, tp, it);
}

static void
stage_attr(struct md *md, struct stage *st, int attr, const struct item *it)
{
	if (!has_value(md, it))
		return;
	switch (attr) {
	case SA_ID:
		st->id_given = set_text(md, &st->id, it->value, it->value_loc);
		break;
	case SA_POSITION:
		set_text(md, &st->position, it->value, it->value_loc);
		break;
	case SA_ACTORS:
		add_split(md, &st->actors, it);
		break;
	case SA_ORGANISATION:
		set_text(md, &st->organisation, it->value, it->value_loc);
		break;
	case SA_EMOTION:
		set_emotion(md, &st->emotion, it);
		break;
	case SA_DURATION:
		set_duration(md, &st->duration, it);
		break;
	case SA_PAIN_POINT:
		add_text(md, &st->pain_points, it->value, it->loc);
		break;
	case SA_OPPORTUNITY:
		add_text(md, &st->opportunities, it->value, it->loc);
		break;
	case SA_NOTE:
		add_text(md, &st->notes, it->value, it->value_loc);
		break;
	case SA_IGNORE:
		add_split(md, &st->ignore, it);
		break;
	}
}

/* An ordinary stage item: a stage attribute or a touchpoint. */
static void
stage_item(struct md *md, struct stage_state *ss, const struct item *it)
{
	struct stage *st = ss->stage;
	if (it->key == NULL) {
		keep_bare(md, &st->notes, it);
		item_stray(md, it, false);
		return;
	}
	int attr = vocab_find(VOCAB_STAGE_ATTR, it->key);
	if (attr >= 0) {
		stage_attr(md, st, attr, it);
		item_stray(md, it, false);
		return;
	}
	int kind = vocab_find(VOCAB_TP_KIND, it->key);
	if (kind >= 0) {
		touchpoint_add(md, ss, kind, it->value, it->value_loc, it);
		return;
	}
	keep_unknown(md, &st->notes, it,
		     VOCAB_BIT(VOCAB_STAGE_ATTR) | VOCAB_BIT(VOCAB_TP_KIND));
	item_stray(md, it, false);
}

/* An item under "Touchpoints": a kind, or else a touchpoint of kind
 * other titled by the whole text. */
static void
group_touchpoint(struct md *md, struct stage_state *ss, const struct item *it)
{
	int kind = it->key ? vocab_find(VOCAB_TP_KIND, it->key) : -1;
	if (kind >= 0) {
		touchpoint_add(md, ss, kind, it->value, it->value_loc, it);
		return;
	}
	const char *near = it->key ? vocab_suggest(VOCAB_BIT(VOCAB_TP_KIND),
						   it->key)
				   : NULL;
	if (near != NULL) {
		struct diag *d = diag_emit(md->diags, CODE_S006, &it->loc,
					   M_S006_KEY_SUGGEST, it->key, near);
		char *kinds = vocab_list(VOCAB_BIT(VOCAB_TP_KIND),
					 md->diags->lang);
		diag_hint(md->diags, d, M_H_TP_KINDS, kinds);
		free(kinds);
	}
	touchpoint_add(md, ss, TP_OTHER, it->text, it->loc, it);
}

static void
stage_list(struct md *md, struct stage_state *ss, cmark_node *list)
{
	struct stage *st = ss->stage;
	cmark_node *n = cmark_node_first_child(list);
	for (; n != NULL; n = cmark_node_next(n)) {
		struct item it;
		item_read(md, n, &it);
		if (*it.text == '\0') {
			item_stray(md, &it, false);
		} else if (ss->group == SG_TOUCHPOINTS) {
			group_touchpoint(md, ss, &it);
		} else if (ss->group == SG_PAIN_POINTS) {
			add_text(md, &st->pain_points, it.text, it.loc);
			item_stray(md, &it, false);
		} else if (ss->group == SG_OPPORTUNITIES) {
			add_text(md, &st->opportunities, it.text, it.loc);
			item_stray(md, &it, false);
		} else {
			stage_item(md, ss, &it);
		}
	}
}

/* A level-3 (or deeper) heading opens a group of items. */
static void
stage_group(struct md *md, struct stage_state *ss, cmark_node *heading)
{
	const char *title = flatten(md, heading);
	ss->group = vocab_find(VOCAB_STAGE_GROUP, title);
	if (ss->group < 0) {
		struct loc loc = node_loc(md, heading);
		struct diag *d = diag_emit(md->diags, CODE_S006, &loc,
					   M_S006_GROUP, title);
		diag_hint(md->diags, d, M_H_GROUP);
	}
}

/* A stage: the level-2 heading and the blocks up to end. */
static void
read_stage(struct md *md, struct journey *j, cmark_node *heading,
	   cmark_node *end)
{
	struct stage_state ss = {journey_add_stage(md->doc, j), -1, false};
	struct stage *st = ss.stage;
	st->loc = source_loc_at(md->src, cmark_node_get_start_line(heading), 1);
	set_title(md, &st->title, flatten(md, heading), st->loc);
	struct buf desc = {0};
	struct loc loc = {0};
	cmark_node *n = cmark_node_next(heading);
	for (; n != end; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			if (cmark_node_get_heading_level(n) > 2)
				stage_group(md, &ss, n);
		} else if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
			stage_list(md, &ss, n);
		} else {
			add_raw_block(md, &desc, &loc, n);
		}
	}
	if (desc.len > 0)
		set_text(md, &st->description, desc.data, loc);
	buf_free(&desc);
}

static void
read_journey(struct md *md, cmark_node *h1, cmark_node *start)
{
	struct journey *j = arena_alloc(md->doc->arena, sizeof(*j));
	md->doc->journey = j;
	read_h1(md, h1, &j->title, &j->loc, false);
	cmark_node *h2 = next_h2(start);
	journey_head(md, j, start, h2);
	while (h2 != NULL) {
		cmark_node *after = next_h2(cmark_node_next(h2));
		if ((long)j->n_stages >= md->limits->max_stages) {
			struct loc loc = source_loc_at(
			    md->src, cmark_node_get_start_line(h2), 1);
			struct diag *d = diag_emit(md->diags, CODE_S009, &loc,
						   M_S009_STAGES,
						   md->limits->max_stages);
			diag_hint(md->diags, d, M_H_STAGES);
			md->over_limit = true;
			break;
		}
		read_stage(md, j, h2, after);
		h2 = after;
	}
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
	drop_comments(root);
	cmark_node *h1 = find_h1(&md, root);
	cmark_node *start = h1 ? cmark_node_next(h1)
			       : cmark_node_first_child(root);
	if (kind != DOC_PERSONA && kind != DOC_JOURNEY)
		md.doc->kind = kind = detect_kind(&md, start);
	if (kind == DOC_JOURNEY)
		read_journey(&md, h1, start);
	else
		read_persona(&md, h1, start);
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
