/* test_read_json.c - unit tests of the JSON reader: the model it builds, the locations it gives and the diagnostics it reports. */
#include "harness.h"

#include "chain.h"

#include "diag.h"
#include "limits.h"
#include "mem.h"
#include "model.h"
#include "read.h"
#include "source.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The journey example of formats.md. */
static const char journey_example[] =
	"{\n"
	"  \"format\": \"keten/1\",\n"
	"  \"journey\": {\n"
	"    \"id\": \"samira-werk\",\n"
	"    \"title\": \"Samira: van thuis naar betaald werk\",\n"
	"    \"persona\": \"samira\",\n"
	"    \"region\": \"Rijk van Nijmegen\",\n"
	"    \"kind\": \"as-is\",\n"
	"    \"stages\": [\n"
	"      {\n"
	"        \"id\": \"melding-bij-het-sociaal-team\",\n"
	"        \"title\": \"Melding bij het sociaal team\",\n"
	"        \"position\": \"thuis\",\n"
	"        \"actors\": [\"sociaal team\"],\n"
	"        \"emotion\": -1,\n"
	"        \"duration_days\": 21,\n"
	"        \"touchpoints\": [\n"
	"          {\"kind\": \"conversation\", \"title\": \"keukentafelgesprek met de consulent\"},\n"
	"          {\"kind\": \"letter\", \"title\": \"uitnodiging voor het onderzoek\"}\n"
	"        ],\n"
	"        \"pain_points\": [\"Samira weet niet wie haar consulent is\"],\n"
	"        \"opportunities\": []\n"
	"      }\n"
	"    ]\n"
	"  }\n"
	"}\n";

/* The default chain model of formats.md, as the program embeds it. */
#define chain_example chain_default_json

/* Reads text of len bytes as x.json within limits; the source is freed
 * before returning, so locations must not point into it. */
static struct doc *
read_text_limits(const char *text, size_t len, const struct limits *limits,
		 struct diags *d)
{
	struct source *src = source_from_memory("x.json", text, len, limits, d);
	if (src == NULL)
		return NULL;
	struct doc *doc = read_json(src, limits, d);
	source_free(&src);
	return doc;
}

static struct doc *
read_str(const char *text, struct diags *d)
{
	struct limits limits = LIMITS_DEFAULT;
	return read_text_limits(text, strlen(text), &limits, d);
}

/* The first finding with a code, or NULL. */
static const struct diag *
find(const struct diags *d, enum code code)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == code)
			return &d->items[i];
	return NULL;
}

static size_t
count(const struct diags *d, enum code code)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->items[i].code == code;
	return n;
}

/* Checks that a finding with code sits at line:col. */
static void
diag_at(const struct diags *d, enum code code, int line, int col)
{
	const struct diag *f = find(d, code);
	CHECK(f != NULL);
	if (f == NULL)
		return;
	INT_EQ(f->line, line);
	INT_EQ(f->col, col);
	STR_EQ(f->file, "x.json");
}

static void
loc_at(struct loc loc, int line, int col)
{
	INT_EQ(loc.line, line);
	INT_EQ(loc.col, col);
	STR_EQ(loc.file, "x.json");
}

/* A journey around one stage object, for short tests. */
static struct doc *
read_stage_json(const char *stage, struct diags *d)
{
	char *text = xasprintf("{\"format\": \"keten/1\", \"journey\": {\"title\": \"t\",\n"
			       "\"stages\": [\n%s\n]}}\n",
			       stage);
	struct doc *doc = read_str(text, d);
	free(text);
	return doc;
}

TEST(read_json_journey_example)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str(journey_example, &d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 0);
	INT_EQ(doc->kind, DOC_JOURNEY);
	INT_EQ(doc->format, FORMAT_JSON);
	CHECK(!doc->broken);
	STR_EQ(doc->path, "x.json");
	struct journey *j = doc->journey;
	STR_EQ(j->id.s, "samira-werk");
	CHECK(j->id_given);
	STR_EQ(j->title.s, "Samira: van thuis naar betaald werk");
	loc_at(j->title.loc, 5, 14);
	STR_EQ(j->persona.s, "samira");
	STR_EQ(j->region.s, "Rijk van Nijmegen");
	INT_EQ(j->kind.v, KIND_AS_IS);
	loc_at(j->loc, 3, 14);
	CHECK(j->chain.s == NULL);
	CHECK(j->date.s == NULL);
	INT_EQ(j->n_stages, 1);
	struct stage *s = j->stages[0];
	loc_at(s->loc, 10, 7);
	STR_EQ(s->id.s, "melding-bij-het-sociaal-team");
	CHECK(s->id_given);
	STR_EQ(s->title.s, "Melding bij het sociaal team");
	STR_EQ(s->position.s, "thuis");
	loc_at(s->position.loc, 13, 21);
	INT_EQ(s->actors.n, 1);
	STR_EQ(s->actors.items[0].s, "sociaal team");
	CHECK(s->emotion.set);
	INT_EQ(s->emotion.v, -1);
	loc_at(s->emotion.loc, 15, 20);
	CHECK(s->duration.set);
	INT_EQ(s->duration.v, 21);
	INT_EQ(s->pain_points.n, 1);
	STR_EQ(s->pain_points.items[0].s, "Samira weet niet wie haar consulent is");
	loc_at(s->pain_points.items[0].loc, 21, 25);
	INT_EQ(s->opportunities.n, 0);
	INT_EQ(s->n_touchpoints, 2);
	struct touchpoint *tp = s->touchpoints[0];
	INT_EQ(tp->kind, TP_CONVERSATION);
	STR_EQ(tp->title.s, "keukentafelgesprek met de consulent");
	loc_at(tp->loc, 18, 11);
	INT_EQ(tp->explained.v, YESNO_UNSET);
	INT_EQ(s->touchpoints[1]->kind, TP_LETTER);
	loc_at(s->touchpoints[1]->loc, 19, 11);
	STR_EQ(s->touchpoints[1]->title.s, "uitnodiging voor het onderzoek");
	doc_free(&doc);
	CHECK(doc == NULL);
	diags_free(&d);
}

