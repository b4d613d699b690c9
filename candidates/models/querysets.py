"""Who may see which candidate (SPEC §4) — the one place these rules are written.

Every view fetches candidates through `Candidate.objects.visible_to(user)`; a detail
lookup goes through the same queryset so a candidate outside it is a 404.
"""

from django.apps import apps
from django.db import connection, models
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, Func, OuterRef, Q, Value
from django.db.models.functions import Upper

from hallowerk.models import Municipality, User
from hallowerk.request_memo import request_memoized
from hallowerk.roles import Role


def account_active() -> Q:
    """The candidate has an account and it is active (part of the employer rule below and of
    who matching may advise, matching/ranking.py)."""
    # "The account is active", written as "no deactivated account": deactivated accounts
    # are few and have their own partial index (migration 0002), so counting tens of
    # thousands of visible candidates never has to visit the user table.
    account_deactivated = User.objects.filter(pk=OuterRef("user_id"), is_active=False)
    return Q(user_id__isnull=False) & ~Exists(account_deactivated)


class NameTrigramsCover(Func):
    """`candidates_name_trigrams(name_key) @> candidates_name_trigrams(UPPER(word))`: every
    trigram of the word is one of the name's, which the GIN index candidate_name_trigrams
    answers (migration candidates 0024). Necessary for the word to be part of the name, not
    sufficient: the LIKE next to it decides."""

    arg_joiner = ") @> candidates_name_trigrams("
    template = "candidates_name_trigrams(%(expressions)s)"
    output_field = BooleanField()


def name_contains(word: str) -> Q:
    """Staff's search by name: `word` is part of the first or the last name, whatever the
    capitals. Reads the stored capitalised "first last" (Candidate.name_key) instead of
    calling upper() on two columns of every row searched; the word is put in capitals by
    PostgreSQL too, so both sides follow the same rules. A word never holds a space, so a
    part of "first last" is a part of one of the two names."""
    return Q(name_key__contains=Upper(Value(word)))


def name_contains_indexed(word: str) -> Q:
    """name_contains(), and for a word of three letters or more also the name's trigrams,
    so PostgreSQL can find the names in the GIN index instead of reading every name it may
    show. For searches across municipalities (the account manager's list). The coach's
    search reads one municipality's covering name index, which is faster there, and where
    PostgreSQL would test the trigrams row by row (an SQL function per row) it would only
    cost."""
    condition = name_contains(word)
    if len(word) >= 3:
        condition &= Q(NameTrigramsCover(F("name_key"), Upper(Value(word))))
    return condition


def visible_to_some_employer() -> Q:
    """Shared, not hidden, active, dossier open, account active: the part of the employer
    rule that does not depend on which employer asks. The search document
    (candidates/search_documents.py) exists exactly for these candidates."""
    from .candidate import EMPLOYER_VISIBLE  # candidate.py imports this module

    return EMPLOYER_VISIBLE & account_active()


def region_of(municipalities: models.QuerySet) -> models.QuerySet:
    """The municipalities of the labour-market region(s) of `municipalities`."""
    return Municipality.objects.filter(
        labour_market_region__in=municipalities.values("labour_market_region"))


def shared_with_region(region_of_these: models.QuerySet) -> Q:
    """Candidates an employer invited by a municipality in `region_of_these`'s region may see.

    Visible to some employer — and either shared with all participating municipalities or
    living in that labour-market region (SPEC §4).
    """
    return shared_with_audience(region_of(region_of_these).values("pk"))


def _employer_region_ids(employer_id: int | None) -> list[int]:
    """The municipalities of the region of this employer organisation's municipality; none
    for a deactivated organisation. region_of() in one plain query: it runs on every employer
    page, and building the ORM's nested subqueries cost ten times the lookup (~1 ms of CPU)."""
    employer = apps.get_model("employers", "Employer")._meta.db_table
    municipality = Municipality._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT region.id FROM {employer} employer "  # noqa: S608 (table names only)
            f"JOIN {municipality} own ON own.id = employer.municipality_id "
            f"JOIN {municipality} region "
            "ON region.labour_market_region = own.labour_market_region "
            "WHERE employer.id = %s AND employer.is_active ORDER BY region.id", [employer_id])
        return [row[0] for row in cursor.fetchall()]


