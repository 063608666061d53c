/* check.c - structural checks of one document and of its positions. */
#include "check.h"

#include "chain.h"
#include "idmap.h"
#include "mem.h"
#include "path.h"
#include "personal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The slug of the file name without folder and extension. */
static char *
id_from_path(const char *path)
{
	const char *base = path_base(path);
	const char *dot = strrchr(base, '.');
	char *name = xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
	char *slug = text_slug(name);
	free(name);
	return slug;
}

/* Sets the hint for a missing value: Markdown and JSON say it differently.
 * A macro, so that the compiler checks both messages (catalog.h). */
#define hint_missing(diags, d, doc, markdown, json) \
	((doc)->format == FORMAT_JSON ? diag_hint(diags, d, json) : diag_hint(diags, d, markdown))

/* Gives a missing document id the file name's slug; checks a given one. */
static void
settle_doc_id(struct doc *doc, struct text *id, struct loc at,
	      const char *fallback, struct diags *diags)
{
	if (id->s != NULL) {
		if (!text_is_slug(id->s)) {
			struct diag *d = diag_emit(diags, CODE_S005, &id->loc, M_S005_ID, id->s);
			diag_hint(diags, d, M_H_ID);
		}
		return;
	}
	char *slug = id_from_path(doc->path);
	id->s = doc_strdup(doc, *slug ? slug : fallback);
	id->loc = at;
	free(slug);
}

/* Reports what names no rule; a rule named by its slug is kept as its
 * code, so that the writers write the code. */
static void
check_codes(struct text_list *codes, struct diags *diags)
{
	for (size_t i = 0; i < codes->n; i++) {
		int code = code_parse_rule(codes->items[i].s);
		if (code >= 0) {
			codes->items[i].s = code_info((enum code)code)->id;
			continue;
		}
		struct diag *d = diag_emit(diags, CODE_S005, &codes->items[i].loc,
					   M_S005_CODE, codes->items[i].s);
		diag_hint(diags, d, M_H_DISABLE);
	}
}

static void
check_persona(struct doc *doc, struct diags *diags)
{
	struct persona *p = doc->persona;
	struct loc at = p->loc.file ? p->loc : (struct loc){doc->path, 1, 1};
	settle_doc_id(doc, &p->id, at, "persona", diags);
	if (p->name.s == NULL) {
		struct diag *d = diag_emit(diags, CODE_S002, &at, M_S002_NO_NAME);
		hint_missing(diags, d, doc, M_H_NO_NAME, M_H_NO_NAME_JSON);
	}
	p->trait_mask = 0;
	for (size_t i = 0; i < p->traits.n; i++)
		p->trait_mask |= trait_from_name(p->traits.items[i].s);
}

/* Gives a stage without an id the slug of its title, or stage-N. */
static void
settle_stage_id(struct doc *doc, struct stage *s, size_t index, struct diags *diags)
{
	if (s->id.s != NULL) {
		if (!text_is_slug(s->id.s)) {
			struct diag *d = diag_emit(diags, CODE_S005, &s->id.loc, M_S005_ID, s->id.s);
			diag_hint(diags, d, M_H_ID);
		}
		return;
	}
	/* An id is shown everywhere: personal data in the title stays out. */
	char *masked = personal_masked_copy(s->title.s);
	const char *title = masked ? masked : s->title.s ? s->title.s : "";
	/* Made in the document's arena: a slug is never longer than its
	 * text, and "stage-N" fits in 32 bytes. */
	size_t room = strlen(title) + 1;
	char *slug = arena_alloc_uninit(doc->arena, room < 32 ? 32 : room);
	text_slug_to(title, slug, room);
	free(masked);
	if (*slug == '\0')
		snprintf(slug, 32, "stage-%zu", index + 1);
	s->id.s = slug;
	s->id.loc = s->loc;
}

static void
check_stage_ids(struct doc *doc, struct diags *diags)
{
	struct journey *j = doc->journey;
	struct idmap first = {0}; /* stage id -> the first stage with it */
	for (size_t i = 0; i < j->n_stages; i++) {
		struct stage *s = j->stages[i];
		settle_stage_id(doc, s, i, diags);
		size_t k = idmap_add(&first, s->id.s, strlen(s->id.s), i);
		if (k != i) {
			struct diag *d = diag_emit(diags, CODE_S004, &s->loc, M_S004_STAGE,
						   s->id.s, j->stages[k]->loc.line);
			diag_hint(diags, d, M_H_DUP_STAGE);
		}
		check_codes(&s->ignore, diags);
	}
	idmap_free(&first);
}

