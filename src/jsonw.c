/* jsonw.c - writing JSON text. */
#include "jsonw.h"

#include "text.h"

#include <stdio.h>
#include <string.h>

void
jsonw_init(struct jsonw *w, struct buf *out, bool compact)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->compact = compact;
}

static void
newline(struct jsonw *w)
{
	if (w->compact)
		return;
	buf_putc(w->out, '\n');
	for (int i = 0; i < w->depth; i++)
		buf_puts(w->out, "  ");
}

/* Writes what goes before a value or key: a comma and a new line. */
static void
before_item(struct jsonw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0) {
		if (w->has_items[w->depth])
			buf_putc(w->out, ',');
		w->has_items[w->depth] = true;
		newline(w);
	}
}

static void
open_level(struct jsonw *w, char c)
{
	before_item(w);
	buf_putc(w->out, c);
	if (w->depth + 1 < JSONW_MAX_DEPTH)
		w->depth++;
	w->has_items[w->depth] = false;
}

static void
close_level(struct jsonw *w, char c)
{
	bool had = w->has_items[w->depth];
	if (w->depth > 0)
		w->depth--;
	if (had)
		newline(w);
	buf_putc(w->out, c);
	if (w->depth == 0 && !w->compact)
		buf_putc(w->out, '\n');
}

void jsonw_object_begin(struct jsonw *w) { open_level(w, '{'); }
void jsonw_object_end(struct jsonw *w) { close_level(w, '}'); }
void jsonw_array_begin(struct jsonw *w) { open_level(w, '['); }
void jsonw_array_end(struct jsonw *w) { close_level(w, ']'); }

void
jsonw_key(struct jsonw *w, const char *key)
{
	before_item(w);
	jsonw_escape(w->out, key);
	buf_puts(w->out, w->compact ? ":" : ": ");
	w->after_key = true;
}

/* Appends the run of bytes from p that needs no escape: printable ASCII
 * but '"' and '\\', and valid UTF-8 sequences. Returns where it stopped. */
static const char *
copy_plain(struct buf *b, const char *p)
{
	const char *start = p;
	for (;;) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			p++;
			continue;
		}
		uint32_t cp;
		size_t n = c >= 0x80 ? utf8_decode(p, strnlen(p, 4), &cp) : 0;
		if (n == 0)
			break;
		p += n;
	}
	buf_add(b, start, (size_t)(p - start));
	return p;
}

void
jsonw_escape(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const char *p = copy_plain(b, s); *p; p = copy_plain(b, p + 1)) {
		unsigned char c = (unsigned char)*p;
		switch (c) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		case '\b': buf_puts(b, "\\b"); break;
		case '\f': buf_puts(b, "\\f"); break;
		default:
			if (c < 0x80)
				buf_printf(b, "\\u%04x", c);
			else /* a byte that is no UTF-8: U+FFFD, as RFC 8259 needs */
				buf_puts(b, "\xEF\xBF\xBD");
		}
	}
	buf_putc(b, '"');
}

void
jsonw_string(struct jsonw *w, const char *s)
{
	before_item(w);
	if (s == NULL)
		buf_puts(w->out, "null");
	else
		jsonw_escape(w->out, s);
}

void
jsonw_long(struct jsonw *w, long v)
{
	before_item(w);
	buf_printf(w->out, "%ld", v);
}

void
jsonw_bool(struct jsonw *w, bool v)
{
	before_item(w);
	buf_puts(w->out, v ? "true" : "false");
}

void
jsonw_null(struct jsonw *w)
{
	before_item(w);
	buf_puts(w->out, "null");
}

void
jsonw_member_string(struct jsonw *w, const char *key, const char *s)
{
	jsonw_key(w, key);
	jsonw_string(w, s);
}

void
jsonw_member_long(struct jsonw *w, const char *key, long v)
{
	jsonw_key(w, key);
	jsonw_long(w, v);
}

void
jsonw_member_bool(struct jsonw *w, const char *key, bool v)
{
	jsonw_key(w, key);
	jsonw_bool(w, v);
}

void
jsonw_member_positive(struct jsonw *w, const char *key, long v)
{
	jsonw_key(w, key);
	if (v > 0)
		jsonw_long(w, v);
	else
		jsonw_null(w);
}
