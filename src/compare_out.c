/* compare_out.c - a comparison as text, as keten/1 JSON and as an HTML section. */
#include "compare.h"

#include "diag_print.h"
#include "html.h"
#include "jsonw.h"
#include "mem.h"
#include "palette.h"

#include <stdlib.h>
#include <string.h>

/* --- pieces shared by the forms --- */

static const char *
slug(enum code code, enum lang lang)
{
	const struct code_info *info = code_info(code);
	return lang == LANG_NL ? info->slug_nl : info->slug_en;
}

static const char *
kind_text(const char *kind, enum lang lang)
{
	if (kind == NULL)
		return msg(lang, M_CMP_KIND_UNSET);
	return strcmp(kind, "as-is") == 0 ? msg(lang, M_R_AS_IS) : msg(lang, M_R_TO_BE);
}

static const char *
or_unknown(const char *s, enum lang lang)
{
	return s != NULL && *s ? s : msg(lang, M_CMP_UNKNOWN);
}

static int
total_findings(const struct cmp_side *side)
{
	return (int)side->n_findings;
}

/* "before: ruud-ede-keten (journeys/ruud-ede-keten.md): as-is, persona
 * Ruud, chain model keten-van-arbeid" */
static void
side_line(struct buf *out, const struct cmp_side *side, enum msg label, enum lang lang)
{
	msg_append(out, lang, M_CMP_SIDE, (msg)(lang, label), side->journey, side->file,
		   kind_text(side->kind, lang),
		   side->persona_name ? side->persona_name : or_unknown(side->persona, lang),
		   or_unknown(side->chain, lang));
}

/* "stage-id #2", "stage-id" or "whole journey". */
static void
where(struct buf *out, const struct cmp_finding *f, enum lang lang)
{
	if (f->diag.stage == NULL) {
		buf_puts(out, msg(lang, M_CMP_WHOLE));
		return;
	}
	buf_puts(out, f->diag.stage);
	if (f->diag.touchpoint > 0)
		buf_printf(out, " #%d", f->diag.touchpoint);
}

static void
heading_line(struct buf *out, const struct comparison *c, enum lang lang)
{
	buf_puts(out, msg(lang, M_CMP_TITLE));
	buf_puts(out, ": ");
	if (c->mode == CMP_CHAINS)
		msg_append(out, lang, M_CMP_CHAINS, c->before.journey,
			   or_unknown(c->before.chain, lang), or_unknown(c->after.chain, lang));
	else
		msg_append(out, lang, M_CMP_JOURNEYS, c->before.journey, c->after.journey);
}

/* The report's heading: the journeys by their titles, as the report
 * names them everywhere else. */
static void
heading_titles(struct buf *out, const struct comparison *c, enum lang lang)
{
	if (c->mode == CMP_CHAINS) {
		heading_line(out, c, lang);
		return;
	}
	buf_puts(out, msg(lang, M_CMP_TITLE));
	buf_puts(out, ": ");
	msg_append(out, lang, M_CMP_JOURNEYS, c->before.title ? c->before.title : c->before.journey,
		   c->after.title ? c->after.title : c->after.journey);
}

static void
score_line(struct buf *out, const struct comparison *c, enum lang lang)
{
	msg_append(out, lang, M_CMP_SCORE, c->before.score, c->after.score,
		   c->after.score - c->before.score);
}

static void
counts_line(struct buf *out, const struct comparison *c, enum lang lang)
{
	msg_append(out, lang, M_CMP_COUNTS, total_findings(&c->before),
		   total_findings(&c->after), (int)c->n_lost, (int)c->n_gained, (int)c->n_kept);
}

/* --- text --- */

static void
text_finding(struct buf *out, const struct cmp_finding *f, const struct cmp_finding *then,
	     enum lang lang)
{
	buf_printf(out, "  [%s %s] ", code_info(f->diag.code)->id, slug(f->diag.code, lang));
	msg_append(out, lang, M_CMP_IMPACT, f->diag.impact);
	buf_puts(out, ", ");
	where(out, f, lang);
	if (then != NULL) {
		buf_puts(out, " \xE2\x86\x92 ");
		where(out, then, lang);
	}
	buf_printf(out, ": %s\n", then != NULL ? then->diag.message : f->diag.message);
}

