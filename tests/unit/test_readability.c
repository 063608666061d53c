/* test_readability.c - unit tests of words, sentences, syllables, the Flesch–Douma score and jargon matching. */
#include "harness.h"

#include "mem.h"
#include "readability.h"

#include <math.h>
#include <stdlib.h>

/* Splits text and checks the three counts. */
static void
counts_are(const char *text, size_t words, size_t sentences, size_t syllables)
{
	struct words w = {0};
	words_split(text, &w);
	INT_EQ(w.n, words);
	INT_EQ(w.sentences, sentences);
	INT_EQ(w.syllables, syllables);
	words_free(&w);
}

/* Checks that text splits into exactly the words listed, separated by '|'. */
static void
words_are(const char *text, const char *want)
{
	struct words w = {0};
	words_split(text, &w);
	struct buf got = {0};
	for (size_t i = 0; i < w.n; i++) {
		if (i > 0)
			buf_putc(&got, '|');
		buf_add(&got, w.text + w.spans[i].start, w.spans[i].len);
	}
	STR_EQ(buf_str(&got), want);
	buf_free(&got);
	words_free(&w);
}

static double
score_of(const char *text)
{
	struct words w = {0};
	words_split(text, &w);
	double score = -1000;
	CHECK(readability_score(&w, &score));
	words_free(&w);
	return score;
}

#define NEAR(got, want) CHECK(fabs((got) - (want)) < 0.005)

TEST(readability_b1_sentences_score_high)
{
	/* wij stu-ren u een brief (6) / u krijgt het geld bin-nen twee we-ken (9) */
	const char *text = "Wij sturen u een brief. U krijgt het geld binnen twee weken.";
	counts_are(text, 12, 2, 15);
	double score = score_of(text);
	NEAR(score, 206.84 - 0.93 * 6.0 - 77.0 * 15.0 / 12.0); /* 105.01 */
	CHECK(score > 60);
}

TEST(readability_bureaucratic_sentence_scores_low)
{
	/* De(1) be-schik-king(3) in-za-ke(3) de(1) toe-ken-ning(3) van(1) de(1)
	 * maat-werk-voor-zie-ning(5) wordt(1) con-form(2) de(1) ver-or-de-ning(4)
	 * maat-schap-pe-lij-ke(5) on-der-steu-ning(4) vast-ge-steld(3) = 38 */
	const char *text = "De beschikking inzake de toekenning van de maatwerkvoorziening "
			   "wordt conform de verordening maatschappelijke ondersteuning "
			   "vastgesteld.";
	counts_are(text, 15, 1, 38);
	double score = score_of(text);
	NEAR(score, 206.84 - 0.93 * 15.0 - 77.0 * 38.0 / 15.0); /* -2.18 */
	CHECK(score < 60);
}

TEST(readability_no_words_no_score)
{
	const char *texts[] = {"", "   \n\t  ", "...!?", " - ' ’ ", "€ % & *", "\xC2\xA0\xE2\x80\x83"};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct words w = {0};
		words_split(texts[i], &w);
		INT_EQ(w.n, 0);
		INT_EQ(w.sentences, 0);
		INT_EQ(w.syllables, 0);
		double score = 42;
		CHECK(!readability_score(&w, &score));
		CHECK(score == 42);
		words_free(&w);
	}
}

TEST(readability_sentence_ends)
{
	/* Zie ar-ti-kel 2 3 5 van de wet: "2.3.5" is three words, no end. */
	counts_are("Zie artikel 2.3.5 van de wet.", 8, 1, 10);
	counts_are("Zie www.gemeente.nl voor info", 6, 1, 9); /* www, nl: 1 each */
	counts_are("Ja", 1, 1, 1);
	counts_are("Ja. Nee", 2, 1, 2);        /* no end after Nee */
	counts_are("Ja!? Nee?!", 2, 2, 2);
	counts_are("Ja... nee.", 2, 2, 2);
	counts_are("... Ja", 1, 1, 1);           /* an end before any word */
	counts_are("Ja. . . Nee.", 2, 4, 2);     /* every run before white space ends one */
	counts_are("Ja.Nee.", 2, 1, 2);          /* no white space after the first */
	counts_are("\"Kom je?\" vroeg ze. (Ja.) Goed", 6, 1, 6); /* only "ze." ends */
	counts_are("Klaar.\nNieuw!\tEn?\xC2\xA0Ja", 4, 3, 4);
	counts_are("Klaar.)x", 2, 1, 2);         /* no white space after the stop */
}

