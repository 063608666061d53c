/* journey_md.c - libFuzzer harness: a Markdown journey, read, checked, exported, its stages resolved against the default chain, through the journey rules with the fixed persona and printed. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_markdown(data, size, "journeys/fuzz.md", DOC_JOURNEY, LANG_NL);
	/* The DOT graph builder gets its own harness once it lands
	 * (fuzz/README.md). */
	return 0;
}
