from django.apps import AppConfig


class HalloWerkConfig(AppConfig):
    name = "hallowerk"
    verbose_name = "HalloWerk"

    def ready(self):
        from . import client_address  # noqa: F401  (its system check of TRUSTED_PROXIES)
        from .accounts import signals  # noqa: F401  (login events into the audit log)
