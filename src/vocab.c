/* vocab.c - the key tables of formats.md and lookups over them. */
#include "vocab.h"

#include "idmap.h"
#include "mem.h"
#include "model.h"
#include "text.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An entry: canonical JSON name, then Dutch and English spellings
 * separated by '|', the first of each the one the writers use. */
struct entry {
	const char *canonical;
	const char *nl;
	const char *en;
};

static const struct entry persona_attrs[PA__MAX] = {
	[PA_ID] = {"id", "id", "id"},
	[PA_AGE] = {"age", "leeftijd", "age"},
	[PA_PLACE] = {"place", "woonplaats|plaats", "place|town"},
	[PA_SITUATION] = {"situation", "situatie", "situation"},
	[PA_POSITION] = {"position", "positie|ketenpositie", "position"},
	[PA_LADDER] = {"ladder", "trede|ladder", "rung|ladder"},
	[PA_INCOME] = {"income", "inkomen", "income"},
	[PA_TRAITS] = {"traits", "kenmerken", "traits"},
	[PA_NOTE] = {"note", "notitie", "note"},
};

static const struct entry persona_sections[PS__MAX] = {
	[PS_TALENTS] = {"talents", "Talenten|Kwaliteiten|Sterke punten", "Talents|Strengths"},
	[PS_NEEDS] = {"needs", "Behoeften|Wensen", "Needs"},
	[PS_WORRIES] = {"worries", "Zorgen|Drempels", "Worries|Concerns|Barriers"},
	[PS_GOALS] = {"goals", "Doelen", "Goals"},
	[PS_NETWORK] = {"network", "Netwerk", "Network"},
	[PS_QUOTE] = {"quote", "Citaat", "Quote"},
};

static const struct entry journey_attrs[JA__MAX] = {
	[JA_ID] = {"id", "id", "id"},
	[JA_PERSONA] = {"persona", "persona", "persona"},
	[JA_CHAIN] = {"chain", "keten", "chain"},
	[JA_REGION] = {"region", "regio", "region"},
	[JA_KIND] = {"kind", "soort", "kind"},
	[JA_AUTHOR] = {"author", "auteur", "author"},
	[JA_DATE] = {"date", "datum", "date"},
	[JA_NOTE] = {"note", "notitie", "note"},
	[JA_IGNORE] = {"ignore", "negeer", "ignore"},
	[JA_CONTACTS] = {"contacts", "contacten", "contacts"},
};

static const struct entry stage_attrs[SA__MAX] = {
	[SA_ID] = {"id", "id", "id"},
	[SA_POSITION] = {"position", "positie", "position"},
	[SA_ACTORS] = {"actors", "actor|actoren|betrokkenen", "actors|actor"},
	[SA_ORGANISATION] = {"organisation", "organisatie|aanbieder", "organisation|organization|provider"},
	[SA_EMOTION] = {"emotion", "emotie", "emotion"},
	[SA_DURATION] = {"duration_days", "duur", "duration"},
	[SA_PAIN_POINT] = {"pain_points", "knelpunt", "pain point"},
	[SA_OPPORTUNITY] = {"opportunities", "kans", "opportunity"},
	[SA_NOTE] = {"note", "notitie", "note"},
	[SA_IGNORE] = {"ignore", "negeer", "ignore"},
	[SA_STATUS] = {"status", "status", "status"},
	[SA_AWAITS] = {"awaits", "wacht op", "awaits"},
	[SA_INCOME] = {"income", "inkomen", "income"},
	[SA_LEAD] = {"lead", "regie|regiehouder", "lead"},
	[SA_CONTACT] = {"contact", "contact", "contact"},
	[SA_FIT] = {"fit", "passend", "fit"},
	[SA_HOURS] = {"hours", "uren", "hours"},
	[SA_START] = {"start", "start|vanaf", "start"},
};

