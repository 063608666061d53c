/* mem.c - allocation wrappers, the arena and the growable buffer. */
#include "mem.h"

#include <stdarg.h>
#include <stdbool.h>
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

/* Where simple_vsnprintf writes: at most cap bytes; len counts them all. */
struct sink {
	char *out;
	size_t cap, len;
};

static void
sink_add(struct sink *s, const char *p, size_t n)
{
	if (s->len < s->cap) {
		size_t room = s->cap - s->len;
		memcpy(s->out + s->len, p, n < room ? n : room);
	}
	s->len += n;
}

static void
sink_number(struct sink *s, unsigned long long u, bool negative)
{
	char digits[24], *end = digits + sizeof digits, *at = end;
	do
		*--at = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (negative)
		*--at = '-';
	sink_add(s, at, (size_t)(end - at));
}

/* The length of the conversion at p (a '%') when simple_vsnprintf writes
 * it: %s, %d, %ld, %lu, %zu and %%; 0 for any other (flags, widths,
 * precisions, other types), which vsnprintf writes. */
static size_t
simple_conversion(const char *p)
{
	if (p[1] == 's' || p[1] == 'd' || p[1] == '%')
		return 2;
	if ((p[1] == 'l' && (p[2] == 'd' || p[2] == 'u')) || (p[1] == 'z' && p[2] == 'u'))
		return 3;
	return 0;
}

static bool
format_is_simple(const char *fmt)
{
	const char *p = strchr(fmt, '%');
	while (p != NULL) {
		size_t n = simple_conversion(p);
		if (n == 0)
			return false;
		p = strchr(p + n, '%');
	}
	return true;
}

/* vsnprintf for a format of simple conversions only (format_is_simple),
 * byte for byte what vsnprintf writes, without its machinery: the
 * messages' usual case. Returns the length of the whole text. */
static size_t
simple_vsnprintf(char *out, size_t cap, const char *fmt, va_list ap)
{
	struct sink s = {out, cap, 0};
	for (const char *p = fmt; *p != '\0';) {
		const char *pct = strchr(p, '%');
		if (pct == NULL) {
			sink_add(&s, p, strlen(p));
			break;
		}
		sink_add(&s, p, (size_t)(pct - p));
		size_t n = simple_conversion(pct);
		char type = pct[n - 1], size = n == 3 ? pct[1] : 0;
		if (type == '%') {
			sink_add(&s, "%", 1);
		} else if (type == 's') {
			const char *text = va_arg(ap, const char *);
			text = text != NULL ? text : "(null)";
			sink_add(&s, text, strlen(text));
		} else if (size == 'z') {
			sink_number(&s, va_arg(ap, size_t), false);
		} else if (type == 'u') {
			sink_number(&s, va_arg(ap, unsigned long), false);
		} else {
			long long v = size == 'l' ? va_arg(ap, long) : va_arg(ap, int);
			sink_number(&s, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0);
		}
		p = pct + n;
	}
	if (cap > 0)
		out[s.len < cap ? s.len : cap - 1] = '\0';
	return s.len;
}

/* vsnprintf, or simple_vsnprintf when the format allows. */
static size_t
format_into(char *out, size_t cap, bool simple, const char *fmt, va_list ap)
{
	if (simple)
		return simple_vsnprintf(out, cap, fmt, ap);
	int n = vsnprintf(out, cap, fmt, ap);
	return n < 0 ? 0 : (size_t)n;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	/* One pass for the usual short text, two for a longer one. */
	bool simple = format_is_simple(fmt);
	char small[256];
	va_list copy;
	va_copy(copy, ap);
	size_t n = format_into(small, sizeof small, simple, fmt, copy);
	va_end(copy);
	char *p = xmalloc(n + 1);
	if (n < sizeof small)
		memcpy(p, small, n + 1);
	else
		format_into(p, n + 1, simple, fmt, ap);
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
