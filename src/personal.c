/* personal.c - finds BSNs, e-mail addresses and Dutch phone numbers in a text, and masks a value found. */
#include "personal.h"

#include "mem.h"
#include "readability.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
	MAX_RUN_DIGITS = 14, /* "0031" and 10 more: the longest value */
	STACK_GROUPS = 32,
	MAX_LABEL_CHARS = 63,
	NO_GROUP = -1,
};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The code point at text[i] (i < len); an invalid byte is U+FFFD of
 * length 1. Returns its length. */
static size_t
cp_at(const char *text, size_t len, size_t i, uint32_t *cp)
{
	size_t n = utf8_decode(text + i, len - i, cp);
	if (n == 0) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

/* The code point that ends just before text[i] (i > 0); an invalid byte
 * is U+FFFD of length 1. Returns its length. */
static size_t
cp_before(const char *text, size_t i, uint32_t *cp)
{
	size_t k = i - 1;
	while (k > 0 && i - k < 4 && ((unsigned char)text[k] & 0xC0) == 0x80)
		k--;
	if (utf8_decode(text + k, i - k, cp) == i - k)
		return i - k;
	*cp = 0xFFFD;
	return 1;
}

static void
add_value(struct personal_values *out, enum personal_kind kind, size_t start, size_t end)
{
	out->items = xgrow(out->items, out->n, &out->cap, sizeof out->items[0]);
	out->items[out->n++] = (struct personal_value){kind, start, end - start};
}

/* ---- e-mail addresses ---- */

static bool
local_char(uint32_t cp)
{
	return letter_or_digit(cp) || cp == '.' || cp == '_' || cp == '%' || cp == '+' ||
	       cp == '-';
}

/* The start of the local part that ends at the '@' at text[at], not
 * before `floor`; `at` when there is none. */
static size_t
local_start(const char *text, size_t at, size_t floor)
{
	size_t start = at;
	while (start > floor) {
		uint32_t cp;
		size_t n = cp_before(text, start, &cp);
		if (start - n < floor || !local_char(cp))
			break;
		start -= n;
	}
	for (size_t k = at; k > start + 1; k--) {
		if (text[k - 1] == '.' && text[k - 2] == '.') {
			start = k;
			break;
		}
	}
	while (start < at && text[start] == '.')
		start++;
	return start;
}

static bool
local_valid(const char *text, size_t start, size_t at)
{
	if (start == at || text[at - 1] == '.')
		return false;
	for (size_t i = start; i < at; i++)
		if ((unsigned char)text[i] >= 0x80 || (text[i] != '.' && text[i] != '_' &&
		    text[i] != '%' && text[i] != '+' && text[i] != '-'))
			return true;
	return false;
}

/* One domain label starting at text[p]: sets *end, *chars and *letters
 * (only letters); false when it is no valid label. */
static bool
scan_label(const char *text, size_t len, size_t p, size_t *end, bool *letters)
{
	size_t q = p, chars = 0;
	uint32_t cp = 0;
	bool last_dash = false;
	*letters = true;
	while (q < len) {
		size_t n = cp_at(text, len, q, &cp);
		bool dash = cp == '-';
		if (!dash && !letter_or_digit(cp))
			break;
		if (dash || (cp < 0x80 && is_digit((char)cp)))
			*letters = false;
		last_dash = dash;
		q += n;
		chars++;
	}
	*end = q;
	return chars > 0 && chars <= MAX_LABEL_CHARS && text[p] != '-' && !last_dash;
}

/* The end of the longest domain at text[p..] whose last label is a
 * top-level domain; 0 when there is none. */
static size_t
domain_end(const char *text, size_t len, size_t p)
{
	size_t labels = 0, best = 0;
	for (;;) {
		size_t end;
		bool letters;
		if (!scan_label(text, len, p, &end, &letters))
			break;
		labels++;
		if (labels >= 2 && letters && utf8_count(text + p, end - p) >= 2)
			best = end;
		if (end + 1 >= len || text[end] != '.')
			break;
		p = end + 1;
	}
	return best;
}

static void
find_emails(const char *text, size_t len, struct personal_values *out)
{
	size_t floor = 0;
	for (size_t at = 0; at < len; at++) {
		const char *next = memchr(text + at, '@', len - at);
		if (next == NULL)
			break;
		at = (size_t)(next - text);
		size_t start = local_start(text, at, floor);
		if (!local_valid(text, start, at))
			continue;
		size_t end = domain_end(text, len, at + 1);
		if (end == 0)
			continue;
		add_value(out, PERSONAL_EMAIL, start, end);
		floor = end;
		at = end - 1;
	}
}

/* ---- numbers ---- */

struct group {
	size_t start, end;
};

/* A maximal sequence of digit groups; groups live on the stack until there
 * are more than STACK_GROUPS. */
struct candidate {
	size_t start, end;
	bool plus;       /* led by '+' */
	int trunk_after; /* index of the group "(0)" follows, or NO_GROUP */
	struct group *groups;
	size_t n, cap;
	struct group local[STACK_GROUPS];
};

static void
add_group(struct candidate *c, size_t start, size_t end)
{
	if (c->n == c->cap) {
		if (c->groups == c->local) {
			c->groups = xmalloc(2 * c->cap * sizeof c->groups[0]);
			memcpy(c->groups, c->local, sizeof c->local);
			c->cap *= 2;
		} else {
			c->groups = xgrow(c->groups, c->n, &c->cap, sizeof c->groups[0]);
		}
	}
	c->groups[c->n++] = (struct group){start, end};
}

static size_t
separator_len(const char *text, size_t len, size_t p)
{
	if (p < len && (text[p] == ' ' || text[p] == '.' || text[p] == '-'))
		return 1;
	if (p + 1 < len && (unsigned char)text[p] == 0xC2 && (unsigned char)text[p + 1] == 0xA0)
		return 2;
	return 0;
}

/* The length of what joins the group ending at text[p] to a next one: a
 * single separator, or (when trunk_ok) "(0)" with an optional separator on
 * either side, which sets *trunk. 0 when no group follows. */
static size_t
joiner_len(const char *text, size_t len, size_t p, bool trunk_ok, bool *trunk)
{
	size_t sep = separator_len(text, len, p);
	if (sep && p + sep < len && is_digit(text[p + sep]))
		return sep;
	if (!trunk_ok)
		return 0;
	size_t q = p + sep;
	if (q + 3 > len || memcmp(text + q, "(0)", 3) != 0)
		return 0;
	q += 3;
	q += separator_len(text, len, q);
	if (q >= len || !is_digit(text[q]))
		return 0;
	*trunk = true;
	return q - p;
}

/* Reads the candidate that starts at text[start] (a digit, or '+' and a
 * digit). */
static void
read_candidate(const char *text, size_t len, size_t start, struct candidate *c)
{
	c->start = start;
	c->plus = text[start] == '+';
	c->trunk_after = NO_GROUP;
	c->groups = c->local;
	c->n = 0;
	c->cap = STACK_GROUPS;
	char head[4] = {0};
	size_t digits = 0; /* so far; the first 4 are in head */
	size_t p = start + c->plus;
	for (;;) {
		size_t e = p;
		while (e < len && is_digit(text[e]))
			e++;
		add_group(c, p, e);
		for (size_t k = p; k < e && k - p + digits < 4; k++)
			head[k - p + digits] = text[k];
		digits += e - p;
		bool trunk_ok = c->trunk_after == NO_GROUP &&
				((c->plus && digits == 2 && memcmp(head, "31", 2) == 0) ||
				 (!c->plus && digits == 4 && memcmp(head, "0031", 4) == 0));
		bool trunk = false;
		size_t j = joiner_len(text, len, e, trunk_ok, &trunk);
		c->end = e;
		if (j == 0)
			break;
		if (trunk)
			c->trunk_after = (int)c->n - 1;
		p = e + j;
	}
}

static void
free_candidate(struct candidate *c)
{
	if (c->groups != c->local)
		free(c->groups);
}

/* True when the number at text[start..end) is glued to a word or is part
 * of a decimal number or an amount. */
static bool
touches(const char *text, size_t len, size_t start, size_t end)
{
	uint32_t cp;
	if (start > 0) {
		cp_before(text, start, &cp);
		if (letter_or_digit(cp))
			return true;
		if (text[start - 1] == ',' && start >= 2 && is_digit(text[start - 2]))
			return true;
	}
	if (end < len) {
		cp_at(text, len, end, &cp);
		if (letter_or_digit(cp))
			return true;
		if (text[end] == ',' && end + 1 < len &&
		    (is_digit(text[end + 1]) || text[end + 1] == '-'))
			return true;
	}
	return false;
}

/* True when a currency sign stands before text[start], with at most one
 * space or no-break space between. */
static bool
after_currency(const char *text, size_t start)
{
	size_t k = start;
	if (k > 0 && text[k - 1] == ' ')
		k--;
	else if (k > 1 && (unsigned char)text[k - 2] == 0xC2 && (unsigned char)text[k - 1] == 0xA0)
		k -= 2;
	if (k == 0)
		return false;
	uint32_t cp;
	cp_before(text, k, &cp);
	return cp == 0x20AC || cp == '$' || cp == 0xA3;
}

/* The kind of a run of digits, or -1 when it is no value. */
static int
classify_digits(const char *d, size_t n, bool plus, bool trunk)
{
	const char *rest = NULL;
	size_t rest_n = 0;
	if (plus && n >= 2 && memcmp(d, "31", 2) == 0)
		rest = d + 2, rest_n = n - 2;
	else if (!plus && n >= 4 && memcmp(d, "0031", 4) == 0)
		rest = d + 4, rest_n = n - 4;
	if (rest != NULL) {
		bool national = rest_n == 10 && rest[0] == '0' && rest[1] != '0';
		return national || (rest_n == 9 && rest[0] != '0') ? PERSONAL_PHONE : -1;
	}
	if (plus || trunk)
		return -1;
	if (n == 10 && d[0] == '0' && d[1] != '0')
		return PERSONAL_PHONE;
	if (n == 9 && bsn_eleven_test(d))
		return PERSONAL_BSN;
	return -1;
}

/* Reports the values in a candidate: from each group on, the longest run
 * of whole groups that is a value. */
static void
classify_candidate(const struct candidate *c, const char *text, struct personal_values *out)
{
	size_t i = 0;
	while (i < c->n) {
		char digits[MAX_RUN_DIGITS];
		size_t n = 0, best = 0;
		int best_kind = -1;
		for (size_t j = i; j < c->n; j++) {
			size_t glen = c->groups[j].end - c->groups[j].start;
			if (n + glen > MAX_RUN_DIGITS)
				break;
			memcpy(digits + n, text + c->groups[j].start, glen);
			n += glen;
			bool plus = c->plus && i == 0;
			bool trunk = c->trunk_after >= (int)i && c->trunk_after < (int)j;
			int kind = classify_digits(digits, n, plus, trunk);
			if (kind >= 0)
				best = j, best_kind = kind;
		}
		if (best_kind < 0) {
			i++;
			continue;
		}
		size_t start = i == 0 ? c->start : c->groups[i].start;
		add_value(out, (enum personal_kind)best_kind, start, c->groups[best].end);
		i = best + 1;
	}
}

/* Where the next candidate at or after text[from] starts: the first digit,
 * or the '+' just before it; len when there is none. */
static size_t
next_candidate(const char *text, size_t len, size_t from)
{
	size_t d = from + strcspn(text + from, "0123456789");
	if (d >= len)
		return len;
	return d > from && text[d - 1] == '+' ? d - 1 : d;
}

/* Finds the numbers, leaving alone those that overlap one of the first
 * n_emails values of out (the e-mail addresses). */
static void
find_numbers(const char *text, size_t len, struct personal_values *out, size_t n_emails)
{
	size_t email = 0;
	for (size_t i = 0; i < len;) {
		i = next_candidate(text, len, i);
		if (i == len)
			break;
		struct candidate c;
		read_candidate(text, len, i, &c);
		while (email < n_emails &&
		       out->items[email].start + out->items[email].len <= c.start)
			email++;
		bool in_email = email < n_emails && out->items[email].start < c.end;
		if (!in_email && !touches(text, len, c.start, c.end) &&
		    !after_currency(text, c.start))
			classify_candidate(&c, text, out);
		i = c.end;
		free_candidate(&c);
	}
}

static int
by_start(const void *a, const void *b)
{
	size_t x = ((const struct personal_value *)a)->start;
	size_t y = ((const struct personal_value *)b)->start;
	return (x > y) - (x < y);
}

/* False when text holds no value for certain: no '@' and fewer than 9
 * digits (every number reported has 9 or more). Most texts, and most
 * messages with a number or two, stop here. */
static bool
may_hold_value(const char *text)
{
	size_t digits = 0;
	for (const char *p = text; (p = strpbrk(p, "0123456789@")) != NULL; p++)
		if (*p == '@' || ++digits == 9)
			return true;
	return false;
}

void
personal_find(const char *text, struct personal_values *out)
{
	out->n = 0;
	if (!may_hold_value(text))
		return;
	size_t len = strlen(text);
	find_emails(text, len, out);
	size_t n_emails = out->n;
	find_numbers(text, len, out, n_emails);
	if (n_emails > 0 && out->n > n_emails)
		qsort(out->items, out->n, sizeof out->items[0], by_start);
}

void
personal_values_free(struct personal_values *values)
{
	free(values->items);
	*values = (struct personal_values){0};
}

bool
bsn_eleven_test(const char digits[9])
{
	long sum = 0;
	bool all_zero = true;
	for (int i = 0; i < 9; i++) {
		if (!is_digit(digits[i]))
			return false;
		int d = digits[i] - '0';
		sum += i < 8 ? (9 - i) * d : -d;
		all_zero = all_zero && d == 0;
	}
	return !all_zero && sum % 11 == 0;
}

void
personal_mask(const char *value, size_t len, struct buf *out)
{
	size_t count = utf8_count(value, len);
	size_t hidden = count > 2 ? count - 2 : count;
	size_t i = 0;
	for (size_t k = 0; k < hidden; k++) {
		uint32_t cp;
		size_t n = utf8_decode(value + i, len - i, &cp);
		i += n ? n : 1;
		buf_putc(out, '*');
	}
	buf_add(out, value + i, len - i);
}

char *
personal_masked_copy(const char *text)
{
	if (text == NULL)
		return NULL;
	struct personal_values values = {0};
	personal_find(text, &values);
	if (values.n == 0) {
		personal_values_free(&values);
		return NULL;
	}
	struct buf out = {0};
	size_t at = 0;
	for (size_t i = 0; i < values.n; i++) {
		const struct personal_value *v = &values.items[i];
		buf_add(&out, text + at, v->start - at);
		personal_mask(text + v->start, v->len, &out);
		at = v->start + v->len;
	}
	buf_puts(&out, text + at);
	personal_values_free(&values);
	return buf_detach(&out);
}
