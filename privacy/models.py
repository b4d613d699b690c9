from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models.querysets import CandidateRelatedQuerySet


class AuditAction(models.TextChoices):
    LOGIN = "login", _("ingelogd")
    LOGIN_FAILED = "login_failed", _("inloggen mislukt")
    LOCKED_OUT = "locked_out", _("geblokkeerd na te veel pogingen")
    LOGOUT = "logout", _("uitgelogd")
    TWO_FACTOR_ENROLLED = "2fa_enrolled", _("tweestapsverificatie ingesteld")
    TWO_FACTOR_VERIFIED = "2fa_verified", _("tweestapsverificatie gelukt")
    TWO_FACTOR_FAILED = "2fa_failed", _("tweestapsverificatie mislukt")
    TWO_FACTOR_RESET = "2fa_reset", _("tweestapsverificatie gewist")
    INVITATION_SENT = "invitation_sent", _("uitnodiging verstuurd")
    INVITATION_ACCEPTED = "invitation_accepted", _("uitnodiging geaccepteerd")
    INVITATION_WITHDRAWN = "invitation_withdrawn", _("uitnodiging ingetrokken")
    TERMS_ACCEPTED = "terms_accepted", _("gebruiksvoorwaarden geaccepteerd")
    # Personal data: reads by staff and employers, changes, searches, exports (SPEC §3).
    PROFILE_VIEWED = "profile_viewed", _("profiel bekeken")
    RECORD_CHANGED = "record_changed", _("gegevens gewijzigd")
    SEARCH = "search", _("gezocht")
    EXPORT = "export", _("gegevens geëxporteerd")
    # Candidate dossier state.
    CANDIDATE_CREATED = "candidate_created", _("kandidaat ingeschreven")
    CANDIDATE_HIDDEN = "candidate_hidden", _("profiel verborgen voor werkgevers")
    CANDIDATE_UNHIDDEN = "candidate_unhidden", _("profiel niet meer verborgen")
    CANDIDATE_INACTIVATED = "candidate_inactivated", _("profiel op inactief gezet")
    CANDIDATE_REACTIVATED = "candidate_reactivated", _("profiel weer actief gezet")
    CANDIDATE_SHARING_CHANGED = "candidate_sharing_changed", _("delen met werkgevers gewijzigd")
    CANDIDATE_DOSSIER_ENDED = "candidate_dossier_ended", _("dossier beëindigd")
    # Conversations (the content itself is never copied into the audit log).
    MESSAGE_SENT = "message_sent", _("bericht verstuurd")
    CONTACT_REQUESTED = "contact_requested", _("contactverzoek gedaan")
    CONTACT_REQUEST_FORWARDED = "contact_forwarded", _("contactverzoek doorgestuurd")
    CONTACT_REQUEST_DECLINED = "contact_declined", _("contactverzoek niet doorgestuurd")
    VACANCY_RESPONDED = "vacancy_responded", _("gereageerd op vacature")
    # Retention and tips (privacy operations).
    RETENTION_RULE_CHANGED = "retention_rule_changed", _("bewaartermijn gewijzigd")
    LEGAL_HOLD_PLACED = "legal_hold_placed", _("bewaarplicht ingesteld")
    LEGAL_HOLD_RELEASED = "legal_hold_released", _("bewaarplicht opgeheven")
    RETENTION_RUN = "retention_run", _("bewaartermijnen uitgevoerd")
    TIPS_PREFERENCE_CHANGED = "tips_preference_changed", _("e-mail met tips aan- of uitgezet")
    # Oversight by the administrator (issue 17).
    AUDIT_LOG_VIEWED = "audit_log_viewed", _("logboek bekeken")
    ACCESS_SIGNAL_HANDLED = "access_signal_handled", _("signaal afgehandeld")
    OVERSIGHT_SETTINGS_CHANGED = "oversight_settings_changed", _("instellingen toezicht gewijzigd")
    ACCOUNT_DEACTIVATED_INACTIVE = "account_deactivated_inactive", _(
        "ongebruikt account uitgeschakeld")
    ESF_REPORT_VIEWED = "esf_report_viewed", _("ESF-rapportage bekeken")


