"""Sections the learning area adds to pages of the apps it builds on (``core.panels``)."""
