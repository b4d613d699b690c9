"""The text of a profile's search document, for the employer's search (the document itself
and its tokens: candidates/search_documents.py).

PostgreSQL has no unaccent extension here, so text is normalised in Python (lowercase,
accents stripped) and the employer's query must go through the same `normalise()`.
Only fields an employer may see go in: searching must never reveal what the view hides.
"""

import unicodedata
from collections.abc import Iterable

from candidates.compounds import with_compound_parts
from candidates.models import Profile

SEARCH_CONFIG = "dutch"


def normalise(text: str) -> str:
    """'Crèche-Leidster ÉÉN' → 'creche-leidster een'."""
    if not text or text.isascii():  # most text: nothing to strip (and 20× faster)
        return (text or "").lower()
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _join(parts: Iterable[str]) -> str:
    # Compound words are followed by their parts: "chauffeur" finds "vrachtwagenchauffeur".
    return with_compound_parts(normalise(" ".join(p for p in parts if p)))


def compose_search_texts(*, occupation_labels: Iterable[str], kind_of_work: str,
                         job_titles: Iterable[str], competences: Iterable[str],
                         professional_skills: Iterable[str],
                         descriptions: Iterable[str]) -> tuple[str, str, str]:
    """(A, B, C) texts: occupations and kind of work; skills; descriptions."""
    return (_join([*occupation_labels, kind_of_work, *job_titles]),
            _join([*competences, *professional_skills]),
            _join(descriptions))


def profile_search_texts(profile: Profile,
                         held: frozenset[str] = frozenset()) -> tuple[str, str, str]:
    """Reads the related rows through `.all()`, so a prefetched profile costs no queries.

    `held` names the parts waiting for the coach's review (candidates/publication_hold.py):
    they are left out, so an employer cannot find a candidate by what it cannot yet read.
    """
    def own(field: str, value):
        return type(value)() if field in held else value

    def entries(relation: str, field: str) -> list[str]:
        if f"{relation}.{field}" in held:
            return []
        return [getattr(entry, field) for entry in getattr(profile, relation).all()]

    return compose_search_texts(
        occupation_labels=[label for occ in profile.preferred_occupations.all()
                           for label in (occ.label_nl, occ.label_en)],
        kind_of_work=own("kind_of_work", profile.kind_of_work),
        job_titles=entries("work_experiences", "job_title"),
        competences=own("competences", profile.competences),
        professional_skills=own("professional_skills", profile.professional_skills),
        descriptions=[
            own("personal_description", profile.personal_description),
            own("what_suits_me", profile.what_suits_me), own("free_text", profile.free_text),
            *(s.label_nl for s in profile.sectors.all()),
            *entries("work_experiences", "description"),
            *entries("educations", "name"),
            *entries("courses", "name"),
        ])