class AuditEvent(models.Model):
    """One line of the append-only audit log.

    The database refuses UPDATE and DELETE on this table (see the trigger in the
    migrations); only the retention purge may delete, by switching a session setting.
    The actor is kept as a bare id (no foreign key) so removing a user never rewrites history.
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING,
                              db_constraint=False, null=True, blank=True, related_name="+")
    actor_role = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=40, choices=AuditAction.choices, db_index=True)
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    municipality_id = models.IntegerField(null=True, blank=True)
    # The municipality of the candidate the event is about, only when that is not the actor's
    # (an employer elsewhere in the region opened the profile): that municipality's
    # administrator reads the event too, through a small index instead of a join.
    other_municipality_id = models.IntegerField(null=True, blank=True)
    # Only for staff (SPEC §3: "IP address (staff only)").
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id", "created_at"]),
            # The administrator's viewer (privacy/oversight/log.py): newest first within a
            # municipality, by action, by role, by person, and the few events from elsewhere.
            models.Index(fields=["municipality_id", "-created_at", "-id"],
                         name="audit_municipality_newest"),
            models.Index(fields=["municipality_id", "action", "-created_at", "-id"],
                         name="audit_municipality_action"),
            models.Index(fields=["municipality_id", "actor_role", "-created_at", "-id"],
                         name="audit_municipality_role"),
            models.Index(fields=["actor", "-created_at", "-id"], name="audit_actor_newest"),
            models.Index(fields=["other_municipality_id", "-created_at", "-id"],
                         name="audit_other_municipality",
                         condition=models.Q(other_municipality_id__isnull=False)),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"


class LegalText(models.Model):
    """Versioned terms of use and privacy statement, kept apart (a DPIA finding)."""

    class Kind(models.TextChoices):
        TERMS = "terms", _("gebruiksvoorwaarden")
        PRIVACY = "privacy", _("privacyverklaring")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    version = models.PositiveIntegerField()
    body_nl = models.TextField()
    body_en = models.TextField()
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [models.UniqueConstraint(fields=["kind", "version"],
                                               name="legal_text_unique_version")]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version}"

    def body(self, language: str) -> str:
        return self.body_en if language == "en" else self.body_nl


class TermsAcceptance(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="terms_acceptances")
    terms = models.ForeignKey(LegalText, on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "terms"],
                                               name="terms_accepted_once")]

    def __str__(self):
        return f"{self.user_id} accepted {self.terms}"


# --- retention (SPEC §5) ------------------------------------------------------------------

class RetentionRule(models.Model):
    """How long one kind of record is kept. The periods are data an administrator can see
    and change; what each one counts from, and why, is explained in privacy/retention/rules.py.
    Changes are recorded in the audit log (privacy/retention/rules.py: retention_rule_change)."""

    class Kind(models.TextChoices):
        # The dossier outcomes of the VNG selection list (SPEC §5).
        DOSSIER_BROKEN_OFF = "dossier_broken_off", _("Dossier: aanvraag afgebroken")
        DOSSIER_REFUSED = "dossier_refused", _("Dossier: aanvraag geweigerd")
        DOSSIER_ENDED = "dossier_ended", _("Dossier: dienstverlening beëindigd")
        DOSSIER_ESF = "dossier_esf", _("Dossier nodig voor ESF-subsidie")
        # The platform's own periods.
        MESSAGES = "messages", _("Berichten")
        CONTACT_REQUESTS = "contact_requests", _("Contactverzoeken en reacties op vacatures")
        AUDIT = "audit", _("Logboek")
        INVITATIONS = "invitations", _("Uitnodigingen die niet zijn gebruikt")
        EMPLOYER_CONTACTS = "employer_contacts", _("Contactpersonen van werkgevers die "
                                                   "niet meer meedoen")

    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, unique=True)
    months = models.PositiveSmallIntegerField(_("bewaartermijn in maanden"))
    changed_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(name="retention_rule_months_in_range",
                                   condition=models.Q(months__gte=1, months__lte=1200)),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.months}"


class LegalHold(models.Model):
    """An administrator stops the destruction of one dossier, with a reason, until released."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE,
                                  related_name="legal_holds")
    reason = models.TextField(_("reden"))
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, related_name="+")
    placed_at = models.DateTimeField(default=timezone.now)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    released_at = models.DateTimeField(null=True, blank=True)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("bewaarplicht")
        verbose_name_plural = _("bewaarplichten")
        ordering = ["-placed_at"]
        constraints = [
            models.UniqueConstraint(fields=["candidate"],
                                    condition=models.Q(released_at__isnull=True),
                                    name="legal_hold_one_active_per_candidate",
                                    violation_error_message=_(
                                        "Voor dit dossier geldt al een bewaarplicht.")),
            models.CheckConstraint(name="legal_hold_has_reason",
                                   condition=~models.Q(reason="")),
        ]

    def __str__(self):
        return f"legal hold {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.released_at is None


class RetentionNotice(models.Model):
    """That the responsible staff were told a dossier is due, and so when it may go.

    A dossier is never destroyed less than NOTICE_DAYS after the first notice, so staff
    always have time to ask for a legal hold (also when a rule was shortened, or a dossier
    was ended with a date long ago)."""

    candidate = models.OneToOneField("candidates.Candidate", on_delete=models.CASCADE,
                                     related_name="retention_notice")
    due_on = models.DateField()
    first_notified_on = models.DateField()
    destroy_on = models.DateField()
    notified_at = models.DateTimeField(default=timezone.now)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(name="retention_notice_destroy_not_before_due",
                                   condition=models.Q(destroy_on__gte=models.F("due_on"))),
        ]

    def __str__(self):
        return f"notice for candidate {self.candidate_id}: {self.destroy_on}"


