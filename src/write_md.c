/* write_md.c - a persona or journey as Markdown in the layout of formats.md, keys in Dutch or English, values escaped so that they read back as the same text. */
#include "write.h"

#include "text.h"
#include "values.h"
#include "vocab.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The output and where it stands: blocks are separated by a blank line,
 * except that a level-2 heading is followed directly by its content, and
 * the items of one list follow each other directly. */
struct md {
	struct buf *out;
	enum lang lang;
	bool started; /* a block has been written */
	bool tight;   /* the last block is a level-2 heading */
	bool in_list; /* the last block is a list that may go on */
	char bullet;  /* the list marker of the items written now */
};

static void
begin_block(struct md *md)
{
	if (md->started && !md->tight)
		buf_putc(md->out, '\n');
	md->started = true;
	md->tight = false;
	md->in_list = false;
}

static void
begin_item(struct md *md)
{
	if (!md->in_list)
		begin_block(md);
	md->in_list = true;
}

/* Escaping of plain text. */

static bool
is_markup_char(char c)
{
	return c != '\0' && strchr("\\`*_[]<>&#!|", c) != NULL;
}

static bool
is_block_marker(char c)
{
	return c == '-' || c == '+' || c == '=' || c == '~';
}

/* Length of a run of digits at s followed by '.' or ')' (an ordered list
 * marker), or 0. */
static size_t
ordered_marker_digits(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && isdigit((unsigned char)s[n]))
		n++;
	if (n == 0 || n == len || (s[n] != '.' && s[n] != ')'))
		return 0;
	return n;
}

/* Appends s[0..len) trimmed and on one line, with a backslash before
 * every character that could start markup. At the start of a block (a
 * bare list item, a line of a quote) a list marker or other block opener
 * is escaped too. */
static void
put_escaped_n(struct buf *out, const char *s, size_t len, bool block_start)
{
	s = text_trim(s, &len);
	size_t digits = block_start ? ordered_marker_digits(s, len) : 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\n' || c == '\r')
			c = ' ';
		bool opener = block_start && ((i == 0 && is_block_marker(c)) ||
					      (digits > 0 && i == digits));
		if (is_markup_char(c) || opener)
			buf_putc(out, '\\');
		buf_putc(out, c);
	}
}

static void
put_escaped(struct buf *out, const char *s, bool block_start)
{
	put_escaped_n(out, s, strlen(s), block_start);
}

static bool
is_blank(const char *s)
{
	size_t len = strlen(s);
	text_trim(s, &len);
	return len == 0;
}

/* Blocks. */

static void
put_heading(struct md *md, int level, const char *prefix, const char *title)
{
	md->tight = false; /* a heading never follows a heading directly */
	begin_block(md);
	for (int i = 0; i < level; i++)
		buf_putc(md->out, '#');
	if (prefix != NULL) {
		buf_putc(md->out, ' ');
		buf_puts(md->out, prefix);
	}
	if (title != NULL && *title != '\0') {
		buf_putc(md->out, ' ');
		put_escaped(md->out, title, false);
	}
	buf_putc(md->out, '\n');
	md->tight = level >= 2;
}

/* s after its leading blank lines. */
static const char *
skip_blank_lines(const char *s)
{
	const char *line = s;
	for (const char *p = s; *p != '\0' && isspace((unsigned char)*p); p++)
		if (*p == '\n')
			line = p + 1;
	return line;
}

/* s without the blank lines before it and the white space after it: the
 * start, and its length in *len (0 when nothing is left). */
