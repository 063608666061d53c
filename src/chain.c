/* chain.c - the embedded default chain model, its validation and lookups. */
#include "chain.h"

#include "embedded.h"
#include "read.h"
#include "source.h"
#include "text.h"
#include "values.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The default of formats.md, word for word in its values: data/chain-default.json. */
const char chain_default_json[] = DATA_CHAIN_DEFAULT_JSON;

static const char *const default_jargon[] = {
	"beschikking", "maatwerkvoorziening", "indicatie", "herindicatie",
	"algemene voorziening", "zorg in natura", "persoonsgebonden budget",
	"toekenning", "grondslag", "bezwaar", "loonwaarde", "doelgroepregister",
};

struct doc *
chain_load_default(enum lang lang)
{
	struct diags diags;
	diags_init(&diags, lang);
	struct limits limits = LIMITS_DEFAULT;
	struct source *src = source_from_memory("(default chain)", chain_default_json,
						sizeof chain_default_json - 1, &limits, &diags);
	struct doc *doc = src ? read_json(src, &limits, &diags) : NULL;
	if (doc != NULL)
		chain_validate(doc, &diags);
	source_free(&src);
	if (doc == NULL || diags.n > 0) {
		/* The embedded model is part of the program: a fault is a bug. */
		fprintf(stderr, "keten: internal error: the embedded chain model is invalid\n");
		abort();
	}
	diags_free(&diags);
	return doc;
}

/* Reports when an id is missing or not a slug; true when usable. */
static bool
check_chain_id(const struct text *id, const char *member, struct loc at,
	       struct diags *diags)
{
	if (id->s == NULL) {
		diag_emit(diags, CODE_S002, &at, M_S002_MEMBER, member);
		return false;
	}
	if (!text_is_slug(id->s)) {
		struct diag *d = diag_emit(diags, CODE_S008, &id->loc, M_S008_NOT_SLUG, id->s);
		diag_hint(diags, d, M_H_ID);
		return false;
	}
	return true;
}

static void
validate_domains(struct chain *c, struct diags *diags)
{
	for (size_t i = 0; i < c->n_domains; i++) {
		struct domain *d = c->domains[i];
		if (!check_chain_id(&d->id, "id", d->loc, diags))
			continue;
		for (size_t j = 0; j < i; j++)
			if (c->domains[j]->id.s && strcmp(c->domains[j]->id.s, d->id.s) == 0)
				diag_emit(diags, CODE_S008, &d->id.loc, M_S008_DUP_DOMAIN, d->id.s);
	}
}

static const struct domain *
find_domain(const struct chain *c, const char *id)
{
	for (size_t i = 0; i < c->n_domains; i++)
		if (c->domains[i]->id.s && strcmp(c->domains[i]->id.s, id) == 0)
			return c->domains[i];
	return NULL;
}

static char *
domain_list(const struct chain *c)
{
	struct buf b = {0};
	for (size_t i = 0; i < c->n_domains; i++)
		if (c->domains[i]->id.s)
			buf_printf(&b, "%s%s", b.len ? ", " : "", c->domains[i]->id.s);
	return buf_detach(&b);
}

static void
resolve_domain(const struct chain *c, struct position *p, struct diags *diags)
{
	if (p->domain.s == NULL) {
		diag_emit(diags, CODE_S002, &p->loc, M_S002_MEMBER, "domain");
		return;
	}
	p->dom = find_domain(c, p->domain.s);
	if (p->dom == NULL) {
		struct diag *d = diag_emit(diags, CODE_S008, &p->domain.loc,
					   M_S008_UNKNOWN_DOMAIN,
					   p->id.s ? p->id.s : "?", p->domain.s);
		char *list = domain_list(c);
		diag_hint(diags, d, M_H_DOMAINS, list);
		free(list);
	}
}

