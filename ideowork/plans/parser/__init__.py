"""The work-plan parser: a plan's text → title, year, issuer, sections, items, targets.

    plan = parse_text(read_document(upload.name, upload.read()).text)  # ideowork.core.documents
    plan.to_dict()  # the `ideowork parse_plan PATH --json` shape

Files are read by the one document reader (``core.documents``), not here. Pure Python, no Django:
it runs in management commands, views and tests alike.
"""

from .errors import ParseError
from .parse import parse_text
from .result import ParsedItem, ParsedPlan, ParsedSection, ParsedTarget

__all__ = ["parse_text", "ParseError", "ParsedPlan", "ParsedSection", "ParsedItem", "ParsedTarget"]
