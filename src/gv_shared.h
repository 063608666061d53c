/* gv_shared.h - what the Graphviz renderers share: the one Graphviz context of the process, the device of each image format, and the final touches that make output bytes describable and deterministic. It includes gvc.h. Included by: overview_render.c, pathway.c. */
#ifndef KETEN_GV_SHARED_H
#define KETEN_GV_SHARED_H

#include "pathway.h"

#include <gvc.h>

struct buf;

/* The Graphviz context every renderer of the process uses, created on
 * first use and freed at exit; NULL when Graphviz cannot start. The pango
 * plugin keeps font state in static variables that point into the first
 * context, so a context made after another was freed reads freed memory:
 * hence one context for all. Not thread-safe, like libgvc itself. */
GVC_t *gv_shared_context(void);

/* Graphviz's own messages are collected, not printed on standard error,
 * from gv_messages_start to gv_messages_stop (one drawing at a time);
 * gv_messages_error gives the line to show when a drawing failed ("?" when
 * Graphviz said nothing). Caller frees. */
void gv_messages_start(void);
char *gv_messages_error(enum lang lang);
void gv_messages_stop(void);

/* The Graphviz device that renders `format`: cairo for PNG and PDF. */
const char *gv_device(enum image_format format);

/* SVG: adds <desc>description</desc> (already XML-escaped) right after
 * the graph's <title>; nothing when there is no such title. */
void gv_svg_add_description(struct buf *svg, const char *description);

/* PDF: cairo writes the time of the run as /CreationDate; it is blanked
 * out (spaces of the same length, so that the cross-reference offsets stay
 * right) to give the same bytes for the same input. */
void gv_pdf_blank_dates(struct buf *pdf);

#endif
