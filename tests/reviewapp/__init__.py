"""A test-only reviewable (``Memo``) so core's workflow tests need no area's model."""
