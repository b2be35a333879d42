"""Placeholder: filled in by the publicity part."""

__all__: list[str] = []
