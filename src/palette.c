/* palette.c - the colours and impact shapes of every picture, from the one table palette.def. */
#include "palette.h"

#include "mem.h"

static const char *const colours[COLOUR__MAX] = {
#define COLOUR(name, hex) hex,
#define IMPACT(level, fill, text, glyph, shape)
#define TINT(band, strong, dark)
#define GREY_TINT(band, strong, dark)
#include "palette.def"
#undef COLOUR
#undef IMPACT
#undef TINT
#undef GREY_TINT
};

static const struct impact_style impacts[] = {
#define COLOUR(name, hex)
#define IMPACT(level, fill, text, glyph, shape) {fill, text, glyph, shape},
#define TINT(band, strong, dark)
#define GREY_TINT(band, strong, dark)
#include "palette.def"
#undef COLOUR
#undef IMPACT
#undef TINT
#undef GREY_TINT
};

static const struct tint tints[] = {
#define COLOUR(name, hex)
#define IMPACT(level, fill, text, glyph, shape)
#define TINT(band, strong, dark) {band, strong, dark},
#define GREY_TINT(band, strong, dark)
#include "palette.def"
#undef COLOUR
#undef IMPACT
#undef TINT
#undef GREY_TINT
};

static const struct tint grey = {
#define COLOUR(name, hex)
#define IMPACT(level, fill, text, glyph, shape)
#define TINT(band, strong, dark)
#define GREY_TINT(band, strong, dark) band, strong, dark
#include "palette.def"
#undef COLOUR
#undef IMPACT
#undef TINT
#undef GREY_TINT
};

enum { N_IMPACTS = sizeof impacts / sizeof impacts[0], N_TINTS = sizeof tints / sizeof tints[0] };

const char *
colour_hex(enum colour c)
{
	return c < COLOUR__MAX ? colours[c] : colours[COLOUR_TEXT];
}

const struct impact_style *
impact_style(int impact)
{
	int k = impact < 1 ? 0 : impact > N_IMPACTS ? N_IMPACTS - 1 : impact - 1;
	return &impacts[k];
}

struct tint
domain_tint(size_t i)
{
	return tints[i % N_TINTS];
}

struct tint
grey_tint(void)
{
	return grey;
}

void
palette_css(struct buf *out)
{
	for (int k = 0; k < N_IMPACTS; k++)
		buf_printf(out, ".impact-%d{background:%s;color:%s}\n", k + 1, impacts[k].fill,
			   impacts[k].text);
}
