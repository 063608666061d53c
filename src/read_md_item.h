/* read_md_item.h - the Markdown reader's shared parts: the state of one read, the cmark nodes, list items read as `key: value`, and storing values with their diagnostics; private to the Markdown reader (it includes cmark.h). Included by: read_md.c, read_md_item.c, read_md_persona.c, read_md_journey.c, read_md_cover.c. */
#ifndef KETEN_READ_MD_ITEM_H
#define KETEN_READ_MD_ITEM_H

#include "read.h"

#include "mem.h"

#include <cmark.h>

#include <stdbool.h>

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

/* --- cmark nodes --- */

bool md_is_heading(cmark_node *n, int level);
bool md_is_bullet_list(cmark_node *n);
/* The first level-2 heading from n on, or NULL. */
cmark_node *md_next_h2(cmark_node *n);
struct loc md_node_loc(const struct md *md, cmark_node *n);
/* The plain text of a node's inlines, trimmed, in the read's arena. */
char *md_flatten(struct md *md, cmark_node *node);
/* Appends source lines first..last, without blank lines at either end;
 * returns the first line added, or 0 when all are blank. */
int md_add_lines(const struct source *src, struct buf *b, int first, int last);
/* Appends the Markdown source of a block (of a verbatim block fenced with
 * VOCAB_VERBATIM_FENCE, its content), after "\n\n" when b has text;
 * *loc is set to the block's place when it is the first. */
void md_add_raw_block(const struct md *md, struct buf *b, struct loc *loc,
		      cmark_node *block);

/* --- list items --- */

void md_item_read(struct md *md, cmark_node *node, struct item *it);
/* Reports a block the format has no place for (S006). */
void md_report_stray(struct md *md, cmark_node *block);
/* Reports the blocks of an item other than its first paragraph; lists
 * too unless lists_used. */
void md_item_stray(struct md *md, const struct item *it, bool lists_used);
/* Reports S005 at the item's value: m takes the value, hint nothing. */
void (md_report_bad_value)(struct md *md, const struct item *it, enum msg m,
			   enum msg hint);
#define md_report_bad_value(md, it, m, hint) \
	(MSG_CHECK(m, ""), MSG_CHECK(hint), (md_report_bad_value)(md, it, m, hint))
/* True when the item has a value; an empty one is reported. */
bool md_has_value(struct md *md, const struct item *it);

/* --- storing values: each reports what it cannot store --- */

bool md_set_text(struct md *md, struct text *t, const char *s, struct loc loc);
/* For names and titles, which are "" rather than absent when too long. */
void md_set_title(struct md *md, struct text *t, const char *s, struct loc loc);
void md_add_text(struct md *md, struct text_list *list, const char *s,
		 struct loc loc);
/* Adds the comma-separated parts of an item's value. */
void md_add_split(struct md *md, struct text_list *list, const struct item *it);
/* Keeps an item with an unknown key as a note "key: value" (S006, with
 * the nearest key of those in mask). */
void md_keep_unknown(struct md *md, struct text_list *notes,
		     const struct item *it, unsigned mask);
/* Notes where a one-valued attribute is written (lines[attr], 0 when not
 * yet) and warns when it was written before (S010): the later line wins. */
void md_note_repeat(struct md *md, int *lines, int attr, const struct item *it);
/* Keeps an item without a key as a note. */
void md_keep_bare(struct md *md, struct text_list *notes, const struct item *it);
void (md_set_long)(struct md *md, struct number *num, const struct item *it,
		   long min, long max, enum msg m, enum msg hint);
/* m takes the value, hint nothing: checked where the ids are written. */
#define md_set_long(md, num, it, min, max, m, hint) \
	(MSG_CHECK(m, ""), MSG_CHECK(hint), (md_set_long)(md, num, it, min, max, m, hint))
void md_set_emotion(struct md *md, struct number *num, const struct item *it);
void md_set_duration(struct md *md, struct number *num, const struct item *it);
/* Yes, no or unknown (onbekend). */
void md_set_yesno(struct md *md, struct flag *flag, const struct item *it);
/* A word of a choice set; a wrong one is reported with the nearest word. */
void md_set_choice(struct md *md, struct choice *c, const struct item *it,
		   enum choice_set set);
/* A date (values.h's value_date), kept in its ISO form. */
void md_set_date(struct md *md, struct text *t, const struct item *it);

/* Sets the name or title from the level-1 heading, or reports that there
 * is none and sets "". */
void md_read_h1(struct md *md, cmark_node *h1, struct text *title,
		struct loc *loc, bool persona);

/* The kinds of document, from the blocks after the level-1 heading. */
void md_read_persona(struct md *md, cmark_node *h1, cmark_node *start);
void md_read_journey(struct md *md, cmark_node *h1, cmark_node *start);
/* The report's title page (DOC_WORKSPACE). */
void md_read_cover(struct md *md, cmark_node *h1, cmark_node *start);

#endif
