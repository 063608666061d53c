/* write_json.c - a persona, journey or chain model as keten/1 JSON, members in a fixed order, unset values left out. */
#include "write.h"

#include "jsonw.h"
#include "values.h"
#include "vocab.h"

/* Members that are written only when set. */

static void
member_text(struct jsonw *w, const char *key, const struct text *t)
{
	if (t->s != NULL)
		jsonw_member_string(w, key, t->s);
}

static void
member_number(struct jsonw *w, const char *key, const struct number *n)
{
	if (n->set)
		jsonw_member_long(w, key, n->v);
}

static void
member_flag(struct jsonw *w, const char *key, const struct flag *f)
{
	if (f->v != YESNO_UNSET)
		jsonw_member_bool(w, key, f->v == YESNO_YES);
}

/* Yes, no or unknown: true, false or "unknown". */
static void
member_flag3(struct jsonw *w, const char *key, const struct flag *f)
{
	if (f->v == YESNO_UNKNOWN)
		jsonw_member_string(w, key, "unknown");
	else
		member_flag(w, key, f);
}

static void
member_choice(struct jsonw *w, const char *key, enum choice_set set,
	      const struct choice *c)
{
	const char *name = value_choice_name(set, c->v);
	if (name != NULL)
		jsonw_member_string(w, key, name);
}

static void
member_income(struct jsonw *w, const struct choice *c)
{
	const char *name = income_name((enum income)c->v);
	if (name != NULL)
		jsonw_member_string(w, "income", name);
}

static void
string_array(struct jsonw *w, const struct text_list *list)
{
	jsonw_array_begin(w);
	for (size_t i = 0; i < list->n; i++)
		jsonw_string(w, list->items[i].s);
	jsonw_array_end(w);
}

/* A list member that is left out when empty. */
static void
member_list(struct jsonw *w, const char *key, const struct text_list *list)
{
	if (list->n == 0)
		return;
	jsonw_key(w, key);
	string_array(w, list);
}

/* A list member that is always written, possibly as []. */
static void
member_list_always(struct jsonw *w, const char *key,
		   const struct text_list *list)
{
	jsonw_key(w, key);
	string_array(w, list);
}

/* "note": a string for one note, an array for several. */
static void
member_notes(struct jsonw *w, const struct text_list *notes)
{
	if (notes->n == 1)
		jsonw_member_string(w, "note", notes->items[0].s);
	else
		member_list(w, "note", notes);
}

/* Persona. */

