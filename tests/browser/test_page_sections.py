"""Long staff pages get an in-page navigation (issue 15): a nav landmark with a label at the
top, whose links lead to headings on the page, headings in order, and axe-core passes. On
the demo data, at a laptop's width (1280 px), as each staff role opens them."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from candidates.models import Candidate
from employers.models import Employer
from hallowerk.demo.accounts import DEMO_ACCOUNTS
from hallowerk.models import User
from hallowerk.roles import Role
from hallowerk.stats import figures_refresh
from tests.browser.conftest import assert_accessible
from tests.browser.test_crawl import _log_in

# Every link of the navigation: its target, whether that is a heading, and the headings'
# levels in page order.
ANCHORS = """() => {
  const nav = document.querySelector('main nav.hw-toc');
  const links = [...nav.querySelectorAll('a')].map(a => {
    const target = document.getElementById(a.getAttribute('href').slice(1));
    return {href: a.getAttribute('href'), heading: target ? target.tagName : null,
            below: target ? target.getBoundingClientRect().top >
                            nav.getBoundingClientRect().bottom : false};
  });
  const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4')]
    .map(h => Number(h.tagName[1]));
  return {label: document.getElementById(nav.getAttribute('aria-labelledby')).textContent,
          links, levels};
}"""


def _pages() -> dict[str, list[str]]:
    email = {role: address for role, address, *_rest in DEMO_ACCOUNTS}
    coach = User.objects.get(email=email[Role.COACH])
    manager = User.objects.get(email=email[Role.ACCOUNT_MANAGER])
    candidate = Candidate.objects.visible_to(coach).order_by("pk").first()
    employer = Employer.objects.filter(municipality=manager.municipality).order_by("pk").first()
    own = Candidate.objects.filter(municipality=manager.municipality).order_by("pk").first()
    return {
        Role.COACH: [reverse("candidates:coach_candidate", args=[candidate.pk])],
        Role.ACCOUNT_MANAGER: [reverse("employers:am_employer", args=[employer.pk]),
                               reverse("employers:am_candidate", args=[own.pk])],
        Role.TEAM_LEAD: [reverse("team_lead_home")],
        Role.ADMINISTRATOR: [reverse("privacy:retention_report"),
                             reverse("privacy:processing_register")],
    }


@pytest.mark.parametrize("role", [Role.COACH, Role.ACCOUNT_MANAGER, Role.TEAM_LEAD,
                                  Role.ADMINISTRATOR])
def test_long_staff_pages_have_a_navigation_to_their_sections(role, site, browser):
    call_command("demo_data", "--candidates", "40", stdout=io.StringIO())
    figures_refresh()
    email = next(address for r, address, *_rest in DEMO_ACCOUNTS if r == role)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        _log_in(page, site, email)
        for path in _pages()[role]:
            page.goto(site + path)
            page.wait_for_load_state("load")
            found = page.evaluate(ANCHORS)
            assert found["label"] == "Op deze pagina", path
            assert len(found["links"]) >= 3, (path, found["links"])
            for link in found["links"]:
                assert link["heading"] in ("H2", "H3") and link["below"], (path, link)
            levels = found["levels"]
            assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:],
                                                                     strict=False)), (path,
                                                                                      levels)
            # Following a link scrolls to its section.
            page.locator("main nav.hw-toc a").last.click()
            assert page.evaluate("window.scrollY") > 0, path
            assert_accessible(page)
    finally:
        context.close()
