/* cmd_export.c - `keten export FILE`: print a persona or journey in its other form. */
#include "cli.h"

#include "diag_print.h"
#include "mem.h"
#include "model.h"
#include "workspace.h"
#include "write.h"

#include <stdio.h>

int
cmd_export(const struct cli *cli)
{
	const char *path = cli->args[0];
	struct diags diags;
	diags_init(&diags, cli->lang);
	struct doc *doc = workspace_read_file(path, &cli->limits, &diags);
	/* The reader's findings go to standard error, apart from the text. */
	diags_sort(&diags);
	struct print_options popts = {false, false, false};
	diag_print_text(stderr, &diags, NULL, &popts);
	int status = 0;
	if (doc == NULL || doc->broken) {
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
