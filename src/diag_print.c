/* diag_print.c - findings as text lines and as JSON, with the summary, all at once or streamed. */
#include "diag_print.h"

#include "jsonw.h"
#include "mem.h"
#include "personal.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static void
score_stage(struct journey_score *js, const struct diag *d)
{
	for (size_t k = 0; d->stage != NULL && k < js->n_stages; k++)
		if (strcmp(js->stages[k].id, d->stage) == 0) {
			struct friction f = {0, js->stages[k].score};
			friction_add(&f, d);
			js->stages[k].score = f.score;
			return;
		}
}

void
summary_add_journey(struct summary *s, const struct checked_journey *cj)
{
	const struct journey *journey = cj->doc->journey;
	s->scores = xgrow(s->scores, s->n_scores, &s->cap_scores, sizeof(*s->scores));
	struct journey_score *js = &s->scores[s->n_scores++];
	memset(js, 0, sizeof(*js));
	js->id = xstrdup(journey->id.s ? journey->id.s : "");
	js->score = cj->friction.score;
	js->stages = xcalloc(journey->n_stages ? journey->n_stages : 1, sizeof(*js->stages));
	for (size_t k = 0; k < journey->n_stages; k++)
		if (journey->stages[k]->id.s != NULL)
			js->stages[js->n_stages++].id = xstrdup(journey->stages[k]->id.s);
	for (size_t i = 0; i < cj->n_findings; i++)
		score_stage(js, &cj->findings[i]);
	s->friction.count += cj->friction.count;
	s->friction.score += cj->friction.score;
	s->journeys++;
}

void
summary_add_workspace(struct summary *s, const struct workspace *ws)
{
	struct friction unmet = workspace_unmet_friction(ws);
	s->personas = (int)workspace_n_personas(ws);
	s->friction.count += unmet.count;
	s->friction.score += unmet.score;
}

void
summary_free(struct summary *s)
{
	for (size_t i = 0; i < s->n_scores; i++) {
		for (size_t k = 0; k < s->scores[i].n_stages; k++)
			free(s->scores[i].stages[k].id);
		free(s->scores[i].stages);
		free(s->scores[i].id);
	}
	free(s->scores);
	memset(s, 0, sizeof(*s));
}

/* s as shown: personal data masked as in every message (diag.c), for the
 * names a finding carries besides its message (a file name or an id made
 * from one). Returns s, or the masked copy left in *copy (caller frees). */
static const char *
masked(const char *s, char **copy)
{
	*copy = s != NULL ? personal_masked_copy(s) : NULL;
	return *copy != NULL ? *copy : s;
}

static const char *
rule_slug(const struct diag *d, enum lang lang)
{
	const struct code_info *info = code_info(d->code);
	return lang == LANG_EN ? info->slug_en : info->slug_nl;
}

/* The pieces of one finding's text, added to a buffer at once. */
struct pieces {
	const char *s[24];
	size_t len[24];
	size_t n;
	char numbers[2][12];
	char *shown[3]; /* user text with its control characters escaped */
	size_t n_shown;
};

static void
piece(struct pieces *p, const char *s)
{
	p->s[p->n] = s;
	p->len[p->n++] = strlen(s);
}

/* v in decimal digits, kept in slot k of p->numbers. */
static void
piece_int(struct pieces *p, int k, int v)
{
	char *end = p->numbers[k] + sizeof p->numbers[k], *at = end;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	do
		*--at = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--at = '-';
	p->s[p->n] = at;
	p->len[p->n++] = (size_t)(end - at);
}

/* User text: control characters and direction marks become escapes
 * (text_show_controls), so that a title cannot move the cursor, recolour
 * or turn around the reader's terminal. */
static void
piece_shown(struct pieces *p, const char *s)
{
	if (!text_has_controls(s) || p->n_shown == 3) {
		piece(p, s);
		return;
	}
	struct buf shown = {0};
	text_show_controls(&shown, s, false);
	p->shown[p->n_shown] = buf_detach(&shown);
	piece(p, p->shown[p->n_shown++]);
}

static void
pieces_add(struct buf *b, const struct pieces *p)
{
	size_t total = 0;
	for (size_t i = 0; i < p->n; i++)
		total += p->len[i];
	if (b->len + total + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + total + 1)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	char *at = b->data + b->len;
	for (size_t i = 0; i < p->n; i++) {
		memcpy(at, p->s[i], p->len[i]);
		at += p->len[i];
	}
	b->len += total;
	b->data[b->len] = '\0';
}

