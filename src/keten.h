/* keten.h - the public interface of libketen: open a workspace, check its journeys one at a time, and read each checked journey's findings and friction. Included by: any. */
#ifndef KETEN_H
#define KETEN_H

/*
 * How to check journeys from a program of your own
 * ------------------------------------------------
 *
 *     struct diags diags;
 *     diags_init(&diags, LANG_EN);
 *     struct workspace_options opts = {NULL, LIMITS_DEFAULT, {{0}}};
 *     char *error = NULL;
 *     char *paths[] = {"my-workspace"};
 *     struct workspace *ws = workspace_open(paths, 1, &opts, &diags, &error);
 *     if (ws == NULL) { puts(error); free(error); ... }
 *     workspace_check_journeys(ws, on_journey, my_state);
 *     workspace_close(&ws);
 *     ... diags now holds every finding of the run ...
 *     diags_free(&diags);
 *
 * on_journey is called once per journey, in input order, with a struct
 * checked_journey: the document, its persona and chain model, its
 * findings and its friction. Compile with -Isrc -Ibuild/gen (keten.h
 * brings the headers of the model, the findings and the messages it
 * speaks of; build/gen holds the generated message formats), link with
 * build/libketen.a and the libraries of `pkg-config --libs libcmark
 * libcjson libutf8proc libgvc libcgraph cairo pangocairo`, -lm and
 * -pthread. tests/api/check_one.c is a complete example.
 *
 * Ownership, in one paragraph: the caller owns diags and the options;
 * the workspace owns the documents it reads, and a checked_journey and
 * everything it points at are borrowed for the duration of the callback
 * only (the journey is freed after it, so that memory stays flat however
 * many journeys there are). Copy what you need to keep.
 *
 * Friction, the one rule every output follows: a journey's friction is
 * the findings of class CODE_CLASS_FRICTION (codes.def) about the journey,
 * plus those about its persona as a whole (K011, say: the person meets
 * them on the journey, and the diagram shows them with it). Its count is
 * the number of those findings, its score the sum of their impacts (1-3).
 * K012 (personal data) is an error, never friction. The run's friction is
 * the sum over its journeys plus the findings of personas that no checked
 * journey is about; a persona finding therefore counts once for each of
 * its journeys. friction_add (diag.h) counts one finding.
 */

#include "diag.h"
#include "limits.h"
#include "model.h"
#include "rules.h"

#include <stdbool.h>
#include <stddef.h>

/* The version of keten and of this interface. */
#define KETEN_VERSION "0.1.0"

/* The versions of the libraries keten runs with, as they report them:
 * libcmark, cJSON and Graphviz (NULL when Graphviz cannot start). */
const char *keten_cmark_version(void);
const char *keten_cjson_version(void);
const char *keten_graphviz_version(void);

/* A workspace being checked: opaque, made by workspace_open. */
struct workspace;

struct workspace_options {
	const char *chain_path;   /* a chain model file for every journey, or
				   * NULL: each journey's own (keten:), else
				   * the embedded default */
	struct limits limits;     /* sizes past which a file is refused */
	struct rule_config rules; /* the rules switched off (--disable) */
};

/* One journey just checked, handed to the callback of
 * workspace_check_journeys. Everything is borrowed until it returns. */
struct checked_journey {
	const struct doc *doc;            /* the journey's document (doc->journey) */
	const struct persona *persona;    /* the persona it is about; NULL when
					   * none is named or found */
	const struct chain *chain;        /* the chain model it was checked with */
	const struct diag *findings;      /* its own findings, in order of
					   * emission: every code, not only
					   * friction */
	size_t n_findings;
	const struct diag *const *persona_findings; /* the rule findings about
						     * its persona as a whole,
						     * made before any journey */
	size_t n_persona_findings;
	struct friction friction;         /* count and score, by the rule above */
	bool broken;                      /* structural errors: not drawn, not
					   * compared */
	size_t index;                     /* 0, 1, ... in checking order */
	const char *next_file;            /* the first file name, in strcmp order,
					   * of the journeys still to come (NULL:
					   * none). Findings still to come are in
					   * those files, so a printer may write
					   * every finding before it now. The one
					   * exception: a chain model a journey
					   * names in `keten:`, read only when that
					   * journey is checked. */
};

/* Called for each journey after its checks. */
typedef void checked_journey_fn(const struct checked_journey *cj, void *arg);

/*
 * Finds the files under paths (files or folders; none means "."), reads
 * the chain models and the personas, and checks them; their findings go
 * into diags, which must stay alive until workspace_close. A folder with
 * personas/, journeys/ or chains/ is a workspace and only those are read.
 * Returns the workspace, or NULL when the job cannot be done; *error
 * (caller frees) then says why, naming the path.
 */
struct workspace *workspace_open(char *const *paths, size_t n_paths,
				 const struct workspace_options *opts,
				 struct diags *diags, char **error);

/*
 * Reads and checks each journey in turn (the document, its chain model,
 * its positions, its persona, its id against the others, the friction
 * rules), adds its findings to diags, calls fn (may be NULL) with the
 * result and frees the journey. Reading and the checks that need only the
 * journey run ahead on reader threads; fn is called in input order on the
 * calling thread. Call it once.
 */
void workspace_check_journeys(struct workspace *ws, checked_journey_fn *fn, void *arg);

/* The number of personas checked (those found under the paths given,
 * not those read only to resolve a journey's persona). */
size_t workspace_n_personas(const struct workspace *ws);

/* Checked persona i, 0 <= i < workspace_n_personas. */
const struct persona *workspace_persona_at(const struct workspace *ws, size_t i);

/* The persona with this id (after slug folding), checked or only read
 * for reference, or NULL. */
const struct persona *workspace_persona(const struct workspace *ws, const char *id);

/* The chain model in force: --chain, else the embedded default. */
const struct chain *workspace_chain(const struct workspace *ws);

/* After workspace_check_journeys: the friction of the persona findings
 * that no checked journey is about. The run's friction is this plus the
 * friction of every checked journey. */
struct friction workspace_unmet_friction(const struct workspace *ws);

/* Frees the workspace and every document it holds; *ws becomes NULL.
 * diags keeps the findings. */
void workspace_close(struct workspace **ws);

/* Reads one file on its own (its kind from its folder or its content) and
 * runs the checks of a single document on it. NULL when nothing could be
 * read (diags say why); the caller frees the result with doc_free. */
struct doc *workspace_read_file(const char *path, const struct limits *limits,
				struct diags *diags);

/* Reads the report's title page, werkruimte.md else workspace.md in the
 * folder root, as a DOC_WORKSPACE document. NULL when root is NULL, when
 * there is no such file, or when it could not be read (diags say why). */
struct doc *workspace_read_cover(const char *root, const struct limits *limits,
				 struct diags *diags);

#endif
