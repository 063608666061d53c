/* read_md_item.c - the Markdown reader's shared parts: walking cmark's nodes, reading list items as `key: value`, and storing their values in the model with S-diagnostics. */
#include "read_md_item.h"

#include "text.h"
#include "values.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* --- cmark nodes --- */

bool
md_is_heading(cmark_node *n, int level)
{
	return cmark_node_get_type(n) == CMARK_NODE_HEADING &&
	       cmark_node_get_heading_level(n) == level;
}

bool
md_is_bullet_list(cmark_node *n)
{
	return cmark_node_get_type(n) == CMARK_NODE_LIST &&
	       cmark_node_get_list_type(n) == CMARK_BULLET_LIST;
}

/* The first level-2 heading from n on, or NULL. */
cmark_node *
md_next_h2(cmark_node *n)
{
	while (n != NULL && !md_is_heading(n, 2))
		n = cmark_node_next(n);
	return n;
}

struct loc
md_node_loc(const struct md *md, cmark_node *n)
{
	return source_loc_at(md->src, cmark_node_get_start_line(n),
			     cmark_node_get_start_column(n));
}

/* The plain text of a node's inlines, trimmed, in the read's arena. */
char *
md_flatten(struct md *md, cmark_node *node)
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
int
md_add_lines(const struct source *src, struct buf *b, int first, int last)
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
void
md_add_raw_block(const struct md *md, struct buf *b, struct loc *loc,
	      cmark_node *block)
{
	if (b->len == 0)
		*loc = md_node_loc(md, block);
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
	md_add_lines(md->src, b, first, last < first ? first : last);
}

/* --- list items --- */

