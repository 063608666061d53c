/* pathway_labels.c - the HTML-like labels, colours and description of the pathway diagram. */
#include "pathway_labels.h"

#include "diag.h"
#include "mem.h"
#include "render_text.h"
#include "text.h"
#include "values.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

/* Widths (in characters) and line counts of the wrapped texts. */
enum {
	TITLE_WIDTH = 70, TITLE_LINES = 3,
	STAGE_TITLE_WIDTH = 30, STAGE_TITLE_LINES = 3,
	META_WIDTH = 40, META_LINES = 2,
	TOUCHPOINT_WIDTH = 38, TOUCHPOINT_LINES = 2,
	NOTE_WIDTH = 36, NOTE_LINES = 3,
	LANE_WIDTH = 22, LANE_LINES = 3,
	LEGEND_WIDTH = 100, LEGEND_LINES = 3,
	TOOLTIP_CHARS = 600, /* a marker's tooltip: the message, cut */
	KINDS_PER_ROW = 10,
	/* the compact card and legend */
	CARD_WIDTH = 120, CARD_TITLE_WIDTH = 17, CARD_TITLE_LINES = 3,
	LANE_COMPACT_WIDTH = 120, LANE_COMPACT_CHARS = 18,
	SYMBOLS_PER_ROW = 7, CHIPS_PER_ROW = 4,
	/* the compact list: at most this many columns, as many as fit in
	 * KEY_WIDTH points, estimating a character of 11 pt at KEY_CHAR / 10
	 * points and a chip and the gaps at KEY_CHIP points */
	KEY_COLUMNS = 8, KEY_WIDTH = 1100, KEY_CHAR = 66, KEY_CHIP = 44,
	/* more lines than this, and the list is grouped per rule and impact,
	 * with this many numbers to a line of a group */
	KEY_FLAT_ROWS = 6, KEY_NUMBERS_PER_LINE = 7,
};

#define GREY_TEXT colour_hex(COLOUR_GREY_TEXT)
#define OPPORTUNITY_STRONG colour_hex(COLOUR_OPPORTUNITY_STRONG)
#define OPPORTUNITY_LIGHT colour_hex(COLOUR_OPPORTUNITY_LIGHT)
#define QUESTION_FILL colour_hex(COLOUR_QUESTION_FILL)
#define QUESTION_TEXT colour_hex(COLOUR_QUESTION_TEXT)

/* One symbol per touchpoint kind (enum tp_kind order); all in DejaVu Sans. */
static const char *const kind_symbol[TP__MAX] = {
	"\xE2\x9C\x89",     /* ✉ letter */
	"\xC2\xA7",         /* § decision */
	"@",                /* e-mail */
	"\xE2\x8C\xA8",     /* ⌨ portal */
	"\xE2\x9D\x9D",     /* ❝ conversation */
	"\xE2\x98\x8E",     /* ☎ phone */
	"\xE2\x8C\x82",     /* ⌂ visit */
	"\xE2\x9C\x8E",     /* ✎ intake */
	"\xE2\x9C\x94",     /* ✔ evaluation */
	"\xE2\x86\xBB",     /* ↻ reindication */
	"\xE2\x87\x84",     /* ⇄ handover */
	"\xE2\x9A\x92",     /* ⚒ trial */
	"\xE2\x82\xAC",     /* € financial check */
	"\xE2\x97\xB7",     /* ◷ waiting */
	"\xE2\x86\x97",     /* ↗ application */
	"?",                /* inquiry */
	"\xCE\x94",         /* Δ change report */
	"\xE2\x86\xBA",     /* ↺ reminder */
	"!",                /* complaint */
	"\xE2\x9A\x96",     /* ⚖ objection */
	"\xE2\x86\x92",     /* → referral */
	"\xE2\x84\xB9",     /* ℹ advice */
	"\xE2\x9C\xA6",     /* ✦ offer */
	"\xE2\x9C\x97",     /* ✗ rejection */
	"\xE2\x98\x90",     /* ☐ promise */
	"\xE2\x98\xB0",     /* ☰ plan */
	"\xE2\x96\xA0",     /* ■ benefit stop */
	"\xE2\x88\x92",     /* − offset */
	"\xE2\x86\xA9",     /* ↩ recovery */
	"\xE2\x9A\xA1",     /* ⚡ sanction */
	"\xE2\x80\xBC",     /* ‼ warning */
	"\xE2\x96\xBC",     /* ▼ debt */
	"+",                /* payment */
	"\xE2\x9C\x93",     /* ✓ redress */
	"\xE2\x80\xA2",     /* • other */
};

const char *
touchpoint_symbol(enum tp_kind kind)
{
	return kind_symbol[kind < TP__MAX ? kind : TP_OTHER];
}

#define SYM_PAIN "\xE2\x9A\xA0"        /* ⚠ */
#define SYM_OPPORTUNITY "\xE2\x98\x85" /* ★ */
#define SYM_DOT " \xC2\xB7 "           /* " · " */
#define SYM_SAD "\xE2\x98\xB9"         /* ☹ */
#define SYM_HAPPY "\xE2\x98\xBA"       /* ☺ */
#define SYM_NEUTRAL "\xE2\x97\x8B"     /* ○ */
#define SYM_ARROW_SOLID "\xE2\x94\x81\xE2\x94\x81\xE2\x96\xB6" /* ━━▶ */
#define SYM_ARROW_DASHED "\xE2\x95\x8D\xE2\x95\x8D\xE2\x96\xB6" /* ╍╍▶ */
#define SYM_DIAMOND "\xE2\x97\x86"     /* ◆ */
#define SYM_DIAMOND_OPEN "\xE2\x97\x87" /* ◇ */

/* --- colours and moves --- */

struct tint
tint_of(const struct chain *chain, const struct position *pos)
{
	if (chain == NULL || pos == NULL || pos->dom == NULL)
		return grey_tint();
	if (colour_is_hex(pos->dom->colour.s))
		return tint_from_colour(pos->dom->colour.s);
	for (size_t i = 0; i < chain->n_domains; i++)
		if (chain->domains[i] == pos->dom)
			return domain_tint(i);
	return grey_tint();
}

/* --- small pieces --- */

static void
put_text(struct buf *out, const char *s)
{
	esc_append(out, s, strlen(s), ESC_LABEL);
}

static const char *
code_id(enum code code)
{
	return code_info(code)->id;
}

static const char *
code_slug(enum code code, enum lang lang)
{
	const struct code_info *info = code_info(code);
	return lang == LANG_NL ? info->slug_nl : info->slug_en;
}

static const char *
stage_id(const struct pathway *p, long i)
{
	return p->journey->stages[i]->id.s ? p->journey->stages[i]->id.s : "";
}

/* The colours of a marker: its impact's, or a question's neutral ones. */
static void
marker_colours(const struct pathway *p, const struct marker *m, const char **fill,
	       const char **text)
{
	*fill = m->question ? QUESTION_FILL : impact_style_of(p->chain, m->impact).fill;
	*text = m->question ? QUESTION_TEXT : impact_style_of(p->chain, m->impact).text;
}

/* A marker's anchor name: "finding-3", or "question-1" for a question. */
static const char *
marker_anchor(const struct marker *m)
{
	return m->question ? "question" : "finding";
}

/* A marker's shown number: its impact's glyph and its number, "▲ 3", or
 * "?1" for a question. */
static void
put_marker_number(struct buf *out, const struct pathway *p, const struct marker *m)
{
	if (m->question)
		buf_printf(out, "?%d", m->number);
	else
		buf_printf(out, "%s %d", impact_style_of(p->chain, m->impact).glyph, m->number);
}

