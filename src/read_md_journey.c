/* read_md_journey.c - the Markdown reader of a journey: its attributes and description, its stages, their attributes, groups and touchpoints. */
#include "read_md_item.h"

#include "values.h"
#include "vocab.h"

#include <stdlib.h>

/* The stage being read and the level-3 group its items fall in. */
struct stage_state {
	struct stage *stage;
	int group;    /* enum stage_group, or -1 for ordinary items */
	bool tp_full; /* the touchpoint limit was reported */
	int lines[SA__MAX]; /* where each one-valued attribute was, or 0 */
};

/* The attributes that hold a list: they may repeat. */
static bool
stage_attr_is_list(int attr)
{
	return attr == SA_ACTORS || attr == SA_ORGANISATION ||
	       attr == SA_PAIN_POINT || attr == SA_OPPORTUNITY ||
	       attr == SA_NOTE || attr == SA_IGNORE;
}

/* --- journey --- */

static void
journey_attr(struct md *md, struct journey *j, const struct item *it,
	     int *lines)
{
	int attr = vocab_find(VOCAB_JOURNEY_ATTR, it->key);
	if (attr < 0) {
		md_keep_unknown(md, &j->notes, it,
			     VOCAB_BIT(VOCAB_JOURNEY_ATTR));
		return;
	}
	if (!md_has_value(md, it))
		return;
	if (attr != JA_NOTE && attr != JA_IGNORE)
		md_note_repeat(md, lines, attr, it);
	int kind;
	switch (attr) {
	case JA_ID:
		j->id_given = md_set_text(md, &j->id, it->value, it->value_loc);
		break;
	case JA_PERSONA:
		md_set_text(md, &j->persona, it->value, it->value_loc);
		break;
	case JA_CHAIN:
		md_set_text(md, &j->chain, it->value, it->value_loc);
		break;
	case JA_REGION:
		md_set_text(md, &j->region, it->value, it->value_loc);
		break;
	case JA_KIND:
		if ((kind = value_journey_kind(it->value)) == 0) {
			md_report_bad_value(md, it, M_S005_KIND, M_H_KIND);
			break;
		}
		j->kind.v = kind;
		j->kind.loc = it->value_loc;
		break;
	case JA_AUTHOR:
		md_set_text(md, &j->author, it->value, it->value_loc);
		break;
	case JA_DATE:
		md_set_date(md, &j->date, it);
		break;
	case JA_NOTE:
		md_add_text(md, &j->notes, it->value, it->value_loc);
		break;
	case JA_IGNORE:
		md_add_split(md, &j->ignore, it);
		break;
	case JA_CONTACTS:
		md_set_choice(md, &j->contacts, it, CHOICE_CONTACTS);
		break;
	}
}

/* Between the heading and the first stage: the first bullet list holds
 * attributes, everything else is the description. */
static void
journey_head(struct md *md, struct journey *j, cmark_node *start,
	     cmark_node *end)
{
	struct buf desc = {0};
	struct loc loc = {0};
	bool attrs_read = false;
	int lines[JA__MAX] = {0};
	for (cmark_node *n = start; n != end; n = cmark_node_next(n)) {
		if (md_is_heading(n, 1))
			continue;
		if (attrs_read || !md_is_bullet_list(n)) {
			md_add_raw_block(md, &desc, &loc, n);
			continue;
		}
		attrs_read = true;
		cmark_node *i = cmark_node_first_child(n);
		for (; i != NULL; i = cmark_node_next(i)) {
			struct item it;
			md_item_read(md, i, &it);
			if (it.key != NULL)
				journey_attr(md, j, &it, lines);
			else if (*it.text != '\0')
				md_keep_bare(md, &j->notes, &it);
			md_item_stray(md, &it, false);
		}
	}
	if (desc.len > 0)
		md_set_text(md, &j->description, desc.data, loc);
	buf_free(&desc);
}

static void touchpoint_attr_v2(struct md *md, struct touchpoint *tp, int attr,
			       const struct item *it);

