/* write.h - writing a document back out: the keten/1 JSON form and Markdown, lossless for everything the model holds. Included by: cmd_chain.c, cmd_export.c, write_json.c, write_md.c, tests/unit/, fuzz/fuzz.c. */
#ifndef KETEN_WRITE_H
#define KETEN_WRITE_H

#include "catalog.h"
#include "mem.h"
#include "model.h"

/* Appends doc (persona, journey or chain) as keten/1 JSON to out. */
void write_json(const struct doc *doc, struct buf *out);

/* Appends a persona or journey as Markdown, keys in lang, to out. For a
 * document read from Markdown, reading the result back gives the same
 * model, and so the same JSON; docs/formats.md lists what a JSON document
 * cannot carry into Markdown (empty values, commas inside list values,
 * newlines inside one-line values). */
void write_markdown(const struct doc *doc, enum lang lang, struct buf *out);

#endif
