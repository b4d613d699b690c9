"""The employer's search over shared profiles (issue 6).

Everything starts from Candidate.objects.visible_to(viewer), so the search can never
reach a candidate the visibility rules (SPEC §4) keep from this employer. The criteria are
deliberately limited to what says something about the work: there is no field for target
groups, gender, age or photo, so nobody can select or rank on them (no cherry-picking).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from math import ceil

from django.contrib.postgres.search import SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import Greatest

from candidates.models import Candidate, LanguageSkill, Profile
from candidates.physical import PHYSICAL_CODES, physical_field_name
from candidates.presenters import EMPLOYER_LIST_PREFETCH, EMPLOYER_LIST_SELECT
from candidates.search_text import SEARCH_CONFIG
from candidates.selectors import EMPLOYER_ORDER
from hallowerk.models import Occupation, Place, Sector
from privacy.audit import audit_search

from .fulltext import search_terms, text_query, tsquery_source
from .radius import place_ids_within

PAGE_SIZE = 25
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
    # The query had words, but none that PostgreSQL searches on ("de", "het", …).
    only_stop_words: bool = False

    @property
    def count(self) -> int:
        return self.page.paginator.count


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
    """Matching candidates the viewer may see, best first (relevance, then most recent)."""
    queryset = Candidate.objects.visible_to(viewer).filter(criteria_filter(criteria))
    if changed_after is not None:
        queryset = queryset.alias(changed_at=Greatest(
            "updated_at", "last_activity_at", "profile__updated_at")).filter(
            changed_at__gt=changed_after)
    terms = criteria.terms
    if not terms:
        return queryset.order_by(*EMPLOYER_ORDER)
    query = text_query(terms)
    return (queryset.filter(profile__search_document=query)
            .annotate(rank=SearchRank(F("profile__search_document"), query))
            .order_by("-rank", *EMPLOYER_ORDER))


def _only_stop_words(terms: list[str]) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT numnode(to_tsquery('{SEARCH_CONFIG}', %s))",  # noqa: S608
                       [tsquery_source(terms)])
        return cursor.fetchone()[0] == 0


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def page_with_count(queryset: QuerySet, page_number, *, select=(), prefetch=()) -> Page:
    """A page and the total count from ONE narrow query (COUNT(*) OVER ()), then the page's
    rows with what the list shows.

    Ranking must look at every match anyway, so counting in the same pass halves the work of
    a separate COUNT query; keeping that pass to ids (no profile text, no search document)
    keeps what PostgreSQL sorts small. Past the last page, the last page is shown (as
    Paginator.get_page does).
    """
    def fetch(number: int) -> list:
        offset = (number - 1) * PAGE_SIZE
        return list(queryset.annotate(total_count=Window(Count("pk")))
                    .values_list("pk", "total_count")[offset:offset + PAGE_SIZE])

    number = _page_number(page_number)
    ids = fetch(number)
    if ids:
        count = ids[0][1]
    else:
        count = queryset.count()
        last = max(1, ceil(count / PAGE_SIZE))
        if number > last:
            number = last
            ids = fetch(number) if count else []
    order = [pk for pk, _total in ids]
    # Through the same scoped queryset: a candidate who stopped sharing a moment ago is
    # left out rather than shown.
    rows = {candidate.pk: candidate for candidate in queryset.filter(pk__in=order)
            .select_related(*select).prefetch_related(*prefetch)} if order else {}
    paginator = Paginator(queryset, PAGE_SIZE)
    paginator.count = count  # known already: the paginator must not count again
    return Page([rows[pk] for pk in order if pk in rows], number, paginator)


def candidate_search(*, viewer, criteria: SearchCriteria, page_number=1,
                     request=None) -> SearchResult:
    """One page of results with the total count; every search is written to the audit log."""
    page = page_with_count(search_queryset(viewer=viewer, criteria=criteria), page_number,
                           select=EMPLOYER_LIST_SELECT, prefetch=EMPLOYER_LIST_PREFETCH)
    result = SearchResult(criteria=criteria, page=page, candidates=list(page.object_list))
    if result.count == 0 and criteria.terms:
        result.only_stop_words = _only_stop_words(criteria.terms)
    audit_search(viewer=viewer, query=criteria.text, request=request,
                 filters={**criteria.audit_filters(), "page": page.number},
                 result_count=result.count)
    return result