TEST(read_json_chain_example)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str(chain_example, &d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 0);
	INT_EQ(doc->kind, DOC_CHAIN);
	CHECK(!doc->broken);
	struct chain *c = doc->chain;
	STR_EQ(c->id.s, "arbeid");
	STR_EQ(c->title.s, "Keten van arbeid");
	loc_at(c->loc, 3, 12);
	INT_EQ(c->n_domains, 4);
	STR_EQ(c->domains[1]->id.s, "wmo");
	STR_EQ(c->domains[1]->label.s, "Wmo 2015");
	loc_at(c->domains[1]->loc, 8, 7);
	CHECK(c->domains[1]->organisation.s == NULL);
	INT_EQ(c->n_positions, 10);
	struct position *p = c->positions[3];
	STR_EQ(p->id.s, "arbeidsmatige-dagbesteding");
	INT_EQ(p->ladder.v, 3);
	STR_EQ(p->domain.s, "wmo");
	INT_EQ(p->indication.v, YESNO_YES);
	INT_EQ(p->reindication_months.v, 12);
	INT_EQ(p->income.v, INCOME_UNSET);
	INT_EQ(p->aliases.n, 2);
	STR_EQ(p->aliases.items[0].s, "ad");
	STR_EQ(p->aliases.items[1].s, "arbeidsmatige-db");
	loc_at(p->aliases.items[1].loc, 20, 26);
	loc_at(p->loc, 18, 7);
	INT_EQ(c->positions[0]->income.v, INCOME_BENEFIT);
	INT_EQ(c->positions[9]->income.v, INCOME_WAGE);
	INT_EQ(c->positions[9]->ladder.v, 6);
	INT_EQ(c->positions[0]->indication.v, YESNO_UNSET);
	INT_EQ(c->positions[8]->aliases.n, 2);
	STR_EQ(c->positions[8]->aliases.items[1].s, "loonkostensubsidie");
	CHECK(c->thresholds.max_wait_days.set);
	INT_EQ(c->thresholds.max_wait_days.v, 42);
	INT_EQ(c->thresholds.max_step_up.v, 2);
	INT_EQ(c->thresholds.max_actors.v, 5);
	INT_EQ(c->thresholds.emotion_drop.v, 2);
	INT_EQ(c->thresholds.min_readability.v, 60);
	loc_at(c->thresholds.min_readability.loc, 40, 26);
	CHECK(c->jargon_given);
	INT_EQ(c->jargon.n, 12);
	STR_EQ(c->jargon.items[4].s, "algemene voorziening");
	STR_EQ(c->jargon.items[11].s, "doelgroepregister");
	INT_EQ(c->disable.n, 0);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_chain_loose_values_are_the_validators_job)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str(
		"{\"format\": \"keten/1\", \"chain\": {\"id\": \"x\", \"jargon\": [],\n"
		"\"positions\": [{\"id\": \"a\", \"ladder\": 9, \"domain\": \"nowhere\"},\n"
		"{\"id\": \"a\", \"ladder\": -3, \"reindication_months\": 0}],\n"
		"\"thresholds\": {\"max_wait_day\": 3, \"max_actors\": 1.5},\n"
		"\"disable\": [\"K005\", \"K099\"]}}",
		&d);
	CHECK(doc != NULL);
	struct chain *c = doc->chain;
	CHECK(c->jargon_given);
	INT_EQ(c->jargon.n, 0);
	INT_EQ(c->n_positions, 2);
	INT_EQ(c->positions[0]->ladder.v, 9);
	INT_EQ(c->positions[1]->ladder.v, -3);
	CHECK(c->positions[1]->reindication_months.set);
	INT_EQ(c->disable.n, 2);
	STR_EQ(c->disable.items[1].s, "K099");
	INT_EQ(count(&d, CODE_S008), 0);
	/* an unknown threshold, and a threshold that is not whole */
	const struct diag *w = find(&d, CODE_S006);
	CHECK(w != NULL);
	STR_EQ(w->message, "unknown member 'max_wait_day'; did you mean 'max_wait_days'?");
	STR_EQ(w->hint, "known members: max_wait_days, max_step_up, max_actors, "
			"emotion_drop, min_readability, max_silence_days, max_reminders");
	diag_at(&d, CODE_S005, 4, 49);
	STR_EQ(find(&d, CODE_S005)->message, "'max_actors' must be a whole number, not 1.5");
	CHECK(!c->thresholds.max_actors.set);
	CHECK(doc->broken);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_chain_without_jargon_keeps_the_default)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str("{\"format\": \"keten/1\", \"chain\": {\"id\": \"x\"}}", &d);
	CHECK(doc != NULL);
	CHECK(!doc->chain->jargon_given);
	INT_EQ(d.n, 0);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_persona)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str(
		"{\"format\": \"keten/1\", \"persona\": {\n"
		"  \"id\": \"samira\", \"name\": \"Samira\",\n"
		"  \"summary\": \"Samira (34) woont met haar zoon in een flat.\",\n"
		"  \"age\": 34, \"place\": \"Nijmegen\", \"situation\": \"alleenstaande moeder\",\n"
		"  \"position\": \"thuis\", \"ladder\": 1, \"income\": \"uitkering\",\n"
		"  \"traits\": [\"laaggeletterd\", \"anxious\", \"houdt van koken\"],\n"
		"  \"talents\": [\"goed met kinderen\", \"handig met computers\"],\n"
		"  \"needs\": [\"rust\"], \"worries\": [\"uitkering kwijt\"],\n"
		"  \"goals\": [\"werk\"], \"network\": [\"zus\"],\n"
		"  \"quote\": \"Ik wil laten zien wat ik kan.\",\n"
		"  \"sections\": [{\"title\": \"Dagritme\", \"body\": \"Ze staat om 7 uur op.\"}],\n"
		"  \"note\": [\"eerste\", \"tweede\"]\n"
		"}}\n",
		&d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 0);
	INT_EQ(doc->kind, DOC_PERSONA);
	struct persona *p = doc->persona;
	STR_EQ(p->id.s, "samira");
	CHECK(p->id_given);
	STR_EQ(p->name.s, "Samira");
	loc_at(p->name.loc, 2, 27);
	STR_EQ(p->summary.s, "Samira (34) woont met haar zoon in een flat.");
	INT_EQ(p->age.v, 34);
	loc_at(p->age.loc, 4, 10);
	STR_EQ(p->place.s, "Nijmegen");
	STR_EQ(p->situation.s, "alleenstaande moeder");
	STR_EQ(p->position.s, "thuis");
	INT_EQ(p->ladder.v, 1);
	INT_EQ(p->income.v, INCOME_BENEFIT);
	INT_EQ(p->traits.n, 3);
	INT_EQ(p->trait_mask, TRAIT_LOW_LITERACY | TRAIT_ANXIOUS);
	loc_at(p->traits.loc, 6, 3);
	INT_EQ(p->talents.n, 2);
	STR_EQ(p->talents.items[1].s, "handig met computers");
	INT_EQ(p->needs.n, 1);
	INT_EQ(p->worries.n, 1);
	INT_EQ(p->goals.n, 1);
	INT_EQ(p->network.n, 1);
	STR_EQ(p->quote.s, "Ik wil laten zien wat ik kan.");
	INT_EQ(p->n_sections, 1);
	STR_EQ(p->sections[0]->title.s, "Dagritme");
	STR_EQ(p->sections[0]->body.s, "Ze staat om 7 uur op.");
	INT_EQ(p->notes.n, 2);
	STR_EQ(p->notes.items[1].s, "tweede");
	loc_at(p->loc, 1, 34);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_persona_values_out_of_range)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str(
		"{\"format\": \"keten/1\", \"persona\": {\"name\": \"X\", \"age\": 130,\n"
		"\"ladder\": 0, \"income\": \"zakgeld\", \"traits\": \"angstig\",\n"
		"\"sections\": [{\"body\": \"b\"}, 3]}}",
		&d);
	CHECK(doc != NULL);
	CHECK(doc->broken);
	INT_EQ(count(&d, CODE_S005), 5);
	INT_EQ(count(&d, CODE_S002), 1);
	int seen = 0;
	for (size_t i = 0; i < d.n; i++) {
		const char *m = d.items[i].message;
		if (strcmp(m, "'age' is 130, which is not between 0 and 120") == 0) {
			INT_EQ(d.items[i].line, 1);
			INT_EQ(d.items[i].col, 55);
			seen |= 1;
		}
		if (strcmp(m, "'ladder' is 0, which is not between 1 and 6") == 0)
			seen |= 2;
		if (strcmp(m, "income 'zakgeld' is unknown") == 0) {
			STR_EQ(d.items[i].hint, "choose none, benefit, wage or mixed");
			seen |= 4;
		}
		if (strcmp(m, "'traits' must be an array of strings, not a string") == 0)
			seen |= 8;
		if (strcmp(m, "'sections[1]' must be an object, not a number") == 0) {
			INT_EQ(d.items[i].line, 3);
			INT_EQ(d.items[i].col, 29);
			seen |= 16;
		}
	}
	INT_EQ(seen, 31);
	STR_EQ(find(&d, CODE_S002)->message, "member 'title' is missing");
	diag_at(&d, CODE_S002, 3, 14);
	INT_EQ(doc->persona->n_sections, 1);
	STR_EQ(doc->persona->sections[0]->title.s, "");
	CHECK(!doc->persona->age.set);
	CHECK(doc->persona->name.s != NULL);
	CHECK(!doc->persona->id_given);
	CHECK(doc->persona->id.s == NULL);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_truncated_reports_the_end)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\"format\": \"keten/1\",\n  \"journey\": {\"title\": \"x\"\n", &d) == NULL);
	INT_EQ(d.n, 1);
	diag_at(&d, CODE_S001, 2, 27);
	STR_EQ(d.items[0].message, "invalid JSON: the file ends unexpectedly");
	STR_EQ(d.items[0].hint, "check commas, quotes and closing brackets just before this place");
	diags_free(&d);

	/* in the middle of a string, a literal and a number */
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\"format\": \"ket", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 16);
	STR_EQ(d.items[0].message, "invalid JSON: the file ends unexpectedly");
	diags_free(&d);
	diags_init(&d, LANG_EN);
	CHECK(read_str("[tru", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 5);
	diags_free(&d);
	diags_init(&d, LANG_EN);
	CHECK(read_str("[1.", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 4);
	STR_EQ(d.items[0].message, "invalid JSON: the file ends unexpectedly");
	diags_free(&d);
}

TEST(read_json_syntax_error_mid_file)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\n  \"format\": \"keten/1\",\n  \"journey\": {\n"
		       "    \"title\": \"x\"\n    \"persona\": \"p\"\n  }\n}\n",
		       &d) == NULL);
	INT_EQ(d.n, 1);
	diag_at(&d, CODE_S001, 5, 5);
	STR_EQ(d.items[0].message, "invalid JSON: unexpected '\"'");
	diags_free(&d);

	/* a trailing comma, a bad literal, trailing content */
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\"a\": [1, 2,]}", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 13);
	STR_EQ(d.items[0].message, "invalid JSON: unexpected ']'");
	diags_free(&d);
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\"a\": True}", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 7);
	diags_free(&d);
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\"format\": \"keten/1\"}\n}", &d) == NULL);
	diag_at(&d, CODE_S001, 2, 1);
	diags_free(&d);
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\"a\": 01}", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 8);
	diags_free(&d);
}

