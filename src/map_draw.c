/* map_draw.c - draws a journey map (map.h) with cairo and pango: one drawing function for SVG, PNG and PDF, with real font metrics and the same bytes for the same map. */
#include "map.h"

#include "mem.h"
#include "palette.h"
#include "pathway_labels.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The geometry, in points. A band is an A4 landscape page. */
#define PAGE_W 842.0
#define PAGE_H 595.0
#define MARGIN 22.0
#define HEAD_W 92.0   /* the column of row names */
#define MIN_COLUMNS 5 /* a short journey's columns are no wider than this many */
#define PNG_WIDTH 1920.0

/* Font sizes: nothing under 7 pt. */
#define SIZE_TITLE 13.0
#define SIZE_SUB 8.0
#define SIZE_ROW 8.0
#define SIZE_STAGE 8.0
#define SIZE_TEXT 7.0
#define LINE 9.5      /* a line of SIZE_TEXT text */
#define FONT "DejaVu Sans"

/* The rows, top to bottom, and their heights. */
enum row { ROW_STAGE, ROW_POSITION, ROW_EMOTION, ROW_TOUCHPOINTS, ROW_FRICTION,
	   ROW_PAINS, ROW_CHANCES, ROW__MAX };
static const double row_height[ROW__MAX] = {44, 84, 72, 76, 52, 64, 64};
#define TITLE_H 46.0
#define PLOT_H 54.0   /* the step line's area in ROW_POSITION */
#define MARK 13.0     /* a marker's size */
#define EMOTION_STEP 12.0 /* one step of emotion; the word "unknown" goes above +2 */
#define MARKS_PER_LINE 4
#define MARK_LINES 3

/* Every colour comes from the one palette (palette.def). */
#define COLOR_TEXT colour_hex(COLOUR_TEXT)
#define COLOR_RULE colour_hex(COLOUR_MAP_RULE)
#define COLOR_ROW_BAND colour_hex(COLOUR_MAP_ROW_BAND)
#define COLOR_AXIS colour_hex(COLOUR_MAP_AXIS)
#define COLOR_CURVE colour_hex(COLOUR_MAP_CURVE)
#define COLOR_MOVE_DOWN colour_hex(COLOUR_MOVE_DOWN)
#define COLOR_MOVE_LEVEL colour_hex(COLOUR_MOVE_LEVEL)
#define GREY_TEXT colour_hex(COLOUR_GREY_TEXT)
#define OPPORTUNITY_STRONG colour_hex(COLOUR_OPPORTUNITY_STRONG)
#define QUESTION_FILL colour_hex(COLOUR_QUESTION_FILL)
#define QUESTION_TEXT colour_hex(COLOUR_QUESTION_TEXT)

/* The fixed creation date of every PDF, so that its bytes do not change. */
#define PDF_DATE "2000-01-01T00:00:00Z"

struct ink {
	cairo_t *cr;
	PangoContext *pango;
	const struct map_spec *spec;
	double col_w;  /* width of a stage's column */
	double top;    /* top of the band */
	size_t first;  /* the band's first stage */
	size_t n;      /* stages in the band */
};

/* --- small pieces --- */

static void
set_color(cairo_t *cr, const char *hex)
{
	unsigned r = 0, g = 0, b = 0;
	if (hex == NULL || sscanf(hex, "#%2x%2x%2x", &r, &g, &b) != 3)
		r = g = b = 0x66;
	cairo_set_source_rgb(cr, r / 255.0, g / 255.0, b / 255.0);
}

static double
row_top(const struct ink *k, enum row row)
{
	double y = k->top + MARGIN + TITLE_H;
	for (int r = 0; r < (int)row; r++)
		y += row_height[r];
	return y;
}

static double
col_left(const struct ink *k, size_t i)
{
	return MARGIN + HEAD_W + (double)(i - k->first) * k->col_w;
}

/* A layout of text in the map's font: width 0 means no wrapping; lines
 * caps the lines (the last one ends in an ellipsis). */
static PangoLayout *
layout_new(const struct ink *k, const char *text, double size, bool bold, double width,
	   int lines)
{
	PangoLayout *layout = pango_layout_new(k->pango);
	PangoFontDescription *font = pango_font_description_from_string(FONT);
	pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
	pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	if (width > 0) {
		pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
		pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(layout, -(lines > 0 ? lines : 1));
	}
	pango_layout_set_text(layout, text, -1);
	return layout;
}

