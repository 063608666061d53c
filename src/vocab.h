/* vocab.h - the keys of the formats: Dutch and English spellings, canonical JSON names, lookup after folding, and suggestions. Included by: map.c, pathway_labels.c, read_md*.c, read_json_value.c, read_json_object.c, report.c, rules.c, write_json.c, write_md.c, tests/unit/. */
#ifndef KETEN_VOCAB_H
#define KETEN_VOCAB_H

#include "catalog.h"

#include <stddef.h>

/* The info string of a fenced code block that holds running text (a
 * summary or description) as it is: the Markdown writer's spelling of a
 * text that bare Markdown would change (an open fence, a comment, a link
 * reference definition, a heading, a leading indent); the Markdown reader
 * takes its content as the text. */
#define VOCAB_VERBATIM_FENCE "keten-markdown"

enum vocab {
	VOCAB_PERSONA_ATTR,    /* enum persona_attr */
	VOCAB_PERSONA_SECTION, /* enum persona_section */
	VOCAB_JOURNEY_ATTR,    /* enum journey_attr */
	VOCAB_STAGE_ATTR,      /* enum stage_attr */
	VOCAB_TP_KIND,         /* enum tp_kind (model.h) */
	VOCAB_TP_ATTR,         /* enum tp_attr */
	VOCAB_STAGE_GROUP,     /* enum stage_group */
	VOCAB_COVER_ATTR,      /* enum cover_attr */
	VOCAB__MAX
};

#define VOCAB_BIT(v) (1u << (v))

enum persona_attr {
	PA_ID, PA_AGE, PA_PLACE, PA_SITUATION, PA_POSITION, PA_LADDER,
	PA_INCOME, PA_TRAITS, PA_NOTE, PA__MAX
};
enum persona_section {
	PS_TALENTS, PS_NEEDS, PS_WORRIES, PS_GOALS, PS_NETWORK, PS_QUOTE, PS__MAX
};
enum journey_attr {
	JA_ID, JA_PERSONA, JA_CHAIN, JA_REGION, JA_KIND, JA_AUTHOR, JA_DATE,
	JA_NOTE, JA_IGNORE, JA_CONTACTS, JA__MAX
};
enum stage_attr {
	SA_ID, SA_POSITION, SA_ACTORS, SA_ORGANISATION, SA_EMOTION,
	SA_DURATION, SA_PAIN_POINT, SA_OPPORTUNITY, SA_NOTE, SA_IGNORE,
	SA_STATUS, SA_AWAITS, SA_INCOME, SA_LEAD, SA_CONTACT, SA_FIT, SA_HOURS,
	SA_START, SA__MAX
};
enum tp_attr {
	TA_ACTOR, TA_EXPLAINED, TA_TEXT, TA_DURATION, TA_WARM, TA_EMOTION,
	TA_NOTE, TA_CHANNEL, TA_DIRECTION, TA_INITIATIVE, TA_OUTCOME, TA_TO,
	TA_KEPT, TA_DUE, TA_CORRECT, TA_JUSTIFIED, TA_HANDLED,
	TA_TIME_TO_CONSIDER, TA_DATE, TA_RESPONSE, TA__MAX
};
enum stage_group { SG_TOUCHPOINTS, SG_PAIN_POINTS, SG_OPPORTUNITIES, SG__MAX };
/* The attributes of the title page (werkruimte.md). */
enum cover_attr { CA_REGION, CA_TEAM, CA_AUTHOR, CA_ORGANISATION, CA_DATE, CA__MAX };

/* The entry of vocabulary v that `written` names (case, accents, spaces
 * and punctuation folded as in slugs), or -1. */
int vocab_find(enum vocab v, const char *written);

/* The entry whose canonical JSON name is exactly `name`, or -1. */
int vocab_find_canonical(enum vocab v, const char *name);

/* The canonical JSON name of an entry ("financial_check", "duration_days"). */
const char *vocab_canonical(enum vocab v, int id);

/* The first spelling of an entry in a language ("beschikking", "decision"). */
const char *vocab_name(enum vocab v, int id, enum lang lang);

/* The spelling, over the vocabularies in mask (VOCAB_BIT), nearest to
 * `written`, or NULL when none is a likely typo. */
const char *vocab_suggest(unsigned mask, const char *written);

/* The first spellings of all entries in mask, in lang, joined by ", ".
 * Caller frees. */
char *vocab_list(unsigned mask, enum lang lang);

/* Number of entries in a vocabulary. */
int vocab_size(enum vocab v);

#endif
