/* html.c - escaping user text for the HTML that keten writes, and putting an SVG diagram inline with its ids prefixed. */
#include "html.h"

#include "hyphenate.h"
#include "mem.h"
#include "render_text.h"

#include <string.h>

void
html_text(struct buf *out, const char *s)
{
	if (s != NULL)
		esc_append(out, s, strlen(s), ESC_XML);
}

void
html_text_len(struct buf *out, const char *s, size_t len)
{
	esc_append(out, s, len, ESC_XML);
}

void
html_words(struct buf *out, const char *s, enum lang lang)
{
	if (s != NULL)
		html_words_len(out, s, strlen(s), lang);
}

/* Escaped first, so that soft hyphens cannot hide personal data from the
 * masking. */
void
html_words_len(struct buf *out, const char *s, size_t len, enum lang lang)
{
	struct buf escaped = {0};
	esc_append(&escaped, s, len, ESC_XML);
	hyphenate_append(out, buf_str(&escaped), escaped.len, lang);
	buf_free(&escaped);
}

/* The length of the reference that starts at s (one of refs), or 0. */
static size_t
svg_ref_at(const char *s)
{
	static const char *const refs[] = {" id=\"", "url(#", "href=\"#", " aria-labelledby=\"",
					    " aria-describedby=\""};
	for (size_t k = 0; k < sizeof refs / sizeof refs[0]; k++) {
		size_t n = strlen(refs[k]);
		if (strncmp(s, refs[k], n) == 0)
			return n;
	}
	return 0;
}

/* One pass: each byte is looked at once (a reference starts with ' ', 'u'
 * or 'h', so only there are the three tried). */
void
html_inline_svg(struct buf *out, const char *svg, const char *prefix)
{
	const char *p = strstr(svg, "<svg");
	if (p == NULL)
		return;
	const char *copied = p;
	while (*p != '\0') {
		size_t n = *p == ' ' || *p == 'u' || *p == 'h' ? svg_ref_at(p) : 0;
		if (n == 0) {
			p++;
			continue;
		}
		buf_add(out, copied, (size_t)(p - copied) + n);
		buf_puts(out, prefix);
		p += n;
		copied = p;
	}
	buf_add(out, copied, (size_t)(p - copied));
	buf_putc(out, '\n');
}
