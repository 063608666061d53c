/* pathway.c - building the pathway diagram with libcgraph, laying it out and rendering it with libgvc, and making the output bytes deterministic. */
#include "pathway.h"

#include "gv_shared.h"
#include "mem.h"
#include "pathway_labels.h"
#include "pathway_measure.h"
#include "render_text.h"

#include <xdot.h>

#include <stdlib.h>
#include <string.h>

#define FONT "DejaVu Sans"

/*
 * The layout is computed here, not by dot: dot cannot be made to stack
 * lanes in a given order under a title and above a legend. Graphviz does
 * what it does best, sizing every HTML-like label with the real fonts,
 * routing nothing and rendering everything:
 *
 * 1. All nodes (title, legend, lane headers, stage cards) and edges are
 *    laid out with the "nop2" engine at a dummy position, which gives
 *    their sizes.
 * 2. The grid follows from the sizes: column 0 holds the lane headers,
 *    column i + 1 stage i, each as wide as its node; lanes stacked by
 *    rung, highest on top, and in the compact diagram row after row (a
 *    longer journey wraps, pathway.h). On the poster each lane is as high
 *    as its tallest node; in the compact diagram a band is as high as its
 *    header and a card hangs from the top of its band over the bands
 *    below (nothing else is in its column), the row's last band reaching
 *    down to its lowest card. The title goes above, the legend below. The
 *    lane bands are xdot drawing operations behind the graph
 *    (_background), and each transition an S-curve through the empty
 *    corridor between two columns; into the next row, a line down the
 *    corridor after the row's last column, back along the gap between the
 *    rows and down the corridor before the next row's first column.
 * 3. The grid is written into the laid-out graph (see move_in_place) and
 *    into its "pos" attributes, so the graph renders in any format and its
 *    DOT output (layout=nop2) renders the same picture again.
 */

/* Distances in points. */
enum {
	COLUMN_GAP = 56, /* between columns: room for the transition curves */
	COMPACT_COLUMN_GAP = 32, /* the same in the compact diagram */
	LANE_GAP = 3,    /* white line between lane bands */
	ROW_GAP = 16,    /* between the rows of a wrapped journey */
	LANE_PAD = 8,    /* inside a band, around its nodes */
	COMPACT_LANE_PAD = 4, /* the same in the compact diagram */
	TITLE_GAP = 14,  /* between the title and the first band */
	LEGEND_GAP = 16, /* between the last band and the legend */
	COMPACT_GAP = 8, /* both, in the compact diagram */
	LEGEND_PART_GAP = 4, /* between the parts of the legend */
	ANCHOR_DROP = 13 /* transitions meet a card this far below its top */
};
#define ARROW_LENGTH 9.0 /* 10 points times arrowsize 0.9 */

struct renderer {
	GVC_t *gvc;
	enum image_format format;
};

static const char *const format_names[] = {"svg", "png", "pdf", "dot"};

const char *
image_format_name(enum image_format format)
{
	return format_names[format];
}

int
image_format_parse(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s != NULL && strcmp(s, format_names[i]) == 0)
			return i;
	return -1;
}

/* --- building the graph --- */

/* A node's size and, once the grid is made, its centre; points, y up. */
struct place {
	double w, h, x, y;
};

struct syms {
	Agsym_t *g_background, *g_layout;
	Agsym_t *n_label, *n_pos, *n_id, *n_class;
	Agsym_t *e_pos, *e_style, *e_color, *e_penwidth, *e_dir, *e_arrowtail, *e_id, *e_class;
};

struct build {
	const struct pathway_spec *spec;
	Agraph_t *g;
	Agnode_t *title, *title_markers;      /* the markers may be NULL */
	Agnode_t *legend[LEGEND_PARTS];       /* NULL for a part left out */
	Agnode_t **headers;     /* one per lane */
	Agnode_t **stages;      /* one per stage */
	Agedge_t **edges;       /* edges[i - 1] leads into stage i */
	struct place title_box, title_markers_box, legend_box[LEGEND_PARTS];
	struct place *header_box; /* one per lane */
	struct place *stage_box;  /* one per stage */
	double *band_top, *band_bottom; /* one per lane; y up */
	double band_right;
	struct syms s;
	struct buf scratch;
};