TEST(read_json_syntax_error_names_the_whole_character)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\"a\": 1,\n  \"é\": 2 ë}", &d) == NULL);
	diag_at(&d, CODE_S001, 2, 10);
	STR_EQ(d.items[0].message, "invalid JSON: unexpected 'ë'");
	diags_free(&d);

	/* a string left open stops at the end of its line */
	diags_init(&d, LANG_EN);
	CHECK(read_str("{\"title\": \"abc,\n \"persona\": \"p\"}", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 16);
	STR_EQ(d.items[0].message, "invalid JSON: unexpected '\\n'");
	diags_free(&d);

	/* a bad escape and a lone surrogate */
	diags_init(&d, LANG_EN);
	CHECK(read_str("[\"a\\x\"]", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 5);
	diags_free(&d);
	diags_init(&d, LANG_EN);
	CHECK(read_str("[\"\\udc00\"]", &d) == NULL);
	diag_at(&d, CODE_S001, 1, 3);
	diags_free(&d);
}

TEST(read_json_deep_nesting_stops_fast)
{
	enum { DEEP = 100000 };
	char *text = xmalloc(2 * DEEP + 1);
	memset(text, '[', DEEP);
	memset(text + DEEP, ']', DEEP);
	text[2 * DEEP] = '\0';
	struct diags d;
	diags_init(&d, LANG_EN);
	clock_t start = clock();
	CHECK(read_str(text, &d) == NULL);
	double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
	CHECK(seconds < 0.5);
	INT_EQ(d.n, 1);
	diag_at(&d, CODE_S009, 1, 65);
	STR_EQ(d.items[0].message, "nesting deeper than the limit of 64 levels");
	STR_EQ(d.items[0].hint, "raise the limit with --max-depth=N");
	diags_free(&d);

	/* objects count too; exactly at the limit is fine */
	struct limits limits = LIMITS_DEFAULT;
	limits.max_depth = 3;
	diags_init(&d, LANG_EN);
	const char *deep = "{\"a\": {\"b\": [{\"c\": 1}]}}";
	CHECK(read_text_limits(deep, strlen(deep), &limits, &d) == NULL);
	diag_at(&d, CODE_S009, 1, 14);
	diags_free(&d);
	limits.max_depth = 4;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text_limits(deep, strlen(deep), &limits, &d);
	CHECK(doc != NULL);
	CHECK(find(&d, CODE_S009) == NULL);
	doc_free(&doc);
	diags_free(&d);

	/* a limit above what cJSON takes is capped, without the hint */
	limits.max_depth = 1000000;
	diags_init(&d, LANG_EN);
	CHECK(read_text_limits(text, 2 * DEEP, &limits, &d) == NULL);
	diag_at(&d, CODE_S009, 1, 1001);
	CHECK(d.items[0].hint == NULL);
	diags_free(&d);
	free(text);
}

TEST(read_json_wrong_types)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_stage_json("{\"title\": \"s\", \"position\": \"thuis\",\n"
					  "  \"emotion\": \"high\", \"duration_days\": 2.5,\n"
					  "  \"actors\": 7}",
					  &d);
	CHECK(doc != NULL);
	CHECK(doc->broken);
	INT_EQ(count(&d, CODE_S005), 3);
	int seen = 0;
	for (size_t i = 0; i < d.n; i++) {
		const struct diag *f = &d.items[i];
		if (strcmp(f->message, "'emotion' must be a whole number, not a string") == 0) {
			INT_EQ(f->line, 4);
			INT_EQ(f->col, 14);
			seen |= 1;
		}
		if (strcmp(f->message, "'duration_days' must be a whole number, not 2.5") == 0) {
			INT_EQ(f->line, 4);
			INT_EQ(f->col, 39);
			seen |= 2;
		}
		if (strcmp(f->message, "'actors' must be a string, not a number") == 0) {
			INT_EQ(f->line, 5);
			INT_EQ(f->col, 13);
			seen |= 4;
		}
	}
	INT_EQ(seen, 7);
	struct stage *s = doc->journey->stages[0];
	CHECK(!s->emotion.set);
	CHECK(!s->duration.set);
	INT_EQ(s->actors.n, 0);
	doc_free(&doc);
	diags_free(&d);

	diags_init(&d, LANG_EN);
	doc = read_str("{\"format\": \"keten/1\", \"journey\": {\n"
		       "  \"title\": \"t\",\n"
		       "  \"stages\": {\"title\": \"s\"}}}",
		       &d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 1);
	diag_at(&d, CODE_S005, 3, 13);
	STR_EQ(d.items[0].message, "'stages' must be an array, not an object");
	INT_EQ(doc->journey->n_stages, 0);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_wrong_types_in_dutch)
{
	struct diags d;
	diags_init(&d, LANG_NL);
	struct doc *doc = read_stage_json("{\"emotion\": true}", &d);
	CHECK(doc != NULL);
	STR_EQ(d.items[0].message, "'emotion' moet een geheel getal zijn, niet true");
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_emotion_out_of_range)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_stage_json("{\"title\": \"s\", \"emotion\": 5,\n"
					  " \"touchpoints\": [{\"kind\": \"phone\", \"emotion\": -3}]}",
					  &d);
	CHECK(doc != NULL);
	INT_EQ(count(&d, CODE_S005), 2);
	diag_at(&d, CODE_S005, 3, 27);
	STR_EQ(d.items[0].message, "'emotion' is 5, which is not between -2 and 2");
	STR_EQ(d.items[1].message, "'emotion' is -3, which is not between -2 and 2");
	INT_EQ(d.items[1].line, 4);
	INT_EQ(d.items[1].col, 47);
	CHECK(!doc->journey->stages[0]->emotion.set);
	CHECK(doc->broken);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_huge_and_odd_numbers)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_stage_json(
		"{\"emotion\": 1e400, \"duration_days\": -0,\n"
		" \"touchpoints\": [{\"kind\": \"waiting\", \"duration_days\": 1e2,"
		" \"emotion\": 123456789012345678901234567890}]}",
		&d);
	CHECK(doc != NULL);
	INT_EQ(count(&d, CODE_S005), 2);
	STR_EQ(d.items[0].message, "'emotion' must be a whole number, not 1e400");
	struct stage *s = doc->journey->stages[0];
	CHECK(s->duration.set);
	INT_EQ(s->duration.v, 0);
	INT_EQ(s->touchpoints[0]->duration.v, 100);
	CHECK(!s->touchpoints[0]->emotion.set);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_unknown_member_suggests)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str("{\"format\": \"keten/1\", \"journey\": {\n"
				   "  \"titel\": \"Samira\", \"persona\": \"samira\"}}",
				   &d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 1);
	diag_at(&d, CODE_S006, 2, 3);
	INT_EQ(d.items[0].severity, SEV_WARNING);
	STR_EQ(d.items[0].message, "unknown member 'titel'; did you mean 'title'?");
	STR_EQ(d.items[0].hint, "known members: id, title, persona, chain, region, kind, "
				"author, date, contacts, description, note, ignore, stages");
	CHECK(!doc->broken);
	CHECK(doc->journey->title.s == NULL);
	INT_EQ(doc->journey->notes.n, 1);
	STR_EQ(doc->journey->notes.items[0].s, "titel: Samira");
	loc_at(doc->journey->notes.items[0].loc, 2, 3);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_unknown_members_by_other_spellings)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_stage_json("{\"duur\": 3, \"knelpunt\": \"x\", \"zzzzzzzz\": true,"
					  " \"Contactmomenten\": [],"
					  " \"touchpoints\": [{\"kind\": \"letter\", \"toelichting\": false}]}",
					  &d);
	CHECK(doc != NULL);
	INT_EQ(count(&d, CODE_S006), 5);
	STR_EQ(d.items[0].message, "unknown member 'duur'; did you mean 'duration_days'?");
	STR_EQ(d.items[1].message, "unknown member 'knelpunt'; did you mean 'pain_points'?");
	STR_EQ(d.items[2].message, "unknown member 'zzzzzzzz'");
	STR_EQ(d.items[3].message, "unknown member 'Contactmomenten'; did you mean 'touchpoints'?");
	STR_EQ(d.items[4].message, "unknown member 'toelichting'; did you mean 'explained'?");
	struct stage *s = doc->journey->stages[0];
	INT_EQ(s->notes.n, 3);
	STR_EQ(s->notes.items[0].s, "duur: 3");
	STR_EQ(s->notes.items[2].s, "zzzzzzzz: true");
	STR_EQ(s->touchpoints[0]->notes.items[0].s, "toelichting: false");
	CHECK(!doc->broken);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_missing_format)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str("{\"journey\": {\"title\": \"t\"}}", &d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 1);
	diag_at(&d, CODE_S002, 1, 1);
	STR_EQ(d.items[0].message, "member 'format' is missing");
	STR_EQ(d.items[0].hint, "write \"format\": \"keten/1\"");
	CHECK(doc->broken);
	INT_EQ(doc->kind, DOC_JOURNEY);
	STR_EQ(doc->journey->title.s, "t");
	doc_free(&doc);
	diags_free(&d);

	diags_init(&d, LANG_EN);
	doc = read_str("{\"format\": \"keten/2\", \"persona\": {}}", &d);
	CHECK(doc != NULL);
	diag_at(&d, CODE_S005, 1, 12);
	STR_EQ(d.items[0].message, "format 'keten/2' is not supported");
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_top_level_shape)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str("{\"format\": \"keten/1\"}", &d);
	CHECK(doc != NULL);
	INT_EQ(doc->kind, DOC_UNKNOWN);
	CHECK(doc->broken);
	STR_EQ(find(&d, CODE_S002)->message,
	       "the object has no 'persona', 'journey' or 'chain'");
	doc_free(&doc);
	diags_free(&d);

	diags_init(&d, LANG_EN);
	doc = read_str("{\"format\": \"keten/1\", \"persona\": {\"name\": \"P\"},\n"
		       " \"chain\": {}, \"extra\": 1}",
		       &d);
	CHECK(doc != NULL);
	INT_EQ(doc->kind, DOC_PERSONA);
	STR_EQ(doc->persona->name.s, "P");
	diag_at(&d, CODE_S002, 2, 2);
	STR_EQ(find(&d, CODE_S002)->message,
	       "the object has more than one of 'persona', 'journey' and 'chain'");
	diag_at(&d, CODE_S006, 2, 15);
	CHECK(doc->broken);
	doc_free(&doc);
	diags_free(&d);

	diags_init(&d, LANG_EN);
	doc = read_str("  [1, 2]", &d);
	CHECK(doc != NULL);
	INT_EQ(doc->kind, DOC_UNKNOWN);
	diag_at(&d, CODE_S005, 1, 3);
	STR_EQ(d.items[0].message, "'(document)' must be an object, not an array");
	doc_free(&doc);
	diags_free(&d);

	diags_init(&d, LANG_EN);
	doc = read_str("{\"format\": \"keten/1\", \"journey\": \"samira\"}", &d);
	CHECK(doc != NULL);
	INT_EQ(doc->kind, DOC_JOURNEY);
	CHECK(doc->journey != NULL);
	diag_at(&d, CODE_S005, 1, 34);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_crlf_and_bom)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str("\xEF\xBB\xBF{\r\n  \"format\": \"keten/1\",\r\n"
				   "  \"journey\": {\"title\": \"t\",\r\n"
				   "    \"stages\": [{\"title\": \"s\", \"emotion\": 9}]}}\r\n",
				   &d);
	CHECK(doc != NULL);
	loc_at(doc->journey->title.loc, 3, 24);
	loc_at(doc->journey->stages[0]->loc, 4, 16);
	diag_at(&d, CODE_S005, 4, 42);
	doc_free(&doc);
	diags_free(&d);

	diags_init(&d, LANG_EN);
	CHECK(read_str("\xEF\xBB\xBF{\r\n  \"format\" \"keten/1\"}\r\n", &d) == NULL);
	diag_at(&d, CODE_S001, 2, 12);
	diags_free(&d);
}

