/* rules_request.c - the friction rules about what the person asks and is promised: broken promises (K015), requests nobody answers (K016), being sent from pillar to post (K017), complaints not handled (K018) and long silences (K019). */
#include "rules_run.h"

#include "idmap.h"
#include "mem.h"
#include "text.h"
#include "values.h"

#include <string.h>

/* --- K015 broken promise --- */

/* The day a promise's due runs from: its date, else its stage's start. */
static bool
promise_start_day(const struct touchpoint *tp, const struct stage *st, long *day)
{
	return value_date_day(tp->date.s, false, day) ||
	       value_date_day(st->start.s, false, day);
}

/* The due in days from where it runs, or false when it cannot be known
 * (no due, or a due date with no date to count from). */
static bool
promise_due_days(const struct touchpoint *tp, const struct stage *st, long *due)
{
	if (tp->due_days.set) {
		*due = tp->due_days.v;
		return true;
	}
	long from, until;
	if (!promise_start_day(tp, st, &from) || !value_date_day(tp->due_date.s, true, &until))
		return false;
	*due = until - from;
	return true;
}

/* The days the journey runs on from a promise in stage st, given the
 * days of the stages after st: the rest of st (all of it, unless both the
 * promise's date and the stage's start are known) and those; a stage
 * without a duration adds nothing. */
static long
days_after_promise(const struct touchpoint *tp, const struct stage *st, long later)
{
	long rest = 0, at, start;
	if (st->duration.set) {
		long offset = 0;
		if (value_date_day(tp->date.s, false, &at) &&
		    value_date_day(st->start.s, false, &start) && at > start)
			offset = at - start;
		rest = offset < st->duration.v ? st->duration.v - offset : 0;
	}
	return rest + later;
}

static long
stage_days(const struct stage *st)
{
	return st->duration.set ? st->duration.v : 0;
}

/* One promise: broken (impact 3 when one before it was broken too), or
 * with its due passed and kept unknown (a question). */
static void
promise_judge(struct rule_run *run, const struct stage *st, size_t k, long later,
	      bool broken_before)
{
	const struct touchpoint *tp = st->touchpoints[k];
	const char *title = run_tp_title(run, tp), *name = run_persona_name(run);
	struct diag *d;
	if (tp->kept.v == YESNO_NO) {
		d = rule_report(run, st, (int)k + 1, &tp->loc, broken_before ? 3 : 2,
				M_K015, title, name);
		rule_hint(run, d, M_K015_HINT, name);
		return;
	}
	long due, after;
	if (tp->kept.v == YESNO_YES || !promise_due_days(tp, st, &due) ||
	    (after = days_after_promise(tp, st, later)) <= due)
		return;
	char due_words[VALUE_DURATION_WORDS], after_words[VALUE_DURATION_WORDS];
	enum lang lang = run->diags->lang;
	d = rule_ask(run, st, (int)k + 1, &tp->loc, M_K015_ASK, title, name,
		     value_duration_words(due_words, due, lang),
		     value_duration_words(after_words, after, lang));
	rule_hint(run, d, M_K015_ASK_HINT);
}

/* Walks the journey once: `later` is the days of the stages after the
 * current one (the total less those up to it). */
void
rule_broken_promise(struct rule_run *run)
{
	const struct journey *j = run->journey;
	long later = 0;
	for (size_t i = 0; i < j->n_stages; i++)
		later += stage_days(j->stages[i]);
	bool broken = false;
	for (size_t i = 0; i < j->n_stages; i++) {
		const struct stage *st = j->stages[i];
		later -= stage_days(st);
		for (size_t k = 0; k < st->n_touchpoints; k++) {
			const struct touchpoint *tp = st->touchpoints[k];
			if (tp->kind != TP_PROMISE)
				continue;
			promise_judge(run, st, k, later, broken);
			broken = broken || tp->kept.v == YESNO_NO;
		}
	}
}

/* --- K016 unanswered --- */

static bool
tp_is_request(const struct touchpoint *tp)
{
	return tp->kind == TP_APPLICATION || tp->kind == TP_INQUIRY ||
	       tp->kind == TP_COMPLAINT || tp->kind == TP_OBJECTION;
}

/* Contact an organisation started (K019), which also answers a request
 * (K016): anything that reaches the person or is a personal contact, but
 * not the person's own step, a wait, a debt arising, or an agreement or
 * repair on its own. */