/* The severity word and its colour (bold red, magenta or cyan). */
static const char *
severity_word(const struct diag *d, enum lang lang, bool color, const char **on)
{
	switch (d->severity) {
	case SEV_ERROR:
		*on = color ? "\033[1;31m" : "";
		return msg(lang, M_SEV_ERROR);
	case SEV_QUESTION:
		*on = color ? "\033[1;36m" : "";
		return msg(lang, M_SEV_QUESTION);
	case SEV_WARNING:
		break;
	}
	*on = color ? "\033[1;35m" : "";
	return msg(lang, M_SEV_WARNING);
}

/* One finding as text, added to b: its place (file as shown: masked),
 * severity, message, code and rule, and its hint on a line of its own. */
static void
print_one(struct buf *b, const struct diag *d, const char *file, enum lang lang, bool color)
{
	const char *on;
	const char *word = severity_word(d, lang, color, &on);
	const char *off = color ? "\033[0m" : "";
	struct pieces p = {.n = 0};
	if (file != NULL) {
		piece_shown(&p, file);
		piece(&p, ":");
		piece_int(&p, 0, d->line);
		piece(&p, ":");
		piece_int(&p, 1, d->col);
		piece(&p, ": ");
	}
	piece(&p, on);
	piece(&p, word);
	piece(&p, off);
	piece(&p, ": ");
	piece_shown(&p, d->message);
	piece(&p, color ? " \033[2m[" : " [");
	piece(&p, code_info(d->code)->id);
	piece(&p, " ");
	piece(&p, rule_slug(d, lang));
	piece(&p, "]");
	piece(&p, off);
	piece(&p, "\n");
	if (d->hint != NULL) {
		piece(&p, "  ");
		piece(&p, msg(lang, M_HINT));
		piece(&p, ": ");
		piece_shown(&p, d->hint);
		piece(&p, "\n");
	}
	pieces_add(b, &p);
	for (size_t i = 0; i < p.n_shown; i++)
		free(p.shown[i]);
}

/* The counts of the summary line: errors and warnings that are no
 * friction (friction comes from the summary), and questions apart. */
struct line_counts {
	int errors, warnings, questions;
};

static struct line_counts
count_for_line(const struct diags *diags)
{
	size_t counts[CODE__MAX], warnings[CODE__MAX];
	struct line_counts lc = {0, 0, (int)diags_count(diags, SEV_QUESTION)};
	diags_count_codes(diags, counts);
	diags_count_warnings(diags, warnings);
	for (int c = 0; c < CODE__MAX; c++) {
		if (code_is_friction(c))
			continue;
		lc.warnings += (int)warnings[c];
		lc.errors += (int)(counts[c] - warnings[c]);
	}
	return lc;
}

char *
diag_summary_line(const struct diags *diags, const struct summary *summary)
{
	enum lang lang = diags->lang;
	struct line_counts lc = count_for_line(diags);
	struct buf b = {0};
	msg_append_plural(&b, lang, summary->journeys, M_SUMMARY_JOURNEYS_1, M_SUMMARY_JOURNEYS_N);
	buf_puts(&b, ", ");
	msg_append_plural(&b, lang, summary->personas, M_SUMMARY_PERSONAS_1, M_SUMMARY_PERSONAS_N);
	buf_puts(&b, ": ");
	msg_append_plural(&b, lang, lc.errors, M_SUMMARY_ERRORS_1, M_SUMMARY_ERRORS_N);
	if (lc.warnings > 0) {
		buf_puts(&b, ", ");
		msg_append_plural(&b, lang, lc.warnings, M_SUMMARY_WARNINGS_1, M_SUMMARY_WARNINGS_N);
	}
	buf_puts(&b, ", ");
	msg_append_plural(&b, lang, summary->friction.count, M_SUMMARY_FRICTION_1, M_SUMMARY_FRICTION_N);
	buf_puts(&b, " (");
	msg_append(&b, lang, M_SUMMARY_SCORE, summary->friction.score);
	buf_puts(&b, ")");
	if (lc.questions > 0) {
		buf_puts(&b, ", ");
		msg_append_plural(&b, lang, lc.questions, M_SUMMARY_QUESTIONS_1, M_SUMMARY_QUESTIONS_N);
	}
	size_t suppressed = diags_suppressed(diags);
	if (suppressed > 0) {
		buf_puts(&b, ", ");
		msg_append(&b, lang, M_SUMMARY_SUPPRESSED, suppressed);
	}
	return buf_detach(&b);
}

/* One line per journey with friction: its score and its stages' scores,
 * each line made in a buffer and written at once. */
