"""The capability registry: each area registers what roles may do; core names none of them."""

import pytest

from ideowork.core.capabilities import (UnknownCapability, capabilities, capabilities_of, get_capability,
                                        register_capability)
from ideowork.core.choices import SYSTEM_ROLES, Role
from ideowork.core.models import User

AREA_CAPABILITIES = {"plans.edit", "ledger.record", "learning.manage", "outlets.publish"}


def test_every_area_registers_its_capabilities_with_a_chinese_label():
    registered = {capability.code for capability in capabilities()}
    assert AREA_CAPABILITIES <= registered
    for capability in capabilities():
        assert capability.label and all(ord(ch) < 128 for ch in capability.code)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in capability.label), capability.code


def test_system_roles_hold_no_capability():
    for role in SYSTEM_ROLES:
        assert capabilities_of(role) == frozenset()
    with pytest.raises(ValueError):
        register_capability("test.bad", "坏的", roles={Role.SYSADMIN})


def test_a_capability_is_registered_once_with_one_definition():
    capability = get_capability("learning.manage")
    assert register_capability(capability.code, capability.label, roles=capability.roles) == capability
    with pytest.raises(ValueError):
        register_capability(capability.code, "别的说明", roles=capability.roles)


def test_an_unknown_capability_is_an_error_not_a_silent_no():
    user = User(username="x", role=Role.HEAD)
    with pytest.raises(UnknownCapability):
        user.has_capability("learning.mange")


@pytest.mark.parametrize("role, expected", [
    (Role.HEAD, AREA_CAPABILITIES),
    (Role.STAFF, AREA_CAPABILITIES),
    (Role.SECTION_CHIEF, {"ledger.record", "learning.manage", "outlets.publish"}),
    (Role.SUPERVISOR, {"ledger.record"}),
    (Role.CADRE, set()),
    (Role.AUDITOR, set()),
])
def test_roles_hold_the_capabilities_they_held_as_role_lists(role, expected):
    user = User(username="x", role=role)
    assert user.capabilities & AREA_CAPABILITIES == expected
    assert all(user.has_capability(code) == (code in expected) for code in AREA_CAPABILITIES)


def test_an_inactive_user_holds_nothing():
    user = User(username="x", role=Role.HEAD, is_active=False)
    assert user.capabilities == frozenset()
    assert not user.has_capability("plans.edit")
