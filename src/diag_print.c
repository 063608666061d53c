/* diag_print.c - findings as text lines and as JSON, with the summary. */
#include "diag_print.h"

#include "jsonw.h"
#include "mem.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

bool
diag_is_friction(const struct diag *d)
{
	return code_info(d->code)->id[0] == 'K' && d->code != CODE_K012;
}

static void
score_stage(struct journey_score *js, const char *stage, int impact)
{
	for (size_t k = 0; k < js->n_stages; k++)
		if (strcmp(js->stages[k].id, stage) == 0) {
			js->stages[k].score += impact;
			return;
		}
}

void
summary_add_journey(struct summary *s, const struct journey *journey,
		    const struct diags *diags, size_t from)
{
	s->scores = xgrow(s->scores, s->n_scores, &s->cap_scores, sizeof(*s->scores));
	struct journey_score *js = &s->scores[s->n_scores++];
	memset(js, 0, sizeof(*js));
	js->id = xstrdup(journey->id.s);
	js->stages = xcalloc(journey->n_stages ? journey->n_stages : 1, sizeof(*js->stages));
	for (size_t k = 0; k < journey->n_stages; k++)
		if (journey->stages[k]->id.s != NULL)
			js->stages[js->n_stages++].id = xstrdup(journey->stages[k]->id.s);
	for (size_t i = from; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];
		if (!diag_is_friction(d) || d->journey == NULL || strcmp(d->journey, js->id) != 0)
			continue;
		js->score += d->impact;
		if (d->stage != NULL)
			score_stage(js, d->stage, d->impact);
	}
	s->journeys++;
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

static const char *
rule_slug(const struct diag *d, enum lang lang)
{
	const struct code_info *info = code_info(d->code);
	return lang == LANG_EN ? info->slug_en : info->slug_nl;
}

/* User text on a text line: control characters and direction marks are
 * shown as escapes (text_show_controls). */
static void
put_shown(FILE *out, const char *text)
{
	struct buf shown = {0};
	text_show_controls(&shown, text, false);
	fputs(buf_str(&shown), out);
	buf_free(&shown);
}

static void
print_one(FILE *out, const struct diag *d, enum lang lang, bool color)
{
	bool error = d->severity == SEV_ERROR;
	const char *sev = msg(lang, error ? M_SEV_ERROR : M_SEV_WARNING);
	const char *on = !color ? "" : error ? "\033[1;31m" : "\033[1;35m";
	const char *off = color ? "\033[0m" : "";
	const char *dim = color ? "\033[2m" : "";
	if (d->file != NULL) {
		put_shown(out, d->file);
		fprintf(out, ":%d:%d: ", d->line, d->col);
	}
	fprintf(out, "%s%s%s: ", on, sev, off);
	put_shown(out, d->message);
	fprintf(out, " %s[%s %s]%s\n", dim, code_info(d->code)->id, rule_slug(d, lang), off);
	if (d->hint != NULL) {
		fprintf(out, "  %s: ", msg(lang, M_HINT));
		put_shown(out, d->hint);
		fputc('\n', out);
	}
}

static void
plural(struct buf *b, enum lang lang, int n, enum msg one, enum msg many)
{
	buf_printf(b, msg(lang, n == 1 ? one : many), n);
}

char *
diag_summary_line(const struct diags *diags, const struct summary *summary)
{
	enum lang lang = diags->lang;
	int errors = 0, warnings = 0, friction = 0, score = 0;
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];
		if (diag_is_friction(d)) {
			friction++;
			score += d->impact;
		} else if (d->severity == SEV_ERROR) {
			errors++;
		} else {
			warnings++;
		}
	}
	struct buf b = {0};
	plural(&b, lang, summary->journeys, M_SUMMARY_JOURNEYS_1, M_SUMMARY_JOURNEYS_N);
	buf_puts(&b, ", ");
	plural(&b, lang, summary->personas, M_SUMMARY_PERSONAS_1, M_SUMMARY_PERSONAS_N);
	buf_puts(&b, ": ");
	plural(&b, lang, errors, M_SUMMARY_ERRORS_1, M_SUMMARY_ERRORS_N);
	if (warnings > 0) {
		buf_puts(&b, ", ");
		plural(&b, lang, warnings, M_SUMMARY_WARNINGS_1, M_SUMMARY_WARNINGS_N);
	}
	buf_puts(&b, ", ");
	plural(&b, lang, friction, M_SUMMARY_FRICTION_1, M_SUMMARY_FRICTION_N);
	buf_puts(&b, " (");
	buf_printf(&b, msg(lang, M_SUMMARY_SCORE), score);
	buf_puts(&b, ")");
	size_t suppressed = diags_suppressed(diags);
	if (suppressed > 0) {
		buf_puts(&b, ", ");
		buf_printf(&b, msg(lang, M_SUMMARY_SUPPRESSED), suppressed);
	}
	return buf_detach(&b);
}

/* One line per journey with friction: its score and its stages' scores. */
static void
print_scores(FILE *out, const struct summary *summary, enum lang lang)
{
	for (size_t i = 0; i < summary->n_scores; i++) {
		const struct journey_score *js = &summary->scores[i];
		if (js->score == 0)
			continue;
		fprintf(out, "%s: ", js->id);
		fprintf(out, msg(lang, M_SUMMARY_SCORE), js->score);
		const char *sep = " (";
		for (size_t k = 0; k < js->n_stages; k++) {
			if (js->stages[k].score == 0)
				continue;
			fprintf(out, "%s%s %d", sep, js->stages[k].id, js->stages[k].score);
			sep = ", ";
		}
		fprintf(out, "%s\n", *sep == ',' ? ")" : "");
	}
}

