"""Who may see which employer and vacancy (SPEC §4) — written once, used by every view."""

from django.db import models

from hallowerk.roles import Role

# Staff of a municipality work with the employers that municipality invited.
_MUNICIPAL_ROLES = {Role.ACCOUNT_MANAGER, Role.COACH, Role.TEAM_LEAD, Role.ADMINISTRATOR}


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


class EmployerQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EmployerQuerySet":
        if not _signed_in(user):
            return self.none()
        if user.role == Role.EMPLOYER:
            return self.filter(pk=user.employer_id)
        if user.role in _MUNICIPAL_ROLES and user.municipality_id:
            return self.filter(municipality_id=user.municipality_id)
        # Jobseekers see an employer only through a vacancy; platform administrators
        # without a municipality manage municipalities, not employers.
        return self.none()


class VacancyQuerySet(models.QuerySet):
    def published(self) -> "VacancyQuerySet":
        return self.filter(status="published", employer__is_active=True)

    def visible_to(self, user) -> "VacancyQuerySet":
        if not _signed_in(user):
            return self.none()
        if user.role == Role.JOBSEEKER:
            return self.published().filter(municipality_id=user.municipality_id)
        if user.role in (Role.ACCOUNT_MANAGER, Role.COACH):
            return self.filter(municipality_id=user.municipality_id)
        if user.role == Role.EMPLOYER:
            return self.filter(employer_id=user.employer_id)
        return self.none()
