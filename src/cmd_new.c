/* cmd_new.c - `keten new persona NAME` and `keten new journey NAME --persona ID`: write a filled-in template that passes the check, never over an existing file. */
#include "cli.h"

#include "keten.h"
#include "layout.h"
#include "mem.h"
#include "outdir.h"
#include "path.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What is being made: the folder, the template and the values filled in. */
struct new_file {
	bool journey;
	const char *folder;   /* "personas" or "journeys" */
	char *name;           /* NAME as given, trimmed */
	char *slug;           /* the file name without .md */
	char *path;           /* folder/slug.md */
	const char *persona_id;
	const char *persona_name;
	char date[16];
};

/* Characters that would turn a name into Markdown markup or break a comment. */
static const char name_forbidden[] = "<>#*_[]`\\|{}";

/* A name goes into headings, list values and comments: valid UTF-8,
 * no control characters, no markup. */
static bool
name_usable(const char *s)
{
	size_t bad;
	if (!utf8_valid(s, strlen(s), &bad))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f || strchr(name_forbidden, *p) != NULL)
			return false;
	return true;
}

/* Fills the template: each @KEY@ becomes its value. */
static void
fill_template(const char *tpl, const struct new_file *nf, struct buf *out)
{
	const struct {
		const char *key, *value;
	} fills[] = {
		{"@NAME@", nf->journey ? nf->persona_name : nf->name},
		{"@TITLE@", nf->name},
		{"@FILE@", nf->path},
		{"@PERSONA@", nf->persona_id},
		{"@DATE@", nf->date},
	};
	const char *p = tpl;
	const char *at;
	while ((at = strchr(p, '@')) != NULL) {
		buf_add(out, p, (size_t)(at - p));
		size_t i = 0, n = sizeof fills / sizeof fills[0];
		while (i < n && strncmp(at, fills[i].key, strlen(fills[i].key)) != 0)
			i++;
		if (i < n && fills[i].value != NULL) {
			buf_puts(out, fills[i].value);
			p = at + strlen(fills[i].key);
		} else {
			buf_putc(out, '@');
			p = at + 1;
		}
	}
	buf_puts(out, p);
}

/* Today as YYYY-MM-DD; SOURCE_DATE_EPOCH, when set, gives a fixed day. */
static void
today(char *out, size_t size)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now = time(NULL);
	struct tm tm;
	if (epoch != NULL && *epoch != '\0') {
		now = (time_t)strtoll(epoch, NULL, 10);
		gmtime_r(&now, &tm);
	} else {
		localtime_r(&now, &tm);
	}
	strftime(out, size, "%Y-%m-%d", &tm);
}

/* Reads the command line into nf. Returns 0, or 2 after saying why. */
static int
new_args(const struct cli *cli, struct new_file *nf)
{
	const char *kind = cli->args[0];
	nf->journey = strcmp(kind, "journey") == 0 || strcmp(kind, "reis") == 0;
	if (!nf->journey && strcmp(kind, "persona") != 0) {
		cli_error(cli, M_NEW_KIND, kind);
		return 2;
	}
	nf->folder = layout_folder(nf->journey ? DOC_JOURNEY : DOC_PERSONA);
	if (!nf->journey && cli->persona_id != NULL) {
		cli_error(cli, M_NEW_PERSONA_OPTION);
		return 2;
	}
	if (cli->n_args < 2) {
		if (nf->journey)
			cli_error(cli, M_NEW_NO_NAME_JOURNEY);
		else
			cli_error(cli, M_NEW_NO_NAME_PERSONA);
		return 2;
	}
	const char *given = cli->args[1];
	nf->name = text_trim_dup(given, strlen(given));
	if (!name_usable(nf->name)) {
		cli_error(cli, M_NEW_BAD_NAME, given);
		return 2;
	}
	nf->slug = text_slug(nf->name);
	if (*nf->slug == '\0') {
		cli_error(cli, M_NEW_NO_SLUG, given);
		return 2;
	}
	struct buf path = {0};
	buf_printf(&path, "%s/%s.md", nf->folder, nf->slug);
	nf->path = buf_detach(&path);
	today(nf->date, sizeof nf->date);
	return 0;
}

/* True when the current folder is itself a workspace's source folder. */
static bool
inside_source_folder(const char **name)
{
	char *cwd = getcwd(NULL, 0);
	if (cwd == NULL)
		return false;
	enum doc_kind kind = layout_kind_of_folder(path_base(cwd));
	*name = layout_folder(kind);
	free(cwd);
	return kind != DOC_UNKNOWN;
}

/* Refuses to work inside personas/, journeys/ or chains/ of a workspace,
 * where a new folder would only hide the file. Returns 0 or 2. */
