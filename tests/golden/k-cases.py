#!/usr/bin/env python3
"""k-cases.py - writes the golden cases of the friction rules (tests/golden/k0*
and k-config): for each rule, journeys where it fires (vuurt-*) and near
misses where it must not (mist-*). Usage: python3 tests/golden/k-cases.py ./keten
then `UPDATE=1 sh tests/golden/run.sh ./keten k0...` and review the diff."""
import json, os, shutil, subprocess, sys

ROOT = os.path.dirname(os.path.abspath(__file__))
KETEN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./keten")

PERSONAS = {
    "anna": ("Anna", "", True),
    "bram": ("Bram", "laaggeletterd", True),
    "cor": ("Cor", "angstig", True),
    "dirk": ("Dirk", "schulden", True),
    "eva": ("Eva", "weinig digitaal", True),
}

def persona_md(pid, name, traits, talents, extra=""):
    s = f"# {name}\n\n{name} is een verzonnen persona voor de tests.\n\n- id: {pid}\n- positie: thuis\n"
    if traits:
        s += f"- kenmerken: {traits}\n"
    s += extra
    if talents:
        s += "\n## Talenten\n- houdt van koken\n"
    return s

def stage(title, pos, *lines):
    s = f"\n## {title}\n- positie: {pos}\n"
    for l in lines:
        s += l + "\n"
    return s

def journey(title, persona, *stages, head=""):
    s = f"# {title}\n\n- persona: {persona}\n{head}"
    for st in stages:
        s += st
    return s

def write_case(name, personas, journeys, args, chains=None, persona_extra=None):
    d = os.path.join(ROOT, name)
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(os.path.join(d, "personas"))
    os.makedirs(os.path.join(d, "journeys"))
    for pid in personas:
        n, t, tal = PERSONAS[pid]
        with open(os.path.join(d, "personas", pid + ".md"), "w") as f:
            f.write(persona_md(pid, n, t, tal))
    for fname, text in (persona_extra or {}).items():
        with open(os.path.join(d, "personas", fname), "w") as f:
            f.write(text)
    for fname, text in journeys.items():
        with open(os.path.join(d, "journeys", fname), "w") as f:
            f.write(text)
    if chains:
        os.makedirs(os.path.join(d, "chains"))
        for cid, text in chains.items():
            with open(os.path.join(d, "chains", cid + ".json"), "w") as f:
                f.write(text)
    with open(os.path.join(d, "args"), "w") as f:
        f.write(args)

DEFAULT_CHAIN = json.loads(subprocess.run([KETEN, "chain", "--dump"],
                                          capture_output=True, text=True).stdout)

def chain_variant(cid, title, change):
    c = json.loads(json.dumps(DEFAULT_CHAIN))
    c["chain"]["id"] = cid
    c["chain"]["title"] = title
    change(c["chain"])
    return json.dumps(c, indent=2, ensure_ascii=False) + "\n"

STD_ARGS = """# each case: Dutch text, English text, JSON
check.txt 0 check --lang nl
check-en.txt 0 check --lang en
check.json 0 check --format json
"""

