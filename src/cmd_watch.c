/* cmd_watch.c - `keten watch`: run the main job, then again after each change to a source file (inotify), until interrupted. */
#include "cli.h"

/* Only Linux has inotify: elsewhere `keten watch` says that it needs Linux,
 * and nothing else in keten does. */
#ifdef __linux__

#include "layout.h"
#include "mem.h"
#include "path.h"
#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

/* A change is followed by this much quiet before the run starts, and the
 * run starts at most this long after the change, however busy the editor. */
#define SETTLE_QUIET_MS 150
#define SETTLE_MAX_MS 700
/* Folders below a source folder are followed this deep, no deeper. */
#define MAX_FOLDER_DEPTH 16

#define DIR_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | \
		    IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

/* A place to follow: a source folder with the folders below it, or a
 * file (given on the command line, or --chain). Either is followed
 * through the folder it is in until it exists. */
struct target {
	char *path;
	bool folder;
};

/* A folder inotify follows. */
struct watched {
	int wd;
	char *path;          /* as shown to the user */
	const char *only;    /* from its target */
};

struct watcher {
	const struct cli *cli;
	struct target *targets;
	size_t n_targets, cap_targets;
	char *output_real;   /* the output folder, never followed */
	int fd;              /* inotify, or -1 */
	struct watched *dirs;
	size_t n_dirs, cap_dirs;
	bool warned;         /* a folder could not be followed (said once) */
	bool failed;         /* inotify failed: the watch ends with status 2 */
};

/* What a batch of events asks for. */
struct change {
	bool run, rebuild;
	char *first;         /* the first file changed, for the status line */
	size_t n_more;
};

static volatile sig_atomic_t stop_signal;

/* The first Ctrl-C lets the run finish and then stops; a second one
 * during a run stops at once. */
static void
on_stop(int sig)
{
	if (stop_signal) {
		outdir_remove_temporaries();
		signal(sig, SIG_DFL);
		raise(sig);
	}
	stop_signal = sig;
}

/* --- time and status lines --- */

static long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
clock_text(char *out, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, size, "%H:%M:%S", &tm);
}

/* Prints one status line, "[12:03:04] ...", and flushes; on standard
 * error when standard output carries JSON, which it would spoil. */
static void
(status_line)(const struct cli *cli, enum msg m, ...)
{
	FILE *out = cli->format == OUTPUT_JSON ? stderr : stdout;
	char clock[16];
	clock_text(clock, sizeof clock);
	fprintf(out, "[%s] ", clock);
	va_list ap;
	va_start(ap, m);
	msg_vfprintf_shown(out, cli->lang, m, ap); /* file names escaped */
	va_end(ap);
	fputc('\n', out);
	fflush(out);
}
/* The message's arguments checked at compile time (catalog.h). */
#define status_line(cli, ...) (MSG_CHECK(__VA_ARGS__), (status_line)(cli, __VA_ARGS__))

/* --- what to follow --- */

static void
add_target(struct watcher *w, const char *path, bool folder)
{
	w->targets = xgrow(w->targets, w->n_targets, &w->cap_targets, sizeof(*w->targets));
	w->targets[w->n_targets++] = (struct target){xstrdup(path), folder};
}

/* A journeys/ folder given alone: its journeys read the personas and
 * chain models beside it, so those are followed too. */
static void
add_siblings(struct watcher *w, const char *folder)
{
	size_t len = strlen(folder);
	while (len > 1 && folder[len - 1] == '/')
		len--;
	size_t base = len;
	while (base > 0 && folder[base - 1] != '/')
		base--;
	char *name = xasprintf("%.*s", (int)(len - base), folder + base);
	enum doc_kind kind = layout_kind_of_folder(name);
	free(name);
	if (kind != DOC_JOURNEY)
		return;
	char *personas = xasprintf("%.*s%s", (int)base, folder, layout_folder(DOC_PERSONA));
	char *chains = xasprintf("%.*s%s", (int)base, folder, layout_folder(DOC_CHAIN));
	add_target(w, personas, true);
	add_target(w, chains, true);
	free(personas);
	free(chains);
}

/* The folders the main job reads (as the output check sees them), the
 * files given outside them, and the --chain file. */
static void
collect_targets(struct watcher *w, const struct source_folders *sources)
{
	const struct cli *cli = w->cli;
	for (size_t i = 0; i < sources->n; i++)
		add_target(w, sources->items[i].shown, true);
	for (size_t i = 0; i < cli->n_args; i++)
		if (!path_is_folder(cli->args[i]))
			add_target(w, cli->args[i], false);
		else
			add_siblings(w, cli->args[i]);
	if (cli->chain_path != NULL)
		add_target(w, cli->chain_path, false);
}

/* --- inotify --- */

static bool
is_output(const struct watcher *w, const char *path)
{
	char *real = path_resolve(path);
	size_t len = w->output_real ? strlen(w->output_real) : 0;
	bool inside = real != NULL && len > 0 && path_within(real, w->output_real);
	free(real);
	return inside;
}