static const char *
trim_blank(const char *s, size_t *len)
{
	s = skip_blank_lines(s);
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

/* Markdown source (a summary, description or section body) as it is,
 * without blank lines around it. */
static void
put_raw(struct md *md, const char *s)
{
	if (s == NULL)
		return;
	size_t len;
	s = trim_blank(s, &len);
	if (len == 0)
		return;
	begin_block(md);
	buf_add(md->out, s, len);
	buf_putc(md->out, '\n');
}

/* Running text that bare Markdown would not give back as it is. */

/* The line at s after at most three spaces of indentation (where Markdown
 * looks for a block opener), or NULL when it is indented more. */
static const char *
block_opener(const char *s)
{
	for (int i = 0; i < 3 && *s == ' '; i++)
		s++;
	return *s == ' ' || *s == '\t' ? NULL : s;
}

/* The length of a code fence opening the line at p (three or more ` or ~),
 * or 0; *mark is its character. */
static size_t
fence_length(const char *p, char *mark)
{
	size_t n = 0;
	while (p != NULL && (p[n] == '`' || p[n] == '~') && p[n] == p[0])
		n++;
	*mark = n >= 3 ? p[0] : '\0';
	return n >= 3 ? n : 0;
}

/* True when the line at p closes a fence of `open` marks `mark`: as many
 * or more of them and nothing after but blanks. */
static bool
closes_fence(const char *p, char mark, size_t open)
{
	char m;
	size_t n = fence_length(p, &m);
	if (n < open || m != mark)
		return false;
	for (p += n; *p == ' ' || *p == '\t'; p++)
		;
	return *p == '\n' || *p == '\0';
}

/* True when the line at p opens an HTML block that ends only at a marker
 * of its own (a comment, which the reader drops, <?, <!X, <![CDATA[,
 * <script>, <pre>, <style>, <textarea>): it may run into what follows. */
static bool
opens_html_block(const char *p)
{
	static const char *const tags[] = {"script", "pre", "style", "textarea"};
	if (p == NULL || p[0] != '<')
		return false;
	if (p[1] == '!' || p[1] == '?')
		return true;
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
		size_t n = strlen(tags[i]);
		if (strncasecmp(p + 1, tags[i], n) == 0 &&
		    strchr(" \t>\n", p[1 + n] != '\0' ? p[1 + n] : '\n') != NULL)
			return true;
	}
	return false;
}

/* True for a heading line (#, ##, ... ######) or a link reference
 * definition ([label]: ...), which the reader takes as a stage, a group
 * or nothing at all. */
static bool
is_heading_or_definition(const char *p)
{
	if (p == NULL)
		return false;
	if (p[0] == '[')
		return strstr(p, "]:") != NULL && strstr(p, "]:") < p + strcspn(p, "\n");
	size_t n = strspn(p, "#");
	return n >= 1 && n <= 6 && (p[n] == ' ' || p[n] == '\t' || p[n] == '\n' || p[n] == '\0');
}

/* True for a line of only '=' or only '-' (and blanks after): under a
 * paragraph line it makes that line a heading. */
static bool
is_underline(const char *p)
{
	if (p == NULL || (p[0] != '=' && p[0] != '-'))
		return false;
	size_t n = strspn(p, p[0] == '=' ? "=" : "-");
	for (p += n; *p == ' ' || *p == '\t'; p++)
		;
	return *p == '\n' || *p == '\0';
}

/* True when running text s, written bare, would not read back as itself:
 * it starts indented (the list before it would take it in), or holds,
 * outside a closed code fence, a fence that is never closed, an HTML block
 * that may run on or is a comment, a link reference definition or a
 * heading. */
static bool
needs_verbatim(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return true;
	char mark = '\0';
	size_t open = 0;
	bool after_text = false;
	for (const char *line = s; *line != '\0';) {
		const char *p = block_opener(line);
		char m;
		size_t n;
		if (open > 0) {
			if (closes_fence(p, mark, open))
				open = 0;
		} else if (p != NULL && (n = fence_length(p, &m)) > 0) {
			open = n, mark = m;
		} else if (opens_html_block(p) || is_heading_or_definition(p) ||
			   (after_text && is_underline(p))) {
			return true;
		}
		size_t len = strcspn(line, "\n");
		after_text = open == 0 && len > strspn(line, " \t");
		line += len + (line[len] == '\n');
	}
	return open > 0;
}

/* s in a code block fenced with VOCAB_VERBATIM_FENCE, which the reader
 * takes as the text itself; the fence is longer than any run of backticks
 * in s. */
