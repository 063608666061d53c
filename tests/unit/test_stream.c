/* test_stream.c - unit tests of streamed findings: printed as they become final and dropped, the output is the output of printing them all at the end, byte for byte, and the counts stay whole. */
#include "harness.h"

#include "diag.h"
#include "diag_print.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>

/* A finding; with a hint, a journey and a friction impact when asked. */
static void
add(struct diags *d, enum code code, const char *file, int line, int impact)
{
	struct loc at = {file, line, line % 3 + 1};
	struct diag *x = file != NULL ? diag_emit(d, code, &at, M_S006_KEY, file)
				      : diag_emit(d, code, NULL, M_S006_KEY, "none");
	x->impact = impact;
	if (line % 2 == 0)
		diag_hint(d, x, M_H_DUP_ID);
}

/* Part k of one run's findings, in the order a run would make them: what
 * is read up front (no file, a persona file that sorts last, a chain
 * file), then one journey each (b.md's findings both before and after
 * another one's place). */
static void
add_part(struct diags *d, int k)
{
	switch (k) {
	case 0:
		add(d, CODE_S006, "personas/p.md", 4, 0);
		add(d, CODE_S001, NULL, 0, 0);
		add(d, CODE_S008, "chains/c.json", 1, 0);
		add(d, CODE_K012, "personas/p.md", 2, 3);
		break;
	case 1:
		add(d, CODE_K013, "journeys/b.md", 7, 2);
		add(d, CODE_K001, "journeys/b.md", 3, 1);
		add(d, CODE_S005, "journeys/b.md", 3, 0);
		break;
	case 2:
		add(d, CODE_K006, "journeys/a/x.md", 5, 3);
		add(d, CODE_S002, "journeys/a/x.md", 1, 0);
		break;
	default:
		add(d, CODE_K013, "journeys/c.md", 6, 1);
		break;
	}
}

/* The bound after each part: the first path of the journeys still to come
 * (checked in the order b.md, a/x.md, c.md). */
static const char *const bounds[] = {"journeys/a/x.md", "journeys/a/x.md",
				     "journeys/c.md", NULL};

static char *
print_collected(bool json, const struct print_options *opts, const struct summary *s)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	d.suppressed[CODE_K004] = 2;
	for (int k = 0; k < 4; k++)
		add_part(&d, k);
	diags_sort(&d);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (json)
		diag_print_json(out, &d, s, opts->quiet);
	else
		diag_print_text(out, &d, s, opts);
	fclose(out);
	INT_EQ(d.n, 10); /* printing all at once keeps them */
	diags_free(&d);
	return text;
}

static char *
print_streamed(bool json, const struct print_options *opts, const struct summary *s)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	d.suppressed[CODE_K004] = 2;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct diag_stream st;
	diag_stream_begin(&st, out, json, opts, LANG_EN);
	for (int k = 0; k < 4; k++) {
		add_part(&d, k);
		diag_stream_flush(&st, &d, bounds[k]);
		if (k == 0) /* no file and the chain: final; the persona waits */
			INT_EQ(d.n, 2);
	}
	diag_stream_end(&st, &d, s);
	fclose(out);
	INT_EQ(d.n, 0);
	INT_EQ(diags_total(&d), 10);
	diags_free(&d);
	return text;
}

static void
same_output(bool json, bool color, bool quiet)
{
	char id[] = "b";
	struct journey_score js = {id, 3, NULL, 0};
	struct summary s = {3, 1, {4, 7}, &js, 1, 1};
	struct print_options opts = {color, quiet, true};
	char *all = print_collected(json, &opts, &s);
	char *streamed = print_streamed(json, &opts, &s);
	STR_EQ(streamed, all);
	free(all);
	free(streamed);
}

TEST(streamed_findings_print_as_collected_ones)
{
	same_output(false, false, false);
	same_output(false, true, false);
	same_output(false, false, true);
	same_output(true, false, false);
	same_output(true, false, true);
	/* and the text is what it should be: sorted, hints, summary */
	struct summary s = {3, 1, {4, 7}, NULL, 0, 0}; /* friction: the run's */
	struct print_options opts = {false, false, true};
	char *text = print_streamed(false, &opts, &s);
	CHECK(strncmp(text, "error: unknown key 'none' [S001 unreadable]\n", 44) == 0);
	CHECK(strstr(text, "chains/c.json:1:2: error: unknown key 'chains/c.json'") != NULL);
	CHECK(strstr(text, "journeys/a/x.md:1:2:") < strstr(text, "journeys/b.md:3:1:"));
	CHECK(strstr(text, "journeys/c.md:6:1:") < strstr(text, "personas/p.md:2:3:"));
	CHECK(strstr(text, "  hint: give each its own id") != NULL);
	CHECK(strstr(text, "3 journeys, 1 persona: 5 errors, 1 warning, 4 friction points "
			   "(friction score 7), 2 suppressed\n") != NULL);
	free(text);
}

