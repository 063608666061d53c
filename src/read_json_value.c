/* read_json_value.c - the JSON reader's values: cJSON's values paired with the scan's spans, their locations, the shared reports, and the readers of strings, numbers, flags, the vocabularies and lists of strings. */
#include "read_json_value.h"

#include "mem.h"
#include "text.h"
#include "values.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_NUMBER_TEXT = 32 };

/* The span of a value. The scan passes only text that cJSON reads value
 * for value the same way; the bound keeps any disagreement from reading
 * outside the spans (it gives the start of the file). */
static const struct json_span *
span_of(const struct reader *r, struct jval v)
{
	static const struct json_span none = {
		JSON_NO_OFFSET, 0, JSON_NO_OFFSET, {1, 1}, {1, 1}};
	return v.span < r->n_spans ? &r->spans[v.span] : &none;
}

struct jval
jval_first_child(const struct reader *r, struct jval v)
{
	size_t span = v.span < r->n_spans ? v.span + 1 : JSON_NO_OFFSET;
	struct jval child = {v.json->child, span};
	return child;
}

struct jval
jval_next_sibling(const struct reader *r, struct jval v)
{
	struct jval next = {v.json->next, span_of(r, v)->end};
	return next;
}

static enum lang
lang_of(const struct reader *r)
{
	return r->diags->lang;
}

struct loc
jval_loc(const struct reader *r, struct jval node)
{
	const struct json_span *sp = span_of(r, node);
	struct loc loc = {r->src->file, sp->value_pos.line, sp->value_pos.col};
	return loc;
}

/* The key of a member, or its value when it has no key. */
struct loc
jval_key_loc(const struct reader *r, struct jval node)
{
	const struct json_span *sp = span_of(r, node);
	struct json_pos p = sp->key != JSON_NO_OFFSET ? sp->key_pos : sp->value_pos;
	struct loc loc = {r->src->file, p.line, p.col};
	return loc;
}

bool
jval_present(struct jval node)
{
	return node.json != NULL && !cJSON_IsNull(node.json);
}

/* A number as it was written in the file, shortened when long. Caller frees. */
char *
jval_number_text(const struct reader *r, struct jval node)
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
actual_text(const struct reader *r, struct jval node, enum msg expected)
{
	if (cJSON_IsNumber(node.json))
		return expected == M_TYPE_INTEGER ? jval_number_text(r, node)
						  : xstrdup(msg(lang_of(r), M_TYPE_NUMBER));
	if (cJSON_IsTrue(node.json))
		return xstrdup("true");
	if (cJSON_IsFalse(node.json))
		return xstrdup("false");
	enum msg m = cJSON_IsString(node.json)  ? M_TYPE_STRING
		     : cJSON_IsArray(node.json)  ? M_TYPE_ARRAY
		     : cJSON_IsObject(node.json) ? M_TYPE_OBJECT
					    : M_TYPE_NULL;
	return xstrdup((msg)(lang_of(r), m));
}

struct diag *
jval_report_type(struct reader *r, struct jval node, const char *name,
		 enum msg expected)
{
	char *actual = actual_text(r, node, expected);
	struct loc loc = jval_loc(r, node);
	struct diag *d = diag_emit(r->diags, CODE_S005, &loc, M_S005_TYPE, name,
				   (msg)(lang_of(r), expected), actual);
	free(actual);
	return d;
}

/* Reports a value with its own message (it takes the value) and hint. */
static void
(report_value)(struct reader *r, struct jval node, enum msg m, enum msg hint)
{
	struct loc loc = jval_loc(r, node);
	struct diag *d =
		(diag_emit)(r->diags, CODE_S005, &loc, m, node.json->valuestring);
	(diag_hint)(r->diags, d, hint);
}
/* m takes the value, hint nothing: checked where the ids are written. */
#define report_value(r, node, m, hint) \
	(MSG_CHECK(m, ""), MSG_CHECK(hint), (report_value)(r, node, m, hint))