static void
put_verbatim(struct md *md, const char *s, size_t len)
{
	size_t longest = 2;
	for (size_t i = 0, run = 0; i < len; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	begin_block(md);
	for (size_t i = 0; i <= longest; i++)
		buf_putc(md->out, '`');
	buf_puts(md->out, VOCAB_VERBATIM_FENCE "\n");
	buf_add(md->out, s, len);
	buf_putc(md->out, '\n');
	for (size_t i = 0; i <= longest; i++)
		buf_putc(md->out, '`');
	buf_putc(md->out, '\n');
}

/* A summary or description: its Markdown source as it is, or verbatim
 * when bare Markdown would change it. */
static void
put_running_text(struct md *md, const char *s)
{
	if (s == NULL)
		return;
	size_t len;
	s = trim_blank(s, &len);
	if (len == 0)
		return;
	char *text = xstrndup(s, len);
	if (needs_verbatim(text))
		put_verbatim(md, text, len);
	else
		put_raw(md, text);
	free(text);
}

/* A block quote with one paragraph per line of s: the reader flattens
 * each paragraph of a quote and joins them with new lines. */
static void
put_quote(struct md *md, const char *s)
{
	bool first = true;
	while (*s != '\0') {
		size_t len = strcspn(s, "\n");
		size_t trimmed = len;
		text_trim(s, &trimmed);
		if (trimmed > 0) {
			if (first)
				begin_block(md);
			else
				buf_puts(md->out, ">\n");
			first = false;
			buf_puts(md->out, "> ");
			put_escaped_n(md->out, s, len, true);
			buf_putc(md->out, '\n');
		}
		s += len + (s[len] == '\n');
	}
}

/* List items. */

static void
put_dash(struct md *md, int depth)
{
	begin_item(md);
	for (int i = 0; i < depth; i++)
		buf_puts(md->out, "  ");
	buf_putc(md->out, md->bullet);
}

static void
put_key(struct md *md, int depth, const char *key)
{
	put_dash(md, depth);
	buf_putc(md->out, ' ');
	buf_puts(md->out, key);
	buf_putc(md->out, ':');
}

/* " value" escaped, or nothing when the value is blank; then the line end. */
static void
put_value(struct md *md, const char *value, bool block_start)
{
	size_t len = strlen(value);
	text_trim(value, &len);
	if (len > 0) {
		buf_putc(md->out, ' ');
		put_escaped(md->out, value, block_start);
	}
	buf_putc(md->out, '\n');
}

/* "- key: value", nested `depth` levels; nothing when the value is NULL
 * or blank (the reader rejects an empty value). */
static void
item_text(struct md *md, int depth, const char *key, const char *value)
{
	if (value == NULL || is_blank(value))
		return;
	put_key(md, depth, key);
	put_value(md, value, false);
}

static void
item_number(struct md *md, int depth, const char *key, const struct number *n)
{
	if (!n->set)
		return;
	put_key(md, depth, key);
	buf_printf(md->out, " %ld\n", n->v);
}

static void
item_duration(struct md *md, int depth, const char *key,
	      const struct number *n)
{
	if (!n->set)
		return;
	char *text = value_duration_text(n->v, md->lang);
	item_text(md, depth, key, text);
	free(text);
}

static void
item_yesno(struct md *md, int depth, const char *key, const struct flag *f)
{
	if (f->v == YESNO_UNSET)
		return;
	static const char *const nl[] = {NULL, "ja", "nee", "onbekend"};
	static const char *const en[] = {NULL, "yes", "no", "unknown"};
	if ((unsigned)f->v > YESNO_UNKNOWN)
		return;
	item_text(md, depth, key, (md->lang == LANG_NL ? nl : en)[f->v]);
}

static void
item_choice(struct md *md, int depth, const char *key, enum choice_set set,
	    const struct choice *c)
{
	item_text(md, depth, key, value_choice_text(set, c->v, md->lang));
}


/* "- key: a, b, c" of the items that are not blank; nothing when none
 * is left. */
static void
item_joined(struct md *md, const char *key, const struct text_list *list)
{
	bool first = true;
	for (size_t i = 0; i < list->n; i++) {
		if (is_blank(list->items[i].s))
			continue;
		if (first)
			put_key(md, 0, key);
		buf_puts(md->out, first ? " " : ", ");
		put_escaped(md->out, list->items[i].s, false);
		first = false;
	}
	if (!first)
		buf_putc(md->out, '\n');
}

/* One "- key: value" per item of the list. */
static void
items_each(struct md *md, int depth, const char *key,
	   const struct text_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		item_text(md, depth, key, list->items[i].s);
}

/* A list whose items may hold commas: joined when none does, else one
 * item per entry (the key repeated adds). */
static void
item_list(struct md *md, const char *key, const struct text_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		if (list->items[i].s && strchr(list->items[i].s, ',')) {
			items_each(md, 0, key, list);
			return;
		}
	}
	item_joined(md, key, list);
}

