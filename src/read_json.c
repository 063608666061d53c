/* read_json.c - the JSON reader: the strict scan (json_scan.c) checks the syntax and gives every value's line and column, cJSON builds the values, and this file turns the two into the model. */
#include "read.h"

#include "json_scan.h"
#include "mem.h"
#include "text.h"
#include "values.h"
#include "vocab.h"

#include <cjson/cJSON.h>

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Doubles hold every whole number up to 2^53 exactly; larger ones are
 * not taken as whole numbers. */
#define MAX_WHOLE 9007199254740992L

enum { MAX_FIELDS = 24, MAX_NUMBER_TEXT = 32 };

/* ------------------------------------------------------------------ */
/* The reader: values, context, locations and the shared reports. */

/* A value of cJSON's tree and the index of its span. The scan and cJSON
 * both meet the values in document order, so a value's first child has
 * the next span and its next sibling the span after the value's own. */
struct val {
	const cJSON *json; /* NULL for a member that is not there */
	size_t span;
};

static const struct val NO_VAL = {NULL, JSON_NO_OFFSET};

struct reader {
	struct source *src;
	const struct limits *limits;
	struct diags *diags;
	struct doc *doc;
	const struct json_span *spans;
	size_t n_spans;
	bool over_limit; /* too many stages or touchpoints: the file is refused */
};

/* The span of a value. The scan passes only text that cJSON reads value
 * for value the same way; the bound keeps any disagreement from reading
 * outside the spans (it gives the start of the file). */
static const struct json_span *
span_of(const struct reader *r, struct val v)
{
	static const struct json_span none = {
		JSON_NO_OFFSET, 0, JSON_NO_OFFSET, {1, 1}, {1, 1}};
	return v.span < r->n_spans ? &r->spans[v.span] : &none;
}

static struct val
first_child(const struct reader *r, struct val v)
{
	size_t span = v.span < r->n_spans ? v.span + 1 : JSON_NO_OFFSET;
	struct val child = {v.json->child, span};
	return child;
}

static struct val
next_sibling(const struct reader *r, struct val v)
{
	struct val next = {v.json->next, span_of(r, v)->end};
	return next;
}

/* Every element of an array, or member of an object, with its span. */
#define FOR_EACH_CHILD(r, child, parent)                                   \
	for (struct val child = first_child(r, parent); child.json != NULL; \
	     child = next_sibling(r, child))

static enum lang
lang_of(const struct reader *r)
{
	return r->diags->lang;
}

static struct loc
value_loc(const struct reader *r, struct val node)
{
	const struct json_span *sp = span_of(r, node);
	struct loc loc = {r->src->file, sp->value_pos.line, sp->value_pos.col};
	return loc;
}

/* The key of a member, or its value when it has no key. */
static struct loc
key_loc(const struct reader *r, struct val node)
{
	const struct json_span *sp = span_of(r, node);
	struct json_pos p = sp->key != JSON_NO_OFFSET ? sp->key_pos : sp->value_pos;
	struct loc loc = {r->src->file, p.line, p.col};
	return loc;
}

static bool
present(struct val node)
{
	return node.json != NULL && !cJSON_IsNull(node.json);
}

/* A number as it was written in the file, shortened when long. Caller frees. */
static char *
number_text(const struct reader *r, struct val node)
{
	size_t at = span_of(r, node)->value, n = 0;
	const char *s = r->src->data + at;
	while (at + n < r->src->len && s[n] != '\0' &&
	       strchr("+-0123456789.eE", s[n]) != NULL)
		n++;
	if (n == 0)
		return xstrdup("?");
	if (n > MAX_NUMBER_TEXT)
		return xasprintf("%.*s...", (int)MAX_NUMBER_TEXT, s);
	return xstrndup(s, n);
}