static void
text_list(struct buf *out, const struct cmp_side *side, const size_t *which, size_t n,
	  enum msg title, enum lang lang)
{
	buf_printf(out, "\n%s (%zu):\n", (msg)(lang, title), n);
	if (n == 0)
		buf_printf(out, "  %s\n", msg(lang, M_CMP_NONE));
	for (size_t i = 0; i < n; i++)
		text_finding(out, &side->findings[which[i]], NULL, lang);
}

void
compare_text(struct buf *out, const struct comparison *c, enum lang lang)
{
	heading_line(out, c, lang);
	buf_putc(out, '\n');
	side_line(out, &c->before, M_CMP_BEFORE, lang);
	buf_putc(out, '\n');
	side_line(out, &c->after, M_CMP_AFTER, lang);
	buf_putc(out, '\n');
	score_line(out, c, lang);
	buf_putc(out, '\n');
	counts_line(out, c, lang);
	buf_putc(out, '\n');
	text_list(out, &c->before, c->lost, c->n_lost, M_CMP_LOST, lang);
	text_list(out, &c->after, c->gained, c->n_gained, M_CMP_GAINED, lang);
	buf_printf(out, "\n%s (%zu):\n", msg(lang, M_CMP_KEPT), c->n_kept);
	if (c->n_kept == 0)
		buf_printf(out, "  %s\n", msg(lang, M_CMP_NONE));
	for (size_t i = 0; i < c->n_kept; i++)
		text_finding(out, &c->before.findings[c->kept[i].before],
			     &c->after.findings[c->kept[i].after], lang);
}

/* --- JSON --- */

/* A finding: the members of diag_json_members, then where its stage sits. */
static void
json_finding(struct jsonw *w, const struct cmp_finding *f)
{
	jsonw_object_begin(w);
	diag_json_members(w, &f->diag);
	jsonw_member_string(w, "stage_title", f->stage_title);
	jsonw_member_string(w, "position", f->position);
	jsonw_object_end(w);
}

static void
json_side(struct jsonw *w, const char *key, const struct cmp_side *side)
{
	jsonw_key(w, key);
	jsonw_object_begin(w);
	jsonw_member_string(w, "file", side->file);
	jsonw_member_string(w, "journey", side->journey);
	jsonw_member_string(w, "title", side->title);
	jsonw_member_string(w, "kind", side->kind);
	jsonw_member_string(w, "persona", side->persona);
	jsonw_member_string(w, "persona_name", side->persona_name);
	jsonw_member_string(w, "chain", side->chain);
	jsonw_member_string(w, "chain_title", side->chain_title);
	jsonw_member_long(w, "friction_score", side->score);
	jsonw_member_long(w, "findings", (long)side->n_findings);
	jsonw_object_end(w);
}

static void
json_list(struct jsonw *w, const char *key, const struct cmp_side *side, const size_t *which,
	  size_t n)
{
	jsonw_key(w, key);
	jsonw_array_begin(w);
	for (size_t i = 0; i < n; i++)
		json_finding(w, &side->findings[which[i]]);
	jsonw_array_end(w);
}

static void
json_numbers(struct jsonw *w, const struct comparison *c)
{
	jsonw_key(w, "friction_score");
	jsonw_object_begin(w);
	jsonw_member_long(w, "before", c->before.score);
	jsonw_member_long(w, "after", c->after.score);
	jsonw_member_long(w, "change", c->after.score - c->before.score);
	jsonw_object_end(w);
	jsonw_key(w, "counts");
	jsonw_object_begin(w);
	jsonw_member_long(w, "lost", (long)c->n_lost);
	jsonw_member_long(w, "gained", (long)c->n_gained);
	jsonw_member_long(w, "kept", (long)c->n_kept);
	jsonw_object_end(w);
}

