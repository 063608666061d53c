/* outdir.c - output folder safety (no source folder, no input replaced), atomic writes, and temporary files that never outlive a run. */
#include "outdir.h"

#include "layout.h"
#include "mem.h"
#include "path.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* --- paths --- */

/* Appends component `name` to the absolute path in *resolved. */
static void
resolve_step(char **resolved, const char *name, size_t len)
{
	if (len == 0 || (len == 1 && name[0] == '.'))
		return;
	char *cur = *resolved;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		char *slash = strrchr(cur, '/');
		if (slash == cur)
			slash[1] = '\0';
		else if (slash != NULL)
			*slash = '\0';
		return;
	}
	char *next = xasprintf("%s%s%.*s", cur, strcmp(cur, "/") == 0 ? "" : "/", (int)len, name);
	struct stat st;
	char *real = lstat(next, &st) == 0 ? realpath(next, NULL) : NULL;
	if (real != NULL) {
		free(next);
		next = xstrdup(real);
		free(real);
	}
	free(cur);
	*resolved = next;
}

/* The current folder, or NULL. Caller frees. */
static char *
current_folder(void)
{
	for (size_t size = 256; size <= (1u << 20); size *= 2) {
		char *cwd = xmalloc(size);
		if (getcwd(cwd, size) != NULL)
			return cwd;
		free(cwd);
		if (errno != ERANGE)
			return NULL;
	}
	return NULL;
}

char *
path_resolve(const char *path)
{
	char *resolved;
	if (path[0] == '/') {
		resolved = xstrdup("/");
	} else if ((resolved = current_folder()) == NULL) {
		return NULL;
	}
	const char *p = path;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		resolve_step(&resolved, p, len);
		p += len + (slash ? 1 : 0);
	}
	return resolved;
}

/* --- source folders --- */

static const enum doc_kind workspace_parts[] = {DOC_PERSONA, DOC_JOURNEY, DOC_CHAIN};

static void
add_source(struct source_folders *s, const char *shown, bool plain)
{
	char *path = path_resolve(shown);
	if (path == NULL)
		return;
	s->items = xgrow(s->items, s->n, &s->cap, sizeof(*s->items));
	s->items[s->n++] = (struct source_folder){path, xstrdup(shown), plain};
}

static void
add_workspace(struct source_folders *s, const char *root)
{
	for (size_t i = 0; i < 3; i++) {
		char *part = layout_path(root, workspace_parts[i]);
		add_source(s, part, false);
		free(part);
	}
}

void
source_folders_add_file(struct source_folders *s, const char *path)
{
	struct stat st, dir_st;
	char *real = realpath(path, NULL);
	char *dir = path_dir(path); /* the folder of the name: a link in it is replaced */
	char *folder = path_resolve(dir);
	free(dir);
	if (real == NULL || folder == NULL || stat(real, &st) != 0 || stat(folder, &dir_st) != 0) {
		free(real); /* a file that is not there cannot be replaced */
		free(folder);
		return;
	}
	s->files = xgrow(s->files, s->n_files, &s->cap_files, sizeof(*s->files));
	s->files[s->n_files++] = (struct source_file){real, folder, xstrdup(path), st.st_dev,
						      st.st_ino, dir_st.st_dev, dir_st.st_ino};
}

static void
add_path(struct source_folders *s, const char *path)
{
	if (path_is_folder(path)) {
		if (layout_is_workspace(path))
			add_workspace(s, path);
		else
			add_source(s, path, true);
		return;
	}
	source_folders_add_file(s, path);
	if (layout_kind_of_file(path) != DOC_UNKNOWN) {
		char *dir = path_dir(path);
		char *root = path_dir(dir);
		add_workspace(s, root);
		free(root);
		free(dir);
	}
}

void
source_folders_add(struct source_folders *s, char *const *paths, size_t n_paths)
{
	if (n_paths == 0)
		add_path(s, ".");
	for (size_t i = 0; i < n_paths; i++)
		add_path(s, paths[i]);
}

