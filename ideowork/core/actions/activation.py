"""One-time activation codes: how a new, imported or reset account gets a password only its owner knows.

The code is shown once to the administrator as a sealed slip (打印密封单) for the person; only its
HMAC is stored. Redeeming it sets the person's own password; until then the account has an unusable
password and cannot sign in.

A reset of an account that already holds a role is two-person work (三员分立): the 系统管理员 who reset
it has seen the code, so the password set with it waits, hashed, until a 安全管理员 confirms that the
person set it (``do_confirm_activation``) or voids it (``do_void_activation``). A new account needs no
such step: it holds no role until the 安全管理员 grants one, on a page that shows how it was activated.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ..audit import record
from ..context import client_ip, current_request
from ..choices import ActivationReason
from ..models import ActivationCode, SecurityPolicy, User
from ..notify import notify, notify_secadmins
from ..passwords import remember_password
from ..permissions import require

__all__ = ["IssuedCode", "issue_activation", "do_activate_account", "normalise_code", "ALPHABET",
           "waiting_for_confirmation", "awaiting_confirmation", "can_confirm_activation", "do_confirm_activation", "do_void_activation"]

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
    user.activation_codes.filter(revoked_at__isnull=True).filter(
        Q(used_at__isnull=True) | Q(needs_confirmation=True, confirmed_at__isnull=True)).update(
        revoked_at=now, pending_password="")
    user.set_unusable_password()
    user.save(update_fields=["password"])
    code = _new_code()
    expires = now + timedelta(hours=SecurityPolicy.current().activation_hours)
    ActivationCode.objects.create(user=user, code_hash=_digest(code), reason=reason, issued_by=actor,
                                  issued_at=now, issued_ip=client_ip(current_request.get()), expires_at=expires,
                                  needs_confirmation=reason == ActivationReason.RESET and bool(user.role))
    return IssuedCode(user, code, expires)


def waiting_for_confirmation():
    """Redeemed reset codes whose password waits for a 安全管理员's confirmation."""
    return ActivationCode.objects.filter(needs_confirmation=True, used_at__isnull=False, confirmed_at__isnull=True,
                                         revoked_at__isnull=True)


def awaiting_confirmation(user: User) -> ActivationCode | None:
    """The redeemed reset code of ``user`` whose password waits for a 安全管理员's confirmation, if any."""
    return waiting_for_confirmation().filter(user=user).order_by("-used_at").first()


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
        if activation.needs_confirmation:
            activation.pending_password = make_password(password)
            activation.save(update_fields=["used_at", "used_ip", "pending_password"])
        else:
            activation.save(update_fields=["used_at", "used_ip"])
            user.set_password(password)
            user.save(update_fields=["password"])
        same_address = bool(ip and ip == activation.issued_ip)
        record("core.activation.redeem", user, actor=user, new={
            "reason": activation.reason, "issued_by": activation.issued_by.username if activation.issued_by else "",
            "issued_at": activation.issued_at, "issued_ip": activation.issued_ip,
            # An issuer redeeming the code at their own desk is what the auditor looks for.
            "same_address_as_issuer": same_address,
            "awaiting_confirmation": activation.needs_confirmation,
        })
        if activation.needs_confirmation:
            transaction.on_commit(lambda: _tell_confirmers(user, same_address))
        else:
            transaction.on_commit(lambda: notify(
                user, "账号已激活", body=f"您于{timezone.localtime(activation.used_at):%Y-%m-%d %H:%M}设置了登录密码。"
                "如非本人操作，请立即联系安全管理员。", kind="security"))
    return user


def _tell_confirmers(user: User, same_address: bool) -> None:
    warning = "激活地址与发放激活码的地址相同，请务必与本人核实。" if same_address else "请与本人核实后确认。"
    notify_secadmins(f"“{user.name}”重置密码后待确认", f"{user.name}（{user.username}）已凭重置的激活码设置新密码，"
                     f"确认后方可登录。{warning}", url=reverse("core:activation_confirmations"))


def can_confirm_activation(actor: User, activation: ActivationCode) -> bool:
    """A 安全管理员 other than the account's holder and the code's issuer. (Only business accounts
    need it: the 系统管理员 cannot reset another administrator's account.)"""
    return actor.is_active and actor.is_secadmin and actor.pk not in (activation.user_id, activation.issued_by_id)


def _pending_for_decision(actor: User, activation: ActivationCode) -> ActivationCode:
    activation = (ActivationCode.objects.select_for_update(of=("self",)).select_related("user")
                  .get(pk=activation.pk))
    require(can_confirm_activation(actor, activation), "只有安全管理员（且不是该账号本人或发放激活码的人）可以确认重置。")
    if not activation.needs_confirmation or activation.used_at is None or activation.confirmed_at or activation.revoked_at:
        raise ValidationError("该重置已处理或尚未激活，无需确认。")
    return activation


def do_confirm_activation(actor: User, activation: ActivationCode) -> ActivationCode:
    """Confirm that the person set the password of their reset account: it takes effect now."""
    with transaction.atomic():
        activation = _pending_for_decision(actor, activation)
        user = User.objects.select_for_update().get(pk=activation.user_id)
        user.password = activation.pending_password  # hashed when the person set it
        user.password_changed_at = timezone.now()
        user.save(update_fields=["password", "password_changed_at"])
        remember_password(user)
        activation.pending_password = ""
        activation.confirmed_at, activation.confirmed_by = timezone.now(), actor
        activation.save(update_fields=["pending_password", "confirmed_at", "confirmed_by"])
        record("core.activation.confirm", user, actor=actor, new={
            "issued_by": activation.issued_by.username if activation.issued_by else "",
            "used_at": activation.used_at, "used_ip": activation.used_ip})
        transaction.on_commit(lambda: notify(
            user, "密码重置已确认", body=f"安全管理员{actor.name}已确认您重置后设置的密码，现在可以登录。", kind="security"))
    return activation


def do_void_activation(actor: User, activation: ActivationCode) -> ActivationCode:
    """Refuse the password set with a reset code (not the person's doing): the account stays without
    a password until the 系统管理员 issues a new code after checking who asked."""
    with transaction.atomic():
        activation = _pending_for_decision(actor, activation)
        activation.pending_password = ""
        activation.revoked_at = timezone.now()
        activation.save(update_fields=["pending_password", "revoked_at"])
        record("core.activation.void", activation.user, actor=actor, new={
            "issued_by": activation.issued_by.username if activation.issued_by else "",
            "used_at": activation.used_at, "used_ip": activation.used_ip})
        issuer, name = activation.issued_by, activation.user.name
        if issuer is not None:
            transaction.on_commit(lambda: notify(
                issuer, f"“{name}”重置后设置的密码未获确认", body=f"安全管理员{actor.name}作废了该次重置，"
                "请与本人核实身份后重新发放激活码。", kind="security"))
    return activation
