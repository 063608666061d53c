/* report.c - the report's section of each journey: facts, persona card, the findings numbered as in the diagram, and the stages, kept as HTML until the page is written. */
#include "report.h"

#include "diag_print.h"
#include "html.h"
#include "hyphenate.h"
#include "markers.h"
#include "model.h"
#include "palette.h"
#include "report_parts.h"
#include "rules.h"
#include "values.h"

#include <stdlib.h>
#include <string.h>

/* The text of a value, or NULL when it is empty. */
static const char *
given(const struct text *t)
{
	return t->s != NULL && t->s[0] != '\0' ? t->s : NULL;
}

/* The text the user wrote (titles, persona cards, pain points) is in the
 * workspace's language. The formats have no attribute for it, so it is
 * taken as Dutch: in a report in another language such text carries
 * lang="nl", for screen readers and hyphenation. */
const char *
report_user_lang(enum lang lang)
{
	return lang == LANG_NL ? "" : " lang=\"nl\"";
}

static void
html_element(struct buf *out, enum lang lang, const char *tag, const char *cls, const char *s)
{
	if (cls != NULL)
		buf_printf(out, "<%s class=\"%s\">", tag, cls);
	else
		buf_printf(out, "<%s>", tag);
	html_words(out, s, lang);
	buf_printf(out, "</%s>\n", tag);
}

void
report_user_text(struct buf *out, enum lang lang, const char *s)
{
	const char *attr = report_user_lang(lang);
	if (attr[0] != '\0')
		buf_printf(out, "<span%s>", attr);
	html_words(out, s, LANG_NL);
	if (attr[0] != '\0')
		buf_puts(out, "</span>");
}

/* html_element for text the user wrote, marked with its language. */
static void
user_element(struct buf *out, enum lang lang, const char *tag, const char *cls, const char *s)
{
	if (cls != NULL)
		buf_printf(out, "<%s class=\"%s\"%s>", tag, cls, report_user_lang(lang));
	else
		buf_printf(out, "<%s%s>", tag, report_user_lang(lang));
	html_words(out, s, LANG_NL);
	buf_printf(out, "</%s>\n", tag);
}

void
report_code_badge(struct buf *out, enum code code, int impact, enum lang lang)
{
	const struct code_info *info = code_info(code);
	buf_printf(out, "<span class=\"badge impact-%d\">", impact);
	if (impact >= 1)
		buf_printf(out, "%s ", impact_style_of(NULL, impact).glyph);
	buf_printf(out, "%s</span> %s", info->id, lang == LANG_EN ? info->slug_en : info->slug_nl);
}

void
report_rule_words(struct buf *out, enum code code, enum lang lang)
{
	const struct code_info *info = code_info(code);
	const char *slug = lang == LANG_EN ? info->slug_en : info->slug_nl;
	for (size_t i = 0; slug[i] != '\0'; i++) {
		char c = slug[i] == '-' ? ' ' : slug[i];
		buf_putc(out, i == 0 && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c);
	}
}

/* --- the persona card --- */

static void
card_list(struct buf *out, enum lang lang, enum msg heading, const struct text_list *list)
{
	if (list->n == 0)
		return;
	buf_printf(out, "<div>\n<h4>%s</h4>\n<ul>\n", (msg)(lang, heading));
	for (size_t i = 0; i < list->n; i++)
		user_element(out, lang, "li", NULL, list->items[i].s);
	buf_puts(out, "</ul>\n</div>\n");
}

/* Talents, needs, worries, goals and network, side by side where the
 * page is wide enough. */
static void
card_lists(struct buf *out, enum lang lang, const struct persona *p)
{
	if (p->talents.n + p->needs.n + p->worries.n + p->goals.n + p->network.n == 0)
		return;
	buf_puts(out, "<div class=\"persona-lists\">\n");
	card_list(out, lang, M_REP_TALENTS, &p->talents);
	card_list(out, lang, M_REP_NEEDS, &p->needs);
	card_list(out, lang, M_REP_WORRIES, &p->worries);
	card_list(out, lang, M_REP_GOALS, &p->goals);
	card_list(out, lang, M_REP_NETWORK, &p->network);
	buf_puts(out, "</div>\n");
}

