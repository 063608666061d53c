/* diag_print.h - printing findings: compiler-style text lines with hints, the summary line, and the keten/1 JSON form. Included by the commands. */
#ifndef KETEN_DIAG_PRINT_H
#define KETEN_DIAG_PRINT_H

#include "diag.h"

#include <stdbool.h>
#include <stdio.h>

/* What a run covered, for the summary. */
struct summary {
	int journeys;
	int personas;
	char **journey_ids; /* every journey checked, in order; owned */
	size_t n_journey_ids;
};

void summary_add_journey(struct summary *s, const char *id);
void summary_free(struct summary *s);

struct print_options {
	bool color;
	bool quiet;   /* errors only, no summary */
	bool summary; /* end with the summary line */
};

/* Prints sorted findings as "file:line:col: severity: message [CODE slug]"
 * with "  hint: …" below, then the summary line. */
void diag_print_text(FILE *out, const struct diags *diags,
		     const struct summary *summary, const struct print_options *opts);

/* The summary line: "3 reizen, 2 persona's: 0 fouten, 7 knelpunten
 * (frictiescore 15)". Caller frees. */
char *diag_summary_line(const struct diags *diags, const struct summary *summary);

/* {"format": "keten/1", "diagnostics": [...], "summary": {...}} */
void diag_print_json(FILE *out, const struct diags *diags,
		     const struct summary *summary, bool quiet);

#endif
