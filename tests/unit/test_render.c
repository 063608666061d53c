/* test_render.c - unit tests of the renderer: escaping and wrapping user text, findings placed as markers, lanes, the diagram's SVG and DOT, and the output folder. */
#include "harness.h"

#include "chain.h"
#include "check.h"
#include "diag.h"
#include "html.h"
#include "markers.h"
#include "mem.h"
#include "outdir.h"
#include "pathway.h"
#include "pathway_labels.h"
#include "pathway_measure.h"
#include "read.h"
#include "render_text.h"
#include "source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- escaping --- */

static char *
escaped(const char *s, size_t len, enum esc_context ctx)
{
	struct buf b = {0};
	esc_append(&b, s, len, ctx);
	return b.data ? buf_detach(&b) : xstrdup("");
}

TEST(esc_append_turns_markup_into_entities)
{
	char *s = escaped("a<b>&\"'c", 8, ESC_LABEL);
	STR_EQ(s, "a&lt;b&gt;&amp;&quot;&#39;c");
	free(s);
	s = escaped("<TABLE><TR><TD>x</TD></TR></TABLE>", 34, ESC_LABEL);
	STR_EQ(s, "&lt;TABLE&gt;&lt;TR&gt;&lt;TD&gt;x&lt;/TD&gt;&lt;/TR&gt;&lt;/TABLE&gt;");
	free(s);
}

TEST(esc_append_doubles_backslashes_only_for_graphviz)
{
	char *s = escaped("\\N \\G \\\\", 8, ESC_LABEL);
	STR_EQ(s, "\\\\N \\\\G \\\\\\\\");
	free(s);
	s = escaped("\\N", 2, ESC_XML);
	STR_EQ(s, "\\N");
	free(s);
}

/* Graphviz's label parser cannot read a text of only "]" or "]]". */
TEST(esc_append_writes_brackets_as_entities_only_for_graphviz)
{
	char *s = escaped("]", 1, ESC_LABEL);
	STR_EQ(s, "&#93;");
	free(s);
	s = escaped("a]]>", 4, ESC_LABEL);
	STR_EQ(s, "a&#93;&#93;&gt;");
	free(s);
	s = escaped("]", 1, ESC_XML);
	STR_EQ(s, "]");
	free(s);
}

TEST(esc_append_cleans_control_and_bidi_characters)
{
	char *s = escaped("x\ny\tz\r\x01w\x7f.", 10, ESC_LABEL);
	STR_EQ(s, "x y z  w .");
	free(s);
	s = escaped("a\0b", 3, ESC_LABEL);
	STR_EQ(s, "a b");
	free(s);
	s = escaped("\xE2\x80\xAEtxet\xE2\x80\xAC!", 11, ESC_LABEL); /* U+202E, U+202C */
	STR_EQ(s, "txet!");
	free(s);
	s = escaped("\xC2\x85.", 3, ESC_LABEL); /* U+0085, a C1 control */
	STR_EQ(s, " .");
	free(s);
}

TEST(esc_append_keeps_utf8_and_replaces_what_is_not)
{
	char *s = escaped("ë € ’ Ω", strlen("ë € ’ Ω"), ESC_LABEL);
	STR_EQ(s, "ë € ’ Ω");
	free(s);
	s = escaped("\xEF\xBF\xBF|\xC3(", 6, ESC_LABEL); /* U+FFFF, a broken sequence */
	STR_EQ(s, "\xEF\xBF\xBD|\xEF\xBF\xBD(");
	free(s);
}

static char *
wrapped(const char *s, size_t width, size_t max_lines, size_t *lines)
{
	struct buf b = {0};
	*lines = esc_wrap(&b, s, width, max_lines);
	return b.data ? buf_detach(&b) : xstrdup("");
}

#define BR "<BR ALIGN=\"LEFT\"/>"

