"""The employer's search over shared profiles (issue 6; at national scale, issue 11).

The search runs on the search documents (employers/search_query.py), which apply the
visibility rules and the filters before ranking; every row shown is fetched through
Candidate.objects.visible_to(viewer), so the search can never reach a candidate the
visibility rules (SPEC §4) keep from this employer. The criteria are
deliberately limited to what says something about the work: there is no field for target
groups, gender, age or photo, so nobody can select or rank on them (no cherry-picking).
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest

from candidates.models import Candidate, LanguageSkill, Profile
from candidates.models.querysets import visibility_scope
from candidates.physical import PHYSICAL_CODES, physical_field_name
from candidates.presenters import employer_list_complete, employer_list_queryset
from candidates.search_text import SEARCH_CONFIG
from candidates.selectors import EMPLOYER_ORDER
from hallowerk.compiled_queries import CompiledQuery
from hallowerk.models import Occupation, Place, Sector
from hallowerk.pagination import page_number_bounded
from hallowerk.prepared import prepared_statements
from privacy.audit import audit_search

from .fulltext import search_terms, tsquery_source
from .radius import place_ids_within
from .search_query import PAGE_SIZE, RESULT_CAP, matching_documents_sql, search_id_page
from .suggestions import FEW_RESULTS, spelling_suggestion

RADIUS_MIN_KM, RADIUS_MAX_KM, DEFAULT_RADIUS_KM = 1, 200, 25


@dataclass(frozen=True)
class SearchCriteria:
    text: str = ""
    occupation: Occupation | None = None
    sector: Sector | None = None
    place: Place | None = None
    radius_km: int = DEFAULT_RADIUS_KM
    available_on: date | None = None
    hours_per_week: int | None = None
    driving_licence: str = ""
    languages: tuple[str, ...] = ()
    physical: tuple[str, ...] = ()

    def __post_init__(self):
        # Last line of defence for callers that skip the form: only "can do X" codes.
        unknown = set(self.physical) - set(PHYSICAL_CODES)
        if unknown:
            raise ValueError(f"Unknown physical items: {sorted(unknown)}")
        if not RADIUS_MIN_KM <= self.radius_km <= RADIUS_MAX_KM:
            raise ValueError(f"Radius out of bounds: {self.radius_km}")

    @property
    def terms(self) -> list[str]:
        return search_terms(self.text)

    def audit_filters(self) -> dict:
        """The filters as the audit log keeps them: codes and names, nothing about people."""
        filters = {
            "occupation": self.occupation.isco_code if self.occupation else None,
            "sector": self.sector.code if self.sector else None,
            "place": self.place.name if self.place else None,
            "radius_km": self.radius_km if self.place else None,
            "available_on": self.available_on.isoformat() if self.available_on else None,
            "hours_per_week": self.hours_per_week,
            "driving_licence": self.driving_licence or None,
            "languages": list(self.languages) or None,
            "physical": list(self.physical) or None,
        }
        return {key: value for key, value in filters.items() if value is not None}


@dataclass
class SearchResult:
    criteria: SearchCriteria
    page: Page
    candidates: list[Candidate] = field(default_factory=list)
    # Exact up to RESULT_CAP; RESULT_CAP + 1 stands for "more than RESULT_CAP".
    total: int = 0
    # The query had words, but none that PostgreSQL searches on ("de", "het", …).
    only_stop_words: bool = False
    # "Bedoelde u: …?" when a search with words finds (almost) nothing (suggestions.py).
    suggestion: str | None = None

    @property
    def count(self) -> int:
        return min(self.total, RESULT_CAP)

    @property
    def more_than_cap(self) -> bool:
        return self.total > RESULT_CAP


def _profile_has(model, **conditions) -> Exists:
    return Exists(model.objects.filter(profile_id=OuterRef("profile__id"), **conditions))


def criteria_filter(criteria: SearchCriteria) -> Q:
    q = Q()
    if criteria.occupation is not None:
        through = Profile.preferred_occupations.through
        q &= Q(_profile_has(through, occupation_id=criteria.occupation.pk))
    if criteria.sector is not None:
        q &= Q(_profile_has(Profile.sectors.through, sector_id=criteria.sector.pk))
    if criteria.place is not None:
        q &= Q(profile__place_of_residence_id__in=place_ids_within(criteria.place,
                                                                    criteria.radius_km))
    if criteria.available_on is not None:
        # No date filled in means no known constraint: available (see the form's help text).
        q &= (Q(profile__available_from__isnull=True)
              | Q(profile__available_from__lte=criteria.available_on))
    if criteria.hours_per_week is not None:
        hours = criteria.hours_per_week
        q &= ((Q(profile__hours_per_week_min__isnull=True)
               | Q(profile__hours_per_week_min__lte=hours))
              & (Q(profile__hours_per_week_max__isnull=True)
                 | Q(profile__hours_per_week_max__gte=hours)))
    if criteria.driving_licence:
        q &= Q(profile__driving_licences__contains=[criteria.driving_licence])
    for language in criteria.languages:
        q &= Q(_profile_has(LanguageSkill, language=language))
    for code in criteria.physical:
        # Only "can do X": an unanswered or "cannot" item never narrows or widens anything
        # beyond this one yes.
        q &= Q(**{f"profile__{physical_field_name(code)}": True})
    return q


def search_queryset(*, viewer, criteria: SearchCriteria,
                    changed_after: datetime | None = None) -> QuerySet[Candidate]:
    """Every matching candidate the viewer may see, uncapped and unranked, most recently
    active first: for the saved-search alerts, which count what changed in a background
    job. Pages use candidate_search()."""
    matching = matching_documents_sql(viewer=viewer, criteria=criteria)
    if matching is None:
        return Candidate.objects.none()
    sql, params = matching
    queryset = Candidate.objects.visible_to(viewer).filter(
        # Our own SQL text; every value travels as a parameter.
        pk__in=RawSQL(f"SELECT m.candidate_id FROM ({sql}) m", params))  # noqa: S608, S611
    if changed_after is not None:
        queryset = queryset.alias(changed_at=Greatest(
            "updated_at", "last_activity_at", "profile__updated_at")).filter(
            changed_at__gt=changed_after)
    return queryset.order_by(*EMPLOYER_ORDER)


def rules_queryset(*, viewer, criteria: SearchCriteria) -> QuerySet[Candidate]:
    """The same set written directly on the visibility rules and the profile tables,
    without the search documents: the oracle of the tests and the naive baseline of the
    benchmark (text is left to the caller)."""
    return Candidate.objects.visible_to(viewer).filter(criteria_filter(criteria))


def _only_stop_words(terms: list[str]) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT numnode(to_tsquery('{SEARCH_CONFIG}', %s))",  # noqa: S608
                       [tsquery_source(terms)])
        return cursor.fetchone()[0] == 0


# A page's rows, compiled once per viewer and page length (hallowerk/compiled_queries.py):
# building and compiling the scoped read of 25 ids cost ~1.9 ms of CPU, half of the rows'.
_RESULT_ROWS = CompiledQuery(
    lambda viewer, candidate_ids: employer_list_queryset(
        Candidate.objects.visible_to(viewer).filter(pk__in=candidate_ids)),
    ids=(), id_list="candidate_ids")


def candidate_search(*, viewer, criteria: SearchCriteria, page_number=1,
                     request=None) -> SearchResult:
    """One page of results with the total count (exact up to RESULT_CAP); every search is
    written to the audit log."""
    found = search_id_page(viewer=viewer, criteria=criteria,
                           page_number=page_number_bounded(page_number))
    # Through the scoped queryset: a candidate who stopped sharing a moment ago is left out
    # rather than shown, whatever the document still says. Rows by key: prepared, PostgreSQL
    # plans them once per connection (~1 ms of its CPU per page at 500k).
    rows: dict[int, Candidate] = {}
    if found.ids:
        with prepared_statements():
            rows = {candidate.pk: candidate for candidate in employer_list_complete(
                _RESULT_ROWS.rows(viewer, scope=visibility_scope(viewer),
                                  candidate_ids=found.ids))}
    paginator = Paginator(range(min(found.count, RESULT_CAP)), PAGE_SIZE)
    page = Page([rows[pk] for pk in found.ids if pk in rows], found.number, paginator)
    result = SearchResult(criteria=criteria, page=page, candidates=list(page.object_list),
                          total=found.count)
    if result.count == 0 and criteria.terms:
        result.only_stop_words = _only_stop_words(criteria.terms)
    if result.count <= FEW_RESULTS and criteria.terms and not result.only_stop_words:
        result.suggestion = spelling_suggestion(viewer=viewer, criteria=criteria)
    audit_search(viewer=viewer, query=criteria.text, request=request,
                 filters={**criteria.audit_filters(), "page": page.number},
                 result_count=result.count)
    return result