TEST(read_json_columns_count_characters)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str("{\"format\": \"keten/1\", \"persona\": {\n"
				   "\"name\": \"Zoë Ĳzerman €\", \"place\": \"Den Haag\", \"age\": 200}}",
				   &d);
	CHECK(doc != NULL);
	loc_at(doc->persona->name.loc, 2, 9);
	STR_EQ(doc->persona->name.s, "Zoë Ĳzerman €");
	loc_at(doc->persona->place.loc, 2, 35);
	diag_at(&d, CODE_S005, 2, 54);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_touchpoint_kinds)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_stage_json(
		"{\"title\": \"Intake\", \"touchpoints\": [\n"
		"  {\"kind\": \"lettre\"}, {\"kind\": \"brief\"}, {\"kind\": \"xyzzyplugh\"},\n"
		"  {\"title\": \"no kind\"}, {\"kind\": \"financial_check\", \"explained\": true,\n"
		"   \"warm\": false, \"actor\": \"consulent\", \"text\": \"Hallo.\", \"note\": \"n\"}]}",
		&d);
	CHECK(doc != NULL);
	struct stage *s = doc->journey->stages[0];
	INT_EQ(s->n_touchpoints, 5);
	INT_EQ(s->touchpoints[0]->kind, TP_OTHER);
	INT_EQ(s->touchpoints[1]->kind, TP_OTHER);
	INT_EQ(s->touchpoints[3]->kind, TP_OTHER);
	STR_EQ(s->touchpoints[3]->title.s, "no kind");
	STR_EQ(s->touchpoints[0]->title.s, "");
	struct touchpoint *tp = s->touchpoints[4];
	INT_EQ(tp->kind, TP_FINANCIAL_CHECK);
	INT_EQ(tp->explained.v, YESNO_YES);
	INT_EQ(tp->warm.v, YESNO_NO);
	STR_EQ(tp->actor.s, "consulent");
	STR_EQ(tp->text.s, "Hallo.");
	INT_EQ(tp->notes.n, 1);
	INT_EQ(count(&d, CODE_S005), 3);
	STR_EQ(d.items[0].message, "touchpoint kind 'lettre' is unknown; did you mean 'letter'?");
	INT_EQ(d.items[0].line, 4);
	INT_EQ(d.items[0].col, 12);
	CHECK(strstr(d.items[0].hint, "kinds: letter, decision,") == d.items[0].hint);
	CHECK(strstr(d.items[0].hint, "financial_check") != NULL);
	STR_EQ(d.items[1].message, "touchpoint kind 'brief' is unknown; did you mean 'letter'?");
	STR_EQ(d.items[2].message, "touchpoint kind 'xyzzyplugh' is unknown");
	const struct diag *missing = find(&d, CODE_S002);
	CHECK(missing != NULL);
	STR_EQ(missing->message, "member 'kind' is missing");
	INT_EQ(missing->line, 5);
	INT_EQ(missing->col, 3);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_journey_values)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str(
		"{\"format\": \"keten/1\", \"journey\": {\"title\": \"t\", \"kind\": \"gewenst\",\n"
		"\"date\": \"2026-02-30\", \"chain\": \"nijmegen\", \"author\": \"a\",\n"
		"\"description\": \"d\", \"note\": \"n\", \"ignore\": [\"K005\", \"K007\"],\n"
		"\"stages\": [{\"title\": \"A\", \"actors\": \"sociaal team, Wmo-consulent\",\n"
		"  \"organisation\": \"gemeente\", \"ignore\": [\"K003\"], \"description\": \"x\",\n"
		"  \"note\": [\"n1\"], \"opportunities\": [\"o\"]},\n"
		" null, {\"id\": \"b\"}]}}",
		&d);
	CHECK(doc != NULL);
	struct journey *j = doc->journey;
	INT_EQ(j->kind.v, KIND_TO_BE);
	CHECK(j->date.s == NULL);
	STR_EQ(find(&d, CODE_S005)->message, "date '2026-02-30' is not a valid date");
	STR_EQ(find(&d, CODE_S005)->hint, "write a date that exists, such as 2026-03-01, 01-03-2026 or 1 March 2026, or a month: 2026-03 or March 2026");
	STR_EQ(j->chain.s, "nijmegen");
	STR_EQ(j->author.s, "a");
	STR_EQ(j->description.s, "d");
	INT_EQ(j->notes.n, 1);
	INT_EQ(j->ignore.n, 2);
	CHECK(!j->id_given);
	CHECK(j->id.s == NULL);
	INT_EQ(j->n_stages, 2);
	struct stage *s = j->stages[0];
	INT_EQ(s->actors.n, 2);
	STR_EQ(s->actors.items[1].s, "Wmo-consulent");
	INT_EQ(s->organisation.n, 1);
	STR_EQ(s->organisation.items[0].s, "gemeente");
	INT_EQ(s->ignore.n, 1);
	STR_EQ(s->description.s, "x");
	INT_EQ(s->notes.n, 1);
	INT_EQ(s->opportunities.n, 1);
	CHECK(!s->id_given);
	CHECK(s->id.s == NULL);
	CHECK(j->stages[1]->id_given);
	STR_EQ(j->stages[1]->title.s, "");
	CHECK(j->stages[1]->position.s == NULL);
	doc_free(&doc);
	diags_free(&d);

	diags_init(&d, LANG_EN);
	doc = read_str("{\"format\": \"keten/1\", \"journey\": {\"kind\": \"later\"}}", &d);
	STR_EQ(d.items[0].message, "kind 'later' is unknown");
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_duplicates_last_wins_with_a_warning_and_null_is_absent)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str(
		"{\"format\": \"keten/1\", \"journey\": {\"title\": \"first\", \"title\": \"second\",\n"
		"\"stages\": [{\"title\": \"a\"}], \"stages\": [{\"title\": \"b\"}, {\"title\": \"c\"}],\n"
		"\"region\": \"r\", \"region\": null, \"persona\": null}}",
		&d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 3); /* title, stages and region twice: S010 each */
	INT_EQ(count(&d, CODE_S010), 3);
	STR_EQ(d.items[0].message, "member 'title' is already on line 1 of this object; keten takes the member of this line");
	struct journey *j = doc->journey;
	STR_EQ(j->title.s, "second");
	loc_at(j->title.loc, 1, 62);
	INT_EQ(j->n_stages, 2);
	STR_EQ(j->stages[0]->title.s, "b");
	loc_at(j->stages[1]->loc, 2, 56);
	CHECK(j->region.s == NULL);
	CHECK(j->persona.s == NULL);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_limits_on_stages_touchpoints_and_text)
{
	struct limits limits = LIMITS_DEFAULT;
	limits.max_stages = 2;
	limits.max_touchpoints = 1;
	limits.max_text = 5;
	const char *text =
		"{\"format\": \"keten/1\", \"journey\": {\"title\": \"t\", \"stages\": [\n"
		"{\"title\": \"a\", \"touchpoints\": [{\"kind\": \"phone\"}, {\"kind\": \"visit\"},\n"
		"  {\"kind\": \"visit\"}]},\n"
		"{\"title\": \"b\", \"note\": \"long text\", \"pain_points\": [\"ok\", \"far too long\"]},\n"
		"{\"title\": \"c\"}, {\"title\": \"d\"}]}}";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text_limits(text, strlen(text), &limits, &d);
	/* Too many stages or touchpoints: the file is refused whole, after
	 * every limit in it has been reported once. */
	CHECK(doc == NULL);
	INT_EQ(count(&d, CODE_S009), 4);
	int seen = 0;
	for (size_t i = 0; i < d.n; i++) {
		const struct diag *f = &d.items[i];
		if (strcmp(f->message, "more than 1 touchpoints in stage 'a'") == 0) {
			INT_EQ(f->line, 2);
			INT_EQ(f->col, 51);
			seen |= 1;
		}
		if (strcmp(f->message, "more than 2 stages in one journey") == 0) {
			INT_EQ(f->line, 5);
			INT_EQ(f->col, 1);
			seen |= 2;
		}
		if (strcmp(f->message, "text of 9 characters, more than the limit of 5") == 0)
			seen |= 4;
		if (strcmp(f->message, "text of 12 characters, more than the limit of 5") == 0)
			seen |= 8;
	}
	INT_EQ(seen, 15);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_locations_outlive_the_source)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	struct source *src = source_from_memory("dir/x.json", journey_example,
						strlen(journey_example), &limits, &d);
	struct doc *doc = read_json(src, &limits, &d);
	CHECK(src->file == doc->path);
	source_free(&src);
	STR_EQ(doc->journey->stages[0]->loc.file, "dir/x.json");
	CHECK(doc->journey->stages[0]->loc.file == doc->path);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_json_ids_tag_the_findings)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str("{\"format\": \"keten/1\", \"journey\": {\"id\": \"j1\", \"x\": 1}}", &d);
	STR_EQ(d.items[0].journey, "j1");
	doc_free(&doc);
	diags_free(&d);
}

