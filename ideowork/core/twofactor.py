"""Two-factor sign-in (TOTP): who must use it, checking a code, recovery codes, the pending sign-in.

After the password a person whose account has an authenticator, or whose role requires one, is not
signed in yet: the session only remembers who passed the password (``begin_pending_login``), and the
second step signs them in. A wrong code counts towards the same lockout as a wrong password (django-axes,
``second_factor_failed``). The writes (enrolment, disabling, the 安全管理员's reset and policy) are the
services in ``core/actions/twofactor.py``.
"""

import secrets
import time
from base64 import b32encode

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp.plugins.otp_totp.models import TOTPDevice

from .audit import record
from .choices import Role
from .models import RecoveryCode, TwoFactorPolicy, User
from .models.twofactor import DEFAULT_REQUIRED_ROLES

__all__ = ["RECOVERY_CODE_COUNT", "required_roles", "is_required_for", "enrolment_by_role", "enrolled_people",
           "confirmed_device", "is_enrolled", "needs_second_factor", "enrolment_device", "secret_text", "qr_svg",
           "new_recovery_codes", "recovery_digest", "recovery_codes_left", "verify_second_factor", "begin_pending_login",
           "pending_login", "end_pending_login", "is_allowed_to_try", "second_factor_failed"]

RECOVERY_CODE_COUNT = 10
# Recovery codes use letters and digits that cannot be misread (no 0/O, 1/I/L).
_RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_PENDING_KEY = "_ideowork_two_factor_pending"


# --- the policy ---------------------------------------------------------------------------------
def required_roles() -> frozenset[str]:
    policy = TwoFactorPolicy.objects.filter(pk=1).first()
    return frozenset(policy.required_roles if policy else DEFAULT_REQUIRED_ROLES)


def is_required_for(user) -> bool:
    return user.role in required_roles()


def enrolment_by_role() -> list[dict]:
    """Per role, for the 安全管理员: required or not, active accounts, and how many have enrolled."""
    required = required_roles()
    enrolled = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    counts = {row["role"]: row for row in User.objects.filter(is_active=True).values("role")
              .annotate(total=Count("pk"), enrolled=Count("pk", filter=Q(pk__in=enrolled)))}
    return [{"value": value, "label": label, "required": value in required,
             "total": counts.get(value, {}).get("total", 0), "enrolled": counts.get(value, {}).get("enrolled", 0)}
            for value, label in Role.choices]


def enrolled_people(query: str = ""):
    """Everyone with a confirmed authenticator (the 安全管理员 manages accounts of every unit),
    with ``codes_left``; ``query`` matches the username or the name."""
    people = User.objects.filter(pk__in=TOTPDevice.objects.filter(confirmed=True).values("user_id")) \
        .select_related("org_unit") \
        .annotate(codes_left=Count("recovery_codes", filter=Q(recovery_codes__used_at__isnull=True)))
    if query:
        people = people.filter(Q(username__icontains=query) | Q(display_name__icontains=query))
    return people.order_by("username")


# --- the authenticator --------------------------------------------------------------------------
def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_second_factor(user) -> bool:
    """True when the password alone does not sign ``user`` in."""
    return is_enrolled(user) or is_required_for(user)


def enrolment_device(user) -> TOTPDevice:
    """The unconfirmed authenticator being set up (the same secret until it is confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name="身份验证器", confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as a person types it into an authenticator app: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG, drawn here: no image service sees the secret."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


# --- recovery codes ---------------------------------------------------------------------------
def new_recovery_codes() -> list[str]:
    def one() -> str:
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        return f"{raw[:5]}-{raw[5:]}"

    codes: set[str] = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add(one())
    return sorted(codes)


def recovery_digest(code: str) -> str:
    """A keyed digest of a recovery code; case, spaces and dashes do not matter."""
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return salted_hmac("ideowork.core.twofactor.recovery", normalised, algorithm="sha256").hexdigest()


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


# --- checking a code --------------------------------------------------------------------------
def verify_second_factor(user, code: str) -> str | None:
    """Check ``code``: "totp" for a valid authenticator code, "recovery" for an unused recovery code
    (now used up), None otherwise.

    An authenticator code is valid one 30-second step either side of now, and each step once: the
    device remembers the last step it accepted. A recovery code is spent by a conditional update, so
    of two requests using the same code at once exactly one succeeds.
    """
    code = (code or "").strip().replace(" ", "")
    if code.isdigit() and len(code) == 6:
        # The row lock makes "each step once" hold for two requests at once; inside the sign-in's own
        # transaction (core/views/twofactor.py) it needs no savepoint of its own.
        with transaction.atomic(savepoint=False):
            device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).order_by("-pk").first()
            return "totp" if device is not None and device.verify_token(code) else None
    if len(code) < 10:
        return None
    spent = RecoveryCode.objects.filter(user=user, digest=recovery_digest(code), used_at__isnull=True) \
        .update(used_at=timezone.now())
    if not spent:
        return None
    record("core.twofactor.use_recovery", user, actor=user, unit=user.org_unit,
           new={"recovery_codes_left": recovery_codes_left(user)})
    return "recovery"


# --- the sign-in between the password and the second step ------------------------------------
def begin_pending_login(request, user, next_url: str) -> None:
    """Remember that ``user`` passed the password (in a fresh session key); nobody is signed in yet."""
    request.session.cycle_key()
    request.session[_PENDING_KEY] = {"user": user.pk, "backend": user.backend, "next": next_url,
                                     "at": int(time.time())}


def pending_login(request):
    """(user, backend, next_url) of a sign-in waiting for its second step, or None when there is none
    or it is older than ``TWO_FACTOR_PENDING_SECONDS``."""
    pending = request.session.get(_PENDING_KEY)
    if not pending:
        return None
    if int(time.time()) - pending["at"] > settings.TWO_FACTOR_PENDING_SECONDS:
        end_pending_login(request)
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        end_pending_login(request)
        return None
    return user, pending["backend"], pending["next"]


def end_pending_login(request) -> None:
    request.session.pop(_PENDING_KEY, None)


def is_allowed_to_try(request, user) -> bool:
    """False while ``user``'s username is locked out (by wrong passwords or wrong codes)."""
    return AxesProxyHandler.is_allowed(request, get_credentials(user.get_username()))


def second_factor_failed(request, user, stage: str) -> bool:
    """Count a wrong second-factor code towards the lockout, audit it; True when it locked the account.

    ``stage`` is "verify" (signing in) or "enrol" (confirming a new authenticator while signing in).
    """
    record("core.twofactor.fail", user, actor=user, unit=user.org_unit, new={"stage": stage})
    AxesProxyHandler.user_login_failed(__name__, get_credentials(user.get_username()), request=request)
    return bool(getattr(request, "axes_locked_out", False))
