"""The responsibility list (责任清单) as rows: what the page, the Excel and the Word export show."""

from __future__ import annotations

from dataclasses import dataclass

from .models import WorkPlan

__all__ = ["RESPONSIBILITY_HEADERS", "ResponsibilityRow", "responsibility_rows", "default_plan", "list_title"]

RESPONSIBILITY_HEADERS = ["序号", "工作任务", "具体措施", "量化指标", "牵头单位", "责任人（第一/直接/具体）",
                          "完成时限", "进展情况"]


@dataclass
class ResponsibilityRow:
    item: object
    measures: str
    targets: list[str]
    lead: str
    cooperating: list[str]
    persons: list[tuple[str, str]]  # (role label, name)
    deadline: object
    progress: str

    @property
    def deadline_text(self) -> str:
        return f"{self.deadline.year}年{self.deadline.month}月{self.deadline.day}日" if self.deadline else ""

    def cells(self) -> list:
        """The eight columns as plain text, for Excel and Word."""
        lead = self.lead + (f"\n配合：{'、'.join(self.cooperating)}" if self.cooperating else "")
        persons = "\n".join(f"{label}：{name}" for label, name in self.persons)
        return [self.item.number, self.item.title, self.measures, "\n".join(self.targets), lead, persons,
                self.deadline_text, self.progress]


def list_title(plan: WorkPlan) -> str:
    return f"{plan.year}年意识形态工作责任清单"


def responsibility_rows(items) -> list[ResponsibilityRow]:
    """Rows for items loaded with ``views.plans.items_with_details`` (targets and assignment prefetched)."""
    rows = []
    for item in items:
        assignment = getattr(item, "assignment", None)
        persons = []
        if assignment is not None:
            for label, person in (("第一", assignment.first_responsible), ("直接", assignment.direct_responsible),
                                  ("具体", assignment.specific_responsible)):
                if person is not None:
                    persons.append((label, person.name))
        rows.append(ResponsibilityRow(
            item=item,
            measures=(assignment.measures if assignment and assignment.measures else item.text),
            targets=[t.text for t in item.targets.all()],
            lead=assignment.lead_unit.name if assignment and assignment.lead_unit else "",
            cooperating=[u.name for u in assignment.cooperating_units.all()] if assignment else [],
            persons=persons,
            deadline=assignment.deadline if assignment else None,
            progress=assignment.progress_note if assignment else "",
        ))
    return rows


def default_plan(user):
    """The plan the list opens on: the newest visible plan of the user's organ, else any visible one."""
    plans = WorkPlan.objects.visible_to(user).order_by("-year", "-created_at", "-id")
    return plans.filter(org_unit=user.scope_root).first() or plans.first()
