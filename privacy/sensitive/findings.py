"""What the detector reports: a category, where in the text, and what to tell the jobseeker."""

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    BSN = "bsn"
    HEALTH = "health"
    RELIGION = "religion"
    CRIMINAL_RECORD = "criminal_record"
    UNION = "union"
    ETHNICITY = "ethnicity"
    SEXUAL_ORIENTATION = "sexual_orientation"
    POLITICAL = "political"


# Plain language (B1): what we think we saw, why it matters, what they can do.
EXPLANATIONS: dict[Category, tuple[str, str]] = {
    Category.BSN: (
        "Dit lijkt een burgerservicenummer (BSN). Dat nummer is geheim. "
        "Zet het nooit in uw profiel. Wilt u dit weghalen?",
        "This looks like a citizen service number (BSN). That number is private. "
        "Never put it in your profile. Do you want to remove it?",
    ),
    Category.HEALTH: (
        "Dit lijkt informatie over uw gezondheid. Werkgevers mogen daar niet naar vragen. "
        "Wilt u dit weghalen?",
        "This looks like information about your health. Employers may not ask about it. "
        "Do you want to remove it?",
    ),
    Category.RELIGION: (
        "Dit lijkt informatie over uw geloof. Dat hoeft een werkgever niet te weten. "
        "Wilt u dit weghalen?",
        "This looks like information about your religion or beliefs. An employer does not "
        "need to know this. Do you want to remove it?",
    ),
    Category.CRIMINAL_RECORD: (
        "Dit lijkt informatie over een strafblad of straf. Dat hoeft niet in uw profiel. "
        "Wilt u dit weghalen? Uw werkmatcher kan u helpen met vragen over een VOG.",
        "This looks like information about a criminal record or sentence. It does not have "
        "to be in your profile. Do you want to remove it? Your coach can help with questions "
        "about a certificate of conduct (VOG).",
    ),
    Category.UNION: (
        "Dit lijkt informatie over lidmaatschap van een vakbond. Dat hoeft een werkgever "
        "niet te weten. Wilt u dit weghalen?",
        "This looks like information about trade union membership. An employer does not "
        "need to know this. Do you want to remove it?",
    ),
    Category.ETHNICITY: (
        "Dit lijkt informatie over uw afkomst. Werkgevers mogen daar niet op letten. "
        "Wilt u dit weghalen? Welke talen u spreekt, mag u gewoon noemen.",
        "This looks like information about your origin or ethnicity. Employers may not take "
        "it into account. Do you want to remove it? You can still list the languages you speak.",
    ),
    Category.SEXUAL_ORIENTATION: (
        "Dit lijkt informatie over uw seksuele voorkeur of gender. Dat hoeft een werkgever "
        "niet te weten. Wilt u dit weghalen?",
        "This looks like information about your sexual orientation or gender identity. An "
        "employer does not need to know this. Do you want to remove it?",
    ),
    Category.POLITICAL: (
        "Dit lijkt informatie over uw politieke mening of een politieke partij. Dat hoeft "
        "een werkgever niet te weten. Wilt u dit weghalen?",
        "This looks like information about your political opinion or a political party. An "
        "employer does not need to know this. Do you want to remove it?",
    ),
}


@dataclass(frozen=True)
class Finding:
    """One passage of likely sensitive data; `start`/`end` index the original text."""

    category: Category
    start: int
    end: int
    matched_text: str
    explanation_nl: str
    explanation_en: str

    @classmethod
    def at(cls, category: Category, source: str, start: int, end: int) -> "Finding":
        nl, en = EXPLANATIONS[category]
        return cls(category, start, end, source[start:end], nl, en)

    def explanation(self, language_code: str) -> str:
        return self.explanation_en if language_code.startswith("en") else self.explanation_nl
