/* overview.c - gathering the chain overview: stages, transitions and friction of every journey, counted per position and per move. */
#include "overview.h"

#include "chain.h"
#include "markers.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static char *
text_or(const struct text *t, const char *otherwise)
{
	return xstrdup(t->s != NULL && *t->s ? t->s : otherwise ? otherwise : "");
}

/* Room for one more position. */
static struct ov_position *
new_position(struct overview *ov)
{
	ov->positions = xgrow(ov->positions, ov->n_positions, &ov->cap_positions,
			      sizeof(*ov->positions));
	struct ov_position *p = &ov->positions[ov->n_positions++];
	memset(p, 0, sizeof(*p));
	return p;
}

/* Copies what the overview shows of a position (of any chain model). */
static void
describe_position(struct ov_position *p, const struct position *pos)
{
	p->id = text_or(&pos->id, NULL);
	p->label = text_or(&pos->label, p->id);
	p->domain = pos->dom != NULL ? text_or(&pos->dom->label, NULL) : NULL;
	p->ladder = pos->ladder.set ? pos->ladder.v : 0;
}

void
overview_init(struct overview *ov, const struct chain *chain)
{
	memset(ov, 0, sizeof(*ov));
	ov->chain = chain;
	for (size_t i = 0; i < chain->n_positions; i++) {
		struct ov_position *p = new_position(ov);
		p->pos = chain->positions[i];
		describe_position(p, p->pos);
	}
}

void
overview_free(struct overview *ov)
{
	for (size_t i = 0; i < ov->n_personas; i++)
		free(ov->personas[i]);
	free(ov->personas);
	for (size_t i = 0; i < ov->n_positions; i++) {
		free(ov->positions[i].id);
		free(ov->positions[i].label);
		free(ov->positions[i].domain);
	}
	free(ov->positions);
	free(ov->moves);
	idmap_free(&ov->move_index);
	memset(ov, 0, sizeof(*ov));
}

const struct ov_edge *
overview_edge(const struct overview *ov, size_t from, size_t to)
{
	static const struct ov_edge none;
	size_t key[2] = {from, to}, i;
	return idmap_find(&ov->move_index, key, sizeof key, &i) ? &ov->moves[i].edge : &none;
}

static struct ov_edge *
edge_at(struct overview *ov, size_t from, size_t to)
{
	size_t key[2] = {from, to};
	size_t i = idmap_add(&ov->move_index, key, sizeof key, ov->n_moves);
	if (i == ov->n_moves) {
		ov->moves = xgrow(ov->moves, ov->n_moves, &ov->cap_moves, sizeof(*ov->moves));
		ov->moves[ov->n_moves++] = (struct ov_move){from, to, {0, 0, 0}};
	}
	return &ov->moves[i].edge;
}

static int
compare_moves(const void *pa, const void *pb)
{
	const struct ov_move *a = *(const struct ov_move *const *)pa;
	const struct ov_move *b = *(const struct ov_move *const *)pb;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->to < b->to ? -1 : a->to > b->to;
}

const struct ov_move **
overview_moves_in_order(const struct overview *ov)
{
	const struct ov_move **order = xmalloc((ov->n_moves ? ov->n_moves : 1) * sizeof(*order));
	for (size_t i = 0; i < ov->n_moves; i++)
		order[i] = &ov->moves[i];
	qsort(order, ov->n_moves, sizeof(*order), compare_moves);
	return order;
}

bool
overview_code_on_move(enum code code)
{
	return code == CODE_K003 || code == CODE_K004 || code == CODE_K005 || code == CODE_K009;
}

/* The index of the foreign position `id`, added when new. */
static size_t
foreign_place(struct overview *ov, const struct stage *s, const char *id)
{
	for (size_t i = ov->chain->n_positions; i < ov->n_positions; i++)
		if (strcmp(ov->positions[i].id, id) == 0)
			return i;
	struct ov_position *p = new_position(ov);
	if (s->pos != NULL) {
		describe_position(p, s->pos);
	} else {
		p->id = xstrdup(id);
		p->label = xstrdup(id);
	}
	return ov->n_positions - 1;
}