TEST(readability_word_joiners)
{
	words_are("De indicatie-aanvraag van Anna's auto’s is klaar.",
		  "De|indicatie-aanvraag|van|Anna's|auto’s|is|klaar");
	/* de(1) in-di-ca-tie-aan-vraag(6) van(1) An-na's(2) au-to's(2) is(1) klaar(1) */
	counts_are("De indicatie-aanvraag van Anna's auto’s is klaar.", 7, 1, 14);
	words_are("huis- en tuinwerk", "huis|en|tuinwerk");
	words_are("'s-Hertogenbosch", "s-Hertogenbosch");
	words_are("a--b -c- d'' 'e'", "a|b|c|d|e");
	words_are("x-’y", "x|y");
	words_are("2-3 jaar", "2-3|jaar");
	words_are("ab\xFF" "cd e\xC3", "ab|cd|e");
	words_are("één, twee; drie (vier) [vijf] «zes»", "één|twee|drie|vier|vijf|zes");
	counts_are("zee-egel", 1, 1, 3);
}

TEST(readability_accented_syllables)
{
	counts_are("één", 1, 1, 1);
	counts_are("Eén", 1, 1, 1);
	counts_are("geïnteresseerd", 1, 1, 4); /* runs eï, e, e, ee (rules.md: no trema split) */
	counts_are("reünie", 1, 1, 2);         /* runs eü, ie */
	counts_are("Citroën", 1, 1, 2);        /* runs i, oë */
	counts_are("Citroe\xCC\x88n", 1, 1, 2); /* the same with U+0308 */
	counts_are("café crème", 2, 1, 4);   /* ca-fé crè-me */
	counts_are("ÀÉÎÕÜ", 1, 1, 1);          /* one run of vowels */
	counts_are("brrr 2024 tsjs", 3, 1, 3); /* no vowel: 1 each */
	counts_are("Mijn ĳs", 2, 1, 2);
	counts_are("Привет мир.", 2, 1, 2);    /* letters, no Latin vowels */
}

TEST(readability_letter_or_digit)
{
	CHECK(letter_or_digit('a'));
	CHECK(letter_or_digit('Z'));
	CHECK(letter_or_digit('7'));
	CHECK(letter_or_digit(0xE9)); /* é */
	CHECK(letter_or_digit(0xDF)); /* ß */
	CHECK(letter_or_digit(0x133)); /* ĳ */
	CHECK(letter_or_digit(0x3A9)); /* Ω */
	CHECK(letter_or_digit(0x436)); /* ж */
	CHECK(letter_or_digit(0x4E2D)); /* 中 */
	CHECK(!letter_or_digit(0xD7)); /* × */
	CHECK(!letter_or_digit(0xF7)); /* ÷ */
	CHECK(!letter_or_digit(0x20AC)); /* € */
	CHECK(!letter_or_digit(0x2019)); /* ’ */
	CHECK(!letter_or_digit(0x308)); /* combining diaeresis */
	CHECK(!letter_or_digit(' '));
	CHECK(!letter_or_digit('-'));
	CHECK(!letter_or_digit(0xA0));
}

TEST(readability_spans_and_reuse)
{
	struct words w = {0};
	words_split("  Één  keer.", &w);
	INT_EQ(w.n, 2);
	INT_EQ(w.spans[0].start, 2);
	INT_EQ(w.spans[0].len, 5); /* É and é are two bytes each */
	INT_EQ(w.spans[1].start, 9);
	INT_EQ(w.spans[1].len, 4);
	/* Splitting again replaces the counts, it does not add to them. */
	words_split("Nog een keer. En nu klaar.", &w);
	INT_EQ(w.n, 6);
	INT_EQ(w.sentences, 2);
	INT_EQ(w.syllables, 6);
	words_split("", &w);
	INT_EQ(w.n, 0);
	INT_EQ(w.sentences, 0);
	words_free(&w);
	CHECK(w.spans == NULL && w.n == 0 && w.cap == 0);
}

TEST(readability_long_text_in_one_pass)
{
	struct buf text = {0};
	for (int i = 0; i < 10000; i++)
		buf_puts(&text, "Wij sturen u een brief. U krijgt het geld binnen twee weken. ");
	struct words w = {0};
	words_split(buf_str(&text), &w);
	INT_EQ(w.n, 120000);
	INT_EQ(w.sentences, 20000);
	INT_EQ(w.syllables, 150000);
	double score = 0;
	CHECK(readability_score(&w, &score));
	NEAR(score, 206.84 - 0.93 * 6.0 - 77.0 * 15.0 / 12.0);
	words_free(&w);
	buf_free(&text);
}

static bool
contains(const char *text, const char *phrase)
{
	struct words w = {0};
	words_split(text, &w);
	bool found = words_contain_phrase(&w, phrase);
	words_free(&w);
	return found;
}

