"""The notification centre."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..models import Notification
from ..scoping import get_visible_or_404


@login_required
def notification_list(request):
    qs = Notification.objects.visible_to(request.user)
    show = request.GET.get("show", "unread")
    if show == "unread":
        qs = qs.unread()
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "core/notifications.html", {"page": page, "show": show})


@login_required
@require_POST
def notification_open(request, pk):
    note = get_visible_or_404(Notification, request.user, pk=pk)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    return redirect(note.url or "core:notifications")


@login_required
@require_POST
def notification_read_all(request):
    Notification.objects.visible_to(request.user).unread().update(read_at=timezone.now())
    return redirect("core:notifications")
