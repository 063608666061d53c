/* cmd_export.c - `keten export FILE`: print a persona or journey in its other form. */
#include "cli.h"

#include "chain.h"
#include "diag_print.h"
#include "mem.h"
#include "model.h"
#include "rules.h"
#include "keten.h"
#include "write.h"

#include <stdio.h>

/* K012 on the document alone (the other rules need the workspace):
 * personal data is an error, and the export would carry it on in full.
 * Returns the number of K012 findings added. */
static size_t
find_personal_data(const struct doc *doc, enum lang lang, struct diags *diags)
{
	struct rule_config only = {{0}};
	for (int c = 0; c < CODE__MAX; c++)
		only.disabled[c] = c != CODE_K012;
	struct doc *chain = chain_load_default(lang);
	size_t before = diags->n;
	if (doc->kind == DOC_PERSONA && doc->persona != NULL)
		rules_check_persona(doc, chain->chain, &only, diags);
	else if (doc->kind == DOC_JOURNEY && doc->journey != NULL)
		rules_check_journey(doc, NULL, chain->chain, &only, diags);
	doc_free(&chain);
	return diags->n - before;
}

int
cmd_export(const struct cli *cli)
{
	const char *path = cli->args[0];
	struct diags diags;
	diags_init(&diags, cli->lang);
	struct doc *doc = workspace_read_file(path, &cli->limits, &diags);
	bool personal = doc != NULL && !doc->broken && find_personal_data(doc, cli->lang, &diags) > 0;
	/* The reader's findings go to standard error, apart from the text. */
	diags_sort(&diags);
	struct print_options popts = {false, false, false};
	diag_print_text(stderr, &diags, NULL, &popts);
	int status = 0;
	if (doc == NULL || doc->broken || personal) {
		cli_error(cli, M_CLI_EXPORT_BROKEN, path);
		status = 1;
	} else if (doc->kind == DOC_CHAIN) {
		cli_error(cli, M_CLI_EXPORT_CHAIN, path, path);
		status = 2;
	} else {
		struct buf out = {0};
		if (doc->format == FORMAT_MARKDOWN)
			write_json(doc, &out);
		else
			write_markdown(doc, cli->lang, &out);
		fwrite(out.data ? out.data : "", 1, out.len, stdout);
		buf_free(&out);
	}
	doc_free(&doc);
	diags_free(&diags);
	return cli_finish_output(cli, status);
}