TEST(dropped_findings_still_count)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	for (int k = 0; k < 4; k++)
		add_part(&d, k);
	size_t before[CODE__MAX], after[CODE__MAX];
	diags_count_codes(&d, before);
	size_t errors = diags_count(&d, SEV_ERROR), warnings = diags_count(&d, SEV_WARNING);
	diags_sort(&d);
	diags_drop_front(&d, 7);
	INT_EQ(d.n, 3);
	INT_EQ(diags_total(&d), 10);
	INT_EQ(diags_count(&d, SEV_ERROR), errors);
	INT_EQ(diags_count(&d, SEV_WARNING), warnings);
	diags_count_codes(&d, after);
	CHECK(memcmp(before, after, sizeof before) == 0);
	add(&d, CODE_K005, "z.md", 1, 2);
	CHECK(d.items[d.n - 1].seq == 10); /* numbering goes on after a drop */
	diags_free(&d);
}

TEST(moved_findings_are_renumbered_with_their_suppressed_counts)
{
	struct diags to, from;
	diags_init(&to, LANG_EN);
	diags_init(&from, LANG_EN);
	add(&to, CODE_S006, "a.md", 1, 0);
	add(&from, CODE_K013, "b.md", 2, 1);
	add(&from, CODE_K001, "b.md", 3, 1);
	from.suppressed[CODE_K002] = 3;
	to.suppressed[CODE_K002] = 1;
	diags_move(&to, &from);
	INT_EQ(to.n, 3);
	INT_EQ(from.n, 0);
	INT_EQ(to.items[1].seq, 1);
	INT_EQ(to.items[2].seq, 2);
	INT_EQ(to.items[2].code, CODE_K001);
	INT_EQ(to.suppressed[CODE_K002], 4);
	INT_EQ(from.suppressed[CODE_K002], 0);
	diags_free(&to);
	diags_free(&from);
}

/* Questions: printed with their own severity word, counted apart (never
 * as warnings or friction), also after they are dropped. */
static char *
print_questions(bool json, bool stream)
{
	struct diags d;
	diags_init(&d, LANG_EN);
	add(&d, CODE_K001, "journeys/b.md", 3, 2);
	add(&d, CODE_K003, "journeys/a.md", 4, 0);
	d.items[1].severity = SEV_QUESTION;
	add(&d, CODE_K003, "journeys/b.md", 5, 0);
	d.items[2].severity = SEV_QUESTION;
	struct summary s = {2, 1, {1, 2}, NULL, 0, 0};
	struct print_options opts = {false, false, true};
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct diag_stream st;
	diag_stream_begin(&st, out, json, &opts, LANG_EN);
	if (stream)
		diag_stream_flush(&st, &d, "journeys/b.md"); /* a.md's question is dropped */
	diag_stream_end(&st, &d, &s);
	fclose(out);
	INT_EQ(diags_count(&d, SEV_QUESTION), 2);
	INT_EQ(diags_count(&d, SEV_WARNING), 1);
	size_t asked[CODE__MAX], found[CODE__MAX];
	diags_count_questions(&d, asked);
	diags_count_codes(&d, found);
	INT_EQ(asked[CODE_K003], 2);
	INT_EQ(found[CODE_K003], 0);
	INT_EQ(diags_total(&d), 3);
	diags_free(&d);
	return text;
}

TEST(questions_print_and_count_apart)
{
	for (int json = 0; json < 2; json++) {
		char *all = print_questions(json, false), *streamed = print_questions(json, true);
		STR_EQ(streamed, all);
		free(all);
		free(streamed);
	}
	char *text = print_questions(false, true);
	CHECK(strstr(text, "journeys/a.md:4:2: question: ") != NULL);
	CHECK(strstr(text, "2 journeys, 1 persona: 0 errors, 1 friction point (friction score 2), "
			   "2 questions\n") != NULL);
	free(text);
	char *json = print_questions(true, true);
	CHECK(strstr(json, "\"severity\": \"question\"") != NULL);
	CHECK(strstr(json, "\"questions\": 2,\n    \"questions_by_code\": {\n      \"K003\": 2\n    }") != NULL);
	CHECK(strstr(json, "\"warnings\": 1") != NULL);
	free(json);
}
