/* model.h - personas, journeys, stages, touchpoints and chain models, each value with its source location; one document owns all of it. Included by: any. */
#ifndef KETEN_MODEL_H
#define KETEN_MODEL_H

#include "idmap.h"
#include "loc.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct phrases;

/* A text value and where it was written; s is NULL when it was not given. */
struct text {
	const char *s;
	struct loc loc;
};

/* A whole number and where it was written. */
struct number {
	bool set;
	long v;
	struct loc loc;
};

/* Unset (absent) and YESNO_UNKNOWN (written `onbekend`) both mean unknown. */
enum yesno { YESNO_UNSET, YESNO_YES, YESNO_NO, YESNO_UNKNOWN };

struct flag {
	enum yesno v;
	struct loc loc;
};

/* A choice from a fixed set (enum income, enum journey_kind, and the
 * enums of enum choice_set); 0 = not given. */
struct choice {
	int v;
	struct loc loc;
};

/* A list of texts; loc is where the list (or its key) was written. */
struct text_list {
	struct text *items;
	size_t n, cap;
	struct loc loc;
};

enum income { INCOME_UNSET, INCOME_NONE, INCOME_BENEFIT, INCOME_WAGE, INCOME_MIXED };
enum journey_kind { KIND_UNSET, KIND_AS_IS, KIND_TO_BE };

/* The sets of words of version 2 (values.h reads and writes them); each
 * enum below counts from 1 in the order of its words. */
enum choice_set {
	CHOICE_CONTACTS,   /* enum contacts */
	CHOICE_STATUS,     /* enum stage_status */
	CHOICE_CONTACT,    /* enum stage_contact */
	CHOICE_CHANNEL,    /* enum channel */
	CHOICE_DIRECTION,  /* enum direction */
	CHOICE_INITIATIVE, /* enum initiative */
	CHOICE_CORRECT,    /* enum correctness */
	CHOICE_HANDLED,    /* enum handled */
	CHOICE__MAX
};
/* How the journey was written: unset means complete. */
enum contacts { CONTACTS_UNSET, CONTACTS_COMPLETE, CONTACTS_PARTIAL };
enum stage_status {
	STATUS_UNSET, STATUS_SICK, STATUS_WAITING_LIST, STATUS_TRIAL,
	STATUS_SUSPENDED
};
/* `contact: geen`: no organisation contacted the person in the stage. */
enum stage_contact { CONTACT_UNSET, CONTACT_NONE };
enum channel {
	CHANNEL_UNSET, CHANNEL_LETTER, CHANNEL_EMAIL, CHANNEL_PORTAL,
	CHANNEL_PHONE, CHANNEL_CONVERSATION, CHANNEL_VISIT
};
enum direction { DIRECTION_UNSET, DIRECTION_IN, DIRECTION_OUT };
enum initiative { INITIATIVE_UNSET, INITIATIVE_PERSON, INITIATIVE_ORGANISATION };
enum correctness {
	CORRECT_UNSET, CORRECT_YES, CORRECT_NO, CORRECT_UNKNOWN, CORRECT_PARTLY
};
enum handled {
	HANDLED_UNSET, HANDLED_YES, HANDLED_PARTLY, HANDLED_NO, HANDLED_REDIRECTED
};

/* Touchpoint kinds in the order of formats.md. */
enum tp_kind {
	TP_LETTER, TP_DECISION, TP_EMAIL, TP_PORTAL,
	TP_CONVERSATION, TP_PHONE, TP_VISIT, TP_INTAKE, TP_EVALUATION,
	TP_REINDICATION, TP_HANDOVER, TP_TRIAL, TP_FINANCIAL_CHECK,
	TP_WAITING,
	/* version 2 */
	TP_APPLICATION, TP_INQUIRY, TP_CHANGE_REPORT, TP_REMINDER,
	TP_COMPLAINT, TP_OBJECTION, TP_REFERRAL, TP_ADVICE, TP_OFFER,
	TP_REJECTION, TP_PROMISE, TP_PLAN, TP_BENEFIT_STOP, TP_OFFSET,
	TP_RECOVERY, TP_SANCTION, TP_WARNING, TP_DEBT, TP_PAYMENT, TP_REDRESS,
	TP_OTHER,
	TP__MAX
};

/* The classes of touchpoints (v2-friction.md), as bits. */
enum tp_class {
	TPC_WRITTEN = 1 << 0,        /* reaches the person in writing */
	TPC_PERSONAL = 1 << 1,       /* a personal contact */
	TPC_OUTGOING = 1 << 2,       /* from the person to an organisation */
	TPC_TO_PERSON = 1 << 3,      /* an organisation's answer or step */
	TPC_DECISION = 1 << 4,       /* a decision on the person's case */
	TPC_AGREEMENT = 1 << 5,      /* a promise or plan */
	TPC_MONEY = 1 << 6,          /* money to the person's harm */
	TPC_MONEY_POSITIVE = 1 << 7, /* money in the person's favour */
	TPC_REPAIR = 1 << 8,         /* an apology, reversal or compensation */
};

