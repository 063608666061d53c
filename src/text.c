/* text.c - UTF-8, accent folding, slugs and edit distance. */
#include "text.h"

#include "mem.h"

#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>

static bool
ascii_is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((s[0] & 0xE0) == 0xC0) {
		n = 2, c = s[0] & 0x1F, min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3, c = s[0] & 0x0F, min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* True when the 8 bytes at s are all ASCII. */
static bool
ascii8(const char *s)
{
	uint64_t word;
	memcpy(&word, s, sizeof word);
	return (word & 0x8080808080808080u) == 0;
}

bool
utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		if (i + 8 <= len && ascii8(s + i)) {
			i += 8;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t count = 0, i = 0;
	for (; i + 8 <= len && ascii8(s + i); i += 8)
		count += 8;
	for (; i < len; count++) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
	}
	return count;
}

/* Lower-case letters that have no decomposition into ASCII, with the
 * spelling a Dutch reader expects. */
static const struct {
	uint32_t cp;
	const char *ascii;
} undecomposed[] = {
	{0xE6, "ae"}, {0xF0, "d"}, {0xF8, "o"}, {0xFE, "th"}, {0x111, "d"},
	{0x127, "h"}, {0x131, "i"}, {0x138, "k"}, {0x140, "l"}, {0x142, "l"},
	{0x149, "n"}, {0x14B, "n"}, {0x153, "oe"}, {0x167, "t"},
};

size_t
text_fold_letter(uint32_t cp, char out[TEXT_FOLD_MAX])
{
	if (cp < 0x80 || cp > 0x10FFFF)
		return 0;
	/* Compatibility decomposition, case folding, marks dropped: 'ễ' is
	 * "e", 'ﬁ' "fi", 'ẞ' "ss", 'ĳ' "ij". */
	utf8proc_int32_t parts[TEXT_FOLD_MAX];
	utf8proc_ssize_t n = utf8proc_decompose_char(
	    (utf8proc_int32_t)cp, parts, TEXT_FOLD_MAX - 1,
	    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
		UTF8PROC_STRIPMARK, NULL);
	bool ascii = n > 0 && n < TEXT_FOLD_MAX;
	for (utf8proc_ssize_t i = 0; ascii && i < n; i++) {
		ascii = parts[i] < 0x80 && ascii_is_alnum(parts[i]);
		out[i] = (char)parts[i];
	}
	if (ascii) {
		out[n] = '\0';
		return (size_t)n;
	}
	uint32_t lower = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
	for (size_t i = 0; i < sizeof undecomposed / sizeof undecomposed[0]; i++)
		if (undecomposed[i].cp == lower) {
			size_t len = strlen(undecomposed[i].ascii);
			memcpy(out, undecomposed[i].ascii, len + 1);
			return len;
		}
	return 0;
}

bool
text_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_is_alnum(cp);
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

bool
text_is_mark(uint32_t cp)
{
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return true;
	default:
		return false;
	}
}

bool
text_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return true;
	default:
		return false;
	}
}