/* Where stage s of journey j goes: its own position when j was checked
 * with the overview's chain, else the chain's position of the same id or
 * alias, else a foreign position. */
static size_t
place_of(struct overview *ov, const struct journey *j, const struct stage *s)
{
	const struct position *found = NULL;
	const char *id = s->pos != NULL && s->pos->id.s != NULL ? s->pos->id.s : s->position.s;
	if (s->pos != NULL && j->chain_ref == ov->chain)
		found = s->pos;
	else if (id != NULL)
		found = chain_find_position(ov->chain, id);
	for (size_t i = 0; found != NULL && i < ov->chain->n_positions; i++)
		if (ov->chain->positions[i] == found)
			return i;
	return foreign_place(ov, s, id != NULL ? id : "?");
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds a persona id to the sorted set, once. */
static void
add_persona(struct overview *ov, const char *id)
{
	if (id == NULL)
		return;
	if (ov->n_personas > 0 &&
	    bsearch(&id, ov->personas, ov->n_personas, sizeof(char *), compare_strings) != NULL)
		return;
	ov->personas = xgrow(ov->personas, ov->n_personas, &ov->cap_personas, sizeof(char *));
	size_t at = ov->n_personas;
	while (at > 0 && strcmp(ov->personas[at - 1], id) > 0)
		at--;
	memmove(ov->personas + at + 1, ov->personas + at, (ov->n_personas - at) * sizeof(char *));
	ov->personas[at] = xstrdup(id);
	ov->n_personas++;
}

static void
count_stages(struct overview *ov, const struct journey *j, const size_t *place)
{
	size_t number = (size_t)ov->journeys;
	for (size_t i = 0; i < j->n_stages; i++) {
		struct ov_position *p = &ov->positions[place[i]];
		p->stages++;
		if (p->last_journey != number) {
			p->last_journey = number;
			p->journeys++;
		}
		if (i > 0)
			edge_at(ov, place[i - 1], place[i])->count++;
	}
}

/* Puts each friction finding of the journey where it sits. */
static void
place_friction(struct overview *ov, const struct checked_journey *cj, const size_t *place)
{
	struct marker_list markers;
	markers_of(cj, NULL, &markers);
	ov->friction += cj->friction.score;
	for (size_t k = 0; k < markers.n; k++) {
		const struct marker *m = &markers.items[k];
		if (!code_is_friction(m->code) || m->question)
			continue;
		if (m->stage < 0) {
			ov->unplaced += m->impact;
		} else if (m->stage > 0 && overview_code_on_move(m->code)) {
			struct ov_edge *e = edge_at(ov, place[m->stage - 1], place[m->stage]);
			e->friction += m->impact;
			e->findings++;
		} else {
			ov->positions[place[m->stage]].friction += m->impact;
			ov->positions[place[m->stage]].findings++;
		}
	}
	markers_free(&markers);
}

void
overview_add_journey(struct overview *ov, const struct checked_journey *cj)
{
	const struct journey *j = cj->doc->journey;
	if (j == NULL)
		return;
	if (cj->broken) {
		ov->skipped++;
		return;
	}
	ov->journeys++;
	add_persona(ov, j->persona_ref && j->persona_ref->id.s ? j->persona_ref->id.s : j->persona.s);
	size_t *place = xcalloc(j->n_stages ? j->n_stages : 1, sizeof(*place));
	for (size_t i = 0; i < j->n_stages; i++)
		place[i] = place_of(ov, j, j->stages[i]);
	count_stages(ov, j, place);
	place_friction(ov, cj, place);
	free(place);
}

int
overview_highest(const struct overview *ov, bool moves)
{
	int highest = 0;
	for (size_t i = 0; !moves && i < ov->n_positions; i++)
		if (ov->positions[i].friction > highest)
			highest = ov->positions[i].friction;
	for (size_t i = 0; moves && i < ov->n_moves; i++)
		if (ov->moves[i].edge.friction > highest)
			highest = ov->moves[i].edge.friction;
	return highest;
}

int
overview_level(int friction, int highest)
{
	if (friction <= 0 || highest <= 0)
		return 0;
	if (friction >= highest)
		return 3;
	return (3 * friction + highest - 1) / highest;
}
