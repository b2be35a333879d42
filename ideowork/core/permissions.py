"""Role checks for views. Record-level visibility is ``visible_to``; these guard whole pages."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

__all__ = ["role_required", "require", "capability_required"]


def role_required(predicate, message: str = "您没有执行此操作的权限。"):
    """Decorate a view: anonymous users go to login, users failing ``predicate(user)`` get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not predicate(request.user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        wrapped.required_predicate = predicate
        return wrapped

    return decorator


def require(condition: bool, message: str = "您没有执行此操作的权限。") -> None:
    """Raise PermissionDenied unless ``condition``; for checks inside services."""
    if not condition:
        raise PermissionDenied(message)


def capability_required(code: str, message: str = "您没有执行此操作的权限。"):
    """Decorate a view: only users holding the registered capability ``code`` get through."""
    decorator = role_required(lambda user: user.has_capability(code), message)

    def wrap(view):
        wrapped = decorator(view)
        wrapped.required_capability = code
        return wrapped

    return wrap


is_business = role_required(lambda u: u.is_business)
is_sysadmin = role_required(lambda u: u.is_sysadmin)
is_auditor = role_required(lambda u: u.is_auditor)
is_secadmin = role_required(lambda u: u.is_secadmin)
