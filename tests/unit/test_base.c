/* test_base.c - unit tests of the base: UTF-8, slugs, distances, values, vocabulary, the id map and the message catalogue. */
#include "harness.h"

#include "catalog.h"
#include "diag.h"
#include "idmap.h"
#include "mem.h"
#include "model.h"
#include "text.h"
#include "values.h"
#include "vocab.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
slug_is(const char *in, const char *want)
{
	char *got = text_slug(in);
	STR_EQ(got, want);
	free(got);
}

TEST(text_slug_folds_accents_and_runs)
{
	slug_is("Melding bij het sociaal team", "melding-bij-het-sociaal-team");
	slug_is("Financiële check", "financiele-check");
	slug_is("  --Ĳsselstein!!", "ijsselstein");
	slug_is("Crème brûlée & œuvre", "creme-brulee-oeuvre");
	slug_is("persona's", "persona-s");
	slug_is("€ ’ —", "");
	slug_is("STRAßE", "strasse");
	slug_is("Nguyễn", "nguyen");
	slug_is("Noe\xCC\x88l", "noel"); /* decomposed: e and U+0308 */
	slug_is("ẞtraße", "sstrasse");
	slug_is("\xEF\xAC\x81" "ets", "fiets"); /* the ligature fi */
	slug_is("Ærø Łódź", "aero-lodz");
	slug_is("محمد علي", "محمد-علي");
	slug_is("王芳", "王芳");
	slug_is("Мария", "мария");
}

TEST(text_is_slug)
{
	CHECK(text_is_slug("samira-werk"));
	CHECK(text_is_slug("a1"));
	CHECK(!text_is_slug(""));
	CHECK(!text_is_slug("-a"));
	CHECK(!text_is_slug("a--b"));
	CHECK(!text_is_slug("a-"));
	CHECK(!text_is_slug("Samira"));
	CHECK(text_is_slug("王芳"));
	CHECK(text_is_slug("محمد-علي"));
	CHECK(!text_is_slug("Мария"));
}

TEST(utf8_validation_finds_first_bad_byte)
{
	size_t bad = 99;
	CHECK(utf8_valid("gewoon ë € 😀", strlen("gewoon ë € 😀"), &bad));
	CHECK(!utf8_valid("ab\xC3(", 4, &bad));
	INT_EQ(bad, 2);
	CHECK(!utf8_valid("\xED\xA0\x80", 3, &bad)); /* a surrogate */
	CHECK(!utf8_valid("\xC0\xAF", 2, &bad));     /* overlong */
	CHECK(!utf8_valid("\xF4\x90\x80\x80", 4, &bad)); /* above U+10FFFF */
	INT_EQ(utf8_count("ëë€", strlen("ëë€")), 3);
}

TEST(text_casefold_ascii_and_beyond)
{
	char *folded = text_casefold("Wmo-Consulent", 13);
	STR_EQ(folded, "wmo-consulent");
	free(folded);
	folded = text_casefold("\xC4\xB0K \xC3\x89\xC3\x89N \xFF", 11);
	STR_EQ(folded, "ik \xC3\xA9\xC3\xA9n \xFF");
	free(folded);
	struct buf b = {0};
	buf_puts(&b, "al: ");
	text_casefold_to(&b, "ABC", 2);
	STR_EQ(buf_str(&b), "al: ab");
	buf_free(&b);
}

TEST(text_distance_and_nearest)
{
	INT_EQ(text_distance("toelichting", "toelichtng"), 1);
	INT_EQ(text_distance("", "abc"), 3);
	INT_EQ(text_distance("kitten", "sitting"), 3);
	const char *keys[] = {"toelichting", "tekst", "duur"};
	INT_EQ(text_nearest("toelichtng", keys, 3), 0);
	INT_EQ(text_nearest("TEKS", keys, 3), 1);
	INT_EQ(text_nearest("wolkenkrabber", keys, 3), -1);
}