/* Traits the rules know, as bits of persona.trait_mask. */
enum trait {
	TRAIT_LOW_LITERACY = 1 << 0,
	TRAIT_LOW_DIGITAL = 1 << 1,
	TRAIT_ANXIOUS = 1 << 2,
	TRAIT_DEBTS = 1 << 3,
};

struct touchpoint {
	enum tp_kind kind;
	struct loc loc;          /* the item (its text) */
	struct text title;       /* the item's value; may be "" */
	struct text actor;       /* who sends or speaks; comma-separated */
	struct flag explained;   /* someone explains it */
	struct text text;        /* the words the citizen reads or hears */
	struct number duration;  /* days (for waiting) */
	struct flag warm;        /* for handover; unset means warm */
	struct number emotion;   /* -2..2 */
	/* version 2 */
	struct choice channel;   /* enum channel */
	struct choice direction; /* enum direction; unset: by the kind */
	struct choice initiative; /* enum initiative */
	struct text outcome;     /* what came of it; see touchpoint_outcome_none */
	struct text to;          /* the organisation or person it goes to */
	struct flag kept;        /* for promise */
	struct number due_days;  /* due as a duration from the touchpoint */
	struct text due_date;    /* due as a date (one of the two is set) */
	struct choice correct;   /* enum correctness */
	struct flag justified;
	struct choice handled;   /* enum handled */
	struct flag time_to_consider; /* for plan */
	struct text date;        /* YYYY-MM-DD or YYYY-MM */
	struct number response_days;
	struct text_list notes;  /* notes, and unknown keys kept as "key: value" */
};

struct position;

struct stage {
	struct text id;             /* given, or derived by check_document */
	bool id_given;              /* written as `id:` rather than derived */
	struct text title;          /* the heading text; may be "" */
	struct loc loc;             /* the heading (column 1) */
	struct text position;       /* as written; may be onbekend/unknown */
	struct text_list actors;
	struct text_list organisation; /* several at once; a repeated key adds */
	struct number emotion;      /* -2..2 */
	struct number duration;     /* days */
	/* version 2 */
	struct choice status;       /* enum stage_status */
	struct text awaits;         /* a position id, for a waiting list */
	struct choice income;       /* enum income, over the position's */
	struct text lead;           /* who holds the case */
	struct choice contact;      /* enum stage_contact */
	struct flag fit;
	struct number hours;        /* per week, 0-60 */
	struct text start;          /* date */
	struct text_list pain_points;
	struct text_list opportunities;
	struct text_list notes;
	struct text_list ignore;    /* rule codes accepted in this stage */
	struct text description;    /* paragraphs in the stage */
	struct touchpoint **touchpoints;
	size_t n_touchpoints, cap_touchpoints;
	const struct position *pos; /* resolved by the check; NULL if unknown */
	const struct position *awaits_pos; /* resolved by the check */
};

struct persona;
struct chain;

struct journey {
	struct text id;          /* given, or derived by check_document */
	bool id_given;
	struct text title;
	struct loc loc;          /* the level-1 heading or the JSON object */
	struct text persona;     /* persona id as written */
	struct text chain;       /* chain id or path as written */
	struct text region;
	struct choice kind;      /* enum journey_kind */
	struct text author;
	struct text date;        /* YYYY-MM-DD or YYYY-MM */
	struct choice contacts;  /* enum contacts: unset means complete */
	struct text description;
	struct text_list notes;
	struct text_list ignore;
	struct stage **stages;
	size_t n_stages, cap_stages;
	/* resolved by the check */
	const struct persona *persona_ref;
	const struct chain *chain_ref;
};

/* A section of a persona that is not a known list: title and its text
 * (Markdown source), kept in order. */
struct section {
	struct text title;
	struct text body;
};

struct persona {
	struct text id;
	bool id_given;
	struct text name;
	struct loc loc;
	struct text summary;
	struct number age;
	struct text place;
	struct text situation;
	struct text position;    /* as written */
	struct number ladder;
	struct choice income;    /* enum income */
	struct text_list traits; /* as written */
	unsigned trait_mask;     /* enum trait bits of the known traits */
	struct text_list talents, needs, worries, goals, network;
	struct text quote;
	struct text_list notes;
	struct section **sections;
	size_t n_sections, cap_sections;
	const struct position *pos; /* resolved by the check */
};

struct domain {
	struct text id;
	struct text label;
	struct text organisation; /* domains with one organisation: one roof */
	struct text colour;       /* "#rrggbb", the lane's edge (palette.h); NULL:
				   * the palette's tint by the domain's place */
	struct loc loc;
};