static void
validate_position_numbers(struct position *p, struct diags *diags)
{
	const char *id = p->id.s ? p->id.s : "?";
	if (!p->ladder.set)
		diag_emit(diags, CODE_S002, &p->loc, M_S002_MEMBER, "ladder");
	else if (p->ladder.v < 1 || p->ladder.v > 6)
		diag_emit(diags, CODE_S008, &p->ladder.loc, M_S008_LADDER, id, p->ladder.v);
	if (p->reindication_months.set && p->reindication_months.v < 1) {
		diag_emit(diags, CODE_S008, &p->reindication_months.loc,
			  M_S008_REINDICATION, id, p->reindication_months.v);
		/* Rejected, so the default: no term, as when left out (K002). */
		p->reindication_months.set = false;
	}
}

/* An id or alias (as a slug) used before position `upto`, or NULL. */
static const struct position *
name_owner(const struct chain *c, size_t upto, const char *slug, bool *as_id)
{
	for (size_t i = 0; i < upto; i++) {
		const struct position *p = c->positions[i];
		if (p->id.s && strcmp(p->id.s, slug) == 0) {
			*as_id = true;
			return p;
		}
		for (size_t a = 0; a < p->aliases.n; a++)
			if (text_slug_equals(p->aliases.items[a].s, slug)) {
				*as_id = false;
				return p;
			}
	}
	return NULL;
}

static void
validate_position_names(struct chain *c, size_t i, struct diags *diags)
{
	struct position *p = c->positions[i];
	bool as_id;
	if (p->id.s && text_is_slug(p->id.s) && name_owner(c, i, p->id.s, &as_id)) {
		if (as_id)
			diag_emit(diags, CODE_S008, &p->id.loc, M_S008_DUP_POSITION, p->id.s);
		else
			diag_emit(diags, CODE_S008, &p->id.loc, M_S008_ALIAS_IS_ID, p->id.s);
	}
	for (size_t a = 0; a < p->aliases.n; a++) {
		const struct text *alias = &p->aliases.items[a];
		char *slug = text_slug(alias->s);
		const struct position *owner = name_owner(c, i, slug, &as_id);
		bool own_id = p->id.s && strcmp(p->id.s, slug) == 0;
		for (size_t b = 0; b < a && owner == NULL; b++)
			if (text_slug_equals(p->aliases.items[b].s, slug))
				owner = p, as_id = false;
		if (owner != NULL && as_id)
			diag_emit(diags, CODE_S008, &alias->loc, M_S008_ALIAS_IS_ID, alias->s);
		else if (owner != NULL || own_id)
			diag_emit(diags, CODE_S008, &alias->loc, M_S008_DUP_ALIAS, alias->s,
				  owner && owner->id.s ? owner->id.s : p->id.s ? p->id.s : "?");
		free(slug);
	}
}

static void
validate_positions(struct chain *c, struct loc at, struct diags *diags)
{
	if (c->n_positions == 0) {
		struct diag *d = diag_emit(diags, CODE_S008, &at, M_S008_NO_POSITIONS);
		diag_hint(diags, d, M_H_CHAIN_DUMP);
	}
	for (size_t i = 0; i < c->n_positions; i++) {
		struct position *p = c->positions[i];
		check_chain_id(&p->id, "id", p->loc, diags);
		resolve_domain(c, p, diags);
		validate_position_numbers(p, diags);
		validate_position_names(c, i, diags);
		if (p->label.s == NULL)
			p->label = p->id;
	}
}

/* Checks one threshold and gives it its default when not set. */
static void
settle_threshold(struct number *n, const char *name, long fallback, long min,
		 struct diags *diags)
{
	if (!n->set) {
		n->set = true;
		n->v = fallback;
	} else if (n->v < min) {
		diag_emit(diags, CODE_S008, &n->loc, M_S008_THRESHOLD, name, n->v, min);
		n->v = fallback;
	}
}

static void
settle_thresholds(struct thresholds *t, struct diags *diags)
{
	settle_threshold(&t->max_wait_days, "max_wait_days", 42, 1, diags);
	settle_threshold(&t->max_step_up, "max_step_up", 2, 1, diags);
	settle_threshold(&t->max_actors, "max_actors", 5, 1, diags);
	settle_threshold(&t->emotion_drop, "emotion_drop", 2, 1, diags);
	settle_threshold(&t->min_readability, "min_readability", 60, 0, diags);
	settle_threshold(&t->max_silence_days, "max_silence_days", 56, 1, diags);
	settle_threshold(&t->max_reminders, "max_reminders", 1, 0, diags);
}

