/* values.c - parsing and writing back the typed values of the formats. */
#include "values.h"

#include "catalog.h"
#include "mem.h"
#include "model.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
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

/* Days since 1970-01-01 of a day of the proleptic Gregorian calendar. */
static long
civil_day(long year, long month, long day)
{
	year -= month <= 2;
	long era = (year >= 0 ? year : year - 399) / 400;
	long yoe = year - era * 400;
	long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool
value_date_day(const char *s, bool month_end, long *day)
{
	if (s == NULL || !value_date(s))
		return false;
	size_t len = strlen(s);
	s = text_trim(s, &len);
	long year = atol(s), month = atol(s + 5);
	if (len == 10)
		*day = civil_day(year, month, atol(s + 8));
	else if (month_end)
		*day = civil_day(month == 12 ? year + 1 : year, month % 12 + 1, 1) - 1;
	else
		*day = civil_day(year, month, 1);
	return true;
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
 * Dutch and the English word the writers use (the English one is the
 * JSON name), and other spellings that are read too, separated by '|'. */
struct choice_words {
	const char *nl;
	const char *en;
	const char *also;
};

static const struct choice_words contacts_words[] = {
	{"volledig", "complete", ""}, {"onvolledig", "partial", ""},
	{NULL, NULL, NULL},
};
static const struct choice_words status_words[] = {
	{"ziek", "sick", ""}, {"wachtlijst", "waiting-list", ""},
	{"proef", "trial", ""}, {"geschorst", "suspended", ""},
	{NULL, NULL, NULL},
};
static const struct choice_words contact_words[] = {
	{"geen", "none", ""}, {NULL, NULL, NULL},
};
static const struct choice_words channel_words[] = {
	{"brief", "letter", ""}, {"e-mail", "email", "mail"},
	{"portaal", "portal", "website|app"}, {"telefoon", "phone", "bellen|call"},
	{"gesprek", "conversation", ""}, {"bezoek", "visit", "huisbezoek"},
	{NULL, NULL, NULL},
};
static const struct choice_words direction_words[] = {
	{"in", "in", ""}, {"uit", "out", ""}, {NULL, NULL, NULL},
};
static const struct choice_words initiative_words[] = {
	{"persoon", "person", ""}, {"organisatie", "organisation", "organization"},
	{NULL, NULL, NULL},
};
static const struct choice_words correct_words[] = {
	{"ja", "yes", ""}, {"nee", "no", ""}, {"onbekend", "unknown", ""},
	{"deels", "partly", ""}, {NULL, NULL, NULL},
};
static const struct choice_words handled_words[] = {
	{"ja", "yes", ""}, {"deels", "partly", ""}, {"nee", "no", ""},
	{"doorverwezen", "redirected", ""}, {NULL, NULL, NULL},
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

/* The words of a set are few: the longest set has 14 spellings. */
enum { MAX_CHOICE_SPELLINGS = 24, MAX_CHOICE_WORD = 32 };

/* Every spelling of a set, with the value it names; returns how many. */
static size_t
choice_spellings(enum choice_set set, char (*words)[MAX_CHOICE_WORD],
		 int *values)
{
	size_t n = 0;
	const struct choice_words *w = choice_sets[set];
	for (int v = 1; w[v - 1].nl != NULL; v++) {
		const char *fixed[] = {w[v - 1].nl, w[v - 1].en};
		for (size_t i = 0; i < 2 && n < MAX_CHOICE_SPELLINGS; i++) {
			snprintf(words[n], MAX_CHOICE_WORD, "%s", fixed[i]);
			values[n++] = v;
		}
		for (const char *p = w[v - 1].also; *p && n < MAX_CHOICE_SPELLINGS;) {
			size_t len = strcspn(p, "|");
			snprintf(words[n], MAX_CHOICE_WORD, "%.*s", (int)len, p);
			values[n++] = v;
			p += len + (p[len] == '|');
		}
	}
	return n;
}

int
value_choice(enum choice_set set, const char *s)
{
	char slug[MAX_CHOICE_WORD]; /* longer than any word: none matches */
	if ((unsigned)set >= CHOICE__MAX ||
	    text_slug_to(s, slug, sizeof slug) >= sizeof slug)
		return 0;
	char words[MAX_CHOICE_SPELLINGS][MAX_CHOICE_WORD];
	int values[MAX_CHOICE_SPELLINGS];
	size_t n = choice_spellings(set, words, values);
	for (size_t i = 0; i < n; i++)
		if (strcmp(slug, words[i]) == 0)
			return values[i];
	return 0;
}

const char *
value_choice_text(enum choice_set set, int v, int lang)
{
	if ((unsigned)set >= CHOICE__MAX || v < 1)
		return NULL;
	const struct choice_words *w = choice_sets[set];
	for (int i = 1; w[i - 1].nl != NULL; i++)
		if (i == v)
			return lang == LANG_NL ? w[i - 1].nl : w[i - 1].en;
	return NULL;
}

const char *
value_choice_name(enum choice_set set, int v)
{
	return value_choice_text(set, v, LANG_EN);
}

char *
value_choice_list(enum choice_set set, int lang)
{
	struct buf b = {0};
	const char *word;
	for (int v = 1; (word = value_choice_text(set, v, lang)) != NULL; v++) {
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, word);
	}
	return buf_detach(&b);
}

const char *
value_choice_suggest(enum choice_set set, const char *s)
{
	if ((unsigned)set >= CHOICE__MAX)
		return NULL;
	char words[MAX_CHOICE_SPELLINGS][MAX_CHOICE_WORD];
	int values[MAX_CHOICE_SPELLINGS];
	const char *candidates[MAX_CHOICE_SPELLINGS];
	size_t n = choice_spellings(set, words, values);
	for (size_t i = 0; i < n; i++)
		candidates[i] = words[i];
	long best = text_nearest(s, candidates, n);
	if (best < 0)
		return NULL;
	/* The word the writers use for the value, in the language it was
	 * written in: a stable string, not the local copy. */
	const struct choice_words *w = &choice_sets[set][values[best] - 1];
	return strcmp(words[best], w->en) == 0 ? w->en : w->nl;
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
