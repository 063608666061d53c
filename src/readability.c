/* readability.c - splits a text into words, sentences and syllables in one pass, scores it and matches jargon as whole words. */
#include "readability.h"

#include "mem.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What a code point is to the word scanner. */
enum char_class {
	CC_OTHER,        /* ends a word */
	CC_SPACE,        /* white space: ends a word, may follow a sentence end */
	CC_LETTER,       /* letter or digit that is not a vowel */
	CC_VOWEL,        /* a e i o u y, any case or accent */
	CC_MARK,         /* combining mark: continues a word */
	CC_JOINER,       /* - ' ’ : joins two runs of a word */
	CC_STOP,         /* . ! ? */
};

bool
letter_or_digit(uint32_t cp)
{
	return text_is_letter(cp);
}

/* Bit k set: the ASCII letter 'a' + k is a vowel (a e i o u y). */
#define VOWEL_BITS ((1u << 0) | (1u << 4) | (1u << 8) | (1u << 14) | (1u << 20) | (1u << 24))

static enum char_class
classify_ascii(unsigned char c)
{
	unsigned letter = (unsigned)(c | 0x20) - 'a';
	if (letter < 26 && (c & 0x40))
		return VOWEL_BITS >> letter & 1 ? CC_VOWEL : CC_LETTER;
	if (c == ' ')
		return CC_SPACE;
	switch (c | 0x20) {
	case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
		return CC_VOWEL;
	default:
		break;
	}
	if (letter_or_digit(c))
		return CC_LETTER;
	if (c == '-' || c == '\'')
		return CC_JOINER;
	if (c == '.' || c == '!' || c == '?')
		return CC_STOP;
	return text_is_space(c) ? CC_SPACE : CC_OTHER;
}

static enum char_class
classify(uint32_t cp)
{
	if (cp < 0x80)
		return classify_ascii((unsigned char)cp);
	char ascii[TEXT_FOLD_MAX];
	if (text_fold_letter(cp, ascii) > 0)
		return strchr("aeiouy", ascii[0]) ? CC_VOWEL : CC_LETTER;
	if (letter_or_digit(cp))
		return CC_LETTER;
	if (text_is_mark(cp))
		return CC_MARK;
	if (cp == 0x2019)
		return CC_JOINER;
	return text_is_space(cp) ? CC_SPACE : CC_OTHER;
}

/* Decodes the code point at s[i] (of len bytes); an invalid byte is
 * U+FFFD of length 1. Returns the length. */
