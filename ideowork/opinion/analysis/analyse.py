"""What the ingestion service runs on every item: sentiment, grade and signature, normalising once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..matching.normalise import normalise
from .events import Signature, signature_of_normalised
from .grade import GradeResult, GradeRules, grade
from .lexicon import Lexicon
from .sentiment import SentimentResult, sentiment_of_normalised

__all__ = ["Analysis", "analyse"]


@dataclass(frozen=True, slots=True)
class Analysis:
    sentiment: SentimentResult
    grade: GradeResult
    signature: Signature


def analyse(title: str, text: str, *, source_level: str | None = None, reach: Mapping[str, int] | None = None,
            outlets: int = 1, day: int | None = None, lexicon: Lexicon | None = None,
            rules: GradeRules | None = None) -> Analysis:
    """The item's sentiment, grade (as a single outlet's, unless ``outlets`` says more) and signature.

    The grade of an event is worth recomputing when its outlets grow (``grade`` with the lead item).
    """
    lexicon = lexicon or Lexicon.default()
    title_n, text_n = normalise(title or ""), normalise(text or "")
    mood = sentiment_of_normalised(title_n, text_n, lexicon)
    graded = grade(title_n, text_n, sentiment=mood.label, source_level=source_level, reach=reach, outlets=outlets,
                   lexicon=lexicon, rules=rules, normalised=True,
                   sensitive=mood.sensitive)
    return Analysis(mood, graded, signature_of_normalised(title_n, text_n, day))
