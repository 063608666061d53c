/* test_harden.c - unit tests of the hardening fixes: the graph name that Graphviz writes into DOT and SVG as it is. */
#include "harness.h"

#include "render_text.h"

#include <stdlib.h>
#include <string.h>

TEST(esc_graph_name_keeps_dot_and_svg_readable)
{
	char *s = esc_graph_name("a & b &nbsp; &e;", 100);
	STR_EQ(s, "a &amp; b &amp;nbsp; &amp;e;");
	free(s);
	s = esc_graph_name("eind\\", 100);
	STR_EQ(s, "eind\\\\");
	free(s);
	s = esc_graph_name("a\\\"b \\N", 100);
	STR_EQ(s, "a\\\\\"b \\\\N");
	free(s);
	s = esc_graph_name("\xE2\x80\xAE\x01 x\ty ", 100);
	STR_EQ(s, "x y");
	free(s);
	s = esc_graph_name(NULL, 10);
	STR_EQ(s, "");
	free(s);
	s = esc_graph_name("bel 06-12345678", 100);
	CHECK(strstr(s, "12345678") == NULL);
	free(s);
}
