/* catalog.c - the message table built from messages.def, and language choice. */
#include "catalog.h"

#include "embedded.h"
#include "mem.h"
#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const messages[MSG__MAX][2] = {
#define MSG(id, nl, en) [id] = {nl, en},
#include "messages.def"
#undef MSG
};

const char *
(msg)(enum lang lang, enum msg m)
{
	if ((unsigned)m >= MSG__MAX)
		return "?";
	return messages[m][lang == LANG_EN];
}

void
(msg_append)(struct buf *b, enum lang lang, enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	char *s = xvasprintf((msg)(lang, m), ap);
	va_end(ap);
	buf_puts(b, s);
	free(s);
}

void
(msg_fprintf)(FILE *out, enum lang lang, enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	vfprintf(out, (msg)(lang, m), ap);
	va_end(ap);
}

void
msg_vfprintf_shown(FILE *out, enum lang lang, enum msg m, va_list ap)
{
	char *s = xvasprintf((msg)(lang, m), ap);
	struct buf shown = {0};
	text_show_controls(&shown, s, false);
	fputs(buf_str(&shown), out);
	buf_free(&shown);
	free(s);
}

char *
(msg_xasprintf)(enum lang lang, enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	char *s = xvasprintf((msg)(lang, m), ap);
	va_end(ap);
	return s;
}

void
(msg_error)(enum lang lang, enum msg m, ...)
{
	va_list ap;
	va_start(ap, m);
	fputs("keten: ", stderr);
	msg_vfprintf_shown(stderr, lang, m, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void
(msg_append_plural)(struct buf *b, enum lang lang, int n, enum msg one, enum msg many)
{
	buf_printf(b, (msg)(lang, n == 1 ? one : many), n);
}

int
lang_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "nl") == 0)
		return LANG_NL;
	if (strcmp(s, "en") == 0)
		return LANG_EN;
	return -1;
}

enum lang
lang_from_environment(void)
{
	int lang = lang_parse(getenv("KETEN_LANG"));
	if (lang >= 0)
		return (enum lang)lang;
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strncmp(v, "nl", 2) == 0 ? LANG_NL : LANG_EN;
	}
	return LANG_EN;
}