TEST(values_durations)
{
	long days = 0;
	CHECK(value_duration("6 weken", &days));
	INT_EQ(days, 42);
	CHECK(value_duration("8 maanden", &days));
	INT_EQ(days, 240);
	CHECK(value_duration("1 jaar", &days));
	INT_EQ(days, 365);
	CHECK(value_duration("3 Days", &days));
	INT_EQ(days, 3);
	CHECK(value_duration("1 week", &days));
	INT_EQ(days, 7);
	CHECK(!value_duration("weken", &days));
	CHECK(value_duration("6weken", &days));
	INT_EQ(days, 42);
	CHECK(!value_duration("6 eeuwen", &days));
	CHECK(!value_duration("-2 dagen", &days));
	CHECK(!value_duration("1234567 dagen", &days));
	char *text = value_duration_text(240, LANG_NL);
	STR_EQ(text, "8 maanden");
	free(text);
	text = value_duration_text(42, LANG_EN);
	STR_EQ(text, "6 weeks");
	free(text);
	text = value_duration_text(1, LANG_NL);
	STR_EQ(text, "1 dag");
	free(text);
}

TEST(values_durations_in_words)
{
	char w[VALUE_DURATION_WORDS];
	STR_EQ(value_duration_words(w, 1, LANG_NL), "1 dag");
	STR_EQ(value_duration_words(w, 10, LANG_NL), "10 dagen");
	STR_EQ(value_duration_words(w, 14, LANG_EN), "2 weeks");
	STR_EQ(value_duration_words(w, 45, LANG_NL), "6 weken en 3 dagen");
	STR_EQ(value_duration_words(w, 43, LANG_EN), "6 weeks and 1 day");
	STR_EQ(value_duration_words(w, 300, LANG_NL), "10 maanden");
	STR_EQ(value_duration_words(w, 100, LANG_NL), "ruim 3 maanden");
	STR_EQ(value_duration_words(w, 80, LANG_EN), "almost 3 months");
	STR_EQ(value_duration_words(w, 30, LANG_NL), "1 maand");
	STR_EQ(value_duration_words(w, 70, LANG_NL), "10 weken");
	STR_EQ(value_duration_words(w, 365, LANG_EN), "1 year");
	STR_EQ(value_duration_words(w, 730, LANG_NL), "2 jaar");
	STR_EQ(value_duration_words(w, 820, LANG_EN), "2 years and 3 months");
	STR_EQ(value_duration_words(w, 1090, LANG_NL), "3 jaar");
	STR_EQ(value_duration_words(w, 36500, LANG_EN), "100 years");
}

TEST(values_emotion_yesno_date)
{
	long v = 9;
	CHECK(value_emotion("+1", &v));
	INT_EQ(v, 1);
	CHECK(value_emotion("-2", &v));
	INT_EQ(v, -2);
	CHECK(value_emotion("Heel negatief", &v));
	INT_EQ(v, -2);
	CHECK(value_emotion("very positive", &v));
	INT_EQ(v, 2);
	CHECK(value_emotion("neutraal", &v));
	INT_EQ(v, 0);
	CHECK(!value_emotion("3", &v));
	CHECK(value_emotion("blij", &v));
	INT_EQ(v, 2);
	CHECK(value_emotion("Gaat wel", &v));
	INT_EQ(v, 0);
	CHECK(value_emotion("heel slecht", &v));
	INT_EQ(v, -2);
	CHECK(value_emotion("tevreden", &v));
	INT_EQ(v, 1);
	CHECK(value_emotion("sad", &v));
	INT_EQ(v, -2);
	CHECK(!value_emotion("lalala", &v));
	CHECK(value_emotion("Great!", &v)); /* the last word of the table */
	INT_EQ(v, 2);
	CHECK(value_emotion("so-so", &v)); /* a word of two, by its slug */
	INT_EQ(v, 0);
	CHECK(!value_emotion("blije", &v) && !value_emotion("bl", &v) && !value_emotion("!", &v));
	STR_EQ(value_emotion_text(-2, LANG_NL), "heel negatief");
	STR_EQ(value_emotion_text(1, LANG_EN), "positive");
	/* The words the report and the diagrams write are read back. */
	for (long k = -2; k <= 2; k++) {
		CHECK(value_emotion(value_emotion_text(k, LANG_NL), &v));
		INT_EQ(v, k);
		CHECK(value_emotion(value_emotion_text(k, LANG_EN), &v));
		INT_EQ(v, k);
	}
	INT_EQ(value_yesno("JA"), YESNO_YES);
	INT_EQ(value_yesno("false"), YESNO_NO);
	INT_EQ(value_yesno("misschien"), 0);
	char iso[VALUE_DATE_SIZE];
	CHECK(value_date("2024-02-29", NULL));
	CHECK(!value_date("2023-02-29", NULL));
	CHECK(!value_date("2024-13-01", NULL));
	CHECK(value_date("1-2-2024", iso));
	STR_EQ(iso, "2024-02-01");
	CHECK(value_date("12 maart 2025", iso));
	STR_EQ(iso, "2025-03-12");
	CHECK(value_date("12 mrt. 2025", iso));
	STR_EQ(iso, "2025-03-12");
	CHECK(value_date("March 12, 2025", iso));
	STR_EQ(iso, "2025-03-12");
	CHECK(value_date("12/03/2025", iso));
	STR_EQ(iso, "2025-03-12");
	CHECK(value_date("maart 2025", iso));
	STR_EQ(iso, "2025-03");
	CHECK(!value_date("31 april 2025", NULL));
	CHECK(!value_date("12 maart", NULL));
	CHECK(!value_date("maart", NULL));
	INT_EQ(value_income("bijstand"), INCOME_BENEFIT);
	INT_EQ(value_income("Salaris"), INCOME_WAGE);
	INT_EQ(value_journey_kind("zoals het nu is"), KIND_AS_IS);
	INT_EQ(value_journey_kind("Zoals we het willen"), KIND_TO_BE);
	INT_EQ(value_income("Uitkering"), INCOME_BENEFIT);
	INT_EQ(value_journey_kind("to-be"), KIND_TO_BE);
	INT_EQ(value_journey_kind("gewenst"), KIND_TO_BE);
	INT_EQ(value_journey_kind("later"), 0);
}

