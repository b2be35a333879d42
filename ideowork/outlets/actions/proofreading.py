"""The proofreader's word rules: loading the shipped ones, and the publicity staff's edits and imports.

Who may change what:
- a custom rule belongs to the organ (or county bureau) of the user who made it; only the publicity
  staff (``user.has_capability("outlets.publish")``) of that organ change it;
- the shipped rules (``org_unit`` empty) apply to every text; the publicity staff of a top-level organ
  (depth 0) may edit or disable them, nobody deletes them (a deleted one would come back with the
  next load). An edited shipped rule keeps its edit: ``updated_by`` set means the next
  ``do_sync_shipped_rules`` leaves it alone.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ideowork.core.access import can
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require

from ..choices import RuleCategory, Severity
from ..models import ProofRule
from ..proofreading import MAX_PATTERN_LENGTH, WORD_CATEGORIES, shipped_rules
from ..proofreading_files import read_rule_file, write_rule_file

__all__ = ["PATTERN_MAX", "RULE_FIELDS", "RULE_CATEGORIES", "RuleImport", "rule_owner", "can_add_rules",
           "require_rule_editor", "check_rule", "split_exceptions", "do_sync_shipped_rules",
           "do_save_rule", "do_toggle_rule", "do_delete_rule", "do_reset_rule", "do_import_rules", "export_rules"]

PATTERN_MAX = MAX_PATTERN_LENGTH
# Rows are word rules; numbering, punctuation, pairing, width … are the engine's structural checks.
RULE_CATEGORIES = [(value, label) for value, label in RuleCategory.choices if value in WORD_CATEGORIES]
SUGGESTION_MAX = 100
EXCEPTION_MAX = 100
EXCEPTIONS_MAX = 20
RULE_FIELDS = ["category", "pattern", "suggestion", "severity", "note", "exceptions", "outdated_after", "enabled"]
AUDITED = ["org_unit", *RULE_FIELDS, "shipped_code"]


# --- who may do what ---------------------------------------------------------------------------
def rule_owner(user: User) -> OrgUnit | None:
    """The unit a user's custom rules belong to: their organ or county bureau."""
    return user.scope_root


def can_add_rules(user: User) -> bool:
    return bool(user.is_active and user.has_capability("outlets.publish") and rule_owner(user) is not None)


def require_rule_editor(user: User, rule: ProofRule) -> None:
    """Refuse, in Chinese, unless ``user`` may change ``rule`` under its declared policy
    (``ProofRuleQuerySet.actions``); the message says why."""
    if can(user, "change", rule):
        return
    require(can_add_rules(user), "只有宣传工作人员可以维护校对规则。")
    if rule.org_unit_id is None:
        raise PermissionDenied("内置规则由市级机关的宣传工作人员维护，您可以为本单位添加规则。")
    raise PermissionDenied(f"该规则属于“{rule.org_unit.display_name}”，只能由该单位的宣传工作人员修改。")


# --- checking one rule -------------------------------------------------------------------------
def split_exceptions(value) -> list[str]:
    """Exception phrases from a text (one per line; “|”, “；” or “;” also separate) or a list, cleaned."""
    if isinstance(value, str):
        for separator in ("|", "｜", "；", ";"):
            value = value.replace(separator, "\n")
        value = value.splitlines()
    return list(dict.fromkeys(p.strip() for p in value or () if p and p.strip()))


