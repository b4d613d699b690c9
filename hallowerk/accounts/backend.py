"""The authentication backend: allauth's, with the user of each request read together with
their municipality (issue 12). Every page's header shows the municipality and picks its
theme (hallowerk/context_processors.py), which was one more query on every page."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("municipality")
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
