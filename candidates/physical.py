"""The functional questions about physical work — defined once.

The jobseeker answers each item with can / cannot (or leaves it open); employers see only
that yes/no answer, never why (SPEC §1: no nature of a disability, ever). Profile fields
(`physical_<code>`), vacancy demands, matching and the catalogue are all generated from
this list, so adding an item here adds it everywhere.
"""

from django.utils.translation import get_language

# (code, label_nl, label_en) — the label reads as "can …" so a yes/no answer fits it.
PHYSICAL_ITEMS: list[tuple[str, str, str]] = [
    ("lifting", "Tillen (tot 15 kilo)", "Lifting (up to 15 kilos)"),
    ("standing", "Lang staan", "Standing for a long time"),
    ("bending", "Bukken", "Bending"),
    ("sitting", "Lang zitten", "Sitting for a long time"),
    ("walking", "Veel lopen", "Walking a lot"),
    ("kneeling", "Knielen", "Kneeling"),
    ("overhead_work", "Werken boven uw hoofd", "Working above your head"),
    ("fine_motor", "Precies werken met uw handen", "Precise work with your hands"),
]

# The items whose label above says "uw", in words that describe the work instead of
# addressing the reader: for employers reading a profile and for a vacancy's demands.
PHYSICAL_NEUTRAL: dict[str, tuple[str, str]] = {
    "overhead_work": ("Werken boven het hoofd", "Working above the head"),
    "fine_motor": ("Precies werken met de handen", "Precise work with the hands"),
}

PHYSICAL_CODES: list[str] = [code for code, _nl, _en in PHYSICAL_ITEMS]
PHYSICAL_CHOICES: list[tuple[str, str]] = [
    (code, label_nl) for code, label_nl, _en in PHYSICAL_ITEMS]


def physical_field_name(code: str) -> str:
    return f"physical_{code}"


def physical_label(code: str, language: str | None = None) -> str:
    language = language or get_language()
    for item_code, label_nl, label_en in PHYSICAL_ITEMS:
        if item_code == code:
            return label_en if language == "en" else label_nl
    raise KeyError(code)


def physical_demand_label(code: str, language: str | None = None) -> str:
    """An item as a demand of the work (a vacancy, an employer's view of a profile)."""
    language = language or get_language()
    if code in PHYSICAL_NEUTRAL:
        label_nl, label_en = PHYSICAL_NEUTRAL[code]
        return label_en if language == "en" else label_nl
    return physical_label(code, language)
