/* diag.c - the code catalogue, the emitter that collects findings, and their counts. */
#include "diag.h"

#include "mem.h"
#include "order.h"
#include "personal.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct code_info codes[CODE__MAX] = {
#define CODE(id, nl, en, sev, cls) [CODE_##id] = {#id, nl, en, sev, cls},
#include "codes.def"
#undef CODE
};

const struct code_info *
code_info(enum code code)
{
	return &codes[code];
}

int
code_parse(const char *s)
{
	for (int i = 0; i < CODE__MAX; i++)
		if (strcasecmp(s, codes[i].id) == 0)
			return i;
	char slug[64]; /* longer than any slug: then none matches */
	if (text_slug_to(s, slug, sizeof slug) >= sizeof slug || *slug == '\0')
		return -1;
	for (int i = 0; i < CODE__MAX; i++)
		if (strcmp(slug, codes[i].slug_nl) == 0 ||
		    strcmp(slug, codes[i].slug_en) == 0)
			return i;
	return -1;
}

int
code_parse_rule(const char *s)
{
	int code = code_parse(s);
	return code >= 0 && code_is_rule(code) ? code : -1;
}

void
diags_init(struct diags *diags, enum lang lang)
{
	memset(diags, 0, sizeof(*diags));
	diags->lang = lang;
}

void
diag_free_fields(struct diag *d)
{
	free(d->file);
	free(d->journey);
	free(d->persona);
	free(d->stage);
	free(d->message);
	free(d->hint);
}

void
diags_free(struct diags *diags)
{
	for (size_t i = 0; i < diags->n; i++)
		diag_free_fields(&diags->items[i]);
	free(diags->items);
	diags->items = NULL;
	diags->n = diags->cap = 0;
}

/* Messages quote what people wrote; personal data in it is masked. */
static void
mask_personal_data(char **text)
{
	char *masked = personal_masked_copy(*text);
	if (masked != NULL) {
		free(*text);
		*text = masked;
	}
}

struct diag *
diag_vemit(struct diags *diags, enum code code, const struct loc *loc,
	   enum msg m, va_list ap)
{
	diags->items = xgrow(diags->items, diags->n, &diags->cap, sizeof(struct diag));
	struct diag *d = &diags->items[diags->n++];
	memset(d, 0, sizeof(*d));
	d->code = code;
	d->severity = codes[code].severity;
	d->seq = diags->next_seq++;
	if (loc != NULL) {
		d->file = loc->file ? xstrdup(loc->file) : NULL;
		d->line = loc->line;
		d->col = loc->col;
	}
	d->message = xvasprintf((msg)(diags->lang, m), ap);
	mask_personal_data(&d->message);
	return d;
}

struct diag *
(diag_emit)(struct diags *diags, enum code code, const struct loc *loc,
	  enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	struct diag *d = diag_vemit(diags, code, loc, m, ap);
	va_end(ap);
	return d;
}

void
diag_vhint(struct diags *diags, struct diag *d, enum msg m, va_list ap)
{
	free(d->hint);
	d->hint = xvasprintf((msg)(diags->lang, m), ap);
	mask_personal_data(&d->hint);
}

void
(diag_hint)(struct diags *diags, struct diag *d, enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	diag_vhint(diags, d, m, ap);
	va_end(ap);
}

size_t
diags_suppressed(const struct diags *diags)
{
	size_t n = 0;
	for (int c = 0; c < CODE__MAX; c++)
		n += diags->suppressed[c];
	return n;
}

static void
tag_one(struct diag *d, const char *journey, const char *persona)
{
	if (journey && d->journey == NULL)
		d->journey = xstrdup(journey);
	if (persona && d->persona == NULL)
		d->persona = xstrdup(persona);
}

void
diags_tag(struct diags *diags, size_t from, const char *journey,
	  const char *persona)
{
	for (size_t i = from; i < diags->n; i++)
		tag_one(&diags->items[i], journey, persona);
}

void
diags_tag_file(struct diags *diags, size_t from, const char *file,
	       const char *journey, const char *persona)
{
	for (size_t i = from; i < diags->n; i++) {
		struct diag *d = &diags->items[i];
		if (d->file == NULL || strcmp(d->file, file) == 0)
			tag_one(d, journey, persona);
	}
}

int
diag_compare_in_file(const struct diag *a, const struct diag *b)
{
	int c = compare_long(a->line, b->line);
	if (c == 0)
		c = compare_long(a->col, b->col);
	if (c == 0)
		c = compare_long(a->code, b->code);
	return c;
}

static int
diag_compare(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
	if (c == 0)
		c = diag_compare_in_file(a, b);
	if (c == 0)
		c = compare_long((long)a->seq, (long)b->seq);
	return c;
}

