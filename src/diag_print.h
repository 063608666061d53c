/* diag_print.h - printing findings: compiler-style text lines with hints, the summary line, and the keten/1 JSON form (and the rule members every JSON output shares). Included by: cmd_*.c, compare.c, compare_out.c, report.c, report_page.c, tests/unit/test_*.c, fuzz/fuzz.c. */
#ifndef KETEN_DIAG_PRINT_H
#define KETEN_DIAG_PRINT_H

#include "diag.h"
#include "jsonw.h"
#include "keten.h"
#include "model.h"

#include <stdbool.h>
#include <stdio.h>

/* The friction score of a stage: the impacts of the findings in it. */
struct stage_score {
	char *id;
	int score;
};

/* The friction score of a journey and of each of its stages, in order. */
struct journey_score {
	char *id;
	int score;
	struct stage_score *stages;
	size_t n_stages;
};

/* What a run covered, for the summary. */
struct summary {
	int journeys;
	int personas;
	struct friction friction;     /* the run's: its journeys' and the unmet
				       * persona findings' (keten.h) */
	struct journey_score *scores; /* every journey checked, in order */
	size_t n_scores, cap_scores;
};

/* Counts a journey: its friction score (cj->friction) and its stages'
 * (the friction of its own findings in each stage). */
void summary_add_journey(struct summary *s, const struct checked_journey *cj);
/* After the journeys: the personas checked and the friction of the persona
 * findings no journey met. */
void summary_add_workspace(struct summary *s, const struct workspace *ws);
void summary_free(struct summary *s);

/* The name of a severity in the JSON form and in the report's classes:
 * "error", "warning" or "question". */
const char *diag_severity_name(enum severity severity);

/* The members of one finding in every JSON output, in this order: "file",
 * "line", "column", "severity", the rule members (diag_json_rule),
 * "impact" (null when 0), "journey", "persona", "stage", "touchpoint"
 * (null when 0), "message", "hint" (strings null when NULL). The caller
 * opens and closes the object, and may add members of its own after these
 * (a comparison adds the stage's title and position). */
void diag_json_members(struct jsonw *w, const struct diag *d);

/* The members of the JSON form that name a rule: "code" (its id, K001),
 * "rule" (its Dutch slug) and "rule_en" (its English slug). Every JSON
 * output that shows a finding or a rule writes them through here. */
void diag_json_rule(struct jsonw *w, enum code code);

struct print_options {
	bool color;
	bool quiet;   /* errors only, no summary */
	bool summary; /* end with the summary line */
};

/* Prints sorted findings as "file:line:col: severity: message [CODE slug]"
 * with "  hint: …" below, then the summary line. */
void diag_print_text(FILE *out, const struct diags *diags,
		     const struct summary *summary, const struct print_options *opts);

/* A printer that writes findings as soon as they are final and then
 * drops them, so that memory stays flat: the text lines or the keten/1
 * JSON object of diag_print_text and diag_print_json, byte for byte. */
struct diag_stream {
	FILE *out;
	bool json;
	struct print_options opts; /* opts.summary is ignored for JSON */
	enum lang lang;
	struct buf pending;        /* output not written yet */
	struct jsonw w;
};

void diag_stream_begin(struct diag_stream *s, FILE *out, bool json,
		       const struct print_options *opts, enum lang lang);
/* Sorts the findings, then prints and drops those in files that sort
 * before `bound` (every one when bound is NULL): the caller promises that
 * no finding to come goes before them. */
void diag_stream_flush(struct diag_stream *s, struct diags *diags, const char *bound);
/* Prints the findings left and the summary. */
void diag_stream_end(struct diag_stream *s, struct diags *diags,
		     const struct summary *summary);

/* The summary line: "3 reizen, 2 persona's: 0 fouten, 7 knelpunten
 * (frictiescore 15), 2 vragen" (questions only when there are). Caller
 * frees. */
char *diag_summary_line(const struct diags *diags, const struct summary *summary);

/* {"format": "keten/1", "diagnostics": [...], "summary": {...}} */
void diag_print_json(FILE *out, const struct diags *diags,
		     const struct summary *summary, bool quiet);

#endif
