"""Showing a service's ``ValidationError`` on the form that collected the input."""

from django import forms
from django.core.exceptions import ValidationError

__all__ = ["add_service_errors", "require_valid"]


def add_service_errors(form: forms.Form, error: ValidationError, *, aliases: dict | None = None) -> None:
    """Put each message on its field where the form has one (``aliases`` renames service field
    names to form field names), the rest at the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    aliases = aliases or {}
    for name, errors in error.error_dict.items():
        name = aliases.get(name, name)
        form.add_error(name if name in form.fields else None, errors)


def require_valid(form: forms.Form) -> None:
    """Raise the form's messages as one ``ValidationError``, for a one-click action whose refusal is
    reported like a service's (``report_outcome``)."""
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
