/* report.h - index.html: one self-contained, printable report of a run, built journey by journey as they are checked. Included by: cmd_main.c, report_page.c. */
#ifndef KETEN_REPORT_H
#define KETEN_REPORT_H

#include "catalog.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct doc;
struct outdir;
struct summary;
struct workspace;

struct report;

struct report *report_new(enum lang lang, const bool disabled[CODE__MAX]);
void report_free(struct report **r);

/*
 * Adds the section of a journey just checked (from a
 * workspace_check_journeys callback) with its friction score: the
 * persona card, the findings of the journey with their hints, numbered
 * as in its diagram, and its stages. The document may be freed after.
 */
void report_add_journey(struct report *r, struct workspace *ws, const struct doc *journey,
			int score);

/* The diagram of journey i (in report_add_journey order) is the file
 * `name` in the output folder. */
void report_set_diagram(struct report *r, size_t i, const char *name);

/* The overview as SVG (the report keeps a copy). */
void report_set_overview(struct report *r, const char *svg, size_t len);

/* A finished HTML section (for instance a comparison) to show after the
 * overview; the report keeps a copy. Its user text must be escaped. */
void report_add_section(struct report *r, const char *html);

/*
 * Writes index.html into the output folder: the summary (journeys ranked
 * by friction score, findings and suppressed findings per rule), the
 * overview, the extra sections, every journey, the skipped journeys and
 * the findings about other files. Diagrams are read back from the output
 * folder: SVG inline, PNG as a data: address, PDF and DOT as a name.
 * diags must hold every finding of the run. Returns 0, or -1 with *error.
 */
int report_write(struct report *r, struct outdir *out, const struct diags *diags,
		 const struct summary *summary, char **error);

#endif