static void
validate_disable(const struct chain *c, struct diags *diags)
{
	for (size_t i = 0; i < c->disable.n; i++) {
		const struct text *code = &c->disable.items[i];
		if (code_parse_rule(code->s) < 0) {
			struct diag *d = diag_emit(diags, CODE_S008, &code->loc,
						   M_S008_DISABLE, code->s);
			diag_hint(diags, d, M_H_DISABLE);
		}
	}
}

void
chain_validate(struct doc *doc, struct diags *diags)
{
	size_t first = diags->n;
	struct chain *c = doc->chain;
	struct loc at = c->loc.file ? c->loc : (struct loc){doc->path, 1, 1};
	check_chain_id(&c->id, "id", at, diags);
	if (c->title.s == NULL)
		c->title = c->id;
	validate_domains(c, diags);
	validate_positions(c, at, diags);
	settle_thresholds(&c->thresholds, diags);
	validate_disable(c, diags);
	if (!c->jargon_given)
		for (size_t i = 0; i < sizeof default_jargon / sizeof *default_jargon; i++)
			text_list_add(doc, &c->jargon, default_jargon[i], at);
	if (diags_has_error_since(diags, first))
		doc->broken = true;
}

const struct position *
chain_find_position(const struct chain *chain, const char *name)
{
	char small[64]; /* positions are looked up for every stage: no malloc */
	char *slug = text_slug_to(name, small, sizeof small) < sizeof small
		? small : text_slug(name);
	bool as_id;
	const struct position *p = name_owner(chain, chain->n_positions, slug, &as_id);
	if (slug != small)
		free(slug);
	return p;
}

const char *
chain_suggest_position(const struct chain *chain, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < chain->n_positions; i++)
		n += 1 + chain->positions[i]->aliases.n;
	const char **names = xmalloc((n ? n : 1) * sizeof(char *));
	n = 0;
	for (size_t i = 0; i < chain->n_positions; i++) {
		const struct position *p = chain->positions[i];
		names[n++] = p->id.s ? p->id.s : "";
		for (size_t a = 0; a < p->aliases.n; a++)
			names[n++] = p->aliases.items[a].s;
	}
	long best = text_nearest(name, names, n);
	const char *found = best >= 0 ? names[best] : NULL;
	free(names);
	return found;
}

char *
chain_position_list(const struct chain *chain)
{
	struct buf b = {0};
	for (size_t i = 0; i < chain->n_positions; i++)
		if (chain->positions[i]->id.s)
			buf_printf(&b, "%s%s", b.len ? ", " : "", chain->positions[i]->id.s);
	return buf_detach(&b);
}

bool
chain_one_roof(const struct position *a, const struct position *b)
{
	if (a->dom == NULL || b->dom == NULL)
		return false;
	const char *oa = a->dom->organisation.s, *ob = b->dom->organisation.s;
	return oa != NULL && ob != NULL && strcmp(oa, ob) == 0;
}

static void
describe_domains(const struct chain *c, enum lang lang, struct buf *out)
{
	buf_printf(out, "%s\n", msg(lang, M_CHAIN_DOMAINS));
	for (size_t i = 0; i < c->n_domains; i++) {
		const struct domain *d = c->domains[i];
		buf_printf(out, "  %-8s %s", d->id.s ? d->id.s : "?",
			   d->label.s ? d->label.s : "");
		if (d->organisation.s) {
			buf_puts(out, "  (");
			msg_append(out, lang, M_CHAIN_ORGANISATION, d->organisation.s);
			buf_puts(out, ")");
		}
		buf_putc(out, '\n');
	}
}

