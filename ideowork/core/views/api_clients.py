"""API clients (接口客户端), the 系统管理员's page: list, create (the token shown once), revoke."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..actions.api_clients import api_clients_for, do_create_api_client, do_revoke_api_client
from ..forms.api_clients import ApiClientForm
from ..forms.errors import add_service_errors
from ..permissions import is_sysadmin


@is_sysadmin
def api_client_list(request):
    clients = api_clients_for(request.user).select_related("org_unit", "created_by", "revoked_by")
    return render(request, "core/api_client_list.html", {"clients": clients})


@is_sysadmin
def api_client_create(request):
    form = ApiClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = do_create_api_client(request.user, **form.service_arguments())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            # Rendered, never redirected to: the token exists only in this response (no-store).
            return render(request, "core/api_client_token.html", {"issued": issued})
    return render(request, "core/api_client_form.html", {"form": form})


@is_sysadmin
@require_POST
def api_client_revoke(request, pk):
    client = get_object_or_404(api_clients_for(request.user), pk=pk)
    try:
        do_revoke_api_client(request.user, client)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"接口客户端“{client.name}”已吊销，其令牌立即失效。")
    return redirect("core:api_client_list")
