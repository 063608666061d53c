/* test_write.c - unit tests of the JSON and Markdown writers: exact output for a journey, a persona and a chain, escaping of hostile text, and round trips through both readers. */
#include "harness.h"

#include "diag.h"
#include "jsonw.h"
#include "limits.h"
#include "mem.h"
#include "model.h"
#include "read.h"
#include "source.h"
#include "write.h"

#include <stdbool.h>
#include <stdlib.h>

static const struct loc no_loc;

static struct text
txt(struct doc *doc, const char *s)
{
	return doc_text(doc, s, no_loc);
}

static struct number
num(long v)
{
	struct number n = {true, v, no_loc};
	return n;
}

static struct journey *
new_journey(struct doc **doc)
{
	*doc = doc_new("journeys/samira-werk.md", DOC_JOURNEY, FORMAT_MARKDOWN);
	struct journey *j = arena_alloc((*doc)->arena, sizeof(*j));
	(*doc)->journey = j;
	return j;
}

static struct persona *
new_persona(struct doc **doc)
{
	*doc = doc_new("personas/samira.md", DOC_PERSONA, FORMAT_MARKDOWN);
	struct persona *p = arena_alloc((*doc)->arena, sizeof(*p));
	(*doc)->persona = p;
	return p;
}

/* A journey with one stage, two touchpoints, a pain point and a note. */
static struct doc *
small_journey(void)
{
	struct doc *doc;
	struct journey *j = new_journey(&doc);
	j->id = txt(doc, "samira-werk");
	j->title = txt(doc, "Samira: van thuis naar werk");
	j->persona = txt(doc, "samira");
	j->region = txt(doc, "Rijk van Nijmegen");
	j->kind.v = KIND_AS_IS;
	j->description = txt(doc, "Samira meldt zich bij het *sociaal team*.");

	struct stage *s = journey_add_stage(doc, j);
	s->id = txt(doc, "melding-bij-het-sociaal-team");
	s->title = txt(doc, "Melding bij het sociaal team");
	s->position = txt(doc, "thuis");
	text_list_add(doc, &s->actors, "sociaal team", no_loc);
	text_list_add(doc, &s->actors, "consulent", no_loc);
	s->emotion = num(-1);
	s->duration = num(21);

	struct touchpoint *tp = stage_add_touchpoint(doc, s);
	tp->kind = TP_CONVERSATION;
	tp->title = txt(doc, "keukentafelgesprek");
	tp = stage_add_touchpoint(doc, s);
	tp->kind = TP_DECISION;
	tp->title = txt(doc, "toekenning dagbesteding");
	tp->actor = txt(doc, "gemeente");
	tp->explained.v = YESNO_NO;
	tp->text = txt(doc, "Op grond van artikel 2.3.5 kennen wij u een voorziening toe.");
	tp->emotion = num(-2);

	text_list_add(doc, &s->pain_points, "Samira weet niet wie haar consulent is", no_loc);
	text_list_add(doc, &s->notes, "eerste contact via de buurvrouw", no_loc);
	return doc;
}

/* A persona with attributes, known sections, a quote, a free section and
 * two notes. */
static struct doc *
small_persona(void)
{
	struct doc *doc;
	struct persona *p = new_persona(&doc);
	p->id = txt(doc, "samira");
	p->name = txt(doc, "Samira");
	p->summary = txt(doc, "Samira (34) woont met haar zoon in een flat.\nZe zit al twee jaar thuis.");
	p->age = num(34);
	p->place = txt(doc, "Nijmegen");
	p->position = txt(doc, "thuis");
	p->ladder = num(1);
	p->income.v = INCOME_BENEFIT;
	text_list_add(doc, &p->traits, "laaggeletterd", no_loc);
	text_list_add(doc, &p->traits, "angstig", no_loc);
	text_list_add(doc, &p->talents, "goed met kinderen", no_loc);
	text_list_add(doc, &p->talents, "handig met computers", no_loc);
	text_list_add(doc, &p->worries, "bang om haar uitkering kwijt te raken", no_loc);
	p->quote = txt(doc, "Ik wil laten zien\nwat ik kan.");
	struct section *sec = persona_add_section(doc, p);
	sec->title = txt(doc, "Achtergrond");
	sec->body = txt(doc, "Samira werkte in een *kinderopvang*.");
	text_list_add(doc, &p->notes, "geschreven in de werkgroep", no_loc);
	text_list_add(doc, &p->notes, "herzien in maart", no_loc);
	return doc;
}

