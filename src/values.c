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
	if (n_digits == 0 || n_digits > 6 || !isspace((unsigned char)*s))
		return false;
	int unit = lookup_word(s, units);
	if (unit == 0)
		return false;
	long total = strtol(digits, NULL, 10) * unit;
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
		{NULL, 0},
	};
	return lookup_word(s, words);
}

bool
value_date(const char *s)
{
	size_t len = strlen(s);
	s = text_trim(s, &len);
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int year = atoi(s), month = atoi(s + 5), day = atoi(s + 8);
	static const int days_in[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1900 || month < 1 || month > 12 || day < 1 || day > days_in[month - 1])
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return !(month == 2 && day == 29 && !leap);
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
