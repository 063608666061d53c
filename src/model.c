/* model.c - building and freeing documents, and the facts of the model the rules share. */
#include "model.h"

#include "mem.h"
#include "readability.h"
#include "text.h"
#include "values.h"

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

/* The classes of each kind (v2-friction.md, "Touchpoint kinds"). */
static const unsigned kind_class[TP__MAX] = {
	[TP_LETTER] = TPC_WRITTEN | TPC_TO_PERSON,
	[TP_DECISION] = TPC_WRITTEN | TPC_TO_PERSON | TPC_DECISION,
	[TP_EMAIL] = TPC_WRITTEN | TPC_TO_PERSON,
	[TP_PORTAL] = TPC_WRITTEN | TPC_TO_PERSON,
	[TP_CONVERSATION] = TPC_PERSONAL,
	[TP_PHONE] = TPC_PERSONAL,
	[TP_VISIT] = TPC_PERSONAL,
	[TP_INTAKE] = TPC_PERSONAL,
	[TP_EVALUATION] = TPC_PERSONAL,
	[TP_REINDICATION] = TPC_PERSONAL,
	[TP_HANDOVER] = TPC_PERSONAL, /* unless warm is "no" */
	[TP_TRIAL] = TPC_PERSONAL,
	[TP_FINANCIAL_CHECK] = TPC_PERSONAL,
	[TP_WAITING] = 0,
	[TP_APPLICATION] = TPC_OUTGOING,
	[TP_INQUIRY] = TPC_OUTGOING,
	[TP_CHANGE_REPORT] = TPC_OUTGOING,
	[TP_REMINDER] = TPC_OUTGOING,
	[TP_COMPLAINT] = TPC_OUTGOING,
	[TP_OBJECTION] = TPC_OUTGOING,
	[TP_REFERRAL] = TPC_TO_PERSON,
	[TP_ADVICE] = TPC_TO_PERSON,
	[TP_OFFER] = TPC_TO_PERSON,
	[TP_REJECTION] = TPC_TO_PERSON | TPC_DECISION,
	[TP_PROMISE] = TPC_AGREEMENT,
	[TP_PLAN] = TPC_AGREEMENT,
	[TP_BENEFIT_STOP] = TPC_MONEY,
	[TP_OFFSET] = TPC_MONEY,
	[TP_RECOVERY] = TPC_MONEY,
	[TP_SANCTION] = TPC_MONEY,
	[TP_WARNING] = TPC_MONEY,
	[TP_DEBT] = TPC_MONEY,
	[TP_PAYMENT] = TPC_MONEY_POSITIVE,
	[TP_REDRESS] = TPC_REPAIR,
	[TP_OTHER] = 0,
};

unsigned
tp_kind_class(enum tp_kind kind)
{
	return (unsigned)kind < TP__MAX ? kind_class[kind] : 0;
}

unsigned
touchpoint_class(const struct touchpoint *tp)
{
	unsigned c = tp_kind_class(tp->kind);
	if (tp->kind == TP_HANDOVER && tp->warm.v == YESNO_NO)
		c &= ~(unsigned)TPC_PERSONAL;
	switch (tp->channel.v) {
	case CHANNEL_LETTER:
	case CHANNEL_EMAIL:
	case CHANNEL_PORTAL:
		c |= TPC_WRITTEN;
		break;
	case CHANNEL_PHONE:
	case CHANNEL_CONVERSATION:
	case CHANNEL_VISIT:
		c |= TPC_PERSONAL;
		break;
	default:
		break;
	}
	if (tp->direction.v == DIRECTION_OUT)
		c |= TPC_OUTGOING;
	return c;
}

/* Version 1's written kinds: letter, decision, e-mail, portal. */
bool
tp_kind_is_written(enum tp_kind kind)
{
	return kind <= TP_PORTAL;
}

/* Version 1's personal kinds, by kind alone (the rules of version 1 do
 * not look at `channel`). */
bool
touchpoint_is_personal(const struct touchpoint *tp)
{
	if (tp->kind > TP_WAITING)
		return false;
	if (tp->kind == TP_HANDOVER)
		return tp->warm.v != YESNO_NO;
	return (kind_class[tp->kind] & TPC_PERSONAL) != 0;
}

bool
touchpoint_outcome_none(const struct touchpoint *tp)
{
	return tp->outcome.s != NULL && value_choice(CHOICE_CONTACT, tp->outcome.s) == CONTACT_NONE;
}

bool
stage_position_unknown(const struct stage *st)
{
	return st->position.s != NULL && value_is_unknown(st->position.s);
}

bool
journey_is_partial(const struct journey *j)
{
	return j->contacts.v == CONTACTS_PARTIAL;
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
