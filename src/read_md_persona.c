/* read_md_persona.c - the Markdown reader of a persona: its attribute list, summary, list sections, quote and free sections. */
#include "read_md_item.h"

#include "values.h"
#include "vocab.h"

/* --- persona --- */

static void
persona_attr(struct md *md, struct persona *p, const struct item *it,
	     int *lines)
{
	int attr = vocab_find(VOCAB_PERSONA_ATTR, it->key);
	if (attr < 0) {
		md_keep_unknown(md, &p->notes, it,
			     VOCAB_BIT(VOCAB_PERSONA_ATTR));
		return;
	}
	if (!md_has_value(md, it))
		return;
	if (attr != PA_TRAITS && attr != PA_NOTE)
		md_note_repeat(md, lines, attr, it);
	int income;
	switch (attr) {
	case PA_ID:
		p->id_given = md_set_text(md, &p->id, it->value, it->value_loc);
		break;
	case PA_AGE:
		md_set_long(md, &p->age, it, 0, 120, M_S005_AGE, M_H_AGE);
		break;
	case PA_PLACE:
		md_set_text(md, &p->place, it->value, it->value_loc);
		break;
	case PA_SITUATION:
		md_set_text(md, &p->situation, it->value, it->value_loc);
		break;
	case PA_POSITION:
		md_set_text(md, &p->position, it->value, it->value_loc);
		break;
	case PA_LADDER:
		md_set_long(md, &p->ladder, it, 1, 6, M_S005_LADDER, M_H_LADDER);
		break;
	case PA_INCOME:
		if ((income = value_income(it->value)) == 0) {
			md_report_bad_value(md, it, M_S005_INCOME, M_H_INCOME);
			break;
		}
		p->income.v = income;
		p->income.loc = it->value_loc;
		break;
	case PA_TRAITS:
		md_add_split(md, &p->traits, it);
		break;
	case PA_NOTE:
		md_add_text(md, &p->notes, it->value, it->value_loc);
		break;
	}
}

static void
persona_attrs(struct md *md, struct persona *p, cmark_node *list)
{
	int lines[PA__MAX] = {0};
	cmark_node *n = cmark_node_first_child(list);
	for (; n != NULL; n = cmark_node_next(n)) {
		struct item it;
		md_item_read(md, n, &it);
		if (it.key != NULL)
			persona_attr(md, p, &it, lines);
		else if (*it.text != '\0')
			md_keep_bare(md, &p->notes, &it);
		md_item_stray(md, &it, false);
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
		if (md_is_heading(n, 1))
			continue;
		if (!attrs_read && md_is_bullet_list(n)) {
			persona_attrs(md, p, n);
			attrs_read = true;
		} else {
			md_add_raw_block(md, &summary, &loc, n);
		}
	}
	if (summary.len > 0)
		md_set_text(md, &p->summary, summary.data, loc);
	buf_free(&summary);
}

/* A known list section: each item and each paragraph is an entry. */
static void
persona_list(struct md *md, struct text_list *list, cmark_node *start,
	     cmark_node *end)
{
	for (cmark_node *n = start; n != end; n = cmark_node_next(n)) {
		cmark_node_type type = cmark_node_get_type(n);
		if (md_is_heading(n, 1))
			continue;
		if (type == CMARK_NODE_PARAGRAPH) {
			md_add_text(md, list, md_flatten(md, n), md_node_loc(md, n));
			continue;
		}
		if (type != CMARK_NODE_LIST) {
			md_report_stray(md, n);
			continue;
		}
		cmark_node *i = cmark_node_first_child(n);
		for (; i != NULL; i = cmark_node_next(i)) {
			struct item it;
			md_item_read(md, i, &it);
			if (*it.text != '\0')
				md_add_text(md, list, it.text, it.loc);
			md_item_stray(md, &it, false);
		}
	}
}

/* Adds a paragraph's text to a quote being built. */
static void
quote_add(struct md *md, struct buf *b, struct loc *loc, cmark_node *para)
{
	const char *s = md_flatten(md, para);
	if (b->len == 0)
		*loc = md_node_loc(md, para);
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
		if (md_is_heading(n, 1))
			continue;
		if (type == CMARK_NODE_PARAGRAPH) {
			quote_add(md, &b, &loc, n);
			continue;
		}
		if (type != CMARK_NODE_BLOCK_QUOTE) {
			md_report_stray(md, n);
			continue;
		}
		cmark_node *c = cmark_node_first_child(n);
		for (; c != NULL; c = cmark_node_next(c)) {
			if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH)
				quote_add(md, &b, &loc, c);
			else
				md_report_stray(md, c);
		}
	}
	if (b.len > 0)
		md_set_text(md, &p->quote, b.data, loc);
	buf_free(&b);
}

/* A section the format does not know: its title and Markdown source. */
static void
persona_free_section(struct md *md, struct persona *p, cmark_node *heading,
		     const char *title, cmark_node *end)
{
	struct section *sec = persona_add_section(md->doc, p);
	struct loc hloc = md_node_loc(md, heading);
	md_set_title(md, &sec->title, title, hloc);
	int first = cmark_node_get_end_line(heading) + 1;
	int last = end ? cmark_node_get_start_line(end) - 1
		       : (int)md->src->n_lines;
	struct buf b = {0};
	int line = md_add_lines(md->src, &b, first, last);
	struct loc bloc = line ? source_loc_at(md->src, line, 1) : hloc;
	if (!md_set_text(md, &sec->body, buf_str(&b), bloc))
		sec->body = doc_text(md->doc, "", bloc);
	buf_free(&b);
}

static void
persona_section(struct md *md, struct persona *p, cmark_node *heading,
		cmark_node *end)
{
	const char *title = md_flatten(md, heading);
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

void
md_read_persona(struct md *md, cmark_node *h1, cmark_node *start)
{
	struct persona *p = arena_alloc(md->doc->arena, sizeof(*p));
	md->doc->persona = p;
	md_read_h1(md, h1, &p->name, &p->loc, true);
	cmark_node *h2 = md_next_h2(start);
	persona_head(md, p, start, h2);
	while (h2 != NULL) {
		cmark_node *after = md_next_h2(cmark_node_next(h2));
		persona_section(md, p, h2, after);
		h2 = after;
	}
}

