/* overview.h - the chain overview of all journeys as plain data: per position of the chain the stages and journeys seen there and the friction found there, per pair of positions the transitions seen and their friction. No Graphviz; the renderer is overview_render.h. Included by: cmd_*.c, overview_render.h, tests/unit/. */
#ifndef KETEN_OVERVIEW_H
#define KETEN_OVERVIEW_H

#include "diag.h"
#include "idmap.h"
#include "keten.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Where a finding sits (docs/overview.md): a K-finding of a journey that
 * names a stage sits at that stage's position, except a finding of a
 * transition rule (K003, K004, K005, K009), which sits on the move from
 * the stage before it to its stage. Findings without a stage (about the
 * journey as a whole) sit nowhere and are counted apart. K012 counts in
 * no friction score and is left out; so are persona findings (K011).
 */

/* A position of the chain, or one the chain does not know that a journey
 * checked with another chain model uses (a "foreign" position). */
struct ov_position {
	const struct position *pos; /* in the overview's chain; NULL: foreign */
	char *id;        /* the position's id */
	char *label;     /* its label, or the id */
	char *domain;    /* its domain's label; NULL when not known */
	long ladder;     /* its rung; 0 when not known */
	int stages;      /* stages seen here */
	int journeys;    /* journeys with at least one stage here */
	int friction;    /* sum of the impacts of the findings that sit here */
	int findings;
	size_t last_journey; /* internal: the journey that counted last */
};

/* The moves from one position to the next (from == to: a stage after a
 * stage at the same position). */
struct ov_edge {
	int count;       /* transitions seen */
	int friction;    /* sum of the impacts of the findings on them */
	int findings;
};

/* A move seen: from one position to another (indices into positions). */
struct ov_move {
	size_t from, to;
	struct ov_edge edge;
};

struct overview {
	const struct chain *chain;  /* borrowed: it must outlive the overview */
	struct ov_position *positions; /* the chain's, in its order, then the
					* foreign ones in the order met */
	size_t n_positions, cap_positions;
	struct ov_move *moves;      /* the moves seen, in the order first seen
				     * (a chain may hold very many positions:
				     * only the moves seen take room) */
	size_t n_moves, cap_moves;
	struct idmap move_index;    /* (from, to) -> index into moves */
	int journeys;               /* journeys added (without errors) */
	int skipped;                /* journeys with structural errors, left out */
	char **personas;            /* distinct persona ids, sorted */
	size_t n_personas, cap_personas;
	int friction;               /* all friction placed and unplaced */
	int unplaced;               /* friction about journeys as a whole */
};

/* An empty overview of the positions of `chain` (the model in force). */
void overview_init(struct overview *ov, const struct chain *chain);

/*
 * Adds a checked journey with its findings and its persona's (its friction
 * counts whole in ov->friction; the findings about the journey as a whole
 * or its persona are unplaced). A journey with structural errors is only
 * counted as skipped. Each stage
 * is placed at the position of the same id (or alias) in the overview's
 * chain, or else at a foreign position of that id, with the label and
 * rung of the journey's own chain model. Nothing of doc is kept.
 */
void overview_add_journey(struct overview *ov, const struct checked_journey *cj);

/* The moves from position `from` to position `to` (all zero when none). */
const struct ov_edge *overview_edge(const struct overview *ov, size_t from, size_t to);

/* The moves seen sorted by from, then to: an array of n_moves (caller
 * frees the array, not the moves). */
const struct ov_move **overview_moves_in_order(const struct overview *ov);

/* True for a code whose findings sit on the move into their stage. */
bool overview_code_on_move(enum code code);

/* The highest friction sum of a position (moves false) or of a move
 * (moves true) in ov. Positions and moves are coloured on their own
 * scales: a position gathers far more than a move. */
int overview_highest(const struct overview *ov, bool moves);

/* The friction level 0-3 of a sum of impacts against the highest sum:
 * 0 for none, else the third of the highest it falls in (rounded up). */
int overview_level(int friction, int highest);

void overview_free(struct overview *ov);

#endif
