/* rules_walk.c - what several friction rules share: walking a stage's touchpoints, personal contacts before and after a touchpoint, the position a stage holds and steps up or down the ladder, and sets of names. */
#include "rules_run.h"

#include "text.h"

#include <string.h>

/* --- touchpoints --- */

bool
stage_has(const struct stage *stage, bool (*pred)(const struct touchpoint *))
{
	for (size_t i = 0; i < stage->n_touchpoints; i++)
		if (pred(stage->touchpoints[i]))
			return true;
	return false;
}

bool
tp_is_kind_handover_warm(const struct touchpoint *tp)
{
	return tp->kind == TP_HANDOVER && tp->warm.v != YESNO_NO;
}

bool
tp_is_financial_check(const struct touchpoint *tp)
{
	return tp->kind == TP_FINANCIAL_CHECK;
}

bool
tp_is_personal_contact(const struct touchpoint *tp)
{
	unsigned c = touchpoint_class(tp);
	return (c & TPC_PERSONAL) != 0 && (c & TPC_OUTGOING) == 0;
}

bool
personal_contact_after(const struct rule_run *run)
{
	const struct stage *st = run->stage;
	for (size_t k = run->tp_index + 1; k < st->n_touchpoints; k++)
		if (tp_is_personal_contact(st->touchpoints[k]))
			return true;
	for (size_t k = 0; run->next != NULL && k < run->next->n_touchpoints; k++) {
		const struct touchpoint *tp = run->next->touchpoints[k];
		if (tp_is_personal_contact(tp))
			return true;
		if (touchpoint_class(tp) & TPC_WRITTEN)
			return false;
	}
	return false;
}

bool
personal_contact_before(const struct rule_run *run)
{
	const struct stage *st = run->stage;
	for (size_t k = 0; k < run->tp_index; k++)
		if (tp_is_personal_contact(st->touchpoints[k]))
			return true;
	for (size_t k = run->prev != NULL ? run->prev->n_touchpoints : 0; k-- > 0;) {
		const struct touchpoint *tp = run->prev->touchpoints[k];
		if (tp_is_personal_contact(tp))
			return true;
		if (touchpoint_class(tp) & TPC_WRITTEN)
			return false;
	}
	return false;
}

/* --- positions --- */

const struct position *
stage_held_position(const struct journey *j, size_t i)
{
	size_t k = i;
	while (k > 0 && j->stages[k]->status.v == STATUS_SICK)
		k--;
	return j->stages[k]->pos;
}

/* The ladder step of the move into stage i by held positions: > 0 up,
 * < 0 down, 0 for none or when a position is unknown. */
static long
held_step(const struct journey *j, size_t i)
{
	if (i == 0)
		return 0;
	const struct position *from = stage_held_position(j, i - 1);
	const struct position *to = stage_held_position(j, i);
	if (from == NULL || to == NULL)
		return 0;
	return to->ladder.v - from->ladder.v;
}

bool
stage_steps_down(const struct journey *j, size_t i)
{
	return held_step(j, i) < 0;
}

bool
stage_steps_up(const struct journey *j, size_t i)
{
	return held_step(j, i) > 0;
}

/* --- names --- */

const char *
name_list_next(const char **p, size_t *len)
{
	while (**p != '\0') {
		const char *item = *p;
		size_t n = strcspn(item, ",");
		*p += n + (item[n] == ',');
		*len = n;
		const char *name = text_trim(item, len);
		if (*len > 0)
			return name;
	}
	return NULL;
}

/* Folds name[0..len) into set->folded. */
static void
name_fold(struct name_set *set, const char *name, size_t len)
{
	buf_clear(&set->folded);
	text_casefold_to(&set->folded, name, len);
}

bool
name_set_add(struct name_set *set, const char *name, size_t len)
{
	name = text_trim(name, &len);
	if (len == 0)
		return false;
	name_fold(set, name, len);
	size_t n = set->names.n;
	return idmap_add(&set->names, buf_str(&set->folded), set->folded.len, n) == n;
}

void
name_set_add_list(struct name_set *set, const char *list)
{
	if (list == NULL)
		return;
	size_t len;
	for (const char *name; (name = name_list_next(&list, &len)) != NULL;)
		name_set_add(set, name, len);
}

void
name_set_add_texts(struct name_set *set, const struct text_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		name_set_add_list(set, list->items[i].s);
}

bool
name_set_has(struct name_set *set, const char *name)
{
	if (name == NULL)
		return false;
	size_t len = strlen(name);
	name = text_trim(name, &len);
	if (len == 0)
		return false;
	name_fold(set, name, len);
	return idmap_find(&set->names, buf_str(&set->folded), set->folded.len, NULL);
}

void
name_set_free(struct name_set *set)
{
	idmap_free(&set->names);
	buf_free(&set->folded);
}
