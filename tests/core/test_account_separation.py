"""三员分立, walked in full: every actor role × every target role × every account action, once through
the services and once through the pages (POST). A refused action changes nothing: not the account,
not its activation codes, not the audit trail.

Rules: the 系统管理员 creates and maintains accounts but never grants a role and never touches the
other administrators' accounts or their own status; only the 安全管理员 grants or changes a role,
never their own, never an administrator's, and an administrator role only to an account without one.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ideowork.core.actions.security import do_grant_role
from ideowork.core.actions.users import do_create_user, do_reset_password, do_set_user_active, do_update_user
from ideowork.core.choices import SYSTEM_ROLES, Role
from ideowork.core.models import ActivationCode, AuditEvent, User
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ACTORS = ["principal", "deputy", "section_chief", "staff", "supervisor", "cadre", "sysadmin", "secadmin", "auditor"]
TARGET_ROLES = ["", *Role.values]  # "" is an account waiting for its role (待授权)
ACTIONS = ["create", "grant", "reset", "deactivate", "edit"]


class Rollback(Exception):
    pass


def _targets(org):
    """One account per target role (not the actor's own), plus the actor themself as "self"."""
    out = {}
    for role in TARGET_ROLES:
        unit = org.city if role in SYSTEM_ROLES else org.office
        out[role or "pending"] = make_user(f"t_{role or 'pending'}", role, unit, f"目标{role or '待授权'}")
    return out


def _state(user: User):
    user.refresh_from_db()
    return ({f.attname: getattr(user, f.attname) for f in User._meta.concrete_fields},
            ActivationCode.objects.filter(user=user).count(), AuditEvent.objects.count())


def expected(action: str, actor: User, target: User, new_role: str = "") -> bool:
    me = target.pk == actor.pk
    admin_target = target.role in SYSTEM_ROLES
    if action == "create":
        return actor.is_sysadmin
    if action in ("reset", "deactivate"):
        return actor.is_sysadmin and not me and not admin_target
    if action == "edit":
        return actor.is_sysadmin and (me or not admin_target)
    if action == "grant":
        return (actor.is_secadmin and not me and not admin_target and new_role != target.role
                and (new_role not in SYSTEM_ROLES or target.role == ""))
    raise AssertionError(action)


def _call(action, actor, target, new_role):
    if action == "grant":
        return do_grant_role(actor, target, new_role)
    if action == "reset":
        return do_reset_password(actor, target)
    if action == "deactivate":
        return do_set_user_active(actor, target, False)
    if action == "edit":
        return do_update_user(actor, target, title="改过的职务")
    raise AssertionError(action)


def _changed(action, target, new_role) -> bool:
    target.refresh_from_db()
    return {"grant": target.role == new_role, "reset": not target.has_usable_password(),
            "deactivate": not target.is_active, "edit": target.title == "改过的职务"}[action]


@pytest.mark.parametrize("actor_name", ACTORS)
def test_services_allow_exactly_the_rules(org, actor_name):
    actor = getattr(org, actor_name)
    targets = {**_targets(org), "self": actor}
    checked = 0
    for key, target in targets.items():
        for action in ACTIONS[1:]:
            for new_role in (TARGET_ROLES if action == "grant" else [""]):
                before = _state(target)  # refreshes the target: a rolled-back action left it changed in memory
                allowed = expected(action, actor, target, new_role)
                try:
                    with transaction.atomic():
                        try:
                            _call(action, actor, target, new_role)
                        except (PermissionDenied, ValidationError):
                            assert not allowed, f"{actor_name} was refused {action} on {key} → {new_role!r}"
                            assert _state(target) == before, f"refused {action} on {key} changed something"
                        else:
                            assert allowed, f"{actor_name} may {action} on {key} → {new_role!r}"
                            assert _changed(action, target, new_role), f"{action} on {key} did nothing"
                            assert AuditEvent.objects.count() > before[2], f"{action} on {key} not audited"
                        raise Rollback
                except Rollback:
                    pass
                checked += 1
    assert checked == len(targets) * (len(TARGET_ROLES) + 3)


@pytest.mark.parametrize("actor_name", ACTORS)
def test_create_never_grants_a_role(org, actor_name):
    actor = getattr(org, actor_name)
    for role in TARGET_ROLES:
        for given in ({"role": role}, {"requested_role": role}):
            before = (User.objects.count(), AuditEvent.objects.count())
            fields = {"username": "newbie", "display_name": "新人", "org_unit": org.office, **given}
            try:
                with transaction.atomic():
                    issued = do_create_user(actor, **fields)
                    assert actor.is_sysadmin and not given.get("role"), f"{actor_name} created with {given}"
                    assert issued.user.role == "" and not issued.user.has_usable_password()
                    raise Rollback
            except (PermissionDenied, ValidationError):
                assert not (actor.is_sysadmin and not given.get("role")), f"{actor_name} refused {given}"
                assert (User.objects.count(), AuditEvent.objects.count()) == before
            except Rollback:
                pass


def test_the_sysadmin_never_changes_a_role_through_edit(org):
    for target in (org.cadre, org.principal, org.sysadmin):
        for role in Role.values:
            if role == target.role:
                continue
            with pytest.raises(ValidationError):
                do_update_user(org.sysadmin, target, role=role)
            target.refresh_from_db()
            assert target.role != role


# --- the same through the pages ------------------------------------------------------------------

def _post(client, action, target, new_role):
    if action == "create":
        return client.post("/system/users/new/", {"username": "newbie", "display_name": "新人",
                                                  "org_unit": target.org_unit_id or "", "requested_role": target.role,
                                                  "role": Role.HEAD})
    if action == "grant":
        return client.post(f"/security/accounts/{target.pk}/role/", {"role": new_role})
    if action == "reset":
        return client.post(f"/system/users/{target.pk}/reset-password/")
    if action == "deactivate":
        return client.post(f"/system/users/{target.pk}/deactivate/")
    if action == "edit":
        return client.post(f"/system/users/{target.pk}/edit/", {
            "username": target.username, "display_name": target.display_name,
            "org_unit": target.org_unit_id or "", "requested_role": target.requested_role, "title": "改过的职务",
            "phone": target.phone, "role": Role.HEAD})
    raise AssertionError(action)


@pytest.mark.parametrize("actor_name", ACTORS)
def test_pages_allow_exactly_the_rules(org, login, actor_name):
    actor = getattr(org, actor_name)
    targets = {**_targets(org), "self": actor}
    client = login(actor)
    client.get("/notifications/")  # the session exists before the first savepoint
    for key, target in targets.items():
        for action in ACTIONS:
            for new_role in ((Role.CADRE if target.role != Role.CADRE else Role.STAFF, Role.AUDITOR)
                             if action == "grant" else ("",)):
                before = _state(target)  # refreshes the target: a rolled-back action left it changed in memory
                allowed = expected(action, actor, target, new_role)
                users_before = User.objects.count()
                try:
                    with transaction.atomic():
                        response = _post(client, action, target, new_role)
                        assert response.status_code < 500
                        if action == "create":
                            assert (User.objects.count() > users_before) == allowed, f"{actor_name} create"
                            if allowed:
                                assert User.objects.get(username="newbie").role == ""
                        elif allowed:
                            assert _changed(action, target, new_role), f"{actor_name} {action} {key} did nothing"
                        else:
                            assert _state(target) == before, f"{actor_name} {action} on {key} changed something"
                        if not allowed:
                            assert AuditEvent.objects.count() == before[2]
                            assert response.status_code in (200, 302, 403), response.status_code
                        raise Rollback
                except Rollback:
                    pass
    actor.refresh_from_db()
    assert actor.role == {"principal": Role.HEAD}.get(actor_name, actor.role)


def test_a_refused_grant_says_why_in_chinese(org, login):
    client = login(org.secadmin)
    html = client.post(f"/security/accounts/{org.auditor.pk}/role/", {"role": Role.CADRE}).content.decode()
    assert "审计管理员账号的角色不能变更" in html
    html = client.post(f"/security/accounts/{org.cadre.pk}/role/", {"role": Role.AUDITOR}).content.decode()
    assert "管理员角色只能授予尚未授权的账号" in html
    assert login(org.secadmin).get(f"/security/accounts/{org.secadmin.pk}/role/").status_code == 200
    html = client.post(f"/security/accounts/{org.secadmin.pk}/role/", {"role": Role.HEAD}).content.decode()
    assert "不能给自己授予或变更角色" in html
    org.auditor.refresh_from_db(), org.cadre.refresh_from_db(), org.secadmin.refresh_from_db()
    assert (org.auditor.role, org.cadre.role, org.secadmin.role) == (Role.AUDITOR, Role.CADRE, Role.SECADMIN)


def test_a_grant_is_audited_and_the_person_told(org, login, django_capture_on_commit_callbacks):
    pending = make_user("newbie", "", org.office, "新人")
    with django_capture_on_commit_callbacks(execute=True):
        response = login(org.secadmin).post(f"/security/accounts/{pending.pk}/role/", {"role": Role.STAFF})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.role == Role.STAFF
    event = AuditEvent.objects.get(event_type="core.user.grant_role")
    assert event.old == {"role": ""} and event.new == {"role": "staff"} and event.actor == org.secadmin
    assert pending.notifications.filter(title__contains="专职工作人员").exists()


def test_a_pending_account_reaches_only_its_personal_pages(org, login):
    pending = make_user("newbie", "", org.office, "新人")
    client = login(pending)
    assert client.get("/").url == "/account/pending/"
    assert "尚未被授予角色" in client.get("/account/pending/").content.decode()
    assert client.get("/ledger/").url == "/account/pending/"
    assert client.get("/notifications/").status_code == 200
    assert client.get("/account/password/").status_code == 200


def test_the_secadmin_grants_requested_roles_in_bulk_each_checked(org, login):
    asked = [make_user(f"new{n}", "", org.office, f"新人{n}", requested_role=role)
             for n, role in enumerate([Role.CADRE, Role.STAFF, Role.AUDITOR])]
    no_request = make_user("plain", "", org.office, "无拟任")
    ids = [u.pk for u in [*asked, no_request, org.cadre]]
    html = login(org.secadmin).post("/security/accounts/grant-requested/", {"account": ids}, follow=True
                                    ).content.decode()
    assert "已按拟任角色为3个账号授予角色" in html
    assert "未授予：无拟任（plain）：未填写拟任角色" in html and "未授予：孙干部（cadre）：已有角色" in html
    assert [User.objects.get(pk=u.pk).role for u in asked] == [Role.CADRE, Role.STAFF, Role.AUDITOR]
    assert AuditEvent.objects.filter(event_type="core.user.grant_role").count() == 3
    assert login(org.sysadmin).post("/security/accounts/grant-requested/", {"account": [no_request.pk]}
                                    ).status_code == 403


def test_no_administrator_signs_in_as_a_business_user_through_a_reset(org):
    """The 系统管理员 resets any business account it may reset and redeems the slip it was shown:
    the password never takes effect without a 安全管理员 (a second person) confirming it; and the
    安全管理员 never sees a slip, so neither gains another person's powers alone."""
    from django.test import Client

    from ideowork.core.actions.activation import awaiting_confirmation, do_activate_account

    own = "Na-Lai-Yong-Yong-2026!"
    targets = _targets(org)
    for key, target in targets.items():
        if target.role in SYSTEM_ROLES or not target.role:
            continue  # administrators cannot be reset; an account without a role holds no powers
        issued = do_reset_password(org.sysadmin, target)
        do_activate_account(target.username, issued.code, own)
        assert Client().post("/login/", {"username": target.username, "password": own}).status_code == 200, key
        assert awaiting_confirmation(target) is not None, key