void
svg_group_classes(struct buf *out, const struct pathway *p)
{
	for (size_t k = 0; k < p->markers->n; k++) {
		const struct marker *m = &p->markers->items[k];
		buf_printf(out, "a_marker-%s%d\tmarker ", m->question ? "q" : "", m->number);
		if (m->question)
			buf_puts(out, "question");
		else
			buf_printf(out, "impact-%d", m->impact);
		buf_printf(out, " k%s\n", code_id(m->code) + 1);
	}
	const struct journey *j = p->journey;
	for (size_t i = 0; i < j->n_stages; i++)
		for (size_t k = 0; k < j->stages[i]->n_touchpoints; k++) {
			unsigned kind = j->stages[i]->touchpoints[k]->kind;
			buf_printf(out, "a_tp-%zu-%zu\ttouchpoint %s\n", i + 1, k + 1,
				   vocab_canonical(VOCAB_TP_KIND, kind < TP__MAX ? (int)kind : TP_OTHER));
		}
}

/* A marker: its number and its code and short name on the impact colour
 * (a question: "?" and its number on grey); it links to its line in the
 * legend, and its tooltip is the message. */
static void
put_marker_cell(struct buf *out, const struct pathway *p, const struct marker *m,
		const char *note)
{
	const char *fill, *text;
	marker_colours(p, m, &fill, &text);
	buf_printf(out, "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"%s\" ID=\"marker-%s%d\" "
		   "HREF=\"#a_%s-%d\" TOOLTIP=\"", fill, m->question ? "q" : "", m->number,
		   marker_anchor(m), m->number);
	/* Cut: Graphviz cannot read back a tag longer than 16 KiB. */
	char *tip = esc_plain(m->message, TOOLTIP_CHARS);
	put_text(out, tip);
	free(tip);
	buf_printf(out, "\"><FONT COLOR=\"%s\" POINT-SIZE=\"10\"><B>", text);
	put_marker_number(out, p, m);
	buf_printf(out, "</B>  %s ", code_id(m->code));
	put_text(out, code_slug(m->code, p->lang));
	if (note != NULL && *note != '\0') {
		buf_puts(out, "<BR ALIGN=\"LEFT\"/>");
		esc_wrap(out, note, NOTE_WIDTH, NOTE_LINES);
	}
	buf_puts(out, "</FONT></TD>");
}

static void
put_marker_row(struct buf *out, const struct pathway *p, const struct marker *m,
	       const char *note)
{
	buf_puts(out, "<TR>");
	put_marker_cell(out, p, m, note);
	buf_puts(out, "</TR>");
}

/* A team note: a pain point no finding reports, or an opportunity. */
static void
put_note_row(struct buf *out, const char *fill, const char *symbol_color,
	     const char *symbol, const char *text)
{
	buf_printf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"%s\"><FONT POINT-SIZE=\"10\">"
		   "<FONT COLOR=\"%s\">%s</FONT> ", fill, symbol_color, symbol);
	esc_wrap(out, text, NOTE_WIDTH, NOTE_LINES);
	buf_puts(out, "</FONT></TD></TR>");
}

/* --- the title block --- */

void
pathway_subtitle(struct buf *out, const struct pathway *p)
{
	const struct journey *j = p->journey;
	const char *name = p->persona && p->persona->name.s ? p->persona->name.s
			 : j->persona.s ? j->persona.s : "";
	msg_append(out, p->lang, M_R_PERSONA, name);
	if (j->region.s && *j->region.s) {
		buf_puts(out, SYM_DOT);
		msg_append(out, p->lang, M_R_REGION, j->region.s);
	}
	buf_puts(out, SYM_DOT);
	buf_puts(out, j->kind.v == KIND_TO_BE ? msg(p->lang, M_R_TO_BE) : msg(p->lang, M_R_AS_IS));
}

static void
put_subtitle(struct buf *out, const struct pathway *p)
{
	struct buf line = {0};
	pathway_subtitle(&line, p);
	esc_wrap(out, buf_str(&line), TITLE_WIDTH + 20, TITLE_LINES);
	buf_free(&line);
}

/* "7 etappes · 4 knelpunten · frictiescore 9", and " · 2 vragen" when
 * there are questions. */
void
pathway_counts(struct buf *out, const struct pathway *p)
{
	int stages = (int)p->journey->n_stages, found = p->friction.count;
	msg_append_plural(out, p->lang, stages, M_R_STAGES_1, M_R_STAGES_N);
	buf_puts(out, SYM_DOT);
	msg_append_plural(out, p->lang, found, M_SUMMARY_FRICTION_1, M_SUMMARY_FRICTION_N);
	buf_puts(out, SYM_DOT);
	msg_append(out, p->lang, M_SUMMARY_SCORE, p->friction.score);
	int questions = (int)markers_count_questions(p->markers);
	if (questions > 0) {
		buf_puts(out, SYM_DOT);
		msg_append_plural(out, p->lang, questions, M_SUMMARY_QUESTIONS_1, M_SUMMARY_QUESTIONS_N);
	}
}

void
label_title(struct buf *out, const struct pathway *p)
{
	buf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
		 "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"20\"><B>");
	if (esc_wrap(out, p->journey->title.s, TITLE_WIDTH, TITLE_LINES) == 0)
		put_text(out, p->journey->id.s ? p->journey->id.s : "");
	buf_puts(out, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"13\">");
	put_subtitle(out, p);
	buf_printf(out, "</FONT></TD></TR><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\" COLOR=\"%s\">",
		   GREY_TEXT);
	pathway_counts(out, p);
	buf_puts(out, "</FONT></TD></TR></TABLE>");
}

static void put_marker_chip(struct buf *out, const struct pathway *p, const struct marker *m);

bool
label_title_markers(struct buf *out, const struct pathway *p, enum detail detail)
{
	bool any = false;
	for (size_t i = 0; i < p->markers->n; i++) {
		const struct marker *m = &p->markers->items[i];
		if (m->stage >= 0)
			continue;
		if (!any)
			buf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
				 "CELLPADDING=\"3\"><TR>");
		any = true;
		if (detail == DETAIL_POSTER)
			put_marker_cell(out, p, m, NULL);
		else
			put_marker_chip(out, p, m);
	}
	if (any)
		buf_puts(out, "</TR></TABLE>");
	return any;
}

/* --- lane headers --- */

/* A lane header: the position's name, and on the poster its rung and
 * domain; in the compact diagram the lanes' order shows the rungs and the
 * legend the domains. */
void
label_lane(struct buf *out, const struct pathway *p, const struct position *pos,
	   enum detail detail)
{
	struct tint t = tint_of(p->chain, pos);
	bool poster = detail == DETAIL_POSTER;
	buf_printf(out, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"%d\" "
		   "COLOR=\"%s\" BGCOLOR=\"%s\" STYLE=\"rounded\">"
		   "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" WIDTH=\"%d\"><B>", poster ? 4 : 2, t.dark,
		   t.strong, poster ? 150 : LANE_COMPACT_WIDTH);
	const char *label = pos == NULL ? msg(p->lang, M_R_UNKNOWN_POSITION)
			  : pos->label.s && *pos->label.s ? pos->label.s : pos->id.s;
	esc_wrap(out, label, poster ? LANE_WIDTH : LANE_COMPACT_CHARS, LANE_LINES);
	buf_puts(out, "</B></TD></TR>");
	if (pos != NULL && poster) {
		buf_puts(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">");
		struct buf line = {0};
		msg_append(&line, p->lang, M_R_RUNG, pos->ladder.v);
		if (pos->dom && pos->dom->label.s) {
			buf_puts(&line, SYM_DOT);
			buf_puts(&line, pos->dom->label.s);
		}
		esc_wrap(out, buf_str(&line), LANE_WIDTH + 4, LANE_LINES);
		buf_free(&line);
		buf_puts(out, "</FONT></TD></TR>");
	}
	buf_puts(out, "</TABLE>");
}