TEST(esc_wrap_fills_lines_word_by_word)
{
	size_t n;
	char *s = wrapped("een twee drie vier", 9, 5, &n);
	STR_EQ(s, "een twee" BR "drie vier");
	INT_EQ(n, 2);
	free(s);
	s = wrapped("  een \n\n\t twee  ", 20, 5, &n);
	STR_EQ(s, "een twee");
	INT_EQ(n, 1);
	free(s);
	s = wrapped("ëëëë ëë", 4, 5, &n);
	STR_EQ(s, "ëëëë" BR "ëë");
	free(s);
	s = wrapped("<b> & \"c\"", 40, 2, &n);
	STR_EQ(s, "&lt;b&gt; &amp; &quot;c&quot;");
	free(s);
}

TEST(esc_wrap_cuts_long_words_and_long_texts)
{
	size_t n;
	char *s = wrapped("abcdefghij", 4, 5, &n);
	STR_EQ(s, "abcd" BR "efgh" BR "ij");
	INT_EQ(n, 3);
	free(s);
	s = wrapped("aaa bbb ccc ddd", 7, 1, &n);
	STR_EQ(s, "aaa bb…");
	INT_EQ(n, 1);
	free(s);
	s = wrapped("aa bb cc dd ee", 5, 2, &n);
	STR_EQ(s, "aa bb" BR "cc d…");
	free(s);
	struct buf huge = {0};
	for (int i = 0; i < 5000; i++)
		buf_puts(&huge, "woord ");
	s = wrapped(buf_str(&huge), 30, 3, &n);
	INT_EQ(n, 3);
	CHECK(strlen(s) < 200);
	free(s);
	buf_free(&huge);
}

TEST(esc_wrap_of_nothing_is_nothing)
{
	size_t n;
	char *s = wrapped(" \n\t ", 10, 3, &n);
	STR_EQ(s, "");
	INT_EQ(n, 0);
	free(s);
	s = wrapped(NULL, 10, 3, &n);
	INT_EQ(n, 0);
	free(s);
}

TEST(esc_plain_makes_one_clean_line)
{
	char *s = esc_plain("  a\tb\nc  ", 100);
	STR_EQ(s, "a b c");
	free(s);
	s = esc_plain("abcdef", 4);
	STR_EQ(s, "abc…");
	free(s);
	s = esc_plain("\xE2\x80\xAEx\x01y", 10);
	STR_EQ(s, "x y");
	free(s);
	s = esc_plain(NULL, 10);
	STR_EQ(s, "");
	free(s);
}

TEST(esc_functions_mask_personal_data)
{
	size_t n;
	char *s = wrapped("bel 06-12345678 of mail jan@voorbeeld.nl", 80, 2, &n);
	CHECK(strstr(s, "12345678") == NULL);
	CHECK(strstr(s, "jan@voorbeeld") == NULL);
	CHECK(strstr(s, "78 of mail") != NULL);
	free(s);
	s = escaped("BSN 111222333", 13, ESC_LABEL);
	STR_EQ(s, "BSN *******33");
	free(s);
	s = esc_plain("Reis van jan@voorbeeld.nl", 100);
	CHECK(strstr(s, "jan@") == NULL);
	free(s);
	s = escaped("€ 1.250 op 12-03-2024", strlen("€ 1.250 op 12-03-2024"), ESC_LABEL);
	STR_EQ(s, "€ 1.250 op 12-03-2024"); /* no personal data: left alone */
	free(s);
}

/* --- a journey to draw --- */

static const char journey_md[] =
	"# Reis <met> & \"tekens\" \\N\n"
	"\n"
	"- persona: piet\n"
	"- regio: Ede\n"
	"\n"
	"## Thuis\n"
	"- positie: thuis\n"
	"- emotie: -1\n"
	"- duur: 3 weken\n"
	"\n"
	"## Dagbesteding\n"
	"- positie: arbeidsmatige-dagbesteding\n"
	"- gesprek: kennismaking, bel 0612345678\n"
	"- brief: toekenning met € 12\n"
	"\n"
	"## Vrijwilligerswerk\n"
	"- positie: vrijwilligerswerk\n"
	"- knelpunt: eerste knelpunt\n"
	"- knelpunt: tweede knelpunt\n"
	"- kans: een kans\n"
	"\n"
	"## Weer thuis\n"
	"- positie: thuis\n";

