"""``{% fields form "a" "b" %}`` draws each named field as ``core/field.html`` does, in order."""

import pytest
from django import forms
from django.template import Context, Template


class SampleForm(forms.Form):
    title = forms.CharField(label="标题", help_text="不超过100字")
    kind = forms.ChoiceField(label="类型", choices=[("a", "甲"), ("b", "乙")], required=False)


def render(source: str, form) -> str:
    return Template("{% load ideowork %}" + source).render(Context({"form": form}))


def test_the_tag_draws_what_the_includes_drew():
    form = SampleForm(data={"title": ""})
    form.is_valid()
    included = render('{% include "core/field.html" with field=form.title %}\n'
                      '{% include "core/field.html" with field=form.kind %}', form)
    assert render('{% fields form "title" "kind" %}', form) == included
    assert "这个字段是必填项" in included or "This field is required" in included


def test_an_optional_name_is_drawn_only_when_the_form_has_the_field():
    form = SampleForm()
    assert render('{% fields form "owner?" "title" %}', form) == render('{% fields form "title" %}', form)
    assert 'for="id_kind"' in render('{% fields form "kind?" %}', form)


def test_a_name_the_form_lacks_is_an_error():
    with pytest.raises(KeyError):
        render('{% fields form "owner" %}', SampleForm())


def test_radios_reach_the_field_template():
    assert "radio-list" in render('{% fields form "kind" radios=True %}', SampleForm())
    assert "radio-list" not in render('{% fields form "kind" %}', SampleForm())