static bool
tp_from_organisation(const struct touchpoint *tp)
{
	if (tp->initiative.v == INITIATIVE_ORGANISATION)
		return true;
	unsigned c = touchpoint_class(tp);
	if ((c & TPC_OUTGOING) != 0 || tp->initiative.v == INITIATIVE_PERSON ||
	    tp->kind == TP_WAITING || tp->kind == TP_DEBT)
		return false;
	return (c & (TPC_WRITTEN | TPC_PERSONAL | TPC_TO_PERSON | TPC_DECISION |
		     TPC_MONEY | TPC_MONEY_POSITIVE)) != 0;
}

/* A request and the reminders that chase it. */
struct request {
	const struct stage *stage;
	size_t index;                 /* of the request (or first reminder) */
	const struct touchpoint *tp;
	long reminders;
	long response_days;           /* the longest given in the group */
};

static void
request_start(struct request *r, const struct stage *st, size_t k)
{
	r->stage = st;
	r->index = k;
	r->tp = st->touchpoints[k];
	r->reminders = 0;
	r->response_days = r->tp->response_days.set ? r->tp->response_days.v : -1;
}

/* Reports the request r once: the first clause that holds gives the
 * message, the highest impact of them the impact. */
static void
request_judge(struct rule_run *run, const struct request *r)
{
	if (r->tp == NULL)
		return;
	long max_days = run->limits->max_silence_days.v;
	long max_reminders = run->limits->max_reminders.v;
	bool none = touchpoint_outcome_none(r->tp);
	bool late = r->response_days > max_days;
	bool chased = r->reminders > max_reminders;
	if (!none && !late && !chased)
		return;
	int impact = 2;
	if (late && r->response_days > 2 * max_days)
		impact = 3;
	const char *title = run_tp_title(run, r->tp), *name = run_persona_name(run);
	const char *kind = run_tp_kind(run, r->tp->kind);
	const struct loc *loc = &r->tp->loc;
	int number = (int)r->index + 1;
	char waited[VALUE_DURATION_WORDS], most[VALUE_DURATION_WORDS];
	struct diag *d;
	if (none)
		d = rule_report(run, r->stage, number, loc, impact, M_K016_NONE, kind, title, name);
	else if (late)
		d = rule_report(run, r->stage, number, loc, impact, M_K016_LATE, name, kind,
				title, value_duration_words(waited, r->response_days, run->diags->lang),
				value_duration_words(most, max_days, run->diags->lang));
	else if (r->tp->kind == TP_REMINDER)
		d = rule_report(run, r->stage, number, loc, impact, M_K016_CHASED_EARLIER,
				name, r->reminders, title, max_reminders);
	else
		d = rule_report(run, r->stage, number, loc, impact, M_K016_CHASED, name,
				r->reminders, kind, title, max_reminders);
	rule_hint(run, d, M_K016_HINT, name);
}

/* Walks the journey in order: each request opens a group, an answer
 * closes it, a reminder joins the open group (or opens one of its own
 * when the request lies before the journey). */
void
rule_unanswered(struct rule_run *run)
{
	const struct journey *j = run->journey;
	struct request open = {0};
	bool is_open = false;
	for (size_t i = 0; i < j->n_stages; i++) {
		const struct stage *st = j->stages[i];
		for (size_t k = 0; k < st->n_touchpoints; k++) {
			const struct touchpoint *tp = st->touchpoints[k];
			if (tp_is_request(tp) || (tp->kind == TP_REMINDER && !is_open)) {
				if (is_open)
					request_judge(run, &open);
				request_start(&open, st, k);
				open.reminders = tp->kind == TP_REMINDER;
				is_open = true;
			} else if (tp->kind == TP_REMINDER) {
				open.reminders++;
				if (tp->response_days.set && tp->response_days.v > open.response_days)
					open.response_days = tp->response_days.v;
			} else if (is_open && tp_from_organisation(tp)) {
				request_judge(run, &open);
				is_open = false;
			}
		}
	}
	if (is_open)
		request_judge(run, &open);
}

/* --- K017 pillar to post --- */

static bool
tp_sends_on(const struct touchpoint *tp)
{
	return tp->kind == TP_REFERRAL || tp->kind == TP_HANDOVER;
}

/* The names met so far on the walk through the journey: who sent the
 * person on (the actor of a referral or handover, or for one without an
 * actor the organisations of its stage), and everyone involved (a stage's
 * organisations, actors and lead, and each touchpoint's actor and `to`). */
struct pillar_walk {
	struct name_set senders;
	struct name_set involved;
	size_t to_ahead; /* touchpoints with a `to` still ahead: names are
			  * only met (folded) while one is left to judge */
};

static bool
tp_has_to(const struct touchpoint *tp)
{
	return tp->to.s != NULL;
}