void
md_item_read(struct md *md, cmark_node *node, struct item *it)
{
	memset(it, 0, sizeof(*it));
	it->node = node;
	cmark_node *first = cmark_node_first_child(node);
	if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
		it->para = first;
	it->loc = md_node_loc(md, it->para ? it->para : node);
	it->text = it->para ? md_flatten(md, it->para) : scratch_trim_dup(md, "", 0);
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

void
md_report_stray(struct md *md, cmark_node *block)
{
	struct loc loc = md_node_loc(md, block);
	struct diag *d = diag_emit(md->diags, CODE_S006, &loc, M_S006_STRAY);
	diag_hint(md->diags, d, M_H_STRAY);
}

/* Reports the blocks of an item other than its first paragraph; lists
 * too unless lists_used. */
void
md_item_stray(struct md *md, const struct item *it, bool lists_used)
{
	cmark_node *n = cmark_node_first_child(it->node);
	for (; n != NULL; n = cmark_node_next(n)) {
		bool list = cmark_node_get_type(n) == CMARK_NODE_LIST;
		if (n != it->para && !(lists_used && list))
			md_report_stray(md, n);
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

void
(md_report_bad_value)(struct md *md, const struct item *it, enum msg m,
		   enum msg hint)
{
	struct diag *d = (diag_emit)(md->diags, CODE_S005, &it->value_loc, m,
				     it->value);
	(diag_hint)(md->diags, d, hint);
}

/* True when the item has a value; an empty one is reported. */
bool
md_has_value(struct md *md, const struct item *it)
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

bool
md_set_text(struct md *md, struct text *t, const char *s, struct loc loc)
{
	if (!text_fits(md, s, &loc))
		return false;
	*t = doc_text(md->doc, s, loc);
	return true;
}

/* For names and titles, which are "" rather than absent when too long. */
void
md_set_title(struct md *md, struct text *t, const char *s, struct loc loc)
{
	if (!md_set_text(md, t, s, loc))
		*t = doc_text(md->doc, "", loc);
}

void
md_add_text(struct md *md, struct text_list *list, const char *s,
	 struct loc loc)
{
	if (!text_fits(md, s, &loc))
		return;
	if (list->n == 0 && list->loc.line == 0)
		list->loc = loc;
	text_list_add(md->doc, list, s, loc);
}

/* Adds the comma-separated parts of an item's value. */
void
md_add_split(struct md *md, struct text_list *list, const struct item *it)
{
	if (!text_fits(md, it->value, &it->value_loc))
		return;
	if (list->n == 0 && list->loc.line == 0)
		list->loc = it->loc;
	text_list_add_split(md->doc, list, it->value, it->value_loc);
}

/* Keeps an item with an unknown key as a note "key: value". */
void
md_keep_unknown(struct md *md, struct text_list *notes, const struct item *it,
	     unsigned mask)
{
	report_unknown_key(md, it, mask);
	char *note = *it->value ? xasprintf("%s: %s", it->key, it->value)
				: xasprintf("%s:", it->key);
	md_add_text(md, notes, note, it->loc);
	free(note);
}

void
md_note_repeat(struct md *md, int *lines, int attr, const struct item *it)
{
	if (lines[attr] != 0) {
		struct diag *d = diag_emit(md->diags, CODE_S010, &it->loc,
					   M_S010_REPEATED, it->key, lines[attr],
					   it->value);
		diag_hint(md->diags, d, M_H_REPEATED, it->key);
	}
	lines[attr] = it->loc.line;
}

/* Keeps an item without a key as a note. */
void
md_keep_bare(struct md *md, struct text_list *notes, const struct item *it)
{
	struct diag *d = diag_emit(md->diags, CODE_S006, &it->loc,
				   M_S006_NO_KEY);
	diag_hint(md->diags, d, M_H_NO_KEY);
	md_add_text(md, notes, it->text, it->loc);
}

void
(md_set_long)(struct md *md, struct number *num, const struct item *it,
	   long min, long max, enum msg m, enum msg hint)
{
	long v;
	if (!value_long(it->value, min, max, &v)) {
		(md_report_bad_value)(md, it, m, hint);
		return;
	}
	num->set = true;
	num->v = v;
	num->loc = it->value_loc;
}

void
md_set_emotion(struct md *md, struct number *num, const struct item *it)
{
	long v;
	if (!value_emotion(it->value, &v)) {
		md_report_bad_value(md, it, M_S005_EMOTION, M_H_EMOTION);
		return;
	}
	num->set = true;
	num->v = v;
	num->loc = it->value_loc;
}

void
md_set_duration(struct md *md, struct number *num, const struct item *it)
{
	long days;
	if (!value_duration(it->value, &days)) {
		md_report_bad_value(md, it, M_S005_DURATION, M_H_DURATION);
		return;
	}
	num->set = true;
	num->v = days;
	num->loc = it->value_loc;
}

void
md_set_yesno(struct md *md, struct flag *flag, const struct item *it)
{
	int v = value_yesno(it->value);
	if (v == 0) {
		md_report_bad_value(md, it, M_S005_YESNO, M_H_YESNO);
		return;
	}
	flag->v = v;
	flag->loc = it->value_loc;
}

void
md_set_choice(struct md *md, struct choice *c, const struct item *it,
	      enum choice_set set)
{
	int v = value_choice(set, it->value);
	if (v == 0) {
		const char *near = value_choice_suggest(set, it->value);
		struct diag *d = near != NULL
		    ? diag_emit(md->diags, CODE_S005, &it->value_loc,
				M_S005_CHOICE_SUGGEST, it->key, it->value, near)
		    : diag_emit(md->diags, CODE_S005, &it->value_loc,
				M_S005_CHOICE, it->key, it->value);
		char *words = value_choice_list(set, md->diags->lang);
		diag_hint(md->diags, d, M_H_CHOICE, words);
		free(words);
		return;
	}
	c->v = v;
	c->loc = it->value_loc;
}

void
md_set_date(struct md *md, struct text *t, const struct item *it)
{
	char iso[VALUE_DATE_SIZE];
	if (!value_date(it->value, iso))
		md_report_bad_value(md, it, M_S005_DATE, M_H_DATE);
	else
		md_set_text(md, t, iso, it->value_loc);
}

/* Sets the name or title from the level-1 heading, or reports that there
 * is none and sets "". */
void
md_read_h1(struct md *md, cmark_node *h1, struct text *title, struct loc *loc,
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
	*loc = md_node_loc(md, h1);
	const char *name = md_flatten(md, h1);
	if (persona && strncasecmp(name, "persona:", 8) == 0) {
		name += 8;
		while (*name == ' ' || *name == '\t')
			name++;
	}
	md_set_title(md, title, name, *loc);
}

