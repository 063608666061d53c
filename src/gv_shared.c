/* gv_shared.c - the one Graphviz context of the process, the devices, and deterministic, described output bytes; shared by the pathway diagram and the overview. */
#include "gv_shared.h"

#include "mem.h"
#include "pathway_measure.h"
#include "render_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static GVC_t *shared_gvc;
static struct buf gv_messages;

static int
collect_message(char *message)
{
	if (gv_messages.len < 4096)
		buf_puts(&gv_messages, message);
	return 0;
}

void
gv_messages_start(void)
{
	buf_clear(&gv_messages);
	agseterrf(collect_message);
}

char *
gv_messages_error(enum lang lang)
{
	char *why = esc_plain(gv_messages.len ? buf_str(&gv_messages) : "?", 300);
	char *error = msg_xasprintf(lang, M_R_GRAPHVIZ_FAILED, why);
	free(why);
	return error;
}

void
gv_messages_stop(void)
{
	buf_free(&gv_messages);
}

static void
free_shared_context(void)
{
	if (shared_gvc != NULL)
		gvFreeContext(shared_gvc);
	shared_gvc = NULL;
	measure_forget();
}

GVC_t *
gv_shared_context(void)
{
	if (shared_gvc == NULL) {
		shared_gvc = measure_context(); /* pango behind the size memory */
		if (shared_gvc != NULL)
			atexit(free_shared_context);
	}
	return shared_gvc;
}

const char *
keten_graphviz_version(void)
{
	GVC_t *gvc = gv_shared_context();
	return gvc ? gvcVersion(gvc) : NULL;
}

const char *
gv_device(enum image_format format)
{
	static const char *const devices[] = {"svg", "png:cairo", "pdf:cairo", "dot"};
	return devices[format];
}

/* Copies text up to at from *from into out and moves *from past it. */
static void
copy_to(struct buf *out, const char **from, const char *at)
{
	buf_add(out, *from, (size_t)(at - *from));
	*from = at;
}

/* Whether the n bytes of an id as Graphviz wrote it (a '-' as "&#45;")
 * are the id want, which ends at end. */
static bool
same_id(const char *id, size_t n, const char *want, const char *end)
{
	size_t i = 0;
	for (; i < n && want < end; want++) {
		if (id[i] == *want)
			i++;
		else if (*want == '-' && n - i >= 5 && memcmp(id + i, "&#45;", 5) == 0)
			i += 5;
		else
			return false;
	}
	return i == n && want == end;
}

/* The part of the graph: everything after the title and the desc, where
 * each <title> Graphviz writes names a node or an edge by its id; they go,
 * so that a hover shows no machine id. Each "<g id="ID"" that classes names
 * ("ID\tCLASSES\n" lines) gets class="CLASSES". */
static void
svg_copy_graph(struct buf *out, const char *from, const char *classes)
{
	for (;;) {
		const char *title = strstr(from, "<title>");
		const char *group = strstr(from, "<g id=\"");
		const char *next = title && (!group || title < group) ? title : group;
		if (next == NULL)
			break;
		if (next == title) {
			copy_to(out, &from, title);
			const char *end = strstr(title, "</title>");
			from = end ? end + strlen("</title>") : title + strlen("<title>");
			if (*from == '\n')
				from++;
			continue;
		}
		const char *id = group + strlen("<g id=\"");
		const char *quote = strchr(id, '"');
		if (quote == NULL)
			break;
		copy_to(out, &from, quote + 1);
		size_t n = (size_t)(quote - id);
		for (const char *line = classes; line && *line;) {
			const char *tab = strchr(line, '\t'), *eol = strchr(line, '\n');
			if (tab == NULL || eol == NULL)
				break;
			if (same_id(id, n, line, tab)) {
				buf_puts(out, " class=\"");
				buf_add(out, tab + 1, (size_t)(eol - tab - 1));
				buf_putc(out, '"');
				break;
			}
			line = eol + 1;
		}
	}
	buf_puts(out, from);
}