static void
check_journey(struct doc *doc, struct diags *diags)
{
	struct journey *j = doc->journey;
	struct loc at = j->loc.file ? j->loc : (struct loc){doc->path, 1, 1};
	settle_doc_id(doc, &j->id, at, "journey", diags);
	if (j->title.s == NULL) {
		struct diag *d = diag_emit(diags, CODE_S002, &at, M_S002_NO_TITLE);
		hint_missing(diags, d, doc, M_H_NO_TITLE, M_H_NO_TITLE_JSON);
	}
	if (j->persona.s == NULL || *j->persona.s == '\0') {
		struct diag *d = diag_emit(diags, CODE_S002, &at, M_S002_NO_PERSONA);
		hint_missing(diags, d, doc, M_H_NO_PERSONA, M_H_NO_PERSONA_JSON);
	}
	if (j->n_stages == 0) {
		struct diag *d = diag_emit(diags, CODE_S007, &at, M_S007_NO_STAGES);
		hint_missing(diags, d, doc, M_H_NO_STAGES, M_H_NO_STAGES_JSON);
	}
	check_codes(&j->ignore, diags);
	check_stage_ids(doc, diags);
}

void
check_document(struct doc *doc, struct diags *diags)
{
	size_t first = diags->n;
	if (doc->kind == DOC_PERSONA && doc->persona)
		check_persona(doc, diags);
	else if (doc->kind == DOC_JOURNEY && doc->journey)
		check_journey(doc, diags);
	if (diags_has_error_since(diags, first))
		doc->broken = true;
}

/* Reports a position that is not in the chain, naming the nearest one. */
static void
report_unknown_position(const struct text *position, const struct chain *chain,
			struct diags *diags)
{
	const char *near = chain_suggest_position(chain, position->s);
	const char *chain_id = chain->id.s ? chain->id.s : "?";
	struct diag *d = near
		? diag_emit(diags, CODE_S003, &position->loc, M_S003_POSITION_SUGGEST,
			    position->s, chain_id, near)
		: diag_emit(diags, CODE_S003, &position->loc, M_S003_POSITION,
			    position->s, chain_id);
	char *list = chain_position_list(chain);
	diag_hint(diags, d, M_H_POSITIONS, list);
	free(list);
}

void
check_journey_positions(struct doc *doc, const struct chain *chain,
			struct diags *diags)
{
	size_t first = diags->n;
	struct journey *j = doc->journey;
	for (size_t i = 0; i < j->n_stages; i++) {
		struct stage *s = j->stages[i];
		s->pos = NULL;
		s->awaits_pos = NULL;
		if (s->position.s == NULL || *s->position.s == '\0') {
			struct diag *d = diag_emit(diags, CODE_S002, &s->loc, M_S002_NO_POSITION,
						   s->title.s ? s->title.s : s->id.s);
			char *list = chain_position_list(chain);
			if (doc->format == FORMAT_JSON)
				diag_hint(diags, d, M_H_NO_POSITION_JSON, list);
			else
				diag_hint(diags, d, M_H_NO_POSITION, list);
			free(list);
			continue;
		}
		s->pos = chain_find_position(chain, s->position.s);
		/* `positie: onbekend`: valid, no position and so no move. */
		if (s->pos == NULL && !stage_position_unknown(s))
			report_unknown_position(&s->position, chain, diags);
		if (s->awaits.s != NULL) {
			s->awaits_pos = chain_find_position(chain, s->awaits.s);
			if (s->awaits_pos == NULL)
				report_unknown_position(&s->awaits, chain, diags);
		}
	}
	j->chain_ref = chain;
	if (diags_has_error_since(diags, first))
		doc->broken = true;
}

void
check_persona_position(struct doc *doc, const struct chain *chain,
		       struct diags *diags)
{
	struct persona *p = doc->persona;
	p->pos = NULL;
	if (p->position.s == NULL)
		return;
	p->pos = chain_find_position(chain, p->position.s);
	if (p->pos == NULL) {
		report_unknown_position(&p->position, chain, diags);
		doc->broken = true;
	}
}
