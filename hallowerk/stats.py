"""Aggregated figures for a municipality's team lead: counts only, never a person, never per
employee (SPEC §2, §4). Every figure below SMALL_CELL is shown as "< 5" so a small count
cannot point at someone.

What a "placement" is: HalloWerk does not record whether someone found work. The closest
thing it knows is a dossier the coach ended with the reason "ended" (beëindigd) — service
completed, as opposed to "broken off" or "refused". We count those as placements and say
so on the page; interviews (responses with status "invited") are shown separately.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate, ContactRequest, EndReason, Thread, VacancyResponse
from employers.models import Employer, Vacancy
from hallowerk.models import Invitation, Municipality
from hallowerk.roles import Role

SMALL_CELL = 5
PERIODS = {"30": 30, "365": 365, "all": None}
DEFAULT_PERIOD = "365"


def suppressed(value: int) -> str:
    """A count as shown to a team lead: small numbers hidden."""
    return "< 5" if value < SMALL_CELL else str(value)


@dataclass(frozen=True)
class Figure:
    label: str
    value: int

    @property
    def shown(self) -> str:
        return suppressed(self.value)


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    figures: list[Figure]
    note: str = ""


def period_start(period: str) -> datetime | None:
    days = PERIODS.get(period, PERIODS[DEFAULT_PERIOD])
    return None if days is None else timezone.now() - timedelta(days=days)


def _since(field: str, since: datetime | None) -> Q:
    return Q(**{f"{field}__gte": since}) if since else Q()


def _candidate_counts(municipality: Municipality, since) -> dict[str, int]:
    """Every figure about dossiers in one pass over the municipality's candidates."""
    since_date = timezone.localdate(since) if since else None
    ended = (Q(dossier_ended_on__gte=since_date) if since_date
             else Q(dossier_ended_on__isnull=False))
    open_ = Q(dossier_ended_on__isnull=True)
    return Candidate.objects.filter(municipality=municipality).aggregate(
        open=Count("pk", filter=open_),
        active=Count("pk", filter=open_ & Q(is_active=True)),
        inactive=Count("pk", filter=open_ & Q(is_active=False)),
        hidden=Count("pk", filter=open_ & Q(hidden_by_staff=True)),
        shared=Count("pk", filter=open_ & Q(is_active=True, shared_with_employers=True,
                                            hidden_by_staff=False)),
        approachable=Count("pk", filter=open_ & Q(directly_approachable=True)),
        **{f"ended_{reason}": Count("pk", filter=ended & Q(end_reason=reason))
           for reason in EndReason.values},
    )


def _candidates(counts: dict[str, int]) -> list[Figure]:
    return [
        Figure(_("Lopende dossiers"), counts["open"]),
        Figure(_("Actief"), counts["active"]),
        Figure(_("Inactief"), counts["inactive"]),
        Figure(_("Verborgen voor werkgevers"), counts["hidden"]),
        Figure(_("Profiel gedeeld met werkgevers"), counts["shared"]),
        Figure(_("Direct benaderbaar"), counts["approachable"]),
    ]


def _ended(counts: dict[str, int]) -> list[Figure]:
    return [Figure(label, counts[f"ended_{reason}"]) for reason, label in EndReason.choices]


def _invitations(municipality: Municipality, since) -> list[Figure]:
    counts = Invitation.objects.filter(role=Role.JOBSEEKER,
                                       user__municipality=municipality).aggregate(
        sent=Count("pk", filter=_since("created_at", since)),
        accepted=Count("pk", filter=Q(accepted_at__isnull=False) & _since("accepted_at", since)),
    )
    return [Figure(_("Uitnodigingen verstuurd"), counts["sent"]),
            Figure(_("Uitnodigingen geaccepteerd"), counts["accepted"])]


def _contacts(municipality: Municipality, since) -> list[Figure]:
    requests = ContactRequest.objects.filter(
        _since("created_at", since), candidate__municipality=municipality).aggregate(
        total=Count("pk"),
        forwarded=Count("pk", filter=Q(status=ContactRequest.Status.FORWARDED)),
        declined=Count("pk", filter=Q(status=ContactRequest.Status.DECLINED)))
    conversations = Thread.objects.filter(
        _since("created_at", since), candidate__municipality=municipality,
        employer__isnull=False).count()
    responses = VacancyResponse.objects.filter(
        _since("created_at", since), candidate__municipality=municipality).aggregate(
        total=Count("pk"), invited=Count("pk", filter=Q(status=VacancyResponse.Status.INVITED)))
    return [
        Figure(_("Contactverzoeken van werkgevers"), requests["total"]),
        Figure(_("Doorgestuurd naar de kandidaat"), requests["forwarded"]),
        Figure(_("Niet doorgestuurd"), requests["declined"]),
        Figure(_("Gesprekken tussen werkgever en kandidaat"), conversations),
        Figure(_("Reacties op vacatures"), responses["total"]),
        Figure(_("Uitgenodigd voor een sollicitatiegesprek"), responses["invited"]),
    ]


def _placements(counts: dict[str, int]) -> list[Figure]:
    return [Figure(_("Plaatsingen"), counts[f"ended_{EndReason.ENDED}"])]


def _employers(municipality: Municipality) -> list[Figure]:
    return [
        Figure(_("Werkgevers die meedoen"),
               Employer.objects.filter(municipality=municipality, is_active=True).count()),
        Figure(_("Gepubliceerde vacatures"),
               Vacancy.objects.filter(municipality=municipality).published().count()),
    ]


def municipality_overview(*, municipality: Municipality, period: str = DEFAULT_PERIOD
                          ) -> list[Group]:
    """The team lead's overview. Current figures are 'now'; the rest count within the period."""
    since = period_start(period)
    counts = _candidate_counts(municipality, since)
    return [
        Group("candidates", str(_("Kandidaten nu")), _candidates(counts)),
        Group("invitations", str(_("Uitnodigingen")), _invitations(municipality, since)),
        Group("contacts", str(_("Contact met werkgevers")), _contacts(municipality, since)),
        Group("placements", str(_("Plaatsingen")), _placements(counts),
              note=str(_("HalloWerk registreert niet of iemand werk vond. Als plaatsing tellen "
                         "we een dossier dat de werkmatcher heeft beëindigd met de reden "
                         "'Beëindigd' (dienstverlening afgerond). Dit is dus een benadering."))),
        Group("ended", str(_("Beëindigde dossiers")), _ended(counts)),
        Group("employers", str(_("Werkgevers nu")), _employers(municipality)),
    ]
