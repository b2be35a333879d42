"""Who is signed in where: one ``UserSession`` per login, the concurrent-session limit, and what a
login tells the person (上次登录时间和地点) or asks of them (an expired password).

Connected to Django's login and logout signals in ``CoreConfig.ready``, so every way of signing in
(the login page, a second factor, the test client) goes through it.
"""

from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from .audit import record
from .choices import SessionEnd
from .context import client_ip
from .models import ActivationCode, SecurityPolicy, UserSession
from .notify import notify
from .passwords import password_expired

__all__ = ["PASSWORD_EXPIRED_KEY", "end_surplus_sessions", "session_store"]

PASSWORD_EXPIRED_KEY = "_ideowork_password_expired"


def session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _last_login_message(previous: UserSession | None) -> str:
    if previous is None:
        return "欢迎！这是您首次登录本系统。"
    when = timezone.localtime(previous.created_at).strftime("%Y-%m-%d %H:%M")
    return f"上次登录时间：{when}，地点：{previous.ip or '未知'}。如非本人登录，请立即修改密码并联系安全管理员。"


def end_surplus_sessions(user, policy: SecurityPolicy, current_key: str | None = None) -> list[UserSession]:
    """End the oldest of ``user``'s open sessions beyond the policy's limit; return those ended.

    ``current_key`` is the session signing in now: alive by definition (and not yet written, see
    ``core/session_store.py``), so it is not looked up."""
    store = session_store()
    now = timezone.now()
    open_rows = list(UserSession.objects.filter(user=user, ended_at__isnull=True).order_by("created_at", "pk"))
    alive = []
    for row in open_rows:
        if row.session_key == current_key or store().exists(row.session_key):
            alive.append(row)
        else:  # expired, cycled or flushed without a logout signal
            UserSession.objects.filter(pk=row.pk).update(ended_at=now, end_reason=SessionEnd.GONE)
    surplus = alive[:max(len(alive) - policy.max_sessions, 0)]
    for row in surplus:
        store(session_key=row.session_key).delete()
        UserSession.objects.filter(pk=row.pk).update(ended_at=now, end_reason=SessionEnd.LIMIT)
        record("core.session.end_oldest", user, actor=user, new={
            "session_started": row.created_at, "session_ip": row.ip, "limit": policy.max_sessions})
    if surplus:
        notify(user, "您的一个较早的登录会话已被结束",
               body=f"同一账号最多同时在{policy.max_sessions}处登录，本次登录后最早的会话"
                    f"（{timezone.localtime(surplus[0].created_at):%Y-%m-%d %H:%M}，{surplus[0].ip or '未知地址'}）已退出。"
                    "如非本人登录，请立即修改密码。", kind="security")
    return surplus


@receiver(user_logged_in, dispatch_uid="ideowork_session_start")
def start_session(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    policy = SecurityPolicy.current()
    previous = UserSession.objects.filter(user=user).order_by("-created_at", "-pk").first()
    if request.session.session_key is None:
        request.session.save()
    with transaction.atomic(savepoint=False):  # inside the sign-in's transaction: no savepoint of its own
        UserSession.objects.update_or_create(session_key=request.session.session_key, defaults={
            "user": user, "ip": client_ip(request), "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
            "created_at": timezone.now(), "ended_at": None, "end_reason": ""})
        end_surplus_sessions(user, policy, current_key=request.session.session_key)
        activation = ActivationCode.objects.filter(user=user, used_at__isnull=False,
                                                   first_login_at__isnull=True).first()
        if activation is not None:
            ActivationCode.objects.filter(pk=activation.pk).update(first_login_at=timezone.now())
            record("core.auth.first_login", user, actor=user,
                   new={"reason": activation.reason, "activated_at": activation.used_at})
        if password_expired(user, policy):
            request.session[PASSWORD_EXPIRED_KEY] = True
            record("core.auth.password_expired", user, actor=user,
                   new={"password_changed_at": user.password_changed_at, "max_age_days": policy.password_max_age_days})
    messages.info(request, _last_login_message(previous), fail_silently=True)


@receiver(user_logged_out, dispatch_uid="ideowork_session_end")
def end_session(sender, request, user, **kwargs):
    key = getattr(getattr(request, "session", None), "session_key", None)
    if user is not None and key:
        UserSession.objects.filter(session_key=key, ended_at__isnull=True).update(
            ended_at=timezone.now(), end_reason=SessionEnd.LOGOUT)