static Agsym_t *
declare(Agraph_t *g, int kind, const char *name, const char *value)
{
	return agattr(g, kind, (char *)name, (char *)value);
}

static void
set(void *obj, Agsym_t *sym, const char *value)
{
	agxset(obj, sym, (char *)value);
}

static void
declare_graph(struct build *b)
{
	Agraph_t *g = b->g;
	declare(g, AGRAPH, "fontname", FONT);
	declare(g, AGRAPH, "pad", "0.25");
	declare(g, AGRAPH, "bgcolor", "white");
	declare(g, AGRAPH, "class", "pathway");
	b->s.g_layout = declare(g, AGRAPH, "layout", "nop2");
	b->s.g_background = declare(g, AGRAPH, "_background", "");
	declare(g, AGNODE, "fontname", FONT);
	declare(g, AGNODE, "fontsize", "11");
	declare(g, AGNODE, "shape", "plain");
	b->s.n_label = declare(g, AGNODE, "label", "\\N");
	b->s.n_pos = declare(g, AGNODE, "pos", "0,0");
	b->s.n_id = declare(g, AGNODE, "id", "");
	b->s.n_class = declare(g, AGNODE, "class", "");
	declare(g, AGEDGE, "fontname", FONT);
	declare(g, AGEDGE, "arrowsize", "0.9");
	b->s.e_pos = declare(g, AGEDGE, "pos", "");
	b->s.e_style = declare(g, AGEDGE, "style", "");
	b->s.e_color = declare(g, AGEDGE, "color", "black");
	b->s.e_penwidth = declare(g, AGEDGE, "penwidth", "1");
	b->s.e_dir = declare(g, AGEDGE, "dir", "forward");
	b->s.e_arrowtail = declare(g, AGEDGE, "arrowtail", "normal");
	b->s.e_id = declare(g, AGEDGE, "id", "");
	b->s.e_class = declare(g, AGEDGE, "class", "");
}

/* A node with an id (its name too), classes and an HTML-like label; NULL
 * for a node the spec leaves out. */
static Agnode_t *
add_node(struct build *b, const struct spec_node *node)
{
	if (node->label == NULL)
		return NULL;
	Agnode_t *n = agnode(b->g, node->id, 1);
	set(n, b->s.n_id, node->id);
	set(n, b->s.n_class, node->classes);
	char *html = agstrdup_html(b->g, node->label);
	agxset(n, b->s.n_label, html);
	agstrfree(b->g, html);
	return n;
}

static void
build_graph(struct build *b, const struct pathway_spec *spec)
{
	memset(b, 0, sizeof(*b));
	b->spec = spec;
	size_t n_lanes = spec->n_lanes ? spec->n_lanes : 1;
	size_t n_stages = spec->n_stages ? spec->n_stages : 1;
	b->headers = xcalloc(n_lanes, sizeof(*b->headers));
	b->header_box = xcalloc(n_lanes, sizeof(*b->header_box));
	b->band_top = xcalloc(n_lanes, sizeof(double));
	b->band_bottom = xcalloc(n_lanes, sizeof(double));
	b->stages = xcalloc(n_stages, sizeof(*b->stages));
	b->stage_box = xcalloc(n_stages, sizeof(*b->stage_box));
	b->edges = xcalloc(n_stages, sizeof(*b->edges));
	b->g = agopen(spec->name, Agdirected, NULL);
	declare_graph(b);
	b->title = add_node(b, &spec->title);
	b->title_markers = add_node(b, &spec->title_markers);
	for (int k = 0; k < LEGEND_PARTS; k++)
		b->legend[k] = add_node(b, &spec->legend[k]);
	for (size_t l = 0; l < spec->n_lanes; l++)
		b->headers[l] = add_node(b, &spec->lanes[l]);
	for (size_t i = 0; i < spec->n_stages; i++)
		b->stages[i] = add_node(b, &spec->stages[i]);
}

static void
build_free(struct build *b)
{
	if (b->g != NULL)
		agclose(b->g);
	free(b->headers);
	free(b->header_box);
	free(b->band_top);
	free(b->band_bottom);
	free(b->stages);
	free(b->stage_box);
	free(b->edges);
	buf_free(&b->scratch);
}

/* --- the grid --- */

static double
max_of(double a, double b)
{
	return a > b ? a : b;
}