static size_t
next_cp(const char *s, size_t len, size_t i, uint32_t *cp)
{
	if ((unsigned char)s[i] < 0x80) {
		*cp = (unsigned char)s[i];
		return 1;
	}
	size_t n = utf8_decode(s + i, len - i, cp);
	if (n == 0) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

static unsigned char
ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* The scanner's state between code points. */
struct scan {
	struct words *out;
	bool in_word;
	bool joiner_pending;   /* a joiner followed the word's last letter */
	bool in_vowel;         /* the last letter was a vowel */
	size_t word_start, word_end;
	size_t word_syllables;
};

static void
start_word(struct scan *s, size_t at)
{
	s->in_word = true;
	s->joiner_pending = false;
	s->in_vowel = false;
	s->word_start = at;
	s->word_syllables = 0;
}

/* A hash of a word of len bytes from its first and last byte (ASCII
 * lower-cased) and its length: equal for words that are equal after
 * lower-casing, when both are ASCII. */
static uint32_t
word_key(const char *word, size_t len)
{
	uint32_t first = ascii_lower((unsigned char)word[0]);
	uint32_t last = ascii_lower((unsigned char)word[len - 1]);
	return (first | last << 8 | (uint32_t)len << 16) * 2654435761u;
}

/* The two bits of the Bloom filter for a key: bit numbers 0..255. */
static unsigned
bloom_bit(uint32_t key, int k)
{
	return k == 0 ? key >> 24 : (key >> 16) & 255;
}

static void
bloom_add(uint64_t seen[4], uint32_t key)
{
	for (int k = 0; k < 2; k++)
		seen[bloom_bit(key, k) >> 6] |= (uint64_t)1 << (bloom_bit(key, k) & 63);
}

/* False only when no key added to seen equals key. */
static bool
bloom_may_have(const uint64_t seen[4], uint32_t key)
{
	for (int k = 0; k < 2; k++)
		if (!(seen[bloom_bit(key, k) >> 6] >> (bloom_bit(key, k) & 63) & 1))
			return false;
	return true;
}

static bool
ascii_only(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static void
note_word(struct words *w, const char *word, size_t len)
{
	bloom_add(w->seen, word_key(word, len));
}

static void
finish_word(struct scan *s)
{
	if (!s->in_word)
		return;
	struct words *w = s->out;
	if (w->n == w->cap)
		w->spans = xgrow(w->spans, w->n, &w->cap, sizeof w->spans[0]);
	note_word(w, w->text + s->word_start, s->word_end - s->word_start);
	w->spans[w->n].start = s->word_start;
	w->spans[w->n].len = s->word_end - s->word_start;
	w->n++;
	w->syllables += s->word_syllables ? s->word_syllables : 1;
	s->in_word = false;
	s->joiner_pending = false;
}

/* Counts the syllables for one letter of the current word: each vowel that
 * does not continue a run of vowels starts one. */
static void
count_letter(struct scan *s, enum char_class cc)
{
	if (cc == CC_VOWEL && !s->in_vowel)
		s->word_syllables++;
	s->in_vowel = cc == CC_VOWEL;
}

static void
add_letter(struct scan *s, enum char_class cc, size_t at, size_t n)
{
	if (!s->in_word) {
		start_word(s, at);
	} else if (s->joiner_pending) {
		s->joiner_pending = false;
		s->in_vowel = false;
	}
	count_letter(s, cc);
	s->word_end = at + n;
}

/* Adds the run of ASCII letters at text[i..] to the word just continued
 * (as add_letter would, one by one); returns the offset after the run. */
static size_t
add_ascii_letters(struct scan *s, const char *text, size_t len, size_t i)
{
	bool in_vowel = s->in_vowel;
	size_t syllables = s->word_syllables;
	for (; i < len; i++) {
		unsigned letter = (unsigned)((unsigned char)text[i] | 0x20) - 'a';
		if (letter >= 26)
			break;
		bool vowel = VOWEL_BITS >> letter & 1;
		syllables += vowel && !in_vowel;
		in_vowel = vowel;
	}
	s->in_vowel = in_vowel;
	s->word_syllables = syllables;
	s->word_end = i;
	return i;
}

/* A combining mark continues a word (and a vowel run); elsewhere it is
 * like punctuation. */
static void
add_mark(struct scan *s, size_t at, size_t n)
{
	if (!s->in_word || s->joiner_pending) {
		finish_word(s);
		return;
	}
	s->word_end = at + n;
}

static void
add_joiner(struct scan *s)
{
	if (s->in_word && !s->joiner_pending)
		s->joiner_pending = true;
	else
		finish_word(s);
}

/* At a '.', '!' or '?' at text[i]: the run of them ends a sentence when
 * white space or the end of the text follows. Returns the offset just past
 * the run. */
static size_t
end_sentence(struct scan *s, const char *text, size_t len, size_t i)
{
	while (i < len && (text[i] == '.' || text[i] == '!' || text[i] == '?'))
		i++;
	uint32_t cp = 0;
	if (i == len || (next_cp(text, len, i, &cp) > 0 && text_is_space(cp)))
		s->out->sentences++;
	return i;
}

void
words_split(const char *text, struct words *out)
{
	out->text = text;
	out->n = 0;
	out->sentences = 0;
	out->syllables = 0;
	memset(out->seen, 0, sizeof out->seen);
	out->non_ascii = false;
	struct scan s = {.out = out};
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = next_cp(text, len, i, &cp);
		out->non_ascii |= cp >= 0x80;
		enum char_class cc = classify(cp);
		switch (cc) {
		case CC_LETTER:
		case CC_VOWEL:
			add_letter(&s, cc, i, n);
			i = add_ascii_letters(&s, text, len, i + n);
			continue;
		case CC_MARK:
			add_mark(&s, i, n);
			break;
		case CC_JOINER:
			add_joiner(&s);
			break;
		case CC_STOP:
			finish_word(&s);
			i = end_sentence(&s, text, len, i);
			continue;
		case CC_SPACE:
		case CC_OTHER:
			finish_word(&s);
			break;
		}
		i += n;
	}
	finish_word(&s);
	if (out->n == 0)
		out->sentences = 0;
	else if (out->sentences == 0)
		out->sentences = 1;
}

void
words_free(struct words *w)
{
	free(w->spans);
	*w = (struct words){0};
}

bool
readability_score(const struct words *w, double *score)
{
	if (w->n == 0 || w->sentences == 0)
		return false;
	double words = (double)w->n;
	*score = 206.84 - 0.93 * (words / (double)w->sentences) -
		 77.0 * ((double)w->syllables / words);
	return true;
}

/* True when a[0..alen) and b[0..blen) are equal after case folding. Two
 * ASCII bytes are compared directly; from a non-ASCII byte on, code points
 * are decoded (an invalid byte is U+FFFD, and 'İ' folds to 'i'). */
static bool
equal_folded(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	while (i < alen && j < blen) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[j];
		if ((x | y) < 0x80) {
			if (x != y && ascii_lower(x) != ascii_lower(y))
				return false;
			i++, j++;
			continue;
		}
		uint32_t ca, cb;
		i += next_cp(a, alen, i, &ca);
		j += next_cp(b, blen, j, &cb);
		if (ca != cb && text_lower(ca) != text_lower(cb))
			return false;
	}
	return i == alen && j == blen;
}

static bool
word_equal(const struct words *a, size_t ai, const struct words *b, size_t bi)
{
	const struct word_span *x = &a->spans[ai], *y = &b->spans[bi];
	return equal_folded(a->text + x->start, x->len, b->text + y->start, y->len);
}

