/* hyphenate.h - soft hyphens in the long words of the report's visible text, where libhyphen's dictionary for the text's language allows a break. Included by: html.c, report.c. */
#ifndef KETEN_HYPHENATE_H
#define KETEN_HYPHENATE_H

#include "catalog.h"

#include <stddef.h>

struct buf;

/* Words of at least this many letters get soft hyphens; shorter words fit
 * the report's narrowest column (a table cell of about 12 characters). */
#define HYPHENATE_MIN_LETTERS 12

/*
 * Appends the escaped HTML text html[0..len) to out with "&shy;" at each
 * break point of its long words, as the dictionary for lang gives it
 * (Debian's hyph_nl_NL.dic or hyph_en_US.dic in /usr/share/hyphen, or in
 * the folder $KETEN_HYPHEN_DIR names); English text breaks only where the
 * Dutch dictionary allows it too, as it quotes the user's Dutch words. A word is a run of letters (ASCII
 * and Latin-1); entities are copied whole, and a word joined to a digit,
 * '/', '@', '_' or a dot with a letter after it (a path, an address) is
 * left whole. Without the dictionary the text is copied unchanged, with
 * no message. The dictionaries are loaded at first use and kept until
 * hyphenate_release: one thread at a time.
 */
void hyphenate_append(struct buf *out, const char *html, size_t len, enum lang lang);

/* Frees the loaded dictionaries (the report calls it when it is freed). */
void hyphenate_release(void);

#endif
