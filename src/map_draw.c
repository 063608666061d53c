/* map_draw.c - draws a journey map (map.h): one drawing onto a small canvas (map_canvas.h) with pango's font metrics, given to cairo for PNG and PDF or to the SVG writer (map_svg.c) for SVG with words as text; the same bytes for the same map. */
#include "map.h"

#include "map_canvas.h"

#include "mem.h"
#include "palette.h"
#include "pathway_labels.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The geometry, in points. A band is as wide as an A4 landscape page and
 * 540 pt high, so that it fits that page (a PDF page, the band in its
 * middle) and a 1920 x 1080 screen at 2 px a point: 7 pt text is 14 px. */
#define PAGE_W 842.0
#define PAGE_H 595.0
#define BAND_H 540.0
#define MARGIN 18.0
#define HEAD_W 92.0   /* the column of row names */
#define MIN_COLUMNS 5 /* a short journey's columns are no wider than this many */
#define PNG_WIDTH 1920.0

/* Font sizes: nothing under 7 pt. */
#define SIZE_TITLE 13.0
#define SIZE_SUB 8.0
#define SIZE_ROW 8.0
#define SIZE_STAGE 8.0
#define SIZE_TEXT 7.8
#define LINE 9.5      /* a line of SIZE_TEXT text */
#define FONT "DejaVu Sans"
/* The SVG's font family: the map's font first, then ones of like width. */
#define SVG_FONTS "DejaVu Sans, Verdana, sans-serif"

/* The rows, top to bottom, and their heights. */
enum row { ROW_STAGE, ROW_POSITION, ROW_EMOTION, ROW_TOUCHPOINTS, ROW_FRICTION,
	   ROW_PAINS, ROW_CHANCES, ROW__MAX };
static const double row_height[ROW__MAX] = {44, 78, 66, 74, 52, 64, 64};
#define TITLE_H 44.0
#define PLOT_H 48.0   /* the step line's area in ROW_POSITION */
#define MARK 13.0     /* a marker's size */
#define EMOTION_STEP 11.0 /* one step of emotion; the word "unknown" goes above +2 */
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

/* The drawing's state: the canvas, pango for the metrics, and the band. */
struct ink {
	struct canvas *cv;
	PangoContext *pango;
	const struct map_spec *spec;
	double col_w;  /* width of a stage's column */
	double top;    /* top of the band */
	size_t first;  /* the band's first stage */
	size_t n;      /* stages in the band */
};

/* --- small pieces --- */

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

static void
group(const struct ink *k, const char *cls)
{
	k->cv->ops->group_open(k->cv, cls);
}

static void
group_end(const struct ink *k)
{
	k->cv->ops->group_close(k->cv);
}

static void
line(const struct ink *k, double x0, double y0, double x1, double y1, const char *color,
     double width, bool dashed)
{
	struct point points[] = {{x0, y0}, {x1, y1}};
	struct paint paint = {NULL, color, width, dashed};
	k->cv->ops->lines(k->cv, points, 2, false, &paint);
}

static void
fill_rect(const struct ink *k, double x, double y, double w, double h, const char *color)
{
	struct paint paint = {color, NULL, 0, false};
	k->cv->ops->rect(k->cv, x, y, w, h, &paint);
}

/* --- text: measured with pango, cut to fit here, written by the canvas --- */

/* A one-line layout of text in the map's font. */
static PangoLayout *
layout_new(const struct ink *k, const char *text, double size, bool bold)
{
	PangoLayout *layout = pango_layout_new(k->pango);
	PangoFontDescription *font = pango_font_description_from_string(FONT);
	pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
	pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	pango_layout_set_text(layout, text, -1);
	return layout;
}

/* The size of a line of text, and its baseline below its top. */
struct extent {
	double width, height, baseline;
};

static struct extent
measure(const struct ink *k, const char *text, double size, bool bold)
{
	PangoLayout *layout = layout_new(k, text, size, bold);
	int w, h;
	pango_layout_get_size(layout, &w, &h);
	struct extent e = {(double)w / PANGO_SCALE, (double)h / PANGO_SCALE,
			   (double)pango_layout_get_baseline(layout) / PANGO_SCALE};
	g_object_unref(layout);
	return e;
}

