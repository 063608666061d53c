/* persona_md.c - libFuzzer harness: a Markdown persona, read, checked, exported, resolved against the default chain, through the persona rules and printed; then the same bytes as a file of no known folder, its kind decided by its content. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_markdown(data, size, "personas/fuzz.md", DOC_PERSONA, LANG_NL);
	fuzz_markdown(data, size, "notes/fuzz.md", DOC_UNKNOWN, LANG_EN);
	return 0;
}
