/* journey_md.c - libFuzzer harness: a Markdown journey, read, checked, its stages resolved against the default chain, through the journey rules with the fixed persona and printed. */
#include "fuzz.h"

#include "check.h"
#include "read.h"
#include "source.h"

/* The DOT graph builder goes here too once it lands (see fuzz/README.md). */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct chain *chain = fuzz_default_chain();
	const struct persona *persona = fuzz_fixed_persona();
	struct diags diags;
	diags_init(&diags, LANG_NL);
	struct source *src = fuzz_source("journeys/fuzz.md", data, size, &diags);
	struct doc *doc = src ? read_markdown(src, DOC_JOURNEY, fuzz_limits(), &diags) : NULL;
	source_free(&src);
	if (doc != NULL) {
		check_document(doc, &diags);
		if (doc->kind == DOC_JOURNEY && doc->journey)
			fuzz_check_journey(doc, chain, persona, &diags);
	}
	fuzz_print(&diags, doc);
	doc_free(&doc);
	diags_free(&diags);
	return 0;
}
