/* text.h - UTF-8 decoding and validation, accent folding, slugs, key folding and edit distance. Included by: any. */
#ifndef KETEN_TEXT_H
#define KETEN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* Decodes one UTF-8 sequence at s (at most len bytes). Returns its length
 * in bytes and sets *cp, or returns 0 for an invalid or truncated sequence
 * (overlong forms, surrogates and values above U+10FFFF are invalid). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Returns true when s[0..len) is valid UTF-8; otherwise false and *bad is
 * the byte offset of the first invalid sequence. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

/* Number of code points in s[0..len) (invalid bytes count one each). */
size_t utf8_count(const char *s, size_t len);

/* The longest ASCII spelling of one letter, with its NUL. */
#define TEXT_FOLD_MAX 8

/* The ASCII spelling of a letter outside ASCII, lower-case: its
 * compatibility decomposition without accents ("e" for 'ễ', "fi" for
 * 'ﬁ', "ss" for 'ẞ', "ij" for 'ĳ'), or for the few Latin letters that
 * have none the spelling a Dutch reader expects ("ae" for 'æ', "o" for
 * 'ø'). Writes it to out and returns its length; 0 for a character
 * without one (a letter of another script, a sign). */
size_t text_fold_letter(uint32_t cp, char out[TEXT_FOLD_MAX]);

/* Unicode's categories (through utf8proc): a letter or digit of any
 * script; a combining mark; white space. */
bool text_is_letter(uint32_t cp);
bool text_is_mark(uint32_t cp);
bool text_is_space(uint32_t cp);

/* The slug of s (composed to NFC first): lower-case, letters folded to
 * ASCII where they have an ASCII spelling (text_fold_letter), letters of
 * other scripts kept lower-case with their marks ("محمد", "王芳"), every
 * run of other characters one '-', no leading or trailing '-'. May be "".
 * Caller frees. */
char *text_slug(const char *s);

/* Writes the slug of s into out (size bytes, always NUL-terminated when
 * size > 0) and returns its full length: it fitted when that is < size. */
size_t text_slug_to(const char *s, char *out, size_t size);

/* True when the slug of s is `slug`. */
bool text_slug_equals(const char *s, const char *slug);

/* True when s is a slug: its own slug, not empty ([a-z0-9]+(-[a-z0-9]+)*
 * when it is ASCII). */
bool text_is_slug(const char *s);

/* Levenshtein distance between two strings (bytes), capped at 99. */
int text_distance(const char *a, const char *b);

/* s[0..*len) without leading and trailing white space: *len is updated,
 * the start is returned. */
const char *text_trim(const char *s, size_t *len);

/* A trimmed copy of s[0..len). Caller frees. */
char *text_trim_dup(const char *s, size_t len);

/* The lower-case form of a capital (Unicode's simple mapping; final sigma
 * is sigma); anything else unchanged. */
uint32_t text_lower(uint32_t cp);

/* A lower-case copy of s[0..len) (text_lower on each character) for
 * comparing without regard to case. Caller frees. */
char *text_casefold(const char *s, size_t len);

/* The same, appended to out (no other allocation). */
void text_casefold_to(struct buf *out, const char *s, size_t len);

/* The candidate nearest to word by edit distance (compared as slugs), or
 * -1 when none is close enough to be a likely typo. */
long text_nearest(const char *word, const char *const *candidates, size_t n);

/* Appends s for a terminal: control characters (C0 but the line break
 * when keep_newlines, DEL, C1) and bidirectional marks become escapes
 * (\x1B, \u202E), so that user text cannot move the cursor, change
 * colours or turn a line around. Everything else is copied as it is. */
void text_show_controls(struct buf *out, const char *s, bool keep_newlines);
/* True when s holds what text_show_controls (keep_newlines false) escapes. */
bool text_has_controls(const char *s);

#endif