class DestructionRecord(models.Model):
    """Proof that something was destroyed, holding no personal data: an opaque id (for a
    dossier), which rule, dates and counts. Kept indefinitely."""

    class Kind(models.TextChoices):
        DOSSIER = "dossier", _("Dossier")
        MESSAGES = "messages", _("Berichten")
        CONTACT_REQUESTS = "contact_requests", _("Contactverzoeken en reacties")
        AUDIT = "audit", _("Logboek")
        INVITATIONS = "invitations", _("Uitnodigingen en ongebruikte accounts")
        EMPLOYER_CONTACTS = "employer_contacts", _("Contactpersonen van werkgevers")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    # HMAC of municipality and client number with the server's secret: whoever has both the
    # client number and the system can check that a dossier was destroyed; nobody can go back.
    opaque_id = models.CharField(max_length=32, blank=True, db_index=True)
    # Null for platform-wide purges (messages, log, invitations).
    municipality = models.ForeignKey("hallowerk.Municipality", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    rule = models.CharField(max_length=30, choices=RetentionRule.Kind.choices)
    rule_months = models.PositiveSmallIntegerField()
    outcome = models.CharField(max_length=15, blank=True)
    due_on = models.DateField(null=True, blank=True)
    destroyed_at = models.DateTimeField(default=timezone.now, db_index=True)
    # {"candidates.message": 12, "files": 2, ...}: how many of each were removed.
    counts = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("vernietigingsverklaring")
        verbose_name_plural = _("vernietigingsverklaringen")
        ordering = ["-destroyed_at", "-id"]

    def __str__(self):
        return f"{self.kind} {self.opaque_id or self.pk} {self.destroyed_at:%Y-%m-%d}"

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def outcome_label(self) -> str:
        from candidates.models import EndReason

        return str(EndReason(self.outcome).label) if self.outcome in EndReason.values else ""


class PendingFileDeletion(models.Model):
    """An upload to remove from private storage once the transaction that dropped its record
    has committed; rows left by a crash are retried by the next run. The names are random
    (candidates/models/storage.py), so this table holds no personal data."""

    name = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.name


class RetentionRun(models.Model):
    """One run of the daily retention job (privacy/retention/run.py). Every committed batch
    moves `heartbeat_at`; a run that stopped beating without finishing (a killed worker) is
    resumed by a sweep (privacy/retention/progress.py) instead of waiting for the broker's
    visibility timeout."""

    started_at = models.DateTimeField(default=timezone.now)
    heartbeat_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # How often it was started: 1, plus one per resumption.
    attempts = models.PositiveSmallIntegerField(default=1)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["finished_at"],
                                               condition=models.Q(finished_at__isnull=True),
                                               nulls_distinct=False,
                                               name="retention_run_one_unfinished")]

    def __str__(self):
        return f"retention run {self.started_at:%Y-%m-%d %H:%M}"


# --- tip e-mails (SPEC §6) ------------------------------------------------------------------

class TipPreference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="tip_preference")
    opted_out = models.BooleanField(_("geen tips meer"), default=False)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"tips {'off' if self.opted_out else 'on'} for {self.user_id}"


class TipSend(models.Model):
    """One tip mail: planned as due, then sent (or cancelled). A failed attempt leaves it due
    with a later next attempt, so nothing is lost while the mail server or Redis is away."""

    class Kind(models.TextChoices):
        EMPTY_PROFILE = "empty_profile", _("Profiel nog leeg")
        NOT_SHARED = "not_shared", _("Profiel nog niet gedeeld")
        NOT_UPDATED = "not_updated", _("Profiel lang niet bijgewerkt")

    class Status(models.TextChoices):
        DUE = "due", _("Klaar om te versturen")
        SENT = "sent", _("Verstuurd")
        CANCELLED = "cancelled", _("Niet verstuurd")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="tip_sends")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DUE)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The exception's class name only: an SMTP error text can contain the address.
    last_error = models.CharField(max_length=100, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="tip_send_due")]
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=models.Q(status="due"),
                                    name="tip_send_one_due_per_user"),
            models.CheckConstraint(name="tip_send_sent_iff_sent_at",
                                   condition=models.Q(status="sent", sent_at__isnull=False)
                                   | (~models.Q(status="sent") & models.Q(sent_at__isnull=True))),
        ]

    def __str__(self):
        return f"tip {self.kind} for {self.user_id} ({self.status})"


from .archive_models import AnonymisedDossier  # noqa: E402,F401  (issue 17: its own module)
from .oversight.models import (  # noqa: E402,F401
    AccessSignal,
    InactivityNotice,
    OversightSettings,
)
