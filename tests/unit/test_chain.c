/* test_chain.c - unit tests of the chain model, the structural checks and the workspace. */
#include "harness.h"

#include "chain.h"
#include "check.h"
#include "diag.h"
#include "mem.h"
#include "read.h"
#include "source.h"
#include "keten.h"

#include <stdlib.h>

TEST(chain_default_is_the_spec_model)
{
	struct doc *doc = chain_load_default(LANG_EN);
	const struct chain *c = doc->chain;
	STR_EQ(c->id.s, "arbeid");
	INT_EQ(c->n_domains, 4);
	INT_EQ(c->n_positions, 10);
	INT_EQ(c->thresholds.max_wait_days.v, 42);
	INT_EQ(c->thresholds.max_silence_days.v, 56);
	INT_EQ(c->thresholds.max_reminders.v, 1);
	CHECK(chain_find_position(c, "wsw") == chain_find_position(c, "beschut-werk"));
	CHECK(chain_find_position(c, "zzp") == chain_find_position(c, "betaald-werk"));
	CHECK(chain_find_position(c, "werkervaringsplaats") == chain_find_position(c, "re-integratie"));
	CHECK(chain_find_position(c, "scholing") == chain_find_position(c, "opleiding"));
	INT_EQ(c->thresholds.min_readability.v, 60);
	INT_EQ(c->jargon.n, 12);
	const struct position *ad = chain_find_position(c, "Arbeidsmatige dagbesteding");
	CHECK(ad != NULL);
	STR_EQ(ad->id.s, "arbeidsmatige-dagbesteding");
	CHECK(chain_find_position(c, "IPS") == chain_find_position(c, "werk-met-ondersteuning"));
	CHECK(chain_find_position(c, "fabriek") == NULL);
	STR_EQ(chain_suggest_position(c, "dagbesteeding"), "dagbesteding");
	CHECK(ad->dom != NULL);
	STR_EQ(ad->dom->id.s, "wmo");
	CHECK(!chain_one_roof(ad, chain_find_position(c, "beschut-werk")));
	doc_free(&doc);
}

/* Reads a chain from JSON text and validates it. */
static struct doc *
chain_from(const char *json, struct diags *diags)
{
	struct limits limits = LIMITS_DEFAULT;
	struct source *src = source_from_memory("c.json", json, strlen(json), &limits, diags);
	struct doc *doc = src ? read_json(src, &limits, diags) : NULL;
	if (doc)
		chain_validate(doc, diags);
	source_free(&src);
	return doc;
}

static int
count_code(const struct diags *d, enum code code)
{
	int n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->items[i].code == code;
	return n;
}

TEST(chain_validation_finds_each_fault)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = chain_from(
		"{\"format\": \"keten/1\", \"chain\": {\"id\": \"x\",\n"
		" \"domains\": [{\"id\": \"a\", \"organisation\": \"Dak\"}, {\"id\": \"a\"}, {\"id\": \"b\", \"organisation\": \"Dak\"}],\n"
		" \"positions\": [\n"
		"  {\"id\": \"p\", \"ladder\": 1, \"domain\": \"a\", \"aliases\": [\"q\"]},\n"
		"  {\"id\": \"q\", \"ladder\": 9, \"domain\": \"zz\"},\n"
		"  {\"id\": \"r\", \"ladder\": 2, \"domain\": \"b\", \"aliases\": [\"s\", \"S\"]}],\n"
		" \"thresholds\": {\"max_step_up\": 0},\n"
		" \"disable\": [\"K003\", \"K100\"]}}\n", &d);
	CHECK(doc != NULL);
	CHECK(doc->broken);
	/* duplicate domain, alias = id, ladder 9, unknown domain, alias twice,
	 * threshold, disable code */
	INT_EQ(count_code(&d, CODE_S008), 7);
	INT_EQ(doc->chain->thresholds.max_step_up.v, 2);
	const struct position *p = chain_find_position(doc->chain, "p");
	const struct position *r = chain_find_position(doc->chain, "r");
	CHECK(p && r && chain_one_roof(p, r));
	doc_free(&doc);
	diags_free(&d);
}

TEST(chain_without_jargon_gets_the_default_and_empty_means_none)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	const char *base = "{\"format\": \"keten/1\", \"chain\": {\"id\": \"x\", "
			   "\"domains\": [{\"id\": \"a\"}], \"positions\": [{\"id\": \"p\", "
			   "\"ladder\": 1, \"domain\": \"a\"}]%s}}";
	char *without = xasprintf(base, "");
	char *empty = xasprintf(base, ", \"jargon\": []");
	struct doc *a = chain_from(without, &d);
	struct doc *b = chain_from(empty, &d);
	INT_EQ(d.n, 0);
	INT_EQ(a->chain->jargon.n, 12);
	INT_EQ(b->chain->jargon.n, 0);
	doc_free(&a);
	doc_free(&b);
	free(without);
	free(empty);
	diags_free(&d);
}

static struct doc *
journey_from(const char *md, struct diags *diags)
{
	struct limits limits = LIMITS_DEFAULT;
	struct source *src = source_from_memory("journeys/reis-van-x.md", md, strlen(md), &limits, diags);
	struct doc *doc = src ? read_markdown(src, DOC_JOURNEY, &limits, diags) : NULL;
	if (doc)
		check_document(doc, diags);
	source_free(&src);
	return doc;
}

TEST(check_document_derives_ids_and_finds_duplicates)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = journey_from("# Reis\n\n- persona: x\n\n## Eerste stap\n- positie: thuis\n\n"
				       "## €\n- positie: thuis\n\n## Eerste stap!\n- positie: buurt\n", &d);
	const struct journey *j = doc->journey;
	STR_EQ(j->id.s, "reis-van-x");
	STR_EQ(j->stages[0]->id.s, "eerste-stap");
	STR_EQ(j->stages[1]->id.s, "stage-2");
	INT_EQ(count_code(&d, CODE_S004), 1);
	INT_EQ(d.items[0].line, 11);
	CHECK(doc->broken);
	struct doc *chain = chain_load_default(LANG_EN);
	check_journey_positions(doc, chain->chain, &d);
	CHECK(j->stages[2]->pos != NULL);
	STR_EQ(j->stages[2]->pos->id.s, "sociale-basis");
	doc_free(&chain);
	doc_free(&doc);
	diags_free(&d);
}

TEST(check_document_requires_persona_and_stages)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct doc *doc = journey_from("# Reis zonder alles\n\nAlleen tekst.\n", &d);
	INT_EQ(count_code(&d, CODE_S002), 1);
	INT_EQ(count_code(&d, CODE_S007), 1);
	doc_free(&doc);
	diags_free(&d);
}
