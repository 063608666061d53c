/* map.c - the journey map as plain data: one column per stage with its position, emotion, touchpoints, markers, pain points and opportunities (map_draw.c draws it). */
#include "map.h"

#include "mem.h"
#include "outdir.h"
#include "pathway_labels.h"
#include "render_text.h"
#include "values.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

#define SYM_PAIN "\xE2\x9A\xA0"        /* ⚠ */
#define SYM_OPPORTUNITY "\xE2\x98\x85" /* ★ */

/* The longest user text kept, in characters: a column shows far less. */
#define TEXT_CHARS 300

/* User text for pango: one line, valid UTF-8, no bidirectional overrides,
 * personal data (K012) masked (render_text.h). Caller frees. */
static char *
plain(const char *s)
{
	return esc_plain(s ? s : "", TEXT_CHARS);
}

static struct map_item *
add_item(struct map_items *list, const char *symbol, const char *text, bool good)
{
	list->items = xgrow(list->items, list->n, &list->cap, sizeof *list->items);
	struct map_item *item = &list->items[list->n++];
	*item = (struct map_item){symbol, plain(text), good, NULL, false, {0}};
	return item;
}

static struct map_mark
mark_of(const struct marker *m)
{
	struct map_mark mark = {m->number, m->impact, m->question, ""};
	const char *id = code_info(m->code)->id;
	for (size_t i = 0; id[i] != '\0' && i + 1 < sizeof mark.code; i++)
		mark.code[i] = (char)(id[i] >= 'A' && id[i] <= 'Z' ? id[i] - 'A' + 'a' : id[i]);
	return mark;
}

static void
add_mark(struct map_marks *list, const struct marker *m)
{
	list->items = xgrow(list->items, list->n, &list->cap, sizeof *list->items);
	list->items[list->n++] = mark_of(m);
}

/* A touchpoint's short label: its title, or its kind's name; a good event
 * (payment, redress) with its word first, drawn green. */
static void
add_touchpoint(struct map_items *list, const struct touchpoint *tp, enum lang lang)
{
	const char *title = tp->title.s && *tp->title.s ? tp->title.s
			  : vocab_name(VOCAB_TP_KIND, tp->kind, lang);
	enum msg word;
	if (good_event_word(tp, &word)) {
		char *text = xasprintf("%s: %s", (msg)(lang, word), title);
		add_item(list, touchpoint_symbol(tp->kind), text, true)->kind =
			vocab_canonical(VOCAB_TP_KIND, tp->kind);
		free(text);
		return;
	}
	add_item(list, touchpoint_symbol(tp->kind), title, false)->kind =
		vocab_canonical(VOCAB_TP_KIND, tp->kind);
}

static void
fill_position(struct map_stage *col, const struct pathway *p, const struct stage *s)
{
	const struct position *pos = s->pos;
	struct tint t = tint_of(p->chain, pos);
	memcpy(col->color, t.dark, strlen(t.dark) < sizeof col->color ? strlen(t.dark) + 1 : 1);
	if (pos == NULL) {
		col->position = plain(msg(p->lang, M_R_UNKNOWN_POSITION));
		return;
	}
	col->position = plain(pos->label.s && *pos->label.s ? pos->label.s : pos->id.s);
	col->rung = pos->ladder.set ? pos->ladder.v : 0;
}

