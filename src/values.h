/* values.h - parsing the values people write: durations, emotions, yes/no, whole numbers, dates, income and journey kind. Included by: chain.c, model.c, pathway_labels.c, report.c, read_md*.c, read_json_value.c, rules_*.c, map.c, write_json.c, write_md.c, tests/unit/. */
#ifndef KETEN_VALUES_H
#define KETEN_VALUES_H

#include "model.h"

#include <stdbool.h>

/* The longest duration there is: a hundred years, in days. */
#define VALUE_MAX_DAYS 36500

/* "6 weken" -> 42 (days; week 7, month 30, year 365); a decimal part is
 * allowed ("2,5 maanden", "2.5 months" -> 75, rounded to whole days), so
 * are number words ("twee weken", "anderhalf jaar", "een half jaar", "a
 * week") and abbreviations ("3 mnd", "2 wk", "1 jr", "3mnd").
 * False if invalid or longer than VALUE_MAX_DAYS. */
bool value_duration(const char *s, long *days);
/* True when s starts with a duration in digits and a unit written out,
 * followed by more text ("8 weken op een besluit"): *days, and *len the
 * bytes it takes. */
bool value_starts_with_duration(const char *s, long *days, size_t *len);
/* "-2".."+2", or a word for a mood (nl, en): heel negatief … heel
 * positief and the words people use, such as boos, bang, verdrietig,
 * gaat wel, tevreden, blij, trots (docs/formats.md lists them). */
bool value_emotion(const char *s, long *v);
/* The word the report and the diagrams write for a mood -2..+2 (one the
 * reader takes); NULL outside. */
const char *value_emotion_text(long v, int lang);
/* ja/nee/yes/no/true/false, any case: YESNO_YES or YESNO_NO;
 * onbekend/unknown: YESNO_UNKNOWN; 0 if invalid. */
int value_yesno(const char *s);
/* A whole number (optional sign) within [min, max]. */
bool value_long(const char *s, long min, long max, long *v);
/* "2025-03-12" with its NUL; a month "2025-03" fits too. */
#define VALUE_DATE_SIZE 11
/* A date that exists on the calendar, as ISO (2025-03-12) or as Dutch
 * write it (12-03-2025, 12/3/2025, 12 maart 2025, 12 mrt 2025, March 12,
 * 2025), or a month (2025-03, maart 2025); iso (may be NULL) gets the
 * ISO form. */
bool value_date(const char *s, char iso[VALUE_DATE_SIZE]);
/* The day number of a date value_date accepts (days since 1970-01-01);
 * a month is its first day, or its last when month_end. */
bool value_date_day(const char *s, bool month_end, long *day);
/* True for onbekend/unknown: a position or value the source does not give. */
bool value_is_unknown(const char *s);
/* A date or a duration from a starting point (`due`): one is set (a date
 * in iso). */
bool value_date_or_duration(const char *s, long *days, char iso[VALUE_DATE_SIZE],
			    bool *is_date);

/* The sets of words the formats choose from (enum choice_set, model.h):
 * the value a word names (1..), 0 if invalid; the first word in a
 * language; the canonical JSON name (the first English word); all words
 * of a language joined by ", " (caller frees); and the word nearest to s
 * when s is a likely typo, else NULL. */
int value_choice(enum choice_set set, const char *s);
const char *value_choice_text(enum choice_set set, int v, int lang);
const char *value_choice_name(enum choice_set set, int v);
char *value_choice_list(enum choice_set set, int lang);
const char *value_choice_suggest(enum choice_set set, const char *s);

/* geen/none, uitkering/benefit (bijstand, ww, wia, aow, pensioen…),
 * loon/wage (salaris, werk…), gemengd/mixed (beide): enum income; 0 if
 * invalid. */
int value_income(const char *s);
/* huidig/as-is (zoals het nu is), gewenst/to-be (zoals we het willen):
 * enum journey_kind; 0 if invalid. */
int value_journey_kind(const char *s);

/* A duration in days written back in the largest unit that divides it
 * ("8 maanden", "6 weeks"), exact, for the export. Caller frees. */
char *value_duration_text(long days, int lang);

/* Room for any text value_duration_words writes. */
#define VALUE_DURATION_WORDS 48

/* A duration in days as people say it, for messages and pictures
 * (docs/formats.md, "Durations"): days under two weeks ("10 dagen"); a
 * whole number of years, of months under two years or of weeks under 13
 * weeks as such ("1 jaar", "10 maanden", "10 weken"); else weeks and days
 * under 61 days ("6 weken en 3 dagen"), months under two years ("ruim 3
 * maanden", "bijna 3 maanden"), then years and months ("2 jaar en 3
 * maanden"). Writes into out and returns it. */
const char *value_duration_words(char out[VALUE_DURATION_WORDS], long days, int lang);
/* The words of an income or a journey kind in a language. */
const char *value_income_text(int income, int lang);
const char *value_journey_kind_text(int kind, int lang);

#endif
