/* report_parts.h - what the report keeps of each journey between checking it and writing the page. Included by: report.c, report_page.c, report_summary.c. */
#ifndef KETEN_REPORT_PARTS_H
#define KETEN_REPORT_PARTS_H

#include "catalog.h"
#include "diag.h"
#include "mem.h"

#include <stdbool.h>
#include <stddef.h>

/* One journey: its section in parts; the page writes head, card (once per
 * persona), tail, then the diagram, so that in print the text comes first
 * and the landscape diagram page closes the journey. */
struct report_journey {
	char *id;
	char *title;
	char *persona;      /* the persona's name, or its id as written */
	char *persona_id;   /* the persona's id as written in the journey */
	char *kind;         /* "as-is"/"to-be" in the report's language, or NULL */
	char *file;
	bool broken;        /* structural errors: no diagram */
	int score;          /* the journey's friction score (keten.h) */
	int friction;       /* and its friction count */
	int questions;      /* its open questions (never friction) */
	int errors;
	char *diagram;      /* file name in the output folder, or NULL */
	char *map;          /* the journey map's file name, or NULL */
	struct buf head;    /* title, facts */
	struct buf card;    /* the persona card: on the page once per persona */
	struct buf tail;    /* findings, stages */
	struct buf appendix; /* for the team: files, lines, what to write */
};

/* A transition of the chain with friction (report_add_transition). */
struct report_move {
	char *from, *to;
	int seen, findings, friction;
	size_t order;        /* as added: ties keep the overview's order */
};

/* An as-is journey, its to-be journey (ids) and their comparison. */
struct report_pair {
	char *as_is, *to_be;
	char *html;
};

struct report {
	enum lang lang;
	bool disabled[CODE__MAX];
	struct report_journey *journeys;
	size_t n_journeys, cap_journeys;
	char *overview;     /* SVG */
	const struct chain *chain; /* the first journey's: the impact colours of
				    * the page style (palette.h); borrowed */
	size_t overview_len;
	struct report_pair *pairs; /* comparisons, in report_add_comparison order */
	size_t n_pairs, cap_pairs;
	struct doc *cover;  /* werkruimte.md or workspace.md, or NULL */
	struct report_move *moves; /* transitions with friction */
	size_t n_moves, cap_moves;
};

/* The page around the journeys (report_page.c). */
int report_page_write(struct report *r, struct outdir *out, const struct diags *diags,
		      const struct summary *summary, char **error);

/* One diagnostic as a list item: where, severity, code, message, hint. */
void report_diag_item(struct buf *out, enum lang lang, const struct diag *d);

/* A block of Markdown source as text: blank lines part paragraphs,
 * bulleted lines make a list, other lines run on (report.c). */
void report_markdown_text(struct buf *out, const char *body);

/* The report's title as text: the title page's, else the default. */
void report_title(struct buf *out, const struct report *r);

/* A <style> that prints the title at the top of every page (masked, as
 * a CSS string). */
void report_running_header(struct buf *out, const struct report *r);

/* The title page: the workspace's title page text or the defaults, how
 * to read the report, and the run's summary line (report_summary.c). */
void report_title_page(struct buf *out, const struct report *r, const char *summary_line);

/* What we saw across the journeys: the friction themes with why they
 * matter and their norms, and the open questions (report_summary.c). */
void report_what_we_saw(struct buf *out, const struct report *r, const struct diags *diags);

/* A rule's slug as words for a reader: "brief-zonder-uitleg" gives
 * "Brief zonder uitleg" (slugs are ASCII). */
void report_rule_words(struct buf *out, enum code code, enum lang lang);

/* "<span class="impact-N">" badges and other small pieces both files use. */
void report_code_badge(struct buf *out, enum code code, int impact, enum lang lang);

#endif