static char *
json_of(const struct doc *doc)
{
	struct buf b = {0};
	write_json(doc, &b);
	return buf_detach(&b);
}

static char *
markdown_of(const struct doc *doc, enum lang lang)
{
	struct buf b = {0};
	write_markdown(doc, lang, &b);
	return buf_detach(&b);
}

/* STR_EQ shows only the first 200 bytes; this shows where texts differ. */
static void
text_eq(const char *file, int line, const char *got, const char *want)
{
	size_t i = 0;
	while (got[i] != '\0' && got[i] == want[i])
		i++;
	if (got[i] == want[i]) {
		harness_pass();
		return;
	}
	char what[512];
	snprintf(what, sizeof what, "texts differ at byte %zu: got \"%.60s\", want \"%.60s\"",
		 i, got + i, want + i);
	harness_fail(file, line, what);
}

#define TEXT_EQ(got, want) text_eq(__FILE__, __LINE__, (got), (want))

TEST(write_json_journey)
{
	struct doc *doc = small_journey();
	char *json = json_of(doc);
	TEXT_EQ(json,
		"{\n"
		"  \"format\": \"keten/1\",\n"
		"  \"journey\": {\n"
		"    \"id\": \"samira-werk\",\n"
		"    \"title\": \"Samira: van thuis naar werk\",\n"
		"    \"persona\": \"samira\",\n"
		"    \"region\": \"Rijk van Nijmegen\",\n"
		"    \"kind\": \"as-is\",\n"
		"    \"description\": \"Samira meldt zich bij het *sociaal team*.\",\n"
		"    \"stages\": [\n"
		"      {\n"
		"        \"id\": \"melding-bij-het-sociaal-team\",\n"
		"        \"title\": \"Melding bij het sociaal team\",\n"
		"        \"position\": \"thuis\",\n"
		"        \"actors\": [\n"
		"          \"sociaal team\",\n"
		"          \"consulent\"\n"
		"        ],\n"
		"        \"emotion\": -1,\n"
		"        \"duration_days\": 21,\n"
		"        \"touchpoints\": [\n"
		"          {\n"
		"            \"kind\": \"conversation\",\n"
		"            \"title\": \"keukentafelgesprek\"\n"
		"          },\n"
		"          {\n"
		"            \"kind\": \"decision\",\n"
		"            \"title\": \"toekenning dagbesteding\",\n"
		"            \"actor\": \"gemeente\",\n"
		"            \"explained\": false,\n"
		"            \"text\": \"Op grond van artikel 2.3.5 kennen wij u een voorziening toe.\",\n"
		"            \"emotion\": -2\n"
		"          }\n"
		"        ],\n"
		"        \"pain_points\": [\n"
		"          \"Samira weet niet wie haar consulent is\"\n"
		"        ],\n"
		"        \"opportunities\": [],\n"
		"        \"note\": \"eerste contact via de buurvrouw\"\n"
		"      }\n"
		"    ]\n"
		"  }\n"
		"}\n");
	free(json);
	doc_free(&doc);
}

TEST(write_json_persona)
{
	struct doc *doc = small_persona();
	char *json = json_of(doc);
	TEXT_EQ(json,
		"{\n"
		"  \"format\": \"keten/1\",\n"
		"  \"persona\": {\n"
		"    \"id\": \"samira\",\n"
		"    \"name\": \"Samira\",\n"
		"    \"summary\": \"Samira (34) woont met haar zoon in een flat.\\nZe zit al twee jaar thuis.\",\n"
		"    \"age\": 34,\n"
		"    \"place\": \"Nijmegen\",\n"
		"    \"position\": \"thuis\",\n"
		"    \"ladder\": 1,\n"
		"    \"income\": \"benefit\",\n"
		"    \"traits\": [\n"
		"      \"laaggeletterd\",\n"
		"      \"angstig\"\n"
		"    ],\n"
		"    \"talents\": [\n"
		"      \"goed met kinderen\",\n"
		"      \"handig met computers\"\n"
		"    ],\n"
		"    \"worries\": [\n"
		"      \"bang om haar uitkering kwijt te raken\"\n"
		"    ],\n"
		"    \"quote\": \"Ik wil laten zien\\nwat ik kan.\",\n"
		"    \"sections\": [\n"
		"      {\n"
		"        \"title\": \"Achtergrond\",\n"
		"        \"body\": \"Samira werkte in een *kinderopvang*.\"\n"
		"      }\n"
		"    ],\n"
		"    \"note\": [\n"
		"      \"geschreven in de werkgroep\",\n"
		"      \"herzien in maart\"\n"
		"    ]\n"
		"  }\n"
		"}\n");
	free(json);
	doc_free(&doc);
}

