/* pathway_spec.c - the pathway diagram as plain data: lanes, moves and labels prepared from the model, and packed into bytes for a worker process. */
#include "pathway.h"

#include "chain.h"
#include "mem.h"
#include "pathway_labels.h"
#include "render_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* --- lanes and moves --- */

static long
position_order(const struct chain *chain, const struct position *pos)
{
	for (size_t i = 0; chain && i < chain->n_positions; i++)
		if (chain->positions[i] == pos)
			return (long)i;
	return 1L << 30;
}

static bool
lane_above(const struct chain *chain, const struct position *a, const struct position *b)
{
	if (a == NULL || b == NULL)
		return b == NULL && a != NULL;
	if (a->ladder.v != b->ladder.v)
		return a->ladder.v > b->ladder.v;
	return position_order(chain, a) < position_order(chain, b);
}

static void
lane_add(struct lane_set *lanes, size_t *cap, const struct position *pos)
{
	for (size_t i = 0; i < lanes->n; i++)
		if (lanes->pos[i] == pos)
			return;
	lanes->pos = xgrow(lanes->pos, lanes->n, cap, sizeof(*lanes->pos));
	lanes->pos[lanes->n++] = pos;
}

void
lanes_choose(const struct pathway *p, struct lane_set *lanes)
{
	const struct journey *j = p->journey;
	size_t cap = 0;
	memset(lanes, 0, sizeof(*lanes));
	if (p->all_lanes && p->chain != NULL)
		for (size_t i = 0; i < p->chain->n_positions; i++)
			lane_add(lanes, &cap, p->chain->positions[i]);
	for (size_t i = 0; i < j->n_stages; i++)
		lane_add(lanes, &cap, j->stages[i]->pos);
	/* Insertion sort: few lanes, and it keeps equal ones in place. */
	for (size_t i = 1; i < lanes->n; i++)
		for (size_t k = i; k > 0 && lane_above(p->chain, lanes->pos[k], lanes->pos[k - 1]); k--) {
			const struct position *t = lanes->pos[k];
			lanes->pos[k] = lanes->pos[k - 1];
			lanes->pos[k - 1] = t;
		}
	lanes->stage_lane = xcalloc(j->n_stages ? j->n_stages : 1, sizeof(long));
	for (size_t i = 0; i < j->n_stages; i++)
		for (size_t l = 0; l < lanes->n; l++)
			if (lanes->pos[l] == j->stages[i]->pos)
				lanes->stage_lane[i] = (long)l;
}

void
lanes_free(struct lane_set *lanes)
{
	free(lanes->pos);
	free(lanes->stage_lane);
	memset(lanes, 0, sizeof(*lanes));
}

enum move
move_between(const struct stage *a, const struct stage *b)
{
	if (a->pos == NULL || b->pos == NULL)
		return MOVE_LEVEL;
	long from = a->pos->ladder.v, to = b->pos->ladder.v;
	return to > from ? MOVE_UP : to < from ? MOVE_DOWN : MOVE_LEVEL;
}

int
domain_change(const struct stage *a, const struct stage *b)
{
	if (a->pos == NULL || b->pos == NULL || a->pos->dom == NULL || b->pos->dom == NULL)
		return 0;
	const char *da = a->pos->dom->id.s, *db = b->pos->dom->id.s;
	if (a->pos->dom == b->pos->dom || (da && db && strcmp(da, db) == 0))
		return 0;
	return chain_one_roof(a->pos, b->pos) ? 1 : 2;
}

/* --- preparing --- */

static void
node_set(struct spec_node *node, const char *id, const char *classes, struct buf *label)
{
	node->id = xstrdup(id);
	node->classes = xstrdup(classes);
	node->label = buf_detach(label);
}

static void
prepare_head(const struct pathway *p, struct pathway_spec *spec, const struct lane_set *lanes)
{
	struct buf b = {0};
	spec->name = esc_graph_name(p->journey->title.s, 200);
	pathway_description(&b, p);
	spec->description = buf_detach(&b);
	svg_group_classes(&b, p);
	spec->svg_classes = buf_detach(&b);
	label_title(&b, p);
	node_set(&spec->title, "title", "title", &b);
	if (label_title_markers(&b, p, spec->compact ? DETAIL_COMPACT : DETAIL_POSTER))
		node_set(&spec->title_markers, "title-markers", "title friction", &b);
	buf_free(&b);
	for (int k = 0; k < LEGEND_PARTS; k++) {
		if (label_legend_part(&b, p, lanes, k, spec->compact ? DETAIL_COMPACT : DETAIL_POSTER)) {
			char *id = xasprintf("legend-%s", legend_part_names[k]);
			node_set(&spec->legend[k], id, "legend", &b);
			free(id);
		}
		buf_free(&b);
	}
}

