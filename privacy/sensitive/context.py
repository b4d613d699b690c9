"""Workplaces are not confessions (issue 13): "beveiliger in een gevangenis", "stage bij de
reclassering", "een kerk geverfd" describe a job, not a criminal record or a faith.

A finding that is only the name of such a place is dropped when its sentence says the
person worked there and nothing in it says the place was about them ("zat in de
gevangenis", "naar de moskee", "mijn kerk"). Everything else the word lists find stays.
"""

import re

_PLACE = re.compile(
    r"gevangenis\w*|reclassering|penitentiair\w*|\w*jeugdinrichting|gedetineerden|kerk|"
    r"moskee|synagoge|prison|jail|church|mosque|synagogue", re.IGNORECASE)
_WORK = re.compile(
    r"(?<!\w)(?:werk\w*|gewerkt|stage|stagiair\w*|beveilig\w*|bewak\w*|bewaarder|"
    r"schoonma\w*|schilder\w*|geverfd|verbouw\w*|onderhoud\w*|timmer\w*|hovenier|"
    r"medewerker|begeleid\w*|kok|keuken|officer|guard|worked|working|cleaned|cleaning|"
    r"painted|built|internship|renovat\w*)(?!\w)", re.IGNORECASE)
_ABOUT_THEM = re.compile(
    r"(?<!\w)(?:gezeten|zat|zit|vastgezeten|vast\s+gezeten|straf\w*|veroordeeld|"
    r"contact\s+met|onder\s+toezicht|naar\s+de|naar\s+het|mijn\s+kerk|onze\s+kerk|"
    r"mijn\s+moskee|bid\w*|gebed\w*|geloof\w*|vrijwilliger\w*|koor|served|spent|"
    r"my\s+church|our\s+church|my\s+mosque|volunteer\w*|attend\w*|pray\w*)(?!\w)",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[(before[-1] if before else 0):(after.start() if after else len(text))]


def is_workplace(text: str, start: int, end: int) -> bool:
    """True when text[start:end] names a place the writer worked at, not one about them."""
    if not _PLACE.fullmatch(text[start:end]):
        return False
    sentence = _sentence(text, start, end)
    return bool(_WORK.search(sentence)) and not _ABOUT_THEM.search(sentence)