/* Unset values are left out, but a stage always has its three arrays. */
TEST(write_json_empty_stage)
{
	struct doc *doc;
	struct journey *j = new_journey(&doc);
	j->title = txt(doc, "Kaal");
	struct stage *s = journey_add_stage(doc, j);
	s->title = txt(doc, "Stap");
	struct touchpoint *tp = stage_add_touchpoint(doc, s);
	tp->kind = TP_HANDOVER;
	tp->warm.v = YESNO_YES;
	tp->duration = num(0);
	char *json = json_of(doc);
	TEXT_EQ(json,
		"{\n"
		"  \"format\": \"keten/1\",\n"
		"  \"journey\": {\n"
		"    \"title\": \"Kaal\",\n"
		"    \"stages\": [\n"
		"      {\n"
		"        \"title\": \"Stap\",\n"
		"        \"touchpoints\": [\n"
		"          {\n"
		"            \"kind\": \"handover\",\n"
		"            \"duration_days\": 0,\n"
		"            \"warm\": true\n"
		"          }\n"
		"        ],\n"
		"        \"pain_points\": [],\n"
		"        \"opportunities\": []\n"
		"      }\n"
		"    ]\n"
		"  }\n"
		"}\n");
	free(json);
	doc_free(&doc);
}

TEST(write_json_chain)
{
	struct doc *doc = doc_new("chains/klein.json", DOC_CHAIN, FORMAT_JSON);
	struct chain *c = arena_alloc(doc->arena, sizeof(*c));
	doc->chain = c;
	c->id = txt(doc, "klein");
	c->title = txt(doc, "Kleine keten");
	struct domain *d = chain_add_domain(doc, c);
	d->id = txt(doc, "wmo");
	d->label = txt(doc, "Wmo 2015");
	d->organisation = txt(doc, "WerkBedrijf");
	d = chain_add_domain(doc, c);
	d->id = txt(doc, "basis");
	d->label = txt(doc, "Sociale basis");
	struct position *p = chain_add_position(doc, c);
	p->id = txt(doc, "thuis");
	p->label = txt(doc, "Thuis");
	p->ladder = num(1);
	p->domain = txt(doc, "basis");
	p->income.v = INCOME_BENEFIT;
	p = chain_add_position(doc, c);
	p->id = txt(doc, "ad");
	p->label = txt(doc, "Arbeidsmatige dagbesteding");
	p->ladder = num(3);
	p->domain = txt(doc, "wmo");
	p->indication.v = YESNO_YES;
	p->reindication_months = num(12);
	text_list_add(doc, &p->aliases, "arbeidsmatige-db", no_loc);
	c->thresholds.max_wait_days = num(42);
	c->thresholds.emotion_drop = num(2);
	c->jargon_given = true;
	text_list_add(doc, &c->disable, "K001", no_loc);
	char *json = json_of(doc);
	TEXT_EQ(json,
		"{\n"
		"  \"format\": \"keten/1\",\n"
		"  \"chain\": {\n"
		"    \"id\": \"klein\",\n"
		"    \"title\": \"Kleine keten\",\n"
		"    \"domains\": [\n"
		"      {\n"
		"        \"id\": \"wmo\",\n"
		"        \"label\": \"Wmo 2015\",\n"
		"        \"organisation\": \"WerkBedrijf\"\n"
		"      },\n"
		"      {\n"
		"        \"id\": \"basis\",\n"
		"        \"label\": \"Sociale basis\"\n"
		"      }\n"
		"    ],\n"
		"    \"positions\": [\n"
		"      {\n"
		"        \"id\": \"thuis\",\n"
		"        \"label\": \"Thuis\",\n"
		"        \"ladder\": 1,\n"
		"        \"domain\": \"basis\",\n"
		"        \"income\": \"benefit\"\n"
		"      },\n"
		"      {\n"
		"        \"id\": \"ad\",\n"
		"        \"label\": \"Arbeidsmatige dagbesteding\",\n"
		"        \"ladder\": 3,\n"
		"        \"domain\": \"wmo\",\n"
		"        \"indication\": true,\n"
		"        \"reindication_months\": 12,\n"
		"        \"aliases\": [\n"
		"          \"arbeidsmatige-db\"\n"
		"        ]\n"
		"      }\n"
		"    ],\n"
		"    \"thresholds\": {\n"
		"      \"max_wait_days\": 42,\n"
		"      \"emotion_drop\": 2\n"
		"    },\n"
		"    \"jargon\": [],\n"
		"    \"disable\": [\n"
		"      \"K001\"\n"
		"    ]\n"
		"  }\n"
		"}\n");
	free(json);

	/* Without thresholds or jargon neither member is written, and a
	 * chain has no Markdown form. */
	memset(&c->thresholds, 0, sizeof(c->thresholds));
	c->jargon_given = false;
	json = json_of(doc);
	CHECK(strstr(json, "thresholds") == NULL);
	CHECK(strstr(json, "jargon") == NULL);
	free(json);
	char *md = markdown_of(doc, LANG_NL);
	STR_EQ(md, "");
	free(md);
	doc_free(&doc);
}

