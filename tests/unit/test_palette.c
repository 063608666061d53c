/* test_palette.c - unit tests of the palette: impact styles, a region's tint, WCAG contrast and colour differences under colour-vision deficiencies, agreeing with tests/palette_test.py. */
#include "harness.h"

#include "mem.h"
#include "model.h"
#include "palette.h"

#include <math.h>
#include <string.h>

/* Whether got is want to within 0.05. */
static bool
near(double got, double want)
{
	return fabs(got - want) < 0.05;
}

TEST(palette_impact_levels_have_their_own_glyph)
{
	STR_EQ(impact_style_of(NULL, 1).glyph, "\xE2\x97\x8F");
	STR_EQ(impact_style_of(NULL, 2).glyph, "\xE2\x96\xB2");
	STR_EQ(impact_style_of(NULL, 3).glyph, "\xE2\xAC\xA2");
	/* Outside 1-3: the nearest level. */
	CHECK(impact_style_of(NULL, 0).fill == impact_style_of(NULL, 1).fill);
	CHECK(impact_style_of(NULL, 7).fill == impact_style_of(NULL, 3).fill);
	for (int level = 1; level <= 3; level++) {
		struct impact_style style = impact_style_of(NULL, level);
		CHECK(colour_contrast(style.fill, "#ffffff") >= CONTRAST_GRAPHIC);
		CHECK(colour_contrast(style.text, style.fill) >= CONTRAST_TEXT);
	}
}

TEST(palette_chain_gives_its_own_impact_colours)
{
	char light[] = "#1f6f8b", clear[] = "#FFD43B", severe[] = "#3d1552";
	struct text colours[3] = {{.s = light}, {.s = clear}, {.s = severe}};
	struct chain chain = {0};
	chain.impact_colours.items = colours;
	chain.impact_colours.n = 3;
	STR_EQ(impact_style_of(&chain, 1).fill, "#1f6f8b");
	STR_EQ(impact_style_of(&chain, 1).text, "#ffffff");
	/* Text is black or white, whichever contrasts more; upper case is read. */
	STR_EQ(impact_style_of(&chain, 2).text, "#000000");
	STR_EQ(impact_style_of(&chain, 2).glyph, impact_style_of(NULL, 2).glyph);
	/* The report's badges take them too. */
	struct buf css = {0};
	palette_css(&css, &chain);
	CHECK(strstr(buf_str(&css), ".impact-2{background:#FFD43B;color:#000000}") != NULL);
	buf_free(&css);
	/* A colour that is not #rrggbb: the palette's, all three. */
	char wrong[] = "red";
	colours[2].s = wrong;
	STR_EQ(impact_style_of(&chain, 1).fill, impact_style_of(NULL, 1).fill);
	/* Not three: the palette's. */
	colours[2].s = severe;
	chain.impact_colours.n = 2;
	STR_EQ(impact_style_of(&chain, 1).fill, impact_style_of(NULL, 1).fill);
}

TEST(palette_contrast_and_differences_agree_with_the_python_test)
{
	/* palette_test.py: the old yellow 1.43:1; impact 1 and 2 under
	 * deuteranopia dE76 21.6; the old level and relapse under protanopia 2.1. */
	CHECK(near(colour_contrast("#ffd43b", "#ffffff"), 1.43));
	CHECK(near(colour_contrast("#ffffff", "#ffd43b"), 1.43));
	CHECK(near(colour_contrast("#000000", "#ffffff"), 21.0));
	CHECK(near(colour_difference("#b8860b", "#a8320a", VISION_DEUTERANOPIA), 21.6));
	CHECK(near(colour_difference("#495057", "#c2255c", VISION_PROTANOPIA), 2.1));
	double difference;
	INT_EQ(colour_hardest_vision("#1f6f8b", "#2a7a95", &difference), VISION_DEUTERANOPIA);
	CHECK(difference < MIN_COLOUR_DIFFERENCE);
}

TEST(palette_region_colour_gives_a_tint)
{
	struct tint t = tint_from_colour("#1f6f8b");
	STR_EQ(t.dark, "#1f6f8b");
	STR_EQ(t.strong, "#bcd4dc");
	STR_EQ(t.band, "#e4eef1");
	CHECK(colour_is_hex("#1F6f8b"));
	CHECK(!colour_is_hex("blauw"));
	CHECK(!colour_is_hex("#12345"));
	CHECK(!colour_is_hex("#1234567"));
	CHECK(!colour_is_hex("#12345g"));
	CHECK(!colour_is_hex(NULL));
}
