/* rules_experience.c - the friction rules about how the journey feels: long waits, on a waiting list or at a waiting touchpoint (K006), many faces (K007), emotional dips (K008), missing talents (K011) and the team's own pain points (K013). */
#include "rules_run.h"

#include "mem.h"
#include "values.h"

#include <stdlib.h>

static int
wait_impact(long days, long max)
{
	return days > 2 * max ? 3 : 2;
}

/* A `wachtlijst` stage is one wait: the longer of the stage's duration and
 * its waiting touchpoints', reported once at the stage heading. */
static void
waiting_list_wait(struct rule_run *run, long max)
{
	const struct stage *st = run->stage;
	long days = st->duration.set ? st->duration.v : 0;
	for (size_t i = 0; i < st->n_touchpoints; i++) {
		const struct touchpoint *tp = st->touchpoints[i];
		if (tp->kind == TP_WAITING && tp->duration.set && tp->duration.v > days)
			days = tp->duration.v;
	}
	if (days <= max)
		return;
	char waited[VALUE_DURATION_WORDS], most[VALUE_DURATION_WORDS];
	enum lang lang = run->diags->lang;
	struct diag *d = rule_report_stage(run, st, wait_impact(days, max), M_K006_LIST,
		run_persona_name(run), value_duration_words(waited, days, lang), run_stage_title(st),
		value_duration_words(most, max, lang));
	rule_hint(run, d, M_K006_HINT);
}

void
rule_long_wait(struct rule_run *run)
{
	const struct stage *st = run->stage;
	long max = run->limits->max_wait_days.v;
	if (st->status.v == STATUS_WAITING_LIST) {
		waiting_list_wait(run, max);
		return;
	}
	for (size_t i = 0; i < st->n_touchpoints; i++) {
		const struct touchpoint *tp = st->touchpoints[i];
		if (tp->kind != TP_WAITING || !tp->duration.set || tp->duration.v <= max)
			continue;
		char waited[VALUE_DURATION_WORDS], most[VALUE_DURATION_WORDS];
		enum lang lang = run->diags->lang;
		struct diag *d = rule_report(run, st, (int)i + 1, &tp->loc,
			wait_impact(tp->duration.v, max), M_K006, run_persona_name(run),
			value_duration_words(waited, tp->duration.v, lang), run_tp_title(run, tp),
			value_duration_words(most, max, lang));
		rule_hint(run, d, M_K006_HINT);
	}
}

/* K007: the distinct actors met so far (a name_set) and where their
 * number first passed max. */
struct faces {
	struct name_set names;
	const struct stage *first_over; /* where the count first passed max */
	char *first_over_name;          /* that actor, as written */
	long max;
};

/* Meets each comma-separated name of a list as written. */
static void
faces_meet_list(struct faces *f, const struct stage *st, const char *list)
{
	if (list == NULL)
		return;
	size_t len;
	for (const char *name; (name = name_list_next(&list, &len)) != NULL;) {
		if (!name_set_add(&f->names, name, len))
			continue; /* met before */
		if ((long)f->names.names.n > f->max && f->first_over == NULL) {
			f->first_over = st;
			f->first_over_name = xstrndup(name, len);
		}
	}
}

static void
faces_count(struct faces *f, const struct journey *j)
{
	for (size_t i = 0; i < j->n_stages; i++) {
		const struct stage *st = j->stages[i];
		for (size_t k = 0; k < st->actors.n; k++)
			faces_meet_list(f, st, st->actors.items[k].s);
		for (size_t k = 0; k < st->n_touchpoints; k++)
			faces_meet_list(f, st, st->touchpoints[k]->actor.s);
	}
}

void
rule_many_faces(struct rule_run *run)
{
	struct faces f = {.max = run->limits->max_actors.v};
	faces_count(&f, run->journey);
	size_t n = f.names.names.n;
	if ((long)n > f.max && f.first_over != NULL) {
		struct diag *d = rule_report_stage(run, f.first_over,
			(long)n > 2 * f.max ? 2 : 1, M_K007, run_persona_name(run),
			n, f.max, f.first_over_name, run_stage_title(f.first_over));
		rule_hint(run, d, M_K007_HINT, run_persona_name(run));
	}
	name_set_free(&f.names);
	free(f.first_over_name);
}