/* The SVG as people and programs can use it: <title> and <desc> the first
 * children of <svg role="img">, which names them with aria-labelledby and
 * aria-describedby; the graph's own titles (machine ids) left out; groups
 * given the classes classes names. */
static void
gv_svg_finish(struct buf *svg, const char *description, const char *classes)
{
	const char *data = buf_str(svg);
	const char *root = strstr(data, "<svg ");
	const char *root_end = root ? strchr(root, '>') : NULL;
	const char *graph = root_end ? strstr(root_end, "<g id=\"graph0\"") : NULL;
	const char *title = graph ? strstr(graph, "<title>") : NULL;
	const char *title_end = title ? strstr(title, "</title>") : NULL;
	if (title_end == NULL)
		return;
	struct buf out = {0};
	buf_add(&out, data, (size_t)(root_end - data));
	buf_puts(&out, SVG_ROOT_ROLE ">\n" SVG_TITLE_OPEN);
	title += strlen("<title>");
	buf_add(&out, title, (size_t)(title_end - title));
	buf_puts(&out, "</title>\n" SVG_DESC_OPEN);
	buf_puts(&out, description);
	buf_puts(&out, "</desc>");
	buf_add(&out, root_end + 1, (size_t)(graph - root_end - 1));
	svg_copy_graph(&out, graph, classes);
	buf_free(svg);
	*svg = out;
}

static void
gv_pdf_blank_dates(struct buf *pdf)
{
	static const char *const keys[] = {"/CreationDate (", "/ModDate ("};
	for (size_t k = 0; k < 2; k++) {
		size_t klen = strlen(keys[k]);
		for (size_t i = 0; i + klen < pdf->len; i++) {
			if (memcmp(pdf->data + i, keys[k], klen) != 0)
				continue;
			char *end = memchr(pdf->data + i + klen, ')', pdf->len - i - klen);
			if (end != NULL && end - (pdf->data + i) < 64)
				memset(pdf->data + i, ' ', (size_t)(end - (pdf->data + i)) + 1);
		}
	}
}

/* The most pixels a PNG may have: cairo keeps the whole bitmap in memory
 * (4 bytes a pixel) and compresses all of it, so a picture bigger than this
 * (a journey of hundreds of stages) is drawn at a lower resolution. SVG and
 * PDF are drawn at full size. */
#define GV_MAX_PIXELS (24.0 * 1000 * 1000)
#define GV_BITMAP_DPI 96.0 /* cairo's resolution for PNG */

/* Lowers the resolution of a laid-out graph's bitmap to GV_MAX_PIXELS. */
static void
cap_bitmap(Agraph_t *g)
{
	boxf bb = GD_bb(g);
	double w = (bb.UR.x - bb.LL.x + 8) / 72.0 * GV_BITMAP_DPI;
	double h = (bb.UR.y - bb.LL.y + 8) / 72.0 * GV_BITMAP_DPI;
	if (GD_drawing(g) == NULL || w * h <= GV_MAX_PIXELS)
		return;
	GD_drawing(g)->dpi = GV_BITMAP_DPI * sqrt(GV_MAX_PIXELS / (w * h));
}

int
gv_render_bytes(GVC_t *gvc, Agraph_t *g, enum image_format format, const char *description,
		const char *classes, struct buf *out)
{
	char *data = NULL;
	if (format == IMAGE_PNG)
		cap_bitmap(g);
	unsigned int len = 0;
	if (gvRenderData(gvc, g, gv_device(format), &data, &len) != 0 || data == NULL) {
		if (data != NULL)
			gvFreeRenderData(data);
		return -1;
	}
	buf_clear(out);
	buf_add(out, data, len);
	gvFreeRenderData(data);
	if (format == IMAGE_SVG)
		gv_svg_finish(out, description, classes);
	else if (format == IMAGE_PDF)
		gv_pdf_blank_dates(out);
	return 0;
}
