/* chain.c - the embedded default chain model, its validation and lookups. */
#include "chain.h"

#include "embedded.h"
#include "palette.h"
#include "read.h"
#include "readability.h"
#include "source.h"
#include "text.h"
#include "values.h"

#include <math.h>
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

/* A contrast ratio as shown in a message: one decimal, rounded down, so
 * that 2.96:1 is not shown as the 3.0:1 it fails. */
static void
show_ratio(char shown[16], double ratio)
{
	snprintf(shown, 16, "%.1f", floor(ratio * 10) / 10);
}

static const enum msg visions[VISION__MAX] = {M_VISION_NORMAL, M_VISION_PROTANOPIA,
					      M_VISION_DEUTERANOPIA, M_VISION_TRITANOPIA};

/* Whether people with some colour vision can hardly tell a and b apart;
 * if so, *v is that vision and shown the difference there. */
static bool
colours_alike(const char *a, const char *b, enum vision *v, char shown[16])
{
	double difference;
	*v = colour_hardest_vision(a, b, &difference);
	snprintf(shown, 16, "%.0f", floor(difference));
	return difference < MIN_COLOUR_DIFFERENCE;
}

/* A domain's own colour: "#rrggbb" (else an error), with 3:1 contrast
 * against white for the lane edge and the card border (else a warning:
 * the pictures can still be drawn). */
static void
validate_colour(const struct domain *dom, struct diags *diags)
{
	const char *id = dom->id.s ? dom->id.s : "";
	if (dom->colour.s == NULL)
		return;
	if (!colour_is_hex(dom->colour.s)) {
		struct diag *d = diag_emit(diags, CODE_S008, &dom->colour.loc, M_S008_COLOUR, id,
					   dom->colour.s);
		diag_hint(diags, d, M_H_COLOUR);
		return;
	}
	double ratio = colour_contrast(dom->colour.s, "#ffffff");
	if (ratio < CONTRAST_GRAPHIC) {
		char shown[16];
		show_ratio(shown, ratio);
		struct diag *d = diag_emit(diags, CODE_S008, &dom->colour.loc, M_S008_COLOUR_LIGHT,
					   dom->colour.s, id, shown);
		d->severity = SEV_WARNING;
		diag_hint(diags, d, M_H_COLOUR_LIGHT);
	}
}

/* Domains whose own colours people with a colour-vision deficiency (or
 * anyone) can hardly tell apart: a warning per pair, for the vision where
 * they are closest. */
static void
validate_colour_pairs(const struct chain *c, struct diags *diags)
{
	for (size_t i = 0; i < c->n_domains; i++) {
		const struct domain *a = c->domains[i];
		for (size_t k = i + 1; k < c->n_domains && colour_is_hex(a->colour.s); k++) {
			const struct domain *b = c->domains[k];
			enum vision v;
			char shown[16];
			if (!colour_is_hex(b->colour.s) ||
			    !colours_alike(a->colour.s, b->colour.s, &v, shown))
				continue;
			struct diag *d = diag_emit(diags, CODE_S008, &b->colour.loc, M_S008_COLOURS_ALIKE,
						   a->id.s ? a->id.s : "", b->id.s ? b->id.s : "",
						   (msg)(diags->lang, visions[v]), shown);
			d->severity = SEV_WARNING;
			diag_hint(diags, d, M_H_COLOURS_ALIKE);
		}
	}
}

static void
warn_impact(struct diags *diags, struct diag *d)
{
	d->severity = SEV_WARNING;
	diag_hint(diags, d, M_H_IMPACT_COLOURS);
}

/* One impact colour as a marker: 3:1 against white (a warning, the
 * pictures can still be drawn). Its text, black or white, always has
 * 4.58:1 or more, so it needs no check. */
static void
validate_impact_contrast(const struct text *colour, int level, struct diags *diags)
{
	char shown[16];
	double ratio = colour_contrast(colour->s, "#ffffff");
	if (ratio < CONTRAST_GRAPHIC) {
		show_ratio(shown, ratio);
		warn_impact(diags, diag_emit(diags, CODE_S008, &colour->loc, M_S008_IMPACT_LIGHT,
					     colour->s, level, shown));
	}
}

