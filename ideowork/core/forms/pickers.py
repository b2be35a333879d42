"""The one control for choosing several things: a search box over a list of checkboxes.

A ``<select multiple>`` needs the Ctrl key on a desktop and cannot be used on a touch screen, and
with two hundred people it is a list nobody can read. ``TickListPicker`` is the widget of every
multiple-choice field in every area (people, units, targets, experts, roles …); no form uses a
``SelectMultiple``. The checkboxes are rendered on the server and post the field's name once per
ticked value, exactly as the multi-select did, so the field cleans the same data and the form works
without JavaScript. ``static/ideowork/picker.js`` adds what needs a script: the filter (on an
option's label and its group's heading), the count "已选 N 人", 全选/清空 of the filtered options and
a removable chip per ticked option.

Options are written in Python, not one template per option: an organ's people are a thousand
options, and Django's per-option template rendering would be most of the page's time.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

__all__ = ["TickListPicker"]

# Attributes Django puts on a field's widget that belong on the search box, the one text input.
_SEARCH_ATTRS = ("aria-describedby", "aria-invalid")


class TickListPicker(forms.CheckboxSelectMultiple):
    """Checkboxes in a scrollable list under a search box; optgroups become headings.

    ``unit`` counts the ticked options ("已选 3 人"); ``placeholder`` says what the search matches;
    ``label`` names the control for a screen reader where the page has no ``<label>`` pointing at
    it (the field's label otherwise names it: ``id_for_label`` is the search box).
    """

    def __init__(self, attrs=None, *, unit: str = "项", placeholder: str = "输入关键字筛选", label: str = ""):
        super().__init__(attrs)
        self.unit = unit
        self.placeholder = placeholder
        self.label = label

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.unit, copy.placeholder, copy.label = self.unit, self.placeholder, self.label
        return copy

    def id_for_label(self, id_, index=None):
        if index is None:
            return f"{id_}_search" if id_ else ""
        return super().id_for_label(id_, index)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.pop("id", None) or f"id_{name}"
        disabled = bool(attrs.pop("disabled", False))
        search_attrs = {key: attrs.pop(key) for key in _SEARCH_ATTRS if key in attrs}
        attrs.pop("required", None)
        ticked = set(self.format_value(value))
        options, count, groups, ticked_count = [], 0, 0, 0
        for group, choices in self._grouped():
            rows = []
            for option_value, option_label in choices:
                option_value = str(option_value)
                ticked_count += option_value in ticked
                rows.append(format_html(
                    '<label class="ticklist-option"><input type="checkbox" name="{}" value="{}"{}{} id="{}_{}">'
                    "<span>{}</span></label>",
                    name, option_value, mark_safe(" checked") if option_value in ticked else "",
                    mark_safe(" disabled") if disabled else "", base_id, count, option_label))
                count += 1
            if group is None:
                options.extend(rows)
            else:
                heading_id = f"{base_id}_group{groups}"
                groups += 1
                options.append(format_html(
                    '<div class="ticklist-group" role="group" aria-labelledby="{}">'
                    '<div class="ticklist-heading" id="{}">{}</div>{}</div>',
                    heading_id, heading_id, group, mark_safe("".join(rows))))
        if not count:
            options.append(mark_safe('<p class="ticklist-nothing muted">暂无可选项。</p>'))
        label_attrs = {"aria-label": self.label} if self.label else {}
        return format_html(
            '<div class="ticklist" id="{}" role="group" data-ticklist data-unit="{}"{}{}>'
            '<div class="ticklist-tools" hidden>'
            '<input type="search" class="ticklist-search" id="{}_search" placeholder="{}" autocomplete="off"'
            ' enterkeyhint="search" aria-controls="{}_options"{}{}{}>'
            '<div class="ticklist-bar"><span class="ticklist-count" aria-live="polite">已选 {} {}</span>'
            '<button type="button" class="btn small" data-ticklist-all{}>全选</button>'
            '<button type="button" class="btn small" data-ticklist-none{}>清空</button></div>'
            '<div class="ticklist-chips" role="group" aria-label="已选，点按可移除"></div></div>'
            '<div class="ticklist-options" id="{}_options">{}</div>'
            '<p class="ticklist-nothing muted" hidden>没有符合条件的选项。</p></div>',
            base_id, self.unit, flatatt(label_attrs), flatatt(attrs),
            base_id, self.placeholder, base_id,
            flatatt({"aria-label": f"筛选{self.label}"} if self.label else {}), flatatt(search_attrs),
            mark_safe(" disabled") if disabled else "",
            ticked_count, self.unit,
            mark_safe(" disabled") if disabled else "", mark_safe(" disabled") if disabled else "",
            base_id, mark_safe("".join(options)))

    def _grouped(self):
        """(group label or None, [(value, label), …]) in the choices' order; the empty choice is left out."""
        for option_value, option_label in self.choices:
            if isinstance(option_label, (list, tuple)):
                yield option_value, [(v, label) for v, label in option_label if v not in ("", None)]
            elif option_value not in ("", None):
                yield None, [(option_value, option_label)]

