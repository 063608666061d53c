/* rules_money.c - the friction rules about money and information: money shocks (K020), wrong information or decisions (K021) and debts nobody attends to (K022). */
#include "rules_run.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Written and reaching the person (not the person's own letter). */
static bool
tp_is_written_to_person(const struct touchpoint *tp)
{
	unsigned c = touchpoint_class(tp);
	return (c & TPC_WRITTEN) && !(c & TPC_OUTGOING);
}

static bool
tp_is_adverse_money(const struct touchpoint *tp)
{
	unsigned c = touchpoint_class(tp);
	return (c & TPC_MONEY) && !(c & TPC_OUTGOING);
}

/* A written touchpoint to the person elsewhere in the stage or in the next. */
static bool
written_in_stage_or_next(const struct rule_run *run)
{
	const struct stage *st = run->stage;
	for (size_t k = 0; k < st->n_touchpoints; k++)
		if (k != run->tp_index && tp_is_written_to_person(st->touchpoints[k]))
			return true;
	return run->next != NULL && stage_has(run->next, tp_is_written_to_person);
}

/* Where the journey's first debt touchpoint stands, found once per
 * journey (K020 and K022 ask for it at each money touchpoint). */
static void
find_first_debt(struct rule_run *run)
{
	const struct journey *j = run->journey;
	run->first_debt.known = true;
	run->first_debt.stage = j->n_stages;
	run->first_debt.tp = 0;
	for (size_t i = 0; i < j->n_stages; i++)
		for (size_t k = 0; k < j->stages[i]->n_touchpoints; k++)
			if (j->stages[i]->touchpoints[k]->kind == TP_DEBT) {
				run->first_debt.stage = i;
				run->first_debt.tp = k;
				return;
			}
}

/* The persona has debts at the cursor's touchpoint: the trait, or a debt
 * touchpoint earlier in the journey. */
static bool
debts_by_now(struct rule_run *run)
{
	if (run_has_trait(run, TRAIT_DEBTS))
		return true;
	if (!run->first_debt.known)
		find_first_debt(run);
	return run->first_debt.stage < run->stage_index ||
	       (run->first_debt.stage == run->stage_index && run->first_debt.tp < run->tp_index);
}

/* K020, clause 2: announced by phone and nothing in writing (an absence). */
static void
phone_unconfirmed(struct rule_run *run, int impact)
{
	const struct touchpoint *tp = run->tp;
	if (written_in_stage_or_next(run))
		return;
	const char *kind = run_tp_kind(run, tp->kind);
	const char *title = run_tp_title(run, tp);
	const char *name = run_persona_name(run);
	struct diag *d;
	if (run_absence_asks(run)) {
		d = rule_ask(run, run->stage, (int)run->tp_index + 1, &tp->loc,
			     M_K020_PHONE_ASK, name, kind, title);
		rule_hint(run, d, M_K020_PHONE_ASK_HINT, kind);
	} else {
		d = rule_report_touchpoint(run, impact, M_K020_PHONE, kind, title, name);
		rule_hint(run, d, M_K020_PHONE_HINT, kind);
	}
}

/* K020, clause 3: nobody talks it through just before or after (an absence). */
static void
not_talked_through(struct rule_run *run, int impact)
{
	const struct touchpoint *tp = run->tp;
	if (tp->explained.v == YESNO_YES || tp_is_personal_contact(tp) ||
	    personal_contact_before(run) || personal_contact_after(run))
		return;
	const char *kind = run_tp_kind(run, tp->kind);
	const char *title = run_tp_title(run, tp);
	const char *name = run_persona_name(run);
	struct diag *d;
	if (run_absence_asks(run)) {
		d = rule_ask(run, run->stage, (int)run->tp_index + 1, &tp->loc,
			     M_K020_ASK, name, kind, title);
		rule_hint(run, d, M_K020_ASK_HINT, kind);
	} else {
		d = rule_report_touchpoint(run, impact, M_K020, kind, title, name);
		rule_hint(run, d, M_K020_HINT, kind);
	}
}

/* K020: one finding per touchpoint, the first clause that holds; the
 * stated one (`toelichting: nee`) reports in every journey. A `debt` is
 * no message to the person: K022 judges it. */