TEST(write_markdown_journey_nl)
{
	struct doc *doc = small_journey();
	char *md = markdown_of(doc, LANG_NL);
	TEXT_EQ(md,
		"# Samira: van thuis naar werk\n"
		"\n"
		"- id: samira-werk\n"
		"- persona: samira\n"
		"- regio: Rijk van Nijmegen\n"
		"- soort: huidig\n"
		"\n"
		"Samira meldt zich bij het *sociaal team*.\n"
		"\n"
		"## Melding bij het sociaal team\n"
		"- positie: thuis\n"
		"- actor: sociaal team, consulent\n"
		"- emotie: -1\n"
		"- duur: 3 weken\n"
		"- gesprek: keukentafelgesprek\n"
		"- beschikking: toekenning dagbesteding\n"
		"  - van: gemeente\n"
		"  - toelichting: nee\n"
		"  - tekst: Op grond van artikel 2.3.5 kennen wij u een voorziening toe.\n"
		"  - emotie: -2\n"
		"- knelpunt: Samira weet niet wie haar consulent is\n"
		"- notitie: eerste contact via de buurvrouw\n");
	free(md);
	doc_free(&doc);
}

TEST(write_markdown_journey_en)
{
	struct doc *doc = small_journey();
	struct stage *s = doc->journey->stages[0];
	text_list_add(doc, &s->opportunities, "one fixed contact", no_loc);
	text_list_add(doc, &s->ignore, "K001", no_loc);
	text_list_add(doc, &s->ignore, "K004", no_loc);
	s->description = txt(doc, "\n  \nShe calls *twice*.\n\nNobody answers.\n");
	text_list_add(doc, &s->touchpoints[1]->notes, "nobody calls", no_loc);
	s->touchpoints[1]->explained.v = YESNO_YES;
	char *md = markdown_of(doc, LANG_EN);
	TEXT_EQ(md,
		"# Samira: van thuis naar werk\n"
		"\n"
		"- id: samira-werk\n"
		"- persona: samira\n"
		"- region: Rijk van Nijmegen\n"
		"- kind: as-is\n"
		"\n"
		"Samira meldt zich bij het *sociaal team*.\n"
		"\n"
		"## Melding bij het sociaal team\n"
		"- position: thuis\n"
		"- actors: sociaal team, consulent\n"
		"- emotion: -1\n"
		"- duration: 3 weeks\n"
		"- conversation: keukentafelgesprek\n"
		"- decision: toekenning dagbesteding\n"
		"  - from: gemeente\n"
		"  - explained: yes\n"
		"  - text: Op grond van artikel 2.3.5 kennen wij u een voorziening toe.\n"
		"  - emotion: -2\n"
		"  - note: nobody calls\n"
		"- pain point: Samira weet niet wie haar consulent is\n"
		"- opportunity: one fixed contact\n"
		"- note: eerste contact via de buurvrouw\n"
		"- ignore: K001, K004\n"
		"\n"
		"She calls *twice*.\n"
		"\n"
		"Nobody answers.\n");
	free(md);
	doc_free(&doc);
}

