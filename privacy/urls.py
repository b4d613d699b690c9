from django.urls import path

from privacy.views import legal

app_name = "privacy"
urlpatterns = [
    path("privacyverklaring/", legal.privacy_statement, name="statement"),
    path("voorwaarden/", legal.terms, name="terms"),
]
