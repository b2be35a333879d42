"""The person's own pages before they may work: redeeming the sealed slip, and waiting for a role."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters

from ..actions.activation import awaiting_confirmation, do_activate_account
from ..forms.errors import add_service_errors
from ..forms.users import ActivationForm
from ..start_pages import start_url_for


@sensitive_post_parameters("code", "password1", "password2")
def activate(request):
    """Anonymous: a signed-in browser (the administrator's, say) cannot redeem anyone's code."""
    form = ActivationForm(request.POST or None)
    signed_in = request.user.is_authenticated
    if request.method == "POST" and signed_in:
        form.add_error(None, "请先退出当前登录的账号，再由本人激活。")
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = do_activate_account(data["username"], data["code"], data["password1"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if awaiting_confirmation(user):
                messages.warning(request, f"账号“{user.username}”的新密码已设置。因该账号是重置密码，须安全管理员与您核实"
                                 "并确认后方可登录，确认后您会收到通知；如急需使用，请直接联系安全管理员。")
            else:
                messages.success(request, f"账号“{user.username}”已激活，请用新密码登录。")
            return redirect("core:login")
    return render(request, "core/activate.html", {"form": form, "signed_in": signed_in})


def account_pending(request):
    if not request.user.is_authenticated:
        return redirect("core:login")
    if not request.user.is_pending:
        return redirect(start_url_for(request.user))
    return render(request, "core/account_pending.html")