static void
print_scores(FILE *out, const struct summary *summary, enum lang lang)
{
	struct buf line = {0};
	for (size_t i = 0; i < summary->n_scores; i++) {
		const struct journey_score *js = &summary->scores[i];
		if (js->score == 0)
			continue;
		char *copy;
		buf_clear(&line);
		buf_printf(&line, "%s: ", masked(js->id, &copy));
		free(copy);
		msg_append(&line, lang, M_SUMMARY_SCORE, js->score);
		const char *sep = " (";
		for (size_t k = 0; k < js->n_stages; k++) {
			if (js->stages[k].score == 0)
				continue;
			buf_printf(&line, "%s%s %d", sep, masked(js->stages[k].id, &copy),
				   js->stages[k].score);
			free(copy);
			sep = ", ";
		}
		buf_puts(&line, *sep == ',' ? ")\n" : "\n");
		fwrite(line.data, 1, line.len, out);
	}
	buf_free(&line);
}

const char *
diag_severity_name(enum severity severity)
{
	switch (severity) {
	case SEV_ERROR:
		return "error";
	case SEV_QUESTION:
		return "question";
	case SEV_WARNING:
		break;
	}
	return "warning";
}

void
diag_json_rule(struct jsonw *w, enum code code)
{
	const struct code_info *info = code_info(code);
	jsonw_member_string(w, "code", info->id);
	jsonw_member_string(w, "rule", info->slug_nl);
	jsonw_member_string(w, "rule_en", info->slug_en);
}

/* A member whose value is a name a finding carries: masked. */
static void
member_masked(struct jsonw *w, const char *key, const char *s)
{
	char *copy;
	jsonw_member_string(w, key, masked(s, &copy));
	free(copy);
}

/* A key that is a journey's or stage's id: masked. */
static void
key_masked(struct jsonw *w, const char *key)
{
	char *copy;
	jsonw_key(w, masked(key, &copy));
	free(copy);
}

void
diag_json_members(struct jsonw *w, const struct diag *d)
{
	member_masked(w, "file", d->file);
	jsonw_member_long(w, "line", d->line);
	jsonw_member_long(w, "column", d->col);
	jsonw_member_string(w, "severity", diag_severity_name(d->severity));
	diag_json_rule(w, d->code);
	jsonw_member_positive(w, "impact", d->impact);
	member_masked(w, "journey", d->journey);
	member_masked(w, "persona", d->persona);
	member_masked(w, "stage", d->stage);
	jsonw_member_positive(w, "touchpoint", d->touchpoint);
	jsonw_member_string(w, "message", d->message);
	jsonw_member_string(w, "hint", d->hint);
}

/* One finding in the keten/1 form: an object of its members alone. */
static void
json_diag(struct jsonw *w, const struct diag *d)
{
	jsonw_object_begin(w);
	diag_json_members(w, d);
	jsonw_object_end(w);
}

/* key: an object of the counts per code id, the codes counted 0 left out. */
static void
json_counts(struct jsonw *w, const char *key, const size_t *per_code)
{
	jsonw_key(w, key);
	jsonw_object_begin(w);
	for (int c = 0; c < CODE__MAX; c++)
		if (per_code[c] > 0)
			jsonw_member_long(w, code_info(c)->id, (long)per_code[c]);
	jsonw_object_end(w);
}

static void
json_suppressed(struct jsonw *w, const struct diags *diags)
{
	jsonw_member_long(w, "suppressed", (long)diags_suppressed(diags));
	json_counts(w, "suppressed_by_code", diags->suppressed);
}

static void
json_scores(struct jsonw *w, const struct summary *s)
{
	jsonw_key(w, "friction_score");
	jsonw_object_begin(w);
	for (size_t j = 0; j < s->n_scores; j++) {
		key_masked(w, s->scores[j].id);
		jsonw_long(w, s->scores[j].score);
	}
	jsonw_object_end(w);
	jsonw_key(w, "stage_scores");
	jsonw_object_begin(w);
	for (size_t j = 0; j < s->n_scores; j++) {
		key_masked(w, s->scores[j].id);
		jsonw_object_begin(w);
		for (size_t k = 0; k < s->scores[j].n_stages; k++) {
			key_masked(w, s->scores[j].stages[k].id);
			jsonw_long(w, s->scores[j].stages[k].score);
		}
		jsonw_object_end(w);
	}
	jsonw_object_end(w);
	jsonw_member_long(w, "friction_points", s->friction.count);
	jsonw_member_long(w, "friction_total", s->friction.score);
}