static void
card_facts(struct buf *out, enum lang lang, const struct persona *p)
{
	struct buf facts = {0};
	if (p->age.set)
		msg_append(&facts, lang, M_REP_AGE, p->age.v);
	if (given(&p->place))
		buf_printf(&facts, "%s%s", facts.len ? " · " : "", p->place.s);
	if (given(&p->situation))
		buf_printf(&facts, "%s%s", facts.len ? " · " : "", p->situation.s);
	if (facts.len > 0)
		html_element(out, lang, "p", "facts", buf_str(&facts));
	buf_free(&facts);
}

/* One line of the card's table: a label and its value, when given. */
static void
card_row(struct buf *out, enum lang lang, enum msg label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_printf(out, "<dt>%s</dt>", (msg)(lang, label));
	html_element(out, lang, "dd", NULL, value);
}

/* The position: the chain model's label when the check resolved it, else
 * as written, with its rung (the persona's own, else the position's). */
static void
card_position(struct buf *line, enum lang lang, const struct persona *p)
{
	if (p->pos != NULL && given(&p->pos->label))
		buf_puts(line, p->pos->label.s);
	else if (given(&p->position))
		buf_puts(line, p->position.s);
	long rung = p->ladder.set ? p->ladder.v
		  : p->pos != NULL && p->pos->ladder.set ? p->pos->ladder.v : 0;
	if (rung <= 0)
		return;
	buf_puts(line, line->len ? " (" : "(");
	msg_append(line, lang, M_R_RUNG, rung);
	buf_puts(line, ")");
}

/* Position, income and traits, as a small table. */
static void
card_table(struct buf *out, enum lang lang, const struct persona *p)
{
	struct buf position = {0}, traits = {0};
	card_position(&position, lang, p);
	for (size_t i = 0; i < p->traits.n; i++)
		buf_printf(&traits, "%s%s", i ? ", " : "", p->traits.items[i].s);
	const char *income = value_income_text(p->income.v, lang);
	if (position.len > 0 || income != NULL || traits.len > 0) {
		buf_puts(out, "<dl class=\"persona-facts\">\n");
		card_row(out, lang, M_REP_POSITION, buf_str(&position));
		card_row(out, lang, M_REP_INCOME, income);
		card_row(out, lang, M_REP_TRAITS, buf_str(&traits));
		buf_puts(out, "</dl>\n");
	}
	buf_free(&position);
	buf_free(&traits);
}

/* The length of the bullet ("- ", "* ", "+ ") that starts a line, or 0. */
static size_t
bullet_at(const char *line, size_t len)
{
	return len >= 2 && strchr("-*+", line[0]) != NULL && line[1] == ' ' ? 2 : 0;
}

void
report_markdown_text(struct buf *out, const char *body)
{
	enum { NONE, PARAGRAPH, LIST } open = NONE;
	static const char *const close[] = {"", "</p>\n", "</li>\n</ul>\n"};
	for (const char *line = body; *line != '\0';) {
		size_t len = strcspn(line, "\n"), indent = strspn(line, " \t");
		const char *text = line + (indent < len ? indent : len);
		size_t text_len = len - (size_t)(text - line), bullet = bullet_at(text, text_len);
		line += len + (line[len] == '\n');
		if (text_len == 0) {
			buf_puts(out, close[open]);
			open = NONE;
			continue;
		}
		if (bullet > 0 && open == LIST) {
			buf_puts(out, "</li>\n<li>");
		} else if (bullet > 0 || (open == LIST && indent == 0)) {
			buf_puts(out, close[open]);
			buf_puts(out, bullet > 0 ? "<ul>\n<li>" : "<p>");
			open = bullet > 0 ? LIST : PARAGRAPH;
		} else if (open == NONE) {
			buf_puts(out, "<p>");
			open = PARAGRAPH;
		} else {
			buf_puts(out, " ");
		}
		html_words_len(out, text + bullet, text_len - bullet, LANG_NL);
	}
	buf_puts(out, close[open]);
}

