/* cmd_rules.c - `keten rules [CODE…]`: the friction rule catalogue, as text or JSON, in the chosen language. */
#include "cli.h"

#include "diag_print.h"
#include "jsonw.h"
#include "mem.h"
#include "rules.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WRAP_WIDTH 78

/* Appends text to out after label, wrapped at WRAP_WIDTH characters with
 * the continuation lines indented. */
static void
append_wrapped(struct buf *out, const char *label, const char *text)
{
	const size_t indent = 4;
	buf_printf(out, "  %s:", label);
	size_t col = 3 + utf8_count(label, strlen(label));
	for (const char *p = text; *p != '\0';) {
		p += strspn(p, " ");
		size_t len = strcspn(p, " ");
		if (len == 0)
			break;
		size_t chars = utf8_count(p, len);
		if (col + 1 + chars > WRAP_WIDTH && col > indent) {
			buf_printf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else {
			buf_putc(out, ' ');
			col++;
		}
		buf_printf(out, "%.*s", (int)len, p);
		col += chars;
		p += len;
	}
	buf_putc(out, '\n');
}

static const char *
severity_text(enum lang lang, enum severity sev)
{
	return sev == SEV_ERROR ? msg(lang, M_RULES_SEV_ERROR) : msg(lang, M_RULES_SEV_WARNING);
}

/* "2 goede informatieverstrekking; 10 bijzondere zorg", or "geen: …". */
static char *
norms_text(const struct rule *r, enum lang lang)
{
	struct buf b = {0};
	if (r->norms[0] == NORM_NONE)
		buf_puts(&b, msg(lang, M_RULES_NORM_NONE));
	for (size_t k = 0; k < 2 && r->norms[k] != NORM_NONE; k++) {
		buf_puts(&b, k > 0 ? "; " : "");
		msg_append(&b, lang, M_RULES_NORM_ITEM, norm_number(r->norms[k]),
			   norm_name(r->norms[k], lang));
	}
	return buf_detach(&b);
}

static void
rule_text(struct buf *out, const struct rule *r, enum lang lang)
{
	const struct code_info *info = code_info(r->code);
	buf_printf(out, "\n%s %s (%s), %s\n", info->id,
		   lang == LANG_EN ? info->slug_en : info->slug_nl,
		   lang == LANG_EN ? info->slug_nl : info->slug_en,
		   severity_text(lang, info->severity));
	append_wrapped(out, msg(lang, M_RULES_LOOKS), (msg)(lang, r->looks_for));
	append_wrapped(out, msg(lang, M_RULES_WHY), (msg)(lang, r->why));
	append_wrapped(out, msg(lang, M_RULES_ACTION), (msg)(lang, r->action));
	char *norms = norms_text(r, lang);
	append_wrapped(out, msg(lang, M_RULES_NORM), norms);
	free(norms);
	if (r->norms[0] != NORM_NONE)
		append_wrapped(out, msg(lang, M_RULES_SOURCE), msg(lang, M_NORM_SOURCE));
	char *how = msg_xasprintf(lang, M_RULES_OFF_HOW, info->id, info->id, info->id);
	append_wrapped(out, msg(lang, M_RULES_OFF), how);
	free(how);
}

static void
rule_json(struct jsonw *w, const struct rule *r, enum lang lang)
{
	const struct code_info *info = code_info(r->code);
	static const char *const scopes[] = {
		"touchpoint", "transition", "stage", "journey", "persona", "text",
	};
	jsonw_object_begin(w);
	diag_json_rule(w, r->code);
	jsonw_member_string(w, "severity", diag_severity_name(info->severity));
	jsonw_member_string(w, "scope", scopes[r->scope]);
	jsonw_member_string(w, "looks_for", (msg)(lang, r->looks_for));
	jsonw_member_string(w, "why", (msg)(lang, r->why));
	jsonw_member_string(w, "action", (msg)(lang, r->action));
	jsonw_key(w, "norms");
	jsonw_array_begin(w);
	for (size_t k = 0; k < 2 && r->norms[k] != NORM_NONE; k++) {
		jsonw_object_begin(w);
		jsonw_member_long(w, "number", norm_number(r->norms[k]));
		jsonw_member_string(w, "name", norm_name(r->norms[k], lang));
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_member_string(w, "source", r->norms[0] != NORM_NONE ? msg(lang, M_NORM_SOURCE) : NULL);
	char *how = msg_xasprintf(lang, M_RULES_OFF_HOW, info->id, info->id, info->id);
	jsonw_member_string(w, "turn_off", how);
	free(how);
	jsonw_object_end(w);
}

/* Marks the rules the arguments name; false (after saying so) for a
 * name that is no rule. With no arguments, all. */
static bool
select_rules(const struct cli *cli, bool wanted[CODE__MAX])
{
	for (int c = 0; c < CODE__MAX; c++)
		wanted[c] = cli->n_args == 0;
	for (size_t i = 0; i < cli->n_args; i++) {
		int code = code_parse_rule(cli->args[i]);
		if (code < 0) {
			cli_error(cli, M_CLI_UNKNOWN_RULE, cli->args[i]);
			return false;
		}
		wanted[code] = true;
	}
	return true;
}

int
cmd_rules(const struct cli *cli)
{
	bool wanted[CODE__MAX];
	if (!select_rules(cli, wanted))
		return 2;
	size_t n;
	const struct rule *table = rules_table(&n);
	struct buf out = {0};
	struct jsonw w;
	if (cli->format == OUTPUT_JSON) {
		jsonw_init(&w, &out, false);
		jsonw_object_begin(&w);
		jsonw_member_string(&w, "format", "keten/1");
		jsonw_key(&w, "rules");
		jsonw_array_begin(&w);
	} else {
		msg_append(&out, cli->lang, M_RULES_HEAD, n, msg(cli->lang, M_R_IMPACT_1),
			   msg(cli->lang, M_R_IMPACT_2), msg(cli->lang, M_R_IMPACT_3));
		buf_puts(&out, "\n");
	}
	for (size_t i = 0; i < n; i++) {
		if (!wanted[table[i].code])
			continue;
		if (cli->format == OUTPUT_JSON)
			rule_json(&w, &table[i], cli->lang);
		else
			rule_text(&out, &table[i], cli->lang);
	}
	if (cli->format == OUTPUT_JSON) {
		jsonw_array_end(&w);
		jsonw_object_end(&w);
	}
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	buf_free(&out);
	return cli_finish_output(cli, 0);
}
