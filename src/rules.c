/* rules.c - the friction rule engine: the rule table, the loops that give each rule its touchpoints, transitions, stages, journey or persona, and the one place findings are reported and suppressed. */
#include "rules_run.h"

#include "mem.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

static const struct rule rules[] = {
	{CODE_K001, SCOPE_TOUCHPOINT, rule_letter_without_explanation, M_R_K001_LOOKS, M_R_K001_WHY, M_R_K001_ACTION, {NORM_INFORMATION}},
	{CODE_K002, SCOPE_JOURNEY, rule_reindication, M_R_K002_LOOKS, M_R_K002_WHY, M_R_K002_ACTION, {NORM_SPECIAL_CARE, NORM_PREPARATION}},
	{CODE_K003, SCOPE_TRANSITION, rule_cold_handover, M_R_K003_LOOKS, M_R_K003_WHY, M_R_K003_ACTION, {NORM_COOPERATION}},
	{CODE_K004, SCOPE_TRANSITION, rule_relapse_not_caught, M_R_K004_LOOKS, M_R_K004_WHY, M_R_K004_ACTION, {NORM_SPECIAL_CARE}},
	{CODE_K005, SCOPE_TRANSITION, rule_big_step, M_R_K005_LOOKS, M_R_K005_WHY, M_R_K005_ACTION, {NORM_CUSTOMISATION}},
	{CODE_K006, SCOPE_STAGE, rule_long_wait, M_R_K006_LOOKS, M_R_K006_WHY, M_R_K006_ACTION, {NORM_PROMPTNESS}},
	{CODE_K007, SCOPE_JOURNEY, rule_many_faces, M_R_K007_LOOKS, M_R_K007_WHY, M_R_K007_ACTION, {NORM_ORGANISATION}},
	{CODE_K008, SCOPE_STAGE, rule_emotional_dip, M_R_K008_LOOKS, M_R_K008_WHY, M_R_K008_ACTION, {NORM_SPECIAL_CARE}},
	{CODE_K009, SCOPE_TRANSITION, rule_income_risk, M_R_K009_LOOKS, M_R_K009_WHY, M_R_K009_ACTION, {NORM_INFORMATION}},
	{CODE_K010, SCOPE_TOUCHPOINT, rule_hard_language, M_R_K010_LOOKS, M_R_K010_WHY, M_R_K010_ACTION, {NORM_INFORMATION}},
	{CODE_K011, SCOPE_PERSONA, rule_no_talents, M_R_K011_LOOKS, M_R_K011_WHY, M_R_K011_ACTION, {NORM_CUSTOMISATION}},
	{CODE_K012, SCOPE_TEXT, rule_personal_data, M_R_K012_LOOKS, M_R_K012_WHY, M_R_K012_ACTION, {NORM_FUNDAMENTAL_RIGHTS}},
	{CODE_K013, SCOPE_STAGE, rule_pain_point, M_R_K013_LOOKS, M_R_K013_WHY, M_R_K013_ACTION, {NORM_NONE}},
	{CODE_K014, SCOPE_TOUCHPOINT, rule_digital_without_help, M_R_K014_LOOKS, M_R_K014_WHY, M_R_K014_ACTION, {NORM_SPECIAL_CARE, NORM_CUSTOMISATION}},
	{CODE_K015, SCOPE_JOURNEY, rule_broken_promise, M_R_K015_LOOKS, M_R_K015_WHY, M_R_K015_ACTION, {NORM_RELIABILITY}},
	{CODE_K016, SCOPE_JOURNEY, rule_unanswered, M_R_K016_LOOKS, M_R_K016_WHY, M_R_K016_ACTION, {NORM_PROMPTNESS, NORM_LISTENING}},
	{CODE_K017, SCOPE_JOURNEY, rule_pillar_to_post, M_R_K017_LOOKS, M_R_K017_WHY, M_R_K017_ACTION, {NORM_COOPERATION}},
	{CODE_K018, SCOPE_TOUCHPOINT, rule_complaint_not_handled, M_R_K018_LOOKS, M_R_K018_WHY, M_R_K018_ACTION, {NORM_FAIR_PLAY}},
	{CODE_K019, SCOPE_STAGE, rule_long_silence, M_R_K019_LOOKS, M_R_K019_WHY, M_R_K019_ACTION, {NORM_PROMPTNESS}},
	{CODE_K020, SCOPE_TOUCHPOINT, rule_money_shock, M_R_K020_LOOKS, M_R_K020_WHY, M_R_K020_ACTION, {NORM_INFORMATION, NORM_SPECIAL_CARE}},
	{CODE_K021, SCOPE_TOUCHPOINT, rule_wrong_information, M_R_K021_LOOKS, M_R_K021_WHY, M_R_K021_ACTION, {NORM_INFORMATION, NORM_REASONING}},
	{CODE_K022, SCOPE_TOUCHPOINT, rule_debt_unattended, M_R_K022_LOOKS, M_R_K022_WHY, M_R_K022_ACTION, {NORM_SPECIAL_CARE}},
	{CODE_K023, SCOPE_JOURNEY, rule_same_setback, M_R_K023_LOOKS, M_R_K023_WHY, M_R_K023_ACTION, {NORM_CUSTOMISATION}},
	{CODE_K024, SCOPE_TOUCHPOINT, rule_no_time_to_consider, M_R_K024_LOOKS, M_R_K024_WHY, M_R_K024_ACTION, {NORM_PARTICIPATION, NORM_FAIR_PLAY}},
	{CODE_K025, SCOPE_STAGE, rule_poor_fit, M_R_K025_LOOKS, M_R_K025_WHY, M_R_K025_ACTION, {NORM_CUSTOMISATION}},
};

