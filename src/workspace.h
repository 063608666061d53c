/* workspace.h - the inside of struct workspace, shared by the files that make up the workspace (keten.h is its public face). Included by: workspace*.c. */
#ifndef KETEN_WORKSPACE_H
#define KETEN_WORKSPACE_H

#include "idmap.h"
#include "keten.h"

#include <pthread.h>
#include <stddef.h>

/* A file found and not read yet: a journey to check in turn. */
struct ws_input {
	char *path;
	enum doc_kind kind; /* what its folder says; DOC_UNKNOWN otherwise */
	bool named;         /* given on the command line, not found in a folder */
};

/* A chain model read from a file, by the real path it was found under. */
struct ws_chain {
	char *key;
	struct doc *doc; /* NULL when it could not be read */
};

/* Where a journey id was first seen, to report duplicates across files. */
struct ws_seen {
	char *file;
	int line;
};

/* A path given on the command line, as a real path: what lies in such a
 * folder, or is such a file, may be read wherever it is. */
struct ws_given {
	char *real;
	bool folder;
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
	struct idmap persona_reals; /* real path of a persona file -> index */
	size_t n_persona_reals;     /* personas[0..n) are in persona_reals */
	struct diags persona_findings; /* copies of the rule findings about
					* personas as a whole */
	bool *persona_met;          /* [i]: a checked journey is about the
				     * persona of persona_findings.items[i] */
	const struct diag **persona_scratch; /* one journey's persona findings */
	struct idmap persona_ids;   /* persona id -> index into personas */
	struct idmap persona_finding_groups; /* persona id -> its first finding */
	size_t *persona_finding_next; /* the next finding of the same persona,
				       * or SIZE_MAX */
	struct ws_chain *chains;
	size_t n_chains, cap_chains;
	pthread_mutex_t chains_lock; /* reader threads look at chains */
	struct doc *chain_in_force; /* --chain, else the embedded default */
	struct ws_seen *seen;       /* by the order ids were first seen */
	size_t n_seen, cap_seen;
	struct idmap seen_ids;      /* journey id -> index into seen */
	size_t n_journeys;          /* journeys checked so far */
	const char **later_first;   /* while checking: [k] is the first path,
				     * in strcmp order, of journeys k, k+1, ...
				     * in checking order (NULL: none) */
	struct ws_given *given;     /* the paths given (none: ".") */
	size_t n_given, cap_given;
	char *error;                /* why workspace_open failed */
};

/* --- finding and reading files (workspace_files.c) --- */

/* Reads one file as `kind` (DOC_CHAIN: whatever it says) and runs the
 * checks of a single document on it; NULL when nothing could be read. */
struct doc *ws_load_document(const char *path, enum doc_kind kind,
			     const struct limits *limits, struct diags *diags);

/* Notes a path given on the command line (ws->given). */
void ws_note_given(struct workspace *ws, const char *path);

/* True when a file of real path `real` may be read for a document of the
 * workspace at root_real (NULL: none): it lies within that root or within
 * a folder given on the command line, or it is a file given there. */
bool ws_may_read(const struct workspace *ws, const char *real, const char *root_real);

/* Adds the files under path to ws->inputs: a file as it is, a folder that
 * is a workspace by its layout folders, any other folder whole. */
void ws_find_inputs(struct workspace *ws, const char *path);

/* Reads the inputs that are no journeys in folders: chain models, then
 * personas (checked, with their rules), then files of unknown kind. */
void ws_read_up_front(struct workspace *ws);

/* Reads the personas of each journey's workspace not among the paths
 * given, to resolve references only (their findings are not reported). */
void ws_read_reference_personas(struct workspace *ws);

/* --- chain models (workspace_chains.c) --- */

/* Sets ws->chain_in_force: --chain, else the embedded default. 0, or -1
 * with ws->error. */
int ws_open_chain_in_force(struct workspace *ws);

/* Reads a chain model file once; later calls return the same document. */
struct doc *ws_chain_load(struct workspace *ws, const char *path);

/* The chain model a journey is checked with: --chain, its keten:
 * attribute, or the default. With may_load false, a model file not read
 * yet is not read: *later is set and NULL returned. Safe on reader
 * threads with may_load false. */
const struct chain *ws_chain_for_journey(struct workspace *ws, const struct doc *doc,
					 struct diags *diags, bool may_load, bool *later);

/* --- the checks that span files (workspace_checks.c) --- */

/* Reports personas with the same id (the later ones become broken). */
void ws_check_persona_ids(struct workspace *ws);

/* The checks of a journey that need only it, its persona and its chain
 * model, on a reader thread: findings into diags, the friction rules'
 * into later. Nothing is done when the chain model must be read first.
 * The journey's chain_ref is set when this has been done. */
void ws_precheck_journey(struct workspace *ws, struct doc *doc, struct diags *diags,
			 struct diags *later);

/* The checks of a journey in input order on the main thread: the chain
 * model read when its first journey needs it, and the journey id against
 * the others; the rules' findings (later) are kept or made again. */
void ws_check_in_order(struct workspace *ws, struct doc *doc, struct diags *later);

#endif
