/* pathway.h - the pathway diagram of one journey: lanes by ladder rung, stages in time order, transitions and friction markers; built with libcgraph, laid out and rendered with libgvc in this process. Included by the render command; only pathway.c sees Graphviz. */
#ifndef KETEN_PATHWAY_H
#define KETEN_PATHWAY_H

#include "catalog.h"
#include "markers.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

struct buf;

enum image_format { IMAGE_SVG, IMAGE_PNG, IMAGE_PDF, IMAGE_DOT };

/* "svg", "png", "pdf", "dot": the -T value and the file extension. */
const char *image_format_name(enum image_format format);
/* The format named s, or -1. */
int image_format_parse(const char *s);

/* Everything one diagram shows. */
struct pathway {
	const struct journey *journey; /* checked, without structural errors */
	const struct persona *persona; /* NULL when it could not be resolved */
	const struct chain *chain;     /* the model the journey was checked with */
	const struct marker_list *markers;
	enum lang lang;
	bool all_lanes;                /* a lane for every position of the chain */
};

/* Lanes: the positions shown, highest rung first. */
struct lane_set {
	const struct position **pos; /* NULL for the lane of unknown positions */
	size_t n;
	long *stage_lane;            /* lane of each stage */
};

/* Chooses the lanes of p: the positions its stages use (all of the chain's
 * with all_lanes), by rung from high to low, then in the chain's order. */
void lanes_choose(const struct pathway *p, struct lane_set *lanes);
void lanes_free(struct lane_set *lanes);

/* A Graphviz context with its plugins loaded and its fonts warmed up, for
 * one process; not to be shared between threads. */
struct renderer;

/* NULL when Graphviz cannot render `format` (*error says why; caller frees). */
struct renderer *renderer_new(enum image_format format, char **error);
void renderer_free(struct renderer **r);

/* Builds, lays out and renders the diagram of p; out receives the bytes
 * of the file (replacing what it held). Returns 0, or -1 with *error set
 * (caller frees). The same input gives the same bytes. */
int pathway_render(struct renderer *r, const struct pathway *p, struct buf *out,
		   char **error);

#endif
