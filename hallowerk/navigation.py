"""Role-aware navigation: one list per role, so each app adds its own pages here."""

from django.utils.translation import gettext_lazy as _

from hallowerk.roles import Role

# (url name, label) per role; apps extend these lists as pages are built.
NAVIGATION: dict[str, list[tuple[str, str]]] = {
    Role.JOBSEEKER: [("candidates:jobseeker_home", _("Mijn start")),
                     ("candidates:jobseeker_profile", _("Mijn profiel")),
                     ("candidates:jobseeker_sharing", _("Delen")),
                     ("candidates:jobseeker_vacancies", _("Vacatures")),
                     ("matching:jobseeker_suggestions", _("Passend werk")),
                     ("candidates:inbox", _("Berichten")),
                     ("privacy:who_viewed", _("Wie bekeek mijn profiel")),
                     ("privacy:my_data", _("Mijn gegevens"))],
    Role.COACH: [("candidates:coach_home", _("Start")),
                 ("candidates:coach_candidates", _("Kandidaten")),
                 ("candidates:coach_intake", _("Inschrijven")),
                 ("candidates:coach_import", _("Importeren")),
                 ("matching:coach_index", _("Passend werk bespreken")),
                 ("candidates:coach_contact_requests", _("Contactverzoeken")),
                 ("candidates:sensitive_reviews", _("Gevoelige gegevens")),
                 ("candidates:inbox", _("Berichten")),
                 ("privacy:coach_due", _("Vernietiging"))],
    Role.ACCOUNT_MANAGER: [("employers:account_manager_home", _("Start")),
                           ("employers:am_employers", _("Werkgevers")),
                           ("employers:am_vacancies", _("Vacatures")),
                           ("employers:am_candidates", _("Kandidaten")),
                           ("matching:account_manager_index", _("Kandidaatsuggesties"))],
    Role.EMPLOYER: [("employers:employer_home", _("Start")),
                    ("employers:search", _("Zoeken")),
                    ("employers:shortlists", _("Mijn lijsten")),
                    ("employers:saved_searches", _("Bewaarde zoekopdrachten")),
                    ("employers:vacancies", _("Vacatures")),
                    ("matching:employer_index", _("Kandidaatsuggesties")),
                    ("candidates:inbox", _("Berichten"))],
    Role.TEAM_LEAD: [("team_lead_home", _("Overzicht")),
                     ("esf_report", _("ESF-rapportage")),
                     ("matching:fairness", _("Monitor matching"))],
    Role.ADMINISTRATOR: [("administrator_home", _("Beheer")),
                         ("administrator_users", _("Gebruikers")),
                         ("administrator_municipality", _("Gemeente")),
                         ("administrator_legal_texts", _("Teksten")),
                         ("privacy:retention_rules", _("Bewaartermijnen")),
                         ("privacy:retention_report", _("Vernietigingsrapport")),
                         ("privacy:audit_log", _("Logboek")),
                         ("privacy:access_signals", _("Signalen")),
                         ("privacy:processing_register", _("Verwerkingsregister")),
                         ("matching:weights", _("Weging matching")),
                         ("matching:fairness", _("Monitor matching"))],
}

# Items that show how many things wait for the user: url name → "module.function" taking the
# user (imported when asked, so the project does not import the apps at start-up).
NAVIGATION_COUNTS: dict[str, str] = {
    "candidates:sensitive_reviews": "candidates.sensitive_reviews.sensitive_reviews_open_count",
}