static double
text_width(const struct ink *k, const char *text, double size, bool bold)
{
	return measure(k, text, size, bold).width;
}

/* Writes one line of text with its top left at (x, y); returns its extent. */
static struct extent
put_line(const struct ink *k, double x, double y, const char *text, double size, bool bold,
	 const char *color)
{
	struct extent e = measure(k, text, size, bold);
	struct canvas_text t = {x, y + e.baseline, size, bold, color, text};
	k->cv->ops->text(k->cv, &t);
	return e;
}

#define ELLIPSIS "\xE2\x80\xA6"

/* s cut at its end until s + "…" is at most width wide. Caller frees. */
static char *
ellipsized(const struct ink *k, const char *s, double size, bool bold, double width)
{
	size_t len = strlen(s);
	for (;;) {
		while (len > 0 && s[len - 1] == ' ')
			len--;
		char *cut = xasprintf("%.*s" ELLIPSIS, (int)len, s);
		if (len == 0 || text_width(k, cut, size, bold) <= width)
			return cut;
		free(cut);
		do /* back to the start of the last character */
			len--;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80);
	}
}

/* Draws text with its top left at (x, y), wrapped at width (0: one line
 * as it is) into at most `lines` lines, the last ending in "…" when the
 * text does not fit; returns its height. */
static double
draw_text(const struct ink *k, double x, double y, const char *text, double size, bool bold,
	  double width, int lines, const char *color)
{
	if (width <= 0)
		return put_line(k, x, y, text, size, bold, color).height;
	PangoLayout *layout = layout_new(k, text, size, bold);
	pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	int total = pango_layout_get_line_count(layout);
	int shown = total < lines ? total : (lines > 0 ? lines : 1);
	double height = 0;
	for (int i = 0; i < shown; i++) {
		PangoLayoutLine *l = pango_layout_get_line_readonly(layout, i);
		size_t len = (size_t)l->length;
		while (len > 0 && text[l->start_index + (int)len - 1] == ' ')
			len--;
		char *part = xstrndup(text + l->start_index, len);
		if (i == shown - 1 && shown < total) {
			char *cut = ellipsized(k, part, size, bold, width);
			free(part);
			part = cut;
		}
		height += put_line(k, x, y + height, part, size, bold, color).height;
		free(part);
	}
	g_object_unref(layout);
	return height;
}

