/* fuzz.c - the fixed documents and the after-reading steps the fuzz harnesses share, done the way src/workspace.c and `keten check` do them. */
#include "fuzz.h"

#include "chain.h"
#include "check.h"
#include "diag_print.h"
#include "read.h"
#include "rules.h"
#include "source.h"
#include "mem.h"
#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A persona with every trait the rules know, at a position of the default
 * chain (and of any chain that keeps the usual position ids). */
static const char fixed_persona_md[] =
	"# Fenna\n"
	"\n"
	"Fenna (41) woont in Tiel en zoekt werk buiten.\n"
	"\n"
	"- id: fenna\n"
	"- leeftijd: 41\n"
	"- woonplaats: Tiel\n"
	"- positie: thuis\n"
	"- trede: 1\n"
	"- inkomen: uitkering\n"
	"- kenmerken: laaggeletterd, weinig-digitaal, angstig, schulden\n"
	"\n"
	"## Talenten\n"
	"- kan goed met dieren\n"
	"\n"
	"## Zorgen\n"
	"- brieven met moeilijke woorden\n";

/* A journey that moves up and down the ladder across domains, with
 * letters, decisions, a portal, waits, a reassessment, jargon and a phone
 * number: every rule has something to look at. */
static const char fixed_journey_md[] =
	"# Fenna: van thuis naar werk en terug\n"
	"\n"
	"- persona: fenna\n"
	"- soort: huidig\n"
	"- datum: 2025-01-31\n"
	"\n"
	"## Melding\n"
	"- positie: thuis\n"
	"- actor: consulent, buurtwerker, schuldhulp\n"
	"- emotie: -1\n"
	"- duur: 2 maanden\n"
	"\n"
	"### Contactmomenten\n"
	"- wachttijd: wachten op een gesprek\n"
	"  - duur: 9 weken\n"
	"- beschikking: maatwerkvoorziening toegekend\n"
	"  - toelichting: nee\n"
	"  - tekst: Met ingang van heden wordt u een maatwerkvoorziening in de vorm van zorg in natura toegekend, bel 06-12345678.\n"
	"\n"
	"### Knelpunten\n"
	"- niemand legt de brief uit\n"
	"\n"
	"## Dagbesteding\n"
	"- positie: dagbesteding\n"
	"- actor: begeleider\n"
	"- emotie: 1\n"
	"- duur: 14 maanden\n"
	"\n"
	"### Contactmomenten\n"
	"- brief: uitnodiging\n"
	"  - van: gemeente\n"
	"- portaal: inkomen doorgeven met DigiD\n"
	"\n"
	"## Betaald werk\n"
	"- positie: betaald-werk\n"
	"- actor: werkgever, jobcoach, klantmanager\n"
	"- emotie: 2\n"
	"- duur: 3 maanden\n"
	"\n"
	"### Contactmomenten\n"
	"- overdracht: dossier naar de klantmanager\n"
	"  - warm: nee\n"
	"\n"
	"## Terug naar huis\n"
	"- positie: thuis\n"
	"- emotie: -2\n"
	"\n"
	"### Contactmomenten\n"
	"- herindicatie: opnieuw onderzoek\n"
	"- brief: einde van de uitkering\n"
	"\n"
	"### Knelpunten\n"
	"- niemand belt\n";

static const struct limits limits = {
	.max_file_size = 64 * 1024,
	.max_depth = 16,
	.max_stages = 40,
	.max_touchpoints = 20,
	.max_journey_touchpoints = 40 * 20,
	.max_text = 2000,
	.max_marks = 64 * 1024, /* no more marks than bytes: the size decides */
};

static struct doc *default_chain;
static struct doc *fixed_persona;
static FILE *sink;

const struct limits *
fuzz_limits(void)
{
	return &limits;
}

struct source *
fuzz_source(const char *path, const uint8_t *data, size_t size,
	    struct diags *diags)
{
	return source_from_memory(path, (const char *)data, size, &limits, diags);
}

const struct chain *
fuzz_default_chain(void)
{
	if (default_chain == NULL)
		default_chain = chain_load_default(LANG_EN);
	return default_chain->chain;
}

/* Reads one of the fixed texts; a fault in it is a fault of the harness. */
static struct doc *
read_fixed(const char *path, const char *text, size_t len, enum doc_kind kind,
	   struct diags *diags)
{
	struct source *src = fuzz_source(path, (const uint8_t *)text, len, diags);
	struct doc *doc = src ? read_markdown(src, kind, &limits, diags) : NULL;
	source_free(&src);
	if (doc == NULL || doc->kind != kind) {
		fprintf(stderr, "fuzz: the fixed %s cannot be read\n", path);
		abort();
	}
	check_document(doc, diags);
	return doc;
}