/* The stage id is written only when it cannot be derived from the title. */
TEST(write_markdown_stage_id)
{
	struct doc *doc;
	struct journey *j = new_journey(&doc);
	j->title = txt(doc, "Reis");
	j->author = txt(doc, "werkgroep");
	j->date = txt(doc, "2025-03-20");
	text_list_add(doc, &j->ignore, "K002", no_loc);
	text_list_add(doc, &j->notes, "concept", no_loc);
	struct stage *s = journey_add_stage(doc, j);
	s->id = txt(doc, "eerste-stap");
	s->title = txt(doc, "Eerste stap");
	s = journey_add_stage(doc, j);
	s->id = txt(doc, "wachten");
	s->title = txt(doc, "Wachten op de wachtlijst");
	text_list_add(doc, &s->organisation, "aanbieder", (struct loc){0});
	struct touchpoint *tp = stage_add_touchpoint(doc, s);
	tp->kind = TP_WAITING;
	tp->duration = num(60);
	tp->warm.v = YESNO_NO;
	s = journey_add_stage(doc, j);
	s->id = txt(doc, "stage-3");
	s->title = txt(doc, "?!");
	char *md = markdown_of(doc, LANG_NL);
	TEXT_EQ(md,
		"# Reis\n"
		"\n"
		"- auteur: werkgroep\n"
		"- datum: 2025-03-20\n"
		"- negeer: K002\n"
		"- notitie: concept\n"
		"\n"
		"## Eerste stap\n"
		"\n"
		"## Wachten op de wachtlijst\n"
		"- id: wachten\n"
		"- organisatie: aanbieder\n"
		"- wachttijd:\n"
		"  - duur: 2 maanden\n"
		"  - warm: nee\n"
		"\n"
		"## ?\\!\n"
		"- id: stage-3\n");
	free(md);
	doc_free(&doc);
}

TEST(write_markdown_persona_nl)
{
	struct doc *doc = small_persona();
	char *md = markdown_of(doc, LANG_NL);
	TEXT_EQ(md,
		"# Samira\n"
		"\n"
		"Samira (34) woont met haar zoon in een flat.\n"
		"Ze zit al twee jaar thuis.\n"
		"\n"
		"- id: samira\n"
		"- leeftijd: 34\n"
		"- woonplaats: Nijmegen\n"
		"- positie: thuis\n"
		"- trede: 1\n"
		"- inkomen: uitkering\n"
		"- kenmerken: laaggeletterd, angstig\n"
		"- notitie: geschreven in de werkgroep\n"
		"- notitie: herzien in maart\n"
		"\n"
		"## Talenten\n"
		"- goed met kinderen\n"
		"- handig met computers\n"
		"\n"
		"## Zorgen\n"
		"- bang om haar uitkering kwijt te raken\n"
		"\n"
		"## Citaat\n"
		"> Ik wil laten zien\n"
		">\n"
		"> wat ik kan.\n"
		"\n"
		"## Achtergrond\n"
		"Samira werkte in een *kinderopvang*.\n");
	free(md);
	doc_free(&doc);
}

TEST(write_markdown_persona_en)
{
	struct doc *doc = small_persona();
	struct persona *p = doc->persona;
	p->situation = txt(doc, "single mother");
	text_list_add(doc, &p->needs, "quiet at home", no_loc);
	text_list_add(doc, &p->goals, "a paid job", no_loc);
	text_list_add(doc, &p->network, "her sister", no_loc);
	p->notes.n = 0;
	p->quote = txt(doc, "Ik wil laten zien\n\n  \nwat ik kan.\n");
	char *md = markdown_of(doc, LANG_EN);
	TEXT_EQ(md,
		"# Samira\n"
		"\n"
		"Samira (34) woont met haar zoon in een flat.\n"
		"Ze zit al twee jaar thuis.\n"
		"\n"
		"- id: samira\n"
		"- age: 34\n"
		"- place: Nijmegen\n"
		"- situation: single mother\n"
		"- position: thuis\n"
		"- rung: 1\n"
		"- income: benefit\n"
		"- traits: laaggeletterd, angstig\n"
		"\n"
		"## Talents\n"
		"- goed met kinderen\n"
		"- handig met computers\n"
		"\n"
		"## Needs\n"
		"- quiet at home\n"
		"\n"
		"## Worries\n"
		"- bang om haar uitkering kwijt te raken\n"
		"\n"
		"## Goals\n"
		"- a paid job\n"
		"\n"
		"## Network\n"
		"- her sister\n"
		"\n"
		"## Quote\n"
		"> Ik wil laten zien\n"
		">\n"
		"> wat ik kan.\n"
		"\n"
		"## Achtergrond\n"
		"Samira werkte in een *kinderopvang*.\n");
	free(md);
	doc_free(&doc);
}