/* --- stage cards --- */

/* "3 · Title" on the lane's tint, in a cell `width` points wide, wrapped
 * at `chars` characters. */
static void
put_stage_title(struct buf *out, const struct stage *s, size_t i, struct tint t, int width,
		int chars, int lines)
{
	buf_printf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"%s\" WIDTH=\"%d\">"
		   "<FONT POINT-SIZE=\"%d\"><B>", t.strong, width, width == CARD_WIDTH ? 11 : 12);
	char *title = xasprintf("%zu" SYM_DOT "%s", i + 1, s->title.s ? s->title.s : "");
	esc_wrap(out, title, (size_t)chars, (size_t)lines);
	free(title);
	buf_puts(out, "</B></FONT></TD></TR>");
}

static void
put_actors(struct buf *out, const struct pathway *p, const struct stage *s)
{
	struct buf names = {0};
	for (size_t k = 0; k < s->actors.n; k++)
		buf_printf(&names, "%s%s", k ? ", " : "", s->actors.items[k].s);
	for (size_t k = 0; k < s->organisation.n; k++)
		buf_printf(&names, "%s%s%s", k ? ", " : names.len ? " (" : "(",
			   s->organisation.items[k].s,
			   k + 1 == s->organisation.n ? ")" : "");
	if (names.len > 0) {
		struct buf line = {0};
		msg_append(&line, p->lang, M_R_WHO, buf_str(&names));
		buf_printf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"%s\">",
			   GREY_TEXT);
		esc_wrap(out, buf_str(&line), META_WIDTH, META_LINES);
		buf_puts(out, "</FONT></TD></TR>");
		buf_free(&line);
	}
	buf_free(&names);
}

/* The colour of an emotion from -2 to +2. */
static const char *
emotion_colour(long k)
{
	return colour_hex(k < 0 ? COLOUR_MOVE_DOWN : k > 0 ? COLOUR_MOVE_UP : COLOUR_GREY_TEXT);
}

static void
put_emotion(struct buf *out, enum lang lang, long v)
{
	long k = v < -2 ? -2 : v > 2 ? 2 : v;
	const char *color = emotion_colour(k);
	const char *face = k < 0 ? SYM_SAD : k > 0 ? SYM_HAPPY : SYM_NEUTRAL;
	buf_printf(out, "<FONT COLOR=\"%s\">%s%s %s (%s%ld)</FONT>", color, face,
		   k == 2 || k == -2 ? face : "", value_emotion_text(k, lang),
		   k < 0 ? "\xE2\x88\x92" : k > 0 ? "+" : "", k < 0 ? -k : k);
}

static void
put_duration_emotion(struct buf *out, const struct pathway *p, const struct stage *s)
{
	if (!s->duration.set && !s->emotion.set)
		return;
	buf_puts(out, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">");
	if (s->duration.set) {
		char d[VALUE_DURATION_WORDS];
		put_text(out, value_duration_words(d, s->duration.v, p->lang));
	}
	if (s->duration.set && s->emotion.set)
		buf_puts(out, SYM_DOT);
	if (s->emotion.set)
		put_emotion(out, p->lang, s->emotion.v);
	buf_puts(out, "</FONT></TD></TR>");
}

/* A touchpoint's cell (its <TD> opened): "tp-3-2" for stage 3's second touchpoint, with its
 * kind and title as tooltip and a link to its stage (Graphviz 2.43 gives a
 * cell an SVG group only when it links somewhere; svg_group_classes names
 * that group "touchpoint <kind>"). */
static void
put_touchpoint_cell(struct buf *out, const struct pathway *p, const struct touchpoint *tp,
		    size_t i, size_t k, const char *fill)
{
	unsigned kind = tp->kind < TP__MAX ? tp->kind : TP_OTHER;
	buf_printf(out, "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"%s%s%s ID=\"tp-%zu-%zu\" "
		   "HREF=\"#stage-", fill ? " BGCOLOR=\"" : "", fill ? fill : "", fill ? "\"" : "",
		   i + 1, k + 1);
	put_text(out, stage_id(p, (long)i));
	buf_puts(out, "\" TOOLTIP=\"");
	put_text(out, vocab_name(VOCAB_TP_KIND, (int)kind, p->lang));
	if (tp->title.s && *tp->title.s) {
		char *tip = esc_plain(tp->title.s, TOOLTIP_CHARS);
		buf_puts(out, ": ");
		put_text(out, tip);
		free(tip);
	}
	buf_puts(out, "\">");
}

/* A touchpoint: its kind's symbol and its title; a good event (payment,
 * redress) on the opportunity green, with its word in bold before the title. */
static void
put_touchpoint(struct buf *out, const struct pathway *p, size_t i, size_t k)
{
	const struct touchpoint *tp = p->journey->stages[i]->touchpoints[k];
	unsigned kind = tp->kind < TP__MAX ? tp->kind : TP_OTHER;
	enum msg word;
	buf_puts(out, "<TR>");
	if (good_event_word(tp, &word)) {
		put_touchpoint_cell(out, p, tp, i, k, OPPORTUNITY_LIGHT);
		buf_printf(out, "<FONT POINT-SIZE=\"10\"><FONT COLOR=\"%s\">%s <B>",
			   OPPORTUNITY_STRONG, kind_symbol[kind]);
		put_text(out, (msg)(p->lang, word));
		buf_puts(out, "</B></FONT>" SYM_DOT);
	} else {
		put_touchpoint_cell(out, p, tp, i, k, NULL);
		buf_printf(out, "<FONT POINT-SIZE=\"10\">%s ", kind_symbol[kind]);
	}
	const char *title = tp->title.s && *tp->title.s ? tp->title.s
			  : vocab_name(VOCAB_TP_KIND, (int)kind, p->lang);
	esc_wrap(out, title, TOUCHPOINT_WIDTH, TOUCHPOINT_LINES);
	buf_puts(out, "</FONT></TD></TR>");
}

/* The markers of stage i at touchpoint tp (0: the stage itself), pain
 * point markers aside. */
static void
put_markers_at(struct buf *out, const struct pathway *p, long i, int tp)
{
	/* The place's markers are together, those of no pain point first. */
	for (size_t k = markers_first_at(p->markers, i, tp); k < p->markers->n; k++) {
		const struct marker *m = &p->markers->items[k];
		if (m->stage != i || m->touchpoint != tp || m->pain_point >= 0)
			break;
		put_marker_row(out, p, m, NULL);
	}
}

static void
put_team_notes(struct buf *out, const struct pathway *p, long i)
{
	const struct stage *s = p->journey->stages[i];
	for (size_t k = 0; k < s->pain_points.n; k++) {
		const char *text = s->pain_points.items[k].s ? s->pain_points.items[k].s : "";
		const struct marker *m = markers_for_pain_point(p->markers, i, (long)k);
		if (m != NULL)
			put_marker_row(out, p, m, text);
		else
			put_note_row(out, impact_style_of(p->chain, 2).fill, impact_style_of(p->chain, 2).text, SYM_PAIN,
				     text);
	}
	for (size_t k = 0; k < s->opportunities.n; k++)
		put_note_row(out, OPPORTUNITY_LIGHT, OPPORTUNITY_STRONG, SYM_OPPORTUNITY,
			     s->opportunities.items[k].s ? s->opportunities.items[k].s : "");
}

