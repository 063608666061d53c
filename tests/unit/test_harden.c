/* test_harden.c - unit tests of the hardening fixes: the graph name that Graphviz writes into DOT and SVG as it is. */
#include "harness.h"

#include "mem.h"
#include "render_text.h"
#include "text.h"

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

TEST(text_show_controls_escapes_what_a_terminal_obeys)
{
	struct buf b = {0};
	text_show_controls(&b, "a\x1b[31mb\x07 \xE2\x80\xAE" "c\n\xC2\x9B" "d ë€", false);
	STR_EQ(buf_str(&b), "a\\x1B[31mb\\x07 \\u202Ec\\x0A\\x9Bd ë€");
	buf_clear(&b);
	text_show_controls(&b, "regel\nnog\t\xE2\x81\xA6x\xD8\x9C", true);
	STR_EQ(buf_str(&b), "regel\nnog\\x09\\u2066x\\u061C");
	buf_free(&b);
	CHECK(!text_has_controls("gewoon ë € ’ tekst"));
	CHECK(text_has_controls("a\x1b[2J"));
	CHECK(text_has_controls("\xE2\x80\xAE" "esrever"));
	CHECK(text_has_controls("x\xC2\x85"));
	CHECK(!text_has_controls(""));
}