void
rule_money_shock(struct rule_run *run)
{
	const struct touchpoint *tp = run->tp;
	if (!tp_is_adverse_money(tp) || tp->kind == TP_DEBT)
		return;
	int impact = debts_by_now(run) ? 3 : 2;
	if (tp->explained.v == YESNO_NO) {
		const char *kind = run_tp_kind(run, tp->kind);
		struct diag *d = rule_report_touchpoint(run, impact, M_K020_SAID_NO, kind,
			run_tp_title(run, tp), run_persona_name(run));
		rule_hint(run, d, M_K020_HINT, kind);
	} else if (tp->channel.v == CHANNEL_PHONE) {
		phone_unconfirmed(run, impact);
	} else {
		not_talked_through(run, impact);
	}
}

/* K021: a step that hurts follows the touchpoint: an adverse money
 * touchpoint later in its stage or in the next, or a move to another known
 * position at the next stage. */
static bool
harm_follows(const struct rule_run *run)
{
	const struct stage *st = run->stage;
	for (size_t k = run->tp_index + 1; k < st->n_touchpoints; k++)
		if (tp_is_adverse_money(st->touchpoints[k]))
			return true;
	if (run->next == NULL)
		return false;
	if (stage_has(run->next, tp_is_adverse_money))
		return true;
	return st->pos != NULL && run->next->pos != NULL && st->pos != run->next->pos;
}

void
rule_wrong_information(struct rule_run *run)
{
	const struct touchpoint *tp = run->tp;
	/* `terecht` judges an organisation's decision; on the person's own
	 * objection it would judge the person. */
	bool unjustified = tp->justified.v == YESNO_NO &&
			   !(touchpoint_class(tp) & TPC_OUTGOING);
	bool wrong = tp->correct.v == CORRECT_NO;
	bool partly = tp->correct.v == CORRECT_PARTLY;
	if (!unjustified && !wrong && !partly)
		return;
	bool severe = tp_is_adverse_money(tp) || harm_follows(run);
	int impact = (unjustified || wrong ? 2 : 1) + severe;
	const char *kind = run_tp_kind(run, tp->kind);
	const char *title = run_tp_title(run, tp);
	const char *name = run_persona_name(run);
	struct diag *d;
	if (unjustified) {
		d = rule_report_touchpoint(run, impact, M_K021_UNJUSTIFIED, kind, title, name);
		rule_hint(run, d, M_K021_UNJUSTIFIED_HINT);
	} else if (wrong) {
		d = rule_report_touchpoint(run, impact, M_K021_WRONG, kind, title, name);
		rule_hint(run, d, M_K021_HINT);
	} else {
		d = rule_report_touchpoint(run, impact, M_K021_PARTLY, kind, title, name);
		rule_hint(run, d, M_K021_HINT);
	}
}

/* K022: a referral or handover whose `to` or title names debt help: its
 * slug holds schuld, budget, bewind or debt. */
static bool
names_debt_help(const char *s)
{
	static const char *const stems[] = {"schuld", "budget", "bewind", "debt"};
	if (s == NULL)
		return false;
	char *slug = text_slug(s);
	bool found = false;
	for (size_t i = 0; i < sizeof stems / sizeof stems[0] && !found; i++)
		found = strstr(slug, stems[i]) != NULL;
	free(slug);
	return found;
}

static bool
tp_is_debt_help(const struct touchpoint *tp)
{
	if (tp->kind == TP_FINANCIAL_CHECK)
		return true;
	if (tp->kind != TP_REFERRAL && tp->kind != TP_HANDOVER)
		return false;
	return names_debt_help(tp->to.s) || names_debt_help(tp->title.s);
}

void
rule_debt_unattended(struct rule_run *run)
{
	const struct touchpoint *tp = run->tp;
	if ((tp->kind != TP_DEBT && tp->kind != TP_RECOVERY) ||
	    (touchpoint_class(tp) & TPC_OUTGOING))
		return;
	if (stage_has(run->stage, tp_is_debt_help) ||
	    (run->next != NULL && stage_has(run->next, tp_is_debt_help)) ||
	    personal_contact_after(run))
		return;
	const char *kind = run_tp_kind(run, tp->kind);
	const char *title = run_tp_title(run, tp);
	const char *name = run_persona_name(run);
	struct diag *d;
	if (run_absence_asks(run)) {
		d = rule_ask(run, run->stage, (int)run->tp_index + 1, &tp->loc,
			     M_K022_ASK, name, kind, title);
		rule_hint(run, d, M_K022_ASK_HINT);
	} else {
		d = rule_report_touchpoint(run, debts_by_now(run) ? 3 : 2, M_K022, kind, title, name);
		rule_hint(run, d, M_K022_HINT, name);
	}
}