def _may_see_anyone(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def employer_audience(user) -> list[int] | None:
    """The municipalities whose region-scoped candidates this employer user may see (the
    municipalities of its own labour-market region), or None when it may see nobody (no
    employer, or a deactivated one).

    visible_to() for employers reads it, and so do the search document's audience tokens
    (employers/search_query.py): one lookup, kept for the rest of the request
    (hallowerk/request_memo.py), instead of nested subqueries in every query.
    """
    if not _may_see_anyone(user) or user.role != Role.EMPLOYER:
        return None
    return request_memoized(("employer_audience", user.pk, user.employer_id),
                            lambda: _employer_region_ids(user.employer_id) or None)


def _region_ids(municipalities: models.QuerySet) -> list[int]:
    return list(region_of(municipalities).values_list("pk", flat=True))


def region_ids_of(municipality_id: int) -> list[int]:
    """The municipalities of this municipality's labour-market region, once per request."""
    return request_memoized(
        ("region_ids", municipality_id),
        lambda: _region_ids(Municipality.objects.filter(pk=municipality_id)))


def shared_with_audience(audience: list[int] | models.QuerySet) -> Q:
    """Shared with all, or living in `audience` (municipality ids, or a queryset of them):
    the pages pass a region already looked up as ids (see employer_audience), the matching
    refresh a subquery (shared_with_region)."""
    return (visible_to_some_employer()
            & (Q(sharing_scope="all") | Q(municipality_id__in=audience)))


class Purpose(models.TextChoices):
    """Why a candidate is read. Nearly every read is WORK: helping the jobseeker to work."""

    WORK = "work"
    # Keeping and destroying dossiers on time (privacy/retention/). Administrators see no
    # dossier for WORK, but the municipality must place legal holds and account for what it
    # destroyed, so administrators see their municipality's dossiers (every municipality
    # for a platform administrator) — the retention pages show client number, outcome and
    # dates only, never the profile. Coaches follow retention of the dossiers they see
    # anyway; nobody else takes part.
    RETENTION = "retention"


class CandidateQuerySet(models.QuerySet):
    def visible_to(self, user, purpose: Purpose = Purpose.WORK) -> "CandidateQuerySet":
        if not _may_see_anyone(user):
            return self.none()
        if purpose == Purpose.RETENTION:
            return self._for_retention(user)
        if user.role == Role.JOBSEEKER:
            return self.filter(user=user)
        if user.role == Role.COACH:
            return self.filter(municipality_id=user.municipality_id)
        if user.role == Role.ACCOUNT_MANAGER:
            # Own municipality: everyone. Elsewhere: exactly what an employer of the
            # account manager's region may see.
            return self.filter(Q(municipality_id=user.municipality_id)
                               | shared_with_audience(region_ids_of(user.municipality_id)))
        if user.role == Role.EMPLOYER:
            # A deactivated employer organisation sees nobody, whatever the scope: its region
            # is empty, and candidates shared with all need the organisation to be active.
            # (employer_audience() is None for a deactivated organisation.)
            audience = employer_audience(user)
            if audience is None:
                return self.none()
            return self.filter(shared_with_audience(audience))
        # Team leads see aggregates only; administrators manage accounts, not dossiers
        # (except for retention, Purpose.RETENTION).
        return self.none()

    def _for_retention(self, user) -> "CandidateQuerySet":
        if user.role == Role.ADMINISTRATOR:
            if user.municipality_id is None:  # a platform administrator
                return self.all()
            return self.filter(municipality_id=user.municipality_id)
        if user.role == Role.COACH:
            return self.visible_to(user)
        return self.none()


class CandidateManager(models.Manager.from_queryset(CandidateQuerySet)):  # type: ignore[misc]
    def visible_to(self, user, purpose: Purpose = Purpose.WORK) -> CandidateQuerySet:
        """Candidate.objects.visible_to(): the rule's queryset is built once per request for
        this viewer and each caller gets a fresh copy to refine (building it costs ~0.6 ms
        of CPU and an employer's page asked for it up to four times). Only the SQL is kept,
        never rows: every copy reads the database again. Outside a request it is built
        every time (hallowerk/request_memo.py)."""
        if not _may_see_anyone(user):
            return self.none()
        key = ("candidates_visible_to", user.pk, user.role, user.municipality_id,
               user.employer_id, purpose)
        rule = request_memoized(key, lambda: self.get_queryset().visible_to(user, purpose))
        return rule._chain()


def visibility_scope(user) -> tuple:
    """What visible_to(user) depends on besides the user's own role, municipality, employer
    and active flag: the region looked up for an employer or an account manager. A read
    compiled once per viewer (hallowerk/compiled_queries.py) gives this as its scope, so a
    region that changes is a new compilation, never an old rule."""
    if not _may_see_anyone(user):
        return ()
    if user.role == Role.EMPLOYER:
        return ("audience", tuple(employer_audience(user) or ()))
    if user.role == Role.ACCOUNT_MANAGER:
        return ("region", tuple(region_ids_of(user.municipality_id)))
    return ()


def may_act_on(user, candidate, *, roles=(Role.COACH,), purpose: Purpose = Purpose.WORK) -> bool:
    """Whether `user`, in one of `roles`, may change this candidate's dossier (or erase,
    export, resolve on the person's behalf): the permission checks of the services ask
    this instead of comparing municipalities by hand.

    Derived from visible_to(). For WORK, staff act only on their own municipality's
    dossiers: for a coach that is everyone they see; an account manager also sees
    candidates shared from elsewhere in the region, but changes only its own. For RETENTION
    the retention rule itself already limits an administrator to their municipality.
    """
    from .candidate import Candidate  # candidate.py imports this module

    if user is None or getattr(user, "role", None) not in roles:
        return False
    dossiers = Candidate.objects.visible_to(user, purpose)
    if purpose == Purpose.WORK:
        dossiers = dossiers.filter(municipality_id=user.municipality_id)
    return dossiers.filter(pk=candidate.pk).exists()


# Set on a candidate that the selectors fetched through visible_to(user) in this request.
_SEEN_BY = "_visible_to_user_pk"


def mark_seen_by(candidate, user):
    """Remember on the instance that `user` may see it: the selectors call this right after
    reading the candidate through visible_to(user), and CandidateRelatedQuerySet.of_candidate()
    then need not ask the rule again (as a subquery) for the rows hanging off it."""
    setattr(candidate, _SEEN_BY, user.pk)
    return candidate


def seen_by(candidate, user) -> bool:
    return user is not None and getattr(candidate, _SEEN_BY, None) == user.pk


class CandidateRelatedQuerySet(models.QuerySet):
    """Data that hangs off a candidate is visible exactly when its candidate is (SPEC §4).

    Declared once per model, the rule is never rewritten as `candidate__in=...` in a view:

        objects = CandidateRelatedQuerySet.as_manager()               # FK named `candidate`
        objects = CandidateRelatedQuerySet.through("thread__candidate").as_manager()

    A test (tests/candidates/test_related_visibility.py) fails for a model with a foreign
    key to Candidate whose manager does not derive from this class.
    """

    candidate_lookup = "candidate"

    @classmethod
    def through(cls, lookup: str) -> type["CandidateRelatedQuerySet"]:
        """The same rule for a model that reaches its candidate through another relation."""
        return type(f"{cls.__name__}Through_{lookup}", (cls,), {"candidate_lookup": lookup})

    def _visible_candidates(self, user) -> models.QuerySet:
        from .candidate import Candidate

        return Candidate.objects.visible_to(user).values("pk")

    def visible_to(self, user) -> "CandidateRelatedQuerySet":
        return self.filter(**{f"{self.candidate_lookup}__in": self._visible_candidates(user)})

    def of_candidate(self, user, candidate) -> "CandidateRelatedQuerySet":
        """visible_to(user) for the rows of one candidate. For a candidate the selectors
        read for this user (mark_seen_by) the rule was just asked, so this is a plain filter;
        for any other candidate the rule is asked here, as in visible_to()."""
        rows = self.filter(**{self.candidate_lookup: candidate})
        return rows if seen_by(candidate, user) else rows.visible_to(user)

    def with_candidate_visible(self, user) -> "CandidateRelatedQuerySet":
        """Every row, annotated `candidate_visible`: for records the viewer keeps a part of
        after the candidate has gone out of sight (an employer's own side of a conversation)."""
        visible = Q(**{f"{self.candidate_lookup}__in": self._visible_candidates(user)})
        return self.annotate(
            candidate_visible=ExpressionWrapper(visible, output_field=BooleanField()))