static const char persona_md[] = "# Piet\n\n- positie: thuis\n";

struct fixture {
	struct diags diags;
	struct doc *chain, *journey, *persona;
};

static struct doc *
read_doc(const char *path, const char *md, enum doc_kind kind, struct diags *diags)
{
	struct limits limits = LIMITS_DEFAULT;
	struct source *src = source_from_memory(path, md, strlen(md), &limits, diags);
	struct doc *doc = src ? read_markdown(src, kind, &limits, diags) : NULL;
	if (doc)
		check_document(doc, diags);
	source_free(&src);
	return doc;
}

/* A finding as the rule engine will report it. */
static void
add_finding(struct diags *d, enum code code, const char *journey, const char *stage,
	    int touchpoint, int impact, int line, const char *message)
{
	struct loc loc = {"journeys/reis.md", line, 1};
	struct diag *x = diag_emit(d, code, &loc, M_DID_YOU_MEAN, "?");
	free(x->message);
	x->message = xstrdup(message);
	x->journey = journey ? xstrdup(journey) : NULL;
	x->stage = stage ? xstrdup(stage) : NULL;
	x->touchpoint = touchpoint;
	x->impact = impact;
}

static void
fixture_open(struct fixture *f)
{
	diags_init(&f->diags, LANG_NL);
	f->chain = chain_load_default(LANG_NL);
	f->journey = read_doc("journeys/reis.md", journey_md, DOC_JOURNEY, &f->diags);
	f->persona = read_doc("personas/piet.md", persona_md, DOC_PERSONA, &f->diags);
	check_journey_positions(f->journey, f->chain->chain, &f->diags);
	f->journey->journey->persona_ref = f->persona->persona;
	struct diags *d = &f->diags;
	add_finding(d, CODE_K001, "reis", "dagbesteding", 2, 3, 14, "brief \"zonder\" uitleg \\N");
	add_finding(d, CODE_K008, "reis", "thuis", 0, 2, 6, "emotionele dip");
	add_finding(d, CODE_K013, "reis", "vrijwilligerswerk", 0, 2, 19, "tweede knelpunt");
	add_finding(d, CODE_K007, "reis", NULL, 0, 1, 1, "veel gezichten");
	add_finding(d, CODE_K004, "reis", "weer-thuis", 0, 9, 22, "terugval");
	add_finding(d, CODE_K003, "andere-reis", "thuis", 0, 2, 6, "niet van deze reis");
	add_finding(d, CODE_S006, "reis", "thuis", 0, 0, 7, "geen knelpunt");
	add_finding(d, CODE_K005, "reis", "thuis", 0, 2, 6, "uitgezet");
	struct diag *persona = NULL;
	add_finding(d, CODE_K011, NULL, NULL, 0, 1, 1, "geen talenten");
	persona = &d->items[d->n - 1];
	persona->persona = xstrdup("piet");
}

static void
fixture_close(struct fixture *f)
{
	doc_free(&f->journey);
	doc_free(&f->persona);
	doc_free(&f->chain);
	diags_free(&f->diags);
}

static void
collect(struct fixture *f, struct marker_list *m)
{
	bool disabled[CODE__MAX] = {false};
	disabled[CODE_K005] = true;
	markers_collect(f->journey->journey, f->diags.items, f->diags.n, NULL, 0, disabled, m);
}