/* Impact levels that people with some colour vision can hardly tell apart
 * from each other or from the question markers: a warning per pair. */
static void
validate_impact_pairs(const struct text_list *list, struct diags *diags)
{
	enum vision v;
	char shown[16];
	for (size_t i = 0; i < list->n; i++) {
		const struct text *a = &list->items[i];
		for (size_t k = i + 1; k < list->n; k++)
			if (colours_alike(a->s, list->items[k].s, &v, shown))
				warn_impact(diags, diag_emit(diags, CODE_S008, &list->items[k].loc,
							     M_S008_IMPACTS_ALIKE, (int)i + 1,
							     (int)k + 1,
							     (msg)(diags->lang, visions[v]), shown));
		if (colours_alike(a->s, colour_hex(COLOUR_QUESTION_FILL), &v, shown))
			warn_impact(diags, diag_emit(diags, CODE_S008, &a->loc, M_S008_IMPACT_QUESTION,
						     (int)i + 1, (msg)(diags->lang, visions[v]),
						     shown));
	}
}

/* The chain model's own impact colours ("impact_colours"): three, each
 * "#rrggbb" (else an error, and the palette's are drawn), then the same
 * checks as tests/palette_test.py makes of the palette, as warnings. */
static void
validate_impact_colours(const struct chain *c, struct diags *diags)
{
	const struct text_list *list = &c->impact_colours;
	if (list->n == 0)
		return;
	if (list->n != IMPACT_LEVELS) {
		diag_hint(diags, diag_emit(diags, CODE_S008, &list->loc, M_S008_IMPACT_COUNT,
					   (long)list->n),
			  M_H_IMPACT_COLOURS);
		return;
	}
	bool usable = true;
	for (size_t k = 0; k < list->n; k++)
		if (!colour_is_hex(list->items[k].s)) {
			const char *given = list->items[k].s ? list->items[k].s : "";
			diag_hint(diags, diag_emit(diags, CODE_S008, &list->items[k].loc,
						   M_S008_IMPACT_COLOUR, (int)k + 1, given),
				  M_H_COLOUR);
			usable = false;
		}
	if (!usable)
		return;
	for (size_t k = 0; k < list->n; k++)
		validate_impact_contrast(&list->items[k], (int)k + 1, diags);
	validate_impact_pairs(list, diags);
}

/* Reports domains with the same id; fills by_id (id -> index of the first
 * domain with it, every id given, slug or not: positions look up by it). */
