/* check_one.c - a program of its own that checks one journey through the public interface (src/keten.h) and libketen.a alone, and asserts what it gets. */
#include "keten.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct seen {
	int journeys;
	struct friction friction;
	size_t n_findings, n_persona_findings;
	int k012;                /* personal-data findings handed over */
	char id[64];
	char persona[64];
};

static void
on_journey(const struct checked_journey *cj, void *arg)
{
	struct seen *s = arg;
	s->journeys++;
	s->friction = cj->friction;
	s->n_findings = cj->n_findings;
	s->n_persona_findings = cj->n_persona_findings;
	snprintf(s->id, sizeof s->id, "%s", cj->doc->journey->id.s);
	snprintf(s->persona, sizeof s->persona, "%s", cj->persona ? cj->persona->id.s : "");
	for (size_t i = 0; i < cj->n_persona_findings; i++)
		s->k012 += cj->persona_findings[i]->code == CODE_K012;
}

static int failed;

static void
expect(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "check_one: FAIL %s\n", what);
		failed = 1;
	}
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: check_one WORKSPACE\n");
		return 2;
	}
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct workspace_options opts = {NULL, LIMITS_DEFAULT, {{0}}};
	char *error = NULL;
	struct workspace *ws = workspace_open(&argv[1], 1, &opts, &diags, &error);
	if (ws == NULL) {
		fprintf(stderr, "check_one: %s\n", error);
		free(error);
		diags_free(&diags);
		return 2;
	}
	struct seen s = {0};
	workspace_check_journeys(ws, on_journey, &s);
	struct friction unmet = workspace_unmet_friction(ws);
	expect(workspace_n_personas(ws) == 1, "one persona checked");
	expect(workspace_persona(ws, "Mirjam") == workspace_persona_at(ws, 0), "persona by id");
	workspace_close(&ws);
	expect(ws == NULL, "workspace_close clears the pointer");

	/* The journey: one finding of its own (K013, impact 2; its big step
	 * is supported by a warm handover and an income check, so no K005 in
	 * version 2); its persona's K011 (a note) and K012 are handed over,
	 * but no friction. */
	expect(s.journeys == 1, "one journey");
	expect(strcmp(s.id, "mirjam-veenendaal-concept") == 0, "the journey's id");
	expect(strcmp(s.persona, "mirjam") == 0, "its persona");
	expect(s.n_persona_findings == 2 && s.k012 == 1, "the persona's K011 and K012");
	expect(s.friction.count == 1, "friction count 1");
	expect(s.friction.score == 2, "friction score 2");
	expect(unmet.count == 0 && unmet.score == 0, "no persona findings unmet");
	expect(diags.n == 3, "three findings in all");
	diags_free(&diags);
	if (!failed)
		printf("check_one: friction %d (score %d), as expected\n", s.friction.count,
		       s.friction.score);
	return failed;
}
