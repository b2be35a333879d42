"""The console command that makes the first administrators and re-issues their activation codes."""

import pytest
from django.core.management import CommandError, call_command

from ideowork.core.actions.activation import do_activate_account
from ideowork.core.models import AuditEvent, User

pytestmark = pytest.mark.django_db


def _run(*args):
    from io import StringIO

    out = StringIO()
    call_command("issue_admin_code", *args, stdout=out)
    return out.getvalue()


def test_creates_an_administrator_who_sets_their_own_password(db):
    output = _run("shenji", "--role", "auditor", "--name", "审计员")
    code = output.split("激活码：")[1].split("\n")[0]
    user = User.objects.get(username="shenji")
    assert user.role == "auditor" and not user.has_usable_password() and not user.is_superuser
    do_activate_account("shenji", code, "Shen-Ji-Mima-2026!")
    user.refresh_from_db()
    assert user.check_password("Shen-Ji-Mima-2026!")
    assert AuditEvent.objects.get(event_type="core.user.create").new["source"] == "console"


def test_reissues_an_administrators_code_but_never_a_business_accounts(org):
    output = _run("auditor")
    assert "激活码：" in output
    org.auditor.refresh_from_db()
    assert not org.auditor.has_usable_password()
    with pytest.raises(CommandError, match="不是管理员账号"):
        _run("principal")
    with pytest.raises(CommandError, match="角色不能变更"):
        _run("auditor", "--role", "sysadmin")
    with pytest.raises(CommandError, match="须用 --role"):
        _run("nobody")