void
source_folders_free(struct source_folders *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].path);
		free(s->items[i].shown);
	}
	free(s->items);
	for (size_t i = 0; i < s->n_files; i++) {
		free(s->files[i].path);
		free(s->files[i].folder);
		free(s->files[i].shown);
	}
	free(s->files);
	memset(s, 0, sizeof(*s));
}

/* The source folder the output folder would lie in, or NULL. */
static const struct source_folder *
source_containing(const struct source_folders *s, const char *real)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct source_folder *f = &s->items[i];
		if (!path_within(real, f->path))
			continue;
		if (f->plain && strcmp(real, f->path) != 0) {
			char *skipped = path_join(f->path, "output");
			bool allowed = path_within(real, skipped);
			free(skipped);
			if (allowed)
				continue;
		}
		return f;
	}
	return NULL;
}

/* --- temporary files: removed on the way out --- */

/*
 * A temporary file lives from its creation until it is renamed into place
 * or removed. While it lives its name is registered here, so that a signal
 * that ends the process (Ctrl-C, SIGTERM, SIGHUP, SIGXFSZ on a file too
 * large) removes it first: the handler only reads this table and calls
 * unlinkat, both safe in a signal handler, then lets the signal end the
 * process as it would have. A slot is filled before it is marked used and
 * marked free before it is reused. When the table is full a file goes
 * unregistered; the next run in that folder removes it (sweep_temporaries).
 */
enum { MAX_TEMPS = 64, TEMP_NAME = 256 };

static struct temp_slot {
	volatile sig_atomic_t used;
	int dirfd;
	char name[TEMP_NAME];
} temps[MAX_TEMPS];
static pthread_mutex_t temps_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t temps_once = PTHREAD_ONCE_INIT;
static const int temp_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};

void
outdir_remove_temporaries(void)
{
	for (size_t i = 0; i < MAX_TEMPS; i++)
		if (temps[i].used)
			unlinkat(temps[i].dirfd, temps[i].name, 0);
}

static void
on_fatal_signal(int sig)
{
	int saved = errno;
	outdir_remove_temporaries();
	errno = saved;
	raise(sig); /* SA_RESETHAND: the default action, once this returns */
}

/* Handles the signals that end a process, where nobody else does: one
 * ignored or caught already (by `watch`) is left alone. */
