/* rules_course.c - the friction rules about the course of a route: the same setback again (K023), a plan signed without time to consider (K024) and work or guidance that does not fit (K025). */
#include "rules_run.h"

#include "mem.h"
#include "values.h"

#include <stdlib.h>

enum setback { SETBACK_NONE, SETBACK_DOWN, SETBACK_SICK };

/* What happens at the start of stage i (i >= 1): a step down the ladder
 * between the held positions (stage_held_position), else the start of
 * sick leave; *from is the position held before. A step down out of a
 * sick stage is none: it goes on with the setback the sickness started
 * (sick, then the job lost, is one episode). */
static enum setback
setback_at(const struct journey *j, size_t i, const struct position **from)
{
	const struct position *before = stage_held_position(j, i - 1);
	if (before == NULL)
		return SETBACK_NONE;
	*from = before;
	bool after_sick = j->stages[i - 1]->status.v == STATUS_SICK;
	if (stage_steps_down(j, i))
		return after_sick ? SETBACK_NONE : SETBACK_DOWN;
	if (j->stages[i]->status.v == STATUS_SICK && !after_sick)
		return SETBACK_SICK;
	return SETBACK_NONE;
}

static bool
tp_is_plan_or_evaluation(const struct touchpoint *tp)
{
	return tp->kind == TP_PLAN || tp->kind == TP_EVALUATION;
}

static size_t
position_index(const struct chain *chain, const struct position *pos)
{
	for (size_t p = 0; p < chain->n_positions; p++)
		if (chain->positions[p] == pos)
			return p;
	return chain->n_positions;
}

static void
report_same_setback(struct rule_run *run, enum setback kind, const struct position *from,
		    const struct stage *first, const struct stage *again, size_t times)
{
	const char *name = run_persona_name(run);
	struct diag *d;
	if (run_absence_asks(run)) {
		d = rule_ask(run, again, 0, &again->loc, M_K023_ASK, name,
			     run_stage_title(first), run_stage_title(again));
		rule_hint(run, d, M_K023_ASK_HINT);
		return;
	}
	int impact = times >= 3 ? 3 : 2;
	if (kind == SETBACK_SICK)
		d = rule_report_stage(run, again, impact, M_K023_SICK, name, run_position_label(from),
				      run_stage_title(again), run_stage_title(first));
	else
		d = rule_report_stage(run, again, impact, M_K023_DOWN, name, run_position_label(from),
				      run_stage_title(again), run_stage_title(first));
	rule_hint(run, d, M_K023_HINT, name);
}

/* K023, in one pass: per position the stage of its last setback and how
 * many there were, and the number of plans and evaluations so far. */
void
rule_same_setback(struct rule_run *run)
{
	const struct journey *j = run->journey;
	size_t n_pos = run->chain->n_positions;
	size_t *last = xcalloc(n_pos + 1, sizeof *last);   /* stage index + 1 */
	size_t *times = xcalloc(n_pos + 1, sizeof *times);
	size_t *plans_at = xcalloc(n_pos + 1, sizeof *plans_at); /* plans before `last` */
	size_t plans = 0; /* plans and evaluations in the stages before i */
	for (size_t i = 1; i < j->n_stages; i++) {
		plans += stage_has(j->stages[i - 1], tp_is_plan_or_evaluation);
		const struct position *from = NULL;
		enum setback kind = setback_at(j, i, &from);
		if (kind == SETBACK_NONE)
			continue;
		size_t p = position_index(run->chain, from);
		if (p == n_pos)
			continue;
		times[p]++;
		if (last[p] != 0 && plans == plans_at[p])
			report_same_setback(run, kind, from, j->stages[last[p] - 1], j->stages[i], times[p]);
		last[p] = i + 1;
		plans_at[p] = plans;
	}
	free(last);
	free(times);
	free(plans_at);
}

void
rule_no_time_to_consider(struct rule_run *run)
{
	const struct touchpoint *tp = run->tp;
	if (tp->kind != TP_PLAN || tp->time_to_consider.v != YESNO_NO)
		return;
	const char *name = run_persona_name(run);
	struct diag *d = rule_report_touchpoint(run, 2, M_K024, run_tp_title(run, tp), name);
	rule_hint(run, d, M_K024_HINT, name);
}

/* K025: a poor fit evaluated in its stage is being dealt with; with no
 * evaluation written, a partial journey asks (an absence). */
#define POOR_FIT_LONG_DAYS 90

static bool
tp_is_evaluation(const struct touchpoint *tp)
{
	return tp->kind == TP_EVALUATION;
}

void
rule_poor_fit(struct rule_run *run)
{
	const struct stage *st = run->stage;
	if (st->fit.v != YESNO_NO)
		return;
	if (stage_has(st, tp_is_evaluation))
		return;
	const char *name = run_persona_name(run);
	struct diag *d;
	if (run_absence_asks(run)) {
		d = rule_ask(run, st, 0, &st->loc, M_K025_ASK, name, run_stage_title(st));
		rule_hint(run, d, M_K025_ASK_HINT);
		return;
	}
	bool long_stage = st->duration.set && st->duration.v > POOR_FIT_LONG_DAYS;
	char lasts[VALUE_DURATION_WORDS], most[VALUE_DURATION_WORDS];
	enum lang lang = run->diags->lang;
	d = long_stage
		? rule_report_stage(run, st, 3, M_K025_LONG, run_stage_title(st), name,
				    value_duration_words(lasts, st->duration.v, lang),
				    value_duration_words(most, POOR_FIT_LONG_DAYS, lang))
		: rule_report_stage(run, st, 2, M_K025, run_stage_title(st), name);
	rule_hint(run, d, M_K025_HINT, name);
}