static void
label_poster_stage(struct buf *out, const struct pathway *p, size_t i)
{
	const struct stage *s = p->journey->stages[i];
	struct tint t = tint_of(p->chain, s->pos);
	buf_printf(out, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"3\" "
		   "COLOR=\"%s\" BGCOLOR=\"#ffffff\" STYLE=\"rounded\">", t.dark);
	put_stage_title(out, s, i, t, 200, STAGE_TITLE_WIDTH, STAGE_TITLE_LINES);
	put_actors(out, p, s);
	put_duration_emotion(out, p, s);
	for (size_t k = 0; k < s->n_touchpoints; k++) {
		put_touchpoint(out, p, i, k);
		put_markers_at(out, p, (long)i, (int)k + 1);
	}
	put_markers_at(out, p, (long)i, 0);
	put_team_notes(out, p, (long)i);
	buf_puts(out, "</TABLE>");
}

/* --- compact stage cards --- */

/* A row of cells inside a card: a table of its own, a new row after every
 * `per_row` cells (card_cells_next). */
static void
card_cells_start(struct buf *out)
{
	buf_puts(out, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" "
		 "CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>");
}

static void
card_cells_next(struct buf *out, size_t *n, size_t per_row)
{
	if (*n > 0 && *n % per_row == 0)
		buf_puts(out, "</TR><TR>");
	(*n)++;
}

static void
card_cells_end(struct buf *out)
{
	buf_puts(out, "</TR></TABLE></TD></TR>");
}

/* The touchpoints as symbols, a good event on the opportunity green; the
 * kind and title are the symbol's tooltip. */
static void
put_symbol_row(struct buf *out, const struct pathway *p, size_t i)
{
	const struct stage *s = p->journey->stages[i];
	if (s->n_touchpoints == 0)
		return;
	card_cells_start(out);
	size_t n = 0;
	for (size_t k = 0; k < s->n_touchpoints; k++) {
		const struct touchpoint *tp = s->touchpoints[k];
		unsigned kind = tp->kind < TP__MAX ? tp->kind : TP_OTHER;
		enum msg word;
		bool good = good_event_word(tp, &word);
		card_cells_next(out, &n, SYMBOLS_PER_ROW);
		put_touchpoint_cell(out, p, tp, i, k, good ? OPPORTUNITY_LIGHT : NULL);
		buf_printf(out, "<FONT POINT-SIZE=\"12\" COLOR=\"%s\">%s</FONT></TD>",
			   good ? OPPORTUNITY_STRONG : "#000000", kind_symbol[kind]);
	}
	card_cells_end(out);
}

/* A numbered marker as a chip: "▲ 3" on its impact's colour, linking to
 * its line in the legend; its message is the tooltip. */
static void
put_marker_chip(struct buf *out, const struct pathway *p, const struct marker *m)
{
	const char *fill, *text;
	marker_colours(p, m, &fill, &text);
	buf_printf(out, "<TD BGCOLOR=\"%s\" ID=\"marker-%s%d\" HREF=\"#a_%s-%d\" TOOLTIP=\"", fill,
		   m->question ? "q" : "", m->number, marker_anchor(m), m->number);
	char *tip = esc_plain(m->message, TOOLTIP_CHARS);
	put_text(out, tip);
	free(tip);
	buf_printf(out, "\"><FONT COLOR=\"%s\" POINT-SIZE=\"11\"><B>", text);
	if (m->question)
		buf_printf(out, "?%d", m->number);
	else /* "▲3": narrower than the legend's "▲ 3" */
		buf_printf(out, "%s%d", impact_style_of(p->chain, m->impact).glyph, m->number);
	buf_puts(out, "</B></FONT></TD>");
}

/* A team note as a chip: its symbol on its colour, the text as tooltip. */
static void
put_note_chip(struct buf *out, const char *fill, const char *symbol_color, const char *symbol,
	      const char *text)
{
	buf_printf(out, "<TD BGCOLOR=\"%s\" TOOLTIP=\"", fill);
	char *tip = esc_plain(text, TOOLTIP_CHARS);
	put_text(out, tip);
	free(tip);
	buf_printf(out, "\"><FONT COLOR=\"%s\" POINT-SIZE=\"11\"><B>%s</B></FONT></TD>",
		   symbol_color, symbol);
}

/* The stage's markers (its pain points' among them), then the pain points
 * no finding reports and the opportunities, CHIPS_PER_ROW to a row. */
static void
put_chip_rows(struct buf *out, const struct pathway *p, size_t i)
{
	const struct stage *s = p->journey->stages[i];
	size_t n = 0;
	for (size_t k = 0; k < p->markers->n; k++) {
		const struct marker *m = &p->markers->items[k];
		if (m->stage != (long)i)
			continue;
		if (n == 0)
			card_cells_start(out);
		card_cells_next(out, &n, CHIPS_PER_ROW);
		put_marker_chip(out, p, m);
	}
	for (size_t k = 0; k < s->pain_points.n; k++) {
		if (markers_for_pain_point(p->markers, (long)i, (long)k) != NULL)
			continue;
		if (n == 0)
			card_cells_start(out);
		card_cells_next(out, &n, CHIPS_PER_ROW);
		put_note_chip(out, impact_style_of(p->chain, 2).fill, impact_style_of(p->chain, 2).text, SYM_PAIN,
			      s->pain_points.items[k].s ? s->pain_points.items[k].s : "");
	}
	for (size_t k = 0; k < s->opportunities.n; k++) {
		if (n == 0)
			card_cells_start(out);
		card_cells_next(out, &n, CHIPS_PER_ROW);
		put_note_chip(out, OPPORTUNITY_LIGHT, OPPORTUNITY_STRONG, SYM_OPPORTUNITY,
			      s->opportunities.items[k].s ? s->opportunities.items[k].s : "");
	}
	if (n > 0)
		card_cells_end(out);
}

/* The duration and the emotion's face on one line, "6 weeks · ☹☹"; the
 * emotion's words are the line's tooltip. */
static void
put_card_meta(struct buf *out, const struct pathway *p, const struct stage *s)
{
	if (!s->duration.set && !s->emotion.set)
		return;
	buf_puts(out, "<TR><TD ALIGN=\"LEFT\"");
	long k = s->emotion.v < -2 ? -2 : s->emotion.v > 2 ? 2 : s->emotion.v;
	if (s->emotion.set)
		buf_printf(out, " TOOLTIP=\"%s\"", value_emotion_text(k, p->lang));
	buf_puts(out, "><FONT POINT-SIZE=\"11\">");
	if (s->duration.set) {
		char *d = value_duration_text(s->duration.v, p->lang);
		put_text(out, d);
		free(d);
	}
	if (s->duration.set && s->emotion.set)
		buf_puts(out, SYM_DOT);
	if (s->emotion.set) {
		const char *face = k < 0 ? SYM_SAD : k > 0 ? SYM_HAPPY : SYM_NEUTRAL;
		buf_printf(out, "<FONT COLOR=\"%s\"><B>%s%s</B></FONT>", emotion_colour(k), face,
			   k == 2 || k == -2 ? face : "");
	}
	buf_puts(out, "</FONT></TD></TR>");
}

/* The compact card: title, duration, emotion, touchpoint symbols and
 * numbered markers; the long texts are tooltips, the report lists them. */
static void
label_card(struct buf *out, const struct pathway *p, size_t i)
{
	const struct stage *s = p->journey->stages[i];
	struct tint t = tint_of(p->chain, s->pos);
	buf_printf(out, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"3\" "
		   "COLOR=\"%s\" BGCOLOR=\"#ffffff\" STYLE=\"rounded\">", t.dark);
	put_stage_title(out, s, i, t, CARD_WIDTH, CARD_TITLE_WIDTH, CARD_TITLE_LINES);
	put_card_meta(out, p, s);
	put_symbol_row(out, p, i);
	put_chip_rows(out, p, i);
	buf_puts(out, "</TABLE>");
}

void
label_stage(struct buf *out, const struct pathway *p, size_t i, enum detail detail)
{
	if (detail == DETAIL_POSTER)
		label_poster_stage(out, p, i);
	else
		label_card(out, p, i);
}