/* The lower-case letter or digit of each ASCII byte, 0 for the others. */
static const char ascii_slug[128] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
	['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
	['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
	['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
	['y'] = 'y', ['z'] = 'z',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
	['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
	['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
	['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
	['Y'] = 'y', ['Z'] = 'z',
};

/* Adds one character of a slug when it fits; counts it in any case. */
static inline void
slug_putc(char c, char *out, size_t size, size_t *len)
{
	if (*len + 1 < size)
		out[*len] = c;
	(*len)++;
}

/* Adds the UTF-8 bytes of cp to a slug, counting them in any case. */
static void
slug_put_cp(uint32_t cp, char *out, size_t size, size_t *len)
{
	utf8proc_uint8_t bytes[4];
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, bytes);
	for (utf8proc_ssize_t i = 0; i < n; i++)
		slug_putc((char)bytes[i], out, size, len);
}

/* The run of ASCII at p in tight loops (most text is all ASCII):
 * letters and digits kept lower-cased, a run of separators as one dash
 * before the next one kept. Returns where the run ends. */
static const char *
slug_ascii_run(const char *p, char *out, size_t size, size_t *len_io, bool *pending_dash)
{
	size_t len = *len_io, limit = size > 0 ? size - 1 : 0;
	bool dash = *pending_dash;
	for (unsigned c; (c = (unsigned char)*p) - 1u < 0x7fu;) {
		char a = ascii_slug[c];
		if (a == 0) { /* a separator */
			dash = len > 0;
			p++;
			continue;
		}
		if (dash) {
			if (len < limit)
				out[len] = '-';
			len++;
			dash = false;
		}
		do { /* the rest of the word */
			if (len < limit)
				out[len] = a;
			len++;
			c = (unsigned char)*++p;
		} while (c - 1u < 0x7fu && (a = ascii_slug[c]) != 0);
	}
	*len_io = len;
	*pending_dash = dash;
	return p;
}

static bool
is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Hangul jamo that compose into a syllable under NFC. */
static bool
is_conjoining_jamo(uint32_t cp)
{
	return cp >= 0x1160 && cp <= 0x11FF;
}

/* One pass of text_slug_to. When needs_nfc is not NULL, stops at the
 * first character that composition could change (a mark, a conjoining
 * jamo) and sets *needs_nfc. */
static size_t
slug_pass(const char *s, char *out, size_t size, bool *needs_nfc)
{
	size_t len = 0;
	bool pending_dash = false;
	bool own_letter = false; /* the last one kept has no ASCII form */
	for (const char *p = s; *p != '\0';) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x80) { /* ASCII: letters or digits, or separators */
			p = slug_ascii_run(p, out, size, &len, &pending_dash);
			own_letter = false;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(p, strnlen(p, 4), &cp);
		if (n == 0)
			n = 1, cp = 0xFFFD;
		p += n;
		bool mark = text_is_mark(cp);
		if (needs_nfc != NULL && (mark || is_conjoining_jamo(cp))) {
			*needs_nfc = true;
			return 0;
		}
		char ascii[TEXT_FOLD_MAX];
		size_t n_ascii = mark ? 0 : text_fold_letter(cp, ascii);
		bool letter = n_ascii > 0 || (!mark && text_is_letter(cp));
		if (mark) {
			/* An accent on a folded letter goes; a mark of a
			 * script kept as it is stays with its letter. */
			if (own_letter)
				slug_put_cp(cp, out, size, &len);
			continue;
		}
		if (!letter) {
			pending_dash = len > 0;
			own_letter = false;
			continue;
		}
		if (pending_dash)
			slug_putc('-', out, size, &len);
		pending_dash = false;
		own_letter = n_ascii == 0;
		if (own_letter)
			slug_put_cp((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp),
				    out, size, &len);
		for (size_t i = 0; i < n_ascii; i++)
			slug_putc(ascii[i], out, size, &len);
	}
	if (size > 0)
		out[len < size ? len : size - 1] = '\0';
	return len;
}

size_t
text_slug_to(const char *s, char *out, size_t size)
{
	/* Composed (NFC) first where that can change the result, so that a
	 * decomposed 'Noël' is the same name; most text needs no copy. */
	bool needs_nfc = false;
	size_t len = slug_pass(s, out, size, &needs_nfc);
	if (!needs_nfc)
		return len;
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
	len = slug_pass(nfc != NULL ? nfc : s, out, size, NULL);
	free(nfc);
	return len;
}

char *
text_slug(const char *s)
{
	/* A slug is never longer than its text: a letter of two bytes
	 * folds to at most two, and one dash stands for a separator. */
	size_t room = strlen(s) + 1;
	char *slug = xmalloc(room);
	size_t len = text_slug_to(s, slug, room);
	if (len >= room) { /* cannot happen; if it did, make room */
		slug = xrealloc(slug, len + 1);
		text_slug_to(s, slug, len + 1);
	}
	return slug;
}

bool
text_slug_equals(const char *s, const char *slug)
{
	if (text_is_slug(s)) /* a slug is its own slug */
		return strcmp(s, slug) == 0;
	char small[128];
	size_t len = text_slug_to(s, small, sizeof small);
	if (len < sizeof small)
		return strcmp(small, slug) == 0;
	char *big = text_slug(s);
	bool same = strcmp(big, slug) == 0;
	free(big);
	return same;
}

bool
text_is_slug(const char *s)
{
	if (*s == '\0')
		return false;
	if (!is_ascii(s)) { /* letters of a script without an ASCII form */
		char *slug = text_slug(s);
		bool same = strcmp(slug, s) == 0;
		free(slug);
		return same;
	}
	bool after_dash = true;
	for (; *s; s++) {
		if (*s == '-') {
			if (after_dash)
				return false;
			after_dash = true;
		} else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')) {
			after_dash = false;
		} else {
			return false;
		}
	}
	return !after_dash;
}

int
text_distance(const char *a, const char *b)
{
	enum { CAP = 99, MAXLEN = 96 };
	size_t la = strlen(a), lb = strlen(b);
	if (la > MAXLEN || lb > MAXLEN)
		return CAP;
	int row[MAXLEN + 1];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb] > CAP ? CAP : row[lb];
}

/* isspace() in the C locale, without the locale lookup. */
static bool
is_blank(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

const char *
text_trim(const char *s, size_t *len)
{
	size_t n = *len;
	while (n > 0 && is_blank((unsigned char)*s))
		s++, n--;
	while (n > 0 && is_blank((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

char *
text_trim_dup(const char *s, size_t len)
{
	const char *t = text_trim(s, &len);
	return xstrndup(t, len);
}

long
text_nearest(const char *word, const char *const *candidates, size_t n)
{
	char *w = text_slug(word);
	long best = -1;
	int best_distance = 99;
	for (size_t i = 0; i < n; i++) {
		char *c = text_slug(candidates[i]);
		int d = text_distance(w, c);
		if (d < best_distance) {
			best_distance = d;
			best = (long)i;
		}
		free(c);
	}
	/* A likely typo: at most two edits, or a third of the word. */
	size_t len = strlen(w);
	free(w);
	if (best < 0 || (best_distance > 2 && (size_t)best_distance * 3 > len))
		return -1;
	return best;
}

uint32_t
text_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp == 0x3C2) /* final sigma: the same letter as sigma */
		return 0x3C3;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

static void
buf_put_utf8(struct buf *b, uint32_t cp)
{
	if (cp < 0x80) {
		buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		buf_putc(b, (char)(0xC0 | (cp >> 6)));
		buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		buf_putc(b, (char)(0xE0 | (cp >> 12)));
		buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		buf_putc(b, (char)(0xF0 | (cp >> 18)));
		buf_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
		buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

/* Appends s[0..len) to out lower-casing its ASCII letters, up to the
 * first non-ASCII byte; returns how many bytes of s that covered. */
static size_t
casefold_ascii(struct buf *out, const char *s, size_t len)
{
	size_t at = out->len;
	buf_add(out, s, len);
	char *p = out->data + at;
	size_t i = 0;
	for (; i < len && (unsigned char)p[i] < 0x80; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] + 32);
	out->len = at + i;
	p[i] = '\0';
	return i;
}

void
text_casefold_to(struct buf *out, const char *s, size_t len)
{
	size_t i = casefold_ascii(out, s, len);
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			buf_putc(out, s[i++]);
			continue;
		}
		buf_put_utf8(out, text_lower(cp));
		i += n;
	}
}

char *
text_casefold(const char *s, size_t len)
{
	struct buf b = {0};
	text_casefold_to(&b, s, len);
	char *out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

/* Length of the control character or direction mark at s, or 0. */
static size_t
control_at(const unsigned char *s, unsigned *cp)
{
	if (*s < 0x20 || *s == 0x7f) {
		*cp = *s;
		return 1;
	}
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f) {
		*cp = s[1];
		return 2;
	}
	if (s[0] == 0xd8 && s[1] == 0x9c) {
		*cp = 0x061c;
		return 2;
	}
	if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0x8e || s[2] == 0x8f ||
					     (s[2] >= 0xaa && s[2] <= 0xae))) {
		*cp = 0x2000u + (s[2] - 0x80u);
		return 3;
	}
	if (s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9) {
		*cp = 0x2040u + (s[2] - 0x80u);
		return 3;
	}
	return 0;
}

void
text_show_controls(struct buf *out, const char *text, bool keep_newlines)
{
	const unsigned char *s = (const unsigned char *)text;
	while (*s != '\0') {
		const unsigned char *plain = s;
		unsigned cp = 0;
		size_t n = 0;
		while (*s != '\0' && ((n = control_at(s, &cp)) == 0 || (keep_newlines && *s == '\n')))
			s++;
		buf_add(out, (const char *)plain, (size_t)(s - plain));
		if (*s == '\0')
			break;
		buf_printf(out, cp < 0x100 ? "\\x%02X" : "\\u%04X", cp);
		s += n;
	}
}

/* True when one of the 8 bytes of w could start a control character or a
 * direction mark: below 0x20 (the end of the string too), DEL, or not
 * ASCII. Most text is printable ASCII, which this skips 8 bytes at once. */
static bool
word_may_hold_control(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t low = w & ~highs; /* each byte's low 7 bits: sums never carry */
	uint64_t del = low + ones;                /* high bit: low 7 bits are 0x7f */
	uint64_t not_below = low + 0x60u * ones; /* high bit: low 7 bits >= 0x20 */
	return ((w | del | ~not_below) & highs) != 0;
}

/* True when the byte at s starts a control character or direction mark. */
static bool
control_starts(const unsigned char *s)
{
	unsigned cp;
	return (*s < 0x20 || *s == 0x7f || *s == 0xc2 || *s == 0xd8 || *s == 0xe2) &&
	       control_at(s, &cp) > 0;
}

bool
text_has_controls(const char *text)
{
	size_t len = strlen(text);
	const unsigned char *s = (const unsigned char *)text, *end = s + len;
	for (; end - s >= 8; s += 8) {
		uint64_t w;
		memcpy(&w, s, sizeof w);
		if (!word_may_hold_control(w))
			continue;
		for (int k = 0; k < 8; k++)
			if (control_starts(s + k))
				return true;
	}
	for (; s < end; s++)
		if (control_starts(s))
			return true;
	return false;
}