/* Every prefix of the examples, and every byte replaced by a character
 * that breaks the syntax, gives a document or a finding, never a crash. */
TEST(read_json_never_crashes_on_broken_input)
{
	const char *examples[] = {journey_example, chain_example};
	const char breakers[] = {'"', '{', ']', ',', '1', 'x'};
	struct limits limits = LIMITS_DEFAULT;
	int bad = 0;
	for (size_t e = 0; e < 2; e++) {
		size_t len = strlen(examples[e]);
		char *copy = xstrndup(examples[e], len);
		for (size_t n = 1; n < len; n++) {
			struct diags d;
			diags_init(&d, LANG_EN);
			struct doc *doc = read_text_limits(examples[e], n, &limits, &d);
			if (doc == NULL && (d.n == 0 || d.items[0].line < 1))
				bad++;
			doc_free(&doc);
			diags_free(&d);
		}
		for (size_t i = 0; i < len; i += 3) {
			for (size_t b = 0; b < sizeof breakers; b++) {
				char saved = copy[i];
				copy[i] = breakers[b];
				struct diags d;
				diags_init(&d, LANG_EN);
				struct doc *doc = read_text_limits(copy, len, &limits, &d);
				if (doc == NULL && d.n == 0)
					bad++;
				doc_free(&doc);
				diags_free(&d);
				copy[i] = saved;
			}
		}
		free(copy);
	}
	INT_EQ(bad, 0);
}

