/* workspace_files.c - finding a workspace's files, loading one document, and reading what comes before the journeys: chain models, personas and the personas a journey refers to. */
#include "workspace.h"

#include "chain.h"
#include "check.h"
#include "layout.h"
#include "mem.h"
#include "path.h"
#include "read.h"
#include "rules.h"
#include "source.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_WALK_DEPTH = 32 };

/* --- loading one document --- */

/* Reports S009 at the first touchpoint past the journey's limit, which
 * bounds the time and memory of its diagram; false when there is one. */
static bool
touchpoints_within_limit(const struct journey *j, const struct limits *limits,
			 struct diags *diags)
{
	long seen = 0;
	for (size_t i = 0; i < j->n_stages; i++) {
		const struct stage *s = j->stages[i];
		if (seen + (long)s->n_touchpoints <= limits->max_journey_touchpoints) {
			seen += (long)s->n_touchpoints;
			continue;
		}
		const struct touchpoint *over =
			s->touchpoints[limits->max_journey_touchpoints - seen];
		struct diag *d = diag_emit(diags, CODE_S009, &over->loc,
					   M_S009_JOURNEY_TOUCHPOINTS,
					   limits->max_journey_touchpoints);
		diag_hint(diags, d, M_H_JOURNEY_TOUCHPOINTS);
		return false;
	}
	return true;
}

struct doc *
ws_load_document(const char *path, enum doc_kind kind, const struct limits *limits,
		 struct diags *diags)
{
	struct source *src = source_load(path, limits, diags);
	if (src == NULL)
		return NULL;
	bool json = source_is_stdin(path) ? source_looks_like_json(src)
					   : path_has_extension(path, ".json");
	struct doc *doc = json
		? read_json(src, limits, diags)
		: read_markdown(src, kind == DOC_CHAIN ? DOC_UNKNOWN : kind, limits, diags);
	source_free(&src);
	/* A file beyond a limit is refused whole, as the readers do. */
	if (doc != NULL && doc->journey != NULL &&
	    !touchpoints_within_limit(doc->journey, limits, diags))
		doc_free(&doc);
	if (doc != NULL)
		check_document(doc, diags);
	return doc;
}

struct doc *
workspace_read_file(const char *path, const struct limits *limits,
		    struct diags *diags)
{
	return ws_load_document(path, layout_kind_of_file(path), limits, diags);
}

/* The title page's file names, Dutch first. */
static const char *const cover_names[] = {"werkruimte.md", "workspace.md"};

struct doc *
workspace_read_cover(const char *root, const struct limits *limits, struct diags *diags)
{
	for (size_t i = 0; root != NULL && i < sizeof cover_names / sizeof *cover_names; i++) {
		char *path = path_join(root, cover_names[i]);
		struct doc *doc = NULL;
		if (access(path, F_OK) == 0) {
			struct source *src = source_load(path, limits, diags);
			doc = src != NULL ? read_markdown(src, DOC_WORKSPACE, limits, diags) : NULL;
			source_free(&src);
			free(path);
			return doc;
		}
		free(path);
	}
	return NULL;
}

/* --- finding files --- */

