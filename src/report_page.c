/* report_page.c - the page of index.html: style, summary tables, overview, the journeys with their diagrams read back from the output folder, skipped journeys and other files. */
#include "report.h"

#include "diag_print.h"
#include "embedded.h"
#include "html.h"
#include "outdir.h"
#include "palette.h"
#include "report_parts.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_DIAGRAM = 64 * 1024 * 1024 };

/* Printable on A4, readable on a projector (data/report.css); the impact
 * colours come from the palette, as in the diagrams. */
static const char style[] = DATA_REPORT_CSS;

/* --- reading a diagram back --- */

static char *
read_output(struct outdir *out, const char *name, size_t *len)
{
	int fd = openat(out->fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *data = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < MAX_DIAGRAM) {
		data = xmalloc((size_t)st.st_size + 1);
		ssize_t got = read(fd, data, (size_t)st.st_size);
		if (got != st.st_size) {
			free(data);
			data = NULL;
		} else {
			data[got] = '\0';
			*len = (size_t)got;
		}
	}
	close(fd);
	return data;
}

static void
base64(struct buf *out, const unsigned char *data, size_t len)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < len; i += 3) {
		unsigned long v = (unsigned long)data[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)data[i + 1] << 8;
		if (i + 2 < len)
			v |= data[i + 2];
		buf_putc(out, digits[(v >> 18) & 63]);
		buf_putc(out, digits[(v >> 12) & 63]);
		buf_putc(out, i + 1 < len ? digits[(v >> 6) & 63] : '=');
		buf_putc(out, i + 2 < len ? digits[v & 63] : '=');
	}
}

static bool
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && strcmp(s + n - m, end) == 0;
}

/* A picture of the journey read back from the output folder: SVG inline
 * (its ids given the prefix), PNG as data, another format named. False
 * when the file cannot be read. */
static bool
picture(struct buf *out, const struct report *r, struct outdir *dir,
	const struct report_journey *rj, const char *name, const char *prefix)
{
	size_t len = 0;
	char *data = read_output(dir, name, &len);
	if (data == NULL)
		return false;
	if (ends_with(name, ".svg")) {
		html_inline_svg(out, data, prefix);
	} else if (ends_with(name, ".png")) {
		buf_puts(out, "<img alt=\"");
		html_text(out, rj->title);
		buf_puts(out, "\" src=\"data:image/png;base64,");
		base64(out, (const unsigned char *)data, len);
		buf_puts(out, "\">\n");
	} else {
		struct buf line = {0};
		if (rj->map != NULL && strcmp(name, rj->map) == 0)
			msg_append(&line, r->lang, M_REP_MAP_FILE, name);
		else
			msg_append(&line, r->lang, M_REP_DIAGRAM_FILE, name);
		buf_puts(out, "<p>");
		html_words(out, buf_str(&line), r->lang);
		buf_puts(out, "</p>\n");
		buf_free(&line);
	}
	free(data);
	return true;
}

/* <figure> with its name for screen readers (what it is, and whose);
 * empties name. */
static void
figure_open(struct buf *out, const char *cls, struct buf *name)
{
	buf_printf(out, "<figure class=\"%s\" aria-label=\"", cls);
	html_text(out, buf_str(name));
	buf_puts(out, "\">\n");
	buf_free(name);
}

/* The journey's pathway diagram, for the appendix: on a landscape page of
 * its own, named by its journey in its caption, reached from the
 * journey's text by #pad-ID. Nothing for a journey without one. */
