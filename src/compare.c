/* compare.c - collecting the K-findings of a checked journey and pairing those of two sides: lost, gained and kept. */
#include "compare.h"

#include "diag_print.h"
#include "idmap.h"
#include "mem.h"
#include "model.h"
#include "order.h"
#include "personal.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* User text as shown: personal data masked (rule K012). */
static char *
masked_or_null(const char *s)
{
	if (s == NULL)
		return NULL;
	char *masked = personal_masked_copy(s);
	return masked != NULL ? masked : xstrdup(s);
}

static long
stage_index(const struct journey *j, const char *id)
{
	for (size_t i = 0; id != NULL && i < j->n_stages; i++)
		if (j->stages[i]->id.s != NULL && strcmp(j->stages[i]->id.s, id) == 0)
			return (long)i;
	return -1;
}

/* A friction finding about journey j, as its score counts them; questions
 * are left out: what a team should still find out is neither lost nor
 * gained friction. */
static bool
about_journey(const struct diag *d, const struct journey *j)
{
	return code_is_friction(d->code) && d->severity != SEV_QUESTION &&
	       d->journey != NULL && j->id.s != NULL &&
	       strcmp(d->journey, j->id.s) == 0;
}

/* Keeps the finding's stage and touchpoint only when the journey has them. */
static void
place_finding(struct cmp_finding *f, const struct journey *j)
{
	struct diag *d = &f->diag;
	f->stage_index = stage_index(j, d->stage);
	f->touchpoint_kind = -1;
	if (f->stage_index < 0) {
		free(d->stage);
		d->stage = NULL;
		d->touchpoint = 0;
		return;
	}
	const struct stage *s = j->stages[f->stage_index];
	f->stage_title = masked_or_null(s->title.s ? s->title.s : "");
	const char *pos = s->pos != NULL && s->pos->id.s ? s->pos->id.s : s->position.s;
	f->position = dup_or_null(pos);
	if (d->touchpoint >= 1 && (size_t)d->touchpoint <= s->n_touchpoints)
		f->touchpoint_kind = (int)s->touchpoints[d->touchpoint - 1]->kind;
	else
		d->touchpoint = 0;
}

static void
add_finding(struct cmp_side *side, const struct journey *j, const struct diag *d)
{
	side->findings = xgrow(side->findings, side->n_findings, &side->cap_findings,
			       sizeof(*side->findings));
	struct cmp_finding *f = &side->findings[side->n_findings++];
	memset(f, 0, sizeof(*f));
	diag_copy(&f->diag, d);
	if (f->diag.message == NULL)
		f->diag.message = xstrdup("");
	place_finding(f, j);
}

/* Reading order: the journey first, then stage by stage, touchpoints
 * before the stage itself, then line, column and code. */
static int
compare_findings(const void *pa, const void *pb)
{
	const struct cmp_finding *fa = pa, *fb = pb;
	const struct diag *a = &fa->diag, *b = &fb->diag;
	int c = compare_long(fa->stage_index, fb->stage_index);
	if (c == 0)
		c = compare_long(a->touchpoint ? a->touchpoint : 1L << 30,
				 b->touchpoint ? b->touchpoint : 1L << 30);
	if (c == 0)
		c = diag_compare_in_file(a, b);
	return c;
}

static void
describe_side(struct cmp_side *side, const struct doc *doc)
{
	const struct journey *j = doc->journey;
	side->file = masked_or_null(doc->path);
	side->journey = masked_or_null(j->id.s ? j->id.s : "");
	side->title = masked_or_null(j->title.s ? j->title.s : "");
	side->kind = j->kind.v == KIND_UNSET ? NULL : xstrdup(journey_kind_name(j->kind.v));
	side->persona = dup_or_null(j->persona.s);
	side->persona_name = j->persona_ref ? masked_or_null(j->persona_ref->name.s) : NULL;
	side->chain = j->chain_ref ? dup_or_null(j->chain_ref->id.s) : NULL;
	side->chain_title = j->chain_ref ? masked_or_null(j->chain_ref->title.s) : NULL;
}

void
cmp_side_collect(struct cmp_side *side, const struct checked_journey *cj)
{
	const struct doc *doc = cj->doc;
	memset(side, 0, sizeof(*side));
	describe_side(side, doc);
	for (size_t i = 0; i < cj->n_persona_findings; i++)
		add_finding(side, doc->journey, cj->persona_findings[i]);
	for (size_t i = 0; i < cj->n_findings; i++)
		if (about_journey(&cj->findings[i], doc->journey))
			add_finding(side, doc->journey, &cj->findings[i]);
	side->score = cj->friction.score;
	if (side->n_findings > 1)
		qsort(side->findings, side->n_findings, sizeof(*side->findings), compare_findings);
}

