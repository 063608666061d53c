/* html.h - the one escape for the HTML keten writes: user text made safe as element text or a quoted attribute value, with personal data masked. Included by: report.c, report_page.c, report_summary.c, compare_out.c, tests/unit/, tests/scaling/. */
#ifndef KETEN_HTML_H
#define KETEN_HTML_H

#include "catalog.h"

#include <stddef.h>

struct buf;

/*
 * Appends s to out as HTML: & < > " ' become entities, so the result is
 * safe both as element text and inside a quoted attribute value (alt="…",
 * id="…"); control characters become a space, bidirectional marks are
 * dropped, invalid UTF-8 becomes U+FFFD, and personal data (rule K012) is
 * masked, exactly as esc_append does for ESC_XML. A NULL s appends nothing.
 */
void html_text(struct buf *out, const char *s);

/* html_text for the len bytes at s (no NUL needed). */
void html_text_len(struct buf *out, const char *s, size_t len);

/* html_text for the report's visible text in language lang: long words
 * also get soft hyphens (hyphenate.h). Not for attributes, ids, <title>,
 * CSS or SVG. */
void html_words(struct buf *out, const char *s, enum lang lang);

/* html_words for the len bytes at s. */
void html_words_len(struct buf *out, const char *s, size_t len, enum lang lang);

/* Appends an SVG document inline: from its <svg element on, with every id
 * and every reference to one (id=", url(#, href="#) given the prefix, so
 * that several diagrams on one page keep their ids apart. Linear in the
 * size of the SVG. Nothing is appended when svg holds no <svg. */
void html_inline_svg(struct buf *out, const char *svg, const char *prefix);

#endif
