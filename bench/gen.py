"""gen.py - writes a workspace of synthetic but realistic journeys for `make bench`.

Every journey has 10 stages and 30 touchpoints (three per stage), in the
Markdown form of docs/formats.md: attributes, descriptions, touchpoints of
every kind with actors, letter texts, durations, emotions and handovers, pain
points and opportunities, both as stage items and under `###` groups. A few
personas are shared by all journeys. The output depends only on the seed and
the journey's number, so the first 100 journeys of a 1,000-journey workspace
are the 100-journey workspace, byte for byte.

Usage: python3 bench/gen.py DIR N [SEED]
"""

import os
import random
import sys
import textwrap

DEFAULT_SEED = 2025
STAGES = 10
TOUCHPOINTS_PER_STAGE = 3

PERSONAS = [
    # id, name, age, place, position, rung, income, traits, summary
    ("samira", "Samira", 34, "Nijmegen", "thuis", 1, "uitkering",
     "laaggeletterd, angstig",
     "Samira (34) woont met haar zoon in een flat in de wijk. Ze spreekt "
     "goed Nederlands maar leest het moeilijk."),
    ("henk", "Henk", 58, "Ede", "dagbesteding", 3, "uitkering",
     "weinig-digitaal",
     "Henk (58) werkte dertig jaar in de bouw, tot zijn rug het opgaf. Hij "
     "mist de collega's meer dan het werk."),
    ("ayse", "Ayşe", 27, "Oldenzaal", "sociale-basis", 2, "geen",
     "schulden",
     "Ayşe (27) zorgde jaren voor haar moeder. Nu wil ze iets voor zichzelf, "
     "maar de schulden van haar ex drukken op alles."),
    ("kevin", "Kevin", 22, "Nieuwegein", "arbeidsmatige-dagbesteding", 3,
     "uitkering", "angstig, weinig-digitaal",
     "Kevin (22) kwam van het praktijkonderwijs en zat daarna twee jaar "
     "thuis. Hij is handig met hout en met dieren."),
    ("marleen", "Marleen", 45, "Doetinchem", "vrijwilligerswerk", 4,
     "gemengd", "",
     "Marleen (45) werkte in de zorg tot een burn-out. Ze doet nu "
     "vrijwilligerswerk in de bibliotheek en wil weer betaald werk."),
    ("rachid", "Rachid", 39, "Nijmegen", "beschut-werk", 5, "loon",
     "laaggeletterd",
     "Rachid (39) werkt in de groenvoorziening via beschut werk. Hij is "
     "trots op zijn vaste contract en bang het kwijt te raken."),
]

REGIONS = ["Rijk van Nijmegen", "Ede", "Twente", "Nieuwegein", "Achterhoek",
           "Utrecht-West", "Gelderland-Zuid", "Zuid-Limburg"]

# The ladder, lowest rung first; a journey climbs it with relapses.
LADDER = [
    ["thuis"],
    ["sociale-basis", "buurt"],
    ["dagbesteding", "arbeidsmatige-dagbesteding", "arbeidsmatige dagbesteding"],
    ["vrijwilligerswerk"],
    ["beschut-werk", "werk-met-ondersteuning", "ips", "loonkostensubsidie"],
    ["betaald-werk"],
]

STAGE_TITLES = [
    "Melding bij het sociaal team", "Het keukentafelgesprek",
    "Wachten op een indicatie", "Wachten op een plek",
    "Eerste weken op de werkplaats", "Dagbesteding op de zorgboerderij",
    "Overstap naar de groenploeg", "Een proefplaatsing in de kringloop",
    "Terugval na een verhuizing", "Weer thuis", "Een nieuwe melding",
    "Herindicatie", "Begeleiding naar werk", "Een baan met loonkostensubsidie",
    "Vrijwilligerswerk in de bibliotheek", "Schuldhulp en budgetcoaching",
    "De inkomenscheck", "Een contract bij de gemeente",
    "Jobcoaching op de werkvloer", "Evaluatie na een jaar",
    "Van dagbesteding naar beschut werk", "Aanvraag bij het UWV",
    "Ziekte en herstel", "Een nieuwe consulent",
    "Samen met het buurtteam", "Taalles in het buurthuis",
    "Werken in de keuken", "Afscheid van de werkplaats",
    "Een tweede kans", "Eigen geld verdienen",
]