static void
add_input(struct workspace *ws, const char *path, enum doc_kind kind, bool named)
{
	ws->inputs = xgrow(ws->inputs, ws->n_inputs, &ws->cap_inputs, sizeof(*ws->inputs));
	ws->inputs[ws->n_inputs].path = xstrdup(path);
	ws->inputs[ws->n_inputs].kind = kind;
	ws->inputs[ws->n_inputs].named = named;
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

/* path_is_folder for a listed entry: a regular file or a folder as readdir
 * says needs no stat; a link (followed) or an unknown type does. */
static bool
entry_is_folder(const struct entry *e, const char *path)
{
	if (e->type == DT_REG || e->type == DT_DIR)
		return e->type == DT_DIR;
	return path_is_folder(path);
}

/* A folder itself, not a link to one. */
static bool
entry_is_real_folder(const struct entry *e, const char *path)
{
	if (e->type != DT_UNKNOWN)
		return e->type == DT_DIR;
	return path_is_real_folder(path);
}

struct walk_item {
	char *dir;
	int depth;
};

/* The folder a walk reads, as given and as a real path (NULL: unknown, no
 * file is then refused), and whether every file needs its real path
 * looked at (the walk began in a folder that is itself a link out). */
struct walk_root {
	const char *shown;
	const char *real;
	bool check_all;
};

/* A link (or a file of unknown type) must stay within the workspace: the
 * text of a file outside it (a password file, a .env) is never read into
 * a report. Returns false, after reporting it into diags (unless NULL),
 * for one that leaves it. */
static bool
stays_inside(struct diags *diags, const struct entry *e, const char *path,
	     const struct walk_root *root)
{
	if (root->real == NULL || (!root->check_all && e->type != DT_LNK && e->type != DT_UNKNOWN))
		return true;
	char *real = realpath(path, NULL);
	bool inside = real == NULL || path_within(real, root->real); /* dangling: reading says so */
	free(real);
	if (!inside && diags != NULL) {
		struct loc whole = {path, 1, 1};
		struct diag *d = diag_emit(diags, CODE_S001, &whole, M_S001_OUTSIDE, root->shown);
		diag_hint(diags, d, M_H_OUTSIDE);
	}
	return inside;
}

bool
ws_may_read(const struct workspace *ws, const char *real, const char *root_real)
{
	if (root_real != NULL && path_within(real, root_real))
		return true;
	for (size_t i = 0; i < ws->n_given; i++) {
		const struct ws_given *g = &ws->given[i];
		if (g->folder ? path_within(real, g->real) : strcmp(real, g->real) == 0)
			return true;
	}
	return false;
}

void
ws_note_given(struct workspace *ws, const char *path)
{
	char *real = realpath(path, NULL);
	if (real == NULL)
		return;
	ws->given = xgrow(ws->given, ws->n_given, &ws->cap_given, sizeof(*ws->given));
	ws->given[ws->n_given++] = (struct ws_given){real, path_is_folder(real)};
}

/* Adds every .md and .json file below dir, without recursion and without
 * following links to folders. */
static void
walk_folder(struct workspace *ws, const char *top, const struct walk_root *root)
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
			if (path_has_extension(name, ".md") || path_has_extension(name, ".json")) {
				char *path = path_join(item.dir, name);
				if (!entry_is_folder(&names[i], path) &&
				    stays_inside(ws->diags, &names[i], path, root))
					add_input(ws, path, layout_kind_of_file(path), false);
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
void
ws_find_inputs(struct workspace *ws, const char *path)
{
	if (!path_is_folder(path)) {
		if (source_is_stdin(path) || path_has_extension(path, ".md") || path_has_extension(path, ".json") ||
		    access(path, F_OK) != 0) {
			add_input(ws, path, layout_kind_of_file(path), true);
			return;
		}
		struct loc whole = {path, 1, 1};
		struct diag *d = diag_emit(ws->diags, CODE_S001, &whole, M_S001_EXTENSION);
		diag_hint(ws->diags, d, M_H_EXTENSION);
		return;
	}
	/* Chain models first: the journeys need them. */
	static const enum doc_kind parts[] = {DOC_CHAIN, DOC_PERSONA, DOC_JOURNEY};
	bool workspace = false;
	char *real = realpath(path, NULL);
	struct walk_root root = {path, real, false};
	for (size_t i = 0; i < 3; i++) {
		char *sub = layout_path(path, parts[i]);
		if (path_is_folder(sub)) {
			char *sub_real = realpath(sub, NULL);
			root.check_all = sub_real == NULL || real == NULL ||
					 !path_within(sub_real, real);
			free(sub_real);
			walk_folder(ws, sub, &root);
			workspace = true;
		}
		free(sub);
	}
	root.check_all = false;
	if (!workspace)
		walk_folder(ws, path, &root);
	free(real);
}

/* --- personas and the other documents read up front --- */

static void
push_doc(struct doc ***items, size_t *n, size_t *cap, struct doc *doc)
{
	*items = xgrow(*items, *n, cap, sizeof(struct doc *));
	(*items)[(*n)++] = doc;
}

/* Reads everything but the journeys in folders: chain models named on the
 * command line first, then personas, then files of unknown kind (which may
 * turn out journeys). A chain model found in chains/ is read (and
 * validated) only when a journey uses it: a broken model nobody uses costs
 * nothing and is not reported. */
void
ws_read_up_front(struct workspace *ws)
{
	size_t kept = 0;
	for (size_t i = 0; i < ws->n_inputs; i++) {
		struct ws_input in = ws->inputs[i];
		if (in.kind == DOC_CHAIN && path_has_extension(in.path, ".json")) {
			if (in.named)
				ws_chain_load(ws, in.path);
			free(in.path);
			continue;
		}
		if (in.kind == DOC_JOURNEY) {
			ws->inputs[kept++] = in;
			continue;
		}
		size_t first = ws->diags->n;
		struct doc *doc = ws_load_document(in.path, in.kind, &ws->opts.limits, ws->diags);
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
	ws_check_persona_ids(ws);
	for (size_t i = 0; i < ws->n_personas; i++) {
		struct doc *doc = ws->personas[i];
		size_t first = ws->diags->n;
		check_persona_position(doc, ws->chain_in_force->chain, ws->diags);
		rules_check_persona(doc, ws->chain_in_force->chain, &ws->opts.rules, ws->diags);
		diags_tag(ws->diags, first, NULL, doc->persona->id.s);
	}
}

/* Brings ws->persona_reals up to date with ws->personas: each persona
 * file's real path is worked out once, however many folders are read. */
static void
note_persona_reals(struct workspace *ws)
{
	char real[PATH_MAX];
	for (; ws->n_persona_reals < ws->n_personas; ws->n_persona_reals++) {
		const char *path = ws->personas[ws->n_persona_reals]->path;
		if (realpath(path, real) != NULL)
			idmap_add(&ws->persona_reals, real, strlen(real), ws->n_persona_reals);
	}
}

/* True when a persona from this file has been read already. */
static bool
persona_file_read(struct workspace *ws, const char *path)
{
	char real[PATH_MAX];
	if (realpath(path, real) == NULL)
		return false;
	note_persona_reals(ws);
	return idmap_find(&ws->persona_reals, real, strlen(real), NULL);
}

/* Reads the personas of a journey's workspace that were not among the
 * paths given, so that `keten check journeys/x.md` still finds its
 * persona. Their own findings are not reported: they were not asked for. */
static void
read_personas_of(struct workspace *ws, const char *journey_path)
{
	char *root = layout_root_of(journey_path);
	char *dir = layout_path(root, DOC_PERSONA);
	char *root_real = realpath(root, NULL), *dir_real = realpath(dir, NULL);
	struct walk_root top = {root, root_real, dir_real == NULL || root_real == NULL ||
				!path_within(dir_real, root_real)};
	free(dir_real);
	size_t count;
	struct entry *names = path_is_folder(dir) ? list_folder(dir, &count) : NULL;
	for (size_t i = 0; names && i < count; i++) {
		char *path = path_join(dir, names[i].name);
		if ((path_has_extension(path, ".md") || path_has_extension(path, ".json")) &&
		    stays_inside(NULL, &names[i], path, &top) &&
		    !persona_file_read(ws, path)) {
			struct diags quiet;
			diags_init(&quiet, ws->diags->lang);
			struct doc *doc = ws_load_document(path, DOC_PERSONA, &ws->opts.limits, &quiet);
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
	free(root_real);
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

void
ws_read_reference_personas(struct workspace *ws)
{
	char *last_dir = NULL;
	for (size_t i = 0; i < ws->n_inputs; i++)
		read_personas_once(ws, ws->inputs[i].path, &last_dir);
	for (size_t i = 0; i < ws->n_journeys_read; i++)
		read_personas_once(ws, ws->journeys_read[i]->path, &last_dir);
	free(last_dir);
}