/* What a value is, for "must be X, not Y". Caller frees. */
static char *
actual_text(const struct reader *r, struct val node, enum msg expected)
{
	if (cJSON_IsNumber(node.json))
		return expected == M_TYPE_INTEGER ? number_text(r, node)
						  : xstrdup(msg(lang_of(r), M_TYPE_NUMBER));
	if (cJSON_IsTrue(node.json))
		return xstrdup("true");
	if (cJSON_IsFalse(node.json))
		return xstrdup("false");
	enum msg m = cJSON_IsString(node.json)  ? M_TYPE_STRING
		     : cJSON_IsArray(node.json)  ? M_TYPE_ARRAY
		     : cJSON_IsObject(node.json) ? M_TYPE_OBJECT
					    : M_TYPE_NULL;
	return xstrdup(msg(lang_of(r), m));
}

static struct diag *
report_type(struct reader *r, struct val node, const char *name,
	    enum msg expected)
{
	char *actual = actual_text(r, node, expected);
	struct loc loc = value_loc(r, node);
	struct diag *d = diag_emit(r->diags, CODE_S005, &loc, M_S005_TYPE, name,
				   msg(lang_of(r), expected), actual);
	free(actual);
	return d;
}

/* Reports a value with its own message and hint (both take the value). */
static void
report_value(struct reader *r, struct val node, enum msg m, enum msg hint)
{
	struct loc loc = value_loc(r, node);
	struct diag *d =
		diag_emit(r->diags, CODE_S005, &loc, m, node.json->valuestring);
	diag_hint(r->diags, d, hint);
}

static struct diag *
report_missing(struct reader *r, struct val obj, const char *name)
{
	struct loc loc = value_loc(r, obj);
	return diag_emit(r->diags, CODE_S002, &loc, M_S002_MEMBER, name);
}

/* The name of an element of an array member: "stages[2]". Caller frees. */
static char *
item_name(const char *name, size_t i)
{
	return xasprintf("%s[%zu]", name, i);
}

/* ------------------------------------------------------------------ */
/* Values. */

/* True when the string of node is within the text limit; reports S009
 * otherwise. */
static bool
text_fits(struct reader *r, struct val node)
{
	const char *s = node.json->valuestring;
	size_t n = utf8_count(s, strlen(s));
	if (n <= (size_t)(r->limits->max_text < 0 ? 0 : r->limits->max_text))
		return true;
	struct loc loc = value_loc(r, node);
	struct diag *d = diag_emit(r->diags, CODE_S009, &loc, M_S009_TEXT,
				   (long)n, r->limits->max_text);
	diag_hint(r->diags, d, M_H_TEXT);
	return false;
}

/* The string of node, or NULL after reporting a wrong type or a long text. */
static const char *
get_string(struct reader *r, struct val node, const char *name)
{
	if (!cJSON_IsString(node.json) || node.json->valuestring == NULL) {
		report_type(r, node, name, M_TYPE_STRING);
		return NULL;
	}
	return text_fits(r, node) ? node.json->valuestring : NULL;
}

static bool
get_whole(struct reader *r, struct val node, const char *name, long *v)
{
	double d = node.json->valuedouble;
	if (!cJSON_IsNumber(node.json) ||
	    !(d >= -(double)MAX_WHOLE && d <= (double)MAX_WHOLE) ||
	    (double)(long long)d != d) {
		report_type(r, node, name, M_TYPE_INTEGER);
		return false;
	}
	*v = (long)d;
	return true;
}

static void
read_text(struct reader *r, struct val node, const char *name,
	  struct text *t)
{
	const char *s = get_string(r, node, name);
	if (s != NULL)
		*t = doc_text(r->doc, s, value_loc(r, node));
}

static void
read_number(struct reader *r, struct val node, const char *name,
	    long min, long max, struct number *num)
{
	long v;
	if (!get_whole(r, node, name, &v))
		return;
	struct loc loc = value_loc(r, node);
	if (v < min || v > max) {
		diag_emit(r->diags, CODE_S005, &loc, M_S005_RANGE, name, v, min, max);
		return;
	}
	num->set = true;
	num->v = v;
	num->loc = loc;
}

