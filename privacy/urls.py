from django.urls import path, re_path

from privacy.views import coach, jobseeker, legal, oversight, registers, retention, tips

app_name = "privacy"
urlpatterns = [
    path("privacyverklaring/", legal.privacy_statement, name="statement"),
    path("voorwaarden/", legal.terms, name="terms"),
    # The jobseeker's own data.
    path("mijn/gegevens/", jobseeker.my_data, name="my_data"),
    re_path(r"^mijn/gegevens/download\.(?P<kind>json|pdf)$", jobseeker.my_data_export,
            name="my_data_export"),
    path("mijn/gegevens/bestand/<str:slug>/", jobseeker.my_upload, name="my_upload"),
    path("mijn/wie-bekeek-mijn-profiel/", jobseeker.who_viewed, name="who_viewed"),
    path("mijn/tips/", tips.tips_settings, name="tips_settings"),
    path("tips/afmelden/<str:token>/", tips.tips_optout, name="tips_optout"),
    # Coaches.
    path("werkmatcher/vernietiging/", coach.coach_due, name="coach_due"),
    path("werkmatcher/kandidaten/<int:pk>/gegevens/", coach.candidate_data,
         name="candidate_data"),
    re_path(r"^werkmatcher/kandidaten/(?P<pk>[0-9]+)/gegevens/download\.(?P<kind>json|pdf)$",
            coach.candidate_data_export, name="candidate_data_export"),
    path("werkmatcher/kandidaten/<int:pk>/wissen/", coach.candidate_erase,
         name="candidate_erase"),
    # Administrators.
    path("beheer/bewaartermijnen/", retention.rules_list, name="retention_rules"),
    path("beheer/bewaartermijnen/<str:kind>/", retention.rule_edit, name="retention_rule_edit"),
    path("beheer/vernietiging/", retention.report, name="retention_report"),
    re_path(r"^beheer/vernietiging/rapport\.(?P<kind>csv|pdf)$", retention.report_download,
            name="retention_report_download"),
    path("beheer/vernietiging/dossier/<int:pk>/bewaarplicht/", retention.hold_place,
         name="hold_place"),
    path("beheer/vernietiging/bewaarplicht/<int:pk>/opheffen/", retention.hold_release,
         name="hold_release"),
    # Administrators: oversight of access (issue 17).
    path("beheer/logboek/", oversight.audit_log_page, name="audit_log"),
    path("beheer/logboek/logboek.csv", oversight.audit_log_download, name="audit_log_download"),
    path("beheer/signalen/", oversight.access_signals, name="access_signals"),
    path("beheer/signalen/<int:pk>/afhandelen/", oversight.access_signal_handle_page,
         name="access_signal_handle"),
    path("beheer/toezicht/instellingen/", oversight.oversight_settings,
         name="oversight_settings"),
    # Registers generated from the code (issue 17).
    path("beheer/verwerkingsregister/", registers.processing_register_page,
         name="processing_register"),
    re_path(r"^beheer/verwerkingsregister/register\.(?P<kind>csv|pdf)$",
            registers.processing_register_download, name="processing_register_download"),
    path("algoritmeregister/", registers.algorithm_register_index, name="algorithm_register"),
    path("algoritmeregister/<slug:slug>/", registers.algorithm_register_page,
         name="algorithm_register_entry"),
    path("algoritmeregister/<slug:slug>.json", registers.algorithm_register_json,
         name="algorithm_register_json"),
]
