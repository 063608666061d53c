/* cli.c - reading the command line and dispatching to a command. */
#include "cli.h"

#include "layout.h"
#include "mem.h"
#include "path.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Options, as bits: which command takes which. */
enum {
	OPT_LANG = 1 << 0, OPT_FORMAT = 1 << 1, OPT_FAIL_ON = 1 << 2,
	OPT_CHAIN = 1 << 3, OPT_DISABLE = 1 << 4, OPT_QUIET = 1 << 5,
	OPT_NO_COLOR = 1 << 6, OPT_LIMITS = 1 << 7, OPT_DUMP = 1 << 8,
	OPT_OUTPUT = 1 << 9, OPT_IMAGE = 1 << 10, OPT_ALL_LANES = 1 << 11,
	OPT_JOBS = 1 << 12, OPT_TIMINGS = 1 << 13,
	/* not options, but what a command allows: */
	OPT_CHAIN_TWICE = 1 << 14, OPT_FORMAT_HTML = 1 << 15,
	OPT_PERSONA = 1 << 16, OPT_VIEW = 1 << 17, OPT_DETAIL = 1 << 18,
};
#define OPTS_CHECK (OPT_LANG | OPT_FORMAT | OPT_FAIL_ON | OPT_CHAIN | OPT_DISABLE | \
		    OPT_QUIET | OPT_NO_COLOR | OPT_LIMITS)
#define OPTS_RENDER (OPT_LANG | OPT_FAIL_ON | OPT_CHAIN | OPT_DISABLE | OPT_QUIET | \
		     OPT_NO_COLOR | OPT_LIMITS | OPT_OUTPUT | OPT_IMAGE | OPT_ALL_LANES | \
		     OPT_JOBS | OPT_TIMINGS | OPT_VIEW | OPT_DETAIL)
#define OPTS_OVERVIEW (OPT_LANG | OPT_FAIL_ON | OPT_CHAIN | OPT_DISABLE | OPT_QUIET | \
		       OPT_NO_COLOR | OPT_LIMITS | OPT_OUTPUT | OPT_IMAGE)
#define OPTS_COMPARE (OPT_LANG | OPT_FORMAT | OPT_FORMAT_HTML | OPT_CHAIN | OPT_CHAIN_TWICE | \
		      OPT_DISABLE | OPT_NO_COLOR | OPT_LIMITS)

/* The main job, and watch, which runs it again and again. */
#define OPTS_MAIN (OPTS_CHECK | OPT_OUTPUT | OPT_IMAGE | OPT_ALL_LANES | OPT_JOBS | OPT_DETAIL)
#define OPTS_REPORT (OPTS_CHECK | OPT_OUTPUT | OPT_ALL_LANES | OPT_JOBS)

struct command {
	const char *name;
	const char *aliases[2];      /* Dutch names for the same command */
	int (*run)(const struct cli *cli);
	enum msg help;
	unsigned options;
	size_t min_args, max_args;
};

static const struct command commands[] = {
	{"check", {"controleer"}, cmd_check, M_HELP_CHECK, OPTS_CHECK, 0, (size_t)-1},
	{"export", {"exporteer"}, cmd_export, M_HELP_EXPORT, OPT_LANG | OPT_LIMITS | OPT_NO_COLOR, 1, 1},
	{"chain", {"ketenmodel"}, cmd_chain, M_HELP_CHAIN, OPT_LANG | OPT_CHAIN | OPT_DUMP | OPT_NO_COLOR, 0, 0},
	{"rules", {"regels"}, cmd_rules, M_HELP_RULES, OPT_LANG | OPT_FORMAT | OPT_NO_COLOR, 0, (size_t)-1},
	{"render", {"teken"}, cmd_render, M_HELP_RENDER, OPTS_RENDER, 0, (size_t)-1},
	{"report", {"rapport"}, cmd_report, M_HELP_REPORT, OPTS_REPORT, 0, (size_t)-1},
	{"overview", {"overzicht"}, cmd_overview, M_HELP_OVERVIEW, OPTS_OVERVIEW, 0, (size_t)-1},
	{"compare", {"vergelijk"}, cmd_compare, M_HELP_COMPARE, OPTS_COMPARE, 1, 2},
	{"new", {"nieuw"}, cmd_new, M_HELP_NEW, OPT_LANG | OPT_QUIET | OPT_NO_COLOR | OPT_PERSONA, 1, 2},
	{"watch", {"volg", "bekijk"}, cmd_watch, M_HELP_WATCH, OPTS_MAIN, 0, (size_t)-1},
};

enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

/* The main job (no command). */
static const struct command main_job = {
	"keten", {NULL}, cmd_main, M_HELP_MAIN, OPTS_MAIN, 0, (size_t)-1,
};

enum long_only {
	LO_LANG = 256, LO_FORMAT, LO_FAIL_ON, LO_CHAIN, LO_DISABLE, LO_NO_COLOR,
	LO_DUMP, LO_VERSION, LO_MAX_FILE_SIZE, LO_MAX_DEPTH, LO_MAX_STAGES,
	LO_MAX_TOUCHPOINTS, LO_MAX_TEXT, LO_MAX_MARKS,
	LO_MAX_JOURNEY_TOUCHPOINTS, LO_ALL_LANES, LO_TIMINGS, LO_PERSONA,
	LO_VIEW, LO_DETAIL,
};

static const struct option long_options[] = {
	{"lang", required_argument, NULL, LO_LANG},
	{"format", required_argument, NULL, LO_FORMAT},
	{"fail-on", required_argument, NULL, LO_FAIL_ON},
	{"chain", required_argument, NULL, LO_CHAIN},
	{"disable", required_argument, NULL, LO_DISABLE},
	{"quiet", no_argument, NULL, 'q'},
	{"no-color", no_argument, NULL, LO_NO_COLOR},
	{"dump", no_argument, NULL, LO_DUMP},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, LO_VERSION},
	{"max-file-size", required_argument, NULL, LO_MAX_FILE_SIZE},
	{"max-depth", required_argument, NULL, LO_MAX_DEPTH},
	{"max-stages", required_argument, NULL, LO_MAX_STAGES},
	{"max-touchpoints", required_argument, NULL, LO_MAX_TOUCHPOINTS},
	{"max-text", required_argument, NULL, LO_MAX_TEXT},
	{"max-marks", required_argument, NULL, LO_MAX_MARKS},
	{"max-journey-touchpoints", required_argument, NULL, LO_MAX_JOURNEY_TOUCHPOINTS},
	{"output", required_argument, NULL, 'o'},
	{"format-image", required_argument, NULL, 'T'},
	{"all-lanes", no_argument, NULL, LO_ALL_LANES},
	{"jobs", required_argument, NULL, 'j'},
	{"timings", required_argument, NULL, LO_TIMINGS},
	{"persona", required_argument, NULL, LO_PERSONA},
	{"view", required_argument, NULL, LO_VIEW},
	{"detail", required_argument, NULL, LO_DETAIL},
	{NULL, 0, NULL, 0},
};

int
cli_exit_status(const struct cli *cli, const struct diags *diags)
{
	switch (cli->fail_on) {
	case FAIL_ON_ERROR:
		return diags_count(diags, SEV_ERROR) > 0;
	case FAIL_ON_WARNING: /* questions never fail a run */
		return diags_count(diags, SEV_ERROR) + diags_count(diags, SEV_WARNING) > 0;
	default:
		return 0;
	}
}

int
cli_finish_output(const struct cli *cli, int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(cli, M_CLI_WRITE_FAILED, msg_system_error(cli->lang, errno));
		return 2;
	}
	return status;
}

/* The command called name, in English or by a Dutch alias, or NULL. */
static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++) {
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
		for (size_t a = 0; a < 2 && commands[i].aliases[a] != NULL; a++)
			if (strcmp(commands[i].aliases[a], name) == 0)
				return &commands[i];
	}
	return NULL;
}

/* An argument that names nothing on disk and looks like a command: a bare
 * word (letters, digits, '-' and '_'; no slash, no extension, not "-"). */