struct diag *
jval_report_missing(struct reader *r, struct jval obj, const char *name)
{
	struct loc loc = jval_loc(r, obj);
	return diag_emit(r->diags, CODE_S002, &loc, M_S002_MEMBER, name);
}

/* The name of an element of an array member: "stages[2]". Caller frees. */
char *
jval_item_name(const char *name, size_t i)
{
	return xasprintf("%s[%zu]", name, i);
}

/* ------------------------------------------------------------------ */
/* Values. */

/* True when the string of node is within the text limit; reports S009
 * otherwise. */
bool
jval_text_fits(struct reader *r, struct jval node)
{
	const char *s = node.json->valuestring;
	size_t n = utf8_count(s, strlen(s));
	if (n <= (size_t)(r->limits->max_text < 0 ? 0 : r->limits->max_text))
		return true;
	struct loc loc = jval_loc(r, node);
	struct diag *d = diag_emit(r->diags, CODE_S009, &loc, M_S009_TEXT,
				   (long)n, r->limits->max_text);
	diag_hint(r->diags, d, M_H_TEXT);
	return false;
}

/* The string of node, or NULL after reporting a wrong type or a long text. */
static const char *
get_string(struct reader *r, struct jval node, const char *name)
{
	if (!cJSON_IsString(node.json) || node.json->valuestring == NULL) {
		jval_report_type(r, node, name, M_TYPE_STRING);
		return NULL;
	}
	return jval_text_fits(r, node) ? node.json->valuestring : NULL;
}

static bool
get_whole(struct reader *r, struct jval node, const char *name, long *v)
{
	double d = node.json->valuedouble;
	if (!cJSON_IsNumber(node.json) ||
	    !(d >= -(double)MAX_WHOLE && d <= (double)MAX_WHOLE) ||
	    (double)(long long)d != d) {
		jval_report_type(r, node, name, M_TYPE_INTEGER);
		return false;
	}
	*v = (long)d;
	return true;
}

void
jval_read_text(struct reader *r, struct jval node, const char *name,
	       struct text *t)
{
	const char *s = get_string(r, node, name);
	if (s != NULL)
		*t = doc_text(r->doc, s, jval_loc(r, node));
}

void
jval_read_number(struct reader *r, struct jval node, const char *name,
		 long min, long max, struct number *num)
{
	long v;
	if (!get_whole(r, node, name, &v))
		return;
	struct loc loc = jval_loc(r, node);
	if (v < min || v > max) {
		diag_emit(r->diags, CODE_S005, &loc, M_S005_RANGE, name, v, min, max);
		return;
	}
	num->set = true;
	num->v = v;
	num->loc = loc;
}

void
jval_read_flag(struct reader *r, struct jval node, const char *name,
	       struct flag *f)
{
	if (!cJSON_IsBool(node.json)) {
		jval_report_type(r, node, name, M_TYPE_BOOL);
		return;
	}
	f->v = cJSON_IsTrue(node.json) ? YESNO_YES : YESNO_NO;
	f->loc = jval_loc(r, node);
}

void
jval_read_flag3(struct reader *r, struct jval node, const char *name,
		struct flag *f)
{
	if (cJSON_IsString(node.json) && node.json->valuestring != NULL &&
	    value_yesno(node.json->valuestring) == YESNO_UNKNOWN) {
		f->v = YESNO_UNKNOWN;
		f->loc = jval_loc(r, node);
		return;
	}
	if (!cJSON_IsBool(node.json)) {
		jval_report_type(r, node, name, M_TYPE_FLAG3);
		return;
	}
	jval_read_flag(r, node, name, f);
}