/* The row of stage i of n: 0 on the poster; else rows of at most
 * STAGES_PER_ROW, of even length (11 stages: 6 and 5). */
static size_t
row_of_stage(bool compact, size_t i, size_t n)
{
	if (!compact || n == 0)
		return 0;
	size_t rows = (n + STAGES_PER_ROW - 1) / STAGES_PER_ROW;
	size_t per_row = (n + rows - 1) / rows;
	return i / per_row;
}

static bool
row_uses_lane(const struct pathway *p, const struct pathway_spec *spec,
	      const struct lane_set *lanes, size_t row, size_t l)
{
	size_t n = p->journey->n_stages;
	if (p->all_lanes)
		return true;
	for (size_t i = 0; i < n; i++)
		if (row_of_stage(spec->compact, i, n) == row && (size_t)lanes->stage_lane[i] == l)
			return true;
	return false;
}

/* One lane entry: its header node, band and row. Its id is "lane-<pos>",
 * "lane-<pos>_2" in the second row (a slug never holds '_'). */
static void
add_lane(const struct pathway *p, struct pathway_spec *spec, const struct position *pos,
	 size_t row)
{
	size_t l = spec->n_lanes++;
	const char *pid = pos && pos->id.s ? pos->id.s : "unknown";
	char *id = row ? xasprintf("lane-%s_%zu", pid, row + 1) : xasprintf("lane-%s", pid);
	char *classes = pos && pos->dom && pos->dom->id.s
		? xasprintf("lane domain-%s", pos->dom->id.s) : xstrdup("lane");
	struct buf b = {0};
	label_lane(&b, p, pos, spec->compact ? DETAIL_COMPACT : DETAIL_POSTER);
	node_set(&spec->lanes[l], id, classes, &b);
	spec->bands[l] = xstrdup(tint_of(p->chain, pos).band);
	spec->lane_row[l] = row;
	free(classes);
	free(id);
}

/* The lanes row by row, and the lane entry of each stage. */
static void
prepare_lanes(const struct pathway *p, struct pathway_spec *spec, const struct lane_set *lanes)
{
	size_t n = p->journey->n_stages;
	size_t rows = n ? row_of_stage(spec->compact, n - 1, n) + 1 : 1;
	size_t most = lanes->n > 0 ? lanes->n * rows : 1;
	spec->lanes = xcalloc(most, sizeof(*spec->lanes));
	spec->bands = xcalloc(most, sizeof(char *));
	spec->lane_row = xcalloc(most, sizeof(size_t));
	spec->stage_lane = xcalloc(n ? n : 1, sizeof(size_t));
	for (size_t row = 0; row < rows; row++)
		for (size_t l = 0; l < lanes->n; l++) {
			if (!row_uses_lane(p, spec, lanes, row, l))
				continue;
			for (size_t i = 0; i < n; i++)
				if (row_of_stage(spec->compact, i, n) == row &&
				    (size_t)lanes->stage_lane[i] == l)
					spec->stage_lane[i] = spec->n_lanes;
			add_lane(p, spec, lanes->pos[l], row);
		}
}

static void
prepare_stages(const struct pathway *p, struct pathway_spec *spec)
{
	const struct journey *j = p->journey;
	size_t n = j->n_stages;
	spec->n_stages = n;
	spec->stages = xcalloc(n ? n : 1, sizeof(*spec->stages));
	spec->moves = xcalloc(n ? n : 1, sizeof(enum move));
	spec->changes = xcalloc(n ? n : 1, sizeof(int));
	struct buf label = {0}, classes = {0};
	for (size_t i = 0; i < n; i++) {
		const struct stage *s = j->stages[i];
		char *id = xasprintf("stage-%s", s->id.s ? s->id.s : "");
		buf_clear(&classes);
		stage_classes(&classes, p, i);
		label_stage(&label, p, i, spec->compact ? DETAIL_COMPACT : DETAIL_POSTER);
		node_set(&spec->stages[i], id, buf_str(&classes), &label);
		if (i + 1 < n) {
			spec->moves[i] = move_between(s, j->stages[i + 1]);
			spec->changes[i] = domain_change(s, j->stages[i + 1]);
		}
		free(id);
	}
	buf_free(&classes);
}

