"""Form fields shared by the organisation and user forms."""

from django import forms
from django.forms.models import ModelChoiceIterator

from ..models import OrgUnit

__all__ = ["OrgUnitChoiceField", "unit_label"]

INDENT = "\u3000"  # an ideographic space per level


def unit_label(unit: OrgUnit) -> str:
    """The unit's name indented by its depth, so a flat <select> still shows the tree."""
    suffix = "" if unit.is_active else "（已停用）"
    return f"{INDENT * unit.depth}{unit.name}{suffix}"


class TreeChoiceIterator(ModelChoiceIterator):
    """Siblings in their configured order, each followed by its own subtree."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for unit in self.queryset.in_tree_order():
            yield self.choice(unit)


class OrgUnitChoiceField(forms.ModelChoiceField):
    """A <select> of org units in tree order, indented."""

    iterator = TreeChoiceIterator

    def __init__(self, *, queryset=None, **kwargs):
        kwargs.setdefault("empty_label", "——请选择——")
        kwargs.setdefault("error_messages", {"invalid_choice": "所选单位不存在或已停用。"})
        super().__init__(queryset=queryset if queryset is not None else OrgUnit.objects.filter(is_active=True),
                         **kwargs)

    def label_from_instance(self, obj):
        return unit_label(obj)
