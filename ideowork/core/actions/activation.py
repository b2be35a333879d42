"""One-time activation codes: how a new, imported or reset account gets a password only its owner knows.

The code is shown once to the administrator as a sealed slip (打印密封单) for the person; only its
HMAC is stored. Redeeming it sets the person's own password; until then the account has an unusable
password and cannot sign in.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..audit import record
from ..context import client_ip, current_request
from ..models import ActivationCode, SecurityPolicy, User
from ..notify import notify

__all__ = ["IssuedCode", "issue_activation", "do_activate_account", "normalise_code", "ALPHABET"]

# No 0/O, 1/I/L: the code is read off paper and typed by hand.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS, GROUP_LENGTH = 4, 4  # 16 characters, about 79 bits
INVALID = "用户名或激活码不正确，或激活码已失效。请联系系统管理员重新发放。"


@dataclass(frozen=True)
class IssuedCode:
    """What the administrator's slip shows, once: the account, the plain code and when it expires."""

    user: User
    code: str
    expires_at: datetime


def _digest(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), normalise_code(code).encode(), hashlib.sha256).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(c for c in (code or "").upper() if c.isalnum())


def _new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(raw[i:i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))


def issue_activation(actor, user: User, reason: str) -> IssuedCode:
    """Give ``user`` a fresh code and void any earlier one. Caller holds the transaction and has
    checked ``actor`` may; the account's password is made unusable here."""
    now = timezone.now()
    user.activation_codes.filter(used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    code = _new_code()
    expires = now + timedelta(hours=SecurityPolicy.current().activation_hours)
    ActivationCode.objects.create(user=user, code_hash=_digest(code), reason=reason, issued_by=actor,
                                  issued_at=now, issued_ip=client_ip(current_request.get()), expires_at=expires)
    return IssuedCode(user, code, expires)


def do_activate_account(username: str, code: str, password: str) -> User:
    """The person redeems their code and sets their own password; the code is spent.

    Every refusal is the same Chinese message, so the page does not tell which usernames exist.
    """
    with transaction.atomic():
        user = (User.objects.select_for_update(of=("self",)).filter(username__iexact=(username or "").strip())
                .order_by("pk").first())
        if user is None or not user.is_active:
            raise ValidationError(INVALID)
        activation = (user.activation_codes.select_for_update()
                      .filter(code_hash=_digest(code), used_at__isnull=True, revoked_at__isnull=True).first())
        if activation is None or activation.expires_at <= timezone.now():
            raise ValidationError(INVALID)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password1": exc.messages}) from None
        ip = client_ip(current_request.get())
        activation.used_at = timezone.now()
        activation.used_ip = ip
        activation.save(update_fields=["used_at", "used_ip"])
        user.set_password(password)
        user.save(update_fields=["password"])
        record("core.activation.redeem", user, actor=user, new={
            "reason": activation.reason, "issued_by": activation.issued_by.username if activation.issued_by else "",
            "issued_at": activation.issued_at, "issued_ip": activation.issued_ip,
            # An issuer redeeming the code at their own desk is what the auditor looks for.
            "same_address_as_issuer": bool(ip and ip == activation.issued_ip),
        })
        transaction.on_commit(lambda: notify(
            user, "账号已激活", body=f"您于{timezone.localtime(activation.used_at):%Y-%m-%d %H:%M}设置了登录密码。"
            "如非本人操作，请立即联系安全管理员。", kind="security"))
    return user
