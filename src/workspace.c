/* workspace.c - the workspace as a whole: opening it, checking its journeys one at a time (read ahead on reader threads) and handing each on as a checked_journey with its friction. */
#include "workspace.h"

#include "chain.h"
#include "mem.h"
#include "preload.h"
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Indexes the personas by id (the first of an id wins, as before) and the
 * persona findings by persona (persona id -> its first finding, and a
 * chain through persona_finding_next from there), so that each journey finds its own in constant
 * time however many personas there are. */
static void
index_personas(struct workspace *ws)
{
	for (size_t i = 0; i < ws->n_personas; i++) {
		const char *id = ws->personas[i]->persona->id.s;
		idmap_add(&ws->persona_ids, id, strlen(id), i);
	}
	size_t n = ws->persona_findings.n;
	ws->persona_finding_next = xmalloc((n ? n : 1) * sizeof(size_t));
	size_t *last = xmalloc((n ? n : 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		const char *id = ws->persona_findings.items[i].persona;
		size_t first = idmap_add(&ws->persona_finding_groups, id, strlen(id), i);
		ws->persona_finding_next[i] = SIZE_MAX;
		if (first != i)
			ws->persona_finding_next[last[first]] = i;
		last[first] = i;
	}
	free(last);
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
	if (ws_open_chain_in_force(ws) != 0) {
		*error = ws->error;
		ws->error = NULL;
		workspace_close(&ws);
		return NULL;
	}
	if (n_paths == 0)
		ws_note_given(ws, ".");
	for (size_t i = 0; i < n_paths; i++)
		ws_note_given(ws, paths[i]);
	if (opts->chain_path != NULL)
		ws_note_given(ws, opts->chain_path);
	if (n_paths == 0)
		ws_find_inputs(ws, ".");
	for (size_t i = 0; i < n_paths; i++)
		ws_find_inputs(ws, paths[i]);
	ws_read_up_front(ws);
	ws->n_personas_checked = ws->n_personas;
	keep_persona_findings(ws, first);
	ws_read_reference_personas(ws);
	index_personas(ws);
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
	size_t i;
	bool found = idmap_find(&ws->persona_ids, slug, strlen(slug), &i);
	free(slug);
	return found ? ws->personas[i]->persona : NULL;
}

/* The rule findings about the journey's persona as a whole, into
 * ws->persona_scratch; marks them met. */
static size_t
gather_persona_findings(struct workspace *ws, const struct persona *p)
{
	size_t n = 0, i;
	if (p == NULL || p->id.s == NULL ||
	    !idmap_find(&ws->persona_finding_groups, p->id.s, strlen(p->id.s), &i))
		return 0;
	for (; i != SIZE_MAX; i = ws->persona_finding_next[i]) {
		ws->persona_met[i] = true;
		ws->persona_scratch[n++] = &ws->persona_findings.items[i];
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
		ws_check_in_order(ws, doc, later);
		/* A chain model read for this journey keeps its findings to
		 * itself: they are not the journey's. */
		diags_tag_file(ws->diags, first, doc->path, doc->journey->id.s,
			       doc->journey->persona.s);
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
	struct doc *doc = ws_load_document(ws->inputs[i].path, DOC_JOURNEY, &ws->opts.limits, diags);
	if (doc != NULL && doc->kind == DOC_JOURNEY && doc->journey)
		ws_precheck_journey(ws, doc, diags, later);
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
	for (size_t i = 0; i < ws->n_given; i++)
		free(ws->given[i].real);
	free(ws->given);
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
	for (size_t i = 0; i < ws->n_seen; i++)
		free(ws->seen[i].file);
	free(ws->seen);
	idmap_free(&ws->seen_ids);
	idmap_free(&ws->persona_reals);
	idmap_free(&ws->persona_ids);
	idmap_free(&ws->persona_finding_groups);
	free(ws->persona_finding_next);
	free(ws->error);
	pthread_mutex_destroy(&ws->chains_lock);
	free(ws);
	*wsp = NULL;
}
