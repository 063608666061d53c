/* test_fast.c - unit tests of the fast paths: word-at-a-time UTF-8 scans, slugs, the line table, locations, the key index and the reader's arena. */
#include "harness.h"

#include "diag.h"
#include "limits.h"
#include "mem.h"
#include "model.h"
#include "read.h"
#include "source.h"
#include "text.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

/* Characters counted one sequence at a time, as the slow path would. */
static size_t
count_slowly(const char *s, size_t len)
{
	size_t count = 0;
	for (size_t i = 0; i < len; count++) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
	}
	return count;
}

TEST(utf8_valid_finds_a_bad_byte_at_every_offset)
{
	for (size_t at = 0; at < 40; at++) {
		char s[41];
		memset(s, 'a', 40);
		s[40] = '\0';
		s[at] = (char)0xFF;
		size_t bad = 999;
		CHECK(!utf8_valid(s, 40, &bad));
		INT_EQ(bad, at);
		s[at] = 'a';
		CHECK(utf8_valid(s, 40, &bad));
	}
	/* a sequence cut off by the end, after a run of ASCII */
	size_t bad = 999;
	CHECK(!utf8_valid("abcdefghij\xC3", 11, &bad));
	INT_EQ(bad, 10);
	/* a sequence that straddles an eight-byte word */
	CHECK(utf8_valid("abcdefg\xC3\xABhijklmnop", 18, &bad));
}