/* Draws text with its top left at (x, y); returns its height. */
static double
draw_text(const struct ink *k, double x, double y, const char *text, double size, bool bold,
	  double width, int lines, const char *color)
{
	PangoLayout *layout = layout_new(k, text, size, bold, width, lines);
	set_color(k->cr, color);
	cairo_move_to(k->cr, x, y);
	pango_cairo_show_layout(k->cr, layout);
	int w, h;
	pango_layout_get_size(layout, &w, &h);
	g_object_unref(layout);
	return (double)h / PANGO_SCALE;
}

static double
text_width(const struct ink *k, const char *text, double size, bool bold)
{
	PangoLayout *layout = layout_new(k, text, size, bold, 0, 0);
	int w, h;
	pango_layout_get_size(layout, &w, &h);
	g_object_unref(layout);
	return (double)w / PANGO_SCALE;
}

/* Text centred on (cx, cy). */
static void
draw_centred(const struct ink *k, double cx, double cy, const char *text, double size,
	     bool bold, const char *color)
{
	PangoLayout *layout = layout_new(k, text, size, bold, 0, 0);
	PangoRectangle ink, logical;
	pango_layout_get_extents(layout, &ink, &logical);
	set_color(k->cr, color);
	cairo_move_to(k->cr, cx - (double)logical.width / PANGO_SCALE / 2,
		      cy - (double)logical.height / PANGO_SCALE / 2);
	pango_cairo_show_layout(k->cr, layout);
	g_object_unref(layout);
}

/* --- markers: impact by shape as well as colour --- */

/* A triangle is this much wider than the other shapes (half its width
 * over a marker's half size), so that a number fits in it. */
#define TRIANGLE_WIDTH 1.4

/* The width of an impact's shape of the given size. */
static double
impact_shape_width(int impact, double size)
{
	return strcmp(impact_style_of(NULL, impact).shape, "triangle") == 0 ? size * TRIANGLE_WIDTH : size;
}

/* The outline of an impact's shape as palette.def names it (the same
 * shapes as the diagrams' glyphs: circle, triangle, hexagon), centred on
 * (cx, cy); the text inside sits at cy. */
static void
impact_shape(cairo_t *cr, int impact, double cx, double cy, double size)
{
	const char *shape = impact_style_of(NULL, impact).shape;
	double r = size / 2;
	cairo_new_path(cr);
	if (strcmp(shape, "triangle") == 0) {
		/* pointing up, wide enough below the middle for a number */
		cairo_move_to(cr, cx, cy - r * 1.45);
		cairo_line_to(cr, cx + r * TRIANGLE_WIDTH, cy + r * 0.95);
		cairo_line_to(cr, cx - r * TRIANGLE_WIDTH, cy + r * 0.95);
		cairo_close_path(cr);
	} else if (strcmp(shape, "hexagon") == 0) {
		/* pointed top and bottom, as the glyph U+2B22 */
		for (int corner = 0; corner < 6; corner++) {
			double angle = G_PI / 2 + corner * G_PI / 3;
			double px = cx + r * 1.12 * cos(angle), py = cy - r * 1.12 * sin(angle);
			if (corner == 0)
				cairo_move_to(cr, px, py);
			else
				cairo_line_to(cr, px, py);
		}
		cairo_close_path(cr);
	} else {
		cairo_arc(cr, cx, cy, r, 0, 2 * G_PI);
	}
}

/* How far below the shape's centre its number sits (lower in a triangle,
 * where it is wider). */
static double
text_drop(int impact, double size)
{
	return strcmp(impact_style_of(NULL, impact).shape, "triangle") == 0 ? size * 0.12 : 0;
}

/* Fills and outlines an impact's shape in its palette colours. */
static void
fill_impact_shape(cairo_t *cr, const struct chain *chain, int impact, double cx, double cy,
		  double size)
{
	impact_shape(cr, impact, cx, cy, size);
	set_color(cr, impact_style_of(chain, impact).fill);
	cairo_fill_preserve(cr);
	set_color(cr, COLOR_TEXT);
	cairo_set_line_width(cr, 0.8);
	cairo_stroke(cr);
}

