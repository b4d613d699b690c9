from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    # Only for staff (SPEC §3: "IP address (staff only)").
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "created_at"])]

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
