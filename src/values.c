/* values.c - parsing and writing back the typed values of the formats. */
#include "values.h"

#include "catalog.h"
#include "mem.h"
#include "model.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Looks up the slug of s in a NULL-terminated list of (slug, value) pairs. */
struct word_value {
	const char *slug;
	int value;
};

static int
lookup_word(const char *s, const struct word_value *words)
{
	char slug[32]; /* longer than any word: then no word matches */
	if (text_slug_to(s, slug, sizeof slug) >= sizeof slug)
		return 0;
	for (; words->slug != NULL; words++)
		if (strcmp(slug, words->slug) == 0)
			return words->value;
	return 0;
}

bool
value_long(const char *s, long min, long max, long *v)
{
	size_t len = strlen(s);
	s = text_trim(s, &len);
	if (len == 0 || len > 20)
		return false;
	char tmp[24];
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	const char *p = tmp;
	if (*p == '+' || *p == '-')
		p++;
	if (*p == '\0')
		return false;
	for (const char *q = p; *q; q++)
		if (!isdigit((unsigned char)*q))
			return false;
	errno = 0;
	long n = strtol(tmp, NULL, 10);
	if (errno != 0 || n < min || n > max)
		return false;
	*v = n;
	return true;
}

bool
value_duration(const char *s, long *days)
{
	static const struct word_value units[] = {
		{"dag", 1}, {"dagen", 1}, {"day", 1}, {"days", 1},
		{"week", 7}, {"weken", 7}, {"weeks", 7},
		{"maand", 30}, {"maanden", 30}, {"month", 30}, {"months", 30},
		{"jaar", 365}, {"jaren", 365}, {"year", 365}, {"years", 365},
		{NULL, 0},
	};
	while (isspace((unsigned char)*s))
		s++;
	const char *digits = s;
	while (isdigit((unsigned char)*s))
		s++;
	size_t n_digits = (size_t)(s - digits);
	if (n_digits == 0 || n_digits > 6)
		return false;
	long whole = strtol(digits, NULL, 10);
	/* A decimal part after ',' or '.': up to three digits, in thousandths. */
	long thousandths = 0;
	if ((*s == ',' || *s == '.') && isdigit((unsigned char)s[1])) {
		long scale = 100;
		for (s++; isdigit((unsigned char)*s); s++) {
			if (scale == 0)
				return false;
			thousandths += (*s - '0') * scale;
			scale /= 10;
		}
	}
	if (!isspace((unsigned char)*s))
		return false;
	int unit = lookup_word(s, units);
	if (unit == 0)
		return false;
	if (whole > VALUE_MAX_DAYS)
		return false;
	long total = whole * unit + (thousandths * unit + 500) / 1000;
	if (total > VALUE_MAX_DAYS)
		return false;
	*days = total;
	return true;
}

bool
value_emotion(const char *s, long *v)
{
	/* Values are offset by 3 so that 0 can mean "not found". */
	static const struct word_value words[] = {
		{"heel-negatief", 1}, {"zeer-negatief", 1}, {"very-negative", 1},
		{"negatief", 2}, {"negative", 2},
		{"neutraal", 3}, {"neutral", 3},
		{"positief", 4}, {"positive", 4},
		{"heel-positief", 5}, {"zeer-positief", 5}, {"very-positive", 5},
		{NULL, 0},
	};
	if (value_long(s, -2, 2, v))
		return true;
	int w = lookup_word(s, words);
	if (w == 0)
		return false;
	*v = w - 3;
	return true;
}

int
value_yesno(const char *s)
{
	static const struct word_value words[] = {
		{"ja", YESNO_YES}, {"yes", YESNO_YES}, {"true", YESNO_YES},
		{"nee", YESNO_NO}, {"no", YESNO_NO}, {"false", YESNO_NO},
		{"onbekend", YESNO_UNKNOWN}, {"unknown", YESNO_UNKNOWN},
		{NULL, 0},
	};
	return lookup_word(s, words);
}