/* Draws a marker with its left edge at x, centred on cy; returns its width. */
static double
draw_mark(const struct ink *k, double x, double cy, const struct map_mark *m)
{
	char number[16];
	cairo_t *cr = k->cr;
	if (m->question) {
		snprintf(number, sizeof number, "?%d", m->number);
		double w = text_width(k, number, SIZE_TEXT, true) + 5;
		cairo_rectangle(cr, x, cy - MARK / 2, w, MARK);
		set_color(cr, QUESTION_FILL);
		cairo_fill_preserve(cr);
		set_color(cr, GREY_TEXT);
		cairo_set_line_width(cr, 0.8);
		cairo_stroke(cr);
		draw_centred(k, x + w / 2, cy, number, SIZE_TEXT, true, QUESTION_TEXT);
		return w;
	}
	snprintf(number, sizeof number, "%d", m->number);
	double w = impact_shape_width(m->impact, MARK);
	fill_impact_shape(cr, k->spec->chain, m->impact, x + w / 2, cy, MARK);
	draw_centred(k, x + w / 2, cy + text_drop(m->impact, MARK), number, SIZE_TEXT, true,
		     impact_style_of(k->spec->chain, m->impact).text);
	return w;
}

/* --- the frame: title, row names, columns --- */

static void
draw_title(const struct ink *k)
{
	const struct map_spec *spec = k->spec;
	double x = MARGIN, y = k->top + MARGIN;
	double w = PAGE_W - 2 * MARGIN;
	draw_text(k, x, y, spec->title, SIZE_TITLE, true, w, 1, COLOR_TEXT);
	draw_text(k, x, y + 18, spec->subtitle, SIZE_SUB, false, w, 1, GREY_TEXT);
	double cw = text_width(k, spec->counts, SIZE_SUB, false);
	draw_text(k, x, y + 29, spec->counts, SIZE_SUB, false, w, 1, GREY_TEXT);
	double mx = x + cw + 8;
	for (size_t i = 0; i < spec->journey_marks.n && mx < PAGE_W - MARGIN - 30; i++)
		mx += draw_mark(k, mx, y + 29 + 5.5, &spec->journey_marks.items[i]) + 3;
}

static const enum msg row_name[ROW__MAX] = {
	M_MAP_ROW_STAGE, M_MAP_ROW_POSITION, M_MAP_ROW_EMOTION, M_R_LEGEND_TOUCHPOINTS,
	M_R_LEGEND_FRICTION, M_MAP_ROW_PAINS, M_MAP_ROW_CHANCES,
};

static void
draw_rows(const struct ink *k)
{
	cairo_t *cr = k->cr;
	double right = col_left(k, k->first + k->n);
	for (int r = 0; r < ROW__MAX; r++) {
		double y = row_top(k, (enum row)r);
		if (r % 2 == 1) {
			cairo_rectangle(cr, MARGIN, y, right - MARGIN, row_height[r]);
			set_color(cr, COLOR_ROW_BAND);
			cairo_fill(cr);
		}
		draw_text(k, MARGIN + 2, y + 4, (msg)(k->spec->lang, row_name[r]), SIZE_ROW, true,
			  HEAD_W - 6, 2, GREY_TEXT);
	}
	set_color(cr, COLOR_RULE);
	cairo_set_line_width(cr, 0.6);
	double y0 = row_top(k, ROW_STAGE), y1 = row_top(k, ROW__MAX);
	for (size_t i = k->first; i <= k->first + k->n; i++) {
		cairo_move_to(cr, col_left(k, i), y0);
		cairo_line_to(cr, col_left(k, i), y1);
	}
	cairo_stroke(cr);
}

/* --- the rows of one stage --- */

static void
draw_stage_head(const struct ink *k, size_t i)
{
	const struct map_stage *col = &k->spec->stages[i];
	double x = col_left(k, i), y = row_top(k, ROW_STAGE), w = k->col_w;
	cairo_rectangle(k->cr, x + 1, y + 1, w - 2, 3);
	set_color(k->cr, col->color);
	cairo_fill(k->cr);
	char *head = xasprintf("%zu %s", i + 1, col->title);
	double h = draw_text(k, x + 3, y + 6, head, SIZE_STAGE, true, w - 6, 3, COLOR_TEXT);
	free(head);
	draw_text(k, x + 3, y + 6 + h, col->meta, SIZE_TEXT, false, w - 6, 1, GREY_TEXT);
}