TEST(utf8_count_matches_the_slow_count)
{
	static const char *const texts[] = {
		"", "a", "abcdefgh", "abcdefghi", "ë", "abcdefgë", "abcdefghë€😀 en nog wat tekst",
		"Financiële check na vijftien weken, met de consulent", "\xFF\xFE abcdefghijkl",
		"abcdefghijklmnop\xC3", "€€€€€€€€€€€€",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		INT_EQ(utf8_count(texts[i], strlen(texts[i])),
		       count_slowly(texts[i], strlen(texts[i])));
	INT_EQ(utf8_count("abcdefghij", 3), 3);
}

TEST(slugs_of_ascii_and_beyond)
{
	char small[8];
	INT_EQ(text_slug_to("Stage 10: WACHTEN op_een_plek", NULL, 0), 28);
	char *slug = text_slug("Stage 10: WACHTEN op_een_plek");
	STR_EQ(slug, "stage-10-wachten-op-een-plek");
	free(slug);
	/* too small a buffer: cut off, terminated, and the full length told */
	INT_EQ(text_slug_to("Ĳsselstein en Œuvre", small, sizeof small), 21);
	STR_EQ(small, "ijssels");
	char three[3], four[4];
	INT_EQ(text_slug_to("ab, cd", three, sizeof three), 5); /* ASCII cut off */
	STR_EQ(three, "ab");
	INT_EQ(text_slug_to("  ab, cd!", four, sizeof four), 5);
	STR_EQ(four, "ab-");
	slug = text_slug("a\xFF" "b"); /* a bad byte separates */
	STR_EQ(slug, "a-b");
	free(slug);
	slug = text_slug("ab\xC3"); /* a cut-off sequence at the end */
	STR_EQ(slug, "ab");
	free(slug);
	size_t len = 10;
	const char *t = text_trim("\t\v ab c\r\n\f", &len);
	INT_EQ(len, 4);
	CHECK(strncmp(t, "ab c", 4) == 0);
}

TEST(source_line_table_and_locations)
{
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	static const char text[] = "\xEF\xBB\xBF# Één\nregel twee\n\nvier ë€\nlaatste";
	struct source *src = source_from_memory("x.md", text, sizeof text - 1, &limits, &diags);
	CHECK(src != NULL);
	if (src == NULL)
		return;
	STR_EQ(src->data, "# Één\nregel twee\n\nvier ë€\nlaatste");
	INT_EQ(src->n_lines, 5);
	INT_EQ(src->line_starts[1], strlen("# Één\n"));
	INT_EQ(src->line_starts[4], strlen("# Één\nregel twee\n\nvier ë€\n"));
	struct loc at = source_loc_at(src, 4, 8); /* the first byte of € */
	INT_EQ(at.line, 4);
	INT_EQ(at.col, 7);
	at = source_loc_at(src, 4, 99); /* past the end of the line */
	INT_EQ(at.col, 8);
	at = source_loc_at(src, 5, 99); /* past the end of the file */
	INT_EQ(at.line, 5);
	INT_EQ(at.col, 8);
	at = source_loc_at(src, 3, 1); /* an empty line */
	INT_EQ(at.col, 1);
	at = source_loc(src, strlen("# Één\nregel twee\n\nvier "));
	INT_EQ(at.line, 4);
	INT_EQ(at.col, 6);
	source_free(&src);

	/* lone CRs and CRLFs both become line ends */
	src = source_from_memory("y.md", "a\rb\r\nc\n", 7, &limits, &diags);
	CHECK(src != NULL && strcmp(src->data, "a\nb\nc\n") == 0);
	CHECK(src != NULL && src->n_lines == 4);
	source_free(&src);
	INT_EQ(diags.n, 0);
	diags_free(&diags);
}

TEST(vocab_index_finds_every_spelling)
{
	static const enum vocab all[] = {
		VOCAB_PERSONA_ATTR, VOCAB_PERSONA_SECTION, VOCAB_JOURNEY_ATTR,
		VOCAB_STAGE_ATTR, VOCAB_TP_KIND, VOCAB_TP_ATTR, VOCAB_STAGE_GROUP,
		VOCAB_COVER_ATTR,
	};
	for (size_t v = 0; v < sizeof all / sizeof all[0]; v++)
		for (int id = 0; id < vocab_size(all[v]); id++) {
			INT_EQ(vocab_find(all[v], vocab_name(all[v], id, LANG_NL)), id);
			INT_EQ(vocab_find(all[v], vocab_name(all[v], id, LANG_EN)), id);
		}
	/* a slug known in one vocabulary is not found in another */
	INT_EQ(vocab_find(VOCAB_TP_ATTR, "brief"), -1);
	INT_EQ(vocab_find(VOCAB_TP_KIND, "toelichting"), -1);
	INT_EQ(vocab_find(VOCAB_TP_KIND, ""), -1);
	char long_key[200];
	memset(long_key, 'x', sizeof long_key - 1);
	long_key[sizeof long_key - 1] = '\0';
	INT_EQ(vocab_find(VOCAB_TP_KIND, long_key), -1);
}

/* A journey far bigger than the reader's first arena block, with items
 * that take the slow path of flattening (markup, line breaks). */
TEST(read_md_arena_grows_for_big_files)
{
	struct buf md = {0};
	buf_puts(&md, "# Een *lange* reis\n\n- persona: samira\n\n");
	for (int i = 0; i < 300; i++) {
		buf_printf(&md, "## Etappe %d\n- positie: thuis\n- emotie: -1\n", i);
		buf_printf(&md, "- brief: een **vette** brief nummer %d\n", i);
		buf_puts(&md, "  - tekst: Beste mevrouw,\n    met `code` en een\n    zachte regelbreuk.\n\n");
		for (int k = 0; k < 20; k++)
			buf_printf(&md, "Zin %d van een lange beschrijving die het blok vult.\n", k);
		buf_putc(&md, '\n');
	}
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct limits limits = LIMITS_DEFAULT;
	struct source *src = source_from_memory("big.md", md.data, md.len, &limits, &diags);
	CHECK(src != NULL);
	struct doc *doc = src ? read_markdown(src, DOC_JOURNEY, &limits, &diags) : NULL;
	source_free(&src);
	CHECK(doc != NULL && doc->journey != NULL);
	if (doc != NULL && doc->journey != NULL) {
		struct journey *j = doc->journey;
		STR_EQ(j->title.s, "Een lange reis");
		INT_EQ(j->n_stages, 300);
		const struct stage *last = j->stages[299];
		STR_EQ(last->title.s, "Etappe 299");
		INT_EQ(last->n_touchpoints, 1);
		STR_EQ(last->touchpoints[0]->title.s, "een vette brief nummer 299");
		STR_EQ(last->touchpoints[0]->text.s, "Beste mevrouw, met code en een zachte regelbreuk.");
		CHECK(last->description.s != NULL &&
		      strstr(last->description.s, "Zin 19 van een lange") != NULL);
	}
	INT_EQ(diags.n, 0);
	doc_free(&doc);
	diags_free(&diags);
	buf_free(&md);
}

/* The quick exit of the nesting scan must not miss indentation by tabs,
 * which count four columns each. */
TEST(read_md_depth_counts_tabs_on_short_lines)
{
	struct limits limits = LIMITS_DEFAULT;
	for (int tabs = 30; tabs <= 34; tabs += 4) {
		struct buf md = {0};
		buf_puts(&md, "# T\n\n- persona: x\n\n## S\n- positie: thuis\n");
		for (int i = 0; i < tabs; i++)
			buf_putc(&md, '\t');
		buf_puts(&md, "- x\n");
		struct diags diags;
		diags_init(&diags, LANG_EN);
		struct source *src = source_from_memory("t.md", md.data, md.len, &limits, &diags);
		struct doc *doc = src ? read_markdown(src, DOC_JOURNEY, &limits, &diags) : NULL;
		/* 30 tabs: 60 levels of indentation and a marker; 34: 69 */
		bool too_deep = diags.n == 1 && diags.items[0].code == CODE_S009;
		CHECK(tabs == 30 ? doc != NULL && !too_deep : doc == NULL && too_deep);
		doc_free(&doc);
		source_free(&src);
		diags_free(&diags);
		buf_free(&md);
	}
}