TEST(values_version_2)
{
	long days = 0;
	bool is_date = false;
	CHECK(value_duration("2,5 maanden", &days));
	INT_EQ(days, 75);
	CHECK(value_duration("2.5 months", &days));
	INT_EQ(days, 75);
	CHECK(value_duration("1,5 week", &days));
	INT_EQ(days, 11); /* 10.5 rounds up */
	CHECK(!value_duration(",5 week", &days));
	CHECK(!value_duration("1,2345 week", &days));
	CHECK(!value_duration("1, week", &days));
	CHECK(value_duration("3 mnd", &days));
	INT_EQ(days, 90);
	CHECK(value_duration("anderhalf jaar", &days));
	INT_EQ(days, 548);
	CHECK(value_duration("een half jaar", &days));
	INT_EQ(days, 183);
	CHECK(value_duration("twee weken", &days));
	INT_EQ(days, 14);
	CHECK(value_duration("2,5 week", &days));
	INT_EQ(days, 18);
	CHECK(value_duration("a week", &days));
	INT_EQ(days, 7);
	CHECK(!value_duration("8 weken op een besluit", &days));
	CHECK(!value_duration("een paar weken", &days));
	size_t len = 0;
	CHECK(value_starts_with_duration("8 weken op een besluit", &days, &len));
	INT_EQ(days, 56);
	INT_EQ(len, 7);
	CHECK(!value_starts_with_duration("reactie binnen 2 weken", &days, &len));
	CHECK(value_date("2025-02", NULL));
	CHECK(!value_date("2025-13", NULL));
	CHECK(!value_date("2025-2", NULL));
	INT_EQ(value_yesno("Onbekend"), YESNO_UNKNOWN);
	INT_EQ(value_yesno("unknown"), YESNO_UNKNOWN);
	CHECK(value_is_unknown("Onbekend"));
	CHECK(!value_is_unknown("thuis"));
	char iso[VALUE_DATE_SIZE];
	CHECK(value_date_or_duration("2026-03", &days, iso, &is_date) && is_date);
	CHECK(value_date_or_duration("2 weken", &days, iso, &is_date) && !is_date);
	INT_EQ(days, 14);
	INT_EQ(value_choice(CHOICE_STATUS, "Wachtlijst"), STATUS_WAITING_LIST);
	INT_EQ(value_choice(CHOICE_STATUS, "waiting list"), STATUS_WAITING_LIST);
	INT_EQ(value_choice(CHOICE_CHANNEL, "e-mail"), CHANNEL_EMAIL);
	INT_EQ(value_choice(CHOICE_HANDLED, "doorverwezen"), HANDLED_REDIRECTED);
	INT_EQ(value_choice(CHOICE_CONTACTS, "half"), 0);
	INT_EQ(value_choice(CHOICE_CHANNEL, "Website"), CHANNEL_PORTAL); /* an other spelling */
	INT_EQ(value_choice(CHOICE_CHANNEL, "app"), CHANNEL_PORTAL);
	INT_EQ(value_choice(CHOICE_CHANNEL, "ap"), 0);
	INT_EQ(value_choice(CHOICE_CHANNEL, "apps"), 0);
	STR_EQ(value_choice_name(CHOICE_CORRECT, CORRECT_PARTLY), "partly");
	STR_EQ(value_choice_text(CHOICE_CHANNEL, CHANNEL_PORTAL, LANG_NL), "portaal");
	STR_EQ(value_choice_suggest(CHOICE_STATUS, "zieke"), "ziek");
	char *list = value_choice_list(CHOICE_DIRECTION, LANG_NL);
	STR_EQ(list, "in, uit");
	free(list);
}