static const struct entry tp_kinds[TP__MAX] = {
	[TP_LETTER] = {"letter", "brief", "letter"},
	[TP_DECISION] = {"decision", "beschikking|besluit", "decision"},
	[TP_EMAIL] = {"email", "e-mail|mail", "email"},
	[TP_PORTAL] = {"portal", "portaal|website|app", "portal"},
	[TP_CONVERSATION] = {"conversation", "gesprek|keukentafelgesprek", "conversation"},
	[TP_PHONE] = {"phone", "telefoon|bellen", "phone|call"},
	[TP_VISIT] = {"visit", "bezoek|huisbezoek", "visit"},
	[TP_INTAKE] = {"intake", "intake", "intake"},
	[TP_EVALUATION] = {"evaluation", "evaluatie", "evaluation|review"},
	[TP_REINDICATION] = {"reindication", "herindicatie|heronderzoek", "reindication|reassessment"},
	[TP_HANDOVER] = {"handover", "overdracht", "handover"},
	[TP_TRIAL] = {"trial", "proefplaatsing|proefdraaien", "trial|trial placement"},
	[TP_FINANCIAL_CHECK] = {"financial_check", "inkomenscheck|financiële check", "financial check|income check"},
	[TP_WAITING] = {"waiting", "wachttijd|wachten", "waiting|wait"},
	[TP_APPLICATION] = {"application", "aanvraag|melding", "application|request"},
	[TP_INQUIRY] = {"inquiry", "navraag|informatievraag", "inquiry"},
	[TP_CHANGE_REPORT] = {"change_report", "opgave|wijziging", "change report"},
	[TP_REMINDER] = {"reminder", "herinnering|rappel", "reminder"},
	[TP_COMPLAINT] = {"complaint", "klacht", "complaint"},
	[TP_OBJECTION] = {"objection", "bezwaar|beroep", "objection|appeal"},
	[TP_REFERRAL] = {"referral", "verwijzing|doorverwijzing", "referral"},
	[TP_ADVICE] = {"advice", "advies|indicatieadvies", "advice|assessment"},
	[TP_OFFER] = {"offer", "aanbod", "offer"},
	[TP_REJECTION] = {"rejection", "afwijzing", "rejection|refusal"},
	[TP_PROMISE] = {"promise", "toezegging|belofte", "promise"},
	[TP_PLAN] = {"plan", "plan|plan van aanpak|trajectplan", "plan"},
	[TP_BENEFIT_STOP] = {"benefit_stop", "stopzetting|beëindiging", "benefit stop"},
	[TP_OFFSET] = {"offset", "verrekening|korting", "offset|deduction"},
	[TP_RECOVERY] = {"recovery", "terugvordering|vordering", "recovery|claim"},
	[TP_SANCTION] = {"sanction", "maatregel|sanctie", "sanction|penalty"},
	[TP_WARNING] = {"warning", "waarschuwing", "warning"},
	[TP_DEBT] = {"debt", "schuld", "debt"},
	[TP_PAYMENT] = {"payment", "betaling|voorschot|nabetaling", "payment|advance"},
	[TP_REDRESS] = {"redress", "herstel|excuses", "redress|apology"},
	[TP_OTHER] = {"other", "overig", "other"},
};

