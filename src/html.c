/* html.c - escaping user text for the HTML that keten writes. */
#include "html.h"

#include "render_text.h"

#include <string.h>

void
html_text(struct buf *out, const char *s)
{
	if (s != NULL)
		esc_append(out, s, strlen(s), ESC_XML);
}