ACTORS = ["Wmo-consulent", "klantmanager", "jobcoach", "buurtcoach",
          "werkbegeleider", "begeleider zorgboerderij", "schuldhulpverlener",
          "IPS-trajectbegeleider", "arbeidsdeskundige", "wijkverpleegkundige",
          "werkgever", "huisarts", "maatje", "consulent sociaal wijkteam"]

ORGANISATIONS = ["sociaal team", "WerkBedrijf", "Stichting De Werkplaats",
                 "zorgboerderij De Hoeve", "het buurthuis", "UWV",
                 "de bibliotheek", "Kringloop Oost", "groenploeg Noord"]

EMOTIONS = ["-2", "-1", "0", "1", "2", "+1", "negatief", "positief",
            "neutraal", "heel negatief", "zeer positief"]

UNITS = [("dagen", 30), ("weken", 12), ("maanden", 14), ("jaar", 2)]

# Touchpoint kinds as written, with their weight in the mix and class.
KINDS = [
    ("brief", 10, "written"), ("beschikking", 7, "written"),
    ("e-mail", 5, "written"), ("portaal", 3, "written"),
    ("gesprek", 12, "personal"), ("keukentafelgesprek", 3, "personal"),
    ("telefoon", 8, "personal"), ("huisbezoek", 4, "personal"),
    ("intake", 4, "personal"), ("evaluatie", 6, "personal"),
    ("herindicatie", 2, "personal"), ("overdracht", 6, "handover"),
    ("proefplaatsing", 2, "personal"), ("inkomenscheck", 3, "personal"),
    ("wachttijd", 7, "waiting"), ("overig", 2, "other"),
]

TITLES = {
    "written": ["bevestiging van de afspraken", "uitnodiging voor een gesprek",
                "toekenning van de maatwerkvoorziening",
                "wijziging van de uitkering", "besluit over de indicatie",
                "herinnering aan de afspraak", "overzicht van de inkomsten",
                "informatie over de wachtlijst"],
    "personal": ["kennismaking aan de keukentafel",
                 "de consulent belt om een afspraak te maken",
                 "gesprek over wat wel lukt", "evaluatie na drie maanden",
                 "rondleiding op de werkplek", "uitleg over het geld",
                 "samen het plan doorlopen", "terugblik met de jobcoach"],
    "handover": ["de begeleider gaat de eerste dag mee",
                 "overdracht naar de nieuwe consulent",
                 "het dossier gaat naar het UWV"],
    "waiting": ["wachten op een plek", "wachten op het besluit",
                "wachtlijst van de werkplaats", "wachten op een gesprek"],
    "other": ["eigen kluisje op de werkplaats", "een pasje voor de bus"],
}

LETTER_TEXTS = [
    "Op grond van artikel 2.3.5 van de Wmo 2015 kennen wij u een "
    "maatwerkvoorziening toe.",
    "U krijgt een plek in de werkplaats. U begint op maandag om negen uur. "
    "Neem deze brief mee.",
    "Naar aanleiding van uw melding en het daarop gevolgde onderzoek kennen "
    "wij u met ingang van heden een indicatie toe voor de duur van twaalf "
    "maanden. Tegen dit besluit kunt u binnen zes weken bezwaar maken.",
    "Wij hebben uw aanvraag ontvangen. U hoort binnen acht weken of u recht "
    "heeft op begeleiding.",
    "Uw uitkering wordt per de eerste van de maand aangepast aan uw "
    "inkomsten uit loon. De grondslag van deze wijziging vindt u in de bijlage.",
    "Fijn dat u er was. We zien u volgende week weer. Bel ons als er iets is.",
    "Uit de door u verstrekte gegevens blijkt dat uw inkomen de voor u "
    "geldende grens overschrijdt; de ten onrechte verstrekte bijstand wordt "
    "teruggevorderd.",
]

