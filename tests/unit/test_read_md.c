/* test_read_md.c - unit tests of the Markdown reader: the spec example, locations, keys, groups, diagnostics and limits. */
#include "harness.h"

#include "diag.h"
#include "limits.h"
#include "mem.h"
#include "model.h"
#include "read.h"
#include "source.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char persona_example[] =
    "# Samira\n"
    "\n"
    "Samira (34) woont met haar zoon in een flat in de wijk. Ze zit al twee jaar\n"
    "thuis na een burn-out.\n"
    "\n"
    "- leeftijd: 34\n"
    "- woonplaats: Nijmegen\n"
    "- situatie: alleenstaande moeder, bijstandsuitkering\n"
    "- positie: thuis\n"
    "- inkomen: uitkering\n"
    "- kenmerken: laaggeletterd, angstig\n"
    "\n"
    "## Talenten\n"
    "- goed met kinderen\n"
    "- handig met computers\n"
    "\n"
    "## Behoeften\n"
    "- rust thuis en financiën op orde\n"
    "\n"
    "## Zorgen\n"
    "- bang om haar uitkering kwijt te raken\n"
    "\n"
    "## Citaat\n"
    "> Ik wil laten zien wat ik kan.\n";

static const char journey_example[] =
    "# Samira: van thuis naar betaald werk\n"
    "\n"
    "- persona: samira\n"
    "- regio: Rijk van Nijmegen\n"
    "- soort: huidig\n"
    "\n"
    "Samira meldt zich bij het sociaal team en zet stap voor stap de weg naar werk in.\n"
    "\n"
    "## Melding bij het sociaal team\n"
    "- positie: thuis\n"
    "- actor: sociaal team\n"
    "- emotie: -1\n"
    "- duur: 3 weken\n"
    "- gesprek: keukentafelgesprek met de consulent\n"
    "- brief: uitnodiging voor het onderzoek\n"
    "- knelpunt: Samira weet niet wie haar consulent is\n"
    "\n"
    "## Dagbesteding bij de kringloopwinkel\n"
    "- positie: arbeidsmatige-dagbesteding\n"
    "- actor: aanbieder, Wmo-consulent\n"
    "- emotie: 1\n"
    "- duur: 8 maanden\n"
    "- beschikking: toekenning arbeidsmatige dagbesteding\n"
    "  - van: gemeente\n"
    "  - toelichting: nee\n"
    "  - tekst: Op grond van artikel 2.3.5 van de Wmo 2015 kennen wij u een maatwerkvoorziening toe.\n"
    "- herindicatie: heronderzoek na zes maanden\n"
    "\n"
    "## Proefplaatsing in de kinderopvang\n"
    "- positie: werk-met-ondersteuning\n"
    "- actor: jobcoach, werkgever\n"
    "- emotie: 0\n"
    "- duur: 2 maanden\n"
    "- overdracht: warme overdracht van aanbieder naar jobcoach\n"
    "- proefplaatsing: twee maanden meedraaien op de peutergroep\n"
    "- inkomenscheck: wat verandert er aan haar uitkering\n"
    "\n"
    "## Betaald werk als pedagogisch medewerker\n"
    "- positie: betaald-werk\n"
    "- actor: werkgever\n"
    "- emotie: 2\n"
    "- duur: 1 jaar\n"
    "- e-mail: contract en eerste loonstrook\n";

/* Reads text as Markdown; the source is freed at once so that every
 * location must live in the document. */
static struct doc *
read_with(const char *text, size_t len, enum doc_kind kind,
	  const struct limits *limits, struct diags *diags)
{
	struct source *src = source_from_memory("test.md", text, len, limits,
						diags);
	if (src == NULL)
		return NULL;
	struct doc *doc = read_markdown(src, kind, limits, diags);
	source_free(&src);
	return doc;
}

static struct doc *
read_text(const char *text, enum doc_kind kind, struct diags *diags)
{
	struct limits limits = LIMITS_DEFAULT;
	return read_with(text, strlen(text), kind, &limits, diags);
}

/* The first finding with a code, or NULL. */
static const struct diag *
find_code(const struct diags *diags, enum code code)
{
	for (size_t i = 0; i < diags->n; i++)
		if (diags->items[i].code == code)
			return &diags->items[i];
	return NULL;
}

static size_t
count_code(const struct diags *diags, enum code code)
{
	size_t n = 0;
	for (size_t i = 0; i < diags->n; i++)
		n += diags->items[i].code == code;
	return n;
}

static bool
message_has(const struct diag *d, const char *part)
{
	return d != NULL && d->message != NULL &&
	       strstr(d->message, part) != NULL;
}

/* CRLF line ends and a byte-order mark in front. Caller frees. */
static char *
to_crlf_bom(const char *text, size_t *len)
{
	struct buf b = {0};
	buf_puts(&b, "\xEF\xBB\xBF");
	for (const char *p = text; *p; p++) {
		if (*p == '\n')
			buf_putc(&b, '\r');
		buf_putc(&b, *p);
	}
	*len = b.len;
	return buf_detach(&b);
}

