/* check.h - the structural checks on the model: one document on its own (ids, required values, duplicates within it, empty journeys) and positions against a chain model. Included by: workspace.c, tests/unit/, fuzz/. */
#ifndef KETEN_CHECK_H
#define KETEN_CHECK_H

#include "diag.h"
#include "model.h"

/* Derives the ids that were not written (file name, stage titles), works
 * out a persona's known traits, and reports S002, S004 (stages), S005
 * (ids, rule codes) and S007. Marks the document broken on an error. */
void check_document(struct doc *doc, struct diags *diags);

/* Resolves each stage's position in the chain (S002 missing, S003 unknown). */
void check_journey_positions(struct doc *doc, const struct chain *chain,
			     struct diags *diags);

/* Resolves a persona's position, when it gives one (S003). */
void check_persona_position(struct doc *doc, const struct chain *chain,
			    struct diags *diags);

#endif