# K001 -------------------------------------------------------------------
write_case("k001-letter", ["anna", "bram"], {
    "vuurt-brief.md": journey("Brief zonder uitleg", "anna",
        stage("Thuis", "thuis", "- brief: uitnodiging voor een gesprek")),
    "vuurt-beschikking-laaggeletterd.md": journey("Beschikking voor Bram", "bram",
        stage("Thuis", "thuis", "- beschikking: toekenning van een voorziening")),
    "vuurt-brief-laaggeletterd.md": journey("Brief voor Bram", "bram",
        stage("Thuis", "thuis", "- brief: uitnodiging")),
    "vuurt-toelichting-nee.md": journey("Toelichting nee", "anna",
        stage("Thuis", "thuis", "- brief: besluit over de uitkering", "  - toelichting: nee",
              "- telefoon: de consulent belt erna")),
    "vuurt-volgende-fase-schriftelijk.md": journey("Volgende fase begint met een e-mail", "anna",
        stage("Eerst", "thuis", "- brief: uitnodiging"),
        stage("Daarna", "thuis", "- e-mail: herinnering", "- gesprek: eindelijk een gesprek")),
    "vuurt-koude-overdracht-erna.md": journey("Overdracht zonder warmte", "anna",
        stage("Thuis", "thuis", "- brief: uitnodiging", "- overdracht: dossier gaat door", "  - warm: nee")),
    "mist-telefoon-erna.md": journey("Telefoon na de brief", "anna",
        stage("Thuis", "thuis", "- brief: uitnodiging", "- telefoon: de consulent legt het uit")),
    "mist-volgende-fase-persoonlijk.md": journey("Gesprek in de volgende fase", "anna",
        stage("Eerst", "thuis", "- brief: uitnodiging"),
        stage("Daarna", "thuis", "- gesprek: de brief wordt besproken")),
    "mist-toelichting-ja.md": journey("Toelichting ja", "anna",
        stage("Thuis", "thuis", "- beschikking: toekenning", "  - toelichting: ja")),
    "mist-warme-overdracht-erna.md": journey("Warme overdracht na de brief", "anna",
        stage("Thuis", "thuis", "- brief: uitnodiging", "- overdracht: samen naar de nieuwe begeleider")),
    "mist-gesprek-ervoor-telt-niet.md": journey("Gesprek voor de brief telt niet", "anna",
        stage("Thuis", "thuis", "- gesprek: kennismaking", "- brief: verslag van het gesprek")),
}, STD_ARGS)

