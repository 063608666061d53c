/* overview_render.c - the chain overview as a Graphviz graph: positions by rung, moves with their counts, friction by colour and glyph; laid out with dot and rendered in this process. */
#include "overview_render.h"

#include "gv_shared.h"
#include "mem.h"
#include "pathway_labels.h"
#include "render_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FONT "DejaVu Sans"
#define COLOR_NO_FRICTION colour_hex(COLOUR_NO_FRICTION)
#define COLOR_UNVISITED colour_hex(COLOUR_UNVISITED)

enum { LABEL_WIDTH = 24, LABEL_LINES = 3, MAX_PEN_HUNDREDTHS = 700 };


struct draw {
	const struct overview *ov;
	enum lang lang;
	int highest;        /* friction of a position */
	int highest_move;   /* friction of a move */
	int most;           /* transitions of the most frequent move */
	Agraph_t *g;
	Agnode_t **nodes;   /* per position */
	struct buf scratch;
};

static void
set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void
set_html(Agraph_t *g, void *obj, const char *name, const char *label)
{
	char *html = agstrdup_html(g, (char *)label);
	agsafeset(obj, (char *)name, html, (char *)"");
	agstrfree(g, html);
}

/* "12.34" without the locale's help. */
static void
set_hundredths(void *obj, const char *name, long hundredths)
{
	char text[32];
	snprintf(text, sizeof text, "%ld.%02ld", hundredths / 100, hundredths % 100);
	set(obj, name, text);
}

/* --- labels --- */

static void
put_counts_row(struct buf *out, const struct draw *d, const struct ov_position *p)
{
	struct buf line = {0};
	if (p->stages == 0) {
		buf_puts(&line, msg(d->lang, M_OV_NOT_VISITED));
	} else {
		msg_append_plural(&line, d->lang, p->stages, M_R_STAGES_1, M_R_STAGES_N);
		buf_puts(&line, " \xC2\xB7 ");
		msg_append_plural(&line, d->lang, p->journeys, M_SUMMARY_JOURNEYS_1, M_SUMMARY_JOURNEYS_N);
	}
	buf_puts(out, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">");
	esc_append(out, buf_str(&line), line.len, ESC_LABEL);
	buf_puts(out, "</FONT></TD></TR>");
	buf_free(&line);
}

/* A friction cell: the level's glyph and "frictie N" on its colour. */
static void
put_friction_cell(struct buf *out, const struct draw *d, int level, int friction)
{
	struct impact_style style = impact_style_of(d->ov->chain, level);
	buf_printf(out, "<TD ALIGN=\"LEFT\" BGCOLOR=\"%s\"><FONT POINT-SIZE=\"10\" COLOR=\"%s\"><B>%s ",
		   style.fill, style.text, style.glyph);
	msg_append(out, d->lang, M_OV_FRICTION, friction);
	buf_puts(out, "</B></FONT></TD>");
}

static void
put_friction_row(struct buf *out, const struct draw *d, const struct ov_position *p)
{
	int level = overview_level(p->friction, d->highest);
	if (level == 0)
		return;
	buf_puts(out, "<TR>");
	put_friction_cell(out, d, level, p->friction);
	buf_puts(out, "</TR>");
}

/* Stages after a stage at the same position: a row "↻ 5× stayed here"
 * (with the friction found on those moves) instead of a loop, whose label
 * Graphviz would place over other labels. */
