/* report_summary.c - the council's first pages of index.html: the title page (the workspace's werkruimte.md as read by read_md_cover.c, else defaults) and "what we saw": the friction themes across journeys and the open questions. */
#include "report.h"

#include "html.h"
#include "personal.h"
#include "report_parts.h"
#include "rules.h"

#include <stdbool.h>

#include <stdlib.h>
#include <string.h>

enum {
	MAX_THEMES = 5,          /* the rules that fire most */
	MAX_SUMMARY_QUESTIONS = 6
};

void
report_set_cover(struct report *r, struct doc *cover)
{
	doc_free(&r->cover);
	r->cover = cover;
}

/* --- the title page --- */

/* The title page as read, or NULL when there is none to show. */
static const struct cover *
cover_of(const struct report *r)
{
	return r->cover != NULL ? r->cover->cover : NULL;
}

void
report_title(struct buf *out, const struct report *r)
{
	const struct cover *c = cover_of(r);
	buf_puts(out, c != NULL && c->title.s != NULL && *c->title.s != '\0' ? c->title.s : msg(r->lang, M_REP_TITLE));
}

/* The attributes as written, in their order. */
static void
cover_facts(struct buf *out, const struct cover *c, const char *user)
{
	if (c->fact_values.n == 0)
		return;
	buf_printf(out, "<dl class=\"cover-facts\"%s>\n", user);
	for (size_t i = 0; i < c->fact_values.n; i++) {
		if (*c->fact_keys.items[i].s != '\0') {
			buf_puts(out, "<dt>");
			html_words(out, c->fact_keys.items[i].s, LANG_NL);
			buf_puts(out, "</dt>");
		}
		buf_puts(out, "<dd>");
		html_words(out, c->fact_values.items[i].s, LANG_NL);
		buf_puts(out, "</dd>\n");
	}
	buf_puts(out, "</dl>\n");
}

/* Text as the inside of a CSS string: letters, digits, spaces and UTF-8
 * as they are, every other byte as a hexadecimal escape (so no quote,
 * backslash, '<' or line end can end the string or the style). */
static void
css_string(struct buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == ' ' || *p >= 0x80)
			buf_putc(out, (char)*p);
		else
			buf_printf(out, "\\%x ", *p);
	}
}

void
report_running_header(struct buf *out, const struct report *r)
{
	struct buf title = {0};
	report_title(&title, r);
	char *masked = personal_masked_copy(buf_str(&title));
	buf_puts(out, "<style>\n@page{@top-center{content:\"");
	css_string(out, masked != NULL ? masked : buf_str(&title));
	buf_puts(out, "\"}}\n</style>\n");
	free(masked);
	buf_free(&title);
}

void
report_title_page(struct buf *out, const struct report *r, const char *summary_line)
{
	enum lang lang = r->lang;
	const struct cover *c = cover_of(r);
	/* the cover's text is the user's (report_user_lang) */
	const char *user = report_user_lang(lang);
	bool titled = c != NULL && c->title.s != NULL && *c->title.s != '\0';
	buf_printf(out, "<header class=\"title-page\">\n<h1%s>", titled ? user : "");
	struct buf title = {0};
	report_title(&title, r);
	html_text(out, buf_str(&title));
	buf_free(&title);
	buf_puts(out, "</h1>\n");
	if (c != NULL)
		cover_facts(out, c, user);
	if (c != NULL && c->intro.s != NULL) {
		buf_printf(out, "<div class=\"intro\"%s>\n", user);
		report_markdown_text(out, c->intro.s);
		buf_puts(out, "</div>\n");
	} else {
		buf_printf(out, "<p class=\"intro\">%s</p>\n", msg(lang, M_REP_INTRO));
	}
	struct buf how = {0};
	msg_append(&how, lang, M_REP_HOW_TO_READ, msg(lang, M_R_IMPACT_1), msg(lang, M_R_IMPACT_2),
		   msg(lang, M_R_IMPACT_3));
	buf_puts(out, "<p class=\"how-to-read\">");
	html_words(out, buf_str(&how), lang);
	buf_puts(out, "</p>\n");
	buf_free(&how);
	buf_puts(out, "<p class=\"summary-line\">");
	html_words(out, summary_line, lang);
	buf_puts(out, "</p>\n</header>\n");
}

/* --- what we saw: the themes --- */

/* Friction rules by the number of findings, most first (then in code
 * order); returns how many have any. */
static size_t
themes(const size_t *found, enum code *order)
{
	size_t n = 0;
	for (int c = 0; c < CODE__MAX; c++)
		if (code_is_friction((enum code)c) && found[c] > 0)
			order[n++] = (enum code)c;
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && found[order[k]] > found[order[k - 1]]; k--) {
			enum code t = order[k];
			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	return n;
}

