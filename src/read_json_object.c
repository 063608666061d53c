/* read_json_object.c - the JSON reader's objects: the members of each kind of object (a table per kind), unknown members, arrays of objects within the limits, and the document's top object. */
#include "read_json_value.h"

#include "mem.h"
#include "text.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_FIELDS = 24 };

/* ------------------------------------------------------------------ */
/* Objects, driven by a table of members per kind of object. */

enum field_kind {
	F_NONE,       /* handled by the caller */
	F_TEXT,       /* struct text */
	F_NUMBER,     /* struct number, within min..max */
	F_FLAG,       /* struct flag */
	F_FLAG3,      /* struct flag: true, false or "unknown" */
	F_CHOICE,     /* struct choice of the set in min */
	F_DUE,        /* of a touchpoint: due_days or due_date */
	F_LIST,       /* struct text_list from an array of strings */
	F_ACTORS,     /* struct text_list; a string is split at commas */
	F_NOTES,      /* struct text_list; a string or an array of strings */
	F_INCOME,     /* struct choice */
	F_JOURNEY_KIND, /* struct choice */
	F_DATE,       /* struct text */
	F_TP_KIND,    /* enum tp_kind */
	F_SECTIONS,   /* of a persona */
	F_STAGES,     /* of a journey */
	F_TOUCHPOINTS, /* of a stage */
	F_DOMAINS,    /* of a chain */
	F_POSITIONS,  /* of a chain */
	F_THRESHOLDS, /* of a chain */
	F_JARGON,     /* of a chain: a list that sets jargon_given */
};

struct field {
	const char *name;    /* the canonical member name */
	enum field_kind kind;
	size_t offset;       /* of the value in the object's struct */
	long min, max;       /* for F_NUMBER */
};

struct object_type {
	const struct field *fields;
	size_t n_fields;
	unsigned vocab_mask; /* vocabularies whose other spellings name members */
};

#define FIELD(type, member, name, kind) {name, kind, offsetof(type, member), 0, 0}
#define WHOLE(type, member, name, lo, hi) {name, F_NUMBER, offsetof(type, member), lo, hi}
#define CHOICE(type, member, name, set) {name, F_CHOICE, offsetof(type, member), set, 0}
#define ANY_WHOLE(type, member, name) WHOLE(type, member, name, -MAX_WHOLE, MAX_WHOLE)
#define OBJECT_TYPE(fields, mask) {fields, sizeof(fields) / sizeof(fields[0]), mask}

static const struct field top_fields[] = {
	{"format", F_NONE, 0, 0, 0},
	{"$schema", F_NONE, 0, 0, 0}, /* for editors: the schema the file follows */
	{"persona", F_NONE, 0, 0, 0},
	{"journey", F_NONE, 0, 0, 0},
	{"chain", F_NONE, 0, 0, 0},
};
enum { TOP_FORMAT, TOP_SCHEMA, TOP_PERSONA, TOP_JOURNEY, TOP_CHAIN };

static const struct field persona_fields[] = {
	FIELD(struct persona, id, "id", F_TEXT),
	FIELD(struct persona, name, "name", F_TEXT),
	FIELD(struct persona, summary, "summary", F_TEXT),
	WHOLE(struct persona, age, "age", 0, 120),
	FIELD(struct persona, place, "place", F_TEXT),
	FIELD(struct persona, situation, "situation", F_TEXT),
	FIELD(struct persona, position, "position", F_TEXT),
	WHOLE(struct persona, ladder, "ladder", 1, 6),
	FIELD(struct persona, income, "income", F_INCOME),
	FIELD(struct persona, traits, "traits", F_LIST),
	FIELD(struct persona, talents, "talents", F_LIST),
	FIELD(struct persona, needs, "needs", F_LIST),
	FIELD(struct persona, worries, "worries", F_LIST),
	FIELD(struct persona, goals, "goals", F_LIST),
	FIELD(struct persona, network, "network", F_LIST),
	FIELD(struct persona, quote, "quote", F_TEXT),
	FIELD(struct persona, sections, "sections", F_SECTIONS),
	FIELD(struct persona, notes, "note", F_NOTES),
};

