/* rules_move.c - the friction rules about moving between stages: cold handovers between domains (K003), relapses nobody catches (K004), steps too big (K005) and changes of income nobody checks (K009). */
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

void
rule_cold_handover(struct rule_run *run)
{
	const struct position *a = run->prev->pos, *b = run->stage->pos;
	if (a == NULL || b == NULL || !domains_differ(a, b) || chain_one_roof(a, b))
		return;
	if (stage_has(run->stage, tp_is_kind_handover_warm))
		return;
	bool down = b->ladder.v < a->ladder.v;
	struct diag *d = rule_report_stage(run, run->stage, down ? 3 : 2, M_K003,
		run_persona_name(run), domain_label(a), domain_label(b),
		run_stage_title(run->stage));
	rule_hint(run, d, M_K003_HINT, run_persona_name(run));
}

void
rule_relapse_not_caught(struct rule_run *run)
{
	const struct position *a = run->prev->pos, *b = run->stage->pos;
	if (a == NULL || b == NULL || b->ladder.v >= a->ladder.v)
		return;
	if (stage_has(run->stage, touchpoint_is_personal))
		return;
	struct diag *d = rule_report_stage(run, run->stage, 3, M_K004,
		run_persona_name(run), run_position_label(a), run_position_label(b));
	rule_hint(run, d, M_K004_HINT);
}

void
rule_big_step(struct rule_run *run)
{
	const struct position *a = run->prev->pos, *b = run->stage->pos;
	if (a == NULL || b == NULL)
		return;
	long step = b->ladder.v - a->ladder.v, max = run->limits->max_step_up.v;
	if (step <= max)
		return;
	struct diag *d = rule_report_stage(run, run->stage, 2, M_K005,
		step, run_position_label(a), run_position_label(b), max);
	rule_hint(run, d, M_K005_HINT);
}

void
rule_income_risk(struct rule_run *run)
{
	const struct position *a = run->prev->pos, *b = run->stage->pos;
	if (a == NULL || b == NULL || a->income.v == INCOME_UNSET ||
	    b->income.v == INCOME_UNSET || a->income.v == b->income.v)
		return;
	if (stage_has(run->prev, tp_is_financial_check) ||
	    stage_has(run->stage, tp_is_financial_check))
		return;
	enum lang lang = run->diags->lang;
	struct diag *d = rule_report_stage(run, run->stage,
		run_has_trait(run, TRAIT_DEBTS) ? 3 : 2, M_K009, run_persona_name(run),
		value_income_text(a->income.v, lang), value_income_text(b->income.v, lang));
	rule_hint(run, d, M_K009_HINT);
}
