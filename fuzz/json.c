/* json.c - libFuzzer harness: a keten/1 JSON file of any kind, read, checked, exported and, by its content, taken through the persona or journey checks and rules against the default chain, or validated as a chain model; then printed. */
#include "fuzz.h"

#include "check.h"
#include "read.h"
#include "source.h"

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
		fuzz_check_by_kind(doc, &diags);
		fuzz_export(doc, LANG_EN);
	}
	fuzz_print(&diags, doc);
	doc_free(&doc);
	diags_free(&diags);
	return 0;
}