static int
refuse_inside(const struct cli *cli)
{
	struct stat st;
	const char *inside;
	if (stat(layout_folder(DOC_PERSONA), &st) != 0 &&
	    stat(layout_folder(DOC_JOURNEY), &st) != 0 && inside_source_folder(&inside)) {
		cli_error(cli, M_NEW_INSIDE, inside);
		return 2;
	}
	return 0;
}

/* Why a file or folder cannot be made, in the command line's language:
 * the common reasons from the catalogue, any other as the system says it. */
static const char *
reason(const struct cli *cli, int err)
{
	switch (err) {
	case ENAMETOOLONG:
		return msg(cli->lang, M_NEW_WHY_NAME_TOO_LONG);
	case EACCES:
	case EPERM:
		return msg(cli->lang, M_NEW_WHY_ACCESS);
	case EROFS:
		return msg(cli->lang, M_NEW_WHY_READ_ONLY);
	case ENOSPC:
	case EDQUOT:
		return msg(cli->lang, M_NEW_WHY_FULL);
	case ELOOP:
		return msg(cli->lang, M_NEW_WHY_LOOP);
	default:
		return msg_system_error(cli->lang, err);
	}
}

/* Makes the folder when it is missing (and says so). Returns 0 or 2. */
static int
ensure_folder(const struct cli *cli, const char *folder)
{
	struct stat st;
	if (stat(folder, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		cli_error(cli, M_NEW_NOT_FOLDER, folder);
		return 2;
	}
	if (mkdir(folder, 0777) != 0 && errno != EEXIST) {
		cli_error(cli, M_NEW_MKDIR, folder, reason(cli, errno));
		return 2;
	}
	if (!cli->quiet)
		cli_error(cli, M_NEW_MADE_FOLDER, folder);
	return 0;
}

/* Refuses a name taken by a Markdown or a JSON file. Returns 0 or 2. */
static int
refuse_existing(const struct cli *cli, const struct new_file *nf)
{
	static const char *const extensions[] = {".md", ".json"};
	struct stat st;
	for (size_t i = 0; i < 2; i++) {
		struct buf path = {0};
		buf_printf(&path, "%s/%s%s", nf->folder, nf->slug, extensions[i]);
		bool taken = lstat(buf_str(&path), &st) == 0;
		bool unknown = !taken && errno != ENOENT && errno != ENOTDIR;
		if (taken)
			cli_error(cli, M_NEW_EXISTS, buf_str(&path));
		else if (unknown)
			cli_error(cli, M_NEW_CANNOT, buf_str(&path), reason(cli, errno));
		buf_free(&path);
		if (taken || unknown)
			return 2;
	}
	return 0;
}

/* "a, b, c" of the persona ids in the workspace. Caller frees. */
static char *
persona_ids(const struct workspace *ws)
{
	struct buf list = {0};
	for (size_t i = 0; i < workspace_n_personas(ws); i++) {
		const char *id = workspace_persona_at(ws, i)->id.s;
		if (id != NULL)
			buf_printf(&list, "%s%s", list.len ? ", " : "", id);
	}
	return buf_detach(&list);
}

/* The journey's persona must exist; reports the nearest id when not. */
static int
find_persona(const struct cli *cli, const struct workspace *ws, struct new_file *nf)
{
	size_t n = workspace_n_personas(ws);
	if (n == 0) {
		cli_error(cli, M_NEW_NO_PERSONAS);
		return 2;
	}
	const struct persona *p = cli->persona_id ? workspace_persona(ws, cli->persona_id) : NULL;
	if (p != NULL) {
		nf->persona_id = p->id.s;
		bool named = p->name.s != NULL && *p->name.s != '\0' && name_usable(p->name.s);
		nf->persona_name = named ? p->name.s : p->id.s;
		return 0;
	}
	char *ids = persona_ids(ws);
	if (cli->persona_id == NULL) {
		cli_error(cli, M_NEW_NEED_PERSONA, ids);
	} else {
		const char **cands = xcalloc(n, sizeof *cands);
		for (size_t i = 0; i < n; i++) {
			const char *id = workspace_persona_at(ws, i)->id.s;
			cands[i] = id ? id : "";
		}
		long near = text_nearest(cli->persona_id, cands, n);
		if (near >= 0)
			cli_error(cli, M_NEW_UNKNOWN_PERSONA_SUGGEST, cli->persona_id, cands[near]);
		else
			cli_error(cli, M_NEW_UNKNOWN_PERSONA, cli->persona_id, ids);
		free(cands);
	}
	free(ids);
	return 2;
}

/* A new persona's id must not be taken by a persona in another file. */
static int
refuse_taken_id(const struct cli *cli, const struct workspace *ws, const struct new_file *nf)
{
	const struct persona *p = workspace_persona(ws, nf->slug);
	if (p == NULL)
		return 0;
	cli_error(cli, M_NEW_ID_TAKEN, nf->path, nf->slug, p->loc.file);
	return 2;
}

/* Loads the workspace's personas to check the --persona reference or the
 * new persona's id. Returns 0 or 2. */
static int
check_references(const struct cli *cli, struct new_file *nf)
{
	struct stat st;
	bool personas = stat(layout_folder(DOC_PERSONA), &st) == 0;
	if (!nf->journey && !personas)
		return 0; /* a first persona */
	if (nf->journey && !personas) {
		cli_error(cli, M_NEW_NO_PERSONAS);
		return 2;
	}
	struct diags diags;
	diags_init(&diags, cli->lang);
	struct workspace_options opts = {NULL, cli->limits, {{0}}};
	char *paths[] = {(char *)"."};
	int status = 0;
	char *error = NULL;
	struct workspace *ws = workspace_open(paths, 1, &opts, &diags, &error);
	if (ws == NULL) {
		fprintf(stderr, "keten: %s\n", error);
		free(error);
		status = 2;
	} else if (nf->journey) {
		status = find_persona(cli, ws, nf);
		if (status == 0) { /* the workspace goes; keep the strings */
			nf->persona_id = xstrdup(nf->persona_id);
			nf->persona_name = xstrdup(nf->persona_name);
		}
	} else {
		status = refuse_taken_id(cli, ws, nf);
	}
	workspace_close(&ws);
	diags_free(&diags);
	return status;
}

/* Writes a new file in one step: a temporary file in the same folder,
 * then a hard link to the path, which fails rather than replace a file
 * that appeared meanwhile. Where the file system has no hard links, the
 * file is created directly with O_EXCL. Returns 0, or -1 with errno. */
static int
write_new(const char *folder, const char *path, const char *data, size_t len)
{
	struct buf tmp = {0};
	buf_printf(&tmp, "%s/.keten-new-%ld.tmp", folder, (long)getpid());
	const char *tmp_path = buf_str(&tmp);
	int fd = open(tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	int saved = 0;
	if (fd < 0) {
		saved = errno;
	} else {
		if (write_fully(fd, data, len) != 0 || fsync(fd) != 0)
			saved = errno;
		if (close(fd) != 0 && saved == 0)
			saved = errno;
		if (saved == 0 && link(tmp_path, path) != 0)
			saved = errno;
		unlink(tmp_path);
	}
	buf_free(&tmp);
	if (saved == EPERM || saved == EOPNOTSUPP || saved == ENOSYS) {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0)
			return -1;
		saved = write_fully(fd, data, len) != 0 ? errno : 0;
		if (close(fd) != 0 && saved == 0)
			saved = errno;
		if (saved != 0)
			unlink(path);
	}
	errno = saved;
	return saved ? -1 : 0;
}

/* Fills the template in and writes it. Returns the exit status. */
static int
write_template(const struct cli *cli, const struct new_file *nf)
{
	struct buf text = {0};
	fill_template(nf->journey ? msg(cli->lang, M_TEMPLATE_JOURNEY) : msg(cli->lang, M_TEMPLATE_PERSONA),
		      nf, &text);
	int status = 0;
	if (write_new(nf->folder, nf->path, text.data, text.len) != 0) {
		if (errno == EEXIST)
			cli_error(cli, M_NEW_EXISTS, nf->path);
		else
			cli_error(cli, M_NEW_CANNOT, nf->path, reason(cli, errno));
		status = 2;
	} else {
		printf("%s\n", nf->path);
		if (!cli->quiet) {
			msg_fprintf(stdout, cli->lang, M_NEW_NEXT, nf->path);
			putchar('\n');
		}
	}
	buf_free(&text);
	return cli_finish_output(cli, status);
}

static void
new_file_free(struct new_file *nf)
{
	free(nf->name);
	free(nf->slug);
	free(nf->path);
	if (nf->journey) {
		free((char *)nf->persona_id);
		free((char *)nf->persona_name);
	}
}

int
cmd_new(const struct cli *cli)
{
	struct new_file nf = {0};
	int status = new_args(cli, &nf);
	if (status == 0)
		status = refuse_inside(cli);
	if (status == 0)
		status = refuse_existing(cli, &nf);
	if (status == 0)
		status = check_references(cli, &nf);
	if (status == 0)
		status = ensure_folder(cli, nf.folder);
	if (status == 0)
		status = write_template(cli, &nf);
	new_file_free(&nf);
	return status;
}