static void
put_stays_row(struct buf *out, const struct draw *d, size_t i)
{
	const struct ov_edge *loop = overview_edge(d->ov, i, i);
	if (loop == NULL || loop->count == 0)
		return;
	buf_puts(out, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
		      "CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">\xE2\x86\xBB ");
	msg_append(out, d->lang, M_OV_STAYS, loop->count);
	buf_puts(out, " </FONT></TD>");
	int level = overview_level(loop->friction, d->highest_move);
	if (level > 0)
		put_friction_cell(out, d, level, loop->friction);
	buf_puts(out, "</TR></TABLE></TD></TR>");
}

static void
position_label(struct buf *out, const struct draw *d, const struct ov_position *p)
{
	struct tint t = tint_of(d->ov->chain, p->pos);
	int level = overview_level(p->friction, d->highest);
	const char *border = level ? impact_style_of(d->ov->chain, level).fill : p->stages ? t.dark : COLOR_UNVISITED;
	buf_printf(out, "<TABLE BORDER=\"%d\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\" "
		   "COLOR=\"%s\" BGCOLOR=\"%s\" STYLE=\"rounded\">",
		   level ? 3 : 1, border, t.band);
	buf_printf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"%s\"><B>", t.strong);
	esc_wrap(out, p->label, LABEL_WIDTH, LABEL_LINES);
	buf_puts(out, "</B></TD></TR>");
	struct buf line = {0};
	if (p->ladder > 0)
		msg_append(&line, d->lang, M_R_RUNG, p->ladder);
	if (p->domain != NULL)
		buf_printf(&line, "%s%s", line.len ? " \xC2\xB7 " : "", p->domain);
	if (p->pos == NULL)
		buf_printf(&line, "%s%s", line.len ? " \xC2\xB7 " : "", msg(d->lang, M_OV_OUTSIDE));
	buf_puts(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">");
	esc_wrap(out, buf_str(&line), LABEL_WIDTH + 6, LABEL_LINES);
	buf_puts(out, "</FONT></TD></TR>");
	buf_free(&line);
	put_counts_row(out, d, p);
	put_stays_row(out, d, (size_t)(p - d->ov->positions));
	put_friction_row(out, d, p);
	buf_puts(out, "</TABLE>");
}

/* The ranges of the three friction levels of a scale up to highest:
 * low[level] to high[level], empty when high < low. */
static void
scale_ranges(int highest, int low[4], int high[4])
{
	int next = 1;
	for (int level = 1; level <= 3; level++) {
		high[level] = level == 3 ? highest : highest * level / 3;
		low[level] = next;
		if (high[level] >= low[level])
			next = high[level] + 1;
	}
}

static void
put_range(struct buf *out, int low, int high)
{
	buf_printf(out, high > low ? "%d\xE2\x80\x93%d" : "%d", low, high);
}

static void
put_words(struct buf *out, const struct draw *d, enum msg m)
{
	esc_append(out, (msg)(d->lang, m), strlen((msg)(d->lang, m)), ESC_LABEL);
}

/* A sample of an edge as the graph draws it: a line of the colour, width
 * and style, and an arrow head. */
static void
put_line_sample(struct buf *out, const char *colour, int width, bool dashed)
{
	buf_printf(out, "<TD><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
			"<TR><TD WIDTH=\"26\" HEIGHT=\"7\" SIDES=\"B\" BORDER=\"%d\" COLOR=\"%s\"%s></TD></TR>"
			"<TR><TD HEIGHT=\"7\"></TD></TR></TABLE></TD>"
			"<TD><FONT POINT-SIZE=\"10\" COLOR=\"%s\">\xE2\x96\xB6</FONT></TD>",
		   width, colour, dashed ? " STYLE=\"dashed\"" : "", colour);
}

