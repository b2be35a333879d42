"""Saving an import draft as a work plan with its sections, items and targets, in one transaction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.audit import record
from ideowork.core.choices import OrgKind
from ideowork.core.models import OrgUnit
from ideowork.core.permissions import require

from ..choices import Per, PlanStatus
from ..drafts import draft_counts
from ..kinds import suggest_activity_kinds
from ..models import PlanItem, PlanSection, Target, WorkPlan
from .targets import default_persons

__all__ = ["do_import_plan", "check_plan_header", "owning_units"]

YEAR_MIN, YEAR_MAX = 2000, 2100


def owning_units(user):
    """Units that may own a work plan for this user: the organs and county bureaus they can see."""
    return OrgUnit.objects.visible_to(user).filter(kind__in=[OrgKind.ORGAN, OrgKind.COUNTY], is_active=True)


def check_plan_header(user, *, org_unit_id, year, title) -> OrgUnit:
    """Validate who owns the plan, its year and its title; return the unit. Raises ValidationError."""
    unit = owning_units(user).filter(pk=org_unit_id).first()
    if unit is None:
        raise ValidationError({"org_unit": "请选择您有权管理的机关或县区单位。"})
    if not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        raise ValidationError({"year": f"年度须在{YEAR_MIN}至{YEAR_MAX}之间。"})
    if not (title or "").strip():
        raise ValidationError({"title": "请填写工作要点标题。"})
    if WorkPlan.objects.filter(org_unit=unit, year=year, title=title.strip()).exists():
        raise ValidationError({"title": f"{unit.display_name}{year}年度已有同名工作要点“{title.strip()}”，"
                                        "请勿重复导入，或修改标题后保存。"})
    return unit


def _check_items(draft: dict) -> None:
    items, _ = draft_counts(draft)
    if not items:
        raise ValidationError("没有可保存的要点条目，请至少保留一条。")
    for section in draft["sections"]:
        seen = set()
        for item in section["items"]:
            if item["number"] in seen:
                label = f"第{section['number']}部分" if section["number"] else "同一部分"
                raise ValidationError(f"{label}中条目序号{item['number']}重复，请修改后保存。")
            seen.add(item["number"])
            for target in item["targets"]:
                if not isinstance(target.get("count"), int) or not 1 <= target["count"] <= 100000:
                    raise ValidationError(f"条目{item['number']}的指标“{target['text']}”缺少有效数量（1至100000）。")


@transaction.atomic
def do_import_plan(user, draft: dict) -> WorkPlan:
    """Create the plan from a validated draft. Raises ValidationError (nothing saved) on bad input."""
    require(user.has_capability("plans.edit"), "您没有导入工作要点的权限。")
    unit = check_plan_header(user, org_unit_id=draft.get("org_unit_id"), year=draft.get("year"),
                             title=draft.get("title"))
    _check_items(draft)
    plan = WorkPlan.objects.create(
        org_unit=unit, year=draft["year"], title=draft["title"].strip(), issuer=(draft.get("issuer") or "")[:100],
        source_name=(draft.get("source_name") or "")[:255], source_text=draft.get("source_text") or "",
        status=PlanStatus.ACTIVE, created_by=user,
    )
    order = 0
    for s_order, raw_section in enumerate(draft["sections"], 1):
        if not raw_section["items"]:
            continue
        section = None
        if raw_section["number"] or raw_section["title"]:
            section = PlanSection.objects.create(plan=plan, number=raw_section["number"][:8],
                                                 title=raw_section["title"][:200], order=s_order)
        for raw_item in raw_section["items"]:
            order += 1
            item = PlanItem.objects.create(plan=plan, section=section, number=raw_item["number"],
                                           title=raw_item["title"][:300], text=raw_item["text"], order=order)
            _create_targets(item, raw_item["targets"])
    items, targets = draft_counts(draft)
    record("plans.plan.import", plan, actor=user, unit=unit,
           new={"title": plan.title, "year": plan.year, "org_unit": unit.name, "source": plan.source_name,
                "items": items, "targets": targets})
    return plan


def _create_targets(item: PlanItem, raw_targets: list[dict]) -> None:
    for t_order, raw in enumerate(raw_targets, 1):
        target = Target.objects.create(
            item=item, text=raw["text"][:300], count=raw["count"], unit=raw["unit"][:10], period=raw["period"],
            comparator=raw["comparator"], per=raw["per"], explicit=raw.get("explicit", True), order=t_order,
            activity_kinds=suggest_activity_kinds(raw["text"], raw["per"]),
        )
        if target.per == Per.PERSON:
            target.persons.set(default_persons(item.plan, target.text, item.text))