static void
json_summary(struct jsonw *w, const struct diags *diags, const struct summary *s)
{
	size_t per_code[CODE__MAX], questions[CODE__MAX];
	diags_count_codes(diags, per_code);
	diags_count_questions(diags, questions);
	jsonw_key(w, "summary");
	jsonw_object_begin(w);
	jsonw_member_long(w, "journeys", s->journeys);
	jsonw_member_long(w, "personas", s->personas);
	jsonw_member_long(w, "errors", (long)diags_count(diags, SEV_ERROR));
	jsonw_member_long(w, "warnings", (long)diags_count(diags, SEV_WARNING));
	json_counts(w, "by_code", per_code);
	jsonw_member_long(w, "questions", (long)diags_count(diags, SEV_QUESTION));
	json_counts(w, "questions_by_code", questions);
	json_suppressed(w, diags);
	json_scores(w, s);
	jsonw_object_end(w);
}

/* --- printing, all at once or as findings become final --- */

void
diag_stream_begin(struct diag_stream *s, FILE *out, bool json,
		  const struct print_options *opts, enum lang lang)
{
	memset(s, 0, sizeof(*s));
	s->out = out;
	s->json = json;
	s->opts = *opts;
	s->lang = lang;
	if (!json)
		return;
	jsonw_init(&s->w, &s->pending, false);
	jsonw_object_begin(&s->w);
	jsonw_member_string(&s->w, "format", "keten/1");
	jsonw_key(&s->w, "diagnostics");
	jsonw_array_begin(&s->w);
}

static void
write_pending(struct diag_stream *s)
{
	if (s->pending.len == 0)
		return;
	fwrite(s->pending.data, 1, s->pending.len, s->out);
	buf_clear(&s->pending);
}

static bool
same_file(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Prints diags->items[0..k), the errors only when quiet. */
static void
print_first(struct diag_stream *s, const struct diags *diags, size_t k)
{
	/* The findings of one file follow each other: its name is masked once. */
	const char *file = NULL, *file_shown = NULL;
	char *file_copy = NULL;
	for (size_t i = 0; i < k; i++) {
		const struct diag *d = &diags->items[i];
		if (s->opts.quiet && d->severity != SEV_ERROR)
			continue;
		if (s->json) {
			json_diag(&s->w, d);
			continue;
		}
		if (i == 0 || !same_file(d->file, file)) {
			free(file_copy);
			file = d->file;
			file_shown = masked(file, &file_copy);
		}
		print_one(&s->pending, d, file_shown, s->lang, s->opts.color);
	}
	free(file_copy);
	write_pending(s);
}

/* The number of leading findings in files before bound (diags sorted). */
static size_t
count_before(const struct diags *diags, const char *bound)
{
	if (bound == NULL)
		return diags->n;
	size_t k = 0;
	while (k < diags->n && strcmp(diags->items[k].file ? diags->items[k].file : "", bound) < 0)
		k++;
	return k;
}

void
diag_stream_flush(struct diag_stream *s, struct diags *diags, const char *bound)
{
	diags_sort(diags);
	size_t k = count_before(diags, bound);
	print_first(s, diags, k);
	diags_drop_front(diags, k);
}

/* The summary after the findings: score lines and the summary line, or
 * the JSON summary and the end of the object. */
static void
print_end(struct diag_stream *s, const struct diags *diags, const struct summary *summary)
{
	if (s->json) {
		jsonw_array_end(&s->w);
		json_summary(&s->w, diags, summary);
		jsonw_object_end(&s->w);
		write_pending(s);
		buf_free(&s->pending);
		return;
	}
	buf_free(&s->pending);
	if (s->opts.quiet || !s->opts.summary)
		return;
	print_scores(s->out, summary, s->lang);
	char *line = diag_summary_line(diags, summary);
	fprintf(s->out, "%s\n", line);
	free(line);
}

void
diag_stream_end(struct diag_stream *s, struct diags *diags, const struct summary *summary)
{
	diag_stream_flush(s, diags, NULL);
	print_end(s, diags, summary);
}

void
diag_print_text(FILE *out, const struct diags *diags,
		const struct summary *summary, const struct print_options *opts)
{
	struct diag_stream s;
	diag_stream_begin(&s, out, false, opts, diags->lang);
	print_first(&s, diags, diags->n);
	print_end(&s, diags, summary);
}

void
diag_print_json(FILE *out, const struct diags *diags,
		const struct summary *summary, bool quiet)
{
	struct print_options opts = {false, quiet, true};
	struct diag_stream s;
	diag_stream_begin(&s, out, true, &opts, diags->lang);
	print_first(&s, diags, diags->n);
	print_end(&s, diags, summary);
}