static void
check_journey_example(const struct doc *doc, const struct diags *diags)
{
	CHECK(doc != NULL);
	if (doc == NULL)
		return;
	INT_EQ(diags->n, 0);
	INT_EQ(doc->kind, DOC_JOURNEY);
	CHECK(!doc->broken);
	const struct journey *j = doc->journey;
	CHECK(j != NULL);
	if (j == NULL)
		return;
	STR_EQ(j->title.s, "Samira: van thuis naar betaald werk");
	INT_EQ(j->loc.line, 1);
	INT_EQ(j->loc.col, 1);
	STR_EQ(j->loc.file, "test.md");
	CHECK(j->id.s == NULL);
	STR_EQ(j->persona.s, "samira");
	INT_EQ(j->persona.loc.line, 3);
	INT_EQ(j->persona.loc.col, 12);
	STR_EQ(j->region.s, "Rijk van Nijmegen");
	INT_EQ(j->kind.v, KIND_AS_IS);
	STR_EQ(j->description.s, "Samira meldt zich bij het sociaal team en "
				 "zet stap voor stap de weg naar werk in.");
	INT_EQ(j->description.loc.line, 7);
	INT_EQ(j->n_stages, 4);
	if (j->n_stages != 4)
		return;
	for (size_t i = 0; i < j->n_stages; i++) {
		CHECK(j->stages[i]->id.s == NULL);
		CHECK(!j->stages[i]->id_given);
		INT_EQ(j->stages[i]->loc.col, 1);
	}

	const struct stage *s1 = j->stages[0];
	STR_EQ(s1->title.s, "Melding bij het sociaal team");
	INT_EQ(s1->loc.line, 9);
	STR_EQ(s1->position.s, "thuis");
	INT_EQ(s1->emotion.v, -1);
	INT_EQ(s1->duration.v, 21);
	INT_EQ(s1->actors.n, 1);
	INT_EQ(s1->n_touchpoints, 2);
	if (s1->n_touchpoints == 2) {
		INT_EQ(s1->touchpoints[0]->kind, TP_CONVERSATION);
		STR_EQ(s1->touchpoints[0]->title.s,
		       "keukentafelgesprek met de consulent");
		INT_EQ(s1->touchpoints[1]->kind, TP_LETTER);
		STR_EQ(s1->touchpoints[1]->title.s,
		       "uitnodiging voor het onderzoek");
		INT_EQ(s1->touchpoints[1]->loc.line, 15);
		INT_EQ(s1->touchpoints[1]->loc.col, 3);
	}
	INT_EQ(s1->pain_points.n, 1);
	if (s1->pain_points.n == 1) {
		STR_EQ(s1->pain_points.items[0].s,
		       "Samira weet niet wie haar consulent is");
		INT_EQ(s1->pain_points.items[0].loc.line, 16);
		INT_EQ(s1->pain_points.items[0].loc.col, 3);
	}

	const struct stage *s2 = j->stages[1];
	STR_EQ(s2->title.s, "Dagbesteding bij de kringloopwinkel");
	INT_EQ(s2->loc.line, 18);
	CHECK(s2->emotion.set);
	INT_EQ(s2->emotion.v, 1);
	INT_EQ(s2->emotion.loc.line, 21);
	INT_EQ(s2->emotion.loc.col, 11);
	INT_EQ(s2->duration.v, 240);
	INT_EQ(s2->actors.n, 2);
	if (s2->actors.n == 2) {
		STR_EQ(s2->actors.items[0].s, "aanbieder");
		STR_EQ(s2->actors.items[1].s, "Wmo-consulent");
	}
	INT_EQ(s2->n_touchpoints, 2);
	if (s2->n_touchpoints == 2) {
		const struct touchpoint *tp = s2->touchpoints[0];
		INT_EQ(tp->kind, TP_DECISION);
		STR_EQ(tp->title.s, "toekenning arbeidsmatige dagbesteding");
		INT_EQ(tp->loc.line, 23);
		INT_EQ(tp->loc.col, 3);
		STR_EQ(tp->actor.s, "gemeente");
		INT_EQ(tp->explained.v, YESNO_NO);
		INT_EQ(tp->explained.loc.line, 25);
		STR_EQ(tp->text.s, "Op grond van artikel 2.3.5 van de Wmo 2015 "
				   "kennen wij u een maatwerkvoorziening toe.");
		INT_EQ(tp->text.loc.line, 26);
		INT_EQ(tp->notes.n, 0);
		tp = s2->touchpoints[1];
		INT_EQ(tp->kind, TP_REINDICATION);
		STR_EQ(tp->title.s, "heronderzoek na zes maanden");
		INT_EQ(tp->loc.line, 27);
		INT_EQ(tp->loc.col, 3);
	}

	const struct stage *s3 = j->stages[2];
	INT_EQ(s3->loc.line, 29);
	INT_EQ(s3->emotion.v, 0);
	CHECK(s3->emotion.set);
	INT_EQ(s3->duration.v, 60);
	INT_EQ(s3->n_touchpoints, 3);
	if (s3->n_touchpoints == 3) {
		INT_EQ(s3->touchpoints[0]->kind, TP_HANDOVER);
		INT_EQ(s3->touchpoints[1]->kind, TP_TRIAL);
		INT_EQ(s3->touchpoints[2]->kind, TP_FINANCIAL_CHECK);
		STR_EQ(s3->touchpoints[2]->title.s,
		       "wat verandert er aan haar uitkering");
	}

	const struct stage *s4 = j->stages[3];
	INT_EQ(s4->loc.line, 38);
	INT_EQ(s4->duration.v, 365);
	INT_EQ(s4->emotion.v, 2);
	INT_EQ(s4->n_touchpoints, 1);
	if (s4->n_touchpoints == 1) {
		INT_EQ(s4->touchpoints[0]->kind, TP_EMAIL);
		STR_EQ(s4->touchpoints[0]->title.s,
		       "contract en eerste loonstrook");
	}
}