void
compare_json(struct buf *out, const struct comparison *c)
{
	struct jsonw w;
	jsonw_init(&w, out, false);
	jsonw_object_begin(&w);
	jsonw_member_string(&w, "format", "keten/1");
	jsonw_key(&w, "comparison");
	jsonw_object_begin(&w);
	jsonw_member_string(&w, "mode", c->mode == CMP_CHAINS ? "chains" : "journeys");
	json_side(&w, "before", &c->before);
	json_side(&w, "after", &c->after);
	json_numbers(&w, c);
	json_list(&w, "lost", &c->before, c->lost, c->n_lost);
	json_list(&w, "gained", &c->after, c->gained, c->n_gained);
	jsonw_key(&w, "kept");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < c->n_kept; i++) {
		jsonw_object_begin(&w);
		jsonw_key(&w, "before");
		json_finding(&w, &c->before.findings[c->kept[i].before]);
		jsonw_key(&w, "after");
		json_finding(&w, &c->after.findings[c->kept[i].after]);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_object_end(&w);
	buf_putc(out, '\n');
}

/* --- HTML --- */

/* Escapes a line built from messages and user text. */
static void
html_built(struct buf *out, void (*build)(struct buf *, const struct comparison *, enum lang),
	   const struct comparison *c, enum lang lang)
{
	struct buf line = {0};
	build(&line, c, lang);
	html_text(out, buf_str(&line));
	buf_free(&line);
}

static void
html_impact(struct buf *out, int impact)
{
	const struct impact_style *style = impact_style(impact);
	buf_printf(out, "<td class=\"impact impact-%d\" style=\"background:%s;color:%s;"
		   "text-align:center;padding:2px 6px\">%s %d</td>", impact, style->fill, style->text,
		   style->glyph, impact);
}

#define CELL "<td style=\"padding:2px 6px;vertical-align:top\">"

static void
html_row(struct buf *out, const struct cmp_finding *f, const struct cmp_finding *then,
	 enum lang lang)
{
	buf_printf(out, "<tr class=\"%s\">" CELL "<code>%s</code> ", code_info(f->diag.code)->id,
		   code_info(f->diag.code)->id);
	html_text(out, slug(f->diag.code, lang));
	buf_puts(out, "</td>");
	html_impact(out, f->diag.impact);
	buf_puts(out, CELL);
	struct buf line = {0};
	where(&line, f, lang);
	if (then != NULL) {
		buf_puts(&line, " \xE2\x86\x92 ");
		where(&line, then, lang);
	}
	html_text(out, buf_str(&line));
	buf_free(&line);
	buf_puts(out, "</td>" CELL);
	html_text(out, then != NULL ? then->diag.message : f->diag.message);
	buf_puts(out, "</td></tr>\n");
}

