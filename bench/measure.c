/* measure.c - runs one command and prints its wall time, peak memory and exit status, for bench.py. */
/*
 * Usage: measure LOG COMMAND [ARGUMENT...]
 * Runs COMMAND with standard output and standard error in LOG and prints
 * one line: "<wall seconds> <peak resident KiB> <exit status> <CPU seconds>"
 * (CPU is user plus system time of all its threads).
 *
 * Why not measure from Python: Linux counts the peak memory of the process
 * before exec into ru_maxrss, so a child forked from Python starts with
 * Python's own size. This small process forks COMMAND itself, so the floor
 * is its own size (about a megabyte), far below keten's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child: output to the log, then the command. */
static void
exec_command(const char *log, char **argv)
{
	int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0) {
		fprintf(stderr, "measure: %s: %s\n", log, strerror(errno));
		_exit(127);
	}
	close(fd);
	execvp(argv[0], argv);
	fprintf(stderr, "measure: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: measure LOG COMMAND [ARGUMENT...]\n");
		return 2;
	}
	double start = now();
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "measure: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0)
		exec_command(argv[1], argv + 2);
	int status;
	struct rusage usage;
	while (wait4(pid, &status, 0, &usage) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "measure: wait4: %s\n", strerror(errno));
			return 2;
		}
	}
	double seconds = now() - start;
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	double cpu = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
		     (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
	printf("%.6f %ld %d %.6f\n", seconds, usage.ru_maxrss, code, cpu);
	return 0;
}