TEST(read_md_persona_example)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(persona_example, DOC_UNKNOWN, &d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 0);
	if (doc == NULL || doc->persona == NULL) {
		CHECK(0);
		doc_free(&doc);
		diags_free(&d);
		return;
	}
	const struct persona *p = doc->persona;
	INT_EQ(doc->kind, DOC_PERSONA);
	CHECK(!doc->broken);
	STR_EQ(p->name.s, "Samira");
	INT_EQ(p->loc.line, 1);
	INT_EQ(p->loc.col, 1);
	CHECK(p->id.s == NULL);
	STR_EQ(p->summary.s, "Samira (34) woont met haar zoon in een flat in "
			     "de wijk. Ze zit al twee jaar\nthuis na een "
			     "burn-out.");
	INT_EQ(p->summary.loc.line, 3);
	CHECK(p->age.set);
	INT_EQ(p->age.v, 34);
	INT_EQ(p->age.loc.line, 6);
	INT_EQ(p->age.loc.col, 13);
	STR_EQ(p->place.s, "Nijmegen");
	STR_EQ(p->situation.s, "alleenstaande moeder, bijstandsuitkering");
	STR_EQ(p->position.s, "thuis");
	INT_EQ(p->income.v, INCOME_BENEFIT);
	INT_EQ(p->traits.n, 2);
	if (p->traits.n == 2) {
		STR_EQ(p->traits.items[0].s, "laaggeletterd");
		STR_EQ(p->traits.items[1].s, "angstig");
		INT_EQ(p->traits.items[0].loc.line, 11);
	}
	INT_EQ(p->trait_mask, TRAIT_LOW_LITERACY | TRAIT_ANXIOUS);
	INT_EQ(p->talents.n, 2);
	if (p->talents.n == 2) {
		STR_EQ(p->talents.items[0].s, "goed met kinderen");
		INT_EQ(p->talents.items[0].loc.line, 14);
		INT_EQ(p->talents.items[0].loc.col, 3);
	}
	INT_EQ(p->needs.n, 1);
	if (p->needs.n == 1)
		STR_EQ(p->needs.items[0].s, "rust thuis en financiën op orde");
	INT_EQ(p->worries.n, 1);
	STR_EQ(p->quote.s, "Ik wil laten zien wat ik kan.");
	INT_EQ(p->quote.loc.line, 24);
	INT_EQ(p->n_sections, 0);
	INT_EQ(p->notes.n, 0);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_journey_example)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(journey_example, DOC_UNKNOWN, &d);
	check_journey_example(doc, &d);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_crlf_bom_same_locations)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	size_t len;
	char *text = to_crlf_bom(journey_example, &len);
	struct doc *doc = read_with(text, len, DOC_JOURNEY, &limits, &d);
	check_journey_example(doc, &d);
	doc_free(&doc);
	free(text);

	text = to_crlf_bom(persona_example, &len);
	doc = read_with(text, len, DOC_PERSONA, &limits, &d);
	CHECK(doc != NULL && doc->persona != NULL);
	if (doc != NULL && doc->persona != NULL) {
		INT_EQ(doc->persona->age.loc.line, 6);
		INT_EQ(doc->persona->age.loc.col, 13);
		STR_EQ(doc->persona->name.s, "Samira");
		STR_EQ(doc->persona->quote.s, "Ik wil laten zien wat ik kan.");
	}
	INT_EQ(d.n, 0);
	doc_free(&doc);
	free(text);
	diags_free(&d);
}