static double
rung_y(const struct ink *k, long rung)
{
	double top = row_top(k, ROW_POSITION) + 8;
	return top + (double)(6 - rung) * (PLOT_H / 5);
}

/* The step line: a bar per stage at its rung, joined to the stage before;
 * a relapse (a step down) dashed in the relapse colour; no bar and no
 * joint for an unknown position. */
static void
draw_position(const struct ink *k, size_t i)
{
	cairo_t *cr = k->cr;
	const struct map_stage *col = &k->spec->stages[i];
	double x = col_left(k, i), w = k->col_w;
	double label_y = row_top(k, ROW_POSITION) + 8 + PLOT_H + 4;
	draw_text(k, x + 3, label_y, col->position, SIZE_TEXT, false, w - 6, 2, COLOR_TEXT);
	if (col->rung < 1 || col->rung > 6) {
		draw_centred(k, x + w / 2, rung_y(k, 3) + PLOT_H / 10, "?", SIZE_ROW, true, GREY_TEXT);
		return;
	}
	double y = rung_y(k, col->rung);
	set_color(cr, col->color);
	cairo_set_line_width(cr, 3.5);
	cairo_move_to(cr, x + 6, y);
	cairo_line_to(cr, x + w - 6, y);
	cairo_stroke(cr);
	/* the stage before may close the band before: its joint still shows */
	const struct map_stage *prev = i > 0 ? &k->spec->stages[i - 1] : NULL;
	if (prev == NULL || prev->rung < 1 || prev->rung > 6)
		return;
	double py = rung_y(k, prev->rung);
	if (col->relapse) {
		static const double dash[] = {3.0, 2.0};
		set_color(cr, COLOR_MOVE_DOWN);
		cairo_set_line_width(cr, 2.5);
		cairo_set_dash(cr, dash, 2, 0);
	} else {
		set_color(cr, COLOR_MOVE_LEVEL);
		cairo_set_line_width(cr, 1.2);
	}
	cairo_move_to(cr, x - 6, py);
	cairo_line_to(cr, x, py);
	cairo_line_to(cr, x, y);
	cairo_line_to(cr, x + 6, y);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
}

static double
emotion_y(const struct ink *k, long v)
{
	double mid = row_top(k, ROW_EMOTION) + row_height[ROW_EMOTION] / 2;
	return mid - (double)v * EMOTION_STEP;
}

/* Rungs 1-6 beside the step line, with faint lines across. */
static void
draw_rung_axis(const struct ink *k)
{
	cairo_t *cr = k->cr;
	double right = col_left(k, k->first + k->n);
	for (long rung = 1; rung <= 6; rung++) {
		char label[4];
		snprintf(label, sizeof label, "%ld", rung);
		double y = rung_y(k, rung);
		draw_centred(k, MARGIN + HEAD_W - 10, y, label, SIZE_TEXT, false, GREY_TEXT);
		set_color(cr, COLOR_RULE);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, MARGIN + HEAD_W, y);
		cairo_line_to(cr, right, y);
		cairo_stroke(cr);
	}
}

static void
draw_emotion_axis(const struct ink *k)
{
	cairo_t *cr = k->cr;
	static const char *const ticks[] = {"\xE2\x88\x92" "2", "\xE2\x88\x92" "1", "0", "+1", "+2"};
	double right = col_left(k, k->first + k->n);
	for (long v = -2; v <= 2; v++) {
		double y = emotion_y(k, v);
		draw_centred(k, MARGIN + HEAD_W - 10, y, ticks[v + 2], SIZE_TEXT, false, GREY_TEXT);
		set_color(cr, v == 0 ? COLOR_AXIS : COLOR_RULE);
		cairo_set_line_width(cr, v == 0 ? 0.8 : 0.5);
		cairo_move_to(cr, MARGIN + HEAD_W, y);
		cairo_line_to(cr, right, y);
		cairo_stroke(cr);
	}
}

/* The emotion curve: a point per stage whose emotion is known, joined to
 * the point before when that one is known too; an unknown emotion is a
 * gap in the line, with the word "unknown", never a zero. */
