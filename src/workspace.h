/* workspace.h - finding a workspace's files, loading its personas and chain models, and checking its journeys one at a time with the cross-file checks. Included by: cli_workspace.c, cmd_*.c, report.c, tests/unit/. */
#ifndef KETEN_WORKSPACE_H
#define KETEN_WORKSPACE_H

#include "diag.h"
#include "limits.h"
#include "model.h"
#include "rules.h"

#include <pthread.h>
#include <stddef.h>

struct workspace_options {
	const char *chain_path; /* --chain FILE, or NULL for the embedded model */
	struct limits limits;
	struct rule_config rules; /* --disable */
};

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
	struct ws_chain *chains;
	size_t n_chains, cap_chains;
	pthread_mutex_t chains_lock; /* reader threads look at chains */
	struct doc *chain_in_force; /* --chain, else the embedded default */
	struct ws_seen *seen;
	size_t n_seen, cap_seen;
	size_t *seen_slots;         /* hash index into seen: i + 1, 0 empty */
	size_t n_seen_slots;        /* a power of two, at least twice n_seen */
	size_t n_journeys;          /* journeys checked so far */
	size_t journey_first_diag;  /* the current journey's findings start
				     * here in diags (for journey_fn) */
	const char **later_first;   /* while checking: [k] is the first path,
				     * in strcmp order, of journeys k, k+1, ...
				     * in checking order (NULL: none) */
	size_t check_index;         /* the journey being checked */
	char *error;                /* why workspace_open failed */
};

/* Finds the files under paths (files or folders; none means "."), reads
 * the chain models and personas, and checks them. Returns 0, or -1 when
 * the job cannot be done (ws->error says why, naming the path). */
int workspace_open(struct workspace *ws, char *const *paths, size_t n_paths,
		   const struct workspace_options *opts, struct diags *diags);

/* Called for each journey after its checks; the document is freed after. */
typedef void journey_fn(struct workspace *ws, struct doc *journey, void *arg);

/* Reads and checks each journey in turn (the document, its chain, its
 * positions, its persona, its id against the others, the friction rules),
 * calls fn (may be NULL) and frees it, so that memory stays flat however
 * many there are. Reading and the checks that need only the journey run
 * ahead on reader threads; fn is called in input order on this thread. */
void workspace_check_journeys(struct workspace *ws, journey_fn *fn, void *arg);

/* While fn runs: the first file name, in strcmp order, that a journey not
 * checked yet has (NULL when none is left). Findings still to come are in
 * those files, so a printer may write every finding before it now. The one
 * exception: a chain model that a journey names in `keten:`, read only when
 * that journey is checked, and not among the files given. */
const char *workspace_next_file(const struct workspace *ws);

/* The persona with this id (after slug folding), or NULL. */
const struct persona *workspace_persona(const struct workspace *ws, const char *id);

void workspace_close(struct workspace *ws);

/* Reads one file on its own (kind from its folder or its content) and runs
 * check_document on it. NULL when nothing could be read (diags say why). */
struct doc *workspace_read_file(const char *path, const struct limits *limits,
				struct diags *diags);

#endif
