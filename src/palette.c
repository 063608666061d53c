/* palette.c - the colours and impact shapes of every picture, from the one table palette.def. */
#include "palette.h"

#include "mem.h"
#include "model.h"

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

_Static_assert(N_IMPACTS == IMPACT_LEVELS, "palette.def has one IMPACT line per impact level");

const char *
colour_hex(enum colour c)
{
	return c < COLOUR__MAX ? colours[c] : colours[COLOUR_TEXT];
}

/* Whether a chain model gives its own impact colours, all usable. */
static bool
has_impact_colours(const struct chain *chain)
{
	if (chain == NULL || chain->impact_colours.n != IMPACT_LEVELS)
		return false;
	for (size_t k = 0; k < IMPACT_LEVELS; k++)
		if (!colour_is_hex(chain->impact_colours.items[k].s))
			return false;
	return true;
}

const char *
colour_text_on(const char *fill)
{
	return colour_contrast("#000000", fill) >= colour_contrast("#ffffff", fill) ? "#000000"
										      : "#ffffff";
}

struct impact_style
impact_style_of(const struct chain *chain, int impact)
{
	int k = impact < 1 ? 0 : impact > N_IMPACTS ? N_IMPACTS - 1 : impact - 1;
	struct impact_style style = impacts[k];
	if (has_impact_colours(chain)) {
		style.fill = chain->impact_colours.items[k].s;
		style.text = colour_text_on(style.fill);
	}
	return style;
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

static void linear_rgb(const char *hex, double rgb[3]);

/* The relative luminance of a "#rrggbb" colour (WCAG 2.2). */
static double
luminance(const char *hex)
{
	double rgb[3];
	linear_rgb(hex, rgb);
	return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

double
colour_contrast(const char *a, const char *b)
{
	double la = luminance(a), lb = luminance(b);
	return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

/* Linear RGB of a "#rrggbb" colour, 0 to 1. */
static void
linear_rgb(const char *hex, double rgb[3])
{
	for (int k = 0; k < 3; k++) {
		double c = channel(hex, k) / 255.0;
		rgb[k] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
	}
}

/* Linear RGB as seen with vision v (Machado 2009, severity 1.0), clipped. */
static void
simulate(double rgb[3], enum vision v)
{
	static const double machado[VISION__MAX][3][3] = {
		{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
		{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
		 {-0.003882, -0.048116, 1.051998}},
		{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
		 {-0.011820, 0.042940, 0.968881}},
		{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
		 {0.004733, 0.691367, 0.303900}},
	};
	double in[3] = {rgb[0], rgb[1], rgb[2]};
	for (int i = 0; i < 3; i++) {
		double c = 0;
		for (int k = 0; k < 3; k++)
			c += machado[v][i][k] * in[k];
		rgb[i] = fmin(1.0, fmax(0.0, c));
	}
}

static double
lab_f(double t)
{
	return t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116;
}

/* CIELAB (D65) of linear RGB. */
static void
lab(const double rgb[3], double out[3])
{
	double x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
	double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
	double z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
	double fx = lab_f(x / 0.95047), fy = lab_f(y), fz = lab_f(z / 1.08883);
	out[0] = 116 * fy - 16;
	out[1] = 500 * (fx - fy);
	out[2] = 200 * (fy - fz);
}

double
colour_difference(const char *a, const char *b, enum vision v)
{
	double ra[3], rb[3], la[3], lb[3];
	linear_rgb(a, ra);
	linear_rgb(b, rb);
	simulate(ra, v);
	simulate(rb, v);
	lab(ra, la);
	lab(rb, lb);
	return sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
		    (la[2] - lb[2]) * (la[2] - lb[2]));
}

enum vision
colour_hardest_vision(const char *a, const char *b, double *difference)
{
	enum vision worst = VISION_NORMAL;
	*difference = colour_difference(a, b, VISION_NORMAL);
	for (int v = VISION_PROTANOPIA; v < VISION__MAX; v++) {
		double d = colour_difference(a, b, (enum vision)v);
		if (d < *difference) {
			*difference = d;
			worst = (enum vision)v;
		}
	}
	return worst;
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
palette_css(struct buf *out, const struct chain *chain)
{
	for (int level = 1; level <= N_IMPACTS; level++) {
		struct impact_style style = impact_style_of(chain, level);
		buf_printf(out, ".impact-%d{background:%s;color:%s}\n", level, style.fill, style.text);
	}
}
