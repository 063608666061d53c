/* readability.h - words, sentences, syllables, the Flesch–Douma score and whole-word phrase matching of a text (rule K010). Included by: chain.c, model.c, personal.c, rules_text.c, rules_run.h, tests/unit/. */
#ifndef KETEN_READABILITY_H
#define KETEN_READABILITY_H

#include "idmap.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The counting rules (rules.md K010), applied in one pass over UTF-8 text:
 *
 * Word: a maximal run of letters and digits: Unicode's letters and digits
 *   of every script (categories L and N, through text.h's text_is_letter;
 *   letter_or_digit below). Combining marks (category M) continue a word
 *   but never start one.
 *   An inner '-', '\'' or '’' (U+2019) joins two runs into one word, only
 *   with a letter or digit on both sides: "indicatie-aanvraag" and "auto's"
 *   are one word each, "huis- en tuin" is three. Invalid UTF-8 bytes are
 *   neither letters nor white space.
 *
 * Sentence: a sentence ends at each run of '.', '!' and '?' that is
 *   followed by white space or by the end of the text, exactly as rules.md
 *   says: "2.3.5" and "www.x.nl" end no sentence, nor does a '.' right before
 *   a closing quote or bracket; "Ja. Nee" is 1 sentence, "Ja. . . Nee." 4.
 *   A text with words has at least 1 sentence, one without words 0. White space: ASCII space, \t \n \v \f \r,
 *   and Unicode's separators (categories Zs, Zl, Zp).
 *
 * Syllables of a word: its maximal runs of vowels a e i o u y, in either
 *   case and with any accent (á à â ä é è ê ë í ì î ï ó ò ô ö ú ù û ü ý ÿ,
 *   å ø æ œ ĳ and the other Latin letters that fold to a vowel; a combining
 *   mark continues the run). As rules.md says, a trema does not split a run:
 *   "geïnteresseerd" counts 4 (eï, e, e, ee), "één" 1. A joiner ends a run ("zee-egel" has 3). Every word has at
 *   least 1 syllable (so "2024" has 1).
 *
 * Score: Flesch–Douma = 206.84 − 0.93 × (words / sentences)
 *   − 77 × (syllables / words). A text without words has no score.
 */

/* One word: byte offset and byte length in the text it was split from. */
struct word_span {
	size_t start;
	size_t len;
};

/* The words of one text. Start with `struct words w = {0};`; words_split
 * may be called on it again and again (it reuses the memory), and
 * words_free releases it. `text` is borrowed: it must outlive the struct's
 * use. */
struct words {
	const char *text;        /* the text the spans point into */
	struct word_span *spans; /* the words, in text order */
	size_t n;                /* number of words */
	size_t cap;              /* slots in spans */
	size_t sentences;        /* 0 when there are no words */
	size_t syllables;        /* total over all words */
	uint64_t seen[4];        /* 256-bit Bloom filter of the words' keys */
	bool non_ascii;          /* the text holds a non-ASCII byte: seen is not used */
};

/* Splits the NUL-terminated UTF-8 text into words, counting sentences and
 * syllables; replaces what *out held. Allocates only to grow out->spans. */
void words_split(const char *text, struct words *out);

/* Releases the spans; *w is empty (and reusable) afterwards. */
void words_free(struct words *w);

/* Sets *score to the Flesch–Douma score of w; false (and *score untouched)
 * when w has no words. */
bool readability_score(const struct words *w, double *score);

/* True when the words of phrase occur as consecutive whole words of w,
 * compared case-insensitively (ASCII, Latin, Greek and Cyrillic capitals
 * fold to lower case; accents are kept, so 'É' matches 'é' but not 'e').
 * A phrase without words matches nothing. Use this form when the same
 * phrase is matched against many texts: split it once. */
bool words_contain(const struct words *w, const struct words *phrase);

/* words_contain with the phrase given as text (split on every call). */
bool words_contain_phrase(const struct words *w, const char *phrase);

/*
 * A set of phrases matched against many texts (the jargon of a chain
 * model): each phrase split once and indexed by its first word, case
 * folded, so that a text's words each find in constant time the phrases
 * that may start there. Start with `struct phrases set = {0};`.
 */
struct phrases {
	struct words *items;   /* the phrases in the order added */
	size_t n, cap;
	struct idmap by_first; /* folded first word -> a phrase starting so */
	size_t *next;          /* [i]: another phrase with the same first
				* word as phrase i, or SIZE_MAX */
	uint64_t first_seen[4]; /* Bloom filter of the first words' keys */
	bool first_non_ascii;   /* a phrase is not ASCII: first_seen is not used */
};

/* Adds a phrase (borrowed: it must outlive the set). A phrase without
 * words is kept (so the numbers stay the order added) but matches nothing. */
void phrases_add(struct phrases *set, const char *phrase);

/* The numbers of the phrases of set that words_contain would find in w,
 * ascending, each once, into *found (grown as needed; caller frees);
 * returns how many. */
size_t phrases_find(const struct phrases *set, const struct words *w, size_t **found,
		    size_t *cap);

/* Frees what the set holds and leaves it empty. */
void phrases_free(struct phrases *set);

/* True for a code point that is a letter or a digit by the word rules
 * above (combining marks excluded). Shared with personal.c, whose numbers
 * must not touch a letter or a digit. */
bool letter_or_digit(uint32_t cp);

#endif