static const struct field section_fields[] = {
	FIELD(struct section, title, "title", F_TEXT),
	FIELD(struct section, body, "body", F_TEXT),
};

static const struct field journey_fields[] = {
	FIELD(struct journey, id, "id", F_TEXT),
	FIELD(struct journey, title, "title", F_TEXT),
	FIELD(struct journey, persona, "persona", F_TEXT),
	FIELD(struct journey, chain, "chain", F_TEXT),
	FIELD(struct journey, region, "region", F_TEXT),
	FIELD(struct journey, kind, "kind", F_JOURNEY_KIND),
	FIELD(struct journey, author, "author", F_TEXT),
	FIELD(struct journey, date, "date", F_DATE),
	CHOICE(struct journey, contacts, "contacts", CHOICE_CONTACTS),
	FIELD(struct journey, description, "description", F_TEXT),
	FIELD(struct journey, notes, "note", F_NOTES),
	FIELD(struct journey, ignore, "ignore", F_LIST),
	FIELD(struct journey, stages, "stages", F_STAGES),
};

/* touchpoints comes last so that the stage's title is known by then. */
static const struct field stage_fields[] = {
	FIELD(struct stage, id, "id", F_TEXT),
	FIELD(struct stage, title, "title", F_TEXT),
	FIELD(struct stage, position, "position", F_TEXT),
	FIELD(struct stage, actors, "actors", F_ACTORS),
	FIELD(struct stage, organisation, "organisation", F_ACTORS),
	WHOLE(struct stage, emotion, "emotion", -2, 2),
	WHOLE(struct stage, duration, "duration_days", 0, 36500),
	CHOICE(struct stage, status, "status", CHOICE_STATUS),
	FIELD(struct stage, awaits, "awaits", F_TEXT),
	FIELD(struct stage, income, "income", F_INCOME),
	FIELD(struct stage, lead, "lead", F_TEXT),
	CHOICE(struct stage, contact, "contact", CHOICE_CONTACT),
	FIELD(struct stage, fit, "fit", F_FLAG3),
	WHOLE(struct stage, hours, "hours", 0, 60),
	FIELD(struct stage, start, "start", F_DATE),
	FIELD(struct stage, pain_points, "pain_points", F_LIST),
	FIELD(struct stage, opportunities, "opportunities", F_LIST),
	FIELD(struct stage, notes, "note", F_NOTES),
	FIELD(struct stage, ignore, "ignore", F_LIST),
	FIELD(struct stage, description, "description", F_TEXT),
	FIELD(struct stage, touchpoints, "touchpoints", F_TOUCHPOINTS),
};

static const struct field touchpoint_fields[] = {
	FIELD(struct touchpoint, kind, "kind", F_TP_KIND),
	FIELD(struct touchpoint, title, "title", F_TEXT),
	FIELD(struct touchpoint, actor, "actor", F_TEXT),
	FIELD(struct touchpoint, explained, "explained", F_FLAG3),
	FIELD(struct touchpoint, text, "text", F_TEXT),
	WHOLE(struct touchpoint, duration, "duration_days", 0, 36500),
	FIELD(struct touchpoint, warm, "warm", F_FLAG3),
	WHOLE(struct touchpoint, emotion, "emotion", -2, 2),
	CHOICE(struct touchpoint, channel, "channel", CHOICE_CHANNEL),
	CHOICE(struct touchpoint, direction, "direction", CHOICE_DIRECTION),
	CHOICE(struct touchpoint, initiative, "initiative", CHOICE_INITIATIVE),
	FIELD(struct touchpoint, outcome, "outcome", F_TEXT),
	FIELD(struct touchpoint, to, "to", F_TEXT),
	FIELD(struct touchpoint, kept, "kept", F_FLAG3),
	FIELD(struct touchpoint, due_days, "due", F_DUE),
	CHOICE(struct touchpoint, correct, "correct", CHOICE_CORRECT),
	FIELD(struct touchpoint, justified, "justified", F_FLAG3),
	CHOICE(struct touchpoint, handled, "handled", CHOICE_HANDLED),
	FIELD(struct touchpoint, time_to_consider, "time_to_consider", F_FLAG3),
	FIELD(struct touchpoint, date, "date", F_DATE),
	WHOLE(struct touchpoint, response_days, "response_days", 0, 36500),
	FIELD(struct touchpoint, notes, "note", F_NOTES),
};

