"""The candidate dossier: what the coach records at intake and the state the platform keeps.

What the jobseeker enters lives apart, in Profile, so erasing it is one delete and the
municipal dossier follows its own retention period (SPEC §5). The BSN is never stored.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hallowerk.roles import Role
from hallowerk.validators import POSTCODE_PATTERN, validate_postcode

from .conditions import holds
from .querysets import CandidateManager


class Gender(models.TextChoices):
    FEMALE = "female", pgettext_lazy("geslacht", "Vrouw")
    MALE = "male", pgettext_lazy("geslacht", "Man")
    OTHER = "other", pgettext_lazy("geslacht", "Anders")
    UNKNOWN = "unknown", _("Onbekend of niet opgegeven")


class ServiceType(models.TextChoices):
    # The municipality's own names (zelfservice / samen / voor); short words, hence a context.
    SELF_SERVICE = "self_service", pgettext_lazy("soort dienstverlening", "Zelfservice")
    TOGETHER = "together", pgettext_lazy("soort dienstverlening", "Samen")
    DONE_FOR_YOU = "done_for_you", pgettext_lazy("soort dienstverlening", "Voor")


class SharingScope(models.TextChoices):
    REGION = "region", _("Werkgevers in mijn eigen regio")
    ALL = "all", _("Werkgevers van alle deelnemende gemeenten")


class EndReason(models.TextChoices):
    # The three outcomes of the VNG selection list, each with its own retention period.
    BROKEN_OFF = "broken_off", _("Afgebroken")
    REFUSED = "refused", _("Geweigerd")
    ENDED = "ended", _("Beëindigd")


# In service: active, not hidden, dossier open — what both conditions below start from.
IN_SERVICE = Q(dossier_ended_on__isnull=True, hidden_by_staff=False, is_active=True)

# What an employer can possibly see: in service and shared. The partial indexes below carry
# exactly this condition, so the employer's list never scans the dossiers it may not see.
# The whole rule (account state, scope) is candidates/models/querysets.py.
EMPLOYER_VISIBLE = IN_SERVICE & Q(shared_with_employers=True)


# Who can act on matching advice (matching/ranking.py matchable_candidates adds the
# account check, querysets.account_active(), which needs the user table).
MATCHABLE = IN_SERVICE & Q(user__isnull=False)


class Candidate(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.SET_NULL,
        # Nullable: a jobseeker who leaves the platform loses the account, while the
        # municipal dossier stays until its retention period ends (SPEC §5).
        null=True, blank=True, related_name="candidate",
        limit_choices_to={"role": Role.JOBSEEKER})
    municipality = models.ForeignKey(
        "hallowerk.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT,
        related_name="candidates")

    # --- entered by the coach at intake
    client_number = models.CharField(
        _("klantnummer"), max_length=30,
        help_text=_("Het nummer in het klantsysteem van de gemeente. Nooit het BSN."))
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    # What the coach's search compares, in capitals once per write instead of once per row
    # per search (candidates/selectors_coach.py): at 500k, upper() on three columns of a
    # municipality's 120,000 dossiers was most of a search by name. Kept by PostgreSQL.
    client_number_key = models.GeneratedField(
        expression=Upper("client_number"), output_field=models.CharField(max_length=30),
        db_persist=True)
    name_key = models.GeneratedField(
        expression=Upper(Concat("first_name", Value(" "), "last_name")),
        output_field=models.CharField(max_length=201), db_persist=True)
    email = models.EmailField(_("e-mailadres"))
    gender = models.CharField(_("geslacht"), max_length=10, choices=Gender.choices,
                              default=Gender.UNKNOWN)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=6, blank=True, validators=[validate_postcode],
        help_text=_("4 cijfers en 2 letters, bijvoorbeeld 3511AB."))
    phone = models.CharField(
        _("telefoonnummer"), max_length=20, blank=True,
        validators=[RegexValidator(r"^\+?[0-9 ()-]{6,20}$",
                                   _("Vul een telefoonnummer in met alleen cijfers, "
                                     "bijvoorbeeld 06 12345678."))])
    service_type = models.CharField(_("soort dienstverlening"), max_length=15,
                                    choices=ServiceType.choices, default=ServiceType.TOGETHER)
    responsible_coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("klantmanager"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="coached_candidates",
        limit_choices_to={"role": Role.COACH})
    directly_approachable = models.BooleanField(
        _("direct benaderbaar"), default=False,
        help_text=_("Werkgevers mogen direct contact opnemen. Anders loopt contact via de "
                    "werkmatcher."))
    tg_banenafspraak = models.BooleanField(_("Banenafspraak (doelgroepregister)"), default=False)
    tg_praktijkroute = models.BooleanField(_("Praktijkroute"), default=False)
    tg_bbl = models.BooleanField(_("BBL"), default=False)
    tg_tozo = models.BooleanField(_("TOZO"), default=False)

    # --- state the platform keeps
    shared_with_employers = models.BooleanField(_("gedeeld met werkgevers"), default=False)
    sharing_scope = models.CharField(_("delen met"), max_length=10, choices=SharingScope.choices,
                                     default=SharingScope.REGION)
    hidden_by_staff = models.BooleanField(_("verborgen door de gemeente"), default=False)
    hidden_reason = models.TextField(_("reden van verbergen"), blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("verborgen door"),
                                  on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    hidden_at = models.DateTimeField(_("verborgen op"), null=True, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    dossier_ended_on = models.DateField(_("dossier beëindigd op"), null=True, blank=True)
    end_reason = models.CharField(_("reden van beëindigen"), max_length=15,
                                  choices=EndReason.choices, blank=True)
    esf_programme_end = models.DateField(
        _("einddatum ESF-programma"), null=True, blank=True,
        help_text=_("Alleen invullen als het dossier nodig is voor de verantwoording van "
                    "ESF-subsidie."))
    # The jobseeker asked to leave the platform; the coach ends the dossier (SPEC §5).
    leave_requested_at = models.DateTimeField(_("wil stoppen met HalloWerk sinds"), null=True,
                                              blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    last_activity_at = models.DateTimeField(_("laatst actief"), default=timezone.now)
    # Until when the account's open invitation link works (none open: empty). Kept by
    # triggers on the invitations (migration 0020), whoever writes them: the coach's list
    # filters "pending" and "expired" on it with an index, where reading every dossier of
    # a large municipality against every open invitation in the country took 100 ms.
    invitation_open_until = models.DateTimeField(_("uitnodigingslink geldig tot"), null=True,
                                                 blank=True, editable=False)

    objects = CandidateManager()

    class Meta:
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "client_number"],
                name="candidate_client_number_unique_per_municipality",
                violation_error_message=_("Er is al een kandidaat met dit klantnummer in deze "
                                          "gemeente.")),
            models.CheckConstraint(name="candidate_client_number_not_empty",
                                   condition=~Q(client_number="")),
            models.CheckConstraint(
                name="candidate_hidden_has_reason_and_time",
                condition=Q(hidden_by_staff=False)
                | (~Q(hidden_reason="") & Q(hidden_at__isnull=False)),
                violation_error_message=_("Geef een reden op als u een profiel verbergt.")),
            models.CheckConstraint(
                name="candidate_end_reason_iff_ended",
                condition=Q(end_reason="", dossier_ended_on__isnull=True)
                | (~Q(end_reason="") & Q(dossier_ended_on__isnull=False)),
                violation_error_message=_("Vul de einddatum en de reden van beëindigen allebei "
                                          "in, of allebei niet.")),
            models.CheckConstraint(
                name="candidate_postcode_format",
                condition=Q(postcode="") | Q(postcode__regex=POSTCODE_PATTERN),
                violation_error_message=_("Vul een Nederlandse postcode in: 4 cijfers en 2 "
                                          "letters, bijvoorbeeld 3511 AB.")),
            models.CheckConstraint(name="candidate_gender_valid",
                                   condition=Q(gender__in=Gender.values)),
            models.CheckConstraint(name="candidate_service_type_valid",
                                   condition=Q(service_type__in=ServiceType.values)),
            models.CheckConstraint(name="candidate_sharing_scope_valid",
                                   condition=Q(sharing_scope__in=SharingScope.values)),
            models.CheckConstraint(name="candidate_end_reason_valid",
                                   condition=Q(end_reason__in=["", *EndReason.values])),
        ]
        indexes = [
            # The ESF report (hallowerk/stats_esf.py) counts the ESF-funded dossiers of one
            # municipality started or ended in a year: a few among its 120,000 dossiers at
            # 500,000 candidates, which it read one by one before (issue 11).
            models.Index(fields=["municipality", "created_at"],
                         condition=Q(esf_programme_end__isnull=False),
                         name="candidate_esf_started"),
            models.Index(fields=["municipality", "dossier_ended_on"],
                         condition=Q(esf_programme_end__isnull=False), name="candidate_esf_ended"),
            # The coach's list: own municipality, alphabetical. With the search keys, a
            # search by name or number reads this index alone, not the (wide) dossiers.
            models.Index(fields=["municipality", "last_name", "first_name", "id"],
                         include=["client_number_key", "name_key"],
                         name="candidate_municipality_name"),
            # The account manager's list spans municipalities (own + shared in the region):
            # read in name order, it finds its first page without sorting everyone.
            models.Index(fields=["last_name", "first_name", "id"], name="candidate_name"),
            # The employer's list: everyone they may see, most recently active first.
            models.Index(fields=["-last_activity_at", "-id"], condition=EMPLOYER_VISIBLE,
                         name="candidate_employer_recent"),
            # Counting what an employer sees: the scope test and the account check read
            # only this index (an index-only scan), never the table.
            models.Index(fields=["municipality", "sharing_scope", "user"],
                         condition=EMPLOYER_VISIBLE, name="candidate_employer_scope"),
            # Retention: the dossiers due by a date are a range of end dates per outcome
            # (privacy/retention/rules.py, Rules.dossier_due_by). Ended dossiers only.
            models.Index(fields=["end_reason", "dossier_ended_on", "municipality"],
                         condition=Q(dossier_ended_on__isnull=False),
                         name="candidate_dossier_due"),
            # Matching checks the viewer's scope once per candidate of a vacancy's pool, by
            # id (matching/sql/candidates.py): with what every scope asks of a candidate in
            # the index, that check never reads the (wide) table row.
            models.Index(fields=["id"], include=["municipality", "user", "sharing_scope",
                                                 "shared_with_employers"],
                         condition=MATCHABLE, name="candidate_matchable"),
            # The coach's filtered lists and their counts (candidates/selectors_coach.py):
            # every filter on the dossier's own state is in this index, so counting a large
            # municipality's matches reads the index only, never the (wide) table rows.
            models.Index(fields=["municipality", "id"],
                         include=["is_active", "shared_with_employers", "hidden_by_staff",
                                  "directly_approachable", "dossier_ended_on",
                                  "last_activity_at", "responsible_coach"],
                         name="candidate_coach_filters"),
            # Hidden by staff is rare (about 2%): the coach's "hidden" list finds its few
            # rows here instead of reading every dossier of the municipality (500k,
            # Rotterdam: 120,000 rows read for 2,381, 90 ms).
            models.Index(fields=["municipality"], condition=Q(hidden_by_staff=True),
                         name="candidate_hidden"),
            # The coach's invitation filters: only accounts with an open link, with the
            # sort keys of the list, so a page and its count read this index alone.
            models.Index(fields=["municipality", "invitation_open_until"],
                         include=["created_at", "last_activity_at", "last_name", "first_name",
                                  "responsible_coach"],
                         condition=Q(invitation_open_until__isnull=False),
                         name="candidate_open_invitation"),
            # Matching checks an audience of employers (a region, or everyone sharing with
            # all municipalities) against a vacancy's pool: the candidates an employer may
            # see, by where they live and whom they share with, read from the index alone.
            models.Index(fields=["municipality", "sharing_scope"],
                         include=["id", "user", "dossier_ended_on", "hidden_by_staff",
                                  "is_active", "shared_with_employers"],
                         condition=EMPLOYER_VISIBLE, name="matching_candidate_shared"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def in_doelgroepregister(self) -> bool:
        """The only target-group fact an employer may learn (SPEC §4)."""
        return self.tg_banenafspraak

    @property
    def is_visible_to_employers(self) -> bool:
        """EMPLOYER_VISIBLE for this loaded dossier (no query), for messages to the jobseeker."""
        return holds(EMPLOYER_VISIBLE, self)
