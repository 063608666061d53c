/* cmd_chain.c - `keten chain [--dump]`: describe the chain model in force or print it as JSON. */
#include "cli.h"

#include "chain.h"
#include "diag_print.h"
#include "mem.h"
#include "personal.h"
#include "text.h"
#include "keten.h"
#include "write.h"

#include <stdio.h>
#include <stdlib.h>

/* The model of --chain, validated; NULL with the exit status in *status
 * when it cannot be used. */
static struct doc *
load_chain_option(const struct cli *cli, int *status)
{
	struct diags diags;
	diags_init(&diags, cli->lang);
	struct doc *doc = workspace_read_file(cli->chain_path, &cli->limits, &diags);
	if (doc != NULL && doc->kind == DOC_CHAIN && doc->chain != NULL)
		chain_validate(doc, &diags);
	diags_sort(&diags);
	struct print_options popts = {false, false, false};
	diag_print_text(stderr, &diags, NULL, &popts);
	if (doc == NULL) {
		*status = 2;
	} else if (doc->kind != DOC_CHAIN || doc->chain == NULL) {
		cli_error(cli, M_CLI_NOT_CHAIN, cli->chain_path);
		*status = 2;
		doc_free(&doc);
	} else if (doc->broken) {
		cli_error(cli, M_CLI_CHAIN_BROKEN, cli->chain_path);
		*status = 1;
		doc_free(&doc);
	}
	diags_free(&diags);
	return doc;
}

int
cmd_chain(const struct cli *cli)
{
	int status = 0;
	struct doc *doc = cli->chain_path ? load_chain_option(cli, &status)
					  : chain_load_default(cli->lang);
	if (doc == NULL)
		return status;
	struct buf out = {0};
	if (cli->dump) {
		write_json(doc, &out);
	} else {
		/* The model's texts come from a file: no raw control characters,
		 * and personal data masked as in every message. */
		struct buf text = {0};
		chain_describe(doc->chain, cli->lang, &text);
		char *hidden = personal_masked_copy(buf_str(&text));
		text_show_controls(&out, hidden != NULL ? hidden : buf_str(&text), true);
		free(hidden);
		buf_free(&text);
	}
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	buf_free(&out);
	doc_free(&doc);
	return cli_finish_output(cli, status);
}