def _bad_characters(value: str) -> str:
    """The control or invisible characters in ``value``, named for a message ("" when none)."""
    bad = sorted({c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")})
    return "、".join(f"U+{ord(c):04X}" for c in bad)


def check_rule(*, category: str, pattern: str, suggestion: str = "", severity: str = Severity.ERROR,
               note: str = "", exceptions="", outdated_after: date | None = None, enabled: bool = True) -> dict:
    """Validate one rule's content; return the cleaned values for the model's fields.

    Raises ValidationError with Chinese messages keyed by field.
    """
    errors: dict[str, list[str]] = {}
    pattern = (pattern or "").strip()
    suggestion = (suggestion or "").strip()
    note = (note or "").strip()
    phrases = split_exceptions(exceptions)
    if category not in WORD_CATEGORIES:
        errors["category"] = [f"类别“{category}”不能用于词语规则，应为{'、'.join(label for _, label in RULE_CATEGORIES)}之一。"]
    if not pattern:
        errors["pattern"] = ["查找内容不能为空。"]
    elif len(pattern) > PATTERN_MAX:
        errors["pattern"] = [f"查找内容不能超过{PATTERN_MAX}个字（现为{len(pattern)}个）。"]
    elif bad := _bad_characters(pattern):
        errors["pattern"] = [f"查找内容含有控制字符或不可见字符（{bad}），请删除后重新输入。"]
    if len(suggestion) > SUGGESTION_MAX:
        errors["suggestion"] = [f"建议改为不能超过{SUGGESTION_MAX}个字。"]
    elif bad := _bad_characters(suggestion):
        errors["suggestion"] = [f"建议改为含有控制字符或不可见字符（{bad}）。"]
    elif pattern and suggestion == pattern:
        errors["suggestion"] = ["建议改为与查找内容相同，请填写正确的写法，或留空。"]
    if severity not in Severity.values:
        errors["severity"] = [f"级别应为{'、'.join(Severity.labels)}之一。"]
    if len(note) > 300:
        errors["note"] = ["说明不能超过300个字。"]
    elif _bad_characters(note):
        errors["note"] = ["说明含有控制字符或不可见字符。"]
    exception_errors = []
    if len(phrases) > EXCEPTIONS_MAX:
        exception_errors.append(f"例外语境最多{EXCEPTIONS_MAX}条。")
    for phrase in phrases:
        if len(phrase) > EXCEPTION_MAX:
            exception_errors.append(f"例外语境“{phrase[:20]}…”超过{EXCEPTION_MAX}个字。")
        elif _bad_characters(phrase):
            exception_errors.append(f"例外语境“{phrase}”含有控制字符或不可见字符。")
        elif pattern and "pattern" not in errors and pattern not in phrase:
            exception_errors.append(f"例外语境“{phrase}”中不包含查找内容“{pattern}”。")
        elif phrase == pattern:
            exception_errors.append(f"例外语境“{phrase}”与查找内容完全相同，会使规则永不生效。")
    if exception_errors:
        errors["exceptions"] = exception_errors
    if outdated_after is not None and category in WORD_CATEGORIES and category != RuleCategory.OUTDATED:
        errors["outdated_after"] = ["只有“过时表述”类规则需要填写过时日期。"]
    if errors:
        raise ValidationError(errors)
    return {"category": category, "pattern": pattern, "suggestion": suggestion, "severity": severity,
            "note": note, "exceptions": "\n".join(phrases), "outdated_after": outdated_after,
            "enabled": bool(enabled)}


def _duplicate(owner: OrgUnit | None, pattern: str, exclude_pk=None) -> ProofRule | None:
    """A rule that already looks for ``pattern`` in the texts ``owner``'s rules check."""
    qs = ProofRule.objects.applying_to(owner) if owner is not None else ProofRule.objects.filter(
        org_unit__isnull=True)
    qs = qs.filter(pattern=pattern).select_related("org_unit")
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.order_by("org_unit_id", "pk").first()


def _duplicate_message(rule: ProofRule) -> str:
    where = "内置规则" if rule.org_unit_id is None else f"“{rule.org_unit.display_name}”的规则"
    state = "" if rule.enabled else "（已停用，可重新启用）"
    return f"{where}中已有查找内容为“{rule.pattern}”的规则{state}，请直接修改该规则。"


# --- the shipped rules -------------------------------------------------------------------------
def _spec_values(spec) -> dict:
    return {"category": spec.category, "pattern": spec.pattern, "suggestion": spec.suggestion or "",
            "severity": spec.severity, "note": spec.note or "", "exceptions": "\n".join(spec.exceptions or ()),
            "outdated_after": spec.outdated_after}


def do_sync_shipped_rules(user: User | None = None) -> dict:
    """Load the shipped rule files into ``ProofRule`` rows, keyed by ``shipped_code``.

    New rules are added; rows nobody edited take the file's current content (and are disabled when
    the file no longer has them); rows a user edited (``updated_by`` set) are left as they are.
    Returns the counts: added, updated, unchanged, kept (edited locally), retired. Idempotent.
    """
    specs = {spec.code: spec for spec in shipped_rules()}
    counts = {"added": 0, "updated": 0, "unchanged": 0, "kept": 0, "retired": 0}
    now = timezone.now()
    with transaction.atomic():
        rows = {r.shipped_code: r for r in ProofRule.objects.select_for_update().exclude(shipped_code="")}
        new_rows, changed = [], []
        for code, spec in specs.items():
            values = {**_spec_values(spec), "enabled": True}
            row = rows.get(code)
            if row is None:
                new_rows.append(ProofRule(shipped_code=code, org_unit=None, **values))
                counts["added"] += 1
            elif row.updated_by_id is not None:
                counts["kept"] += 1
            elif any(getattr(row, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                row.updated_at = now
                changed.append(row)
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        for code, row in rows.items():
            if code not in specs and row.updated_by_id is None and row.enabled:
                row.enabled, row.updated_at = False, now
                changed.append(row)
                counts["retired"] += 1
        ProofRule.objects.bulk_create(new_rows, batch_size=500)
        ProofRule.objects.bulk_update(changed, [*RULE_FIELDS, "updated_at"], batch_size=500)
        if counts["added"] or counts["updated"] or counts["retired"]:
            record("outlets.proof_rule.sync", None, actor=user, subject_repr="内置校对规则", new=counts)
    return counts


# --- one rule ----------------------------------------------------------------------------------
def do_save_rule(user: User, rule: ProofRule | None, *, category: str, pattern: str, suggestion: str = "",
                 severity: str = Severity.ERROR, note: str = "", exceptions="", outdated_after: date | None = None,
                 enabled: bool = True) -> ProofRule:
    """Create a custom rule of the user's organ (``rule`` None) or change an existing rule."""
    require(can_add_rules(user), "只有宣传工作人员可以维护校对规则。")
    if rule is not None:
        require_rule_editor(user, rule)
    values = check_rule(category=category, pattern=pattern, suggestion=suggestion, severity=severity, note=note,
                        exceptions=exceptions, outdated_after=outdated_after, enabled=enabled)
    with transaction.atomic():
        if rule is None:
            owner = rule_owner(user)
            dup = _duplicate(owner, values["pattern"])
            if dup is not None:
                raise ValidationError({"pattern": _duplicate_message(dup)})
            rule = ProofRule.objects.create(org_unit=owner, updated_by=user, **values)
            record("outlets.proof_rule.create", rule, actor=user, new=snapshot(rule, AUDITED))
            return rule
        rule = ProofRule.objects.select_for_update(of=("self",)).select_related("org_unit").get(pk=rule.pk)
        if values["pattern"] != rule.pattern:
            dup = _duplicate(rule.org_unit, values["pattern"], exclude_pk=rule.pk)
            if dup is not None:
                raise ValidationError({"pattern": _duplicate_message(dup)})
        old = snapshot(rule, AUDITED)
        for name, value in values.items():
            setattr(rule, name, value)
        new = snapshot(rule, AUDITED)
        if new != old:
            rule.updated_by = user
            rule.save()
            record("outlets.proof_rule.update", rule, actor=user, old=old, new=new)
    return rule


def do_toggle_rule(user: User, rule: ProofRule, enabled: bool | None = None) -> ProofRule:
    """Enable or disable a rule (flip it when ``enabled`` is None)."""
    require_rule_editor(user, rule)
    with transaction.atomic():
        rule = ProofRule.objects.select_for_update(of=("self",)).select_related("org_unit").get(pk=rule.pk)
        target = (not rule.enabled) if enabled is None else bool(enabled)
        if target == rule.enabled:
            return rule
        if target and (dup := _duplicate(rule.org_unit, rule.pattern, exclude_pk=rule.pk)) and dup.enabled:
            raise ValidationError(f"{_duplicate_message(dup)}两条规则不能同时启用。")
        rule.enabled, rule.updated_by = target, user
        rule.save(update_fields=["enabled", "updated_by", "updated_at"])
        record("outlets.proof_rule.enable" if target else "outlets.proof_rule.disable", rule, actor=user,
               old={"enabled": not target}, new={"enabled": target})
    return rule


def do_delete_rule(user: User, rule: ProofRule) -> str:
    """Delete a custom rule; a shipped rule is disabled instead. Returns "deleted" or "disabled"."""
    require_rule_editor(user, rule)
    if rule.org_unit_id is None:
        do_toggle_rule(user, rule, enabled=False)
        return "disabled"
    with transaction.atomic():
        rule = ProofRule.objects.select_for_update(of=("self",)).select_related("org_unit").get(pk=rule.pk)
        old = snapshot(rule, AUDITED)
        record("outlets.proof_rule.delete", rule, actor=user, old=old)
        rule.delete()
    return "deleted"


def do_reset_rule(user: User, rule: ProofRule) -> ProofRule:
    """Undo the local edits of a shipped rule: it takes the shipped file's content again, and later
    loads of the shipped rules update it."""
    require_rule_editor(user, rule)
    if rule.org_unit_id is not None:
        raise ValidationError("只有内置规则可以恢复为系统提供的版本。")
    spec = next((s for s in shipped_rules() if s.code == rule.shipped_code), None)
    if spec is None:
        raise ValidationError("系统提供的规则中已没有这条规则，无法恢复；可以停用它。")
    with transaction.atomic():
        rule = ProofRule.objects.select_for_update().get(pk=rule.pk)
        old = snapshot(rule, AUDITED)
        for name, value in {**_spec_values(spec), "enabled": True}.items():
            setattr(rule, name, value)
        rule.updated_by = None
        rule.save()
        record("outlets.proof_rule.reset", rule, actor=user, old=old, new=snapshot(rule, AUDITED))
    return rule


# --- files of rules ----------------------------------------------------------------------------
@dataclass
class RuleImport:
    """The outcome of an import: the rules created, or every problem found (and nothing imported)."""

    filename: str = ""
    checked: int = 0
    created: list[ProofRule] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # each "第N行：…"

    @property
    def ok(self) -> bool:
        return not self.errors


def do_import_rules(user: User, uploaded) -> RuleImport:
    """Import a rule file (UTF-8 TSV in the shipped files' format, or .xlsx with the same columns) as
    custom rules of the user's organ, all or none.

    File-level problems (type, size, encoding, missing columns) raise ValidationError; row problems are
    returned in ``RuleImport.errors`` with their line numbers, and then nothing is imported.
    """
    require(can_add_rules(user), "只有宣传工作人员可以导入校对规则。")
    owner = rule_owner(user)
    parsed = read_rule_file(uploaded)  # [(line, dict of raw values | None, [problems])]
    result = RuleImport(filename=uploaded.name, checked=len(parsed))
    checked, first_seen = [], {}
    for line, raw, problems in parsed:
        problems = list(problems)
        values = None
        if raw is not None:
            try:
                values = check_rule(**raw)
            except ValidationError as exc:
                problems.extend(m for messages in exc.message_dict.values() for m in messages)
        if values is not None:
            if values["pattern"] in first_seen:
                problems.append(f"与第{first_seen[values['pattern']]}行的查找内容“{values['pattern']}”重复")
            else:
                first_seen[values["pattern"]] = line
        checked.append((line, values, problems))
    with transaction.atomic():
        existing = {r.pattern: r for r in ProofRule.objects.applying_to(owner).filter(
            pattern__in=list(first_seen)).select_related("org_unit").order_by("-org_unit_id")}
        for line, values, problems in checked:
            if values is not None and values["pattern"] in existing:
                problems.append(_duplicate_message(existing[values["pattern"]]).replace("，请直接修改该规则", ""))
            if problems:
                result.errors.append(f"第{line}行：{'；'.join(p.rstrip('。') for p in problems)}。")
        if result.errors:
            return result
        if not checked:
            raise ValidationError("文件中没有规则，请在列名之下逐行填写。")
        result.created = ProofRule.objects.bulk_create(
            [ProofRule(org_unit=owner, updated_by=user, **values) for _, values, _ in checked])
        record("outlets.proof_rule.import", owner, actor=user,
               new={"filename": uploaded.name, "count": len(result.created),
                    "patterns": [r.pattern for r in result.created][:200]})
    return result


def export_rules(user: User, *, fmt: str = "tsv", include_shipped: bool = False) -> tuple[str, bytes, str]:
    """The organ's own rules (and the shipped ones if asked) in the import format, ``fmt`` "tsv" or
    "xlsx": returns (file name, content, content type)."""
    require(user.is_active and user.is_business and rule_owner(user) is not None, "您没有导出校对规则的权限。")
    owner = rule_owner(user)
    qs = ProofRule.objects.filter(org_unit=owner)
    if include_shipped:
        qs = ProofRule.objects.applying_to(owner)
    name = f"{owner.display_name}{'全部' if include_shipped else '自定义'}校对规则-{timezone.localdate():%Y%m%d}"
    return write_rule_file(qs.select_related("org_unit").order_by("org_unit_id", "category", "pattern", "pk"),
                           fmt=fmt, name=name)
