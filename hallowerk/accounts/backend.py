"""The authentication backend: allauth's, with the user of each request read together with
their municipality (issue 12). Every page's header shows the municipality and picks its
theme (hallowerk/context_processors.py), which was one more query on every page. The read is
a statement built once (hallowerk/fixed_reads.py): it runs on every signed-in request."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model

from hallowerk.fixed_reads import instance_by_pk


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        user = instance_by_pk(get_user_model(), user_id, related_name="municipality")
        return user if user is not None and self.user_can_authenticate(user) else None
