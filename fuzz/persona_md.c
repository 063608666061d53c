/* persona_md.c - libFuzzer harness: a Markdown persona, read, checked, exported, resolved against the default chain, through the persona rules and printed; then the same bytes as a file of no known folder, its kind decided by its content, and as the report's title page (werkruimte.md). */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_markdown(data, size, "personas/fuzz.md", DOC_PERSONA, LANG_NL);
	fuzz_markdown(data, size, "notes/fuzz.md", DOC_UNKNOWN, LANG_EN);
	fuzz_markdown(data, size, "werkruimte.md", DOC_WORKSPACE, LANG_NL);
	return 0;
}
