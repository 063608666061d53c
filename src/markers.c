/* markers.c - finding a journey's K-findings and placing them on its stages and touchpoints. */
#include "markers.h"

#include "idmap.h"
#include "mem.h"
#include "order.h"

#include <stdlib.h>
#include <string.h>

/* True when d is about journey j, or about j's persona as a whole. */
static bool
concerns_journey(const struct diag *d, const struct journey *j)
{
	if (d->journey != NULL)
		return j->id.s != NULL && strcmp(d->journey, j->id.s) == 0;
	return d->persona != NULL && j->persona_ref != NULL &&
	       j->persona_ref->id.s != NULL && strcmp(d->persona, j->persona_ref->id.s) == 0;
}

/* The index of the first stage with this id in stages (an id map of
 * the journey's stages, made once per list), or -1. */
static long
stage_index(const struct idmap *stages, const char *id)
{
	size_t i;
	if (id == NULL || !idmap_find(stages, id, strlen(id), &i))
		return -1;
	return (long)i;
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
marker_from(const struct journey *j, const struct idmap *stages, const struct diag *d)
{
	struct marker m = {0};
	m.code = d->code;
	m.question = d->severity == SEV_QUESTION;
	m.impact = m.question ? 0 : d->impact < 1 ? 1 : d->impact > 3 ? 3 : d->impact;
	m.stage = d->journey != NULL ? stage_index(stages, d->stage) : -1;
	m.touchpoint = -1;
	m.pain_point = -1;
	if (m.stage >= 0) {
		const struct stage *s = j->stages[m.stage];
		m.touchpoint = d->touchpoint >= 1 && (size_t)d->touchpoint <= s->n_touchpoints
			? d->touchpoint : 0;
		/* A pain point's finding is on the stage itself (K013). */
		m.pain_point = m.touchpoint == 0 ? pain_point_index(s, d) : -1;
	}
	m.line = d->line;
	m.seq = d->seq;
	m.message = d->message ? d->message : "";
	return m;
}

/* Where a touchpoint comes in reading order: the stage itself (0) after
 * its touchpoints. */
static long
touchpoint_rank(int touchpoint)
{
	return touchpoint == 0 ? 1L << 30 : touchpoint;
}

/* The order of the place of a marker: stage, touchpoint, pain point. */
static int
compare_place(const struct marker *a, long stage, int touchpoint, long pain_point)
{
	int c = compare_long(a->stage, stage);
	if (c == 0)
		c = compare_long(touchpoint_rank(a->touchpoint), touchpoint_rank(touchpoint));
	if (c == 0)
		c = compare_long(a->pain_point, pain_point);
	return c;
}

/* Reading order: the journey first, then by stage, touchpoint (the stage
 * itself after its touchpoints), pain point, line, code and emission. */
static int
compare_markers(const void *pa, const void *pb)
{
	const struct marker *a = pa, *b = pb;
	int c = compare_place(a, b->stage, b->touchpoint, b->pain_point);
	if (c == 0)
		c = compare_long(a->line, b->line);
	if (c == 0)
		c = compare_long(a->code, b->code);
	if (c == 0)
		c = compare_long((long)a->seq, (long)b->seq);
	return c;
}

static void
consider(const struct journey *j, const struct idmap *stages, const struct diag *d,
	 const bool disabled[CODE__MAX], struct marker_list *out)
{
	if (!code_is_friction(d->code) || (disabled && disabled[d->code]) || !concerns_journey(d, j))
		return;
	out->items = xgrow(out->items, out->n, &out->cap, sizeof(*out->items));
	out->items[out->n++] = marker_from(j, stages, d);
}

void
markers_collect(const struct journey *j, const struct diag *findings, size_t n,
		const struct diag *const *extra, size_t n_extra,
		const bool disabled[CODE__MAX], struct marker_list *out)
{
	memset(out, 0, sizeof(*out));
	struct idmap stages = {0};
	for (size_t i = 0; i < j->n_stages; i++)
		if (j->stages[i]->id.s != NULL)
			idmap_add(&stages, j->stages[i]->id.s, strlen(j->stages[i]->id.s), i);
	for (size_t k = 0; k < n_extra; k++)
		consider(j, &stages, extra[k], disabled, out);
	for (size_t i = 0; i < n; i++)
		consider(j, &stages, &findings[i], disabled, out);
	idmap_free(&stages);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof(*out->items), compare_markers);
	int others = 0, questions = 0;
	for (size_t i = 0; i < out->n; i++) {
		struct marker *m = &out->items[i];
		m->number = m->question ? ++questions : ++others;
	}
}

void
markers_of(const struct checked_journey *cj, const bool disabled[CODE__MAX],
	   struct marker_list *out)
{
	markers_collect(cj->doc->journey, cj->findings, cj->n_findings, cj->persona_findings,
			cj->n_persona_findings, disabled, out);
}

void
markers_free(struct marker_list *list)
{
	free(list->items);
	memset(list, 0, sizeof(*list));
}

/* The first marker (in reading order) at or after this place. */
static size_t
first_from(const struct marker_list *list, long stage, int touchpoint, long pain_point)
{
	size_t lo = 0, hi = list->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (compare_place(&list->items[mid], stage, touchpoint, pain_point) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
markers_first_at(const struct marker_list *list, long s, int tp)
{
	return first_from(list, s, tp, -1); /* no pain point: the least */
}

const struct marker *
markers_for_pain_point(const struct marker_list *list, long s, long k)
{
	size_t i = first_from(list, s, 0, k);
	if (i < list->n && compare_place(&list->items[i], s, 0, k) == 0)
		return &list->items[i];
	return NULL;
}

bool
good_event_word(const struct touchpoint *tp, enum msg *word)
{
	unsigned cls = touchpoint_class(tp);
	if (cls & TPC_MONEY_POSITIVE)
		*word = M_R_GOOD_PAID;
	else if (cls & TPC_REPAIR)
		*word = M_R_GOOD_REPAIRED;
	else
		return false;
	return true;
}

size_t
markers_count_questions(const struct marker_list *list)
{
	size_t n = 0;
	for (size_t i = 0; i < list->n; i++)
		n += list->items[i].question;
	return n;
}
