"""Query counts as part of each page's contract (STYLE lesson 12).

Every list and detail page is measured with 3 rows and again with 10: the count must not
move (that is the proof there is no N+1), and it is pinned, so a page that starts reading
more fails here instead of in a benchmark. When a pinned number changes on purpose, update
it and say in the commit what the page reads now.
"""

import datetime
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidates.models import WorkExperience
from candidates.services_messaging import message_send, vacancy_response_create
from tests.candidates.jobseeker_helpers import jobseeker

# add(n) creates n more rows the page shows and returns a text per row that must appear.
AddRows = Callable[[int], list[str]]


def _queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def assert_pinned(client, url: str, add: AddRows, pinned: int) -> None:
    """The page costs `pinned` queries with 3 rows and with 10, and shows all of them."""
    # The first page of a session refreshes the staff session expiry; measure after it.
    client.get(url)
    shown = add(3)
    few, _page = _queries(client, url)
    shown += add(7)
    many, page = _queries(client, url)
    missing = [text for text in shown if text not in page]
    assert not missing, f"{url} does not show {missing[:3]}: the rows were not measured"
    assert (few, many) == (pinned, pinned), f"{url}: {few} queries with 3 rows, {many} with 10 (pinned {pinned})"


def add_experiences(candidate, *, listed: bool = True) -> AddRows:
    """Rows for a page that shows one candidate: more work experiences on their profile.
    `listed=False` for pages that read them (completeness, counts) without listing them."""
    def add(n):
        start = WorkExperience.objects.filter(profile=candidate.profile).count()
        titles = [f"Afwasser {start + i}" for i in range(n)]
        for title in titles:
            WorkExperience.objects.create(profile=candidate.profile, job_title=title,
                                          employer_name="Restaurant",
                                          start_date=datetime.date(2020, 1, 1))
        return titles if listed else []

    return add


def add_responses(vacancy, new_candidate=None):
    """Rows for a vacancy's page: jobseekers of its municipality who responded
    (`new_candidate()` makes one; employers see only those who share their profile)."""
    def add(n):
        make = new_candidate or (lambda: jobseeker(municipality=vacancy.municipality))
        candidates = [make() for _ in range(n)]
        for candidate in candidates:
            vacancy_response_create(by=candidate.user, vacancy=vacancy, message="Graag!")
        return [candidate.last_name for candidate in candidates]

    return add


def add_messages(thread) -> AddRows:
    """Rows for a thread's page: messages from both participants, so each sender is read."""
    def add(n):
        start = thread.messages.count()
        bodies = [f"Bericht nummer {start + i}" for i in range(n)]
        for i, body in enumerate(bodies):
            sender = thread.counterpart if i % 2 else thread.candidate.user
            message_send(by=sender, thread=thread, body=body)
        return bodies

    return add
