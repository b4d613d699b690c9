"""django-otp's middleware, with the session's device read by a statement built once (issue 12).

On every staff request django-otp reads the device named in the session through a queryset
(`Device.from_persistent_id`). The read here returns the same: the device of that type and id,
or None for an unknown type, a malformed id or a device that is gone. django-otp's own
`_finalize_device` then still refuses a device of someone else or an unconfirmed one.
"""

from django.apps import apps
from django.contrib.auth.middleware import get_user as session_user
from django.utils.functional import LazyObject
from django_otp.middleware import OTPMiddleware as DjangoOTPMiddleware
from django_otp.models import Device

from hallowerk.fixed_reads import instance_by_pk


def device_by_persistent_id(persistent_id: str) -> Device | None:
    """django-otp's "app_label.modelname/id", read as one fixed statement."""
    model_label, _, device_id = persistent_id.rpartition("/")
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError):
        return None
    if not issubclass(model, Device):
        return None
    return instance_by_pk(model, device_id)


class OTPMiddleware(DjangoOTPMiddleware):
    def _install_lazy_accessors(self, request):
        """request.user as the user itself, read now, instead of django-otp's lazy wrapper
        around AuthenticationMiddleware's lazy wrapper. Every attribute read through the two
        wrappers went through four proxy calls and two caught AttributeErrors; a page reads
        request.user dozens of times (the header, the menu, permissions). Reading it now
        costs nothing extra: RequireTwoFactorMiddleware, next in line, reads it on every
        request anyway. request.auser stays django-otp's."""
        user = getattr(request, "user", None)
        super()._install_lazy_accessors(request)
        if isinstance(user, LazyObject):
            # AuthenticationMiddleware's lazy user resolves to exactly this (cached on the
            # request); django-otp's adds the device that verified the session.
            request.user = self._verify_user_sync(request, session_user(request))

    def _device_from_persistent_id(self, persistent_id: str):
        return device_by_persistent_id(self._normalize_persistent_id(persistent_id))
