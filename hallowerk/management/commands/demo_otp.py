from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo accounts (development only)."

    def handle(self, *args, **options):
        if not settings.DEMO_TOTP_SECRET_HEX or not settings.DEBUG:
            raise CommandError("Demo codes exist only in development.")
        code = totp(bytes.fromhex(settings.DEMO_TOTP_SECRET_HEX))
        self.stdout.write(f"{code:06d}")
