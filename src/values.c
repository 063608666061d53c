/* values.c - parsing and writing back the typed values of the formats. */
#include "values.h"

#include "catalog.h"
#include "mem.h"
#include "model.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Looks up the slug of s in a NULL-terminated list of (slug, value) pairs. */
struct word_value {
	const char *slug;
	int value;
};

/* Longer than any word of the formats. */
enum { MAX_WORD = 40 };

static int
lookup_word(const char *s, const struct word_value *words)
{
	char slug[MAX_WORD]; /* longer than any word: then no word matches */
	if (text_slug_to(s, slug, sizeof slug) >= sizeof slug)
		return 0;
	for (; words->slug != NULL; words++)
		if (words->slug[0] == slug[0] && strcmp(slug, words->slug) == 0)
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

/* The units of a duration, with their abbreviations, in days. */
static const struct word_value duration_units[] = {
	{"dag", 1}, {"dagen", 1}, {"day", 1}, {"days", 1}, {"d", 1},
	{"dg", 1},
	{"week", 7}, {"weken", 7}, {"weeks", 7}, {"wk", 7}, {"wkn", 7},
	{"w", 7},
	{"maand", 30}, {"maanden", 30}, {"month", 30}, {"months", 30},
	{"mnd", 30}, {"mnden", 30}, {"mth", 30}, {"mths", 30}, {"mo", 30},
	{"jaar", 365}, {"jaren", 365}, {"year", 365}, {"years", 365},
	{"jr", 365}, {"yr", 365}, {"yrs", 365}, {"j", 365},
	{NULL, 0},
};

/* Numbers written as words, in thousandths ("anderhalf" 1500). Longer
 * phrases come first so that "een half" is not read as "een". */
static const struct {
	const char *words;
	long thousandths;
} number_words[] = {
	{"een half", 500}, {"één half", 500}, {"een halve", 500},
	{"één halve", 500}, {"half a", 500},
	{"anderhalf", 1500}, {"anderhalve", 1500},
	{"one and a half", 1500}, {"een", 1000}, {"één", 1000}, {"one", 1000},
	{"a", 1000}, {"an", 1000}, {"half", 500}, {"halve", 500},
	{"twee", 2000}, {"two", 2000}, {"drie", 3000}, {"three", 3000},
	{"vier", 4000}, {"four", 4000}, {"vijf", 5000}, {"five", 5000},
	{"zes", 6000}, {"six", 6000}, {"zeven", 7000}, {"seven", 7000},
	{"acht", 8000}, {"eight", 8000}, {"negen", 9000}, {"nine", 9000},
	{"tien", 10000}, {"ten", 10000}, {"elf", 11000}, {"eleven", 11000},
	{"twaalf", 12000}, {"twelve", 12000},
};

/* Reads a number at *s: digits with an optional decimal part after ','
 * or '.' (up to three digits), or a number word; sets *thousandths and
 * moves *s past it. */
static bool
read_amount(const char **s, long *thousandths)
{
	const char *p = *s;
	if (!isdigit((unsigned char)*p)) {
		for (size_t i = 0; i < sizeof number_words / sizeof number_words[0]; i++) {
			size_t len = strlen(number_words[i].words);
			if (strncasecmp(p, number_words[i].words, len) == 0 &&
			    isspace((unsigned char)p[len])) {
				*thousandths = number_words[i].thousandths;
				*s = p + len;
				return true;
			}
		}
		return false;
	}
	const char *digits = p;
	while (isdigit((unsigned char)*p))
		p++;
	if (p - digits > 6)
		return false;
	long whole = strtol(digits, NULL, 10);
	long part = 0;
	if ((*p == ',' || *p == '.') && isdigit((unsigned char)p[1])) {
		long scale = 100;
		for (p++; isdigit((unsigned char)*p); p++) {
			if (scale == 0)
				return false;
			part += (*p - '0') * scale;
			scale /= 10;
		}
	}
	if (whole > VALUE_MAX_DAYS)
		return false;
	*thousandths = whole * 1000 + part;
	*s = p;
	return true;
}

bool
value_duration(const char *s, long *days)
{
	while (isspace((unsigned char)*s))
		s++;
	long thousandths;
	if (!read_amount(&s, &thousandths))
		return false;
	/* A unit after a blank, or right after the digits ("3mnd"). */
	if (!isspace((unsigned char)*s) && !isalpha((unsigned char)*s))
		return false;
	int unit = lookup_word(s, duration_units);
	if (unit == 0)
		return false;
	long total = (thousandths * unit + 500) / 1000;
	if (total > VALUE_MAX_DAYS)
		return false;
	*days = total;
	return true;
}

bool
value_starts_with_duration(const char *s, long *days, size_t *len)
{
	while (isspace((unsigned char)*s))
		s++;
	const char *start = s;
	long thousandths;
	if (!isdigit((unsigned char)*s) || !read_amount(&s, &thousandths) ||
	    !isspace((unsigned char)*s))
		return false;
	while (isspace((unsigned char)*s))
		s++;
	size_t word = 0;
	while (isalpha((unsigned char)s[word]))
		word++;
	char unit[16];
	if (word == 0 || word >= sizeof unit)
		return false;
	memcpy(unit, s, word);
	unit[word] = '\0';
	int per = lookup_word(unit, duration_units);
	/* Only whole words of a unit, not an abbreviation ("3 d" in a text is
	 * rarely a duration). */
	if (per == 0 || word < 3)
		return false;
	*days = (thousandths * per + 500) / 1000;
	*len = (size_t)(s + word - start);
	return *days <= VALUE_MAX_DAYS;
}

/* The words of a mood, -2..+2: the Dutch and the English word the
 * report and the diagrams write (and the reader takes), then the other
 * words people use for it, separated by '|'. */
static const struct {
	const char *nl, *en, *also;
} emotion_words[5] = {
	{"heel negatief", "very negative",
	 "zeer negatief|heel slecht|zeer slecht|boos|bang|verdrietig|wanhopig|"
	 "angstig|woedend|very bad|angry|afraid|scared|sad|desperate|furious"},
	{"negatief", "negative",
	 "slecht|onzeker|bezorgd|gefrustreerd|teleurgesteld|moe|bad|worried|"
	 "uncertain|frustrated|disappointed|tired"},
	{"neutraal", "neutral", "gaat wel|oke|ok|okay|so so|mwah"},
	{"positief", "positive",
	 "goed|tevreden|hoopvol|gerustgesteld|good|satisfied|content|hopeful|"
	 "reassured"},
	{"heel positief", "very positive",
	 "zeer positief|heel goed|zeer goed|blij|trots|opgelucht|very good|"
	 "happy|proud|relieved|great"},
};

/* The slugs of all mood words with their mood, made once (the reader
 * threads share it): the words of emotion_words in their order, so that
 * the first mood whose words hold a slug wins, as before. */
enum { MAX_MOOD_WORDS = 96 };
static struct mood_slug {
	char slug[MAX_WORD];
	long v;
} mood_slugs[MAX_MOOD_WORDS];
static size_t n_mood_slugs;
static pthread_once_t mood_slugs_once = PTHREAD_ONCE_INIT;

static void
mood_slug_add(const char *word, size_t len, long v)
{
	char one[MAX_WORD];
	if (len >= sizeof one || n_mood_slugs == MAX_MOOD_WORDS)
		abort(); /* the table above outgrew these sizes */
	memcpy(one, word, len);
	one[len] = '\0';
	struct mood_slug *m = &mood_slugs[n_mood_slugs++];
	if (text_slug_to(one, m->slug, sizeof m->slug) >= sizeof m->slug)
		abort();
	m->v = v;
}

static void
mood_slugs_make(void)
{
	for (long i = 0; i < 5; i++) {
		mood_slug_add(emotion_words[i].nl, strlen(emotion_words[i].nl), i - 2);
		mood_slug_add(emotion_words[i].en, strlen(emotion_words[i].en), i - 2);
		for (const char *w = emotion_words[i].also; *w != '\0';) {
			size_t len = strcspn(w, "|");
			mood_slug_add(w, len, i - 2);
			w += len + (w[len] == '|');
		}
	}
}

bool
value_emotion(const char *s, long *v)
{
	if (value_long(s, -2, 2, v))
		return true;
	char slug[MAX_WORD]; /* longer than any word: then no word matches */
	if (text_slug_to(s, slug, sizeof slug) >= sizeof slug)
		return false;
	pthread_once(&mood_slugs_once, mood_slugs_make);
	for (size_t i = 0; i < n_mood_slugs; i++)
		if (mood_slugs[i].slug[0] == slug[0] && strcmp(mood_slugs[i].slug, slug) == 0) {
			*v = mood_slugs[i].v;
			return true;
		}
	return false;
}

const char *
value_emotion_text(long v, int lang)
{
	if (v < -2 || v > 2)
		return NULL;
	return lang == LANG_NL ? emotion_words[v + 2].nl : emotion_words[v + 2].en;
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

/* The months by name and abbreviation, Dutch and English. */
static const struct word_value month_words[] = {
	{"januari", 1}, {"january", 1}, {"jan", 1},
	{"februari", 2}, {"february", 2}, {"feb", 2},
	{"maart", 3}, {"march", 3}, {"mrt", 3}, {"mar", 3}, {"mei", 5},
	{"april", 4}, {"apr", 4}, {"may", 5},
	{"juni", 6}, {"june", 6}, {"jun", 6},
	{"juli", 7}, {"july", 7}, {"jul", 7},
	{"augustus", 8}, {"august", 8}, {"aug", 8},
	{"september", 9}, {"sep", 9}, {"sept", 9},
	{"oktober", 10}, {"october", 10}, {"okt", 10}, {"oct", 10},
	{"november", 11}, {"nov", 11},
	{"december", 12}, {"dec", 12},
	{NULL, 0},
};

/* True when day/month/year is on the calendar (day 0: a whole month). */
static bool
date_exists(int year, int month, int day)
{
	static const int days_in[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1900 || year > 9999 || month < 1 || month > 12)
		return false;
	if (day == 0)
		return true;
	if (day < 1 || day > days_in[month - 1])
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return !(month == 2 && day == 29 && !leap);
}

/* Splits s into at most 3 parts at '-', '/', '.', ',' and blanks; each
 * part is at most 15 bytes. Returns how many, 4 when there are more. */
static int
date_parts(const char *s, char parts[3][16])
{
	int n = 0;
	while (*s) {
		size_t skip = strspn(s, "-/., \t");
		s += skip;
		if (*s == '\0')
			break;
		size_t len = strcspn(s, "-/., \t");
		if (n == 3 || len >= 16)
			return 4;
		memcpy(parts[n], s, len);
		parts[n][len] = '\0';
		n++;
		s += len;
	}
	return n;
}

static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (const char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return (int)strlen(s);
}

bool
value_date(const char *s, char iso[VALUE_DATE_SIZE])
{
	char parts[3][16];
	int n = date_parts(s, parts);
	int year = 0, month = 0, day = 0;
	int d0 = n > 0 ? all_digits(parts[0]) : 0;
	int d1 = n > 1 ? all_digits(parts[1]) : 0;
	int d2 = n > 2 ? all_digits(parts[2]) : 0;
	/* Year first is ISO: two digits for the month and the day. */
	if (n == 3 && d0 == 4 && d1 == 2 && d2 == 2) {
		/* 2025-03-12 */
		year = atoi(parts[0]), month = atoi(parts[1]), day = atoi(parts[2]);
	} else if (n == 2 && d0 == 4 && d1 == 2) {
		/* 2025-03: a month */
		year = atoi(parts[0]), month = atoi(parts[1]);
	} else if (n == 3 && d0 && d0 <= 2 && d1 && d1 <= 2 && d2 == 4) {
		/* 12-03-2025, 12/3/2025, 12.03.2025: day first, as Dutch write */
		day = atoi(parts[0]), month = atoi(parts[1]), year = atoi(parts[2]);
	} else if (n == 3 && d0 && d0 <= 2 && !d1 && d2 == 4) {
		/* 12 maart 2025 */
		day = atoi(parts[0]), month = lookup_word(parts[1], month_words);
		year = atoi(parts[2]);
	} else if (n == 3 && !d0 && d1 && d1 <= 2 && d2 == 4) {
		/* March 12, 2025 */
		month = lookup_word(parts[0], month_words), day = atoi(parts[1]);
		year = atoi(parts[2]);
	} else if (n == 2 && !d0 && d1 == 4) {
		/* maart 2025: a month */
		month = lookup_word(parts[0], month_words), year = atoi(parts[1]);
	} else {
		return false;
	}
	if (month == 0 || !date_exists(year, month, day) ||
	    (day == 0 && n == 3))
		return false;
	if (iso != NULL) {
		/* date_exists bounded them: 4, 2 and 2 digits. */
		char tmp[32];
		if (day == 0)
			snprintf(tmp, sizeof tmp, "%04d-%02d", year, month);
		else
			snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", year, month, day);
		memcpy(iso, tmp, VALUE_DATE_SIZE - 1);
		iso[VALUE_DATE_SIZE - 1] = '\0';
	}
	return true;
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
	char iso[VALUE_DATE_SIZE];
	if (s == NULL || !value_date(s, iso))
		return false;
	long year = atol(iso), month = atol(iso + 5);
	if (strlen(iso) == 10)
		*day = civil_day(year, month, atol(iso + 8));
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
value_date_or_duration(const char *s, long *days, char iso[VALUE_DATE_SIZE],
		       bool *is_date)
{
	*is_date = value_date(s, iso);
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

/* True when one of the '|'-separated words of list is word. */
static bool
list_holds(const char *list, const char *word)
{
	size_t len = strlen(word);
	while (*list) {
		size_t n = strcspn(list, "|");
		if (n == len && memcmp(list, word, len) == 0)
			return true;
		list += n + (list[n] == '|');
	}
	return false;
}

int
value_choice(enum choice_set set, const char *s)
{
	char slug[MAX_CHOICE_WORD]; /* longer than any word: none matches */
	if ((unsigned)set >= CHOICE__MAX ||
	    text_slug_to(s, slug, sizeof slug) >= sizeof slug)
		return 0;
	const struct choice_words *w = choice_sets[set];
	for (int v = 1; w[v - 1].nl != NULL; v++)
		if (strcmp(slug, w[v - 1].nl) == 0 || strcmp(slug, w[v - 1].en) == 0 ||
		    list_holds(w[v - 1].also, slug))
			return v;
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
		{"geen-inkomen", INCOME_NONE}, {"no-income", INCOME_NONE},
		{"uitkering", INCOME_BENEFIT}, {"benefit", INCOME_BENEFIT},
		{"bijstand", INCOME_BENEFIT}, {"ww", INCOME_BENEFIT},
		{"wia", INCOME_BENEFIT}, {"wao", INCOME_BENEFIT},
		{"wajong", INCOME_BENEFIT}, {"ziektewet", INCOME_BENEFIT},
		{"aow", INCOME_BENEFIT}, {"pensioen", INCOME_BENEFIT},
		{"benefits", INCOME_BENEFIT}, {"welfare", INCOME_BENEFIT},
		{"pension", INCOME_BENEFIT},
		{"loon", INCOME_WAGE}, {"wage", INCOME_WAGE},
		{"salaris", INCOME_WAGE}, {"salary", INCOME_WAGE},
		{"werk", INCOME_WAGE}, {"inkomen-uit-werk", INCOME_WAGE},
		{"wages", INCOME_WAGE}, {"work", INCOME_WAGE},
		{"gemengd", INCOME_MIXED}, {"mixed", INCOME_MIXED},
		{"beide", INCOME_MIXED}, {"both", INCOME_MIXED},
		{"loon-en-uitkering", INCOME_MIXED},
		{NULL, 0},
	};
	return lookup_word(s, words);
}

int
value_journey_kind(const char *s)
{
	static const struct word_value words[] = {
		{"huidig", KIND_AS_IS}, {"as-is", KIND_AS_IS},
		{"zoals-het-nu-is", KIND_AS_IS}, {"zoals-het-is", KIND_AS_IS},
		{"huidige-situatie", KIND_AS_IS}, {"nu", KIND_AS_IS},
		{"current", KIND_AS_IS}, {"as-it-is", KIND_AS_IS},
		{"gewenst", KIND_TO_BE}, {"to-be", KIND_TO_BE},
		{"zoals-we-het-willen", KIND_TO_BE},
		{"zoals-het-zou-moeten", KIND_TO_BE},
		{"gewenste-situatie", KIND_TO_BE}, {"desired", KIND_TO_BE},
		{"as-it-should-be", KIND_TO_BE}, {"future", KIND_TO_BE},
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

/* "1 dag", "3 weken", "2 years": n and its unit's word in a language. */
static int
count_words(char *out, size_t size, long n, const char *const unit[4], int lang)
{
	const char *word = unit[(lang == LANG_NL ? 0 : 2) + (n != 1)];
	return snprintf(out, size, "%ld %s", n, word);
}

const char *
value_duration_words(char out[VALUE_DURATION_WORDS], long days, int lang)
{
	static const char *const day[] = {"dag", "dagen", "day", "days"};
	static const char *const week[] = {"week", "weken", "week", "weeks"};
	static const char *const month[] = {"maand", "maanden", "month", "months"};
	static const char *const year[] = {"jaar", "jaar", "year", "years"};
	const char *joined = lang == LANG_NL ? " en " : " and ";
	size_t size = VALUE_DURATION_WORDS;
	if (days < 14) {
		count_words(out, size, days, day, lang);
	} else if (days % 365 == 0) {
		count_words(out, size, days / 365, year, lang);
	} else if (days % 30 == 0 && days < 730) {
		count_words(out, size, days / 30, month, lang);
	} else if (days % 7 == 0 && days < 91) {
		count_words(out, size, days / 7, week, lang);
	} else if (days < 61) {
		int n = count_words(out, size, days / 7, week, lang);
		if (days % 7 != 0 && n > 0 && (size_t)n < size) {
			snprintf(out + n, size - (size_t)n, "%s", joined);
			size_t len = strlen(out);
			count_words(out + len, size - len, days % 7, day, lang);
		}
	} else if (days < 730) {
		long n = (days + 15) / 30;
		const char *about = days == n * 30 ? ""
				  : days > n * 30 ? (lang == LANG_NL ? "ruim " : "just over ")
						  : (lang == LANG_NL ? "bijna " : "almost ");
		size_t len = (size_t)snprintf(out, size, "%s", about);
		count_words(out + len, size - len, n, month, lang);
	} else {
		long years = days / 365, months = (days % 365 + 15) / 30;
		if (months >= 12)
			years++, months = 0;
		int n = count_words(out, size, years, year, lang);
		if (months > 0 && n > 0 && (size_t)n < size) {
			snprintf(out + n, size - (size_t)n, "%s", joined);
			size_t len = strlen(out);
			count_words(out + len, size - len, months, month, lang);
		}
	}
	return out;
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
