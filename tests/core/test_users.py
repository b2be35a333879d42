"""User management: list and filters, create, edit, (de)activate, reset password.

Who may do what to whom (三员分立) is walked in full in ``test_account_separation.py``; activation codes
in ``test_activation.py``.
"""

import pytest
from django.core.exceptions import ValidationError

from ideowork.core.actions.users import do_reset_password
from ideowork.core.choices import Role
from ideowork.core.models import ActivationCode, AuditEvent, User

pytestmark = pytest.mark.django_db


def _create(client, org, **overrides):
    data = {"username": "liuke", "display_name": "刘科员", "org_unit": org.office.pk, "requested_role": Role.CADRE,
            "title": "科员", "phone": "0311-1234567"}
    data.update(overrides)
    return client.post("/system/users/new/", data)


def test_list_shows_users_and_filters_by_unit_role_and_keyword(org, login):
    client = login(org.sysadmin)
    html = client.get("/system/users/").content.decode()
    assert "用户管理" in html and "张主任" in html and "周专干" in html
    html = client.get("/system/users/", {"unit": org.county_a.pk}).content.decode()
    assert "周专干" in html and "张主任" not in html
    html = client.get("/system/users/", {"role": Role.CADRE}).content.decode()
    assert "孙干部" in html and "王科长" not in html
    html = client.get("/system/users/", {"q": "科长"}).content.decode()
    assert "王科长" in html and "孙干部" not in html


def test_filter_by_unit_includes_its_subtree(org, login):
    html = login(org.sysadmin).get("/system/users/", {"unit": org.city.pk}).content.decode()
    assert "周专干" in html and "郑专干" not in html


def test_sysadmin_creates_an_account_without_role_or_password(org, login):
    response = _create(login(org.sysadmin), org, role=Role.HEAD, password1="X", password2="X")
    assert response.status_code == 200 and "账号已创建" in response.content.decode()
    user = User.objects.get(username="liuke")
    assert user.role == "" and user.requested_role == Role.CADRE and not user.has_usable_password()
    assert not user.is_superuser and user.org_unit == org.office and user.created_by == org.sysadmin
    event = AuditEvent.objects.get(event_type="core.user.create")
    assert event.new["username"] == "liuke" and event.new["role"] == "" and event.actor == org.sysadmin
    assert "password" not in event.new and ActivationCode.objects.filter(user=user).count() == 1


def test_create_rejects_duplicate_username_case_insensitively(org, login):
    html = _create(login(org.sysadmin), org, username="Principal").content.decode()
    assert "已存在" in html


def test_business_role_needs_a_unit(org, login):
    html = _create(login(org.sysadmin), org, org_unit="", requested_role=Role.CADRE).content.decode()
    assert "业务角色的用户必须指定所在单位" in html


def test_form_never_offers_superuser(org, login):
    client = login(org.sysadmin)
    html = client.get("/system/users/new/").content.decode()
    assert "is_superuser" not in html and "is_staff" not in html
    _create(client, org, is_superuser="on", is_staff="on")
    user = User.objects.get(username="liuke")
    assert not user.is_superuser and not user.is_staff


def test_the_sysadmins_form_offers_no_role_and_no_password(org, login):
    html = login(org.sysadmin).get("/system/users/new/").content.decode()
    assert '<select name="role"' not in html and 'name="password1"' not in html
    assert '<select name="requested_role"' in html and "拟任角色" in html


def test_edit_user_is_audited_with_old_and_new_values(org, login):
    client = login(org.sysadmin)
    response = client.post(f"/system/users/{org.cadre.pk}/edit/", {
        "username": "cadre", "display_name": "孙干部", "org_unit": org.theory.pk, "role": Role.STAFF,
        "title": "副科长", "phone": ""})
    assert response.status_code == 302
    org.cadre.refresh_from_db()
    assert org.cadre.role == Role.CADRE and org.cadre.org_unit == org.theory  # the role is not the sysadmin's
    event = AuditEvent.objects.get(event_type="core.user.update")
    assert event.old["title"] == "" and event.new["title"] == "副科长" and event.new["role"] == "cadre"
    assert event.old["org_unit"]["id"] == org.office.pk


def test_deactivate_and_reactivate(org, login, client, password):
    admin = login(org.sysadmin)
    admin.post(f"/system/users/{org.cadre.pk}/deactivate/")
    org.cadre.refresh_from_db()
    assert not org.cadre.is_active
    admin.post(f"/system/users/{org.cadre.pk}/activate/")
    org.cadre.refresh_from_db()
    assert org.cadre.is_active
    types = list(AuditEvent.objects.filter(subject_id=str(org.cadre.pk)).values_list("event_type", flat=True))
    assert "core.user.deactivate" in types and "core.user.activate" in types


def test_sysadmin_cannot_deactivate_self_or_other_admins(org, login):
    client = login(org.sysadmin)
    html = client.post(f"/system/users/{org.sysadmin.pk}/deactivate/", follow=True).content.decode()
    assert "不能停用自己的账号" in html
    html = client.post(f"/system/users/{org.auditor.pk}/deactivate/", follow=True).content.decode()
    assert "系统管理员不能停用审计管理员的账号" in html
    org.auditor.refresh_from_db()
    assert org.auditor.is_active


def test_reset_password_voids_it_and_shows_an_activation_slip_once(org, login):
    client = login(org.sysadmin)
    response = client.post(f"/system/users/{org.cadre.pk}/reset-password/")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    html = response.content.decode()
    code = html.split('data-testid="activation-code">')[1].split("<")[0]
    org.cadre.refresh_from_db()
    assert not org.cadre.has_usable_password() and not org.cadre.check_password(code)
    assert "只显示这一次" in html and "打印密封单" in html
    assert AuditEvent.objects.filter(event_type="core.user.reset_password").count() == 1
    assert code not in str(list(AuditEvent.objects.values_list("new", "old")))
    assert code not in str(list(ActivationCode.objects.values_list("code_hash", flat=True)))


def test_sysadmin_cannot_reset_the_auditors_password(org):
    with pytest.raises(ValidationError, match="审计管理员"):
        do_reset_password(org.sysadmin, org.auditor)


def test_reset_password_is_post_only(org, login):
    assert login(org.sysadmin).get(f"/system/users/{org.cadre.pk}/reset-password/").status_code == 405


@pytest.mark.parametrize("name", ["principal", "secadmin", "auditor", "cadre"])
def test_only_the_sysadmin_manages_users(org, login, name):
    client = login(getattr(org, name))
    assert client.get("/system/users/").status_code == 403
    assert client.post(f"/system/users/{org.cadre.pk}/deactivate/").status_code == 403
    assert client.post(f"/system/users/{org.cadre.pk}/reset-password/").status_code == 403
    org.cadre.refresh_from_db()
    assert org.cadre.is_active


def test_system_roles_land_on_their_pages(org, login):
    assert login(org.sysadmin).get("/").url == "/system/users/"
    assert login(org.secadmin).get("/").url == "/security/"
    assert login(org.auditor).get("/").url == "/audit/"
    for name, url in [("sysadmin", "/system/users/"), ("secadmin", "/security/"), ("auditor", "/audit/")]:
        assert login(getattr(org, name)).get(url).status_code == 200