/* The persona's own sections, under their own titles. */
static void
card_sections(struct buf *out, enum lang lang, const struct persona *p)
{
	if (p->n_sections == 0)
		return;
	buf_puts(out, "<div class=\"persona-sections\">\n");
	for (size_t i = 0; i < p->n_sections; i++) {
		const struct section *sec = p->sections[i];
		if (given(&sec->title))
			user_element(out, lang, "h4", NULL, sec->title.s);
		if (given(&sec->body)) {
			buf_printf(out, "<div class=\"persona-section\"%s>\n", report_user_lang(lang));
			report_markdown_text(out, sec->body.s);
			buf_puts(out, "</div>\n");
		}
	}
	buf_puts(out, "</div>\n");
}

static void
persona_card(struct buf *out, enum lang lang, const struct journey *j)
{
	const struct persona *p = j->persona_ref;
	buf_printf(out, "<aside class=\"persona\">\n<h3>%s: ", msg(lang, M_REP_PERSONA_CARD));
	if (p == NULL) {
		html_words(out, j->persona.s, LANG_NL);
		buf_puts(out, "</h3>\n<p>");
		struct buf line = {0};
		msg_append(&line, lang, M_REP_NO_PERSONA, j->persona.s ? j->persona.s : "");
		html_words(out, buf_str(&line), lang);
		buf_free(&line);
		buf_puts(out, "</p>\n</aside>\n");
		return;
	}
	report_user_text(out, lang, given(&p->name) ? p->name.s : p->id.s);
	buf_puts(out, "</h3>\n<div class=\"persona-columns\">\n<div class=\"persona-main\">\n");
	card_facts(out, lang, p);
	if (given(&p->summary))
		user_element(out, lang, "p", "summary", p->summary.s);
	card_table(out, lang, p);
	if (given(&p->quote))
		user_element(out, lang, "blockquote", NULL, p->quote.s);
	card_sections(out, lang, p);
	buf_puts(out, "</div>\n");
	card_lists(out, lang, p);
	buf_puts(out, "</div>\n");
	if (p->notes.n > 0) {
		buf_puts(out, "<div class=\"persona-notes\">\n");
		card_list(out, lang, M_REP_NOTES, &p->notes);
		buf_puts(out, "</div>\n");
	}
	buf_puts(out, "</aside>\n");
}

/* --- facts and findings --- */

static void
journey_head(struct buf *out, struct report *r, const struct journey *j,
	     const struct report_journey *rj)
{
	buf_puts(out, "<section class=\"journey\" id=\"reis-");
	html_text(out, rj->id);
	buf_printf(out, "\">\n<h2%s>", report_user_lang(r->lang));
	html_words(out, rj->title, LANG_NL);
	buf_puts(out, "</h2>\n<p class=\"facts\">");
	struct buf facts = {0};
	msg_append(&facts, r->lang, M_R_PERSONA, rj->persona);
	if (given(&j->region)) {
		buf_puts(&facts, " · ");
		msg_append(&facts, r->lang, M_R_REGION, j->region.s);
	}
	if (rj->kind != NULL)
		buf_printf(&facts, " · %s", rj->kind);
	buf_puts(&facts, " · ");
	msg_append(&facts, r->lang, M_REP_SCORE, rj->score);
	if (rj->questions > 0) {
		buf_puts(&facts, " · ");
		msg_append_plural(&facts, r->lang, rj->questions, M_SUMMARY_QUESTIONS_1,
				  M_SUMMARY_QUESTIONS_N);
	}
	html_words(out, buf_str(&facts), r->lang);
	buf_free(&facts);
	buf_puts(out, "</p>\n");
	if (given(&j->description))
		user_element(out, r->lang, "p", "description", j->description.s);
}

/* The finding a marker stands for. */
static const struct diag *
marker_diag(const struct checked_journey *cj, const struct marker *m)
{
	for (size_t i = 0; i < cj->n_findings; i++)
		if (cj->findings[i].seq == m->seq)
			return &cj->findings[i];
	for (size_t k = 0; k < cj->n_persona_findings; k++)
		if (cj->persona_findings[k]->seq == m->seq)
			return cj->persona_findings[k];
	return NULL;
}

static const char *
impact_word(enum lang lang, int impact)
{
	return impact >= 3 ? msg(lang, M_R_IMPACT_3) : impact == 2 ? msg(lang, M_R_IMPACT_2)
	       : msg(lang, M_R_IMPACT_1);
}

