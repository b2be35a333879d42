"""Placeholder: filled in by the news part."""

__all__: list[str] = []