TEST(read_md_english_keys)
{
	static const char journey[] =
	    "# Omar: back to work\n"
	    "\n"
	    "- persona: omar\n"
	    "- region: Utrecht\n"
	    "- kind: to-be\n"
	    "- author: Team West\n"
	    "- date: 2026-03-01\n"
	    "- ignore: K005, K007\n"
	    "- chain: arbeid\n"
	    "\n"
	    "## Intake at the desk\n"
	    "- id: intake\n"
	    "- position: thuis\n"
	    "- actors: consultant, coach\n"
	    "- organisation: Werkbedrijf\n"
	    "- emotion: negative\n"
	    "- duration: 6 weeks\n"
	    "- pain point: long wait\n"
	    "- opportunity: call first\n"
	    "- note: a note\n"
	    "- ignore: K008\n"
	    "- call: first call\n"
	    "  - by: consultant\n"
	    "  - explained: yes\n"
	    "  - text: Welcome.\n"
	    "  - emotion: very positive\n"
	    "  - note: friendly\n"
	    "- wait: for the decision\n"
	    "  - duration: 2 months\n"
	    "- handover: to the coach\n"
	    "  - warm: no\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(journey, DOC_UNKNOWN, &d);
	INT_EQ(d.n, 0);
	CHECK(doc != NULL && doc->journey != NULL);
	if (doc == NULL || doc->journey == NULL) {
		doc_free(&doc);
		diags_free(&d);
		return;
	}
	const struct journey *j = doc->journey;
	STR_EQ(j->persona.s, "omar");
	STR_EQ(j->region.s, "Utrecht");
	INT_EQ(j->kind.v, KIND_TO_BE);
	STR_EQ(j->author.s, "Team West");
	STR_EQ(j->date.s, "2026-03-01");
	STR_EQ(j->chain.s, "arbeid");
	INT_EQ(j->ignore.n, 2);
	INT_EQ(j->n_stages, 1);
	const struct stage *s = j->stages[0];
	STR_EQ(s->id.s, "intake");
	CHECK(s->id_given);
	STR_EQ(s->position.s, "thuis");
	INT_EQ(s->actors.n, 2);
	INT_EQ(s->organisation.n, 1);
	STR_EQ(s->organisation.items[0].s, "Werkbedrijf");
	INT_EQ(s->emotion.v, -1);
	INT_EQ(s->duration.v, 42);
	INT_EQ(s->pain_points.n, 1);
	INT_EQ(s->opportunities.n, 1);
	INT_EQ(s->notes.n, 1);
	INT_EQ(s->ignore.n, 1);
	INT_EQ(s->n_touchpoints, 3);
	if (s->n_touchpoints == 3) {
		const struct touchpoint *tp = s->touchpoints[0];
		INT_EQ(tp->kind, TP_PHONE);
		STR_EQ(tp->actor.s, "consultant");
		INT_EQ(tp->explained.v, YESNO_YES);
		STR_EQ(tp->text.s, "Welcome.");
		INT_EQ(tp->emotion.v, 2);
		INT_EQ(tp->notes.n, 1);
		INT_EQ(s->touchpoints[1]->kind, TP_WAITING);
		INT_EQ(s->touchpoints[1]->duration.v, 60);
		INT_EQ(s->touchpoints[2]->kind, TP_HANDOVER);
		INT_EQ(s->touchpoints[2]->warm.v, YESNO_NO);
	}
	doc_free(&doc);

	static const char persona[] =
	    "# Omar\n"
	    "\n"
	    "- id: omar\n"
	    "- age: 52\n"
	    "- town: Utrecht\n"
	    "- rung: 2\n"
	    "- income: wage\n"
	    "- traits: debts, low-digital, tidy\n"
	    "- note: composite\n"
	    "\n"
	    "## Strengths\n"
	    "- cooking\n"
	    "\n"
	    "## Goals\n"
	    "- a job\n"
	    "\n"
	    "## Network\n"
	    "- his sister\n"
	    "\n"
	    "## Quote\n"
	    "Just let me work.\n";
	doc = read_text(persona, DOC_UNKNOWN, &d);
	INT_EQ(d.n, 0);
	CHECK(doc != NULL && doc->persona != NULL);
	if (doc != NULL && doc->persona != NULL) {
		const struct persona *p = doc->persona;
		INT_EQ(doc->kind, DOC_PERSONA);
		STR_EQ(p->id.s, "omar");
		CHECK(p->id_given);
		INT_EQ(p->age.v, 52);
		STR_EQ(p->place.s, "Utrecht");
		INT_EQ(p->ladder.v, 2);
		INT_EQ(p->income.v, INCOME_WAGE);
		INT_EQ(p->traits.n, 3);
		INT_EQ(p->trait_mask, TRAIT_DEBTS | TRAIT_LOW_DIGITAL);
		INT_EQ(p->notes.n, 1);
		INT_EQ(p->talents.n, 1);
		INT_EQ(p->goals.n, 1);
		INT_EQ(p->network.n, 1);
		STR_EQ(p->quote.s, "Just let me work.");
	}
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_key_folding)
{
	static const char text[] =
	    "# Folding\n"
	    "\n"
	    "- Persona: samira\n"
	    "\n"
	    "## Stage\n"
	    "- POSITIE: thuis\n"
	    "- Financiële Check: geld op orde?\n"
	    "  - TOELICHTING: ja\n"
	    "- financiele check: nog een\n"
	    "- **Emotie**: `-2`\n"
	    "- Knelpunt : te veel *formulieren*\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(text, DOC_UNKNOWN, &d);
	INT_EQ(d.n, 0);
	CHECK(doc != NULL && doc->kind == DOC_JOURNEY);
	if (doc != NULL && doc->journey != NULL && doc->journey->n_stages == 1) {
		const struct stage *s = doc->journey->stages[0];
		STR_EQ(s->position.s, "thuis");
		INT_EQ(s->n_touchpoints, 2);
		if (s->n_touchpoints == 2) {
			INT_EQ(s->touchpoints[0]->kind, TP_FINANCIAL_CHECK);
			STR_EQ(s->touchpoints[0]->title.s, "geld op orde?");
			INT_EQ(s->touchpoints[0]->explained.v, YESNO_YES);
			INT_EQ(s->touchpoints[1]->kind, TP_FINANCIAL_CHECK);
		}
		INT_EQ(s->emotion.v, -2);
		INT_EQ(s->pain_points.n, 1);
		if (s->pain_points.n == 1)
			STR_EQ(s->pain_points.items[0].s,
			       "te veel formulieren");
	} else {
		CHECK(0);
	}
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_stage_groups)
{
	static const char text[] =
	    "# Groups\n"
	    "\n"
	    "- persona: samira\n"
	    "\n"
	    "## Stage one\n"
	    "- positie: thuis\n"
	    "\n"
	    "Een beschrijving van de etappe.\n"
	    "\n"
	    "### Contactmomenten\n"
	    "- brief: uitnodiging\n"
	    "  - toelichting: nee\n"
	    "- een praatje bij de koffie\n"
	    "- nota bene: dit is geen soort\n"
	    "- beschikkng: typo in de soort\n"
	    "\n"
	    "### Knelpunten\n"
	    "- niemand belt terug\n"
	    "- formulier: te lang\n"
	    "\n"
	    "### Kansen\n"
	    "- bel eerst\n"
	    "\n"
	    "### Diversen\n"
	    "- emotie: 1\n"
	    "\n"
	    "More text.\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(text, DOC_JOURNEY, &d);
	CHECK(doc != NULL && doc->journey != NULL);
	if (doc == NULL || doc->journey == NULL || doc->journey->n_stages != 1) {
		CHECK(0);
		doc_free(&doc);
		diags_free(&d);
		return;
	}
	const struct stage *s = doc->journey->stages[0];
	INT_EQ(s->n_touchpoints, 4);
	if (s->n_touchpoints == 4) {
		INT_EQ(s->touchpoints[0]->kind, TP_LETTER);
		INT_EQ(s->touchpoints[0]->explained.v, YESNO_NO);
		INT_EQ(s->touchpoints[1]->kind, TP_OTHER);
		STR_EQ(s->touchpoints[1]->title.s, "een praatje bij de koffie");
		INT_EQ(s->touchpoints[1]->loc.line, 13);
		INT_EQ(s->touchpoints[2]->kind, TP_OTHER);
		STR_EQ(s->touchpoints[2]->title.s, "nota bene: dit is geen soort");
		INT_EQ(s->touchpoints[3]->kind, TP_OTHER);
		STR_EQ(s->touchpoints[3]->title.s, "beschikkng: typo in de soort");
	}
	INT_EQ(s->pain_points.n, 2);
	if (s->pain_points.n == 2) {
		STR_EQ(s->pain_points.items[0].s, "niemand belt terug");
		INT_EQ(s->pain_points.items[0].loc.line, 18);
		STR_EQ(s->pain_points.items[1].s, "formulier: te lang");
	}
	INT_EQ(s->opportunities.n, 1);
	CHECK(s->emotion.set);
	INT_EQ(s->emotion.v, 1);
	STR_EQ(s->description.s, "Een beschrijving van de etappe.\n\nMore text.");
	INT_EQ(s->description.loc.line, 8);
	/* The typo in a kind, and the unknown group that opens a stage
	 * attribute: it looks like a stage written with '###' (S010). */
	INT_EQ(count_code(&d, CODE_S006), 1);
	INT_EQ(count_code(&d, CODE_S010), 1);
	INT_EQ(d.n, 2);
	const struct diag *w = find_code(&d, CODE_S006);
	CHECK(message_has(w, "'beschikking'"));
	if (w != NULL)
		INT_EQ(w->line, 15);
	CHECK(message_has(&d.items[1], "Diversen"));
	CHECK(!doc->broken);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_unknown_key_kept)
{
	static const char text[] =
	    "# Unknown\n"
	    "\n"
	    "- persona: samira\n"
	    "- regoi: Utrecht\n"
	    "\n"
	    "## Stage\n"
	    "- positie: thuis\n"
	    "- brief: uitnodiging\n"
	    "  - toelichtng: nee\n"
	    "- wolkje: blauw\n"
	    "- zomaar iets\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(text, DOC_UNKNOWN, &d);
	CHECK(doc != NULL && doc->journey != NULL);
	if (doc == NULL || doc->journey == NULL || doc->journey->n_stages != 1) {
		CHECK(0);
		doc_free(&doc);
		diags_free(&d);
		return;
	}
	CHECK(!doc->broken);
	INT_EQ(d.n, 4);
	INT_EQ(count_code(&d, CODE_S006), 4);
	const struct journey *j = doc->journey;
	INT_EQ(j->notes.n, 1);
	if (j->notes.n == 1)
		STR_EQ(j->notes.items[0].s, "regoi: Utrecht");
	CHECK(message_has(&d.items[0], "'region'") ||
	      message_has(&d.items[0], "'regio'"));
	const struct stage *s = j->stages[0];
	INT_EQ(s->n_touchpoints, 1);
	if (s->n_touchpoints == 1) {
		const struct touchpoint *tp = s->touchpoints[0];
		INT_EQ(tp->explained.v, YESNO_UNSET);
		INT_EQ(tp->notes.n, 1);
		if (tp->notes.n == 1)
			STR_EQ(tp->notes.items[0].s, "toelichtng: nee");
	}
	const struct diag *w = &d.items[1];
	CHECK(message_has(w, "did you mean 'toelichting'?"));
	INT_EQ(w->line, 9);
	INT_EQ(w->col, 5);
	CHECK(w->hint != NULL && strstr(w->hint, "kept as a note") != NULL);
	INT_EQ(w->severity, SEV_WARNING);
	INT_EQ(s->notes.n, 2);
	if (s->notes.n == 2) {
		STR_EQ(s->notes.items[0].s, "wolkje: blauw");
		STR_EQ(s->notes.items[1].s, "zomaar iets");
	}
	CHECK(message_has(&d.items[2], "unknown key 'wolkje'"));
	CHECK(message_has(&d.items[3], "without 'key: value'"));
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_bad_values)
{
	static const char text[] =
	    "# Bad values\n"
	    "\n"
	    "- persona: samira\n"
	    "- datum: 2026-02-30\n"
	    "\n"
	    "## Stage\n"
	    "- positie: thuis\n"
	    "- emotie: heel blij\n"
	    "- duur: lang\n"
	    "- organisatie:\n"
	    "- brief:\n"
	    "  - toelichting: misschien\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(text, DOC_UNKNOWN, &d);
	CHECK(doc != NULL && doc->journey != NULL);
	CHECK(doc != NULL && doc->broken);
	INT_EQ(count_code(&d, CODE_S005), 5);
	INT_EQ(d.n, 5);
	if (d.n == 5) {
		CHECK(message_has(&d.items[0], "2026-02-30"));
		CHECK(message_has(&d.items[1], "emotion 'heel blij'"));
		INT_EQ(d.items[1].line, 8);
		INT_EQ(d.items[1].col, 11);
		CHECK(d.items[1].hint != NULL);
		CHECK(message_has(&d.items[2], "duration 'lang'"));
		CHECK(message_has(&d.items[3], "'organisatie' has no value"));
		INT_EQ(d.items[3].line, 10);
		CHECK(message_has(&d.items[4], "'misschien' is not yes or no"));
	}
	if (doc != NULL && doc->journey != NULL && doc->journey->n_stages == 1) {
		const struct stage *s = doc->journey->stages[0];
		CHECK(doc->journey->date.s == NULL);
		CHECK(!s->emotion.set);
		CHECK(!s->duration.set);
		INT_EQ(s->organisation.n, 0);
		INT_EQ(s->n_touchpoints, 1);
		if (s->n_touchpoints == 1)
			STR_EQ(s->touchpoints[0]->title.s, "");
	}
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_persona_bad_values)
{
	static const char text[] =
	    "# Samira\n"
	    "- leeftijd: 130\n"
	    "- trede: 7\n"
	    "- inkomen: veel\n"
	    "- lengte: 1.70\n"
	    "- zonder sleutel\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(text, DOC_PERSONA, &d);
	CHECK(doc != NULL && doc->broken);
	INT_EQ(count_code(&d, CODE_S005), 3);
	INT_EQ(count_code(&d, CODE_S006), 2);
	if (d.n == 5) {
		CHECK(message_has(&d.items[0], "age '130'"));
		INT_EQ(d.items[0].line, 2);
		INT_EQ(d.items[0].col, 13);
		CHECK(message_has(&d.items[1], "rung '7'"));
		CHECK(message_has(&d.items[2], "income 'veel'"));
	}
	if (doc != NULL && doc->persona != NULL) {
		CHECK(!doc->persona->age.set);
		INT_EQ(doc->persona->income.v, INCOME_UNSET);
		INT_EQ(doc->persona->notes.n, 2);
	}
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_no_h1)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text("Zomaar tekst.\n\n- leeftijd: 40\n",
				    DOC_UNKNOWN, &d);
	CHECK(doc != NULL && doc->persona != NULL);
	INT_EQ(d.n, 1);
	const struct diag *e = find_code(&d, CODE_S002);
	CHECK(e != NULL);
	if (e != NULL) {
		INT_EQ(e->line, 1);
		INT_EQ(e->col, 1);
		CHECK(message_has(e, "no level-1 heading"));
		CHECK(e->hint != NULL && strstr(e->hint, "persona") != NULL);
	}
	if (doc != NULL && doc->persona != NULL) {
		CHECK(doc->broken);
		STR_EQ(doc->persona->name.s, "");
		INT_EQ(doc->persona->age.v, 40);
		STR_EQ(doc->persona->summary.s, "Zomaar tekst.");
	}
	doc_free(&doc);

	doc = read_text("## Stage\n- positie: thuis\n", DOC_JOURNEY, &d);
	CHECK(doc != NULL && doc->journey != NULL);
	if (doc != NULL && doc->journey != NULL) {
		STR_EQ(doc->journey->title.s, "");
		INT_EQ(doc->journey->n_stages, 1);
	}
	INT_EQ(count_code(&d, CODE_S002), 2);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_many_h1)
{
	static const char text[] =
	    "Een inleiding.\n"
	    "\n"
	    "# Samira\n"
	    "- leeftijd: 34\n"
	    "\n"
	    "# Omar\n"
	    "\n"
	    "# Noor\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(text, DOC_UNKNOWN, &d);
	CHECK(doc != NULL && doc->broken);
	INT_EQ(count_code(&d, CODE_S002), 2);
	INT_EQ(count_code(&d, CODE_S006), 1);
	const struct diag *e = find_code(&d, CODE_S002);
	if (e != NULL) {
		INT_EQ(e->line, 6);
		CHECK(message_has(e, "the first is on line 3"));
	}
	const struct diag *w = find_code(&d, CODE_S006);
	if (w != NULL) {
		INT_EQ(w->line, 1);
		CHECK(message_has(w, "before the level-1 heading"));
	}
	if (doc != NULL && doc->persona != NULL) {
		STR_EQ(doc->persona->name.s, "Samira");
		INT_EQ(doc->persona->loc.line, 3);
		INT_EQ(doc->persona->age.v, 34);
	}
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_deep_block_quotes)
{
	enum { DEPTH = 200000 };
	char *text = xmalloc(DEPTH + 16);
	memset(text, '>', DEPTH);
	strcpy(text + DEPTH, " diep\n");
	struct diags d;
	diags_init(&d, LANG_EN);
	clock_t t0 = clock();
	struct doc *doc = read_text(text, DOC_UNKNOWN, &d);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(doc == NULL);
	CHECK(secs < 1.0);
	INT_EQ(d.n, 1);
	if (d.n == 1) {
		INT_EQ(d.items[0].code, CODE_S009);
		INT_EQ(d.items[0].line, 1);
		INT_EQ(d.items[0].col, 65);
		CHECK(message_has(&d.items[0], "64 levels"));
		CHECK(d.items[0].hint != NULL &&
		      strstr(d.items[0].hint, "--max-depth") != NULL);
	}
	doc_free(&doc);
	free(text);
	diags_free(&d);

	/* "> " quotes too. */
	struct buf b = {0};
	for (int i = 0; i < DEPTH; i++)
		buf_puts(&b, "> ");
	buf_puts(&b, "x\n");
	diags_init(&d, LANG_EN);
	doc = read_text(b.data, DOC_PERSONA, &d);
	CHECK(doc == NULL);
	INT_EQ(count_code(&d, CODE_S009), 1);
	buf_free(&b);
	diags_free(&d);
}