/* Text centred on (cx, cy). */
static void
draw_centred(const struct ink *k, double cx, double cy, const char *text, double size,
	     bool bold, const char *color)
{
	struct extent e = measure(k, text, size, bold);
	put_line(k, cx - e.width / 2, cy - e.height / 2, text, size, bold, color);
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

/* An impact's shape as palette.def names it (the same shapes as the
 * diagrams' glyphs: circle, triangle, hexagon), centred on (cx, cy) and
 * painted in its palette colours; the text inside sits at cy. */
static void
impact_shape(const struct ink *k, int impact, double cx, double cy, double size)
{
	const char *shape = impact_style_of(k->spec->chain, impact).shape;
	struct paint paint = {impact_style_of(k->spec->chain, impact).fill, COLOR_TEXT, 0.8, false};
	double r = size / 2;
	if (strcmp(shape, "triangle") == 0) {
		/* pointing up, wide enough below the middle for a number */
		struct point corners[] = {{cx, cy - r * 1.45},
					  {cx + r * TRIANGLE_WIDTH, cy + r * 0.95},
					  {cx - r * TRIANGLE_WIDTH, cy + r * 0.95}};
		k->cv->ops->lines(k->cv, corners, 3, true, &paint);
	} else if (strcmp(shape, "hexagon") == 0) {
		/* pointed top and bottom, as the glyph U+2B22 */
		struct point corners[6];
		for (int corner = 0; corner < 6; corner++) {
			double angle = G_PI / 2 + corner * G_PI / 3;
			corners[corner] = (struct point){cx + r * 1.12 * cos(angle),
							 cy - r * 1.12 * sin(angle)};
		}
		k->cv->ops->lines(k->cv, corners, 6, true, &paint);
	} else {
		k->cv->ops->circle(k->cv, cx, cy, r, &paint);
	}
}

/* How far below the shape's centre its number sits (lower in a triangle,
 * where it is wider). */
static double
text_drop(int impact, double size)
{
	return strcmp(impact_style_of(NULL, impact).shape, "triangle") == 0 ? size * 0.12 : 0;
}

/* Draws a marker of the given size in a group whose classes say what it
 * is ("marker impact-2 k003", "question k020"), its left edge at x,
 * centred on cy; returns its width. */
static double
draw_mark(const struct ink *k, double x, double cy, const struct map_mark *m, double size)
{
	char number[16], cls[48];
	double w;
	if (m->question) {
		snprintf(cls, sizeof cls, "question %s", m->code);
		snprintf(number, sizeof number, "?%d", m->number);
		w = text_width(k, number, SIZE_TEXT, true) + 5;
		group(k, cls);
		struct paint paint = {QUESTION_FILL, GREY_TEXT, 0.8, false};
		k->cv->ops->rect(k->cv, x, cy - size / 2, w, size, &paint);
		draw_centred(k, x + w / 2, cy, number, SIZE_TEXT, true, QUESTION_TEXT);
	} else {
		snprintf(cls, sizeof cls, "marker impact-%d %s", m->impact, m->code);
		snprintf(number, sizeof number, "%d", m->number);
		w = impact_shape_width(m->impact, size);
		group(k, cls);
		impact_shape(k, m->impact, x + w / 2, cy, size);
		draw_centred(k, x + w / 2, cy + text_drop(m->impact, size), number, SIZE_TEXT,
			     true, impact_style_of(k->spec->chain, m->impact).text);
	}
	group_end(k);
	return w;
}

/* --- the frame: title, row names, columns --- */

static void
draw_title(const struct ink *k)
{
	const struct map_spec *spec = k->spec;
	double x = MARGIN, y = k->top + MARGIN;
	double w = PAGE_W - 2 * MARGIN;
	group(k, "heading");
	draw_text(k, x, y, spec->title, SIZE_TITLE, true, w, 1, COLOR_TEXT);
	draw_text(k, x, y + 18, spec->subtitle, SIZE_SUB, false, w, 1, GREY_TEXT);
	double cw = text_width(k, spec->counts, SIZE_SUB, false);
	draw_text(k, x, y + 29, spec->counts, SIZE_SUB, false, w, 1, GREY_TEXT);
	double mx = x + cw + 8;
	for (size_t i = 0; i < spec->journey_marks.n && mx < PAGE_W - MARGIN - 30; i++)
		mx += draw_mark(k, mx, y + 29 + 5.5, &spec->journey_marks.items[i], MARK) + 3;
	group_end(k);
}

static const enum msg row_name[ROW__MAX] = {
	M_MAP_ROW_STAGE, M_MAP_ROW_POSITION, M_MAP_ROW_EMOTION, M_R_LEGEND_TOUCHPOINTS,
	M_R_LEGEND_FRICTION, M_MAP_ROW_PAINS, M_MAP_ROW_CHANCES,
};

/* The rows' classes in the SVG ("row emotion"). */
static const char *const row_class[ROW__MAX] = {
	"row stages", "row position", "row emotion", "row touchpoints", "row friction",
	"row pains", "row opportunities",
};

/* The grid: every other row shaded, a rule between the columns. */
static void
draw_grid(const struct ink *k)
{
	double right = col_left(k, k->first + k->n);
	group(k, "grid");
	for (int r = 1; r < ROW__MAX; r += 2)
		fill_rect(k, MARGIN, row_top(k, (enum row)r), right - MARGIN, row_height[r],
			  COLOR_ROW_BAND);
	double y0 = row_top(k, ROW_STAGE), y1 = row_top(k, ROW__MAX);
	for (size_t i = k->first; i <= k->first + k->n; i++)
		line(k, col_left(k, i), y0, col_left(k, i), y1, COLOR_RULE, 0.6, false);
	group_end(k);
}

/* Opens a row's group with its name. */
static void
row_open(const struct ink *k, enum row r)
{
	group(k, row_class[r]);
	draw_text(k, MARGIN + 2, row_top(k, r) + 4, (msg)(k->spec->lang, row_name[r]), SIZE_ROW,
		  true, HEAD_W - 6, 2, GREY_TEXT);
}

/* --- the rows --- */

static void
draw_stage_head(const struct ink *k, size_t i)
{
	const struct map_stage *col = &k->spec->stages[i];
	double x = col_left(k, i), y = row_top(k, ROW_STAGE), w = k->col_w;
	group(k, "stage");
	fill_rect(k, x + 1, y + 1, w - 2, 3, col->color);
	char *head = xasprintf("%zu %s", i + 1, col->title);
	double h = draw_text(k, x + 3, y + 6, head, SIZE_STAGE, true, w - 6, 3, COLOR_TEXT);
	free(head);
	if (*col->meta)
		draw_text(k, x + 3, y + 6 + h, col->meta, SIZE_TEXT, false, w - 6, 1, GREY_TEXT);
	group_end(k);
}

static double
rung_y(const struct ink *k, long rung)
{
	double top = row_top(k, ROW_POSITION) + 8;
	return top + (double)(6 - rung) * (PLOT_H / 5);
}

/* The joint from the stage before to this one: a relapse (a step down)
 * dashed in the relapse colour. */
static void
draw_joint(const struct ink *k, double x, double py, double y, bool relapse)
{
	struct point points[] = {{x - 6, py}, {x, py}, {x, y}, {x + 6, y}};
	struct paint paint = {NULL, relapse ? COLOR_MOVE_DOWN : COLOR_MOVE_LEVEL,
			      relapse ? 2.5 : 1.2, relapse};
	group(k, relapse ? "move relapse" : "move");
	k->cv->ops->lines(k->cv, points, 4, false, &paint);
	group_end(k);
}

/* The step line: a bar per stage at its rung, joined to the stage before;
 * no bar and no joint for an unknown position. */
static void
draw_position(const struct ink *k, size_t i)
{
	const struct map_stage *col = &k->spec->stages[i];
	double x = col_left(k, i), w = k->col_w;
	double label_y = row_top(k, ROW_POSITION) + 8 + PLOT_H + 4;
	group(k, col->rung < 1 || col->rung > 6 ? "step unknown" : "step");
	draw_text(k, x + 3, label_y, col->position, SIZE_TEXT, false, w - 6, 2, COLOR_TEXT);
	if (col->rung < 1 || col->rung > 6) {
		draw_centred(k, x + w / 2, rung_y(k, 3) + PLOT_H / 10, "?", SIZE_ROW, true, GREY_TEXT);
		group_end(k);
		return;
	}
	double y = rung_y(k, col->rung);
	line(k, x + 6, y, x + w - 6, y, col->color, 3.5, false);
	/* the stage before may close the band before: its joint still shows */
	const struct map_stage *prev = i > 0 ? &k->spec->stages[i - 1] : NULL;
	if (prev != NULL && prev->rung >= 1 && prev->rung <= 6)
		draw_joint(k, x, rung_y(k, prev->rung), y, col->relapse);
	group_end(k);
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
	double right = col_left(k, k->first + k->n);
	group(k, "axis");
	for (long rung = 1; rung <= 6; rung++) {
		char label[24];
		snprintf(label, sizeof label, "%ld", rung);
		double y = rung_y(k, rung);
		draw_centred(k, MARGIN + HEAD_W - 10, y, label, SIZE_TEXT, false, GREY_TEXT);
		line(k, MARGIN + HEAD_W, y, right, y, COLOR_RULE, 0.5, false);
	}
	group_end(k);
}

static void
draw_emotion_axis(const struct ink *k)
{
	static const char *const ticks[] = {"\xE2\x88\x92" "2", "\xE2\x88\x92" "1", "0", "+1", "+2"};
	double right = col_left(k, k->first + k->n);
	group(k, "axis");
	for (long v = -2; v <= 2; v++) {
		double y = emotion_y(k, v);
		draw_centred(k, MARGIN + HEAD_W - 10, y, ticks[v + 2], SIZE_TEXT, false, GREY_TEXT);
		line(k, MARGIN + HEAD_W, y, right, y, v == 0 ? COLOR_AXIS : COLOR_RULE,
		     v == 0 ? 0.8 : 0.5, false);
	}
	group_end(k);
}

/* The emotion curve: a point per stage whose emotion is known, joined to
 * the point before when that one is known too; an unknown emotion is a
 * gap in the line, with the word "unknown", never a zero. */
static void
draw_emotion(const struct ink *k, size_t i)
{
	const struct map_stage *col = &k->spec->stages[i];
	double cx = col_left(k, i) + k->col_w / 2;
	if (!col->has_emotion) {
		group(k, "unknown");
		draw_centred(k, cx, emotion_y(k, 2) - 7, msg(k->spec->lang, M_MAP_UNKNOWN),
			     SIZE_TEXT, false, GREY_TEXT);
		group_end(k);
		return;
	}
	double y = emotion_y(k, col->emotion);
	const struct map_stage *prev = i > k->first ? &k->spec->stages[i - 1] : NULL;
	if (prev != NULL && prev->has_emotion)
		line(k, cx - k->col_w, emotion_y(k, prev->emotion), cx, y, COLOR_CURVE, 2, false);
	struct paint dot = {COLOR_CURVE, NULL, 0, false};
	k->cv->ops->circle(k->cv, cx, y, 3.5, &dot);
}

/* The size of the marker before a pain point a finding reports: it
 * needs a little more than a line. */
#define MARK_SMALL 11.0

/* Draws an item's symbol (or its marker) and text; returns its height. */
static double
draw_item(const struct ink *k, double x, double y, double w, const struct map_item *item,
	  int lines)
{
	double sw;
	if (item->marked) {
		sw = draw_mark(k, x, y + MARK_SMALL / 2, &item->mark, MARK_SMALL) + 2;
	} else {
		/* a good item's symbol is green; its text stays dark, for contrast */
		sw = text_width(k, item->symbol, SIZE_TEXT, true) + 2;
		draw_text(k, x, y, item->symbol, SIZE_TEXT, item->good, 0, 0,
			  item->good ? OPPORTUNITY_STRONG : COLOR_TEXT);
	}
	double h = draw_text(k, x + sw, y, item->text, SIZE_TEXT, false, w - sw, lines, COLOR_TEXT);
	return item->marked && h < MARK_SMALL + 1 ? MARK_SMALL + 1 : h;
}

/* The class of an item's group: "touchpoint letter", "pain",
 * "opportunity", "touchpoint payment good". */
static void
item_class(char *cls, size_t size, enum row row, const struct map_item *item)
{
	if (item->kind != NULL)
		snprintf(cls, size, "touchpoint %s%s", item->kind, item->good ? " good" : "");
	else
		snprintf(cls, size, "%s", row == ROW_PAINS ? "pain" : "opportunity");
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
		int more_line = left > 1; /* a line kept for "+n more" */
		if (room - more_line < (item->marked ? 2 : 1)) { /* a marker needs two */
			char *more = msg_xasprintf(k->spec->lang, M_MAP_MORE, left);
			group(k, "more");
			draw_text(k, x, y, more, SIZE_TEXT, false, w, 1, GREY_TEXT);
			group_end(k);
			free(more);
			return;
		}
		int lines = room - more_line;
		lines = lines < lines_each ? lines : lines_each;
		char cls[64];
		item_class(cls, sizeof cls, row, item);
		group(k, cls);
		double h = draw_item(k, x, y, w, item, lines);
		group_end(k);
		int used = (int)ceil(h / LINE - 0.2); /* pango's line is a little under LINE */
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
	int line_no = 0;
	for (size_t n = 0; n < marks->n; n++) {
		const struct map_mark *m = &marks->items[n];
		double w = m->question ? text_width(k, "?00", SIZE_TEXT, true) + 5
				       : impact_shape_width(m->impact, MARK);
		if (x + w > right) {
			x = x0;
			cy += MARK + 3;
			line_no++;
		}
		if (line_no == MARK_LINES - 1 && marks->n - n > 1 && x + w + 3 + MARK > right) {
			char *more = msg_xasprintf(k->spec->lang, M_MAP_MORE, (int)(marks->n - n));
			group(k, "more");
			draw_text(k, x, cy - LINE / 2, more, SIZE_TEXT, false, right - x, 1, GREY_TEXT);
			group_end(k);
			free(more);
			return;
		}
		x += draw_mark(k, x, cy, m, MARK) + 3;
	}
}

/* The rows of the band, each a group, its stages left to right. */
static void
draw_rows(const struct ink *k)
{
	size_t end = k->first + k->n;
	row_open(k, ROW_STAGE);
	for (size_t i = k->first; i < end; i++)
		draw_stage_head(k, i);
	group_end(k);
	row_open(k, ROW_POSITION);
	draw_rung_axis(k);
	for (size_t i = k->first; i < end; i++)
		draw_position(k, i);
	group_end(k);
	row_open(k, ROW_EMOTION);
	draw_emotion_axis(k);
	group(k, "curve");
	for (size_t i = k->first; i < end; i++)
		draw_emotion(k, i);
	group_end(k);
	group_end(k);
	row_open(k, ROW_TOUCHPOINTS);
	for (size_t i = k->first; i < end; i++)
		draw_items(k, i, ROW_TOUCHPOINTS, &k->spec->stages[i].touchpoints, 1, 7);
	group_end(k);
	row_open(k, ROW_FRICTION);
	for (size_t i = k->first; i < end; i++)
		draw_marks(k, i);
	group_end(k);
	row_open(k, ROW_PAINS);
	for (size_t i = k->first; i < end; i++)
		draw_items(k, i, ROW_PAINS, &k->spec->stages[i].pains, 2, 6);
	group_end(k);
	row_open(k, ROW_CHANCES);
	for (size_t i = k->first; i < end; i++)
		draw_items(k, i, ROW_CHANCES, &k->spec->stages[i].chances, 2, 6);
	group_end(k);
}

/* --- the key --- */

static double
key_entry(const struct ink *k, double x, double y, const char *text)
{
	draw_text(k, x, y - LINE / 2, text, SIZE_TEXT, false, 0, 0, COLOR_TEXT);
	return x + text_width(k, text, SIZE_TEXT, false) + 12;
}

/* A green symbol and its word in the key. */
static double
key_good(const struct ink *k, double x, double y, const char *symbol, const char *text)
{
	draw_text(k, x, y - LINE / 2, symbol, SIZE_TEXT, true, 0, 0, OPPORTUNITY_STRONG);
	return key_entry(k, x + text_width(k, symbol, SIZE_TEXT, true) + 3, y, text);
}

static void
draw_key(const struct ink *k)
{
	enum lang lang = k->spec->lang;
	double y = row_top(k, ROW__MAX) + 12, x = MARGIN;
	static const enum msg impact_word[] = {M_R_IMPACT_1, M_R_IMPACT_2, M_R_IMPACT_3};
	group(k, "key");
	for (int i = 0; i < 3; i++) {
		char cls[24];
		snprintf(cls, sizeof cls, "impact-%d", i + 1);
		group(k, cls);
		double w = impact_shape_width(i + 1, MARK * 0.8);
		impact_shape(k, i + 1, x + w / 2, y, MARK * 0.8);
		x = key_entry(k, x + w + 3, y, (msg)(lang, impact_word[i]));
		group_end(k);
	}
	struct map_mark question = {1, 0, true, ""};
	x += draw_mark(k, x, y, &question, MARK) + 3;
	x = key_entry(k, x, y, msg(lang, M_R_QUESTION_KEY));
	group(k, "move relapse");
	line(k, x, y, x + 16, y, COLOR_MOVE_DOWN, 2.5, true);
	group_end(k);
	x = key_entry(k, x + 19, y, msg(lang, M_R_MOVE_DOWN));
	char *pain = xasprintf("\xE2\x9A\xA0 %s", msg(lang, M_R_TEAM_PAIN_POINT));
	x = key_entry(k, x, y, pain);
	free(pain);
	x = key_good(k, x, y, "\xE2\x98\x85", msg(lang, M_R_OPPORTUNITY));
	key_good(k, x, y, "+ \xE2\x9C\x93", msg(lang, M_R_GOOD_EVENT));
	group_end(k);
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

/* The one drawing of a band, whatever the canvas. */
static void
draw_band(struct ink *k, size_t band)
{
	size_t size = band_size(k->spec);
	k->first = band * size;
	size_t left = k->spec->n_stages - k->first;
	k->n = left < size ? left : size;
	group(k, "band");
	fill_rect(k, 0, k->top, PAGE_W, BAND_H, "#ffffff");
	draw_title(k);
	draw_grid(k);
	draw_rows(k);
	draw_key(k);
	group_end(k);
}

/* Pango with fixed metrics: no hinting, no rounding, 72 dpi (a font size
 * is in points), and never the surface's settings, so SVG, PNG and PDF
 * place every word alike. */
static PangoContext *
pango_new(void)
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
	return context;
}

/* The height of the bands stacked in one picture (SVG, PNG): a band every
 * PAGE_H points, so that the picture printed A4 landscape wide breaks
 * between the bands, never through one. */
static double
stacked_height(const struct map_spec *spec)
{
	return (double)(n_bands(spec) - 1) * PAGE_H + BAND_H;
}

/* Draws every band onto the canvas; with a cairo context for pages, each
 * band is a page of its own, else the bands lie below each other. */
static void
draw_map(struct canvas *cv, const struct map_spec *spec, cairo_t *pages)
{
	struct ink k = {cv, pango_new(), spec, 0, 0, 0, 0};
	size_t columns = band_size(spec);
	columns = columns < MIN_COLUMNS ? MIN_COLUMNS : columns;
	k.col_w = (PAGE_W - 2 * MARGIN - HEAD_W) / (double)columns;
	if (!pages && n_bands(spec) > 1)
		fill_rect(&k, 0, 0, PAGE_W, stacked_height(spec), "#ffffff");
	for (size_t b = 0; b < n_bands(spec); b++) {
		k.top = pages ? (PAGE_H - BAND_H) / 2 : (double)b * PAGE_H;
		draw_band(&k, b);
		if (pages)
			cairo_show_page(pages);
	}
	g_object_unref(k.pango);
}

/* --- the cairo back end (PNG, PDF) --- */

struct cairo_canvas {
	cairo_t *cr;
	PangoContext *pango;
};

static void
set_color(cairo_t *cr, const char *hex)
{
	unsigned r = 0, g = 0, b = 0;
	if (hex == NULL || sscanf(hex, "#%2x%2x%2x", &r, &g, &b) != 3)
		r = g = b = 0x66;
	cairo_set_source_rgb(cr, r / 255.0, g / 255.0, b / 255.0);
}

/* Fills and strokes the current path as paint says, and clears it. */
static void
cairo_paint_path(cairo_t *cr, const struct paint *paint)
{
	static const double dash[] = {3.0, 2.0};
	if (paint->fill != NULL) {
		set_color(cr, paint->fill);
		cairo_fill_preserve(cr);
	}
	if (paint->stroke != NULL) {
		set_color(cr, paint->stroke);
		cairo_set_line_width(cr, paint->width);
		cairo_set_dash(cr, dash, paint->dashed ? 2 : 0, 0);
		cairo_stroke_preserve(cr);
	}
	cairo_new_path(cr);
}

static void
cairo_group_open(struct canvas *c, const char *cls)
{
	(void)c;
	(void)cls;
}

static void
cairo_group_close(struct canvas *c)
{
	(void)c;
}

static void
cairo_canvas_rect(struct canvas *c, double x, double y, double w, double h,
		  const struct paint *paint)
{
	struct cairo_canvas *cc = c->state;
	cairo_rectangle(cc->cr, x, y, w, h);
	cairo_paint_path(cc->cr, paint);
}

static void
cairo_canvas_circle(struct canvas *c, double cx, double cy, double r, const struct paint *paint)
{
	struct cairo_canvas *cc = c->state;
	cairo_new_path(cc->cr);
	cairo_arc(cc->cr, cx, cy, r, 0, 2 * G_PI);
	cairo_paint_path(cc->cr, paint);
}

static void
cairo_canvas_lines(struct canvas *c, const struct point *points, size_t n, bool closed,
		   const struct paint *paint)
{
	struct cairo_canvas *cc = c->state;
	cairo_new_path(cc->cr);
	for (size_t i = 0; i < n; i++)
		if (i == 0)
			cairo_move_to(cc->cr, points[i].x, points[i].y);
		else
			cairo_line_to(cc->cr, points[i].x, points[i].y);
	if (closed)
		cairo_close_path(cc->cr);
	cairo_paint_path(cc->cr, paint);
}

static void
cairo_canvas_text(struct canvas *c, const struct canvas_text *t)
{
	struct cairo_canvas *cc = c->state;
	struct ink k = {c, cc->pango, NULL, 0, 0, 0, 0};
	PangoLayout *layout = layout_new(&k, t->text, t->size, t->bold);
	set_color(cc->cr, t->color);
	cairo_move_to(cc->cr, t->x,
		      t->baseline - (double)pango_layout_get_baseline(layout) / PANGO_SCALE);
	pango_cairo_show_layout(cc->cr, layout);
	cairo_new_path(cc->cr);
	g_object_unref(layout);
}

static const struct canvas_ops cairo_ops = {
	cairo_group_open, cairo_group_close, cairo_canvas_rect, cairo_canvas_circle,
	cairo_canvas_lines, cairo_canvas_text,
};

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	buf_add(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
surface_new(const struct map_spec *spec, enum image_format format, struct buf *out)
{
	double height = stacked_height(spec);
	if (format == IMAGE_PDF) {
		cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append_bytes, out,
									 PAGE_W, PAGE_H);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, spec->title);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "keten");
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, PDF_DATE);
		return s;
	}
	double scale = PNG_WIDTH / PAGE_W;
	return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)PNG_WIDTH,
					  (int)(height * scale + 0.5));
}

