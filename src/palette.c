/* palette.c - the colours and impact shapes of every picture, from the one table palette.def. */
#include "palette.h"

#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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

bool
colour_is_hex(const char *s)
{
	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return false;
	return strspn(s + 1, "0123456789abcdefABCDEF") == 6;
}

static unsigned
channel(const char *hex, int k)
{
	unsigned v = 0;
	sscanf(hex + 1 + 2 * k, "%2x", &v);
	return v;
}

/* The relative luminance of a "#rrggbb" colour (WCAG 2.2). */
static double
luminance(const char *hex)
{
	static const double weight[] = {0.2126, 0.7152, 0.0722};
	double y = 0;
	for (int k = 0; k < 3; k++) {
		double c = channel(hex, k) / 255.0;
		y += weight[k] * (c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4));
	}
	return y;
}

double
colour_contrast(const char *a, const char *b)
{
	double la = luminance(a), lb = luminance(b);
	return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

/* share of hex mixed with white, written to out ("#rrggbb"). */
static void
mix_with_white(char out[8], const char *hex, double share)
{
	unsigned c[3];
	for (int k = 0; k < 3; k++)
		c[k] = (unsigned)lround(255 - (255 - (double)channel(hex, k)) * share);
	snprintf(out, 8, "#%02x%02x%02x", c[0] & 255, c[1] & 255, c[2] & 255);
}

struct tint
tint_from_colour(const char *hex)
{
	struct tint t;
	mix_with_white(t.band, hex, 0.12);
	mix_with_white(t.strong, hex, 0.30);
	mix_with_white(t.dark, hex, 1.0);
	return t;
}

void
palette_css(struct buf *out)
{
	for (int k = 0; k < N_IMPACTS; k++)
		buf_printf(out, ".impact-%d{background:%s;color:%s}\n", k + 1, impacts[k].fill,
			   impacts[k].text);
}