static void
put_legend_text(struct buf *out, const struct draw *d, enum msg m)
{
	buf_puts(out, "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">");
	put_words(out, d, m);
	buf_puts(out, "  </FONT></TD>");
}

/* The groups of the legend's rows in the SVG and their classes (Graphviz
 * makes a group "a_ID" for a cell only when it links: the rows link to the
 * picture's title). */
#define LEGEND_CLASSES \
	"a_legend-moves\tlegend legend-moves\n" \
	"a_legend-positions\tlegend legend-positions\n"

/* A legend row: a cell with an id, a link and a tooltip, so that the SVG
 * has a group for it (LEGEND_CLASSES). */
static void
legend_row_start(struct buf *out, const struct draw *d, const char *name, enum msg title)
{
	buf_printf(out, "<TR><TD ALIGN=\"LEFT\" ID=\"legend-%s\" HREF=\"#svg-title\" TOOLTIP=\"",
		   name);
	put_words(out, d, title);
	buf_puts(out, "\"><TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\"><TR>");
}

static void
legend_row_end(struct buf *out)
{
	buf_puts(out, "</TR></TABLE></TD></TR>");
}

/* The moves: their lines as drawn, thickness, and the friction on them by
 * colour and glyph, each level's sample drawn as such a move is. */
static void
legend_moves(struct buf *out, const struct draw *d)
{
	legend_row_start(out, d, "moves", M_OV_LEGEND_MOVES_ALL);
	put_line_sample(out, COLOR_NO_FRICTION, 2, false);
	buf_puts(out, "<TD><FONT POINT-SIZE=\"10\">");
	put_words(out, d, M_R_MOVE_UP);
	buf_puts(out, " / ");
	put_words(out, d, M_R_MOVE_LEVEL);
	buf_puts(out, "  </FONT></TD>");
	put_line_sample(out, COLOR_NO_FRICTION, 2, true);
	put_legend_text(out, d, M_R_MOVE_DOWN);
	put_line_sample(out, COLOR_NO_FRICTION, 1, false);
	put_line_sample(out, COLOR_NO_FRICTION, 6, false);
	put_legend_text(out, d, M_OV_LEGEND_THICK);
	if (d->highest_move > 0) {
		put_legend_text(out, d, M_OV_LEGEND_MOVES);
		int low[4], high[4];
		scale_ranges(d->highest_move, low, high);
		for (int level = 1; level <= 3; level++) {
			if (high[level] < low[level])
				continue;
			struct impact_style style = impact_style_of(d->ov->chain, level);
			put_line_sample(out, style.fill, 3, false);
			buf_printf(out, "<TD><FONT POINT-SIZE=\"10\">%s ", style.glyph);
			put_range(out, low[level], high[level]);
			buf_puts(out, "  </FONT></TD>");
		}
	}
	legend_row_end(out);
}

/* The friction at positions: a chip per level as the position's friction
 * row shows it. */
static void
legend_positions(struct buf *out, const struct draw *d)
{
	if (d->highest <= 0)
		return;
	legend_row_start(out, d, "positions", M_OV_LEGEND_POSITIONS);
	put_legend_text(out, d, M_OV_LEGEND_POSITIONS);
	int low[4], high[4];
	scale_ranges(d->highest, low, high);
	for (int level = 1; level <= 3; level++) {
		if (high[level] < low[level])
			continue;
		struct impact_style style = impact_style_of(d->ov->chain, level);
		buf_printf(out, "<TD BGCOLOR=\"%s\"><FONT POINT-SIZE=\"10\" COLOR=\"%s\"><B>%s ",
			   style.fill, style.text, style.glyph);
		put_range(out, low[level], high[level]);
		buf_puts(out, "</B></FONT></TD>");
	}
	legend_row_end(out);
}

/* "6 journeys, 5 personas · friction score 149 (12 of it about whole
 * journeys) · 1 journey skipped" */
static void
caption_text(struct buf *out, const struct draw *d)
{
	const struct overview *ov = d->ov;
	msg_append_plural(out, d->lang, ov->journeys, M_SUMMARY_JOURNEYS_1, M_SUMMARY_JOURNEYS_N);
	buf_puts(out, ", ");
	msg_append_plural(out, d->lang, (int)ov->n_personas, M_SUMMARY_PERSONAS_1, M_SUMMARY_PERSONAS_N);
	buf_puts(out, " \xC2\xB7 ");
	msg_append(out, d->lang, M_SUMMARY_SCORE, ov->friction);
	if (ov->unplaced > 0) {
		buf_puts(out, " (");
		msg_append(out, d->lang, M_OV_UNPLACED, ov->unplaced);
		buf_puts(out, ")");
	}
	if (ov->skipped > 0) {
		buf_puts(out, " \xC2\xB7 ");
		msg_append_plural(out, d->lang, ov->skipped, M_RENDER_SKIPPED_1, M_RENDER_SKIPPED_N);
	}
}

static const char *
chain_name(const struct chain *chain)
{
	if (chain->title.s && *chain->title.s)
		return chain->title.s;
	return chain->id.s ? chain->id.s : "";
}

static void
title_label(struct buf *out, const struct draw *d)
{
	struct buf line = {0};
	msg_append(&line, d->lang, M_OV_TITLE, chain_name(d->ov->chain));
	buf_puts(out, "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
		 "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>");
	esc_wrap(out, buf_str(&line), 80, 2);
	buf_puts(out, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\">");
	buf_clear(&line);
	caption_text(&line, d);
	esc_append(out, buf_str(&line), line.len, ESC_LABEL);
	buf_puts(out, "</TD></TR>");
	legend_moves(out, d);
	legend_positions(out, d);
	buf_puts(out, "</TABLE>");
	buf_free(&line);
}

/* --- the graph --- */

static void
declare_defaults(Agraph_t *g)
{
	agattr(g, AGRAPH, (char *)"fontname", (char *)FONT);
	agattr(g, AGRAPH, (char *)"rankdir", (char *)"LR");
	agattr(g, AGRAPH, (char *)"nodesep", (char *)"0.12");
	agattr(g, AGRAPH, (char *)"ranksep", (char *)"0.3");
	agattr(g, AGRAPH, (char *)"pad", (char *)"0.15");
	agattr(g, AGRAPH, (char *)"margin", (char *)"0"); /* no white border around a PDF */
	agattr(g, AGRAPH, (char *)"bgcolor", (char *)"white");
	agattr(g, AGRAPH, (char *)"labelloc", (char *)"t");
	agattr(g, AGRAPH, (char *)"labeljust", (char *)"l");
	agattr(g, AGRAPH, (char *)"class", (char *)"overview");
	agattr(g, AGRAPH, (char *)"rank", (char *)"");
	agattr(g, AGNODE, (char *)"fontname", (char *)FONT);
	agattr(g, AGNODE, (char *)"fontsize", (char *)"11");
	agattr(g, AGNODE, (char *)"shape", (char *)"plain");
	agattr(g, AGEDGE, (char *)"fontname", (char *)FONT);
	agattr(g, AGEDGE, (char *)"fontsize", (char *)"10");
	agattr(g, AGEDGE, (char *)"arrowsize", (char *)"0.8");
	agattr(g, AGEDGE, (char *)"constraint", (char *)"false");
}

static const char *
position_id(const struct ov_position *p)
{
	return p->id;
}

static void
add_position(struct draw *d, size_t i)
{
	const struct ov_position *p = &d->ov->positions[i];
	buf_clear(&d->scratch);
	buf_printf(&d->scratch, "position-%s", position_id(p));
	Agnode_t *n = agnode(d->g, d->scratch.data, 1);
	d->nodes[i] = n;
	set(n, "id", d->scratch.data);
	buf_clear(&d->scratch);
	buf_printf(&d->scratch, "position friction-%d%s%s",
		   overview_level(p->friction, d->highest), p->stages ? "" : " unvisited",
		   p->pos ? "" : " foreign");
	if (p->pos != NULL && p->pos->dom != NULL && p->pos->dom->id.s != NULL)
		buf_printf(&d->scratch, " domain-%s", p->pos->dom->id.s);
	if (p->ladder > 0)
		buf_printf(&d->scratch, " rung-%ld", p->ladder);
	set(n, "class", d->scratch.data);
	buf_clear(&d->scratch);
	position_label(&d->scratch, d, p);
	set_html(d->g, n, "label", d->scratch.data);
}

static long
rung_of(const struct ov_position *p)
{
	return p->ladder;
}

/* One rank per rung, lowest at the bottom (positions without one below all),
 * held in order by invisible edges between the first nodes of the rungs. */
static void
add_ranks(struct draw *d)
{
	const struct overview *ov = d->ov;
	Agnode_t *below = NULL;
	long previous = -1;
	for (;;) {
		long rung = -1;
		for (size_t i = 0; i < ov->n_positions; i++)
			if (d->nodes[i] && rung_of(&ov->positions[i]) > previous &&
			    (rung < 0 || rung_of(&ov->positions[i]) < rung))
				rung = rung_of(&ov->positions[i]);
		if (rung < 0)
			return;
		/* anonymous: cgraph keeps a named subgraph in the order of its
		 * name's address, an anonymous one in the order it was made,
		 * so the dot output is the same bytes every run */
		Agraph_t *sg = agsubg(d->g, NULL, 1);
		set(sg, "rank", "same");
		Agnode_t *first = NULL;
		for (size_t i = 0; i < ov->n_positions; i++)
			if (d->nodes[i] && rung_of(&ov->positions[i]) == rung) {
				agsubnode(sg, d->nodes[i], 1);
				first = first ? first : d->nodes[i];
			}
		if (below != NULL) {
			Agedge_t *e = agedge(d->g, below, first, (char *)"order", 1);
			set(e, "style", "invis");
			set(e, "constraint", "true");
			set(e, "weight", "10");
		}
		below = first;
		previous = rung;
	}
}

static const char *
move_kind(const struct overview *ov, size_t from, size_t to)
{
	const struct ov_position *a = &ov->positions[from], *b = &ov->positions[to];
	if (rung_of(a) == 0 || rung_of(b) == 0 || rung_of(a) == rung_of(b))
		return "level";
	return rung_of(b) > rung_of(a) ? "up" : "down";
}

/* Width in hundredths of a point: 1 to 7, by the square root of the share
 * of the most frequent move, so that rare moves stay visible. */
static long
pen_width(int count, int most)
{
	double share = most > 0 ? sqrt((double)count / (double)most) : 0;
	return 100 + (long)(share * (MAX_PEN_HUNDREDTHS - 100) + 0.5);
}

/* A move between two positions of one rung gets an external label:
 * Graphviz 2.43 frees memory twice when such a flat edge has a label. */
static void
style_move(struct draw *d, Agedge_t *e, const struct ov_edge *m, const char *kind, bool flat)
{
	int level = overview_level(m->friction, d->highest_move);
	set(e, "color", level ? impact_style_of(d->ov->chain, level).fill : COLOR_NO_FRICTION);
	set_hundredths(e, "penwidth", pen_width(m->count, d->most));
	if (strcmp(kind, "down") == 0)
		set(e, "style", "dashed");
	buf_clear(&d->scratch);
	buf_printf(&d->scratch, "move %s friction-%d", kind, level);
	set(e, "class", d->scratch.data);
	buf_clear(&d->scratch);
	buf_printf(&d->scratch, "%d\xC3\x97", m->count);
	if (level > 0)
		buf_printf(&d->scratch, " %s%d", impact_style_of(d->ov->chain, level).glyph, m->friction);
	set(e, flat ? "xlabel" : "label", d->scratch.data);
}

static void
add_moves(struct draw *d)
{
	const struct overview *ov = d->ov;
	const struct ov_move **order = overview_moves_in_order(ov);
	for (size_t k = 0; k < ov->n_moves; k++) {
		size_t from = order[k]->from, to = order[k]->to;
		const struct ov_edge *m = &order[k]->edge;
		if (m->count == 0 || from == to)
			continue;
		buf_clear(&d->scratch);
		buf_printf(&d->scratch, "move-%s-%s", position_id(&ov->positions[from]),
			   position_id(&ov->positions[to]));
		Agedge_t *e = agedge(d->g, d->nodes[from], d->nodes[to], d->scratch.data, 1);
		set(e, "id", d->scratch.data);
		bool flat = rung_of(&ov->positions[from]) == rung_of(&ov->positions[to]);
		style_move(d, e, m, move_kind(ov, from, to), flat);
	}
	free(order);
}

static void
build(struct draw *d)
{
	const struct overview *ov = d->ov;
	for (size_t i = 0; i < ov->n_moves; i++)
		if (ov->moves[i].edge.count > d->most)
			d->most = ov->moves[i].edge.count;
	d->highest = overview_highest(ov, false);
	d->highest_move = overview_highest(ov, true);
	char *name = esc_plain(msg(d->lang, M_OV_NAME), 200);
	d->g = agopen(name, Agdirected, NULL);
	free(name);
	declare_defaults(d->g);
	buf_clear(&d->scratch);
	title_label(&d->scratch, d);
	set_html(d->g, d->g, "label", d->scratch.data);
	d->nodes = xcalloc(ov->n_positions, sizeof(*d->nodes));
	for (size_t i = 0; i < ov->n_positions; i++)
		add_position(d, i);
	add_ranks(d);
	add_moves(d);
}

/* --- output --- */

/* One sentence for the SVG <desc>, XML-escaped. */
static void
description(struct buf *out, const struct draw *d)
{
	struct buf text = {0};
	msg_append(&text, d->lang, M_OV_TITLE, chain_name(d->ov->chain));
	buf_puts(&text, ": ");
	caption_text(&text, d);
	esc_append(out, buf_str(&text), text.len, ESC_XML);
	buf_free(&text);
}

static int
render_bytes(struct draw *d, GVC_t *gvc, enum image_format format, struct buf *out)
{
	struct buf desc = {0};
	if (format == IMAGE_SVG)
		description(&desc, d);
	int status = gv_render_bytes(gvc, d->g, format, buf_str(&desc), LEGEND_CLASSES, out);
	buf_free(&desc);
	return status;
}

int
overview_render(const struct overview *ov, enum image_format format, enum lang lang,
		struct buf *out, char **error)
{
	*error = NULL;
	GVC_t *gvc = gv_shared_context();
	if (gvc == NULL) {
		*error = msg_xasprintf(lang, M_R_GRAPHVIZ_FORMAT, image_format_name(format));
		return -1;
	}
	gv_messages_start();
	struct draw d = {ov, lang, 0, 0, 0, NULL, NULL, {0}};
	build(&d);
	int status = gvLayout(gvc, d.g, "dot");
	if (status == 0) {
		status = render_bytes(&d, gvc, format, out);
		gvFreeLayout(gvc, d.g);
	}
	if (status != 0)
		*error = gv_messages_error(lang);
	agclose(d.g);
	free(d.nodes);
	buf_free(&d.scratch);
	gv_messages_stop();
	return status != 0 ? -1 : 0;
}
