/* mem.c - allocation wrappers, the document arena and the growable buffer. */
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

/* The arena is a list of blocks; big requests get a block of their own. */
enum { ARENA_BLOCK = 64 * 1024, ARENA_ALIGN = 16 };

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
	struct arena_block *blocks;
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void
arena_free(struct arena **arena)
{
	if (arena == NULL || *arena == NULL)
		return;
	struct arena_block *b = (*arena)->blocks;
	while (b != NULL) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
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

/* Memory from the arena, not zeroed. */
static void *
arena_alloc_raw(struct arena *arena, size_t size)
{
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (size == 0)
		size = ARENA_ALIGN;
	struct arena_block *b = arena->blocks;
	if (size > ARENA_BLOCK / 4) {
		/* A big block goes behind the current one so that the
		 * current one keeps serving small requests. */
		struct arena_block *big = arena_block_new(size);
		if (b == NULL) {
			arena->blocks = big;
		} else {
			big->next = b->next;
			b->next = big;
		}
		big->used = size;
		return big->data;
	}
	if (b == NULL || b->size - b->used < size) {
		b = arena_block_new(ARENA_BLOCK);
		b->next = arena->blocks;
		arena->blocks = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	return p;
}

void *
arena_alloc(struct arena *arena, size_t size)
{
	void *p = arena_alloc_raw(arena, size);
	memset(p, 0, size);
	return p;
}

char *
arena_strndup(struct arena *arena, const char *s, size_t len)
{
	char *p = arena_alloc_raw(arena, len + 1); /* every byte is written */
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
