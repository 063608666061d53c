/* jsonw.h - a small JSON writer with correct escaping and two-space indentation, used for export, chain dumps and diagnostics. Included by: cmd_rules.c, compare_out.c, diag_print.h, diag_print.c, write_json.c, tests/unit/. */
#ifndef KETEN_JSONW_H
#define KETEN_JSONW_H

#include "mem.h"

#include <stdbool.h>

enum { JSONW_MAX_DEPTH = 32 };

struct jsonw {
	struct buf *out;
	int depth;
	bool has_items[JSONW_MAX_DEPTH]; /* a comma is due before the next item */
	bool after_key;                  /* a value follows a key directly */
	bool compact;                    /* no newlines or indentation */
};

void jsonw_init(struct jsonw *w, struct buf *out, bool compact);
void jsonw_object_begin(struct jsonw *w);
void jsonw_object_end(struct jsonw *w);
void jsonw_array_begin(struct jsonw *w);
void jsonw_array_end(struct jsonw *w);
void jsonw_key(struct jsonw *w, const char *key);
void jsonw_string(struct jsonw *w, const char *s); /* NULL writes null */
void jsonw_long(struct jsonw *w, long v);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);

/* Key and value in one call. */
/* NULL writes null. */
void jsonw_member_string(struct jsonw *w, const char *key, const char *s);
void jsonw_member_long(struct jsonw *w, const char *key, long v);
void jsonw_member_bool(struct jsonw *w, const char *key, bool v);
/* v when it is above 0, else null (an impact or index that is not there). */
void jsonw_member_positive(struct jsonw *w, const char *key, long v);

/* Appends s as a JSON string literal (quotes included) to b; a byte that
 * is no part of valid UTF-8 becomes U+FFFD, so the output is always UTF-8. */
void jsonw_escape(struct buf *b, const char *s);

#endif