static void
add_watch(struct watcher *w, const char *path, const char *only, uint32_t flags)
{
	int wd = inotify_add_watch(w->fd, path, DIR_EVENTS | IN_ONLYDIR | flags);
	if (wd < 0) {
		if (!w->warned)
			cli_error(w->cli, M_WATCH_ADD, path, msg_system_error(w->cli->lang, errno));
		w->warned = true;
		return;
	}
	w->dirs = xgrow(w->dirs, w->n_dirs, &w->cap_dirs, sizeof(*w->dirs));
	w->dirs[w->n_dirs++] = (struct watched){wd, xstrdup(path), only};
}

/* Follows a folder and the folders below it, except the output folder,
 * hidden folders and symbolic links. */
static void
add_tree(struct watcher *w, const char *path, int depth)
{
	if (is_output(w, path))
		return;
	add_watch(w, path, NULL, depth > 0 ? IN_DONT_FOLLOW : 0);
	DIR *dir = depth < MAX_FOLDER_DEPTH ? opendir(path) : NULL;
	if (dir == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *sub = xasprintf("%s/%s", path, e->d_name);
		if (path_is_real_folder(sub))
			add_tree(w, sub, depth + 1);
		free(sub);
	}
	closedir(dir);
}

static void
drop_watches(struct watcher *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	for (size_t i = 0; i < w->n_dirs; i++)
		free(w->dirs[i].path);
	w->n_dirs = 0;
}

/* (Re)builds every watch from the targets. Returns 0, or -1 when inotify
 * is not available. */
static int
build_watches(struct watcher *w)
{
	drop_watches(w);
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0) {
		cli_error(w->cli, M_WATCH_INOTIFY, msg_system_error(w->cli->lang, errno));
		return -1;
	}
	for (size_t i = 0; i < w->n_targets; i++) {
		const struct target *t = &w->targets[i];
		if (t->folder && path_is_folder(t->path)) {
			add_tree(w, t->path, 0);
			continue;
		}
		/* Its folder, for this one name. */
		char *parent = path_dir(t->path);
		if (path_is_folder(parent))
			add_watch(w, parent, path_base(t->path), 0);
		free(parent);
	}
	return 0;
}

/* --- events --- */

static bool
is_source_name(const char *name)
{
	size_t len = strlen(name);
	if (name[0] == '.')
		return false;
	return (len > 3 && strcmp(name + len - 3, ".md") == 0) ||
	       (len > 5 && strcmp(name + len - 5, ".json") == 0);
}

static const struct watched *
find_watched(const struct watcher *w, int wd)
{
	for (size_t i = 0; i < w->n_dirs; i++)
		if (w->dirs[i].wd == wd)
			return &w->dirs[i];
	return NULL;
}

static void
note_file(struct change *ch, const struct watched *d, const char *name)
{
	ch->run = true;
	if (ch->first == NULL)
		ch->first = xasprintf("%s/%s", d->path, name);
	else if (strcmp(path_base(ch->first), name) != 0)
		ch->n_more++;
}

/* Sorts one event into the change. */
static void
classify(const struct watcher *w, const struct inotify_event *ev, struct change *ch)
{
	if (ev->mask & (IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
		ch->run = ch->rebuild = true;
		return;
	}
	const struct watched *d = find_watched(w, ev->wd);
	if (d == NULL || ev->len == 0)
		return;
	const char *name = ev->name;
	if (d->only != NULL && strcmp(name, d->only) != 0)
		return;
	if (ev->mask & IN_ISDIR) {
		if (name[0] != '.') {
			note_file(ch, d, name);
			ch->rebuild = true;
		}
		return;
	}
	if (d->only != NULL || is_source_name(name))
		note_file(ch, d, name);
}

/* Reads the events waiting. */
static void
read_events(const struct watcher *w, struct change *ch)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n <= 0)
			return; /* EAGAIN: all read; EINTR: the loop looks again */
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;
			classify(w, ev, ch);
			p += sizeof(*ev) + ev->len;
		}
	}
}

/* Waits for an event, a signal or the timeout (ms, -1 for none) with the
 * stop signals let through only here. 1: events; 0: timeout or signal. */
static int
wait_events(const struct watcher *w, long timeout_ms, const sigset_t *open_mask)
{
	fd_set readable;
	FD_ZERO(&readable);
	FD_SET(w->fd, &readable);
	struct timespec ts = {timeout_ms / 1000, (timeout_ms % 1000) * 1000000};
	int n = pselect(w->fd + 1, &readable, NULL, NULL, timeout_ms < 0 ? NULL : &ts,
			open_mask);
	return n > 0 ? 1 : 0;
}

/* After the first event: waits for quiet, so that an editor's save (a
 * temporary file, a rename, a change of mode) makes one run. */