TEST(markers_are_this_journeys_findings_in_reading_order)
{
	struct fixture f;
	fixture_open(&f);
	CHECK(!f.journey->broken);
	struct marker_list m;
	collect(&f, &m);
	INT_EQ(m.n, 5);
	if (m.n == 5) {
		/* The journey as a whole first (by line), then stage by stage;
		 * the persona's K011 counts in no score and is no marker. */
		INT_EQ(m.items[0].code, CODE_K007);
		INT_EQ(m.items[0].stage, -1);
		INT_EQ(m.items[1].code, CODE_K008);
		INT_EQ(m.items[1].stage, 0);
		INT_EQ(m.items[2].code, CODE_K001);
		INT_EQ(m.items[2].stage, 1);
		INT_EQ(m.items[2].touchpoint, 2);
		INT_EQ(m.items[3].code, CODE_K013);
		INT_EQ(m.items[3].pain_point, 1);
		INT_EQ(m.items[4].code, CODE_K004);
		INT_EQ(m.items[4].impact, 3); /* 9 is taken as 3 */
		for (size_t i = 0; i < m.n; i++)
			INT_EQ(m.items[i].number, (int)i + 1);
		CHECK(markers_for_pain_point(&m, 2, 1) == &m.items[3]);
		/* Only findings from `from` on, and those listed as extra. */
		struct marker_list some;
		/* K008 of this journey, K003 of another */
		const struct diag *extra[] = {&f.diags.items[1], &f.diags.items[5]};
		markers_collect(f.journey->journey, &f.diags.items[f.diags.n - 1], 1, extra, 2,
				NULL, &some);
		INT_EQ(some.n, 1); /* K008; the persona's K011 is no marker */
		markers_free(&some);
		markers_collect(f.journey->journey, NULL, 0, NULL, 0, NULL, &some);
		INT_EQ(some.n, 0);
		markers_free(&some);
	}
	markers_free(&m);
	fixture_close(&f);
}

TEST(lanes_go_by_rung_then_chain_order)
{
	struct fixture f;
	fixture_open(&f);
	struct marker_list m = {0};
	struct pathway p = {f.journey->journey, f.persona->persona, f.chain->chain, &m, LANG_NL, false, {0, 0}};
	struct lane_set lanes;
	lanes_choose(&p, &lanes);
	INT_EQ(lanes.n, 3);
	if (lanes.n == 3) {
		STR_EQ(lanes.pos[0]->id.s, "vrijwilligerswerk");
		STR_EQ(lanes.pos[1]->id.s, "arbeidsmatige-dagbesteding");
		STR_EQ(lanes.pos[2]->id.s, "thuis");
		INT_EQ(lanes.stage_lane[0], 2);
		INT_EQ(lanes.stage_lane[3], 2);
	}
	lanes_free(&lanes);
	p.all_lanes = true;
	lanes_choose(&p, &lanes);
	INT_EQ(lanes.n, f.chain->chain->n_positions);
	STR_EQ(lanes.pos[0]->id.s, "betaald-werk");
	STR_EQ(lanes.pos[lanes.n - 1]->id.s, "thuis");
	for (size_t l = 1; l < lanes.n; l++)
		CHECK(lanes.pos[l - 1]->ladder.v >= lanes.pos[l]->ladder.v);
	lanes_free(&lanes);
	const struct journey *j = f.journey->journey;
	INT_EQ(move_between(j->stages[0], j->stages[1]), MOVE_UP);
	INT_EQ(move_between(j->stages[2], j->stages[3]), MOVE_DOWN);
	INT_EQ(move_between(j->stages[0], j->stages[0]), MOVE_LEVEL);
	INT_EQ(domain_change(j->stages[0], j->stages[1]), 2); /* basis -> wmo */
	INT_EQ(domain_change(j->stages[2], j->stages[3]), 0); /* basis -> basis */
	fixture_close(&f);
}

static size_t
count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The y of the first point drawn after `id` in the SVG (SVG y grows down). */
static double
first_y_after(const char *svg, const char *id)
{
	const char *p = strstr(svg, id);
	const char *d = p ? strstr(p, " d=\"M") : NULL;
	double x = 0, y = 0;
	if (d == NULL || sscanf(d + 5, "%lf,%lf", &x, &y) != 2)
		return 1e9;
	return y;
}

