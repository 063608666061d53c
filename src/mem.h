/* mem.h - allocation that never returns NULL, the one arena (a document's values, cmark's tree of one read), and a growable byte buffer. Included by: any. */
#ifndef KETEN_MEM_H
#define KETEN_MEM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Allocation wrappers: on failure they print one line and exit with status 2. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);                  /* caller frees */
char *xstrndup(const char *s, size_t len);     /* caller frees */
char *xasprintf(const char *fmt, ...)          /* caller frees */
    __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap); /* caller frees */

/* Makes room for one more element in a malloc'd array of n elements of
 * `size` bytes with *cap slots; returns the (possibly moved) array. */
void *xgrow(void *items, size_t n, size_t *cap, size_t size);

/*
 * An arena owns every allocation made from it; arena_free releases them all
 * at once (a document's values, cmark's tree of one read). It bumps through
 * blocks of 64 KiB, a request of over 16 KiB that does not fit getting a
 * block of its own; every allocation is aligned to 16 bytes. Memory from
 * arena_alloc is zeroed, from arena_alloc_uninit not. Not thread-safe: one
 * arena, one thread at a time.
 */
struct arena;
struct arena *arena_new(void);
void arena_free(struct arena **arena);
void *arena_alloc(struct arena *arena, size_t size);
void *arena_alloc_uninit(struct arena *arena, size_t size);
char *arena_strdup(struct arena *arena, const char *s);
char *arena_strndup(struct arena *arena, const char *s, size_t len);

/* Makes sure the next `size` bytes of requests fit in one block (a first
 * block sized to what a read expects to need). */
void arena_reserve(struct arena *arena, size_t size);

/* The latest allocation p can change size in place when its block has
 * room (true then; false leaves it as it was), or be given back; any
 * other p is left alone. What cmark's realloc and free need. */
bool arena_resize_last(struct arena *arena, void *p, size_t size);
void arena_release_last(struct arena *arena, void *p);

/* Gives back every allocation at once but keeps the biggest block of at
 * most keep_at_most bytes for the allocations to come, so that a thread
 * reading many files does not have the pages faulted in again. */
void arena_reset(struct arena *arena, size_t keep_at_most);

/* Grows an array of pointers held in the arena: *items (with *cap slots)
 * gets room for at least one more. The old block stays in the arena. */
void arena_grow_ptrs(struct arena *arena, void ***items, size_t *cap);

/* A growable, always NUL-terminated byte buffer. */
struct buf {
	char *data; /* NUL-terminated; NULL until something is added */
	size_t len; /* bytes used, without the NUL */
	size_t cap; /* bytes allocated */
};

void buf_add(struct buf *b, const char *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const char *buf_str(const struct buf *b); /* "" when empty */
char *buf_detach(struct buf *b);          /* caller frees; b is emptied */
void buf_clear(struct buf *b);            /* keeps the memory */
void buf_free(struct buf *b);

#endif
