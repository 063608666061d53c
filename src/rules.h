/* rules.h - the friction rules K001-K025 and the norms they guard: a table of rules that run on a checked journey or persona and report through the one emitter. Included by: cmd_export.c, cmd_rules.c, report*.c, rules_run.h, keten.h, workspace.h, workspace*.c, fuzz/fuzz.c. */
#ifndef KETEN_RULES_H
#define KETEN_RULES_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/* What a rule looks at. */
enum rule_scope {
	SCOPE_TOUCHPOINT, /* each touchpoint of a journey */
	SCOPE_TRANSITION, /* each pair of consecutive stages */
	SCOPE_STAGE,      /* each stage */
	SCOPE_JOURNEY,    /* a journey as a whole */
	SCOPE_PERSONA,    /* a persona */
	SCOPE_TEXT,       /* every text of a persona or journey */
};

struct rule_run;

/* The norms of proper conduct (norms.def); NORM_NONE for a rule that
 * guards none (K013, the team's own pain points). */
enum norm {
	NORM_NONE,
#define NORM(id, number, name) NORM_##id,
#include "norms.def"
#undef NORM
	NORM__MAX
};

/* The norm's number in the Behoorlijkheidswijzer (1-22) and its name. */
int norm_number(enum norm norm);
const char *norm_name(enum norm norm, enum lang lang);

/* One friction rule: its code (slugs and severity come from codes.def),
 * what it looks at, the function that checks it, and its catalogue text. */
struct rule {
	enum code code;
	enum rule_scope scope;
	void (*check)(struct rule_run *run);
	enum msg looks_for; /* what it looks for (keten rules) */
	enum msg why;       /* why it matters */
	enum msg action;    /* what organisations can change (the report's summary) */
	enum norm norms[2]; /* the norms it guards; NORM_NONE ends the list */
};

/* The rule table, in code order. */
const struct rule *rules_table(size_t *n);
/* The rule of a code, or NULL for a code that is no rule (S-codes). */
const struct rule *rule_of_code(enum code code);

/* Rules switched off for a whole run (--disable), by code. */
struct rule_config {
	bool disabled[CODE__MAX];
};

/* Runs the rules on a journey: all of them when the document has no
 * S-errors, only K012 otherwise. The persona and the chain are the ones
 * the journey was resolved against (the persona may be NULL). Suppressed
 * findings are counted in diags->suppressed. */
void rules_check_journey(const struct doc *doc, const struct persona *persona,
			 const struct chain *chain, const struct rule_config *config,
			 struct diags *diags);

/* Runs the persona rules (K011, and K012 on every text). */
void rules_check_persona(const struct doc *doc, const struct chain *chain,
			 const struct rule_config *config, struct diags *diags);

#endif
