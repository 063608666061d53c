/* catalog.h - every user-visible string, in Dutch and English, looked up by id, and the compile-time check of the arguments given to a message. Included by: any. */
#ifndef KETEN_CATALOG_H
#define KETEN_CATALOG_H

#include <stdarg.h>
#include <stdio.h>

enum lang { LANG_NL, LANG_EN };

enum msg {
#define MSG(id, nl, en) id,
#include "messages.def"
#undef MSG
	MSG__MAX
};

/* The text of message m in language lang (a printf format where the entry
 * takes arguments; Dutch and English take the same arguments in order). */
const char *msg(enum lang lang, enum msg m);

/*
 * The compile-time check of a message's arguments. MSG_CHECK(M_ID, args...)
 * hands both texts of M_ID (from the generated msg_formats.h) and the
 * arguments to the compiler's printf format check, inside sizeof: nothing
 * is evaluated and no code is generated. M_ID must be the id itself, not a
 * variable; anything else does not compile. Every function that prints a
 * message given by id and arguments is wrapped in a macro of its own name
 * that runs this check first (diag_emit, rule_report, msg_error, msg_append,
 * ...); its definition is written as (name)(...) so the macro leaves it be.
 * A wrong argument type is a build error with -Werror=format (Makefile).
 */
#include "msg_formats.h"

#if defined(__GNUC__) || defined(__clang__)
/* Never defined and never called: only its format attribute is used. The
 * message id passes through m, the arguments from the third on. */
int msg_check_format(const char *format, enum msg m, ...)
    __attribute__((format(printf, 1, 3)));
#define MSG_CHECK(...) MSG_CHECK_ID_(MSG_ID_(__VA_ARGS__, ~), __VA_ARGS__)
#define MSG_ID_(m, ...) m
#define MSG_CHECK_ID_(m, ...) MSG_CHECK_BOTH_(m, __VA_ARGS__)
#define MSG_CHECK_BOTH_(m, ...) \
	((void)sizeof(msg_check_format("" MSG_NL_##m, __VA_ARGS__) + \
		      msg_check_format("" MSG_EN_##m, __VA_ARGS__)))
#else
#define MSG_CHECK(...) ((void)0)
#endif

/* msg with the id written out is checked to take no arguments; a lookup by
 * a variable id (a table of them) is written (msg)(lang, m), unchecked. */
#define msg(lang, m) (MSG_CHECK(m), (msg)(lang, m))

/* Message m formatted with the arguments: appended to b, printed to out,
 * or returned (caller frees). Each is checked like msg. */
struct buf;
void msg_append(struct buf *b, enum lang lang, enum msg m, ...);
void msg_fprintf(FILE *out, enum lang lang, enum msg m, ...);
char *msg_xasprintf(enum lang lang, enum msg m, ...);
#define msg_append(b, lang, ...) \
	(MSG_CHECK(__VA_ARGS__), (msg_append)(b, lang, __VA_ARGS__))
#define msg_fprintf(out, lang, ...) \
	(MSG_CHECK(__VA_ARGS__), (msg_fprintf)(out, lang, __VA_ARGS__))
#define msg_xasprintf(lang, ...) \
	(MSG_CHECK(__VA_ARGS__), (msg_xasprintf)(lang, __VA_ARGS__))

/* Message m formatted with ap and printed to out with the control
 * characters and direction marks in it escaped (text_show_controls, line
 * breaks too): for a line that quotes file names or other text from the
 * workspace, so that they cannot move the cursor or recolour the terminal.
 * Callers wrap it in a checked macro of their own (msg_error, watch's
 * status lines). */
void msg_vfprintf_shown(FILE *out, enum lang lang, enum msg m, va_list ap);

/* The one error printer: "keten: <message m>" and a newline on standard
 * error, its control characters escaped as by msg_vfprintf_shown. Checked
 * like msg. */
void msg_error(enum lang lang, enum msg m, ...);
#define msg_error(lang, ...) \
	(MSG_CHECK(__VA_ARGS__), (msg_error)(lang, __VA_ARGS__))

/* A count in words: message one when n is 1, else message many, formatted
 * with n as its only argument and appended to b ("1 journey", "3
 * journeys"). Both ids are written out and both are checked to take n. */
void msg_append_plural(struct buf *b, enum lang lang, int n, enum msg one, enum msg many);
#define msg_append_plural(b, lang, n, one, many) \
	(MSG_CHECK(one, n), MSG_CHECK(many, n), (msg_append_plural)(b, lang, n, one, many))

/* The language from KETEN_LANG ("nl" or "en"); else, as gettext, from
 * LANGUAGE (the first of nl and en in its colon list) when the locale
 * (the first set of LC_ALL, LC_MESSAGES, LANG) is not C, C.* or POSIX;
 * else English for an "en*" locale and Dutch for anything else. */
enum lang lang_from_environment(void);

/* What the system error err means, for a message in language lang: the
 * catalogue's words in Dutch for the common ones (ENOENT "bestand niet
 * gevonden", EACCES, EISDIR, ...), else strerror (the system's English). */
const char *msg_system_error(enum lang lang, int err);

/* Parses "nl" or "en"; returns -1 for anything else. */
int lang_parse(const char *s);

#endif