static void
read_flag(struct reader *r, struct val node, const char *name,
	  struct flag *f)
{
	if (!cJSON_IsBool(node.json)) {
		report_type(r, node, name, M_TYPE_BOOL);
		return;
	}
	f->v = cJSON_IsTrue(node.json) ? YESNO_YES : YESNO_NO;
	f->loc = value_loc(r, node);
}

static void
read_income(struct reader *r, struct val node, const char *name,
	    struct choice *c)
{
	const char *s = get_string(r, node, name);
	if (s == NULL)
		return;
	int v = value_income(s);
	if (v == 0) {
		report_value(r, node, M_S005_INCOME, M_H_INCOME);
		return;
	}
	c->v = v;
	c->loc = value_loc(r, node);
}

static void
read_journey_kind(struct reader *r, struct val node, const char *name,
		  struct choice *c)
{
	const char *s = get_string(r, node, name);
	if (s == NULL)
		return;
	int v = value_journey_kind(s);
	if (v == 0) {
		report_value(r, node, M_S005_KIND, M_H_KIND);
		return;
	}
	c->v = v;
	c->loc = value_loc(r, node);
}

static void
read_date(struct reader *r, struct val node, const char *name,
	  struct text *t)
{
	const char *s = get_string(r, node, name);
	if (s == NULL)
		return;
	if (!value_date(s)) {
		report_value(r, node, M_S005_DATE, M_H_DATE);
		return;
	}
	*t = doc_text(r->doc, s, value_loc(r, node));
}

/* One string element of an array member; split at commas when asked. */
static void
read_list_item(struct reader *r, struct val item, const char *name,
	       size_t i, struct text_list *list, bool split)
{
	if (!cJSON_IsString(item.json)) {
		char *what = item_name(name, i);
		report_type(r, item, what, M_TYPE_STRING);
		free(what);
		return;
	}
	if (!text_fits(r, item))
		return;
	const char *s = item.json->valuestring;
	if (split)
		text_list_add_split(r->doc, list, s, value_loc(r, item));
	else
		text_list_add(r->doc, list, s, value_loc(r, item));
}

/* An array of strings. With `single`, one string is accepted too (and
 * split at commas when `split`). */
static void
read_list(struct reader *r, struct val node, const char *name,
	  struct text_list *list, bool single, bool split)
{
	list->loc = key_loc(r, node);
	if (single && cJSON_IsString(node.json)) {
		read_list_item(r, node, name, 0, list, split);
		return;
	}
	if (!cJSON_IsArray(node.json)) {
		report_type(r, node, name, single ? M_TYPE_STRING : M_TYPE_STRINGS);
		return;
	}
	size_t i = 0;
	FOR_EACH_CHILD(r, item, node) {
		if (present(item))
			read_list_item(r, item, name, i, list, false);
		i++;
	}
}

/* ------------------------------------------------------------------ */
/* Objects, driven by a table of members per kind of object. */

enum field_kind {
	F_NONE,       /* handled by the caller */
	F_TEXT,       /* struct text */
	F_NUMBER,     /* struct number, within min..max */
	F_FLAG,       /* struct flag */
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
#define ANY_WHOLE(type, member, name) WHOLE(type, member, name, -MAX_WHOLE, MAX_WHOLE)
#define OBJECT_TYPE(fields, mask) {fields, sizeof(fields) / sizeof(fields[0]), mask}

static const struct field top_fields[] = {
	{"format", F_NONE, 0, 0, 0},
	{"persona", F_NONE, 0, 0, 0},
	{"journey", F_NONE, 0, 0, 0},
	{"chain", F_NONE, 0, 0, 0},
};
enum { TOP_FORMAT, TOP_PERSONA, TOP_JOURNEY, TOP_CHAIN };

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
	FIELD(struct stage, organisation, "organisation", F_TEXT),
	WHOLE(struct stage, emotion, "emotion", -2, 2),
	WHOLE(struct stage, duration, "duration_days", 0, 36500),
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
	FIELD(struct touchpoint, explained, "explained", F_FLAG),
	FIELD(struct touchpoint, text, "text", F_TEXT),
	WHOLE(struct touchpoint, duration, "duration_days", 0, 36500),
	FIELD(struct touchpoint, warm, "warm", F_FLAG),
	WHOLE(struct touchpoint, emotion, "emotion", -2, 2),
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
};