const struct rule *
rules_table(size_t *n)
{
	*n = sizeof rules / sizeof rules[0];
	return rules;
}

const struct rule *
rule_of_code(enum code code)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (rules[i].code == code)
			return &rules[i];
	return NULL;
}

/* --- the norms --- */

static const struct {
	int number;
	enum msg name;
} norms[NORM__MAX] = {
#define NORM(id, num, m) [NORM_##id] = {num, m},
#include "norms.def"
#undef NORM
};

int
norm_number(enum norm norm)
{
	return norm > NORM_NONE && norm < NORM__MAX ? norms[norm].number : 0;
}

const char *
norm_name(enum norm norm, enum lang lang)
{
	return norm > NORM_NONE && norm < NORM__MAX ? (msg)(lang, norms[norm].name) : "";
}

/* --- which rules are off --- */

static void
mark_codes(bool off[CODE__MAX], const struct text_list *codes)
{
	for (size_t i = 0; i < codes->n; i++) {
		int code = codes->items[i].s ? code_parse_rule(codes->items[i].s) : -1;
		if (code >= 0)
			off[code] = true;
	}
}

/* --disable, the chain model's disable list and the document's ignore. */
static void
codes_off(bool off[CODE__MAX], const struct rule_config *config,
	  const struct chain *chain, const struct text_list *ignore)
{
	memcpy(off, config->disabled, CODE__MAX * sizeof(bool));
	if (chain != NULL)
		mark_codes(off, &chain->disable);
	if (ignore != NULL)
		mark_codes(off, ignore);
}

static bool
suppressed_in_stage(enum code code, const struct stage *stage)
{
	if (stage == NULL)
		return false;
	for (size_t i = 0; i < stage->ignore.n; i++)
		if (stage->ignore.items[i].s && code_parse_rule(stage->ignore.items[i].s) == (int)code)
			return true;
	return false;
}

/* --- reporting --- */

