"""A create form sent twice creates one record.

A write whose connection dropped may have committed; the browser's retry, or a second click, sends the
same form again. Every create form carries a key made when it was rendered (``{% idempotency_field %}``
in the form's template, a UUID in a hidden field), and its view is wrapped in ``@idempotent``:

    @idempotent
    @capability_required("ledger.record")
    def activity_create(request): ...

The first POST with a key claims it (a row unique per user and key) in one transaction with everything
the view writes — the services' own ``atomic`` blocks nest inside it — and, when the view answers with
a redirect (the result), stores where it pointed. A POST with a key that user already sent within
``KEEP`` goes to that same result and changes nothing; two sent at once wait on the unique row, so
one creates and the other follows it. A view that answers otherwise (the form again, with its errors)
releases the key. POSTs without a key are served as before.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html

from .models import IdempotencyKey

__all__ = ["idempotent", "idempotency_field", "forget_old_keys", "FIELD", "KEEP", "ALREADY_DONE"]

FIELD = "idempotency_key"
KEEP = timedelta(hours=24)
ALREADY_DONE = "该表单已经提交过，未重复保存；以下是第一次提交的结果。"
_REDIRECTS = (301, 302, 303, 307, 308)


def idempotency_field() -> str:
    """The hidden input a create form carries: a new key each time the form is rendered."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, uuid.uuid4())


def idempotent(view):
    """Serve a create view's POST once per key and user (see the module's docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            claim = _claim(request.user, key)
            if claim is not None:
                response = view(request, *args, **kwargs)
                if response.status_code in _REDIRECTS and response.has_header("Location"):
                    claim.result_url = response["Location"][:500]
                    claim.save(update_fields=["result_url"])
                else:
                    claim.delete()
                return response
        first = IdempotencyKey.objects.filter(user=request.user, key=key).values_list("result_url", flat=True).first()
        messages.info(request, ALREADY_DONE)
        return redirect(first or request.get_full_path())

    return wrapper


def _key(request) -> uuid.UUID | None:
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def _claim(user, key: uuid.UUID) -> IdempotencyKey | None:
    """The new claim of ``key``, or None when ``user`` already sent it (within ``KEEP``).

    Caller holds a transaction: the claim commits or rolls back with what the view writes."""
    now = timezone.now()
    IdempotencyKey.objects.filter(user=user, key=key, created_at__lt=now - KEEP).delete()
    try:
        with transaction.atomic():
            return IdempotencyKey.objects.create(user=user, key=key, created_at=now)
    except IntegrityError:  # sent before, or being sent now: the unique row waited for the other to commit
        return None


def forget_old_keys() -> int:
    """Delete the keys older than ``KEEP`` (a daily queue task); the number deleted."""
    return IdempotencyKey.objects.filter(created_at__lt=timezone.now() - KEEP).delete()[0]
