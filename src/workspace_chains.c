/* workspace_chains.c - the chain models of a workspace: the one in force, and those journeys name in `keten:`, each read once and kept by its real path. */
#include "workspace.h"

#include "chain.h"
#include "layout.h"
#include "mem.h"
#include "path.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* --- chain models --- */

static struct doc *
chain_cached(struct workspace *ws, const char *key, bool *found)
{
	for (size_t i = 0; i < ws->n_chains; i++)
		if (strcmp(ws->chains[i].key, key) == 0) {
			*found = true;
			return ws->chains[i].doc;
		}
	*found = false;
	return NULL;
}

/* Reads a chain model file once; later calls return the same document. */
struct doc *
ws_chain_load(struct workspace *ws, const char *path)
{
	char *real = realpath(path, NULL);
	const char *key = real ? real : path;
	bool found;
	struct doc *doc = chain_cached(ws, key, &found);
	if (found) {
		free(real);
		return doc;
	}
	doc = ws_load_document(path, DOC_CHAIN, &ws->opts.limits, ws->diags);
	if (doc != NULL && doc->kind != DOC_CHAIN) {
		struct loc whole = {path, 1, 1};
		struct diag *d = diag_emit(ws->diags, CODE_S008, &whole, M_S008_NOT_CHAIN);
		diag_hint(ws->diags, d, M_H_CHAIN_DUMP);
		doc_free(&doc);
	}
	if (doc != NULL)
		chain_validate(doc, ws->diags);
	pthread_mutex_lock(&ws->chains_lock);
	ws->chains = xgrow(ws->chains, ws->n_chains, &ws->cap_chains, sizeof(*ws->chains));
	ws->chains[ws->n_chains].key = xstrdup(key);
	ws->chains[ws->n_chains].doc = doc;
	ws->n_chains++;
	pthread_mutex_unlock(&ws->chains_lock);
	free(real);
	return doc;
}

/* The file a journey's keten: attribute names (a path relative to it, or
 * an id in chains/), or NULL when the journey takes the chain in force
 * (--chain, or no attribute). Caller frees. */
static char *
chain_file_of(const struct workspace *ws, const struct doc *doc)
{
	const struct text *ref = &doc->journey->chain;
	if (ws->opts.chain_path != NULL || ref->s == NULL || *ref->s == '\0')
		return NULL;
	if (strchr(ref->s, '/') != NULL || path_has_extension(ref->s, ".json")) {
		if (ref->s[0] == '/')
			return xstrdup(ref->s);
		char *dir = path_dir(doc->path);
		char *path = path_join(dir, ref->s);
		free(dir);
		return path;
	}
	char *root = layout_root_of(doc->path);
	char *folder = layout_path(root, DOC_CHAIN);
	char *name = xasprintf("%s.json", ref->s);
	char *path = path_join(folder, name);
	free(name);
	free(folder);
	free(root);
	return path;
}

/* A chain model file read already, found under the lock (reader threads
 * look while the main thread may add one). */
static bool
chain_known(struct workspace *ws, const char *path, struct doc **doc)
{
	char *real = realpath(path, NULL);
	const char *key = real ? real : path;
	bool found;
	pthread_mutex_lock(&ws->chains_lock);
	*doc = chain_cached(ws, key, &found);
	pthread_mutex_unlock(&ws->chains_lock);
	free(real);
	return found;
}

/* True when the chain model file a journey names lies within its
 * workspace, or was named on the command line (ws_may_read). */
static bool
chain_inside(const struct workspace *ws, const struct doc *doc, const char *path)
{
	char *real = realpath(path, NULL);
	if (real == NULL)
		return true; /* reading it will say why it cannot be read */
	char *root = layout_root_of(doc->path);
	char *root_real = realpath(root, NULL);
	bool inside = ws_may_read(ws, real, root_real);
	free(root_real);
	free(root);
	free(real);
	return inside;
}

/* The chain model a journey is checked with: --chain, its keten:
 * attribute, or the default. With may_load false, a model file not read
 * yet is not read: *later is set and NULL returned. */
const struct chain *
ws_chain_for_journey(struct workspace *ws, const struct doc *doc, struct diags *diags,
		  bool may_load, bool *later)
{
	*later = false;
	char *path = chain_file_of(ws, doc);
	if (path == NULL)
		return ws->chain_in_force->chain;
	struct stat st;
	struct doc *chain = NULL;
	const struct text *ref = &doc->journey->chain;
	if (stat(path, &st) != 0) {
		struct diag *d = diag_emit(diags, CODE_S003, &ref->loc, M_S003_CHAIN,
					   ref->s, path);
		diag_hint(diags, d, M_H_CHAIN);
	} else if (!chain_inside(ws, doc, path)) {
		char *root = layout_root_of(doc->path);
		struct diag *d = diag_emit(diags, CODE_S003, &ref->loc, M_S003_CHAIN_OUTSIDE,
					   ref->s, root);
		diag_hint(diags, d, M_H_CHAIN_OUTSIDE);
		free(root);
	} else if (!chain_known(ws, path, &chain)) {
		if (may_load)
			chain = ws_chain_load(ws, path);
		else
			*later = true;
	}
	free(path);
	if (*later)
		return NULL;
	return chain ? chain->chain : ws->chain_in_force->chain;
}

int
ws_open_chain_in_force(struct workspace *ws)
{
	if (ws->opts.chain_path == NULL) {
		ws->chain_in_force = chain_load_default(ws->diags->lang);
		return 0;
	}
	size_t first = ws->diags->n;
	struct doc *doc = ws_chain_load(ws, ws->opts.chain_path);
	if (doc == NULL) {
		const struct diag *d = first < ws->diags->n ? &ws->diags->items[first] : NULL;
		ws->error = xasprintf("%s: %s", ws->opts.chain_path,
				      d ? d->message : msg_system_error(ws->diags->lang, ENOENT));
		return -1;
	}
	/* The cache owns it; the workspace only points at it. */
	ws->chain_in_force = doc;
	return 0;
}
