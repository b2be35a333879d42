"""Structural checks: a fixed set of linear scans whose cost does not grow with the number of word rules.

Each check is a function ``check(text, context) -> Iterable[Finding]``.
"""

from __future__ import annotations

from .base import Context
from .doubled import check_doubled
from .enumerations import check_enumerations
from .numbering import check_numbering
from .numbers import check_numbers
from .pairing import check_pairing
from .periods import check_congresses, check_context_words, check_periods
from .punctuation import check_punctuation, check_serial_marks, check_width

__all__ = ["Context", "STRUCTURAL_CHECKS"]

STRUCTURAL_CHECKS = (check_numbering, check_punctuation, check_serial_marks, check_width, check_numbers,
                     check_pairing, check_doubled, check_enumerations, check_periods, check_congresses,
                     check_context_words)
