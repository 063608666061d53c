/* rules_run.h - what a friction rule sees while it runs (the journey or persona, the chain model, where the engine is) and how it reports. Included by: rules.c, rules_*.c. */
#ifndef KETEN_RULES_RUN_H
#define KETEN_RULES_RUN_H

#include "rules.h"

#include "idmap.h"
#include "mem.h"
#include "readability.h"

#include <stdarg.h>

/* The engine's state for one rule on one journey or persona. The cursor
 * fields are set according to the rule's scope. */
struct rule_run {
	const struct rule *rule;
	const struct doc *doc;
	const struct journey *journey; /* NULL when a persona is checked */
	const struct persona *persona; /* the journey's persona, may be NULL */
	const struct chain *chain;
	const struct thresholds *limits;
	struct diags *diags;
	const bool *off;               /* codes off for this document */
	const struct phrases *jargon;  /* the chain's jargon, split and indexed */
	size_t *jargon_found;          /* reused for each touchpoint's text (K010) */
	size_t jargon_cap;
	struct words text_words;       /* reused for each touchpoint's text (K010) */
	struct {                       /* the journey's first debt touchpoint (K020, K022) */
		bool known;            /* found yet */
		size_t stage, tp;      /* stage == n_stages when there is none */
	} first_debt;
	/* cursor */
	size_t stage_index;
	const struct stage *stage;     /* the stage (B of a transition) */
	const struct stage *prev;      /* A of a transition, else NULL */
	const struct stage *next;      /* the stage after `stage`, or NULL */
	size_t tp_index;               /* 0-based index of tp in its stage */
	const struct touchpoint *tp;
};

/* Reports a finding of the running rule at loc, belonging to stage (may
 * be NULL) and touchpoint tp_number (1-based, 0 for none). Returns NULL
 * when the finding is suppressed there (it is then counted). */
struct diag *rule_report(struct rule_run *run, const struct stage *stage,
			 int tp_number, const struct loc *loc, int impact,
			 enum msg m, ...);
/* The same at the cursor's touchpoint. */
struct diag *rule_report_touchpoint(struct rule_run *run, int impact, enum msg m, ...);
/* The same at a stage heading. */
struct diag *rule_report_stage(struct rule_run *run, const struct stage *stage,
			       int impact, enum msg m, ...);
/* Asks a question (severity question, no impact) at loc, for stage and
 * touchpoint tp_number as rule_report; NULL when suppressed. A rule whose
 * clause rests on an absence asks instead of reporting when
 * run_absence_asks (a partial journey: nobody knows what did not happen). */
struct diag *rule_ask(struct rule_run *run, const struct stage *stage, int tp_number,
		      const struct loc *loc, enum msg m, ...);
/* The same at a stage heading. */
struct diag *rule_ask_stage(struct rule_run *run, const struct stage *stage, enum msg m, ...);
bool run_absence_asks(const struct rule_run *run);
/* Sets a finding's hint; does nothing for a suppressed one (NULL). */
void rule_hint(struct rule_run *run, struct diag *d, enum msg m, ...);
/* The messages' arguments checked at compile time (catalog.h). */
#define rule_report(run, stage, tp_number, loc, impact, ...) \
	(MSG_CHECK(__VA_ARGS__), (rule_report)(run, stage, tp_number, loc, impact, __VA_ARGS__))
#define rule_report_touchpoint(run, impact, ...) \
	(MSG_CHECK(__VA_ARGS__), (rule_report_touchpoint)(run, impact, __VA_ARGS__))
#define rule_report_stage(run, stage, impact, ...) \
	(MSG_CHECK(__VA_ARGS__), (rule_report_stage)(run, stage, impact, __VA_ARGS__))
#define rule_ask(run, stage, tp_number, loc, ...) \
	(MSG_CHECK(__VA_ARGS__), (rule_ask)(run, stage, tp_number, loc, __VA_ARGS__))
#define rule_ask_stage(run, stage, ...) \
	(MSG_CHECK(__VA_ARGS__), (rule_ask_stage)(run, stage, __VA_ARGS__))
#define rule_hint(run, d, ...) \
	(MSG_CHECK(__VA_ARGS__), (rule_hint)(run, d, __VA_ARGS__))

/* Names for messages, in the run's language. */
const char *run_persona_name(const struct rule_run *run);
const char *run_tp_title(const struct rule_run *run, const struct touchpoint *tp);
const char *run_tp_kind(const struct rule_run *run, enum tp_kind kind);
const char *run_stage_title(const struct stage *stage);
const char *run_position_label(const struct position *pos);
bool run_has_trait(const struct rule_run *run, unsigned trait);