static void
describe_position(const struct position *p, enum lang lang, struct buf *out)
{
	char rung[32];
	MSG_CHECK(M_CHAIN_RUNG, p->ladder.v);
	snprintf(rung, sizeof rung, (msg)(lang, M_CHAIN_RUNG), p->ladder.v);
	buf_printf(out, "  %-8s %-28s %s [%s]\n", rung, p->id.s ? p->id.s : "?",
		   p->label.s ? p->label.s : "",
		   p->dom && p->dom->label.s ? p->dom->label.s : p->domain.s ? p->domain.s : "?");
	if (p->indication.v == YESNO_YES) {
		buf_puts(out, "           ");
		if (p->reindication_months.set)
			msg_append(out, lang, M_CHAIN_INDICATION, p->reindication_months.v);
		else
			buf_puts(out, msg(lang, M_CHAIN_INDICATION_ONLY));
		buf_putc(out, '\n');
	}
	if (p->income.v) {
		buf_puts(out, "           ");
		msg_append(out, lang, M_CHAIN_INCOME, value_income_text(p->income.v, lang));
		buf_putc(out, '\n');
	}
	if (p->aliases.n) {
		struct buf list = {0};
		for (size_t a = 0; a < p->aliases.n; a++)
			buf_printf(&list, "%s%s", a ? ", " : "", p->aliases.items[a].s);
		buf_puts(out, "           ");
		msg_append(out, lang, M_CHAIN_ALIASES, buf_str(&list));
		buf_putc(out, '\n');
		buf_free(&list);
	}
}

static void
describe_positions(const struct chain *c, enum lang lang, struct buf *out)
{
	buf_printf(out, "%s\n", msg(lang, M_CHAIN_POSITIONS));
	for (long rung = 6; rung >= 0; rung--)
		for (size_t i = 0; i < c->n_positions; i++) {
			const struct position *p = c->positions[i];
			long r = p->ladder.v >= 1 && p->ladder.v <= 6 ? p->ladder.v : 0;
			if (r == rung)
				describe_position(p, lang, out);
		}
}

static void
describe_thresholds(const struct thresholds *t, enum lang lang, struct buf *out)
{
	const struct {
		const char *name;
		const struct number *n;
		enum msg what;
	} rows[] = {
		{"max_wait_days", &t->max_wait_days, M_CHAIN_MAX_WAIT},
		{"max_step_up", &t->max_step_up, M_CHAIN_MAX_STEP},
		{"max_actors", &t->max_actors, M_CHAIN_MAX_ACTORS},
		{"emotion_drop", &t->emotion_drop, M_CHAIN_EMOTION_DROP},
		{"min_readability", &t->min_readability, M_CHAIN_MIN_READABILITY},
		{"max_silence_days", &t->max_silence_days, M_CHAIN_MAX_SILENCE},
		{"max_reminders", &t->max_reminders, M_CHAIN_MAX_REMINDERS},
	};
	buf_printf(out, "%s\n", msg(lang, M_CHAIN_THRESHOLDS));
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		buf_printf(out, "  %-16s %4ld  %s\n", rows[i].name, rows[i].n->v,
			   (msg)(lang, rows[i].what));
}

static void
describe_list(const struct text_list *list, enum lang lang, struct buf *out)
{
	if (list->n == 0)
		buf_puts(out, msg(lang, M_CHAIN_NONE));
	for (size_t i = 0; i < list->n; i++)
		buf_printf(out, "%s%s", i ? ", " : "", list->items[i].s);
}

void
chain_describe(const struct chain *c, enum lang lang, struct buf *out)
{
	msg_append(out, lang, M_CHAIN_HEAD, c->title.s ? c->title.s : "?",
		   c->id.s ? c->id.s : "?");
	buf_puts(out, "\n\n");
	describe_domains(c, lang, out);
	buf_putc(out, '\n');
	describe_positions(c, lang, out);
	buf_putc(out, '\n');
	describe_thresholds(&c->thresholds, lang, out);
	buf_putc(out, '\n');
	struct buf jargon = {0};
	describe_list(&c->jargon, lang, &jargon);
	msg_append(out, lang, M_CHAIN_JARGON, c->jargon.n, buf_str(&jargon));
	buf_putc(out, '\n');
	buf_free(&jargon);
	struct buf disabled = {0};
	describe_list(&c->disable, lang, &disabled);
	msg_append(out, lang, M_CHAIN_DISABLED, buf_str(&disabled));
	buf_puts(out, "\n\n");
	buf_free(&disabled);
	buf_printf(out, "%s\n", msg(lang, M_CHAIN_DUMP_TIP));
}