static void
html_table_head(struct buf *out, enum msg title, size_t n, const char *class, enum lang lang)
{
	buf_printf(out, "<h3>");
	html_text(out, (msg)(lang, title));
	buf_printf(out, " (%zu)</h3>\n", n);
	if (n == 0) {
		buf_puts(out, "<p>");
		html_text(out, msg(lang, M_CMP_NONE));
		buf_puts(out, "</p>\n");
		return;
	}
	buf_printf(out, "<table class=\"%s\" style=\"border-collapse:collapse\">\n<thead><tr>", class);
	const enum msg columns[] = {M_CMP_COL_CODE, M_CMP_IMPACT_HEAD, M_CMP_COL_WHERE,
				    M_CMP_COL_MESSAGE};
	for (size_t k = 0; k < 4; k++) {
		buf_puts(out, "<th style=\"text-align:left;padding:2px 6px\">");
		html_text(out, (msg)(lang, columns[k]));
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n<tbody>\n");
}

static void
html_list(struct buf *out, const struct cmp_side *side, const size_t *which, size_t n,
	  enum msg title, const char *class, enum lang lang)
{
	html_table_head(out, title, n, class, lang);
	for (size_t i = 0; i < n; i++)
		html_row(out, &side->findings[which[i]], NULL, lang);
	if (n > 0)
		buf_puts(out, "</tbody>\n</table>\n");
}

static void
html_sides(struct buf *out, const struct comparison *c, enum lang lang)
{
	struct buf line = {0};
	buf_puts(out, "<ul class=\"sides\">\n<li>");
	side_line(&line, &c->before, M_CMP_BEFORE, lang);
	html_text(out, buf_str(&line));
	buf_clear(&line);
	buf_puts(out, "</li>\n<li>");
	side_line(&line, &c->after, M_CMP_AFTER, lang);
	html_text(out, buf_str(&line));
	buf_puts(out, "</li>\n</ul>\n");
	buf_free(&line);
}

/* "K003 Koude overdracht (7), K001 Brief zonder uitleg (2)": the rules of
 * side->findings[which[0..n)], each once with how often, in order of first
 * appearance. */
static void
html_rule_counts(struct buf *out, const struct cmp_side *side, const size_t *which, size_t n,
		 enum msg title, const char *class, enum lang lang)
{
	buf_printf(out, "<p class=\"%s\"><strong>", class);
	html_text(out, (msg)(lang, title));
	buf_printf(out, " (%zu):</strong> ", n);
	if (n == 0)
		html_text(out, msg(lang, M_CMP_NONE));
	bool done[CODE__MAX] = {false};
	const char *sep = "";
	for (size_t i = 0; i < n; i++) {
		enum code code = side->findings[which[i]].diag.code;
		if (done[code])
			continue;
		done[code] = true;
		size_t count = 0;
		for (size_t k = i; k < n; k++)
			count += side->findings[which[k]].diag.code == code;
		buf_printf(out, "%s<code>%s</code> ", sep, code_info(code)->id);
		html_text(out, slug(code, lang));
		buf_printf(out, " (%zu)", count);
		sep = ", ";
	}
	buf_puts(out, "</p>\n");
}

void
compare_html_brief(struct buf *out, const struct comparison *c, enum lang lang)
{
	buf_printf(out, "<section class=\"keten-compare brief\" lang=\"%s\">\n<h2>",
		   lang == LANG_NL ? "nl" : "en");
	html_built(out, heading_titles, c, lang);
	buf_puts(out, "</h2>\n<p class=\"score\"><strong>");
	html_built(out, score_line, c, lang);
	buf_puts(out, "</strong><br>");
	html_built(out, counts_line, c, lang);
	buf_puts(out, "</p>\n");
	html_rule_counts(out, &c->before, c->lost, c->n_lost, M_CMP_LOST, "lost", lang);
	html_rule_counts(out, &c->after, c->gained, c->n_gained, M_CMP_GAINED, "gained", lang);
	size_t *kept = xcalloc(c->n_kept + 1, sizeof *kept);
	for (size_t i = 0; i < c->n_kept; i++)
		kept[i] = c->kept[i].after;
	html_rule_counts(out, &c->after, kept, c->n_kept, M_CMP_KEPT, "kept", lang);
	free(kept);
	buf_puts(out, "</section>\n");
}

void
compare_html(struct buf *out, const struct comparison *c, enum lang lang)
{
	buf_printf(out, "<section class=\"keten-compare\" lang=\"%s\">\n<h2>",
		   lang == LANG_NL ? "nl" : "en");
	html_built(out, heading_line, c, lang);
	buf_puts(out, "</h2>\n");
	html_sides(out, c, lang);
	buf_puts(out, "<p class=\"score\"><strong>");
	html_built(out, score_line, c, lang);
	buf_puts(out, "</strong><br>");
	html_built(out, counts_line, c, lang);
	buf_puts(out, "</p>\n");
	html_list(out, &c->before, c->lost, c->n_lost, M_CMP_LOST, "lost", lang);
	html_list(out, &c->after, c->gained, c->n_gained, M_CMP_GAINED, "gained", lang);
	html_table_head(out, M_CMP_KEPT, c->n_kept, "kept", lang);
	for (size_t i = 0; i < c->n_kept; i++)
		html_row(out, &c->before.findings[c->kept[i].before],
			 &c->after.findings[c->kept[i].after], lang);
	if (c->n_kept > 0)
		buf_puts(out, "</tbody>\n</table>\n");
	buf_puts(out, "</section>\n");
}
