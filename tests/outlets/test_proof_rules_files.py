"""Loading the shipped rules, importing a rule file (all or nothing, every bad row named), exporting."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ideowork.core.models import AuditEvent
from ideowork.outlets.actions import proofreading as actions
from ideowork.outlets.actions.proofreading import (do_import_rules, do_save_rule, do_sync_shipped_rules,
                                                   do_toggle_rule, export_rules)
from ideowork.outlets.models import ProofRule
from ideowork.outlets.proofreading.rules import RuleSpec, parse_rule_file
from ideowork.outlets.proofreading_files import template_file
from tests.workbooks import workbook_bytes

pytestmark = pytest.mark.usefixtures("empty_rule_table")


def spec(code, pattern, suggestion="", **extra):
    return RuleSpec(code=code, category=code.split(".")[0], pattern=pattern, suggestion=suggestion or None,
                    severity=extra.pop("severity", "error"), note=extra.pop("note", ""), **extra)


SHIPPED = [spec("formulation.xizongshuji", "习总书记", "习近平总书记"),
           spec("confusable.jiezhimuqian", "截止目前", "截至目前", exceptions=("截止目前报名",)),
           spec("outdated.old", "旧提法", "新提法", outdated_after=date(2024, 1, 1))]


@pytest.fixture
def shipped(monkeypatch):
    rules = list(SHIPPED)
    monkeypatch.setattr(actions, "shipped_rules", lambda: list(rules))
    return rules


# --- the shipped rules -------------------------------------------------------------------------
def test_sync_loads_the_shipped_rules_and_is_idempotent(db, shipped):
    syncs_before = AuditEvent.objects.filter(event_type="outlets.proof_rule.sync").count()  # the load at migrate
    assert do_sync_shipped_rules() == {"added": 3, "updated": 0, "unchanged": 0, "kept": 0, "retired": 0}
    rule = ProofRule.objects.get(shipped_code="confusable.jiezhimuqian")
    assert (rule.org_unit, rule.category, rule.suggestion, rule.exceptions, rule.enabled) == (
        None, "confusable", "截至目前", "截止目前报名", True)
    assert ProofRule.objects.get(shipped_code="outdated.old").outdated_after == date(2024, 1, 1)
    assert do_sync_shipped_rules() == {"added": 0, "updated": 0, "unchanged": 3, "kept": 0, "retired": 0}
    assert ProofRule.objects.count() == 3
    assert AuditEvent.objects.filter(event_type="outlets.proof_rule.sync").count() == syncs_before + 1


def test_sync_updates_untouched_rules_keeps_edited_ones_and_retires_removed_ones(org, shipped):
    do_sync_shipped_rules()
    edited = ProofRule.objects.get(shipped_code="formulation.xizongshuji")
    do_toggle_rule(org.staff, edited)  # the city's staff disabled it: that is an edit to keep
    shipped[:] = [spec("formulation.xizongshuji", "习总书记", "习近平同志"),
                  spec("confusable.jiezhimuqian", "截止目前", "截至目前", note="新说明"),
                  spec("forbidden.new", "新禁用词")]
    counts = do_sync_shipped_rules(org.sysadmin)
    assert counts == {"added": 1, "updated": 1, "unchanged": 0, "kept": 1, "retired": 1}
    edited.refresh_from_db()
    assert not edited.enabled and edited.suggestion == "习近平总书记"
    updated = ProofRule.objects.get(shipped_code="confusable.jiezhimuqian")
    assert updated.note == "新说明" and updated.exceptions == "" and updated.updated_by is None
    assert not ProofRule.objects.get(shipped_code="outdated.old").enabled
    assert AuditEvent.objects.filter(event_type="outlets.proof_rule.sync", actor=org.sysadmin).exists()


def test_sync_does_not_touch_custom_rules(org, shipped):
    custom = do_save_rule(org.staff, None, category="custom", pattern="本单位词", suggestion="", severity="warning",
                          note="", exceptions="", outdated_after=None, enabled=True)
    do_sync_shipped_rules()
    do_sync_shipped_rules()
    assert ProofRule.objects.get(pk=custom.pk).enabled


# --- importing ---------------------------------------------------------------------------------
def tsv(text: str, name="规则.tsv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), "text/tab-separated-values")


def xlsx(rows, name="规则.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, workbook_bytes(rows, sheet="校对规则"))


GOOD_TSV = ("# 本单位规则\n"
            "custom.a\t编办专用词\t\twarning\t请核对\n"
            "\n"
            "confusable.b\t必需遵守\t必须遵守\terror\t\t必需遵守的\n"
            "outdated.c\t老机构名称\t新机构名称\t\t\t\t2025-01-01\n")


def test_a_tsv_file_in_the_shipped_format_is_imported_for_the_users_organ(org):
    result = do_import_rules(org.county_staff, tsv(GOOD_TSV))
    assert result.ok and len(result.created) == 3 and result.checked == 3
    rules = {r.pattern: r for r in ProofRule.objects.all()}
    assert set(rules) == {"编办专用词", "必需遵守", "老机构名称"}
    assert all(r.org_unit == org.county_a and r.updated_by == org.county_staff for r in rules.values())
    assert rules["必需遵守"].exceptions == "必需遵守的" and rules["编办专用词"].severity == "warning"
    assert rules["老机构名称"].outdated_after == date(2025, 1, 1) and rules["老机构名称"].category == "outdated"
    event = AuditEvent.objects.get(event_type="outlets.proof_rule.import")
    assert event.actor == org.county_staff and event.new["count"] == 3


def test_every_bad_row_is_named_and_nothing_is_imported(org):
    do_save_rule(org.staff, None, category="custom", pattern="已有词", suggestion="", severity="error", note="",
                 exceptions="", outdated_after=None, enabled=True)
    text = ("custom.ok\t好规则\n"                               # 1 fine
            "custom.bad pattern\t坏\n"                          # 2 bad code
            "numbering.x\t一、\n"                               # 3 structural category
            f"custom.long\t{'长' * 51}\n"                       # 4 too long
            "custom.ctl\t控\u200b制\n"                          # 5 invisible character
            "confusable.e\t截止\t截至\terror\t\t截至日期\n"       # 6 exception without the pattern
            "custom.dup\t好规则\n"                               # 7 duplicate of line 1
            "custom.old\t已有词\n"                               # 8 duplicate of the city's rule
            "custom.sev\t级别\t\tfatal\n"                        # 9 bad severity
            "custom.day\t日期\t\t\t\t\t2025-13-01\n")            # 10 bad date
    result = do_import_rules(org.staff, tsv(text))
    assert not result.ok and result.created == []
    lines = {int(e.split("行")[0][1:]): e for e in result.errors}
    assert sorted(lines) == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert "规则编号“custom.bad pattern”格式不对" in lines[2]
    assert "未知的规则类别“numbering”" in lines[3]
    assert "过长" in lines[4] and "不可见字符" in lines[5] and "截至日期" in lines[6]
    assert "与第1行的查找内容“好规则”重复" in lines[7]
    assert "“市委编办”的规则中已有查找内容为“已有词”" in lines[8]
    assert "fatal" in lines[9] and "2025-13-01" in lines[10]
    assert ProofRule.objects.count() == 1


def test_an_excel_file_with_the_same_columns_is_imported(org):
    upload = xlsx([["查找内容", "建议改为", "类别", "级别", "说明", "例外语境", "过时日期"],
                   ["截止目前", "截至目前", "易混词", "错误", "", "截止目前报名|截止目前为止的", ""],
                   ["某慎用词", "", "慎用词", "提示", "谨慎使用", "", ""]])
    result = do_import_rules(org.staff, upload)
    assert result.ok and len(result.created) == 2
    rule = ProofRule.objects.get(pattern="截止目前")
    assert rule.category == "confusable" and rule.exceptions == "截止目前报名\n截止目前为止的"
    assert ProofRule.objects.get(pattern="某慎用词").severity == "warning"


def test_excel_rows_are_checked_with_their_row_numbers(org):
    upload = xlsx([["查找内容", "建议改为", "类别", "级别"],
                   ["好词", "", "自定义", "错误"],
                   ["", "只有建议", "自定义", "错误"],
                   ["坏类别", "", "标点符号", "错误"],
                   ["坏级别", "", "自定义", "严重"]])
    result = do_import_rules(org.staff, upload)
    assert [e.split("：")[0] for e in result.errors] == ["第3行", "第4行", "第5行"]
    assert "查找内容为空" in result.errors[0] and "不能用于词语规则" in result.errors[1]
    assert not ProofRule.objects.exists()


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("规则.pdf", b"%PDF-1.4 ..."), "类型不受支持"),
    (SimpleUploadedFile("规则.xlsx", "不是表格".encode()), "内容与扩展名不符"),
    (SimpleUploadedFile("规则.tsv", b"custom.a\t\xe4\xb8\xad\xff\xfe\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87" * 30),
     "编码"),
    (SimpleUploadedFile("规则.tsv", b"custom.a\t\x07\x01bin\n"), "不是纯文本"),
    (SimpleUploadedFile("规则.tsv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100), "内容与扩展名不符（扩展名为.tsv"),
    (SimpleUploadedFile("规则.tsv", b"# only a comment\n\n"), "没有规则"),
    (SimpleUploadedFile("规则.tsv", b""), "空文件"),
])
def test_an_unusable_file_is_refused_as_a_whole(org, upload, message):
    with pytest.raises(ValidationError, match=message):
        do_import_rules(org.staff, upload)
    assert not ProofRule.objects.exists()


def test_only_publicity_staff_import(org):
    with pytest.raises(PermissionDenied):
        do_import_rules(org.cadre, tsv(GOOD_TSV))
    assert not ProofRule.objects.exists()


# --- exporting and the templates ---------------------------------------------------------------
def test_exported_tsv_is_the_shipped_format_and_imports_again(org, shipped):
    do_sync_shipped_rules()
    do_import_rules(org.staff, tsv(GOOD_TSV))
    name, content, mime = export_rules(org.staff, fmt="tsv")
    assert name.endswith(".tsv") and "市委编办自定义校对规则" in name and mime.startswith("text/tab-separated-values")
    text = content.decode("utf-8")
    specs = parse_rule_file(text, source=name)
    assert {s.pattern for s in specs} == {"编办专用词", "必需遵守", "老机构名称"}
    ProofRule.objects.filter(org_unit=org.city).delete()
    assert do_import_rules(org.staff, tsv(text)).ok

    _, everything, _ = export_rules(org.staff, fmt="tsv", include_shipped=True)
    assert "formulation.xizongshuji\t习总书记\t习近平总书记" in everything.decode()


def test_exported_excel_imports_again(org):
    do_import_rules(org.county_staff, tsv(GOOD_TSV))
    name, content, _ = export_rules(org.county_staff, fmt="xlsx")
    ProofRule.objects.all().delete()
    result = do_import_rules(org.county_staff, SimpleUploadedFile(name, content))
    assert result.ok and len(result.created) == 3


def test_the_templates_parse(org):
    _, content, _ = template_file("tsv")
    assert len(parse_rule_file(content.decode("utf-8"), source="模板")) == 3
    _, content, _ = template_file("xlsx")
    assert do_import_rules(org.staff, SimpleUploadedFile("模板.xlsx", content)).ok


def test_the_sync_command_loads_the_real_shipped_files(db):
    from django.core.management import call_command

    from ideowork.outlets.proofreading import shipped_rules

    out = io.StringIO()
    call_command("sync_proof_rules", stdout=out)
    assert f"新增{len(shipped_rules())}条" in out.getvalue()
    assert ProofRule.objects.filter(org_unit__isnull=True).count() == len(shipped_rules())
    out = io.StringIO()
    call_command("sync_proof_rules", stdout=out)
    assert "新增0条" in out.getvalue() and f"未变{len(shipped_rules())}条" in out.getvalue()


def test_reset_undoes_local_edits_and_lets_later_loads_update_the_rule(org, shipped, login):
    from django.urls import reverse

    from ideowork.outlets.actions.proofreading import do_reset_rule

    do_sync_shipped_rules()
    rule = ProofRule.objects.get(shipped_code="formulation.xizongshuji")
    do_save_rule(org.staff, rule, category="formulation", pattern="习总书记", suggestion="习近平同志", severity="warning",
                 note="本地修改", exceptions="", outdated_after=None, enabled=False)
    with pytest.raises(PermissionDenied):
        do_reset_rule(org.county_staff, rule)
    response = login(org.staff).post(reverse("outlets:rule_reset", args=[rule.pk]), follow=True)
    assert "已恢复为系统提供的版本" in response.content.decode()
    rule.refresh_from_db()
    assert (rule.suggestion, rule.severity, rule.note, rule.enabled, rule.updated_by) == (
        "习近平总书记", "error", "", True, None)
    assert AuditEvent.objects.get(event_type="outlets.proof_rule.reset").old["note"] == "本地修改"
    shipped[0] = spec("formulation.xizongshuji", "习总书记", "习近平总书记", note="新版说明")
    assert do_sync_shipped_rules()["updated"] == 1

    custom = do_save_rule(org.staff, None, category="custom", pattern="本单位词", suggestion="", severity="warning",
                          note="", exceptions="", outdated_after=None, enabled=True)
    with pytest.raises(ValidationError, match="只有内置规则"):
        do_reset_rule(org.staff, custom)