static void
draw_emotion(const struct ink *k, size_t i)
{
	cairo_t *cr = k->cr;
	const struct map_stage *col = &k->spec->stages[i];
	double cx = col_left(k, i) + k->col_w / 2;
	if (!col->has_emotion) {
		draw_centred(k, cx, emotion_y(k, 2) - 7, msg(k->spec->lang, M_MAP_UNKNOWN),
			     SIZE_TEXT, false, GREY_TEXT);
		return;
	}
	double y = emotion_y(k, col->emotion);
	const struct map_stage *prev = i > k->first ? &k->spec->stages[i - 1] : NULL;
	if (prev != NULL && prev->has_emotion) {
		set_color(cr, COLOR_CURVE);
		cairo_set_line_width(cr, 2);
		cairo_move_to(cr, cx - k->col_w, emotion_y(k, prev->emotion));
		cairo_line_to(cr, cx, y);
		cairo_stroke(cr);
	}
	cairo_new_path(cr);
	cairo_arc(cr, cx, y, 3.5, 0, 2 * G_PI);
	set_color(cr, COLOR_CURVE);
	cairo_fill(cr);
}

/* Items, one or two lines each, in at most max_lines lines; when they do
 * not all fit, the last line says "+n more". */
static void
draw_items(const struct ink *k, size_t i, enum row row, const struct map_items *list,
	   int lines_each, int max_lines)
{
	double x = col_left(k, i) + 3, w = k->col_w - 6;
	double y = row_top(k, row) + 4;
	int room = max_lines;
	if (list->n > 0 && (int)list->n * lines_each < max_lines)
		lines_each = max_lines / (int)list->n;
	for (size_t n = 0; n < list->n; n++) {
		const struct map_item *item = &list->items[n];
		int left = (int)(list->n - n);
		if (left > 1 && room <= 1) {
			char *more = msg_xasprintf(k->spec->lang, M_MAP_MORE, left);
			draw_text(k, x, y, more, SIZE_TEXT, false, w, 1, GREY_TEXT);
			free(more);
			return;
		}
		int lines = left > 1 ? room - 1 : room;
		lines = lines < lines_each ? lines : lines_each;
		/* a good item's symbol is green; its text stays dark, for contrast */
		double sw = text_width(k, item->symbol, SIZE_TEXT, true) + 2;
		draw_text(k, x, y, item->symbol, SIZE_TEXT, item->good, 0, 0,
			  item->good ? OPPORTUNITY_STRONG : COLOR_TEXT);
		double h = draw_text(k, x + sw, y, item->text, SIZE_TEXT, false, w - sw, lines,
				     COLOR_TEXT);
		int used = (int)(h / LINE + 0.5);
		used = used < 1 ? 1 : used;
		room -= used;
		y += used * LINE;
	}
}

static void
draw_marks(const struct ink *k, size_t i)
{
	const struct map_marks *marks = &k->spec->stages[i].marks;
	double x0 = col_left(k, i) + 3, x = x0, right = col_left(k, i) + k->col_w - 3;
	double cy = row_top(k, ROW_FRICTION) + 4 + MARK / 2;
	int line = 0;
	for (size_t n = 0; n < marks->n; n++) {
		const struct map_mark *m = &marks->items[n];
		double w = m->question ? text_width(k, "?00", SIZE_TEXT, true) + 5
				       : impact_shape_width(m->impact, MARK);
		if (x + w > right) {
			x = x0;
			cy += MARK + 3;
			line++;
		}
		if (line == MARK_LINES - 1 && marks->n - n > 1 && x + w + 3 + MARK > right) {
			char *more = msg_xasprintf(k->spec->lang, M_MAP_MORE, (int)(marks->n - n));
			draw_text(k, x, cy - LINE / 2, more, SIZE_TEXT, false, right - x, 1, GREY_TEXT);
			free(more);
			return;
		}
		x += draw_mark(k, x, cy, m) + 3;
	}
}

static void
draw_stage(const struct ink *k, size_t i)
{
	const struct map_stage *col = &k->spec->stages[i];
	draw_stage_head(k, i);
	draw_position(k, i);
	draw_emotion(k, i);
	draw_items(k, i, ROW_TOUCHPOINTS, &col->touchpoints, 1, 7);
	draw_marks(k, i);
	draw_items(k, i, ROW_PAINS, &col->pains, 2, 6);
	draw_items(k, i, ROW_CHANCES, &col->chances, 2, 6);
}

