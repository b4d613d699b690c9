"""The full-text search document of a profile, for the employer's search.

PostgreSQL has no unaccent extension here, so text is normalised in Python (lowercase,
accents stripped) and the employer's query must go through the same `normalise()`.
Only fields an employer may see go in: searching must never reveal what the view hides.
"""

import unicodedata
from collections.abc import Iterable

from django.db import connection

from candidates.models import Profile

SEARCH_CONFIG = "dutch"


def normalise(text: str) -> str:
    """'Crèche-Leidster ÉÉN' → 'creche-leidster een'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _join(parts: Iterable[str]) -> str:
    return normalise(" ".join(p for p in parts if p))


def compose_search_texts(*, occupation_labels: Iterable[str], kind_of_work: str,
                         job_titles: Iterable[str], competences: Iterable[str],
                         professional_skills: Iterable[str],
                         descriptions: Iterable[str]) -> tuple[str, str, str]:
    """(A, B, C) texts: occupations and kind of work; skills; descriptions."""
    return (_join([*occupation_labels, kind_of_work, *job_titles]),
            _join([*competences, *professional_skills]),
            _join(descriptions))


def profile_search_texts(profile: Profile) -> tuple[str, str, str]:
    """Reads the related rows through `.all()`, so a prefetched profile costs no queries."""
    experiences = list(profile.work_experiences.all())
    return compose_search_texts(
        occupation_labels=[label for occ in profile.preferred_occupations.all()
                           for label in (occ.label_nl, occ.label_en)],
        kind_of_work=profile.kind_of_work,
        job_titles=[w.job_title for w in experiences],
        competences=profile.competences,
        professional_skills=profile.professional_skills,
        descriptions=[
            profile.personal_description, profile.what_suits_me, profile.free_text,
            *(s.label_nl for s in profile.sectors.all()),
            *(w.description for w in experiences),
            *(e.name for e in profile.educations.all()),
            *(c.name for c in profile.courses.all()),
        ])


_UPDATE_SQL = f"""
UPDATE candidates_profile AS p SET search_document =
    setweight(to_tsvector('{SEARCH_CONFIG}', v.a), 'A')
    || setweight(to_tsvector('{SEARCH_CONFIG}', v.b), 'B')
    || setweight(to_tsvector('{SEARCH_CONFIG}', v.c), 'C')
FROM (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS a,
             unnest(%s::text[]) AS b, unnest(%s::text[]) AS c) AS v
WHERE p.id = v.id
"""  # noqa: S608  (a constant config name; the values travel as parameters)


def search_documents_write(rows: Iterable[tuple[int, str, str, str]]) -> int:
    """Store (profile id, A, B, C) texts as search documents, in one statement."""
    rows = list(rows)
    if not rows:
        return 0
    ids, a_texts, b_texts, c_texts = (list(column) for column in zip(*rows, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(_UPDATE_SQL, [ids, a_texts, b_texts, c_texts])
        return cursor.rowcount


def profile_search_documents_refresh(profiles: Iterable[Profile]) -> int:
    """Rebuild the search document of many profiles at once (prefetch their relations)."""
    return search_documents_write(
        (profile.pk, *profile_search_texts(profile)) for profile in profiles)


def profile_search_document_refresh(profile: Profile) -> None:
    """Call after every change to the profile or its entries (the profile services do)."""
    profile_search_documents_refresh([profile])
