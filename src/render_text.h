/* render_text.h - the one place where user text is made safe for Graphviz: escaping for HTML-like labels and SVG, wrapping into lines, and plain one-line names. Included by: compare_out.c, gv_shared.c, html.c, map*.c, overview_render.c, pathway*.c, report.c, tests/unit/. */
#ifndef KETEN_RENDER_TEXT_H
#define KETEN_RENDER_TEXT_H

#include <stddef.h>

struct buf;

/* Where escaped text goes. */
enum esc_context {
	ESC_LABEL, /* text or an attribute value (TOOLTIP) of an HTML-like
		    * label: Graphviz replaces \N, \G, \E, \L … in both, after
		    * decoding entities, so backslashes are doubled as well */
	ESC_XML,   /* XML text Graphviz never sees (the SVG <desc>) */
};

/*
 * Appends s[0..len) to out so that Graphviz shows it as the same text and
 * nothing else, except personal data (BSNs, e-mail addresses, phone
 * numbers: rule K012), which every function here masks as personal.h does: & < > " ' become entities (and, for ESC_LABEL, ']' becomes
 * "&#93;", which Graphviz cannot read alone, and a backslash becomes two); tabs, line breaks and other
 * control characters (C0, DEL, C1) become a space; bidirectional override
 * and isolate marks are dropped (they could turn the text around); the
 * non-characters U+FFFE and U+FFFF and invalid UTF-8 bytes become U+FFFD.
 * Every other character, ë € ’ included, is copied as UTF-8.
 */
void esc_append(struct buf *out, const char *s, size_t len, enum esc_context ctx);

/*
 * Appends s wrapped into lines of at most `width` characters, escaped as
 * ESC_LABEL and joined by <BR ALIGN="LEFT"/>. White space runs (line
 * breaks included) count as one space; a word longer than the width is
 * cut into pieces of the width. At most max_lines lines: when the text
 * does not fit, the last line ends in "…". Appends nothing for an empty or
 * blank text. Returns the number of lines appended.
 */
size_t esc_wrap(struct buf *out, const char *s, size_t width, size_t max_lines);

/*
 * The text on one line for a name Graphviz prints itself (the graph name,
 * the SVG <title>): control characters and white space runs become one
 * space, bidirectional marks are dropped, invalid UTF-8 becomes U+FFFD,
 * the ends are trimmed, and after max_chars characters it is cut with
 * "…". Caller frees.
 */
char *esc_plain(const char *s, size_t max_chars);

/*
 * esc_plain for the graph's name, which Graphviz writes as it is into the
 * DOT file and, through its own XML escaping, into the SVG <title>: '&'
 * becomes "&amp;" (Graphviz leaves "&name;" alone, and an entity SVG does
 * not know makes the file unreadable) and '\' becomes "\\" (Graphviz
 * writes a backslash before a quote or the closing quote as it is, and
 * cannot read the DOT back). Caller frees.
 */
char *esc_graph_name(const char *s, size_t max_chars);

#endif
