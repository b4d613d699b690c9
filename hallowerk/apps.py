from django.apps import AppConfig


class HalloWerkConfig(AppConfig):
    name = "hallowerk"
    verbose_name = "HalloWerk"

    def ready(self):
        from .accounts import signals  # noqa: F401  (login events into the audit log)