/* A number with two decimals, without the locale's help. */
static void
put_number(struct buf *out, double v)
{
	double scaled = v * 100.0;
	long c = (long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
	buf_printf(out, "%s%ld.%02ld", c < 0 ? "-" : "", labs(c) / 100, labs(c) % 100);
}

static void
put_point(struct buf *out, double x, double y)
{
	put_number(out, x);
	buf_putc(out, ',');
	put_number(out, y);
}

static void
measure(Agnode_t *n, struct place *at)
{
	at->w = ND_width(n) * 72.0;
	at->h = ND_height(n) * 72.0;
}

static void
measure_all(struct build *b)
{
	measure(b->title, &b->title_box);
	if (b->title_markers != NULL)
		measure(b->title_markers, &b->title_markers_box);
	for (int k = 0; k < LEGEND_PARTS; k++)
		if (b->legend[k] != NULL)
			measure(b->legend[k], &b->legend_box[k]);
	for (size_t l = 0; l < b->spec->n_lanes; l++)
		measure(b->headers[l], &b->header_box[l]);
	for (size_t i = 0; i < b->spec->n_stages; i++)
		measure(b->stages[i], &b->stage_box[i]);
}

static double
column_gap(const struct pathway_spec *spec)
{
	return spec->compact ? COMPACT_COLUMN_GAP : COLUMN_GAP;
}

static double
lane_pad(const struct pathway_spec *spec)
{
	return spec->compact ? COMPACT_LANE_PAD : LANE_PAD;
}

static size_t
row_of(const struct pathway_spec *spec, size_t i)
{
	return spec->lane_row[spec->stage_lane[i]];
}

/* How far below the top of lane l's band its nodes reach (the band's own
 * height, before a compact row's last band is stretched to its cards). */
static double
band_depth(const struct build *b, size_t l)
{
	const struct pathway_spec *spec = b->spec;
	double high = b->header_box[l].h, pad = lane_pad(spec);
	for (size_t i = 0; !spec->compact && i < spec->n_stages; i++)
		if (spec->stage_lane[i] == l)
			high = max_of(high, b->stage_box[i].h);
	return high + 2.0 * pad;
}

/* Places the bands and their nodes top down, from d (the distance from
 * the top); depth[l] receives the bottom of each band. Returns the bottom
 * of the last band. */
static double
place_bands(struct build *b, double d, double *depth)
{
	const struct pathway_spec *spec = b->spec;
	double pad = lane_pad(spec);
	for (size_t l = 0; l < spec->n_lanes; l++) {
		if (l > 0)
			d += spec->lane_row[l] != spec->lane_row[l - 1] ? ROW_GAP : LANE_GAP;
		b->band_top[l] = d;
		b->header_box[l].y = d + pad + b->header_box[l].h / 2.0;
		depth[l] = d + band_depth(b, l);
		d = depth[l];
		if (l + 1 < spec->n_lanes && spec->lane_row[l + 1] == spec->lane_row[l])
			continue;
		/* The row's last band reaches down to its lowest card. */
		for (size_t i = 0; i < spec->n_stages; i++) {
			size_t lane = spec->stage_lane[i];
			if (spec->lane_row[lane] != spec->lane_row[l])
				continue;
			b->stage_box[i].y = b->band_top[lane] + pad + b->stage_box[i].h / 2.0;
			d = max_of(d, b->band_top[lane] + b->stage_box[i].h + 2.0 * pad);
		}
		depth[l] = d;
	}
	return d;
}

/* Stacks title, bands and legend from the top down, then turns the
 * distances from the top into y (up, 0 at the bottom). */
static void
place_vertically(struct build *b)
{
	const struct pathway_spec *spec = b->spec;
	double *depth = xcalloc(spec->n_lanes ? spec->n_lanes : 1, sizeof(double));
	b->title_box.y = b->title_box.h / 2.0;
	double d = b->title_box.h;
	if (b->title_markers != NULL) {
		d += LEGEND_PART_GAP;
		b->title_markers_box.y = d + b->title_markers_box.h / 2.0;
		d += b->title_markers_box.h;
	}
	d = place_bands(b, d + (spec->compact ? COMPACT_GAP : TITLE_GAP), depth) +
	    (spec->compact ? COMPACT_GAP : LEGEND_GAP);
	for (int k = 0; k < LEGEND_PARTS; k++) {
		if (b->legend[k] == NULL)
			continue;
		d += LEGEND_PART_GAP;
		b->legend_box[k].y = d + b->legend_box[k].h / 2.0;
		d += b->legend_box[k].h;
	}
	double total = d;
	b->title_box.y = total - b->title_box.y;
	b->title_markers_box.y = total - b->title_markers_box.y;
	for (int k = 0; k < LEGEND_PARTS; k++)
		b->legend_box[k].y = total - b->legend_box[k].y;
	for (size_t l = 0; l < spec->n_lanes; l++) {
		b->band_bottom[l] = total - depth[l];
		b->band_top[l] = total - b->band_top[l];
		b->header_box[l].y = total - b->header_box[l].y;
	}
	for (size_t i = 0; i < spec->n_stages; i++)
		b->stage_box[i].y = total - b->stage_box[i].y;
	free(depth);
}

/* Column 0 holds the lane headers, column i + 1 stage i; each column is
 * as wide as its widest node and starts column_gap() after the last. */
static void
place_horizontally(struct build *b)
{
	const struct pathway_spec *spec = b->spec;
	double widest = 0, pad = lane_pad(spec);
	for (size_t l = 0; l < spec->n_lanes; l++) {
		b->header_box[l].x = pad + b->header_box[l].w / 2.0;
		widest = max_of(widest, b->header_box[l].w);
	}
	double gap = column_gap(spec), first = pad + widest + gap, left = first;
	b->band_right = left - gap + pad;
	for (size_t i = 0; i < spec->n_stages; i++) {
		if (i > 0 && row_of(spec, i) != row_of(spec, i - 1))
			left = first;
		b->stage_box[i].x = left + b->stage_box[i].w / 2.0;
		left += b->stage_box[i].w + gap;
		b->band_right = max_of(b->band_right, left - gap + pad);
	}
	b->title_box.x = b->title_box.w / 2.0;
	b->title_markers_box.x = b->title_markers_box.w / 2.0;
	for (int k = 0; k < LEGEND_PARTS; k++)
		b->legend_box[k].x = b->legend_box[k].w / 2.0;
}

static void
set_position(struct build *b, Agnode_t *n, const struct place *at)
{
	buf_clear(&b->scratch);
	put_point(&b->scratch, at->x, at->y);
	set(n, b->s.n_pos, buf_str(&b->scratch));
}

static void
set_positions(struct build *b)
{
	set_position(b, b->title, &b->title_box);
	if (b->title_markers != NULL)
		set_position(b, b->title_markers, &b->title_markers_box);
	for (int k = 0; k < LEGEND_PARTS; k++)
		if (b->legend[k] != NULL)
			set_position(b, b->legend[k], &b->legend_box[k]);
	for (size_t l = 0; l < b->spec->n_lanes; l++)
		set_position(b, b->headers[l], &b->header_box[l]);
	for (size_t i = 0; i < b->spec->n_stages; i++)
		set_position(b, b->stages[i], &b->stage_box[i]);
}

/* The lane bands behind the graph, as xdot operations: a rectangle per
 * lane in its domain's tint, across the whole width; all at 0 before the
 * grid is made. */
static void
draw_bands(struct build *b, bool placed)
{
	struct buf ops = {0};
	for (size_t l = 0; l < b->spec->n_lanes; l++) {
		const char *band = b->spec->bands[l];
		buf_printf(&ops, "%sc %zu -%s C %zu -%s P 4", l ? " " : "", strlen(band), band,
			   strlen(band), band);
		double xs[] = {0, b->band_right, b->band_right, 0};
		double ys[] = {b->band_bottom[l], b->band_bottom[l], b->band_top[l], b->band_top[l]};
		for (size_t k = 0; k < 4; k++) {
			buf_putc(&ops, ' ');
			put_number(&ops, placed ? xs[k] : 0);
			buf_putc(&ops, ' ');
			put_number(&ops, placed ? ys[k] : 0);
		}
	}
	set(b->g, b->s.g_background, buf_str(&ops));
	buf_free(&ops);
}

/* The curve of the transition into stage i: an S from the right side of
 * stage i - 1 to the left side of stage i, through the corridor between
 * their columns, where no node is; into the next row, five straight
 * pieces around the rows (see the top of this file). Tail and head are
 * the ends of the arrows (a change of domain gets a diamond at its tail). */
enum { CURVE_POINTS = 16 }; /* 5 pieces of a Bezier curve */

struct curve {
	pointf points[CURVE_POINTS];
	int n;
	pointf tail, head;
};

/* Appends a straight piece from the curve's last point to (x, y). */
static void
curve_line_to(struct curve *c, double x, double y)
{
	pointf from = c->points[c->n - 1];
	for (int k = 1; k <= 3; k++)
		c->points[c->n++] = (pointf){from.x + (x - from.x) * k / 3.0,
					     from.y + (y - from.y) * k / 3.0};
}

/* The y of the middle of the gap above stage i's row. */
static double
row_gap_above(const struct build *b, size_t i)
{
	const struct pathway_spec *spec = b->spec;
	size_t row = row_of(spec, i), l = 0;
	while (spec->lane_row[l] != row)
		l++;
	return b->band_top[l] + ROW_GAP / 2.0;
}

static struct curve
transition_curve(const struct build *b, size_t i)
{
	const struct place *a = &b->stage_box[i - 1], *z = &b->stage_box[i];
	double x0 = a->x + a->w / 2.0, y0 = a->y + a->h / 2.0 - ANCHOR_DROP;
	double x3 = z->x - z->w / 2.0, y3 = z->y + z->h / 2.0 - ANCHOR_DROP;
	double start = x0 + (b->spec->changes[i - 1] > 0 ? ARROW_LENGTH : 0);
	double end = x3 - ARROW_LENGTH, bend = (end - start) / 2.0;
	struct curve c = {{{start, y0}, {start + bend, y0}, {end - bend, y3}, {end, y3}},
			  4, {x0, y0}, {x3, y3}};
	if (row_of(b->spec, i) == row_of(b->spec, i - 1))
		return c;
	double y = row_gap_above(b, i), half = column_gap(b->spec) / 2.0;
	c.n = 1;
	curve_line_to(&c, x0 + half, y0);
	curve_line_to(&c, x0 + half, y);
	curve_line_to(&c, x3 - half, y);
	curve_line_to(&c, x3 - half, y3);
	curve_line_to(&c, end, y3);
	return c;
}

/* The edge's pos attribute: "s,x,y e,x,y x,y x,y x,y x,y". */
static void
set_edge_position(struct build *b, size_t i, bool placed)
{
	struct curve c = transition_curve(b, i);
	struct buf *pos = &b->scratch;
	buf_clear(pos);
	if (b->spec->changes[i - 1] > 0) {
		buf_puts(pos, "s,");
		put_point(pos, placed ? c.tail.x : 0, placed ? c.tail.y : 0);
		buf_putc(pos, ' ');
	}
	buf_puts(pos, "e,");
	put_point(pos, placed ? c.head.x : 0, placed ? c.head.y : 0);
	for (int k = 0; k < c.n; k++) {
		buf_putc(pos, ' ');
		put_point(pos, placed ? c.points[k].x : 0, placed ? c.points[k].y : 0);
	}
	set(b->edges[i - 1], b->s.e_pos, buf_str(pos));
}

static void
add_transition(struct build *b, size_t i)
{
	enum move move = b->spec->moves[i - 1];
	int change = b->spec->changes[i - 1];
	Agedge_t *e = agedge(b->g, b->stages[i - 1], b->stages[i], NULL, 1);
	b->edges[i - 1] = e;
	static const char *const classes[] = {"move up", "move level", "move down relapse"};
	static const enum colour colors[] = {COLOUR_MOVE_UP, COLOUR_MOVE_LEVEL, COLOUR_MOVE_DOWN};
	static const char *const widths[] = {"2.2", "1.6", "2.2"};
	char *id = xasprintf("move-%zu", i + 1);
	set(e, b->s.e_id, id);
	free(id);
	buf_clear(&b->scratch);
	buf_puts(&b->scratch, classes[move]);
	buf_puts(&b->scratch, change == 2 ? " domain-change" : change == 1 ? " one-roof" : "");
	set(e, b->s.e_class, buf_str(&b->scratch));
	set(e, b->s.e_color, colour_hex(colors[move]));
	set(e, b->s.e_penwidth, widths[move]);
	if (move == MOVE_DOWN)
		set(e, b->s.e_style, "dashed");
	if (change > 0) {
		set(e, b->s.e_dir, "both");
		set(e, b->s.e_arrowtail, change == 2 ? "diamond" : "odiamond");
	}
	set_edge_position(b, i, false);
}

/* --- moving the laid-out graph into place ---
 *
 * Laying out with nop2 sizes every label, the dearest part of the work.
 * The first layout (everything at 0) gives the sizes; instead of a second
 * layout, the grid is written into the laid-out graph itself: node
 * centres and their labels, the points of each edge, the band polygons
 * and the bounding box. Each step checks that Graphviz made what the
 * first layout was given (one curve of four points per edge, three xdot
 * operations per band); if anything differs, the graph is laid out a
 * second time from "pos" attributes instead, which gives the same picture.
 */

static void
box_add(boxf *bb, double x, double y)
{
	bb->LL.x = x < bb->LL.x ? x : bb->LL.x;
	bb->LL.y = y < bb->LL.y ? y : bb->LL.y;
	bb->UR.x = x > bb->UR.x ? x : bb->UR.x;
	bb->UR.y = y > bb->UR.y ? y : bb->UR.y;
}

static void
move_node(Agnode_t *n, const struct place *at, boxf *bb)
{
	if (n == NULL)
		return;
	ND_coord(n).x = at->x;
	ND_coord(n).y = at->y;
	if (ND_label(n) != NULL)
		ND_label(n)->pos = ND_coord(n);
	box_add(bb, at->x - at->w / 2.0, at->y - at->h / 2.0);
	box_add(bb, at->x + at->w / 2.0, at->y + at->h / 2.0);
}

static bool
move_edge(struct build *b, size_t i, boxf *bb)
{
	splines *spl = ED_spl(b->edges[i - 1]);
	bool tail = b->spec->changes[i - 1] > 0;
	struct curve c = transition_curve(b, i);
	if (spl == NULL || spl->size != 1 || spl->list[0].size != c.n ||
	    !spl->list[0].eflag || (spl->list[0].sflag != 0) != tail)
		return false;
	bezier *bz = &spl->list[0];
	boxf own = {{c.head.x, c.head.y}, {c.head.x, c.head.y}};
	for (int k = 0; k < c.n; k++) {
		bz->list[k] = c.points[k];
		box_add(&own, c.points[k].x, c.points[k].y);
	}
	bz->ep = c.head;
	if (tail) {
		bz->sp = c.tail;
		box_add(&own, c.tail.x, c.tail.y);
	}
	spl->bb = own;
	box_add(bb, own.LL.x, own.LL.y);
	box_add(bb, own.UR.x, own.UR.y);
	return true;
}

static xdot_op *
xdot_at(xdot *xd, int k)
{
	return (xdot_op *)((char *)xd->ops + (size_t)k * (size_t)xd->sz);
}

static bool
move_bands(struct build *b, boxf *bb)
{
	size_t n = b->spec->n_lanes;
	if (n == 0)
		return true;
	xdot *xd = GD_drawing(b->g) ? GD_drawing(b->g)->xdots : NULL;
	if (xd == NULL || xd->cnt != (int)(3 * n) || xd->sz < (int)sizeof(xdot_op))
		return false;
	for (size_t l = 0; l < n; l++) {
		xdot_op *op = xdot_at(xd, (int)(3 * l + 2));
		if (op->kind != xd_filled_polygon || op->u.polygon.cnt != 4)
			return false;
		double xs[] = {0, b->band_right, b->band_right, 0};
		double ys[] = {b->band_bottom[l], b->band_bottom[l], b->band_top[l], b->band_top[l]};
		for (int k = 0; k < 4; k++) {
			op->u.polygon.pts[k].x = xs[k];
			op->u.polygon.pts[k].y = ys[k];
			box_add(bb, xs[k], ys[k]);
		}
	}
	return true;
}

static bool
move_in_place(struct build *b)
{
	boxf bb = {{0, 0}, {0, 0}};
	for (size_t i = 1; i < b->spec->n_stages; i++)
		if (!move_edge(b, i, &bb))
			return false;
	if (!move_bands(b, &bb))
		return false;
	move_node(b->title, &b->title_box, &bb);
	move_node(b->title_markers, &b->title_markers_box, &bb);
	for (int k = 0; k < LEGEND_PARTS; k++)
		move_node(b->legend[k], &b->legend_box[k], &bb);
	for (size_t l = 0; l < b->spec->n_lanes; l++)
		move_node(b->headers[l], &b->header_box[l], &bb);
	for (size_t i = 0; i < b->spec->n_stages; i++)
		move_node(b->stages[i], &b->stage_box[i], &bb);
	GD_bb(b->g) = bb;
	return true;
}

static bool second_layout_always; /* for the tests of the second way */

void
pathway_lay_out_twice(bool always)
{
	second_layout_always = always;
}

/* Sizes the nodes, makes the grid and puts the graph in place. The
 * attributes are set as well, so that the DOT output holds the picture. */
static int
layout(struct renderer *r, struct build *b)
{
	for (size_t i = 1; i < b->spec->n_stages; i++)
		add_transition(b, i);
	draw_bands(b, false);
	if (gvLayout(r->gvc, b->g, "nop2") != 0)
		return -1;
	measure_all(b);
	place_vertically(b);
	place_horizontally(b);
	set_positions(b);
	draw_bands(b, true);
	for (size_t i = 1; i < b->spec->n_stages; i++)
		set_edge_position(b, i, true);
	if (!second_layout_always && move_in_place(b))
		return 0;
	gvFreeLayout(r->gvc, b->g);
	return gvLayout(r->gvc, b->g, "nop2") != 0 ? -1 : 0;
}

/* --- output bytes --- */

int
pathway_render(struct renderer *r, const struct pathway_spec *spec, struct buf *out,
	       char **error)
{
	*error = NULL;
	gv_messages_start();
	struct build b;
	build_graph(&b, spec);
	int status = layout(r, &b);
	if (status == 0) {
		status = gv_render_bytes(r->gvc, b.g, r->format, b.spec->description,
					 b.spec->svg_classes, out);
		gvFreeLayout(r->gvc, b.g);
	}
	if (status != 0)
		*error = gv_messages_error(spec->lang);
	build_free(&b);
	gv_messages_stop();
	return status;
}

/* --- the renderer --- */

/* Lays out and renders a small label once, so that plugins and fonts are
 * loaded before any journey (and before worker processes are forked). */
static int
warm_up(struct renderer *r)
{
	Agraph_t *g = agopen((char *)"warm-up", Agdirected, NULL);
	Agsym_t *label = agattr(g, AGNODE, (char *)"label", (char *)"\\N");
	agattr(g, AGNODE, (char *)"fontname", (char *)FONT);
	agattr(g, AGNODE, (char *)"shape", (char *)"plain");
	agattr(g, AGNODE, (char *)"pos", (char *)"0,0");
	Agnode_t *n = agnode(g, (char *)"n", 1);
	char *html = agstrdup_html(g, (char *)"<TABLE><TR><TD><FONT POINT-SIZE=\"10\">ë €</FONT> "
				   "<B>’</B> <FONT POINT-SIZE=\"12\"><B>x</B></FONT> "
				   "<FONT POINT-SIZE=\"20\"><B>x</B></FONT></TD></TR></TABLE>");
	agxset(n, label, html);
	agstrfree(g, html);
	int status = gvLayout(r->gvc, g, "nop2");
	if (status == 0) {
		char *data = NULL;
		unsigned int len = 0;
		status = gvRenderData(r->gvc, g, gv_device(r->format), &data, &len);
		if (data != NULL)
			gvFreeRenderData(data);
		gvFreeLayout(r->gvc, g);
	}
	agclose(g);
	return status;
}

struct renderer *
renderer_new(enum image_format format, char **error)
{
	*error = NULL;
	gv_messages_start();
	struct renderer *r = xcalloc(1, sizeof(*r));
	r->format = format;
	r->gvc = gv_shared_context();
	/* Only the cairo formats draw with the text layouts pango makes. */
	measure_remember(format == IMAGE_SVG || format == IMAGE_DOT);
	if (r->gvc == NULL || warm_up(r) != 0) {
		*error = xasprintf("%s", format_names[format]);
		renderer_free(&r);
	}
	gv_messages_stop();
	return r;
}

void
renderer_free(struct renderer **r)
{
	if (*r == NULL)
		return;
	free(*r);
	*r = NULL;
}
