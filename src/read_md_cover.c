/* read_md_cover.c - the Markdown reader of the report's title page (werkruimte.md / workspace.md): its title, its attribute list and its introduction. */
#include "read_md_item.h"

#include "keten.h"
#include "vocab.h"

#include <stdlib.h>

/* An unknown key is shown as written all the same: a warning with the
 * nearest known key. */
static void
report_unknown_fact(struct md *md, const struct item *it)
{
	unsigned mask = VOCAB_BIT(VOCAB_COVER_ATTR);
	const char *near = vocab_suggest(mask, it->key);
	struct diag *d = near != NULL
	    ? diag_emit(md->diags, CODE_S006, &it->loc, M_S006_KEY_SUGGEST, it->key, near)
	    : diag_emit(md->diags, CODE_S006, &it->loc, M_S006_KEY, it->key);
	char *known = vocab_list(mask, md->diags->lang);
	diag_hint(md->diags, d, M_H_COVER_KEY, known);
	free(known);
}

/* One item of the attribute list: a fact "key: value"; a bare item is
 * reported and kept as a fact without a key. */
static void
cover_fact(struct md *md, struct cover *c, const struct item *it)
{
	if (it->key == NULL) {
		if (*it->text == '\0')
			return;
		struct diag *d = diag_emit(md->diags, CODE_S006, &it->loc, M_S006_NO_KEY);
		diag_hint(md->diags, d, M_H_COVER_NO_KEY);
	} else if (vocab_find(VOCAB_COVER_ATTR, it->key) < 0) {
		report_unknown_fact(md, it);
	} else if (!md_has_value(md, it)) {
		return;
	}
	struct text key = {0}, value = {0};
	const char *v = it->key != NULL ? it->value : it->text;
	if (!md_set_text(md, &key, it->key != NULL ? it->key : "", it->loc) ||
	    !md_set_text(md, &value, v, it->value_loc))
		return;
	text_list_add(md->doc, &c->fact_keys, key.s, key.loc);
	text_list_add(md->doc, &c->fact_values, value.s, value.loc);
}

static void
cover_facts(struct md *md, struct cover *c, cmark_node *list)
{
	for (cmark_node *n = cmark_node_first_child(list); n != NULL; n = cmark_node_next(n)) {
		struct item it;
		md_item_read(md, n, &it);
		cover_fact(md, c, &it);
		md_item_stray(md, &it, false);
	}
}

/* The first bullet list that starts with a "key: value" item, before any
 * level-2 heading, holds the attributes. */
static bool
is_fact_list(struct md *md, cmark_node *n)
{
	if (!md_is_bullet_list(n))
		return false;
	struct item it;
	md_item_read(md, cmark_node_first_child(n), &it);
	return it.key != NULL;
}

/* A block of the introduction as the report's text takes it (report.c,
 * report_markdown_text): a paragraph or heading as its plain text, with
 * emphasis, links and escapes read as Markdown reads them; a list as "- "
 * lines; any other block as written. */
static void
intro_block(struct md *md, struct buf *intro, struct loc *loc, cmark_node *n)
{
	cmark_node_type type = cmark_node_get_type(n);
	if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING && type != CMARK_NODE_LIST) {
		md_add_raw_block(md, intro, loc, n);
		return;
	}
	if (intro->len == 0)
		*loc = md_node_loc(md, n);
	else
		buf_puts(intro, "\n\n");
	if (type != CMARK_NODE_LIST) {
		buf_puts(intro, md_flatten(md, n));
		return;
	}
	for (cmark_node *i = cmark_node_first_child(n); i != NULL; i = cmark_node_next(i)) {
		struct item it;
		md_item_read(md, i, &it);
		buf_printf(intro, "%s- %s", i == cmark_node_first_child(n) ? "" : "\n", it.text);
	}
}

void
md_read_cover(struct md *md, cmark_node *h1, cmark_node *start)
{
	struct cover *c = arena_alloc(md->doc->arena, sizeof(*c));
	md->doc->cover = c;
	if (h1 == NULL) {
		struct loc top = {md->src->file, 1, 1};
		struct diag *d = diag_emit(md->diags, CODE_S002, &top, M_S002_NO_H1);
		diag_hint(md->diags, d, M_H_NO_H1_COVER);
		c->loc = top;
		c->title = doc_text(md->doc, "", top);
	} else {
		md_read_h1(md, h1, &c->title, &c->loc, false);
	}
	struct buf intro = {0};
	struct loc loc = c->loc;
	bool facts_read = false, in_sections = false;
	for (cmark_node *n = start; n != NULL; n = cmark_node_next(n)) {
		if (md_is_heading(n, 1))
			continue;
		in_sections = in_sections || md_is_heading(n, 2);
		if (!facts_read && !in_sections && is_fact_list(md, n)) {
			cover_facts(md, c, n);
			facts_read = true;
		} else {
			intro_block(md, &intro, &loc, n);
		}
	}
	if (intro.len > 0)
		md_set_text(md, &c->intro, intro.data, loc);
	buf_free(&intro);
}
