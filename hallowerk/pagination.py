"""Page numbers from a query string, bounded (issue 14).

`?page=100000000000000000000` is a whole number Python accepts, but an OFFSET computed from it
does not fit PostgreSQL's bigint and the list ended in a server error. Every list that turns a
page number into an offset itself reads it through `page_number_bounded()`; lists that use Django's
Paginator.get_page() are safe already (it clamps to the last page before slicing).
"""

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