static struct buf
render(struct fixture *f, enum image_format format, bool all_lanes)
{
	struct marker_list m;
	collect(f, &m);
	char *error = NULL;
	struct renderer *r = renderer_new(format, &error);
	CHECK(r != NULL);
	struct buf out = {0};
	struct pathway p = {f->journey->journey, f->persona->persona, f->chain->chain, &m,
			    LANG_NL, all_lanes, {0, 0}};
	struct pathway_spec spec, copy;
	pathway_prepare(&p, DETAIL_COMPACT, &spec);
	spec.file_name = xstrdup("reis.x");
	/* What a worker gets is what was sent. */
	struct buf packed = {0};
	pathway_spec_pack(&spec, &packed);
	INT_EQ(pathway_spec_unpack(packed.data, packed.len, &copy), 0);
	struct buf again = {0};
	pathway_spec_pack(&copy, &again);
	CHECK(again.len == packed.len && memcmp(again.data, packed.data, packed.len) == 0);
	int status = r ? pathway_render(r, &copy, &out, &error) : -1;
	pathway_spec_free(&spec);
	pathway_spec_free(&copy);
	buf_free(&packed);
	buf_free(&again);
	INT_EQ(status, 0);
	if (error)
		STR_EQ(error, "");
	free(error);
	renderer_free(&r);
	markers_free(&m);
	if (out.data == NULL)
		buf_puts(&out, "");
	return out;
}

TEST(pathway_svg_has_groups_markers_and_lanes_in_order)
{
	struct fixture f;
	fixture_open(&f);
	struct buf out = render(&f, IMAGE_SVG, false);
	const char *svg = out.data;
	INT_EQ(count(svg, "class=\"node stage"), 4);
	CHECK(strstr(svg, "<g id=\"stage&#45;dagbesteding\" class=\"node stage friction k001\">"));
	CHECK(strstr(svg, "<g id=\"stage&#45;thuis\" class=\"node stage friction k008\">"));
	CHECK(strstr(svg, "<g id=\"stage&#45;vrijwilligerswerk\" class=\"node stage friction k013 opportunity\">"));
	INT_EQ(count(svg, "<g id=\"a_marker&#45;"), 5);
	INT_EQ(count(svg, "<g id=\"a_finding&#45;"), 5);
	CHECK(strstr(svg, "xlink:href=\"#a_finding-3\""));
	/* Marker 3 sits inside the card of stage 2, after it and before stage 3. */
	const char *card = strstr(svg, "<g id=\"stage&#45;dagbesteding\"");
	const char *marker = strstr(svg, "<g id=\"a_marker&#45;3\"");
	const char *next = strstr(svg, "<g id=\"stage&#45;vrijwilligerswerk\"");
	CHECK(card && marker && next && card < marker && marker < next);
	/* The message reaches the tooltip as it was written. */
	CHECK(strstr(svg, "xlink:title=\"brief &quot;zonder&quot; uitleg \\N\""));
	CHECK(strstr(svg, "Reis &lt;met&gt; &amp; &quot;tekens&quot; \\N"));
	CHECK(strstr(svg, "toekenning met € 12"));
	CHECK(strstr(svg, "0612345678") == NULL);
	CHECK(strstr(svg, "********78"));
	/* <title> and <desc> first in <svg role="img">; no machine ids as hover. */
	CHECK(strstr(svg, "aria-labelledby=\"svg-title\" aria-describedby=\"svg-desc\">\n"
			  "<title id=\"svg-title\">"));
	CHECK(strstr(svg, "</title>\n<desc id=\"svg-desc\">"));
	INT_EQ(count(svg, "<title"), 1);
	CHECK(strstr(svg, "<g id=\"a_marker&#45;4\" class=\"marker impact-"));
	/* Highest rung on top: vrijwilligerswerk, arbeidsmatige-dagbesteding, thuis. */
	double y4 = first_y_after(svg, "id=\"lane&#45;vrijwilligerswerk\"");
	double y3 = first_y_after(svg, "id=\"lane&#45;arbeidsmatige&#45;dagbesteding\"");
	double y1 = first_y_after(svg, "id=\"lane&#45;thuis\"");
	CHECK(y4 < y3 && y3 < y1);
	buf_free(&out);
	fixture_close(&f);
}

