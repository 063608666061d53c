/* hyphenate.c - soft hyphens (&shy;) in the long words of the report's text at libhyphen's break points, so that Chromium, which hyphenates no Dutch by itself, breaks them at a narrow column's edge. */
#include "hyphenate.h"

#include "mem.h"

#include <hyphen.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longer words (a hostile workspace's) are left whole. */
#define MAX_LETTERS 64

struct dictionary {
	bool tried;       /* loaded, or found missing: not tried again */
	HyphenDict *dict; /* NULL when the file is missing */
};

/* One per language (enum lang), loaded at first use. */
static struct dictionary dictionaries[2];

static const char *const dictionary_files[2] = {"hyph_nl_NL.dic", "hyph_en_US.dic"};

static HyphenDict *
dictionary_for(enum lang lang)
{
	struct dictionary *d = &dictionaries[lang == LANG_EN];
	if (d->tried)
		return d->dict;
	d->tried = true;
	const char *dir = getenv("KETEN_HYPHEN_DIR");
	struct buf path = {0};
	buf_printf(&path, "%s/%s", dir != NULL && dir[0] != '\0' ? dir : "/usr/share/hyphen",
		   dictionary_files[lang == LANG_EN]);
	FILE *f = fopen(buf_str(&path), "r");
	if (f != NULL) {
		d->dict = hnj_hyphen_load_file(f);
		fclose(f);
	}
	buf_free(&path);
	return d->dict;
}

void
hyphenate_release(void)
{
	for (size_t i = 0; i < sizeof dictionaries / sizeof dictionaries[0]; i++) {
		if (dictionaries[i].dict != NULL)
			hnj_hyphen_free(dictionaries[i].dict);
		dictionaries[i] = (struct dictionary){0};
	}
}

/* The byte length of the letter at s (ASCII, or Latin-1 as UTF-8 but for
 * × and ÷), or 0. */
static size_t
letter_at(const char *s, const char *end)
{
	unsigned char c = (unsigned char)s[0];
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c == 0xC3 && end - s >= 2) {
		unsigned char n = (unsigned char)s[1];
		return n >= 0x80 && n <= 0xBF && n != 0x97 && n != 0xB7 ? 2 : 0;
	}
	return 0;
}

/* Whether the character at s, before or after a word, joins it to a
 * path, an address, a number or a name with an underscore; a dot does
 * when a letter is on its other side ("body.setAttribute", "nota.md"). */
static bool
joins_word(const char *s, const char *start, const char *end, bool after)
{
	if (strchr("/@_\\", *s) != NULL || (*s >= '0' && *s <= '9'))
		return true;
	if (*s != '.')
		return false;
	return after ? s + 1 < end && letter_at(s + 1, end) > 0
		     : s > start && letter_at(s - 1, end) > 0;
}

/* The word's letter i, lower case, as the dictionary reads it: one
 * Latin-1 byte, or UTF-8. */
static void
add_lower(struct buf *word, const char *letter, size_t n, bool utf8)
{
	unsigned char c = (unsigned char)letter[n - 1];
	if (n == 1) {
		buf_putc(word, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
		return;
	}
	if (c >= 0x80 && c <= 0x9E && c != 0x97)
		c += 0x20; /* À..Þ to à..þ */
	if (utf8) {
		buf_putc(word, letter[0]);
		buf_putc(word, (char)c);
	} else {
		buf_putc(word, (char)(c + 0x40));
	}
}

/* Clears breaks[k] (a break after letter k of the word w[0..len), n
 * letters) where dict allows none. */
static void
keep_breaks_of(HyphenDict *dict, const char *w, size_t len, size_t n, bool *breaks)
{
	struct buf word = {0};
	size_t word_ends[MAX_LETTERS]; /* each letter's last byte in word */
	size_t k = 0;
	for (size_t i = 0; i < len && k < n;) {
		size_t m = letter_at(w + i, w + len);
		add_lower(&word, w + i, m, dict->utf8 != 0);
		i += m;
		word_ends[k++] = word.len - 1;
	}
	char hyphens[MAX_LETTERS * 2 + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	hnj_hyphen_hyphenate3(dict, buf_str(&word), (int)word.len, hyphens, NULL, &rep, &pos, &cut,
			      2, 2, 2, 2);
	for (k = 0; k < n; k++) {
		size_t b = word_ends[k];
		if ((hyphens[b] & 1) == 0 || (rep != NULL && rep[b] != NULL))
			breaks[k] = false;
	}
	if (rep != NULL) {
		for (size_t i = 0; i < word.len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	buf_free(&word);
}

/* Appends the word w[0..len) of n letters with &shy; where every one of
 * the dictionaries (NULL-terminated) allows a break. */
static void
hyphenate_word(struct buf *out, const char *w, size_t len, size_t n, HyphenDict *const *dicts)
{
	bool breaks[MAX_LETTERS];
	for (size_t k = 0; k < n; k++)
		breaks[k] = k + 1 < n;
	for (size_t d = 0; dicts[d] != NULL; d++)
		keep_breaks_of(dicts[d], w, len, n, breaks);
	size_t copied = 0, k = 0;
	for (size_t i = 0; i < len && k < n; k++) {
		i += letter_at(w + i, w + len);
		if (!breaks[k])
			continue;
		buf_add(out, w + copied, i - copied);
		buf_puts(out, "&shy;");
		copied = i;
	}
	buf_add(out, w + copied, len - copied);
}

void
hyphenate_append(struct buf *out, const char *html, size_t len, enum lang lang)
{
	/* English text quotes the user's Dutch words: a break in it only where
	 * both dictionaries allow one (when the Dutch one is there). */
	HyphenDict *dicts[3] = {dictionary_for(lang), NULL, NULL};
	if (lang == LANG_EN)
		dicts[1] = dictionary_for(LANG_NL);
	const char *p = html, *end = html + len, *copied = html;
	while (dicts[0] != NULL && p < end) {
		if (*p == '&') {
			const char *semi = memchr(p, ';', (size_t)(end - p));
			p = semi != NULL ? semi + 1 : end;
			continue;
		}
		size_t n = 0, m;
		const char *word = p;
		while (p < end && (m = letter_at(p, end)) > 0)
			p += m, n++;
		if (n == 0) {
			p++;
			continue;
		}
		bool joined = (word > html && joins_word(word - 1, html, end, false))
			      || (p < end && joins_word(p, html, end, true));
		if (n < HYPHENATE_MIN_LETTERS || n > MAX_LETTERS || joined)
			continue;
		buf_add(out, copied, (size_t)(word - copied));
		hyphenate_word(out, word, (size_t)(p - word), n, dicts);
		copied = p;
	}
	buf_add(out, copied, (size_t)(end - copied));
}
