"""The tick-list picker: checkboxes under a search box, posting what the multi-select posted."""

import importlib
import pkgutil
import re
from pathlib import Path

from django import forms
from django.http import QueryDict

import ideowork
from ideowork.core.forms.pickers import TickListPicker

PEOPLE = [("秘书科", [("1", "王科长"), ("2", "赵专干"), ("3", "孙干部")]), ("综合科", [("4", "钱<监督员>")]),
          ("5", "张主任")]


class PeopleForm(forms.Form):
    people = forms.MultipleChoiceField(label="参加人员", choices=PEOPLE, required=False,
                                       widget=TickListPicker(unit="人", placeholder="输入姓名或单位筛选"))


def boxes(html: str) -> list[tuple[str, bool]]:
    """(value, ticked) of every checkbox, in order."""
    return [(re.search(r'value="([^"]*)"', attrs).group(1), " checked" in attrs)
            for attrs in re.findall(r'<input type="checkbox" name="people"([^>]*)>', html)]


def posted(html: str) -> QueryDict:
    """What a browser sends for the rendered picker as it stands."""
    data = QueryDict(mutable=True)
    data.setlist("people", [value for value, ticked in boxes(html) if ticked])
    return data


def test_renders_every_choice_as_a_checkbox_under_its_groups_heading():
    html = str(PeopleForm(initial={"people": ["2", "5"]})["people"])
    assert "<select" not in html
    assert boxes(html) == [("1", False), ("2", True), ("3", False), ("4", False), ("5", True)]
    assert re.findall(r'class="ticklist-heading" id="[^"]+">([^<]*)<', html) == ["秘书科", "综合科"]
    # The group of 秘书科 holds its three people, and 张主任 (no group) comes after the groups.
    secretariat = html[html.index(">秘书科<"):html.index(">综合科<")]
    assert all(name in secretariat for name in ("王科长", "赵专干", "孙干部"))
    assert html.index("张主任") > html.index("综合科")
    assert "钱&lt;监督员&gt;" in html  # labels are escaped
    assert "已选 2 人" in html and "全选" in html and "清空" in html


def test_the_fields_label_names_the_search_box():
    field = PeopleForm()["people"]
    assert field.id_for_label == "id_people_search"
    assert 'id="id_people_search"' in str(field) and 'placeholder="输入姓名或单位筛选"' in str(field)
    assert 'id="id_people"' in str(field)  # the wrapper keeps the field's id


def test_a_label_given_to_the_widget_names_the_group_and_the_search_box():
    widget = TickListPicker(unit="人", label="成员")
    html = widget.render("members", ["1"], attrs={"id": "id_members"})
    assert 'aria-label="成员"' in html and 'aria-label="筛选成员"' in html


def test_the_ticked_boxes_post_back_what_the_multi_select_posted():
    html = str(PeopleForm(initial={"people": ["1", "4"]})["people"])
    data = posted(html)
    assert TickListPicker().value_from_datadict(data, {}, "people") == \
        forms.SelectMultiple().value_from_datadict(data, {}, "people") == ["1", "4"]
    form = PeopleForm(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["people"] == ["1", "4"]
    # A form sent back with errors shows what was ticked.
    assert boxes(str(form["people"])) == [("1", True), ("2", False), ("3", False), ("4", True), ("5", False)]


def test_a_choice_not_offered_is_refused_in_chinese():
    form = PeopleForm(QueryDict("people=2&people=99"))
    assert not form.is_valid()
    assert form.errors["people"] == ["选择一个有效的选项。 99 不在可用的选项中。"]


def test_a_disabled_field_disables_every_box_and_keeps_its_value():
    class Locked(PeopleForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["people"].disabled = True

    form = Locked(QueryDict("people=1"), initial={"people": ["5"]})
    assert form.is_valid() and form.cleaned_data["people"] == ["5"]
    html = str(form["people"])
    assert html.count(" disabled") == len(boxes(html)) + 3  # every box, the search box and both buttons


def test_an_empty_list_says_so():
    html = TickListPicker().render("people", None)
    assert "暂无可选项" in html and "<input type=\"checkbox\"" not in html


def _all_forms():
    for module in pkgutil.walk_packages(ideowork.__path__, "ideowork."):
        name = module.name
        if ".migrations" in name or name.endswith(("__main__", ".wsgi", ".settings")) or ".demo" in name:
            continue
        importlib.import_module(name)
    seen, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("ideowork."):
                seen.append(sub)
    return seen


def test_no_form_in_any_area_offers_a_ctrl_multi_select():
    found = _all_forms()
    assert any(cls.__name__ == "ActivityForm" for cls in found) and any(cls.__name__ == "ExamForm" for cls in found)
    offenders = [f"{cls.__module__}.{cls.__name__}.{name}" for cls in found
                 for name, field in getattr(cls, "base_fields", {}).items()
                 if isinstance(field.widget, forms.widgets.ChoiceWidget) and field.widget.allow_multiple_selected
                 and not isinstance(field.widget, (TickListPicker, forms.MultipleHiddenInput))]
    assert offenders == []


def test_no_page_tells_anyone_to_hold_ctrl():
    root = Path(ideowork.__file__).parent
    mentions = [str(path.relative_to(root)) for path in root.rglob("*")
                if path.suffix in (".py", ".html", ".js") and "按住Ctrl" in path.read_text(encoding="utf-8")]
    assert mentions == []
