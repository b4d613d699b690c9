"""Helpers shared by the coach's views."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect

from candidates.models import Candidate
from candidates.selectors import candidate_for_viewer

PAGE_SIZE = 25


def candidate_or_404(request, pk) -> Candidate:
    """The candidate, if this coach may see it (their municipality); 404 otherwise."""
    return candidate_for_viewer(request.user, pk)


def page_size() -> int:
    # Read at call time, so the benchmark can compare a page of 5 rows with one of 25.
    return PAGE_SIZE


def page_of(request, queryset, per_page: int | None = None):
    """The requested page; a page number that is not a number or too high gives the last
    valid page rather than an error."""
    return Paginator(queryset, per_page or PAGE_SIZE).get_page(request.GET.get("pagina"))


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def back_to_candidate(candidate: Candidate):
    return redirect("candidates:coach_candidate", pk=candidate.pk)


def done(request, text: str, candidate: Candidate):
    messages.success(request, text)
    return back_to_candidate(candidate)
