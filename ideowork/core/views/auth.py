"""Login, logout, password change, and the lockout page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from ..audit import record
from ..start_pages import start_url_for
from ..twofactor import begin_pending_login, is_enrolled, needs_second_factor


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码错误。连续失败5次后账号将被临时锁定。",
        "inactive": "该账号已停用，请联系系统管理员。",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "用户名"
        self.fields["password"].label = "密码"
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autofocus": True})


class LoginView(auth_views.LoginView):
    """The password step. Whoever has an authenticator, or whose role requires one, goes on to the
    second step (or to enrolment) without being signed in yet (``core/views/twofactor.py``)."""

    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    _signing_in = None

    def get_default_redirect_url(self):
        """Without ``?next=``, the person's start page (``core/start_pages.py``); during the password
        step the person is not signed in yet, so it is the account the form accepted."""
        return start_url_for(self._signing_in or self.request.user)

    def form_valid(self, form):
        user = self._signing_in = form.get_user()
        if not needs_second_factor(user):
            # The sign-in's writes (last login, the audit event, the session record) in one transaction:
            # one turn at SQLite's write lock instead of three (the session itself is written with the response).
            with transaction.atomic():
                return super().form_valid(form)
        begin_pending_login(self.request, user, self.get_success_url())
        return redirect("core:login_verify" if is_enrolled(user) else "core:login_enrol")


class LogoutView(auth_views.LogoutView):
    """POST only; flushes the whole session."""


class PasswordForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "原密码"
        self.fields["new_password1"].label = "新密码"
        self.fields["new_password2"].label = "确认新密码"
        self.error_messages = {**self.error_messages, "password_incorrect": "原密码不正确。",
                               "password_mismatch": "两次输入的新密码不一致。"}


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "core/form.html"
    form_class = PasswordForm
    success_url = reverse_lazy(settings.LOGIN_REDIRECT_URL)
    extra_context = {"title": "修改密码", "submit_label": "修改密码"}

    def form_valid(self, form):
        response = super().form_valid(form)
        update_session_auth_hash(self.request, form.user)
        record("core.user.change_password", form.user, actor=form.user)
        messages.success(self.request, "密码已修改。")
        return response


def lockout_response(request, credentials, *args, **kwargs):
    """The page for every attempt on a locked username (the lock itself is audited when it is set,
    by ``core.lockouts.LockoutHandler``)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "core/locked_out.html", {"minutes": minutes}, status=429)
