"""The work-plan document parser: text, .docx or .pdf → title, year, issuer, sections, items, targets.

    plan = parse_text(extract_text(upload.name, upload.read()))
    plan.to_dict()  # the `ideowork parse_plan PATH --json` shape

Pure Python, no Django: it runs in management commands, views and tests alike.
"""

from .errors import ParseError
from .extract import extract_text
from .parse import parse_text
from .result import ParsedItem, ParsedPlan, ParsedSection, ParsedTarget

__all__ = ["parse_text", "extract_text", "ParseError", "ParsedPlan", "ParsedSection", "ParsedItem",
           "ParsedTarget"]
