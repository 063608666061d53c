/* pathway_measure.c - a text layout plugin in front of Graphviz's pango one that remembers the size of each text per font, so that a text is measured once per process. */
#include "pathway_measure.h"

#include "idmap.h"
#include "mem.h"

#include <gvc.h>
#include <gvplugin.h>
#include <gvplugin_textlayout.h>

#include <dlfcn.h>

#include <stdlib.h>
#include <string.h>

/* Graphviz's own loader of plugin libraries (gvplugin_library_load):
 * exported by libgvc and used by its configuration, but not declared in
 * its installed headers, so it is looked up when the context is made; a
 * Graphviz without it gets no memory. */
typedef gvplugin_library_t *(*library_loader)(GVC_t *gvc, char *path);

/* The plugin library of pango's text layout (the same name since 2.30). */
#define PANGO_PLUGIN "libgvplugin_pango.so.6"

/* The memory is emptied when it reaches either bound. */
enum { MAX_ENTRIES = 1 << 16, MAX_BYTES = 8 << 20 };

/* What pango said about one text in one font. */
struct entry {
	pointf size;
	double yoffset_layout, yoffset_centerline;
	bool ok;               /* pango's answer: false makes Graphviz estimate */
};

static struct {
	gvtextlayout_engine_t *pango;  /* the engine asked on a miss */
	bool remember, bypass;
	struct idmap index;            /* span_key -> index into entries */
	struct entry *entries;
	size_t n, cap;
	struct buf key;                /* the key being looked up */
	size_t bytes;
	size_t measured, remembered;
} memory;

/* --- the table --- */

/* The key of span in memory.key: its font's name and the text, each with
 * its NUL, then the bytes of the font's size and flags. */
static void
span_key(const textspan_t *span)
{
	double font_size = span->font->size;
	unsigned flags = span->font->flags;
	buf_clear(&memory.key);
	buf_add(&memory.key, span->font->name, strlen(span->font->name) + 1);
	buf_add(&memory.key, span->str, strlen(span->str) + 1);
	buf_add(&memory.key, (const char *)&font_size, sizeof font_size);
	buf_add(&memory.key, (const char *)&flags, sizeof flags);
}

/* Empties the table (not the key being looked up). */
static void
forget_entries(void)
{
	idmap_free(&memory.index);
	free(memory.entries);
	memory.entries = NULL;
	memory.n = memory.cap = memory.bytes = 0;
}

void
measure_forget(void)
{
	forget_entries();
	buf_free(&memory.key);
}

/* Keeps what pango said about the span whose key is in memory.key. */
static void
store(const textspan_t *span, bool ok)
{
	if (memory.n >= MAX_ENTRIES || memory.bytes >= MAX_BYTES)
		forget_entries();
	memory.entries = xgrow(memory.entries, memory.n, &memory.cap, sizeof(*memory.entries));
	memory.entries[memory.n] = (struct entry){span->size, span->yoffset_layout,
						  span->yoffset_centerline, ok};
	idmap_add(&memory.index, memory.key.data, memory.key.len, memory.n);
	memory.n++;
	memory.bytes += memory.key.len + sizeof(struct entry) + 4 * sizeof(size_t);
}

/* --- the engine --- */

static boolean
remembering_layout(textspan_t *span, char **fontpath)
{
	if (!memory.remember || memory.bypass || fontpath != NULL || span->font == NULL || span->font->name == NULL)
		return memory.pango->textlayout(span, fontpath);
	span_key(span);
	size_t at;
	if (idmap_find(&memory.index, memory.key.data, memory.key.len, &at)) {
		const struct entry *e = &memory.entries[at];
		span->size = e->size;
		span->yoffset_layout = e->yoffset_layout;
		span->yoffset_centerline = e->yoffset_centerline;
		span->layout = NULL;
		span->free_layout = NULL;
		memory.remembered++;
		return e->ok;
	}
	boolean ok = memory.pango->textlayout(span, fontpath);
	memory.measured++;
	store(span, ok != 0);
	return ok;
}

static gvtextlayout_engine_t remembering_engine = {remembering_layout};

/* Above pango's quality (10), so that Graphviz chooses this one. */
static gvplugin_installed_t remembering_types[] = {
	{0, "textlayout", 100, &remembering_engine, NULL},
	{0, NULL, 0, NULL, NULL},
};
static gvplugin_api_t remembering_apis[] = {
	{API_textlayout, remembering_types},
	{(api_t)0, NULL},
};
static gvplugin_library_t remembering_library = {(char *)"keten", remembering_apis};
static lt_symlist_t builtins[] = {
	{"gvplugin_keten_LTX_library", &remembering_library},
	{NULL, NULL},
};

static library_loader
find_loader(void)
{
	void *self = dlopen(NULL, RTLD_LAZY);
	if (self == NULL)
		return NULL;
	void *symbol = dlsym(self, "gvplugin_library_load");
	dlclose(self);
	library_loader load = NULL;
	if (symbol != NULL)
		memcpy(&load, &symbol, sizeof load); /* object to function pointer */
	return load;
}

/* Pango's text layout engine, from its plugin library; NULL if none. */
static gvtextlayout_engine_t *
find_pango(GVC_t *gvc)
{
	library_loader load = find_loader();
	gvplugin_library_t *lib = load ? load(gvc, (char *)PANGO_PLUGIN) : NULL;
	if (lib == NULL)
		return NULL;
	for (gvplugin_api_t *api = lib->apis; api->types != NULL; api++) {
		if (api->api != API_textlayout)
			continue;
		for (gvplugin_installed_t *t = api->types; t->type != NULL; t++)
			if (strcmp(t->type, "textlayout") == 0 && t->engine != NULL)
				return t->engine;
	}
	return NULL;
}

GVC_t *
measure_context(void)
{
	GVC_t *gvc = gvContextPlugins(builtins, 1);
	if (gvc == NULL)
		return NULL;
	memory.pango = find_pango(gvc);
	if (memory.pango != NULL && memory.pango->textlayout != NULL)
		return gvc;
	/* Nothing to stand in front of: Graphviz as it comes. */
	memory.pango = NULL;
	gvFreeContext(gvc);
	return gvContext();
}

void
measure_remember(bool on)
{
	memory.remember = on;
}

void
measure_bypass(bool always)
{
	memory.bypass = always;
}

struct measure_counts
measure_counts(void)
{
	struct measure_counts c = {memory.measured, memory.remembered, memory.n};
	return c;
}