static void
touchpoint_attr(struct md *md, struct touchpoint *tp, const struct item *it,
		int *lines)
{
	if (it->key == NULL) {
		md_keep_bare(md, &tp->notes, it);
		return;
	}
	int attr = vocab_find(VOCAB_TP_ATTR, it->key);
	if (attr < 0) {
		md_keep_unknown(md, &tp->notes, it, VOCAB_BIT(VOCAB_TP_ATTR));
		return;
	}
	if (!md_has_value(md, it))
		return;
	if (attr != TA_NOTE)
		md_note_repeat(md, lines, attr, it);
	switch (attr) {
	case TA_ACTOR:
		md_set_text(md, &tp->actor, it->value, it->value_loc);
		break;
	case TA_EXPLAINED:
		md_set_yesno(md, &tp->explained, it);
		break;
	case TA_TEXT:
		md_set_text(md, &tp->text, it->value, it->value_loc);
		break;
	case TA_DURATION:
		md_set_duration(md, &tp->duration, it);
		break;
	case TA_WARM:
		md_set_yesno(md, &tp->warm, it);
		break;
	case TA_EMOTION:
		md_set_emotion(md, &tp->emotion, it);
		break;
	case TA_NOTE:
		md_add_text(md, &tp->notes, it->value, it->value_loc);
		break;
	default:
		touchpoint_attr_v2(md, tp, attr, it);
		break;
	}
}

/* Sets the touchpoint's due: a duration from it, or a date. */
static void
set_due(struct md *md, struct touchpoint *tp, const struct item *it)
{
	long days;
	char iso[VALUE_DATE_SIZE];
	bool is_date;
	if (!value_date_or_duration(it->value, &days, iso, &is_date)) {
		md_report_bad_value(md, it, M_S005_DUE, M_H_DUE);
	} else if (is_date) {
		md_set_text(md, &tp->due_date, iso, it->value_loc);
	} else {
		tp->due_days.set = true;
		tp->due_days.v = days;
		tp->due_days.loc = it->value_loc;
	}
}

/* The touchpoint attributes of version 2. */
static void
touchpoint_attr_v2(struct md *md, struct touchpoint *tp, int attr,
		   const struct item *it)
{
	switch (attr) {
	case TA_CHANNEL:
		md_set_choice(md, &tp->channel, it, CHOICE_CHANNEL);
		break;
	case TA_DIRECTION:
		md_set_choice(md, &tp->direction, it, CHOICE_DIRECTION);
		break;
	case TA_INITIATIVE:
		md_set_choice(md, &tp->initiative, it, CHOICE_INITIATIVE);
		break;
	case TA_OUTCOME:
		md_set_text(md, &tp->outcome, it->value, it->value_loc);
		break;
	case TA_TO:
		md_set_text(md, &tp->to, it->value, it->value_loc);
		break;
	case TA_KEPT:
		md_set_yesno(md, &tp->kept, it);
		break;
	case TA_DUE:
		set_due(md, tp, it);
		break;
	case TA_CORRECT:
		md_set_choice(md, &tp->correct, it, CHOICE_CORRECT);
		break;
	case TA_JUSTIFIED:
		md_set_yesno(md, &tp->justified, it);
		break;
	case TA_HANDLED:
		md_set_choice(md, &tp->handled, it, CHOICE_HANDLED);
		break;
	case TA_TIME_TO_CONSIDER:
		md_set_yesno(md, &tp->time_to_consider, it);
		break;
	case TA_DATE:
		md_set_date(md, &tp->date, it);
		break;
	case TA_RESPONSE:
		md_set_duration(md, &tp->response_days, it);
		break;
	}
}

/* The lists nested under a touchpoint's item hold its attributes. */
static void
touchpoint_attrs(struct md *md, struct touchpoint *tp, const struct item *it)
{
	md_item_stray(md, it, true);
	int lines[TA__MAX] = {0};
	cmark_node *list = cmark_node_first_child(it->node);
	for (; list != NULL; list = cmark_node_next(list)) {
		if (list == it->para ||
		    cmark_node_get_type(list) != CMARK_NODE_LIST)
			continue;
		cmark_node *n = cmark_node_first_child(list);
		for (; n != NULL; n = cmark_node_next(n)) {
			struct item sub;
			md_item_read(md, n, &sub);
			if (*sub.text != '\0')
				touchpoint_attr(md, tp, &sub, lines);
			md_item_stray(md, &sub, false);
		}
	}
}

