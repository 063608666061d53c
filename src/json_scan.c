/* json_scan.c - the strict JSON scan: a syntax check without recursion that builds no values and records every value's span in document order (json_scan.h). */
#include "json_scan.h"

#include "mem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum scan_state {
	EXPECT_VALUE,
	EXPECT_VALUE_OR_CLOSE, /* just after '[' */
	EXPECT_KEY,
	EXPECT_KEY_OR_CLOSE,   /* just after '{' */
	EXPECT_COLON,
	EXPECT_COMMA_OR_CLOSE,
	EXPECT_END,
};

struct scanner {
	const char *s;
	size_t len;
	size_t pos;           /* the next byte to look at */
	long max_depth;
	size_t *open;         /* the span of each open object or array */
	size_t depth, open_cap;
	struct json_span *spans;
	size_t n_spans, spans_cap;
	size_t key;           /* the key waiting for its value, or JSON_NO_OFFSET */
	size_t error;         /* where the fault is, after a failed scan */
	enum scan_state state;
};

static bool
is_white(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A syntax error at `at`, or at the end of the input when `at` is past
 * it. */
static enum json_scan_result
scan_fail(struct scanner *sc, size_t at)
{
	sc->error = at < sc->len ? at : sc->len;
	return JSON_SCAN_SYNTAX;
}

static void
scan_record(struct scanner *sc, size_t at)
{
	if (sc->n_spans == sc->spans_cap) {
		sc->spans_cap = sc->spans_cap ? sc->spans_cap * 2 : 256;
		sc->spans = xrealloc(sc->spans, sc->spans_cap * sizeof(*sc->spans));
	}
	struct json_span span = {
		.key = sc->key,
		.value = at,
		.end = sc->n_spans + 1, /* grows when the value closes */
	};
	sc->spans[sc->n_spans++] = span;
	sc->key = JSON_NO_OFFSET;
}

static size_t
skip_digits(const struct scanner *sc, size_t i)
{
	while (i < sc->len && is_digit(sc->s[i]))
		i++;
	return i;
}

/* Four hex digits at `at`, as a number in *code. */
static enum json_scan_result
scan_hex4(struct scanner *sc, size_t at, unsigned *code)
{
	*code = 0;
	for (size_t k = 0; k < 4; k++) {
		if (at + k >= sc->len)
			return scan_fail(sc, sc->len);
		int h = hex_value(sc->s[at + k]);
		if (h < 0)
			return scan_fail(sc, at + k);
		*code = *code * 16 + (unsigned)h;
	}
	return JSON_SCAN_OK;
}

/* A \u escape at *i (its backslash); a high surrogate must be followed by
 * the escape of a low one, as cJSON requires. */
static enum json_scan_result
scan_unicode(struct scanner *sc, size_t *i)
{
	unsigned code, low;
	enum json_scan_result r = scan_hex4(sc, *i + 2, &code);
	if (r != JSON_SCAN_OK)
		return r;
	if (code >= 0xDC00 && code <= 0xDFFF)
		return scan_fail(sc, *i);
	if (code < 0xD800 || code > 0xDBFF) {
		*i += 6;
		return JSON_SCAN_OK;
	}
	size_t second = *i + 6;
	if (second >= sc->len || sc->s[second] != '\\')
		return scan_fail(sc, second);
	if (second + 1 >= sc->len || sc->s[second + 1] != 'u')
		return scan_fail(sc, second + 1);
	r = scan_hex4(sc, second + 2, &low);
	if (r != JSON_SCAN_OK)
		return r;
	if (low < 0xDC00 || low > 0xDFFF)
		return scan_fail(sc, second);
	*i += 12;
	return JSON_SCAN_OK;
}

/* An escape sequence at *i (its backslash); *i moves past it. */
static enum json_scan_result
scan_escape(struct scanner *sc, size_t *i)
{
	if (*i + 1 >= sc->len)
		return scan_fail(sc, sc->len);
	char c = sc->s[*i + 1];
	if (c == 'u')
		return scan_unicode(sc, i);
	if (c == '\0' || strchr("\"\\/bfnrt", c) == NULL)
		return scan_fail(sc, *i + 1);
	*i += 2;
	return JSON_SCAN_OK;
}

/* A string at pos (its opening quote). Control characters must be
 * escaped, so a string left open stops at the end of its line. */
static enum json_scan_result
scan_string(struct scanner *sc)
{
	size_t i = sc->pos + 1;
	while (i < sc->len && sc->s[i] != '"') {
		if ((unsigned char)sc->s[i] < 0x20)
			return scan_fail(sc, i);
		if (sc->s[i] != '\\') {
			i++;
			continue;
		}
		enum json_scan_result r = scan_escape(sc, &i);
		if (r != JSON_SCAN_OK)
			return r;
	}
	if (i >= sc->len)
		return scan_fail(sc, sc->len);
	sc->pos = i + 1;
	return JSON_SCAN_OK;
}

/* A number as RFC 8259 writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static enum json_scan_result
scan_number(struct scanner *sc)
{
	size_t i = sc->pos;
	if (sc->s[i] == '-')
		i++;
	if (i < sc->len && sc->s[i] == '0')
		i++;
	else if (i < sc->len && is_digit(sc->s[i]))
		i = skip_digits(sc, i);
	else
		return scan_fail(sc, i);
	if (i < sc->len && sc->s[i] == '.') {
		if (i + 1 >= sc->len || !is_digit(sc->s[i + 1]))
			return scan_fail(sc, i + 1);
		i = skip_digits(sc, i + 1);
	}
	if (i < sc->len && (sc->s[i] == 'e' || sc->s[i] == 'E')) {
		i++;
		if (i < sc->len && (sc->s[i] == '+' || sc->s[i] == '-'))
			i++;
		if (i >= sc->len || !is_digit(sc->s[i]))
			return scan_fail(sc, i);
		i = skip_digits(sc, i);
	}
	sc->pos = i;
	return JSON_SCAN_OK;
}

static enum json_scan_result
scan_literal(struct scanner *sc, const char *word)
{
	for (size_t k = 0; word[k]; k++) {
		if (sc->pos + k >= sc->len)
			return scan_fail(sc, sc->len);
		if (sc->s[sc->pos + k] != word[k])
			return scan_fail(sc, sc->pos + k);
	}
	sc->pos += strlen(word);
	return JSON_SCAN_OK;
}

static void
scan_after_value(struct scanner *sc)
{
	sc->state = sc->depth > 0 ? EXPECT_COMMA_OR_CLOSE : EXPECT_END;
}

/* Opens the object or array at pos, just recorded, unless it nests too
 * deep. */
static enum json_scan_result
scan_open(struct scanner *sc, char bracket)
{
	if ((long)sc->depth >= sc->max_depth) {
		sc->error = sc->pos;
		return JSON_SCAN_DEPTH;
	}
	if (sc->depth == sc->open_cap) {
		sc->open_cap = sc->open_cap ? sc->open_cap * 2 : 64;
		sc->open = xrealloc(sc->open, sc->open_cap * sizeof(*sc->open));
	}
	sc->open[sc->depth++] = sc->n_spans - 1;
	sc->pos++;
	sc->state = bracket == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
	return JSON_SCAN_OK;
}

/* '{' or '[': the innermost open container. */
static char
scan_innermost(const struct scanner *sc)
{
	return sc->s[sc->spans[sc->open[sc->depth - 1]].value];
}

/* '}' or ']': what closes the innermost open container. */
static char
scan_closer(const struct scanner *sc)
{
	return scan_innermost(sc) == '{' ? '}' : ']';
}

static void
scan_close(struct scanner *sc)
{
	sc->spans[sc->open[--sc->depth]].end = sc->n_spans;
	sc->pos++;
	scan_after_value(sc);
}

/* A string, literal or number at pos; a number fails at the first byte
 * that cannot start a value. */
static enum json_scan_result
scan_scalar(struct scanner *sc, char c)
{
	switch (c) {
	case '"':
		return scan_string(sc);
	case 't':
		return scan_literal(sc, "true");
	case 'f':
		return scan_literal(sc, "false");
	case 'n':
		return scan_literal(sc, "null");
	default:
		return scan_number(sc);
	}
}

/* A value starting at pos. */
static enum json_scan_result
scan_value(struct scanner *sc)
{
	char c = sc->s[sc->pos];
	scan_record(sc, sc->pos);
	if (c == '{' || c == '[')
		return scan_open(sc, c);
	enum json_scan_result r = scan_scalar(sc, c);
	if (r == JSON_SCAN_OK)
		scan_after_value(sc);
	return r;
}

static enum json_scan_result
scan_key(struct scanner *sc)
{
	if (sc->s[sc->pos] != '"')
		return scan_fail(sc, sc->pos);
	sc->key = sc->pos;
	sc->state = EXPECT_COLON;
	return scan_string(sc);
}

static enum json_scan_result
scan_comma_or_close(struct scanner *sc)
{
	char open = scan_innermost(sc);
	char c = sc->s[sc->pos];
	if (c == ',') {
		sc->pos++;
		sc->state = open == '{' ? EXPECT_KEY : EXPECT_VALUE;
		return JSON_SCAN_OK;
	}
	if (c != scan_closer(sc))
		return scan_fail(sc, sc->pos);
	scan_close(sc);
	return JSON_SCAN_OK;
}

/* One step from the byte at pos, by the state. */
static enum json_scan_result
scan_step(struct scanner *sc)
{
	char c = sc->s[sc->pos];
	switch (sc->state) {
	case EXPECT_VALUE_OR_CLOSE:
	case EXPECT_KEY_OR_CLOSE:
		if (c == scan_closer(sc)) {
			scan_close(sc);
			return JSON_SCAN_OK;
		}
		return sc->state == EXPECT_KEY_OR_CLOSE ? scan_key(sc)
							: scan_value(sc);
	case EXPECT_VALUE:
		return scan_value(sc);
	case EXPECT_KEY:
		return scan_key(sc);
	case EXPECT_COLON:
		if (c != ':')
			return scan_fail(sc, sc->pos);
		sc->pos++;
		sc->state = EXPECT_VALUE;
		return JSON_SCAN_OK;
	case EXPECT_COMMA_OR_CLOSE:
		return scan_comma_or_close(sc);
	case EXPECT_END:
		break;
	}
	return scan_fail(sc, sc->pos);
}

static enum json_scan_result
scan_json(struct scanner *sc)
{
	sc->state = EXPECT_VALUE;
	sc->key = JSON_NO_OFFSET;
	for (;;) {
		while (sc->pos < sc->len && is_white(sc->s[sc->pos]))
			sc->pos++;
		if (sc->pos >= sc->len)
			return sc->state == EXPECT_END ? JSON_SCAN_OK : scan_fail(sc, sc->len);
		enum json_scan_result r = scan_step(sc);
		if (r != JSON_SCAN_OK)
			return r;
	}
}

/* Moves a cursor forward to offset `to`, counting lines and characters. */
static void
advance(const char *s, size_t to, size_t *offset, struct json_pos *p)
{
	for (; *offset < to; (*offset)++) {
		unsigned char c = (unsigned char)s[*offset];
		if (c == '\n') {
			p->line++;
			p->col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p->col++;
		}
	}
}

/* Turns the offsets of the spans, which only grow, into lines and columns
 * in one pass: source_loc counts from the start of the line each time,
 * which takes quadratic time on a file written on one line. */
static void
resolve_positions(const char *s, struct json_span *spans, size_t n)
{
	size_t offset = 0;
	struct json_pos p = {1, 1};
	for (size_t i = 0; i < n; i++) {
		if (spans[i].key != JSON_NO_OFFSET) {
			advance(s, spans[i].key, &offset, &p);
			spans[i].key_pos = p;
		}
		advance(s, spans[i].value, &offset, &p);
		spans[i].value_pos = p;
	}
}

enum json_scan_result
json_scan(const char *text, size_t len, long max_depth, struct json_scan *out)
{
	struct scanner sc = {0};
	sc.s = text;
	sc.len = len;
	sc.max_depth = max_depth;
	enum json_scan_result r = scan_json(&sc);
	if (r == JSON_SCAN_OK)
		resolve_positions(text, sc.spans, sc.n_spans);
	free(sc.open);
	out->spans = sc.spans;
	out->n_spans = sc.n_spans;
	out->error = r == JSON_SCAN_OK ? 0 : sc.error;
	return r;
}

void
json_scan_free(struct json_scan *scan)
{
	free(scan->spans);
	scan->spans = NULL;
	scan->n_spans = 0;
}

size_t
json_content_end(const char *text, size_t len)
{
	while (len > 0 && is_white(text[len - 1]))
		len--;
	return len;
}