static void
pathway_figure(struct buf *out, const struct report *r, struct outdir *dir,
	       const struct report_journey *rj, size_t i)
{
	if (rj->diagram == NULL)
		return;
	char prefix[32];
	snprintf(prefix, sizeof prefix, "j%zu-", i + 1);
	struct buf svg = {0}, name = {0};
	if (picture(&svg, r, dir, rj, rj->diagram, prefix)) {
		msg_append(&name, r->lang, M_REP_DIAGRAM_OF, rj->title);
		buf_puts(out, "<figure class=\"diagram pathway\" aria-label=\"");
		html_text(out, buf_str(&name));
		buf_puts(out, "\" id=\"pad-");
		html_text(out, rj->id);
		buf_printf(out, "\">\n<figcaption%s>", report_user_lang(r->lang));
		html_words(out, buf_str(&name), r->lang);
		buf_puts(out, "</figcaption>\n");
		buf_add(out, svg.data, svg.len);
		buf_puts(out, "</figure>\n");
	}
	buf_free(&name);
	buf_free(&svg);
}

/* In the journey's text: where its pathway diagram is (the appendix), or
 * why there is none. */
static void
pathway_pointer(struct buf *out, const struct report *r, const struct report_journey *rj)
{
	if (rj->diagram == NULL) {
		buf_printf(out, "<p class=\"none\">%s</p>\n",
			   rj->broken ? msg(r->lang, M_REP_NO_DIAGRAM) : msg(r->lang, M_REP_DIAGRAM_FAILED));
		return;
	}
	buf_puts(out, "<p class=\"pathway-ref\"><a href=\"#pad-");
	html_text(out, rj->id);
	buf_printf(out, "\">%s</a> %s</p>\n", msg(r->lang, M_REP_DIAGRAM_LINK),
		   msg(r->lang, M_REP_DIAGRAM_IN_APPENDIX));
}

/* The journey map, when the main job drew one: a landscape page (one per
 * band of stages) after the journey's text. */
static void
journey_map(struct buf *out, const struct report *r, struct outdir *dir,
	    const struct report_journey *rj, size_t i)
{
	if (rj->map == NULL)
		return;
	char prefix[32];
	snprintf(prefix, sizeof prefix, "m%zu-", i + 1);
	struct buf map = {0};
	if (picture(&map, r, dir, rj, rj->map, prefix)) {
		struct buf name = {0};
		msg_append(&name, r->lang, M_REP_MAP_OF, rj->title);
		figure_open(out, "diagram map", &name);
		buf_add(out, map.data, map.len);
		/* a map of two bands overflows its first page; without an
		 * element after it on the map's page, Chromium starts the next
		 * journey under the last band, its page break lost */
		buf_puts(out, "</figure>\n<div class=\"map-end\"></div>\n");
	}
	buf_free(&map);
}

/* --- the summary --- */

static void
journey_link(struct buf *out, enum lang lang, const struct report_journey *rj)
{
	buf_puts(out, "<a href=\"#reis-");
	html_text(out, rj->id);
	buf_printf(out, "\"%s>", report_user_lang(lang));
	html_words(out, rj->title, LANG_NL);
	buf_puts(out, "</a>");
}

/* A journey's place in the ranking: its score and its index. */
struct rank {
	int score;
	size_t index;
};