/* The rule's action for the organisations (rules.h), or nothing. */
static void
action_text(struct buf *out, enum lang lang, enum code code)
{
	const struct rule *rule = rule_of_code(code);
	if (rule != NULL)
		html_words(out, (msg)(lang, rule->action), lang);
}

/* For the team, in the appendix: the finding's place in the file, what to
 * write or change there, and how to accept it. */
static void
appendix_row(struct buf *out, enum lang lang, const struct marker *m, const struct diag *d)
{
	buf_printf(out, "<tr class=\"team-row\"><td class=\"num\">%s%d</td><td>%s</td><td class=\"loc\">",
		   m->question ? "?" : "", m->number, code_info(m->code)->id);
	if (d != NULL && d->file != NULL) {
		html_text(out, d->file);
		buf_printf(out, ":%d", d->line);
	}
	buf_puts(out, "</td><td>");
	struct buf line = {0};
	if (d != NULL && d->hint != NULL)
		buf_printf(&line, "%s. ", d->hint);
	if (m->stage >= 0)
		msg_append(&line, lang, M_REP_ACCEPT_STAGE, code_info(m->code)->id);
	else
		msg_append(&line, lang, M_REP_ACCEPT_JOURNEY, code_info(m->code)->id);
	html_words(out, buf_str(&line), lang);
	buf_free(&line);
	buf_puts(out, "</td></tr>\n");
}

/* The norms a finding's rule guards, each with the rule's explanation
 * folded under it: "Norm 2: goede informatieverstrekking". */
static void
norm_details(struct buf *out, enum lang lang, enum code code)
{
	const struct rule *rule = rule_of_code(code);
	if (rule == NULL || rule->norms[0] == NORM_NONE)
		return;
	buf_puts(out, "<details class=\"why\"><summary>");
	for (size_t k = 0; k < 2 && rule->norms[k] != NORM_NONE; k++) {
		struct buf line = {0};
		msg_append(&line, lang, M_REP_NORM, norm_number(rule->norms[k]),
			   norm_name(rule->norms[k], lang));
		buf_puts(out, k > 0 ? "; " : "");
		html_words(out, buf_str(&line), lang);
		buf_free(&line);
	}
	buf_puts(out, "</summary>");
	html_words(out, (msg)(lang, rule->why), lang);
	buf_puts(out, "</details>");
}

/* The first line of a finding or question: the rule in words with its
 * code, the impact in figure and word (findings only), and where. */
static void
finding_head(struct buf *out, enum lang lang, const struct journey *j, const struct marker *m)
{
	const struct code_info *info = code_info(m->code);
	if (m->question)
		buf_printf(out, "<div class=\"finding-head\"><span class=\"badge question\">%s</span> ",
			   info->id);
	else
		buf_printf(out, "<div class=\"finding-head\"><span class=\"badge impact-%d\">%s %s</span> ",
			   m->impact, impact_style_of(NULL, m->impact).glyph, info->id);
	struct buf line = {0};
	report_rule_words(&line, m->code, lang);
	if (!m->question)
		buf_printf(&line, " · %d %s", m->impact, impact_word(lang, m->impact));
	buf_puts(&line, " · ");
	if (m->stage >= 0 && (size_t)m->stage < j->n_stages)
		buf_puts(&line, j->stages[m->stage]->title.s);
	else
		buf_puts(&line, msg(lang, M_REP_WHOLE_JOURNEY));
	html_words(out, buf_str(&line), lang);
	buf_free(&line);
	buf_puts(out, "</div>");
}

/* Whether marker m is a row of the findings table: friction, and not a
 * pain point the team wrote (K013), which "what the team saw" shows with
 * its number instead, so that it is on the page once. */
static bool
in_findings_table(const struct marker *m)
{
	return !m->question && !(m->code == CODE_K013 && m->pain_point >= 0);
}

/* Whether marker i is the first row of its rule in the findings table. */
static bool
first_of_rule(const struct marker_list *markers, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (in_findings_table(&markers->items[k]) &&
		    markers->items[k].code == markers->items[i].code)
			return false;
	return true;
}