void
pathway_prepare(const struct pathway *p, enum detail detail, struct pathway_spec *spec)
{
	memset(spec, 0, sizeof(*spec));
	spec->lang = p->lang;
	spec->compact = detail == DETAIL_COMPACT;
	struct lane_set lanes;
	lanes_choose(p, &lanes);
	prepare_head(p, spec, &lanes);
	prepare_lanes(p, spec, &lanes);
	prepare_stages(p, spec);
	lanes_free(&lanes);
}

static void
node_free(struct spec_node *node)
{
	free(node->id);
	free(node->classes);
	free(node->label);
}

void
pathway_spec_free(struct pathway_spec *spec)
{
	free(spec->file_name);
	free(spec->name);
	free(spec->description);
	free(spec->svg_classes);
	node_free(&spec->title);
	node_free(&spec->title_markers);
	for (int k = 0; k < LEGEND_PARTS; k++)
		node_free(&spec->legend[k]);
	for (size_t l = 0; l < spec->n_lanes; l++) {
		node_free(&spec->lanes[l]);
		free(spec->bands[l]);
	}
	free(spec->lanes);
	free(spec->bands);
	free(spec->lane_row);
	for (size_t i = 0; i < spec->n_stages; i++)
		node_free(&spec->stages[i]);
	free(spec->stages);
	free(spec->stage_lane);
	free(spec->moves);
	free(spec->changes);
	memset(spec, 0, sizeof(*spec));
}

/* --- packing: numbers as 8 bytes, strings as a length and bytes (a length
 * of all ones for NULL) --- */

#define NO_STRING UINT64_MAX

static void
pack_number(struct buf *out, uint64_t v)
{
	char bytes[8];
	for (int k = 0; k < 8; k++)
		bytes[k] = (char)(v >> (8 * k));
	buf_add(out, bytes, 8);
}

static void
pack_string(struct buf *out, const char *s)
{
	pack_number(out, s ? strlen(s) : NO_STRING);
	if (s)
		buf_add(out, s, strlen(s));
}

static void
pack_node(struct buf *out, const struct spec_node *node)
{
	pack_string(out, node->id);
	pack_string(out, node->classes);
	pack_string(out, node->label);
}

void
pathway_spec_pack(const struct pathway_spec *spec, struct buf *out)
{
	pack_number(out, (uint64_t)spec->lang);
	pack_number(out, spec->compact);
	pack_string(out, spec->file_name);
	pack_string(out, spec->name);
	pack_string(out, spec->description);
	pack_string(out, spec->svg_classes);
	pack_node(out, &spec->title);
	pack_node(out, &spec->title_markers);
	for (int k = 0; k < LEGEND_PARTS; k++)
		pack_node(out, &spec->legend[k]);
	pack_number(out, spec->n_lanes);
	for (size_t l = 0; l < spec->n_lanes; l++) {
		pack_node(out, &spec->lanes[l]);
		pack_string(out, spec->bands[l]);
		pack_number(out, spec->lane_row[l]);
	}
	pack_number(out, spec->n_stages);
	for (size_t i = 0; i < spec->n_stages; i++) {
		pack_node(out, &spec->stages[i]);
		pack_number(out, spec->stage_lane[i]);
		pack_number(out, (uint64_t)spec->moves[i]);
		pack_number(out, (uint64_t)spec->changes[i]);
	}
}

struct reader {
	const char *data;
	size_t len, at;
	bool bad;
};

static uint64_t
unpack_number(struct reader *r)
{
	if (r->bad || r->len - r->at < 8) {
		r->bad = true;
		return 0;
	}
	uint64_t v = 0;
	for (int k = 0; k < 8; k++)
		v |= (uint64_t)(unsigned char)r->data[r->at + k] << (8 * k);
	r->at += 8;
	return v;
}

static char *
unpack_string(struct reader *r)
{
	uint64_t len = unpack_number(r);
	if (r->bad || len == NO_STRING)
		return NULL;
	if (len > r->len - r->at) {
		r->bad = true;
		return NULL;
	}
	char *s = xstrndup(r->data + r->at, (size_t)len);
	r->at += (size_t)len;
	return s;
}

