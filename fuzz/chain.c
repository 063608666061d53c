/* chain.c - libFuzzer harness: a chain model in JSON, read, validated (chain_validate), described and dumped, then the fixed persona and journey checked against it, through the rules, and printed. */
#include "fuzz.h"

#include "chain.h"
#include "check.h"
#include "mem.h"
#include "read.h"
#include "source.h"

#include <stdlib.h>

/* What `keten chain` prints and the hints list; exercised, then dropped. */
static void
describe(const struct chain *chain, enum lang lang)
{
	struct buf out = {0};
	chain_describe(chain, lang, &out);
	buf_free(&out);
	free(chain_position_list(chain));
}

/* The fixed documents against the fuzzed chain, as the workspace checks
 * personas and journeys against the chain in force. */
static void
check_fixed_against(const struct chain *chain, struct diags *diags)
{
	struct doc *persona = fuzz_read_fixed_persona(diags);
	fuzz_check_persona(persona, chain, diags);
	struct doc *journey = fuzz_read_fixed_journey(diags);
	fuzz_check_journey(journey, chain, persona->persona, diags);
	fuzz_print(diags, journey);
	doc_free(&journey);
	doc_free(&persona);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags diags;
	diags_init(&diags, LANG_NL);
	struct source *src = fuzz_source("chains/fuzz.json", data, size, &diags);
	struct doc *doc = src ? read_json(src, fuzz_limits(), &diags) : NULL;
	source_free(&src);
	if (doc != NULL)
		check_document(doc, &diags);
	if (doc != NULL && doc->kind == DOC_CHAIN && doc->chain) {
		chain_validate(doc, &diags);
		describe(doc->chain, LANG_NL);
		describe(doc->chain, LANG_EN);
		fuzz_export(doc, LANG_NL);
		check_fixed_against(doc->chain, &diags);
	} else {
		fuzz_print(&diags, NULL);
	}
	doc_free(&doc);
	diags_free(&diags);
	return 0;
}