static void
fill_stage(struct map_stage *col, const struct pathway *p, size_t i)
{
	const struct stage *s = p->journey->stages[i];
	col->title = plain(s->title.s && *s->title.s ? s->title.s : s->id.s);
	char duration[VALUE_DURATION_WORDS];
	col->meta = xstrdup(s->duration.set ? value_duration_words(duration, s->duration.v, p->lang) : "");
	fill_position(col, p, s);
	col->relapse = i > 0 && move_between(p->journey->stages[i - 1], s) == MOVE_DOWN;
	col->has_emotion = s->emotion.set;
	col->emotion = s->emotion.v;
	for (size_t k = 0; k < s->n_touchpoints; k++)
		add_touchpoint(&col->touchpoints, s->touchpoints[k], p->lang);
	for (size_t k = 0; k < s->pain_points.n; k++) {
		struct map_item *pain = add_item(&col->pains, SYM_PAIN, s->pain_points.items[k].s, false);
		const struct marker *m = markers_for_pain_point(p->markers, (long)i, (long)k);
		if (m != NULL) {
			pain->marked = true;
			pain->mark = mark_of(m);
		}
	}
	for (size_t k = 0; k < s->opportunities.n; k++)
		add_item(&col->chances, SYM_OPPORTUNITY, s->opportunities.items[k].s, true);
	for (size_t k = 0; k < p->markers->n; k++)
		if (p->markers->items[k].stage == (long)i)
			add_mark(&col->marks, &p->markers->items[k]);
}

void
map_prepare(const struct pathway *p, struct map_spec *spec)
{
	const struct journey *j = p->journey;
	memset(spec, 0, sizeof *spec);
	spec->lang = p->lang;
	spec->chain = p->chain;
	spec->id = xstrdup(j->id.s ? j->id.s : "");
	spec->title = plain(j->title.s && *j->title.s ? j->title.s : j->id.s);
	struct buf line = {0};
	pathway_subtitle(&line, p);
	spec->subtitle = plain(buf_str(&line));
	buf_clear(&line);
	pathway_counts(&line, p);
	spec->counts = plain(buf_str(&line));
	buf_clear(&line);
	esc_append(&line, spec->title, strlen(spec->title), ESC_XML);
	spec->svg_title = buf_detach(&line);
	pathway_description(&line, p);
	spec->svg_desc = buf_detach(&line);
	for (size_t k = 0; k < p->markers->n; k++)
		if (p->markers->items[k].stage < 0)
			add_mark(&spec->journey_marks, &p->markers->items[k]);
	spec->n_stages = j->n_stages;
	spec->stages = xcalloc(j->n_stages ? j->n_stages : 1, sizeof *spec->stages);
	for (size_t i = 0; i < j->n_stages; i++)
		fill_stage(&spec->stages[i], p, i);
}

static void
items_free(struct map_items *list)
{
	for (size_t k = 0; k < list->n; k++)
		free(list->items[k].text);
	free(list->items);
}

void
map_spec_free(struct map_spec *spec)
{
	for (size_t i = 0; i < spec->n_stages; i++) {
		struct map_stage *col = &spec->stages[i];
		free(col->title);
		free(col->meta);
		free(col->position);
		items_free(&col->touchpoints);
		items_free(&col->pains);
		items_free(&col->chances);
		free(col->marks.items);
	}
	free(spec->stages);
	free(spec->journey_marks.items);
	free(spec->id);
	free(spec->title);
	free(spec->subtitle);
	free(spec->counts);
	free(spec->svg_title);
	free(spec->svg_desc);
	memset(spec, 0, sizeof *spec);
}

char *
map_file_name(const char *journey_id, enum image_format format)
{
	return xasprintf("%s.map.%s", journey_id, image_format_name(format));
}

void
map_of(const struct checked_journey *cj, const bool disabled[CODE__MAX], enum lang lang,
       struct map_spec *spec)
{
	struct marker_list markers;
	markers_of(cj, disabled, &markers);
	struct pathway p = {cj->doc->journey, cj->persona, cj->chain, &markers, lang, false,
			    cj->friction};
	map_prepare(&p, spec);
	markers_free(&markers);
}

int
map_write(const struct map_spec *spec, enum image_format format, struct outdir *out,
	  char **error)
{
	char *name = map_file_name(spec->id, format);
	struct buf bytes = {0};
	char *why = NULL;
	int status = map_draw(spec, format, &bytes, &why);
	if (status == 0)
		status = outdir_write(out, name, bytes.data, bytes.len, error);
	else
		*error = xasprintf("%s: %s", name, why);
	free(why);
	free(name);
	buf_free(&bytes);
	return status;
}