TEST(pathway_dot_renders_again_as_it_was_placed)
{
	struct fixture f;
	fixture_open(&f);
	struct buf a = render(&f, IMAGE_DOT, true), b = render(&f, IMAGE_DOT, true);
	const char *dot = a.data;
	CHECK(strstr(dot, "layout=nop2"));
	CHECK(strstr(dot, "_background=\"c 7 -#"));
	INT_EQ(count(dot, "class=\"move "), 3);
	CHECK(strstr(dot, "class=\"move down relapse\""));
	CHECK(strstr(dot, "\"lane-betaald-werk\""));
	/* every node and edge placed */
	INT_EQ(count(dot, "\t\tpos=\"") + count(dot, "[pos=\"") + count(dot, " pos=\""),
	       count(dot, "pos=\""));
	CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	buf_free(&a);
	buf_free(&b);
	fixture_close(&f);
}

TEST(pathway_moved_into_place_is_the_same_as_laid_out_twice)
{
	struct fixture f;
	fixture_open(&f);
	for (int format = IMAGE_SVG; format <= IMAGE_DOT; format++) {
		struct buf once = render(&f, (enum image_format)format, format == IMAGE_DOT);
		pathway_lay_out_twice(true);
		struct buf twice = render(&f, (enum image_format)format, format == IMAGE_DOT);
		pathway_lay_out_twice(false);
		CHECK(once.len > 1000);
		if (format == IMAGE_DOT) {
			/* The same but for rounding noise in Graphviz's own bounding box. */
			const char *a = strstr(once.data, "\t\tbgcolor"), *b = strstr(twice.data, "\t\tbgcolor");
			CHECK(a && b && strcmp(a, b) == 0);
		} else {
			CHECK(once.len == twice.len && memcmp(once.data, twice.data, once.len) == 0);
		}
		buf_free(&once);
		buf_free(&twice);
	}
	fixture_close(&f);
}

/* Sizes from memory are pango's own: the bytes are those of a render that
 * asks pango for every text, and a second render asks it for nothing new. */
TEST(pathway_remembered_text_sizes_give_the_same_bytes)
{
	struct fixture f;
	fixture_open(&f);
	for (int format = IMAGE_SVG; format <= IMAGE_DOT; format += IMAGE_DOT - IMAGE_SVG) {
		measure_bypass(true);
		struct buf asked = render(&f, (enum image_format)format, false);
		measure_bypass(false);
		measure_forget();
		struct buf first = render(&f, (enum image_format)format, false);
		struct measure_counts a = measure_counts();
		struct buf second = render(&f, (enum image_format)format, false);
		struct measure_counts b = measure_counts();
		CHECK(a.entries > 20);
		CHECK(b.measured == a.measured);
		CHECK(b.remembered >= a.remembered + a.entries);
		CHECK(asked.len > 1000);
		CHECK(asked.len == first.len && memcmp(asked.data, first.data, asked.len) == 0);
		CHECK(asked.len == second.len && memcmp(asked.data, second.data, asked.len) == 0);
		buf_free(&asked);
		buf_free(&first);
		buf_free(&second);
	}
	fixture_close(&f);
}

/* PNG and PDF draw with pango's layouts, so their sizes are not taken
 * from memory. */
TEST(pathway_png_asks_pango_for_every_text)
{
	struct fixture f;
	fixture_open(&f);
	struct buf svg = render(&f, IMAGE_SVG, false);
	struct measure_counts a = measure_counts();
	struct buf png = render(&f, IMAGE_PNG, false);
	struct measure_counts b = measure_counts();
	CHECK(png.len > 10000);
	INT_EQ((long)b.remembered, (long)a.remembered);
	buf_free(&svg);
	buf_free(&png);
	fixture_close(&f);
}

TEST(pathway_pdf_and_png_are_made_the_same_twice)
{
	struct fixture f;
	fixture_open(&f);
	for (int format = IMAGE_PNG; format <= IMAGE_PDF; format++) {
		struct buf a = render(&f, (enum image_format)format, false);
		sleep(format == IMAGE_PDF ? 1 : 0);
		struct buf b = render(&f, (enum image_format)format, false);
		CHECK(a.len > 10000);
		CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
		if (format == IMAGE_PNG)
			CHECK(memcmp(a.data, "\x89PNG\r\n\x1a\n", 8) == 0);
		else
			CHECK(memcmp(a.data, "%PDF-", 5) == 0);
		buf_free(&a);
		buf_free(&b);
	}
	fixture_close(&f);
}

