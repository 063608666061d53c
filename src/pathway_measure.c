/* pathway_measure.c - a text layout plugin in front of Graphviz's pango one that remembers the size of each text per font, so that a text is measured once per process. */
#include "pathway_measure.h"

#include "mem.h"

#include <gvc.h>
#include <gvplugin.h>
#include <gvplugin_textlayout.h>

#include <dlfcn.h>

#include <stdint.h>
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
	uint64_t hash;
	char *key;             /* font name, NUL, text, NUL */
	size_t key_len;
	double font_size;
	unsigned flags;
	pointf size;
	double yoffset_layout, yoffset_centerline;
	bool ok;               /* pango's answer: false makes Graphviz estimate */
};

static struct {
	gvtextlayout_engine_t *pango;  /* the engine asked on a miss */
	bool remember, bypass;
	struct entry *entries;
	size_t n, cap;
	uint32_t *slots;               /* index + 1 into entries, 0 for free */
	size_t n_slots;                /* a power of two, at least twice n */
	size_t bytes;
	size_t measured, remembered;
} memory;

/* --- the table --- */

static uint64_t
hash_bytes(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The key of span: its font's name and the text, each with its NUL. */
static char *
span_key(const textspan_t *span, size_t *len)
{
	size_t name = strlen(span->font->name) + 1, text = strlen(span->str) + 1;
	char *key = xmalloc(name + text);
	memcpy(key, span->font->name, name);
	memcpy(key + name, span->str, text);
	*len = name + text;
	return key;
}

static uint64_t
span_hash(const char *key, size_t len, double font_size, unsigned flags)
{
	uint64_t h = hash_bytes(0xcbf29ce484222325ULL, key, len);
	h = hash_bytes(h, &font_size, sizeof font_size);
	return hash_bytes(h, &flags, sizeof flags);
}

static bool
same(const struct entry *e, uint64_t hash, const char *key, size_t len, double font_size,
     unsigned flags)
{
	return e->hash == hash && e->key_len == len && e->font_size == font_size &&
	       e->flags == flags && memcmp(e->key, key, len) == 0;
}

/* The slot of the entry, or the free slot where it would go. */
static size_t
find_slot(uint64_t hash, const char *key, size_t len, double font_size, unsigned flags)
{
	size_t mask = memory.n_slots - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		uint32_t at = memory.slots[i];
		if (at == 0 || same(&memory.entries[at - 1], hash, key, len, font_size, flags))
			return i;
	}
}

void
measure_forget(void)
{
	for (size_t i = 0; i < memory.n; i++)
		free(memory.entries[i].key);
	free(memory.entries);
	free(memory.slots);
	memory.entries = NULL;
	memory.slots = NULL;
	memory.n = memory.cap = memory.n_slots = memory.bytes = 0;
}

static void
grow_slots(void)
{
	size_t n_slots = memory.n_slots ? memory.n_slots * 2 : 1024;
	free(memory.slots);
	memory.slots = xcalloc(n_slots, sizeof(*memory.slots));
	memory.n_slots = n_slots;
	for (size_t i = 0; i < memory.n; i++) {
		const struct entry *e = &memory.entries[i];
		size_t mask = n_slots - 1, k = (size_t)e->hash & mask;
		while (memory.slots[k] != 0)
			k = (k + 1) & mask;
		memory.slots[k] = (uint32_t)(i + 1);
	}
}

/* Keeps what pango said about span (key is taken over). */
static void
store(const textspan_t *span, char *key, size_t len, uint64_t hash, bool ok)
{
	if (memory.n >= MAX_ENTRIES || memory.bytes >= MAX_BYTES)
		measure_forget();
	if (2 * (memory.n + 1) > memory.n_slots)
		grow_slots();
	unsigned flags = span->font->flags;
	size_t slot = find_slot(hash, key, len, span->font->size, flags);
	memory.entries = xgrow(memory.entries, memory.n, &memory.cap, sizeof(*memory.entries));
	memory.entries[memory.n] = (struct entry){hash, key, len, span->font->size, flags, span->size,
						  span->yoffset_layout, span->yoffset_centerline, ok};
	memory.slots[slot] = (uint32_t)++memory.n;
	memory.bytes += len + sizeof(struct entry) + 2 * sizeof(uint32_t);
}

/* --- the engine --- */

static boolean
remembering_layout(textspan_t *span, char **fontpath)
{
	if (!memory.remember || memory.bypass || fontpath != NULL || span->font == NULL || span->font->name == NULL)
		return memory.pango->textlayout(span, fontpath);
	size_t len;
	char *key = span_key(span, &len);
	unsigned flags = span->font->flags;
	uint64_t hash = span_hash(key, len, span->font->size, flags);
	if (memory.n_slots > 0) {
		uint32_t at = memory.slots[find_slot(hash, key, len, span->font->size, flags)];
		if (at != 0) {
			const struct entry *e = &memory.entries[at - 1];
			free(key);
			span->size = e->size;
			span->yoffset_layout = e->yoffset_layout;
			span->yoffset_centerline = e->yoffset_centerline;
			span->layout = NULL;
			span->free_layout = NULL;
			memory.remembered++;
			return e->ok;
		}
	}
	boolean ok = memory.pango->textlayout(span, fontpath);
	memory.measured++;
	store(span, key, len, hash, ok != 0);
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
