/* read_json_value.h - the JSON reader's own view of a value (cJSON's value paired with the scan's span), the reader's state and the readers of simple values; private to the JSON reader (it includes cJSON.h). Included by: read_json.c, read_json_value.c, read_json_object.c. */
#ifndef KETEN_READ_JSON_VALUE_H
#define KETEN_READ_JSON_VALUE_H

#include "json_scan.h"
#include "read.h"

#include <cjson/cJSON.h>

#include <stdbool.h>
#include <stddef.h>

/* Doubles hold every whole number up to 2^53 exactly; larger ones are
 * not taken as whole numbers. */
#define MAX_WHOLE 9007199254740992L

/* A value of cJSON's tree and the index of its span. The scan and cJSON
 * both meet the values in document order, so a value's first child has
 * the next span and its next sibling the span after the value's own. */
struct jval {
	const cJSON *json; /* NULL for a member that is not there */
	size_t span;
};

#define JVAL_NONE ((struct jval){NULL, JSON_NO_OFFSET})

/* One file being read. Everything is borrowed from read_json. */
struct reader {
	struct source *src;
	const struct limits *limits;
	struct diags *diags;
	struct doc *doc;
	const struct json_span *spans;
	size_t n_spans;
	bool over_limit; /* too many stages or touchpoints: the file is refused */
};

/* The first element or member of a container, and the value after v. */
struct jval jval_first_child(const struct reader *r, struct jval v);
struct jval jval_next_sibling(const struct reader *r, struct jval v);

/* Every element of an array, or member of an object, with its span. */
#define FOR_EACH_CHILD(r, child, parent)                                     \
	for (struct jval child = jval_first_child(r, parent);                \
	     child.json != NULL; child = jval_next_sibling(r, child))

/* Where a value starts; where a member's key starts (its value's place
 * when it has no key). */
struct loc jval_loc(const struct reader *r, struct jval node);
struct loc jval_key_loc(const struct reader *r, struct jval node);

/* True when the member is there and not null. */
bool jval_present(struct jval node);

/* A number as it was written in the file, shortened when long. Caller frees. */
char *jval_number_text(const struct reader *r, struct jval node);

/* The name of an element of an array member: "stages[2]". Caller frees. */
char *jval_item_name(const char *name, size_t i);

/* Reports S005: member `name` must be `expected`, not what node is. */
struct diag *jval_report_type(struct reader *r, struct jval node,
			      const char *name, enum msg expected);

/* Reports S002: the object obj lacks member `name`. */
struct diag *jval_report_missing(struct reader *r, struct jval obj,
				 const char *name);

/* True when the string of node is within the text limit; reports S009
 * otherwise. */
bool jval_text_fits(struct reader *r, struct jval node);

/* The readers of simple values: each checks the type (and the range or
 * the vocabulary), reports what is wrong and otherwise fills in its
 * target with the value's location. */
void jval_read_text(struct reader *r, struct jval node, const char *name,
		    struct text *t);
void jval_read_number(struct reader *r, struct jval node, const char *name,
		      long min, long max, struct number *num);
void jval_read_flag(struct reader *r, struct jval node, const char *name,
		    struct flag *f);
/* true, false, or the string "unknown" (onbekend). */
void jval_read_flag3(struct reader *r, struct jval node, const char *name,
		     struct flag *f);
/* A word of a choice set; a wrong one is reported with the nearest word. */
void jval_read_choice(struct reader *r, struct jval node, const char *name,
		      enum choice_set set, struct choice *c);
/* A number of days, or a date string: `due`. */
void jval_read_due(struct reader *r, struct jval node, const char *name,
		   struct number *days, struct text *date);
void jval_read_income(struct reader *r, struct jval node, const char *name,
		      struct choice *c);
void jval_read_journey_kind(struct reader *r, struct jval node,
			    const char *name, struct choice *c);
void jval_read_date(struct reader *r, struct jval node, const char *name,
		    struct text *t);
void jval_read_tp_kind(struct reader *r, struct jval node,
		       enum tp_kind *kind);

/* An array of strings. With `single`, one string is accepted too (and
 * split at commas when `split`). */
void jval_read_list(struct reader *r, struct jval node, const char *name,
		    struct text_list *list, bool single, bool split);

/* Adds the hint that lists the touchpoint kinds to d. */
void jval_hint_tp_kinds(struct reader *r, struct diag *d);

/* Reads the top value into r->doc (read_json_object.c). */
void read_json_document(struct reader *r, struct jval top);

#endif
