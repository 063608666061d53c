/* rules_contact.c - the friction rules about contact moments: letters nobody explains (K001), reassessments (K002) and portals without help (K014). */
#include "rules_run.h"

#include "values.h"

/* K001: the kinds it judges (letter, decision, rejection, advice), when
 * they reach the person: not outgoing (`richting: uit`) and not given in
 * person (a `kanaal` that makes them personal explains them as they come). */
static bool
reaches_in_writing(const struct touchpoint *tp)
{
	if (tp->kind != TP_LETTER && tp->kind != TP_DECISION &&
	    tp->kind != TP_REJECTION && tp->kind != TP_ADVICE)
		return false;
	return (touchpoint_class(tp) & (TPC_OUTGOING | TPC_PERSONAL)) == 0;
}

/* Impact 2, +1 for a decision or rejection, +1 for low literacy (the
 * engine keeps it within 1-3). */
static int
unexplained_impact(const struct rule_run *run)
{
	bool decides = (tp_kind_class(run->tp->kind) & TPC_DECISION) != 0;
	return 2 + decides + run_has_trait(run, TRAIT_LOW_LITERACY);
}

/* K001. `toelichting: nee` is a stated fact and fires in every journey;
 * nobody explaining it after is an absence: friction in a complete
 * journey, a question in a partial one or when `toelichting: onbekend` is
 * written (the team says it does not know). */
void
rule_letter_without_explanation(struct rule_run *run)
{
	const struct touchpoint *tp = run->tp;
	if (!reaches_in_writing(tp) || tp->explained.v == YESNO_YES)
		return;
	const char *kind = run_tp_kind(run, tp->kind);
	const char *title = run_tp_title(run, tp);
	const char *name = run_persona_name(run);
	struct diag *d;
	if (tp->explained.v == YESNO_NO) {
		d = rule_report_touchpoint(run, unexplained_impact(run), M_K001_SAID_NO, kind, title, name);
		rule_hint(run, d, M_K001_HINT, kind);
		return;
	}
	if (personal_contact_after(run))
		return;
	if (run_absence_asks(run) || tp->explained.v == YESNO_UNKNOWN) {
		d = rule_ask(run, run->stage, (int)run->tp_index + 1, &tp->loc, M_K001_ASK, name, kind, title);
		rule_hint(run, d, M_K001_HINT_ASK, kind);
		return;
	}
	d = rule_report_touchpoint(run, unexplained_impact(run), M_K001, kind, title, name);
	rule_hint(run, d, M_K001_HINT, kind);
}

/* K002: a conversation, call or visit before the reassessment in its stage. */
static bool
prepared_before(const struct stage *st, size_t index)
{
	for (size_t k = 0; k < index; k++) {
		enum tp_kind kind = st->touchpoints[k]->kind;
		if (kind == TP_CONVERSATION || kind == TP_PHONE || kind == TP_VISIT)
			return true;
	}
	return false;
}

static void
reindication_at(struct rule_run *run, const struct stage *st, size_t index)
{
	const struct touchpoint *tp = st->touchpoints[index];
	bool tense = run_has_trait(run, TRAIT_ANXIOUS) ||
		     (st->emotion.set && st->emotion.v <= -1);
	bool prepared = prepared_before(st, index);
	int impact = 2 + tense - prepared;
	struct diag *d = rule_report(run, st, (int)index + 1, &tp->loc, impact, M_K002,
				     run_tp_title(run, tp), run_persona_name(run));
	if (prepared)
		rule_hint(run, d, M_K002_HINT_PREPARED);
	else
		rule_hint(run, d, M_K002_HINT);
}

static bool
tp_is_reindication(const struct touchpoint *tp)
{
	return tp->kind == TP_REINDICATION;
}

/* The end (exclusive) of the run of stages at the position of stage i. */
static size_t
run_end(const struct journey *j, size_t i)
{
	size_t end = i + 1;
	while (end < j->n_stages && j->stages[end]->pos == j->stages[i]->pos)
		end++;
	return end;
}

/* A run at a position with an indication that outlasts its term with no
 * reassessment in it: reported where the total first exceeds the term. */
static void
reindication_due(struct rule_run *run, size_t first, size_t end)
{
	const struct journey *j = run->journey;
	const struct position *pos = j->stages[first]->pos;
	if (pos == NULL || pos->indication.v != YESNO_YES || !pos->reindication_months.set)
		return;
	for (size_t i = first; i < end; i++)
		if (stage_has(j->stages[i], tp_is_reindication))
			return;
	long limit = pos->reindication_months.v * 30, total = 0;
	for (size_t i = first; i < end; i++) {
		const struct stage *st = j->stages[i];
		total += st->duration.set ? st->duration.v : 0;
		if (total > limit) {
			char after[VALUE_DURATION_WORDS];
			struct diag *d = rule_report_stage(run, st, 1, M_K002_DUE,
				run_persona_name(run), run_position_label(pos),
				pos->reindication_months.v,
				value_duration_words(after, total, run->diags->lang));
			rule_hint(run, d, M_K002_DUE_HINT);
			return;
		}
	}
}

void
rule_reindication(struct rule_run *run)
{
	const struct journey *j = run->journey;
	for (size_t i = 0; i < j->n_stages; i++)
		for (size_t k = 0; k < j->stages[i]->n_touchpoints; k++)
			if (tp_is_reindication(j->stages[i]->touchpoints[k]))
				reindication_at(run, j->stages[i], k);
	for (size_t i = 0; i < j->n_stages; i = run_end(j, i))
		reindication_due(run, i, run_end(j, i));
}

void
rule_digital_without_help(struct rule_run *run)
{
	if (run->tp->kind != TP_PORTAL || !run_has_trait(run, TRAIT_LOW_DIGITAL))
		return;
	if (stage_has(run->stage, touchpoint_is_personal))
		return;
	struct diag *d = rule_report_touchpoint(run, 2, M_K014,
		run_tp_title(run, run->tp), run_persona_name(run));
	rule_hint(run, d, M_K014_HINT, run_persona_name(run));
}
