"""The conversations a user takes part in, and what of them they may read (SPEC §4).

Who talks to whom and every change: candidates/services_messaging.py.
"""

from django.db.models import Count, Max, Q, QuerySet

from hallowerk.models import User
from hallowerk.roles import Role

from .models import Message, Thread


def threads_for(user: User) -> QuerySet[Thread]:
    """The threads this user takes part in, newest activity first, with unread counts.

    Each thread carries `candidate_visible` (Thread.objects.with_candidate_visible). A coach
    or employer keeps a thread after its candidate went out of their sight (stopped sharing,
    narrowed the scope, was hidden, set inactive, ended, left or erased), but only its own
    side of it: no name, no words of the candidate (SPEC §4), and nothing new to read.
    """
    if user.role == Role.JOBSEEKER:
        queryset = Thread.objects.visible_to(user)
    elif user.role in (Role.COACH, Role.EMPLOYER):
        queryset = Thread.objects.filter(counterpart=user)
    else:
        return Thread.objects.none()
    unread = (Q(messages__read_at__isnull=True) & ~Q(messages__sender=user)
              & Q(pk__in=Thread.objects.visible_to(user).values("pk")))
    return (queryset.with_candidate_visible(user)
            .select_related("candidate", "counterpart", "employer")
            .annotate(last_message_at=Max("messages__created_at"),
                      unread_count=Count("messages", filter=unread))
            .order_by("-last_message_at", "-created_at"))


def thread_for_participant(user: User, pk) -> Thread:
    """One thread, or 404 for anyone who does not take part in it."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(threads_for(user), pk=pk)


def thread_messages(*, user: User, thread: Thread) -> QuerySet[Message]:
    """The messages of a thread from threads_for(): all of them while the candidate is in
    the viewer's sight, afterwards only the viewer's own."""
    messages = thread.messages.select_related("sender")
    visible = thread.candidate_visible  # type: ignore[attr-defined]  # threads_for() annotates it
    return messages if visible else messages.filter(sender=user)