struct doc *
fuzz_read_fixed_persona(struct diags *diags)
{
	return read_fixed("personas/fenna.md", fixed_persona_md,
			  sizeof fixed_persona_md - 1, DOC_PERSONA, diags);
}

struct doc *
fuzz_read_fixed_journey(struct diags *diags)
{
	return read_fixed("journeys/fenna.md", fixed_journey_md,
			  sizeof fixed_journey_md - 1, DOC_JOURNEY, diags);
}

const struct persona *
fuzz_fixed_persona(void)
{
	if (fixed_persona == NULL) {
		struct diags diags;
		diags_init(&diags, LANG_EN);
		fixed_persona = fuzz_read_fixed_persona(&diags);
		check_persona_position(fixed_persona, fuzz_default_chain(), &diags);
		diags_free(&diags);
	}
	return fixed_persona->persona;
}

void
fuzz_check_journey(struct doc *doc, const struct chain *chain,
		   const struct persona *persona, struct diags *diags)
{
	struct journey *j = doc->journey;
	check_journey_positions(doc, chain, diags);
	bool names_one = j->persona.s != NULL && *j->persona.s != '\0';
	j->persona_ref = names_one ? persona : NULL;
	rules_check_journey(doc, j->persona_ref, chain, &(struct rule_config){{0}}, diags);
	diags_tag(diags, 0, j->id.s, j->persona.s);
}

void
fuzz_check_persona(struct doc *doc, const struct chain *chain,
		   struct diags *diags)
{
	check_persona_position(doc, chain, diags);
	rules_check_persona(doc, chain, &(struct rule_config){{0}}, diags);
	diags_tag(diags, 0, NULL, doc->persona->id.s);
}

void
fuzz_check_by_kind(struct doc *doc, struct diags *diags)
{
	if (doc->kind == DOC_PERSONA && doc->persona)
		fuzz_check_persona(doc, fuzz_default_chain(), diags);
	else if (doc->kind == DOC_JOURNEY && doc->journey)
		fuzz_check_journey(doc, fuzz_default_chain(), fuzz_fixed_persona(), diags);
	else if (doc->kind == DOC_CHAIN && doc->chain)
		chain_validate(doc, diags);
}

void
fuzz_markdown(const uint8_t *data, size_t size, const char *path,
	      enum doc_kind kind, enum lang lang)
{
	struct diags diags;
	diags_init(&diags, lang);
	struct source *src = fuzz_source(path, data, size, &diags);
	struct doc *doc = src ? read_markdown(src, kind, &limits, &diags) : NULL;
	source_free(&src);
	if (doc != NULL) {
		check_document(doc, &diags);
		fuzz_export(doc, lang);
		fuzz_check_by_kind(doc, &diags);
	}
	fuzz_print(&diags, doc);
	doc_free(&doc);
	diags_free(&diags);
}

void
fuzz_export(const struct doc *doc, enum lang lang)
{
	if (doc == NULL || doc->broken)
		return;
	struct buf out = {0};
	write_json(doc, &out);
	if (doc->kind != DOC_CHAIN) {
		buf_clear(&out);
		write_markdown(doc, lang, &out);
	}
	buf_free(&out);
}

void
fuzz_print(struct diags *diags, const struct doc *journey)
{
	/* KETEN_FUZZ_SHOW=1 shows the findings, to look into an input. */
	if (sink == NULL && getenv("KETEN_FUZZ_SHOW") != NULL)
		sink = stderr;
	if (sink == NULL && (sink = fopen("/dev/null", "w")) == NULL) {
		perror("fuzz: /dev/null");
		abort();
	}
	struct summary summary = {0};
	if (journey != NULL && journey->kind == DOC_JOURNEY && journey->journey) {
		struct checked_journey cj = {0};
		cj.doc = journey;
		cj.persona = journey->journey->persona_ref;
		cj.findings = diags->items;
		cj.n_findings = diags->n;
		cj.friction = friction_of_journey(diags->items, diags->n, NULL, 0);
		summary_add_journey(&summary, &cj);
	}
	diags_sort(diags);
	struct print_options popts = {true, false, true};
	diag_print_text(sink, diags, &summary, &popts);
	diag_print_json(sink, diags, &summary, false);
	summary_free(&summary);
}

void
fuzz_release(void)
{
	doc_free(&default_chain);
	doc_free(&fixed_persona);
	if (sink != NULL && sink != stderr)
		fclose(sink);
	sink = NULL;
}
