/* replay.c - a plain driver for the fuzz harnesses without libFuzzer: feeds each file of the folders (or files) given to LLVMFuzzerTestOneInput, so that `make test` replays the regression corpus with any compiler. */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Reads a whole file; NULL (with errno) when it cannot. Caller frees. */
static uint8_t *
read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 4096, n = 0;
	uint8_t *data = malloc(cap);
	size_t got;
	while (data != NULL && (got = fread(data + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *more = realloc(data, cap *= 2);
			if (more == NULL)
				free(data);
			data = more;
		}
	}
	int failed = ferror(f);
	fclose(f);
	if (failed || data == NULL) {
		free(data);
		errno = failed ? EIO : ENOMEM;
		return NULL;
	}
	*size = n;
	return data;
}

static int
replay_file(const char *path)
{
	size_t size;
	uint8_t *data = read_file(path, &size);
	if (data == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays the visible files of a folder in name order; returns how many,
 * or -1 when the folder or one of its files cannot be read. */
static long
replay_folder(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char **more = realloc(names, (n + 1) * sizeof(char *));
		if (more == NULL || (more[n] = strdup(e->d_name)) == NULL) {
			fprintf(stderr, "replay: out of memory\n");
			exit(2);
		}
		names = more;
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(char *), compare_names);
	long done = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(len);
		if (path == NULL) {
			fprintf(stderr, "replay: out of memory\n");
			exit(2);
		}
		snprintf(path, len, "%s/%s", dir, names[i]);
		if (done >= 0)
			done = replay_file(path) == 0 ? done + 1 : -1;
		free(path);
		free(names[i]);
	}
	free(names);
	return done;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s folder-or-file...\n", argv[0]);
		return 2;
	}
	long total = 0;
	int status = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		long done = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)
			? replay_folder(argv[i])
			: replay_file(argv[i]) == 0 ? 1 : -1;
		if (done < 0)
			status = 1;
		else
			total += done;
	}
	fuzz_release();
	printf("%s: %ld inputs replayed\n", argv[0], total);
	return status;
}
