/* markers.h - the friction markers of a pathway diagram: the rule findings of one journey (and of its persona), placed on a stage or touchpoint and numbered in reading order; and the good events (payment, redress) shown beside them. Included by: pathway.h, overview.c, render_jobs.c, report.c, tests/unit/, fuzz/dot_graph.c. */
#ifndef KETEN_MARKERS_H
#define KETEN_MARKERS_H

#include "diag.h"
#include "keten.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/* One numbered marker: a rule finding and where it goes in the diagram.
 * Questions (SEV_QUESTION) are markers too, numbered apart and shown as
 * "?1", "?2": never in an impact colour, never in a score. */
struct marker {
	int number;          /* 1, 2, … in reading order; questions apart */
	bool question;       /* a question, not friction */
	enum code code;      /* K001-K025 */
	int impact;          /* 1-3; 0 for a question */
	long stage;          /* index into journey->stages; -1: the journey as a whole */
	int touchpoint;      /* 1-based index in the stage; 0: the stage itself */
	long pain_point;     /* index into the stage's pain points (K013); -1: none */
	int line;            /* where the finding is, to keep the order stable */
	size_t seq;
	const char *message; /* borrowed from the finding */
};

struct marker_list {
	struct marker *items;
	size_t n, cap;
};

/*
 * Collects the markers of journey j: every friction finding or question
 * (code_is_friction: what the journey's score counts, and its questions)
 * among findings[0..n) whose journey is j, placed on its stage (by stage
 * id) and touchpoint, and those among extra[0..n_extra) about j's persona
 * as a whole, which concern the journey as a whole. A finding that is no
 * friction (K011 about how a persona is written, K012 personal data) is
 * no marker: it counts in no score, so no picture shows it as one; the
 * report lists it with the file's diagnostics. Codes marked in disabled[] (may be NULL) are left out. A
 * K013 finding is tied to the pain point written on its line. The list is
 * sorted in reading order (the journey first, then stage by stage,
 * touchpoint by touchpoint) and numbered from 1, the questions apart from
 * the other findings. Messages are borrowed:
 * the list lives no longer than the findings.
 */
void markers_collect(const struct journey *j, const struct diag *findings, size_t n,
		     const struct diag *const *extra, size_t n_extra,
		     const bool disabled[CODE__MAX], struct marker_list *out);

/* markers_collect on a checked journey: its findings and its persona's. */
void markers_of(const struct checked_journey *cj, const bool disabled[CODE__MAX],
		struct marker_list *out);

void markers_free(struct marker_list *list);

/* How many of the markers are questions (the rest are friction). */
size_t markers_count_questions(const struct marker_list *list);

/* A good event: money paid to the person (payment) or a failure repaired
 * (redress). Diagrams and the report show it in green, like an opportunity,
 * with its word ("betaald", "hersteld"); it changes no rule and no score.
 * True for a good event, with its word in *word. */
bool good_event_word(const struct touchpoint *tp, enum msg *word);

/* The index of the first marker on touchpoint tp of stage s (0: the stage
 * itself), or where it would be; the markers of that place follow it, those
 * of no pain point first. A binary search: the list is in reading order. */
size_t markers_first_at(const struct marker_list *list, long s, int tp);

/* The marker for pain point k of stage s, or NULL when no finding reports
 * it (a binary search). */
const struct marker *markers_for_pain_point(const struct marker_list *list,
					    long s, long k);

#endif
