/* rules.h - the friction rules K001-K014: a table of rules that run on a checked journey or persona and report through the one emitter. Included by: cmd_export.c, cmd_rules.c, rules_run.h, workspace.h, fuzz/fuzz.c. */
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

/* One friction rule: its code (slugs and severity come from codes.def),
 * what it looks at, the function that checks it, and its catalogue text. */
struct rule {
	enum code code;
	enum rule_scope scope;
	void (*check)(struct rule_run *run);
	enum msg looks_for; /* what it looks for (keten rules) */
	enum msg why;       /* why it matters */
};

/* The rule table, in code order. */
const struct rule *rules_table(size_t *n);

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
