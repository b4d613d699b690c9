from django.core.management.base import BaseCommand

from hallowerk.demo.accounts import demo_accounts_ensure


class Command(BaseCommand):
    help = "Create demo data (idempotent). Development only."

    def handle(self, *args, **options):
        users = demo_accounts_ensure()
        self.stdout.write(f"Demo accounts ready: {len(users)}")
