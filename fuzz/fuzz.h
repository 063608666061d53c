/* fuzz.h - what the fuzz harnesses share: small limits, the fixed persona, journey and chain they check against, and the steps after reading that the workspace takes (checks, positions, rules, printing). Included by: fuzz/. */
#ifndef KETEN_FUZZ_H
#define KETEN_FUZZ_H

#include "diag.h"
#include "limits.h"
#include "model.h"

#include <stddef.h>
#include <stdint.h>

/* The entry point each harness defines: libFuzzer calls it, and so does
 * the replay driver (fuzz/replay.c) for the regression corpus. It frees
 * everything it allocates for the input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Limits small enough that every input is dealt with in milliseconds,
 * large enough that the examples pass them. */
const struct limits *fuzz_limits(void);

/* A source of the fuzzed bytes, read as `path` (its extension and folder
 * do not matter to the readers), and read by the reader the harness names. */
struct source *fuzz_source(const char *path, const uint8_t *data, size_t size,
			   struct diags *diags);

/* The embedded default chain, read once and kept for the process. */
const struct chain *fuzz_default_chain(void);

/* The fixed persona, read once and resolved against the default chain. */
const struct persona *fuzz_fixed_persona(void);

/* The fixed persona and journey read afresh, for checks against a chain
 * that lives only as long as one input (the caller frees them). */
struct doc *fuzz_read_fixed_persona(struct diags *diags);
struct doc *fuzz_read_fixed_journey(struct diags *diags);

/* What the workspace does with a journey after check_document: positions
 * against chain, the persona it names (persona stands for any persona
 * named; a journey naming none gets none) and the rules. */
void fuzz_check_journey(struct doc *doc, const struct chain *chain,
			const struct persona *persona, struct diags *diags);

/* The same for a persona: its position against chain, the rules. */
void fuzz_check_persona(struct doc *doc, const struct chain *chain,
			struct diags *diags);

/* By the document's kind: a persona or journey as above, against the
 * default chain (and the fixed persona), a chain model validated. */
void fuzz_check_by_kind(struct doc *doc, struct diags *diags);

/* Reads the bytes as a Markdown file of `kind` (DOC_UNKNOWN: decided by
 * the content), runs check_document, the export writers, the checks by
 * kind and the printing, and frees it all. */
void fuzz_markdown(const uint8_t *data, size_t size, const char *path,
		   enum doc_kind kind, enum lang lang);

/* What `keten export` and `keten chain --dump` do with a document that
 * has no S-errors: write it as JSON and (not a chain) as Markdown. */
void fuzz_export(const struct doc *doc, enum lang lang);

/* Sorts and prints the findings as keten check does, as text and JSON,
 * into /dev/null (to standard error when KETEN_FUZZ_SHOW is set). */
void fuzz_print(struct diags *diags, const struct doc *journey);

/* Frees what is kept for the process (the replay driver calls it last,
 * so that valgrind sees no leak). */
void fuzz_release(void);

#endif