/* Text that looks like markup is escaped so that it reads back as the
 * same plain text; new lines inside a value become spaces. */
TEST(write_markdown_escaping)
{
	struct doc *doc;
	struct persona *p = new_persona(&doc);
	p->name = txt(doc, "<script>alert(1)</script>");
	p->place = txt(doc, "a & b");
	p->situation = txt(doc, "  *x* en _y_ op\nregel [twee](url) `code` | pijp\\ !  ");
	text_list_add(doc, &p->traits, "#1", no_loc);
	text_list_add(doc, &p->traits, "&amp;", no_loc);
	text_list_add(doc, &p->talents, "# title", no_loc);
	text_list_add(doc, &p->talents, "1. item", no_loc);
	text_list_add(doc, &p->talents, "12) item", no_loc);
	text_list_add(doc, &p->talents, "- min", no_loc);
	text_list_add(doc, &p->talents, "+ plus", no_loc);
	text_list_add(doc, &p->talents, "===", no_loc);
	text_list_add(doc, &p->talents, "~~~", no_loc);
	text_list_add(doc, &p->talents, "> quote", no_loc);
	text_list_add(doc, &p->talents, "2024 was goed: 3. plek", no_loc);
	text_list_add(doc, &p->talents, "", no_loc);
	p->quote = txt(doc, "- ik *wil*\n1. werk");
	struct section *sec = persona_add_section(doc, p);
	sec->title = txt(doc, "# Kop *met* opmaak");
	char *md = markdown_of(doc, LANG_NL);
	TEXT_EQ(md,
		"# \\<script\\>alert(1)\\</script\\>\n"
		"\n"
		"- woonplaats: a \\& b\n"
		"- situatie: \\*x\\* en \\_y\\_ op regel \\[twee\\](url) \\`code\\` \\| pijp\\\\ \\!\n"
		"- kenmerken: \\#1, \\&amp;\n"
		"\n"
		"## Talenten\n"
		"- \\# title\n"
		"- 1\\. item\n"
		"- 12\\) item\n"
		"- \\- min\n"
		"- \\+ plus\n"
		"- \\===\n"
		"- \\~~~\n"
		"- \\> quote\n"
		"- 2024 was goed: 3. plek\n"
		"\n"
		"## Citaat\n"
		"> \\- ik \\*wil\\*\n"
		">\n"
		"> 1\\. werk\n"
		"\n"
		"## \\# Kop \\*met\\* opmaak\n");
	free(md);

	/* In a key-value item a leading marker cannot start a block. */
	struct doc *jdoc;
	struct journey *j = new_journey(&jdoc);
	j->title = txt(jdoc, "1. Reis");
	struct stage *s = journey_add_stage(jdoc, j);
	s->id = txt(jdoc, "1-stap");
	s->title = txt(jdoc, "1. Stap");
	struct touchpoint *tp = stage_add_touchpoint(jdoc, s);
	tp->kind = TP_LETTER;
	tp->title = txt(jdoc, "- brief: <b>vet</b>");
	md = markdown_of(jdoc, LANG_NL);
	TEXT_EQ(md,
		"# 1. Reis\n"
		"\n"
		"## 1. Stap\n"
		"- brief: - brief: \\<b\\>vet\\</b\\>\n");
	free(md);
	doc_free(&jdoc);
	doc_free(&doc);
}

/* A name that starts with the prefix the reader drops keeps it. */
TEST(write_markdown_persona_prefix)
{
	struct doc *doc;
	struct persona *p = new_persona(&doc);
	p->name = txt(doc, "Persona: Samira");
	char *md = markdown_of(doc, LANG_EN);
	TEXT_EQ(md, "# Persona: Persona: Samira\n");
	free(md);
	doc_free(&doc);
}

