"""Saved searches and their daily alert mail.

Alert rule (documented on SavedSearch): a candidate is new for the alert when they match
the saved search now — through the same visibility rules and filters as the search page —
and their dossier or profile changed after `alerts_checked_until`. Sharing the profile,
being un-hidden or re-activated all change the dossier, so "became visible" counts; an
updated profile that matches counts too, which is why the mail says "new or updated".
Each run moves `alerts_checked_until` to the run's start, so a profile is counted in one
alert at most until it changes again. A mail goes out at most once per day per search,
and it contains only the count and a link: no names, no profile data.

The reads: employers/selectors.py.
"""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hallowerk.models import User
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.audit import audit_record, audit_search
from privacy.models import AuditAction

from .forms.search import search_form_from_query_string
from .models import SavedSearch
from .models.shortlists import SAVED_SEARCH_NAME_MAX_LENGTH, SAVED_SEARCH_QUERY_MAX_LENGTH
from .search import search_queryset

MAX_SAVED_SEARCHES_PER_USER = 25


# "Daily at most", with slack for a beat job that runs a little early one day.
ALERT_MIN_INTERVAL = timedelta(hours=20)


def _require_owner(by: User, saved_search: SavedSearch) -> None:
    if saved_search.user_id != by.pk:
        raise PermissionDenied("Saved searches are personal.")


@transaction.atomic
def saved_search_create(*, by: User, name: str, query_string: str, alerts_enabled: bool = True,
                        request=None) -> SavedSearch:
    if by.role != Role.EMPLOYER or not by.is_active:
        raise PermissionDenied("Only employer users save searches.")
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Geef de zoekopdracht een naam.")})
    if len(name) > SAVED_SEARCH_NAME_MAX_LENGTH:
        raise ValidationError({"name": _(
            "De naam is te lang: %(length)s tekens. Gebruik er hoogstens %(max)s.")
            % {"length": len(name), "max": SAVED_SEARCH_NAME_MAX_LENGTH}})
    form = search_form_from_query_string(query_string)
    if not form.is_valid():
        raise ValidationError(_("Deze zoekopdracht bevat fouten. Pas de zoekopdracht eerst aan."))
    canonical = form.canonical_query()
    if len(canonical) > SAVED_SEARCH_QUERY_MAX_LENGTH:
        raise ValidationError(_("Deze zoekopdracht is te lang om te bewaren."))
    mine = SavedSearch.objects.filter(user=by)
    if mine.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("U hebt al een zoekopdracht met deze naam. Kies een "
                                         "andere naam.")})
    if mine.count() >= MAX_SAVED_SEARCHES_PER_USER:
        raise ValidationError({"name": _(
            "U hebt al %(max)s bewaarde zoekopdrachten. Verwijder eerst een zoekopdracht die u "
            "niet meer gebruikt.") % {"max": MAX_SAVED_SEARCHES_PER_USER}})
    now = timezone.now()
    saved_search = SavedSearch.objects.create(
        user=by, name=name, query_string=canonical, alerts_enabled=alerts_enabled,
        created_at=now, alerts_checked_until=now)
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request,
                 target=saved_search, data={"event": "saved_search_created"})
    return saved_search


@transaction.atomic
def saved_search_set_alerts(*, by: User, saved_search: SavedSearch, enabled: bool,
                            request=None) -> SavedSearch:
    _require_owner(by, saved_search)
    if enabled and not saved_search.alerts_enabled:
        # Switching alerts back on starts a fresh window: no flood of old changes.
        saved_search.alerts_checked_until = timezone.now()
    saved_search.alerts_enabled = enabled
    saved_search.save(update_fields=["alerts_enabled", "alerts_checked_until"])
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request,
                 target=saved_search, data={"event": "saved_search_alerts",
                                            "enabled": enabled})
    return saved_search


@transaction.atomic
def saved_search_delete(*, by: User, saved_search: SavedSearch, request=None) -> None:
    _require_owner(by, saved_search)
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request,
                 target=saved_search, data={"event": "saved_search_deleted"})
    saved_search.delete()


def _alert_mail(user: User, saved_search: SavedSearch, count: int) -> None:
    url = absolute_url(reverse("employers:saved_search_open", args=[saved_search.pk]))
    with translation.override("nl"):
        subject = _("Nieuwe profielen op HalloWerk")
        body = ngettext(
            "Er is %(count)s nieuw of gewijzigd profiel dat past bij een zoekopdracht die u "
            "hebt bewaard.",
            "Er zijn %(count)s nieuwe of gewijzigde profielen die passen bij een zoekopdracht "
            "die u hebt bewaard.", count) % {"count": count}
        body += "\n\n" + _("Log in om ze te bekijken:\n%(url)s") % {"url": url}
        body += "\n\n" + _("Wilt u deze e-mail niet meer krijgen? Zet de melding uit bij uw "
                           "bewaarde zoekopdrachten.")
    send_mail(subject, body, None, [user.email])


def saved_search_alert_send(*, saved_search_id: int, now: datetime | None = None) -> int:
    """Check one saved search; mail its owner when profiles are new. Returns the count.

    Idempotent: a second run inside ALERT_MIN_INTERVAL does nothing, and the window only
    moves forward, so a retried task never mails the same change twice.
    """
    now = now or timezone.now()
    with transaction.atomic():
        saved_search = (SavedSearch.objects.select_for_update().select_related("user")
                        .filter(pk=saved_search_id, alerts_enabled=True).first())
        if saved_search is None:
            return 0
        user = saved_search.user
        if (saved_search.last_alert_sent_at is not None
                and now - saved_search.last_alert_sent_at < ALERT_MIN_INTERVAL):
            return 0
        form = search_form_from_query_string(saved_search.query_string)
        if not user.is_active or user.role != Role.EMPLOYER or not form.is_valid():
            return 0
        criteria = form.criteria()
        count = search_queryset(viewer=user, criteria=criteria,
                                changed_after=saved_search.alerts_checked_until).count()
        audit_search(viewer=user, query=criteria.text, result_count=count,
                     filters={**criteria.audit_filters(), "alert": saved_search.pk})
        saved_search.alerts_checked_until = now
        update_fields = ["alerts_checked_until"]
        if count:
            saved_search.last_alert_sent_at = now
            update_fields.append("last_alert_sent_at")
            transaction.on_commit(lambda: _alert_mail(user, saved_search, count))
        saved_search.save(update_fields=update_fields)
    return count