static bool
looks_like_command(const char *arg)
{
	struct stat st;
	if (strlen(arg) < 2 || arg[0] == '-' || lstat(arg, &st) == 0)
		return false;
	for (const char *p = arg; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			return false;
	return true;
}

/* The command name or alias nearest to word as a likely typo, or NULL. */
static const char *
nearest_command(const char *word)
{
	const char *names[N_COMMANDS * 3];
	size_t n = 0;
	/* The Dutch names first: a tie goes to the word the user seems to
	 * type ("niew" is 'nieuw' rather than 'new'). */
	for (size_t i = 0; i < N_COMMANDS; i++)
		for (size_t a = 0; a < 2 && commands[i].aliases[a] != NULL; a++)
			names[n++] = commands[i].aliases[a];
	for (size_t i = 0; i < N_COMMANDS; i++)
		names[n++] = commands[i].name;
	long best = text_nearest(word, names, n);
	return best < 0 ? NULL : names[best];
}

/* Refuses an argument of a command that reads paths when it is no file or
 * folder but a word like a command ("keten rapportt"): a slip, after which
 * the main job would overwrite the report with an empty one. 0, or 2
 * after saying so (and what was meant, when that is clear). */
static int
refuse_command_words(const struct cli *cli)
{
	for (size_t i = 0; i < cli->n_args; i++) {
		const char *arg = cli->args[i];
		if (!looks_like_command(arg))
			continue;
		const struct command *cmd = find_command(arg);
		const char *near = nearest_command(arg);
		if (cmd != NULL)
			cli_error(cli, M_CLI_COMMAND_FIRST, arg, arg);
		else if (near != NULL)
			cli_error(cli, M_CLI_DID_YOU_MEAN, arg, near);
		else
			cli_error(cli, M_CLI_NO_SUCH_THING, arg);
		return 2;
	}
	return 0;
}

static bool
parse_limit(struct cli *cli, const char *option, const char *value, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || v <= 0) {
		cli_error(cli, M_CLI_BAD_NUMBER, value, option);
		return false;
	}
	*out = v;
	return true;
}

static bool
parse_disable(struct cli *cli, const char *value)
{
	char *copy = xstrdup(value);
	bool ok = true;
	for (char *part = strtok(copy, ", "); part && ok; part = strtok(NULL, ", ")) {
		int code = code_parse_rule(part);
		if (code < 0) {
			cli_error(cli, M_CLI_BAD_CODE, part);
			ok = false;
		} else {
			cli->disabled[code] = true;
		}
	}
	free(copy);
	return ok;
}

/* A path option: anything but the empty string. */
static bool
parse_path(struct cli *cli, const char *option, const char *value, const char **out)
{
	if (*value == '\0') {
		cli_error(cli, M_CLI_EMPTY_PATH, option);
		return false;
	}
	*out = value;
	return true;
}

/* Chooses from a list of words; reports the choices when none fits. */
static int
parse_choice(struct cli *cli, const char *option, const char *value,
	     const char *const *choices, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(value, choices[i]) == 0)
			return (int)i;
	struct buf list = {0};
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", choices[i]);
	cli_error(cli, M_CLI_BAD_VALUE, value, option, buf_str(&list));
	buf_free(&list);
	return -1;
}

/* Applies one option; returns false on a usage error. */
static bool
apply_option(struct cli *cli, int c, const char *arg)
{
	static const char *const langs[] = {"nl", "en"};
	static const char *const formats[] = {"text", "json", "html"};
	static const char *const fail_ons[] = {"error", "warning", "never"};
	static const char *const images[] = {"svg", "png", "pdf", "dot"};
	static const char *const views[] = {"pathway", "map"};
	static const char *const details[] = {"compact", "poster"};
	int choice;
	switch (c) {
	case LO_LANG:
		if ((choice = parse_choice(cli, "--lang", arg, langs, 2)) < 0)
			return false;
		cli->lang = (enum lang)choice;
		return true;
	case LO_FORMAT:
		if ((choice = parse_choice(cli, "--format", arg, formats, cli->format_html ? 3 : 2)) < 0)
			return false;
		cli->format = (enum output_format)choice;
		return true;
	case LO_FAIL_ON:
		if ((choice = parse_choice(cli, "--fail-on", arg, fail_ons, 3)) < 0)
			return false;
		cli->fail_on = (enum fail_on)choice;
		return true;
	case LO_CHAIN:
		if (!parse_path(cli, "--chain", arg, &cli->chain_paths[cli->n_chain_paths]))
			return false;
		cli->chain_path = cli->chain_paths[0];
		cli->n_chain_paths++;
		return true;
	case LO_DISABLE: return parse_disable(cli, arg);
	case 'q': cli->quiet = true; return true;
	case LO_NO_COLOR: cli->color = false; return true;
	case LO_DUMP: cli->dump = true; return true;
	case LO_MAX_FILE_SIZE: return parse_limit(cli, "--max-file-size", arg, &cli->limits.max_file_size);
	case LO_MAX_DEPTH: return parse_limit(cli, "--max-depth", arg, &cli->limits.max_depth);
	case LO_MAX_STAGES: return parse_limit(cli, "--max-stages", arg, &cli->limits.max_stages);
	case LO_MAX_TOUCHPOINTS: return parse_limit(cli, "--max-touchpoints", arg, &cli->limits.max_touchpoints);
	case LO_MAX_TEXT: return parse_limit(cli, "--max-text", arg, &cli->limits.max_text);
	case LO_MAX_MARKS: return parse_limit(cli, "--max-marks", arg, &cli->limits.max_marks);
	case LO_MAX_JOURNEY_TOUCHPOINTS:
		return parse_limit(cli, "--max-journey-touchpoints", arg,
				   &cli->limits.max_journey_touchpoints);
	case 'o': return parse_path(cli, "--output", arg, &cli->output_dir);
	case 'T':
		if ((choice = parse_choice(cli, "--format-image", arg, images, 4)) < 0)
			return false;
		cli->image_format = choice;
		return true;
	case LO_ALL_LANES: cli->all_lanes = true; return true;
	case 'j': return parse_limit(cli, "--jobs", arg, &cli->jobs);
	case LO_TIMINGS: return parse_path(cli, "--timings", arg, &cli->timings_path);
	case LO_PERSONA: cli->persona_id = arg; return true;
	case LO_VIEW:
		if ((choice = parse_choice(cli, "--view", arg, views, 2)) < 0)
			return false;
		cli->view_map = choice == 1;
		return true;
	case LO_DETAIL:
		if ((choice = parse_choice(cli, "--detail", arg, details, 2)) < 0)
			return false;
		cli->detail_poster = choice == 1;
		return true;
	}
	return false;
}