/* Appends the title of marker m's stage to line, once: "Intake, Werk". */
static void
add_stage_once(struct buf *line, enum lang lang, const struct journey *j,
	       const struct marker_list *markers, size_t i)
{
	const struct marker *m = &markers->items[i];
	for (size_t k = 0; k < i; k++)
		if (in_findings_table(&markers->items[k]) && markers->items[k].code == m->code &&
		    markers->items[k].stage == m->stage)
			return;
	if (line->len > 0)
		buf_puts(line, ", ");
	if (m->stage >= 0 && (size_t)m->stage < j->n_stages)
		buf_puts(line, j->stages[m->stage]->title.s);
	else
		buf_puts(line, msg(lang, M_REP_WHOLE_JOURNEY));
}

/* One row for all friction of one rule in the journey: the numbers of
 * its markers in the diagram, the rule in words, how often and at worst
 * how bad, the stages where it happens, the message of the worst one as
 * the example, and the norms it guards. The rule's action is in the
 * summary (report_summary.c action_list), once for all journeys: a
 * journey's text fits one page (issue 14); every finding with its place
 * is in the appendix. */
static void
finding_rule_row(struct buf *out, enum lang lang, const struct journey *j,
		 const struct marker_list *markers, size_t first)
{
	const struct marker *m = &markers->items[first], *worst = m;
	struct buf numbers = {0}, stages = {0};
	int count = 0;
	for (size_t k = first; k < markers->n; k++) {
		const struct marker *o = &markers->items[k];
		if (!in_findings_table(o) || o->code != m->code)
			continue;
		buf_printf(&numbers, "%s%d", count > 0 ? ", " : "", o->number);
		add_stage_once(&stages, lang, j, markers, k);
		if (o->impact > worst->impact)
			worst = o;
		count++;
	}
	buf_printf(out, "<tr class=\"finding %c%s\" data-findings=\"%d\"><td class=\"num\">%s</td>"
		   "<td><div class=\"finding-head\"><span class=\"badge impact-%d\">%s %s</span> ",
		   'k', code_info(m->code)->id + 1, count, buf_str(&numbers), worst->impact,
		   impact_style_of(NULL, worst->impact).glyph, code_info(m->code)->id);
	struct buf line = {0};
	report_rule_words(&line, m->code, lang);
	if (count > 1)
		msg_append(&line, lang, M_REP_RULE_COUNT, count, worst->impact,
			   impact_word(lang, worst->impact));
	else
		buf_printf(&line, " · %d %s", worst->impact, impact_word(lang, worst->impact));
	buf_printf(&line, " · %s", buf_str(&stages));
	html_words(out, buf_str(&line), lang);
	buf_puts(out, "</div>");
	html_words(out, worst->message, lang);
	norm_details(out, lang, m->code);
	buf_puts(out, "</td></tr>\n");
	buf_free(&line);
	buf_free(&numbers);
	buf_free(&stages);
}

/* A question: "?1", the rule, where, what is asked (with the norm it
 * may touch); what to write is in the appendix. */
static void
question_item(struct buf *out, enum lang lang, const struct journey *j, const struct marker *m)
{
	buf_printf(out, "<li class=\"question %c%s\"><span class=\"num\">?%d</span> ",
		   'k', code_info(m->code)->id + 1, m->number);
	finding_head(out, lang, j, m);
	html_words(out, m->message, lang);
	norm_details(out, lang, m->code);
	buf_puts(out, "</li>\n");
}

static void
findings_table(struct buf *out, enum lang lang, const struct checked_journey *cj,
	       const struct marker_list *markers)
{
	const struct journey *j = cj->doc->journey;
	size_t rows = 0;
	for (size_t i = 0; i < markers->n; i++)
		rows += in_findings_table(&markers->items[i]);
	buf_printf(out, "<h3>%s</h3>\n", msg(lang, M_REP_FINDINGS));
	if (rows == 0) {
		buf_printf(out, "<p class=\"none\">%s</p>\n", msg(lang, M_REP_NO_FINDINGS));
		return;
	}
	buf_printf(out, "<p class=\"actions-ref\">%s <a href=\"#acties\">%s</a>.</p>\n",
		   msg(lang, M_REP_ACTIONS_REF), msg(lang, M_REP_ACTIONS));
	buf_printf(out, "<table class=\"findings\">\n<thead><tr><th>%s</th><th>%s</th>"
		   "</tr></thead>\n<tbody>\n", msg(lang, M_REP_COL_NUMBER),
		   msg(lang, M_REP_COL_FINDING));
	for (size_t i = 0; i < markers->n; i++)
		if (in_findings_table(&markers->items[i]) && first_of_rule(markers, i))
			finding_rule_row(out, lang, j, markers, i);
	buf_puts(out, "</tbody>\n</table>\n");
}

