"""Panels the outlets area adds to other pages (registered through ``core.panels``)."""
