/* test_overview.c - unit tests of the chain overview (where findings sit, counts, the friction scale, the drawing) and of compare (pairing findings, the three forms). */
#include "harness.h"

#include "chain.h"
#include "check.h"
#include "compare.h"
#include "diag.h"
#include "mem.h"
#include "overview.h"
#include "overview_render.h"
#include "read.h"
#include "source.h"

#include <stdlib.h>
#include <string.h>

static const char journey_md[] =
	"# Reis\n"
	"\n"
	"- persona: piet\n"
	"\n"
	"## Thuis\n"
	"- positie: thuis\n"
	"\n"
	"## Dagbesteding\n"
	"- positie: arbeidsmatige-dagbesteding\n"
	"- brief: toekenning\n"
	"\n"
	"## Vrijwilligerswerk\n"
	"- positie: vrijwilligerswerk\n"
	"\n"
	"## Weer thuis\n"
	"- positie: thuis\n";

/* The same journey told another way: a stage renamed, one added. */
static const char other_md[] =
	"# Anders\n"
	"\n"
	"- persona: piet\n"
	"\n"
	"## Thuis\n"
	"- positie: thuis\n"
	"\n"
	"## Werkplaats\n"
	"- positie: arbeidsmatige-dagbesteding\n"
	"- brief: toekenning\n"
	"\n"
	"## Betaald werk\n"
	"- positie: betaald-werk\n";

static const char persona_md[] = "# Piet\n\n- positie: thuis\n";

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

static void
add_finding(struct diags *d, enum code code, const char *journey, const char *stage,
	    int touchpoint, int impact, const char *message)
{
	struct loc loc = {"journeys/reis.md", 1, 1};
	struct diag *x = diag_emit(d, code, &loc, M_DID_YOU_MEAN, "?");
	free(x->message);
	x->message = xstrdup(message);
	x->journey = journey ? xstrdup(journey) : NULL;
	x->stage = stage ? xstrdup(stage) : NULL;
	x->touchpoint = touchpoint;
	x->impact = impact;
}

struct fixture {
	struct diags diags;
	struct doc *chain, *persona, *journey, *other;
};

static struct doc *
journey_doc(struct fixture *f, const char *path, const char *md)
{
	struct doc *doc = read_doc(path, md, DOC_JOURNEY, &f->diags);
	check_journey_positions(doc, f->chain->chain, &f->diags);
	doc->journey->persona_ref = f->persona->persona;
	doc->journey->chain_ref = f->chain->chain;
	return doc;
}

static void
fixture_open(struct fixture *f)
{
	diags_init(&f->diags, LANG_EN);
	f->chain = chain_load_default(LANG_EN);
	f->persona = read_doc("personas/piet.md", persona_md, DOC_PERSONA, &f->diags);
	f->journey = journey_doc(f, "journeys/reis.md", journey_md);
	f->other = journey_doc(f, "journeys/anders.md", other_md);
}

static void
fixture_close(struct fixture *f)
{
	doc_free(&f->journey);
	doc_free(&f->other);
	doc_free(&f->persona);
	doc_free(&f->chain);
	diags_free(&f->diags);
}

/* The index of a position of the default chain in the overview. */
/* The journey as the workspace hands it on, with the findings
 * diags[from..n) as its own. */
static struct checked_journey
checked(const struct doc *doc, const struct diags *diags, size_t from)
{
	struct checked_journey cj = {0};
	cj.doc = doc;
	cj.persona = doc->journey->persona_ref;
	cj.findings = diags->items + from;
	cj.n_findings = diags->n - from;
	cj.friction = friction_of_journey(cj.findings, cj.n_findings, NULL, 0);
	cj.broken = doc->broken;
	return cj;
}

static void
add_checked(struct overview *ov, const struct doc *doc, const struct diags *diags, size_t from)
{
	struct checked_journey cj = checked(doc, diags, from);
	overview_add_journey(ov, &cj);
}

static void
collect_side(struct cmp_side *side, const struct doc *doc, const struct diags *diags,
	     size_t from)
{
	struct checked_journey cj = checked(doc, diags, from);
	cmp_side_collect(side, &cj);
}

static size_t
at(const struct overview *ov, const char *id)
{
	for (size_t i = 0; i < ov->n_positions; i++)
		if (strcmp(ov->positions[i].id, id) == 0)
			return i;
	return (size_t)-1;
}