/* The open questions, apart from the findings: what the team should find
 * out next (v2-friction.md section 5). */
static void
questions_table(struct buf *out, enum lang lang, const struct checked_journey *cj,
		const struct marker_list *markers)
{
	if (markers_count_questions(markers) == 0)
		return;
	const struct journey *j = cj->doc->journey;
	buf_printf(out, "<h3>%s</h3>\n<p class=\"facts\">%s</p>\n", msg(lang, M_REP_QUESTIONS),
		   msg(lang, M_REP_QUESTIONS_TEXT));
	buf_puts(out, "<ul class=\"questions\">\n");
	for (size_t i = 0; i < markers->n; i++)
		if (markers->items[i].question)
			question_item(out, lang, j, &markers->items[i]);
	buf_puts(out, "</ul>\n");
}

/* The journey's part of the appendix: every finding and question with
 * its file and line and what to write (report_journey.appendix). */
static void
appendix_table(struct buf *out, enum lang lang, const struct checked_journey *cj,
	       const struct marker_list *markers, const struct report_journey *rj)
{
	if (markers->n == 0)
		return;
	buf_puts(out, "<h3>");
	html_words(out, rj->title, LANG_NL);
	buf_printf(out, "</h3>\n<table class=\"team\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th>"
		   "<th>%s</th></tr></thead>\n<tbody>\n", msg(lang, M_REP_COL_NUMBER),
		   msg(lang, M_REP_COL_CODE), msg(lang, M_REP_COL_FILE), msg(lang, M_REP_COL_TEAM));
	for (size_t i = 0; i < markers->n; i++)
		appendix_row(out, lang, &markers->items[i], marker_diag(cj, &markers->items[i]));
	buf_puts(out, "</tbody>\n</table>\n");
}

void
report_diag_item(struct buf *out, enum lang lang, const struct diag *d)
{
	buf_printf(out, "<li class=\"%s\"><span class=\"loc\">",
		   diag_severity_name(d->severity));
	html_text(out, d->file);
	buf_printf(out, ":%d:%d</span> %s: ", d->line, d->col,
		   d->severity == SEV_ERROR ? msg(lang, M_REP_SEVERITY_ERROR)
		   : d->severity == SEV_QUESTION ? msg(lang, M_REP_SEVERITY_QUESTION)
		   : msg(lang, M_REP_SEVERITY_WARNING));
	report_code_badge(out, d->code, d->impact, lang);
	buf_puts(out, " ");
	html_words(out, d->message, lang);
	if (d->hint != NULL) {
		buf_puts(out, "<br><span class=\"hint\">");
		html_words(out, d->hint, lang);
		buf_puts(out, "</span>");
	}
	buf_puts(out, "</li>\n");
}

/* Diagnostics of the file that are no friction: S-codes, and the rule
 * findings that are no markers (personal data, K012). */
static void
file_diagnostics(struct buf *out, enum lang lang, const struct checked_journey *cj,
		 struct report_journey *rj)
{
	size_t shown = 0;
	for (size_t i = 0; i < cj->n_findings; i++) {
		const struct diag *d = &cj->findings[i];
		if (code_is_friction(d->code))
			continue;
		if (shown++ == 0)
			buf_printf(out, "<h3>%s</h3>\n<ul class=\"diagnostics\">\n",
				   msg(lang, M_REP_OTHER_DIAGS));
		rj->errors += d->severity == SEV_ERROR;
		report_diag_item(out, lang, d);
	}
	if (shown > 0)
		buf_puts(out, "</ul>\n");
}

/* --- the stages --- */