static size_t
journey_count_to(const struct journey *j)
{
	size_t n = 0;
	for (size_t i = 0; i < j->n_stages; i++)
		for (size_t k = 0; k < j->stages[i]->n_touchpoints; k++)
			n += tp_has_to(j->stages[i]->touchpoints[k]);
	return n;
}

static void
walk_meet_stage(struct pillar_walk *w, const struct stage *st)
{
	name_set_add_texts(&w->involved, &st->organisation);
	name_set_add_texts(&w->involved, &st->actors);
	name_set_add_list(&w->involved, st->lead.s);
}

static void
walk_meet_touchpoint(struct pillar_walk *w, const struct stage *st,
		     const struct touchpoint *tp)
{
	name_set_add_list(&w->involved, tp->actor.s);
	name_set_add_list(&w->involved, tp->to.s);
	if (!tp_sends_on(tp))
		return;
	if (tp->actor.s != NULL)
		name_set_add_list(&w->senders, tp->actor.s);
	else
		name_set_add_texts(&w->senders, &st->organisation);
}

/* (b) for a referral or handover, and a complaint or objection
 * redirected, judged on the names met before it: true when it reported. */
static bool
back_and_forth(struct rule_run *run, struct pillar_walk *w, const struct stage *st, size_t k)
{
	const struct touchpoint *tp = st->touchpoints[k];
	const char *to = tp->to.s;
	const char *name = run_persona_name(run), *title = run_tp_title(run, tp);
	struct diag *d;
	if (tp_sends_on(tp) && name_set_has(&w->senders, to)) {
		d = rule_report(run, st, (int)k + 1, &tp->loc, 3, M_K017_BACK, name, title, to);
		rule_hint(run, d, M_K017_BACK_HINT, to);
		return true;
	}
	if ((tp->kind == TP_COMPLAINT || tp->kind == TP_OBJECTION) &&
	    tp->handled.v == HANDLED_REDIRECTED && name_set_has(&w->involved, to)) {
		d = rule_report(run, st, (int)k + 1, &tp->loc, 2, M_K017_REDIRECTED,
				run_tp_kind(run, tp->kind), title, to);
		rule_hint(run, d, M_K017_REDIRECTED_HINT);
		return true;
	}
	return false;
}

/* Referrals in a row: how many, and whether a stage among theirs had a
 * lead. Someone taking the person on (an offer, a plan, an intake or a
 * warm handover) ends the row. */
struct referral_row {
	int count;
	bool lead_seen;
	bool reported;
};

static bool
tp_takes_on(const struct touchpoint *tp)
{
	return tp->kind == TP_OFFER || tp->kind == TP_PLAN || tp->kind == TP_INTAKE ||
	       tp_is_kind_handover_warm(tp);
}

static bool
stage_has_lead(const struct stage *st)
{
	return st->lead.s != NULL && *st->lead.s != '\0';
}

/* (c): the third referral of a row with no lead. */
static void
referral_row_judge(struct rule_run *run, struct referral_row *row,
		   const struct stage *st, size_t k)
{
	if (row->count < 3 || row->lead_seen || row->reported)
		return;
	row->reported = true;
	const struct touchpoint *tp = st->touchpoints[k];
	const char *name = run_persona_name(run), *title = run_tp_title(run, tp);
	struct diag *d;
	if (run_absence_asks(run)) {
		d = rule_ask(run, st, (int)k + 1, &tp->loc, M_K017_ROW_ASK, name, row->count, title);
		rule_hint(run, d, M_K017_ROW_ASK_HINT);
	} else {
		d = rule_report(run, st, (int)k + 1, &tp->loc, 2, M_K017_ROW, name, row->count, title);
		rule_hint(run, d, M_K017_ROW_HINT);
	}
}

/* One touchpoint of the walk: (b), (a), then the row for (c). */
static void
pillar_touchpoint(struct rule_run *run, struct pillar_walk *w, struct referral_row *row,
		  const struct stage *st, size_t k)
{
	const struct touchpoint *tp = st->touchpoints[k];
	bool reported = false;
	if (tp_has_to(tp)) {
		reported = back_and_forth(run, w, st, k);
		w->to_ahead--;
	}
	if (w->to_ahead > 0)
		walk_meet_touchpoint(w, st, tp);
	if (tp_takes_on(tp)) {
		*row = (struct referral_row){0};
		return;
	}
	if (tp->kind != TP_REFERRAL)
		return;
	if (!reported && touchpoint_outcome_none(tp)) {
		struct diag *d = rule_report(run, st, (int)k + 1, &tp->loc, 2, M_K017_NOWHERE,
					     run_tp_title(run, tp), run_persona_name(run));
		rule_hint(run, d, M_K017_NOWHERE_HINT);
	}
	if (row->count == 0)
		row->lead_seen = stage_has_lead(st);
	row->count++;
	referral_row_judge(run, row, st, k);
}

