/* json_scan.h - a strict JSON syntax check that builds no values: it accepts RFC 8259 text only and records where every value (and its key) starts. Included by: read_json_value.h, read_json*.c, tests/unit/test_json_scan.c. */
#ifndef KETEN_JSON_SCAN_H
#define KETEN_JSON_SCAN_H

#include <stddef.h>

/* An offset that is not there: the key of a value that is no member. */
#define JSON_NO_OFFSET ((size_t)-1)

/* A 1-based line and column, the column counted in UTF-8 characters (as
 * source_loc counts them). */
struct json_pos {
	int line, col;
};

/* One value of the document. The spans of a document come in document
 * order (a value before its elements or members, which come before its
 * next sibling), the order in which a tree parser such as cJSON keeps the
 * values too: the spans pair with that tree by index. A container's first
 * child, if any, is the span right after its own; the next sibling of any
 * value is at index `end`. */
struct json_span {
	size_t key;                /* byte offset of the member's key (its opening
	                              quote), or JSON_NO_OFFSET */
	size_t value;              /* byte offset of the value's first byte */
	size_t end;                /* index of the first span after this value's
	                              own and all of its children's */
	struct json_pos key_pos;   /* where key is; {0, 0} without a key */
	struct json_pos value_pos; /* where value is */
};

enum json_scan_result {
	JSON_SCAN_OK,
	JSON_SCAN_DEPTH,  /* an object or array nests deeper than allowed */
	JSON_SCAN_SYNTAX, /* the text is not strict JSON */
};

/* What a scan found. After JSON_SCAN_OK the spans describe every value;
 * after a failure `error` is the offset of the fault (for JSON_SCAN_DEPTH
 * the bracket that opens one level too many; for JSON_SCAN_SYNTAX the
 * first byte that cannot continue the text, or `len` when the text ends
 * too early) and the spans are incomplete. The spans belong to the scan:
 * json_scan_free releases them. */
struct json_scan {
	struct json_span *spans;
	size_t n_spans;
	size_t error;
};

/* Scans the `len` bytes at `text` (which need no terminating NUL and are
 * not kept after the call) into `out`. Accepts exactly one value with
 * white space around it, and nothing else: no comments, no trailing commas
 * or garbage, no control characters in strings, no lone surrogates in
 * \u escapes, numbers only as RFC 8259 writes them. Duplicate keys are
 * accepted (each is recorded). Objects and arrays may nest `max_depth`
 * levels deep. The scan uses no recursion, so any depth is safe to scan.
 * Call json_scan_free on `out` afterwards, whatever the result. */
enum json_scan_result json_scan(const char *text, size_t len, long max_depth,
				struct json_scan *out);

/* Releases the spans of a scan and empties it. */
void json_scan_free(struct json_scan *scan);

/* The offset just past the last byte of `text` that is not JSON white
 * space (0 for white space only): where "the end of the input" is when a
 * fault is reported there. */
size_t json_content_end(const char *text, size_t len);

#endif