void
diag_print_text(FILE *out, const struct diags *diags,
		const struct summary *summary, const struct print_options *opts)
{
	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];
		if (!opts->quiet || d->severity == SEV_ERROR)
			print_one(out, d, diags->lang, opts->color);
	}
	if (opts->quiet || !opts->summary)
		return;
	print_scores(out, summary, diags->lang);
	char *line = diag_summary_line(diags, summary);
	fprintf(out, "%s\n", line);
	free(line);
}

static void
member_or_null(struct jsonw *w, const char *key, const char *s)
{
	jsonw_key(w, key);
	jsonw_string(w, s);
}

static void
member_positive_or_null(struct jsonw *w, const char *key, int v)
{
	jsonw_key(w, key);
	if (v > 0)
		jsonw_long(w, v);
	else
		jsonw_null(w);
}

static void
json_diag(struct jsonw *w, const struct diag *d)
{
	const struct code_info *info = code_info(d->code);
	jsonw_object_begin(w);
	member_or_null(w, "file", d->file);
	jsonw_member_long(w, "line", d->line);
	jsonw_member_long(w, "column", d->col);
	jsonw_member_string(w, "severity", d->severity == SEV_ERROR ? "error" : "warning");
	jsonw_member_string(w, "code", info->id);
	jsonw_member_string(w, "rule", info->slug_nl);
	jsonw_member_string(w, "rule_en", info->slug_en);
	member_positive_or_null(w, "impact", d->impact);
	member_or_null(w, "journey", d->journey);
	member_or_null(w, "persona", d->persona);
	member_or_null(w, "stage", d->stage);
	member_positive_or_null(w, "touchpoint", d->touchpoint);
	jsonw_member_string(w, "message", d->message);
	member_or_null(w, "hint", d->hint);
	jsonw_object_end(w);
}

static void
json_counts(struct jsonw *w, const struct diags *diags)
{
	int per_code[CODE__MAX] = {0};
	for (size_t i = 0; i < diags->n; i++)
		per_code[diags->items[i].code]++;
	jsonw_key(w, "by_code");
	jsonw_object_begin(w);
	for (int c = 0; c < CODE__MAX; c++)
		if (per_code[c] > 0)
			jsonw_member_long(w, code_info(c)->id, per_code[c]);
	jsonw_object_end(w);
}

static void
json_suppressed(struct jsonw *w, const struct diags *diags)
{
	jsonw_member_long(w, "suppressed", (long)diags_suppressed(diags));
	jsonw_key(w, "suppressed_by_code");
	jsonw_object_begin(w);
	for (int c = 0; c < CODE__MAX; c++)
		if (diags->suppressed[c] > 0)
			jsonw_member_long(w, code_info(c)->id, (long)diags->suppressed[c]);
	jsonw_object_end(w);
}

static void
json_scores(struct jsonw *w, const struct diags *diags, const struct summary *s)
{
	long total = 0, friction = 0;
	jsonw_key(w, "friction_score");
	jsonw_object_begin(w);
	for (size_t j = 0; j < s->n_scores; j++)
		jsonw_member_long(w, s->scores[j].id, s->scores[j].score);
	jsonw_object_end(w);
	jsonw_key(w, "stage_scores");
	jsonw_object_begin(w);
	for (size_t j = 0; j < s->n_scores; j++) {
		jsonw_key(w, s->scores[j].id);
		jsonw_object_begin(w);
		for (size_t k = 0; k < s->scores[j].n_stages; k++)
			jsonw_member_long(w, s->scores[j].stages[k].id, s->scores[j].stages[k].score);
		jsonw_object_end(w);
	}
	jsonw_object_end(w);
	for (size_t i = 0; i < diags->n; i++)
		if (diag_is_friction(&diags->items[i])) {
			friction++;
			total += diags->items[i].impact;
		}
	jsonw_member_long(w, "friction_points", friction);
	jsonw_member_long(w, "friction_total", total);
}

static void
json_summary(struct jsonw *w, const struct diags *diags, const struct summary *s)
{
	jsonw_key(w, "summary");
	jsonw_object_begin(w);
	jsonw_member_long(w, "journeys", s->journeys);
	jsonw_member_long(w, "personas", s->personas);
	jsonw_member_long(w, "errors", (long)diags_count(diags, SEV_ERROR));
	jsonw_member_long(w, "warnings", (long)diags_count(diags, SEV_WARNING));
	json_counts(w, diags);
	json_suppressed(w, diags);
	json_scores(w, diags, s);
	jsonw_object_end(w);
}

void
diag_print_json(FILE *out, const struct diags *diags,
		const struct summary *summary, bool quiet)
{
	struct buf b = {0};
	struct jsonw w;
	jsonw_init(&w, &b, false);
	jsonw_object_begin(&w);
	jsonw_member_string(&w, "format", "keten/1");
	jsonw_key(&w, "diagnostics");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < diags->n; i++)
		if (!quiet || diags->items[i].severity == SEV_ERROR)
			json_diag(&w, &diags->items[i]);
	jsonw_array_end(&w);
	json_summary(&w, diags, summary);
	jsonw_object_end(&w);
	fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}
