/* rules_move.c - the friction rules about moving between stages: cold handovers between domains (K003), relapses nobody catches (K004), unsupported steps too big (K005) and changes of income nobody checks (K009), by the position and income each stage holds. */
#include "rules_run.h"

#include "chain.h"
#include "values.h"

#include <string.h>

static bool
domains_differ(const struct position *a, const struct position *b)
{
	if (a->dom != NULL && b->dom != NULL)
		return a->dom != b->dom;
	const char *da = a->domain.s ? a->domain.s : "";
	const char *db = b->domain.s ? b->domain.s : "";
	return strcmp(da, db) != 0;
}

static const char *
domain_label(const struct position *pos)
{
	if (pos->dom != NULL && pos->dom->label.s != NULL)
		return pos->dom->label.s;
	return pos->domain.s ? pos->domain.s : "?";
}

/* The move into the running stage: the positions the stage before and the
 * stage hold (stage_held_position). False when there is none: a position
 * is unknown, or both are the same. */
struct move {
	const struct position *from, *to;
};

static bool
move_into_stage(const struct rule_run *run, struct move *m)
{
	m->from = stage_held_position(run->journey, run->stage_index - 1);
	m->to = stage_held_position(run->journey, run->stage_index);
	return m->from != NULL && m->to != NULL && m->from != m->to;
}

/* True when the stage says nobody from an organisation contacted the
 * person there (`contact: geen`): a stated fact, judged in every journey. */
static bool
stage_says_no_contact(const struct stage *st)
{
	return st->contact.v == CONTACT_NONE;
}

static bool
tp_is_referral(const struct touchpoint *tp)
{
	return tp->kind == TP_REFERRAL;
}

static bool
tp_is_cold_handover(const struct touchpoint *tp)
{
	return tp->kind == TP_HANDOVER && tp->warm.v == YESNO_NO;
}

/* The first touchpoint of the stage for which pred holds, or NULL. */
static const struct touchpoint *
stage_first(const struct stage *st, bool (*pred)(const struct touchpoint *))
{
	for (size_t i = 0; i < st->n_touchpoints; i++)
		if (pred(st->touchpoints[i]))
			return st->touchpoints[i];
	return NULL;
}

void
rule_cold_handover(struct rule_run *run)
{
	struct move m;
	if (!move_into_stage(run, &m) || !domains_differ(m.from, m.to) ||
	    chain_one_roof(m.from, m.to))
		return;
	if (stage_has(run->stage, tp_is_kind_handover_warm))
		return;
	const char *name = run_persona_name(run), *title = run_stage_title(run->stage);
	const char *from = domain_label(m.from), *to = domain_label(m.to);
	int impact = m.to->ladder.v < m.from->ladder.v ? 3 : 2;
	const struct touchpoint *cold = stage_first(run->stage, tp_is_cold_handover);
	const struct touchpoint *referral = stage_first(run->stage, tp_is_referral);
	if (referral == NULL)
		referral = stage_first(run->prev, tp_is_referral);
	struct diag *d;
	if (cold != NULL)
		d = rule_report_stage(run, run->stage, impact, M_K003_COLD, name, from, to,
				      run_tp_title(run, cold));
	else if (referral != NULL)
		d = rule_report_stage(run, run->stage, impact, M_K003_REFERRAL, name, from, to,
				      run_tp_title(run, referral));
	else if (run_absence_asks(run)) {
		d = rule_ask_stage(run, run->stage, M_K003_ASK, name, from, to, title);
		rule_hint(run, d, M_K003_ASK_HINT, title, name);
		return;
	} else
		d = rule_report_stage(run, run->stage, impact, M_K003, name, from, to, title);
	rule_hint(run, d, M_K003_HINT, name);
}

/* A step down is caught by a personal contact in the new stage, or in the
 * stage before it when that stage comes after the last step up: the stage a
 * step up led into holds how that step was taken (its intake, trial or
 * check), not a catch of the fall. */