static const struct entry tp_attrs[TA__MAX] = {
	[TA_ACTOR] = {"actor", "van|door|met", "from|by|with|actor"},
	[TA_EXPLAINED] = {"explained", "toelichting|uitleg", "explained"},
	[TA_TEXT] = {"text", "tekst", "text"},
	[TA_DURATION] = {"duration_days", "duur", "duration"},
	[TA_WARM] = {"warm", "warm", "warm"},
	[TA_EMOTION] = {"emotion", "emotie", "emotion"},
	[TA_NOTE] = {"note", "notitie", "note"},
	[TA_CHANNEL] = {"channel", "kanaal|via", "channel"},
	[TA_DIRECTION] = {"direction", "richting", "direction"},
	[TA_INITIATIVE] = {"initiative", "initiatief", "initiative"},
	[TA_OUTCOME] = {"outcome", "uitkomst|resultaat", "outcome"},
	[TA_TO] = {"to", "naar", "to"},
	[TA_KEPT] = {"kept", "nagekomen", "kept"},
	[TA_DUE] = {"due", "termijn|uiterlijk", "due"},
	[TA_CORRECT] = {"correct", "juist|klopt", "correct"},
	[TA_JUSTIFIED] = {"justified", "terecht", "justified"},
	[TA_HANDLED] = {"handled", "afgehandeld", "handled"},
	[TA_TIME_TO_CONSIDER] = {"time_to_consider", "bedenktijd", "time to consider"},
	[TA_DATE] = {"date", "datum", "date"},
	[TA_RESPONSE] = {"response_days", "reactie na|antwoord na", "response after"},
};

static const struct entry stage_groups[SG__MAX] = {
	[SG_TOUCHPOINTS] = {"touchpoints", "Contactmomenten", "Touchpoints"},
	[SG_PAIN_POINTS] = {"pain_points", "Knelpunten", "Pain points"},
	[SG_OPPORTUNITIES] = {"opportunities", "Kansen", "Opportunities"},
};

static const struct entry cover_attrs[CA__MAX] = {
	[CA_REGION] = {"region", "regio", "region"},
	[CA_TEAM] = {"team", "team", "team"},
	[CA_AUTHOR] = {"author", "auteur|door|opgesteld door", "author|by|written by"},
	[CA_ORGANISATION] = {"organisation", "organisatie|opdrachtgever", "organisation|organization|client"},
	[CA_DATE] = {"date", "datum", "date"},
};

static const struct {
	const struct entry *entries;
	int n;
} tables[VOCAB__MAX] = {
	[VOCAB_PERSONA_ATTR] = {persona_attrs, PA__MAX},
	[VOCAB_PERSONA_SECTION] = {persona_sections, PS__MAX},
	[VOCAB_JOURNEY_ATTR] = {journey_attrs, JA__MAX},
	[VOCAB_STAGE_ATTR] = {stage_attrs, SA__MAX},
	[VOCAB_TP_KIND] = {tp_kinds, TP__MAX},
	[VOCAB_TP_ATTR] = {tp_attrs, TA__MAX},
	[VOCAB_STAGE_GROUP] = {stage_groups, SG__MAX},
	[VOCAB_COVER_ATTR] = {cover_attrs, CA__MAX},
};

/* Every spelling of every entry, as written and as a slug, built once. */
struct spelling {
	enum vocab vocab;
	int id;
	enum lang lang;
	char *written;
	char *slug;
};

static struct spelling *spellings;
static size_t n_spellings;

/* For each vocabulary, its slugs to the index of the first spelling with
 * that slug. Keys are looked up for every item of every file, so this is
 * one probe instead of a walk over the table. */
static struct idmap by_slug[VOCAB__MAX];
/* Written once, before any lookup; threads may look up at the same time. */
static pthread_once_t spellings_once = PTHREAD_ONCE_INIT;

/* The number of spellings in a list "a|b|c" ("" has none). */
static size_t
count_spellings(const char *list)
{
	size_t n = *list != '\0';
	for (; *list != '\0'; list++)
		n += *list == '|';
	return n;
}

/* Adds the spellings of a list; spellings has room for them. Each one's
 * text and slug share one allocation (a slug is never longer). */
static void
add_spellings(enum vocab v, int id, enum lang lang, const char *list)
{
	while (*list) {
		const char *bar = strchr(list, '|');
		size_t len = bar ? (size_t)(bar - list) : strlen(list);
		struct spelling *s = &spellings[n_spellings++];
		s->vocab = v;
		s->id = id;
		s->lang = lang;
		s->written = xmalloc(2 * (len + 1));
		memcpy(s->written, list, len);
		s->written[len] = '\0';
		s->slug = s->written + len + 1;
		text_slug_to(s->written, s->slug, len + 1);
		list += len + (bar != NULL);
	}
}

