"""Role-aware navigation: one list per role, so each app adds its own pages here."""

from django.utils.translation import gettext_lazy as _

from hallowerk.roles import Role

# (url name, label) per role; apps extend these lists as pages are built.
NAVIGATION: dict[str, list[tuple[str, str]]] = {
    Role.JOBSEEKER: [("candidates:jobseeker_home", _("Mijn start")),
                     ("candidates:jobseeker_profile", _("Mijn profiel")),
                     ("candidates:jobseeker_sharing", _("Delen")),
                     ("candidates:jobseeker_vacancies", _("Vacatures")),
                     ("matching:jobseeker_suggestions", _("Vacatures voor u")),
                     ("candidates:inbox", _("Berichten"))],
    Role.COACH: [("candidates:coach_home", _("Start")),
                 ("matching:coach_index", _("Vacatures bespreken")),
                 ("candidates:inbox", _("Berichten"))],
    Role.ACCOUNT_MANAGER: [("employers:account_manager_home", _("Start")),
                           ("matching:account_manager_index", _("Kandidaten voor vacatures"))],
    Role.EMPLOYER: [("employers:employer_home", _("Start")),
                    ("matching:employer_index", _("Kandidaten voor uw vacatures")),
                    ("candidates:inbox", _("Berichten"))],
    Role.TEAM_LEAD: [("team_lead_home", _("Overzicht")),
                     ("matching:fairness", _("Monitor matching"))],
    Role.ADMINISTRATOR: [("administrator_home", _("Beheer")),
                         ("matching:weights", _("Weging matching")),
                         ("matching:fairness", _("Monitor matching"))],
}
