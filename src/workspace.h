/* workspace.h - the inside of struct workspace, shared by the files that make up the workspace (keten.h is its public face). Included by: workspace*.c. */
#ifndef KETEN_WORKSPACE_H
#define KETEN_WORKSPACE_H

#include "keten.h"

#include <pthread.h>
#include <stddef.h>

/* A file found and not read yet: a journey to check in turn. */
struct ws_input {
	char *path;
	enum doc_kind kind; /* what its folder says; DOC_UNKNOWN otherwise */
};

/* A chain model read from a file, by the real path it was found under. */
struct ws_chain {
	char *key;
	struct doc *doc; /* NULL when it could not be read */
};

/* A journey id seen, to report duplicates across files. */
struct ws_seen {
	char *id;
	char *file;
	int line;
};

struct workspace {
	struct workspace_options opts;
	struct diags *diags;
	struct ws_input *inputs;
	size_t n_inputs, cap_inputs;
	struct doc **journeys_read; /* journeys read while sorting out files */
	size_t n_journeys_read, cap_journeys_read;
	struct doc **personas;      /* the checked ones first, then those read
				     * only to resolve references */
	size_t n_personas, cap_personas;
	size_t n_personas_checked;
	struct diags persona_findings; /* copies of the rule findings about
					* personas as a whole */
	bool *persona_met;          /* [i]: a checked journey is about the
				     * persona of persona_findings.items[i] */
	const struct diag **persona_scratch; /* one journey's persona findings */
	struct ws_chain *chains;
	size_t n_chains, cap_chains;
	pthread_mutex_t chains_lock; /* reader threads look at chains */
	struct doc *chain_in_force; /* --chain, else the embedded default */
	struct ws_seen *seen;
	size_t n_seen, cap_seen;
	size_t *seen_slots;         /* hash index into seen: i + 1, 0 empty */
	size_t n_seen_slots;        /* a power of two, at least twice n_seen */
	size_t n_journeys;          /* journeys checked so far */
	const char **later_first;   /* while checking: [k] is the first path,
				     * in strcmp order, of journeys k, k+1, ...
				     * in checking order (NULL: none) */
	char *error;                /* why workspace_open failed */
};

#endif