bool
value_date(const char *s)
{
	size_t len = strlen(s);
	s = text_trim(s, &len);
	if ((len != 10 && len != 7) || s[4] != '-' || (len == 10 && s[7] != '-'))
		return false;
	for (size_t i = 0; i < len; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int year = atoi(s), month = atoi(s + 5);
	if (year < 1900 || month < 1 || month > 12)
		return false;
	if (len == 7)
		return true; /* a month: YYYY-MM */
	int day = atoi(s + 8);
	static const int days_in[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (day < 1 || day > days_in[month - 1])
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return !(month == 2 && day == 29 && !leap);
}

bool
value_is_unknown(const char *s)
{
	static const struct word_value words[] = {
		{"onbekend", 1}, {"unknown", 1}, {NULL, 0},
	};
	return lookup_word(s, words) != 0;
}

bool
value_date_or_duration(const char *s, long *days, bool *is_date)
{
	*is_date = value_date(s);
	return *is_date || value_duration(s, days);
}

/* The words of each choice set, in the order of its enum from 1: the
 * Dutch and the English words separated by '|', the first of each the
 * one the writers use; the first English word is the JSON name. */
struct choice_words {
	const char *nl;
	const char *en;
};

static const struct choice_words contacts_words[] = {
	{"volledig", "complete"}, {"onvolledig", "partial"}, {NULL, NULL},
};
static const struct choice_words status_words[] = {
	{"ziek", "sick"}, {"wachtlijst", "waiting-list"}, {"proef", "trial"},
	{"geschorst", "suspended"}, {NULL, NULL},
};
static const struct choice_words contact_words[] = {
	{"geen", "none"}, {NULL, NULL},
};
static const struct choice_words channel_words[] = {
	{"brief", "letter"}, {"e-mail|mail", "email|e-mail"},
	{"portaal|website|app", "portal"}, {"telefoon|bellen", "phone|call"},
	{"gesprek", "conversation"}, {"bezoek|huisbezoek", "visit"},
	{NULL, NULL},
};
static const struct choice_words direction_words[] = {
	{"in", "in"}, {"uit", "out"}, {NULL, NULL},
};
static const struct choice_words initiative_words[] = {
	{"persoon", "person"}, {"organisatie", "organisation|organization"},
	{NULL, NULL},
};
static const struct choice_words correct_words[] = {
	{"ja", "yes"}, {"nee", "no"}, {"onbekend", "unknown"},
	{"deels", "partly"}, {NULL, NULL},
};
static const struct choice_words handled_words[] = {
	{"ja", "yes"}, {"deels", "partly"}, {"nee", "no"},
	{"doorverwezen", "redirected"}, {NULL, NULL},
};

static const struct choice_words *const choice_sets[CHOICE__MAX] = {
	[CHOICE_CONTACTS] = contacts_words,
	[CHOICE_STATUS] = status_words,
	[CHOICE_CONTACT] = contact_words,
	[CHOICE_CHANNEL] = channel_words,
	[CHOICE_DIRECTION] = direction_words,
	[CHOICE_INITIATIVE] = initiative_words,
	[CHOICE_CORRECT] = correct_words,
	[CHOICE_HANDLED] = handled_words,
};

/* Copies the first word of a '|' list into out (size n). */
static const char *
first_word(const char *list, char *out, size_t n)
{
	size_t len = strcspn(list, "|");
	if (len >= n)
		len = n - 1;
	memcpy(out, list, len);
	out[len] = '\0';
	return out;
}

/* True when the slug equals one of the words of a '|' list. */
static bool
in_word_list(const char *slug, const char *list)
{
	size_t slug_len = strlen(slug);
	while (*list) {
		size_t len = strcspn(list, "|");
		if (len == slug_len && strncmp(list, slug, len) == 0)
			return true;
		list += len + (list[len] == '|');
	}
	return false;
}

int
value_choice(enum choice_set set, const char *s)
{
	char slug[32]; /* longer than any word: then no word matches */
	if ((unsigned)set >= CHOICE__MAX ||
	    text_slug_to(s, slug, sizeof slug) >= sizeof slug)
		return 0;
	const struct choice_words *w = choice_sets[set];
	for (int v = 1; w[v - 1].nl != NULL; v++)
		if (in_word_list(slug, w[v - 1].nl) || in_word_list(slug, w[v - 1].en))
			return v;
	return 0;
}

/* The entry for value v of a set, or NULL. */
static const struct choice_words *
choice_entry(enum choice_set set, int v)
{
	if ((unsigned)set >= CHOICE__MAX || v < 1)
		return NULL;
	const struct choice_words *w = choice_sets[set];
	for (int i = 1; w[i - 1].nl != NULL; i++)
		if (i == v)
			return &w[i - 1];
	return NULL;
}

/* The first words, copied once: the tables hold '|' lists. */
static _Thread_local char choice_text_buf[4][32];
static _Thread_local unsigned choice_text_next;

const char *
value_choice_text(enum choice_set set, int v, int lang)
{
	const struct choice_words *e = choice_entry(set, v);
	if (e == NULL)
		return NULL;
	const char *list = lang == LANG_NL ? e->nl : e->en;
	if (strchr(list, '|') == NULL)
		return list;
	char *out = choice_text_buf[choice_text_next++ % 4];
	return first_word(list, out, sizeof choice_text_buf[0]);
}

const char *
value_choice_name(enum choice_set set, int v)
{
	return value_choice_text(set, v, LANG_EN);
}

/* Every word of a language, or of both when lang < 0. */
static size_t
choice_words_of(enum choice_set set, int lang, const char **out, char (*store)[32],
		size_t max)
{
	size_t n = 0;
	const struct choice_words *w = choice_sets[set];
	for (int i = 0; w[i].nl != NULL; i++) {
		for (int l = 0; l < 2; l++) {
			if (lang >= 0 && l != (lang == LANG_NL ? 0 : 1))
				continue;
			const char *list = l == 0 ? w[i].nl : w[i].en;
			while (*list && n < max) {
				size_t len = strcspn(list, "|");
				if (len >= 32)
					len = 31;
				memcpy(store[n], list, len);
				store[n][len] = '\0';
				out[n] = store[n];
				n++;
				list += strcspn(list, "|");
				list += *list == '|';
			}
		}
	}
	return n;
}

char *
value_choice_list(enum choice_set set, int lang)
{
	struct buf b = {0};
	const struct choice_words *w = choice_sets[set];
	for (int i = 1; w[i - 1].nl != NULL; i++) {
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, value_choice_text(set, i, lang));
	}
	return buf_detach(&b);
}

const char *
value_choice_suggest(enum choice_set set, const char *s)
{
	enum { MAX_WORDS = 32 };
	static _Thread_local char store[MAX_WORDS][32];
	const char *words[MAX_WORDS];
	if ((unsigned)set >= CHOICE__MAX)
		return NULL;
	size_t n = choice_words_of(set, -1, words, store, MAX_WORDS);
	long best = text_nearest(s, words, n);
	return best >= 0 ? words[best] : NULL;
}

int
value_income(const char *s)
{
	static const struct word_value words[] = {
		{"geen", INCOME_NONE}, {"none", INCOME_NONE},
		{"uitkering", INCOME_BENEFIT}, {"benefit", INCOME_BENEFIT},
		{"loon", INCOME_WAGE}, {"wage", INCOME_WAGE},
		{"gemengd", INCOME_MIXED}, {"mixed", INCOME_MIXED},
		{NULL, 0},
	};
	return lookup_word(s, words);
}

int
value_journey_kind(const char *s)
{
	static const struct word_value words[] = {
		{"huidig", KIND_AS_IS}, {"as-is", KIND_AS_IS},
		{"gewenst", KIND_TO_BE}, {"to-be", KIND_TO_BE},
		{NULL, 0},
	};
	return lookup_word(s, words);
}

char *
value_duration_text(long days, int lang)
{
	static const struct {
		long days;
		const char *nl1, *nln, *en1, *enn;
	} units[] = {
		{365, "jaar", "jaar", "year", "years"},
		{30, "maand", "maanden", "month", "months"},
		{7, "week", "weken", "week", "weeks"},
		{1, "dag", "dagen", "day", "days"},
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (days % units[i].days != 0 || (days == 0 && units[i].days != 1))
			continue;
		long n = days / units[i].days;
		const char *word = lang == LANG_NL ? (n == 1 ? units[i].nl1 : units[i].nln)
						   : (n == 1 ? units[i].en1 : units[i].enn);
		return xasprintf("%ld %s", n, word);
	}
	return xasprintf("%ld", days);
}

const char *
value_income_text(int income, int lang)
{
	static const char *const nl[] = {NULL, "geen", "uitkering", "loon", "gemengd"};
	static const char *const en[] = {NULL, "none", "benefit", "wage", "mixed"};
	if (income < INCOME_NONE || income > INCOME_MIXED)
		return NULL;
	return lang == LANG_NL ? nl[income] : en[income];
}

const char *
value_journey_kind_text(int kind, int lang)
{
	if (kind == KIND_AS_IS)
		return lang == LANG_NL ? "huidig" : "as-is";
	if (kind == KIND_TO_BE)
		return lang == LANG_NL ? "gewenst" : "to-be";
	return NULL;
}