/* Blank values are left out (the reader rejects an empty value), except
 * the title of a touchpoint, whose item is the touchpoint itself. */
TEST(write_markdown_blank_values)
{
	struct doc *doc;
	struct journey *j = new_journey(&doc);
	j->title = txt(doc, "Reis");
	j->region = txt(doc, "");
	j->author = txt(doc, "  ");
	text_list_add(doc, &j->notes, " ", no_loc);
	text_list_add(doc, &j->ignore, "", no_loc);
	struct stage *s = journey_add_stage(doc, j);
	s->title = txt(doc, "Stap");
	text_list_add(doc, &s->actors, "", no_loc);
	text_list_add(doc, &s->actors, "consulent", no_loc);
	text_list_add(doc, &s->pain_points, "", no_loc);
	struct touchpoint *tp = stage_add_touchpoint(doc, s);
	tp->kind = TP_OTHER;
	tp->title = txt(doc, " ");
	tp->actor = txt(doc, "");
	tp = stage_add_touchpoint(doc, s);
	tp->kind = TP_FINANCIAL_CHECK;
	char *md = markdown_of(doc, LANG_EN);
	TEXT_EQ(md,
		"# Reis\n"
		"\n"
		"## Stap\n"
		"- actors: consulent\n"
		"- other:\n"
		"- financial check:\n");
	free(md);
	doc_free(&doc);
}

/* Round trips through both readers: Markdown -> JSON -> Markdown -> JSON
 * gives the same JSON twice, in either language. */

static struct doc *
read_text(const char *path, const char *text, bool json, struct diags *diags)
{
	struct limits limits = LIMITS_DEFAULT;
	struct source *src = source_from_memory(path, text, strlen(text),
						&limits, diags);
	if (src == NULL)
		return NULL;
	struct doc *doc = json ? read_json(src, &limits, diags)
			       : read_markdown(src, DOC_UNKNOWN, &limits, diags);
	source_free(&src);
	return doc;
}

static void
round_trip(const char *file, int line, const char *path, const char *md,
	   enum lang lang)
{
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct doc *first = read_text(path, md, false, &diags);
	char *json1 = first ? json_of(first) : xstrdup("");
	struct doc *from_json = read_text("export.json", json1, true, &diags);
	char *md2 = from_json ? markdown_of(from_json, lang) : xstrdup("");
	struct doc *second = read_text(path, md2, false, &diags);
	char *json2 = second ? json_of(second) : xstrdup("");
	if (first == NULL || from_json == NULL || second == NULL)
		harness_fail(file, line, "a reader returned NULL");
	text_eq(file, line, json2, json1);
	if (diags.n != 0) {
		char what[512];
		snprintf(what, sizeof what, "%zu diagnostics, the first: %.300s",
			 diags.n, diags.items[0].message);
		harness_fail(file, line, what);
	}
	free(json1);
	free(md2);
	free(json2);
	doc_free(&first);
	doc_free(&from_json);
	doc_free(&second);
	diags_free(&diags);
}

#define ROUND_TRIP(path, md)                                                \
	do {                                                                \
		round_trip(__FILE__, __LINE__, (path), (md), LANG_NL);      \
		round_trip(__FILE__, __LINE__, (path), (md), LANG_EN);      \
	} while (0)

TEST(write_round_trip_journey)
{
	ROUND_TRIP("journeys/samira-werk.md",
		   "# Samira: van thuis naar betaald werk\n"
		   "\n"
		   "- persona: samira\n"
		   "- regio: Rijk van Nijmegen\n"
		   "- soort: huidig\n"
		   "- auteur: werkgroep\n"
		   "- datum: 2025-03-20\n"
		   "- negeer: K002, K004\n"
		   "- notitie: concept\n"
		   "\n"
		   "Samira meldt zich bij het *sociaal team* en zet stap voor stap\n"
		   "de weg naar werk in.\n"
		   "\n"
		   "## Melding bij het sociaal team\n"
		   "- positie: thuis\n"
		   "- actor: sociaal team, consulent\n"
		   "- organisatie: gemeente\n"
		   "- emotie: -1\n"
		   "- duur: 3 weken\n"
		   "- gesprek: keukentafelgesprek met de consulent\n"
		   "- brief: uitnodiging voor het onderzoek\n"
		   "  - van: gemeente\n"
		   "  - toelichting: nee\n"
		   "  - tekst: U wordt verwacht op 3 maart.\n"
		   "  - emotie: heel negatief\n"
		   "  - notitie: niemand belt\n"
		   "- knelpunt: Samira weet niet wie haar consulent is\n"
		   "- kans: een vaste consulent\n"
		   "- notitie: eerste contact\n"
		   "- negeer: K001\n"
		   "\n"
		   "Ze belt *twee keer*.\n"
		   "\n"
		   "## Wachten\n"
		   "- id: wachtlijst\n"
		   "- positie: thuis\n"
		   "- wachttijd: op de wachtlijst\n"
		   "  - duur: 2 maanden\n"
		   "- overdracht: naar de aanbieder\n"
		   "  - warm: nee\n"
		   "\n"
		   "## ?!\n"
		   "- positie: ad\n");
}