static bool
stage_has_good_event(const struct stage *s)
{
	enum msg word;
	for (size_t k = 0; k < s->n_touchpoints; k++)
		if (good_event_word(s->touchpoints[k], &word))
			return true;
	return false;
}

void
stage_classes(struct buf *out, const struct pathway *p, size_t i)
{
	const struct stage *s = p->journey->stages[i];
	buf_puts(out, "stage");
	bool friction = s->pain_points.n > 0, question = false;
	for (size_t k = 0; k < p->markers->n; k++) {
		const struct marker *m = &p->markers->items[k];
		friction |= m->stage == (long)i && !m->question;
		question |= m->stage == (long)i && m->question;
	}
	if (friction)
		buf_puts(out, " friction");
	if (question)
		buf_puts(out, " question");
	bool seen[CODE__MAX] = {false};
	for (size_t k = 0; k < p->markers->n; k++) {
		const struct marker *m = &p->markers->items[k];
		if (m->stage != (long)i || seen[m->code])
			continue;
		seen[m->code] = true;
		buf_putc(out, ' ');
		for (const char *c = code_id(m->code); *c; c++)
			buf_putc(out, (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c));
	}
	if (s->opportunities.n > 0)
		buf_puts(out, " opportunity");
	if (stage_has_good_event(s))
		buf_puts(out, " good-event");
}

/* --- the legend --- */

/* Each part of the legend is a node of its own, one row wide, so that no
 * cell is stretched to the width of another part. */
static void
legend_start(struct buf *out, const char *title)
{
	buf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
		 "<TR><TD ALIGN=\"LEFT\" WIDTH=\"110\"><B>");
	put_text(out, title);
	buf_puts(out, "</B></TD>");
}

static void
legend_end(struct buf *out)
{
	buf_puts(out, "</TR></TABLE>");
}

static bool
legend_domains(struct buf *out, const struct pathway *p, const struct lane_set *lanes)
{
	legend_start(out, msg(p->lang, M_R_LEGEND_DOMAINS));
	for (size_t i = 0; i < lanes->n; i++) {
		const struct position *pos = lanes->pos[i];
		bool first = true;
		for (size_t k = 0; k < i && first; k++)
			first = !(lanes->pos[k] && pos && lanes->pos[k]->dom == pos->dom);
		if (!first || (pos && pos->dom == NULL))
			continue;
		struct tint t = tint_of(p->chain, pos);
		buf_printf(out, "<TD BGCOLOR=\"%s\" BORDER=\"1\" COLOR=\"%s\" WIDTH=\"18\">"
			   "<FONT POINT-SIZE=\"8\"> </FONT></TD><TD ALIGN=\"LEFT\">", t.band, t.dark);
		put_text(out, pos == NULL ? msg(p->lang, M_R_UNKNOWN_POSITION)
				: pos->dom->label.s ? pos->dom->label.s : pos->dom->id.s);
		buf_puts(out, "  </TD>");
	}
	legend_end(out);
	return lanes->n > 0;
}

static bool
legend_moves(struct buf *out, const struct pathway *p)
{
	bool seen[3] = {false}, domains[3] = {false};
	const struct journey *j = p->journey;
	if (j->n_stages < 2)
		return false;
	for (size_t i = 1; i < j->n_stages; i++) {
		seen[move_between(j->stages[i - 1], j->stages[i])] = true;
		domains[domain_change(j->stages[i - 1], j->stages[i])] = true;
	}
	legend_start(out, msg(p->lang, M_R_LEGEND_MOVES));
	static const struct { enum move move; enum colour color; const char *arrow; enum msg text; }
	moves[] = {
		{MOVE_UP, COLOUR_MOVE_UP, SYM_ARROW_SOLID, M_R_MOVE_UP},
		{MOVE_LEVEL, COLOUR_MOVE_LEVEL, SYM_ARROW_SOLID, M_R_MOVE_LEVEL},
		{MOVE_DOWN, COLOUR_MOVE_DOWN, SYM_ARROW_DASHED, M_R_MOVE_DOWN},
	};
	for (size_t k = 0; k < 3; k++)
		if (seen[moves[k].move])
			buf_printf(out, "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT> %s  </TD>",
				   colour_hex(moves[k].color), moves[k].arrow, (msg)(p->lang, moves[k].text));
	if (domains[2])
		buf_printf(out, "<TD ALIGN=\"LEFT\">%s%s %s  </TD>", SYM_DIAMOND, SYM_ARROW_SOLID,
			   msg(p->lang, M_R_MOVE_DOMAIN));
	if (domains[1])
		buf_printf(out, "<TD ALIGN=\"LEFT\">%s%s %s  </TD>", SYM_DIAMOND_OPEN, SYM_ARROW_SOLID,
			   msg(p->lang, M_R_MOVE_ONE_ROOF));
	legend_end(out);
	return true;
}

/* The touchpoint kinds the journey uses, per_row to a row. */
static bool
legend_touchpoints(struct buf *out, const struct pathway *p, size_t per_row)
{
	bool used[TP__MAX] = {false};
	size_t n_used = 0;
	const struct journey *j = p->journey;
	for (size_t i = 0; i < j->n_stages; i++)
		for (size_t k = 0; k < j->stages[i]->n_touchpoints; k++) {
			unsigned kind = j->stages[i]->touchpoints[k]->kind;
			kind = kind < TP__MAX ? kind : TP_OTHER;
			n_used += !used[kind];
			used[kind] = true;
		}
	if (n_used == 0)
		return false;
	legend_start(out, msg(p->lang, M_R_LEGEND_TOUCHPOINTS));
	size_t shown = 0;
	for (int kind = 0; kind < TP__MAX; kind++) {
		if (!used[kind])
			continue;
		if (shown > 0 && shown % per_row == 0)
			buf_puts(out, "</TR><TR><TD></TD>");
		shown++;
		buf_printf(out, "<TD ALIGN=\"LEFT\">%s ", kind_symbol[kind]);
		put_text(out, vocab_name(VOCAB_TP_KIND, kind, p->lang));
		buf_puts(out, "  </TD>");
	}
	legend_end(out);
	return true;
}

/* Which green and orange notes the diagram holds: a pain point no finding
 * reports, an opportunity, a good event. */
static void
team_notes(const struct pathway *p, bool *pain, bool *opportunity, bool *good)
{
	const struct journey *j = p->journey;
	*pain = *opportunity = *good = false;
	for (size_t i = 0; i < j->n_stages; i++) {
		for (size_t k = 0; k < j->stages[i]->pain_points.n; k++)
			*pain |= markers_for_pain_point(p->markers, (long)i, (long)k) == NULL;
		*opportunity |= j->stages[i]->opportunities.n > 0;
		*good |= stage_has_good_event(j->stages[i]);
	}
}

/* A legend entry on a coloured ground: a symbol and its meaning. */
static void
put_chip(struct buf *out, const char *attrs, const char *fill, const char *symbol_color,
	 const char *symbol, const char *text)
{
	buf_printf(out, "<TD%s BGCOLOR=\"%s\"><FONT COLOR=\"%s\">%s</FONT> ", attrs, fill,
		   symbol_color, symbol);
	put_text(out, text);
	buf_puts(out, " </TD>");
}

/* The friction key's entries: the impact levels by glyph and colour, the
 * team's notes, the questions; `between` goes before each entry but the
 * first ("": a row, "</TR><TR>": a column), `attrs` in each entry's cell. */