/* Highest score first; equal scores in journey order. */
static int
compare_rank(const void *pa, const void *pb)
{
	const struct rank *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Journey indices by friction score, highest first, else in their order
 * (n log n: a workspace may hold very many journeys). */
static size_t *
ranking(const struct report *r)
{
	size_t n = r->n_journeys;
	struct rank *ranks = xcalloc(n ? n : 1, sizeof(*ranks));
	for (size_t i = 0; i < n; i++)
		ranks[i] = (struct rank){r->journeys[i].score, i};
	qsort(ranks, n, sizeof(*ranks), compare_rank);
	size_t *order = xcalloc(n ? n : 1, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = ranks[i].index;
	free(ranks);
	return order;
}

static void
ranking_table(struct buf *out, const struct report *r)
{
	enum lang lang = r->lang;
	buf_printf(out, "<table class=\"ranking\">\n<caption>%s</caption>\n<thead><tr><th>%s</th>"
		   "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n"
		   "<tbody>\n",
		   msg(lang, M_REP_RANKING), msg(lang, M_REP_COL_JOURNEY),
		   msg(lang, M_REP_COL_PERSONA), msg(lang, M_REP_COL_KIND),
		   msg(lang, M_REP_COL_SCORE), msg(lang, M_REP_COL_FINDINGS),
		   msg(lang, M_REP_COL_ERRORS), msg(lang, M_REP_COL_QUESTIONS));
	size_t *order = ranking(r);
	for (size_t k = 0; k < r->n_journeys; k++) {
		const struct report_journey *rj = &r->journeys[order[k]];
		buf_puts(out, "<tr><td>");
		journey_link(out, lang, rj);
		buf_printf(out, "</td><td%s>", report_user_lang(lang));
		html_words(out, rj->persona, LANG_NL);
		buf_puts(out, "</td><td>");
		html_words(out, rj->broken ? msg(lang, M_REP_BROKEN) : rj->kind, lang);
		buf_printf(out, "</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"
			   "<td class=\"num\">%d</td><td class=\"num\">%d</td></tr>\n",
			   rj->score, rj->friction, rj->errors, rj->questions);
	}
	free(order);
	buf_puts(out, "</tbody>\n</table>\n");
}

/* Findings per rule: found (questions left out), questions apart, and
 * suppressed. */
static void
per_rule_table(struct buf *out, const struct report *r, const struct diags *diags)
{
	enum lang lang = r->lang;
	size_t found[CODE__MAX], asked[CODE__MAX];
	size_t total_found = 0, total_asked = 0, total_suppressed = 0;
	diags_count_codes(diags, found);
	diags_count_questions(diags, asked);
	buf_printf(out, "<table class=\"rules\">\n<caption>%s</caption>\n<thead><tr><th>%s</th>"
		   "<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
		   msg(lang, M_REP_PER_RULE), msg(lang, M_REP_COL_RULE), msg(lang, M_REP_COL_COUNT),
		   msg(lang, M_REP_COL_QUESTIONS), msg(lang, M_REP_COL_SUPPRESSED));
	for (int c = 0; c < CODE__MAX; c++) {
		if (!code_is_rule((enum code)c))
			continue;
		buf_puts(out, "<tr><td>");
		report_code_badge(out, (enum code)c, 0, lang);
		buf_printf(out, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
			   "<td class=\"num\">%zu</td></tr>\n", found[c], asked[c], diags->suppressed[c]);
		total_found += found[c];
		total_asked += asked[c];
		total_suppressed += diags->suppressed[c];
	}
	buf_printf(out, "<tr class=\"total\"><th>%s</th><th class=\"num\">%zu</th>"
		   "<th class=\"num\">%zu</th><th class=\"num\">%zu</th></tr>\n</tbody>\n</table>\n",
		   msg(lang, M_REP_TOTAL), total_found, total_asked, total_suppressed);
}

/* --- the parts of the page --- */

static void
page_head(struct buf *out, const struct report *r, const struct diags *diags,
	  const struct summary *summary)
{
	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		   r->lang == LANG_EN ? "en" : "nl");
	struct buf title = {0};
	report_title(&title, r);
	html_text(out, buf_str(&title));
	buf_free(&title);
	buf_printf(out, "</title>\n<style>\n%s", style);
	palette_css(out, r->chain);
	buf_puts(out, "</style>\n");
	report_running_header(out, r);
	buf_puts(out, "</head>\n<body>\n");
	char *line = diag_summary_line(diags, summary);
	report_title_page(out, r, line);
	free(line);
}

static void
contents(struct buf *out, const struct report *r, const size_t *order, bool skipped, bool others)
{
	enum lang lang = r->lang;
	buf_printf(out, "<nav aria-labelledby=\"inhoud\">\n<h2 id=\"inhoud\">%s</h2>\n<ol>\n<li><a href=\"#samenvatting\">%s</a></li>\n"
		   "<li><a href=\"#overzicht\">%s</a></li>\n", msg(lang, M_REP_CONTENTS),
		   msg(lang, M_REP_SUMMARY), msg(lang, M_REP_OVERVIEW));
	if (r->n_moves > 0)
		buf_printf(out, "<li><a href=\"#overgangen\">%s</a></li>\n", msg(lang, M_REP_TRANSITIONS));
	for (size_t i = 0; i < r->n_journeys; i++) {
		buf_puts(out, "<li>");
		journey_link(out, lang, &r->journeys[order[i]]);
		buf_puts(out, "</li>\n");
	}
	if (skipped)
		buf_printf(out, "<li><a href=\"#overgeslagen\">%s</a></li>\n", msg(lang, M_REP_SKIPPED));
	if (others)
		buf_printf(out, "<li><a href=\"#andere-bestanden\">%s</a></li>\n",
			   msg(lang, M_REP_OTHER_FILES));
	buf_printf(out, "<li><a href=\"#bijlage\">%s</a></li>\n", msg(lang, M_REP_APPENDIX));
	buf_puts(out, "</ol>\n</nav>\n");
}

/* Where in the chain it hurts: the overview, inside "what we saw". */
static void
overview(struct buf *out, const struct report *r)
{
	buf_printf(out, "<h3 id=\"overzicht\">%s</h3>\n"
		   "<figure class=\"overview\" aria-labelledby=\"overzicht\">\n",
		   msg(r->lang, M_REP_OVERVIEW));
	if (r->overview != NULL)
		html_inline_svg(out, r->overview, "ov-");
	else
		buf_printf(out, "<p class=\"none\">%s</p>\n", msg(r->lang, M_REP_NO_OVERVIEW));
	buf_puts(out, "</figure>\n");
}

/* Most friction first, then most findings, then the overview's order. */
static int
by_friction(const void *a, const void *b)
{
	const struct report_move *x = a, *y = b;
	if (x->friction != y->friction)
		return y->friction - x->friction;
	if (x->findings != y->findings)
		return y->findings - x->findings;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Where it hurts: the MAX_TRANSITIONS transitions of the chain with the
 * most friction, from the overview's counts (report_add_transition). */
static void
transitions_table(struct buf *out, const struct report *r)
{
	enum { MAX_TRANSITIONS = 5 };
	if (r->n_moves == 0)
		return;
	struct report_move *moves = xcalloc(r->n_moves, sizeof(*moves));
	memcpy(moves, r->moves, r->n_moves * sizeof(*moves));
	qsort(moves, r->n_moves, sizeof(*moves), by_friction);
	buf_printf(out, "<h3 id=\"overgangen\">%s</h3>\n<table class=\"transitions\">\n<thead><tr>"
		   "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
		   msg(r->lang, M_REP_TRANSITIONS), msg(r->lang, M_REP_COL_TRANSITION),
		   msg(r->lang, M_REP_COL_SEEN), msg(r->lang, M_REP_COL_FINDINGS),
		   msg(r->lang, M_REP_COL_SCORE));
	for (size_t i = 0; i < r->n_moves && i < MAX_TRANSITIONS; i++) {
		/* the chain model's labels: the user's words too */
		buf_printf(out, "<tr><td%s>", report_user_lang(r->lang));
		html_words(out, moves[i].from, LANG_NL);
		buf_puts(out, " \xE2\x86\x92 ");
		html_words(out, moves[i].to, LANG_NL);
		buf_printf(out, "</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"
			   "<td class=\"num\">%d</td></tr>\n", moves[i].seen, moves[i].findings,
			   moves[i].friction);
	}
	buf_puts(out, "</tbody>\n</table>\n");
	free(moves);
}

/* Page 2 on: the journeys ranked, the themes, the chain, the questions. */
static void
what_we_saw(struct buf *out, const struct report *r, const struct diags *diags)
{
	buf_printf(out, "<section id=\"samenvatting\">\n<h2>%s</h2>\n", msg(r->lang, M_REP_SUMMARY));
	if (r->n_journeys == 0)
		buf_printf(out, "<p class=\"none\">%s</p>\n", msg(r->lang, M_REP_NO_JOURNEYS));
	else
		ranking_table(out, r);
	report_what_we_saw(out, r, diags);
	overview(out, r);
	transitions_table(out, r);
	buf_puts(out, "</section>\n");
}

/* For the team: every finding with its place, the figures per rule, and
 * the pathway diagrams. */
static void
appendix(struct buf *out, const struct report *r, struct outdir *dir, const struct diags *diags,
	 const size_t *order)
{
	buf_printf(out, "<section id=\"bijlage\" class=\"appendix\">\n<h2>%s</h2>\n<p>%s</p>\n",
		   msg(r->lang, M_REP_APPENDIX), msg(r->lang, M_REP_APPENDIX_TEXT));
	for (size_t i = 0; i < r->n_journeys; i++)
		buf_add(out, r->journeys[order[i]].appendix.data, r->journeys[order[i]].appendix.len);
	for (size_t i = 0; i < r->n_journeys; i++)
		pathway_figure(out, r, dir, &r->journeys[order[i]], order[i]);
	per_rule_table(out, r, diags);
	buf_puts(out, "</section>\n");
}

static void
skipped_journeys(struct buf *out, const struct report *r)
{
	buf_printf(out, "<section id=\"overgeslagen\">\n<h2>%s</h2>\n<p>%s</p>\n<ul>\n",
		   msg(r->lang, M_REP_SKIPPED), msg(r->lang, M_REP_SKIPPED_TEXT));
	for (size_t i = 0; i < r->n_journeys; i++) {
		if (!r->journeys[i].broken)
			continue;
		buf_puts(out, "<li>");
		journey_link(out, r->lang, &r->journeys[i]);
		buf_puts(out, " <span class=\"loc\">");
		html_text(out, r->journeys[i].file);
		buf_puts(out, "</span></li>\n");
	}
	buf_puts(out, "</ul>\n</section>\n");
}

/* Findings that belong to no journey: in personas and chain models. */
static bool
other_files(struct buf *out, const struct report *r, const struct diags *diags)
{
	size_t shown = 0;
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];
		if (d->journey != NULL)
			continue;
		if (shown++ == 0)
			buf_printf(out, "<section id=\"andere-bestanden\">\n<h2>%s</h2>\n"
				   "<ul class=\"diagnostics\">\n", msg(r->lang, M_REP_OTHER_FILES));
		report_diag_item(out, r->lang, d);
	}
	if (shown > 0)
		buf_puts(out, "</ul>\n</section>\n");
	return shown > 0;
}

