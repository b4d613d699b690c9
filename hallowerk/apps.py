from django.apps import AppConfig


class HalloWerkConfig(AppConfig):
    name = "hallowerk"
    verbose_name = "HalloWerk"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import client_address  # noqa: F401  (its system check of TRUSTED_PROXIES)
        from .accounts import signals  # noqa: F401  (login events into the audit log)
        from .database_roles import app_role_grant_after_migrate

        # Once per `migrate` (and per test database): the application role's rights.
        post_migrate.connect(app_role_grant_after_migrate, sender=self,
                             dispatch_uid="hallowerk.app_role_grant")
