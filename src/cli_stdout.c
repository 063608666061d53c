/* cli_stdout.c - `-o -`: a command that writes one file (the report, the diagram of one journey) writes it into a private temporary folder while all it says goes to standard error; the file is then copied to standard output. */
#include "cli.h"

#include "mem.h"
#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Removes the files in the temporary folder, then the folder. */
static void
remove_folder(const char *dir)
{
	DIR *d = opendir(dir);
	if (d != NULL) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	rmdir(dir);
}

/* The name of the one visible file in dir (caller frees); NULL when there
 * is none or more than one. */
static char *
only_file(const char *dir)
{
	DIR *d = opendir(dir);
	char *found = NULL;
	size_t n = 0;
	if (d == NULL)
		return NULL;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n++ == 0)
			found = xstrdup(e->d_name);
	}
	closedir(d);
	if (n != 1) {
		free(found);
		return NULL;
	}
	return found;
}

/* Copies dir/name to the descriptor out; 0, or -1 with errno set. */
static int
copy_file(const char *dir, const char *name, int out)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return -1;
	char block[65536];
	ssize_t got;
	int status = 0;
	while ((got = read(fd, block, sizeof block)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 || write_fully(out, block, (size_t)got) != 0) {
			status = -1;
			break;
		}
	}
	int saved = errno;
	close(fd);
	errno = saved;
	return status;
}

/* Runs `run` with standard output on standard error and the output folder
 * a fresh temporary one; returns its status, and the folder in *dir. */
static int
run_aside(const struct cli *cli, int (*run)(const struct cli *), char **dir)
{
	const char *tmp = getenv("TMPDIR");
	*dir = xasprintf("%s/keten-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(*dir) == NULL) {
		cli_error(cli, M_OUT_CREATE, *dir, msg_system_error(cli->lang, errno));
		return 2;
	}
	struct cli aside = *cli;
	aside.output_dir = *dir;
	aside.quiet = true; /* "written to /tmp/..." would only puzzle */
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	if (saved < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		cli_error(cli, M_CLI_WRITE_FAILED, msg_system_error(cli->lang, errno));
		if (saved >= 0)
			close(saved);
		return 2;
	}
	int status = run(&aside);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	return status;
}

int
cli_run_to_stdout(const struct cli *cli, int (*run)(const struct cli *), const char *name)
{
	char *dir = NULL;
	int status = run_aside(cli, run, &dir);
	/* A reader that stops early (| head) must not keep the folder from
	 * being removed: a write error instead of SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	if (status < 2) {
		char *file = name ? xstrdup(name) : only_file(dir);
		if (file == NULL) {
			cli_error(cli, M_CLI_STDOUT_ONE);
			status = 2;
		} else if (copy_file(dir, file, STDOUT_FILENO) != 0) {
			cli_error(cli, M_CLI_WRITE_FAILED, msg_system_error(cli->lang, errno));
			status = 2;
		}
		free(file);
	}
	remove_folder(dir);
	free(dir);
	return status;
}
