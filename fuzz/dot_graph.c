/* dot_graph.c - libFuzzer harness: a journey in Markdown (or JSON, when it starts with '{') read, checked and through the rules as in journey_md, then made into a pathway diagram the way `keten render -T dot` does (markers, spec, packed and unpacked, graph built, laid out, DOT written), and the DOT read back and laid out again by Graphviz, which must accept it without a word. */
#include "fuzz.h"

#include "check.h"
#include "markers.h"
#include "mem.h"
#include "pathway.h"
#include "read.h"
#include "source.h"

#include <gvc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libgvc is not thread-safe; a fuzzer is one process with one thread
 * running inputs, so one renderer serves them all. */
static struct renderer *renderer;
static GVC_t *reader_gvc;
static struct buf graphviz_said;

static void
release(void)
{
	renderer_free(&renderer);
	if (reader_gvc != NULL)
		gvFreeContext(reader_gvc);
	reader_gvc = NULL;
	buf_free(&graphviz_said);
}

static void
fail(const char *what, const struct buf *dot)
{
	fprintf(stderr, "dot_graph: %s\n", what);
	if (graphviz_said.len > 0)
		fprintf(stderr, "graphviz said: %s\n", buf_str(&graphviz_said));
	if (dot != NULL && dot->len > 0)
		fprintf(stderr, "--- the DOT ---\n%.*s\n", (int)dot->len, dot->data);
	abort();
}

static void
start(void)
{
	if (renderer != NULL)
		return;
	char *error = NULL;
	renderer = renderer_new(IMAGE_DOT, &error);
	if (renderer == NULL) {
		fprintf(stderr, "dot_graph: no Graphviz renderer for dot: %s\n",
			error ? error : "?");
		abort();
	}
	atexit(release);
}

static int
note_message(char *message)
{
	if (graphviz_said.len < 4096)
		buf_puts(&graphviz_said, message);
	return 0;
}

/* The spec survives the trip to a worker process byte for byte. */
static void
check_packing(const struct pathway_spec *spec)
{
	struct buf packed = {0}, again = {0};
	struct pathway_spec copy;
	pathway_spec_pack(spec, &packed);
	if (pathway_spec_unpack(packed.data, packed.len, &copy) != 0)
		fail("a packed spec does not unpack", NULL);
	pathway_spec_pack(&copy, &again);
	if (again.len != packed.len || memcmp(again.data, packed.data, packed.len) != 0)
		fail("a spec packed, unpacked and packed again differs", NULL);
	pathway_spec_free(&copy);
	buf_free(&again);
	buf_free(&packed);
}

/* The DOT read back by Graphviz: it parses, every stage and lane is a node
 * of it, and its labels (HTML-like ones too) lay out without an error. */
static void
check_dot(const struct pathway_spec *spec, const struct buf *dot)
{
	if (reader_gvc == NULL && (reader_gvc = gvContext()) == NULL)
		fail("no Graphviz context", NULL);
	buf_clear(&graphviz_said);
	agseterr(AGERR);
	agseterrf(note_message);
	Agraph_t *g = agmemread(buf_str(dot));
	if (g == NULL)
		fail("the DOT does not parse", dot);
	for (size_t i = 0; i < spec->n_stages; i++)
		if (agnode(g, spec->stages[i].id, 0) == NULL)
			fail("a stage is missing from the DOT", dot);
	for (size_t i = 0; i < spec->n_lanes; i++)
		if (spec->lanes[i].label != NULL && agnode(g, spec->lanes[i].id, 0) == NULL)
			fail("a lane is missing from the DOT", dot);
	if (gvLayout(reader_gvc, g, "nop2") != 0)
		fail("the DOT does not lay out", dot);
	gvFreeLayout(reader_gvc, g);
	agclose(g);
	if (graphviz_said.len > 0)
		fail("Graphviz reported an error on the DOT", dot);
}

/* The journey's diagram, as cmd_render.c prepares and draws it. */
static void
draw(const struct doc *doc, const struct diags *diags, enum lang lang, bool all_lanes)
{
	const struct journey *j = doc->journey;
	struct marker_list markers;
	markers_collect(j, diags->items, diags->n, NULL, 0, NULL, &markers);
	struct pathway p = {j, j->persona_ref, j->chain_ref, &markers, lang, all_lanes,
			    friction_of_journey(diags->items, diags->n, NULL, 0)};
	struct pathway_spec spec;
	pathway_prepare(&p, DETAIL_COMPACT, &spec);
	spec.file_name = xasprintf("%s.dot", j->id.s ? j->id.s : "fuzz");
	check_packing(&spec);
	struct buf dot = {0};
	char *error = NULL;
	if (pathway_render(renderer, &spec, &dot, &error) != 0) {
		fprintf(stderr, "dot_graph: %s\n", error ? error : "?");
		fail("a checked journey cannot be drawn", NULL);
	}
	free(error);
	check_dot(&spec, &dot);
	if (getenv("KETEN_FUZZ_SHOW") != NULL)
		fprintf(stderr, "%.*s\n", (int)dot.len, dot.data);
	buf_free(&dot);
	pathway_spec_free(&spec);
	markers_free(&markers);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	start();
	/* The language and the lanes follow from the size, so that the seeds
	 * are read as they are and still meet both of each. */
	enum lang lang = size % 2 ? LANG_EN : LANG_NL;
	bool all_lanes = size % 4 >= 2;
	struct diags diags;
	diags_init(&diags, lang);
	bool json = size > 0 && data[0] == '{';
	struct source *src = fuzz_source(json ? "journeys/fuzz.json" : "journeys/fuzz.md",
					 data, size, &diags);
	struct doc *doc = NULL;
	if (src != NULL)
		doc = json ? read_json(src, fuzz_limits(), &diags)
			   : read_markdown(src, DOC_JOURNEY, fuzz_limits(), &diags);
	source_free(&src);
	if (doc != NULL) {
		check_document(doc, &diags);
		if (doc->kind == DOC_JOURNEY && doc->journey != NULL) {
			fuzz_check_journey(doc, fuzz_default_chain(), fuzz_fixed_persona(), &diags);
			if (!doc->broken)
				draw(doc, &diags, lang, all_lanes);
		}
	}
	doc_free(&doc);
	diags_free(&diags);
	return 0;
}