void
rule_pillar_to_post(struct rule_run *run)
{
	const struct journey *j = run->journey;
	struct pillar_walk w = {.to_ahead = journey_count_to(j)};
	struct referral_row row = {0};
	for (size_t i = 0; i < j->n_stages; i++) {
		const struct stage *st = j->stages[i];
		if (w.to_ahead > 0)
			walk_meet_stage(&w, st);
		if (stage_has_lead(st))
			row.lead_seen = true;
		for (size_t k = 0; k < st->n_touchpoints; k++)
			pillar_touchpoint(run, &w, &row, st, k);
	}
	name_set_free(&w.senders);
	name_set_free(&w.involved);
}

/* --- K018 complaint not handled --- */

void
rule_complaint_not_handled(struct rule_run *run)
{
	const struct touchpoint *tp = run->tp;
	if (tp->kind != TP_COMPLAINT && tp->kind != TP_OBJECTION)
		return;
	const char *kind = run_tp_kind(run, tp->kind), *title = run_tp_title(run, tp);
	struct diag *d;
	switch (tp->handled.v) {
	case HANDLED_NO:
		d = rule_report_touchpoint(run, 3, M_K018_NO, kind, title);
		break;
	case HANDLED_PARTLY:
		d = rule_report_touchpoint(run, 2, M_K018_PARTLY, kind, title);
		break;
	case HANDLED_REDIRECTED:
		d = rule_report_touchpoint(run, 2, M_K018_REDIRECTED, kind, title);
		break;
	default:
		return;
	}
	rule_hint(run, d, M_K018_HINT);
}

/* --- K019 long silence (tp_from_organisation is above) --- */

static bool
tp_is_wait_with_contact(const struct touchpoint *tp)
{
	return tp->kind == TP_WAITING && tp->actor.s != NULL && *tp->actor.s != '\0';
}

static bool
tp_is_waiting(const struct touchpoint *tp)
{
	return tp->kind == TP_WAITING;
}

/* A wait whose contact person is named: a `waiting` touchpoint with an
 * actor, or a wait (a `waiting` touchpoint or a waiting list) with a lead. */
static bool
wait_with_contact(const struct stage *st)
{
	if (stage_has(st, tp_is_wait_with_contact))
		return true;
	bool wait = st->status.v == STATUS_WAITING_LIST || stage_has(st, tp_is_waiting);
	return wait && stage_has_lead(st);
}

/* Where the absence of a listed contact says something: at home or in
 * the social basis (rung 2 or lower), at an unknown position, or on sick
 * leave, a waiting list or suspended. At an activity, a place or work
 * (rung 3 and up) the person meets people every day, and a journey that
 * lists no contact there has simply not listed them. */
static bool
silence_is_telling(const struct stage *st)
{
	if (st->status.v == STATUS_SICK || st->status.v == STATUS_WAITING_LIST ||
	    st->status.v == STATUS_SUSPENDED)
		return true;
	return st->pos == NULL || stage_position_unknown(st) || st->pos->ladder.v <= 2;
}

void
rule_long_silence(struct rule_run *run)
{
	const struct stage *st = run->stage;
	long max = run->limits->max_silence_days.v;
	if (!st->duration.set || st->duration.v <= max)
		return;
	int impact = st->duration.v > 2 * max ? 3 : 2;
	const char *name = run_persona_name(run), *title = run_stage_title(st);
	char silent[VALUE_DURATION_WORDS], most[VALUE_DURATION_WORDS];
	value_duration_words(silent, st->duration.v, run->diags->lang);
	value_duration_words(most, max, run->diags->lang);
	struct diag *d;
	if (st->contact.v == CONTACT_NONE) {
		d = rule_report_stage(run, st, impact, M_K019_NONE, name, silent, title, most);
		rule_hint(run, d, M_K019_HINT, name);
		return;
	}
	if (!silence_is_telling(st) || stage_has(st, tp_from_organisation) ||
	    wait_with_contact(st))
		return;
	if (run_absence_asks(run)) {
		struct loc at = st->loc;
		at.col = 1;
		d = rule_ask(run, st, 0, &at, M_K019_ASK, name, silent, title);
		rule_hint(run, d, M_K019_ASK_HINT);
		return;
	}
	d = rule_report_stage(run, st, impact, M_K019_ABSENT, name, silent, title, most);
	rule_hint(run, d, M_K019_HINT, name);
}
