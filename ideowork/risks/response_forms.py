"""Forms of the response part: assessments and their checklist, emergency plans, incidents, drills,
joint meetings and their follow-up tasks. Lines typed by people (contacts, response levels) are read
into the lists the services take here, and written back the same way."""

import re

from django import forms
from django.utils import timezone

from ideowork.core.forms.pickers import TickListPicker
from ideowork.core.models import OrgUnit, User
from ideowork.ledger.forms.widgets import group_people
from ideowork.plans.forms.fields import PlanItemChoiceField
from ideowork.plans.models import PlanItem

from .choices import ChecklistAnswer, Conclusion, MeasureKind, MeetingKind, TimelineKind
from .forms import OwnerChoiceField, RiskForm, UnitChoiceField, owners_for, units_for
from .models import EmergencyPlan

__all__ = ["ChecklistForm", "AssessmentStartForm", "AssessmentForm", "AssessmentRiskForm", "PlanForm",
           "PlanVersionForm", "IncidentForm", "SourcedIncidentForm", "EntryForm", "CloseIncidentForm", "DrillForm", "MeetingForm",
           "TaskForm", "CloseTaskForm", "contacts_text", "levels_text"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ChecklistForm(forms.Form):
    items = forms.CharField(label="评估事项（每行一项）", widget=forms.Textarea(attrs={"rows": 10}))

    def items_list(self) -> list[str]:
        return _lines(self.cleaned_data["items"])


# --- assessments --------------------------------------------------------------------------------
class AssessmentStartForm(forms.Form):
    measure = forms.CharField(label="拟出台措施", max_length=200,
                              widget=forms.TextInput(attrs={"placeholder": "如：市直事业单位分类改革实施方案"}))
    kind = forms.ChoiceField(label="措施类型", choices=MeasureKind.choices)
    org_unit = UnitChoiceField(label="评估单位", queryset=OrgUnit.objects.none())
    description = forms.CharField(label="措施内容", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text="措施的主要内容、涉及范围和人员。")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units_for(user)


class AssessmentForm(forms.Form):
    """The assessment itself: the measure, one answer and note per checklist item, findings, conclusion."""

    measure = forms.CharField(label="拟出台措施", max_length=200)
    kind = forms.ChoiceField(label="措施类型", choices=MeasureKind.choices)
    description = forms.CharField(label="措施内容", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    findings = forms.CharField(label="评估发现", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                               help_text="评估中发现的风险点、可能影响的人群和范围；风险点请另行登记到风险台账。")
    conclusion = forms.ChoiceField(label="评估结论", required=False, choices=Conclusion.choices,
                                   widget=forms.RadioSelect)
    conclusion_note = forms.CharField(label="结论说明", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                      help_text="调整后实施的，写明须调整的内容；暂缓的，写明理由。")

    def __init__(self, *args, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = list(answers)
        for row in self.answers:
            self.fields[f"answer_{row.pk}"] = forms.ChoiceField(
                label=row.text, required=False, choices=ChecklistAnswer.choices, widget=forms.RadioSelect,
                initial=row.answer)
            self.fields[f"note_{row.pk}"] = forms.CharField(label="说明", required=False, max_length=500,
                                                            initial=row.note)

    def checklist(self):
        return [(row, self[f"answer_{row.pk}"], self[f"note_{row.pk}"]) for row in self.answers]

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in ("measure", "kind", "description", "findings",
                                                            "conclusion", "conclusion_note")}
        data["answers"] = {row.pk: (self.cleaned_data[f"answer_{row.pk}"], self.cleaned_data[f"note_{row.pk}"])
                           for row in self.answers}
        return data


class AssessmentRiskForm(RiskForm):
    """A risk the assessment found: the register's form without what the assessment decides."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, editing=True, **kwargs)
        for name in ("description", "residual_likelihood", "residual_impact"):
            del self.fields[name]


# --- emergency plans ----------------------------------------------------------------------------
_SPACES = re.compile(r"[\s\u3000]+")
_LEVEL = re.compile(r"^(?P<name>[^:：]+)[:：]\s*(?P<criteria>.*)$")


def contacts_text(contacts: list[dict]) -> str:
    return "\n".join(" ".join(filter(None, (c.get("role"), c.get("name"), c.get("phone")))) for c in contacts)


def levels_text(levels: list[dict]) -> str:
    return "\n".join(f"{level['name']}：{level.get('criteria', '')}" for level in levels)


class PlanVersionForm(forms.Form):
    command = forms.CharField(label="指挥机构与职责", widget=forms.Textarea(attrs={"rows": 5}),
                              help_text="如：成立应急处置领导小组，办主要负责同志任组长……")
    contacts = forms.CharField(label="联系人（每行：职务 姓名 电话）", widget=forms.Textarea(attrs={"rows": 4}),
                               help_text="如：组长 张伟 0571-87050001")
    levels = forms.CharField(label="响应级别（每行：级别名称：启动条件，由高到低）", widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="如：Ⅰ级响应：涉及全市的重大舆情或群体性事件")
    procedures = forms.CharField(label="处置流程", widget=forms.Textarea(attrs={"rows": 6}),
                                 help_text="信息报告、先期处置、应急响应、信息发布、善后总结等环节。")
    change_note = forms.CharField(label="修订说明", max_length=300, required=False,
                                  widget=forms.TextInput(attrs={"placeholder": "本次修订的主要内容"}))

    def clean_contacts(self):
        contacts = []
        for line in _lines(self.cleaned_data["contacts"]):
            parts = _SPACES.split(line)
            if len(parts) < 2:
                raise forms.ValidationError(f"“{line}”请按“职务 姓名 电话”填写。")
            contacts.append({"role": parts[0], "name": parts[1], "phone": " ".join(parts[2:])})
        return contacts

    def clean_levels(self):
        levels = []
        for line in _lines(self.cleaned_data["levels"]):
            match = _LEVEL.match(line)
            name, criteria = (match["name"].strip(), match["criteria"].strip()) if match else (line, "")
            levels.append({"name": name, "criteria": criteria})
        return levels

    @classmethod
    def initial_from(cls, version) -> dict:
        return {"command": version.command, "contacts": contacts_text(version.contacts),
                "levels": levels_text(version.levels), "procedures": version.procedures}


class PlanForm(PlanVersionForm):
    title = forms.CharField(label="预案名称", max_length=200)
    org_unit = UnitChoiceField(label="制定单位", queryset=OrgUnit.objects.none())
    scope = forms.CharField(label="适用范围", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["title", "org_unit", "scope"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units_for(user)
        del self.fields["change_note"]


# --- incidents ----------------------------------------------------------------------------------
def _level_choice(level: dict) -> tuple[str, str]:
    return level["name"], f"{level['name']}（{level['criteria']}）" if level.get("criteria") else level["name"]


class _ResponseForm(forms.Form):
    """What every activation names: a response level of the plan and the leader who leads."""
    level = forms.ChoiceField(label="响应级别")
    lead = OwnerChoiceField(label="牵头领导", queryset=User.objects.none(), help_text="办主要负责同志或分管领导。")

    def _for(self, organ: OrgUnit, versions) -> None:
        levels = {}
        for version in versions:
            for level in version.levels:
                levels.setdefault(*_level_choice(level))
        self.fields["level"].choices = list(levels.items())
        self.fields["lead"].queryset = User.objects.business().filter(
            org_unit__organ=organ, role__in=("head", "deputy"), is_active=True).select_related("org_unit")


class IncidentForm(_ResponseForm):
    title = forms.CharField(label="事件名称", max_length=200)
    occurred_at = forms.DateTimeField(label="发生时间", widget=DATETIME)
    description = forms.CharField(label="事件概况", widget=forms.Textarea(attrs={"rows": 4}))
    field_order = ["title", "occurred_at", "level", "lead", "description"]

    def __init__(self, *args, plan: EmergencyPlan, **kwargs):
        super().__init__(*args, **kwargs)
        version = plan.current_version
        self._for(plan.org_unit.organ or plan.org_unit, [version] if version is not None else [])
        self.fields["occurred_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class SourcedIncidentForm(_ResponseForm):
    """Opening an incident from another area's record (an opinion event): which of the organ's plans in
    force, at which level (the service holds the level to the chosen plan), led by whom."""
    plan = forms.ModelChoiceField(label="启动预案", queryset=EmergencyPlan.objects.none(),
                                  empty_label="请选择应急预案")
    field_order = ["plan", "level", "lead"]

    def __init__(self, *args, user, organ: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        plans = (EmergencyPlan.objects.visible_to(user, "change")
                 .filter(org_unit__organ=organ, current_version__isnull=False).select_related("current_version"))
        self.fields["plan"].queryset = plans
        self.plans = list(plans)
        self._for(organ, [plan.current_version for plan in self.plans])


class EntryForm(forms.Form):
    kind = forms.ChoiceField(label="事项", choices=[(k.value, k.label) for k in
                                                   (TimelineKind.ACTION, TimelineKind.REPORT, TimelineKind.LEVEL)])
    at = forms.DateTimeField(label="时间", widget=DATETIME, required=False, help_text="不填即为现在。")
    text = forms.CharField(label="处置情况", widget=forms.Textarea(attrs={"rows": 3}))


class CloseIncidentForm(forms.Form):
    summary = forms.CharField(label="处置总结", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="事件经过、处置措施及成效、经验教训和改进措施。")


# --- drills and joint meetings ------------------------------------------------------------------
def _people_field(form, name: str, user, label: str) -> None:
    people = owners_for(user)
    field = form.fields[name]
    field.queryset, field.choices, field.label = people, group_people(people), label


def _item_field(form, user) -> None:
    year = timezone.localdate().year
    form.fields["item"].queryset = PlanItem.objects.visible_to(user).filter(plan__year__gte=year - 1)


class DrillForm(forms.Form):
    title = forms.CharField(label="演练名称", max_length=200)
    held_on = forms.DateField(label="演练日期", widget=DATE)
    org_unit = UnitChoiceField(label="组织单位", queryset=OrgUnit.objects.none())
    plan = forms.ModelChoiceField(label="检验预案", queryset=EmergencyPlan.objects.none(), required=False,
                                  empty_label="（不针对具体预案）", help_text="演练检验所选预案的现行版本。")
    scenario = forms.CharField(label="演练场景", widget=forms.Textarea(attrs={"rows": 3}),
                               help_text="模拟的重大舆情或突发事件情景。")
    participants = forms.ModelMultipleChoiceField(label="参演人员", queryset=User.objects.none(), required=False,
                                                  widget=TickListPicker(unit="人", placeholder="输入姓名或单位筛选"))
    other_participants = forms.CharField(label="其他参演单位和人员", max_length=300, required=False)
    evaluation = forms.CharField(label="演练评估", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                 help_text="预案的实用性和可操作性、处置中暴露的问题。")
    item = PlanItemChoiceField(label="对应工作要点", required=False, empty_label="（由系统按计入规则确定）",
                               help_text="演练计入所选要点“演练”类指标；不选时，只有一个要点要求演练时计入该要点。")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units_for(user)
        self.fields["plan"].queryset = EmergencyPlan.objects.visible_to(user).filter(current_version__isnull=False)
        _people_field(self, "participants", user, "参演人员")
        _item_field(self, user)


class MeetingForm(forms.Form):
    title = forms.CharField(label="会议名称", max_length=200)
    kind = forms.ChoiceField(label="会议类型", choices=MeetingKind.choices)
    held_on = forms.DateField(label="召开日期", widget=DATE)
    org_unit = UnitChoiceField(label="召集单位", queryset=OrgUnit.objects.none())
    chair = OwnerChoiceField(label="主持人", queryset=User.objects.none(), required=False, empty_label="（未指定）")
    units = forms.ModelMultipleChoiceField(label="参会单位", queryset=OrgUnit.objects.none(), required=False,
                                           widget=TickListPicker(unit="个单位", placeholder="输入单位名称筛选"))
    other_units = forms.CharField(label="其他参会单位", max_length=300, required=False,
                                  help_text="本系统以外的单位，如市委宣传部、市委网信办。")
    participants = forms.ModelMultipleChoiceField(label="参会人员", queryset=User.objects.none(), required=False,
                                                  widget=TickListPicker(unit="人", placeholder="输入姓名或单位筛选"))
    situation = forms.CharField(label="形势分析", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    conclusions = forms.CharField(label="会议结论", widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text="研判结论、风险等级判断、部署的措施。")
    item = PlanItemChoiceField(label="对应工作要点", required=False, empty_label="（不计入指标）",
                               help_text="会议计入所选要点的“研判”类指标；不选则只登记台账、不计入指标。")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for(user)
        self.fields["org_unit"].queryset = units
        self.fields["units"].queryset = units
        self.fields["units"].choices = [(unit.pk, unit.display_name) for unit in units]
        self.fields["chair"].queryset = owners_for(user)
        _people_field(self, "participants", user, "参会人员")
        _item_field(self, user)


class TaskForm(forms.Form):
    text = forms.CharField(label="事项", max_length=300)
    owner = OwnerChoiceField(label="责任人", queryset=User.objects.none())
    deadline = forms.DateField(label="完成时限", widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners_for(user)


class CloseTaskForm(forms.Form):
    result = forms.CharField(label="完成情况", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    done_on = forms.DateField(label="完成日期", widget=DATE, required=False)