struct position {
	struct text id;
	struct text label;
	struct number ladder;              /* 1-6 */
	struct text domain;                /* domain id as written */
	struct flag indication;
	struct number reindication_months;
	struct choice income;              /* enum income */
	struct text_list aliases;
	struct loc loc;
	const struct domain *dom;          /* resolved by chain validation */
};

struct thresholds {
	struct number max_wait_days;
	struct number max_step_up;
	struct number max_actors;
	struct number emotion_drop;
	struct number min_readability;
	struct number max_silence_days;
	struct number max_reminders;
};

struct chain {
	struct text id;
	struct text title;
	struct loc loc;
	struct domain **domains;
	size_t n_domains, cap_domains;
	struct position **positions;
	size_t n_positions, cap_positions;
	struct thresholds thresholds; /* unset ones take their default */
	struct text_list jargon;
	bool jargon_given;            /* false: the default list applies */
	struct text_list disable;     /* rule codes */
	struct text_list impact_colours; /* "#rrggbb" of impact 1, 2, 3
					  * (palette.h); none: the palette's */
	struct phrases *jargon_words; /* filled by chain_validate: the jargon
				       * split and indexed (readability.h) */
	struct idmap names;           /* filled by chain_validate: each id as
				       * written and each alias's slug ->
				       * 2 * position index, + 1 for an id
				       * (the first position to use a name wins) */
};

/* The report's title page: werkruimte.md or workspace.md at the root of a
 * workspace (formats.md section 1). */
struct cover {
	struct text title;
	struct loc loc;
	struct text_list fact_keys;   /* the attributes, keys as written */
	struct text_list fact_values; /* [i] is the value of fact_keys[i] */
	struct text intro;            /* the other blocks, as Markdown source */
};

enum doc_kind { DOC_UNKNOWN, DOC_PERSONA, DOC_JOURNEY, DOC_CHAIN, DOC_WORKSPACE };
enum doc_format { FORMAT_MARKDOWN, FORMAT_JSON };

/* One input file and everything read from it. The document owns all
 * strings and objects above through its arena; doc_free releases them. */
struct doc {
	const char *path;   /* as shown to the user */
	enum doc_kind kind;
	enum doc_format format;
	struct persona *persona; /* set when kind is DOC_PERSONA */
	struct journey *journey; /* set when kind is DOC_JOURNEY */
	struct chain *chain;     /* set when kind is DOC_CHAIN */
	struct cover *cover;     /* set when kind is DOC_WORKSPACE */
	bool broken;        /* an S-error was found in this file */
	struct arena *arena;
};

/* Frees chain->jargon_words (doc_free does it for a chain's document). */
void chain_free_jargon_words(struct chain *c);

struct doc *doc_new(const char *path, enum doc_kind kind, enum doc_format format);
void doc_free(struct doc **doc);

/* Copies s into the document (NULL stays NULL). */
const char *doc_strdup(struct doc *doc, const char *s);
const char *doc_strndup(struct doc *doc, const char *s, size_t len);
struct text doc_text(struct doc *doc, const char *s, struct loc loc);

/* Builders: each returns a new zeroed object owned by the document and
 * appended to its parent. */
struct stage *journey_add_stage(struct doc *doc, struct journey *j);
struct touchpoint *stage_add_touchpoint(struct doc *doc, struct stage *s);
struct section *persona_add_section(struct doc *doc, struct persona *p);
struct domain *chain_add_domain(struct doc *doc, struct chain *c);
struct position *chain_add_position(struct doc *doc, struct chain *c);
void text_list_add(struct doc *doc, struct text_list *list, const char *s,
		   struct loc loc);
/* Splits s at commas and adds each trimmed, non-empty part. */
void text_list_add_split(struct doc *doc, struct text_list *list,
			 const char *s, struct loc loc);

/* Touchpoint classes of rules.md and v2-friction.md: the classes of a kind
 * (enum tp_class bits, one table), and of a touchpoint: its kind's, with
 * `channel` adding written or personal and `direction: out` outgoing. */
unsigned tp_kind_class(enum tp_kind kind);
unsigned touchpoint_class(const struct touchpoint *tp);
bool tp_kind_is_written(enum tp_kind kind);
/* Personal: conversation, phone, visit, intake, evaluation, reindication,
 * trial, financial check, and a handover unless warm is "no". */
bool touchpoint_is_personal(const struct touchpoint *tp);

/* True when the touchpoint's outcome says nothing came of it (geen/none). */
bool touchpoint_outcome_none(const struct touchpoint *tp);
/* True when the stage's position is written onbekend/unknown. */
bool stage_position_unknown(const struct stage *st);
/* True for a partial journey (`contacten: onvolledig`). */
bool journey_is_partial(const struct journey *j);

/* The trait bit a written trait names (after slug folding), or 0. */
unsigned trait_from_name(const char *name);

/* Stable names of enum values for JSON: "benefit", "as-is", ... */
const char *income_name(enum income income);     /* NULL for unset */
const char *journey_kind_name(enum journey_kind kind);

#endif