/* Day numbers of dates, for a promise's due (K015). */
TEST(value_date_days)
{
	long day = 0, end = 0;
	CHECK(value_date_day("1970-01-01", false, &day));
	INT_EQ(day, 0);
	CHECK(value_date_day("2026-03-01", false, &day));
	CHECK(value_date_day("2026-04-30", false, &end));
	INT_EQ(end - day, 60);
	CHECK(value_date_day("2026-04", true, &day));
	INT_EQ(day, end);
	CHECK(value_date_day("2024-02", true, &end));
	CHECK(value_date_day("2024-02-01", false, &day));
	INT_EQ(end - day, 28); /* a leap year */
	CHECK(value_date_day("2025-12", true, &day));
	CHECK(value_date_day("2026-01-01", false, &end));
	INT_EQ(end - day, 1);
	CHECK(!value_date_day("2026-13", false, &day));
	CHECK(!value_date_day(NULL, false, &day));
}

TEST(touchpoint_classes)
{
	struct touchpoint tp = {0};
	tp.kind = TP_COMPLAINT;
	INT_EQ(touchpoint_class(&tp), TPC_OUTGOING);
	tp.kind = TP_REJECTION;
	INT_EQ(touchpoint_class(&tp), TPC_TO_PERSON | TPC_DECISION);
	tp.kind = TP_PROMISE;
	tp.channel.v = CHANNEL_CONVERSATION;
	INT_EQ(touchpoint_class(&tp), TPC_AGREEMENT | TPC_PERSONAL);
	CHECK(!touchpoint_is_personal(&tp)); /* version 1 looks at kinds alone */
	tp.kind = TP_PAYMENT;
	tp.channel.v = CHANNEL_UNSET;
	tp.direction.v = DIRECTION_OUT;
	INT_EQ(touchpoint_class(&tp), TPC_MONEY_POSITIVE | TPC_OUTGOING);
	tp.kind = TP_HANDOVER;
	tp.direction.v = DIRECTION_UNSET;
	CHECK(touchpoint_is_personal(&tp));
	tp.warm.v = YESNO_UNKNOWN;
	CHECK(touchpoint_is_personal(&tp));
	tp.warm.v = YESNO_NO;
	CHECK(!touchpoint_is_personal(&tp));
	INT_EQ(touchpoint_class(&tp), 0);
	CHECK(tp_kind_is_written(TP_PORTAL));
	CHECK(!tp_kind_is_written(TP_APPLICATION));
	for (int k = 0; k < TP__MAX; k++)
		CHECK(vocab_name(VOCAB_TP_KIND, k, LANG_NL) != NULL);
}