static void
free_spellings(void)
{
	for (size_t i = 0; i < n_spellings; i++)
		free(spellings[i].written); /* and the slug with it */
	free(spellings);
	for (int v = 0; v < VOCAB__MAX; v++)
		idmap_free(&by_slug[v]);
}

/* The first spelling with a slug wins. */
static void
index_spellings(void)
{
	for (size_t i = 0; i < n_spellings; i++) {
		const struct spelling *s = &spellings[i];
		idmap_add(&by_slug[s->vocab], s->slug, strlen(s->slug), i);
	}
}

static void
make_spellings(void)
{
	size_t total = 0;
	for (int v = 0; v < VOCAB__MAX; v++)
		for (int id = 0; id < tables[v].n; id++)
			total += count_spellings(tables[v].entries[id].nl) +
				 count_spellings(tables[v].entries[id].en);
	spellings = xmalloc(total * sizeof(*spellings));
	for (int v = 0; v < VOCAB__MAX; v++) {
		for (int id = 0; id < tables[v].n; id++) {
			add_spellings(v, id, LANG_NL, tables[v].entries[id].nl);
			add_spellings(v, id, LANG_EN, tables[v].entries[id].en);
		}
	}
	index_spellings();
	atexit(free_spellings);
}

static void
build_spellings(void)
{
	pthread_once(&spellings_once, make_spellings);
}

/* The id of the spelling of vocabulary v with this slug, or -1. */
static int
find_slug(enum vocab v, const char *slug)
{
	size_t i;
	return idmap_find(&by_slug[v], slug, strlen(slug), &i) ? spellings[i].id : -1;
}

int
vocab_find(enum vocab v, const char *written)
{
	build_spellings();
	/* Most keys are written as their slug: try them as they are. */
	int id = find_slug(v, written);
	if (id >= 0)
		return id;
	char slug[64]; /* longer than any spelling: such a key is unknown */
	if (text_slug_to(written, slug, sizeof slug) >= sizeof slug)
		return -1;
	return strcmp(slug, written) == 0 ? -1 : find_slug(v, slug);
}

int
vocab_find_canonical(enum vocab v, const char *name)
{
	for (int id = 0; id < tables[v].n; id++)
		if (strcmp(tables[v].entries[id].canonical, name) == 0)
			return id;
	return -1;
}

const char *
vocab_canonical(enum vocab v, int id)
{
	return tables[v].entries[id].canonical;
}

const char *
vocab_name(enum vocab v, int id, enum lang lang)
{
	build_spellings();
	for (size_t i = 0; i < n_spellings; i++)
		if (spellings[i].vocab == v && spellings[i].id == id &&
		    spellings[i].lang == lang)
			return spellings[i].written;
	return tables[v].entries[id].canonical;
}

const char *
vocab_suggest(unsigned mask, const char *written)
{
	build_spellings();
	const char **candidates = xmalloc(n_spellings * sizeof(char *));
	size_t n = 0;
	for (size_t i = 0; i < n_spellings; i++)
		if (mask & VOCAB_BIT(spellings[i].vocab))
			candidates[n++] = spellings[i].written;
	long best = text_nearest(written, candidates, n);
	const char *found = best >= 0 ? candidates[best] : NULL;
	free(candidates);
	return found;
}

char *
vocab_list(unsigned mask, enum lang lang)
{
	struct buf b = {0};
	for (int v = 0; v < VOCAB__MAX; v++) {
		if (!(mask & VOCAB_BIT(v)))
			continue;
		for (int id = 0; id < tables[v].n; id++) {
			if (b.len)
				buf_puts(&b, ", ");
			buf_puts(&b, vocab_name(v, id, lang));
		}
	}
	return buf_detach(&b);
}

int
vocab_size(enum vocab v)
{
	return tables[v].n;
}
