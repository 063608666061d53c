/* report.h - index.html: one self-contained, printable report of a run, built journey by journey as they are checked. Included by: cmd_*.c, report_page.c, report_summary.c. */
#ifndef KETEN_REPORT_H
#define KETEN_REPORT_H

#include "catalog.h"
#include "diag.h"
#include "keten.h"

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct outdir;
struct summary;

struct report;

/* What the report is asked for. */
struct report_options {
	enum lang lang;
	bool disabled[CODE__MAX]; /* rules switched off: left out of the tables */
};

/* An empty report; opts is copied. */
struct report *report_new(const struct report_options *opts);
void report_free(struct report **r);

/*
 * Adds the section of a journey just checked with its friction (count and
 * score, keten.h): the persona card, the findings of the journey and of
 * its persona with their hints, numbered as in its diagram, and its
 * stages. Nothing of cj is kept.
 */
void report_add_journey(struct report *r, const struct checked_journey *cj);

/* The diagram of journey i (in report_add_journey order) is the file
 * `name` in the output folder. */
void report_set_diagram(struct report *r, size_t i, const char *name);

/* The journey map of journey i is the file `name` in the output folder;
 * the report shows it after the diagram. */
void report_set_map(struct report *r, size_t i, const char *name);

/* The title page, a DOC_WORKSPACE document (workspace_read_cover); the
 * report takes it and frees it. NULL: the default title and introduction. */
void report_set_cover(struct report *r, struct doc *cover);

/* The overview as SVG (the report keeps a copy). */
void report_set_overview(struct report *r, const char *svg, size_t len);

/* A move in the chain from one position to the next, as the overview
 * counts it (overview.h): how often journeys made it, the findings on it
 * and the sum of their impacts. */
struct report_transition {
	const char *from, *to; /* the positions' labels */
	int seen, findings, friction;
};

/* Adds a transition with friction; the report shows those with the most
 * friction under the overview ("where it hurts"). Strings are copied. */
void report_add_transition(struct report *r, const struct report_transition *t);

/* The comparison of the as-is journey `as_is` with the to-be journey
 * `to_be` (ids), a finished HTML section whose user text is escaped: the
 * to-be journey is shown right after the as-is one, then this section.
 * The report keeps a copy. */
void report_add_comparison(struct report *r, const char *as_is, const char *to_be,
			   const char *html);

/* The attribute that marks text the user wrote with its language in a
 * report in language `lang`: " lang=\"nl\"", or "" in a Dutch report. */
const char *report_user_lang(enum lang lang);

/* Appends text the user wrote, escaped (html_text), in a <span> with that
 * attribute when it has one. */
void report_user_text(struct buf *out, enum lang lang, const char *s);

/*
 * Writes index.html into the output folder: the summary (journeys ranked
 * by friction score, findings and suppressed findings per rule), the
 * overview, every journey (as-is ones followed by their to-be journey and
 * the comparison), the skipped journeys and
 * the findings about other files. Diagrams are read back from the output
 * folder: SVG inline, PNG as a data: address, PDF and DOT as a name.
 * diags must hold every finding of the run. Returns 0, or -1 with *error.
 */
int report_write(struct report *r, struct outdir *out, const struct diags *diags,
		 const struct summary *summary, char **error);

#endif