/* A touchpoint without a duration whose text starts with one ("wachten:
 * 8 weken op een besluit"): the writer meant a duration (S010). */
static void
warn_duration_in_text(struct md *md, const struct touchpoint *tp,
		      const struct item *it)
{
	long days;
	size_t len;
	if (tp->duration.set || !value_starts_with_duration(it->value, &days, &len))
		return;
	const char *rest = it->value + len;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (*rest == '\0')
		rest = "…"; /* the text is only a duration */
	char *duration = xasprintf("%.*s", (int)len, it->value);
	struct diag *d = diag_emit(md->diags, CODE_S010, &it->value_loc,
				   M_S010_DURATION_IN_TEXT, it->value);
	diag_hint(md->diags, d, M_H_DURATION_IN_TEXT, it->key, rest, duration);
	free(duration);
}

/* Adds a touchpoint for an item, within the stage's limit. */
static void
touchpoint_add(struct md *md, struct stage_state *ss, int kind,
	       const char *title, struct loc title_loc, const struct item *it)
{
	struct stage *st = ss->stage;
	if ((long)st->n_touchpoints >= md->limits->max_touchpoints) {
		if (ss->tp_full)
			return;
		ss->tp_full = true;
		md->over_limit = true;
		struct diag *d = diag_emit(md->diags, CODE_S009, &it->loc,
					   M_S009_TOUCHPOINTS,
					   md->limits->max_touchpoints,
					   st->title.s ? st->title.s : "");
		diag_hint(md->diags, d, M_H_TOUCHPOINTS);
		return;
	}
	struct touchpoint *tp = stage_add_touchpoint(md->doc, st);
	tp->kind = (enum tp_kind)kind;
	tp->loc = it->loc;
	md_set_title(md, &tp->title, title, title_loc);
	touchpoint_attrs(md, tp, it);
	if (it->key != NULL && title == it->value)
		warn_duration_in_text(md, tp, it);
}

/* The stage attributes of version 2. */
static void
stage_attr_v2(struct md *md, struct stage *st, int attr, const struct item *it)
{
	int income;
	switch (attr) {
	case SA_STATUS:
		md_set_choice(md, &st->status, it, CHOICE_STATUS);
		break;
	case SA_AWAITS:
		md_set_text(md, &st->awaits, it->value, it->value_loc);
		break;
	case SA_INCOME:
		if ((income = value_income(it->value)) == 0) {
			md_report_bad_value(md, it, M_S005_INCOME, M_H_INCOME);
			break;
		}
		st->income.v = income;
		st->income.loc = it->value_loc;
		break;
	case SA_LEAD:
		md_set_text(md, &st->lead, it->value, it->value_loc);
		break;
	case SA_CONTACT:
		md_set_choice(md, &st->contact, it, CHOICE_CONTACT);
		break;
	case SA_FIT:
		md_set_yesno(md, &st->fit, it);
		break;
	case SA_HOURS:
		md_set_long(md, &st->hours, it, 0, 60, M_S005_HOURS, M_H_HOURS);
		break;
	case SA_START:
		md_set_date(md, &st->start, it);
		break;
	}
}

static void
stage_attr(struct md *md, struct stage_state *ss, int attr,
	   const struct item *it)
{
	struct stage *st = ss->stage;
	if (!md_has_value(md, it))
		return;
	if (!stage_attr_is_list(attr))
		md_note_repeat(md, ss->lines, attr, it);
	switch (attr) {
	case SA_ID:
		st->id_given = md_set_text(md, &st->id, it->value, it->value_loc);
		break;
	case SA_POSITION:
		md_set_text(md, &st->position, it->value, it->value_loc);
		break;
	case SA_ACTORS:
		md_add_split(md, &st->actors, it);
		break;
	case SA_ORGANISATION:
		md_add_split(md, &st->organisation, it);
		break;
	case SA_EMOTION:
		md_set_emotion(md, &st->emotion, it);
		break;
	case SA_DURATION:
		md_set_duration(md, &st->duration, it);
		break;
	case SA_PAIN_POINT:
		md_add_text(md, &st->pain_points, it->value, it->loc);
		break;
	case SA_OPPORTUNITY:
		md_add_text(md, &st->opportunities, it->value, it->loc);
		break;
	case SA_NOTE:
		md_add_text(md, &st->notes, it->value, it->value_loc);
		break;
	case SA_IGNORE:
		md_add_split(md, &st->ignore, it);
		break;
	default:
		stage_attr_v2(md, st, attr, it);
		break;
	}
}