# K002 -------------------------------------------------------------------
write_case("k002-reindication", ["anna", "cor"], {
    "vuurt-herindicatie.md": journey("Herindicatie", "anna",
        stage("Dagbesteding", "dagbesteding", "- emotie: 0", "- duur: 100 dagen",
              "- herindicatie: heronderzoek")),
    "vuurt-angstig.md": journey("Herindicatie voor Cor", "cor",
        stage("Dagbesteding", "dagbesteding", "- duur: 100 dagen", "- herindicatie: heronderzoek")),
    "vuurt-negatieve-emotie.md": journey("Herindicatie in een slechte tijd", "anna",
        stage("Dagbesteding", "dagbesteding", "- emotie: -1", "- duur: 100 dagen",
              "- herindicatie: heronderzoek")),
    "vuurt-voorbereid.md": journey("Voorbereide herindicatie", "anna",
        stage("Dagbesteding", "dagbesteding", "- duur: 100 dagen", "- bezoek: de consulent komt langs",
              "- herindicatie: heronderzoek")),
    "vuurt-gesprek-erna.md": journey("Gesprek pas na de herindicatie", "anna",
        stage("Dagbesteding", "dagbesteding", "- duur: 100 dagen", "- herindicatie: heronderzoek",
              "- gesprek: uitleg achteraf")),
    "vuurt-termijn-net-over.md": journey("Net over de termijn", "anna",
        stage("Eerste half jaar", "dagbesteding", "- duur: 180 dagen", "- gesprek: start"),
        stage("Tweede half jaar", "dagbesteding", "- duur: 181 dagen", "- gesprek: evaluatie")),
    "mist-termijn-precies.md": journey("Precies op de termijn", "anna",
        stage("Eerste half jaar", "dagbesteding", "- duur: 180 dagen", "- gesprek: start"),
        stage("Tweede half jaar", "dagbesteding", "- duur: 180 dagen", "- gesprek: evaluatie")),
    "mist-andere-positie.md": journey("Twee posities, twee termijnen", "anna",
        stage("Dagbesteding", "dagbesteding", "- duur: 200 dagen", "- gesprek: start"),
        stage("Arbeidsmatig", "arbeidsmatige-dagbesteding", "- duur: 200 dagen", "- gesprek: start")),
    "mist-geen-indicatie.md": journey("Vrijwilligerswerk heeft geen indicatie", "anna",
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- duur: 800 dagen", "- gesprek: start")),
}, STD_ARGS)

# K003 -------------------------------------------------------------------
ONE_ROOF = chain_variant("een-dak", "Wmo en Participatiewet onder één dak",
    lambda c: [d.update({"organisation": "Het Werkbedrijf"}) for d in c["domains"] if d["id"] in ("wmo", "pw")])
write_case("k003-cold-handover", ["anna"], {
    "vuurt-omhoog.md": journey("Van thuis naar dagbesteding", "anna",
        stage("Thuis", "thuis", "- gesprek: melding"),
        stage("Dagbesteding", "dagbesteding", "- gesprek: kennismaking")),
    "vuurt-omlaag.md": journey("Van werk terug naar dagbesteding", "anna",
        stage("Werk", "werk-met-ondersteuning", "- gesprek: jobcoach"),
        stage("Dagbesteding", "dagbesteding", "- gesprek: opvang")),
    "vuurt-warm-nee.md": journey("Overdracht die niet warm is", "anna",
        stage("Thuis", "thuis", "- gesprek: melding"),
        stage("Dagbesteding", "dagbesteding", "- overdracht: het dossier wordt gemaild", "  - warm: nee")),
    "mist-warme-overdracht.md": journey("Warme overdracht", "anna",
        stage("Thuis", "thuis", "- gesprek: melding"),
        stage("Dagbesteding", "dagbesteding", "- overdracht: de consulent gaat mee", "  - warm: ja")),
    "mist-zelfde-domein.md": journey("Binnen de Wmo", "anna",
        stage("Dagbesteding", "dagbesteding", "- gesprek: start"),
        stage("Arbeidsmatig", "arbeidsmatige-dagbesteding", "- gesprek: start")),
    "vuurt-zonder-een-dak.md": journey("Wmo naar Participatiewet, ingebouwd model", "anna",
        stage("Arbeidsmatig", "arbeidsmatige-dagbesteding", "- gesprek: start"),
        stage("Werk", "werk-met-ondersteuning", "- gesprek: jobcoach")),
    "mist-onder-een-dak.md": journey("Wmo naar Participatiewet onder één dak", "anna",
        stage("Arbeidsmatig", "arbeidsmatige-dagbesteding", "- gesprek: start"),
        stage("Werk", "werk-met-ondersteuning", "- gesprek: jobcoach"),
        head="- keten: een-dak\n"),
}, STD_ARGS, chains={"een-dak": ONE_ROOF})

# K004 -------------------------------------------------------------------
write_case("k004-relapse", ["anna"], {
    "vuurt-terugval.md": journey("Terugval zonder contact", "anna",
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- gesprek: start"),
        stage("Buurthuis", "sociale-basis", "- brief: afmelding vrijwilligerswerk", "  - toelichting: ja")),
    "mist-terugval-opgevangen.md": journey("Terugval met een bezoek", "anna",
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- gesprek: start"),
        stage("Buurthuis", "sociale-basis", "- bezoek: de buurtwerker komt langs")),
    "mist-zelfde-trede.md": journey("Zelfde trede", "anna",
        stage("Dagbesteding", "dagbesteding", "- gesprek: start"),
        stage("Arbeidsmatig", "arbeidsmatige-dagbesteding")),
}, STD_ARGS)

# K005 -------------------------------------------------------------------
BIG_STEPS = chain_variant("grote-stappen", "Grotere stappen toegestaan",
    lambda c: c["thresholds"].update({"max_step_up": 3}))
write_case("k005-big-step", ["anna"], {
    "vuurt-sprong.md": journey("Van thuis naar vrijwilligerswerk", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- gesprek: start")),
    "mist-kleine-stappen.md": journey("In stapjes", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Buurthuis", "sociale-basis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- gesprek: start")),
    "mist-regionale-drempel.md": journey("Drie treden mag in deze regio", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- gesprek: start"),
        head="- keten: grote-stappen\n"),
}, STD_ARGS, chains={"grote-stappen": BIG_STEPS})

# K006 -------------------------------------------------------------------
def wait(days):
    return ["- wachttijd: wachten op een plek", f"  - duur: {days} dagen"]
write_case("k006-long-wait", ["anna"], {
    "vuurt-43-dagen.md": journey("43 dagen", "anna", stage("Thuis", "thuis", *wait(43))),
    "mist-42-dagen.md": journey("42 dagen", "anna", stage("Thuis", "thuis", *wait(42))),
    "vuurt-84-dagen.md": journey("84 dagen", "anna", stage("Thuis", "thuis", *wait(84))),
    "vuurt-85-dagen.md": journey("85 dagen", "anna", stage("Thuis", "thuis", *wait(85))),
    "mist-geen-duur.md": journey("Wachten zonder duur", "anna",
        stage("Thuis", "thuis", "- wachttijd: wachten op een plek")),
}, STD_ARGS)

# K007 -------------------------------------------------------------------
write_case("k007-many-faces", ["anna"], {
    "vuurt-zes.md": journey("Zes gezichten", "anna",
        stage("Eerst", "thuis", "- actor: consulent, buurtwerker", "- organisatie: gemeente, wijkteam",
              "- gesprek: start", "  - van: Consulent"),
        stage("Daarna", "thuis", "- actor: Buurtwerker , schuldhulp", "- gesprek: verder", "  - van: jobcoach"),
        stage("Later", "thuis", "- actor: werkgever, huisarts")),
    "mist-vijf.md": journey("Vijf gezichten", "anna",
        stage("Eerst", "thuis", "- actor: consulent, buurtwerker", "- gesprek: start", "  - van: CONSULENT"),
        stage("Daarna", "thuis", "- actor: schuldhulp, jobcoach, werkgever")),
    "vuurt-elf.md": journey("Elf gezichten", "anna",
        stage("Eerst", "thuis", "- actor: a1, a2, a3, a4, a5"),
        stage("Daarna", "thuis", "- actor: a6, a7, a8, a9, a10", "- gesprek: nog een", "  - van: a11")),
}, STD_ARGS)

# K008 -------------------------------------------------------------------
def emo(title, value):
    return stage(title, "thuis", f"- emotie: {value}", "- gesprek: hoe gaat het")
write_case("k008-emotional-dip", ["anna"], {
    "vuurt-daling.md": journey("Daling van twee", "anna", emo("Goed", 1), emo("Minder", -1)),
    "mist-daling-van-een.md": journey("Daling van een", "anna", emo("Goed", 1), emo("Iets minder", 0)),
    "vuurt-dieptepunt-eerst.md": journey("Dieptepunt aan het begin", "anna", emo("Slecht", -2), emo("Beter", -1)),
    "vuurt-beide.md": journey("Daling naar het dieptepunt", "anna", emo("Goed", 1), emo("Dieptepunt", -2)),
    "mist-zonder-emotie.md": journey("Geen emotie in de eerste fase", "anna",
        stage("Onbekend", "thuis", "- gesprek: start"), emo("Matig", -1)),
}, STD_ARGS)

# K009 -------------------------------------------------------------------
INCOME = chain_variant("inkomen", "Kleine stappen tussen uitkering en loon",
    lambda c: [p.update({"income": "mixed"}) for p in c["positions"] if p["id"] == "sociale-basis"])
def inc(*extra_a, extra_b=()):
    return (stage("Thuis", "thuis", "- gesprek: start", *extra_a),
            stage("Buurtbaan", "sociale-basis", "- gesprek: start", *extra_b))
write_case("k009-income-risk", ["anna", "dirk"], {
    "vuurt-inkomen.md": journey("Ander inkomen zonder check", "anna", *inc(), head="- keten: inkomen\n"),
    "vuurt-schulden.md": journey("Ander inkomen met schulden", "dirk", *inc(), head="- keten: inkomen\n"),
    "mist-check-in-a.md": journey("Check voor de overgang", "anna",
        *inc("- inkomenscheck: wat verandert er"), head="- keten: inkomen\n"),
    "mist-check-in-b.md": journey("Check na de overgang", "anna",
        *inc(extra_b=("- inkomenscheck: wat verandert er",)), head="- keten: inkomen\n"),
    "mist-geen-inkomen-bekend.md": journey("Ingebouwd model: sociale basis zonder inkomen", "anna", *inc()),
}, STD_ARGS, chains={"inkomen": INCOME})

# K010 -------------------------------------------------------------------
def letter(text, *more):
    return stage("Thuis", "thuis", "- brief: een brief", "  - toelichting: ja", f"  - tekst: {text}", *more)
write_case("k010-hard-language", ["anna", "bram"], {
    "vuurt-jargon.md": journey("Jargon", "anna", letter("U krijgt een beschikking van ons.")),
    "vuurt-jargon-laaggeletterd.md": journey("Jargon voor Bram", "bram", letter("U krijgt een Beschikking van ons.")),
    "vuurt-frase.md": journey("Jargon van twee woorden", "anna", letter("U krijgt zorg in natura.")),
    "vuurt-moeilijk.md": journey("Lange zin", "anna", letter(
        "Indien onverhoopt gebleken mocht zijn dat ondergetekende gegevens onvolledig "
        "aangeleverd werden, verzoeken wij belanghebbende vriendelijk doch dringend "
        "aanvullende documentatie onverwijld te overhandigen.")),
    "mist-eenvoudig.md": journey("Eenvoudige brief", "anna", letter("U kunt maandag komen. Wij bellen u eerst. Tot dan!")),
    "mist-samenstelling.md": journey("Samenstelling is geen jargon", "anna", letter("Dit is uw indicatie-aanvraag. Wij kijken er snel naar.")),
    "mist-gesprek.md": journey("Een gesprek is geen tekst om te lezen", "anna",
        stage("Thuis", "thuis", "- gesprek: uitleg", "  - tekst: U krijgt een beschikking en een indicatie.")),
}, STD_ARGS)

# K011 -------------------------------------------------------------------
write_case("k011-no-talents", ["anna"], {
    "reis.md": journey("Reis van Frits", "frits", stage("Thuis", "thuis", "- gesprek: start")),
}, STD_ARGS, persona_extra={
    "frits.md": "# Frits\n\nFrits is een verzonnen persona zonder talenten.\n\n- positie: thuis\n\n## Behoeften\n- rust\n",
})

# K012 -------------------------------------------------------------------
write_case("k012-personal-data", ["anna"], {
    "vuurt.md": journey("Reis met gegevens", "gijs",
        stage("Thuis", "thuis", "- gesprek: bel hem op 06-12345678",
              "  - tekst: Mail naar gijs.jansen@example.nl of bel +31 20 123 4567.",
              "- notitie: BSN 111.222.333 staat in het dossier"),
        stage("Buurthuis", "sociale-basis", "- gesprek: geen gegevens: 123456789, 12.03.2024, € 1.250, 6511 AB"),
        stage("Bel Gijs op 0687654321", "sociale-basis", "- brief: mail gijs@voorbeeld.nl voor uitleg")),
}, STD_ARGS.replace("check.txt 0", "check.txt 1").replace("check-en.txt 0", "check-en.txt 1")
             .replace("check.json 0", "check.json 1"),
   persona_extra={
    "gijs.md": "# Gijs\n\nGijs woont op Dorpsstraat 1. Zijn BSN is 123456782 en\nzijn e-mail gijs@example.org.\n\n- positie: thuis\n\n## Talenten\n- tuinieren\n\n## Citaat\n> Bel me gerust: 0612345678\n",
})

# K013 -------------------------------------------------------------------
write_case("k013-pain-point", ["anna"], {
    "vuurt.md": journey("Knelpunten", "anna",
        stage("Thuis", "thuis", "- gesprek: start", "- knelpunt: niemand weet wie de consulent is",
              "- knelpunt: de brief komt op vrijdag"),
        stage("Buurthuis", "sociale-basis", "- negeer: K013", "- gesprek: start",
              "- knelpunt: dit knelpunt is besproken en geaccepteerd")),
}, STD_ARGS)

# K014 -------------------------------------------------------------------
write_case("k014-digital", ["anna", "eva"], {
    "vuurt.md": journey("Portaal voor Eva", "eva", stage("Thuis", "thuis", "- portaal: wijziging doorgeven")),
    "mist-met-hulp.md": journey("Portaal met hulp", "eva",
        stage("Thuis", "thuis", "- portaal: wijziging doorgeven", "- telefoon: de consulent helpt")),
    "mist-digitaal-vaardig.md": journey("Portaal voor Anna", "anna",
        stage("Thuis", "thuis", "- portaal: wijziging doorgeven")),
}, STD_ARGS)

# Version 2 of K003, K004, K005, K006, K008 and K009 -----------------------
# (v2-friction.md section 3; docs/rules.md "K003, ... and K011 in version 2").
# The v1 cases above keep their inputs: k004 vuurt-terugval and k005
# vuurt-sprong are quiet in version 2 (a conversation in the stage before the
# step down, in the stage of the big step) and show that change.
PARTIAL = "- contacten: onvolledig\n"
write_case("k003-v2", ["anna"], {
    "vuurt-alleen-verwijzing.md": journey("Alleen een verwijzing naar de Wmo", "anna",
        stage("Thuis", "thuis", "- gesprek: melding", "- verwijzing: naar het wijkteam voor dagbesteding"),
        stage("Dagbesteding", "dagbesteding", "- gesprek: kennismaking")),
    "vuurt-warm-nee-onvolledig.md": journey("Koude overdracht is ook in een onvolledige reis een feit", "anna",
        stage("Thuis", "thuis", "- gesprek: melding"),
        stage("Dagbesteding", "dagbesteding", "- overdracht: het dossier wordt gemaild", "  - warm: nee"),
        head=PARTIAL),
    "vraag-onvolledig.md": journey("Niemand weet hoe de overdracht ging", "anna",
        stage("Thuis", "thuis", "- gesprek: melding"),
        stage("Dagbesteding", "dagbesteding", "- gesprek: kennismaking"),
        head=PARTIAL),
    "mist-warme-overdracht-na-verwijzing.md": journey("Verwijzing en daarna een warme overdracht", "anna",
        stage("Thuis", "thuis", "- verwijzing: naar het wijkteam"),
        stage("Dagbesteding", "dagbesteding", "- overdracht: de buurtwerker gaat mee naar de eerste dag", "  - warm: ja")),
    "mist-ziek-geen-overgang.md": journey("Ziek zijn is geen overgang naar een ander domein", "anna",
        stage("Werk", "werk-met-ondersteuning", "- gesprek: jobcoach"),
        stage("Ziek", "thuis", "- status: ziek", "- telefoon: de jobcoach belt elke week"),
        stage("Weer aan het werk", "werk-met-ondersteuning", "- gesprek: jobcoach")),
    "mist-positie-onbekend.md": journey("Positie onbekend: geen overgang", "anna",
        stage("Thuis", "thuis", "- gesprek: melding"),
        stage("Ergens", "onbekend", "- gesprek: iets"),
        stage("Dagbesteding", "dagbesteding", "- gesprek: kennismaking")),
}, STD_ARGS)

write_case("k004-v2", ["anna"], {
    "vuurt-geen-contact.md": journey("Terugval zonder contact ervoor of erna", "anna",
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- brief: rooster", "  - toelichting: ja"),
        stage("Thuis", "thuis", "- brief: afmelding", "  - toelichting: ja")),
    "vuurt-contact-geen-onvolledig.md": journey("Onvolledig, maar 'contact: geen' is een feit", "anna",
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- brief: rooster", "  - toelichting: ja"),
        stage("Thuis", "thuis", "- contact: geen"),
        head=PARTIAL),
    "vuurt-na-ziekte.md": journey("Na de ziekte terug naar huis, niemand belt", "anna",
        stage("Werk", "werk-met-ondersteuning", "- brief: contract", "  - toelichting: ja"),
        stage("Ziek", "werk-met-ondersteuning", "- status: ziek", "- contact: geen"),
        stage("Thuis", "thuis", "- brief: einde contract", "  - toelichting: ja")),
    "vraag-onvolledig.md": journey("Niemand weet of iemand belde", "anna",
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- brief: rooster", "  - toelichting: ja"),
        stage("Thuis", "thuis", "- brief: afmelding", "  - toelichting: ja"),
        head=PARTIAL),
    "mist-telefoon-ervoor.md": journey("De coördinator belt in de fase ervoor, na de stap omhoog", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- intake: kennismaking"),
        stage("Het gaat minder", "vrijwilligerswerk", "- brief: rooster", "  - toelichting: ja",
              "- telefoon: de coördinator belt als het minder gaat"),
        stage("Weer thuis", "thuis", "- brief: afmelding", "  - toelichting: ja")),
    "vuurt-alleen-intake-bij-de-stap-omhoog.md": journey("Alleen de intake van de stap omhoog", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- intake: kennismaking"),
        stage("Weer thuis", "thuis", "- brief: afmelding", "  - toelichting: ja")),
    "mist-kanaal-gesprek.md": journey("Een toezegging in een gesprek is persoonlijk contact", "anna",
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- brief: rooster", "  - toelichting: ja"),
        stage("Thuis", "thuis", "- toezegging: we zoeken samen iets nieuws", "  - kanaal: gesprek")),
    "mist-ziek-geen-stap-terug.md": journey("Ziek worden is geen stap terug", "anna",
        stage("Werk", "werk-met-ondersteuning", "- brief: contract", "  - toelichting: ja"),
        stage("Ziek thuis", "thuis", "- status: ziek", "- contact: geen"),
        stage("Weer aan het werk", "werk-met-ondersteuning", "- brief: rooster", "  - toelichting: ja")),
}, STD_ARGS)

write_case("k005-v2", ["anna"], {
    "vuurt-zonder-steun.md": journey("Grote sprong zonder steun", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- e-mail: rooster")),
    "vuurt-contact-geen-onvolledig.md": journey("Onvolledig, maar 'contact: geen' is een feit", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- contact: geen"),
        head=PARTIAL),
    "vraag-onvolledig.md": journey("Niemand weet of er steun was", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- e-mail: rooster"),
        head=PARTIAL),
    "mist-proef.md": journey("Grote sprong als proefplaatsing", "anna",
        stage("Thuis", "thuis", "- gesprek: start", "- inkomenscheck: wat verandert er"),
        stage("Proef", "betaald-werk", "- status: proef", "- e-mail: rooster")),
    "mist-met-ondersteuning.md": journey("Grote sprong naar werk met ondersteuning", "anna",
        stage("Thuis", "thuis", "- gesprek: start", "- inkomenscheck: wat verandert er"),
        stage("Werk", "werk-met-ondersteuning", "- e-mail: rooster")),
    "mist-wachtlijst.md": journey("De plek waar de wachtlijst op wachtte", "anna",
        stage("Thuis", "thuis", "- gesprek: start", "- inkomenscheck: wat verandert er"),
        stage("Wachtlijst", "thuis", "- status: wachtlijst", "- wacht op: wsw", "- duur: 30 dagen"),
        stage("Beschut werk", "beschut-werk", "- e-mail: rooster")),
    "mist-gesprek.md": journey("Grote sprong met een gesprek in de nieuwe fase", "anna",
        stage("Thuis", "thuis", "- gesprek: start"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- gesprek: kennismaking")),
}, STD_ARGS)

def waiting_list(days, *more):
    return stage("Wachtlijst", "thuis", "- status: wachtlijst", "- wacht op: dagbesteding",
                 f"- duur: {days} dagen", *more)
write_case("k006-v2", ["anna"], {
    "vuurt-wachtlijst.md": journey("Twee maanden op de wachtlijst", "anna", waiting_list(60)),
    "vuurt-wachtlijst-dubbel.md": journey("Drie maanden op de wachtlijst", "anna", waiting_list(90)),
    "vuurt-een-keer.md": journey("Wachtlijst met een wachttijd erin: één wachttijd", "anna",
        waiting_list(50, "- wachttijd: wachten op een plek", "  - duur: 100 dagen")),
    "mist-binnen-termijn.md": journey("Wachtlijst met een vast aanspreekpunt, binnen de termijn", "anna",
        waiting_list(40, "- regie: Fatima van het wijkteam", "- wachttijd: wachten op een plek",
                     "  - van: Fatima", "  - duur: 40 dagen")),
    "mist-wachtlijst-zonder-duur.md": journey("Wachtlijst zonder duur", "anna",
        stage("Wachtlijst", "thuis", "- status: wachtlijst")),
}, STD_ARGS)

def mood(title, pos, value, *more):
    lines = [f"- emotie: {value}"] if value is not None else []
    return stage(title, pos, *lines, "- gesprek: hoe gaat het", *more)
write_case("k008-v2", ["anna"], {
    "vuurt-afwijzing.md": journey("Laag na een afwijzing, emotie ervoor onbekend", "anna",
        mood("Aanvraag", "thuis", None), mood("Afgewezen", "thuis", -1, "- afwijzing: geen dagbesteding")),
    "vuurt-stopzetting-ervoor.md": journey("Laag na een stopzetting in de fase ervoor", "anna",
        mood("Stopzetting", "thuis", 0, "- stopzetting: uitkering stopgezet", "  - toelichting: ja"),
        mood("Daarna", "thuis", -1)),
    "vuurt-stap-terug.md": journey("Laag na een stap terug", "anna",
        mood("Vrijwilligerswerk", "vrijwilligerswerk", None), mood("Thuis", "thuis", -1)),
    "mist-geen-tegenslag.md": journey("Laag zonder tegenslag en zonder daling", "anna",
        mood("Eerst", "thuis", -1), mood("Daarna", "thuis", -1)),
    "mist-betaling.md": journey("Een betaling is geen tegenslag", "anna",
        mood("Eerst", "thuis", None, "- betaling: nabetaling"), mood("Daarna", "thuis", -1)),
    "vuurt-een-keer.md": journey("Dezelfde afwijzing wordt één keer gemeld, in haar eigen fase", "anna",
        mood("Afgewezen", "thuis", -1, "- afwijzing: geen dagbesteding"), mood("Daarna", "thuis", -1)),
    "mist-ziek-geen-stap-terug.md": journey("Ziek en laag, maar geen stap terug", "anna",
        mood("Werk", "werk-met-ondersteuning", None), mood("Ziek", "thuis", -1, "- status: ziek")),
}, STD_ARGS)

write_case("k009-v2", ["anna", "dirk"], {
    "vuurt-inkomen-van-de-fase.md": journey("Inkomen uit de fase: loon naar uitkering", "anna",
        stage("Werk", "werk-met-ondersteuning", "- gesprek: jobcoach"),
        stage("Opleiding", "opleiding", "- gesprek: start")),
    "vuurt-schulden-gemengd.md": journey("Deeltijdwerk naast de uitkering, met schulden", "dirk",
        stage("Uitkering", "thuis", "- gesprek: start"),
        stage("Deeltijd", "betaald-werk", "- inkomen: gemengd", "- uren: 12", "- gesprek: start")),
    "vuurt-ziek-ander-inkomen.md": journey("Ziek met een ander inkomen", "anna",
        stage("Werk", "betaald-werk", "- gesprek: start"),
        stage("Ziektewet", "betaald-werk", "- status: ziek", "- inkomen: uitkering", "- gesprek: arbo")),
    "vraag-onvolledig.md": journey("Niemand weet of het inkomen is nagerekend", "anna",
        stage("Werk", "werk-met-ondersteuning", "- gesprek: jobcoach"),
        stage("Opleiding", "opleiding", "- gesprek: start"),
        head=PARTIAL),
    "mist-ziek-zelfde-inkomen.md": journey("Ziek met hetzelfde inkomen", "anna",
        stage("Werk", "betaald-werk", "- gesprek: start"),
        stage("Ziek thuis", "thuis", "- status: ziek", "- telefoon: de werkgever belt")),
    "mist-inkomenscheck.md": journey("Ander inkomen met een inkomenscheck", "anna",
        stage("Werk", "werk-met-ondersteuning", "- gesprek: jobcoach"),
        stage("Opleiding", "opleiding", "- inkomenscheck: wat verandert er", "- gesprek: start")),
    "mist-inkomenscheck-onvolledig.md": journey("Onvolledig, maar de inkomenscheck staat er", "anna",
        stage("Werk", "werk-met-ondersteuning", "- inkomenscheck: wat verandert er"),
        stage("Opleiding", "opleiding", "- gesprek: start"),
        head=PARTIAL),
}, STD_ARGS)

# configuration ------------------------------------------------------------
OFF = chain_variant("rustig", "Regio die K013 niet telt", lambda c: c.update({"disable": ["K013"]}))
write_case("k-config", ["anna"], {
    "reis.md": journey("Reis met knelpunten en een sprong", "anna",
        stage("Thuis", "thuis", "- gesprek: start", "- knelpunt: lange wachttijd bij het loket"),
        stage("Vrijwilligerswerk", "vrijwilligerswerk", "- negeer: K005", "- gesprek: start"),
        head="- negeer: K008\n"),
    "kapot.md": journey("Reis met een fout: alleen K012 draait nog", "anna",
        stage("Thuis", "thuis", "- emotie: 7", "- brief: uitnodiging zonder uitleg",
              "- notitie: moeder bereikbaar op 0612345678")),
    "reis-rustig.md": journey("Zelfde reis in een regio zonder K013", "anna",
        stage("Thuis", "thuis", "- gesprek: start", "- knelpunt: lange wachttijd bij het loket"),
        head="- keten: rustig\n"),
}, """# ignore on a stage and a journey, a chain model's disable, --disable;
# a journey with an S-error gets no friction rules, but K012 still runs
check.txt 1 check --lang nl
check.json 1 check --format json
disable.txt 1 check --disable K013,K005
fail-never.txt 0 check --fail-on never
""", chains={"rustig": OFF})
