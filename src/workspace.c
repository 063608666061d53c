/* workspace.c - discovering files, loading documents and the checks that span files. */
#include "workspace.h"

#include "chain.h"
#include "check.h"
#include "mem.h"
#include "path.h"
#include "preload.h"
#include "read.h"
#include "source.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_WALK_DEPTH = 32 };

/* --- paths --- */

static bool
has_extension(const char *path, const char *ext)
{
	size_t lp = strlen(path), le = strlen(ext);
	return lp > le && strcmp(path + lp - le, ext) == 0;
}

/* The kind a file's folder gives it: personas/, journeys/ or chains/. */
static enum doc_kind
kind_from_folder(const char *path)
{
	char *dir = path_dir(path);
	const char *base = path_base(dir);
	enum doc_kind kind = DOC_UNKNOWN;
	if (strcmp(base, "personas") == 0)
		kind = DOC_PERSONA;
	else if (strcmp(base, "journeys") == 0)
		kind = DOC_JOURNEY;
	else if (strcmp(base, "chains") == 0)
		kind = DOC_CHAIN;
	free(dir);
	return kind;
}

/* The workspace a journey belongs to: the folder above journeys/. */
static char *
workspace_root_of(const char *journey_path)
{
	char *dir = path_dir(journey_path);
	if (strcmp(path_base(dir), "journeys") != 0)
		return dir;
	char *root = path_dir(dir);
	free(dir);
	return root;
}

/* --- loading one document --- */

static struct doc *
load_document(const char *path, enum doc_kind kind, const struct limits *limits,
	      struct diags *diags)
{
	struct source *src = source_load(path, limits, diags);
	if (src == NULL)
		return NULL;
	struct doc *doc = has_extension(path, ".json")
		? read_json(src, limits, diags)
		: read_markdown(src, kind == DOC_CHAIN ? DOC_UNKNOWN : kind, limits, diags);
	source_free(&src);
	if (doc != NULL)
		check_document(doc, diags);
	return doc;
}

struct doc *
workspace_read_file(const char *path, const struct limits *limits,
		    struct diags *diags)
{
	return load_document(path, kind_from_folder(path), limits, diags);
}

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
static struct doc *
chain_load(struct workspace *ws, const char *path)
{
	char real[PATH_MAX];
	const char *key = realpath(path, real) ? real : path;
	bool found;
	struct doc *doc = chain_cached(ws, key, &found);
	if (found)
		return doc;
	doc = load_document(path, DOC_CHAIN, &ws->opts.limits, ws->diags);
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
	if (strchr(ref->s, '/') != NULL || has_extension(ref->s, ".json")) {
		if (ref->s[0] == '/')
			return xstrdup(ref->s);
		char *dir = path_dir(doc->path);
		char *path = path_join(dir, ref->s);
		free(dir);
		return path;
	}
	char *root = workspace_root_of(doc->path);
	char *name = xasprintf("chains/%s.json", ref->s);
	char *path = path_join(root, name);
	free(name);
	free(root);
	return path;
}

/* A chain model file read already, found under the lock (reader threads
 * look while the main thread may add one). */
static bool
chain_known(struct workspace *ws, const char *path, struct doc **doc)
{
	char real[PATH_MAX];
	const char *key = realpath(path, real) ? real : path;
	bool found;
	pthread_mutex_lock(&ws->chains_lock);
	*doc = chain_cached(ws, key, &found);
	pthread_mutex_unlock(&ws->chains_lock);
	return found;
}

/* The chain model a journey is checked with: --chain, its keten:
 * attribute, or the default. With may_load false, a model file not read
 * yet is not read: *later is set and NULL returned. */
static const struct chain *
chain_for_journey(struct workspace *ws, const struct doc *doc, struct diags *diags,
		  bool may_load, bool *later)
{
	*later = false;
	char *path = chain_file_of(ws, doc);
	if (path == NULL)
		return ws->chain_in_force->chain;
	struct stat st;
	struct doc *chain = NULL;
	if (stat(path, &st) != 0) {
		const struct text *ref = &doc->journey->chain;
		struct diag *d = diag_emit(diags, CODE_S003, &ref->loc, M_S003_CHAIN,
					   ref->s, path);
		diag_hint(diags, d, M_H_CHAIN);
	} else if (!chain_known(ws, path, &chain)) {
		if (may_load)
			chain = chain_load(ws, path);
		else
			*later = true;
	}
	free(path);
	if (*later)
		return NULL;
	return chain ? chain->chain : ws->chain_in_force->chain;
}

