"""Template helpers shared by every area."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..audit import audit_event_label
from ..idempotency import idempotency_field as _idempotency_field
from ..panels import render_panels

register = template.Library()


@register.simple_tag
def idempotency_field():
    """The hidden key of a create form: sent twice, it creates one record (core.idempotency)."""
    return _idempotency_field()


@register.simple_tag(takes_context=True)
def panels(context, slot, obj):
    """Render the panels other apps registered for ``slot`` (see core.panels)."""
    return render_panels(slot, context.get("request"), obj)


@register.simple_tag(takes_context=True)
def fields(context, form, *names, radios=False):
    """The named fields of ``form``, each drawn by ``core/field.html`` (label, input, help, errors), in order:
    ``{% fields form "title" "kind" "org_unit?" %}``. A name ending in "?" is drawn only when the form has that
    field (a form that offers it to some users); any other name the form lacks is an error."""
    field_template = context.template.engine.get_template("core/field.html")
    drawn = []
    for name in names:
        if name.endswith("?") and name[:-1] not in form.fields:
            continue
        with context.push(field=form[name.removesuffix("?")], radios=radios):
            drawn.append(field_template.render(context))
    return mark_safe("\n".join(drawn))


@register.simple_tag
def status_badge(status, label):
    return format_html('<span class="status status-{}">{}</span>', status, label)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.filter
def audit_label(event_type: str) -> str:
    """The Chinese label of a registered audit event type."""
    return audit_event_label(event_type)


@register.filter
def audit_changes(event, limit: int = 60):
    """(field, old, new) for the values an audit event changed, each shortened to ``limit`` characters.

    A creation lists the new values, a deletion the old ones; unchanged values are left out.
    """
    old, new = event.old or {}, event.new or {}
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [("", _short(old, limit), _short(new, limit))]
    rows = []
    for key in list(dict.fromkeys([*old, *new])):
        before, after = old.get(key), new.get(key)
        if key in old and key in new and before == after:
            continue
        rows.append((key, _short(before, limit) if key in old else "", _short(after, limit) if key in new else ""))
    return rows


def _short(value, limit: int) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict) and "repr" in value:
        value = value["repr"]
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