static void
unpack_node(struct reader *r, struct spec_node *node)
{
	node->id = unpack_string(r);
	node->classes = unpack_string(r);
	node->label = unpack_string(r);
}

/* A count that the remaining bytes could hold (each item takes at least
 * min_size bytes), so that a broken message cannot ask for the moon. */
static size_t
unpack_count(struct reader *r, size_t min_size)
{
	uint64_t n = unpack_number(r);
	if (r->bad || n > (r->len - r->at) / min_size) {
		r->bad = true;
		return 0;
	}
	return (size_t)n;
}

/* A node that is there has an id, classes and a label. */
static bool
node_complete(const struct spec_node *node, bool required)
{
	if (node->label == NULL)
		return !required;
	return node->id != NULL && node->classes != NULL;
}

static bool
spec_complete(const struct pathway_spec *spec)
{
	bool ok = spec->name && spec->description && spec->svg_classes && spec->file_name &&
		  node_complete(&spec->title, true) && node_complete(&spec->title_markers, false);
	for (int k = 0; k < LEGEND_PARTS; k++)
		ok = ok && node_complete(&spec->legend[k], false);
	for (size_t l = 0; l < spec->n_lanes; l++)
		ok = ok && node_complete(&spec->lanes[l], true) && spec->bands[l] != NULL;
	for (size_t i = 0; i < spec->n_stages; i++)
		ok = ok && node_complete(&spec->stages[i], true);
	return ok;
}

int
pathway_spec_unpack(const char *data, size_t len, struct pathway_spec *spec)
{
	struct reader r = {data, len, 0, false};
	memset(spec, 0, sizeof(*spec));
	spec->lang = unpack_number(&r) == LANG_EN ? LANG_EN : LANG_NL;
	spec->compact = unpack_number(&r) != 0;
	spec->file_name = unpack_string(&r);
	spec->name = unpack_string(&r);
	spec->description = unpack_string(&r);
	spec->svg_classes = unpack_string(&r);
	unpack_node(&r, &spec->title);
	unpack_node(&r, &spec->title_markers);
	for (int k = 0; k < LEGEND_PARTS; k++)
		unpack_node(&r, &spec->legend[k]);
	spec->n_lanes = unpack_count(&r, 5 * 8);
	spec->lanes = xcalloc(spec->n_lanes ? spec->n_lanes : 1, sizeof(*spec->lanes));
	spec->bands = xcalloc(spec->n_lanes ? spec->n_lanes : 1, sizeof(char *));
	spec->lane_row = xcalloc(spec->n_lanes ? spec->n_lanes : 1, sizeof(size_t));
	for (size_t l = 0; l < spec->n_lanes; l++) {
		unpack_node(&r, &spec->lanes[l]);
		spec->bands[l] = unpack_string(&r);
		uint64_t row = unpack_number(&r);
		/* Rows come in order, each at most one after the lane before. */
		r.bad |= row > (l ? spec->lane_row[l - 1] + 1 : 0) || (l && row < spec->lane_row[l - 1]);
		spec->lane_row[l] = (size_t)row;
	}
	spec->n_stages = unpack_count(&r, 6 * 8);
	size_t n = spec->n_stages ? spec->n_stages : 1;
	spec->stages = xcalloc(n, sizeof(*spec->stages));
	spec->stage_lane = xcalloc(n, sizeof(size_t));
	spec->moves = xcalloc(n, sizeof(enum move));
	spec->changes = xcalloc(n, sizeof(int));
	for (size_t i = 0; i < spec->n_stages; i++) {
		unpack_node(&r, &spec->stages[i]);
		uint64_t lane = unpack_number(&r), move = unpack_number(&r), change = unpack_number(&r);
		r.bad |= lane >= spec->n_lanes || move > MOVE_DOWN || change > 2;
		/* Stages go row by row. */
		r.bad |= !r.bad && i > 0 &&
			 spec->lane_row[lane] < spec->lane_row[spec->stage_lane[i - 1]];
		spec->stage_lane[i] = (size_t)lane;
		spec->moves[i] = (enum move)move;
		spec->changes[i] = (int)change;
	}
	if (r.bad || r.at != len || !spec_complete(spec)) {
		pathway_spec_free(spec);
		return -1;
	}
	return 0;
}
