/* json.c - libFuzzer harness: a keten/1 JSON file of any kind, read, checked and, by its content, taken through the persona or journey checks and rules against the default chain, or validated as a chain model; then printed. */
#include "fuzz.h"

#include "chain.h"
#include "check.h"
#include "read.h"
#include "source.h"

static void
check_by_kind(struct doc *doc, struct diags *diags)
{
	if (doc->kind == DOC_PERSONA && doc->persona)
		fuzz_check_persona(doc, fuzz_default_chain(), diags);
	else if (doc->kind == DOC_JOURNEY && doc->journey)
		fuzz_check_journey(doc, fuzz_default_chain(), fuzz_fixed_persona(), diags);
	else if (doc->kind == DOC_CHAIN && doc->chain)
		chain_validate(doc, diags);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct source *src = fuzz_source("fuzz.json", data, size, &diags);
	struct doc *doc = src ? read_json(src, fuzz_limits(), &diags) : NULL;
	source_free(&src);
	if (doc != NULL) {
		check_document(doc, &diags);
		check_by_kind(doc, &diags);
	}
	fuzz_print(&diags, doc);
	doc_free(&doc);
	diags_free(&diags);
	return 0;
}