/* A setback that explains a low mood: a rejection, or money to the
 * person's harm that reaches them. */
static bool
tp_is_setback(const struct touchpoint *tp)
{
	unsigned c = touchpoint_class(tp);
	return tp->kind == TP_REJECTION ||
	       ((c & TPC_MONEY) != 0 && (c & TPC_OUTGOING) == 0);
}

static bool
emotion_low(const struct stage *st)
{
	return st->emotion.set && st->emotion.v <= -1;
}

/* K008's cause in stage i: a step down into it, else its first setback.
 * Returns false when there is none. */
static bool
dip_cause(const struct journey *j, size_t i, bool *step_down,
	  const struct touchpoint **setback)
{
	*step_down = stage_steps_down(j, i);
	*setback = NULL;
	if (*step_down)
		return true;
	const struct stage *st = j->stages[i];
	for (size_t k = 0; k < st->n_touchpoints && *setback == NULL; k++)
		if (tp_is_setback(st->touchpoints[k]))
			*setback = st->touchpoints[k];
	return *setback != NULL;
}

/* A stage at -1 or lower after a setback in it or in the stage before
 * (when that stage is not low itself: its dip is reported there). */
static void
dip_after_setback(struct rule_run *run)
{
	const struct journey *j = run->journey;
	size_t i = run->stage_index;
	const struct stage *b = run->stage;
	bool step_down;
	const struct touchpoint *setback;
	if (!dip_cause(j, i, &step_down, &setback) &&
	    (i == 0 || emotion_low(run->prev) || !dip_cause(j, i - 1, &step_down, &setback)))
		return;
	const char *name = run_persona_name(run), *title = run_stage_title(b);
	struct diag *d;
	if (setback != NULL)
		d = rule_report_stage(run, b, 2, M_K008_SETBACK, name, b->emotion.v, title,
				      run_tp_title(run, setback));
	else
		d = rule_report_stage(run, b, 2, M_K008_STEP_DOWN, name, b->emotion.v, title);
	rule_hint(run, d, M_K008_HINT);
}

void
rule_emotional_dip(struct rule_run *run)
{
	const struct stage *a = run->prev, *b = run->stage;
	bool drop = a != NULL && a->emotion.set && b->emotion.set &&
		    a->emotion.v - b->emotion.v >= run->limits->emotion_drop.v;
	bool low = b->emotion.set && b->emotion.v == -2;
	if (!drop && !low) {
		if (emotion_low(b))
			dip_after_setback(run);
		return;
	}
	const char *name = run_persona_name(run), *title = run_stage_title(b);
	struct diag *d;
	if (drop && low)
		d = rule_report_stage(run, b, 3, M_K008_BOTH, name, a->emotion.v, b->emotion.v, title);
	else if (drop)
		d = rule_report_stage(run, b, 2, M_K008_DROP, name, a->emotion.v, b->emotion.v, title);
	else
		d = rule_report_stage(run, b, 2, M_K008_LOW, name, title);
	rule_hint(run, d, M_K008_HINT);
}

void
rule_no_talents(struct rule_run *run)
{
	const struct persona *p = run->persona;
	if (p->talents.n > 0)
		return;
	struct loc at = p->loc;
	at.col = 1;
	struct diag *d = rule_report(run, NULL, 0, &at, 1, M_K011, run_persona_name(run));
	rule_hint(run, d, M_K011_HINT, run_persona_name(run), run_persona_name(run));
}

void
rule_pain_point(struct rule_run *run)
{
	const struct text_list *points = &run->stage->pain_points;
	for (size_t i = 0; i < points->n; i++) {
		const struct text *t = &points->items[i];
		struct diag *d = rule_report(run, run->stage, 0, &t->loc, 2, M_K013,
					     t->s ? t->s : "", run_stage_title(run->stage));
		rule_hint(run, d, M_K013_HINT);
	}
}