static void
theme_item(struct buf *out, enum lang lang, enum code code, size_t count)
{
	const struct rule *rule = rule_of_code(code);
	const struct code_info *info = code_info(code);
	buf_puts(out, "<li><b>");
	struct buf line = {0};
	report_rule_words(&line, code, lang);
	html_words(out, buf_str(&line), lang);
	buf_printf(out, "</b> <span class=\"code\">%s</span>", info->id);
	buf_clear(&line);
	buf_puts(&line, " (");
	if (count == 1)
		msg_append(&line, lang, M_REP_THEME_COUNT_1, count);
	else
		msg_append(&line, lang, M_REP_THEME_COUNT_N, count);
	buf_puts(&line, "). ");
	if (rule != NULL)
		buf_puts(&line, (msg)(lang, rule->why));
	html_words(out, buf_str(&line), lang);
	buf_free(&line);
	buf_puts(out, "</li>\n");
}

/* What the organisations could change: the action of every rule that
 * found friction, most found first, named as in the journeys' rows (their
 * only copy: the rows point here). */
static void
action_list(struct buf *out, enum lang lang, const enum code *order, size_t n)
{
	buf_printf(out, "<h3 id=\"acties\">%s</h3>\n<ul class=\"actions\">\n", msg(lang, M_REP_ACTIONS));
	for (size_t i = 0; i < n; i++) {
		const struct rule *rule = rule_of_code(order[i]);
		if (rule == NULL)
			continue;
		struct buf words = {0};
		report_rule_words(&words, order[i], lang);
		buf_puts(out, "<li><b>");
		html_words(out, buf_str(&words), lang);
		buf_printf(out, "</b> <span class=\"code\">%s</span>: ", code_info(order[i])->id);
		html_words(out, (msg)(lang, rule->action), lang);
		buf_puts(out, "</li>\n");
		buf_free(&words);
	}
	buf_puts(out, "</ul>\n");
}

/* The rules that fire most, why they matter, and what could change. */
static void
theme_list(struct buf *out, enum lang lang, const struct diags *diags)
{
	size_t found[CODE__MAX];
	enum code order[CODE__MAX];
	diags_count_codes(diags, found);
	size_t n = themes(found, order);
	buf_printf(out, "<h3>%s</h3>\n", msg(lang, M_REP_THEMES));
	if (n == 0) {
		buf_printf(out, "<p class=\"none\">%s</p>\n", msg(lang, M_REP_NO_THEMES));
		return;
	}
	buf_puts(out, "<ol class=\"themes\">\n");
	for (size_t i = 0; i < n && i < MAX_THEMES; i++)
		theme_item(out, lang, order[i], found[order[i]]);
	buf_puts(out, "</ol>\n");
	action_list(out, lang, order, n);
}

/* --- what we saw: the open questions --- */

static void
html_element_text(struct buf *out, enum lang lang, const char *tag, const char *s)
{
	buf_printf(out, "<%s>", tag);
	html_words(out, s, lang);
	buf_printf(out, "</%s>\n", tag);
}

static const char *
journey_title(const struct report *r, const char *id)
{
	for (size_t i = 0; id != NULL && i < r->n_journeys; i++)
		if (strcmp(r->journeys[i].id, id) == 0)
			return r->journeys[i].title;
	return id;
}

static bool
same_journey(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The questions under their journey's title (diags are sorted, so a
 * journey's questions come together); the first few only. */
static void
open_questions(struct buf *out, const struct report *r, const struct diags *diags)
{
	enum lang lang = r->lang;
	size_t n = 0;
	const char *journey = NULL;
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];
		if (d->severity != SEV_QUESTION)
			continue;
		if (n++ == 0)
			buf_printf(out, "<h3>%s</h3>\n<p>%s</p>\n<ul class=\"open-questions\">\n",
				   msg(lang, M_REP_QUESTIONS), msg(lang, M_REP_QUESTIONS_SUMMARY));
		if (n > MAX_SUMMARY_QUESTIONS)
			continue;
		if (n == 1 || !same_journey(journey, d->journey)) {
			buf_puts(out, n > 1 ? "</ul></li>\n<li>" : "<li>");
			report_user_text(out, lang, journey_title(r, d->journey));
			buf_puts(out, "\n<ul>\n");
			journey = d->journey;
		}
		html_element_text(out, lang, "li", d->message);
	}
	if (n == 0)
		return;
	buf_puts(out, "</ul></li>\n");
	if (n > MAX_SUMMARY_QUESTIONS) {
		struct buf line = {0};
		msg_append(&line, lang, M_REP_MORE_QUESTIONS, n - MAX_SUMMARY_QUESTIONS);
		html_element_text(out, lang, "li", buf_str(&line));
		buf_free(&line);
	}
	buf_puts(out, "</ul>\n");
}

void
report_what_we_saw(struct buf *out, const struct report *r, const struct diags *diags)
{
	theme_list(out, r->lang, diags);
	open_questions(out, r, diags);
}
