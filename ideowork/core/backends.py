"""The password backend: Django's ``ModelBackend``, reading the person with their unit and its organ.

Every signed-in request reads the user, and nearly every page then asks for the user's scope
(``User.scope_root``: their unit, then its organ) — two more statements per request, paid on an exam
morning by every step of every examinee (docs/performance.md). Joined into the user's one read here.

``ModelBackend`` stays listed after this one in ``AUTHENTICATION_BACKENDS`` only so that sessions
signed in under its name (before this backend; the tests' ``force_login``) still resolve; no
password reaches it, since this backend answers every one: a refusal raises ``PermissionDenied``,
which ends the chain (the password is never hashed twice, and the failure is signalled once, as before).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

__all__ = ["ScopedModelBackend"]

WITH_SCOPE = ("org_unit__organ",)


class ScopedModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        user_model = get_user_model()
        if username is None:
            username = kwargs.get(user_model.USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = user_model._default_manager.select_related(*WITH_SCOPE).filter(
            **{user_model.USERNAME_FIELD: username}).first()
        if user is None:
            # As ModelBackend: hash anyway, so a missing username takes as long as a wrong password.
            user_model().set_password(password)
        elif user.check_password(password) and self.user_can_authenticate(user):
            return user
        raise PermissionDenied

    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related(*WITH_SCOPE).filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
