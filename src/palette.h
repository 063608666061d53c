/* palette.h - the colours and impact shapes of every picture, read from the one table src/palette.def. Included by: pathway_labels.h, pathway.c, overview_render.c, compare_out.c, report.c, report_page.c, tests/unit/. */
#ifndef KETEN_PALETTE_H
#define KETEN_PALETTE_H

#include <stddef.h>

struct buf;

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
 * glyph (●, ▲, ⬢), so that impact never rests on colour alone. */
struct impact_style {
	const char *fill;
	const char *text;
	const char *glyph;
	const char *shape;
};

/* The style of impact 1-3; an impact outside is taken as the nearest. */
const struct impact_style *impact_style(int impact);

/* The colours of a domain's lane: the band, the header and card title, and
 * the border (the lane's edge); "#rrggbb". */
struct tint {
	const char *band;
	const char *strong;
	const char *dark;
};

/* The tint of the i-th domain of a chain (the tints repeat after the last),
 * and the grey one of a position outside the chain. */
struct tint domain_tint(size_t i);
struct tint grey_tint(void);

/* The CSS rules of the impact badges, ".impact-N{…}", for the report's
 * style sheet (the glyph is written in the badge's text). */
void palette_css(struct buf *out);

#endif