void
cmp_side_free(struct cmp_side *side)
{
	for (size_t i = 0; i < side->n_findings; i++) {
		struct cmp_finding *f = &side->findings[i];
		diag_free_fields(&f->diag);
		free(f->stage_title);
		free(f->position);
	}
	free(side->findings);
	char *strings[] = {side->file, side->journey, side->title, side->kind, side->persona,
			   side->persona_name, side->chain, side->chain_title};
	for (size_t k = 0; k < sizeof strings / sizeof strings[0]; k++)
		free(strings[k]);
	memset(side, 0, sizeof(*side));
}

/* --- pairing --- */

enum pass { SAME_STAGE, SAME_POSITION, WHOLE_JOURNEY };

/* The key on which two findings pair in a pass: the same code and, by
 * pass, the same stage and touchpoint, the same position and kind of
 * touchpoint (both on a stage), or both about the journey as a whole.
 * False when the finding pairs with nothing in this pass. */
static bool
pass_key(const struct cmp_finding *f, enum pass pass, struct buf *key)
{
	const struct diag *d = &f->diag;
	int numbers[2] = {(int)d->code, 0};
	const char *text = "";
	switch (pass) {
	case SAME_STAGE:
		if (d->stage == NULL)
			return false;
		numbers[1] = d->touchpoint, text = d->stage;
		break;
	case SAME_POSITION:
		if (d->stage == NULL || f->position == NULL)
			return false;
		numbers[1] = f->touchpoint_kind, text = f->position;
		break;
	default:
		if (d->stage != NULL)
			return false;
		break;
	}
	buf_clear(key);
	buf_add(key, (const char *)numbers, sizeof numbers);
	buf_puts(key, text);
	return true;
}

/* One pass of pairing: each before finding not paired yet, in order, takes
 * the first after finding not taken yet that pairs with it. The after
 * findings wait in a queue per key, so the pass is linear. partner[i] is
 * the index + 1 of the after finding paired with before finding i;
 * taken[k] says after finding k is paired. */
static void
pair_pass(const struct comparison *c, enum pass pass, size_t *partner, bool *taken)
{
	size_t na = c->after.n_findings;
	size_t *head = xmalloc((na ? na : 1) * sizeof(size_t)); /* by queue */
	size_t *tail = xmalloc((na ? na : 1) * sizeof(size_t));
	size_t *next = xmalloc((na ? na : 1) * sizeof(size_t)); /* by finding */
	struct idmap queues = {0};
	struct buf key = {0};
	for (size_t k = 0; k < na; k++) {
		next[k] = SIZE_MAX;
		if (taken[k] || !pass_key(&c->after.findings[k], pass, &key))
			continue;
		size_t before = queues.n;
		size_t q = idmap_add(&queues, key.data, key.len, before);
		if (queues.n > before)
			head[q] = k;
		else
			next[tail[q]] = k;
		tail[q] = k;
	}
	for (size_t i = 0; i < c->before.n_findings; i++) {
		size_t q;
		if (partner[i] != 0 || !pass_key(&c->before.findings[i], pass, &key) ||
		    !idmap_find(&queues, key.data, key.len, &q) || head[q] == SIZE_MAX)
			continue;
		size_t k = head[q];
		head[q] = next[k];
		partner[i] = k + 1;
		taken[k] = true;
	}
	buf_free(&key);
	idmap_free(&queues);
	free(head);
	free(tail);
	free(next);
}

static void
sort_out(struct comparison *c, const size_t *partner, const bool *taken)
{
	size_t nb = c->before.n_findings, na = c->after.n_findings;
	c->lost = xcalloc(nb ? nb : 1, sizeof(*c->lost));
	c->kept = xcalloc(nb ? nb : 1, sizeof(*c->kept));
	c->gained = xcalloc(na ? na : 1, sizeof(*c->gained));
	for (size_t i = 0; i < nb; i++) {
		if (partner[i] == 0)
			c->lost[c->n_lost++] = i;
		else
			c->kept[c->n_kept++] = (struct cmp_pair){i, partner[i] - 1};
	}
	for (size_t k = 0; k < na; k++)
		if (!taken[k])
			c->gained[c->n_gained++] = k;
}

void
comparison_make(struct comparison *c, enum cmp_mode mode, struct cmp_side *before,
		struct cmp_side *after)
{
	memset(c, 0, sizeof(*c));
	c->mode = mode;
	c->before = *before;
	c->after = *after;
	memset(before, 0, sizeof(*before));
	memset(after, 0, sizeof(*after));
	size_t nb = c->before.n_findings, na = c->after.n_findings;
	size_t *partner = xcalloc(nb ? nb : 1, sizeof(*partner));
	bool *taken = xcalloc(na ? na : 1, sizeof(*taken));
	pair_pass(c, SAME_STAGE, partner, taken);
	pair_pass(c, SAME_POSITION, partner, taken);
	pair_pass(c, WHOLE_JOURNEY, partner, taken);
	sort_out(c, partner, taken);
	free(partner);
	free(taken);
}

void
comparison_free(struct comparison *c)
{
	cmp_side_free(&c->before);
	cmp_side_free(&c->after);
	free(c->lost);
	free(c->gained);
	free(c->kept);
	memset(c, 0, sizeof(*c));
}