TEST(pathway_spec_unpack_refuses_what_is_no_spec)
{
	struct fixture f;
	fixture_open(&f);
	struct marker_list m;
	collect(&f, &m);
	struct pathway p = {f.journey->journey, f.persona->persona, f.chain->chain, &m, LANG_EN, false, {0, 0}};
	struct pathway_spec spec, copy;
	pathway_prepare(&p, DETAIL_COMPACT, &spec);
	spec.file_name = xstrdup("reis.svg");
	struct buf packed = {0};
	pathway_spec_pack(&spec, &packed);
	/* Every cut-off message is refused, and so is one byte too many. */
	for (size_t len = 0; len < packed.len; len += 1 + len / 7)
		INT_EQ(pathway_spec_unpack(packed.data, len, &copy), -1);
	buf_putc(&packed, 0);
	INT_EQ(pathway_spec_unpack(packed.data, packed.len, &copy), -1);
	/* A stage in a lane that does not exist. */
	spec.stage_lane[0] = 99;
	buf_clear(&packed);
	pathway_spec_pack(&spec, &packed);
	INT_EQ(pathway_spec_unpack(packed.data, packed.len, &copy), -1);
	/* Rows out of order: the first lane in the second row. */
	spec.stage_lane[0] = 0;
	spec.lane_row[0] = 1;
	buf_clear(&packed);
	pathway_spec_pack(&spec, &packed);
	INT_EQ(pathway_spec_unpack(packed.data, packed.len, &copy), -1);
	/* A string that claims more bytes than there are. */
	memset(packed.data + 8, 0x7f, 8);
	INT_EQ(pathway_spec_unpack(packed.data, packed.len, &copy), -1);
	buf_free(&packed);
	pathway_spec_free(&spec);
	markers_free(&m);
	fixture_close(&f);
}

/* --- the output folder --- */

static char *
temp_folder(void)
{
	char *dir = xstrdup("/tmp/keten-unit-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return NULL;
	}
	return dir;
}

static void
remove_tree(char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		harness_fail(__FILE__, __LINE__, cmd);
	free(cmd);
	free(dir);
}

static char *
make(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	mkdir(path, 0777);
	return path;
}

