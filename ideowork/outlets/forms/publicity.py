"""Forms of external publicity; they collect input, ``actions.publicity`` decides."""

from itertools import groupby

from django import forms

from ideowork.core.forms.fields import OrgUnitChoiceField
from ideowork.core.forms.pickers import TickListPicker
from ideowork.core.models import OrgUnit, User

from ..choices import ContentKind, ContentStatus, MediaLevel
from ..models import ContentItem, ExternalPlacement

__all__ = ["DATE", "PlacementForm", "PlacementFilterForm", "unit_field_for", "people_choices"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def people_choices(users) -> list:
    return [(unit.display_name, [(u.pk, u.name) for u in people])
            for unit, people in groupby(users, key=lambda u: u.org_unit)]


def unit_field_for(form: forms.Form, user, name: str = "org_unit") -> None:
    """Offer the units of the user's organ, their organ first and preselected."""
    field = form.fields[name]
    field.queryset = OrgUnit.objects.visible_to(user).filter(is_active=True)
    if user.scope_root is not None and not form.is_bound and not form.initial.get(name):
        form.initial[name] = user.scope_root.pk


class PlacementForm(forms.Form):
    title = forms.CharField(label="稿件标题", max_length=200)
    medium = forms.CharField(label="媒体名称", max_length=100, help_text="如：山西日报、市日报、学习强国山西平台。")
    level = forms.ChoiceField(label="媒体级别", choices=[("", "——请选择——"), *MediaLevel.choices],
                              help_text="市级以上（中央级、省级、市级）媒体刊发的稿件计入“全年在市级以上媒体刊发稿件”指标。")
    column = forms.CharField(label="栏目/版面", max_length=100, required=False)
    published_on = forms.DateField(label="刊发日期", widget=DATE)
    link = forms.CharField(label="链接", max_length=500, required=False)
    org_unit = OrgUnitChoiceField(label="所属单位", queryset=OrgUnit.objects.none())
    authors = forms.ModelMultipleChoiceField(label="本单位作者", queryset=User.objects.none(), required=False,
                                             widget=TickListPicker(unit="人", placeholder="输入姓名或单位筛选",
                                                                   label="本单位作者"))
    author_names = forms.CharField(label="作者署名", max_length=200, required=False,
                                   help_text="按刊发时的署名填写，含外单位作者；未选本单位作者时必填。")
    content = forms.ModelChoiceField(label="对应对外宣传材料", queryset=ContentItem.objects.none(), required=False,
                                     empty_label="（不关联）",
                                     help_text="经办领导审批通过的对外宣传材料。")
    clipping = forms.FileField(label="剪报/截图", required=False,
                               help_text="刊发版面的剪报照片、网页截图或PDF，作为佐证材料；不超过10 MB。")
    note = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, placement: ExternalPlacement | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        unit_field_for(self, user)
        people = User.objects.visible_to(user).business().select_related("org_unit").order_by(
            "org_unit__path", "display_name")
        self.fields["authors"].queryset = people
        self.fields["authors"].choices = people_choices(people)
        self.fields["content"].queryset = ContentItem.objects.visible_to(user).with_status().filter(
            kind=ContentKind.EXTERNAL, state__in=[ContentStatus.APPROVED, ContentStatus.PUBLISHED])
        if placement is None:
            self.fields["clipping"].required = True
        else:
            self.fields["clipping"].help_text = "如需更换，请重新上传；不上传则保留原剪报。"


class PlacementFilterForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100, required=False,
                              widget=forms.NumberInput(attrs={"placeholder": "年度", "style": "width: 90px"}))
    level = forms.ChoiceField(label="媒体级别", choices=[("", "全部级别"), *MediaLevel.choices], required=False)
    q = forms.CharField(label="关键词", required=False,
                        widget=forms.TextInput(attrs={"placeholder": "标题、媒体或作者"}))
