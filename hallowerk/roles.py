"""The six roles of SPEC §2 and what follows from each."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    JOBSEEKER = "jobseeker", _("Werkzoekende")
    COACH = "coach", _("Werkmatcher")
    ACCOUNT_MANAGER = "account_manager", _("Accountmanager WSP")
    EMPLOYER = "employer", _("Werkgever")
    TEAM_LEAD = "team_lead", _("Teamleider")
    ADMINISTRATOR = "administrator", _("Beheerder")


STAFF_ROLES = frozenset({Role.COACH, Role.ACCOUNT_MANAGER, Role.TEAM_LEAD, Role.ADMINISTRATOR})
# The DPIA: access "based on 2 factors" for staff; we add employer users, who see profiles.
TWO_FACTOR_REQUIRED_ROLES = STAFF_ROLES | {Role.EMPLOYER}

# Who may invite whom (SPEC §2): coach → jobseeker, account manager → employer user,
# administrator → staff.
INVITABLE_BY = {
    Role.COACH: {Role.JOBSEEKER},
    Role.ACCOUNT_MANAGER: {Role.EMPLOYER},
    Role.ADMINISTRATOR: set(STAFF_ROLES),
}