TEST(jargon_whole_words_case_insensitive)
{
	CHECK(contains("De Indicatie is afgegeven.", "indicatie"));
	CHECK(contains("De INDICATIE is afgegeven.", "Indicatie"));
	CHECK(contains("Uw beschikking.", "beschikking"));
	CHECK(!contains("Uw indicatie-aanvraag loopt.", "indicatie"));
	CHECK(!contains("Uw indicatie-aanvraag loopt.", "aanvraag"));
	CHECK(contains("Uw indicatie-aanvraag loopt.", "indicatie-aanvraag"));
	CHECK(contains("Uw indicatie-aanvraag loopt.", "INDICATIE-AANVRAAG"));
	CHECK(!contains("Uw herindicatie loopt.", "indicatie"));
	CHECK(!contains("Een beschikkingen.", "beschikking"));
	CHECK(!contains("beschik", "beschikking"));
	CHECK(contains("ÉÉN keer", "één"));
	CHECK(contains("één keer", "ÉÉN"));
	CHECK(!contains("een keer", "één"));
	CHECK(contains("ÇA VA, ŒUVRE, ŸPSILON, ĲSSEL", "ça va œuvre ÿpsilon ĳssel"));
	CHECK(contains("ΔΕΛΤΑ и ЖУК", "δελτα и жук"));
	CHECK(contains("Bel de Wmo-consulent", "WMO-CONSULENT"));
}

TEST(jargon_phrases_match_consecutive_words)
{
	CHECK(contains("U krijgt zorg in natura.", "zorg in natura"));
	CHECK(contains("Zorg  in\nNatura", "zorg in natura"));
	CHECK(contains("Een persoonsgebonden budget (pgb).", "Persoonsgebonden budget"));
	CHECK(!contains("Zorg of natura in.", "zorg in natura"));
	CHECK(!contains("zorg in", "zorg in natura"));
	CHECK(!contains("zorg in naturalis", "zorg in natura"));
	CHECK(contains("de algemene voorziening", "algemene, voorziening!"));
	CHECK(contains("a a a b", "a a b"));      /* a retry after a partial match */
	CHECK(!contains("iets anders", ""));
	CHECK(!contains("iets anders", " - "));
	CHECK(!contains("", "iets"));
}

TEST(jargon_phrase_split_once)
{
	struct words text = {0}, phrase = {0};
	words_split("Wij besluiten over uw algemene voorziening.", &text);
	words_split("algemene voorziening", &phrase);
	CHECK(words_contain(&text, &phrase));
	words_split("voorziening algemene", &phrase);
	CHECK(!words_contain(&text, &phrase));
	words_free(&phrase);
	words_free(&text);
}

/* The byte-level shortcuts of the comparison must agree with folding code
 * points: 'İ' (2 bytes) folds to 'i' (1 byte), a capital at the start of
 * a later word of a phrase, and the first letter decides nothing when one
 * side is not ASCII. */
TEST(jargon_shortcuts_fold_like_code_points)
{
	CHECK(contains("İndicatie loopt", "indicatie"));
	CHECK(contains("uw indicatie", "İNDİCATİE"));
	CHECK(!contains("İndicatie loopt", "endicatie"));
	CHECK(contains("Ébène", "ébène"));
	CHECK(!contains("Ébène", "ebene"));
	CHECK(contains("xx Zorg IN Natura yy", "zorg in natura"));
	CHECK(!contains("xx Zorg IN Natuur yy", "zorg in natura"));
}

/* Splitting again forgets the first letters of the earlier text's words. */
TEST(jargon_resplit_forgets_old_words)
{
	struct words text = {0}, phrase = {0};
	words_split("beschikking", &phrase);
	words_split("Uw Beschikking komt.", &text);
	CHECK(words_contain(&text, &phrase));
	words_split("Uw brief komt.", &text);
	CHECK(!words_contain(&text, &phrase));
	words_free(&phrase);
	words_free(&text);
}

/* phrases_find finds exactly what words_contain finds, in the order the
 * phrases were added, each once, with folding across ASCII and beyond. */
TEST(phrase_set_agrees_with_words_contain)
{
	static const char *const phrases[] = {
		"één twee", "Één", "ÉÉN TWEE DRIE", "twee", "x", "", "  ", "grondslag",
		"één", "İndicatie", "drie vier vijf", "Straße",
	};
	static const char *const texts[] = {
		"Één twee drie. één twee. TWEE x x. Grondslag één",
		"niets hier", "", "indicatie en STRASSE en straße", "drie vier", "drie vier vijf zes",
	};
	size_t n = sizeof phrases / sizeof phrases[0];
	struct phrases set = {0};
	struct words *split = xcalloc(n, sizeof(*split));
	for (size_t i = 0; i < n; i++) {
		phrases_add(&set, phrases[i]);
		words_split(phrases[i], &split[i]);
	}
	size_t *found = NULL, cap = 0;
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		struct words w = {0};
		words_split(texts[t], &w);
		size_t got = phrases_find(&set, &w, &found, &cap), k = 0;
		for (size_t i = 0; i < n; i++)
			if (words_contain(&w, &split[i])) {
				CHECK(k < got && found[k] == i);
				k++;
			}
		INT_EQ(got, k);
		words_free(&w);
	}
	for (size_t i = 0; i < n; i++)
		words_free(&split[i]);
	free(split);
	free(found);
	phrases_free(&set);
}
