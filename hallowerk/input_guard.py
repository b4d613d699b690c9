"""Input that no page can use is refused in one place, before any view sees it (issue 14).

A NUL character (U+0000) has no business in anything a person types, and PostgreSQL cannot
store it in a text column: a form or search that passed it on ended in a server error. The
middleware answers every request that carries one — in the address, in a query parameter or
in a posted field (name or value) — with a 400 page that says what went wrong in plain
words, so no view, form or filter needs its own check. Uploaded files are not fields: their
content is checked where it is read (candidates/intake_import.py, candidates/uploads.py).
"""

NUL = "\x00"


def _carries_nul(query_dict) -> bool:
    return any(NUL in key or any(NUL in value for value in values)
               for key, values in query_dict.lists())


def request_has_nul(request) -> bool:
    if NUL in request.path_info or _carries_nul(request.GET):
        return True
    # Only form posts: reading request.POST of another content type gives an empty dict.
    return request.method == "POST" and _carries_nul(request.POST)


class NulCharacterRefusalMiddleware:
    """After the session, language and user are known, so the page is in the layout and
    language of the person; before CSRF checks and views, so nothing reaches the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request_has_nul(request):
            from hallowerk.views.errors import error_page

            return error_page(request, 400, kind="nul")
        return self.get_response(request)