TEST(read_md_deep_lists)
{
	enum { DEPTH = 5000 };
	struct buf b = {0};
	buf_puts(&b, "# Diep\n\n");
	for (int i = 0; i < DEPTH; i++) {
		for (int k = 0; k < i; k++)
			buf_puts(&b, "  ");
		buf_puts(&b, "- item\n");
	}
	struct diags d;
	diags_init(&d, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	limits.max_file_size = 64L * 1024 * 1024; /* 25 MB of indentation */
	struct source *src = source_from_memory("deep.md", b.data, b.len,
						&limits, &d);
	CHECK(src != NULL);
	clock_t t0 = clock();
	struct doc *doc = src ? read_markdown(src, DOC_PERSONA, &limits, &d)
			      : NULL;
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(doc == NULL);
	CHECK(secs < 1.0);
	INT_EQ(d.n, 1);
	if (d.n == 1) {
		INT_EQ(d.items[0].code, CODE_S009);
		INT_EQ(d.items[0].line, 3 + 64);
		INT_EQ(d.items[0].col, 2 * 64 + 1);
	}
	source_free(&src);
	buf_free(&b);
	diags_free(&d);

	/* Within the limit: read, and nested lines stay under it. */
	for (int i = 0; i < 64; i++) {
		for (int k = 0; k < i; k++)
			buf_puts(&b, "  ");
		buf_puts(&b, "- item\n");
	}
	diags_init(&d, LANG_EN);
	doc = read_text(b.data, DOC_PERSONA, &d);
	CHECK(doc != NULL);
	INT_EQ(count_code(&d, CODE_S009), 0);
	doc_free(&doc);
	buf_free(&b);
	diags_free(&d);

	/* Thematic breaks are no lists; one-line "- - - x" nesting is. */
	diags_init(&d, LANG_EN);
	limits.max_depth = 2;
	static const char text[] = "# T\n\n- - - - - -\n\n* * * *\n";
	doc = read_with(text, strlen(text), DOC_PERSONA, &limits, &d);
	CHECK(doc != NULL);
	INT_EQ(d.n, 0);
	doc_free(&doc);
	static const char nested[] = "# T\n\n- - 1. x\n";
	doc = read_with(nested, strlen(nested), DOC_PERSONA, &limits, &d);
	CHECK(doc == NULL);
	INT_EQ(count_code(&d, CODE_S009), 1);
	if (d.n == 1) {
		INT_EQ(d.items[0].line, 3);
		INT_EQ(d.items[0].col, 5);
	}
	diags_free(&d);
}

TEST(read_md_deep_inlines)
{
	enum { DEPTH = 50000 };
	struct buf b = {0};
	buf_puts(&b, "# Diep\n\n- notitie: ");
	for (int i = 0; i < DEPTH; i++)
		buf_puts(&b, "*a ");
	buf_puts(&b, "b");
	for (int i = 0; i < DEPTH; i++)
		buf_puts(&b, " c*");
	buf_puts(&b, "\n");
	struct diags d;
	diags_init(&d, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	limits.max_text = 1000000;
	limits.max_marks = 1000000; /* 100,000 emphasis marks */
	struct doc *doc = read_with(b.data, b.len, DOC_PERSONA, &limits, &d);
	CHECK(doc != NULL && doc->persona != NULL);
	INT_EQ(d.n, 0);
	if (doc != NULL && doc->persona != NULL)
		INT_EQ(doc->persona->notes.n, 1);
	doc_free(&doc);
	buf_free(&b);
	diags_free(&d);
}

TEST(read_md_max_stages)
{
	struct buf b = {0};
	buf_puts(&b, "# Veel etappes\n\n- persona: samira\n");
	for (int i = 1; i <= 5; i++)
		buf_printf(&b, "\n## Etappe %d\n- positie: thuis\n- bogus: x\n", i);
	struct diags d;
	diags_init(&d, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	limits.max_stages = 3;
	struct doc *doc = read_with(b.data, b.len, DOC_UNKNOWN, &limits, &d);
	/* A file beyond the limit is refused whole. */
	CHECK(doc == NULL);
	INT_EQ(count_code(&d, CODE_S009), 1);
	INT_EQ(count_code(&d, CODE_S006), 3);
	const struct diag *e = find_code(&d, CODE_S009);
	if (e != NULL) {
		/* The fourth heading: 1 + 3 + 3 stages of 4 lines. */
		INT_EQ(e->line, 17);
		INT_EQ(e->col, 1);
		CHECK(message_has(e, "more than 3 stages"));
	}
	doc_free(&doc);
	buf_free(&b);
	diags_free(&d);
}

TEST(read_md_max_touchpoints)
{
	struct buf b = {0};
	buf_puts(&b, "# Veel\n\n- persona: samira\n\n## Etappe\n");
	for (int i = 0; i < 5; i++)
		buf_printf(&b, "- brief: nummer %d\n", i);
	struct diags d;
	diags_init(&d, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	limits.max_touchpoints = 2;
	struct doc *doc = read_with(b.data, b.len, DOC_UNKNOWN, &limits, &d);
	CHECK(doc == NULL);
	INT_EQ(d.n, 1);
	if (d.n == 1) {
		INT_EQ(d.items[0].code, CODE_S009);
		INT_EQ(d.items[0].line, 8);
		CHECK(message_has(&d.items[0], "stage 'Etappe'"));
	}
	doc_free(&doc);
	buf_free(&b);
	diags_free(&d);
}

TEST(read_md_max_text)
{
	static const char text[] =
	    "# Samira\n"
	    "\n"
	    "- woonplaats: Nijmegen-Oost\n"
	    "- situatie: kort\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	limits.max_text = 10;
	struct doc *doc = read_with(text, strlen(text), DOC_PERSONA, &limits, &d);
	CHECK(doc != NULL && doc->broken);
	INT_EQ(d.n, 1);
	if (d.n == 1) {
		INT_EQ(d.items[0].code, CODE_S009);
		INT_EQ(d.items[0].line, 3);
		INT_EQ(d.items[0].col, 15);
		CHECK(message_has(&d.items[0], "text of 13 characters"));
	}
	if (doc != NULL && doc->persona != NULL) {
		CHECK(doc->persona->place.s == NULL);
		STR_EQ(doc->persona->situation.s, "kort");
	}
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_free_sections)
{
	static const char text[] =
	    "# Persona: Noor\n"
	    "\n"
	    "Noor is *negentien*.\n"
	    "\n"
	    "> Een motto.\n"
	    "\n"
	    "- leeftijd: 19\n"
	    "\n"
	    "Nog een alinea.\n"
	    "\n"
	    "## Achtergrond\n"
	    "\n"
	    "Ze groeide op in **Arnhem**.\n"
	    "\n"
	    "- broers: twee\n"
	    "\n"
	    "\n"
	    "## Talenten\n"
	    "- tekenen\n"
	    "\n"
	    "Ze is ook goed in muziek.\n"
	    "\n"
	    "## Dagritme\n"
	    "Ochtend: school.\n"
	    "\n"
	    "## Leeg\n"
	    "\n";
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text(text, DOC_UNKNOWN, &d);
	INT_EQ(d.n, 0);
	CHECK(doc != NULL && doc->persona != NULL);
	if (doc == NULL || doc->persona == NULL) {
		doc_free(&doc);
		diags_free(&d);
		return;
	}
	const struct persona *p = doc->persona;
	STR_EQ(p->name.s, "Noor");
	STR_EQ(p->summary.s, "Noor is *negentien*.\n\n> Een motto.\n\n"
			     "Nog een alinea.");
	INT_EQ(p->age.v, 19);
	INT_EQ(p->talents.n, 2);
	if (p->talents.n == 2)
		STR_EQ(p->talents.items[1].s, "Ze is ook goed in muziek.");
	INT_EQ(p->n_sections, 3);
	if (p->n_sections == 3) {
		STR_EQ(p->sections[0]->title.s, "Achtergrond");
		INT_EQ(p->sections[0]->title.loc.line, 11);
		STR_EQ(p->sections[0]->body.s,
		       "Ze groeide op in **Arnhem**.\n\n- broers: twee");
		INT_EQ(p->sections[0]->body.loc.line, 13);
		STR_EQ(p->sections[1]->title.s, "Dagritme");
		STR_EQ(p->sections[1]->body.s, "Ochtend: school.");
		STR_EQ(p->sections[2]->title.s, "Leeg");
		STR_EQ(p->sections[2]->body.s, "");
	}
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_persona_prefix)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = read_text("# PERSONA:   Samira\n", DOC_UNKNOWN, &d);
	CHECK(doc != NULL && doc->persona != NULL);
	if (doc != NULL && doc->persona != NULL)
		STR_EQ(doc->persona->name.s, "Samira");
	doc_free(&doc);
	doc = read_text("# Personas en reizen\n", DOC_PERSONA, &d);
	if (doc != NULL && doc->persona != NULL)
		STR_EQ(doc->persona->name.s, "Personas en reizen");
	doc_free(&doc);
	/* A journey keeps its title as written. */
	doc = read_text("# Persona: Samira\n- persona: samira\n", DOC_UNKNOWN, &d);
	CHECK(doc != NULL && doc->journey != NULL);
	if (doc != NULL && doc->journey != NULL)
		STR_EQ(doc->journey->title.s, "Persona: Samira");
	INT_EQ(d.n, 0);
	doc_free(&doc);
	diags_free(&d);
}

TEST(read_md_stray_and_dutch)
{
	static const char text[] =
	    "# Samira\n"
	    "\n"
	    "- leeftijd: 34\n"
	    "  - nog iets\n"
	    "\n"
	    "## Talenten\n"
	    "```\n"
	    "code\n"
	    "```\n";
	struct diags d;
	diags_init(&d, LANG_NL);
	struct doc *doc = read_text(text, DOC_UNKNOWN, &d);
	CHECK(doc != NULL && !doc->broken);
	INT_EQ(d.n, 2);
	if (d.n == 2) {
		INT_EQ(d.items[0].line, 4);
		INT_EQ(d.items[1].line, 7);
		CHECK(message_has(&d.items[0], "overgeslagen"));
	}
	doc_free(&doc);
	diags_free(&d);
}