static void
settle(const struct watcher *w, struct change *ch, const sigset_t *open_mask)
{
	long start = now_ms();
	while (!stop_signal) {
		long left = SETTLE_MAX_MS - (now_ms() - start);
		if (left <= 0)
			return;
		long wait = left < SETTLE_QUIET_MS ? left : SETTLE_QUIET_MS;
		if (wait_events(w, wait, open_mask) == 0)
			return;
		read_events(w, ch);
	}
}

/* --- the runs --- */

static void
run_main_job(const struct watcher *w, const sigset_t *open_mask, const sigset_t *stop_mask)
{
	long start = now_ms();
	sigprocmask(SIG_SETMASK, open_mask, NULL); /* Ctrl-C twice stops a long run */
	int status = cmd_main(w->cli);
	sigprocmask(SIG_BLOCK, stop_mask, NULL);
	long ms = now_ms() - start, seconds = ms / 1000, tenths = (ms % 1000) / 100;
	if (status == 0)
		status_line(w->cli, M_WATCH_DONE_0, seconds, tenths);
	else if (status == 1)
		status_line(w->cli, M_WATCH_DONE_1, seconds, tenths);
	else
		status_line(w->cli, M_WATCH_DONE_2, seconds, tenths);
}

static void
announce_change(const struct watcher *w, const struct change *ch)
{
	if (ch->first == NULL)
		return;
	if (ch->n_more > 0)
		status_line(w->cli, M_WATCH_CHANGED_MORE, ch->first, ch->n_more);
	else
		status_line(w->cli, M_WATCH_CHANGED, ch->first);
}

/* Runs, then runs again after each change, until a stop signal. */
static void
watch_loop(struct watcher *w, const sigset_t *open_mask, const sigset_t *stop_mask)
{
	run_main_job(w, open_mask, stop_mask);
	while (!stop_signal) {
		struct change ch = {0};
		if (wait_events(w, -1, open_mask) > 0)
			read_events(w, &ch);
		if (ch.run && !stop_signal)
			settle(w, &ch, open_mask);
		if (ch.run && !stop_signal) {
			if (ch.rebuild && build_watches(w) != 0) {
				w->failed = true;
				break;
			}
			announce_change(w, &ch);
			run_main_job(w, open_mask, stop_mask);
		}
		free(ch.first);
	}
}

/* --- setting up --- */

/* "personas, journeys, chains" of the targets, for the first line. */
static char *
targets_text(const struct watcher *w)
{
	struct buf b = {0};
	for (size_t i = 0; i < w->n_targets; i++) {
		const struct target *t = &w->targets[i];
		buf_printf(&b, "%s%s%s", i ? ", " : "", t->path, t->folder ? "/" : "");
	}
	return buf_detach(&b);
}

/* The output folder must not be a source folder: refused here once
 * rather than at every run. Returns 0 or 2. */
static int
watch_prepare(struct watcher *w)
{
	struct source_folders sources = {0};
	cli_source_folders(w->cli, &sources);
	char *error = NULL;
	int status = 0;
	if (outdir_check(w->cli->output_dir, &sources, w->cli->lang, &error) != 0) {
		fprintf(stderr, "keten: %s\n", error);
		status = 2;
	} else {
		w->output_real = path_resolve(w->cli->output_dir);
		collect_targets(w, &sources);
		if (build_watches(w) != 0)
			status = 2;
		else if (w->n_dirs == 0) {
			cli_error(w->cli, M_WATCH_NOTHING);
			status = 2;
		}
	}
	free(error);
	source_folders_free(&sources);
	return status;
}

static void
watcher_free(struct watcher *w)
{
	drop_watches(w);
	free(w->dirs);
	for (size_t i = 0; i < w->n_targets; i++) {
		free(w->targets[i].path);
	}
	free(w->targets);
	free(w->output_real);
}

int
cmd_watch(const struct cli *cli)
{
	struct watcher w = {.cli = cli, .fd = -1};
	sigset_t stop_mask, open_mask, old_mask;
	sigemptyset(&stop_mask);
	sigaddset(&stop_mask, SIGINT);
	sigaddset(&stop_mask, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop_mask, &old_mask);
	open_mask = old_mask;
	sigdelset(&open_mask, SIGINT);
	sigdelset(&open_mask, SIGTERM);
	struct sigaction act = {0}, old_int, old_term;
	act.sa_handler = on_stop;
	act.sa_flags = SA_RESTART; /* the main job's own calls carry on */
	sigaction(SIGINT, &act, &old_int);
	sigaction(SIGTERM, &act, &old_term);
	stop_signal = 0;
	int status = watch_prepare(&w);
	if (status == 0) {
		char *what = targets_text(&w);
		status_line(cli, M_WATCH_START, what);
		free(what);
		watch_loop(&w, &open_mask, &stop_mask);
		if (w.failed)
			status = 2;
		else
			status_line(cli, M_WATCH_STOPPED);
	}
	watcher_free(&w);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return cli_finish_output(cli, status);
}

#else /* no inotify */

int
cmd_watch(const struct cli *cli)
{
	cli_error(cli, M_WATCH_NEEDS_LINUX);
	return 2;
}

#endif
