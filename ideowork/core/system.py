"""The named actor of work the task queue does on its own (closing exams and competitions …).

Such work is not done "as" any person: the creator of a record may have left. The system actor is
an account that cannot sign in (inactive, no usable password, no unit), so it sees no page; the
services that the queue calls accept it in place of a permission check, and the audit trail shows
“系统（自动任务）” as the actor.
"""

from ideowork.core.models import User

__all__ = ["SYSTEM_USERNAME", "system_actor", "is_system_actor"]

SYSTEM_USERNAME = "system"
SYSTEM_NAME = "系统（自动任务）"


def system_actor() -> User:
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"display_name": SYSTEM_NAME, "is_active": False, "org_unit": None})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def is_system_actor(user) -> bool:
    return user is not None and getattr(user, "username", None) == SYSTEM_USERNAME and not user.is_active