/* The option bit that an option character or long index needs. */
static unsigned
option_bit(int c)
{
	switch (c) {
	case LO_LANG: return OPT_LANG;
	case LO_FORMAT: return OPT_FORMAT;
	case LO_FAIL_ON: return OPT_FAIL_ON;
	case LO_CHAIN: return OPT_CHAIN;
	case LO_DISABLE: return OPT_DISABLE;
	case 'q': return OPT_QUIET;
	case LO_NO_COLOR: return OPT_NO_COLOR;
	case LO_DUMP: return OPT_DUMP;
	case 'o': return OPT_OUTPUT;
	case 'T': return OPT_IMAGE;
	case LO_ALL_LANES: return OPT_ALL_LANES;
	case 'j': return OPT_JOBS;
	case LO_TIMINGS: return OPT_TIMINGS;
	case LO_PERSONA: return OPT_PERSONA;
	case LO_VIEW: return OPT_VIEW;
	case LO_DETAIL: return OPT_DETAIL;
	default: return OPT_LIMITS;
	}
}

static void
cli_defaults(struct cli *cli)
{
	memset(cli, 0, sizeof(*cli));
	struct limits limits = LIMITS_DEFAULT;
	cli->limits = limits;
	cli->lang = lang_from_environment();
	const char *no_color = getenv("NO_COLOR");
	cli->color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
	cli->output_dir = "output";
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	cli->jobs = cpus > 0 ? cpus : 1;
}

/* keten's version and those of the libraries it runs with. */
static void
print_version(const struct cli *cli)
{
	const char *graphviz = keten_graphviz_version();
	printf("keten %s\n", KETEN_VERSION);
	printf("libcmark %s\ncJSON %s\nGraphviz %s\n", keten_cmark_version(),
	       keten_cjson_version(), graphviz ? graphviz : msg(cli->lang, M_CLI_NO_GRAPHVIZ));
}

/* The language --lang asks for anywhere on the command line, so that an
 * error about an option before it speaks that language too; -1 for none. */
static int
lang_of_arguments(int argc, char **argv)
{
	int lang = -1;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = lang_parse(argv[i] + 7);
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = lang_parse(argv[i + 1]);
		if (lang >= 0)
			return lang;
	}
	return -1;
}

/* Room for one more --chain: one for every command, two for compare. */
static bool
chain_room(struct cli *cli, const struct command *cmd)
{
	size_t allowed = cmd->options & OPT_CHAIN_TWICE ? 2 : 1;
	if (cli->n_chain_paths < allowed)
		return true;
	if (allowed == 2)
		cli_error(cli, M_CLI_CHAIN_THRICE);
	else
		cli_error(cli, M_CLI_CHAIN_TWICE);
	return false;
}

/* Refuses to draw from a folder that is no workspace (no personas/, no
 * journeys/: a folder of notes, a home folder): the current folder when no
 * path is given, or a folder named on the command line. Nothing there is
 * a persona or a journey, and the output would replace a report with an
 * empty one. Files named one by one are read as ever. 0, or 2 after
 * saying so. */