static const struct field domain_fields[] = {
	FIELD(struct domain, id, "id", F_TEXT),
	FIELD(struct domain, label, "label", F_TEXT),
	FIELD(struct domain, organisation, "organisation", F_TEXT),
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
keep_as_note(struct reader *r, struct val m, struct text_list *notes)
{
	char *value = NULL;
	if (cJSON_IsString(m.json) && text_fits(r, m))
		value = xstrdup(m.json->valuestring);
	else if (cJSON_IsNumber(m.json))
		value = number_text(r, m);
	else if (cJSON_IsBool(m.json))
		value = xstrdup(cJSON_IsTrue(m.json) ? "true" : "false");
	if (value == NULL)
		return;
	char *note = xasprintf("%s: %s", m.json->string, value);
	text_list_add(r->doc, notes, note, key_loc(r, m));
	free(note);
	free(value);
}

static void
report_unknown(struct reader *r, struct val m, const struct object_type *type,
	       struct text_list *notes)
{
	struct loc loc = key_loc(r, m);
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

/* Finds the last occurrence of each known member (the last one wins) and
 * reports the unknown ones, kept as notes when notes is not NULL. */
static void
collect_members(struct reader *r, struct val obj, const struct object_type *type,
	     struct val *last, struct text_list *notes)
{
	for (size_t i = 0; i < type->n_fields; i++)
		last[i] = NO_VAL;
	FOR_EACH_CHILD(r, m, obj) {
		if (m.json->string == NULL)
			continue;
		long i = field_index(type, m.json->string);
		if (i >= 0)
			last[i] = m;
		else
			report_unknown(r, m, type, notes);
	}
}

static bool
expect_object(struct reader *r, struct val node, const char *name)
{
	if (cJSON_IsObject(node.json))
		return true;
	report_type(r, node, name, M_TYPE_OBJECT);
	return false;
}

static void read_members(struct reader *r, struct val obj,
			 const struct object_type *type, void *target,
			 struct text_list *notes);

static void
read_section(struct reader *r, struct val obj, struct persona *p)
{
	struct section *sec = persona_add_section(r->doc, p);
	read_members(r, obj, &section_type, sec, NULL);
	struct loc loc = value_loc(r, obj);
	if (sec->title.s == NULL) {
		report_missing(r, obj, "title");
		sec->title = doc_text(r->doc, "", loc);
	}
	if (sec->body.s == NULL)
		sec->body = doc_text(r->doc, "", loc);
}

/* The canonical kind a wrongly written kind most likely means, or NULL. */
static const char *
suggest_tp_kind(const char *written)
{
	int id = vocab_find(VOCAB_TP_KIND, written);
	if (id < 0) {
		const char *near = vocab_suggest(VOCAB_BIT(VOCAB_TP_KIND), written);
		id = near ? vocab_find(VOCAB_TP_KIND, near) : -1;
	}
	return id >= 0 ? vocab_canonical(VOCAB_TP_KIND, id) : NULL;
}

/* The canonical touchpoint kinds, joined by ", ". Caller frees. */
static char *
tp_kind_list(void)
{
	struct buf b = {0};
	for (int k = 0; k < TP__MAX; k++) {
		if (k > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, vocab_canonical(VOCAB_TP_KIND, k));
	}
	return buf_detach(&b);
}

static void
hint_tp_kinds(struct reader *r, struct diag *d)
{
	char *kinds = tp_kind_list();
	diag_hint(r->diags, d, M_H_TP_KINDS, kinds);
	free(kinds);
}

static void
read_tp_kind(struct reader *r, struct val node, enum tp_kind *kind)
{
	*kind = TP_OTHER;
	const char *s = get_string(r, node, "kind");
	if (s == NULL)
		return;
	int id = vocab_find_canonical(VOCAB_TP_KIND, s);
	if (id >= 0) {
		*kind = (enum tp_kind)id;
		return;
	}
	struct loc loc = value_loc(r, node);
	const char *suggestion = suggest_tp_kind(s);
	struct diag *d =
		suggestion ? diag_emit(r->diags, CODE_S005, &loc,
				       M_S005_TP_KIND_SUGGEST, s, suggestion)
			   : diag_emit(r->diags, CODE_S005, &loc, M_S005_TP_KIND, s);
	hint_tp_kinds(r, d);
}

static void
read_touchpoint(struct reader *r, struct val obj, struct stage *s)
{
	struct touchpoint *tp = stage_add_touchpoint(r->doc, s);
	tp->loc = value_loc(r, obj);
	tp->kind = TP__MAX;
	tp->title = doc_text(r->doc, "", tp->loc);
	read_members(r, obj, &touchpoint_type, tp, &tp->notes);
	if (tp->kind == TP__MAX) {
		hint_tp_kinds(r, report_missing(r, obj, "kind"));
		tp->kind = TP_OTHER;
	}
}

static void
read_stage(struct reader *r, struct val obj, struct journey *j)
{
	struct stage *s = journey_add_stage(r->doc, j);
	s->loc = value_loc(r, obj);
	s->title = doc_text(r->doc, "", s->loc);
	read_members(r, obj, &stage_type, s, &s->notes);
	s->id_given = s->id.s != NULL;
}

static void
read_domain(struct reader *r, struct val obj, struct chain *c)
{
	struct domain *dom = chain_add_domain(r->doc, c);
	dom->loc = value_loc(r, obj);
	read_members(r, obj, &domain_type, dom, NULL);
}

static void
read_position(struct reader *r, struct val obj, struct chain *c)
{
	struct position *pos = chain_add_position(r->doc, c);
	pos->loc = value_loc(r, obj);
	read_members(r, obj, &position_type, pos, NULL);
}

/* Reports the element that goes beyond a limit of stages or touchpoints. */
static bool
within_limit(struct reader *r, struct val item, size_t n, long limit,
	     const struct stage *s)
{
	if (limit < 0 || n < (size_t)limit)
		return true;
	struct loc loc = value_loc(r, item);
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
read_element(struct reader *r, struct val item, enum field_kind kind,
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
read_objects(struct reader *r, struct val node, const char *name,
	     enum field_kind kind, void *target)
{
	if (!cJSON_IsArray(node.json)) {
		report_type(r, node, name, M_TYPE_ARRAY);
		return;
	}
	size_t i = 0;
	FOR_EACH_CHILD(r, item, node) {
		size_t at = i++;
		if (!present(item))
			continue;
		if (cJSON_IsObject(item.json)) {
			if (!read_element(r, item, kind, target))
				return;
			continue;
		}
		char *what = item_name(name, at);
		report_type(r, item, what, M_TYPE_OBJECT);
		free(what);
	}
}

static void
read_jargon(struct reader *r, struct val node, struct chain *c)
{
	read_list(r, node, "jargon", &c->jargon, false, false);
	c->jargon_given = cJSON_IsArray(node.json);
}

/* One known member into its place in target. */
static void
read_field(struct reader *r, const struct field *f, struct val node,
	   void *target)
{
	void *at = (char *)target + f->offset;
	switch (f->kind) {
	case F_NONE:
		break;
	case F_TEXT:
		read_text(r, node, f->name, at);
		break;
	case F_NUMBER:
		read_number(r, node, f->name, f->min, f->max, at);
		break;
	case F_FLAG:
		read_flag(r, node, f->name, at);
		break;
	case F_LIST:
		read_list(r, node, f->name, at, false, false);
		break;
	case F_ACTORS:
		read_list(r, node, f->name, at, true, true);
		break;
	case F_NOTES:
		read_list(r, node, f->name, at, true, false);
		break;
	case F_INCOME:
		read_income(r, node, f->name, at);
		break;
	case F_JOURNEY_KIND:
		read_journey_kind(r, node, f->name, at);
		break;
	case F_DATE:
		read_date(r, node, f->name, at);
		break;
	case F_TP_KIND:
		read_tp_kind(r, node, at);
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
read_members(struct reader *r, struct val obj, const struct object_type *type,
	     void *target, struct text_list *notes)
{
	struct val last[MAX_FIELDS];
	collect_members(r, obj, type, last, notes);
	for (size_t i = 0; i < type->n_fields; i++)
		if (present(last[i]))
			read_field(r, &type->fields[i], last[i], target);
}

/* ------------------------------------------------------------------ */
/* The document. */

static void
read_persona(struct reader *r, struct val obj, struct persona *p)
{
	p->loc = value_loc(r, obj);
	if (!expect_object(r, obj, "persona"))
		return;
	read_members(r, obj, &persona_type, p, &p->notes);
	p->id_given = p->id.s != NULL;
	for (size_t i = 0; i < p->traits.n; i++)
		p->trait_mask |= trait_from_name(p->traits.items[i].s);
}

static void
read_journey(struct reader *r, struct val obj, struct journey *j)
{
	j->loc = value_loc(r, obj);
	if (!expect_object(r, obj, "journey"))
		return;
	read_members(r, obj, &journey_type, j, &j->notes);
	j->id_given = j->id.s != NULL;
}

static void
read_chain(struct reader *r, struct val obj, struct chain *c)
{
	c->loc = value_loc(r, obj);
	if (!expect_object(r, obj, "chain"))
		return;
	read_members(r, obj, &chain_type, c, NULL);
}

static void
check_format(struct reader *r, struct val top, struct val format)
{
	struct diag *d;
	if (!present(format)) {
		struct loc loc = value_loc(r, top);
		d = diag_emit(r->diags, CODE_S002, &loc, M_S002_MEMBER, "format");
	} else if (!cJSON_IsString(format.json)) {
		d = report_type(r, format, "format", M_TYPE_STRING);
	} else if (strcmp(format.json->valuestring, "keten/1") != 0) {
		struct loc loc = value_loc(r, format);
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
choose_kind(struct reader *r, struct val top, struct val *last)
{
	long chosen = -1;
	FOR_EACH_CHILD(r, m, top) {
		const char *key = m.json->string;
		long i = key ? field_index(&top_type, key) : -1;
		if (i < TOP_PERSONA || !present(m) || i == chosen)
			continue;
		if (chosen < 0) {
			chosen = i;
			continue;
		}
		struct loc loc = key_loc(r, m);
		struct diag *d = diag_emit(r->diags, CODE_S002, &loc, M_S002_OBJECT_MANY);
		diag_hint(r->diags, d, M_H_OBJECT_MANY);
		break;
	}
	if (chosen < 0 || !present(last[chosen])) {
		struct loc loc = value_loc(r, top);
		struct diag *d = diag_emit(r->diags, CODE_S002, &loc, M_S002_OBJECT);
		diag_hint(r->diags, d, M_H_OBJECT);
		return -1;
	}
	return chosen;
}

static void
read_top(struct reader *r, struct val top)
{
	struct doc *doc = r->doc;
	if (!expect_object(r, top, "(document)"))
		return;
	struct val last[MAX_FIELDS];
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

/* ------------------------------------------------------------------ */
/* Syntax errors. */

/* The character at offset, printable in a message: control characters
 * as their JSON escape. */
static void
char_at(const struct source *src, size_t offset, char out[8])
{
	unsigned char c = (unsigned char)src->data[offset];
	uint32_t cp;
	size_t n;
	if (c == '\n' || c == '\t' || c == '\r') {
		snprintf(out, 8, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
	} else if (c < 0x20 || c == 0x7F) {
		snprintf(out, 8, "\\u%04X", c);
	} else {
		n = utf8_decode(src->data + offset, src->len - offset, &cp);
		n = n ? n : 1;
		memcpy(out, src->data + offset, n);
		out[n] = '\0';
	}
}

/* A syntax error at offset: the end of the input when only white space
 * follows, else the character there. */
static void
report_syntax(const struct source *src, struct diags *diags, size_t offset)
{
	size_t end = json_content_end(src->data, src->len);
	struct diag *d;
	if (offset >= end) {
		struct loc loc = source_loc(src, end);
		d = diag_emit(diags, CODE_S001, &loc, M_S001_JSON_END);
	} else {
		char c[8];
		char_at(src, offset, c);
		struct loc loc = source_loc(src, offset);
		d = diag_emit(diags, CODE_S001, &loc, M_S001_JSON_CHAR, c);
	}
	diag_hint(diags, d, M_H_JSON_SYNTAX);
}

/* The nesting the scan allows: the limit, but no more than cJSON takes. */
static long
depth_limit(const struct limits *limits)
{
	return limits->max_depth < CJSON_NESTING_LIMIT ? limits->max_depth
						       : CJSON_NESTING_LIMIT;
}

static void
report_depth(const struct source *src, const struct limits *limits,
	     struct diags *diags, size_t offset)
{
	struct loc loc = source_loc(src, offset);
	long limit = depth_limit(limits);
	struct diag *d = diag_emit(diags, CODE_S009, &loc, M_S009_DEPTH, limit);
	if (limit == limits->max_depth)
		diag_hint(diags, d, M_H_DEPTH);
}

static pthread_mutex_t cjson_parse_lock = PTHREAD_MUTEX_INITIALIZER;

/* Scans and parses the text; NULL after reporting why it cannot be read. */
static cJSON *
parse(const struct source *src, const struct limits *limits,
      struct diags *diags, struct json_scan *scan)
{
	enum json_scan_result res =
		json_scan(src->data, src->len, depth_limit(limits), scan);
	if (res == JSON_SCAN_DEPTH) {
		report_depth(src, limits, diags, scan->error);
		return NULL;
	}
	if (res != JSON_SCAN_OK) {
		report_syntax(src, diags, scan->error);
		return NULL;
	}
	const char *end = NULL;
	/* Every cJSON parse resets, and on failure sets, one static error
	 * position (cJSON_GetErrorPtr): one parse at a time. */
	pthread_mutex_lock(&cjson_parse_lock);
	cJSON *root = cJSON_ParseWithLengthOpts(src->data, src->len, &end, 0);
	pthread_mutex_unlock(&cjson_parse_lock);
	if (root == NULL) {
		size_t at = end != NULL && end >= src->data ? (size_t)(end - src->data)
							    : 0;
		report_syntax(src, diags, at);
	}
	return root;
}

struct doc *
read_json(struct source *src, const struct limits *limits, struct diags *diags)
{
	size_t first = diags->n;
	struct json_scan scan;
	cJSON *root = parse(src, limits, diags, &scan);
	if (root == NULL) {
		json_scan_free(&scan);
		return NULL;
	}
	struct doc *doc = doc_new(src->path, DOC_UNKNOWN, FORMAT_JSON);
	src->file = doc->path;
	struct reader r = {src, limits, diags, doc, scan.spans, scan.n_spans, false};
	struct val top = {root, 0};
	read_top(&r, top);
	if (r.over_limit)
		doc_free(&doc); /* refused whole, as the Markdown reader does */
	else
		doc->broken = diags_has_error_since(diags, first);
	if (doc != NULL && doc->journey != NULL)
		diags_tag(diags, first, doc->journey->id.s, NULL);
	if (doc != NULL && doc->persona != NULL)
		diags_tag(diags, first, NULL, doc->persona->id.s);
	cJSON_Delete(root);
	json_scan_free(&scan);
	return doc;
}
