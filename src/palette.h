/* palette.h - the colours and impact shapes of every picture, read from the one table src/palette.def. Included by: chain.c, map_draw.c, pathway_labels.h, pathway.c, overview_render.c, compare_out.c, report.c, report_page.c, tests/unit/. */
#ifndef KETEN_PALETTE_H
#define KETEN_PALETTE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct chain;

/* The named colours of palette.def, as COLOUR_<name>. */
enum colour {
#define COLOUR(name, hex) COLOUR_##name,
#define IMPACT(level, fill, text, glyph, shape)
#define TINT(band, strong, dark)
#define GREY_TINT(band, strong, dark)
#include "palette.def"
#undef COLOUR
#undef IMPACT
#undef TINT
#undef GREY_TINT
	COLOUR__MAX
};

/* "#rrggbb" of a named colour. */
const char *colour_hex(enum colour c);

/* How an impact level is shown: its fill, the text written on it, and its
 * glyph (●, ▲, ⬢), so that impact never rests on colour alone. The strings
 * are palette.def's or the chain model's: they live as long as the chain. */
struct impact_style {
	const char *fill;
	const char *text;
	const char *glyph;
	const char *shape;
};

/* The style of impact 1-3 (an impact outside is taken as the nearest) in
 * the pictures of a chain: the fill is the chain model's own
 * "impact_colours" when it gives three colours "#rrggbb", the text on it
 * then black or white, whichever contrasts more; else both are
 * palette.def's, as for chain NULL. Glyph and shape are palette.def's for
 * every chain. */
struct impact_style impact_style_of(const struct chain *chain, int impact);

/* The number of impact levels (palette.def's IMPACT lines, and the length
 * of a chain model's "impact_colours"). */
#define IMPACT_LEVELS 3

/* The colours of a domain's lane: the band, the header and card title, and
 * the border (the lane's edge); "#rrggbb", held in the value itself. */
struct tint {
	char band[8];
	char strong[8];
	char dark[8];
};

/* The tint of the i-th domain of a chain (the tints repeat after the last),
 * and the grey one of a position outside the chain. */
struct tint domain_tint(size_t i);
struct tint grey_tint(void);

/* A region's own colour for a domain (the chain model's "colour"): the
 * edge as given, the band and the header mixed from it with white. */
struct tint tint_from_colour(const char *hex);

/* Black or white, whichever contrasts more with fill ("#rrggbb"). */
const char *colour_text_on(const char *fill);

/* Whether s is a colour as the chain model writes it: "#rrggbb". */
bool colour_is_hex(const char *s);

/* The WCAG 2.2 contrast ratio of two "#rrggbb" colours, 1 to 21. */
double colour_contrast(const char *a, const char *b);

/* The colour-vision deficiencies the palette is checked for, full
 * severity (Machado, Oliveira and Fernandes 2009). */
enum vision { VISION_NORMAL, VISION_PROTANOPIA, VISION_DEUTERANOPIA, VISION_TRITANOPIA,
	      VISION__MAX };

/* The CIE76 colour difference of two "#rrggbb" colours as someone with
 * vision v sees them. */
double colour_difference(const char *a, const char *b, enum vision v);

/* The vision under which a and b are hardest to tell apart, and their
 * difference there. */
enum vision colour_hardest_vision(const char *a, const char *b, double *difference);

/* The least difference at which colours that mean different things are
 * told apart at a glance in a small area (tests/palette_test.py). */
#define MIN_COLOUR_DIFFERENCE 20.0

/* The least contrast a line, a marker or a lane edge needs against its
 * background (WCAG 2.2 SC 1.4.11), and text (SC 1.4.3). */
#define CONTRAST_GRAPHIC 3.0
#define CONTRAST_TEXT 4.5

/* The CSS rules of the impact badges, ".impact-N{…}", in the colours of a
 * chain (NULL: palette.def's), for the report's style sheet (the glyph is
 * written in the badge's text). */
void palette_css(struct buf *out, const struct chain *chain);

#endif