/* The first byte of word i of w, lower-cased when it is ASCII. */
static unsigned char
first_byte(const struct words *w, size_t i)
{
	return ascii_lower((unsigned char)w->text[w->spans[i].start]);
}

/* False only when word i of w surely differs from the phrase's first word,
 * whose first byte is `first`: both start with different ASCII letters. */
static bool
may_start_phrase(const struct words *w, size_t i, unsigned char first)
{
	unsigned char c = first_byte(w, i);
	return c == first || (c | first) >= 0x80;
}

/* False only when no word of w can equal word i of phrase: both texts
 * are ASCII (so equal means equal bytes after lower-casing) and the Bloom
 * filter of w lacks the word's key. */
static bool
may_hold_word(const struct words *w, const struct words *phrase, size_t i)
{
	if (w->non_ascii || phrase->non_ascii)
		return true;
	const struct word_span *x = &phrase->spans[i];
	return bloom_may_have(w->seen, word_key(phrase->text + x->start, x->len));
}

bool
words_contain(const struct words *w, const struct words *phrase)
{
	size_t m = phrase->n;
	if (m == 0 || m > w->n)
		return false;
	unsigned char first = first_byte(phrase, 0);
	if (!may_hold_word(w, phrase, 0))
		return false;
	for (size_t i = 0; i + m <= w->n; i++) {
		if (!may_start_phrase(w, i, first))
			continue;
		size_t k = 0;
		while (k < m && word_equal(w, i + k, phrase, k))
			k++;
		if (k == m)
			return true;
	}
	return false;
}

bool
words_contain_phrase(const struct words *w, const char *phrase)
{
	struct words p = {0};
	words_split(phrase, &p);
	bool found = words_contain(w, &p);
	words_free(&p);
	return found;
}

/* --- phrase sets --- */

/* The folded form of word i of w, into out (replacing what it held). */
static void
fold_word(const struct words *w, size_t i, struct buf *out)
{
	buf_clear(out);
	text_casefold_to(out, w->text + w->spans[i].start, w->spans[i].len);
}

void
phrases_add(struct phrases *set, const char *phrase)
{
	if (set->n == set->cap) {
		size_t cap = set->cap;
		set->items = xgrow(set->items, set->n, &set->cap, sizeof(*set->items));
		set->next = xrealloc(set->next, set->cap * sizeof(*set->next));
		memset(set->items + cap, 0, (set->cap - cap) * sizeof(*set->items));
	}
	size_t i = set->n++;
	struct words *p = &set->items[i];
	words_split(phrase, p);
	set->next[i] = SIZE_MAX;
	if (p->n == 0)
		return;
	if (p->non_ascii)
		set->first_non_ascii = true;
	else
		bloom_add(set->first_seen, word_key(p->text + p->spans[0].start, p->spans[0].len));
	struct buf key = {0};
	fold_word(p, 0, &key);
	size_t head = idmap_add(&set->by_first, buf_str(&key), key.len, i);
	if (head != i) { /* one more phrase with this first word */
		set->next[i] = set->next[head];
		set->next[head] = i;
	}
	buf_free(&key);
}

/* True when the words of phrase p follow word `at` of w (whose first word
 * is known to match). */
static bool
phrase_at(const struct words *w, size_t at, const struct words *p)
{
	if (p->n > w->n - at)
		return false;
	for (size_t k = 1; k < p->n; k++)
		if (!word_equal(w, at + k, p, k))
			return false;
	return true;
}

static int
compare_sizes(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

size_t
phrases_find(const struct phrases *set, const struct words *w, size_t **found, size_t *cap)
{
	size_t n = 0;
	if (set->by_first.n == 0)
		return 0;
	/* An ASCII word, when the first words are ASCII too, whose key no
	 * first word has starts no phrase: it needs neither folding nor a
	 * look-up. */
	bool filter = !set->first_non_ascii;
	struct buf key = {0};
	for (size_t at = 0; at < w->n; at++) {
		const struct word_span *x = &w->spans[at];
		const char *word = w->text + x->start;
		if (filter && (!w->non_ascii || ascii_only(word, x->len)) &&
		    !bloom_may_have(set->first_seen, word_key(word, x->len)))
			continue;
		fold_word(w, at, &key);
		size_t c;
		if (!idmap_find(&set->by_first, buf_str(&key), key.len, &c))
			continue;
		for (; c != SIZE_MAX; c = set->next[c])
			if (phrase_at(w, at, &set->items[c])) {
				*found = xgrow(*found, n, cap, sizeof(**found));
				(*found)[n++] = c;
			}
	}
	buf_free(&key);
	if (n > 1)
		qsort(*found, n, sizeof(**found), compare_sizes);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (kept == 0 || (*found)[kept - 1] != (*found)[i])
			(*found)[kept++] = (*found)[i];
	return kept;
}

void
phrases_free(struct phrases *set)
{
	for (size_t i = 0; i < set->n; i++)
		words_free(&set->items[i]);
	free(set->items);
	free(set->next);
	idmap_free(&set->by_first);
	*set = (struct phrases){0};
}
