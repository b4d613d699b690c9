from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from hallowerk.views import administration, esf, invitations, management, public, twofactor

# The Django admin asks for the second factor too. It is the operator's tool, not a page of
# the platform (no role has is_staff; tests/hallowerk/test_django_admin.py). Roles, not
# Django's groups, decide what someone may do (hallowerk/roles.py): no groups to edit there.
admin.site.__class__ = OTPAdminSite
admin.site.unregister(Group)

urlpatterns = [
    path("", public.home, name="home"),
    path("start/", public.start, name="start"),
    path("healthz/", public.health, name="health"),
    path("toegankelijkheid/", public.accessibility, name="accessibility"),
    # Before allauth's URLs, so its sign-up address never offers an account.
    path("account/signup/", public.signup_closed, name="account_signup"),
    path("account/", include("allauth.urls")),
    path("uitnodiging/<str:token>/", invitations.accept, name="invitation_accept"),
    path("2fa/instellen/", twofactor.setup, name="twofactor_setup"),
    path("2fa/controleren/", twofactor.verify, name="twofactor_verify"),
    path("2fa/nieuwe-app/<str:token>/", twofactor.reenrol, name="twofactor_reenrol"),
    path("teamleider/", management.team_lead_home, name="team_lead_home"),
    path("teamleider/bijwerken/", management.team_lead_refresh, name="team_lead_refresh"),
    path("rapportage/esf/", esf.esf_report_page, name="esf_report"),
    path("rapportage/esf/esf.csv", esf.esf_report_download, name="esf_report_download"),
    path("beheer/", management.administrator_home, name="administrator_home"),
    path("beheer/gebruikers/", administration.users, name="administrator_users"),
    path("beheer/gebruikers/nieuw/", administration.user_invite, name="administrator_user_invite"),
    path("beheer/gebruikers/<int:pk>/", administration.user_detail, name="administrator_user"),
    path("beheer/gebruikers/<int:pk>/<slug:action>/", administration.user_action,
         name="administrator_user_action"),
    path("beheer/geblokkeerd/", administration.locked, name="administrator_locked_accounts"),
    path("beheer/geblokkeerd/<int:pk>/opheffen/", administration.locked_unlock,
         name="administrator_locked_unlock"),
    path("beheer/gemeente/", administration.municipality, name="administrator_municipality"),
    path("beheer/gemeente/<int:pk>/", administration.municipality,
         name="administrator_municipality_edit"),
    path("beheer/teksten/", administration.legal_texts, name="administrator_legal_texts"),
    path("beheer/teksten/<slug:kind>/nieuw/", administration.legal_text_new,
         name="administrator_legal_text_new"),
    path("beheer/teksten/versie/<int:pk>/", administration.legal_text_detail,
         name="administrator_legal_text"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("", include("privacy.urls")),
    path("", include("candidates.urls")),
    path("", include("employers.urls")),
    path("", include("matching.urls")),
]

# Our own error pages (hallowerk/views/errors.py); Django uses them when DEBUG is off.
handler400 = "hallowerk.views.errors.bad_request"
handler403 = "hallowerk.views.errors.permission_denied"
handler404 = "hallowerk.views.errors.page_not_found"
handler500 = "hallowerk.views.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
