/* pathway_measure.h - the Graphviz context of the renderer, with a memory in front of its text measuring: each text is measured once per font and process. No Graphviz header needed. Included by: gv_shared.c, pathway.c, tests/unit/. */
#ifndef KETEN_PATHWAY_MEASURE_H
#define KETEN_PATHWAY_MEASURE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Graphviz measures every span of label text with its text layout plugin
 * (pango), and that is the dearest part of a layout. The same texts come
 * back again and again (codes, short names, symbols, legend headings, the
 * same touchpoint titles in journey after journey), so a text layout
 * plugin of our own stands in front of pango's: it asks pango once per
 * font, size, style and text and gives the remembered size after that,
 * the very numbers pango gave, so the diagram does not change.
 *
 * Pango also hands back its layout, which only the cairo renderers (PNG,
 * PDF) draw with; so sizes are remembered only while measure_remember is
 * on, which the renderer does for SVG and DOT.
 */

/* A new Graphviz context with the memory in front of pango's measuring;
 * a plain context when pango's plugin cannot be found; NULL when no
 * context can be made. */
struct GVC_s *measure_context(void);

/* Whether remembered sizes are used (off at the start). */
void measure_remember(bool on);

/* For the tests: ask pango every time, whatever measure_remember says. */
void measure_bypass(bool always);

/* Counts for the tests and for tuning: texts measured by pango, and sizes
 * given from memory. */
struct measure_counts {
	size_t measured, remembered, entries;
};
struct measure_counts measure_counts(void);

/* Forgets every size (the memory is freed; it starts again empty). */
void measure_forget(void);

#endif
