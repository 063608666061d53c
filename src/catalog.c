/* catalog.c - the message table built from messages.def, and language choice. */
#include "catalog.h"

#include "embedded.h"
#include "mem.h"
#include "text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
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

/* The language a locale name asks for: English for "en*", else Dutch. */
static enum lang
lang_of_locale(const char *name)
{
	return strncmp(name, "en", 2) == 0 ? LANG_EN : LANG_NL;
}

/* True for the locales that name no language: C, POSIX and C.<codeset>. */
static bool
locale_is_plain(const char *name)
{
	return strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	       strncmp(name, "C.", 2) == 0;
}

/* The first of nl and en in a colon list such as LANGUAGE=fy:nl:en, or -1. */
static int
lang_of_list(const char *list)
{
	for (const char *p = list; *p != '\0'; p += strcspn(p, ":"), p += *p == ':') {
		if (strncmp(p, "nl", 2) == 0)
			return LANG_NL;
		if (strncmp(p, "en", 2) == 0)
			return LANG_EN;
	}
	return -1;
}

enum lang
lang_from_environment(void)
{
	int lang = lang_parse(getenv("KETEN_LANG"));
	if (lang >= 0)
		return (enum lang)lang;
	const char *locale = NULL;
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0] && locale == NULL; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			locale = v;
	}
	/* As gettext: LANGUAGE counts only when a real locale is set. */
	if (locale == NULL || locale_is_plain(locale))
		return LANG_NL;
	const char *language = getenv("LANGUAGE");
	if (language != NULL && (lang = lang_of_list(language)) >= 0)
		return (enum lang)lang;
	return lang_of_locale(locale);
}

const char *
msg_system_error(enum lang lang, int err)
{
	static const struct {
		int err;
		enum msg m;
	} known[] = {
		{ENOENT, M_SYS_ENOENT}, {EACCES, M_SYS_EACCES}, {EPERM, M_SYS_EACCES},
		{EISDIR, M_SYS_EISDIR}, {ENOTDIR, M_SYS_ENOTDIR}, {ENOSPC, M_SYS_ENOSPC},
		{EDQUOT, M_SYS_ENOSPC}, {EROFS, M_SYS_EROFS}, {EEXIST, M_SYS_EEXIST},
		{ENAMETOOLONG, M_SYS_ENAMETOOLONG}, {ELOOP, M_SYS_ELOOP},
		{EMFILE, M_SYS_EMFILE}, {ENFILE, M_SYS_EMFILE}, {EIO, M_SYS_EIO},
		{ENOMEM, M_SYS_ENOMEM},
	};
	if (lang == LANG_NL)
		for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
			if (known[i].err == err)
				return (msg)(lang, known[i].m);
	return strerror(err);
}
