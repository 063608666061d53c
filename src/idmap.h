/* idmap.h - a small map from a key of bytes (an id, a slug, a folded name) to a number the caller gives it, usually the index of the thing in the caller's own array. Included by: any. */
#ifndef KETEN_IDMAP_H
#define KETEN_IDMAP_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Open addressing with linear probing over a power-of-two table that is
 * kept at most half full. The map owns a copy of every key (in one block,
 * so a key costs no allocation of its own); the values are the caller's
 * numbers and mean nothing to the map. Keys are compared byte for byte,
 * so a key may hold NULs (a composite key is its parts' bytes one after
 * the other). An all-zero struct idmap is an empty map. Looking up does
 * not change the map: threads may look up at the same time once nothing
 * adds any more.
 */
struct idmap {
	struct idmap_slot *slots; /* NULL until the first key */
	size_t n_slots;           /* a power of two, at least twice n */
	size_t n;                 /* keys held */
	char *keys;               /* every key, one after the other */
	size_t keys_len, keys_cap;
};

/* True when key[0..len) is in the map; *value is then its number (value
 * may be NULL to ask only whether it is there). */
bool idmap_find(const struct idmap *m, const void *key, size_t len, size_t *value);

/* Adds key[0..len) with `value` unless the map holds the key already.
 * Returns the number the key has now: `value` when it was added, the
 * earlier one when not (so the first wins). */
size_t idmap_add(struct idmap *m, const void *key, size_t len, size_t value);

/* Bytes the map holds for its keys and slots (for a cache's bound). */
size_t idmap_bytes(const struct idmap *m);

/* Frees what the map holds and leaves it empty, ready for use again. */
void idmap_free(struct idmap *m);

#endif
