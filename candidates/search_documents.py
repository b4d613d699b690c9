"""Writing the employer's search documents (candidates.SearchDocument), and their tokens.

A document exists exactly while its candidate is visible to some employer (the one rule:
`visible_to_some_employer()` in candidates/models/querysets.py). It holds the profile's
weighted text (candidates/search_text.py) and, as tokens, what decides the audience and
the filters, so that one GIN index lookup applies visibility and filters *before* ranking
(employers/search_query.py builds the matching query from the same token functions):

    @all            shared with all participating municipalities
    @m<id>          lives in municipality <id> (employers of its region see it)
    @o<id> @s<id>   preferred occupation, sector
    @l<code>        driving licence held
    @t<code>        speaks the language (any level)
    @p<code>        answered "can" to the physical item

A token starts with "@", which no lexeme of the Dutch parser does (and the employer's
words are reduced to letters and digits before they reach to_tsquery), so text can never
match a token or the other way round. Every token is about something an employer may see
on the profile, or about who may see it; never a target group, gender or age.

Kept current by the services that change any of it: the profile services, the candidate
services (sharing, hiding, activity, ending), invitations, erasure and account changes
call `candidate_search_documents_refresh()`; tests/employer_portal/
test_search_documents.py walks every transition.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import connection
from django.db.models import Prefetch

from .models import Candidate, Profile, SearchDocument, SharingScope
from .models.querysets import visible_to_some_employer
from .physical import PHYSICAL_CODES, physical_field_name
from .publication_hold import held_parts, open_reviews_prefetch
from .search_text import SEARCH_CONFIG, profile_search_texts
from .search_tiers import TIER_OF_SQL

TOKEN_ALL = "@all"

# What a document is made of, held to the catalogue by tests/employer_portal/
# test_search_documents.py: its text and filters come only from fields an employer may see
# on the profile...
TEXT_AND_FILTER_SOURCES = (
    ("candidates.Profile", "preferred_occupations"), ("candidates.Profile", "kind_of_work"),
    ("candidates.Profile", "competences"), ("candidates.Profile", "professional_skills"),
    ("candidates.Profile", "personal_description"), ("candidates.Profile", "what_suits_me"),
    ("candidates.Profile", "free_text"), ("candidates.Profile", "sectors"),
    ("candidates.Profile", "place_of_residence"), ("candidates.Profile", "driving_licences"),
    ("candidates.Profile", "available_from"), ("candidates.Profile", "hours_per_week_min"),
    ("candidates.Profile", "hours_per_week_max"),
    *(("candidates.Profile", physical_field_name(code)) for code in PHYSICAL_CODES),
    ("candidates.WorkExperience", "job_title"), ("candidates.WorkExperience", "description"),
    ("candidates.Education", "name"), ("candidates.Course", "name"),
    ("candidates.LanguageSkill", "language"),
)
# ...and these decide only who may find it and in which order, never what is shown.
AUDIENCE_AND_ORDER_SOURCES = {
    ("candidates.Candidate", "municipality"): "employers of the candidate's region find it",
    ("candidates.Candidate", "sharing_scope"): "the jobseeker's choice of which employers",
    ("candidates.Candidate", "last_activity_at"): "the order of the employer's list, as "
                                                  "candidates/selectors.py already has it",
}


def _token(kind: str) -> Callable[[int | str], str]:
    """A token maker: _token("m")(12) == "@m12"; codes are lowercased."""
    return lambda value: f"@{kind}{str(value).lower()}"


token_municipality = _token("m")
token_occupation = _token("o")
token_sector = _token("s")
token_licence = _token("l")
token_language = _token("t")
token_physical = _token("p")


def document_tokens(*, municipality_id: int, sharing_scope: str,
                    occupation_ids: Iterable[int], sector_ids: Iterable[int],
                    licences: Iterable[str], languages: Iterable[str],
                    physical_can: Iterable[str]) -> list[str]:
    tokens = [token_municipality(municipality_id)]
    if sharing_scope == SharingScope.ALL:
        tokens.append(TOKEN_ALL)
    tokens += [token_occupation(pk) for pk in occupation_ids]
    tokens += [token_sector(pk) for pk in sector_ids]
    tokens += [token_licence(code) for code in licences]
    tokens += [token_language(code) for code in languages]
    tokens += [token_physical(code) for code in physical_can]
    return sorted(set(tokens))


@dataclass(frozen=True)
class DocumentSource:
    """Everything one document is made of, already read (from models or the demo's rows)."""

    candidate_id: int
    texts: tuple[str, str, str]  # A, B, C (search_text.compose_search_texts)
    tokens: list[str]
    place_id: int | None
    available_from: date | None
    hours_per_week_min: int | None
    hours_per_week_max: int | None
    last_activity_at: datetime


_INSERT_SQL = f"""
INSERT INTO candidates_searchdocument (candidate_id, document, place_id, available_from,
    hours_per_week_min, hours_per_week_max, last_activity_at, tier)
SELECT v.id,
    setweight(to_tsvector('{SEARCH_CONFIG}', v.a), 'A')
    || setweight(to_tsvector('{SEARCH_CONFIG}', v.b), 'B')
    || setweight(to_tsvector('{SEARCH_CONFIG}', v.c), 'C')
    || array_to_tsvector(string_to_array(v.tokens, ' ')),
    v.place_id, v.available_from, v.hmin, v.hmax, v.active, {TIER_OF_SQL.format(column="v.active")}
FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[], %s::bigint[],
            %s::date[], %s::smallint[], %s::smallint[], %s::timestamptz[])
    AS v(id, a, b, c, tokens, place_id, available_from, hmin, hmax, active)
"""  # noqa: S608  (constant config name and SQL; every value travels as a parameter)


def search_documents_write(sources: Iterable[DocumentSource]) -> int:
    """Replace the documents of these candidates: written for those visible to some
    employer now, removed for the others. Returns how many were written."""
    sources = list(sources)
    if not sources:
        return 0
    ids = [s.candidate_id for s in sources]
    visible = set(Candidate.objects.filter(visible_to_some_employer(), pk__in=ids)
                  .values_list("pk", flat=True))
    SearchDocument.objects.filter(candidate_id__in=ids).delete()
    rows = [s for s in sources if s.candidate_id in visible]
    if not rows:
        return 0
    columns = [
        [s.candidate_id for s in rows], [s.texts[0] for s in rows],
        [s.texts[1] for s in rows], [s.texts[2] for s in rows],
        [" ".join(s.tokens) for s in rows], [s.place_id for s in rows],
        [s.available_from for s in rows],
        [s.hours_per_week_min for s in rows], [s.hours_per_week_max for s in rows],
        [s.last_activity_at for s in rows]]
    with connection.cursor() as cursor:
        cursor.execute(_INSERT_SQL, columns)
        return cursor.rowcount


def _source(candidate: Candidate, profile: Profile) -> DocumentSource:
    return DocumentSource(
        candidate_id=candidate.pk,
        texts=profile_search_texts(profile, held_parts(candidate)),
        tokens=document_tokens(
            municipality_id=candidate.municipality_id, sharing_scope=candidate.sharing_scope,
            occupation_ids=[o.pk for o in profile.preferred_occupations.all()],
            sector_ids=[s.pk for s in profile.sectors.all()],
            licences=profile.driving_licences or [],
            languages=[skill.language for skill in profile.language_skills.all()],
            physical_can=[code for code in PHYSICAL_CODES
                          if getattr(profile, physical_field_name(code)) is True]),
        place_id=profile.place_of_residence_id,
        available_from=profile.available_from,
        hours_per_week_min=profile.hours_per_week_min,
        hours_per_week_max=profile.hours_per_week_max,
        last_activity_at=candidate.last_activity_at)


PROFILE_PREFETCH = ["preferred_occupations", "sectors", "work_experiences", "educations",
                    "courses", "language_skills"]


def candidate_search_documents_refresh(candidate_ids: Iterable[int]) -> int:
    """Rebuild (or remove) the documents of these candidates from what is stored now.
    Call after any change to a candidate's profile, sharing, visibility or activity."""
    ids = list(candidate_ids)
    if not ids:
        return 0
    candidates = (Candidate.objects.filter(pk__in=ids).only(
        "pk", "municipality_id", "sharing_scope", "last_activity_at")
        .prefetch_related(Prefetch("profile", Profile.objects.prefetch_related(
            *PROFILE_PREFETCH)), open_reviews_prefetch()))
    sources = [_source(c, c.profile) for c in candidates if _has_profile(c)]
    with_profile = {s.candidate_id for s in sources}
    # Without a profile there is nothing to find: make sure no document is left.
    SearchDocument.objects.filter(candidate_id__in=set(ids) - with_profile).delete()
    return search_documents_write(sources)


def _has_profile(candidate: Candidate) -> bool:
    try:
        return candidate.profile is not None
    except Profile.DoesNotExist:
        return False


def profile_search_document_refresh(profile: Profile) -> None:
    """After a change to the profile or its entries (the profile services call this)."""
    candidate_search_documents_refresh([profile.candidate_id])


def _refresh_in_batches(ids: list[int], batch: int, log=None) -> int:
    written = 0
    for start in range(0, len(ids), batch):
        written += candidate_search_documents_refresh(ids[start:start + batch])
        if log:
            log(f"{min(start + batch, len(ids))}/{len(ids)} search documents")
    return written


def search_documents_reconcile(batch: int = 2000) -> int:
    """Repair drift, nightly: a change that bypassed the services (a data fix in the
    database, a bug) can leave a document too many or too few. Removes the documents of
    candidates no employer may see and builds the missing ones. Returns how many
    candidates were set right (0 when nothing drifted)."""
    visible = Candidate.objects.filter(visible_to_some_employer())
    removed, _by_model = SearchDocument.objects.exclude(
        candidate_id__in=visible.values("pk")).delete()
    missing = list(visible.exclude(pk__in=SearchDocument.objects.values("candidate_id"))
                   .order_by("pk").values_list("pk", flat=True))
    _refresh_in_batches(missing, batch)
    return removed + len(missing)


def search_documents_rebuild_all(batch: int = 2000, log=None) -> int:
    """Every document from scratch, in batches (a migration, or a change of what goes in)."""
    visible = Candidate.objects.filter(visible_to_some_employer())
    SearchDocument.objects.exclude(candidate_id__in=visible.values("pk")).delete()
    return _refresh_in_batches(list(visible.order_by("pk").values_list("pk", flat=True)),
                               batch, log)
