/* read_json.c - the JSON reader: the strict scan (json_scan.c) checks the syntax and gives every value's line and column, cJSON builds the values, and read_json_object.c turns the two into the model. */
#include "read.h"

#include "keten.h"
#include "read_json_value.h"
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Syntax errors. */

/* The character at offset, printable in a message: control characters
 * as their JSON escape. */
static void
char_at(const struct source *src, size_t offset, char out[8])
{
	unsigned char c = (unsigned char)src->data[offset];
	uint32_t cp;
	size_t n;
	if (c == '\n' || c == '\t' || c == '\r') {
		snprintf(out, 8, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
	} else if (c < 0x20 || c == 0x7F) {
		snprintf(out, 8, "\\u%04X", c);
	} else {
		n = utf8_decode(src->data + offset, src->len - offset, &cp);
		n = n ? n : 1;
		memcpy(out, src->data + offset, n);
		out[n] = '\0';
	}
}

/* A syntax error at offset: the end of the input when only white space
 * follows, else the character there. */
static void
report_syntax(const struct source *src, struct diags *diags, size_t offset)
{
	size_t end = json_content_end(src->data, src->len);
	struct diag *d;
	if (offset >= end) {
		struct loc loc = source_loc(src, end);
		d = diag_emit(diags, CODE_S001, &loc, M_S001_JSON_END);
	} else {
		char c[8];
		char_at(src, offset, c);
		struct loc loc = source_loc(src, offset);
		d = diag_emit(diags, CODE_S001, &loc, M_S001_JSON_CHAR, c);
	}
	diag_hint(diags, d, M_H_JSON_SYNTAX);
}

/* The nesting the scan allows: the limit, but no more than cJSON takes. */
static long
depth_limit(const struct limits *limits)
{
	return limits->max_depth < CJSON_NESTING_LIMIT ? limits->max_depth
						       : CJSON_NESTING_LIMIT;
}

static void
report_depth(const struct source *src, const struct limits *limits,
	     struct diags *diags, size_t offset)
{
	struct loc loc = source_loc(src, offset);
	long limit = depth_limit(limits);
	struct diag *d = diag_emit(diags, CODE_S009, &loc, M_S009_DEPTH, limit);
	if (limit == limits->max_depth)
		diag_hint(diags, d, M_H_DEPTH);
}

static pthread_mutex_t cjson_parse_lock = PTHREAD_MUTEX_INITIALIZER;

/* Scans and parses the text; NULL after reporting why it cannot be read. */
static cJSON *
parse(const struct source *src, const struct limits *limits,
      struct diags *diags, struct json_scan *scan)
{
	enum json_scan_result res =
		json_scan(src->data, src->len, depth_limit(limits), scan);
	if (res == JSON_SCAN_DEPTH) {
		report_depth(src, limits, diags, scan->error);
		return NULL;
	}
	if (res != JSON_SCAN_OK) {
		report_syntax(src, diags, scan->error);
		return NULL;
	}
	const char *end = NULL;
	/* Every cJSON parse resets, and on failure sets, one static error
	 * position (cJSON_GetErrorPtr): one parse at a time. */
	pthread_mutex_lock(&cjson_parse_lock);
	cJSON *root = cJSON_ParseWithLengthOpts(src->data, src->len, &end, 0);
	pthread_mutex_unlock(&cjson_parse_lock);
	if (root == NULL) {
		size_t at = end != NULL && end >= src->data ? (size_t)(end - src->data)
							    : 0;
		report_syntax(src, diags, at);
	}
	return root;
}

struct doc *
read_json(struct source *src, const struct limits *limits, struct diags *diags)
{
	size_t first = diags->n;
	struct json_scan scan;
	cJSON *root = parse(src, limits, diags, &scan);
	if (root == NULL) {
		json_scan_free(&scan);
		return NULL;
	}
	struct doc *doc = doc_new(src->path, DOC_UNKNOWN, FORMAT_JSON);
	src->file = doc->path;
	struct reader r = {src, limits, diags, doc, scan.spans, scan.n_spans, false};
	struct jval top = {root, 0};
	read_json_document(&r, top);
	if (r.over_limit)
		doc_free(&doc); /* refused whole, as the Markdown reader does */
	else
		doc->broken = diags_has_error_since(diags, first);
	if (doc != NULL && doc->journey != NULL)
		diags_tag(diags, first, doc->journey->id.s, NULL);
	if (doc != NULL && doc->persona != NULL)
		diags_tag(diags, first, NULL, doc->persona->id.s);
	cJSON_Delete(root);
	json_scan_free(&scan);
	return doc;
}

const char *
keten_cjson_version(void)
{
	return cJSON_Version();
}
