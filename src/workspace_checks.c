/* workspace_checks.c - the checks that span files: persona ids, a journey's persona, journey ids across files, and the order a journey's checks run in. */
#include "workspace.h"

#include "check.h"
#include "idmap.h"
#include "mem.h"
#include "rules.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

void
ws_check_persona_ids(struct workspace *ws)
{
	struct idmap first = {0};
	for (size_t i = 0; i < ws->n_personas; i++) {
		const struct persona *p = ws->personas[i]->persona;
		size_t k = idmap_add(&first, p->id.s, strlen(p->id.s), i);
		if (k == i)
			continue;
		const struct persona *q = ws->personas[k]->persona;
		struct diag *d = diag_emit(ws->diags, CODE_S004, &p->id.loc, M_S004_PERSONA,
					   p->id.s, q->id.loc.file, q->id.loc.line);
		diag_hint(ws->diags, d, M_H_DUP_ID);
		ws->personas[i]->broken = true;
	}
	idmap_free(&first);
}

static void
check_persona_reference(const struct workspace *ws, struct doc *doc, struct diags *diags)
{
	struct journey *j = doc->journey;
	if (j->persona.s == NULL || *j->persona.s == '\0')
		return;
	j->persona_ref = workspace_persona(ws, j->persona.s);
	if (j->persona_ref != NULL)
		return;
	const char **ids = xmalloc((ws->n_personas + 1) * sizeof(char *));
	struct buf list = {0};
	for (size_t i = 0; i < ws->n_personas; i++) {
		ids[i] = ws->personas[i]->persona->id.s;
		buf_printf(&list, "%s%s", i ? ", " : "", ids[i]);
	}
	long near = text_nearest(j->persona.s, ids, ws->n_personas);
	struct diag *d = near >= 0
		? diag_emit(diags, CODE_S003, &j->persona.loc, M_S003_PERSONA_SUGGEST,
			    j->persona.s, ids[near])
		: diag_emit(diags, CODE_S003, &j->persona.loc, M_S003_PERSONA, j->persona.s);
	if (ws->n_personas == 0)
		diag_hint(diags, d, M_H_NO_PERSONAS);
	else
		diag_hint(diags, d, M_H_PERSONAS, buf_str(&list));
	buf_free(&list);
	free(ids);
	doc->broken = true;
}

/* Reports a journey id used before (true then); journeys are many, so
 * by an id map (ws->seen_ids: id -> index into ws->seen). */
static bool
check_journey_id(struct workspace *ws, struct doc *doc)
{
	const struct text *id = &doc->journey->id;
	size_t first;
	if (idmap_find(&ws->seen_ids, id->s, strlen(id->s), &first)) {
		const struct ws_seen *seen = &ws->seen[first];
		struct diag *d = diag_emit(ws->diags, CODE_S004, &id->loc, M_S004_JOURNEY,
					   id->s, seen->file, seen->line);
		diag_hint(ws->diags, d, M_H_DUP_ID);
		doc->broken = true;
		return true;
	}
	ws->seen = xgrow(ws->seen, ws->n_seen, &ws->cap_seen, sizeof(*ws->seen));
	ws->seen[ws->n_seen] = (struct ws_seen){xstrdup(doc->path), id->loc.line};
	idmap_add(&ws->seen_ids, id->s, strlen(id->s), ws->n_seen++);
	return false;
}

/* The checks of a journey that need only it, its persona and its chain
 * model, run where it is read: findings into diags, the friction rules'
 * into later. Nothing is done when the chain model must be read first
 * (the main thread does it all then). The journey's chain_ref is set when
 * this has been done. */
void
ws_precheck_journey(struct workspace *ws, struct doc *doc, struct diags *diags,
		 struct diags *later)
{
	bool wait;
	const struct chain *chain = ws_chain_for_journey(ws, doc, diags, false, &wait);
	if (wait)
		return;
	check_journey_positions(doc, chain, diags);
	check_persona_reference(ws, doc, diags);
	rules_check_journey(doc, doc->journey->persona_ref, chain, &ws->opts.rules, later);
}

/* The checks of a journey in input order: the chain model read here when
 * its first journey needs it, and the journey id against the others. The
 * rules' findings (later) are kept unless the id makes the journey broken:
 * the rules then run again, as they see a broken journey differently. */
void
ws_check_in_order(struct workspace *ws, struct doc *doc, struct diags *later)
{
	struct journey *j = doc->journey;
	if (j->chain_ref == NULL) {
		bool wait;
		const struct chain *chain = ws_chain_for_journey(ws, doc, ws->diags, true, &wait);
		check_journey_positions(doc, chain, ws->diags);
		check_persona_reference(ws, doc, ws->diags);
		check_journey_id(ws, doc);
		rules_check_journey(doc, j->persona_ref, chain, &ws->opts.rules, ws->diags);
		return;
	}
	bool was_broken = doc->broken;
	if (check_journey_id(ws, doc) && !was_broken) {
		diags_free(later);
		rules_check_journey(doc, j->persona_ref, j->chain_ref, &ws->opts.rules, ws->diags);
		return;
	}
	diags_move(ws->diags, later);
}
