"""materials — see the module owner's docstring once written."""

__all__ = []