void
jval_read_choice(struct reader *r, struct jval node, const char *name,
		 enum choice_set set, struct choice *c)
{
	const char *s = get_string(r, node, name);
	if (s == NULL)
		return;
	int v = value_choice(set, s);
	if (v == 0) {
		struct loc loc = jval_loc(r, node);
		const char *near = value_choice_suggest(set, s);
		struct diag *d = near != NULL
		    ? diag_emit(r->diags, CODE_S005, &loc,
				M_S005_CHOICE_SUGGEST, name, s, near)
		    : diag_emit(r->diags, CODE_S005, &loc, M_S005_CHOICE, name, s);
		char *words = value_choice_list(set, lang_of(r));
		diag_hint(r->diags, d, M_H_CHOICE, words);
		free(words);
		return;
	}
	c->v = v;
	c->loc = jval_loc(r, node);
}

void
jval_read_due(struct reader *r, struct jval node, const char *name,
	      struct number *days, struct text *date)
{
	if (cJSON_IsNumber(node.json)) {
		jval_read_number(r, node, name, 0, VALUE_MAX_DAYS, days);
		return;
	}
	if (!cJSON_IsString(node.json)) {
		jval_report_type(r, node, name, M_TYPE_DUE);
		return;
	}
	jval_read_date(r, node, name, date);
}

void
jval_read_income(struct reader *r, struct jval node, const char *name,
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
	c->loc = jval_loc(r, node);
}

void
jval_read_journey_kind(struct reader *r, struct jval node,
		       const char *name, struct choice *c)
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
	c->loc = jval_loc(r, node);
}

void
jval_read_date(struct reader *r, struct jval node, const char *name,
	       struct text *t)
{
	const char *s = get_string(r, node, name);
	if (s == NULL)
		return;
	char iso[VALUE_DATE_SIZE];
	if (!value_date(s, iso)) {
		report_value(r, node, M_S005_DATE, M_H_DATE);
		return;
	}
	*t = doc_text(r->doc, iso, jval_loc(r, node));
}

/* One string element of an array member; split at commas when asked. */
static void
read_list_item(struct reader *r, struct jval item, const char *name,
	       size_t i, struct text_list *list, bool split)
{
	if (!cJSON_IsString(item.json)) {
		char *what = jval_item_name(name, i);
		jval_report_type(r, item, what, M_TYPE_STRING);
		free(what);
		return;
	}
	if (!jval_text_fits(r, item))
		return;
	const char *s = item.json->valuestring;
	if (split)
		text_list_add_split(r->doc, list, s, jval_loc(r, item));
	else
		text_list_add(r->doc, list, s, jval_loc(r, item));
}

/* An array of strings. With `single`, one string is accepted too (and
 * split at commas when `split`). */
void
jval_read_list(struct reader *r, struct jval node, const char *name,
	       struct text_list *list, bool single, bool split)
{
	list->loc = jval_key_loc(r, node);
	if (single && cJSON_IsString(node.json)) {
		read_list_item(r, node, name, 0, list, split);
		return;
	}
	if (!cJSON_IsArray(node.json)) {
		jval_report_type(r, node, name, single ? M_TYPE_STRING : M_TYPE_STRINGS);
		return;
	}
	size_t i = 0;
	FOR_EACH_CHILD(r, item, node) {
		if (jval_present(item))
			read_list_item(r, item, name, i, list, false);
		i++;
	}
}

/* ------------------------------------------------------------------ */
/* The kind of a touchpoint. */

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

void
jval_hint_tp_kinds(struct reader *r, struct diag *d)
{
	char *kinds = tp_kind_list();
	diag_hint(r->diags, d, M_H_TP_KINDS, kinds);
	free(kinds);
}

void
jval_read_tp_kind(struct reader *r, struct jval node, enum tp_kind *kind)
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
	struct loc loc = jval_loc(r, node);
	const char *suggestion = suggest_tp_kind(s);
	struct diag *d =
		suggestion ? diag_emit(r->diags, CODE_S005, &loc,
				       M_S005_TP_KIND_SUGGEST, s, suggestion)
			   : diag_emit(r->diags, CODE_S005, &loc, M_S005_TP_KIND, s);
	jval_hint_tp_kinds(r, d);
}
