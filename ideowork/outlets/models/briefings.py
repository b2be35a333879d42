"""Placeholder: filled in by the briefings part."""

__all__: list[str] = []
