/* values.h - parsing the values people write: durations, emotions, yes/no, whole numbers, dates, income and journey kind. Included by: chain.c, model.c, pathway_labels.c, read_md*.c, read_json_value.c, report.c, rules_move.c, write_json.c, write_md.c, tests/unit/. */
#ifndef KETEN_VALUES_H
#define KETEN_VALUES_H

#include "model.h"

#include <stdbool.h>

/* The longest duration there is: a hundred years, in days. */
#define VALUE_MAX_DAYS 36500

/* "6 weken" -> 42 (days; week 7, month 30, year 365); a decimal part is
 * allowed ("2,5 maanden", "2.5 months" -> 75, rounded to whole days).
 * False if invalid or longer than VALUE_MAX_DAYS. */
bool value_duration(const char *s, long *days);
/* "-2".."+2", or the words heel negatief … heel positief (nl, en). */
bool value_emotion(const char *s, long *v);
/* ja/nee/yes/no/true/false, any case: YESNO_YES or YESNO_NO;
 * onbekend/unknown: YESNO_UNKNOWN; 0 if invalid. */
int value_yesno(const char *s);
/* A whole number (optional sign) within [min, max]. */
bool value_long(const char *s, long min, long max, long *v);
/* An ISO date YYYY-MM-DD that exists on the calendar, or a month YYYY-MM. */
bool value_date(const char *s);
/* True for onbekend/unknown: a position or value the source does not give. */
bool value_is_unknown(const char *s);
/* A date or a duration from a starting point (`due`): one is set. */
bool value_date_or_duration(const char *s, long *days, bool *is_date);

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

/* geen/none, uitkering/benefit, loon/wage, gemengd/mixed: enum income; 0 if invalid. */
int value_income(const char *s);
/* huidig/as-is, gewenst/to-be: enum journey_kind; 0 if invalid. */
int value_journey_kind(const char *s);

/* A duration in days written back in the largest unit that divides it
 * ("8 maanden", "6 weeks"). Caller frees. */
char *value_duration_text(long days, int lang);
/* The words of an income or a journey kind in a language. */
const char *value_income_text(int income, int lang);
const char *value_journey_kind_text(int kind, int lang);

#endif
