/* parse.c - parses Markdown files with libcmark alone, the yardstick `make bench` compares keten's check with. */
/*
 * Usage: parse FILE...
 * Reads each file and parses it with cmark_parse_document (the options
 * keten's reader uses, CMARK_OPT_DEFAULT), then frees the tree: the part of
 * `keten check` that is libcmark's, with nothing of keten around it.
 * Prints the number of files parsed.
 */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>

static int
parse_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	char buffer[65536];
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	size_t n;
	while ((n = fread(buffer, 1, sizeof buffer, f)) > 0)
		cmark_parser_feed(parser, buffer, n);
	fclose(f);
	cmark_node *root = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	if (!root)
		return -1;
	cmark_node_free(root);
	return 0;
}

int
main(int argc, char **argv)
{
	int parsed = 0;
	for (int i = 1; i < argc; i++)
		if (parse_file(argv[i]) == 0)
			parsed++;
	printf("%d files parsed\n", parsed);
	return parsed == argc - 1 ? 0 : 1;
}