/* An ordinary stage item: a stage attribute or a touchpoint. */
static void
stage_item(struct md *md, struct stage_state *ss, const struct item *it)
{
	struct stage *st = ss->stage;
	if (it->key == NULL) {
		md_keep_bare(md, &st->notes, it);
		md_item_stray(md, it, false);
		return;
	}
	int attr = vocab_find(VOCAB_STAGE_ATTR, it->key);
	if (attr >= 0) {
		stage_attr(md, ss, attr, it);
		md_item_stray(md, it, false);
		return;
	}
	int kind = vocab_find(VOCAB_TP_KIND, it->key);
	if (kind >= 0) {
		touchpoint_add(md, ss, kind, it->value, it->value_loc, it);
		return;
	}
	md_keep_unknown(md, &st->notes, it,
		     VOCAB_BIT(VOCAB_STAGE_ATTR) | VOCAB_BIT(VOCAB_TP_KIND));
	md_item_stray(md, it, false);
}

/* An item under "Touchpoints": a kind, or else a touchpoint of kind
 * other titled by the whole text. */
static void
group_touchpoint(struct md *md, struct stage_state *ss, const struct item *it)
{
	int kind = it->key ? vocab_find(VOCAB_TP_KIND, it->key) : -1;
	if (kind >= 0) {
		touchpoint_add(md, ss, kind, it->value, it->value_loc, it);
		return;
	}
	const char *near = it->key ? vocab_suggest(VOCAB_BIT(VOCAB_TP_KIND),
						   it->key)
				   : NULL;
	if (near != NULL) {
		struct diag *d = diag_emit(md->diags, CODE_S006, &it->loc,
					   M_S006_KEY_SUGGEST, it->key, near);
		char *kinds = vocab_list(VOCAB_BIT(VOCAB_TP_KIND),
					 md->diags->lang);
		diag_hint(md->diags, d, M_H_TP_KINDS, kinds);
		free(kinds);
	}
	touchpoint_add(md, ss, TP_OTHER, it->text, it->loc, it);
}

/* An item of a stage's list indented further than the touchpoint item
 * before it, but not far enough to be nested under it, with a key of a
 * touchpoint attribute: it was meant for the touchpoint (S010). */
static void
warn_shallow(struct md *md, const struct stage_state *ss, cmark_node *prev,
	     const struct item *it)
{
	if (prev == NULL || it->key == NULL || ss->group >= 0 ||
	    cmark_node_get_start_column(it->node) <= cmark_node_get_start_column(prev) ||
	    vocab_find(VOCAB_TP_ATTR, it->key) < 0 || ss->stage->n_touchpoints == 0)
		return;
	const struct touchpoint *tp = ss->stage->touchpoints[ss->stage->n_touchpoints - 1];
	if (tp->loc.line != cmark_node_get_start_line(prev))
		return; /* the item before is no touchpoint */
	const char *tp_title = tp->title.s ? tp->title.s : "";
	const char *stage = ss->stage->title.s ? ss->stage->title.s : "";
	struct diag *d = diag_emit(md->diags, CODE_S010, &it->loc, M_S010_SHALLOW,
				   it->key, tp_title, stage);
	diag_hint(md->diags, d, M_H_SHALLOW, tp_title);
}