static struct diag *
rule_vreport(struct rule_run *run, const struct stage *stage, int tp_number,
	     const struct loc *loc, int impact, enum msg m, va_list ap)
{
	enum code code = run->rule->code;
	if (run->off[code] || suppressed_in_stage(code, stage)) {
		run->diags->suppressed[code]++;
		return NULL;
	}
	struct diag *d = diag_vemit(run->diags, code, loc, m, ap);
	d->impact = impact_clamp(impact);
	d->touchpoint = tp_number;
	if (stage != NULL && stage->id.s != NULL)
		d->stage = xstrdup(stage->id.s);
	if (run->journey != NULL && run->journey->id.s != NULL)
		d->journey = xstrdup(run->journey->id.s);
	if (run->persona != NULL && run->persona->id.s != NULL)
		d->persona = xstrdup(run->persona->id.s);
	else if (run->journey != NULL && run->journey->persona.s != NULL)
		d->persona = xstrdup(run->journey->persona.s);
	return d;
}

struct diag *
(rule_report)(struct rule_run *run, const struct stage *stage, int tp_number,
	    const struct loc *loc, int impact, enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	struct diag *d = rule_vreport(run, stage, tp_number, loc, impact, m, ap);
	va_end(ap);
	return d;
}

struct diag *
(rule_report_touchpoint)(struct rule_run *run, int impact, enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	struct diag *d = rule_vreport(run, run->stage, (int)run->tp_index + 1,
				      &run->tp->loc, impact, m, ap);
	va_end(ap);
	return d;
}

struct diag *
(rule_report_stage)(struct rule_run *run, const struct stage *stage, int impact,
		  enum msg m, ...)
{
	struct loc at = stage->loc;
	at.col = 1;
	va_list ap;
	va_start(ap, m);
	struct diag *d = rule_vreport(run, stage, 0, &at, impact, m, ap);
	va_end(ap);
	return d;
}

/* Makes a finding a question: severity question, no impact. */
static struct diag *
as_question(struct diag *d)
{
	if (d != NULL) {
		d->severity = SEV_QUESTION;
		d->impact = 0;
	}
	return d;
}

struct diag *
(rule_ask)(struct rule_run *run, const struct stage *stage, int tp_number,
	   const struct loc *loc, enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	struct diag *d = rule_vreport(run, stage, tp_number, loc, 0, m, ap);
	va_end(ap);
	return as_question(d);
}

struct diag *
(rule_ask_stage)(struct rule_run *run, const struct stage *stage, enum msg m, ...)
{
	struct loc at = stage->loc;
	at.col = 1;
	va_list ap;
	va_start(ap, m);
	struct diag *d = rule_vreport(run, stage, 0, &at, 0, m, ap);
	va_end(ap);
	return as_question(d);
}

bool
run_absence_asks(const struct rule_run *run)
{
	return run->journey != NULL && journey_is_partial(run->journey);
}

void
(rule_hint)(struct rule_run *run, struct diag *d, enum msg m, ...)
{
	if (d == NULL)
		return;
	va_list ap;
	va_start(ap, m);
	diag_vhint(run->diags, d, m, ap);
	va_end(ap);
}

/* --- names for messages --- */

const char *
run_persona_name(const struct rule_run *run)
{
	if (run->persona != NULL && run->persona->name.s != NULL && *run->persona->name.s)
		return run->persona->name.s;
	if (run->journey != NULL && run->journey->persona.s != NULL)
		return run->journey->persona.s;
	return "?";
}

const char *
run_tp_kind(const struct rule_run *run, enum tp_kind kind)
{
	return vocab_name(VOCAB_TP_KIND, (int)kind, run->diags->lang);
}

const char *
run_tp_title(const struct rule_run *run, const struct touchpoint *tp)
{
	if (tp->title.s != NULL && *tp->title.s != '\0')
		return tp->title.s;
	return run_tp_kind(run, tp->kind);
}

const char *
run_stage_title(const struct stage *stage)
{
	if (stage->title.s != NULL && *stage->title.s != '\0')
		return stage->title.s;
	return stage->id.s ? stage->id.s : "?";
}

const char *
run_position_label(const struct position *pos)
{
	if (pos->label.s != NULL && *pos->label.s != '\0')
		return pos->label.s;
	return pos->id.s;
}

