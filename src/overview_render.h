/* overview_render.h - drawing the chain overview with Graphviz (dot layout, in this process) as SVG, PNG, PDF or DOT. Included by: cmd_main.c, cmd_overview.c, tests/unit/. */
#ifndef KETEN_OVERVIEW_RENDER_H
#define KETEN_OVERVIEW_RENDER_H

#include "catalog.h"
#include "overview.h"
#include "pathway.h"

struct buf;

/*
 * Builds the overview graph of ov, lays it out and renders it; out gets
 * the bytes of the file (replacing what it held). Every position of the
 * chain in ladder order (lowest rung at the bottom), an edge per pair of
 * positions with transitions (label: the count; thicker when more
 * frequent; dashed for a relapse), positions and edges coloured by the
 * friction that sits there, and a caption with the numbers. Uses the
 * process's one Graphviz context (gv_shared.h): call it from one thread,
 * and not while a render worker is being forked. The same overview gives
 * the same bytes. Returns 0, or -1 with *error (caller frees).
 */
int overview_render(const struct overview *ov, enum image_format format, enum lang lang,
		    struct buf *out, char **error);

#endif
