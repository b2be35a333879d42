"""Structural checks: a fixed set of linear scans whose cost does not grow with the number of word rules.

Each check is a function ``check(text, context) -> Iterable[Finding]``.
"""

from __future__ import annotations

from .adverbials import check_adverbials
from .base import Context
from .doubled import check_doubled, check_doubled_words
from .enumerations import check_enumerations
from .glyphs import check_glyphs
from .history import check_history
from .judicial import check_judicial
from .leaders import check_leaders
from .leftovers import check_leftovers
from .bodies import check_bodies
from .mentions import check_mentions
from .numbering import check_document_numbers, check_heading_marks, check_inline_consistency, check_inline_marks, check_inline_sequences, check_numbering
from .numbers import check_fixed_numbers, check_mixed_counts, check_number_usage, check_numbers
from .terms import check_terms
from .pairing import check_pairing
from .quotes import check_quotes
from .superlatives import check_superlatives
from .written_numbers import check_written_numbers
from .periods import check_congresses, check_context_words, check_periods
from .punctuation import check_punctuation, check_width

__all__ = ["Context", "STRUCTURAL_CHECKS"]

STRUCTURAL_CHECKS = (check_numbering, check_inline_sequences, check_inline_marks, check_inline_consistency, check_heading_marks,
                     check_document_numbers,
                     check_punctuation, check_width, check_numbers,
                     check_number_usage, check_fixed_numbers, check_mixed_counts, check_written_numbers, check_pairing, check_doubled, check_doubled_words,
                     check_enumerations, check_quotes, check_periods, check_congresses, check_history, check_leftovers, check_terms,
                     check_context_words, check_adverbials, check_glyphs,
                     check_superlatives, check_judicial, check_bodies, check_mentions, check_leaders)