TEST(output_folder_in_a_source_folder_is_refused)
{
	char *dir = temp_folder();
	CHECK(dir != NULL);
	if (dir == NULL)
		return;
	char *ws = make(dir, "ws"), *plain = make(dir, "plain");
	free(make(ws, "journeys"));
	free(make(ws, "personas"));
	char *paths[] = {ws, plain};
	struct source_folders sources = {0};
	source_folders_add(&sources, paths, 2);
	struct { const char *sub; int want; } cases[] = {
		{"ws/journeys", -1}, {"ws/journeys/x", -1}, {"ws/personas/../personas/y", -1},
		{"ws/chains", -1}, {"ws/output", 0}, {"ws", 0}, {"plain", -1},
		{"plain/out", -1}, {"plain/output", 0}, {"plain/output/x", 0}, {"elders", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = xasprintf("%s/%s", dir, cases[i].sub);
		char *error = NULL;
		int got = outdir_check(path, &sources, LANG_EN, &error);
		if (got != cases[i].want)
			harness_fail(__FILE__, __LINE__, cases[i].sub);
		else
			harness_pass();
		CHECK((error != NULL) == (cases[i].want != 0));
		if (error)
			CHECK(strstr(error, path) == error);
		free(error);
		free(path);
	}
	/* A link into a source folder counts as that folder. */
	char *link = xasprintf("%s/link", dir), *target = xasprintf("%s/journeys", ws);
	CHECK(symlink(target, link) == 0);
	char *via = xasprintf("%s/sub", link), *error = NULL;
	INT_EQ(outdir_check(via, &sources, LANG_EN, &error), -1);
	free(error);
	error = NULL;
	struct outdir out;
	INT_EQ(outdir_open(&out, via, &sources, LANG_EN, &error), -1);
	struct stat st;
	CHECK(stat(via, &st) != 0); /* nothing was made */
	free(error);
	outdir_close(&out);
	free(via);
	free(target);
	free(link);
	source_folders_free(&sources);
	free(ws);
	free(plain);
	remove_tree(dir);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct buf b = {0};
	char chunk[256];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return b.data ? buf_detach(&b) : xstrdup("");
}

static size_t
count_entries(const char *dir)
{
	size_t n = 0;
	char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	if (p && fscanf(p, "%zu", &n) != 1)
		n = 0;
	if (p)
		pclose(p);
	free(cmd);
	return n;
}

TEST(output_files_are_written_whole_and_links_replaced)
{
	char *dir = temp_folder();
	CHECK(dir != NULL);
	if (dir == NULL)
		return;
	struct source_folders none = {0};
	struct outdir out;
	char *error = NULL, *path = xasprintf("%s/a/b", dir);
	INT_EQ(outdir_open(&out, path, &none, LANG_EN, &error), 0);
	INT_EQ(outdir_write(&out, "x.svg", "<svg/>", 6, &error), 0);
	char *file = xasprintf("%s/x.svg", path), *text = slurp(file);
	STR_EQ(text, "<svg/>");
	free(text);
	free(file);
	/* A link in the output folder is replaced, not followed. */
	char *victim = xasprintf("%s/victim.txt", dir), *link = xasprintf("%s/y.svg", path);
	FILE *v = fopen(victim, "w");
	if (v) {
		fputs("keep", v);
		fclose(v);
	}
	CHECK(symlink(victim, link) == 0);
	INT_EQ(outdir_write(&out, "y.svg", "new", 3, &error), 0);
	text = slurp(victim);
	STR_EQ(text, "keep");
	free(text);
	struct stat st;
	CHECK(lstat(link, &st) == 0 && S_ISREG(st.st_mode));
	/* A folder in the way: the error names the file, nothing is left. */
	char *blocked = xasprintf("%s/z.svg", path);
	mkdir(blocked, 0777);
	INT_EQ(outdir_write(&out, "z.svg", "x", 1, &error), -1);
	CHECK(error && strstr(error, blocked) == error);
	free(error);
	error = NULL;
	INT_EQ(count_entries(path), 3); /* x.svg, y.svg, z.svg: no temporary files */
	/* Names that would leave the folder or hide are refused. */
	const char *bad[] = {"../x.svg", "a/b.svg", ".hidden", ""};
	for (size_t i = 0; i < 4; i++) {
		INT_EQ(outdir_write(&out, bad[i], "x", 1, &error), -1);
		free(error);
		error = NULL;
	}
	outdir_close(&out);
	char *timings = xasprintf("%s/timings.tsv", dir);
	INT_EQ(write_file_atomic(timings, "a\t1\n", 4, LANG_EN, &error), 0);
	text = slurp(timings);
	STR_EQ(text, "a\t1\n");
	free(text);
	free(timings);
	free(blocked);
	free(victim);
	free(link);
	free(path);
	remove_tree(dir);
}

/* The report's inline SVG: everything from <svg on, each id and reference
 * to one prefixed, other text untouched. */
TEST(inline_svg_prefixes_ids_and_references)
{
	struct buf out = {0};
	html_inline_svg(&out, "<?xml?>\n<svg width=\"1\"><g id=\"a\"><use href=\"#a\" "
			"fill=\"url(#b)\"/><a xlink:href=\"#c\">hu h u</a></g></svg>", "j1-");
	STR_EQ(buf_str(&out), "<svg width=\"1\"><g id=\"j1-a\"><use href=\"#j1-a\" "
	       "fill=\"url(#j1-b)\"/><a xlink:href=\"#j1-c\">hu h u</a></g></svg>\n");
	buf_clear(&out);
	html_inline_svg(&out, "no diagram", "j1-");
	STR_EQ(buf_str(&out), "");
	buf_free(&out);
}
