/* diag.h - the diagnostics catalogue (codes.def, each code with its class), the one emitter every check reports through, and the one count of friction. Included by: any. */
#ifndef KETEN_DIAG_H
#define KETEN_DIAG_H

#include "catalog.h"
#include "loc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* How a finding is meant. A question (v2-friction.md section 5) is what a
 * team should find out: never friction, never failing a run, counted apart.
 * The values are no order: compare with ==. */
enum severity { SEV_WARNING = 1, SEV_ERROR = 2, SEV_QUESTION = 3 };

/* What a code's findings mean (see codes.def). */
enum code_class {
	CODE_CLASS_STRUCTURE, /* S-codes: a file cannot be read or checked as it is */
	CODE_CLASS_FRICTION,  /* a friction rule: its impact counts in friction scores */
	CODE_CLASS_PRIVACY,   /* K012: personal data, an error and never friction */
	CODE_CLASS_NOTE       /* K011: about how a persona is written, never friction */
};

enum code {
#define CODE(id, nl, en, sev, cls) CODE_##id,
#include "codes.def"
#undef CODE
	CODE__MAX
};

struct code_info {
	const char *id;      /* "S001" */
	const char *slug_nl; /* "onleesbaar" */
	const char *slug_en; /* "unreadable" */
	enum severity severity;
	enum code_class code_class;
};

const struct code_info *code_info(enum code code);
/* Finds a code by its id ("S001", any case) or by its Dutch or English
 * slug, written in any case or spacing ("grote-sprong", "Big step");
 * returns -1 when unknown. */
int code_parse(const char *s);
/* Finds a rule code (K001-K025 or a rule's slug, as code_parse); returns
 * -1 otherwise. */
int code_parse_rule(const char *s);

/* One finding. All strings are owned by the diagnostic. */
struct diag {
	enum code code;
	enum severity severity;
	char *file;       /* NULL for findings about no file */
	int line, col;    /* 0 when not known */
	int impact;       /* 1-3 for friction rules, 0 otherwise */
	char *journey;    /* id of the journey concerned, or NULL */
	char *persona;    /* id of the persona concerned, or NULL */
	char *stage;      /* id of the stage concerned, or NULL */
	int touchpoint;   /* 1-based index in its stage, 0 for none */
	char *message;
	char *hint;       /* NULL when there is none */
	size_t seq;       /* order of emission, to keep sorting stable */
};

/* The list of findings of one run; reporting never prints. A printer
 * that streams drops the findings it has printed (diags_drop_front): they
 * are then only counted, in `gone`. */
struct diags {
	struct diag *items;
	size_t n, cap;
	enum lang lang; /* language of messages and hints */
	size_t suppressed[CODE__MAX]; /* findings switched off or ignored */
	size_t next_seq;              /* seq of the next finding */
	size_t gone[CODE__MAX];       /* findings dropped, by code, questions
				       * left out */
	size_t gone_questions[CODE__MAX]; /* questions dropped, by code */
	size_t gone_warnings[CODE__MAX]; /* of gone: those that were warnings
					  * (a code's severity may be lowered:
					  * a chain's light colour, S008) */
};

void diags_init(struct diags *diags, enum lang lang);
void diags_free(struct diags *diags);

/* Adds a finding with message m (formatted with the arguments) at loc and
 * returns it; the pointer is valid until the next diag_emit. */
struct diag *diag_emit(struct diags *diags, enum code code,
		       const struct loc *loc, enum msg m, ...);
/* Sets the hint of d, formatted from message m. */
void diag_hint(struct diags *diags, struct diag *d, enum msg m, ...);
/* The same with a va_list. */
struct diag *diag_vemit(struct diags *diags, enum code code,
			const struct loc *loc, enum msg m, va_list ap);
void diag_vhint(struct diags *diags, struct diag *d, enum msg m, va_list ap);
/* The message's arguments checked at compile time (catalog.h). */
#define diag_emit(diags, code, loc, ...) \
	(MSG_CHECK(__VA_ARGS__), (diag_emit)(diags, code, loc, __VA_ARGS__))
#define diag_hint(diags, d, ...) \
	(MSG_CHECK(__VA_ARGS__), (diag_hint)(diags, d, __VA_ARGS__))

/* Number of findings suppressed by configuration. */
size_t diags_suppressed(const struct diags *diags);

/* Fills journey and persona ids into findings from index `from` on that do
 * not have them yet (readers learn a document's id after reporting). */
void diags_tag(struct diags *diags, size_t from, const char *journey,
	       const char *persona);

/* diags_tag for the findings in `file` or about no file only. */
void diags_tag_file(struct diags *diags, size_t from, const char *file,
		    const char *journey, const char *persona);

/* Sorts by file, line, column, then code (stable for equal keys). */
void diags_sort(struct diags *diags);

/* The order of two findings in one file: by line, column, then code
 * (<0, 0, >0). diags_sort and the comparison of journeys both use it. */
int diag_compare_in_file(const struct diag *a, const struct diag *b);

/* True for a code of a rule (K001-K025): switched off by --disable, shown
 * as a marker in the diagrams. */
bool code_is_rule(enum code code);
/* True for a code whose findings count in friction scores: the rules of
 * class CODE_CLASS_FRICTION, which leaves out K011 and K012. */
bool code_is_friction(enum code code);

/* Friction: how many findings count, and the sum of their impacts. */
struct friction {
	int count;
	int score;
};

/* Adds d to f when its code is friction (code_is_friction) and it is no
 * question. The one
 * place a finding's friction is counted: a journey's friction, the run's
 * total and every output add up through it. */
void friction_add(struct friction *f, const struct diag *d);

/* A journey's friction (the rule is in keten.h): its own findings[0..n)
 * and the findings about its persona, persona[0..n_persona). */
struct friction friction_of_journey(const struct diag *findings, size_t n,
				    const struct diag *const *persona, size_t n_persona);

/* Appends the findings of `from` to `to`, numbered as if they had been
 * made there, adds its suppressed counts, and leaves it empty. */
void diags_move(struct diags *to, struct diags *from);

/* Makes `to` a copy of d with its own strings; free them with
 * diag_free_fields. */
void diag_copy(struct diag *to, const struct diag *d);

/* Frees the strings of d (not d itself). */
void diag_free_fields(struct diag *d);

/* Appends a copy of d (its strings copied) to `to`. */
void diags_add_copy(struct diags *to, const struct diag *d);

/* Counts and frees the first k findings, and moves the others to the front. */
void diags_drop_front(struct diags *diags, size_t k);

/* Number of findings with the given severity, dropped ones included. */
size_t diags_count(const struct diags *diags, enum severity severity);
/* Number of findings, dropped ones included. */
size_t diags_total(const struct diags *diags);
/* Findings per code (counts[CODE__MAX]), dropped ones included. */
void diags_count_codes(const struct diags *diags, size_t *counts);
/* (diags_count_codes leaves questions out; they are counted apart:) */
/* Questions per code (counts[CODE__MAX]), dropped ones included. */
void diags_count_questions(const struct diags *diags, size_t *counts);
/* counts[code] = the findings of each code that are warnings, dropped ones
 * included (a code's severity may be lowered, as S008 for a light colour). */
void diags_count_warnings(const struct diags *diags, size_t *counts);
/* True when a finding in [from, n) is an error. */
bool diags_has_error_since(const struct diags *diags, size_t from);

#endif