void
diags_sort(struct diags *diags)
{
	if (diags->n > 1)
		qsort(diags->items, diags->n, sizeof(struct diag), diag_compare);
}

bool
code_is_rule(enum code code)
{
	return code < CODE__MAX && codes[code].code_class != CODE_CLASS_STRUCTURE;
}

bool
code_is_friction(enum code code)
{
	return code < CODE__MAX && codes[code].code_class == CODE_CLASS_FRICTION;
}

void
friction_add(struct friction *f, const struct diag *d)
{
	if (!code_is_friction(d->code) || d->severity == SEV_QUESTION)
		return;
	f->count++;
	f->score += d->impact;
}

struct friction
friction_of_journey(const struct diag *findings, size_t n,
		    const struct diag *const *persona, size_t n_persona)
{
	struct friction f = {0, 0};
	for (size_t i = 0; i < n; i++)
		friction_add(&f, &findings[i]);
	for (size_t i = 0; i < n_persona; i++)
		friction_add(&f, persona[i]);
	return f;
}

void
diags_move(struct diags *to, struct diags *from)
{
	for (size_t k = 0; k < from->n; k++) {
		to->items = xgrow(to->items, to->n, &to->cap, sizeof(struct diag));
		struct diag *d = &to->items[to->n++];
		*d = from->items[k];
		d->seq = to->next_seq++;
	}
	free(from->items);
	from->items = NULL;
	from->n = from->cap = 0;
	for (int c = 0; c < CODE__MAX; c++) {
		to->suppressed[c] += from->suppressed[c];
		from->suppressed[c] = 0;
	}
}

static char *
copy_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
diag_copy(struct diag *to, const struct diag *d)
{
	*to = *d;
	to->file = copy_or_null(d->file);
	to->journey = copy_or_null(d->journey);
	to->persona = copy_or_null(d->persona);
	to->stage = copy_or_null(d->stage);
	to->message = copy_or_null(d->message);
	to->hint = copy_or_null(d->hint);
}

void
diags_add_copy(struct diags *to, const struct diag *d)
{
	to->items = xgrow(to->items, to->n, &to->cap, sizeof(struct diag));
	diag_copy(&to->items[to->n++], d);
	to->next_seq = to->next_seq > d->seq ? to->next_seq : d->seq + 1;
}

void
diags_drop_front(struct diags *diags, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		struct diag *d = &diags->items[i];
		if (d->severity == SEV_QUESTION)
			diags->gone_questions[d->code]++;
		else
			diags->gone[d->code]++;
		diags->gone_warnings[d->code] += d->severity == SEV_WARNING;
		diag_free_fields(d);
	}
	if (k == 0)
		return;
	memmove(diags->items, diags->items + k, (diags->n - k) * sizeof(struct diag));
	diags->n -= k;
}

void
diags_count_codes(const struct diags *diags, size_t *counts)
{
	memcpy(counts, diags->gone, sizeof diags->gone);
	for (size_t i = 0; i < diags->n; i++)
		if (diags->items[i].severity != SEV_QUESTION)
			counts[diags->items[i].code]++;
}

void
diags_count_warnings(const struct diags *diags, size_t *counts)
{
	memcpy(counts, diags->gone_warnings, sizeof diags->gone_warnings);
	for (size_t i = 0; i < diags->n; i++)
		if (diags->items[i].severity == SEV_WARNING)
			counts[diags->items[i].code]++;
}

void
diags_count_questions(const struct diags *diags, size_t *counts)
{
	memcpy(counts, diags->gone_questions, sizeof diags->gone_questions);
	for (size_t i = 0; i < diags->n; i++)
		if (diags->items[i].severity == SEV_QUESTION)
			counts[diags->items[i].code]++;
}

size_t
diags_count(const struct diags *diags, enum severity severity)
{
	size_t count = 0;
	for (int c = 0; c < CODE__MAX; c++) {
		count += severity == SEV_QUESTION ? diags->gone_questions[c] : 0;
		count += severity == SEV_WARNING ? diags->gone_warnings[c] : 0;
		count += severity == SEV_ERROR ? diags->gone[c] - diags->gone_warnings[c] : 0;
	}
	for (size_t i = 0; i < diags->n; i++)
		count += diags->items[i].severity == severity;
	return count;
}

size_t
diags_total(const struct diags *diags)
{
	size_t count = diags->n;
	for (int c = 0; c < CODE__MAX; c++)
		count += diags->gone[c] + diags->gone_questions[c];
	return count;
}

bool
diags_has_error_since(const struct diags *diags, size_t from)
{
	for (size_t i = from; i < diags->n; i++)
		if (diags->items[i].severity == SEV_ERROR)
			return true;
	return false;
}