/* PNG or PDF through cairo. */
static int
draw_with_cairo(const struct map_spec *spec, enum image_format format, struct buf *out,
		char **error)
{
	cairo_surface_t *surface = surface_new(spec, format, out);
	cairo_t *cr = cairo_create(surface);
	if (format == IMAGE_PNG)
		cairo_scale(cr, PNG_WIDTH / PAGE_W, PNG_WIDTH / PAGE_W);
	struct cairo_canvas state = {cr, pango_new()};
	struct canvas cv = {&cairo_ops, &state};
	draw_map(&cv, spec, format == IMAGE_PDF ? cr : NULL);
	g_object_unref(state.pango);
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
	return 0;
}

int
map_draw(const struct map_spec *spec, enum image_format format, struct buf *out,
	 char **error)
{
	buf_clear(out);
	if (format == IMAGE_SVG) {
		struct canvas cv;
		svg_canvas_start(&cv, out, PAGE_W, stacked_height(spec), SVG_FONTS,
				 spec->svg_title, spec->svg_desc);
		draw_map(&cv, spec, NULL);
		svg_canvas_finish(&cv);
		return 0;
	}
	if (format != IMAGE_PNG && format != IMAGE_PDF) {
		*error = xstrdup(msg(spec->lang, M_MAP_NO_DOT));
		return -1;
	}
	return draw_with_cairo(spec, format, out, error);
}
