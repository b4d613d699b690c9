from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hallowerk.roles import STAFF_ROLES, TWO_FACTOR_REQUIRED_ROLES, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)  # None gives an unusable password
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=Role.ADMINISTRATOR)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A personal account. Everyone logs in with e-mail; the role decides everything else."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    first_name = models.CharField(_("voornaam"), max_length=100, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=100, blank=True)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        "hallowerk.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="users",
        help_text=_("Leeg alleen voor beheerders van het hele platform."))
    employer = models.ForeignKey(
        "employers.Employer", verbose_name=_("werkgever"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="users")
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("toegang tot Django-beheer"), default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        indexes = [
            # The administrator's staff pages (hallowerk/administration.py): a municipality's
            # few hundred staff among its hundreds of thousands of jobseekers' accounts, by
            # name (issue 11: the count read 128,000 rows at 500,000 candidates).
            models.Index(fields=["municipality", "last_name", "first_name", "id"],
                         condition=Q(role__in=sorted(STAFF_ROLES)), name="user_staff_by_name"),
            # The administrator's list of locked accounts matches the few locked login names
            # (lower case, hallowerk/accounts/lockout.py) with the accounts: without this it
            # read every account of the municipality (16 ms at 500,000 candidates).
            models.Index(Lower("email"), name="user_email_lower"),
        ]
        constraints = [
            # An employer user always belongs to one employer organisation, nobody else does.
            models.CheckConstraint(
                name="user_employer_iff_employer_role",
                condition=(Q(role=Role.EMPLOYER, employer__isnull=False)
                           | (~Q(role=Role.EMPLOYER) & Q(employer__isnull=True))),
            ),
            # Only an administrator may be platform-wide (no municipality).
            models.CheckConstraint(
                name="user_municipality_unless_platform_admin",
                condition=Q(municipality__isnull=False) | Q(role=Role.ADMINISTRATOR),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email

    @property
    def is_municipal_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def requires_two_factor(self) -> bool:
        return self.role in TWO_FACTOR_REQUIRED_ROLES

    def has_role(self, *roles) -> bool:
        return self.is_authenticated and self.role in roles
