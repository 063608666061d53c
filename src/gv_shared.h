/* gv_shared.h - what the Graphviz renderers share: the one Graphviz context of the process, the device of each image format, and rendering a laid-out graph to bytes that are described and deterministic (it includes gvc.h). Included by: pathway.c, overview_render.c. */
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

/*
 * Renders the laid-out graph g in `format` into out (replacing what it
 * held), with the final touches every image gets: an SVG is <svg
 * role="img"> whose first children are <title id="svg-title"> (the graph's
 * name) and <desc id="svg-desc">description</desc> (already XML-escaped;
 * only SVG reads it), named by aria-labelledby and aria-describedby; the
 * <title> Graphviz gives each node and edge (its id) is left out, so that
 * a hover shows no machine id; and each group <g id="ID"> named in classes
 * ("ID\tCLASSES\n" lines, or NULL) gets class="CLASSES". A PDF has cairo's
 * /CreationDate and /ModDate blanked out (spaces of the same length, so
 * that the cross-reference offsets stay right) to give the same bytes for
 * the same input. Returns 0, or -1 when Graphviz fails (its message is
 * collected as gv_messages_start says).
 */
int gv_render_bytes(GVC_t *gvc, Agraph_t *g, enum image_format format,
		    const char *description, const char *classes, struct buf *out);

#endif