static size_t
friction_key_entries(struct buf *out, const struct pathway *p, const char *between,
		     const char *attrs)
{
	size_t n = 3;
	static const enum msg impacts[] = {M_R_IMPACT_1, M_R_IMPACT_2, M_R_IMPACT_3};
	for (int k = 0; k < 3; k++)
		buf_printf(out, "%s<TD%s BGCOLOR=\"%s\"><FONT COLOR=\"%s\"> <B>%s</B> %s </FONT></TD>",
			   k > 0 ? between : "", attrs,
			   impact_style_of(p->chain, k + 1).fill, impact_style_of(p->chain, k + 1).text,
			   impact_style_of(p->chain, k + 1).glyph, (msg)(p->lang, impacts[k]));
	bool pain, opportunity, good;
	team_notes(p, &pain, &opportunity, &good);
	n += pain + opportunity + good;
	if (pain) {
		buf_puts(out, between);
		put_chip(out, attrs, impact_style_of(p->chain, 2).fill, impact_style_of(p->chain, 2).text, SYM_PAIN,
			 msg(p->lang, M_R_TEAM_PAIN_POINT));
	}
	if (opportunity) {
		buf_puts(out, between);
		put_chip(out, attrs, OPPORTUNITY_LIGHT, OPPORTUNITY_STRONG, SYM_OPPORTUNITY,
			 msg(p->lang, M_R_OPPORTUNITY));
	}
	if (good) {
		buf_puts(out, between);
		put_chip(out, attrs, OPPORTUNITY_LIGHT, OPPORTUNITY_STRONG, kind_symbol[TP_PAYMENT],
			 msg(p->lang, M_R_GOOD_EVENT));
	}
	int questions = (int)markers_count_questions(p->markers);
	if (questions > 0)
		buf_printf(out, "%s<TD%s BGCOLOR=\"%s\"><FONT COLOR=\"%s\"> <B>?</B> %s </FONT></TD>",
			   between, attrs, QUESTION_FILL, QUESTION_TEXT, msg(p->lang, M_R_QUESTION_KEY));
	if (p->markers->n - (size_t)questions == 0)
		buf_printf(out, "%s<TD ALIGN=\"LEFT\"> %s</TD>", between, msg(p->lang, M_R_NO_FRICTION));
	return n + (questions > 0) + (p->markers->n - (size_t)questions == 0);
}

static bool legend_key_holds_key(const struct pathway *p);

/* The friction key on a line of its own; left out when the grouped list
 * holds it (legend_key_grouped). */
static bool
legend_friction_key(struct buf *out, const struct pathway *p, enum detail detail)
{
	if (detail == DETAIL_COMPACT && legend_key_holds_key(p))
		return false;
	legend_start(out, msg(p->lang, M_R_LEGEND_FRICTION));
	friction_key_entries(out, p, "", "");
	legend_end(out);
	return true;
}

/* One line of the numbered list: number, code and name, where, message. */
/* A marker's chip in the legend: its number on its impact's colour, the
 * anchor its markers link to, linking back to its stage (or the title);
 * `attrs` are further attributes of the cell. */
static void
legend_chip_cell(struct buf *out, const struct pathway *p, const struct marker *m,
		 const char *attrs)
{
	const char *fill, *text;
	marker_colours(p, m, &fill, &text);
	buf_printf(out, "<TD ALIGN=\"RIGHT\"%s BGCOLOR=\"%s\" ID=\"%s-%d\" HREF=\"#", attrs,
		   fill, marker_anchor(m), m->number);
	if (m->stage >= 0) {
		buf_puts(out, "stage-");
		put_text(out, stage_id(p, m->stage));
	} else {
		buf_puts(out, "title");
	}
	buf_printf(out, "\" TOOLTIP=\"%s %s\"><FONT COLOR=\"%s\"><B>",
		   code_id(m->code), code_slug(m->code, p->lang), text);
	put_marker_number(out, p, m);
	buf_puts(out, "</B></FONT></TD>");
}

static void
legend_finding(struct buf *out, const struct pathway *p, const struct marker *m)
{
	buf_puts(out, "<TR><TD WIDTH=\"110\"></TD>");
	legend_chip_cell(out, p, m, " VALIGN=\"TOP\"");
	buf_printf(out, "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\">%s ", code_id(m->code));
	put_text(out, code_slug(m->code, p->lang));
	buf_printf(out, "</TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT COLOR=\"%s\">", GREY_TEXT);
	if (m->stage >= 0)
		msg_append(out, p->lang, M_R_STAGE_REF, (int)m->stage + 1);
	else
		put_text(out, msg(p->lang, M_R_WHOLE_JOURNEY));
	buf_puts(out, "</FONT></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\">");
	esc_wrap(out, m->message, LEGEND_WIDTH, LEGEND_LINES);
	buf_puts(out, "</TD></TR>");
}

static bool
legend_findings(struct buf *out, const struct pathway *p)
{
	if (p->markers->n == 0)
		return false;
	buf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
	for (size_t i = 0; i < p->markers->n; i++)
		legend_finding(out, p, &p->markers->items[i]);
	buf_puts(out, "</TABLE>");
	return true;
}

/* One entry of the compact list: the marker's chip (the anchor its
 * markers link to) and "K003 cold-handover". */
static void
legend_key_entry(struct buf *out, const struct pathway *p, const struct marker *m)
{
	legend_chip_cell(out, p, m, "");
	buf_printf(out, "<TD ALIGN=\"LEFT\">%s ", code_id(m->code));
	put_text(out, code_slug(m->code, p->lang));
	buf_puts(out, "  </TD>");
}

/* The estimated width of the compact list in `columns` columns. */
static size_t
key_list_width(const struct pathway *p, size_t columns)
{
	size_t n = p->markers->n, rows = (n + columns - 1) / columns, width = 0;
	for (size_t c = 0; c * rows < n; c++) {
		size_t widest = 0;
		for (size_t k = c * rows; k < n && k < (c + 1) * rows; k++) {
			enum code code = p->markers->items[k].code;
			size_t chars = strlen(code_id(code)) + 1 + strlen(code_slug(code, p->lang));
			widest = chars > widest ? chars : widest;
		}
		width += widest * KEY_CHAR / 10 + KEY_CHIP;
	}
	return width;
}

/* --- the compact list grouped per rule and impact --- */

/* The markers of one rule at one impact (or the questions of one rule),
 * linked through next[] in number order. */
struct key_group {
	size_t first, last, n;
};

/* Groups the markers per rule and impact, the groups in the order of
 * their first marker; next[k] is the marker after k in its group
 * (SIZE_MAX: none). Returns the number of groups. */
static size_t
key_groups_make(const struct marker_list *list, struct key_group *groups, size_t *next)
{
	size_t slot[CODE__MAX][4], n_groups = 0;
	for (size_t c = 0; c < CODE__MAX; c++)
		for (size_t k = 0; k < 4; k++)
			slot[c][k] = SIZE_MAX;
	for (size_t k = 0; k < list->n; k++) {
		const struct marker *m = &list->items[k];
		size_t level = m->question ? 0 : m->impact < 1 ? 1 : m->impact > 3 ? 3 : (size_t)m->impact;
		size_t *s = &slot[m->code < CODE__MAX ? m->code : 0][level];
		next[k] = SIZE_MAX;
		if (*s == SIZE_MAX) {
			*s = n_groups;
			groups[n_groups++] = (struct key_group){k, k, 1};
		} else {
			struct key_group *g = &groups[*s];
			next[g->last] = k;
			g->last = k;
			g->n++;
		}
	}
	return n_groups;
}

static size_t
key_group_lines(const struct key_group *g)
{
	return (g->n + KEY_NUMBERS_PER_LINE - 1) / KEY_NUMBERS_PER_LINE;
}

/* Splits the groups, in order, into at most `columns` columns of at most
 * `height` lines each; first[c] is column c's first group. Returns the
 * number of columns, or 0 when they do not fit. */
