/* model.c - building and freeing documents, and the facts of the model the rules share. */
#include "model.h"

#include "mem.h"
#include "readability.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

struct doc *
doc_new(const char *path, enum doc_kind kind, enum doc_format format)
{
	struct arena *arena = arena_new();
	struct doc *doc = arena_alloc(arena, sizeof(*doc));
	doc->arena = arena;
	doc->path = arena_strdup(arena, path);
	doc->kind = kind;
	doc->format = format;
	return doc;
}

void
chain_free_jargon_words(struct chain *c)
{
	if (c->jargon_words != NULL)
		phrases_free(c->jargon_words);
	free(c->jargon_words);
	c->jargon_words = NULL;
}

void
doc_free(struct doc **doc)
{
	if (doc == NULL || *doc == NULL)
		return;
	if ((*doc)->chain != NULL) {
		idmap_free(&(*doc)->chain->names);
		chain_free_jargon_words((*doc)->chain);
	}
	struct arena *arena = (*doc)->arena;
	arena_free(&arena); /* the document itself lives in its arena */
	*doc = NULL;
}

const char *
doc_strdup(struct doc *doc, const char *s)
{
	return arena_strdup(doc->arena, s);
}

const char *
doc_strndup(struct doc *doc, const char *s, size_t len)
{
	return arena_strndup(doc->arena, s, len);
}

struct text
doc_text(struct doc *doc, const char *s, struct loc loc)
{
	struct text t = {doc_strdup(doc, s), loc};
	return t;
}

/* Appends a new zeroed object of `size` bytes to a pointer array. */
static void *
append(struct doc *doc, void *items, size_t *n, size_t *cap, size_t size)
{
	void ***array = items;
	if (*n == *cap)
		arena_grow_ptrs(doc->arena, array, cap);
	void *obj = arena_alloc(doc->arena, size);
	(*array)[(*n)++] = obj;
	return obj;
}

struct stage *
journey_add_stage(struct doc *doc, struct journey *j)
{
	return append(doc, &j->stages, &j->n_stages, &j->cap_stages,
		      sizeof(struct stage));
}

struct touchpoint *
stage_add_touchpoint(struct doc *doc, struct stage *s)
{
	return append(doc, &s->touchpoints, &s->n_touchpoints,
		      &s->cap_touchpoints, sizeof(struct touchpoint));
}

struct section *
persona_add_section(struct doc *doc, struct persona *p)
{
	return append(doc, &p->sections, &p->n_sections, &p->cap_sections,
		      sizeof(struct section));
}

struct domain *
chain_add_domain(struct doc *doc, struct chain *c)
{
	return append(doc, &c->domains, &c->n_domains, &c->cap_domains,
		      sizeof(struct domain));
}

struct position *
chain_add_position(struct doc *doc, struct chain *c)
{
	return append(doc, &c->positions, &c->n_positions, &c->cap_positions,
		      sizeof(struct position));
}

void
text_list_add(struct doc *doc, struct text_list *list, const char *s,
	      struct loc loc)
{
	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 4;
		struct text *items = arena_alloc(doc->arena, cap * sizeof(*items));
		if (list->n)
			memcpy(items, list->items, list->n * sizeof(*items));
		list->items = items;
		list->cap = cap;
	}
	list->items[list->n++] = doc_text(doc, s, loc);
}

void
text_list_add_split(struct doc *doc, struct text_list *list, const char *s,
		    struct loc loc)
{
	while (*s) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		char *part = text_trim_dup(s, len);
		if (*part)
			text_list_add(doc, list, part, loc);
		free(part);
		s += len;
		if (*s == ',')
			s++;
	}
}

bool
tp_kind_is_written(enum tp_kind kind)
{
	return kind == TP_LETTER || kind == TP_DECISION || kind == TP_EMAIL ||
	       kind == TP_PORTAL;
}

bool
touchpoint_is_personal(const struct touchpoint *tp)
{
	switch (tp->kind) {
	case TP_CONVERSATION:
	case TP_PHONE:
	case TP_VISIT:
	case TP_INTAKE:
	case TP_EVALUATION:
	case TP_REINDICATION:
	case TP_TRIAL:
	case TP_FINANCIAL_CHECK:
		return true;
	case TP_HANDOVER:
		return tp->warm.v != YESNO_NO;
	default:
		return false;
	}
}

unsigned
trait_from_name(const char *name)
{
	static const struct {
		const char *nl, *en;
		unsigned bit;
	} traits[] = {
		{"laaggeletterd", "low-literacy", TRAIT_LOW_LITERACY},
		{"weinig-digitaal", "low-digital", TRAIT_LOW_DIGITAL},
		{"angstig", "anxious", TRAIT_ANXIOUS},
		{"schulden", "debts", TRAIT_DEBTS},
	};
	char *slug = text_slug(name);
	unsigned bit = 0;
	for (size_t i = 0; i < sizeof traits / sizeof traits[0]; i++)
		if (strcmp(slug, traits[i].nl) == 0 || strcmp(slug, traits[i].en) == 0)
			bit = traits[i].bit;
	free(slug);
	return bit;
}

const char *
income_name(enum income income)
{
	switch (income) {
	case INCOME_NONE: return "none";
	case INCOME_BENEFIT: return "benefit";
	case INCOME_WAGE: return "wage";
	case INCOME_MIXED: return "mixed";
	default: return NULL;
	}
}

const char *
journey_kind_name(enum journey_kind kind)
{
	switch (kind) {
	case KIND_AS_IS: return "as-is";
	case KIND_TO_BE: return "to-be";
	default: return NULL;
	}
}