static void
stage_list(struct md *md, struct stage_state *ss, cmark_node *list)
{
	struct stage *st = ss->stage;
	cmark_node *n = cmark_node_first_child(list);
	for (cmark_node *prev = NULL; n != NULL; prev = n, n = cmark_node_next(n)) {
		struct item it;
		md_item_read(md, n, &it);
		warn_shallow(md, ss, prev, &it);
		if (*it.text == '\0') {
			md_item_stray(md, &it, false);
		} else if (ss->group == SG_TOUCHPOINTS) {
			group_touchpoint(md, ss, &it);
		} else if (ss->group == SG_PAIN_POINTS) {
			md_add_text(md, &st->pain_points, it.text, it.loc);
			md_item_stray(md, &it, false);
		} else if (ss->group == SG_OPPORTUNITIES) {
			md_add_text(md, &st->opportunities, it.text, it.loc);
			md_item_stray(md, &it, false);
		} else {
			stage_item(md, ss, &it);
		}
	}
}

/* True when the block after a heading is a list whose first item is a
 * stage attribute: the heading was meant as a stage. */
static bool
opens_stage_attrs(struct md *md, cmark_node *heading)
{
	cmark_node *list = cmark_node_next(heading);
	if (list == NULL || cmark_node_get_type(list) != CMARK_NODE_LIST ||
	    cmark_node_first_child(list) == NULL)
		return false;
	struct item it;
	md_item_read(md, cmark_node_first_child(list), &it);
	int attr = it.key ? vocab_find(VOCAB_STAGE_ATTR, it.key) : -1;
	return attr >= 0 && !stage_attr_is_list(attr);
}

/* A level-3 (or deeper) heading opens a group of items. */
static void
stage_group(struct md *md, struct stage_state *ss, cmark_node *heading)
{
	const char *title = md_flatten(md, heading);
	ss->group = vocab_find(VOCAB_STAGE_GROUP, title);
	if (ss->group >= 0)
		return;
	struct loc loc = md_node_loc(md, heading);
	if (opens_stage_attrs(md, heading)) {
		const char *stage = ss->stage->title.s ? ss->stage->title.s : "";
		struct diag *d = diag_emit(md->diags, CODE_S010, &loc,
					   M_S010_H3_STAGE, title, stage);
		diag_hint(md->diags, d, M_H_H3_STAGE, title);
		return;
	}
	struct diag *d = diag_emit(md->diags, CODE_S006, &loc, M_S006_GROUP, title);
	diag_hint(md->diags, d, M_H_GROUP);
}

/* A stage: the level-2 heading and the blocks up to end. */
static void
read_stage(struct md *md, struct journey *j, cmark_node *heading,
	   cmark_node *end)
{
	struct stage_state ss = {.stage = journey_add_stage(md->doc, j), .group = -1};
	struct stage *st = ss.stage;
	st->loc = source_loc_at(md->src, cmark_node_get_start_line(heading), 1);
	md_set_title(md, &st->title, md_flatten(md, heading), st->loc);
	struct buf desc = {0};
	struct loc loc = {0};
	cmark_node *n = cmark_node_next(heading);
	for (; n != end; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			if (cmark_node_get_heading_level(n) > 2)
				stage_group(md, &ss, n);
		} else if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
			stage_list(md, &ss, n);
		} else {
			md_add_raw_block(md, &desc, &loc, n);
		}
	}
	if (desc.len > 0)
		md_set_text(md, &st->description, desc.data, loc);
	buf_free(&desc);
}

void
md_read_journey(struct md *md, cmark_node *h1, cmark_node *start)
{
	struct journey *j = arena_alloc(md->doc->arena, sizeof(*j));
	md->doc->journey = j;
	md_read_h1(md, h1, &j->title, &j->loc, false);
	cmark_node *h2 = md_next_h2(start);
	journey_head(md, j, start, h2);
	while (h2 != NULL) {
		cmark_node *after = md_next_h2(cmark_node_next(h2));
		if ((long)j->n_stages >= md->limits->max_stages) {
			struct loc loc = source_loc_at(
			    md->src, cmark_node_get_start_line(h2), 1);
			struct diag *d = diag_emit(md->diags, CODE_S009, &loc,
						   M_S009_STAGES,
						   md->limits->max_stages);
			diag_hint(md->diags, d, M_H_STAGES);
			md->over_limit = true;
			break;
		}
		read_stage(md, j, h2, after);
		h2 = after;
	}
}

