"""What an employer keeps while searching: named lists of candidates and saved searches.

A shortlist belongs to the employer organisation (colleagues share it), optionally tied to
one of the employer's own vacancies. A saved search belongs to one user, because its alert
mail goes to that person. Neither holds a copy of candidate data: an entry points at the
candidate, and every page shows it only through Candidate.objects.visible_to(), so a
candidate who stops sharing disappears from the lists without anyone cleaning up.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models.querysets import CandidateRelatedQuerySet
from hallowerk.roles import Role

SHORTLIST_NAME_MAX_LENGTH = 100
SAVED_SEARCH_NAME_MAX_LENGTH = 100
# The canonical query string of a search form (see employers/forms/search.py); bounded
# because the text part is bounded and the filters are short codes.
SAVED_SEARCH_QUERY_MAX_LENGTH = 2000


class ShortlistQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ShortlistQuerySet":
        """An employer user sees the lists of their own organisation; nobody else does."""
        if (user is None or not user.is_authenticated or not user.is_active
                or user.role != Role.EMPLOYER or not user.employer_id):
            return self.none()
        return self.filter(employer_id=user.employer_id)

    def with_candidate_flag(self, candidate) -> "ShortlistQuerySet":
        """Each list with `holds_candidate`: whether `candidate` is on it. The profile page
        shows the lists the candidate is on and offers every list, from this one query."""
        return self.annotate(holds_candidate=Exists(ShortlistEntry.objects.filter(
            shortlist=OuterRef("pk"), candidate=candidate)))


class Shortlist(models.Model):
    employer = models.ForeignKey("employers.Employer", verbose_name=_("werkgever"),
                                 on_delete=models.CASCADE, related_name="shortlists")
    name = models.CharField(_("naam van de lijst"), max_length=SHORTLIST_NAME_MAX_LENGTH)
    vacancy = models.ForeignKey("employers.Vacancy", verbose_name=_("vacature"),
                                on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="shortlists")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ShortlistQuerySet.as_manager()

    class Meta:
        verbose_name = _("lijst met kandidaten")
        verbose_name_plural = _("lijsten met kandidaten")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "name"], name="shortlist_name_unique_per_employer",
                violation_error_message=_("U hebt al een lijst met deze naam.")),
            models.CheckConstraint(name="shortlist_name_not_empty", condition=~Q(name="")),
        ]

    def __str__(self):
        return self.name


class ShortlistEntry(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    # Cascade: when the candidate's dossier is destroyed, so is the fact that someone kept it.
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE,
                                  related_name="shortlist_entries")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("kandidaat op een lijst")
        verbose_name_plural = _("kandidaten op lijsten")
        ordering = ["-added_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["shortlist", "candidate"],
                                    name="shortlist_entry_once_per_list"),
        ]

    def __str__(self):
        return f"shortlist entry {self.pk}"


class SavedSearchQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SavedSearchQuerySet":
        """Saved searches are personal: only their owner sees them."""
        if (user is None or not user.is_authenticated or not user.is_active
                or user.role != Role.EMPLOYER):
            return self.none()
        return self.filter(user=user)


class SavedSearch(models.Model):
    """A search to run again, with an optional daily alert when new profiles match it.

    Alert rule: a candidate counts as new for the alert when they match the search now and
    their dossier or profile changed after `alerts_checked_until` (sharing, un-hiding and
    re-activating all change the dossier). The mail holds only that count and a link.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="saved_searches")
    name = models.CharField(_("naam van de zoekopdracht"),
                            max_length=SAVED_SEARCH_NAME_MAX_LENGTH)
    query_string = models.CharField(max_length=SAVED_SEARCH_QUERY_MAX_LENGTH, blank=True)
    alerts_enabled = models.BooleanField(_("e-mail bij nieuwe profielen"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The alert window: profiles changed after this moment are new to the next alert.
    alerts_checked_until = models.DateTimeField(default=timezone.now)
    last_alert_sent_at = models.DateTimeField(null=True, blank=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"], name="saved_search_name_unique_per_user",
                violation_error_message=_("U hebt al een zoekopdracht met deze naam.")),
            models.CheckConstraint(name="saved_search_name_not_empty", condition=~Q(name="")),
        ]
        indexes = [models.Index(fields=["alerts_enabled", "id"],
                                name="saved_search_alerts")]

    def __str__(self):
        return self.name
