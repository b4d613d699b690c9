"""Dutch terms that suggest special-category data (AVG art. 9 and 10) in a jobseeker's text.

Plain data; `terms.py` turns it into patterns. Entry syntax, matched on whole words, ignoring
case and accents:
- `word*`   the word and any longer form: `depressi*` → depressie, depressief, depressieve
- `*word`   the word at the end of a compound: `*kanker` → kanker, borstkanker, longkanker
- `a b`     words in this order, separated by spaces or a hyphen
- `burn-out` a hyphen is optional: burn-out, burn out, burnout
- `[de]`    an optional word: `lid van [de] vvd` → "lid van de VVD", "lid van VVD"
CASE_SENSITIVE holds abbreviations that are ordinary words in lower case ("MS" vs "ms",
"DENK" vs "denk"). ALLOWED holds phrases that contain a term but are not about the person
("blind typen", "MS Office", "christelijke basisschool" as an employer).
"""

from .findings import Category

# Stems of origin adjectives and nouns; only flagged in an origin phrase, never alone, because
# "Turks" and "Pools" are also the languages a jobseeker speaks.
ORIGINS = [
    "marokka*", "turk*", "surina*", "antillia*", "arubaan*", "curacaos*", "kaapverdiaan*",
    "ghanee*", "ghanese", "nigeriaan*", "somali*", "eritree*", "eritrese", "ethiopi*",
    "syri*", "irak*", "iran*", "afghaan*", "koerd*", "pool*", "pools*", "bulgaa*",
    "roemee*", "indonesi*", "indisch*", "moluk*", "chinee*", "chinese", "hindostaan*",
    "hindoestaan*", "creool*", "javaan*", "afrikaan*", "aziat*", "arabi*", "berber*",
    "nederland*", "westers*", "niet-westers*", "buitenland*",
]