static void
validate_domains(struct chain *c, struct idmap *by_id, struct diags *diags)
{
	for (size_t i = 0; i < c->n_domains; i++) {
		struct domain *d = c->domains[i];
		size_t first = d->id.s ? idmap_add(by_id, d->id.s, strlen(d->id.s), i) : i;
		if (check_chain_id(&d->id, "id", d->loc, diags) && first != i)
			diag_emit(diags, CODE_S008, &d->id.loc, M_S008_DUP_DOMAIN, d->id.s);
		validate_colour(d, diags);
	}
	validate_colour_pairs(c, diags);
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

/* Sets the position's domain; *list is the hint's list of domains, made
 * the first time one is needed (caller frees). */
static void
resolve_domain(const struct chain *c, const struct idmap *by_id, struct position *p,
	       char **list, struct diags *diags)
{
	if (p->domain.s == NULL) {
		diag_emit(diags, CODE_S002, &p->loc, M_S002_MEMBER, "domain");
		return;
	}
	size_t i;
	p->dom = idmap_find(by_id, p->domain.s, strlen(p->domain.s), &i) ? c->domains[i] : NULL;
	if (p->dom == NULL) {
		struct diag *d = diag_emit(diags, CODE_S008, &p->domain.loc,
					   M_S008_UNKNOWN_DOMAIN,
					   p->id.s ? p->id.s : "?", p->domain.s);
		if (*list == NULL)
			*list = domain_list(c);
		diag_hint(diags, d, M_H_DOMAINS, *list);
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

/* The position that uses `slug` (an id as written or an alias's slug) in
 * c->names, or NULL; *as_id tells which. */
static const struct position *
name_owner(const struct chain *c, const char *slug, bool *as_id)
{
	size_t v;
	if (!idmap_find(&c->names, slug, strlen(slug), &v))
		return NULL;
	*as_id = v & 1;
	return c->positions[v / 2];
}

/* Adds a name of position i to c->names (value 2i, + 1 for its id);
 * returns the position that had it already, or NULL when it is new. */
static const struct position *
claim_name(struct chain *c, const char *name, size_t i, bool id, bool *as_id)
{
	size_t before = c->names.n;
	size_t v = idmap_add(&c->names, name, strlen(name), 2 * i + id);
	if (c->names.n > before)
		return NULL;
	*as_id = v & 1;
	return c->positions[v / 2];
}

/* Checks position i's id and aliases against the names of the positions
 * before it and its own earlier ones, adding them to c->names. */
static void
validate_position_names(struct chain *c, size_t i, struct diags *diags)
{
	struct position *p = c->positions[i];
	bool as_id;
	if (p->id.s && claim_name(c, p->id.s, i, true, &as_id) && text_is_slug(p->id.s)) {
		if (as_id)
			diag_emit(diags, CODE_S008, &p->id.loc, M_S008_DUP_POSITION, p->id.s);
		else
			diag_emit(diags, CODE_S008, &p->id.loc, M_S008_ALIAS_IS_ID, p->id.s);
	}
	for (size_t a = 0; a < p->aliases.n; a++) {
		const struct text *alias = &p->aliases.items[a];
		char small[64]; /* most aliases are short: no malloc */
		char *slug = text_slug_to(alias->s, small, sizeof small) < sizeof small
			? small : text_slug(alias->s);
		const struct position *owner = claim_name(c, slug, i, false, &as_id);
		/* Its own id or an earlier alias of its own is no other owner. */
		if (owner == p)
			as_id = false;
		if (owner != NULL && as_id)
			diag_emit(diags, CODE_S008, &alias->loc, M_S008_ALIAS_IS_ID, alias->s);
		else if (owner != NULL)
			diag_emit(diags, CODE_S008, &alias->loc, M_S008_DUP_ALIAS, alias->s,
				  owner->id.s ? owner->id.s : p->id.s ? p->id.s : "?");
		if (slug != small)
			free(slug);
	}
}

static void
validate_positions(struct chain *c, const struct idmap *domains, struct loc at,
		   struct diags *diags)
{
	if (c->n_positions == 0) {
		struct diag *d = diag_emit(diags, CODE_S008, &at, M_S008_NO_POSITIONS);
		diag_hint(diags, d, M_H_CHAIN_DUMP);
	}
	char *domain_names = NULL;
	for (size_t i = 0; i < c->n_positions; i++) {
		struct position *p = c->positions[i];
		check_chain_id(&p->id, "id", p->loc, diags);
		resolve_domain(c, domains, p, &domain_names, diags);
		validate_position_numbers(p, diags);
		validate_position_names(c, i, diags);
		if (p->label.s == NULL)
			p->label = p->id;
	}
	free(domain_names);
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
	struct idmap domains = {0};
	validate_domains(c, &domains, diags);
	idmap_free(&c->names); /* validated once more: start again */
	validate_positions(c, &domains, at, diags);
	idmap_free(&domains);
	settle_thresholds(&c->thresholds, diags);
	validate_disable(c, diags);
	validate_impact_colours(c, diags);
	if (!c->jargon_given)
		for (size_t i = 0; i < sizeof default_jargon / sizeof *default_jargon; i++)
			text_list_add(doc, &c->jargon, default_jargon[i], at);
	chain_free_jargon_words(c);
	c->jargon_words = xcalloc(1, sizeof(*c->jargon_words));
	for (size_t i = 0; i < c->jargon.n; i++)
		phrases_add(c->jargon_words, c->jargon.items[i].s ? c->jargon.items[i].s : "");
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
	const struct position *p = name_owner(chain, slug, &as_id);
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