static int
refuse_plain_folder(const struct cli *cli)
{
	if (cli->n_args == 0) {
		if (layout_has_documents("."))
			return 0;
		cli_error(cli, M_CLI_NOT_WORKSPACE);
		return 2;
	}
	for (size_t i = 0; i < cli->n_args; i++) {
		const char *arg = cli->args[i];
		if (strcmp(arg, "-") == 0 || !path_is_folder(arg) || layout_has_documents(arg))
			continue;
		cli_error(cli, M_CLI_NOT_WORKSPACE_NAMED, arg);
		return 2;
	}
	return 0;
}

const char *
cli_workspace_root(const struct cli *cli)
{
	if (cli->n_args == 0)
		return ".";
	for (size_t i = 0; i < cli->n_args; i++)
		if (strcmp(cli->args[i], "-") != 0 && layout_is_workspace(cli->args[i]))
			return cli->args[i];
	return NULL;
}

/* Parses options (anywhere among the arguments). Returns -1 to go on, or
 * the exit status to stop with (help, version, usage error). */
static int
parse_options(struct cli *cli, const struct command *cmd, int argc, char **argv)
{
	bool help = false;
	int c;
	cli->format_html = (cmd->options & OPT_FORMAT_HTML) != 0;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hqo:T:j:", long_options, NULL)) != -1) {
		/* The option as written; "-T png" leaves the value in argv[optind - 1]. */
		const char *word = argv[optind - 1];
		if (optarg != NULL && word == optarg && optind >= 2)
			word = argv[optind - 2];
		if (c == '?') {
			cli_error(cli, M_CLI_UNKNOWN_OPTION, word);
			return 2;
		}
		if (c == ':') {
			cli_error(cli, M_CLI_MISSING_VALUE, word);
			return 2;
		}
		if (c == 'h') {
			help = true;
		} else if (c == LO_VERSION) {
			print_version(cli);
			return cli_finish_output(cli, 0);
		} else if (!(cmd->options & option_bit(c)) && cmd->run == cmd_main) {
			cli_error(cli, M_CLI_OPTION_NOT_MAIN, word);
			return 2;
		} else if (!(cmd->options & option_bit(c))) {
			cli_error(cli, M_CLI_OPTION_NOT_HERE, word, cmd->name, cmd->name);
			return 2;
		} else if (c == LO_CHAIN && !chain_room(cli, cmd)) {
			return 2;
		} else if (!apply_option(cli, c, optarg)) {
			return 2;
		}
	}
	if (help) {
		fputs((msg)(cli->lang, cmd->help), stdout);
		return cli_finish_output(cli, 0);
	}
	return -1;
}

/* -o -: the report, or the diagram of one journey, on standard output. */
static int
run_to_stdout(const struct cli *cli, const struct command *cmd)
{
	if (cmd->run == cmd_report)
		return cli_run_to_stdout(cli, cmd->run, "index.html");
	if (cmd->run == cmd_render)
		return cli_run_to_stdout(cli, cmd->run, NULL);
	cli_error(cli, M_CLI_STDOUT_WHERE, cmd->name);
	return 2;
}

int
cli_main(int argc, char **argv)
{
	struct cli cli;
	cli_defaults(&cli);
	int lang = lang_of_arguments(argc, argv);
	if (lang >= 0)
		cli.lang = (enum lang)lang;
	const struct command *cmd = argc > 1 ? find_command(argv[1]) : NULL;
	int skip = cmd ? 1 : 0;
	if (cmd == NULL)
		cmd = &main_job;
	int stop = parse_options(&cli, cmd, argc - skip, argv + skip);
	if (stop >= 0)
		return stop;
	if (cli.format != OUTPUT_TEXT)
		cli.color = false;
	cli.command = cmd->name;
	cli.args = argv + skip + optind;
	cli.n_args = (size_t)(argc - skip - optind);
	if (cli.n_args < cmd->min_args) {
		cli_error(&cli, M_CLI_ARGS_FEW, cmd->name, cmd->name);
		return 2;
	}
	if (cli.n_args > cmd->max_args) {
		cli_error(&cli, M_CLI_ARGS_MANY, cmd->name, cmd->name);
		return 2;
	}
	if ((cmd->options & OPT_OUTPUT) &&
	    (refuse_command_words(&cli) != 0 || refuse_plain_folder(&cli) != 0))
		return 2;
	if (cli.output_dir != NULL && strcmp(cli.output_dir, "-") == 0)
		return run_to_stdout(&cli, cmd);
	return cmd->run(&cli);
}
