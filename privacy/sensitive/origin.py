"""Origin said indirectly (issue 13): "mijn ouders komen uit Marokko", "van Poolse komaf",
"als vluchteling", "geboren in Syrië", "my mother is Surinamese".

A country alone is not about origin ("klanten uit Turkije", "in Spanje gewerkt"), so a
country counts only after a word about family, birth or flight. The lists are written out
rather than taken from pycountry: they are the origins jobseekers of Dutch municipalities
name, in the spelling they use, and a missing country is a one-line change here.
Matching runs on the accent-folded text (terms.fold_same_length), so offsets stay valid.
"""

import re
from collections.abc import Iterator
from functools import cache

from .words_en import ORIGINS as ORIGINS_EN
from .words_nl import ORIGINS as ORIGINS_NL

COUNTRIES_NL = [
    "marokko", "turkije", "suriname", "curacao", "aruba", "bonaire", "sint maarten",
    "de antillen", "antillen", "kaapverdie", "ghana", "nigeria", "somalie", "eritrea",
    "ethiopie", "soedan", "zuid-soedan", "syrie", "irak", "iran", "afghanistan", "pakistan",
    "india", "bangladesh", "sri lanka", "china", "hongkong", "vietnam", "indonesie",
    "de molukken", "molukken", "java", "polen", "bulgarije", "roemenie", "hongarije",
    "oekraine", "rusland", "wit-rusland", "bosnie", "servie", "kroatie", "kosovo", "albanie",
    "macedonie", "egypte", "tunesie", "algerije", "libie", "jemen", "libanon", "palestina",
    "koerdistan", "congo", "angola", "kameroen", "guinee", "sierra leone", "liberia",
    "brazilie", "colombia", "venezuela", "dominicaanse republiek", "filipijnen", "thailand",
    "spanje", "portugal", "italie", "griekenland", "duitsland", "belgie", "frankrijk",
    "engeland", "ierland", "amerika", "mexico", "chili", "peru", "argentinie", "kenia",
    "oeganda", "tanzania", "zuid-afrika", "zimbabwe", "jamaica", "armenie", "georgie",
    "azerbeidzjan", "tsjetsjenie", "nepal", "tibet", "myanmar", "jordanie",
    "saoedi-arabie", "het buitenland", "buitenland",
]
COUNTRIES_EN = [
    "morocco", "turkey", "suriname", "curacao", "aruba", "the antilles", "cape verde",
    "ghana", "nigeria", "somalia", "eritrea", "ethiopia", "sudan", "syria", "iraq", "iran",
    "afghanistan", "pakistan", "india", "bangladesh", "sri lanka", "china", "hong kong",
    "vietnam", "indonesia", "the moluccas", "poland", "bulgaria", "romania", "hungary",
    "ukraine", "russia", "bosnia", "serbia", "croatia", "kosovo", "albania", "egypt",
    "tunisia", "algeria", "libya", "yemen", "lebanon", "palestine", "kurdistan", "congo",
    "angola", "cameroon", "guinea", "sierra leone", "liberia", "brazil", "colombia",
    "venezuela", "the dominican republic", "the philippines", "thailand", "spain",
    "portugal", "italy", "greece", "germany", "belgium", "france", "england", "ireland",
    "the united states", "mexico", "chile", "peru", "argentina", "kenya", "uganda",
    "tanzania", "south africa", "zimbabwe", "jamaica", "armenia", "georgia", "nepal",
    "myanmar", "jordan", "abroad",
]
# More adjectives than the word lists' ORIGINS, for "mijn vader is Turks" and "van … komaf".
ADJECTIVES_NL = [
    "marokkaans", "turks", "surinaams", "antilliaans", "arubaans", "curacaos", "kaapverdisch",
    "ghanees", "nigeriaans", "somalisch", "eritrees", "ethiopisch", "soedanees", "syrisch",
    "iraaks", "iraans", "afghaans", "pakistaans", "indiaas", "hindoestaans", "chinees",
    "vietnamees", "indonesisch", "indisch", "moluks", "pools", "bulgaars", "roemeens",
    "hongaars", "oekraiens", "russisch", "bosnisch", "servisch", "kroatisch", "albanees",
    "egyptisch", "tunesisch", "algerijns", "libanees", "palestijns", "koerdisch",
    "congolees", "braziliaans", "colombiaans", "dominicaans", "filipijns", "kaapverdiaans",
    "buitenlands",
]
KIN_NL = ("ouders|vader|moeder|pa|ma|familie|opa|oma|opa en oma|grootouders|grootvader|"
          "grootmoeder|voorouders|man|vrouw")
KIN_EN = ("parents|father|mother|dad|mum|mom|family|grandparents|grandfather|grandmother|"
          "ancestors")


def _alternatives(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"[\s\-]+") for w in words),
                           key=len, reverse=True))


@cache
def _patterns() -> list[re.Pattern[str]]:
    country_nl = _alternatives(COUNTRIES_NL)
    country_en = _alternatives(COUNTRIES_EN)
    adjective_nl = _alternatives(ADJECTIVES_NL) + r"|" + r"|".join(
        o.rstrip("*") + r"\w*" for o in ORIGINS_NL if o not in ("nederland*", "westers*"))
    adjective_en = _alternatives(o for o in ORIGINS_EN if o not in ("dutch", "foreign"))
    sources = [
        # Dutch
        rf"(?:{KIN_NL})\s+(?:komt|komen|kwam|kwamen|is|zijn|was|waren)\s+"
        rf"(?:(?:oorspronkelijk|ooit|zelf|allebei|ook)\s+)*(?:uit|van)\s+(?:{country_nl})",
        rf"(?:geboren|opgegroeid)(?:\s+en\s+\w+)?\s+(?:in|op)\s+(?:{country_nl})",
        rf"(?:in|op)\s+(?:{country_nl})\s+(?:geboren|opgegroeid)",
        rf"(?:kom|kwam)\s+(?:oorspronkelijk\s+)?uit\s+(?:{country_nl})",
        r"van\s+(?:\w+\s+)?komaf",
        r"(?:als|ben(?:\s+een)?)\s+vluchteling",
        r"vluchteling\s+(?:uit|van)",
        r"gevlucht\s+(?:uit|voor|van)",
        r"statushouder|asielzoeker|asielstatus|vluchtelingenstatus",
        rf"(?:{KIN_NL})\s+is\s+(?:een\s+)?(?:{adjective_nl})",
        rf"ben\s+(?:half|deels)\s+(?:{adjective_nl})",
        # English
        rf"(?:{KIN_EN})\s+(?:is|are|was|were|comes?|came)\s+(?:originally\s+)?from\s+"
        rf"(?:{country_en})",
        rf"(?:born|raised|grew\s+up)\s+in\s+(?:{country_en})",
        rf"(?:originally|i\s+am|i'm|i\s+come|i\s+came)\s+from\s+(?:{country_en})",
        r"(?:as\s+a|am\s+a|i'm\s+a)\s+refugee|refugee\s+from|fled\s+(?:from\s+)?\w+",
        rf"(?:{KIN_EN})\s+is\s+(?:{adjective_en})",
        rf"(?:half|part)\s+(?:{adjective_en})",
    ]
    return [re.compile(rf"(?<!\w)(?:{source})(?!\w)", re.IGNORECASE) for source in sources]


def find_origin(folded: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each indirect mention of origin in accent-folded text."""
    for pattern in _patterns():
        for match in pattern.finditer(folded):
            yield match.span()