TEST(overview_puts_friction_at_positions_and_on_moves)
{
	struct fixture f;
	fixture_open(&f);
	CHECK(!f.journey->broken);
	struct diags *d = &f.diags;
	add_finding(d, CODE_K005, "andere-reis", "thuis", 0, 2, "niet van deze reis");
	size_t from = f.diags.n;
	add_finding(d, CODE_K001, "reis", "dagbesteding", 1, 3, "brief");
	add_finding(d, CODE_K004, "reis", "weer-thuis", 0, 3, "terugval");
	add_finding(d, CODE_K003, "reis", "thuis", 0, 2, "op de eerste etappe: geen overgang");
	add_finding(d, CODE_K007, "reis", NULL, 0, 1, "de reis als geheel");
	add_finding(d, CODE_K012, "reis", "thuis", 0, 3, "telt niet");
	struct overview ov;
	overview_init(&ov, f.chain->chain);
	add_checked(&ov, f.journey, d, from);
	size_t home = at(&ov, "thuis"), ad = at(&ov, "arbeidsmatige-dagbesteding");
	size_t vw = at(&ov, "vrijwilligerswerk");
	CHECK(home != (size_t)-1 && ad != (size_t)-1 && vw != (size_t)-1);
	INT_EQ(ov.positions[ad].friction, 3);
	INT_EQ(ov.positions[home].friction, 2); /* K003 without a move before it */
	INT_EQ(ov.positions[home].stages, 2);
	INT_EQ(ov.positions[home].journeys, 1);
	INT_EQ(overview_edge(&ov, vw, home)->friction, 3);
	INT_EQ(overview_edge(&ov, vw, home)->count, 1);
	INT_EQ(overview_edge(&ov, home, ad)->count, 1);
	INT_EQ(overview_edge(&ov, home, vw)->count, 0);
	INT_EQ(ov.unplaced, 1);
	INT_EQ(ov.friction, 3 + 3 + 2 + 1);
	INT_EQ(ov.n_positions, f.chain->chain->n_positions);
	overview_free(&ov);
	fixture_close(&f);
}

TEST(overview_counts_journeys_personas_and_skipped_ones)
{
	struct fixture f;
	fixture_open(&f);
	struct overview ov;
	overview_init(&ov, f.chain->chain);
	add_checked(&ov, f.journey, &f.diags, f.diags.n);
	add_checked(&ov, f.other, &f.diags, f.diags.n);
	f.other->broken = true;
	add_checked(&ov, f.other, &f.diags, f.diags.n);
	INT_EQ(ov.journeys, 2);
	INT_EQ(ov.skipped, 1);
	INT_EQ(ov.n_personas, 1);
	size_t home = at(&ov, "thuis");
	INT_EQ(ov.positions[home].stages, 3);
	INT_EQ(ov.positions[home].journeys, 2);
	INT_EQ(overview_edge(&ov, at(&ov, "arbeidsmatige-dagbesteding"), at(&ov, "betaald-werk"))->count, 1);
	overview_free(&ov);
	fixture_close(&f);
}

TEST(overview_friction_levels_are_thirds_of_the_highest)
{
	INT_EQ(overview_level(0, 9), 0);
	INT_EQ(overview_level(1, 9), 1);
	INT_EQ(overview_level(3, 9), 1);
	INT_EQ(overview_level(4, 9), 2);
	INT_EQ(overview_level(6, 9), 2);
	INT_EQ(overview_level(7, 9), 3);
	INT_EQ(overview_level(9, 9), 3);
	INT_EQ(overview_level(1, 1), 3);
	INT_EQ(overview_level(5, 0), 0);
	CHECK(overview_code_on_move(CODE_K009));
	CHECK(!overview_code_on_move(CODE_K008));
}

/* How many <title> elements an SVG holds. */
static int
count_titles(const char *svg)
{
	int n = 0;
	for (const char *p = strstr(svg, "<title"); p; p = strstr(p + 1, "<title"))
		n++;
	return n;
}