static bool
any_broken(const struct report *r)
{
	for (size_t i = 0; i < r->n_journeys; i++)
		if (r->journeys[i].broken)
			return true;
	return false;
}

/* --- the journeys --- */

/* The index of the journey with this id, or n_journeys. */
static size_t
journey_index(const struct report *r, const char *id)
{
	size_t i = 0;
	while (i < r->n_journeys && strcmp(r->journeys[i].id, id) != 0)
		i++;
	return i;
}

/* True when journey i is the to-be side of a comparison whose as-is
 * journey is still to come: it is shown with that one. */
static bool
waits_for_as_is(const struct report *r, size_t i, const bool *shown)
{
	for (size_t k = 0; k < r->n_pairs; k++) {
		if (strcmp(r->pairs[k].to_be, r->journeys[i].id) != 0)
			continue;
		size_t a = journey_index(r, r->pairs[k].as_is);
		if (a < r->n_journeys && !shown[a])
			return true;
	}
	return false;
}

/* The journeys in the order of the report: as added, except that a to-be
 * journey follows its as-is journey. Caller frees. */
static size_t *
journey_order(const struct report *r)
{
	size_t n = r->n_journeys, done = 0;
	bool *shown = xcalloc(n ? n : 1, sizeof(*shown));
	size_t *order = xcalloc(n ? n : 1, sizeof(*order));
	for (size_t i = 0; i < n; i++) {
		if (shown[i] || waits_for_as_is(r, i, shown))
			continue;
		shown[i] = true;
		order[done++] = i;
		for (size_t k = 0; k < r->n_pairs; k++) {
			if (strcmp(r->pairs[k].as_is, r->journeys[i].id) != 0)
				continue;
			size_t t = journey_index(r, r->pairs[k].to_be);
			if (t < n && !shown[t]) {
				shown[t] = true;
				order[done++] = t;
			}
		}
	}
	free(shown);
	return order;
}

