"""What any export does to the text it writes, in one place.

``xml_text``: every file written as XML (Word through ``gongwen``, Excel through ``xlsx``) holds only
characters XML 1.0 allows — a control character pasted into an item's title would otherwise make the
export fail for everyone who downloads it. ``spreadsheet_cell``: every value of a text export (TSV,
CSV) that a spreadsheet would take for a formula is written as text, with the leading apostrophe OWASP
recommends (CSV injection); ``unspreadsheet_cell`` undoes it when such a file is read back.
"""

from __future__ import annotations

import re

__all__ = ["xml_text", "spreadsheet_cell", "unspreadsheet_cell", "FORMULA_STARTS"]

# XML 1.0's Char production, negated: C0 controls but tab, line feed and carriage return; lone surrogates;
# U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def xml_text(value) -> str:
    """``value`` as a string an XML document can hold: the characters XML cannot hold are dropped."""
    text = "" if value is None else str(value)
    return _NOT_XML.sub("", text)


def spreadsheet_cell(value) -> str:
    """``value`` as a text-export cell a spreadsheet will not evaluate: a leading = + - @ tab or CR
    gets an apostrophe in front."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unspreadsheet_cell(text: str) -> str:
    """The value ``spreadsheet_cell`` wrote (a cell read back from one of our text exports)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
