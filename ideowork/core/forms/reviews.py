"""Forms of the review workflow: a decision on the active stage, and a flow with its steps."""

from django import forms

from ..choices import BUSINESS_ROLES, Role
from ..models import User
from ..models.reviews import OWNER, Decision, StepKind

__all__ = ["DecisionForm", "WithdrawForm", "FlowForm", "StepForm", "StepFormSet", "step_initial"]

BUSINESS_ROLE_CHOICES = [("", "——按指定办理人——")] + [(r.value, r.label) for r in Role if r in BUSINESS_ROLES] + [
    (OWNER, "事项负责人")]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="审核意见", widget=forms.RadioSelect, choices=[
        (Decision.APPROVE, "通过"), (Decision.RETURN_AUTHOR, "退回作者修改"), (Decision.RETURN_STEP, "退回至之前环节")])
    return_to = forms.TypedChoiceField(label="退回至环节", coerce=int, required=False, empty_value=None)
    comment = forms.CharField(label="意见说明", required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}), help_text="退回时必填，写明需要修改之处。")
    stage_id = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, stage=None, earlier=(), version=None, rejects=False, **kwargs):
        kwargs.setdefault("initial", {"decision": Decision.APPROVE, "stage_id": getattr(stage, "pk", None),
                                      "version": version})
        super().__init__(*args, **kwargs)
        earlier = [s for s in earlier if s.status != "skipped"]
        self.fields["return_to"].choices = [("", "——选择环节——")] + [(s.pk, s.name) for s in earlier]
        choices = list(self.fields["decision"].choices)
        if not earlier:
            choices = choices[:2]
            del self.fields["return_to"]
        if rejects or self.is_bound:
            choices.append((Decision.REJECT, "不同意"))
        self.fields["decision"].choices = choices


class WithdrawForm(forms.Form):
    comment = forms.CharField(label="撤回说明", required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class FlowForm(forms.Form):
    name = forms.CharField(label="流程名称", max_length=100)
    description = forms.CharField(label="说明", max_length=300, required=False)
    is_default = forms.BooleanField(label="设为默认流程", required=False,
                                    help_text="未指定流程的事项按默认流程审核。")


class StepForm(forms.Form):
    name = forms.CharField(label="环节名称", max_length=30)
    kind = forms.ChoiceField(label="类型", choices=StepKind.choices, initial=StepKind.REVIEW)
    role = forms.ChoiceField(label="办理角色", choices=BUSINESS_ROLE_CHOICES, required=False, initial="")
    assignee = forms.ModelChoiceField(label="指定办理人", queryset=User.objects.none(), required=False,
                                      empty_label="（按角色）")
    due_days = forms.IntegerField(label="时限（工作日）", min_value=0, max_value=30, initial=2)
    signs = forms.BooleanField(label="签发", required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["assignee"].queryset = people
        self.fields["assignee"].label_from_instance = lambda u: f"{u.name}（{u.org_unit}·{u.get_role_display()}）"


class BaseStepFormSet(forms.BaseFormSet):
    def steps(self) -> list[dict]:
        """The filled-in steps in order; the service validates them as a whole."""
        return [form.cleaned_data for form in self.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")]


StepFormSet = forms.formset_factory(StepForm, formset=BaseStepFormSet, extra=2, max_num=9, can_delete=True)


def step_initial(steps: list[dict]) -> list[dict]:
    """Initial formset data from ``steps_for(flow)``."""
    return [{**step, "assignee": step["assignee"].pk if step["assignee"] else None} for step in steps]