/* A bare "- value" per item, as in the known persona sections. */
static void
items_bare(struct md *md, const struct text_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		if (is_blank(list->items[i].s))
			continue;
		put_dash(md, 0);
		put_value(md, list->items[i].s, true);
	}
}

/* Markdown source that holds a bullet list item marked with `marker` at
 * the start of a line (after at most three spaces). A line in a code
 * block may count too: that only makes the caller more careful. */
static bool
has_bullet_line(const char *s, char marker)
{
	for (const char *line = s; line != NULL && *line != '\0';) {
		const char *p = line;
		while (p - line < 3 && *p == ' ')
			p++;
		if (*p == marker && (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' ||
				     p[1] == '\r' || p[1] == '\0'))
			return true;
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	return false;
}

static bool
has_bullet_list(const char *s)
{
	return s != NULL && (has_bullet_line(s, '-') || has_bullet_line(s, '*') ||
			     has_bullet_line(s, '+'));
}

/* A list marker for an attribute list written right before the Markdown
 * source s: '-', unless s begins with a list marked '-' (lists with the
 * same marker that follow each other are one list to the reader, and the
 * attribute list must end where s begins). */
static char
bullet_apart_from(const char *s)
{
	if (s == NULL)
		return '-';
	s = skip_blank_lines(s);
	size_t first_line = strcspn(s, "\n");
	char *line = xstrndup(s, first_line);
	char bullet = has_bullet_line(line, '-') ? '*' : '-';
	free(line);
	return bullet;
}

/* Persona. */

static const char *
persona_key(const struct md *md, enum persona_attr attr)
{
	return vocab_name(VOCAB_PERSONA_ATTR, attr, md->lang);
}

/* A name that itself starts with "Persona:" gets the prefix the reader
 * drops, so that it reads back whole. */
static void
persona_heading(struct md *md, const char *name)
{
	size_t len = strlen(name);
	const char *t = text_trim(name, &len);
	bool has_prefix = len >= 8 && strncasecmp(t, "persona:", 8) == 0;
	put_heading(md, 1, has_prefix ? "Persona:" : NULL, name);
}

static void
persona_attributes(struct md *md, const struct persona *p)
{
	item_text(md, 0, persona_key(md, PA_ID), p->id.s);
	item_number(md, 0, persona_key(md, PA_AGE), &p->age);
	item_text(md, 0, persona_key(md, PA_PLACE), p->place.s);
	item_text(md, 0, persona_key(md, PA_SITUATION), p->situation.s);
	item_text(md, 0, persona_key(md, PA_POSITION), p->position.s);
	item_number(md, 0, persona_key(md, PA_LADDER), &p->ladder);
	item_text(md, 0, persona_key(md, PA_INCOME),
		  value_income_text(p->income.v, md->lang));
	item_joined(md, persona_key(md, PA_TRAITS), &p->traits);
	items_each(md, 0, persona_key(md, PA_NOTE), &p->notes);
}

static void
persona_list_section(struct md *md, enum persona_section section,
		     const struct text_list *list)
{
	if (list->n == 0)
		return;
	put_heading(md, 2, NULL,
		    vocab_name(VOCAB_PERSONA_SECTION, section, md->lang));
	items_bare(md, list);
}

static void
persona_quote(struct md *md, const struct text *quote)
{
	if (quote->s == NULL || is_blank(quote->s))
		return;
	put_heading(md, 2, NULL,
		    vocab_name(VOCAB_PERSONA_SECTION, PS_QUOTE, md->lang));
	put_quote(md, quote->s);
}

static void
persona_free_sections(struct md *md, const struct persona *p)
{
	for (size_t i = 0; i < p->n_sections; i++) {
		const struct section *s = p->sections[i];
		put_heading(md, 2, NULL, s->title.s);
		put_raw(md, s->body.s);
	}
}

static void
write_persona(struct md *md, const struct persona *p)
{
	persona_heading(md, p->name.s ? p->name.s : "");
	/* The reader takes the first bullet list for the attributes, so a
	 * summary with a list of its own goes after them. */
	if (has_bullet_list(p->summary.s)) {
		md->bullet = bullet_apart_from(p->summary.s);
		persona_attributes(md, p);
		md->bullet = '-';
		put_running_text(md, p->summary.s);
	} else {
		put_running_text(md, p->summary.s);
		persona_attributes(md, p);
	}
	persona_list_section(md, PS_TALENTS, &p->talents);
	persona_list_section(md, PS_NEEDS, &p->needs);
	persona_list_section(md, PS_WORRIES, &p->worries);
	persona_list_section(md, PS_GOALS, &p->goals);
	persona_list_section(md, PS_NETWORK, &p->network);
	persona_quote(md, &p->quote);
	persona_free_sections(md, p);
}

/* Journey. */

static const char *
journey_key(const struct md *md, enum journey_attr attr)
{
	return vocab_name(VOCAB_JOURNEY_ATTR, attr, md->lang);
}

static const char *
stage_key(const struct md *md, enum stage_attr attr)
{
	return vocab_name(VOCAB_STAGE_ATTR, attr, md->lang);
}

static const char *
tp_key(const struct md *md, enum tp_attr attr)
{
	return vocab_name(VOCAB_TP_ATTR, attr, md->lang);
}

static void
journey_attributes(struct md *md, const struct journey *j)
{
	item_text(md, 0, journey_key(md, JA_ID), j->id.s);
	item_text(md, 0, journey_key(md, JA_PERSONA), j->persona.s);
	item_text(md, 0, journey_key(md, JA_CHAIN), j->chain.s);
	item_text(md, 0, journey_key(md, JA_REGION), j->region.s);
	item_text(md, 0, journey_key(md, JA_KIND),
		  value_journey_kind_text(j->kind.v, md->lang));
	item_text(md, 0, journey_key(md, JA_AUTHOR), j->author.s);
	item_text(md, 0, journey_key(md, JA_DATE), j->date.s);
	item_choice(md, 0, journey_key(md, JA_CONTACTS), CHOICE_CONTACTS, &j->contacts);
	item_joined(md, journey_key(md, JA_IGNORE), &j->ignore);
	items_each(md, 0, journey_key(md, JA_NOTE), &j->notes);
}

static void
write_touchpoint(struct md *md, const struct touchpoint *tp)
{
	enum tp_kind kind = (unsigned)tp->kind < TP__MAX ? tp->kind : TP_OTHER;
	/* The item is written even without a title: it is the touchpoint. */
	put_key(md, 0, vocab_name(VOCAB_TP_KIND, kind, md->lang));
	put_value(md, tp->title.s ? tp->title.s : "", false);
	item_text(md, 1, tp_key(md, TA_ACTOR), tp->actor.s);
	item_yesno(md, 1, tp_key(md, TA_EXPLAINED), &tp->explained);
	item_text(md, 1, tp_key(md, TA_TEXT), tp->text.s);
	item_duration(md, 1, tp_key(md, TA_DURATION), &tp->duration);
	item_yesno(md, 1, tp_key(md, TA_WARM), &tp->warm);
	item_number(md, 1, tp_key(md, TA_EMOTION), &tp->emotion);
	item_choice(md, 1, tp_key(md, TA_CHANNEL), CHOICE_CHANNEL, &tp->channel);
	item_choice(md, 1, tp_key(md, TA_DIRECTION), CHOICE_DIRECTION, &tp->direction);
	item_choice(md, 1, tp_key(md, TA_INITIATIVE), CHOICE_INITIATIVE, &tp->initiative);
	item_text(md, 1, tp_key(md, TA_OUTCOME), tp->outcome.s);
	item_text(md, 1, tp_key(md, TA_TO), tp->to.s);
	item_yesno(md, 1, tp_key(md, TA_KEPT), &tp->kept);
	item_duration(md, 1, tp_key(md, TA_DUE), &tp->due_days);
	item_text(md, 1, tp_key(md, TA_DUE), tp->due_date.s);
	item_choice(md, 1, tp_key(md, TA_CORRECT), CHOICE_CORRECT, &tp->correct);
	item_yesno(md, 1, tp_key(md, TA_JUSTIFIED), &tp->justified);
	item_choice(md, 1, tp_key(md, TA_HANDLED), CHOICE_HANDLED, &tp->handled);
	item_yesno(md, 1, tp_key(md, TA_TIME_TO_CONSIDER), &tp->time_to_consider);
	item_text(md, 1, tp_key(md, TA_DATE), tp->date.s);
	item_duration(md, 1, tp_key(md, TA_RESPONSE), &tp->response_days);
	items_each(md, 1, tp_key(md, TA_NOTE), &tp->notes);
}

/* The id is written only when reading could not derive it from the
 * title. */
static bool
stage_id_is_derived(const struct stage *s)
{
	if (s->id.s == NULL)
		return true;
	char *slug = text_slug(s->title.s ? s->title.s : "");
	bool derived = *slug != '\0' && strcmp(slug, s->id.s) == 0;
	free(slug);
	return derived;
}

static void
write_stage(struct md *md, const struct stage *s)
{
	put_heading(md, 2, NULL, s->title.s);
	if (!stage_id_is_derived(s))
		item_text(md, 0, stage_key(md, SA_ID), s->id.s);
	item_text(md, 0, stage_key(md, SA_POSITION), s->position.s);
	item_joined(md, stage_key(md, SA_ACTORS), &s->actors);
	item_list(md, stage_key(md, SA_ORGANISATION), &s->organisation);
	item_number(md, 0, stage_key(md, SA_EMOTION), &s->emotion);
	item_duration(md, 0, stage_key(md, SA_DURATION), &s->duration);
	item_choice(md, 0, stage_key(md, SA_STATUS), CHOICE_STATUS, &s->status);
	item_text(md, 0, stage_key(md, SA_AWAITS), s->awaits.s);
	item_text(md, 0, stage_key(md, SA_INCOME),
		  value_income_text(s->income.v, md->lang));
	item_text(md, 0, stage_key(md, SA_LEAD), s->lead.s);
	item_choice(md, 0, stage_key(md, SA_CONTACT), CHOICE_CONTACT, &s->contact);
	item_yesno(md, 0, stage_key(md, SA_FIT), &s->fit);
	item_number(md, 0, stage_key(md, SA_HOURS), &s->hours);
	item_text(md, 0, stage_key(md, SA_START), s->start.s);
	for (size_t i = 0; i < s->n_touchpoints; i++)
		write_touchpoint(md, s->touchpoints[i]);
	items_each(md, 0, stage_key(md, SA_PAIN_POINT), &s->pain_points);
	items_each(md, 0, stage_key(md, SA_OPPORTUNITY), &s->opportunities);
	items_each(md, 0, stage_key(md, SA_NOTE), &s->notes);
	item_joined(md, stage_key(md, SA_IGNORE), &s->ignore);
	put_running_text(md, s->description.s);
}

static void
write_journey(struct md *md, const struct journey *j)
{
	put_heading(md, 1, NULL, j->title.s);
	md->bullet = bullet_apart_from(j->description.s);
	journey_attributes(md, j);
	md->bullet = '-';
	put_running_text(md, j->description.s);
	for (size_t i = 0; i < j->n_stages; i++)
		write_stage(md, j->stages[i]);
}

void
write_markdown(const struct doc *doc, enum lang lang, struct buf *out)
{
	struct md md = {.out = out, .lang = lang, .bullet = '-'};
	if (doc->kind == DOC_PERSONA && doc->persona != NULL)
		write_persona(&md, doc->persona);
	else if (doc->kind == DOC_JOURNEY && doc->journey != NULL)
		write_journey(&md, doc->journey);
}
