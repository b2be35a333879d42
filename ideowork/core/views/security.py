"""Security administration pages (安全管理员): the active policy, and locked accounts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.password_validation import password_validators_help_texts
from django.contrib.auth.hashers import get_hasher
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ..actions.security import do_unlock_username
from ..lockouts import cool_off_minutes, failed_logins
from ..permissions import is_secadmin
from ..uploads import human_size

_HASHER_NAMES = {"argon2": "Argon2id", "pbkdf2_sha256": "PBKDF2-SHA256", "bcrypt_sha256": "bcrypt"}


@is_secadmin
def security_policy(request):
    hasher = get_hasher().algorithm
    policy = {
        "password_rules": password_validators_help_texts(),
        "hasher": _HASHER_NAMES.get(hasher, hasher),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_minutes": cool_off_minutes(),
        "idle_minutes": settings.SESSION_IDLE_SECONDS // 60,
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        "expire_at_close": settings.SESSION_EXPIRE_AT_BROWSER_CLOSE,
        "secure_cookies": settings.SESSION_COOKIE_SECURE,
        "upload_max": human_size(settings.UPLOAD_MAX_BYTES),
    }
    locked = sum(1 for f in failed_logins() if f.locked)
    return render(request, "core/security.html", {"policy": policy, "locked_count": locked})


@is_secadmin
def lockout_list(request):
    return render(request, "core/lockouts.html", {
        "failures": failed_logins(), "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_minutes": cool_off_minutes(),
    })


@is_secadmin
@require_POST
def lockout_unlock(request):
    username = request.POST.get("username", "").strip()
    if username:
        do_unlock_username(request.user, username)
        messages.success(request, f"账号“{username}”已解锁，登录失败记录已清除。")
    return redirect("core:lockouts")