/* The comparisons that end with journey i: those whose to-be journey it
 * is, and those of its as-is side whose to-be journey is missing; inside
 * its section, after the text and before the pictures, so that they share
 * its text page. */
static void
comparisons_after(struct buf *out, const struct report *r, size_t i)
{
	for (size_t k = 0; k < r->n_pairs; k++) {
		const struct report_pair *p = &r->pairs[k];
		if (strcmp(p->to_be, r->journeys[i].id) == 0 ||
		    (strcmp(p->as_is, r->journeys[i].id) == 0 &&
		     journey_index(r, p->to_be) == r->n_journeys))
			buf_puts(out, p->html);
	}
}

/* The persona card of journey order[k], or, when a journey before it on
 * the page has the same persona, a line pointing there: a persona's card
 * is on the page once. */
static void
card_once(struct buf *out, const struct report *r, const size_t *order, size_t k)
{
	const struct report_journey *rj = &r->journeys[order[k]];
	for (size_t e = 0; e < k && rj->persona_id[0] != '\0'; e++) {
		const struct report_journey *earlier = &r->journeys[order[e]];
		if (strcmp(earlier->persona_id, rj->persona_id) != 0 || earlier->card.len == 0)
			continue;
		struct buf line = {0};
		msg_append(&line, r->lang, M_REP_PERSONA_ABOVE, rj->persona, earlier->title);
		buf_puts(out, "<p class=\"persona-ref\"><a href=\"#reis-");
		html_text(out, earlier->id);
		buf_puts(out, "\">");
		html_words(out, buf_str(&line), r->lang);
		buf_puts(out, "</a></p>\n");
		buf_free(&line);
		return;
	}
	buf_add(out, rj->card.data, rj->card.len);
}