static const struct field chain_fields[] = {
	FIELD(struct chain, id, "id", F_TEXT),
	FIELD(struct chain, title, "title", F_TEXT),
	FIELD(struct chain, domains, "domains", F_DOMAINS),
	FIELD(struct chain, positions, "positions", F_POSITIONS),
	FIELD(struct chain, thresholds, "thresholds", F_THRESHOLDS),
	FIELD(struct chain, jargon, "jargon", F_JARGON),
	FIELD(struct chain, disable, "disable", F_LIST),
	FIELD(struct chain, impact_colours, "impact_colours", F_LIST),
};

static const struct field domain_fields[] = {
	FIELD(struct domain, id, "id", F_TEXT),
	FIELD(struct domain, label, "label", F_TEXT),
	FIELD(struct domain, organisation, "organisation", F_TEXT),
	FIELD(struct domain, colour, "colour", F_TEXT),
};

/* The ladder's range is the chain validator's to check (S008). */
static const struct field position_fields[] = {
	FIELD(struct position, id, "id", F_TEXT),
	FIELD(struct position, label, "label", F_TEXT),
	ANY_WHOLE(struct position, ladder, "ladder"),
	FIELD(struct position, domain, "domain", F_TEXT),
	FIELD(struct position, indication, "indication", F_FLAG),
	ANY_WHOLE(struct position, reindication_months, "reindication_months"),
	FIELD(struct position, income, "income", F_INCOME),
	FIELD(struct position, aliases, "aliases", F_LIST),
};

static const struct field threshold_fields[] = {
	ANY_WHOLE(struct thresholds, max_wait_days, "max_wait_days"),
	ANY_WHOLE(struct thresholds, max_step_up, "max_step_up"),
	ANY_WHOLE(struct thresholds, max_actors, "max_actors"),
	ANY_WHOLE(struct thresholds, emotion_drop, "emotion_drop"),
	ANY_WHOLE(struct thresholds, min_readability, "min_readability"),
	ANY_WHOLE(struct thresholds, max_silence_days, "max_silence_days"),
	ANY_WHOLE(struct thresholds, max_reminders, "max_reminders"),
};

static const struct object_type top_type = OBJECT_TYPE(top_fields, 0);
static const struct object_type persona_type = OBJECT_TYPE(
	persona_fields,
	VOCAB_BIT(VOCAB_PERSONA_ATTR) | VOCAB_BIT(VOCAB_PERSONA_SECTION));
static const struct object_type section_type = OBJECT_TYPE(section_fields, 0);
static const struct object_type journey_type =
	OBJECT_TYPE(journey_fields, VOCAB_BIT(VOCAB_JOURNEY_ATTR));
static const struct object_type stage_type = OBJECT_TYPE(
	stage_fields, VOCAB_BIT(VOCAB_STAGE_ATTR) | VOCAB_BIT(VOCAB_STAGE_GROUP));
static const struct object_type touchpoint_type =
	OBJECT_TYPE(touchpoint_fields, VOCAB_BIT(VOCAB_TP_ATTR));