static void
stage_list(struct buf *out, enum lang lang, enum msg heading, const char *cls,
	   const struct text_list *list)
{
	if (list->n == 0)
		return;
	buf_printf(out, "<h5>%s</h5>\n<ul class=\"%s\">\n", (msg)(lang, heading), cls);
	for (size_t i = 0; i < list->n; i++)
		user_element(out, lang, "li", NULL, list->items[i].s);
	buf_puts(out, "</ul>\n");
}

/* The pain points of stage s, each that is a finding (K013) with its
 * number and impact as in the pictures: the one place of that finding
 * on the journey's page (in_findings_table). */
static void
pain_points(struct buf *out, enum lang lang, const struct stage *s, long stage,
	    const struct marker_list *markers)
{
	if (s->pain_points.n == 0)
		return;
	buf_printf(out, "<h5>%s</h5>\n<ul class=\"pain-points\">\n", msg(lang, M_REP_PAIN_POINTS));
	for (size_t k = 0; k < s->pain_points.n; k++) {
		const struct marker *m = markers_for_pain_point(markers, stage, (long)k);
		if (m == NULL || m->question) {
			user_element(out, lang, "li", NULL, s->pain_points.items[k].s);
			continue;
		}
		buf_printf(out, "<li class=\"finding k013\" data-findings=\"1\"><span class=\"badge "
			   "impact-%d\">%s %d</span> ", m->impact, impact_style_of(NULL, m->impact).glyph,
			   m->number);
		report_user_text(out, lang, s->pain_points.items[k].s);
		buf_puts(out, "</li>\n");
	}
	buf_puts(out, "</ul>\n");
}

/* Whether a pain point of the journey is a finding: then the rule's
 * action goes with "what the team saw". */
static bool
any_pain_point_finding(const struct marker_list *markers)
{
	for (size_t i = 0; i < markers->n; i++)
		if (!markers->items[i].question && !in_findings_table(&markers->items[i]))
			return true;
	return false;
}

/* What the team saw: per stage its pain points (the K013 findings, with
 * their numbers) and opportunities (the touchpoints are in the pictures). */
static void
stages(struct buf *out, enum lang lang, const struct journey *j, const struct marker_list *markers)
{
	size_t shown = 0;
	for (size_t i = 0; i < j->n_stages; i++) {
		const struct stage *s = j->stages[i];
		if (s->pain_points.n + s->opportunities.n == 0)
			continue;
		if (shown++ == 0) {
			buf_printf(out, "<h3>%s</h3>\n", msg(lang, M_REP_TEAM_SAW));
			if (any_pain_point_finding(markers)) {
				buf_printf(out, "<p class=\"action\"><strong>%s</strong> ",
					   msg(lang, M_REP_COL_ACTION));
				action_text(out, lang, CODE_K013);
				buf_puts(out, "</p>\n");
			}
			buf_puts(out, "<div class=\"team-saw\">\n");
		}
		buf_printf(out, "<div class=\"stage\">\n<h4%s>", report_user_lang(lang));
		html_words(out, s->title.s, LANG_NL);
		buf_puts(out, "</h4>\n");
		pain_points(out, lang, s, (long)i, markers);
		stage_list(out, lang, M_REP_OPPORTUNITIES, "opportunities", &s->opportunities);
		buf_puts(out, "</div>\n");
	}
	if (shown > 0)
		buf_puts(out, "</div>\n");
}

/* --- the report --- */

struct report *
report_new(const struct report_options *opts)
{
	struct report *r = xcalloc(1, sizeof(*r));
	r->lang = opts->lang;
	memcpy(r->disabled, opts->disabled, sizeof(r->disabled));
	return r;
}

static const char *
kind_label(enum lang lang, int kind)
{
	if (kind == KIND_AS_IS)
		return msg(lang, M_R_AS_IS);
	if (kind == KIND_TO_BE)
		return msg(lang, M_R_TO_BE);
	return NULL;
}