TEST(overview_drawing_has_every_position_and_the_moves)
{
	struct fixture f;
	fixture_open(&f);
	size_t from = f.diags.n;
	add_finding(&f.diags, CODE_K004, "reis", "weer-thuis", 0, 3, "terugval");
	struct overview ov;
	overview_init(&ov, f.chain->chain);
	add_checked(&ov, f.journey, &f.diags, from);
	struct buf dot = {0}, svg = {0}, again = {0};
	char *error = NULL;
	INT_EQ(overview_render(&ov, IMAGE_DOT, LANG_EN, &dot, &error), 0);
	CHECK(error == NULL);
	for (size_t i = 0; i < ov.n_positions; i++) {
		char *id = xasprintf("id=\"position-%s\"", ov.positions[i].id);
		CHECK(strstr(buf_str(&dot), id) != NULL);
		free(id);
	}
	CHECK(strstr(buf_str(&dot), "id=\"move-vrijwilligerswerk-thuis\"") != NULL);
	CHECK(strstr(buf_str(&dot), "class=\"move down friction-3\"") != NULL);
	CHECK(strstr(buf_str(&dot), "style=dashed") != NULL);
	INT_EQ(overview_render(&ov, IMAGE_SVG, LANG_EN, &svg, &error), 0);
	CHECK(strstr(buf_str(&svg), "<desc id=\"svg-desc\">Overview of the chain: ") != NULL);
	CHECK(strstr(buf_str(&svg), " role=\"img\" aria-labelledby=\"svg-title\"") != NULL);
	INT_EQ(count_titles(buf_str(&svg)), 1);
	INT_EQ(overview_render(&ov, IMAGE_SVG, LANG_EN, &again, &error), 0);
	CHECK(svg.len == again.len && memcmp(svg.data, again.data, svg.len) == 0);
	free(error);
	buf_free(&dot);
	buf_free(&svg);
	buf_free(&again);
	overview_free(&ov);
	fixture_close(&f);
}

/* --- compare --- */

TEST(compare_pairs_by_stage_then_position_then_journey)
{
	struct fixture f;
	fixture_open(&f);
	struct diags *d = &f.diags;
	size_t from = d->n;
	add_finding(d, CODE_K001, "reis", "dagbesteding", 1, 3, "brief");
	add_finding(d, CODE_K008, "reis", "thuis", 0, 2, "dip");
	add_finding(d, CODE_K007, "reis", NULL, 0, 1, "gezichten");
	add_finding(d, CODE_K004, "reis", "weer-thuis", 0, 3, "terugval <script>");
	add_finding(d, CODE_K012, "reis", "thuis", 0, 3, "telt niet mee");
	struct cmp_side before, after;
	collect_side(&before, f.journey, d, from);
	from = d->n;
	add_finding(d, CODE_K001, "anders", "werkplaats", 1, 2, "brief, andere etappe");
	add_finding(d, CODE_K008, "anders", "thuis", 0, 2, "dip");
	add_finding(d, CODE_K007, "anders", NULL, 0, 1, "gezichten");
	add_finding(d, CODE_K005, "anders", "betaald-werk", 0, 2, "grote stap");
	collect_side(&after, f.other, d, from);
	INT_EQ(before.n_findings, 4); /* K012 counts in no score: no finding to compare */
	INT_EQ(before.score, 3 + 2 + 1 + 3);
	INT_EQ(after.score, 2 + 2 + 1 + 2);
	struct comparison c;
	comparison_make(&c, CMP_JOURNEYS, &before, &after);
	CHECK(before.findings == NULL && after.findings == NULL);
	INT_EQ(c.n_kept, 3);  /* K008 by stage id, K001 by position, K007 whole */
	INT_EQ(c.n_lost, 1);  /* K004 */
	INT_EQ(c.n_gained, 1); /* K005 */
	if (c.n_gained == 1)
		INT_EQ(c.after.findings[c.gained[0]].diag.code, CODE_K005);
	for (size_t i = 0; i < c.n_kept; i++)
		INT_EQ(c.before.findings[c.kept[i].before].diag.code,
		       c.after.findings[c.kept[i].after].diag.code);
	struct buf text = {0}, json = {0}, html = {0};
	compare_text(&text, &c, LANG_EN);
	CHECK(strstr(buf_str(&text), "friction score: 9 \xE2\x86\x92 7 (-2)") != NULL);
	compare_json(&json, &c);
	CHECK(strstr(buf_str(&json), "\"change\": -2") != NULL);
	compare_html(&html, &c, LANG_EN);
	CHECK(strstr(buf_str(&html), "<script>") == NULL);
	CHECK(strstr(buf_str(&html), "terugval &lt;script&gt;") != NULL);
	buf_free(&text);
	buf_free(&json);
	buf_free(&html);
	comparison_free(&c);
	fixture_close(&f);
}
