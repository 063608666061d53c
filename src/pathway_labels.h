/* pathway_labels.h - the HTML-like labels of the pathway diagram (title block, lane headers, stage cards, legend), its colours and its plain-text description; no Graphviz types. Included by: compare_out.c, map*.c, overview_render.c, pathway.c, pathway_spec.c, tests/unit/. */
#ifndef KETEN_PATHWAY_LABELS_H
#define KETEN_PATHWAY_LABELS_H

#include "palette.h"
#include "pathway.h"

struct buf;

/* The tint of a position's domain (by the domain's place in the chain);
 * the grey one for NULL. */
struct tint tint_of(const struct chain *chain, const struct position *pos);

/* The symbol of a touchpoint kind (one UTF-8 character in DejaVu Sans);
 * the symbol of TP_OTHER for a kind out of range. */
const char *touchpoint_symbol(enum tp_kind kind);

/* Each label builder appends one HTML-like label, "<…>" without the outer
 * angle brackets that DOT puts around it. All user text goes through
 * render_text.h. */
void label_title(struct buf *out, const struct pathway *p);
void label_lane(struct buf *out, const struct pathway *p, const struct position *pos,
		enum detail detail);
/* Stage i's card: compact, or the poster's with every text. */
void label_stage(struct buf *out, const struct pathway *p, size_t i, enum detail detail);

/* The markers of findings about the journey as a whole, shown under the
 * title (compact: as chips, "▲3"); false (and nothing appended) when there are none. */
bool label_title_markers(struct buf *out, const struct pathway *p, enum detail detail);

/* The legend comes in LEGEND_PARTS parts, each a node of its own:
 * domains, transitions, touchpoint kinds, the friction key and the
 * numbered list of findings (compact: a short line per marker, "▲ 3 K003
 * cold-handover", in columns; poster: each with its message). False (the
 * part is left out) when a part has nothing to say; whatever was appended
 * is then to be dropped. */
extern const char *const legend_part_names[LEGEND_PARTS];
bool label_legend_part(struct buf *out, const struct pathway *p, const struct lane_set *lanes,
		       int part, enum detail detail);

/* The title block's second and third lines as plain text, not escaped:
 * "persona: Ans · regio: Noord · huidige situatie" and
 * "7 etappes · 4 knelpunten · frictiescore 9 · 2 vragen". */
void pathway_subtitle(struct buf *out, const struct pathway *p);
void pathway_counts(struct buf *out, const struct pathway *p);

/* One plain sentence that says what the diagram shows (SVG <desc>). */
void pathway_description(struct buf *out, const struct pathway *p);

/* The classes of the SVG groups inside the labels, "ID\tCLASSES\n" each:
 * a marker "marker impact-2 k003" (a question "marker question k020"), a
 * touchpoint "touchpoint letter" (its kind's canonical name). */
void svg_group_classes(struct buf *out, const struct pathway *p);

/* The classes of stage i's SVG group: "stage friction k001 k013 …". */
void stage_classes(struct buf *out, const struct pathway *p, size_t i);

#endif