PAIN_POINTS = [
    "niemand belt terug na het gesprek",
    "de brief komt pas na drie weken",
    "de consulent die het gezin kende is vertrokken",
    "de bus rijdt op woensdag niet",
    "het is niet duidelijk wat werken betekent voor de uitkering",
    "het portaal werkt alleen met DigiD",
    "de wachtlijst is langer dan beloofd",
    "het verslag van het gesprek klopt niet",
]

OPPORTUNITIES = [
    "de jobcoach kan de eerste dag meegaan",
    "een vast aanspreekpunt voor het hele traject",
    "de brief samen doornemen aan de keukentafel",
    "eerst plaatsen, dan trainen",
    "vooraf uitrekenen wat werken oplevert",
]

SENTENCES = [
    "Het gesprek zelf is goed: de consulent luistert en vraagt wat "
    "{name} vroeger deed.",
    "{name} werkt drie ochtenden per week en wijst de nieuwe deelnemers "
    "de weg.",
    "Het duurt vijf weken voor er iemand langskomt.",
    "De begeleider ziet al snel wat {name} kan.",
    "Na de verhuizing gaat het even mis; {name} komt een maand niet opdagen.",
    "De werkgever wil {name} houden, maar weet niet hoe de subsidie werkt.",
    "Thuis is het onrustig, en dat merken ze op de werkplek.",
    "{name} is trots op het eerste loonstrookje.",
]

TYPOS = [("toelichtng", "nee"), ("emotei", "1")]


def weighted_kinds(rng, n):
    kinds = [k for k, _, _ in KINDS]
    weights = [w for _, w, _ in KINDS]
    return rng.choices(kinds, weights=weights, k=n)


KIND_CLASS = {k: c for k, _, c in KINDS}


def duration(rng):
    unit, top = rng.choice(UNITS)
    return "%d %s" % (rng.randint(1, top), unit)


def positions(rng):
    """A walk over the ladder: mostly up or level, now and then a relapse."""
    rung = rng.choice([0, 0, 1, 2])
    out = []
    for _ in range(STAGES):
        out.append(rng.choice(LADDER[rung]))
        r = rng.random()
        if r < 0.15 and rung > 0:
            rung = max(0, rung - rng.randint(1, 2))
        elif r < 0.6:
            rung = min(len(LADDER) - 1, rung + 1)
    return out


def touchpoint(rng, kind, indent, typo):
    cls = KIND_CLASS[kind]
    lines = ["%s- %s: %s" % (indent, kind, rng.choice(TITLES[cls]))]
    sub = indent + "  "
    if cls == "written":
        lines.append("%s- van: %s" % (sub, rng.choice(ACTORS)))
        lines.append("%s- toelichting: %s" % (sub, rng.choice(["ja", "nee"])))
        lines.append("%s- tekst: %s" % (sub, rng.choice(LETTER_TEXTS)))
    elif cls == "waiting":
        lines.append("%s- duur: %s" % (sub, duration(rng)))
    elif cls == "handover":
        lines.append("%s- warm: %s" % (sub, rng.choice(["ja", "nee", "ja"])))
    elif cls == "personal" and rng.random() < 0.5:
        lines.append("%s- met: %s, %s" % (sub, rng.choice(ACTORS),
                                          rng.choice(ACTORS)))
    if rng.random() < 0.3:
        lines.append("%s- emotie: %s" % (sub, rng.choice(EMOTIONS)))
    if typo:
        key, value = rng.choice(TYPOS)
        lines.append("%s- %s: %s" % (sub, key, value))
    return lines


