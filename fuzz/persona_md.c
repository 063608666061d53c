/* persona_md.c - libFuzzer harness: a Markdown persona, read, checked, resolved against the default chain, through the persona rules and printed. */
#include "fuzz.h"

#include "check.h"
#include "read.h"
#include "source.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct chain *chain = fuzz_default_chain();
	struct diags diags;
	diags_init(&diags, LANG_NL);
	struct source *src = fuzz_source("personas/fuzz.md", data, size, &diags);
	struct doc *doc = src ? read_markdown(src, DOC_PERSONA, fuzz_limits(), &diags) : NULL;
	source_free(&src);
	if (doc != NULL) {
		check_document(doc, &diags);
		if (doc->kind == DOC_PERSONA && doc->persona)
			fuzz_check_persona(doc, chain, &diags);
	}
	fuzz_print(&diags, NULL);
	doc_free(&doc);
	diags_free(&diags);
	return 0;
}