TEST(vocab_lookup_folds_keys)
{
	INT_EQ(vocab_find(VOCAB_TP_KIND, "Financiële Check"), TP_FINANCIAL_CHECK);
	INT_EQ(vocab_find(VOCAB_TP_KIND, "keukentafelgesprek"), TP_CONVERSATION);
	INT_EQ(vocab_find(VOCAB_TP_KIND, "E-mail"), TP_EMAIL);
	INT_EQ(vocab_find(VOCAB_TP_ATTR, " TOELICHTING "), TA_EXPLAINED);
	INT_EQ(vocab_find(VOCAB_STAGE_ATTR, "aanbieder"), SA_ORGANISATION);
	INT_EQ(vocab_find(VOCAB_STAGE_ATTR, "brief"), -1);
	INT_EQ(vocab_find(VOCAB_PERSONA_SECTION, "Sterke punten"), PS_TALENTS);
	STR_EQ(vocab_name(VOCAB_TP_KIND, TP_FINANCIAL_CHECK, LANG_NL), "inkomenscheck");
	STR_EQ(vocab_name(VOCAB_TP_KIND, TP_FINANCIAL_CHECK, LANG_EN), "financial check");
	STR_EQ(vocab_canonical(VOCAB_STAGE_ATTR, SA_DURATION), "duration_days");
	STR_EQ(vocab_suggest(VOCAB_BIT(VOCAB_TP_ATTR), "toelichtng"), "toelichting");
	CHECK(vocab_suggest(VOCAB_BIT(VOCAB_TP_ATTR), "olifant") == NULL);
}

/* The printf conversions of a format, in order ("%s%d" for "a %s b %d"). */
static void
conversions(const char *fmt, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = fmt; *p && n + 3 < size; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		out[n++] = '%';
		while (*p && strchr("0123456789.-+ #lzh", *p))
			out[n++] = *p++;
		out[n++] = *p;
		if (!*p)
			break;
	}
	out[n] = '\0';
}

/* The compiler checks every call that names an id (catalog.h); this checks
 * the whole table, also the entries only ever looked up by a variable id. */
TEST(catalog_languages_take_the_same_arguments)
{
	for (int m = 0; m < MSG__MAX; m++) {
		char nl[64], en[64];
		conversions((msg)(LANG_NL, m), nl, sizeof nl);
		conversions((msg)(LANG_EN, m), en, sizeof en);
		if (strcmp(nl, en) != 0)
			fprintf(stderr, "message %d: '%s' vs '%s'\n", m, nl, en);
		CHECK(strcmp(nl, en) == 0);
		CHECK(*(msg)(LANG_NL, m) != '\0');
	}
}

TEST(codes_catalogue)
{
	INT_EQ(code_parse("s001"), CODE_S001);
	INT_EQ(code_parse("K014"), CODE_K014);
	INT_EQ(code_parse("K025"), CODE_K025);
	INT_EQ(code_parse("K026"), -1);
	CHECK(!code_is_friction(CODE_K011));
	CHECK(code_is_rule(CODE_K011));
	STR_EQ(code_info(CODE_S006)->slug_en, "unknown-key");
	INT_EQ(code_info(CODE_S006)->severity, SEV_WARNING);
	INT_EQ(code_info(CODE_K012)->severity, SEV_ERROR);
}

TEST(diags_sort_is_stable_by_place)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	struct loc b2 = {"b.md", 2, 1}, a9 = {"a.md", 9, 3}, a1 = {"a.md", 1, 1};
	diag_emit(&d, CODE_S006, &b2, M_S006_KEY, "x");
	diag_emit(&d, CODE_S005, &a9, M_S005_AGE, "y");
	diag_emit(&d, CODE_S002, &a1, M_S002_NO_H1);
	diag_emit(&d, CODE_S001, &a9, M_S001_EMPTY);
	diags_sort(&d);
	STR_EQ(d.items[0].file, "a.md");
	INT_EQ(d.items[0].line, 1);
	INT_EQ(d.items[1].code, CODE_S001);
	INT_EQ(d.items[2].code, CODE_S005);
	STR_EQ(d.items[3].file, "b.md");
	STR_EQ(d.items[2].message, "age 'y' is not a whole number from 0 to 120");
	INT_EQ(d.n, 4);
	diags_free(&d);
}

TEST(arena_and_buffers)
{
	struct arena *a = arena_new();
	char *big = arena_alloc(a, 100000);
	CHECK(big[99999] == 0);
	for (int i = 0; i < 10000; i++)
		arena_strdup(a, "een tekst van enige lengte");
	arena_free(&a);
	CHECK(a == NULL);
	struct buf b = {0};
	STR_EQ(buf_str(&b), "");
	buf_printf(&b, "%d-%s", 7, "x");
	buf_putc(&b, '!');
	STR_EQ(buf_str(&b), "7-x!");
	char *s = buf_detach(&b);
	STR_EQ(s, "7-x!");
	free(s);
}

