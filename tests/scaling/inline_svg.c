/* inline_svg.c - reads an SVG document on standard input and writes it as the report puts it inline (html_inline_svg), for tests/scaling.sh to time. */
#include "html.h"
#include "mem.h"

#include <stdio.h>

int
main(void)
{
	struct buf in = {0}, out = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		buf_add(&in, chunk, n);
	html_inline_svg(&out, buf_str(&in), "j1-");
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&in);
	buf_free(&out);
	return ferror(stdout) || fclose(stdout) != 0;
}
