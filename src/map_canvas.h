/* map_canvas.h - the small canvas the journey map is drawn onto: groups with classes, rectangles, lines, shapes and one-line texts, with two back ends (cairo in map_draw.c for PNG and PDF, SVG text in map_svg.c). Included by: map_draw.c, map_svg.c. */
#ifndef KETEN_MAP_CANVAS_H
#define KETEN_MAP_CANVAS_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* How a shape is painted: fill and stroke are "#rrggbb" or NULL (none);
 * dashed strokes dash 3, gap 2. */
struct paint {
	const char *fill;
	const char *stroke;
	double width;
	bool dashed;
};

struct point {
	double x, y;
};

/* One line of text, already measured and cut to fit by the drawing
 * (map_draw.c, with pango's metrics): x is its left edge, baseline its
 * baseline, size its font size in points. */
struct canvas_text {
	double x, baseline, size;
	bool bold;
	const char *color;
	const char *text; /* plain UTF-8; the back end escapes it */
};

struct canvas;

struct canvas_ops {
	/* A group of what follows, with a class ("marker impact-2 k003"), until group_close. */
	void (*group_open)(struct canvas *c, const char *cls);
	void (*group_close)(struct canvas *c);
	void (*rect)(struct canvas *c, double x, double y, double w, double h,
		     const struct paint *paint);
	void (*circle)(struct canvas *c, double cx, double cy, double r, const struct paint *paint);
	/* Straight lines through points[0..n); closed joins the last to the first. */
	void (*lines)(struct canvas *c, const struct point *points, size_t n, bool closed,
		      const struct paint *paint);
	void (*text)(struct canvas *c, const struct canvas_text *t);
};

struct canvas {
	const struct canvas_ops *ops;
	void *state; /* the back end's own */
};

/* The SVG back end: an SVG document width x height points whose first
 * children are <title> and <desc> (title and desc already XML-escaped),
 * words written as <text> in the given font family; numbers with at most
 * two decimals and no locale, so the same drawing gives the same bytes.
 * svg_canvas_finish writes the end into out and frees the state. */
void svg_canvas_start(struct canvas *c, struct buf *out, double width, double height,
		      const char *font_family, const char *title, const char *desc);
void svg_canvas_finish(struct canvas *c);

#endif
