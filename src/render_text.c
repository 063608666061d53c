/* render_text.c - escaping, wrapping and cleaning user text for Graphviz labels and SVG. */
#include "render_text.h"

#include "mem.h"
#include "personal.h"
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */
#define ELLIPSIS "\xE2\x80\xA6"    /* U+2026 */
#define LINE_BREAK "<BR ALIGN=\"LEFT\"/>"

/* What one character of user text becomes. */
enum char_class { CH_KEEP, CH_SPACE, CH_DROP, CH_REPLACE };

static enum char_class
classify(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
		return CH_SPACE;
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
		return CH_DROP;
	if (cp == 0xFFFE || cp == 0xFFFF)
		return CH_REPLACE;
	return CH_KEEP;
}

/* Decodes the character at s (len bytes left): its class and byte length.
 * An invalid sequence is one byte to replace. */
static enum char_class
next_char(const char *s, size_t len, size_t *bytes)
{
	uint32_t cp;
	*bytes = utf8_decode(s, len, &cp);
	if (*bytes == 0) {
		*bytes = 1;
		return CH_REPLACE;
	}
	return classify(cp);
}

static void
append_entity(struct buf *out, char c, enum esc_context ctx)
{
	switch (c) {
	case '&': buf_puts(out, "&amp;"); break;
	case '<': buf_puts(out, "&lt;"); break;
	case '>': buf_puts(out, "&gt;"); break;
	case '"': buf_puts(out, "&quot;"); break;
	case '\'': buf_puts(out, "&#39;"); break;
	case '\\': buf_puts(out, ctx == ESC_LABEL ? "\\\\" : "\\"); break;
	/* Graphviz's label parser fails on a text that is only "]" or "]]"
	 * (a title "]" broke the diagram), so a label has none raw. */
	case ']': buf_puts(out, ctx == ESC_LABEL ? "&#93;" : "]"); break;
	default: buf_putc(out, c); break;
	}
}

/* Personal data (rule K012) never shows in full: s[0..len) with every
 * value masked, or NULL when it holds none (only a text with a digit or
 * an '@' can). Caller frees. */
static char *
masked(const char *s, size_t len)
{
	bool candidate = false;
	for (size_t i = 0; i < len && !candidate; i++)
		candidate = s[i] == '@' || (s[i] >= '0' && s[i] <= '9');
	if (!candidate)
		return NULL;
	char *copy = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++)
		copy[i] = s[i] ? s[i] : ' ';
	copy[len] = '\0';
	char *result = personal_masked_copy(copy);
	free(copy);
	return result;
}

void
esc_append(struct buf *out, const char *s, size_t len, enum esc_context ctx)
{
	char *hidden = masked(s, len);
	if (hidden != NULL) {
		s = hidden;
		len = strlen(hidden);
	}
	size_t i = 0;
	while (i < len) {
		size_t n;
		switch (next_char(s + i, len - i, &n)) {
		case CH_KEEP:
			if (n == 1)
				append_entity(out, s[i], ctx);
			else
				buf_add(out, s + i, n);
			break;
		case CH_SPACE: buf_putc(out, ' '); break;
		case CH_DROP: break;
		case CH_REPLACE: buf_puts(out, REPLACEMENT); break;
		}
		i += n;
	}
	free(hidden);
}

/* Appends s cleaned: valid UTF-8 without control or bidirectional
 * characters, white space runs as one space, no space at either end. */
static void
clean_append(struct buf *out, const char *s)
{
	char *hidden = masked(s, strlen(s));
	if (hidden != NULL)
		s = hidden;
	size_t len = strlen(s), i = 0;
	bool space = false;
	size_t start = out->len;
	while (i < len) {
		size_t n;
		enum char_class c = next_char(s + i, len - i, &n);
		if (c == CH_SPACE || (c == CH_KEEP && n == 1 && s[i] == ' ')) {
			space = true;
		} else if (c != CH_DROP) {
			if (space && out->len > start)
				buf_putc(out, ' ');
			space = false;
			if (c == CH_REPLACE)
				buf_puts(out, REPLACEMENT);
			else
				buf_add(out, s + i, n);
		}
		i += n;
	}
	free(hidden);
}

/* Byte length of the first `chars` characters of clean text s[0..len). */
static size_t
prefix_bytes(const char *s, size_t len, size_t chars)
{
	size_t i = 0;
	uint32_t cp;
	while (i < len && chars-- > 0) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
	}
	return i;
}

