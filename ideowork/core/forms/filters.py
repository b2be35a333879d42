"""Narrowing a list by what is set on its filter form."""

__all__ = ["filter_by"]


def filter_by(qs, data: dict, lookups: dict[str, str]):
    """``qs`` narrowed by each value set in ``data`` (a filter form's cleaned data), one ``filter`` call a
    value; ``lookups`` maps a form field to the lookup it sets, e.g. ``{"q": "title__icontains"}``."""
    for name, lookup in lookups.items():
        if data.get(name):
            qs = qs.filter(**{lookup: data[name]})
    return qs