TEST(idmap_keeps_the_first_value_and_grows)
{
	struct idmap m = {0};
	size_t v = 99;
	CHECK(!idmap_find(&m, "a", 1, &v));
	INT_EQ(idmap_add(&m, "a", 1, 7), 7);
	INT_EQ(idmap_add(&m, "a", 1, 8), 7); /* the first wins */
	INT_EQ(idmap_add(&m, "", 0, 3), 3);  /* the empty key is a key */
	INT_EQ(idmap_add(&m, "a\0b", 3, 4), 4); /* bytes, NULs included */
	CHECK(idmap_find(&m, "a\0b", 3, &v) && v == 4);
	CHECK(!idmap_find(&m, "a\0c", 3, NULL));
	char key[16];
	for (size_t i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "id-%zu", i);
		idmap_add(&m, key, strlen(key), i);
	}
	INT_EQ(m.n, 1003);
	CHECK(idmap_find(&m, "id-512", 6, &v) && v == 512);
	CHECK(idmap_find(&m, "", 0, &v) && v == 3);
	CHECK(idmap_bytes(&m) > 0);
	idmap_free(&m);
	CHECK(!idmap_find(&m, "a", 1, NULL));
	INT_EQ(idmap_add(&m, "a", 1, 1), 1);
	idmap_free(&m);
}

TEST(arena_latest_allocation_resizes_and_goes)
{
	struct arena *a = arena_new();
	char *p = arena_alloc_uninit(a, 10);
	CHECK(((size_t)p & 15) == 0);
	CHECK(arena_resize_last(a, p, 1000)); /* room in the block */
	char *q = arena_alloc(a, 8);
	CHECK(q >= p + 1000);
	CHECK(!arena_resize_last(a, p, 2000)); /* no longer the latest */
	arena_release_last(a, q);
	CHECK(arena_alloc_uninit(a, 8) == q); /* given back, taken again */
	char *big = arena_alloc_uninit(a, 1 << 20); /* a block of its own */
	CHECK(!arena_resize_last(a, big, (1 << 20) + 16));
	big[(1 << 20) - 1] = 'x';
	arena_reset(a, 64 * 1024); /* keeps the 64 KiB block only */
	arena_reserve(a, 200 * 1024);
	char *r = arena_alloc_uninit(a, 150 * 1024);
	r[150 * 1024 - 1] = 'y';
	arena_free(&a);
	CHECK(a == NULL);
}

/* xasprintf writes the common conversions itself: byte for byte what
 * snprintf writes, at the edges of each type, short and long. */
#define SAME_AS_SNPRINTF(...)                                              \
	do {                                                                   \
		char want[1024];                                               \
		snprintf(want, sizeof want, __VA_ARGS__);                      \
		char *got = xasprintf(__VA_ARGS__);                            \
		STR_EQ(got, want);                                             \
		free(got);                                                     \
	} while (0)

TEST(xasprintf_writes_as_snprintf)
{
	const char *null_text = getenv("KETEN_TEST_NOT_SET"); /* NULL, unknown to the compiler */
	int int_max = (int)(~0u >> 1), int_min = -int_max - 1; /* src/limits.h hides <limits.h> */
	long long_max = (long)(~0ul >> 1), long_min = -long_max - 1;
	char long_text[600];
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	SAME_AS_SNPRINTF("plain text, no conversion");
	SAME_AS_SNPRINTF("%s", "");
	SAME_AS_SNPRINTF("%s and %s", "één", null_text);
	SAME_AS_SNPRINTF("%d %d %d %d", 0, -1, int_min, int_max);
	SAME_AS_SNPRINTF("%ld|%ld|%lu|%lu", long_min, long_max, 0ul, ~0ul);
	SAME_AS_SNPRINTF("%zu of %zu", (size_t)0, SIZE_MAX);
	SAME_AS_SNPRINTF("100%% %s%%", "sure");
	SAME_AS_SNPRINTF("[%s] %d", long_text, 42); /* longer than the first pass */
	SAME_AS_SNPRINTF("%s", long_text + sizeof long_text - 256); /* 255 bytes: fits */
	SAME_AS_SNPRINTF("%s", long_text + sizeof long_text - 257); /* 256: one byte over */
	SAME_AS_SNPRINTF("%+d %02X %5s %.1f", 3, 10, "ab", 2.25); /* vsnprintf's own */
	SAME_AS_SNPRINTF("%s ends with a lone %d%s", "it", 7, "%");
}