/* --- the key --- */

static double
key_entry(const struct ink *k, double x, double y, const char *text)
{
	draw_text(k, x, y - LINE / 2, text, SIZE_TEXT, false, 0, 0, COLOR_TEXT);
	return x + text_width(k, text, SIZE_TEXT, false) + 12;
}

static void
draw_key(const struct ink *k)
{
	cairo_t *cr = k->cr;
	enum lang lang = k->spec->lang;
	double y = row_top(k, ROW__MAX) + 12, x = MARGIN;
	static const enum msg impact_word[] = {M_R_IMPACT_1, M_R_IMPACT_2, M_R_IMPACT_3};
	for (int i = 0; i < 3; i++) {
		double w = impact_shape_width(i + 1, MARK * 0.8);
		fill_impact_shape(cr, k->spec->chain, i + 1, x + w / 2, y, MARK * 0.8);
		x = key_entry(k, x + w + 3, y, (msg)(lang, impact_word[i]));
	}
	struct map_mark question = {1, 0, true};
	x += draw_mark(k, x, y, &question) + 3;
	x = key_entry(k, x, y, msg(lang, M_R_QUESTION_KEY));
	static const double dash[] = {3.0, 2.0};
	set_color(cr, COLOR_MOVE_DOWN);
	cairo_set_line_width(cr, 2.5);
	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, x, y);
	cairo_line_to(cr, x + 16, y);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	x = key_entry(k, x + 19, y, msg(lang, M_R_MOVE_DOWN));
	char *pain = xasprintf("\xE2\x9A\xA0 %s", msg(lang, M_R_TEAM_PAIN_POINT));
	x = key_entry(k, x, y, pain);
	free(pain);
	draw_text(k, x, y - LINE / 2, "\xE2\x98\x85", SIZE_TEXT, true, 0, 0, OPPORTUNITY_STRONG);
	x = key_entry(k, x + text_width(k, "\xE2\x98\x85", SIZE_TEXT, true) + 3, y,
		      msg(lang, M_R_OPPORTUNITY));
	draw_text(k, x, y - LINE / 2, "+ \xE2\x9C\x93", SIZE_TEXT, true, 0, 0, OPPORTUNITY_STRONG);
	key_entry(k, x + text_width(k, "+ \xE2\x9C\x93", SIZE_TEXT, true) + 3, y,
		  msg(lang, M_R_GOOD_EVENT));
}

/* --- a band and the whole map --- */

static size_t
n_bands(const struct map_spec *spec)
{
	size_t n = (spec->n_stages + MAP_STAGES_PER_BAND - 1) / MAP_STAGES_PER_BAND;
	return n ? n : 1;
}

/* Stages per band: the bands of a long journey share its stages evenly
 * (11 stages: 6 and 5), never more than MAP_STAGES_PER_BAND. */
static size_t
band_size(const struct map_spec *spec)
{
	size_t bands = n_bands(spec);
	return (spec->n_stages + bands - 1) / bands;
}

static void
draw_band(struct ink *k, size_t band)
{
	cairo_t *cr = k->cr;
	size_t size = band_size(k->spec);
	k->first = band * size;
	size_t left = k->spec->n_stages - k->first;
	k->n = left < size ? left : size;
	cairo_rectangle(cr, 0, k->top, PAGE_W, PAGE_H);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_fill(cr);
	draw_title(k);
	draw_rows(k);
	draw_rung_axis(k);
	draw_emotion_axis(k);
	for (size_t i = k->first; i < k->first + k->n; i++)
		draw_stage(k, i);
	draw_key(k);
}

/* Pango with fixed metrics: no hinting, no rounding, 72 dpi (a font size
 * is in points), so SVG, PNG and PDF place every glyph alike. */
static PangoContext *
pango_for(cairo_t *cr)
{
	PangoFontMap *fonts = pango_cairo_font_map_get_default();
	PangoContext *context = pango_font_map_create_context(fonts);
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(context, options);
	cairo_font_options_destroy(options);
	pango_cairo_context_set_resolution(context, 72);
	pango_context_set_round_glyph_positions(context, FALSE);
	pango_cairo_update_context(cr, context);
	return context;
}