/* --- finding files --- */

static void
add_input(struct workspace *ws, const char *path, enum doc_kind kind)
{
	ws->inputs = xgrow(ws->inputs, ws->n_inputs, &ws->cap_inputs, sizeof(*ws->inputs));
	ws->inputs[ws->n_inputs].path = xstrdup(path);
	ws->inputs[ws->n_inputs].kind = kind;
	ws->n_inputs++;
}

/* A folder entry: its name and its type as readdir tells it (DT_REG,
 * DT_DIR, DT_LNK, ..., or DT_UNKNOWN), which saves a stat per file. */
struct entry {
	char *name;
	unsigned char type;
};

static int
compare_names(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* The visible entries of a folder, sorted. Caller frees each name and the array. */
static struct entry *
list_folder(const char *dir, size_t *n)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (d == NULL)
		return NULL;
	size_t cap = 16;
	struct entry *names = xmalloc(cap * sizeof(*names));
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (*n == cap)
			names = xrealloc(names, (cap *= 2) * sizeof(*names));
		names[(*n)++] = (struct entry){xstrdup(e->d_name), e->d_type};
	}
	closedir(d);
	qsort(names, *n, sizeof(*names), compare_names);
	return names;
}

static bool
is_folder(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* is_folder for a listed entry: a regular file or a folder as readdir
 * says needs no stat; a link (followed) or an unknown type does. */
static bool
entry_is_folder(const struct entry *e, const char *path)
{
	if (e->type == DT_REG || e->type == DT_DIR)
		return e->type == DT_DIR;
	return is_folder(path);
}

/* A folder itself, not a link to one. */
static bool
entry_is_real_folder(const struct entry *e, const char *path)
{
	struct stat st;
	if (e->type != DT_UNKNOWN)
		return e->type == DT_DIR;
	return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct walk_item {
	char *dir;
	int depth;
};

/* Adds every .md and .json file below dir, without recursion and without
 * following links to folders. */
static void
walk_folder(struct workspace *ws, const char *top)
{
	size_t cap = 16, n = 0;
	struct walk_item *stack = xmalloc(cap * sizeof(*stack));
	stack[n++] = (struct walk_item){xstrdup(top), 0};
	while (n > 0) {
		struct walk_item item = stack[--n];
		size_t count;
		struct entry *names = list_folder(item.dir, &count);
		/* Folders go on the stack in reverse so they come out sorted. */
		for (size_t i = count; i-- > 0;) {
			if (names[i].type != DT_DIR && names[i].type != DT_UNKNOWN)
				continue; /* no folder: nothing to join or look at */
			char *path = path_join(item.dir, names[i].name);
			if (entry_is_real_folder(&names[i], path) &&
			    item.depth < MAX_WALK_DEPTH && strcmp(names[i].name, "output") != 0) {
				if (n == cap)
					stack = xrealloc(stack, (cap *= 2) * sizeof(*stack));
				stack[n++] = (struct walk_item){path, item.depth + 1};
				path = NULL;
			}
			free(path);
		}
		for (size_t i = 0; i < count; i++) {
			const char *name = names[i].name;
			/* A file that cannot be read is added all the same, so
			 * that reading it reports why. */
			if (has_extension(name, ".md") || has_extension(name, ".json")) {
				char *path = path_join(item.dir, name);
				if (!entry_is_folder(&names[i], path))
					add_input(ws, path, kind_from_folder(path));
				free(path);
			}
			free(names[i].name);
		}
		free(names);
		free(item.dir);
	}
	free(stack);
}


/* A folder with personas/, journeys/ or chains/ is a workspace: only those
 * are searched. Any other folder is searched whole. */
static void
find_inputs(struct workspace *ws, const char *path)
{
	if (!is_folder(path)) {
		if (has_extension(path, ".md") || has_extension(path, ".json") ||
		    access(path, F_OK) != 0) {
			add_input(ws, path, kind_from_folder(path));
			return;
		}
		struct loc whole = {path, 1, 1};
		struct diag *d = diag_emit(ws->diags, CODE_S001, &whole, M_S001_EXTENSION);
		diag_hint(ws->diags, d, M_H_EXTENSION);
		return;
	}
	static const char *const parts[] = {"chains", "personas", "journeys"};
	bool workspace = false;
	for (size_t i = 0; i < 3; i++) {
		char *sub = path_join(path, parts[i]);
		if (is_folder(sub)) {
			walk_folder(ws, sub);
			workspace = true;
		}
		free(sub);
	}
	if (!workspace)
		walk_folder(ws, path);
}

/* --- personas and the other documents read up front --- */

static void
push_doc(struct doc ***items, size_t *n, size_t *cap, struct doc *doc)
{
	*items = xgrow(*items, *n, cap, sizeof(struct doc *));
	(*items)[(*n)++] = doc;
}

static void
check_persona_ids(struct workspace *ws)
{
	for (size_t i = 0; i < ws->n_personas; i++) {
		const struct persona *p = ws->personas[i]->persona;
		for (size_t k = 0; k < i; k++) {
			const struct persona *q = ws->personas[k]->persona;
			if (strcmp(p->id.s, q->id.s) != 0)
				continue;
			struct diag *d = diag_emit(ws->diags, CODE_S004, &p->id.loc, M_S004_PERSONA,
						   p->id.s, q->id.loc.file, q->id.loc.line);
			diag_hint(ws->diags, d, M_H_DUP_ID);
			ws->personas[i]->broken = true;
			break;
		}
	}
}

/* Reads everything but the journeys in folders: chain models first, then
 * personas, then files of unknown kind (which may turn out journeys). */
static void
read_up_front(struct workspace *ws)
{
	size_t kept = 0;
	for (size_t i = 0; i < ws->n_inputs; i++) {
		struct ws_input in = ws->inputs[i];
		if (in.kind == DOC_CHAIN && has_extension(in.path, ".json")) {
			chain_load(ws, in.path);
			free(in.path);
			continue;
		}
		if (in.kind == DOC_JOURNEY) {
			ws->inputs[kept++] = in;
			continue;
		}
		size_t first = ws->diags->n;
		struct doc *doc = load_document(in.path, in.kind, &ws->opts.limits, ws->diags);
		free(in.path);
		if (doc == NULL)
			continue;
		if (doc->kind == DOC_PERSONA && doc->persona) {
			diags_tag(ws->diags, first, NULL, doc->persona->id.s);
			push_doc(&ws->personas, &ws->n_personas, &ws->cap_personas, doc);
		} else if (doc->kind == DOC_JOURNEY && doc->journey) {
			push_doc(&ws->journeys_read, &ws->n_journeys_read,
				 &ws->cap_journeys_read, doc);
		} else {
			if (doc->kind == DOC_CHAIN && doc->chain)
				chain_validate(doc, ws->diags);
			doc_free(&doc);
		}
	}
	ws->n_inputs = kept;
	check_persona_ids(ws);
	for (size_t i = 0; i < ws->n_personas; i++) {
		struct doc *doc = ws->personas[i];
		size_t first = ws->diags->n;
		check_persona_position(doc, ws->chain_in_force->chain, ws->diags);
		rules_check_persona(doc, ws->chain_in_force->chain, &ws->opts.rules, ws->diags);
		diags_tag(ws->diags, first, NULL, doc->persona->id.s);
	}
}

static int
open_chain_in_force(struct workspace *ws)
{
	if (ws->opts.chain_path == NULL) {
		ws->chain_in_force = chain_load_default(ws->diags->lang);
		return 0;
	}
	size_t first = ws->diags->n;
	struct doc *doc = chain_load(ws, ws->opts.chain_path);
	if (doc == NULL) {
		const struct diag *d = first < ws->diags->n ? &ws->diags->items[first] : NULL;
		ws->error = xasprintf("%s: %s", ws->opts.chain_path,
				      d ? d->message : strerror(ENOENT));
		return -1;
	}
	/* The cache owns it; the workspace only points at it. */
	ws->chain_in_force = doc;
	return 0;
}

/* True when a persona from this file has been read already. */
static bool
persona_file_read(const struct workspace *ws, const char *path)
{
	char real[PATH_MAX], other[PATH_MAX];
	if (realpath(path, real) == NULL)
		return false;
	for (size_t i = 0; i < ws->n_personas; i++)
		if (realpath(ws->personas[i]->path, other) && strcmp(real, other) == 0)
			return true;
	return false;
}

/* Reads the personas of a journey's workspace that were not among the
 * paths given, so that `keten check journeys/x.md` still finds its
 * persona. Their own findings are not reported: they were not asked for. */
static void
read_personas_of(struct workspace *ws, const char *journey_path)
{
	char *root = workspace_root_of(journey_path);
	char *dir = path_join(root, "personas");
	size_t count;
	struct entry *names = is_folder(dir) ? list_folder(dir, &count) : NULL;
	for (size_t i = 0; names && i < count; i++) {
		char *path = path_join(dir, names[i].name);
		if ((has_extension(path, ".md") || has_extension(path, ".json")) &&
		    !persona_file_read(ws, path)) {
			struct diags quiet;
			diags_init(&quiet, ws->diags->lang);
			struct doc *doc = load_document(path, DOC_PERSONA, &ws->opts.limits, &quiet);
			diags_free(&quiet);
			if (doc && doc->kind == DOC_PERSONA && doc->persona)
				push_doc(&ws->personas, &ws->n_personas, &ws->cap_personas, doc);
			else
				doc_free(&doc);
		}
		free(path);
		free(names[i].name);
	}
	free(names);
	free(dir);
	free(root);
}

/* Journeys come folder by folder: each folder's workspace is looked at once. */
static void
read_personas_once(struct workspace *ws, const char *journey_path, char **last_dir)
{
	char *dir = path_dir(journey_path);
	if (*last_dir != NULL && strcmp(*last_dir, dir) == 0) {
		free(dir);
		return;
	}
	free(*last_dir);
	*last_dir = dir;
	read_personas_of(ws, journey_path);
}

static void
read_reference_personas(struct workspace *ws)
{
	char *last_dir = NULL;
	for (size_t i = 0; i < ws->n_inputs; i++)
		read_personas_once(ws, ws->inputs[i].path, &last_dir);
	for (size_t i = 0; i < ws->n_journeys_read; i++)
		read_personas_once(ws, ws->journeys_read[i]->path, &last_dir);
	free(last_dir);
}

/* Keeps a copy of the rule findings about personas as a whole made while
 * opening (diags[from..n)): a printer that streams may drop the originals
 * before the journeys that meet them are checked. */
static void
keep_persona_findings(struct workspace *ws, size_t from)
{
	diags_init(&ws->persona_findings, ws->diags->lang);
	for (size_t i = from; i < ws->diags->n; i++) {
		const struct diag *d = &ws->diags->items[i];
		if (code_is_rule(d->code) && d->journey == NULL && d->persona != NULL)
			diags_add_copy(&ws->persona_findings, d);
	}
	size_t n = ws->persona_findings.n;
	ws->persona_met = xcalloc(n ? n : 1, sizeof(bool));
	ws->persona_scratch = xcalloc(n ? n : 1, sizeof(struct diag *));
}

struct workspace *
workspace_open(char *const *paths, size_t n_paths, const struct workspace_options *opts,
	       struct diags *diags, char **error)
{
	struct workspace *ws = xcalloc(1, sizeof(*ws));
	pthread_mutex_init(&ws->chains_lock, NULL);
	ws->opts = *opts;
	ws->diags = diags;
	size_t first = diags->n;
	if (open_chain_in_force(ws) != 0) {
		*error = ws->error;
		ws->error = NULL;
		workspace_close(&ws);
		return NULL;
	}
	if (n_paths == 0)
		find_inputs(ws, ".");
	for (size_t i = 0; i < n_paths; i++)
		find_inputs(ws, paths[i]);
	read_up_front(ws);
	ws->n_personas_checked = ws->n_personas;
	keep_persona_findings(ws, first);
	read_reference_personas(ws);
	return ws;
}

size_t
workspace_n_personas(const struct workspace *ws)
{
	return ws->n_personas_checked;
}

const struct persona *
workspace_persona_at(const struct workspace *ws, size_t i)
{
	return ws->personas[i]->persona;
}

const struct chain *
workspace_chain(const struct workspace *ws)
{
	return ws->chain_in_force->chain;
}

struct friction
workspace_unmet_friction(const struct workspace *ws)
{
	struct friction f = {0, 0};
	for (size_t i = 0; i < ws->persona_findings.n; i++)
		if (!ws->persona_met[i])
			friction_add(&f, &ws->persona_findings.items[i]);
	return f;
}

/* --- journeys --- */

const struct persona *
workspace_persona(const struct workspace *ws, const char *id)
{
	char *slug = text_slug(id);
	const struct persona *found = NULL;
	for (size_t i = 0; i < ws->n_personas && found == NULL; i++)
		if (strcmp(ws->personas[i]->persona->id.s, slug) == 0)
			found = ws->personas[i]->persona;
	free(slug);
	return found;
}

static void
check_persona_reference(const struct workspace *ws, struct doc *doc, struct diags *diags)
{
	struct journey *j = doc->journey;
	if (j->persona.s == NULL || *j->persona.s == '\0')
		return;
	j->persona_ref = workspace_persona(ws, j->persona.s);
	if (j->persona_ref != NULL)
		return;
	const char **ids = xmalloc((ws->n_personas + 1) * sizeof(char *));
	struct buf list = {0};
	for (size_t i = 0; i < ws->n_personas; i++) {
		ids[i] = ws->personas[i]->persona->id.s;
		buf_printf(&list, "%s%s", i ? ", " : "", ids[i]);
	}
	long near = text_nearest(j->persona.s, ids, ws->n_personas);
	struct diag *d = near >= 0
		? diag_emit(diags, CODE_S003, &j->persona.loc, M_S003_PERSONA_SUGGEST,
			    j->persona.s, ids[near])
		: diag_emit(diags, CODE_S003, &j->persona.loc, M_S003_PERSONA, j->persona.s);
	if (ws->n_personas == 0)
		diag_hint(diags, d, M_H_NO_PERSONAS);
	else
		diag_hint(diags, d, M_H_PERSONAS, buf_str(&list));
	buf_free(&list);
	free(ids);
	doc->broken = true;
}

static size_t
hash_id(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of id in the hash index: where it is, or where it would go. */
static size_t *
seen_slot(const struct workspace *ws, const char *id)
{
	size_t mask = ws->n_seen_slots - 1;
	size_t i = hash_id(id) & mask;
	while (ws->seen_slots[i] != 0 && strcmp(ws->seen[ws->seen_slots[i] - 1].id, id) != 0)
		i = (i + 1) & mask;
	return &ws->seen_slots[i];
}

/* Keeps the index at most half full, rebuilding it when it grows. */
static void
seen_reserve(struct workspace *ws)
{
	if (2 * (ws->n_seen + 1) <= ws->n_seen_slots)
		return;
	free(ws->seen_slots);
	ws->n_seen_slots = ws->n_seen_slots ? 2 * ws->n_seen_slots : 64;
	ws->seen_slots = xcalloc(ws->n_seen_slots, sizeof(size_t));
	for (size_t i = 0; i < ws->n_seen; i++)
		*seen_slot(ws, ws->seen[i].id) = i + 1;
}

/* Reports a journey id used before (true then); journeys are many, so by
 * hash. */
static bool
check_journey_id(struct workspace *ws, struct doc *doc)
{
	const struct text *id = &doc->journey->id;
	seen_reserve(ws);
	size_t *slot = seen_slot(ws, id->s);
	if (*slot != 0) {
		const struct ws_seen *first = &ws->seen[*slot - 1];
		struct diag *d = diag_emit(ws->diags, CODE_S004, &id->loc, M_S004_JOURNEY,
					   id->s, first->file, first->line);
		diag_hint(ws->diags, d, M_H_DUP_ID);
		doc->broken = true;
		return true;
	}
	ws->seen = xgrow(ws->seen, ws->n_seen, &ws->cap_seen, sizeof(*ws->seen));
	ws->seen[ws->n_seen++] = (struct ws_seen){xstrdup(id->s), xstrdup(doc->path),
						  id->loc.line};
	*slot = ws->n_seen;
	return false;
}

/* The checks of a journey that need only it, its persona and its chain
 * model, run where it is read: findings into diags, the friction rules'
 * into later. Nothing is done when the chain model must be read first
 * (the main thread does it all then). The journey's chain_ref is set when
 * this has been done. */
static void
precheck_journey(struct workspace *ws, struct doc *doc, struct diags *diags,
		 struct diags *later)
{
	bool wait;
	const struct chain *chain = chain_for_journey(ws, doc, diags, false, &wait);
	if (wait)
		return;
	check_journey_positions(doc, chain, diags);
	check_persona_reference(ws, doc, diags);
	rules_check_journey(doc, doc->journey->persona_ref, chain, &ws->opts.rules, later);
}

/* The checks of a journey in input order: the chain model read here when
 * its first journey needs it, and the journey id against the others. The
 * rules' findings (later) are kept unless the id makes the journey broken:
 * the rules then run again, as they see a broken journey differently. */
static void
check_in_order(struct workspace *ws, struct doc *doc, struct diags *later)
{
	struct journey *j = doc->journey;
	if (j->chain_ref == NULL) {
		bool wait;
		const struct chain *chain = chain_for_journey(ws, doc, ws->diags, true, &wait);
		check_journey_positions(doc, chain, ws->diags);
		check_persona_reference(ws, doc, ws->diags);
		check_journey_id(ws, doc);
		rules_check_journey(doc, j->persona_ref, chain, &ws->opts.rules, ws->diags);
		return;
	}
	bool was_broken = doc->broken;
	if (check_journey_id(ws, doc) && !was_broken) {
		diags_free(later);
		rules_check_journey(doc, j->persona_ref, j->chain_ref, &ws->opts.rules, ws->diags);
		return;
	}
	diags_move(ws->diags, later);
}

/* The rule findings about the journey's persona as a whole, into
 * ws->persona_scratch; marks them met. */
static size_t
gather_persona_findings(struct workspace *ws, const struct persona *p)
{
	size_t n = 0;
	for (size_t i = 0; p != NULL && p->id.s != NULL && i < ws->persona_findings.n; i++) {
		const struct diag *d = &ws->persona_findings.items[i];
		if (strcmp(d->persona, p->id.s) != 0)
			continue;
		ws->persona_met[i] = true;
		ws->persona_scratch[n++] = d;
	}
	return n;
}

/* What a consumer is handed about the journey just checked, whose
 * findings are diags[first..n). */
static struct checked_journey
describe_journey(struct workspace *ws, const struct doc *doc, size_t first, size_t index)
{
	const struct journey *j = doc->journey;
	struct checked_journey cj = {0};
	cj.doc = doc;
	cj.persona = j->persona_ref;
	cj.chain = j->chain_ref ? j->chain_ref : ws->chain_in_force->chain;
	cj.findings = ws->diags->items + first;
	cj.n_findings = ws->diags->n - first;
	cj.n_persona_findings = gather_persona_findings(ws, j->persona_ref);
	cj.persona_findings = ws->persona_scratch;
	cj.friction = friction_of_journey(cj.findings, cj.n_findings, cj.persona_findings,
					  cj.n_persona_findings);
	cj.broken = doc->broken;
	cj.index = ws->n_journeys;
	cj.next_file = ws->later_first ? ws->later_first[index + 1] : NULL;
	return cj;
}

static void
check_one_journey(struct workspace *ws, struct doc *doc, struct diags *later,
		  size_t first, size_t index, checked_journey_fn *fn, void *arg)
{
	if (doc->kind == DOC_JOURNEY && doc->journey) {
		check_in_order(ws, doc, later);
		diags_tag(ws->diags, first, doc->journey->id.s, doc->journey->persona.s);
		struct checked_journey cj = describe_journey(ws, doc, first, index);
		ws->n_journeys++;
		if (fn != NULL)
			fn(&cj, arg);
	}
	diags_free(later);
	doc_free(&doc);
}

/* Loads input i on a worker thread and runs the checks that need only
 * the journey: reads ws->inputs, the personas, the limits and the chain
 * models, which stay as they are while the journeys are checked (the
 * chain models under their lock). */
static struct doc *
load_journey(void *ctx, size_t i, struct diags *diags, struct diags *later)
{
	struct workspace *ws = ctx;
	struct doc *doc = load_document(ws->inputs[i].path, DOC_JOURNEY, &ws->opts.limits, diags);
	if (doc != NULL && doc->kind == DOC_JOURNEY && doc->journey)
		precheck_journey(ws, doc, diags, later);
	return doc;
}

/* Fills ws->later_first for the journeys in checking order: those read
 * already, then the inputs. The strings stay until their journey is
 * checked, after those that point at them are used. */
static void
index_later_files(struct workspace *ws)
{
	size_t n = ws->n_journeys_read + ws->n_inputs;
	ws->later_first = xcalloc(n + 1, sizeof(char *));
	for (size_t k = n; k-- > 0;) {
		const char *path = k < ws->n_journeys_read ? ws->journeys_read[k]->path
			: ws->inputs[k - ws->n_journeys_read].path;
		const char *later = ws->later_first[k + 1];
		ws->later_first[k] = later && strcmp(later, path) < 0 ? later : path;
	}
}

void
workspace_check_journeys(struct workspace *ws, checked_journey_fn *fn, void *arg)
{
	size_t n_read = ws->n_journeys_read;
	index_later_files(ws);
	struct diags later;
	diags_init(&later, ws->diags->lang);
	for (size_t i = 0; i < n_read; i++) {
		struct doc *doc = ws->journeys_read[i];
		ws->journeys_read[i] = NULL;
		check_one_journey(ws, doc, &later, ws->diags->n, i, fn, arg);
	}
	ws->n_journeys_read = 0;
	/* Files are read, parsed and checked ahead on worker threads; the
	 * checks that span files run here, in input order. */
	struct preload *pl = preload_start(ws->n_inputs, load_journey, ws,
					   ws->diags->lang);
	for (size_t i = 0; i < ws->n_inputs; i++) {
		size_t first = ws->diags->n;
		struct doc *doc = preload_take(pl, i, ws->diags, &later);
		if (doc != NULL)
			check_one_journey(ws, doc, &later, first, n_read + i, fn, arg);
		diags_free(&later);
	}
	preload_stop(&pl);
	free(ws->later_first);
	ws->later_first = NULL;
}

void
workspace_close(struct workspace **wsp)
{
	struct workspace *ws = *wsp;
	if (ws == NULL)
		return;
	for (size_t i = 0; i < ws->n_inputs; i++)
		free(ws->inputs[i].path);
	free(ws->inputs);
	for (size_t i = 0; i < ws->n_journeys_read; i++)
		doc_free(&ws->journeys_read[i]);
	free(ws->journeys_read);
	for (size_t i = 0; i < ws->n_personas; i++)
		doc_free(&ws->personas[i]);
	free(ws->personas);
	diags_free(&ws->persona_findings);
	free(ws->persona_met);
	free(ws->persona_scratch);
	for (size_t i = 0; i < ws->n_chains; i++) {
		free(ws->chains[i].key);
		doc_free(&ws->chains[i].doc);
	}
	free(ws->chains);
	if (ws->opts.chain_path == NULL)
		doc_free(&ws->chain_in_force);
	for (size_t i = 0; i < ws->n_seen; i++) {
		free(ws->seen[i].id);
		free(ws->seen[i].file);
	}
	free(ws->seen);
	free(ws->seen_slots);
	free(ws->error);
	pthread_mutex_destroy(&ws->chains_lock);
	free(ws);
	*wsp = NULL;
}