/* Impact kept within 1-3. */
int impact_clamp(int impact);

/* --- shared by several rules (rules_walk.c) --- */

/* True when the stage has a touchpoint for which pred holds. */
bool stage_has(const struct stage *stage, bool (*pred)(const struct touchpoint *));
bool tp_is_kind_handover_warm(const struct touchpoint *tp);
bool tp_is_financial_check(const struct touchpoint *tp);
/* A personal contact from an organisation, the one meaning for every rule
 * (v2-friction.md): personal by kind or by channel (touchpoint_class), and
 * not outgoing: the person's own call or visit explains nothing to them. */
bool tp_is_personal_contact(const struct touchpoint *tp);
/* "About it, after it" (K001, K020, K022): a personal contact later in the
 * cursor's stage, or among the first touchpoints of the next stage before
 * any written one. */
bool personal_contact_after(const struct rule_run *run);
/* "Just before it" (K020), the mirror: a personal contact earlier in the
 * stage, or among the last touchpoints of the stage before after any
 * written one. */
bool personal_contact_before(const struct rule_run *run);

/* The position stage i holds for the rules about moves: its own, except
 * that a `status: ziek` stage keeps the position of the nearest stage
 * before it that is not sick (the first stage's when there is none). NULL when
 * unknown (`positie: onbekend`): no move is computed into or out of it. */
const struct position *stage_held_position(const struct journey *j, size_t i);
/* True when the move into stage i (from i - 1) is a step down (up) the
 * ladder, by held positions: entering or leaving sick leave never is. */
bool stage_steps_down(const struct journey *j, size_t i);
bool stage_steps_up(const struct journey *j, size_t i);

/* A set of names of organisations or people, compared as K007 compares
 * actors: trimmed, regardless of case, accents kept. An all-zero struct is
 * an empty set. */
struct name_set {
	struct idmap names; /* the folded names */
	struct buf folded;  /* scratch: the name being folded */
};
/* The next name of the comma-separated list at *p, trimmed (its length in
 * *len), moving *p past it; empty names are skipped; NULL at the end. */
const char *name_list_next(const char **p, size_t *len);
/* Adds one name name[0..len) (trimmed); true when it was not held before. */
bool name_set_add(struct name_set *set, const char *name, size_t len);
/* Adds each name of a comma-separated list (NULL adds nothing). */
void name_set_add_list(struct name_set *set, const char *list);
/* Adds each list of a text list. */
void name_set_add_texts(struct name_set *set, const struct text_list *list);
/* True when the set holds the name (one name; NULL is never held). */
bool name_set_has(struct name_set *set, const char *name);
void name_set_free(struct name_set *set);

/* The check functions of the table, one per rule. */
void rule_letter_without_explanation(struct rule_run *run); /* K001 */
void rule_reindication(struct rule_run *run);               /* K002 */
void rule_cold_handover(struct rule_run *run);              /* K003 */
void rule_relapse_not_caught(struct rule_run *run);         /* K004 */
void rule_big_step(struct rule_run *run);                   /* K005 */
void rule_long_wait(struct rule_run *run);                  /* K006 */
void rule_many_faces(struct rule_run *run);                 /* K007 */
void rule_emotional_dip(struct rule_run *run);              /* K008 */
void rule_income_risk(struct rule_run *run);                /* K009 */
void rule_hard_language(struct rule_run *run);              /* K010 */
void rule_no_talents(struct rule_run *run);                 /* K011 */
void rule_personal_data(struct rule_run *run);              /* K012 */
void rule_pain_point(struct rule_run *run);                 /* K013 */
void rule_digital_without_help(struct rule_run *run);       /* K014 */
void rule_broken_promise(struct rule_run *run);             /* K015 */
void rule_unanswered(struct rule_run *run);                 /* K016 */
void rule_pillar_to_post(struct rule_run *run);             /* K017 */
void rule_complaint_not_handled(struct rule_run *run);      /* K018 */
void rule_long_silence(struct rule_run *run);               /* K019 */
void rule_money_shock(struct rule_run *run);                /* K020 */
void rule_wrong_information(struct rule_run *run);          /* K021 */
void rule_debt_unattended(struct rule_run *run);            /* K022 */
void rule_same_setback(struct rule_run *run);               /* K023 */
void rule_no_time_to_consider(struct rule_run *run);        /* K024 */
void rule_poor_fit(struct rule_run *run);                   /* K025 */

#endif
