/* mem.c - allocation wrappers, the arena and the growable buffer. */
#include "mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
mem_fail(size_t size)
{
	fprintf(stderr, "keten: out of memory (%zu bytes)\n", size);
	exit(2);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		mem_fail(size);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		mem_fail(count * size);
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (p == NULL)
		mem_fail(size);
	return p;
}

void *
xgrow(void *items, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return items;
	size_t more = *cap ? *cap * 2 : 16;
	if (more > SIZE_MAX / size)
		mem_fail(SIZE_MAX);
	*cap = more;
	return xrealloc(items, more * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		n = 0;
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* The arena is a list of blocks, the current one first; big requests get
 * a block of their own behind it. */
enum { ARENA_BLOCK = 64 * 1024, ARENA_BIG = ARENA_BLOCK / 4, ARENA_ALIGN = 16 };

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
	struct arena_block *blocks;
	unsigned char *last;            /* the latest allocation, which can */
	struct arena_block *last_block; /* change size or go; its block */
};

static size_t
arena_round(size_t size)
{
	if (size > SIZE_MAX / 2)
		mem_fail(size);
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	return size ? size : ARENA_ALIGN;
}

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

static void
free_blocks(struct arena_block *b)
{
	while (b != NULL) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
}

void
arena_free(struct arena **arena)
{
	if (arena == NULL || *arena == NULL)
		return;
	free_blocks((*arena)->blocks);
	free(*arena);
	*arena = NULL;
}

static struct arena_block *
arena_block_new(size_t size)
{
	struct arena_block *b = xmalloc(sizeof(*b) + size);
	b->next = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

/* Takes size bytes (rounded) from block b as the latest allocation. */
static inline void *
arena_take(struct arena *arena, struct arena_block *b, size_t size)
{
	unsigned char *p = b->data + b->used;
	b->used += size;
	arena->last = p;
	arena->last_block = b;
	return p;
}

/* arena_alloc_uninit when the current block has no room: a big request's
 * own block goes behind the current one, so that the current one keeps
 * serving small requests. Kept out of line so that the common path stays
 * short. */
static __attribute__((noinline)) void *
arena_alloc_new_block(struct arena *arena, size_t size)
{
	struct arena_block *b = arena->blocks;
	if (size > ARENA_BIG && b != NULL) {
		struct arena_block *big = arena_block_new(size);
		big->next = b->next;
		b->next = big;
		return arena_take(arena, big, size);
	}
	b = arena_block_new(size > ARENA_BLOCK ? size : ARENA_BLOCK);
	b->next = arena->blocks;
	arena->blocks = b;
	return arena_take(arena, b, size);
}

void *
arena_alloc_uninit(struct arena *arena, size_t size)
{
	size = arena_round(size);
	struct arena_block *b = arena->blocks;
	if (b == NULL || b->size - b->used < size)
		return arena_alloc_new_block(arena, size);
	return arena_take(arena, b, size);
}

void *
arena_alloc(struct arena *arena, size_t size)
{
	void *p = arena_alloc_uninit(arena, size);
	memset(p, 0, size);
	return p;
}

char *
arena_strndup(struct arena *arena, const char *s, size_t len)
{
	char *p = arena_alloc_uninit(arena, len + 1); /* every byte is written */
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *arena, const char *s)
{
	return s == NULL ? NULL : arena_strndup(arena, s, strlen(s));
}

void
arena_reserve(struct arena *arena, size_t size)
{
	size = arena_round(size);
	struct arena_block *b = arena->blocks;
	if (b != NULL && b->size - b->used >= size)
		return;
	b = arena_block_new(size > ARENA_BLOCK ? size : ARENA_BLOCK);
	b->next = arena->blocks;
	arena->blocks = b;
}

bool
arena_resize_last(struct arena *arena, void *p, size_t size)
{
	if (p == NULL || p != arena->last || size > SIZE_MAX / 2)
		return false;
	struct arena_block *b = arena->last_block;
	size_t start = (size_t)(arena->last - b->data);
	size_t need = arena_round(size);
	if (b->size - start < need)
		return false;
	b->used = start + need;
	return true;
}

void
arena_release_last(struct arena *arena, void *p)
{
	if (p == NULL || p != arena->last)
		return;
	arena->last_block->used = (size_t)(arena->last - arena->last_block->data);
	arena->last = NULL;
}

void
arena_reset(struct arena *arena, size_t keep_at_most)
{
	struct arena_block *keep = NULL, **link = &arena->blocks;
	for (struct arena_block **at = &arena->blocks; *at != NULL; at = &(*at)->next)
		if ((*at)->size <= keep_at_most && (keep == NULL || (*at)->size > keep->size)) {
			keep = *at;
			link = at;
		}
	if (keep != NULL) {
		*link = keep->next; /* out of the list */
		keep->next = NULL;
		keep->used = 0;
	}
	free_blocks(arena->blocks);
	arena->blocks = keep;
	arena->last = NULL;
	arena->last_block = NULL;
}

void
arena_grow_ptrs(struct arena *arena, void ***items, size_t *cap)
{
	size_t new_cap = *cap ? *cap * 2 : 8;
	void **fresh = arena_alloc(arena, new_cap * sizeof(void *));
	if (*cap)
		memcpy(fresh, *items, *cap * sizeof(void *));
	*items = fresh;
	*cap = new_cap;
}

static void
buf_reserve(struct buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1) {
		if (cap > SIZE_MAX / 2)
			mem_fail(SIZE_MAX);
		cap *= 2;
	}
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void
buf_add(struct buf *b, const char *data, size_t len)
{
	buf_reserve(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_puts(b, s);
	free(s);
}

const char *
buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

char *
buf_detach(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