static void
journey_facts(struct report_journey *rj, enum lang lang, const struct doc *doc)
{
	const struct journey *j = doc->journey;
	const struct persona *p = j->persona_ref;
	rj->id = xstrdup(j->id.s ? j->id.s : "");
	rj->title = xstrdup(given(&j->title) ? j->title.s : rj->id);
	rj->persona = xstrdup(p && given(&p->name) ? p->name.s : j->persona.s ? j->persona.s : "");
	rj->persona_id = xstrdup(j->persona.s ? j->persona.s : "");
	const char *kind = kind_label(lang, j->kind.v);
	rj->kind = kind ? xstrdup(kind) : NULL;
	rj->file = xstrdup(doc->path);
	rj->broken = doc->broken;
}

void
report_add_journey(struct report *r, const struct checked_journey *cj)
{
	const struct doc *doc = cj->doc;
	if (r->chain == NULL)
		r->chain = cj->chain;
	r->journeys = xgrow(r->journeys, r->n_journeys, &r->cap_journeys, sizeof(*r->journeys));
	struct report_journey *rj = &r->journeys[r->n_journeys++];
	memset(rj, 0, sizeof(*rj));
	journey_facts(rj, r->lang, doc);
	rj->score = cj->friction.score;
	rj->friction = cj->friction.count;
	struct marker_list markers;
	markers_of(cj, r->disabled, &markers);
	rj->questions = (int)markers_count_questions(&markers);
	findings_table(&rj->tail, r->lang, cj, &markers);
	questions_table(&rj->tail, r->lang, cj, &markers);
	appendix_table(&rj->appendix, r->lang, cj, &markers, rj);
	file_diagnostics(&rj->tail, r->lang, cj, rj);
	stages(&rj->tail, r->lang, doc->journey, &markers);
	markers_free(&markers);
	journey_head(&rj->head, r, doc->journey, rj);
	persona_card(&rj->card, r->lang, doc->journey);
}

void
report_set_diagram(struct report *r, size_t i, const char *name)
{
	if (i >= r->n_journeys)
		return;
	free(r->journeys[i].diagram);
	r->journeys[i].diagram = xstrdup(name);
}

void
report_set_map(struct report *r, size_t i, const char *name)
{
	if (i >= r->n_journeys)
		return;
	free(r->journeys[i].map);
	r->journeys[i].map = xstrdup(name);
}

void
report_set_overview(struct report *r, const char *svg, size_t len)
{
	free(r->overview);
	r->overview = xmalloc(len + 1);
	memcpy(r->overview, svg, len);
	r->overview[len] = '\0';
	r->overview_len = len;
}

void
report_add_transition(struct report *r, const struct report_transition *t)
{
	r->moves = xgrow(r->moves, r->n_moves, &r->cap_moves, sizeof(*r->moves));
	r->moves[r->n_moves] = (struct report_move){xstrdup(t->from), xstrdup(t->to), t->seen,
						    t->findings, t->friction, r->n_moves};
	r->n_moves++;
}

void
report_add_comparison(struct report *r, const char *as_is, const char *to_be, const char *html)
{
	r->pairs = xgrow(r->pairs, r->n_pairs, &r->cap_pairs, sizeof(*r->pairs));
	r->pairs[r->n_pairs++] = (struct report_pair){xstrdup(as_is), xstrdup(to_be), xstrdup(html)};
}

int
report_write(struct report *r, struct outdir *out, const struct diags *diags,
	     const struct summary *summary, char **error)
{
	return report_page_write(r, out, diags, summary, error);
}

void
report_free(struct report **rp)
{
	struct report *r = *rp;
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n_journeys; i++) {
		struct report_journey *rj = &r->journeys[i];
		free(rj->id), free(rj->title), free(rj->persona), free(rj->persona_id), free(rj->kind);
		free(rj->file), free(rj->diagram), free(rj->map);
		buf_free(&rj->head), buf_free(&rj->card), buf_free(&rj->tail), buf_free(&rj->appendix);
	}
	free(r->journeys);
	free(r->overview);
	for (size_t i = 0; i < r->n_pairs; i++)
		free(r->pairs[i].as_is), free(r->pairs[i].to_be), free(r->pairs[i].html);
	free(r->pairs);
	for (size_t i = 0; i < r->n_moves; i++)
		free(r->moves[i].from), free(r->moves[i].to);
	free(r->moves);
	doc_free(&r->cover);
	free(r);
	hyphenate_release();
	*rp = NULL;
}