bool
run_has_trait(const struct rule_run *run, unsigned trait)
{
	return run->persona != NULL && (run->persona->trait_mask & trait) != 0;
}

int
impact_clamp(int impact)
{
	return impact < 1 ? 1 : impact > 3 ? 3 : impact;
}

/* --- the loops --- */

static void
set_stage(struct rule_run *run, size_t i)
{
	const struct journey *j = run->journey;
	run->stage_index = i;
	run->stage = j->stages[i];
	run->prev = i > 0 ? j->stages[i - 1] : NULL;
	run->next = i + 1 < j->n_stages ? j->stages[i + 1] : NULL;
	run->tp = NULL;
	run->tp_index = 0;
}

static void
run_on_touchpoints(struct rule_run *run)
{
	for (size_t i = 0; i < run->journey->n_stages; i++) {
		set_stage(run, i);
		for (size_t k = 0; k < run->stage->n_touchpoints; k++) {
			run->tp_index = k;
			run->tp = run->stage->touchpoints[k];
			run->rule->check(run);
		}
	}
}

static void
run_on_journey(struct rule_run *run)
{
	size_t n = run->journey->n_stages;
	switch (run->rule->scope) {
	case SCOPE_TOUCHPOINT:
		run_on_touchpoints(run);
		break;
	case SCOPE_TRANSITION:
		for (size_t i = 1; i < n; i++) {
			set_stage(run, i);
			run->rule->check(run);
		}
		break;
	case SCOPE_STAGE:
		for (size_t i = 0; i < n; i++) {
			set_stage(run, i);
			run->rule->check(run);
		}
		break;
	case SCOPE_JOURNEY:
	case SCOPE_TEXT:
		run->rule->check(run);
		break;
	case SCOPE_PERSONA:
		break;
	}
}

/* The chain's jargon split and indexed: chain_validate's, or made here for
 * a model that was not validated (into *own; caller frees it). */
static const struct phrases *
jargon_of(const struct chain *chain, struct phrases *own)
{
	if (chain->jargon_words != NULL)
		return chain->jargon_words;
	for (size_t i = 0; i < chain->jargon.n; i++)
		phrases_add(own, chain->jargon.items[i].s ? chain->jargon.items[i].s : "");
	return own;
}

void
rules_check_journey(const struct doc *doc, const struct persona *persona,
		    const struct chain *chain, const struct rule_config *config,
		    struct diags *diags)
{
	if (doc->journey == NULL)
		return;
	bool off[CODE__MAX];
	codes_off(off, config, chain, &doc->journey->ignore);
	struct rule_run run = {
		.doc = doc, .journey = doc->journey, .persona = persona,
		.chain = chain, .limits = chain ? &chain->thresholds : NULL,
		.diags = diags, .off = off,
	};
	bool structural_ok = !doc->broken && chain != NULL;
	struct phrases own = {0};
	run.jargon = structural_ok ? jargon_of(chain, &own) : NULL;
	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
		run.rule = &rules[r];
		if (run.rule->scope == SCOPE_TEXT || structural_ok)
			run_on_journey(&run);
	}
	phrases_free(&own);
	free(run.jargon_found);
	words_free(&run.text_words);
}

void
rules_check_persona(const struct doc *doc, const struct chain *chain,
		    const struct rule_config *config, struct diags *diags)
{
	if (doc->persona == NULL)
		return;
	bool off[CODE__MAX];
	codes_off(off, config, chain, NULL);
	struct rule_run run = {
		.doc = doc, .persona = doc->persona, .chain = chain,
		.limits = chain ? &chain->thresholds : NULL,
		.diags = diags, .off = off,
	};
	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
		run.rule = &rules[r];
		if (run.rule->scope == SCOPE_TEXT ||
		    (run.rule->scope == SCOPE_PERSONA && !doc->broken))
			run.rule->check(&run);
	}
	words_free(&run.text_words);
}
