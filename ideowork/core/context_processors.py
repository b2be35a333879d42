"""The navigation menu (registered by each app, see ``core/menu.py``) and the unread count."""

from .menu import home_url, menu_for

__all__ = ["navigation"]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"home_url": home_url()}
    from .models import Notification

    return {
        "home_url": home_url(),
        "menu": menu_for(user),
        "unread_notifications": Notification.objects.visible_to(user).unread().count(),
    }