TERMS: dict[Category, list[str]] = {
    Category.HEALTH: [
        # Diagnoses and conditions
        "burn-out*", "overspannen*", "overwerkt", "depressi*", "diabetes", "diabeet",
        "suikerziekte", "suikerpatient", "hernia", "adhd", "autisme*", "autistisch*",
        "autismespectrumstoornis", "pdd-nos", "asperger", "*kanker", "*tumor", "leukemie",
        "chemo*", "bestraling*", "epilepsie", "epileptisch*", "epileptische", "ptss",
        "posttraumatische stressstoornis", "trauma", "reuma*", "artrose", "artritis", "astma*",
        "copd", "multiple sclerose", "hartaanval", "hartinfarct", "hartklachten", "hartpatient",
        "hartoperatie", "hartfalen", "hartziekte", "hartritmestoornis*", "herseninfarct",
        "beroerte", "hersenletsel", "niet-aangeboren hersenletsel", "psychose", "psychotisch*",
        "schizofren*", "bipolair*", "manisch*", "borderline", "angststoornis*",
        "paniekaanval*", "paniekstoornis*", "persoonlijkheidsstoornis*", "eetstoornis*",
        "anorexia", "boulimia", "ocd", "dwangstoornis*", "verslaafd", "verslaving",
        "afkickkliniek", "afgekickt", "alcoholprobleem", "alcoholproblemen", "drugsprobleem",
        "drugsproblemen", "dyslexie", "dyslectisch", "dyscalculie", "slechthorend*", "doof",
        "dove", "blind", "slechtziend*", "fibromyalgie", "whiplash", "rsi", "migraine",
        "chronisch vermoeid", "chronische vermoeidheid", "long covid", "hiv", "aids",
        "hepatitis", "obesitas", "slaapapneu", "crohn", "colitis", "parkinson", "alzheimer",
        "nierziekte", "dialyse", "longziekte", "zwanger", "zwangerschap*", "miskraam",
        # Complaints, treatment and care
        "rugklachten", "nekklachten", "gezondheidsklachten", "lichamelijke klachten",
        "psychische klachten", "psychische problemen", "psychisch ziek", "psychische aandoening",
        "psychische ziekte", "mentale problemen", "mentale klachten", "psychiatrisch*",
        "psychiatrie", "mijn psycholoog", "mijn psychiater", "bij de psycholoog",
        "bij een psycholoog", "bij de psychiater", "in behandeling", "onder behandeling",
        "behandeling bij [de] ggz", "opgenomen in [het] ziekenhuis", "ziekenhuisopname",
        "geopereerd", "operatie aan", "medicatie", "medicijnen", "antidepressiva", "insuline",
        "fysiotherapie", "revalidatie", "revalideren", "bedrijfsarts",
        # Sickness, incapacity and benefits that follow from it
        "ziek", "zieke", "ziekte", "ziektes", "ziekten", "ziekgemeld", "ziekmelding",
        "ziekteverlof", "ziekteverzuim", "ziektewet", "chronisch ziek", "chronische ziekte",
        "arbeidsongeschikt*", "wia", "wao", "wajong*", "wga", "iva", "handicap", "gehandicapt",
        "beperking", "beperkingen", "arbeidsbeperking", "functiebeperking*", "rolstoel*",
        "krukken", "invalide", "gezondheidsproblemen", "gezondheidsredenen",
        "medische redenen", "medische problemen", "medische klachten",
    ],
    Category.RELIGION: [
        "moslim*", "islam", "islamitisch*", "christen", "christenen", "christendom",
        "christelijk*", "katholiek*", "rooms-katholiek*", "protestant*", "gereformeerd*",
        "hervormd*", "evangelisch*", "pinkstergemeente", "jehova*", "joods*", "jood",
        "jodendom", "hindoe", "hindoes", "hindoeisme", "hindoeistisch*", "boeddhist*",
        "boeddhisme", "sikh", "moskee", "kerk", "kerkdienst*", "kerkelijk actief",
        "kerkelijke gemeente", "kerkkoor", "synagoge", "ramadan", "suikerfeest",
        "offerfeest", "hoofddoek*", "hijab", "niqab", "boerka", "keppel", "gelovig*",
        "mijn geloof", "het geloof", "geloofsovertuiging", "religie", "religieus*",
        "godsdienst*", "levensovertuiging", "bidden", "gebed*", "koran", "bijbel*",
        "sabbat", "atheist*",
    ],
    Category.CRIMINAL_RECORD: [
        "strafblad", "strafrechtelijk verleden", "justitieel verleden", "justitiele documentatie",
        "crimineel verleden", "criminele verleden", "veroordeeld", "veroordeling*",
        "gevangenis", "gevangenisstraf", "gevangen gezeten", "vastgezeten", "vast gezeten",
        "in [de] bak", "gedetineerd*", "detentie", "ex-gedetineerde", "jeugddetentie",
        "jeugdgevangenis", "justitiele jeugdinrichting", "celstraf", "reclassering",
        "taakstraf", "werkstraf", "enkelband", "voorwaardelijk veroordeeld", "tbs",
        "delict", "misdrijf", "geen vog", "vog geweigerd", "vog-problemen", "vog-probleem",
        "vog afgewezen", "vog niet", "weigering [van] [de] vog", "gearresteerd", "arrestatie",
    ],
    Category.UNION: [
        "vakbond*", "fnv", "cnv", "kaderlid", "lid [geworden] van de unie", "abvakabo",
        "fnv bondgenoten", "aangesloten bij de unie", "lid van de bond", "namens de bond",
        "lid [geworden] van [de] ac", "bondslid", "ledenvergadering van de bond",
    ],
    Category.ETHNICITY: [
        "afkomst", "mijn afkomst", "etniciteit", "etnisch*", "migratieachtergrond",
        "migrantenachtergrond", "allochto*", "huidskleur", "getint*", "tweede generatie",
        "eerste generatie",
        *[f"{origin} afkomst" for origin in ORIGINS],
        *[f"{origin} achtergrond" for origin in ORIGINS],
        *[f"{origin} roots" for origin in ORIGINS],
        *[f"{origin} ouders" for origin in ORIGINS],
        *[f"ben [een] {origin}" for origin in ORIGINS if origin not in {"nederland*"}],
        *[f"als {origin} vrouw" for origin in ORIGINS],
        *[f"als {origin} man" for origin in ORIGINS],
        "afkomstig uit marokko", "afkomstig uit turkije", "afkomstig uit suriname",
    ],
    Category.SEXUAL_ORIENTATION: [
        "homo", "homos", "homoseksu*", "homofiel", "lesbisch*", "lesbienne", "biseksu*",
        "ben bi", "heteroseksu*", "transgender*", "transvrouw", "transman", "non-binair",
        "lhbt*", "lgbt*", "queer", "seksuele geaardheid", "geaardheid", "seksuele voorkeur",
        "seksuele orientatie", "uit de kast", "coming-out",
    ],
    Category.POLITICAL: [
        "politieke partij", "politiek actief", "politieke voorkeur", "politieke overtuiging",
        "politieke mening", "politieke ideeen", "partijlid", "lid van [de] partij",
        "gemeenteraadslid", "raadslid", "fractiemedewerker", "ik stem op", "stem altijd op",
        "gestemd op", "communist*", "socialist*", "fascist*", "anarchist*", "vvd", "pvda",
        "partij van de arbeid", "cda", "d66", "groenlinks*", "pvv", "partij voor de vrijheid",
        "fvd", "forum voor democratie", "christenunie", "sgp", "partij voor de dieren", "pvdd",
        "ja21", "boerburgerbeweging", "nieuw sociaal contract", "bij1", "lid van volt",
    ],
}

CASE_SENSITIVE: dict[Category, list[str]] = {
    Category.HEALTH: ["MS", "ADD", "ASS", "CVA", "NAH", "ME", "CVS", "ME/CVS", "GGZ"],
    Category.POLITICAL: ["SP", "DENK", "BBB", "NSC", "50PLUS", "Volt"],
}

ALLOWED: list[str] = [
    # Office software and touch typing
    "ms office", "ms word", "ms excel", "ms outlook", "ms teams", "ms access", "ms project",
    "ms dynamics", "ms sql", "blind typen", "blindtypen",
    # Schools and universities named as where someone studied or worked
    *[
        f"{faith} {school}"
        for faith in ("christelijke", "katholieke", "protestants-christelijke",
                      "islamitische", "joodse", "hindoestaanse", "gereformeerde")
        for school in ("basisschool", "school", "hogeschool", "universiteit",
                       "middelbare school", "scholengemeenschap", "kinderopvang")
    ],
    # Working in care is a job, not a diagnosis
    "zieke kinderen", "zieke mensen", "zieke ouderen", "ziekte van mijn", "ziekte van de",
    "in behandeling nemen", "in behandeling genomen", "medicijnen uit", "medicatie uit",
    "medicijnen uitdelen", "medicatie uitdelen", "medicijnen uitgeven", "medicijnen klaarzetten",
    "medicatie klaarzetten", "medicijnen toedienen", "medicatie toedienen",
    "medicatie controleren", "medicatie aftekenen",
]