TEST(write_round_trip_persona)
{
	ROUND_TRIP("personas/samira.md",
		   "# Samira\n"
		   "\n"
		   "Samira (34) woont met haar zoon in een flat in de wijk. Ze zit\n"
		   "al twee jaar thuis na een *burn-out*.\n"
		   "\n"
		   "- leeftijd: 34\n"
		   "- woonplaats: Nijmegen\n"
		   "- situatie: alleenstaande moeder, bijstandsuitkering\n"
		   "- positie: thuis\n"
		   "- trede: 1\n"
		   "- inkomen: uitkering\n"
		   "- kenmerken: laaggeletterd, angstig\n"
		   "- notitie: geschreven in de werkgroep\n"
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
		   "## Doelen\n"
		   "- werk in de kinderopvang\n"
		   "\n"
		   "## Netwerk\n"
		   "- haar zus\n"
		   "\n"
		   "## Achtergrond\n"
		   "Samira werkte in een kinderopvang.\n"
		   "\n"
		   "Daarna werd ze ziek.\n"
		   "\n"
		   "## Citaat\n"
		   "> Ik wil laten zien wat ik kan.\n");
}

/* Text that looks like markup survives both writers. */
TEST(write_round_trip_hostile)
{
	ROUND_TRIP("journeys/vijandig.md",
		   "# \\<script\\>alert(1)\\</script\\> \\# title\n"
		   "\n"
		   "- persona: samira\n"
		   "- regio: a \\& b &amp; c\n"
		   "- auteur: \\*x\\* en *y* en `z` en [link](url)\n"
		   "\n"
		   "## 1. item \\*x\\*\n"
		   "- positie: thuis\n"
		   "- brief: \\- brief: \\<b\\>vet\\</b\\> a\\_b\\_c\n"
		   "  - tekst: 1\\. item, \\# geen kop, \\> geen citaat\n"
		   "- knelpunt: a | b ! c \\\\ d\n");
	ROUND_TRIP("personas/vijandig.md",
		   "# Persona: Persona: Sam\n"
		   "\n"
		   "- woonplaats: <b>Ede</b>\n"
		   "\n"
		   "## Talenten\n"
		   "- \\# title\n"
		   "- 1\\. item\n"
		   "- \\- min\n"
		   "- \\+ plus\n"
		   "- \\~~~\n"
		   "- *x* & `y`\n");
}

/* A byte that is no UTF-8 becomes U+FFFD; valid sequences and escapes stay. */
TEST(jsonw_escape_invalid_utf8)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"x\xFF\xFE.md", "\"x\xEF\xBF\xBD\xEF\xBF\xBD.md\""},
		{"caf\xC3\xA9 \xE2\x82\xAC", "\"caf\xC3\xA9 \xE2\x82\xAC\""},
		{"cut \xE2\x82", "\"cut \xEF\xBF\xBD\xEF\xBF\xBD\""},
		{"overlong \xC0\xAF", "\"overlong \xEF\xBF\xBD\xEF\xBF\xBD\""},
		{"surrogate \xED\xA0\x80", "\"surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
		{"a\"b\\c\n\x01\x7F", "\"a\\\"b\\\\c\\n\\u0001\\u007f\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf b = {0};
		jsonw_escape(&b, cases[i].in);
		STR_EQ(buf_str(&b), cases[i].want);
		buf_free(&b);
	}
}
