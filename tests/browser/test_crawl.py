"""Every page checked: per role, a crawl of every GET page the role can reach (the URL conf's
pages without parameters, and every link found on the pages, one per URL pattern), on the
demo data, in one browser session per role at a phone's width (360 px). Each page: the
expected status, zero axe-core WCAG 2.1 A/AA violations, no horizontal scroll, and in
English no Dutch text from our own message catalogue.

The number of pages checked per role is printed (run with -s) for the closing note."""

import glob
import html
import io
import os
import re
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import polib
from django.conf import settings
from django.core.management import call_command
from django_otp.oath import totp

from hallowerk.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from hallowerk.roles import Role
from hallowerk.stats import figures_refresh
from tests.browser.conftest import assert_accessible
from tests.crawl_paths import SKIP, route_of, urlconf_paths

MAX_PAGES_PER_ROLE = 80

# The innermost elements that stick out to the right, when the page scrolls sideways.
WIDER_THAN_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width + 1) return null;
  const clipped = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const out = [...document.querySelectorAll("body *")].filter(
    e => e.getBoundingClientRect().right > width + 1 && !clipped(e) && ![...e.children].some(
      c => c.getBoundingClientRect().right > width + 1));
  return out.slice(0, 3).map(e => e.tagName.toLowerCase() + "." +
    [...e.classList].join(".") + " " + Math.round(e.getBoundingClientRect().right));
}"""


def _dutch_msgids() -> set[str]:
    """Our own Dutch texts that have a different English translation: seeing one of these in
    an English page means a text was not translated."""
    texts = set()
    for po_path in glob.glob(str(Path(settings.BASE_DIR) / "locale/**/en/LC_MESSAGES/*.po"),
                             recursive=True):
        for entry in polib.pofile(po_path):
            if (entry.msgstr and entry.msgstr != entry.msgid and "%" not in entry.msgid
                    and "{" not in entry.msgid and len(entry.msgid) >= 25
                    and " " in entry.msgid):
                texts.add(entry.msgid)
    return texts


def _text(markup: str) -> str:
    markup = re.sub(r"(?s)<(script|style|datalist|title)\b.*?</\1>", " ", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _log_in(page, site, email):
    page.goto(f"{site}/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if page.get_by_label("Code").count():
        code = f"{totp(bytes.fromhex(settings.DEMO_TOTP_SECRET_HEX)):06d}"
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")


def _crawl(browser, site, email, dutch) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    page = context.new_page()
    problems, checked, statuses = [], [], {}
    try:
        _log_in(page, site, email)
        start = urlsplit(page.url).path
        queue = deque([start, *sorted(urlconf_paths())])
        seen_routes = set()
        while queue and len(checked) < MAX_PAGES_PER_ROLE:
            path = queue.popleft()
            route = route_of(path)
            if route in seen_routes or SKIP.search(urlsplit(path).path):
                continue
            seen_routes.add(route)
            # The status first, without rendering: a 405 or a file is not a page to open.
            probe = context.request.get(site + path, max_redirects=0)
            status = probe.status
            statuses[path] = status
            if status >= 500:
                problems.append(f"{path}: status {status}")
                continue
            if status != 200 or "text/html" not in probe.headers.get("content-type", ""):
                continue  # not for this role (302/403/404/405), or a file; never an error
            page.goto(site + path)
            page.wait_for_load_state("load")
            checked.append(path)
            try:
                assert_accessible(page)
            except AssertionError as failure:
                problems.append(str(failure))
            too_wide = page.evaluate(WIDER_THAN_SCREEN)
            if too_wide:
                problems.append(f"{path}: scrolls sideways at 360 px, because of {too_wide}")
            english = context.request.get(
                site + path, headers={"Cookie": "; ".join(
                    [f"{c['name']}={c['value']}" for c in context.cookies()
                     if c["name"] != settings.LANGUAGE_COOKIE_NAME]
                    + [f"{settings.LANGUAGE_COOKIE_NAME}=en"])})
            text = _text(english.text())
            untranslated = sorted(t for t in dutch if t in text)
            if untranslated:
                problems.append(f"{path}: Dutch in English mode: {untranslated[:3]}")
            for href in page.eval_on_selector_all(
                    "a[href]", "links => links.map(a => a.getAttribute('href'))"):
                target = urlsplit(urljoin(site + path, href))
                if f"{target.scheme}://{target.netloc}" == site and not SKIP.search(
                        target.path):
                    queue.append(target.path + (f"?{target.query}" if target.query else ""))
    finally:
        context.close()
    return {"checked": checked, "problems": problems, "statuses": statuses}


def test_every_page_of_every_role(site, browser):
    call_command("demo_data", "--candidates", "40", stdout=io.StringIO())
    figures_refresh()
    dutch = _dutch_msgids()
    report, problems = {}, []
    only = os.environ.get("CRAWL_ROLES", "").split(",")  # e.g. CRAWL_ROLES=coach,employer
    for role, email, *_rest in DEMO_ACCOUNTS:
        if only != [""] and role not in only:
            continue
        result = _crawl(browser, site, email, dutch)
        report[Role(role).label] = len(result["checked"])
        problems += [f"[{role}] {problem}" for problem in result["problems"]]
    print("\nPages checked per role:", report)
    assert report and all(count >= 5 for count in report.values()), report
    assert not problems, "\n".join(problems)