static const struct object_type chain_type = OBJECT_TYPE(chain_fields, 0);
static const struct object_type domain_type = OBJECT_TYPE(domain_fields, 0);
static const struct object_type position_type = OBJECT_TYPE(position_fields, 0);
static const struct object_type threshold_type = OBJECT_TYPE(threshold_fields, 0);

static long
field_index(const struct object_type *type, const char *name)
{
	for (size_t i = 0; i < type->n_fields; i++)
		if (strcmp(type->fields[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* The member an unknown name most likely means: another spelling of the
 * formats' keys ("leeftijd" is "age"), else the nearest name; or NULL. */
static const char *
suggest_member(const struct object_type *type, const char *name)
{
	for (int v = 0; v < VOCAB__MAX; v++) {
		if (!(type->vocab_mask & VOCAB_BIT(v)))
			continue;
		int id = vocab_find(v, name);
		if (id >= 0 && field_index(type, vocab_canonical(v, id)) >= 0)
			return vocab_canonical(v, id);
	}
	const char **names = xmalloc(type->n_fields * sizeof(*names));
	for (size_t i = 0; i < type->n_fields; i++)
		names[i] = type->fields[i].name;
	long best = text_nearest(name, names, type->n_fields);
	const char *found = best >= 0 ? names[best] : NULL;
	free(names);
	return found;
}

/* The member names of a kind of object, joined by ", ". Caller frees. */
static char *
member_list(const struct object_type *type)
{
	struct buf b = {0};
	for (size_t i = 0; i < type->n_fields; i++) {
		if (i > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, type->fields[i].name);
	}
	return buf_detach(&b);
}

/* Keeps an unknown member with a simple value as a note "key: value". */
static void
keep_as_note(struct reader *r, struct jval m, struct text_list *notes)
{
	char *value = NULL;
	if (cJSON_IsString(m.json) && jval_text_fits(r, m))
		value = xstrdup(m.json->valuestring);
	else if (cJSON_IsNumber(m.json))
		value = jval_number_text(r, m);
	else if (cJSON_IsBool(m.json))
		value = xstrdup(cJSON_IsTrue(m.json) ? "true" : "false");
	if (value == NULL)
		return;
	char *note = xasprintf("%s: %s", m.json->string, value);
	text_list_add(r->doc, notes, note, jval_key_loc(r, m));
	free(note);
	free(value);
}

static void
report_unknown(struct reader *r, struct jval m, const struct object_type *type,
	       struct text_list *notes)
{
	struct loc loc = jval_key_loc(r, m);
	const char *key = m.json->string;
	const char *suggestion = suggest_member(type, key);
	struct diag *d =
		suggestion ? diag_emit(r->diags, CODE_S006, &loc,
				       M_S006_MEMBER_SUGGEST, key, suggestion)
			   : diag_emit(r->diags, CODE_S006, &loc, M_S006_MEMBER, key);
	char *names = member_list(type);
	diag_hint(r->diags, d, M_H_MEMBERS, names);
	free(names);
	if (notes != NULL)
		keep_as_note(r, m, notes);
}

/* A member written twice in one object: the later one wins (S010). */
static void
report_repeated(struct reader *r, struct jval first, struct jval again)
{
	struct loc at = jval_key_loc(r, again);
	struct loc before = jval_key_loc(r, first);
	struct diag *d = diag_emit(r->diags, CODE_S010, &at, M_S010_MEMBER,
				   again.json->string, before.line);
	diag_hint(r->diags, d, M_H_MEMBER_REPEATED, again.json->string);
}

/* Finds the last occurrence of each known member (the last one wins, with
 * a warning) and reports the unknown ones, kept as notes when notes is
 * not NULL. */
static void
collect_members(struct reader *r, struct jval obj,
		const struct object_type *type, struct jval *last,
		struct text_list *notes)
{
	for (size_t i = 0; i < type->n_fields; i++)
		last[i] = JVAL_NONE;
	FOR_EACH_CHILD(r, m, obj) {
		if (m.json->string == NULL)
			continue;
		long i = field_index(type, m.json->string);
		if (i >= 0 && jval_present(last[i]))
			report_repeated(r, last[i], m);
		if (i >= 0)
			last[i] = m;
		else
			report_unknown(r, m, type, notes);
	}
}

static bool
expect_object(struct reader *r, struct jval node, const char *name)
{
	if (cJSON_IsObject(node.json))
		return true;
	jval_report_type(r, node, name, M_TYPE_OBJECT);
	return false;
}

static void read_members(struct reader *r, struct jval obj,
			 const struct object_type *type, void *target,
			 struct text_list *notes);

static void
read_section(struct reader *r, struct jval obj, struct persona *p)
{
	struct section *sec = persona_add_section(r->doc, p);
	read_members(r, obj, &section_type, sec, NULL);
	struct loc loc = jval_loc(r, obj);
	if (sec->title.s == NULL) {
		jval_report_missing(r, obj, "title");
		sec->title = doc_text(r->doc, "", loc);
	}
	if (sec->body.s == NULL)
		sec->body = doc_text(r->doc, "", loc);
}

static void
read_touchpoint(struct reader *r, struct jval obj, struct stage *s)
{
	struct touchpoint *tp = stage_add_touchpoint(r->doc, s);
	tp->loc = jval_loc(r, obj);
	tp->kind = TP__MAX;
	tp->title = doc_text(r->doc, "", tp->loc);
	read_members(r, obj, &touchpoint_type, tp, &tp->notes);
	if (tp->kind == TP__MAX) {
		jval_hint_tp_kinds(r, jval_report_missing(r, obj, "kind"));
		tp->kind = TP_OTHER;
	}
}

static void
read_stage(struct reader *r, struct jval obj, struct journey *j)
{
	struct stage *s = journey_add_stage(r->doc, j);
	s->loc = jval_loc(r, obj);
	s->title = doc_text(r->doc, "", s->loc);
	read_members(r, obj, &stage_type, s, &s->notes);
	s->id_given = s->id.s != NULL;
}

static void
read_domain(struct reader *r, struct jval obj, struct chain *c)
{
	struct domain *dom = chain_add_domain(r->doc, c);
	dom->loc = jval_loc(r, obj);
	read_members(r, obj, &domain_type, dom, NULL);
}

static void
read_position(struct reader *r, struct jval obj, struct chain *c)
{
	struct position *pos = chain_add_position(r->doc, c);
	pos->loc = jval_loc(r, obj);
	read_members(r, obj, &position_type, pos, NULL);
}

/* Reports the element that goes beyond a limit of stages or touchpoints. */
static bool
within_limit(struct reader *r, struct jval item, size_t n, long limit,
	     const struct stage *s)
{
	if (limit < 0 || n < (size_t)limit)
		return true;
	struct loc loc = jval_loc(r, item);
	struct diag *d;
	r->over_limit = true;
	if (s == NULL) {
		d = diag_emit(r->diags, CODE_S009, &loc, M_S009_STAGES, limit);
		diag_hint(r->diags, d, M_H_STAGES);
	} else {
		const char *name = s->title.s && *s->title.s ? s->title.s
				   : s->id.s		     ? s->id.s
							     : "";
		d = diag_emit(r->diags, CODE_S009, &loc, M_S009_TOUCHPOINTS,
			      limit, name);
		diag_hint(r->diags, d, M_H_TOUCHPOINTS);
	}
	return false;
}

/* One object of an array to the reader of its kind; false when it goes
 * beyond a limit, which ends the array. */
static bool
read_element(struct reader *r, struct jval item, enum field_kind kind,
	     void *target)
{
	struct journey *j = target;
	struct stage *s = target;
	switch (kind) {
	case F_STAGES:
		if (!within_limit(r, item, j->n_stages, r->limits->max_stages, NULL))
			return false;
		read_stage(r, item, j);
		break;
	case F_TOUCHPOINTS:
		if (!within_limit(r, item, s->n_touchpoints,
				  r->limits->max_touchpoints, s))
			return false;
		read_touchpoint(r, item, s);
		break;
	case F_SECTIONS:
		read_section(r, item, target);
		break;
	case F_DOMAINS:
		read_domain(r, item, target);
		break;
	default:
		read_position(r, item, target);
		break;
	}
	return true;
}

/* An array of objects: each element goes to one of the readers above. */
static void
read_objects(struct reader *r, struct jval node, const char *name,
	     enum field_kind kind, void *target)
{
	if (!cJSON_IsArray(node.json)) {
		jval_report_type(r, node, name, M_TYPE_ARRAY);
		return;
	}
	size_t i = 0;
	FOR_EACH_CHILD(r, item, node) {
		size_t at = i++;
		if (!jval_present(item))
			continue;
		if (cJSON_IsObject(item.json)) {
			if (!read_element(r, item, kind, target))
				return;
			continue;
		}
		char *what = jval_item_name(name, at);
		jval_report_type(r, item, what, M_TYPE_OBJECT);
		free(what);
	}
}

static void
read_jargon(struct reader *r, struct jval node, struct chain *c)
{
	jval_read_list(r, node, "jargon", &c->jargon, false, false);
	c->jargon_given = cJSON_IsArray(node.json);
}

/* One known member into its place in target. */
static void
read_field(struct reader *r, const struct field *f, struct jval node,
	   void *target)
{
	void *at = (char *)target + f->offset;
	switch (f->kind) {
	case F_NONE:
		break;
	case F_TEXT:
		jval_read_text(r, node, f->name, at);
		break;
	case F_NUMBER:
		jval_read_number(r, node, f->name, f->min, f->max, at);
		break;
	case F_FLAG:
		jval_read_flag(r, node, f->name, at);
		break;
	case F_FLAG3:
		jval_read_flag3(r, node, f->name, at);
		break;
	case F_CHOICE:
		jval_read_choice(r, node, f->name, (enum choice_set)f->min, at);
		break;
	case F_DUE: {
		struct touchpoint *tp = target;
		jval_read_due(r, node, f->name, &tp->due_days, &tp->due_date);
		break;
	}
	case F_LIST:
		jval_read_list(r, node, f->name, at, false, false);
		break;
	case F_ACTORS:
		jval_read_list(r, node, f->name, at, true, true);
		break;
	case F_NOTES:
		jval_read_list(r, node, f->name, at, true, false);
		break;
	case F_INCOME:
		jval_read_income(r, node, f->name, at);
		break;
	case F_JOURNEY_KIND:
		jval_read_journey_kind(r, node, f->name, at);
		break;
	case F_DATE:
		jval_read_date(r, node, f->name, at);
		break;
	case F_TP_KIND:
		jval_read_tp_kind(r, node, at);
		break;
	case F_THRESHOLDS:
		if (expect_object(r, node, f->name))
			read_members(r, node, &threshold_type, at, NULL);
		break;
	case F_JARGON:
		read_jargon(r, node, target);
		break;
	case F_SECTIONS:
	case F_STAGES:
	case F_TOUCHPOINTS:
	case F_DOMAINS:
	case F_POSITIONS:
		read_objects(r, node, f->name, f->kind, target);
		break;
	}
}

/* Reads the members of obj into target, in the order of the table. */
static void
read_members(struct reader *r, struct jval obj, const struct object_type *type,
	     void *target, struct text_list *notes)
{
	struct jval last[MAX_FIELDS];
	collect_members(r, obj, type, last, notes);
	for (size_t i = 0; i < type->n_fields; i++)
		if (jval_present(last[i]))
			read_field(r, &type->fields[i], last[i], target);
}

/* ------------------------------------------------------------------ */
/* The document. */

static void
read_persona(struct reader *r, struct jval obj, struct persona *p)
{
	p->loc = jval_loc(r, obj);
	if (!expect_object(r, obj, "persona"))
		return;
	read_members(r, obj, &persona_type, p, &p->notes);
	p->id_given = p->id.s != NULL;
	for (size_t i = 0; i < p->traits.n; i++)
		p->trait_mask |= trait_from_name(p->traits.items[i].s);
}

static void
read_journey(struct reader *r, struct jval obj, struct journey *j)
{
	j->loc = jval_loc(r, obj);
	if (!expect_object(r, obj, "journey"))
		return;
	read_members(r, obj, &journey_type, j, &j->notes);
	j->id_given = j->id.s != NULL;
}

static void
read_chain(struct reader *r, struct jval obj, struct chain *c)
{
	c->loc = jval_loc(r, obj);
	if (!expect_object(r, obj, "chain"))
		return;
	read_members(r, obj, &chain_type, c, NULL);
}

static void
check_format(struct reader *r, struct jval top, struct jval format)
{
	struct diag *d;
	if (!jval_present(format)) {
		struct loc loc = jval_loc(r, top);
		d = diag_emit(r->diags, CODE_S002, &loc, M_S002_MEMBER, "format");
	} else if (!cJSON_IsString(format.json)) {
		d = jval_report_type(r, format, "format", M_TYPE_STRING);
	} else if (strcmp(format.json->valuestring, "keten/1") != 0) {
		struct loc loc = jval_loc(r, format);
		d = diag_emit(r->diags, CODE_S005, &loc, M_S005_FORMAT,
			      format.json->valuestring);
	} else {
		return;
	}
	diag_hint(r->diags, d, M_H_FORMAT);
}

/* The member that says what the file holds: the first of persona,
 * journey and chain; another one is reported. */
static long
choose_kind(struct reader *r, struct jval top, struct jval *last)
{
	long chosen = -1;
	FOR_EACH_CHILD(r, m, top) {
		const char *key = m.json->string;
		long i = key ? field_index(&top_type, key) : -1;
		if (i < TOP_PERSONA || !jval_present(m) || i == chosen)
			continue;
		if (chosen < 0) {
			chosen = i;
			continue;
		}
		struct loc loc = jval_key_loc(r, m);
		struct diag *d = diag_emit(r->diags, CODE_S002, &loc, M_S002_OBJECT_MANY);
		diag_hint(r->diags, d, M_H_OBJECT_MANY);
		break;
	}
	if (chosen < 0 || !jval_present(last[chosen])) {
		struct loc loc = jval_loc(r, top);
		struct diag *d = diag_emit(r->diags, CODE_S002, &loc, M_S002_OBJECT);
		diag_hint(r->diags, d, M_H_OBJECT);
		return -1;
	}
	return chosen;
}

void
read_json_document(struct reader *r, struct jval top)
{
	struct doc *doc = r->doc;
	if (!expect_object(r, top, "(document)"))
		return;
	struct jval last[MAX_FIELDS];
	collect_members(r, top, &top_type, last, NULL);
	check_format(r, top, last[TOP_FORMAT]);
	long kind = choose_kind(r, top, last);
	if (kind == TOP_PERSONA) {
		doc->kind = DOC_PERSONA;
		doc->persona = arena_alloc(doc->arena, sizeof(*doc->persona));
		read_persona(r, last[kind], doc->persona);
	} else if (kind == TOP_JOURNEY) {
		doc->kind = DOC_JOURNEY;
		doc->journey = arena_alloc(doc->arena, sizeof(*doc->journey));
		read_journey(r, last[kind], doc->journey);
	} else if (kind == TOP_CHAIN) {
		doc->kind = DOC_CHAIN;
		doc->chain = arena_alloc(doc->arena, sizeof(*doc->chain));
		read_chain(r, last[kind], doc->chain);
	}
}