/* Locations on a file written on one line take linear time. */
TEST(read_json_one_long_line)
{
	enum { ITEMS = 100000 };
	struct buf b = {0};
	buf_puts(&b, "{\"format\": \"keten/1\", \"chain\": {\"jargon\": [");
	for (int i = 0; i < ITEMS; i++)
		buf_puts(&b, i ? ", \"é\"" : "\"é\"");
	buf_puts(&b, "]}}");
	struct diags d;
	diags_init(&d, LANG_EN);
	clock_t start = clock();
	struct doc *doc = read_str(buf_str(&b), &d);
	double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
	CHECK(seconds < 5.0);
	CHECK(doc != NULL);
	INT_EQ(doc->chain->jargon.n, ITEMS);
	/* 43 characters before the first item, 5 for each next one */
	loc_at(doc->chain->jargon.items[0].loc, 1, 44);
	loc_at(doc->chain->jargon.items[ITEMS - 1].loc, 1, 44 + 5 * (ITEMS - 1));
	doc_free(&doc);
	diags_free(&d);
	buf_free(&b);
}

/* Every value finds its place after objects, arrays and empty ones that
 * come before it, at any depth. */
TEST(read_json_locations_after_nested_values)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_str(
		"{\"format\": \"keten/1\", \"persona\": {\n"
		"\"sections\": [{\"title\": \"a\", \"body\": \"b\"}, {\"title\": \"c\"}],\n"
		"\"traits\": [], \"extra\": {\"y\": [[1], {\"z\": {}}]},\n"
		"\"name\": \"N\", \"quote\": \"q\"}}",
		&d);
	CHECK(doc != NULL);
	INT_EQ(doc->persona->n_sections, 2);
	loc_at(doc->persona->sections[0]->body.loc, 2, 37);
	loc_at(doc->persona->sections[1]->title.loc, 2, 53);
	diag_at(&d, CODE_S006, 3, 15);
	loc_at(doc->persona->name.loc, 4, 9);
	loc_at(doc->persona->quote.loc, 4, 23);
	doc_free(&doc);
	diags_free(&d);
}
