/* map.h - the journey map of one journey: stages as columns, with rows for the chain position, the emotion curve, touchpoints, friction markers, pain points and opportunities; prepared as plain data (map.c) and drawn with cairo and pango as SVG, PNG or PDF (map_draw.c, the one place that sees cairo). Included by: map*.c, cmd_render.c, cmd_main.c, tests/unit/. */
#ifndef KETEN_MAP_H
#define KETEN_MAP_H

#include "catalog.h"
#include "pathway.h"

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct checked_journey;
struct outdir;

/* A numbered friction marker (impact 1-3) or question (?n). */
struct map_mark {
	int number;
	int impact;    /* 0 for a question */
	bool question;
	char code[8];  /* the rule in lower case, "k013": the SVG's class */
};

/* A line of text with its symbol: a touchpoint, a pain point, an
 * opportunity or a good event (good: drawn in green). */
struct map_item {
	const char *symbol; /* static; UTF-8 */
	char *text;         /* plain text, not escaped */
	bool good;
	const char *kind;   /* static: a touchpoint's kind ("letter"), or NULL */
	bool marked;        /* a pain point a finding (K013) reports: mark */
	struct map_mark mark;
};

struct map_items {
	struct map_item *items;
	size_t n, cap;
};

struct map_marks {
	struct map_mark *items;
	size_t n, cap;
};

/* One column. */
struct map_stage {
	char *title;          /* the heading, or the stage id */
	char *meta;           /* "14 dagen", or "" */
	char *position;       /* the position's label, or "unknown position" */
	long rung;            /* 1-6; 0 when the position is unknown */
	char color[8];        /* the domain's colour, "#rrggbb" */
	bool relapse;         /* a step down the ladder from the stage before */
	bool has_emotion;
	long emotion;         /* -2..2 when has_emotion */
	struct map_items touchpoints, pains, chances; /* chances: opportunities
						       * and good events */
	struct map_marks marks;
};

/* The whole map, every text plain (the drawing escapes nothing: pango is
 * given text, not markup). */
struct map_spec {
	enum lang lang;
	char *id;         /* the journey's id, for the file name */
	char *title;
	char *subtitle;   /* persona, region, as-is or to-be */
	char *counts;     /* "7 etappes · 4 knelpunten · frictiescore 9" */
	char *svg_title;  /* the SVG's <title> and <desc>, XML-escaped */
	char *svg_desc;
	struct map_marks journey_marks; /* findings about the journey as a whole */
	size_t n_stages;
	struct map_stage *stages;
	const struct chain *chain; /* its impact colours (palette.h); borrowed */
};

/* The map of p (p->all_lanes is not used). */
void map_prepare(const struct pathway *p, struct map_spec *spec);
void map_spec_free(struct map_spec *spec);

/* The file name of a journey's map: "<journey-id>.map.<format>". Caller frees. */
char *map_file_name(const char *journey_id, enum image_format format);

/* Stages per band: a journey with more stages wraps onto further bands
 * (further pages of a PDF; in SVG and PNG below each other, a page's
 * height apart, so that a print breaks between them), each band 842 x 540
 * pt, which fits an A4 landscape page and a 1920 x 1080 screen, so no text
 * ever shrinks. */
#define MAP_STAGES_PER_BAND 10

/*
 * Draws the map in format (IMAGE_SVG, IMAGE_PNG or IMAGE_PDF); out
 * receives the bytes of the file (replacing what it held). A band is
 * 842 x 540 pt (a PDF page is A4 landscape, 842 x 595, with the band in
 * its middle); the smallest text is 7 pt; a PNG is 1920
 * pixels wide. The same spec gives the same bytes. Returns 0, or -1 with
 * *error set (caller frees), also for IMAGE_DOT.
 */
int map_draw(const struct map_spec *spec, enum image_format format, struct buf *out,
	     char **error);

/* The map of a checked journey (not a broken one), with the markers of
 * the rules not disabled: map_prepare on it. Nothing of cj is kept. */
void map_of(const struct checked_journey *cj, const bool disabled[CODE__MAX], enum lang lang,
	    struct map_spec *spec);

/* Draws the map and writes it into out as map_file_name names it.
 * Returns 0, or -1 with *error (caller frees) naming the file. */
int map_write(const struct map_spec *spec, enum image_format format, struct outdir *out,
	      char **error);

#endif