static size_t
key_columns_fill(const struct key_group *groups, size_t n_groups, size_t columns, size_t height,
		 size_t *first)
{
	size_t used = 0, lines = height;
	for (size_t g = 0; g < n_groups; g++) {
		size_t need = key_group_lines(&groups[g]);
		if (lines + need > height) {
			if (used == columns || need > height)
				return 0;
			first[used++] = g;
			lines = 0;
		}
		lines += need;
	}
	return used;
}

/* The fewest lines per column that hold the groups in `columns` columns;
 * the columns' first groups in first[]. */
static size_t
key_columns_plan(const struct key_group *groups, size_t n_groups, size_t columns, size_t *first,
		 size_t *used)
{
	size_t height = 1;
	while ((*used = key_columns_fill(groups, n_groups, columns, height, first)) == 0)
		height++;
	return height;
}

/* The number of digits of n. */
static size_t
digits(int n)
{
	size_t d = 1;
	for (; n >= 10; n /= 10)
		d++;
	return d;
}

/* The estimated width of the planned columns in points: per column its
 * glyph, its slots for numbers (each as wide as its widest, "13,") and
 * its widest "K013 pain-point". */
static size_t
key_columns_width(const struct pathway *p, const struct key_group *groups, size_t n_groups,
		  const size_t *first, size_t used, const size_t *next)
{
	size_t width = 0;
	for (size_t c = 0; c < used; c++) {
		size_t end = c + 1 < used ? first[c + 1] : n_groups, slots = 1, number = 1, label = 0;
		for (size_t g = first[c]; g < end; g++) {
			slots = groups[g].n > slots ? groups[g].n : slots;
			for (size_t k = groups[g].first; k != SIZE_MAX; k = next[k])
				if (digits(p->markers->items[k].number) > number)
					number = digits(p->markers->items[k].number);
			enum code code = p->markers->items[groups[g].first].code;
			size_t chars = strlen(code_id(code)) + 4 + strlen(code_slug(code, p->lang));
			label = chars > label ? chars : label;
		}
		slots = slots < KEY_NUMBERS_PER_LINE ? slots : KEY_NUMBERS_PER_LINE;
		width += (2 + slots * (number + 1) + label) * KEY_CHAR / 10 + (slots + 2) * 2;
	}
	return width;
}

/* A number of a group: the anchor its marker links to. */
static void
legend_key_number(struct buf *out, const struct pathway *p, const struct marker *m,
		  const char *fill, const char *text, bool last)
{
	buf_printf(out, "<TD ALIGN=\"LEFT\" BGCOLOR=\"%s\" ID=\"%s-%d\" HREF=\"#", fill,
		   marker_anchor(m), m->number);
	if (m->stage >= 0) {
		buf_puts(out, "stage-");
		put_text(out, stage_id(p, m->stage));
	} else {
		buf_puts(out, "title");
	}
	buf_printf(out, "\" TOOLTIP=\"%s %s\"><FONT COLOR=\"%s\"><B>%d%s</B></FONT></TD>",
		   code_id(m->code), code_slug(m->code, p->lang), text, m->number, last ? "" : ",");
}

/* One group in a column of `slots` numbers to a line: its glyph and
 * numbers on the impact's colour, KEY_NUMBERS_PER_LINE to a line, then
 * "K013 pain-point"; a thin white line under it. */
static void
legend_key_group(struct buf *out, const struct pathway *p, const struct key_group *g,
		 const size_t *next, size_t slots)
{
	const struct marker *head = &p->markers->items[g->first];
	const char *fill, *text;
	marker_colours(p, head, &fill, &text);
	size_t k = g->first;
	for (size_t line = 0; k != SIZE_MAX; line++) {
		if (line == 0)
			buf_printf(out, "<TR><TD BGCOLOR=\"%s\"><FONT COLOR=\"%s\"><B>%s</B></FONT></TD>",
				   fill, text, head->question ? "?"
				   : impact_style_of(p->chain, head->impact).glyph);
		else
			buf_printf(out, "<TR><TD BGCOLOR=\"%s\"></TD>", fill);
		for (size_t slot = 0; slot < slots; slot++) {
			if (k == SIZE_MAX || slot == KEY_NUMBERS_PER_LINE) {
				buf_puts(out, "<TD></TD>");
				continue;
			}
			legend_key_number(out, p, &p->markers->items[k], fill, text, next[k] == SIZE_MAX);
			k = next[k];
		}
		if (line == 0) {
			buf_printf(out, "<TD ALIGN=\"LEFT\"> %s ", code_id(head->code));
			put_text(out, code_slug(head->code, p->lang));
			buf_puts(out, "  </TD></TR>");
		} else {
			buf_puts(out, "<TD></TD></TR>");
		}
	}
	buf_printf(out, "<TR><TD COLSPAN=\"%zu\"></TD></TR>", slots + 2);
}

/* How the groups stand in columns. */
struct key_plan {
	struct key_group *groups;
	size_t *next, *first;
	size_t n_groups, used, height;
};

/* Groups p's markers and puts them in as many columns as fit. */
static void
key_plan_make(const struct pathway *p, struct key_plan *plan)
{
	size_t n = p->markers->n ? p->markers->n : 1, columns = KEY_COLUMNS;
	plan->next = xcalloc(n, sizeof(size_t));
	plan->groups = xcalloc(n, sizeof(struct key_group));
	plan->first = xcalloc(KEY_COLUMNS, sizeof(size_t));
	plan->n_groups = key_groups_make(p->markers, plan->groups, plan->next);
	plan->height = key_columns_plan(plan->groups, plan->n_groups, columns, plan->first,
					&plan->used);
	while (columns > 2 && key_columns_width(p, plan->groups, plan->n_groups, plan->first,
						plan->used, plan->next) > KEY_WIDTH)
		plan->height = key_columns_plan(plan->groups, plan->n_groups, --columns, plan->first,
						&plan->used);
}

static void
key_plan_free(struct key_plan *plan)
{
	free(plan->first);
	free(plan->groups);
	free(plan->next);
}

/* The friction key down the first column of the grouped list, under its
 * title, when it is at most a line taller than the list (else it keeps
 * its own line above the list); its lines in *lines. */
static bool
key_plan_holds_key(const struct pathway *p, const struct key_plan *plan, struct buf *key,
		   size_t *lines)
{
	*lines = 1 + friction_key_entries(key, p, "</TR><TR>", " ALIGN=\"LEFT\"");
	return *lines <= plan->height + 1;
}

/* The first column of the grouped list: the friction key, or room as
 * wide as the legend's titles. */
static void
legend_key_first_column(struct buf *out, const struct pathway *p, struct key_plan *plan)
{
	struct buf key = {0};
	size_t lines;
	if (!key_plan_holds_key(p, plan, &key, &lines)) {
		buf_puts(out, "<TD WIDTH=\"118\"></TD>");
		buf_free(&key);
		return;
	}
	plan->height = plan->height > lines ? plan->height : lines;
	buf_puts(out, "<TD VALIGN=\"TOP\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" "
		 "CELLPADDING=\"1\"><TR><TD ALIGN=\"LEFT\" WIDTH=\"110\"><B>");
	put_text(out, msg(p->lang, M_R_LEGEND_FRICTION));
	buf_printf(out, "</B></TD></TR><TR>%s</TR>", buf_str(&key));
	for (; lines < plan->height; lines++)
		buf_puts(out, "<TR><TD> </TD></TR>");
	buf_puts(out, "</TABLE></TD><TD WIDTH=\"8\"></TD>");
	buf_free(&key);
}

/* One column of the grouped list, filled to the plan's height (Graphviz
 * spreads a short column over the row's height). */