static void
write_sections(struct jsonw *w, const struct persona *p)
{
	if (p->n_sections == 0)
		return;
	jsonw_key(w, "sections");
	jsonw_array_begin(w);
	for (size_t i = 0; i < p->n_sections; i++) {
		jsonw_object_begin(w);
		member_text(w, "title", &p->sections[i]->title);
		member_text(w, "body", &p->sections[i]->body);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
}

static void
write_persona(struct jsonw *w, const struct persona *p)
{
	jsonw_object_begin(w);
	member_text(w, "id", &p->id);
	member_text(w, "name", &p->name);
	member_text(w, "summary", &p->summary);
	member_number(w, "age", &p->age);
	member_text(w, "place", &p->place);
	member_text(w, "situation", &p->situation);
	member_text(w, "position", &p->position);
	member_number(w, "ladder", &p->ladder);
	member_income(w, &p->income);
	member_list(w, "traits", &p->traits);
	member_list(w, "talents", &p->talents);
	member_list(w, "needs", &p->needs);
	member_list(w, "worries", &p->worries);
	member_list(w, "goals", &p->goals);
	member_list(w, "network", &p->network);
	member_text(w, "quote", &p->quote);
	write_sections(w, p);
	member_notes(w, &p->notes);
	jsonw_object_end(w);
}

/* Journey. */

static const char *
tp_kind_canonical(enum tp_kind kind)
{
	if ((unsigned)kind >= TP__MAX)
		kind = TP_OTHER;
	return vocab_canonical(VOCAB_TP_KIND, kind);
}

static void
write_touchpoint(struct jsonw *w, const struct touchpoint *tp)
{
	jsonw_object_begin(w);
	jsonw_member_string(w, "kind", tp_kind_canonical(tp->kind));
	member_text(w, "title", &tp->title);
	member_text(w, "actor", &tp->actor);
	member_flag3(w, "explained", &tp->explained);
	member_text(w, "text", &tp->text);
	member_number(w, "duration_days", &tp->duration);
	member_flag3(w, "warm", &tp->warm);
	member_number(w, "emotion", &tp->emotion);
	member_choice(w, "channel", CHOICE_CHANNEL, &tp->channel);
	member_choice(w, "direction", CHOICE_DIRECTION, &tp->direction);
	member_choice(w, "initiative", CHOICE_INITIATIVE, &tp->initiative);
	member_text(w, "outcome", &tp->outcome);
	member_text(w, "to", &tp->to);
	member_flag3(w, "kept", &tp->kept);
	member_number(w, "due", &tp->due_days);
	member_text(w, "due", &tp->due_date);
	member_choice(w, "correct", CHOICE_CORRECT, &tp->correct);
	member_flag3(w, "justified", &tp->justified);
	member_choice(w, "handled", CHOICE_HANDLED, &tp->handled);
	member_flag3(w, "time_to_consider", &tp->time_to_consider);
	member_text(w, "date", &tp->date);
	member_number(w, "response_days", &tp->response_days);
	member_notes(w, &tp->notes);
	jsonw_object_end(w);
}

static void
write_touchpoints(struct jsonw *w, const struct stage *s)
{
	jsonw_key(w, "touchpoints");
	jsonw_array_begin(w);
	for (size_t i = 0; i < s->n_touchpoints; i++)
		write_touchpoint(w, s->touchpoints[i]);
	jsonw_array_end(w);
}

static void
write_stage(struct jsonw *w, const struct stage *s)
{
	jsonw_object_begin(w);
	member_text(w, "id", &s->id);
	member_text(w, "title", &s->title);
	member_text(w, "position", &s->position);
	member_list(w, "actors", &s->actors);
	if (s->organisation.n == 1)
		member_text(w, "organisation", &s->organisation.items[0]);
	else
		member_list(w, "organisation", &s->organisation);
	member_number(w, "emotion", &s->emotion);
	member_number(w, "duration_days", &s->duration);
	member_choice(w, "status", CHOICE_STATUS, &s->status);
	member_text(w, "awaits", &s->awaits);
	if (income_name((enum income)s->income.v) != NULL)
		jsonw_member_string(w, "income", income_name((enum income)s->income.v));
	member_text(w, "lead", &s->lead);
	member_choice(w, "contact", CHOICE_CONTACT, &s->contact);
	member_flag3(w, "fit", &s->fit);
	member_number(w, "hours", &s->hours);
	member_text(w, "start", &s->start);
	write_touchpoints(w, s);
	member_list_always(w, "pain_points", &s->pain_points);
	member_list_always(w, "opportunities", &s->opportunities);
	member_notes(w, &s->notes);
	member_list(w, "ignore", &s->ignore);
	member_text(w, "description", &s->description);
	jsonw_object_end(w);
}

static void
write_stages(struct jsonw *w, const struct journey *j)
{
	if (j->n_stages == 0)
		return;
	jsonw_key(w, "stages");
	jsonw_array_begin(w);
	for (size_t i = 0; i < j->n_stages; i++)
		write_stage(w, j->stages[i]);
	jsonw_array_end(w);
}

static void
write_journey(struct jsonw *w, const struct journey *j)
{
	jsonw_object_begin(w);
	member_text(w, "id", &j->id);
	member_text(w, "title", &j->title);
	member_text(w, "persona", &j->persona);
	member_text(w, "chain", &j->chain);
	member_text(w, "region", &j->region);
	const char *kind = journey_kind_name((enum journey_kind)j->kind.v);
	if (kind != NULL)
		jsonw_member_string(w, "kind", kind);
	member_text(w, "author", &j->author);
	member_text(w, "date", &j->date);
	member_choice(w, "contacts", CHOICE_CONTACTS, &j->contacts);
	member_text(w, "description", &j->description);
	member_list(w, "ignore", &j->ignore);
	member_notes(w, &j->notes);
	write_stages(w, j);
	jsonw_object_end(w);
}

/* Chain model. */

static void
write_domains(struct jsonw *w, const struct chain *c)
{
	if (c->n_domains == 0)
		return;
	jsonw_key(w, "domains");
	jsonw_array_begin(w);
	for (size_t i = 0; i < c->n_domains; i++) {
		const struct domain *d = c->domains[i];
		jsonw_object_begin(w);
		member_text(w, "id", &d->id);
		member_text(w, "label", &d->label);
		member_text(w, "organisation", &d->organisation);
		member_text(w, "colour", &d->colour);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
}

static void
write_position(struct jsonw *w, const struct position *p)
{
	jsonw_object_begin(w);
	member_text(w, "id", &p->id);
	member_text(w, "label", &p->label);
	member_number(w, "ladder", &p->ladder);
	member_text(w, "domain", &p->domain);
	member_flag(w, "indication", &p->indication);
	member_number(w, "reindication_months", &p->reindication_months);
	member_income(w, &p->income);
	member_list(w, "aliases", &p->aliases);
	jsonw_object_end(w);
}

static void
write_positions(struct jsonw *w, const struct chain *c)
{
	if (c->n_positions == 0)
		return;
	jsonw_key(w, "positions");
	jsonw_array_begin(w);
	for (size_t i = 0; i < c->n_positions; i++)
		write_position(w, c->positions[i]);
	jsonw_array_end(w);
}

static void
write_thresholds(struct jsonw *w, const struct thresholds *t)
{
	if (!t->max_wait_days.set && !t->max_step_up.set && !t->max_actors.set &&
	    !t->emotion_drop.set && !t->min_readability.set &&
	    !t->max_silence_days.set && !t->max_reminders.set)
		return;
	jsonw_key(w, "thresholds");
	jsonw_object_begin(w);
	member_number(w, "max_wait_days", &t->max_wait_days);
	member_number(w, "max_step_up", &t->max_step_up);
	member_number(w, "max_actors", &t->max_actors);
	member_number(w, "emotion_drop", &t->emotion_drop);
	member_number(w, "min_readability", &t->min_readability);
	member_number(w, "max_silence_days", &t->max_silence_days);
	member_number(w, "max_reminders", &t->max_reminders);
	jsonw_object_end(w);
}

static void
write_chain(struct jsonw *w, const struct chain *c)
{
	jsonw_object_begin(w);
	member_text(w, "id", &c->id);
	member_text(w, "title", &c->title);
	write_domains(w, c);
	write_positions(w, c);
	write_thresholds(w, &c->thresholds);
	if (c->jargon_given || c->jargon.n > 0)
		member_list_always(w, "jargon", &c->jargon);
	member_list(w, "disable", &c->disable);
	member_list(w, "impact_colours", &c->impact_colours);
	jsonw_object_end(w);
}

void
write_json(const struct doc *doc, struct buf *out)
{
	struct jsonw w;
	jsonw_init(&w, out, false);
	jsonw_object_begin(&w);
	jsonw_member_string(&w, "format", "keten/1");
	if (doc->kind == DOC_PERSONA && doc->persona != NULL) {
		jsonw_key(&w, "persona");
		write_persona(&w, doc->persona);
	} else if (doc->kind == DOC_JOURNEY && doc->journey != NULL) {
		jsonw_key(&w, "journey");
		write_journey(&w, doc->journey);
	} else if (doc->kind == DOC_CHAIN && doc->chain != NULL) {
		jsonw_key(&w, "chain");
		write_chain(&w, doc->chain);
	}
	jsonw_object_end(&w);
}
