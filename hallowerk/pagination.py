"""Page numbers from a query string, bounded (issue 14).

`?page=100000000000000000000` is a whole number Python accepts, but an OFFSET computed from it
does not fit PostgreSQL's bigint and the list ended in a server error. Every list that turns a
page number into an offset itself reads it through `page_number_bounded()`; lists that use Django's
Paginator.get_page() are safe already (it clamps to the last page before slicing).
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Far beyond the last page of any list (25 rows a page: 25 million rows), and small enough
# that (number - 1) * page size always fits a bigint.
MAX_PAGE_NUMBER = 1_000_000


def page_number_bounded(value) -> int:
    """1 for anything that is not a positive whole number; at most MAX_PAGE_NUMBER."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return 1
    return min(max(1, number), MAX_PAGE_NUMBER)


# A list page counts at most this many rows (issue 11): beyond it the page says "meer dan
# 1.000" and asks to narrow the search, so its cost follows the page, not the country.
LIST_COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """Pages through the first `cap` rows of a sorted list and counts at most `cap` + 1
    of them (SELECT count(*) FROM (... LIMIT cap + 1)): an account manager's list of 200,000
    visible candidates costs the same as one of 2,000."""

    def __init__(self, object_list, per_page, *, cap: int = LIST_COUNT_CAP):
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def found(self) -> int:
        """Exact up to the cap; cap + 1 means more. A list that is not a queryset counts
        itself and caps its own count (privacy/oversight/log.py AuditLog)."""
        objects = self.object_list
        if isinstance(objects, QuerySet):
            return objects.order_by()[:self.cap + 1].count()
        return min(objects.count(), self.cap + 1)

    @cached_property
    def count(self) -> int:
        return min(self.found, self.cap)

    @property
    def is_capped(self) -> bool:
        return self.found > self.cap