static void
install_temp_handlers(void)
{
	struct sigaction act = {0}, old;
	act.sa_handler = on_fatal_signal;
	act.sa_flags = SA_RESETHAND;
	sigemptyset(&act.sa_mask);
	for (size_t i = 0; i < sizeof temp_signals / sizeof temp_signals[0]; i++)
		if (sigaction(temp_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
			sigaction(temp_signals[i], &act, NULL);
}

/* Registers a temporary name; the slot, or -1 when the table is full. */
static int
temp_register(int dirfd, const char *name)
{
	pthread_once(&temps_once, install_temp_handlers);
	int slot = -1;
	pthread_mutex_lock(&temps_lock);
	for (int i = 0; i < MAX_TEMPS && slot < 0; i++)
		if (!temps[i].used)
			slot = i;
	if (slot >= 0) {
		temps[slot].dirfd = dirfd;
		snprintf(temps[slot].name, TEMP_NAME, "%s", name);
		temps[slot].used = 1;
	}
	pthread_mutex_unlock(&temps_lock);
	return slot;
}

static void
temp_release(int slot)
{
	if (slot >= 0)
		temps[slot].used = 0;
}

/* True for a name of ours: ".NAME.PID.N.tmp", with PID and N in digits;
 * *pid is set to PID. */
static bool
temp_name_of_ours(const char *name, long *pid)
{
	size_t len = strlen(name);
	if (name[0] != '.' || len < 9 || strcmp(name + len - 4, ".tmp") != 0)
		return false;
	const char *end = name + len - 4, *p = end;
	int fields = 0;
	const char *digits_start[2] = {NULL, NULL};
	while (fields < 2) {
		const char *q = p;
		while (q > name && q[-1] >= '0' && q[-1] <= '9')
			q--;
		if (q == p || q <= name + 1 || q[-1] != '.')
			return false;
		digits_start[fields++] = q;
		p = q - 1;
	}
	*pid = strtol(digits_start[1], NULL, 10);
	return p > name + 1; /* a NAME of at least one byte before it */
}

/* Removes the temporary files of ours that an earlier run in this folder
 * left behind (it was killed with no time to clean up): older than this
 * run, of a process that is gone or is this one. Files of a run still
 * going on in the same folder are left alone. */
static void
sweep_temporaries(int dirfd, const struct timespec *started)
{
	int fd = dup(dirfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (d == NULL) {
		if (fd >= 0)
			close(fd);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		long pid;
		struct stat st;
		if (!temp_name_of_ours(e->d_name, &pid) ||
		    fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			continue;
		bool older = st.st_mtim.tv_sec < started->tv_sec ||
			     (st.st_mtim.tv_sec == started->tv_sec && st.st_mtim.tv_nsec < started->tv_nsec);
		bool gone = pid == (long)getpid() || pid <= 0 ||
			    (kill((pid_t)pid, 0) != 0 && errno == ESRCH);
		if (older && gone)
			unlinkat(dirfd, e->d_name, 0);
	}
	closedir(d);
}

/* --- inputs --- */

/* The input file named one by one that the folder (file false) or the
 * file (file true) at the physical path `real` would overwrite: the same
 * folder or file by path or by device and inode. NULL when none. */
static const struct source_file *
input_at(const struct source_folders *s, const char *real, bool file)
{
	struct stat st;
	bool known = stat(real, &st) == 0;
	for (size_t i = 0; i < s->n_files; i++) {
		const struct source_file *f = &s->files[i];
		const char *path = file ? f->path : f->folder;
		dev_t dev = file ? f->dev : f->folder_dev;
		ino_t ino = file ? f->ino : f->folder_ino;
		if (strcmp(real, path) == 0 || (known && st.st_dev == dev && st.st_ino == ino))
			return f;
	}
	return NULL;
}

/* --- the output folder --- */

/* Creates path and its missing parents. */
static int
make_folders(const char *path)
{
	if (path_is_folder(path))
		return 0;
	char *parent = path_dir(path);
	int status = strcmp(parent, path) == 0 ? 0 : make_folders(parent);
	free(parent);
	if (status != 0)
		return -1;
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

static int
check_path(const char *path, const struct source_folders *sources, enum lang lang,
	   char **error, bool file)
{
	char *real = path_resolve(path);
	if (real == NULL) {
		*error = msg_xasprintf(lang, M_OUT_NO_CWD, msg_system_error(lang, errno));
		return -1;
	}
	const struct source_folder *f = source_containing(sources, real);
	const struct source_file *input = f == NULL ? input_at(sources, real, file) : NULL;
	if (f != NULL && file)
		*error = msg_xasprintf(lang, M_OUT_FILE_IN_SOURCE, path, f->shown);
	else if (f != NULL)
		*error = strcmp(real, f->path) == 0
			? msg_xasprintf(lang, M_OUT_IS_SOURCE, path)
			: msg_xasprintf(lang, M_OUT_IN_SOURCE, path, f->shown);
	else if (input != NULL && file)
		*error = msg_xasprintf(lang, M_OUT_FILE_IS_INPUT, path);
	else if (input != NULL)
		*error = msg_xasprintf(lang, M_OUT_HOLDS_INPUT, path, input->shown);
	free(real);
	return f != NULL || input != NULL ? -1 : 0;
}

int
outdir_check(const char *path, const struct source_folders *sources, enum lang lang,
	     char **error)
{
	return check_path(path, sources, lang, error, false);
}

int
outdir_check_file(const char *path, const struct source_folders *sources, enum lang lang,
		  char **error)
{
	return check_path(path, sources, lang, error, true);
}

int
outdir_open(struct outdir *out, const char *path, const struct source_folders *sources,
	    enum lang lang, char **error)
{
	memset(out, 0, sizeof(*out));
	out->fd = -1;
	out->lang = lang;
	*error = NULL;
	if (outdir_check(path, sources, lang, error) != 0)
		return -1;
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode)) {
		*error = msg_xasprintf(lang, M_OUT_NOT_FOLDER, path);
		return -1;
	}
	if (make_folders(path) != 0) {
		*error = msg_xasprintf(lang, M_OUT_CREATE, path, msg_system_error(lang, errno));
		return -1;
	}
	/* Once more, now that links in the new path can be resolved. */
	if (outdir_check(path, sources, lang, error) != 0)
		return -1;
	struct timespec started;
	clock_gettime(CLOCK_REALTIME, &started);
	out->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (out->fd < 0) {
		*error = msg_xasprintf(lang, M_OUT_OPEN, path, msg_system_error(lang, errno));
		return -1;
	}
	sweep_temporaries(out->fd, &started);
	out->path = xstrdup(path);
	return 0;
}

void
outdir_close(struct outdir *out)
{
	if (out->fd >= 0)
		close(out->fd);
	free(out->path);
	memset(out, 0, sizeof(*out));
	out->fd = -1;
}

static bool
plain_name(const char *name)
{
	return name[0] != '\0' && name[0] != '.' && strchr(name, '/') == NULL;
}

int
write_fully(int fd, const void *bytes, size_t len)
{
	const char *data = bytes;
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Writes the temporary file and renames it to name, both relative to dirfd. */
static int
write_in(int dirfd, const char *name, unsigned long *n_temp, const void *data, size_t len)
{
	char temp[256];
	int fd = -1;
	for (int tries = 0; fd < 0 && tries < 100; tries++) {
		snprintf(temp, sizeof temp, ".%.200s.%ld.%lu.tmp", name, (long)getpid(), (*n_temp)++);
		fd = openat(dirfd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			return -1;
	}
	if (fd < 0)
		return -1;
	int slot = temp_register(dirfd, temp);
	int status = write_fully(fd, data, len);
	int saved = errno;
	if (close(fd) != 0 && status == 0) {
		status = -1;
		saved = errno;
	}
	if (status == 0 && renameat(dirfd, temp, dirfd, name) != 0) {
		status = -1;
		saved = errno;
	}
	if (status != 0) {
		unlinkat(dirfd, temp, 0);
		errno = saved;
	}
	temp_release(slot);
	return status;
}

static char *
write_error(enum lang lang, const char *dir, const char *name)
{
	char *path = path_join(dir, name);
	char *error = msg_xasprintf(lang, M_OUT_WRITE, path, msg_system_error(lang, errno));
	free(path);
	return error;
}

int
outdir_write(struct outdir *out, const char *name, const void *data, size_t len,
	     char **error)
{
	*error = NULL;
	if (!plain_name(name)) {
		*error = msg_xasprintf(out->lang, M_OUT_BAD_NAME, name);
		return -1;
	}
	if (write_in(out->fd, name, &out->n_temp, data, len) != 0) {
		*error = write_error(out->lang, out->path, name);
		return -1;
	}
	return 0;
}

int
write_file_atomic(const char *path, const void *data, size_t len, enum lang lang,
		  char **error)
{
	*error = NULL;
	char *dir = path_dir(path);
	const char *name = path_base(path);
	int status = -1;
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	unsigned long n_temp = 0;
	if (dirfd >= 0 && plain_name(name))
		status = write_in(dirfd, name, &n_temp, data, len);
	else if (dirfd >= 0)
		errno = EINVAL;
	if (status != 0)
		*error = msg_xasprintf(lang, M_OUT_WRITE, path, msg_system_error(lang, errno));
	if (dirfd >= 0)
		close(dirfd);
	free(dir);
	return status;
}
