/* markers.c - finding a journey's K-findings and placing them on its stages and touchpoints. */
#include "markers.h"

#include "mem.h"
#include "order.h"

#include <stdlib.h>
#include <string.h>

static bool
is_friction(const struct diag *d)
{
	return d->code < CODE__MAX && code_info(d->code)->id[0] == 'K';
}

/* True when d is about journey j, or about j's persona as a whole. */
static bool
concerns_journey(const struct diag *d, const struct journey *j)
{
	if (d->journey != NULL)
		return j->id.s != NULL && strcmp(d->journey, j->id.s) == 0;
	return d->persona != NULL && j->persona_ref != NULL &&
	       j->persona_ref->id.s != NULL && strcmp(d->persona, j->persona_ref->id.s) == 0;
}

static long
stage_index(const struct journey *j, const char *id)
{
	if (id == NULL)
		return -1;
	for (size_t i = 0; i < j->n_stages; i++)
		if (j->stages[i]->id.s != NULL && strcmp(j->stages[i]->id.s, id) == 0)
			return (long)i;
	return -1;
}

/* The pain point of stage s written on the finding's line, or -1. */
static long
pain_point_index(const struct stage *s, const struct diag *d)
{
	if (d->code != CODE_K013)
		return -1;
	for (size_t k = 0; k < s->pain_points.n; k++) {
		const struct loc *loc = &s->pain_points.items[k].loc;
		if (loc->line == d->line &&
		    (d->file == NULL || loc->file == NULL || strcmp(d->file, loc->file) == 0))
			return (long)k;
	}
	return -1;
}

static struct marker
marker_from(const struct journey *j, const struct diag *d)
{
	struct marker m = {0};
	m.code = d->code;
	m.impact = d->impact < 1 ? 1 : d->impact > 3 ? 3 : d->impact;
	m.stage = d->journey != NULL ? stage_index(j, d->stage) : -1;
	m.touchpoint = -1;
	m.pain_point = -1;
	if (m.stage >= 0) {
		const struct stage *s = j->stages[m.stage];
		m.touchpoint = d->touchpoint >= 1 && (size_t)d->touchpoint <= s->n_touchpoints
			? d->touchpoint : 0;
		m.pain_point = pain_point_index(s, d);
	}
	m.line = d->line;
	m.seq = d->seq;
	m.message = d->message ? d->message : "";
	return m;
}

/* Reading order: the journey first, then by stage, touchpoint (the stage
 * itself after its touchpoints), pain point, line, code and emission. */
static int
compare_markers(const void *pa, const void *pb)
{
	const struct marker *a = pa, *b = pb;
	int c = compare_long(a->stage, b->stage);
	if (c == 0)
		c = compare_long(a->touchpoint == 0 ? 1L << 30 : a->touchpoint,
				 b->touchpoint == 0 ? 1L << 30 : b->touchpoint);
	if (c == 0)
		c = compare_long(a->pain_point, b->pain_point);
	if (c == 0)
		c = compare_long(a->line, b->line);
	if (c == 0)
		c = compare_long(a->code, b->code);
	if (c == 0)
		c = compare_long((long)a->seq, (long)b->seq);
	return c;
}

static void
consider(const struct journey *j, const struct diag *d, const bool disabled[CODE__MAX],
	 struct marker_list *out)
{
	if (!is_friction(d) || (disabled && disabled[d->code]) || !concerns_journey(d, j))
		return;
	out->items = xgrow(out->items, out->n, &out->cap, sizeof(*out->items));
	out->items[out->n++] = marker_from(j, d);
}

void
markers_collect(const struct journey *j, const struct diags *diags, size_t from,
		const size_t *extra, size_t n_extra, const bool disabled[CODE__MAX],
		struct marker_list *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t k = 0; k < n_extra; k++)
		if (extra[k] < from && extra[k] < diags->n)
			consider(j, &diags->items[extra[k]], disabled, out);
	for (size_t i = from; i < diags->n; i++)
		consider(j, &diags->items[i], disabled, out);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof(*out->items), compare_markers);
	for (size_t i = 0; i < out->n; i++)
		out->items[i].number = (int)i + 1;
}

size_t *
markers_persona_findings(const struct diags *diags, size_t to, size_t *n)
{
	size_t *found = NULL, cap = 0;
	*n = 0;
	for (size_t i = 0; i < to && i < diags->n; i++) {
		const struct diag *d = &diags->items[i];
		if (!is_friction(d) || d->journey != NULL || d->persona == NULL)
			continue;
		found = xgrow(found, *n, &cap, sizeof(*found));
		found[(*n)++] = i;
	}
	return found;
}

void
markers_free(struct marker_list *list)
{
	free(list->items);
	memset(list, 0, sizeof(*list));
}

const struct marker *
markers_for_pain_point(const struct marker_list *list, long s, long k)
{
	for (size_t i = 0; i < list->n; i++)
		if (list->items[i].stage == s && list->items[i].pain_point == k)
			return &list->items[i];
	return NULL;
}

int
markers_score(const struct marker_list *list)
{
	int score = 0;
	for (size_t i = 0; i < list->n; i++)
		if (list->items[i].code != CODE_K012)
			score += list->items[i].impact;
	return score;
}
