/* map_svg.c - the journey map's SVG back end (map_canvas.h): groups with classes, shapes and words as <text>, numbers without locale, the same bytes for the same drawing. */
#include "map_canvas.h"

#include "mem.h"
#include "map.h"
#include "render_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct svg_state {
	struct buf *out;
	int depth; /* open groups, for the indentation */
};

/* A number with at most two decimals, as "12", "12.5" or "-0.25": no
 * locale, no exponent, no "-0". */
static void
put_num(struct buf *out, double v)
{
	long hundredths = lround(v * 100);
	if (hundredths < 0) {
		buf_putc(out, '-');
		hundredths = -hundredths;
	}
	buf_printf(out, "%ld", hundredths / 100);
	long frac = hundredths % 100;
	if (frac == 0)
		return;
	if (frac % 10 == 0)
		buf_printf(out, ".%ld", frac / 10);
	else
		buf_printf(out, ".%02ld", frac);
}

static void
put_attr_num(struct buf *out, const char *name, double v)
{
	buf_printf(out, " %s=\"", name);
	put_num(out, v);
	buf_putc(out, '"');
}

static void
indent(struct svg_state *s)
{
	for (int i = 0; i <= s->depth; i++)
		buf_putc(s->out, ' ');
}

static void
put_paint(struct buf *out, const struct paint *p)
{
	buf_printf(out, " fill=\"%s\"", p->fill ? p->fill : "none");
	if (p->stroke == NULL)
		return;
	buf_printf(out, " stroke=\"%s\"", p->stroke);
	put_attr_num(out, "stroke-width", p->width);
	if (p->dashed)
		buf_puts(out, " stroke-dasharray=\"3 2\"");
}

static void
svg_group_open(struct canvas *c, const char *cls)
{
	struct svg_state *s = c->state;
	indent(s);
	buf_puts(s->out, "<g class=\"");
	esc_append(s->out, cls, strlen(cls), ESC_XML);
	buf_puts(s->out, "\">\n");
	s->depth++;
}

static void
svg_group_close(struct canvas *c)
{
	struct svg_state *s = c->state;
	s->depth--;
	indent(s);
	buf_puts(s->out, "</g>\n");
}

static void
svg_rect(struct canvas *c, double x, double y, double w, double h, const struct paint *paint)
{
	struct svg_state *s = c->state;
	indent(s);
	buf_puts(s->out, "<rect");
	put_attr_num(s->out, "x", x);
	put_attr_num(s->out, "y", y);
	put_attr_num(s->out, "width", w);
	put_attr_num(s->out, "height", h);
	put_paint(s->out, paint);
	buf_puts(s->out, "/>\n");
}

static void
svg_circle(struct canvas *c, double cx, double cy, double r, const struct paint *paint)
{
	struct svg_state *s = c->state;
	indent(s);
	buf_puts(s->out, "<circle");
	put_attr_num(s->out, "cx", cx);
	put_attr_num(s->out, "cy", cy);
	put_attr_num(s->out, "r", r);
	put_paint(s->out, paint);
	buf_puts(s->out, "/>\n");
}

static void
svg_lines(struct canvas *c, const struct point *points, size_t n, bool closed,
	  const struct paint *paint)
{
	struct svg_state *s = c->state;
	indent(s);
	if (n == 2 && !closed) {
		buf_puts(s->out, "<line");
		put_attr_num(s->out, "x1", points[0].x);
		put_attr_num(s->out, "y1", points[0].y);
		put_attr_num(s->out, "x2", points[1].x);
		put_attr_num(s->out, "y2", points[1].y);
		put_paint(s->out, paint);
		buf_puts(s->out, "/>\n");
		return;
	}
	buf_puts(s->out, closed ? "<polygon points=\"" : "<polyline points=\"");
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(s->out, ' ');
		put_num(s->out, points[i].x);
		buf_putc(s->out, ',');
		put_num(s->out, points[i].y);
	}
	buf_putc(s->out, '"');
	put_paint(s->out, paint);
	buf_puts(s->out, "/>\n");
}

static void
svg_text(struct canvas *c, const struct canvas_text *t)
{
	struct svg_state *s = c->state;
	indent(s);
	buf_puts(s->out, "<text");
	put_attr_num(s->out, "x", t->x);
	put_attr_num(s->out, "y", t->baseline);
	put_attr_num(s->out, "font-size", t->size);
	if (t->bold)
		buf_puts(s->out, " font-weight=\"bold\"");
	buf_printf(s->out, " fill=\"%s\">", t->color);
	esc_append(s->out, t->text, strlen(t->text), ESC_XML);
	buf_puts(s->out, "</text>\n");
}

static const struct canvas_ops svg_ops = {
	svg_group_open, svg_group_close, svg_rect, svg_circle, svg_lines, svg_text,
};

void
svg_canvas_start(struct canvas *c, struct buf *out, double width, double height,
		 const char *font_family, const char *title, const char *desc)
{
	struct svg_state *s = xcalloc(1, sizeof *s);
	s->out = out;
	c->ops = &svg_ops;
	c->state = s;
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"");
	buf_puts(out, " width=\"");
	put_num(out, width);
	buf_puts(out, "pt\" height=\"");
	put_num(out, height);
	buf_puts(out, "pt\" viewBox=\"0 0 ");
	put_num(out, width);
	buf_putc(out, ' ');
	put_num(out, height);
	buf_puts(out, "\"" SVG_ROOT_ROLE ">\n");
	buf_printf(out, SVG_TITLE_OPEN "%s</title>\n" SVG_DESC_OPEN "%s</desc>\n", title, desc);
	buf_printf(out, "<g class=\"map\" font-family=\"%s\">\n", font_family);
}

void
svg_canvas_finish(struct canvas *c)
{
	struct svg_state *s = c->state;
	buf_puts(s->out, "</g>\n</svg>\n");
	free(s);
	c->state = NULL;
}
