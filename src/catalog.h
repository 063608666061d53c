/* catalog.h - every user-visible string, in Dutch and English, looked up by id. Included by: any. */
#ifndef KETEN_CATALOG_H
#define KETEN_CATALOG_H

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

/* The language from KETEN_LANG, else LC_ALL, LC_MESSAGES or LANG ("nl*"
 * gives Dutch), else English. */
enum lang lang_from_environment(void);

/* Parses "nl" or "en"; returns -1 for anything else. */
int lang_parse(const char *s);

#endif