static void
journey_sections(struct buf *out, const struct report *r, struct outdir *dir, const size_t *order)
{
	for (size_t k = 0; k < r->n_journeys; k++) {
		size_t i = order[k];
		buf_add(out, r->journeys[i].head.data, r->journeys[i].head.len);
		card_once(out, r, order, k);
		buf_add(out, r->journeys[i].tail.data, r->journeys[i].tail.len);
		comparisons_after(out, r, i);
		pathway_pointer(out, r, &r->journeys[i]);
		journey_map(out, r, dir, &r->journeys[i], i);
		buf_puts(out, "</section>\n");
	}
}

static void
page_body(struct buf *out, const struct report *r, struct outdir *dir, const struct diags *diags)
{
	struct buf others = {0};
	bool has_others = other_files(&others, r, diags);
	bool skipped = any_broken(r);
	size_t *order = journey_order(r);
	contents(out, r, order, skipped, has_others);
	buf_puts(out, "<main>\n");
	what_we_saw(out, r, diags);
	journey_sections(out, r, dir, order);
	if (skipped)
		skipped_journeys(out, r);
	buf_add(out, others.data, others.len);
	buf_free(&others);
	appendix(out, r, dir, diags, order);
	free(order);
	buf_puts(out, "</main>\n<footer><p>");
	struct buf line = {0};
	msg_append(&line, r->lang, M_REP_FOOTER, KETEN_VERSION);
	html_words(out, buf_str(&line), r->lang);
	buf_free(&line);
	buf_puts(out, "</p></footer>\n</body>\n</html>\n");
}

int
report_page_write(struct report *r, struct outdir *dir, const struct diags *diags,
		  const struct summary *summary, char **error)
{
	struct buf page = {0};
	page_head(&page, r, diags, summary);
	page_body(&page, r, dir, diags);
	int status = outdir_write(dir, "index.html", page.data, page.len, error);
	buf_free(&page);
	return status;
}