void
rule_relapse_not_caught(struct rule_run *run)
{
	struct move m;
	if (!move_into_stage(run, &m) || m.to->ladder.v >= m.from->ladder.v)
		return;
	if (stage_has(run->stage, tp_is_personal_contact) ||
	    (!stage_steps_up(run->journey, run->stage_index - 1) &&
	     stage_has(run->prev, tp_is_personal_contact)))
		return;
	const char *name = run_persona_name(run), *title = run_stage_title(run->stage);
	const char *from = run_position_label(m.from), *to = run_position_label(m.to);
	if (run_absence_asks(run) && !stage_says_no_contact(run->stage)) {
		struct diag *d = rule_ask_stage(run, run->stage, M_K004_ASK, name, from, to, title);
		rule_hint(run, d, M_K004_ASK_HINT, title);
		return;
	}
	struct diag *d = rule_report_stage(run, run->stage, 3, M_K004, name, from, to);
	rule_hint(run, d, M_K004_HINT);
}

/* True when a `wachtlijst` stage awaits pos among the stages before the
 * running one that hold the position the move starts from. */
static bool
move_was_awaited(const struct rule_run *run, const struct move *m)
{
	const struct journey *j = run->journey;
	for (size_t i = run->stage_index; i-- > 0;) {
		if (stage_held_position(j, i) != m->from)
			break;
		const struct stage *st = j->stages[i];
		if (st->status.v == STATUS_WAITING_LIST && st->awaits_pos == m->to)
			return true;
	}
	return false;
}

/* A big step is supported by the way it is taken: into work with support,
 * as a trial, into the place a waiting list awaited, or with a personal
 * contact in the new stage. */
static bool
step_supported(const struct rule_run *run, const struct move *m)
{
	return (m->to->id.s != NULL && strcmp(m->to->id.s, "werk-met-ondersteuning") == 0) ||
	       run->stage->status.v == STATUS_TRIAL || move_was_awaited(run, m) ||
	       stage_has(run->stage, tp_is_personal_contact);
}

void
rule_big_step(struct rule_run *run)
{
	struct move m;
	if (!move_into_stage(run, &m))
		return;
	long step = m.to->ladder.v - m.from->ladder.v, max = run->limits->max_step_up.v;
	if (step <= max || step_supported(run, &m))
		return;
	const char *from = run_position_label(m.from), *to = run_position_label(m.to);
	const char *title = run_stage_title(run->stage);
	if (run_absence_asks(run) && !stage_says_no_contact(run->stage)) {
		struct diag *d = rule_ask_stage(run, run->stage, M_K005_ASK,
					  run_persona_name(run), step, from, to, title);
		rule_hint(run, d, M_K005_ASK_HINT, title);
		return;
	}
	struct diag *d = rule_report_stage(run, run->stage, 2, M_K005, step, from, to, max);
	rule_hint(run, d, M_K005_HINT);
}

/* The income stage i has: its own `inkomen:`, else a sick stage keeps the
 * income of the stage before it, else its position's (unset when unknown). */
static int
stage_income(const struct journey *j, size_t i)
{
	for (;;) {
		const struct stage *st = j->stages[i];
		if (st->income.v != INCOME_UNSET)
			return st->income.v;
		if (st->status.v != STATUS_SICK || i == 0)
			return st->pos != NULL ? st->pos->income.v : INCOME_UNSET;
		i--;
	}
}

void
rule_income_risk(struct rule_run *run)
{
	int a = stage_income(run->journey, run->stage_index - 1);
	int b = stage_income(run->journey, run->stage_index);
	if (a == INCOME_UNSET || b == INCOME_UNSET || a == b)
		return;
	if (stage_has(run->prev, tp_is_financial_check) ||
	    stage_has(run->stage, tp_is_financial_check))
		return;
	enum lang lang = run->diags->lang;
	const char *name = run_persona_name(run);
	const char *from = value_income_text(a, lang), *to = value_income_text(b, lang);
	if (run_absence_asks(run)) {
		const char *title = run_stage_title(run->stage);
		struct diag *d = rule_ask_stage(run, run->stage, M_K009_ASK, name, from, to, title);
		rule_hint(run, d, M_K009_ASK_HINT, title);
		return;
	}
	struct diag *d = rule_report_stage(run, run->stage,
		run_has_trait(run, TRAIT_DEBTS) ? 3 : 2, M_K009, name, from, to);
	rule_hint(run, d, M_K009_HINT);
}
