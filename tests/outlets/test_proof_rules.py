"""The proofreading rules as data the publicity staff own: who may add, change, disable and delete which
rule, what a valid rule is, and that every change is audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideowork.core.access import can
from ideowork.core.models import AuditEvent
from ideowork.outlets.actions.proofreading import (check_rule, do_delete_rule, do_save_rule,
                                                   do_toggle_rule)
from ideowork.outlets.models import ProofRule

pytestmark = pytest.mark.usefixtures("empty_rule_table")


def rule_data(**overrides):
    data = {"category": "confusable", "pattern": "截止目前", "suggestion": "截至目前", "severity": "error",
            "note": "表示时间点用“截至”", "exceptions": "", "outdated_after": None, "enabled": True}
    data.update(overrides)
    return data


def shipped(pattern="习总书记", **overrides):
    values = {"category": "formulation", "pattern": pattern, "suggestion": "习近平总书记", "severity": "error",
              "shipped_code": f"test-{pattern}"}
    values.update(overrides)
    return ProofRule.objects.create(**values)


# --- what a valid rule is ----------------------------------------------------------------------
@pytest.mark.parametrize("overrides, field, message", [
    ({"pattern": "  "}, "pattern", "查找内容不能为空"),
    ({"pattern": "字" * 51}, "pattern", "不能超过50个字"),
    ({"pattern": "截止\t目前"}, "pattern", "控制字符"),
    ({"pattern": "截止\u200b目前"}, "pattern", "不可见字符"),
    ({"suggestion": "截止目前"}, "suggestion", "与查找内容相同"),
    ({"exceptions": "截止日期"}, "exceptions", "不包含查找内容“截止目前”"),
    ({"exceptions": "截止目前"}, "exceptions", "永不生效"),
    ({"category": "nonsense"}, "category", "类别“nonsense”不能用于词语规则"),
    ({"severity": "fatal"}, "severity", "级别应为"),
    ({"category": "punctuation"}, "category", "不能用于词语规则"),
    ({"outdated_after": date(2025, 1, 1)}, "outdated_after", "只有“过时表述”"),
])
def test_a_bad_rule_is_refused_with_a_chinese_message_on_its_field(overrides, field, message):
    with pytest.raises(ValidationError) as exc:
        check_rule(**rule_data(**overrides))
    assert field in exc.value.message_dict
    assert message in " ".join(exc.value.message_dict[field])


def test_a_good_rule_is_cleaned():
    values = check_rule(**rule_data(pattern=" 截止 ", suggestion="截至", exceptions="截止日期\n截止日期；截止时间|\n"))
    assert values["pattern"] == "截止" and values["exceptions"] == "截止日期\n截止时间"


# --- who may change what -----------------------------------------------------------------------
def test_staff_add_a_rule_for_their_organ_and_it_is_audited(org):
    rule = do_save_rule(org.staff, None, **rule_data())
    assert rule.org_unit == org.city and rule.updated_by == org.staff
    event = AuditEvent.objects.get(event_type="outlets.proof_rule.create")
    assert event.actor == org.staff and event.new["pattern"] == "截止目前"

    county_rule = do_save_rule(org.county_staff, None, **rule_data(pattern="其它", suggestion="其他"))
    assert county_rule.org_unit == org.county_a


def test_a_cadre_may_not_add_rules(org):
    with pytest.raises(PermissionDenied):
        do_save_rule(org.cadre, None, **rule_data())
    assert not ProofRule.objects.exists()


def test_a_county_edits_only_its_own_rules(org):
    city_rule = do_save_rule(org.staff, None, **rule_data())
    county_rule = do_save_rule(org.county_staff, None, **rule_data(pattern="其它", suggestion="其他"))
    for user, rule in [(org.county_staff, city_rule), (org.other_county_staff, county_rule),
                       (org.gov_staff, city_rule), (org.staff, county_rule)]:
        assert not can(user, "change", rule)
        with pytest.raises(PermissionDenied):
            do_save_rule(user, rule, **rule_data(pattern="篡改"))
        with pytest.raises(PermissionDenied):
            do_toggle_rule(user, rule)
        with pytest.raises(PermissionDenied):
            do_delete_rule(user, rule)
    assert set(ProofRule.objects.values_list("pattern", "enabled")) == {("截止目前", True), ("其它", True)}

    do_save_rule(org.county_staff, county_rule, **rule_data(pattern="其它", suggestion="其他", severity="warning"))
    county_rule.refresh_from_db()
    assert county_rule.severity == "warning"


def test_shipped_rules_are_edited_by_the_top_level_organs_staff_only(org):
    rule = shipped()
    assert can(org.staff, "change", rule) and can(org.principal, "change", rule)
    assert not can(org.county_staff, "change", rule) and not can(org.cadre, "change", rule)
    with pytest.raises(PermissionDenied, match="内置规则由市级机关"):
        do_toggle_rule(org.county_staff, rule)

    do_save_rule(org.staff, rule, **rule_data(category="formulation", pattern="习总书记", suggestion="习近平总书记",
                                             note="称谓应规范"))
    rule.refresh_from_db()
    assert rule.note == "称谓应规范" and rule.updated_by == org.staff and rule.org_unit is None
    event = AuditEvent.objects.get(event_type="outlets.proof_rule.update")
    assert event.old["note"] == "" and event.new["note"] == "称谓应规范"


def test_toggle_disables_and_enables_with_an_audit_event(org):
    rule = shipped()
    do_toggle_rule(org.staff, rule)
    rule.refresh_from_db()
    assert not rule.enabled and rule.updated_by == org.staff
    do_toggle_rule(org.staff, rule, enabled=True)
    rule.refresh_from_db()
    assert rule.enabled
    assert list(AuditEvent.objects.filter(event_type__startswith="outlets.proof_rule.")
                .exclude(event_type="outlets.proof_rule.sync")  # the load at migrate time
                .order_by("pk").values_list("event_type", flat=True)) == [
        "outlets.proof_rule.disable", "outlets.proof_rule.enable"]


def test_delete_removes_a_custom_rule_and_disables_a_shipped_one(org):
    custom = do_save_rule(org.staff, None, **rule_data())
    assert do_delete_rule(org.staff, custom) == "deleted"
    assert not ProofRule.objects.filter(pk=custom.pk).exists()
    assert AuditEvent.objects.get(event_type="outlets.proof_rule.delete").old["pattern"] == "截止目前"

    builtin = shipped()
    assert do_delete_rule(org.staff, builtin) == "disabled"
    builtin.refresh_from_db()
    assert not builtin.enabled


def test_duplicates_are_refused(org):
    shipped("截止目前", category="confusable", suggestion="截至目前")
    with pytest.raises(ValidationError, match="内置规则中已有查找内容为“截止目前”"):
        do_save_rule(org.staff, None, **rule_data())
    do_save_rule(org.staff, None, **rule_data(pattern="其它", suggestion="其他"))
    with pytest.raises(ValidationError, match="“市委编办”的规则中已有"):
        do_save_rule(org.county_staff, None, **rule_data(pattern="其它", suggestion="其他"))
    # The other organ does not inherit the city's rules: the same pattern is theirs to add.
    do_save_rule(org.gov_staff, None, **rule_data(pattern="其它", suggestion="其他"))
    assert ProofRule.objects.filter(pattern="其它").count() == 2


def test_a_bad_edit_changes_nothing(org):
    rule = do_save_rule(org.staff, None, **rule_data())
    with pytest.raises(ValidationError):
        do_save_rule(org.staff, rule, **rule_data(pattern="字" * 60))
    rule.refresh_from_db()
    assert rule.pattern == "截止目前"
    assert not AuditEvent.objects.filter(event_type="outlets.proof_rule.update").exists()
