/* read.h - the two readers, Markdown (libcmark) and JSON (cJSON), from a source into a document of the model. Included by: read_md.c, read_md_item.h, read_json.c, read_json_value.h, chain.c, preload.c, workspace*.c, tests/unit/, fuzz/. */
#ifndef KETEN_READ_H
#define KETEN_READ_H

#include "diag.h"
#include "limits.h"
#include "model.h"
#include "source.h"

/*
 * Contract shared by both readers:
 * - They report through diags only, and return NULL when the file is
 *   refused: JSON syntax, nesting beyond the limit, or more stages or
 *   touchpoints than allowed (the one S009 says all). Otherwise they return
 *   a document; doc->broken is set when they reported an S-error. A JSON
 *   document that names no persona, journey or chain has kind DOC_UNKNOWN.
 * - They point src->file at the document's copy of the path, so that every
 *   location stays valid after the source is freed.
 * - Ids not written in the file stay NULL; check_document() derives them.
 * - Required values that are absent stay NULL and are reported by
 *   check_document(), except that the Markdown reader reports a missing
 *   level-1 heading itself and then sets the name or title to "".
 * - A value that cannot be parsed is reported (S005) and not stored; an
 *   unknown key is reported (S006) and kept as a note "key: value".
 */

/* kind is DOC_PERSONA, DOC_JOURNEY or DOC_WORKSPACE (the report's title
 * page), or DOC_UNKNOWN to decide between the first two from the content
 * (a journey names a persona in its attribute list). */
struct doc *read_markdown(struct source *src, enum doc_kind kind,
			  const struct limits *limits, struct diags *diags);

/* While on, the Markdown reader keeps its working memory on the calling
 * thread from one read to the next (at most a few megabytes), for threads
 * that read many files; turning it off gives that memory back. Off by
 * default; a thread that turned it on turns it off before it ends. */
void read_markdown_reuse(bool on);

/* The kind comes from the member present: persona, journey or chain. */
struct doc *read_json(struct source *src, const struct limits *limits,
		      struct diags *diags);

#endif