/* A line being filled while wrapping. */
struct wrap_state {
	struct buf *lines;  /* finished lines, each ending in '\n' */
	size_t n_lines;
	size_t max_lines;   /* stop after max_lines + 1 lines: that is enough
			     * to know the text was cut */
	struct buf line;
	size_t line_chars;
	size_t width;
};

static void
finish_line(struct wrap_state *w)
{
	if (w->line_chars == 0 || w->n_lines > w->max_lines)
		return;
	buf_add(w->lines, w->line.data, w->line.len);
	buf_putc(w->lines, '\n');
	w->n_lines++;
	buf_clear(&w->line);
	w->line_chars = 0;
}

static void
add_word(struct wrap_state *w, const char *word, size_t bytes, size_t chars)
{
	while (chars > 0 && w->n_lines <= w->max_lines) {
		if (w->line_chars > 0 && w->line_chars + 1 + chars <= w->width) {
			buf_putc(&w->line, ' ');
			buf_add(&w->line, word, bytes);
			w->line_chars += 1 + chars;
			return;
		}
		finish_line(w);
		size_t take = chars <= w->width ? chars : w->width;
		size_t take_bytes = prefix_bytes(word, bytes, take);
		buf_add(&w->line, word, take_bytes);
		w->line_chars = take;
		word += take_bytes;
		bytes -= take_bytes;
		chars -= take;
	}
}

/* Appends one line, cut to leave room for the ellipsis when `cut`. */
static void
emit_line(struct buf *out, const char *line, size_t len, size_t width, bool cut)
{
	if (cut) {
		size_t chars = utf8_count(line, len);
		if (chars + 1 > width)
			len = prefix_bytes(line, len, width > 0 ? width - 1 : 0);
		while (len > 0 && line[len - 1] == ' ')
			len--;
	}
	esc_append(out, line, len, ESC_LABEL);
	if (cut)
		buf_puts(out, ELLIPSIS);
}

size_t
esc_wrap(struct buf *out, const char *s, size_t width, size_t max_lines)
{
	if (s == NULL || width == 0 || max_lines == 0)
		return 0;
	struct buf clean = {0}, lines = {0};
	clean_append(&clean, s);
	struct wrap_state w = {&lines, 0, max_lines, {0}, 0, width};
	const char *p = buf_str(&clean), *end = p + clean.len;
	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		size_t bytes = sp ? (size_t)(sp - p) : (size_t)(end - p);
		add_word(&w, p, bytes, utf8_count(p, bytes));
		p += bytes + (sp ? 1 : 0);
	}
	finish_line(&w);
	bool cut = w.n_lines > max_lines;
	size_t shown = cut ? max_lines : w.n_lines;
	const char *line = buf_str(&lines);
	for (size_t i = 0; i < shown; i++) {
		const char *nl = strchr(line, '\n');
		if (i > 0)
			buf_puts(out, LINE_BREAK);
		emit_line(out, line, (size_t)(nl - line), width, cut && i + 1 == shown);
		line = nl + 1;
	}
	buf_free(&w.line);
	buf_free(&lines);
	buf_free(&clean);
	return shown;
}

char *
esc_plain(const char *s, size_t max_chars)
{
	struct buf clean = {0};
	clean_append(&clean, s ? s : "");
	size_t chars = utf8_count(buf_str(&clean), clean.len);
	if (chars > max_chars && max_chars > 0) {
		size_t keep = prefix_bytes(buf_str(&clean), clean.len, max_chars - 1);
		while (keep > 0 && clean.data[keep - 1] == ' ')
			keep--;
		clean.len = keep;
		clean.data[keep] = '\0';
		buf_puts(&clean, ELLIPSIS);
	}
	if (clean.data == NULL)
		return xstrdup("");
	return buf_detach(&clean);
}

char *
esc_graph_name(const char *s, size_t max_chars)
{
	char *plain = esc_plain(s, max_chars);
	struct buf name = {0};
	for (const char *p = plain; *p != '\0'; p++) {
		if (*p == '&')
			buf_puts(&name, "&amp;");
		else if (*p == '\\')
			buf_puts(&name, "\\\\");
		else
			buf_putc(&name, *p);
	}
	free(plain);
	return name.data != NULL ? buf_detach(&name) : xstrdup("");
}
