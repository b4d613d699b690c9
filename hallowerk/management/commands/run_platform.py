"""`make run`: migrate, load demo data, then run web, Celery worker and Celery beat.

This process owns the embedded PostgreSQL and Redis (started when settings load); the
three children get their URLs through the environment. Ctrl-C stops all of it. This process
connects to the database as the owner of the tables (it migrates); the children as the
application role, which may not change or empty tables (docs/security.md).

The web server is served like production (issue 12): gunicorn with workers and threads from
the connection budget, DEBUG off, static files collected and served by whitenoise, each
worker with a bounded connection pool. `make dev` (--dev) runs Django's development server
with auto-reload and DEBUG on instead.
"""

import base64
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from hallowerk.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from hallowerk.serving import budget_check
from hallowerk.settings.connections import serving_budget


def site_url_from_port(port: str) -> None:
    """Links in mails and PDFs point at this port, unless SITE_URL was given; the children
    (web, worker, beat) inherit it through the environment."""
    os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
    settings.SITE_URL = os.environ["SITE_URL"]


def serving_database_env() -> dict[str, str]:
    """This process migrated as the owner; web, worker and beat connect as the application
    role (docs/security.md), and refuse to start as anything more powerful."""
    app_url = os.environ.get("APP_DATABASE_URL")
    if not app_url:  # a DATABASE_URL given without an application role's URL: serve with it
        return {}
    return {"DATABASE_URL": app_url, "DATABASE_REQUIRE_APP_ROLE": "true"}


class Command(BaseCommand):
    help = "Start the whole platform (web, worker, beat) with demo data."

    def add_arguments(self, parser):
        parser.add_argument("--dev", action="store_true",
                            help="Django's development server: auto-reload and DEBUG on.")
        parser.add_argument("--no-demo", action="store_true",
                            help="Serve the database as it is (the load benchmark's own data).")

    def handle(self, *args, dev=False, no_demo=False, **options):
        port = os.environ.get("PORT", "8000")
        site_url_from_port(port)
        call_command("migrate", verbosity=0)
        if not no_demo:
            call_command("demo_data")
            # The team lead's figures at once, instead of after beat's first run.
            from hallowerk.stats import figures_refresh

            figures_refresh()
        budget = serving_budget()
        self.stdout.write(f"Database connections: {budget_check(budget)}")
        if not dev:
            call_command("collectstatic", interactive=False, verbosity=0)
        connections.close_all()  # the children open their own
        env = {**os.environ, "DEBUG": "true" if dev else "false", **serving_database_env()}
        python = sys.executable
        web = ([python, "manage.py", "runserver", f"127.0.0.1:{port}"] if dev else
               [python, "-m", "gunicorn", "-c", "python:hallowerk.gunicorn_conf",
                "--bind", f"127.0.0.1:{port}", "hallowerk.wsgi:application"])
        # wsgi.py defaults to the production settings; here the embedded services are used.
        env.setdefault("DJANGO_SETTINGS_MODULE", "hallowerk.settings.dev")
        children = [
            subprocess.Popen(web, env=env),
            subprocess.Popen([python, "-m", "celery", "-A", "hallowerk", "worker",
                              "--loglevel", "warning"], env=env),
            subprocess.Popen([python, "-m", "celery", "-A", "hallowerk", "beat",
                              "--loglevel", "warning"], env=env),
        ]
        self._banner(port)
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(child.poll() is None for child in children):
                time.sleep(0.5)
        finally:
            for child in children:
                if child.poll() is None:
                    child.terminate()
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
            self.stdout.write("HalloWerk stopped.")

    def _banner(self, port):
        secret = base64.b32encode(bytes.fromhex(settings.DEMO_TOTP_SECRET_HEX)).decode()
        lines = [
            "",
            "=" * 72,
            f"HalloWerk runs at http://127.0.0.1:{port}/  (Ctrl-C stops everything)",
            f"Demo password for every account: {DEMO_PASSWORD}",
        ]
        lines += [f"  {role.label:<22} {email}" for role, email, *_ in DEMO_ACCOUNTS]
        lines += [
            "Every role except the jobseeker asks for a two-factor code after the password.",
            "  Current code:        .venv/bin/python manage.py demo_otp",
            f"  Or add this key to an authenticator app: {secret}",
            "Mail (invitations) is printed in this terminal.",
            "=" * 72,
            "",
        ]
        self.stdout.write("\n".join(lines))
