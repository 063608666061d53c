/* rules_text.c - the friction rules about text: hard language in what people read (K010) and personal data anywhere in a persona or journey (K012). */
#include "rules_run.h"

#include "mem.h"
#include "personal.h"
#include "readability.h"
#include "text.h"

#include <math.h>
#include <string.h>

/* --- K010 --- */

/* Appends each jargon entry of the chain found in w to found (", "). */
static void
find_jargon(struct rule_run *run, const struct words *w, struct buf *found)
{
	if (run->jargon == NULL)
		return;
	size_t n = phrases_find(run->jargon, w, &run->jargon_found, &run->jargon_cap);
	for (size_t k = 0; k < n; k++)
		buf_printf(found, "%s%s", found->len ? ", " : "",
			   run->chain->jargon.items[run->jargon_found[k]].s);
}

void
rule_hard_language(struct rule_run *run)
{
	const struct touchpoint *tp = run->tp;
	if (!tp_kind_is_written(tp->kind) || tp->text.s == NULL || *tp->text.s == '\0')
		return;
	struct words *w = &run->text_words;
	words_split(tp->text.s, w);
	struct buf jargon = {0};
	find_jargon(run, w, &jargon);
	double score;
	long min = run->limits->min_readability.v;
	bool hard = readability_score(w, &score) && score < (double)min;
	if (jargon.len > 0 || hard) {
		int impact = 1 + run_has_trait(run, TRAIT_LOW_LITERACY);
		const char *kind = run_tp_kind(run, tp->kind), *title = run_tp_title(run, tp);
		int rounded = (int)lround(score);
		struct diag *d = jargon.len > 0 && hard
			? rule_report_touchpoint(run, impact, M_K010_BOTH, kind, title,
						 buf_str(&jargon), rounded, min)
			: jargon.len > 0
			? rule_report_touchpoint(run, impact, M_K010_JARGON, kind, title, buf_str(&jargon))
			: rule_report_touchpoint(run, impact, M_K010_SCORE, kind, title, rounded, min);
		rule_hint(run, d, M_K010_HINT);
	}
	buf_free(&jargon);
}

/* --- K012 --- */

/* Where a text sits, for the findings in it. */
struct text_place {
	const struct stage *stage;
	int tp_number;
};

static enum msg
personal_kind_msg(enum personal_kind kind)
{
	switch (kind) {
	case PERSONAL_BSN:
		return M_K012_BSN;
	case PERSONAL_EMAIL:
		return M_K012_EMAIL;
	case PERSONAL_PHONE:
		break;
	}
	return M_K012_PHONE;
}

/* The location of byte offset `at` of a text: in Markdown a text that
 * spans lines is its source lines, so lines can be counted. */
static struct loc
loc_in_text(const struct rule_run *run, const struct text *t, size_t at)
{
	struct loc loc = t->loc;
	if (run->doc->format != FORMAT_MARKDOWN)
		return loc;
	size_t line_start = 0;
	for (size_t i = 0; i < at; i++)
		if (t->s[i] == '\n') {
			loc.line++;
			line_start = i + 1;
		}
	size_t chars = utf8_count(t->s + line_start, at - line_start);
	loc.col = (line_start == 0 ? loc.col : 1) + (int)chars;
	return loc;
}

static void
scan_text(struct rule_run *run, const struct text *t, struct text_place place)
{
	if (t->s == NULL || *t->s == '\0')
		return;
	struct personal_values hits = {0};
	personal_find(t->s, &hits);
	for (size_t i = 0; i < hits.n; i++) {
		const struct personal_value *h = &hits.items[i];
		struct buf masked = {0};
		personal_mask(t->s + h->start, h->len, &masked);
		struct loc at = loc_in_text(run, t, h->start);
		struct diag *d = rule_report(run, place.stage, place.tp_number, &at, 3, M_K012,
			(msg)(run->diags->lang, personal_kind_msg(h->kind)), buf_str(&masked));
		rule_hint(run, d, M_K012_HINT);
		buf_free(&masked);
	}
	personal_values_free(&hits);
}

static void
scan_list(struct rule_run *run, const struct text_list *list, struct text_place place)
{
	for (size_t i = 0; i < list->n; i++)
		scan_text(run, &list->items[i], place);
}

static void
scan_touchpoint(struct rule_run *run, const struct touchpoint *tp, struct text_place place)
{
	scan_text(run, &tp->title, place);
	scan_text(run, &tp->actor, place);
	scan_text(run, &tp->text, place);
	scan_list(run, &tp->notes, place);
}

static void
scan_stage(struct rule_run *run, const struct stage *st)
{
	struct text_place place = {st, 0};
	scan_text(run, &st->title, place);
	scan_list(run, &st->actors, place);
	scan_list(run, &st->organisation, place);
	scan_text(run, &st->description, place);
	scan_list(run, &st->pain_points, place);
	scan_list(run, &st->opportunities, place);
	scan_list(run, &st->notes, place);
	for (size_t k = 0; k < st->n_touchpoints; k++) {
		place.tp_number = (int)k + 1;
		scan_touchpoint(run, st->touchpoints[k], place);
	}
}

static void
scan_journey(struct rule_run *run, const struct journey *j)
{
	struct text_place none = {NULL, 0};
	scan_text(run, &j->title, none);
	scan_text(run, &j->region, none);
	scan_text(run, &j->author, none);
	scan_text(run, &j->description, none);
	scan_list(run, &j->notes, none);
	for (size_t i = 0; i < j->n_stages; i++)
		scan_stage(run, j->stages[i]);
}

static void
scan_persona(struct rule_run *run, const struct persona *p)
{
	struct text_place none = {NULL, 0};
	const struct text *texts[] = {&p->name, &p->summary, &p->place, &p->situation, &p->quote};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		scan_text(run, texts[i], none);
	const struct text_list *lists[] = {&p->traits, &p->talents, &p->needs, &p->worries,
					   &p->goals, &p->network, &p->notes};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		scan_list(run, lists[i], none);
	for (size_t i = 0; i < p->n_sections; i++) {
		scan_text(run, &p->sections[i]->title, none);
		scan_text(run, &p->sections[i]->body, none);
	}
}

void
rule_personal_data(struct rule_run *run)
{
	if (run->journey != NULL)
		scan_journey(run, run->journey);
	else if (run->persona != NULL)
		scan_persona(run, run->persona);
}
