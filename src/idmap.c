/* idmap.c - the one hash table: keys of bytes to the caller's numbers, open addressing. */
#include "idmap.h"

#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One slot: at is the key's offset in m->keys plus one, 0 for a free slot. */
struct idmap_slot {
	size_t hash;
	size_t at, len;
	size_t value;
};

enum { FIRST_SLOTS = 16 };

/* A hash of key[0..len), eight bytes at a time (keys are short: ids,
 * slugs, names), mixed by multiplying as in MurmurHash3's finaliser. */
static inline __attribute__((always_inline)) size_t
hash_key(const unsigned char *key, size_t len)
{
	const uint64_t mix = 0xff51afd7ed558ccdULL;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len;
	for (; len >= 8; key += 8, len -= 8) {
		uint64_t word;
		memcpy(&word, key, 8);
		h = (h ^ word) * mix;
		h ^= h >> 32;
	}
	/* The last 0-7 bytes, the first lowest, in at most three steps. */
	uint64_t tail = 0;
	size_t i = 0;
	if (len & 4) {
		tail = (uint64_t)key[0] | (uint64_t)key[1] << 8 | (uint64_t)key[2] << 16 |
		       (uint64_t)key[3] << 24;
		i = 4;
	}
	if (len & 2) {
		tail |= ((uint64_t)key[i] | (uint64_t)key[i + 1] << 8) << (8 * i);
		i += 2;
	}
	if (len & 1)
		tail |= (uint64_t)key[i] << (8 * i);
	h = (h ^ tail) * mix;
	return (size_t)(h ^ (h >> 29));
}

/* The slot that holds the key, or the free slot where it would go. */
static inline struct idmap_slot *
slot_of(const struct idmap *m, const void *key, size_t len, size_t hash)
{
	size_t mask = m->n_slots - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		struct idmap_slot *s = &m->slots[i];
		if (s->at == 0 || (s->hash == hash && s->len == len &&
				   memcmp(m->keys + s->at - 1, key, len) == 0))
			return s;
	}
}

bool
idmap_find(const struct idmap *m, const void *key, size_t len, size_t *value)
{
	if (m->n == 0)
		return false;
	const struct idmap_slot *s = slot_of(m, key, len, hash_key(key, len));
	if (s->at == 0)
		return false;
	if (value != NULL)
		*value = s->value;
	return true;
}

/* Doubles the table (or makes the first one) and places every key again. */
static void
grow_slots(struct idmap *m)
{
	struct idmap_slot *old = m->slots;
	size_t n_old = m->n_slots;
	m->n_slots = n_old ? 2 * n_old : FIRST_SLOTS;
	m->slots = xcalloc(m->n_slots, sizeof(*m->slots));
	size_t mask = m->n_slots - 1;
	for (size_t i = 0; i < n_old; i++) {
		if (old[i].at == 0)
			continue;
		size_t k = old[i].hash & mask;
		while (m->slots[k].at != 0)
			k = (k + 1) & mask;
		m->slots[k] = old[i];
	}
	free(old);
}

size_t
idmap_add(struct idmap *m, const void *key, size_t len, size_t value)
{
	if (2 * (m->n + 1) > m->n_slots)
		grow_slots(m);
	size_t hash = hash_key(key, len);
	struct idmap_slot *s = slot_of(m, key, len, hash);
	if (s->at != 0)
		return s->value;
	while (m->keys_len + len >= m->keys_cap)
		m->keys = xgrow(m->keys, m->keys_cap, &m->keys_cap, 1);
	if (len > 0)
		memcpy(m->keys + m->keys_len, key, len);
	*s = (struct idmap_slot){hash, m->keys_len + 1, len, value};
	m->keys_len += len;
	m->n++;
	return value;
}

size_t
idmap_bytes(const struct idmap *m)
{
	return m->keys_cap + m->n_slots * sizeof(struct idmap_slot);
}

void
idmap_free(struct idmap *m)
{
	free(m->slots);
	free(m->keys);
	*m = (struct idmap){0};
}
