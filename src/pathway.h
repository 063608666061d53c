/* pathway.h - the pathway diagram of one journey: prepared from the model as plain data (labels, lanes, moves), then built with libcgraph, laid out and rendered with libgvc in this process. Only pathway.c sees Graphviz. Included by: pathway_*.c, pathway_*.h, map.h, gv_shared.h, overview_render.h, render_jobs.c, render_jobs.h, tests/unit/, fuzz/dot_graph.c. */
#ifndef KETEN_PATHWAY_H
#define KETEN_PATHWAY_H

#include "catalog.h"
#include "markers.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

struct buf;

enum image_format { IMAGE_SVG, IMAGE_PNG, IMAGE_PDF, IMAGE_DOT };

/* The accessible head of every SVG keten draws (diagrams, overview,
 * journey map): these attributes on <svg>, then <title> and <desc> as its
 * first children with these ids (the report prefixes them per picture). */
#define SVG_ROOT_ROLE " role=\"img\" aria-labelledby=\"svg-title\" aria-describedby=\"svg-desc\""
#define SVG_TITLE_OPEN "<title id=\"svg-title\">"
#define SVG_DESC_OPEN "<desc id=\"svg-desc\">"

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
	struct friction friction;      /* the journey's, for the title (keten.h) */
};

/* How much a diagram shows (--detail): the compact diagram (a card shows
 * the stage's title, position, duration, emotion, touchpoint symbols and
 * numbered markers; the legend a short line per marker) fits A4 and a
 * projector; the poster shows every text in the cards, for a wall. */
enum detail { DETAIL_COMPACT, DETAIL_POSTER };

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

/* The kind of a transition between consecutive stages. */
enum move { MOVE_UP, MOVE_LEVEL, MOVE_DOWN };
enum move move_between(const struct stage *a, const struct stage *b);
/* 0: same domain (or unknown); 1: another domain under one roof; 2: another domain. */
int domain_change(const struct stage *a, const struct stage *b);

/* The legend comes in parts, each a node of its own (pathway_labels.h). */
#define LEGEND_PARTS 5

/* A node of the diagram: its SVG id (also its Graphviz name), its SVG
 * classes and its HTML-like label; label NULL for a node left out. */
struct spec_node {
	char *id;
	char *classes;
	char *label;
};

/*
 * The diagram as plain data: every user text in it already escaped, so
 * that it can be rendered here or sent to a worker process. Stage i goes
 * in lane stage_lane[i]; move i leads from stage i to stage i + 1.
 *
 * The compact diagram (the default) wraps a longer journey onto rows of
 * at most STAGES_PER_ROW stages; each row has a lane for each position
 * its stages take (lane_row says which row a lane is in), and a card
 * hangs from the top of its lane's band, over the bands below it (its
 * column holds no other card). The poster has one row, each band as high
 * as its tallest card.
 */
#define STAGES_PER_ROW 6
struct pathway_spec {
	enum lang lang;
	bool compact;           /* rows, and cards that hang from their band */
	char *file_name;        /* <journey-id>.<format>, set by the caller */
	char *name;             /* the graph's name: the title on one line */
	char *description;      /* the SVG <desc>, XML-escaped */
	char *svg_classes;      /* "ID\tCLASSES\n" per SVG group with classes */
	struct spec_node title, title_markers;
	struct spec_node legend[LEGEND_PARTS];
	size_t n_lanes;
	struct spec_node *lanes;
	char **bands;           /* "#rrggbb" per lane */
	size_t *lane_row;       /* per lane: its row, 0 first; rows in order */
	size_t n_stages;
	struct spec_node *stages;
	size_t *stage_lane;
	enum move *moves;       /* n_stages - 1 of them */
	int *changes;           /* domain_change() per move */
};

void pathway_prepare(const struct pathway *p, enum detail detail, struct pathway_spec *spec);
void pathway_spec_free(struct pathway_spec *spec);

/* A spec as bytes and back, to hand it to another process. unpack
 * returns -1 (and leaves an empty spec) when the bytes are no spec. */
void pathway_spec_pack(const struct pathway_spec *spec, struct buf *out);
int pathway_spec_unpack(const char *data, size_t len, struct pathway_spec *spec);

/* Graphviz, with its plugins loaded and its fonts warmed up, rendering one
 * format. All renderers of a process share one Graphviz context, freed at
 * exit; libgvc is not thread-safe, so use them from one thread (or fork). */
struct renderer;

/* NULL when Graphviz cannot render `format` (*error says why; caller frees). */
struct renderer *renderer_new(enum image_format format, char **error);
void renderer_free(struct renderer **r);

/* Builds, lays out and renders the diagram; out receives the bytes of the
 * file (replacing what it held). Returns 0, or -1 with *error set (caller
 * frees). The same spec gives the same bytes. */
int pathway_render(struct renderer *r, const struct pathway_spec *spec, struct buf *out,
		   char **error);

/* For the tests: lay every graph out a second time from its "pos"
 * attributes instead of moving the first layout into place. */
void pathway_lay_out_twice(bool always);

#endif
