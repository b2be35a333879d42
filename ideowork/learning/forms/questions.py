"""Forms of the question bank: one question, the import upload, and the list's filters."""

from django import forms

from ideowork.core.forms.filters import filter_by
from ideowork.core.models import OrgUnit

from ..actions.questions import OPTION_KEYS, answer_text
from ..choices import Difficulty, QuestionKind
from ..models import QuestionCategory, QuestionTag

__all__ = ["QuestionForm", "QuestionImportForm", "QuestionTraitsForm", "QuestionFilterForm", "bank_units"]

ANSWER_HELP = ("单选题填一个字母，如 B；多选题填多个字母，如 ACD；判断题填“对”或“错”；"
               "填空题多个空用“|”分隔，同一空的多个可接受答案用“/”分隔；简答题填参考答案。")


def bank_units(user):
    """The units whose bank the user manages: their organ or county bureau and the units under it."""
    return OrgUnit.objects.visible_to(user).filter(is_active=True)


def _unit_field(user, label="所属单位") -> forms.ModelChoiceField:
    field = forms.ModelChoiceField(label=label, queryset=bank_units(user), empty_label=None)
    root_depth = user.scope_root.depth if user.scope_root else 0
    field.label_from_instance = lambda u: "\u3000" * max(u.depth - root_depth, 0) + u.name
    return field


class QuestionForm(forms.Form):
    org_unit = forms.ModelChoiceField(label="所属单位", queryset=OrgUnit.objects.none())
    kind = forms.ChoiceField(label="题型", choices=QuestionKind.choices)
    stem = forms.CharField(label="题干", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="填空题用“（  ）”标出每个空。")
    option_A = forms.CharField(label="选项A", required=False, max_length=500)
    option_B = forms.CharField(label="选项B", required=False, max_length=500)
    option_C = forms.CharField(label="选项C", required=False, max_length=500)
    option_D = forms.CharField(label="选项D", required=False, max_length=500)
    option_E = forms.CharField(label="选项E", required=False, max_length=500)
    option_F = forms.CharField(label="选项F", required=False, max_length=500)
    answer = forms.CharField(label="答案", max_length=5000, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=ANSWER_HELP)
    category_name = forms.CharField(label="分类", required=False, max_length=60,
                                    widget=forms.TextInput(attrs={"list": "category-names"}))
    tag_names = forms.CharField(label="标签", required=False, max_length=300, help_text="多个标签用分号“;”分隔。")
    difficulty = forms.TypedChoiceField(label="难度", choices=Difficulty.choices, coerce=int,
                                        initial=Difficulty.MEDIUM)
    explanation = forms.CharField(label="解析", required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    source = forms.CharField(label="出处", required=False, max_length=200)

    def __init__(self, *args, user, question=None, **kwargs):
        if question is not None and "initial" not in kwargs:
            initial = {"org_unit": question.org_unit_id, "kind": question.kind, "stem": question.stem,
                       "answer": answer_text(question), "category_name": question.category.name
                       if question.category_id else "", "difficulty": question.difficulty,
                       "tag_names": ";".join(t.name for t in question.tags.all()),
                       "explanation": question.explanation, "source": question.source}
            initial.update({f"option_{o['key']}": o["text"] for o in question.options})
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.fields["org_unit"] = _unit_field(user)
        if question is not None:
            self.fields["org_unit"].disabled = True
        self.category_names = list(QuestionCategory.objects.visible_to(user).order_by("name")
                                   .values_list("name", flat=True).distinct())

    def service_data(self) -> dict:
        d = self.cleaned_data
        return {"kind": d["kind"], "stem": d["stem"], "answer": d["answer"],
                "option_texts": [d[f"option_{k}"] for k in OPTION_KEYS], "category_name": d["category_name"],
                "tag_names": [t for t in d["tag_names"].replace("；", ";").split(";") if t.strip()],
                "difficulty": d["difficulty"], "explanation": d["explanation"], "source": d["source"]}


class QuestionImportForm(forms.Form):
    org_unit = forms.ModelChoiceField(label="导入到", queryset=OrgUnit.objects.none())
    file = forms.FileField(label="Excel文件", help_text="请使用下载的模板（.xlsx）填写。",
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"] = _unit_field(user, "导入到")
        self.fields["org_unit"].initial = user.scope_root


class QuestionTraitsForm(forms.Form):
    """The traits questions are picked by — 题型, 分类, 标签, 难度, each optional — for the bank's filters
    and an exam's drawing rule. ``any_word`` words the empty choices ("全部题型" in a filter, "不限题型"
    in a rule); the categories offered are those ``user`` sees."""

    any_word = "全部"
    kind = forms.ChoiceField(label="题型", required=False)
    category = forms.ModelChoiceField(label="分类", required=False, queryset=QuestionCategory.objects.none())
    tag = forms.ModelChoiceField(label="标签", required=False, queryset=QuestionTag.objects.all())
    difficulty = forms.TypedChoiceField(label="难度", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        fields, word = self.fields, self.any_word
        fields["kind"].choices = [("", f"{word}题型"), *QuestionKind.choices]
        fields["category"].queryset = QuestionCategory.objects.visible_to(user)
        fields["category"].empty_label = f"{word}分类"
        fields["tag"].empty_label = f"{word}标签"
        fields["difficulty"].choices = [("", f"{word}难度"), *Difficulty.choices]


class QuestionFilterForm(QuestionTraitsForm):
    q = forms.CharField(label="关键词", required=False, widget=forms.TextInput(attrs={"placeholder": "题干关键词"}))
    status = forms.ChoiceField(label="状态", required=False,
                               choices=[("", "启用的题目"), ("off", "已停用"), ("all", "全部")])
    field_order = ["q", "kind", "category", "tag", "difficulty", "status"]

    def filter(self, qs):
        if not self.is_valid():
            return qs.filter(is_active=True)
        d = self.cleaned_data
        qs = filter_by(qs, d, {"q": "stem__icontains", "kind": "kind", "category": "category", "tag": "tags",
                               "difficulty": "difficulty"})
        if d["status"] != "all":
            qs = qs.filter(is_active=d["status"] != "off")
        return qs

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(k) for k in self.fields)