def stage(rng, name, title, position, typo_at):
    lines = ["## " + title,
             "- positie: " + position,
             "- actor: %s, %s" % tuple(rng.sample(ACTORS, 2))]
    if rng.random() < 0.6:
        lines.append("- organisatie: " + rng.choice(ORGANISATIONS))
    lines.append("- emotie: " + rng.choice(EMOTIONS))
    lines.append("- duur: " + duration(rng))
    kinds = weighted_kinds(rng, TOUCHPOINTS_PER_STAGE)
    grouped = rng.random() < 0.5
    if not grouped:
        for i, kind in enumerate(kinds):
            lines += touchpoint(rng, kind, "", typo_at == i)
        for _ in range(rng.randint(0, 2)):
            lines.append("- knelpunt: " + rng.choice(PAIN_POINTS))
        if rng.random() < 0.3:
            lines.append("- kans: " + rng.choice(OPPORTUNITIES))
    lines.append("")
    if rng.random() < 0.6:
        text = " ".join(s.format(name=name) for s in rng.sample(SENTENCES, 2))
        lines += textwrap.wrap(text, 76) + [""]
    if grouped:
        lines.append("### Contactmomenten")
        for i, kind in enumerate(kinds):
            lines += touchpoint(rng, kind, "", typo_at == i)
        lines.append("")
        pains = rng.randint(0, 2)
        if pains:
            lines.append("### Knelpunten")
            lines += ["- " + p for p in rng.sample(PAIN_POINTS, pains)]
            lines.append("")
        if rng.random() < 0.3:
            lines += ["### Kansen", "- " + rng.choice(OPPORTUNITIES), ""]
    return lines


def journey(seed, number):
    rng = random.Random("%d:%d" % (seed, number))
    pid, name = PERSONAS[number % len(PERSONAS)][:2]
    about = ("Deze reis volgt %s door de keten van arbeid, van thuis naar "
             "werk en soms weer terug. %s is een samengesteld, fictief "
             "persoon." % (name, name))
    lines = ["# %s: reis %d door de keten" % (name, number), "",
             "- persona: " + pid,
             "- regio: " + rng.choice(REGIONS),
             "- soort: " + rng.choice(["huidig", "huidig", "gewenst"]),
             "- auteur: werkgroep klantreizen " + rng.choice(REGIONS),
             "- datum: 2025-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)),
             ""] + textwrap.wrap(about, 76) + [""]
    titles = rng.sample(STAGE_TITLES, STAGES)
    # One journey in fifty has a misspelt key somewhere (an S006 warning).
    typo_stage = rng.randrange(STAGES) if rng.random() < 0.02 else -1
    for i, (title, position) in enumerate(zip(titles, positions(rng))):
        typo_at = rng.randrange(TOUCHPOINTS_PER_STAGE) if i == typo_stage else -1
        lines += stage(rng, name, title, position, typo_at)
    return "\n".join(lines)


def persona(p):
    pid, name, age, place, position, rung, income, traits, summary = p
    lines = ["# " + name, "", summary, "",
             "- leeftijd: %d" % age, "- woonplaats: " + place,
             "- positie: " + position, "- trede: %d" % rung,
             "- inkomen: " + income]
    if traits:
        lines.append("- kenmerken: " + traits)
    lines += ["", "## Talenten", "- werkt precies en netjes",
              "- helpt nieuwe deelnemers op weg", "",
              "## Zorgen", "- bang dat meer werken minder geld betekent", "",
              "## Doelen", "- een vaste plek met vaste tijden", "",
              "## Citaat", "> Ik wil gewoon weer ergens bij horen.", ""]
    return "\n".join(lines)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def generate(folder, count, seed=DEFAULT_SEED):
    """Writes personas/ and journeys/ with `count` journeys into folder."""
    os.makedirs(os.path.join(folder, "personas"), exist_ok=True)
    os.makedirs(os.path.join(folder, "journeys"), exist_ok=True)
    for p in PERSONAS:
        write(os.path.join(folder, "personas", p[0] + ".md"), persona(p))
    for number in range(count):
        pid = PERSONAS[number % len(PERSONAS)][0]
        name = "%s-%05d.md" % (pid, number)
        write(os.path.join(folder, "journeys", name), journey(seed, number))


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: gen.py DIR N [SEED]\n")
        return 2
    generate(argv[1], int(argv[2]), int(argv[3]) if len(argv) == 4 else DEFAULT_SEED)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