static void
draw_map(cairo_t *cr, const struct map_spec *spec, bool pages)
{
	struct ink k = {cr, pango_for(cr), spec, 0, 0, 0, 0};
	size_t columns = band_size(spec);
	columns = columns < MIN_COLUMNS ? MIN_COLUMNS : columns;
	k.col_w = (PAGE_W - 2 * MARGIN - HEAD_W) / (double)columns;
	for (size_t b = 0; b < n_bands(spec); b++) {
		k.top = pages ? 0 : (double)b * PAGE_H;
		draw_band(&k, b);
		if (pages)
			cairo_show_page(cr);
	}
	g_object_unref(k.pango);
}

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	buf_add(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
surface_new(const struct map_spec *spec, enum image_format format, struct buf *out)
{
	double height = PAGE_H * (double)n_bands(spec);
	if (format == IMAGE_PDF) {
		cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append_bytes, out,
									 PAGE_W, PAGE_H);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, spec->title);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "keten");
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, PDF_DATE);
		return s;
	}
	if (format == IMAGE_SVG) {
		cairo_surface_t *s = cairo_svg_surface_create_for_stream(append_bytes, out,
									 PAGE_W, height);
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
		return s;
	}
	double scale = PNG_WIDTH / PAGE_W;
	return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)PNG_WIDTH,
					  (int)(height * scale + 0.5));
}

/* The accessible head of the SVG (role, <title> and <desc> as the first
 * children of <svg>, as every picture has; see pathway.h), which
 * cairo does not write. */
static void
add_title(struct buf *svg, const struct map_spec *spec)
{
	char *start = svg->data ? strstr(svg->data, "<svg") : NULL;
	char *end = start ? strchr(start, '>') : NULL;
	if (end == NULL)
		return;
	struct buf fixed = {0};
	buf_add(&fixed, svg->data, (size_t)(end - svg->data));
	buf_printf(&fixed, SVG_ROOT_ROLE ">\n" SVG_TITLE_OPEN "%s</title>\n" SVG_DESC_OPEN "%s</desc>",
		   spec->svg_title, spec->svg_desc);
	end++;
	buf_add(&fixed, end, svg->len - (size_t)(end - svg->data));
	buf_free(svg);
	*svg = fixed;
}

/* cairo numbers its SVG surfaces with a counter of the whole process
 * (<g id="surface6">): the same map drawn second would differ. The one
 * such id becomes id="map". */
static void
fix_surface_id(struct buf *svg)
{
	static const char prefix[] = "<g id=\"surface";
	char *at = svg->data ? strstr(svg->data, prefix) : NULL;
	if (at == NULL)
		return;
	char *digits = at + strlen(prefix);
	char *end = digits + strspn(digits, "0123456789");
	struct buf fixed = {0};
	buf_add(&fixed, svg->data, (size_t)(at - svg->data));
	buf_puts(&fixed, "<g id=\"map");
	buf_add(&fixed, end, svg->len - (size_t)(end - svg->data));
	buf_free(svg);
	*svg = fixed;
}

int
map_draw(const struct map_spec *spec, enum image_format format, struct buf *out,
	 char **error)
{
	buf_clear(out);
	if (format != IMAGE_SVG && format != IMAGE_PNG && format != IMAGE_PDF) {
		*error = xstrdup(msg(spec->lang, M_MAP_NO_DOT));
		return -1;
	}
	cairo_surface_t *surface = surface_new(spec, format, out);
	cairo_t *cr = cairo_create(surface);
	if (format == IMAGE_PNG)
		cairo_scale(cr, PNG_WIDTH / PAGE_W, PNG_WIDTH / PAGE_W);
	draw_map(cr, spec, format == IMAGE_PDF);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	cairo_status_t status = cairo_surface_status(surface);
	if (status == CAIRO_STATUS_SUCCESS && format == IMAGE_PNG)
		status = cairo_surface_write_to_png_stream(surface, append_bytes, out);
	cairo_surface_finish(surface);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (status != CAIRO_STATUS_SUCCESS) {
		*error = msg_xasprintf(spec->lang, M_MAP_CAIRO_FAILED, cairo_status_to_string(status));
		return -1;
	}
	if (format == IMAGE_SVG) {
		fix_surface_id(out);
		add_title(out, spec);
	}
	return 0;
}
