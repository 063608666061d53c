/* compare.h - comparing the findings of two checked journeys (as-is and to-be), or of one journey under two chain models: which were lost, gained and kept, and the friction score before and after; printed as text, JSON or an HTML section. Included by: cmd_*.c, compare_out.c, tests/unit/. */
#ifndef KETEN_COMPARE_H
#define KETEN_COMPARE_H

#include "catalog.h"
#include "diag.h"
#include "keten.h"
#include "model.h"

#include <stddef.h>

struct buf;

/* A finding of one side: the finding as emitted (its own copy, with
 * stage NULL and touchpoint 0 when the journey has no such stage or
 * touchpoint), and what it needs to be paired and shown. */
struct cmp_finding {
	struct diag diag;
	char *stage_title;    /* NULL when diag.stage is */
	char *position;       /* id of the stage's position (as written if unknown) */
	long stage_index;     /* 0-based; -1 for the journey as a whole */
	int touchpoint_kind;  /* enum tp_kind; -1 for none */
};

/* One side: a journey, checked, and its rule findings (its own and its
 * persona's) in reading order. */
struct cmp_side {
	char *file;
	char *journey;        /* id */
	char *title;
	char *kind;           /* "as-is", "to-be" or NULL */
	char *persona;        /* id as written */
	char *persona_name;   /* NULL when the persona was not found */
	char *chain;          /* id of the chain model it was checked with */
	char *chain_title;
	int score;            /* the journey's friction score (keten.h) */
	struct cmp_finding *findings;
	size_t n_findings, cap_findings;
};

enum cmp_mode {
	CMP_JOURNEYS, /* two journeys */
	CMP_CHAINS,   /* one journey, two chain models */
};

struct cmp_pair {
	size_t before, after; /* indices into the sides' findings */
};

struct comparison {
	enum cmp_mode mode;
	struct cmp_side before, after;
	size_t *lost;     /* indices into before.findings, in order */
	size_t n_lost;
	size_t *gained;   /* indices into after.findings, in order */
	size_t n_gained;
	struct cmp_pair *kept; /* in the order of before */
	size_t n_kept;
};

/*
 * Fills side from a checked journey without structural errors: every rule
 * finding about the journey or its persona as a whole, and its friction
 * score. Nothing of cj is kept. Free with cmp_side_free.
 */
void cmp_side_collect(struct cmp_side *side, const struct checked_journey *cj);
void cmp_side_free(struct cmp_side *side);

/*
 * Takes over both sides (they are emptied) and pairs their findings, one
 * to one, in three passes: (1) same code, same stage id, same touchpoint
 * index; (2) same code, a stage at the same position, the same kind of
 * touchpoint (or both none), the n-th left with the n-th; (3) same code,
 * both about the journey as a whole. What is left is lost (before) or
 * gained (after).
 */
void comparison_make(struct comparison *c, enum cmp_mode mode, struct cmp_side *before,
		     struct cmp_side *after);
void comparison_free(struct comparison *c);

/* The comparison as text for a terminal, in the chosen language. */
void compare_text(struct buf *out, const struct comparison *c, enum lang lang);
/* {"format": "keten/1", "comparison": {...}} */
void compare_json(struct buf *out, const struct comparison *c);
/* A <section class="keten-compare"> to embed in a page: no scripts, no
 * external resources, styles inline; all user text escaped. */
void compare_html(struct buf *out, const struct comparison *c, enum lang lang);
/* The same, short, for the report: the journeys by their titles, score
 * and counts, then the findings gone, new and kept as their rules with how
 * often (no finding repeated: the journeys' sections have them). */
void compare_html_brief(struct buf *out, const struct comparison *c, enum lang lang);

#endif
