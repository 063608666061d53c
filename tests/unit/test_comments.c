/* test_comments.c - unit tests of HTML comments in Markdown: notes to the writer that the reader leaves out, wherever they stand on lines of their own. */
#include "harness.h"

#include "diag.h"
#include "limits.h"
#include "model.h"
#include "read.h"
#include "source.h"

#include <string.h>

static struct doc *
read_md_text(const char *text, enum doc_kind kind, struct diags *diags)
{
	struct limits limits = LIMITS_DEFAULT;
	struct source *src = source_from_memory("test.md", text, strlen(text),
						&limits, diags);
	if (src == NULL)
		return NULL;
	struct doc *doc = read_markdown(src, kind, &limits, diags);
	source_free(&src);
	return doc;
}

TEST(comments_persona_left_out)
{
	static const char text[] =
	    "<!-- before the heading -->\n"
	    "# Samira\n"
	    "\n"
	    "<!-- the summary follows\n"
	    "     over two lines -->\n"
	    "\n"
	    "Samira woont in de wijk.\n"
	    "\n"
	    "<!-- the attributes -->\n"
	    "\n"
	    "- leeftijd: 34\n"
	    "  <!-- inside an item -->\n"
	    "- positie: thuis\n"
	    "\n"
	    "## Talenten\n"
	    "<!-- one per line -->\n"
	    "- goed met kinderen\n"
	    "\n"
	    "## Citaat\n"
	    "<!-- a block quote -->\n"
	    "> Ik wil laten zien wat ik kan.\n";
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct doc *doc = read_md_text(text, DOC_PERSONA, &diags);
	CHECK(doc != NULL);
	INT_EQ(diags.n, 0);
	if (doc != NULL) {
		const struct persona *p = doc->persona;
		STR_EQ(p->name.s, "Samira");
		STR_EQ(p->summary.s, "Samira woont in de wijk.");
		INT_EQ(p->summary.loc.line, 7);
		INT_EQ(p->age.v, 34);
		STR_EQ(p->position.s, "thuis");
		INT_EQ(p->position.loc.line, 13);
		INT_EQ(p->talents.n, 1);
		STR_EQ(p->quote.s, "Ik wil laten zien wat ik kan.");
	}
	doc_free(&doc);
	diags_free(&diags);
}

TEST(comments_journey_stage)
{
	static const char text[] =
	    "# Reis\n"
	    "\n"
	    "- persona: samira\n"
	    "\n"
	    "<!-- not the description -->\n"
	    "\n"
	    "## Thuis\n"
	    "<!-- each item is key: value -->\n"
	    "- positie: thuis\n"
	    "- gesprek: keukentafelgesprek\n";
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct doc *doc = read_md_text(text, DOC_JOURNEY, &diags);
	CHECK(doc != NULL);
	INT_EQ(diags.n, 0);
	if (doc != NULL) {
		const struct journey *j = doc->journey;
		CHECK(j->description.s == NULL);
		INT_EQ(j->n_stages, 1);
		if (j->n_stages == 1) {
			CHECK(j->stages[0]->description.s == NULL);
			INT_EQ(j->stages[0]->n_touchpoints, 1);
		}
	}
	doc_free(&doc);
	diags_free(&diags);
}

/* Only a block that is a comment and nothing else is left out. */
TEST(comments_with_text_kept)
{
	static const char text[] =
	    "# Samira\n"
	    "\n"
	    "<!-- a --> text after it\n"
	    "\n"
	    "- leeftijd: 34\n";
	struct diags diags;
	diags_init(&diags, LANG_EN);
	struct doc *doc = read_md_text(text, DOC_PERSONA, &diags);
	CHECK(doc != NULL);
	if (doc != NULL)
		CHECK(doc->persona->summary.s != NULL &&
		      strstr(doc->persona->summary.s, "text after it") != NULL);
	doc_free(&doc);
	diags_free(&diags);
}
