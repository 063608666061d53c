/* markers.h - the friction markers of a pathway diagram: the K-findings of one journey (and of its persona), placed on a stage or touchpoint and numbered in reading order. Included by: cmd_render.c, overview.c, report.c, pathway.h, tests/unit/, fuzz/dot_graph.c. */
#ifndef KETEN_MARKERS_H
#define KETEN_MARKERS_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/* One numbered marker: a K-finding and where it goes in the diagram. */
struct marker {
	int number;          /* 1, 2, … in reading order */
	enum code code;      /* K001-K014 */
	int impact;          /* 1-3 */
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
 * Collects the markers of journey j: every K-finding whose journey is j,
 * placed on its stage (by stage id) and touchpoint, and the K-findings of
 * j's persona itself (K011, K012 in the persona file), which concern the
 * journey as a whole. Only the findings diags->items[from..n) and those
 * at the indices in extra[0..n_extra) are looked at (a journey's own
 * findings come after `from`; extra can list the persona findings of the
 * run). Codes marked in disabled[] (may be NULL) are left out. A K013
 * finding is tied to the pain point written on its line. The list is
 * sorted in reading order (the journey first, then stage by stage,
 * touchpoint by touchpoint) and numbered from 1. Messages are borrowed:
 * the list lives no longer than diags.
 */
void markers_collect(const struct journey *j, const struct diags *diags, size_t from,
		     const size_t *extra, size_t n_extra, const bool disabled[CODE__MAX],
		     struct marker_list *out);

/* The indices of the K-findings about personas as a whole among
 * diags->items[0..to), for markers_collect's extra. Caller frees. */
size_t *markers_persona_findings(const struct diags *diags, size_t to, size_t *n);

void markers_free(struct marker_list *list);

/* The marker for pain point k of stage s, or NULL when no finding reports it. */
const struct marker *markers_for_pain_point(const struct marker_list *list,
					    long s, long k);

/* Sum of the impacts, K012 aside: the journey's friction score. */
int markers_score(const struct marker_list *list);

#endif
