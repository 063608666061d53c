/* cmd_compare.c - `keten compare`: check two journeys, or one journey under two chain models, and print what changed. */
#include "cli.h"

#include "compare.h"
#include "diag_print.h"
#include "mem.h"
#include "keten.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What checking one side gave. */
struct side_run {
	struct cmp_side side;
	int journeys;      /* journeys found under the path */
	bool broken;       /* the journey has structural errors */
};

static void
on_journey(const struct checked_journey *cj, void *arg)
{
	struct side_run *r = arg;
	if (r->journeys++ > 0)
		return;
	if (cj->broken)
		r->broken = true;
	else
		cmp_side_collect(&r->side, cj);
}

/* The errors found, on standard error, to say why a side failed. */
static void
print_errors(struct diags *diags)
{
	diags_sort(diags);
	struct print_options popts = {false, true, false};
	diag_print_text(stderr, diags, NULL, &popts);
}

/* Why the side cannot be compared, or 0 when it can. */
static int
side_problem(const struct cli *cli, const char *path, const struct side_run *r,
	     struct diags *diags)
{
	if (r->journeys == 1 && !r->broken)
		return 0;
	if (r->journeys <= 1)
		print_errors(diags);
	if (r->journeys == 0)
		cli_error(cli, M_CMP_NO_JOURNEY, path);
	else if (r->journeys > 1)
		cli_error(cli, M_CMP_MANY_JOURNEYS, path, r->journeys);
	else
		cli_error(cli, M_CMP_BROKEN, path, path);
	return 2;
}

/* Checks the journey file at path with the chain model at chain_path
 * (NULL: the journey's own) into r; 0, or 2 when it cannot be compared. */
static int
check_side(const struct cli *cli, char *path, const char *chain_path, struct side_run *r)
{
	struct diags diags;
	diags_init(&diags, cli->lang);
	struct workspace_options opts = {chain_path, cli->limits, {{0}}};
	memcpy(opts.rules.disabled, cli->disabled, sizeof opts.rules.disabled);
	int status = 0;
	char *error = NULL;
	struct workspace *ws = workspace_open(&path, 1, &opts, &diags, &error);
	if (ws == NULL) {
		fprintf(stderr, "keten: %s\n", error);
		free(error);
		status = 2;
	} else {
		workspace_check_journeys(ws, on_journey, r);
		status = side_problem(cli, path, r, &diags);
	}
	workspace_close(&ws);
	diags_free(&diags);
	return status;
}

/* The two sides the arguments ask for; 0, or 2 after a usage error. */
static int
choose_sides(const struct cli *cli, enum cmp_mode *mode, char **paths, const char **chains)
{
	if (cli->n_args == 2 && cli->n_chain_paths == 2) {
		cli_error(cli, M_CMP_TWO_AND_TWO);
		return 2;
	}
	if (cli->n_args == 1 && cli->n_chain_paths != 2) {
		cli_error(cli, M_CMP_USAGE);
		return 2;
	}
	*mode = cli->n_args == 2 ? CMP_JOURNEYS : CMP_CHAINS;
	paths[0] = cli->args[0];
	paths[1] = cli->args[cli->n_args - 1];
	chains[0] = cli->n_chain_paths > 0 ? cli->chain_paths[0] : NULL;
	chains[1] = cli->n_chain_paths > 1 ? cli->chain_paths[1] : chains[0];
	return 0;
}

static void
print_comparison(const struct cli *cli, const struct comparison *c)
{
	struct buf out = {0}, text = {0};
	if (cli->format == OUTPUT_JSON)
		compare_json(&out, c);
	else if (cli->format == OUTPUT_HTML)
		compare_html(&out, c, cli->lang);
	else
		compare_text(&text, c, cli->lang);
	/* Titles, chain labels and file names come from files: no raw control
	 * characters reach the terminal. */
	if (text.len > 0)
		text_show_controls(&out, buf_str(&text), true);
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&text);
	buf_free(&out);
}

/* Two journeys of two different personas: the comparison still runs, but
 * what differs may be the person rather than the chain. On standard
 * error, so that the comparison itself stays as it was. */
static void
warn_two_people(const struct cli *cli, const struct cmp_side *a, const struct cmp_side *b)
{
	if (a->persona == NULL || b->persona == NULL || strcmp(a->persona, b->persona) == 0)
		return;
	cli_error(cli, M_CMP_TWO_PEOPLE, a->persona_name ? a->persona_name : a->persona,
		  b->persona_name ? b->persona_name : b->persona);
}

int
cmd_compare(const struct cli *cli)
{
	enum cmp_mode mode;
	char *paths[2];
	const char *chains[2];
	if (choose_sides(cli, &mode, paths, chains) != 0)
		return 2;
	struct side_run before = {0}, after = {0};
	int status = check_side(cli, paths[0], chains[0], &before);
	if (status == 0)
		status = check_side(cli, paths[1], chains[1], &after);
	if (status == 0 && mode == CMP_JOURNEYS)
		warn_two_people(cli, &before.side, &after.side);
	if (status == 0) {
		struct comparison c;
		comparison_make(&c, mode, &before.side, &after.side);
		print_comparison(cli, &c);
		comparison_free(&c);
	}
	cmp_side_free(&before.side);
	cmp_side_free(&after.side);
	return cli_finish_output(cli, status);
}
