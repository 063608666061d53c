/* chain.h - the chain model: the embedded default, validation of a model (S008), defaults for thresholds and jargon, position lookup and a description. Included by: check.c, cmd_*.c, overview.c, pathway_spec.c, rules_move.c, workspace.c, tests/unit/, fuzz/. */
#ifndef KETEN_CHAIN_H
#define KETEN_CHAIN_H

#include "diag.h"
#include "mem.h"
#include "model.h"

/* The embedded default chain model as keten/1 JSON text. */
extern const char chain_default_json[];

/* Reads the embedded default into a validated document (never fails). */
struct doc *chain_load_default(enum lang lang);

/* Validates a chain document (S008, and S002 for missing ids), resolves
 * each position's domain and fills in default thresholds and, when the
 * model gives none, the default jargon list. */
void chain_validate(struct doc *doc, struct diags *diags);

/* The position whose id or alias is `name` after slug folding, or NULL. */
const struct position *chain_find_position(const struct chain *chain,
					   const char *name);

/* The nearest position id or alias to `name` when it looks like a typo. */
const char *chain_suggest_position(const struct chain *chain, const char *name);

/* "thuis, sociale-basis, …": the position ids. Caller frees. */
char *chain_position_list(const struct chain *chain);

/* True when both positions' domains carry the same organisation. */
bool chain_one_roof(const struct position *a, const struct position *b);

/* Appends a description of the model for people to out. */
void chain_describe(const struct chain *chain, enum lang lang, struct buf *out);

#endif
