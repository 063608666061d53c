/* test_json_scan.c - unit tests of the strict JSON scan: the spans of a small nested document and where a fault is found. */
#include "harness.h"

#include "json_scan.h"

#include <string.h>

static enum json_scan_result
scan_str(const char *text, long max_depth, struct json_scan *out)
{
	return json_scan(text, strlen(text), max_depth, out);
}

TEST(json_scan_spans_nested)
{
	const char *text = "{\"a\": [1, {\"b\": null}],\n \"c\": \"x\"}";
	struct json_scan scan;
	INT_EQ(scan_str(text, 64, &scan), JSON_SCAN_OK);
	INT_EQ(scan.n_spans, 6); /* {} [] 1 {} null "x" */
	if (scan.n_spans == 6) {
		const struct json_span *s = scan.spans;
		INT_EQ(s[0].key, JSON_NO_OFFSET);
		INT_EQ(s[0].key_pos.line, 0);
		INT_EQ(s[0].value_pos.line, 1);
		INT_EQ(s[0].value_pos.col, 1);
		INT_EQ(s[0].value, 0);
		INT_EQ(s[0].end, 6);
		INT_EQ(s[1].key, 1);      /* "a" */
		INT_EQ(s[1].value, 6);    /* [ */
		INT_EQ(s[1].end, 5);      /* its next sibling is "c" */
		INT_EQ(s[2].value, 7);    /* 1 */
		INT_EQ(s[2].end, 3);
		INT_EQ(s[3].end, 5);      /* {"b": null} */
		INT_EQ(s[4].key, 11);     /* "b" */
		INT_EQ(s[4].value, 16);   /* null */
		INT_EQ(s[5].key_pos.line, 2);
		INT_EQ(s[5].key_pos.col, 2);
		INT_EQ(s[5].value_pos.line, 2);
		INT_EQ(s[5].value_pos.col, 7);
		INT_EQ(s[5].end, 6);
	}
	json_scan_free(&scan);
}

TEST(json_scan_syntax_fault)
{
	struct json_scan scan;
	INT_EQ(scan_str("{\"a\": [1 2]}", 64, &scan), JSON_SCAN_SYNTAX);
	INT_EQ(scan.error, 9); /* the 2 where a comma or ] belongs */
	json_scan_free(&scan);
	INT_EQ(scan_str("[1, 2", 64, &scan), JSON_SCAN_SYNTAX);
	INT_EQ(scan.error, 5); /* the end of the text */
	json_scan_free(&scan);
	INT_EQ(scan_str("{\"a\": 1} x", 64, &scan), JSON_SCAN_SYNTAX);
	INT_EQ(scan.error, 9); /* trailing garbage */
	json_scan_free(&scan);
}

TEST(json_scan_depth)
{
	struct json_scan scan;
	INT_EQ(scan_str("[[[]]]", 3, &scan), JSON_SCAN_OK);
	json_scan_free(&scan);
	INT_EQ(scan_str("[[[[]]]]", 3, &scan), JSON_SCAN_DEPTH);
	INT_EQ(scan.error, 3); /* the bracket one level too deep */
	json_scan_free(&scan);
}

TEST(json_scan_content_end)
{
	INT_EQ(json_content_end("[1] \n\t", 6), 3);
	INT_EQ(json_content_end(" \r\n", 3), 0);
}

TEST(json_scan_nul_in_escape)
{
	/* The text is given by length, so a NUL is a byte like any other. */
	static const char text[] = "[\"a\\\0\"]";
	struct json_scan scan;
	INT_EQ(json_scan(text, sizeof text - 1, 64, &scan), JSON_SCAN_SYNTAX);
	INT_EQ(scan.error, 4);
	json_scan_free(&scan);
}
