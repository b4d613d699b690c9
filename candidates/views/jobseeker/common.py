"""What every jobseeker view needs: the jobseeker's own dossier and profile."""

from django.http import Http404

from candidates.completeness import profile_with_filled_relations
from candidates.models import Candidate, Profile
from candidates.profile_services import profile_get_or_create
from hallowerk.compiled_queries import CompiledQuery
from hallowerk.prepared import prepared_statements

# visible_to() of a jobseeker is their own dossier and nothing else. Compiled once for every
# jobseeker (their key varies; hallowerk/compiled_queries.py): building and compiling it
# cost 1.5 ms of CPU on every page of theirs, running it 0.2 ms.
_OWN_CANDIDATE = CompiledQuery(
    lambda viewer: Candidate.objects.visible_to(viewer)
    .select_related("municipality", "responsible_coach").order_by("pk")[:1],
    ids=(), viewer_pk_varies=True)


# Both read by the jobseeker's own key on every page of theirs: planned once per connection.
@prepared_statements()
def own_candidate_or_none(request) -> Candidate | None:
    found = _OWN_CANDIDATE.rows(request.user)
    return found[0] if found else None


def own_candidate(request) -> Candidate:
    """The jobseeker's dossier; 404 while the municipality has not created it yet."""
    candidate = own_candidate_or_none(request)
    if candidate is None:
        raise Http404("No dossier for this jobseeker yet.")
    return candidate


def own_profile(request) -> Profile:
    return profile_get_or_create(candidate=own_candidate(request))


@prepared_statements()
def profile_to_score(candidate: Candidate) -> Profile:
    """The profile for a page that shows its completeness and changes nothing: whether each
    counted list is filled comes with it, in one query."""
    profile = (profile_with_filled_relations(candidate)
               or profile_get_or_create(candidate=candidate))
    # The dossier it belongs to is the one just read: the services that check its owner
    # need not read it again.
    Profile.candidate.field.set_cached_value(profile, candidate)
    return profile


def posted(request):
    """The submitted data for a form, or None on GET (an empty POST still shows errors)."""
    return request.POST if request.method == "POST" else None