static void
legend_key_column(struct buf *out, const struct pathway *p, const struct key_plan *plan,
		  size_t c)
{
	buf_puts(out, "<TD VALIGN=\"TOP\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" "
		 "CELLSPACING=\"0\" CELLPADDING=\"1\">");
	size_t end = c + 1 < plan->used ? plan->first[c + 1] : plan->n_groups, slots = 1, lines = 0;
	for (size_t g = plan->first[c]; g < end; g++)
		slots = plan->groups[g].n > slots ? plan->groups[g].n : slots;
	slots = slots < KEY_NUMBERS_PER_LINE ? slots : KEY_NUMBERS_PER_LINE;
	for (size_t g = plan->first[c]; g < end; g++) {
		legend_key_group(out, p, &plan->groups[g], plan->next, slots);
		lines += key_group_lines(&plan->groups[g]);
	}
	for (; lines < plan->height; lines++)
		buf_printf(out, "<TR><TD COLSPAN=\"%zu\"> </TD></TR>", slots + 2);
	buf_puts(out, "</TABLE></TD>");
}

/* The compact list of a journey with many markers: a line per rule and
 * impact, "▲ 3, 6, 8 K013 pain-point", in as many columns as fit, read
 * down; the friction key down the first column when it fits there. */
static void
legend_key_grouped(struct buf *out, const struct pathway *p)
{
	struct key_plan plan;
	key_plan_make(p, &plan);
	buf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>");
	legend_key_first_column(out, p, &plan);
	for (size_t c = 0; c < plan.used; c++)
		legend_key_column(out, p, &plan, c);
	buf_puts(out, "</TR></TABLE>");
	key_plan_free(&plan);
}

/* The compact list: a short line per marker, in as many columns as fit
 * (at least 3), read down each column; grouped per rule and impact when
 * that would take more than KEY_FLAT_ROWS lines. */
/* The lines of the compact list, one marker a line, in as many columns
 * as fit (at least 3); 0 without markers. */
static size_t
key_list_rows(const struct pathway *p, size_t *columns)
{
	size_t n = p->markers->n;
	*columns = KEY_COLUMNS;
	while (n > 0 && *columns > 3 && key_list_width(p, *columns) > KEY_WIDTH)
		(*columns)--;
	return (n + *columns - 1) / *columns;
}

static bool
legend_key_is_grouped(const struct pathway *p)
{
	size_t columns;
	return key_list_rows(p, &columns) > KEY_FLAT_ROWS;
}

/* Whether the grouped list holds the friction key (legend_friction_key
 * then leaves its line out). */
static bool
legend_key_holds_key(const struct pathway *p)
{
	if (!legend_key_is_grouped(p))
		return false;
	struct key_plan plan;
	struct buf key = {0};
	size_t lines;
	key_plan_make(p, &plan);
	bool holds = key_plan_holds_key(p, &plan, &key, &lines);
	buf_free(&key);
	key_plan_free(&plan);
	return holds;
}

static bool
legend_key_list(struct buf *out, const struct pathway *p)
{
	size_t n = p->markers->n, columns;
	size_t rows = key_list_rows(p, &columns);
	if (n == 0)
		return false;
	if (rows > KEY_FLAT_ROWS) {
		legend_key_grouped(out, p);
		return true;
	}
	buf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">");
	for (size_t r = 0; r < rows; r++) {
		buf_puts(out, "<TR><TD WIDTH=\"110\"></TD>");
		for (size_t k = r; k < n; k += rows)
			legend_key_entry(out, p, &p->markers->items[k]);
		buf_puts(out, "</TR>");
	}
	buf_puts(out, "</TABLE>");
	return true;
}

/* A label's estimated width in points at 11 pt: its characters outside
 * tags (an entity is one), and the padding of its cells. */
static size_t
label_width(const char *label)
{
	size_t chars = 0, cells = 0;
	for (const char *c = label; *c; c++) {
		if (*c == '<') {
			cells += strncmp(c, "<TD", 3) == 0;
			while (*c && *c != '>')
				c++;
			if (*c == '\0')
				break;
		} else if (*c == '&') {
			chars++;
			while (*c && *c != ';')
				c++;
			if (*c == '\0')
				break;
		} else {
			chars += ((unsigned char)*c & 0xC0) != 0x80;
		}
	}
	return chars * KEY_CHAR / 10 + cells * 8;
}

/* The compact diagram's first legend line: domains, then transitions,
 * when both fit in KEY_WIDTH points; else only the domains (false: the
 * transitions get a line of their own, part 1). */
static bool
legend_domains_moves(struct buf *out, const struct pathway *p, const struct lane_set *lanes)
{
	struct buf domains = {0}, moves = {0};
	bool any_domain = legend_domains(&domains, p, lanes), any_move = legend_moves(&moves, p);
	if (any_domain && any_move &&
	    label_width(buf_str(&domains)) + label_width(buf_str(&moves)) > KEY_WIDTH) {
		buf_puts(out, buf_str(&domains));
		buf_free(&domains);
		buf_free(&moves);
		return true;
	}
	if (any_domain || any_move) {
		buf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>");
		if (any_domain)
			buf_printf(out, "<TD>%s</TD>", buf_str(&domains));
		if (any_move)
			buf_printf(out, "<TD>%s</TD>", buf_str(&moves));
		buf_puts(out, "</TR></TABLE>");
	}
	buf_free(&domains);
	buf_free(&moves);
	return any_domain || any_move;
}

/* The transitions' own line in the compact diagram, when they do not fit
 * beside the domains. */
static bool
legend_moves_apart(struct buf *out, const struct pathway *p, const struct lane_set *lanes)
{
	struct buf domains = {0};
	bool any_domain = legend_domains(&domains, p, lanes), apart = false;
	if (any_domain && legend_moves(out, p))
		apart = label_width(buf_str(&domains)) + label_width(buf_str(out)) > KEY_WIDTH;
	buf_free(&domains);
	return apart;
}

const char *const legend_part_names[LEGEND_PARTS] = {
	"domains", "transitions", "touchpoints", "friction", "findings",
};

bool
label_legend_part(struct buf *out, const struct pathway *p, const struct lane_set *lanes,
		  int part, enum detail detail)
{
	bool compact = detail == DETAIL_COMPACT;
	switch (part) {
	case 0: return compact ? legend_domains_moves(out, p, lanes) : legend_domains(out, p, lanes);
	case 1: return compact ? legend_moves_apart(out, p, lanes) : legend_moves(out, p);
	case 2: return legend_touchpoints(out, p, compact ? KINDS_PER_ROW : TP__MAX);
	case 4: return compact ? legend_key_list(out, p) : legend_findings(out, p);
	case 3: return legend_friction_key(out, p, detail);
	}
	return false;
}

/* --- the description --- */

void
pathway_description(struct buf *out, const struct pathway *p)
{
	struct buf text = {0};
	buf_puts(&text, p->journey->title.s ? p->journey->title.s : "");
	buf_puts(&text, ". ");
	const struct journey *j = p->journey;
	const char *name = p->persona && p->persona->name.s ? p->persona->name.s
			 : j->persona.s ? j->persona.s : "";
	msg_append(&text, p->lang, M_R_PERSONA, name);
	if (j->region.s && *j->region.s) {
		buf_puts(&text, ", ");
		msg_append(&text, p->lang, M_R_REGION, j->region.s);
	}
	buf_printf(&text, ", %s: ", j->kind.v == KIND_TO_BE ? msg(p->lang, M_R_TO_BE) : msg(p->lang, M_R_AS_IS));
	pathway_counts(&text, p);
	buf_puts(&text, ".");
	char *plain = esc_plain(buf_str(&text), 2000);
	esc_append(out, plain, strlen(plain), ESC_XML);
	free(plain);
	buf_free(&text);
}
