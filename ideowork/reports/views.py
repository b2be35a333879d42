"""Dashboards that read across areas. (Being built: see issue 2.)"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from ideowork.core.permissions import is_business, role_required


@login_required
def home(request):
    user = request.user
    if user.is_sysadmin:
        return redirect("core:user_list")
    if user.is_auditor:
        return redirect("core:audit_list")
    if user.is_secadmin:
        return redirect("core:security")
    return render(request, "reports/home.html", {})


@is_business
def me(request):
    return render(request, "reports/home.html", {})


@role_required(lambda u: u.is_manager)
def counties(request):
    return render(request, "reports/home.html", {})
